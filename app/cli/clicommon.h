#pragma once

#include <QString>
#include <QStringList>

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

} // namespace Tokenbench::Cli
