// Transport faults, end to end: the engine (HttpExchange) names what failed, where and what to try, and
// tokenbench-cli exits 3 (transport) with the same explanation. Nothing leaves the machine: loopback
// servers only, and a DNS name that cannot resolve (RFC 6761 reserves .invalid).
#include "net/httpexchange.h"
#include "net/networkaccessmanager.h"
#include "util/clirunner.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

#include <algorithm>
#include <memory>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Tokenbench::Core;
using Tokenbench::Test::RawHttpServer;

namespace {

PreparedRequest tokenPost(const QUrl& url)
{
    PreparedRequest r;
    r.method = "POST";
    r.url = url;
    r.purpose = QStringLiteral("token request");
    r.headers = {{"Accept", "application/json"}, {"Content-Type", "application/x-www-form-urlencoded"}};
    r.body = "grant_type=client_credentials";
    return r;
}

Exchange runExchange(const QUrl& url, Timeouts timeouts)
{
    NetworkAccessManager nam;
    HttpExchange ex(&nam, tokenPost(url), timeouts);
    QSignalSpy finished(&ex, &HttpExchange::finished);
    ex.start();
    if (finished.isEmpty())
        finished.wait(25000);
    return ex.exchange();
}

Timeouts shortTimeouts()
{
    Timeouts t;
    t.connectMs = 5000;
    t.ttfbMs = 10000;
    t.totalMs = 20000;
    return t;
}

Tokenbench::Test::CliRun cli(const QUrl& url, const QStringList& extra = {})
{
    return Tokenbench::Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH),
                                    QStringList{QStringLiteral("token"), QStringLiteral("--token-endpoint"),
                                                url.toString(), QStringLiteral("--client-id"),
                                                QStringLiteral("c"), QStringLiteral("--client-secret"),
                                                QStringLiteral("env:TB_FAULT_SECRET")} +
                                        extra,
                                    {{QStringLiteral("TB_FAULT_SECRET"), QStringLiteral("s")}});
}

QString hostPort(quint16 port)
{
    return QStringLiteral("127.0.0.1:%1").arg(port);
}

} // namespace

class TestTransportFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void connectionRefused_saysNothingListens()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        const QUrl url(QStringLiteral("http://127.0.0.1:%1/token").arg(port));
        const Exchange e = runExchange(url, shortTimeouts());
        QCOMPARE(e.failure, Exchange::Failure::ConnectionRefused);
        QVERIFY2(e.failureText.contains(QStringLiteral("connection refused by ") + hostPort(port)),
                 qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(QStringLiteral("Is the server running")), qPrintable(e.failureText));
        const auto r = cli(url);
        qInfo("tokenbench-cli exit %d: %s", r.exitCode, r.err.trimmed().constData());
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("connection refused by 127.0.0.1"), r.err.constData());
    }

    void dnsFailure_namesTheHost()
    {
        // .invalid never resolves (RFC 6761); this machine's resolver answers NXDOMAIN at once, the bounded
        // connect timeout only guards against a resolver that hangs.
        const QUrl url(QStringLiteral("http://nonexistent.invalid/token"));
        QElapsedTimer clock;
        clock.start();
        const Exchange e = runExchange(url, shortTimeouts());
        QVERIFY2(e.failure == Exchange::Failure::HostNotFound, qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(QStringLiteral("host \"nonexistent.invalid\" not found (DNS)")),
                 qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(QStringLiteral("check the spelling")), qPrintable(e.failureText));
        QVERIFY(!e.hasResponse());
        const auto r = cli(url, {QStringLiteral("--connect-timeout"), QStringLiteral("5s")});
        qInfo("tokenbench-cli exit %d: %s", r.exitCode, r.err.trimmed().constData());
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("host \"nonexistent.invalid\" not found (DNS)"), r.err.constData());
        QVERIFY(clock.elapsed() < 15000);
    }

    void connectTimeout_fullBacklog_hitsTheConnectTimeout()
    {
        // A listener that never accepts and whose accept queue is full: the kernel drops further SYNs, so a
        // new connection attempt stays in SYN-SENT, on loopback, until the client gives up.
        QTcpServer server;
        server.setListenBacklogSize(0);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        server.pauseAccepting();
        std::vector<std::unique_ptr<QTcpSocket>> fillers;
        for (int i = 0; i < 4; ++i) {
            fillers.push_back(std::make_unique<QTcpSocket>());
            fillers.back()->connectToHost(QHostAddress::LocalHost, server.serverPort());
        }
        // At least one filler is in the queue, at least one is left hanging: the queue is full.
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(fillers.cbegin(), fillers.cend(),
                        [](const auto& s) { return s->state() == QAbstractSocket::ConnectedState; }),
            5000);
        QVERIFY(std::any_of(fillers.cbegin(), fillers.cend(),
                            [](const auto& s) { return s->state() == QAbstractSocket::ConnectingState; }));

        const QUrl url(QStringLiteral("http://127.0.0.1:%1/token").arg(server.serverPort()));
        Timeouts t = shortTimeouts();
        t.connectMs = 500;
        QElapsedTimer clock;
        clock.start();
        const Exchange e = runExchange(url, t);
        QVERIFY2(e.failure == Exchange::Failure::ConnectTimeout, qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(
                     QStringLiteral("could not connect to %1 within the connect timeout (500ms)")
                         .arg(hostPort(server.serverPort()))),
                 qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(QStringLiteral("connect_timeout")), qPrintable(e.failureText));
        QVERIFY(clock.elapsed() < 5000);

        const auto r = cli(url, {QStringLiteral("--connect-timeout"), QStringLiteral("500ms")});

        qInfo("tokenbench-cli exit %d: %s", r.exitCode, r.err.trimmed().constData());
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("within the connect timeout (500ms)"), r.err.constData());
    }

    void neverAnswers_ttfbTimeout_exits3()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::hang());
        const QUrl url = server.url(QStringLiteral("/token"));
        Timeouts t = shortTimeouts();
        t.ttfbMs = 300;
        const Exchange e = runExchange(url, t);
        QCOMPARE(e.failure, Exchange::Failure::TtfbTimeout);
        QVERIFY2(
            e.failureText.contains(hostPort(server.port()) +
                                   QStringLiteral(" accepted the request but sent no response within the "
                                                  "time-to-first-byte timeout (300ms)")),
            qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(QStringLiteral("raise ttfb_timeout")), qPrintable(e.failureText));

        const auto r = cli(url, {QStringLiteral("--ttfb-timeout"), QStringLiteral("300ms")});

        qInfo("tokenbench-cli exit %d: %s", r.exitCode, r.err.trimmed().constData());
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("time-to-first-byte timeout (300ms)"), r.err.constData());
    }

    void neverAnswers_totalTimeout_exits3()
    {
        // No ttfb limit: the overall timeout ends it, and says nothing at all came back.
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::hang());
        const QUrl url = server.url(QStringLiteral("/token"));
        Timeouts t = shortTimeouts();
        t.ttfbMs = 0;
        t.totalMs = 400;
        const Exchange e = runExchange(url, t);
        QCOMPARE(e.failure, Exchange::Failure::TotalTimeout);
        QVERIFY2(e.failureText.contains(QStringLiteral("did not complete within the timeout (400ms)")),
                 qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(QStringLiteral("no response")), qPrintable(e.failureText));

        const auto r = cli(url, {QStringLiteral("--ttfb-timeout"), QStringLiteral("0s"),
                                 QStringLiteral("--timeout"), QStringLiteral("400ms")});

        qInfo("tokenbench-cli exit %d: %s", r.exitCode, r.err.trimmed().constData());
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("within the timeout (400ms)"), r.err.constData());
    }

    void slowDrip_totalTimeout_reportsProgress()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::drip(QByteArray(2000, 'x'), 1, 20));
        const QUrl url = server.url(QStringLiteral("/token"));
        Timeouts t = shortTimeouts();
        t.totalMs = 500;
        const Exchange e = runExchange(url, t);
        QCOMPARE(e.failure, Exchange::Failure::TotalTimeout);
        QVERIFY(e.responseBytes > 0 && e.responseBytes < 2000);
        QCOMPARE(e.status, 200); // the head arrived and stays in the trace
        QVERIFY2(e.failureText.contains(QStringLiteral("did not complete within the timeout (500ms)")),
                 qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(QStringLiteral("of 2000 bytes")), qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(QStringLiteral("very slowly")), qPrintable(e.failureText));

        const auto r = cli(url, {QStringLiteral("--timeout"), QStringLiteral("500ms")});

        qInfo("tokenbench-cli exit %d: %s", r.exitCode, r.err.trimmed().constData());
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("within the timeout (500ms)") && r.err.contains("of 2000 bytes"),
                 r.err.constData());
    }

    void closedMidBody_saysHowMuchArrived()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::closeMidBody("{\"access_", 500));
        const QUrl url = server.url(QStringLiteral("/token"));
        const Exchange e = runExchange(url, shortTimeouts());
        QCOMPARE(e.failure, Exchange::Failure::ClosedEarly);
        QVERIFY2(
            e.failureText.contains(hostPort(server.port()) +
                                   QStringLiteral(" closed the connection in the middle of the response body "
                                                  "(9 of 500 bytes received)")),
            qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(QStringLiteral("try again")), qPrintable(e.failureText));

        const auto r = cli(url);

        qInfo("tokenbench-cli exit %d: %s", r.exitCode, r.err.trimmed().constData());
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("in the middle of the response body (9 of 500 bytes received)"),
                 r.err.constData());
    }

    void closedWithoutAnswer_saysSo()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour([](QTcpSocket* socket, const QByteArray&) { socket->disconnectFromHost(); });
        const QUrl url = server.url(QStringLiteral("/token"));
        const Exchange e = runExchange(url, shortTimeouts());
        QCOMPARE(e.failure, Exchange::Failure::ClosedEarly);
        QVERIFY2(e.failureText.contains(QStringLiteral("closed the connection without answering")),
                 qPrintable(e.failureText));
        const auto r = cli(url);
        qInfo("tokenbench-cli exit %d: %s", r.exitCode, r.err.trimmed().constData());
        QCOMPARE(r.exitCode, 3);
    }
};

QTEST_GUILESS_MAIN(TestTransportFaults)
#include "tst_transportfaults.moc"
