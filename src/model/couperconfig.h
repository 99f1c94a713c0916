#pragma once

#include "model/block.h"
#include "util/diagnostic.h"
#include "util/result.h"

namespace Tokenbench::Core::Hcl {

// A Couper configuration file opened for running: its backends as model blocks whose attribute
// values are evaluated (literals, functions, env.NAME) the way Couper does at startup, with env.NAME
// references kept as references so the resolver (--env, environment, keychain) supplies them.
struct CouperConfig
{
    QString fileName;
    QByteArray source;
    QList<Block> backends;    // named (definitions) and anonymous backends
    Diagnostics diagnostics;  // parser + Couper schema + evaluation problems, with file:line:col
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
