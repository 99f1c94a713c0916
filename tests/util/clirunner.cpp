#include "util/clirunner.h"

#include <QProcess>
#include <QSignalSpy>

namespace Tokenbench::Test {

CliRun runCli(const QString& program, const QStringList& args, const QHash<QString, QString>& env,
              const QByteArray& stdinData)
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return {};
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!finished.wait(60000))
        p.kill();
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace Tokenbench::Test
