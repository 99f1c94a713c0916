#pragma once

#include "model/block.h"
#include "model/workspacefile.h"
#include "util/result.h"

#include <QDateTime>

namespace Tokenbench::Core::Recovery {

// Unsaved edits are written every few seconds to a recovery file (a workspace file, so secrets are
// references, never values) in the application's data folder; after a crash the next start offers
// to restore them. Saving, discarding or closing normally removes the file.
struct Entry
{
    QString workspaceId;
    QString recoveryFile;  // <dir>/<id>.tbw
    QString originalPath;  // the file the edits belong to; empty for an unsaved workspace
    QDateTime savedAt;
};

QString directory(); // AppDataLocation/recovery
Result<void> write(const QString& workspaceId, const QString& originalPath, const QList<Block>& backends);
QList<Entry> pending(); // newest first
Result<WorkspaceFile::Loaded> read(const Entry& entry);
void discard(const QString& workspaceId);

} // namespace Tokenbench::Core::Recovery
