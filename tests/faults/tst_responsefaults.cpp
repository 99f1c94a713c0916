// Bad answers from a token endpoint, end to end: TokenClient names what came back and what to try, and
// tokenbench-cli exits 4 (server refused) or 5 (no token). The answers come from RawHttpServer.
#include "net/httpexchange.h"
#include "net/networkaccessmanager.h"
#include "net/tokenclient.h"
#include "util/clirunner.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Tokenbench::Core;
using Tokenbench::Test::RawHttpServer;

namespace {

TokenResult runToken(const QUrl& endpoint)
{
    NetworkAccessManager nam;
    TokenRequestSpec spec;
    spec.setTokenEndpoint(endpoint)
        .setGrantType(QStringLiteral("client_credentials"))
        .setClient(QStringLiteral("c"), QStringLiteral("s"));
    spec.timeouts.totalMs = 25000;
    TokenClient client(&nam);
    QSignalSpy finished(&client, &TokenClient::finished);
    client.start(spec);
    if (finished.isEmpty() && !finished.wait(28000))
        return {};
    return finished.constFirst().constFirst().value<TokenResult>();
}

QStringList tokenArgs(const QUrl& url)
{
    return {QStringLiteral("token"),
            QStringLiteral("--token-endpoint"),
            url.toString(),
            QStringLiteral("--client-id"),
            QStringLiteral("c"),
            QStringLiteral("--client-secret"),
            QStringLiteral("env:TB_FAULT_SECRET")};
}

Tokenbench::Test::CliRun cli(const QUrl& url)
{
    return Tokenbench::Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH), tokenArgs(url),
                                    {{QStringLiteral("TB_FAULT_SECRET"), QStringLiteral("s")}});
}

const QByteArray BadGatewayPage =
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n";

} // namespace

class TestResponseFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        qRegisterMetaType<TokenResult>();
    }

    void serverErrorWithHtml_saysHtmlNotJson_exits4()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::respond(502, "text/html", BadGatewayPage));
        const QUrl url = server.url(QStringLiteral("/token"));
        const TokenResult r = runToken(url);
        QCOMPARE(r.status, TokenResult::Status::ServerRefused);
        QCOMPARE(exitCodeFor(r.status), 4);
        QVERIFY2(r.errorText.startsWith(
                     QStringLiteral("HTTP 502 and the body is an HTML page (\"502 Bad Gateway\"), not JSON")),
                 qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(url.toString()), qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(QStringLiteral("try again later")), qPrintable(r.errorText));

        const auto c = cli(url);

        qInfo("tokenbench-cli exit %d: %s", c.exitCode, c.err.trimmed().constData());
        QCOMPARE(c.exitCode, 4);
        QVERIFY2(c.err.contains("HTML page (\"502 Bad Gateway\"), not JSON"), c.err.constData());
    }

    void okWithNonJsonBody_exits5()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::respond(200, "text/plain", "access_token=abc&token_type=bearer"));
        const QUrl url = server.url(QStringLiteral("/token"));
        const TokenResult r = runToken(url);
        QCOMPARE(r.status, TokenResult::Status::NoToken);
        QVERIFY2(r.errorText.startsWith(QStringLiteral("HTTP 200 but the body is not JSON")),
                 qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(QStringLiteral("check that token_endpoint is the token endpoint")),
                 qPrintable(r.errorText));

        const auto c = cli(url);

        qInfo("tokenbench-cli exit %d: %s", c.exitCode, c.err.trimmed().constData());
        QCOMPARE(c.exitCode, 5);
        QVERIFY2(c.err.contains("HTTP 200 but the body is not JSON"), c.err.constData());
    }

    void okWithLoginPage_saysItIsAWebPage_exits5()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::respond(
            200, "text/html; charset=utf-8",
            "<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>...</body></html>"));
        const QUrl url = server.url(QStringLiteral("/token"));
        const TokenResult r = runToken(url);
        QCOMPARE(r.status, TokenResult::Status::NoToken);
        QVERIFY2(r.errorText.contains(QStringLiteral("the body is an HTML page (\"Sign in\"), not JSON")),
                 qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(QStringLiteral("probably not the token endpoint")),
                 qPrintable(r.errorText));
        QCOMPARE(cli(url).exitCode, 5);
    }

    void okWithTruncatedJson_saysTruncated_exits5()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        // Complete on the wire (Content-Length matches): the server itself sent half a document.
        server.setBehaviour(
            RawHttpServer::respond(200, "application/json", "{\"access_token\":\"eyJhbGciOi"));
        const QUrl url = server.url(QStringLiteral("/token"));
        const TokenResult r = runToken(url);
        QCOMPARE(r.status, TokenResult::Status::NoToken);
        QVERIFY2(r.errorText.contains(QStringLiteral("the body is truncated JSON: it ends after 27 bytes")),
                 qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(QStringLiteral("incomplete response")), qPrintable(r.errorText));

        const auto c = cli(url);

        qInfo("tokenbench-cli exit %d: %s", c.exitCode, c.err.trimmed().constData());
        QCOMPARE(c.exitCode, 5);
        QVERIFY2(c.err.contains("truncated JSON"), c.err.constData());
    }

    void okWithoutAccessToken_listsWhatCame_exits5()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(
            RawHttpServer::respond(200, "application/json", "{\"token_type\":\"Bearer\",\"expires_in\":60}"));
        const QUrl url = server.url(QStringLiteral("/token"));
        const TokenResult r = runToken(url);
        QCOMPARE(r.status, TokenResult::Status::NoToken);
        QVERIFY2(r.errorText.contains(
                     QStringLiteral("HTTP 200 but the response has no access_token (it has: expires_in, "
                                    "token_type)")),
                 qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(QStringLiteral("issued no token")), qPrintable(r.errorText));

        const auto c = cli(url);

        qInfo("tokenbench-cli exit %d: %s", c.exitCode, c.err.trimmed().constData());
        QCOMPARE(c.exitCode, 5);
        QVERIFY2(c.err.contains("no access_token (it has: expires_in, token_type)"), c.err.constData());
    }

    void hugeBody_isCapped_memoryBounded()
    {
        // 300 MB announced and produced lazily: the engine refuses it at the head and says so.
        constexpr qint64 Huge = 300LL * 1024 * 1024;
        RawHttpServer server;
        QVERIFY(server.listen());
        auto streamed = std::make_shared<qint64>(0);
        server.setBehaviour(RawHttpServer::stream(Huge, "application/json", streamed));
        const QUrl url = server.url(QStringLiteral("/token"));
        const TokenResult r = runToken(url);
        QCOMPARE(r.status, TokenResult::Status::NoToken);
        QCOMPARE(r.exchanges.size(), 1);
        QCOMPARE(r.exchanges.constFirst().failure, Exchange::Failure::TooLarge);
        // Refused at the head (Content-Length above the cap): the body is not read up to the cap.
        QVERIFY(r.exchanges.constFirst().responseBody.size() < HttpExchange::DefaultMaxBodyBytes);
        QVERIFY2(r.errorText.contains(
                     QStringLiteral("exceeded 16 MiB (it announced 300 MiB) and Tokenbench stopped reading")),
                 qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(QStringLiteral("127.0.0.1:%1").arg(server.port())),
                 qPrintable(r.errorText));
        QVERIFY2(*streamed < Huge, "the client read the whole body");

        // The CLI process: exit 5, the same message, and a peak RSS far below the body (GNU time's %M, KiB).
        QTemporaryDir dir;
        const QString rssFile = dir.filePath(QStringLiteral("rss"));
        *streamed = 0;
        const auto c = Tokenbench::Test::runCli(QStringLiteral("/usr/bin/time"),
                                                QStringList{QStringLiteral("-f"), QStringLiteral("%M"),
                                                            QStringLiteral("-o"), rssFile,
                                                            QStringLiteral(TOKENBENCH_CLI_PATH)} +
                                                    tokenArgs(url),
                                                {{QStringLiteral("TB_FAULT_SECRET"), QStringLiteral("s")}});
        QCOMPARE(c.exitCode, 5);
        QVERIFY2(c.err.contains("exceeded 16 MiB (it announced 300 MiB)"), c.err.constData());
        QFile f(rssFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        bool ok = false;
        const qint64 peakKiB = f.readAll().trimmed().split('\n').constLast().toLongLong(&ok);
        QVERIFY2(ok && peakKiB > 0, "no peak RSS from /usr/bin/time");
        qInfo("tokenbench-cli peak RSS with a 300 MiB body: %lld MiB (body streamed to it: %lld MiB)",
              peakKiB / 1024, *streamed / (1024 * 1024));
        QVERIFY2(peakKiB < 96 * 1024, qPrintable(QStringLiteral("peak RSS %1 KiB").arg(peakKiB)));
        QVERIFY(*streamed < Huge);
    }

    void redirectLoop_isNotFollowed_exits4()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::respond(302, "text/html", "<html><body>Found</body></html>",
                                                   {{"Location", "/token"}}));
        const QUrl url = server.url(QStringLiteral("/token"));
        const TokenResult r = runToken(url);
        QCOMPARE(r.status, TokenResult::Status::ServerRefused);
        QCOMPARE(server.requests().size(), 1); // not followed
        QVERIFY2(
            r.errorText.contains(
                QStringLiteral("redirects to %1; Tokenbench does not follow redirects").arg(url.toString())),
            qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(QStringLiteral("redirect loop")), qPrintable(r.errorText));

        const auto c = cli(url);

        qInfo("tokenbench-cli exit %d: %s", c.exitCode, c.err.trimmed().constData());
        QCOMPARE(c.exitCode, 4);
        QVERIFY2(c.err.contains("does not follow redirects") && c.err.contains("redirect loop"),
                 c.err.constData());
        QCOMPARE(server.requests().size(), 2);
    }

    void redirectElsewhere_namesTheTarget_exits4()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::respond(301, "text/plain", "moved",
                                                   {{"Location", "https://auth.example/oauth2/token"}}));
        const QUrl url = server.url(QStringLiteral("/token"));
        const TokenResult r = runToken(url);
        QCOMPARE(r.status, TokenResult::Status::ServerRefused);
        QVERIFY2(r.errorText.contains(QStringLiteral("redirects to https://auth.example/oauth2/token")),
                 qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(QStringLiteral("set token_endpoint to that URL")),
                 qPrintable(r.errorText));
        QCOMPARE(cli(url).exitCode, 4);
    }
};

QTEST_GUILESS_MAIN(TestResponseFaults)
#include "tst_responsefaults.moc"
