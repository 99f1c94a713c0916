#pragma once

#include <QStringList>

namespace Tokenbench::Cli {
// tokenbench-cli fmt FILE [-w] [--check]: canonical HCL layout (as hclwrite / terraform fmt).
int runFmt(const QStringList& arguments);
} // namespace Tokenbench::Cli
