#pragma once

#include "model/block.h"
#include "util/diagnostic.h"
#include "util/result.h"

#include <QSet>

namespace Tokenbench::Core {
class ValueResolver;
}

namespace Tokenbench::Core::Hcl {

// A Couper configuration file opened for running: its backends as model blocks whose attribute
// values are evaluated (literals, functions, env.NAME) the way Couper does at startup, with env.NAME
// references kept as references so the resolver (--env, environment, keychain) supplies them.
struct CouperConfig
{
    QString fileName;
    QByteArray source;
    QList<Block> backends;    // named (definitions) and anonymous backends
    // Everything `check` reports, each with file:line:col: the parser, the file's Couper rules (labels,
    // references, ...), evaluation problems and the Validator's rules on the backends (the same rules as
    // for a workspace; a Tokenbench extension Couper refuses is an error here).
    Diagnostics diagnostics;
    // The same without the Validator's rules, for a workspace that re-runs those itself as blocks change.
    Diagnostics loadDiagnostics;

    // The Validator's rules again, placed in the file, with env.NAME checked against `resolver` and the
    // names `keychainNames` (the keychain's index for this file; nullptr: not known).
    Diagnostics ruleDiagnostics(const ValueResolver* resolver, const QSet<QString>* keychainNames) const;
};

bool isHclFile(const QString& path);
Result<CouperConfig> loadCouperConfig(const QString& path);
// The same for text already read (`path` names it in diagnostics).
CouperConfig parseCouperConfig(const QByteArray& source, const QString& path);

// Whether loading evaluates an attribute (its model value is then the evaluated text, e.g. the URL
// without quotes); otherwise the model keeps the expression exactly as written. env.NAME references
// always stay references.
bool evaluatedAtStartup(const QString& blockType, const QString& attribute);

} // namespace Tokenbench::Core::Hcl
