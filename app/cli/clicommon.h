#pragma once

#include <optional>

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "model/block.h"
#include "util/diagnostic.h"

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

// A CONFIG argument read: a workspace (.tbw) or a Couper configuration (a .hcl file, a directory, or the
// files of -f/-d; evaluated as Couper does at startup).
struct LoadedConfig
{
    QList<Core::Block> backends;
    QString workspaceId; // the keychain namespace of its secrets
    QString baseDir;     // relative *_file paths: the (first) file's folder
    QMap<QString, QString> defaultEnvironment;           // defaults.environment_variables (Couper files)
    QMap<QString, Core::Diagnostic> requestReads;        // where attributes that read the client request are
};
// Prints the reason (a load error, or the first error diagnostic of a Couper file) and returns nullopt
// when the file cannot be used.
std::optional<LoadedConfig> loadConfig(const QString& path);
// The same for several Couper files and directories, merged in order as Couper's -f/-d do.
std::optional<LoadedConfig> loadConfig(const QStringList& paths);

// Couper's -f FILE and -d DIR (repeatable; the files merged in command-line order).
void addCouperFileOptions(QCommandLineParser& parser);
// The configuration's paths: the -f/-d values in command-line order, else the positional CONFIG
// (`positional`, empty when none). nullopt (after printing why) when both are given.
std::optional<QStringList> configPaths(const QCommandLineParser& parser, const QStringList& arguments,
                                       const QStringList& positional);
// Whether `paths` name a Couper configuration (a .hcl file, a directory, or several paths).
bool isCouperConfiguration(const QStringList& paths);

} // namespace Tokenbench::Cli
