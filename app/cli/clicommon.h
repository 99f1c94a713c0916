#pragma once

#include <optional>

#include <QList>
#include <QString>
#include <QStringList>

#include "model/block.h"

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

// A CONFIG argument read: a workspace (.tbw) or a Couper file (.hcl, evaluated as Couper does at startup).
struct LoadedConfig
{
    QList<Core::Block> backends;
    QString workspaceId; // the keychain namespace of its secrets
};
// Prints the reason (a load error, or the first error diagnostic of a Couper file) and returns nullopt
// when the file cannot be used.
std::optional<LoadedConfig> loadConfig(const QString& path);

} // namespace Tokenbench::Cli
