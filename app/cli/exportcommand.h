#pragma once

#include <QStringList>

namespace Tokenbench::Cli {

// tokenbench-cli export CONFIG --format couper|curl|oauth2c|http [--backend NAME] [--request LABEL] [-o FILE]
// tokenbench-cli export --format kyma --application NAME [--tenant T] [--group G]
int runExport(const QStringList& arguments);

} // namespace Tokenbench::Cli
