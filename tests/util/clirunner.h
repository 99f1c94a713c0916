#pragma once

#include <QByteArray>
#include <QHash>
#include <QStringList>

namespace Tokenbench::Test {

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs tokenbench-cli as a script would, without blocking the event loop (in-process servers keep
// answering). `stdinData` is written to its standard input, which is then closed.
CliRun runCli(const QString& program, const QStringList& args, const QHash<QString, QString>& env = {},
              const QByteArray& stdinData = {});

} // namespace Tokenbench::Test
