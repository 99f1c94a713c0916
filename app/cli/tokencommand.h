#pragma once

#include <QStringList>

namespace Tokenbench::Cli {
// tokenbench-cli token [WORKSPACE --backend NAME] [attribute flags] [--json] [--reveal]
int runToken(const QStringList& arguments);
QString tokenHelp();
} // namespace Tokenbench::Cli
