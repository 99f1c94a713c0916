#pragma once

#include "model/block.h"
#include "model/diagnostic.h"
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

} // namespace Tokenbench::Core::Hcl
