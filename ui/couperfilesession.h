#pragma once

#include "model/block.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

class QWidget;

namespace Tokenbench::Ui {

// A Couper file opened as the workspace: remembers the text and the backends as they were loaded, so Save
// writes only the edits back into the file (Core::Hcl::writeBack), after a diff preview, atomically, and
// notices when the file changed on disk in the meantime. Tokenbench's own settings (the resource URL, ...)
// are saved beside it, in `<file>.tokenbench.json`.
class CouperFileSession
{
public:
    enum class Outcome
    {
        Saved,
        Unchanged,
        Canceled,
        Reload,
        Failed
    };
    struct SaveResult
    {
        Outcome outcome = Outcome::Failed;
        QList<QPair<QString, QString>> secrets; // typed secrets now referenced as env.NAME: for the keychain
        QStringList notes;
    };

    void open(const QString& path, const QByteArray& source, const QList<Core::Block>& backends);
    void clear();
    bool isOpen() const { return !m_path.isEmpty(); }
    QString path() const { return m_path; }
    // Asks (diff preview; reload/overwrite when the file changed on disk) and writes.
    SaveResult save(QWidget* parent, const QList<Core::Block>& backends);

private:
    // Tokenbench-only attributes go to the file's sidecar (Core::CouperFileSettings), never into the file.
    bool saveSettings(QWidget* parent, const QList<Core::Block>& backends, SaveResult* result);

    QString m_path;
    QByteArray m_source;
    QList<Core::Block> m_baseline;
};

} // namespace Tokenbench::Ui
