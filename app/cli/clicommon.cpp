#include "clicommon.h"

#include <QCommandLineParser>
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

std::optional<int> parseCommandLine(QCommandLineParser& parser, const QStringList& arguments)
{
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return Ok;
    }
    return std::nullopt;
}

QString versionText()
{
    return QStringLiteral("tokenbench-cli " TOKENBENCH_VERSION);
}

} // namespace Tokenbench::Cli
