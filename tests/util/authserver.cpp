#include "util/authserver.h"

#include "testconfig.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace Tokenbench::Test {

AuthServer::AuthServer() = default;

AuthServer::~AuthServer()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.closeWriteChannel();
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(2000);
    }
}

bool AuthServer::start(QString* error, const QStringList& extraArgs)
{
    const QString dir = QStringLiteral(TOKENBENCH_AUTHSERVER_DIR);
    if (!QDir(dir + QStringLiteral("/node_modules/oidc-provider")).exists()) {
        *error = QStringLiteral("oidc-provider is not installed in %1; run scripts/test.sh (or npm ci there)").arg(dir);
        return false;
    }
    m_process.setWorkingDirectory(dir);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(QStringLiteral("node"), QStringList{QStringLiteral("server.mjs")} + extraArgs);
    if (!m_process.waitForStarted(10000)) {
        *error = QStringLiteral("could not start node: %1").arg(m_process.errorString());
        return false;
    }
    QByteArray out;
    const QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        if (!m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            if (m_process.state() == QProcess::NotRunning)
                break;
            continue;
        }
        out += m_process.readAllStandardOutput();
        const qsizetype at = out.indexOf("LISTENING ");
        if (at >= 0 && out.indexOf('\n', at) > at) {
            const qsizetype end = out.indexOf('\n', at);
            m_issuer = QUrl(QString::fromLatin1(out.mid(at + 10, end - at - 10).trimmed()));
            return true;
        }
    }
    m_log = out + m_process.readAllStandardError();
    *error = QStringLiteral("oidc-provider did not start: %1").arg(QString::fromLocal8Bit(m_log));
    return false;
}

QUrl AuthServer::tokenEndpoint() const
{
    QUrl u = m_issuer;
    u.setPath(QStringLiteral("/token"));
    return u;
}

QJsonObject AuthServer::lastTokenRequest() const
{
    QNetworkAccessManager nam;
    QUrl u = m_issuer;
    u.setPath(QStringLiteral("/__tokenbench/last-token-request"));
    QNetworkReply* reply = nam.get(QNetworkRequest(u));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
    delete reply;
    return o;
}

} // namespace Tokenbench::Test
