#include "clicommon.h"

#include <QTextStream>

namespace Tokenbench::Cli {

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream& err()
{
    static QTextStream s(stderr);
    return s;
}

void printError(const QString& message)
{
    err() << "tokenbench-cli: error: " << message << Qt::endl;
}

void printWarning(const QString& message)
{
    err() << "tokenbench-cli: warning: " << message << Qt::endl;
}

QString versionText()
{
    return QStringLiteral("tokenbench-cli " TOKENBENCH_VERSION);
}

} // namespace Tokenbench::Cli
