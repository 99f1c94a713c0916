// HttpExchange against small real socket servers: the trace equals the bytes on the wire, and every
// transport fault ends in a specific, explained failure.
#include "net/httpexchange.h"
#include "net/networkaccessmanager.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

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
    r.headers = {{"Accept", "application/json"},
                 {"Content-Type", "application/x-www-form-urlencoded"},
                 {"Authorization", "Basic dXNlcjpwYXNz"}};
    r.body = "grant_type=client_credentials&scope=a+b";
    return r;
}

Exchange runExchange(QNetworkAccessManager* nam, const PreparedRequest& request, Timeouts timeouts = {},
                     qint64 maxBody = 0)
{
    HttpExchange ex(nam, request, timeouts);
    if (maxBody > 0)
        ex.setMaxBodyBytes(maxBody);
    QSignalSpy finished(&ex, &HttpExchange::finished);
    ex.start();
    if (finished.isEmpty())
        finished.wait(30000);
    return ex.exchange();
}

// Splits a raw HTTP/1.1 request into its request line, header lines and body.
struct RawRequest
{
    QByteArray requestLine;
    QList<QByteArray> headerLines;
    QByteArray body;
};

RawRequest splitRaw(const QByteArray& raw)
{
    RawRequest r;
    const qsizetype end = raw.indexOf("\r\n\r\n");
    const QList<QByteArray> lines = raw.left(end).split('\n');
    r.requestLine = lines.constFirst().trimmed();
    for (qsizetype i = 1; i < lines.size(); ++i)
        r.headerLines << lines.at(i).trimmed();
    r.body = raw.mid(end + 4);
    return r;
}

} // namespace

class TestHttpExchange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void trace_isExactlyWhatWentOverTheWire()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        NetworkAccessManager nam;
        const Exchange e = runExchange(&nam, tokenPost(server.url(QStringLiteral("/oauth/token"))));
        QCOMPARE(e.failure, Exchange::Failure::None);
        QCOMPARE(server.requests().size(), 1);
        const RawRequest wire = splitRaw(server.requests().constFirst());
        QCOMPARE(wire.requestLine, QByteArray("POST /oauth/token HTTP/1.1"));
        QCOMPARE(wire.body, e.requestBody);
        // Every header on the wire is in the trace with the same value, and nothing else.
        QStringList wireHeaders, traceHeaders;
        for (const QByteArray& line : wire.headerLines)
            wireHeaders << QString::fromLatin1(line).toLower();
        for (const HttpHeader& h : e.requestHeaders)
            traceHeaders << QString::fromLatin1(h.name + ": " + h.value).toLower();
        wireHeaders.sort();
        traceHeaders.sort();
        QCOMPARE(traceHeaders, wireHeaders);
        QCOMPARE(e.status, 200);
        QVERIFY(e.responseBody.contains("raw-server-token"));
        QVERIFY(e.durationMs >= 0);
        QVERIFY(e.requestSentMs >= 0 && e.requestSentMs <= e.firstByteMs);
    }

    void connections_areReusedAcrossExchanges()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        NetworkAccessManager nam;
        for (int i = 0; i < 5; ++i)
            QCOMPARE(runExchange(&nam, tokenPost(server.url(QStringLiteral("/t")))).status, 200);
        QCOMPARE(server.requests().size(), 5);
        QCOMPARE(server.connectionCount(), 1);
    }

    void connectionRefused_isExplained()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        NetworkAccessManager nam;
        const Exchange e = runExchange(&nam, tokenPost(QUrl(QStringLiteral("http://127.0.0.1:%1/t").arg(port))));
        QCOMPARE(e.failure, Exchange::Failure::ConnectionRefused);
        QVERIFY(e.failureText.contains(QStringLiteral("connection refused")));
        QVERIFY(!e.hasResponse());
    }

    void hangingServer_hitsTheTtfbTimeout()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::hang());
        NetworkAccessManager nam;
        Timeouts t;
        t.ttfbMs = 300;
        const Exchange e = runExchange(&nam, tokenPost(server.url(QStringLiteral("/t"))), t);
        QCOMPARE(e.failure, Exchange::Failure::TtfbTimeout);
        QVERIFY(e.failureText.contains(QStringLiteral("time-to-first-byte")));
    }

    void slowDrip_hitsTheTotalTimeout()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::drip(QByteArray(2000, 'x'), 1, 50));
        NetworkAccessManager nam;
        Timeouts t;
        t.totalMs = 400;
        const Exchange e = runExchange(&nam, tokenPost(server.url(QStringLiteral("/t"))), t);
        QCOMPARE(e.failure, Exchange::Failure::TotalTimeout);
        QVERIFY(e.responseBytes > 0);
    }

    void closedMidBody_isReported()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::closeMidBody("{\"access_", 500));
        NetworkAccessManager nam;
        const Exchange e = runExchange(&nam, tokenPost(server.url(QStringLiteral("/t"))));
        QCOMPARE(e.failure, Exchange::Failure::ClosedEarly);
        QVERIFY2(e.failureText.contains(QStringLiteral("closed the connection")), qPrintable(e.failureText));
    }

    void garbage_isNotHttp()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::garbage("\x16\x03\x01 this is not http at all\r\n\r\n"));
        NetworkAccessManager nam;
        const Exchange e = runExchange(&nam, tokenPost(server.url(QStringLiteral("/t"))));
        QVERIFY(e.failure != Exchange::Failure::None);
        QVERIFY(!e.failureText.isEmpty());
    }

    void hugeBody_isCappedWithMemoryBounded()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::respond(200, "application/json", QByteArray(3 * 1024 * 1024, 'a')));
        NetworkAccessManager nam;
        const Exchange e = runExchange(&nam, tokenPost(server.url(QStringLiteral("/t"))), {}, 1024 * 1024);
        QCOMPARE(e.failure, Exchange::Failure::TooLarge);
        // Content-Length above the cap: refused at the head, before the body is read up to the cap.
        QVERIFY(e.responseBody.size() < 1024 * 1024);
        QVERIFY2(e.failureText.contains(QStringLiteral("exceeded 1 MiB (it announced 3 MiB)")), qPrintable(e.failureText));
    }

    void redirect_isNotFollowed()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::respond(302, "text/plain", "moved", {{"Location", "/t"}}));
        NetworkAccessManager nam;
        const Exchange e = runExchange(&nam, tokenPost(server.url(QStringLiteral("/t"))));
        QCOMPARE(e.failure, Exchange::Failure::None);
        QCOMPARE(e.status, 302);
        QCOMPARE(server.requests().size(), 1);
    }

    void cancel_endsAtOnce()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::hang());
        NetworkAccessManager nam;
        HttpExchange ex(&nam, tokenPost(server.url(QStringLiteral("/t"))), {});
        QSignalSpy finished(&ex, &HttpExchange::finished);
        ex.start();
        QTRY_COMPARE(server.requests().size(), 1);
        ex.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(ex.exchange().failure, Exchange::Failure::Canceled);
        QVERIFY(!ex.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestHttpExchange)
#include "tst_httpexchange.moc"
