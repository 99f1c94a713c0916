// The loopback listener that receives the browser's redirect (RFC 8252 §7.3).
#include "net/loopbackreceiver.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Tokenbench::Core;

namespace {

// Sends `raw` to the listener over a real socket and returns everything it answered.
QByteArray roundTrip(const QUrl& redirect, const QByteArray& raw)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(redirect.host()), quint16(redirect.port()));
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(raw);
    QByteArray answer;
    // The listener runs in this thread: let the event loop run until it closes the connection.
    (void)QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        5000);
    answer += socket.readAll();
    return answer;
}

} // namespace

class TestLoopbackReceiver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseRequest_readsPathAndDecodedQuery()
    {
        const auto r = LoopbackReceiver::parseRequest(
            "GET /callback?code=a%2Bb&state=s+1&iss=http%3A%2F%2F127.0.0.1%3A9 HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(r);
        QCOMPARE(r->method, QByteArray("GET"));
        QCOMPARE(r->path, QStringLiteral("/callback"));
        QCOMPARE(r->query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded), QStringLiteral("a+b"));
        QCOMPARE(r->query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), QStringLiteral("s 1"));
        QCOMPARE(r->query.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded),
                 QStringLiteral("http://127.0.0.1:9"));
    }

    void parseRequest_refusesMalformedLines()
    {
        QVERIFY(!LoopbackReceiver::parseRequest("GET /callback HTTP/1.1"));       // no CRLF
        QVERIFY(!LoopbackReceiver::parseRequest("GET\r\n\r\n"));                   // no target
        QVERIFY(!LoopbackReceiver::parseRequest("GET callback HTTP/1.1\r\n\r\n")); // not a path
        QVERIFY(!LoopbackReceiver::parseRequest("GET /callback SPDY/3\r\n\r\n"));
        const auto noQuery = LoopbackReceiver::parseRequest("GET /cb%20x HTTP/1.0\r\n\r\n");
        QVERIFY(noQuery);
        QCOMPARE(noQuery->path, QStringLiteral("/cb x"));
        QVERIFY(noQuery->query.isEmpty());
    }

    void listen_refusesNonLoopbackRedirects()
    {
        LoopbackReceiver receiver;
        for (const char* bad : {"https://127.0.0.1/callback", "http://example.com/callback", "http://10.0.0.1/cb",
                                "not a url", "http://127.0.0.1/cb#frag"}) {
            const auto r = receiver.listen(QString::fromLatin1(bad));
            QVERIFY2(!r, bad);
            QCOMPARE(r.error().where, QStringLiteral("redirect_uri"));
        }
        QVERIFY(LoopbackReceiver::isLoopbackHost(QStringLiteral("localhost")));
        QVERIFY(LoopbackReceiver::isLoopbackHost(QStringLiteral("::1")));
        QVERIFY(LoopbackReceiver::isLoopbackHost(QStringLiteral("127.0.0.2")));
    }

    void listen_randomPortByDefault_fixedPortWhenGiven()
    {
        LoopbackReceiver a;
        const auto random = a.listen(QString());
        QVERIFY(random);
        QCOMPARE(random->host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(random->path(), QStringLiteral("/callback"));
        QVERIFY(random->port() > 0);

        LoopbackReceiver b;
        const auto fixed = b.listen(QStringLiteral("http://127.0.0.1:%1/other").arg(random->port()));
        QVERIFY2(!fixed, "the port is taken by the first listener");
        QVERIFY(fixed.error().message.contains(QString::number(random->port())));
        a.close();
        const auto reused = b.listen(QStringLiteral("http://127.0.0.1:%1/other").arg(random->port()));
        QVERIFY2(reused, reused ? "" : qPrintable(reused.error().message));
        QCOMPARE(reused->port(), random->port());
        QCOMPARE(reused->path(), QStringLiteral("/other"));
    }

    void answersTheBrowser_andReportsTheFirstCallbackOnly()
    {
        LoopbackReceiver receiver;
        const auto uri = receiver.listen(QStringLiteral("http://127.0.0.1/cb"));
        QVERIFY(uri);
        QSignalSpy callbacks(&receiver, &LoopbackReceiver::callbackReceived);
        connect(&receiver, &LoopbackReceiver::callbackReceived, this, [&receiver](const QUrlQuery& q) {
            receiver.setPage(false, QStringLiteral("Nope <b>"), q.queryItemValue(QStringLiteral("state")));
        });

        const QByteArray notFound = roundTrip(*uri, "GET /favicon.ico HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QVERIFY2(notFound.startsWith("HTTP/1.1 404 "), notFound.constData());
        const QByteArray post = roundTrip(*uri, "POST /cb HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QVERIFY2(post.startsWith("HTTP/1.1 405 "), post.constData());
        QCOMPARE(callbacks.size(), 0);

        const QByteArray answer = roundTrip(*uri, "GET /cb?state=xyz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 400 "), answer.constData());
        QVERIFY(answer.contains("Content-Type: text/html; charset=utf-8\r\n"));
        QVERIFY(answer.contains("<h1>Nope &lt;b&gt;</h1>"));
        QVERIFY(answer.contains("<p>xyz</p>"));
        QCOMPARE(callbacks.size(), 1);

        const QByteArray again = roundTrip(*uri, "GET /cb?state=2 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QVERIFY2(again.startsWith("HTTP/1.1 410 "), again.constData());
        QCOMPARE(callbacks.size(), 1);
    }

    void oversizedRequest_isRefused()
    {
        LoopbackReceiver receiver;
        const auto uri = receiver.listen(QString());
        QVERIFY(uri);
        const QByteArray big = "GET /callback?x=" + QByteArray(LoopbackReceiver::MaxRequestHeadBytes, 'a');
        const QByteArray answer = roundTrip(*uri, big);
        QVERIFY2(answer.startsWith("HTTP/1.1 431 "), answer.left(80).constData());
    }
};

QTEST_GUILESS_MAIN(TestLoopbackReceiver)
#include "tst_loopbackreceiver.moc"
