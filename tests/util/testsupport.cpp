#include "util/testsupport.h"

#include "testconfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace Tokenbench::Test {

void initTestEnvironment()
{
    QStandardPaths::setTestModeEnabled(true);
    static QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.path() + QStringLiteral("/config")));
    qputenv("XDG_DATA_HOME_TOKENBENCH_TESTS", QFile::encodeName(home.path()));
    QCoreApplication::setOrganizationName(QStringLiteral("TokenbenchTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tokenbench-tests"));
}

QString dataPath(const QString& relative)
{
    return QStringLiteral(TOKENBENCH_TEST_DATA_DIR "/") + relative;
}

QByteArray readData(const QString& relative)
{
    QFile f(dataPath(relative));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data file %s", qPrintable(f.fileName()));
    return f.readAll();
}

} // namespace Tokenbench::Test
