#pragma once

#include <optional>

#include <QString>
#include <QStringList>

class QCommandLineParser;
class QTextStream;

namespace Tokenbench::Cli {

// Exit codes: the contract scripts rely on.
enum ExitCode {
    Ok = 0,
    Usage = 2,     // usage or configuration error
    Transport = 3, // refused, DNS, TLS, timeout
    Refused = 4,   // the server answered with an error
    NoToken = 5,   // no token in the response
};

QTextStream& out();
QTextStream& err();
// "tokenbench-cli: error: <message>" on stderr.
void printError(const QString& message);
void printWarning(const QString& message);

QString versionText();

// Parses a command's arguments; returns the exit code when the command is done already (a usage error,
// or --help printed), nullopt when it should go on.
std::optional<int> parseCommandLine(QCommandLineParser& parser, const QStringList& arguments);

} // namespace Tokenbench::Cli
