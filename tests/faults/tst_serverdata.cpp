// Server-controlled data is data, never control (issue 13, items 7, 8, 9, 23): malformed tokens are refused
// and never sent on; control characters from servers are shown escaped; device verification URIs and
// numbers are treated as untrusted. Real socket servers (RawHttpServer) and the real tokenbench-cli.
#include "net/deviceflow.h"
#include "net/networkaccessmanager.h"
#include "net/tokenclient.h"
#include "util/clirunner.h"
#include "util/displaytext.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Tokenbench::Core;
using Tokenbench::Test::RawHttpServer;

namespace {

Tokenbench::Test::CliRun cli(const QStringList& args)
{
    return Tokenbench::Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH), args,
                                    {{QStringLiteral("TB_SD_SECRET"), QStringLiteral("s3cret")}});
}

QStringList tokenArgs(const QUrl& endpoint)
{
    return {QStringLiteral("token"), QStringLiteral("--token-endpoint"), endpoint.toString(),
            QStringLiteral("--client-id"), QStringLiteral("c"), QStringLiteral("--client-secret"),
            QStringLiteral("env:TB_SD_SECRET")};
}

} // namespace

class TestServerData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        qRegisterMetaType<TokenResult>();
    }

    void escapeControl_showsControlsVisibly()
    {
        using DisplayText::escapeControl;
        QCOMPARE(escapeControl(u"a\x1b[2Jb\x07"), QStringLiteral("a\\x1b[2Jb\\x07"));
        QCOMPARE(escapeControl(u"x\ry\nz"), QStringLiteral("x\\ry\\nz"));
        QCOMPARE(escapeControl(u"x\ny", DisplayText::Newlines::Keep), QStringLiteral("x\ny"));
        QCOMPARE(escapeControl(u"\u009b\u007f\u202e"), QStringLiteral("\\x9b\\x7f\\u202e"));
        QCOMPARE(escapeControl(u"caf\u00e9 \u2713\t"), QStringLiteral("caf\u00e9 \u2713\t"));
        // A byte order mark and a lone surrogate are escaped; a surrogate pair (an emoji) stays.
        const QString lone = QStringLiteral("a") + QChar(0xd800) + QStringLiteral("b");
        QCOMPARE(escapeControl(lone), QStringLiteral("a\\ud800b"));
        QCOMPARE(escapeControl(u"\ufeffx\U0001F600"), QStringLiteral("\\ufeffx\U0001F600"));
    }

    // Values quoted inside messages (kid, alg, crit, claims from a token or JWKS): the same escaping, plus
    // quotes and backslashes so the quoting cannot be closed early, and a cut after a length.
    void quoted_escapesQuotesAndCuts()
    {
        using DisplayText::quoted;
        QCOMPARE(quoted(u"k1"), QStringLiteral("\"k1\""));
        QCOMPARE(quoted(u"a\"b\\c\x1b"), QStringLiteral("\"a\\\"b\\\\c\\x1b\""));
        QCOMPARE(quoted(u"abcdef", 3), QStringLiteral("\"abc\u2026\""));
        QCOMPARE(quoted(u"ab", 2), QStringLiteral("\"ab\""));
        // The cut counts characters, not UTF-16 units: a pair is never split.
        QCOMPARE(quoted(u"\U0001F600\U0001F600", 1), QStringLiteral("\"\U0001F600\u2026\""));
        QCOMPARE(DisplayText::excerpt(u"\u202eevil"), QStringLiteral("\\u202eevil"));
    }

    void malformedToken_isRefusedWithExit5AndNeverSent_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("CRLF in access_token")
            << QByteArray("{\"access_token\":\"abc\\r\\nX-Injected: 1\",\"token_type\":\"Bearer\"}")
            << QStringLiteral("access_token");
        QTest::newRow("NUL in access_token") << QByteArray("{\"access_token\":\"abc\\u0000def\"}")
                                             << QStringLiteral("access_token");
        QTest::newRow("space in access_token") << QByteArray("{\"access_token\":\"abc def\"}")
                                               << QStringLiteral("access_token");
        QTest::newRow("= inside access_token") << QByteArray("{\"access_token\":\"ab=cd\"}")
                                               << QStringLiteral("access_token");
        QTest::newRow("ESC in refresh_token")
            << QByteArray("{\"access_token\":\"ok-token\",\"refresh_token\":\"r\\u001b[2J\"}")
            << QStringLiteral("refresh_token");
        QTest::newRow("LF in id_token") << QByteArray("{\"access_token\":\"ok-token\",\"id_token\":\"a.b\\n.c\"}")
                                        << QStringLiteral("id_token");
    }

    void malformedToken_isRefusedWithExit5AndNeverSent()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        RawHttpServer tokenServer;
        QVERIFY(tokenServer.listen());
        tokenServer.setBehaviour(RawHttpServer::respond(200, "application/json", body));
        RawHttpServer resource;
        QVERIFY(resource.listen());
        resource.setBehaviour(RawHttpServer::respond(200, "text/plain", "ok"));

        // Core: the token client refuses the response as "no token".
        NetworkAccessManager nam;
        TokenClient client(&nam);
        QSignalSpy done(&client, &TokenClient::finished);
        TokenRequestSpec s;
        s.setTokenEndpoint(tokenServer.url(QStringLiteral("/token")))
            .setGrantType(QStringLiteral("client_credentials"))
            .setClient(QStringLiteral("c"), QStringLiteral("s3cret"));
        client.start(s);
        QVERIFY(done.wait(20000));
        const TokenResult r = done.constFirst().constFirst().value<TokenResult>();
        QCOMPARE(r.status, TokenResult::Status::NoToken);
        QVERIFY2(r.errorText.contains(field + QStringLiteral(" is not well-formed")), qPrintable(r.errorText));

        // CLI with a resource check: exit 5, a clear message, and the resource never sees a request.
        const auto c = cli(tokenArgs(tokenServer.url(QStringLiteral("/token")))
                           << QStringLiteral("--resource") << resource.url(QStringLiteral("/api")).toString());
        QCOMPARE(c.exitCode, 5);
        QVERIFY2(c.err.contains((field + QStringLiteral(" is not well-formed")).toUtf8()), c.err.constData());
        QVERIFY2(!c.err.contains('\x1b') && !c.err.contains('\r'), c.err.constData());
        QVERIFY(c.out.trimmed().isEmpty());
        QCOMPARE(resource.connectionCount(), 0);
        QVERIFY(resource.requests().isEmpty());
    }

    void errorDescriptionWithControls_isEscapedOnTheTerminal()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::respond(
            400, "application/json",
            "{\"error\":\"invalid\\u001bclient\",\"error_description\":\"bad\\u001b[2J\\u0007\\rFAKE \\u202e\"}"));
        const auto c = cli(tokenArgs(server.url(QStringLiteral("/token"))));
        QCOMPARE(c.exitCode, 4);
        QVERIFY2(c.err.contains("bad\\x1b[2J\\x07\\rFAKE \\u202e"), c.err.constData());
        QVERIFY2(c.err.contains("invalid\\x1bclient"), c.err.constData());
        QVERIFY(!c.err.contains('\x1b') && !c.err.contains('\x07') && !c.err.contains('\r'));
        QVERIFY(!c.err.contains("\u202e"));
        // --json keeps the data and JSON-escapes it.
        const auto j = cli(tokenArgs(server.url(QStringLiteral("/token"))) << QStringLiteral("--json"));
        QVERIFY2(j.out.contains("\\u001b[2J"), j.out.constData());
        QVERIFY(!j.out.contains('\x1b'));
    }

    void deviceAuthorization_controlsEscaped_unsafeUriNotOpened_expiresClamped()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour([](QTcpSocket* socket, const QByteArray& request) {
            const QByteArray body =
                request.startsWith("POST /device")
                    ? QByteArray("{\"device_code\":\"dc\",\"user_code\":\"AB\\u001b[2J\\u0007CD\\r\","
                                 "\"verification_uri\":\"file:///etc/passwd\","
                                 "\"verification_uri_complete\":\"javascript:alert(1)\","
                                 "\"expires_in\":1e308,\"interval\":1}")
                    : QByteArray("{\"error\":\"access_denied\",\"error_description\":\"no\\u001b[31m\"}");
            const int status = request.startsWith("POST /device") ? 200 : 400;
            RawHttpServer::respond(status, "application/json", body)(socket, request);
        });
        const auto c = cli(tokenArgs(server.url(QStringLiteral("/token")))
                           << QStringLiteral("--device-authorization-endpoint")
                           << server.url(QStringLiteral("/device")).toString());
        QCOMPARE(c.exitCode, 4);
        QVERIFY2(c.err.contains("AB\\x1b[2J\\x07CD\\r"), c.err.constData());
        QVERIFY2(c.err.contains("no\\x1b[31m"), c.err.constData());
        QVERIFY2(!c.err.contains('\x1b') && !c.err.contains('\x07') && !c.err.contains('\r'), c.err.constData());
        QVERIFY2(c.err.contains("file:///etc/passwd is not an https URL"), c.err.constData());
        QVERIFY2(c.err.contains("javascript:alert(1) is not an https URL"), c.err.constData());
        // expires_in 1e308 is clamped to a day, not overflowed into a negative or absurd countdown.
        const qsizetype at = c.err.indexOf("The code expires in ");
        QVERIFY2(at >= 0, c.err.constData());
        const qint64 seconds = c.err.mid(at + 20).split(' ').constFirst().toLongLong();
        QVERIFY2(seconds > 0 && seconds <= DeviceFlow::MaxExpiresInSeconds, c.err.constData());
    }

    // The server's interval and expires_in drive a timer and a date: clamped to 1..300 s and 24 h, defaults
    // (5 s, 1800 s) for anything negative, zero, non-finite or not a number.
    void deviceAuthorization_intervalAndExpiry_areClamped_data()
    {
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<int>("interval");
        QTest::addColumn<qint64>("expiresIn");
        QTest::newRow("as given") << QByteArray(R"("interval":7,"expires_in":600)") << 7 << qint64(600);
        QTest::newRow("absent") << QByteArray() << 5 << qint64(1800);
        QTest::newRow("huge") << QByteArray(R"("interval":1e308,"expires_in":1e308)") << 300 << qint64(86400);
        QTest::newRow("just above") << QByteArray(R"("interval":301,"expires_in":86401)") << 300 << qint64(86400);
        QTest::newRow("negative") << QByteArray(R"("interval":-4,"expires_in":-1)") << 5 << qint64(1800);
        QTest::newRow("zero") << QByteArray(R"("interval":0,"expires_in":0)") << 5 << qint64(1800);
        QTest::newRow("below one second") << QByteArray(R"("interval":0.2)") << 5 << qint64(1800);
        QTest::newRow("strings") << QByteArray(R"("interval":"9","expires_in":"60")") << 5 << qint64(1800);
    }

    void deviceAuthorization_intervalAndExpiry_areClamped()
    {
        QFETCH(QByteArray, fields);
        QFETCH(int, interval);
        QFETCH(qint64, expiresIn);
        const QByteArray json = R"({"device_code":"dc","user_code":"UC","verification_uri":"https://as.example/d")" +
                                (fields.isEmpty() ? QByteArray() : "," + fields) + "}";
        const QJsonObject object = QJsonDocument::fromJson(json).object();
        QVERIFY(!object.isEmpty());
        const QDateTime started = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
        const DeviceAuthorization a = DeviceFlow::parseAuthorization(object, started);
        QCOMPARE(a.intervalSeconds, interval);
        QCOMPARE(started.secsTo(a.expiresAt), expiresIn);
        QCOMPARE(a.userCode, QStringLiteral("UC"));
    }

    void isSafeToOpen_onlyHttpsOrLoopbackHttp_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("safe");
        QTest::newRow("https") << QStringLiteral("https://as.example/device") << true;
        QTest::newRow("http loopback") << QStringLiteral("http://127.0.0.1:9/device") << true;
        QTest::newRow("http 127.1.2.3") << QStringLiteral("http://127.1.2.3/device") << true;
        QTest::newRow("http ::1") << QStringLiteral("http://[::1]:8080/device") << true;
        QTest::newRow("http localhost") << QStringLiteral("http://localhost/device") << true;
        QTest::newRow("http remote") << QStringLiteral("http://as.example/device") << false;
        QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << false;
        QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << false;
        QTest::newRow("data") << QStringLiteral("data:text/html,<b>x</b>") << false;
        QTest::newRow("custom") << QStringLiteral("ms-settings://x") << false;
    }

    void isSafeToOpen_onlyHttpsOrLoopbackHttp()
    {
        QFETCH(QString, url);
        QFETCH(bool, safe);
        QCOMPARE(DeviceFlow::isSafeToOpen(QUrl(url)), safe);
    }
};

QTEST_GUILESS_MAIN(TestServerData)
#include "tst_serverdata.moc"
