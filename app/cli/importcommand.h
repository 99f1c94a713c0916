#pragma once

#include <QStringList>

namespace Tokenbench::Cli {

// tokenbench-cli import curl|http [FILE] [--name LABEL] [-o FILE]: a curl command (stdin) or a .http
// file's token request as a Couper HCL file with one backend; env variable names on stderr.
int runImport(const QStringList& arguments);

} // namespace Tokenbench::Cli
