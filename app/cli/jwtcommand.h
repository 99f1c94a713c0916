#pragma once

#include <QStringList>

namespace Tokenbench::Cli {
// tokenbench-cli jwt decode|verify|sign ...
int runJwt(const QStringList& arguments);
} // namespace Tokenbench::Cli
