// tokenbench-cli token with the interactive grants, run as a child process: --no-browser prints the
// authorization URL on stderr, the test plays the browser, the CLI prints the --json result.
#include "browserplayer.h"

#include "util/authserver.h"
#include "util/clirunner.h"
#include "util/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Tokenbench::Test::AuthServer;
using Tokenbench::Test::BrowserPlayer;

class TestFlowCli : public QObject
{
    Q_OBJECT

private:
    AuthServer m_server;

    // Method, URL and purpose of each exchange of --json, in order.
    static QStringList jsonRequests(const QJsonObject& o)
    {
        QStringList lines;
        for (const QJsonValue& v : o.value(QStringLiteral("exchanges")).toArray()) {
            const QJsonObject e = v.toObject();
            const QJsonObject request = e.value(QStringLiteral("request")).toObject();
            lines << QStringLiteral("%1 %2 (%3)").arg(request.value(QStringLiteral("method")).toString(),
                                                      request.value(QStringLiteral("url")).toString(),
                                                      e.value(QStringLiteral("purpose")).toString());
        }
        return lines;
    }

    // Method and URL of each entry of a HAR file, in order.
    static QStringList harRequests(const QString& path, QByteArray* text)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        *text = file.readAll();
        QStringList lines;
        const QJsonArray entries = QJsonDocument::fromJson(*text)
                                       .object()
                                       .value(QStringLiteral("log"))
                                       .toObject()
                                       .value(QStringLiteral("entries"))
                                       .toArray();
        for (const QJsonValue& v : entries) {
            const QJsonObject request = v.toObject().value(QStringLiteral("request")).toObject();
            lines << request.value(QStringLiteral("method")).toString() + u' ' +
                         request.value(QStringLiteral("url")).toString();
        }
        return lines;
    }

    static QStringList withoutPurpose(const QStringList& lines)
    {
        QStringList out;
        for (const QString& l : lines)
            out << l.section(QStringLiteral(" ("), 0, 0);
        return out;
    }

    // Starts the CLI, waits for the authorization URL on stderr and signs in as the browser would.
    bool signInThroughCli(QProcess& cli, const QStringList& args, QByteArray* err)
    {
        cli.setProgram(QStringLiteral(TOKENBENCH_CLI_PATH));
        cli.setArguments(args);
        cli.start();
        if (!cli.waitForStarted())
            return false;
        static const QRegularExpression urlRe(QStringLiteral("(http://127\\.0\\.0\\.1:\\d+/auth\\?\\S+)"));
        QRegularExpressionMatch m;
        const bool printed = QTest::qWaitFor([&] {
            *err += cli.readAllStandardError();
            m = urlRe.match(QString::fromUtf8(*err));
            return m.hasMatch() || cli.state() == QProcess::NotRunning;
        }, 20000);
        if (!printed || !m.hasMatch())
            return false;
        BrowserPlayer browser;
        if (browser.signIn(QUrl(m.captured(1))).status != 200)
            return false;
        const bool ended = QTest::qWaitFor([&] { return cli.state() == QProcess::NotRunning; }, 30000);
        *err += cli.readAllStandardError();
        return ended;
    }

    QStringList authCodeArgs() const
    {
        return {QStringLiteral("token"),
                QStringLiteral("--token-endpoint"), m_server.tokenEndpoint().toString(),
                QStringLiteral("--authorization-endpoint"), m_server.issuer().toString() + QStringLiteral("/auth"),
                QStringLiteral("--client-id"), QStringLiteral("app-client"),
                QStringLiteral("--client-secret"), QStringLiteral("env:APP_SECRET"),
                QStringLiteral("--env"), QStringLiteral("APP_SECRET=app-secret"),
                QStringLiteral("--scope"), QStringLiteral("openid offline_access api:read"),
                QStringLiteral("--no-browser"), QStringLiteral("--json")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void noBrowser_printsTheUrl_testSignsIn_jsonCarriesTheFlowsResults()
    {
        QProcess cli;
        cli.setProgram(QStringLiteral(TOKENBENCH_CLI_PATH));
        cli.setArguments(authCodeArgs());
        cli.start();
        QVERIFY(cli.waitForStarted());
        // The URL on stderr, while the CLI waits for the redirect.
        QByteArray err;
        static const QRegularExpression urlRe(QStringLiteral("(http://127\\.0\\.0\\.1:\\d+/auth\\?\\S+)"));
        QRegularExpressionMatch m;
        QTRY_VERIFY_WITH_TIMEOUT((err += cli.readAllStandardError(), m = urlRe.match(QString::fromUtf8(err)), m.hasMatch()),
                                 20000);
        QVERIFY(err.contains("Open this URL in a browser"));
        QVERIFY(err.contains("Waiting for the redirect to http://127.0.0.1:"));
        BrowserPlayer browser;
        const BrowserPlayer::Page landing = browser.signIn(QUrl(m.captured(1)));
        QCOMPARE(landing.status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 30000);
        err += cli.readAllStandardError();
        QCOMPARE(cli.exitCode(), 0);
        const QJsonObject o = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        QVERIFY2(!o.value(QStringLiteral("token")).toString().isEmpty(), err.constData());
        const QString rt = o.value(QStringLiteral("refresh_token")).toString();
        QVERIFY(!rt.isEmpty());
        QVERIFY(!o.value(QStringLiteral("id_token")).toString().isEmpty());
        QCOMPARE(o.value(QStringLiteral("scope")).toString(), QStringLiteral("api:read"));
        const QJsonObject checks = o.value(QStringLiteral("id_token_checks")).toObject();
        QVERIFY2(checks.value(QStringLiteral("valid")).toBool(), QJsonDocument(checks).toJson().constData());
        QStringList names;
        for (const QJsonValue& c : checks.value(QStringLiteral("checks")).toArray())
            names << c.toObject().value(QStringLiteral("name")).toString();
        QVERIFY2(names.contains(QStringLiteral("nonce")) && names.contains(QStringLiteral("aud")) &&
                     names.contains(QStringLiteral("iss")) && names.contains(QStringLiteral("at_hash")),
                 qPrintable(names.join(u',')));
        // The exchange is redacted without --reveal: neither the code, the verifier nor the tokens.
        const QString exchanges = QString::fromUtf8(QJsonDocument(o.value(QStringLiteral("exchanges")).toArray()).toJson());
        QVERIFY(!exchanges.contains(rt));
        QVERIFY(!exchanges.contains(QStringLiteral("app-secret")));
        QVERIFY(exchanges.contains(QStringLiteral("code_verifier=")));

        // --refresh-token env:NAME: the refresh_token grant with the same client; the token rotates.
        const auto refreshed = Tokenbench::Test::runCli(
            QStringLiteral(TOKENBENCH_CLI_PATH),
            {QStringLiteral("token"), QStringLiteral("--token-endpoint"), m_server.tokenEndpoint().toString(),
             QStringLiteral("--client-id"), QStringLiteral("app-client"), QStringLiteral("--client-secret"),
             QStringLiteral("env:APP_SECRET"), QStringLiteral("--refresh-token"), QStringLiteral("env:RT"),
             QStringLiteral("--json")},
            {{QStringLiteral("APP_SECRET"), QStringLiteral("app-secret")}, {QStringLiteral("RT"), rt}});
        QVERIFY2(refreshed.exitCode == 0, refreshed.err.constData());
        const QJsonObject r2 = QJsonDocument::fromJson(refreshed.out).object();
        QVERIFY(!r2.value(QStringLiteral("token")).toString().isEmpty());
        QVERIFY(!r2.value(QStringLiteral("refresh_token")).toString().isEmpty());
        QVERIFY(r2.value(QStringLiteral("refresh_token")).toString() != rt);
        // A run of flags alone involves no Couper block: no note that Couper would refuse the grant.
        QVERIFY2(!refreshed.err.contains("Tokenbench extension"), refreshed.err.constData());

        // The old refresh token was rotated away: the server refuses it (exit 4).
        const auto reused = Tokenbench::Test::runCli(
            QStringLiteral(TOKENBENCH_CLI_PATH),
            {QStringLiteral("token"), QStringLiteral("--token-endpoint"), m_server.tokenEndpoint().toString(),
             QStringLiteral("--client-id"), QStringLiteral("app-client"), QStringLiteral("--client-secret"),
             QStringLiteral("env:APP_SECRET"), QStringLiteral("--refresh-token"), QStringLiteral("env:RT")},
            {{QStringLiteral("APP_SECRET"), QStringLiteral("app-secret")}, {QStringLiteral("RT"), rt}});
        QCOMPARE(reused.exitCode, 4);
        QVERIFY2(reused.err.contains("invalid_grant"), reused.err.constData());
    }

    // Every request of the run, as sent, in --json "exchanges" and the HAR, in order: the --discovery
    // metadata, the token request, then the ID token's verification (issuer metadata, JWKS).
    void discoveryAndIdTokenVerification_everyRequestInJsonAndHar()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString har = dir.filePath(QStringLiteral("run.har"));
        const QString issuer = m_server.issuer().toString();
        QProcess cli;
        QByteArray err;
        QVERIFY2(signInThroughCli(cli,
                                  {QStringLiteral("token"), QStringLiteral("--discovery"), issuer,
                                   QStringLiteral("--grant-type"), QStringLiteral("authorization_code"),
                                   QStringLiteral("--client-id"), QStringLiteral("app-client"),
                                   QStringLiteral("--client-secret"), QStringLiteral("env:APP_SECRET"),
                                   QStringLiteral("--env"), QStringLiteral("APP_SECRET=app-secret"),
                                   QStringLiteral("--scope"), QStringLiteral("openid api:read"),
                                   QStringLiteral("--no-browser"), QStringLiteral("--json"), QStringLiteral("--har"), har},
                                  &err),
                 err.constData());
        QVERIFY2(cli.exitCode() == 0, err.constData());
        const QByteArray out = cli.readAllStandardOutput();
        const QJsonObject o = QJsonDocument::fromJson(out).object();
        QVERIFY2(o.value(QStringLiteral("id_token_checks")).toObject().value(QStringLiteral("valid")).toBool(),
                 out.constData());
        const QString metadata = issuer + QStringLiteral("/.well-known/openid-configuration");
        const QStringList expected = {
            QStringLiteral("GET %1 (discovery)").arg(metadata),
            QStringLiteral("POST %1 (token request)").arg(m_server.tokenEndpoint().toString()),
            QStringLiteral("GET %1 (issuer metadata)").arg(metadata),
            QStringLiteral("GET %1/jwks (JWKS)").arg(issuer),
        };
        QCOMPARE(jsonRequests(o), expected);
        QByteArray harText;
        QCOMPARE(harRequests(har, &harText), withoutPurpose(expected));
        // The verification's requests pass the same redaction: no secret, no token, in either.
        const QString refreshToken = o.value(QStringLiteral("refresh_token")).toString();
        const QByteArray exchanges = QJsonDocument(o.value(QStringLiteral("exchanges")).toArray()).toJson();
        for (const QByteArray& text : {exchanges, harText}) {
            QVERIFY(!text.contains("app-secret"));
            QVERIFY(!refreshToken.isEmpty() && !text.contains(refreshToken.toUtf8()));
            QVERIFY(!text.contains(o.value(QStringLiteral("id_token")).toString().toUtf8()));
        }
    }

    void deviceFlow_printsTheUserCodeOnStderr()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString har = dir.filePath(QStringLiteral("device.har"));
        QProcess cli;
        cli.setProgram(QStringLiteral(TOKENBENCH_CLI_PATH));
        cli.setArguments({QStringLiteral("token"), QStringLiteral("--token-endpoint"), m_server.tokenEndpoint().toString(),
                          QStringLiteral("--device-authorization-endpoint"),
                          m_server.issuer().toString() + QStringLiteral("/device/auth"),
                          QStringLiteral("--client-id"), QStringLiteral("device-client"),
                          QStringLiteral("--token-endpoint-auth-method"), QStringLiteral("none"),
                          QStringLiteral("--scope"), QStringLiteral("openid api:read"), QStringLiteral("--har"), har});
        cli.start();
        QVERIFY(cli.waitForStarted());
        QByteArray err;
        static const QRegularExpression codeRe(QStringLiteral("open (\\S+) and enter the code: (\\S+)"));
        QRegularExpressionMatch m;
        QTRY_VERIFY_WITH_TIMEOUT((err += cli.readAllStandardError(), m = codeRe.match(QString::fromUtf8(err)), m.hasMatch()),
                                 20000);
        QVERIFY(err.contains("polling every 5 s"));
        BrowserPlayer user;
        QString error;
        QVERIFY2(user.approveDevice(QUrl(m.captured(1)), m.captured(2), &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 30000);
        QCOMPARE(cli.exitCode(), 0);
        QVERIFY(cli.readAllStandardOutput().trimmed().count('.') == 2); // the access token (a JWT)
        // The HAR holds every request: the device authorization, each poll, the ID token's verification.
        QByteArray harText;
        QStringList requests = harRequests(har, &harText);
        const QString issuer = m_server.issuer().toString();
        QVERIFY2(requests.size() >= 4, qPrintable(requests.join(u'\n')));
        QCOMPARE(requests.takeFirst(), QStringLiteral("POST %1/device/auth").arg(issuer));
        QCOMPARE(requests.takeLast(), QStringLiteral("GET %1/jwks").arg(issuer));
        QCOMPARE(requests.takeLast(), QStringLiteral("GET %1/.well-known/openid-configuration").arg(issuer));
        for (const QString& poll : std::as_const(requests))
            QCOMPARE(poll, QStringLiteral("POST %1").arg(m_server.tokenEndpoint().toString()));
    }

    void authorizationCode_withoutEndpoint_isAUsageError()
    {
        const auto run = Tokenbench::Test::runCli(
            QStringLiteral(TOKENBENCH_CLI_PATH),
            {QStringLiteral("token"), QStringLiteral("--token-endpoint"), m_server.tokenEndpoint().toString(),
             QStringLiteral("--grant-type"), QStringLiteral("authorization_code"), QStringLiteral("--client-id"),
             QStringLiteral("public-client"), QStringLiteral("--token-endpoint-auth-method"), QStringLiteral("none"),
             QStringLiteral("--no-browser")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--authorization-endpoint"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestFlowCli)
#include "tst_flowcli.moc"
