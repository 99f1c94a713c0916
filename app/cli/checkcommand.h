#pragma once

#include <QStringList>

namespace Tokenbench::Cli {
int runCheck(const QStringList& arguments);
}
