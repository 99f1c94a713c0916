#pragma once

#include "model/block.h"
#include "util/diagnostic.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Tokenbench::Core::CouperFileSettings {

// Tokenbench's own settings for a Couper file — the attributes Couper does not know
// (Schema::isTokenbenchOnly: the resource check's tokenbench_resource_url, the interactive grants'
// endpoints, raw_basic_credentials, ...) — live beside the file, never in it: in a sidecar
// `<file>.tokenbench.json` (for couper.hcl: couper.hcl.tokenbench.json), a small JSON object that diffs
// well, travels with the file (commit it or not) and never holds a secret: secret attributes are kept only
// as env.NAME references, and a value that contains a secret Tokenbench knows is left out.
//
//   { "backends": { "billing": { "tokenbench_resource_url": "https://api.example.com/orders",
//                                "oauth2.redirect_uri": "http://127.0.0.1:8400/cb" } },
//     "format": "tokenbench-couper-settings", "version": 1 }

QString sidecarPath(const QString& couperFile);

// The backends without Tokenbench-only attributes (what may be written into the Couper file).
QList<Block> withoutTokenbenchOnly(QList<Block> backends);

struct Saved
{
    bool changed = false; // the sidecar was written, replaced or removed
    QStringList notes;    // settings left out (secrets) and why
};
// Writes the Tokenbench-only attributes of `backends` into the sidecar of `couperFile` (atomically), or
// removes a sidecar that no longer has anything to hold.
Result<Saved> save(const QString& couperFile, const QList<Block>& backends);

// Restores the sidecar's settings onto the backends loaded from `couperFile` (by backend label; only
// Tokenbench-only attributes, only into blocks the file has, never over a value the file itself sets).
// A sidecar that cannot be read or is not ours gives a warning and is otherwise ignored.
void restore(const QString& couperFile, QList<Block>& backends, Diagnostics& diagnostics);

} // namespace Tokenbench::Core::CouperFileSettings
