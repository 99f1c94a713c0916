#pragma once

#include <QString>
#include <QStringList>

namespace Tokenbench::Cli {
int runCheck(const QStringList& arguments);
// What check covers (its --help text).
QString checkHelp();
}
