// The OAuth error codes a token endpoint answers with, each explained in plain language with the likely
// fix, produced by the real oidc-provider (tests/authserver) wherever it produces them on demand; the CLI
// exits 4 (server refused) for each.
#include "net/networkaccessmanager.h"
#include "net/tokenclient.h"
#include "util/authserver.h"
#include "util/clirunner.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Tokenbench::Core;
using Tokenbench::Test::AuthServer;
using Tokenbench::Test::RawHttpServer;

namespace {

using Run = Tokenbench::Test::CliRun;

Run cli(const QStringList& args)
{
    return Tokenbench::Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH), args,
                                    {{QStringLiteral("TB_FAULT_SECRET"), QStringLiteral("basic-secret")},
                                     {QStringLiteral("TB_WRONG_SECRET"), QStringLiteral("not-the-secret")}});
}

} // namespace

class TestOAuthErrors : public QObject
{
    Q_OBJECT

private:
    AuthServer m_server;
    QTemporaryDir m_dir;
    NetworkAccessManager m_nam;

    QString endpoint() const { return m_server.tokenEndpoint().toString(); }

    TokenRequestSpec spec(const QString& grant, const QString& secret, const QString& scope = {}) const
    {
        TokenRequestSpec s;
        s.setTokenEndpoint(m_server.tokenEndpoint())
            .setGrantType(grant)
            .setClient(QStringLiteral("basic-client"), secret)
            .setScope(scope);
        s.timeouts.totalMs = 20000;
        return s;
    }

    TokenResult run(const TokenRequestSpec& s)
    {
        TokenClient client(&m_nam);
        QSignalSpy finished(&client, &TokenClient::finished);
        client.start(s);
        if (finished.isEmpty() && !finished.wait(25000))
            return {};
        return finished.constFirst().constFirst().value<TokenResult>();
    }

    QStringList tokenArgs(const QString& secretRef) const
    {
        return {QStringLiteral("token"),
                QStringLiteral("--token-endpoint"),
                endpoint(),
                QStringLiteral("--client-id"),
                QStringLiteral("basic-client"),
                QStringLiteral("--client-secret"),
                secretRef};
    }

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        qRegisterMetaType<TokenResult>();
        QVERIFY(m_dir.isValid());
        // One extra client that may use refresh tokens, so oidc-provider can say invalid_grant for a bad one.
        const QString clients = m_dir.filePath(QStringLiteral("clients.json"));
        QFile f(clients);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[{\"client_id\":\"refresh-client\",\"client_secret\":\"refresh-secret\","
                "\"token_endpoint_auth_method\":\"client_secret_basic\","
                "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"response_types\":[\"code\"],"
                "\"redirect_uris\":[\"https://client.example/cb\"]}]");
        f.close();
        QString error;
        QVERIFY2(m_server.start(&error, {QStringLiteral("--clients"), clients}), qPrintable(error));
    }

    void invalidClient_wrongSecret_isExplained()
    {
        const TokenResult r =
            run(spec(QStringLiteral("client_credentials"), QStringLiteral("not-the-secret")));
        QCOMPARE(r.status, TokenResult::Status::ServerRefused);
        QCOMPARE(r.response.status, 401);
        QCOMPARE(r.response.error, QStringLiteral("invalid_client"));
        QVERIFY2(r.errorText.contains(QStringLiteral("did not accept the client's credentials")),
                 qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(QStringLiteral("check client_id and client_secret")),
                 qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(QStringLiteral("try client_secret_post")), qPrintable(r.errorText));

        const Run c = cli(tokenArgs(QStringLiteral("env:TB_WRONG_SECRET")));

        qInfo("tokenbench-cli exit %d: %s", c.exitCode, c.err.trimmed().constData());
        QCOMPARE(c.exitCode, 4);
        QVERIFY2(c.err.contains("invalid_client") && c.err.contains("check client_id and client_secret"),
                 c.err.constData());
    }

    void invalidScope_openidForClientCredentials_isExplained()
    {
        const TokenResult r = run(spec(QStringLiteral("client_credentials"), QStringLiteral("basic-secret"),
                                       QStringLiteral("openid")));
        QCOMPARE(r.status, TokenResult::Status::ServerRefused);
        QCOMPARE(r.response.error, QStringLiteral("invalid_scope"));
        QVERIFY2(r.errorText.contains(QStringLiteral("requested scope is not allowed")),
                 qPrintable(r.errorText)); // the server's words
        QVERIFY2(r.errorText.contains(
                     QStringLiteral("a requested scope is unknown, or not allowed for this client")),
                 qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(QStringLiteral("remove it from scope")), qPrintable(r.errorText));

        const Run c = cli(tokenArgs(QStringLiteral("env:TB_FAULT_SECRET"))
                          << QStringLiteral("--scope") << QStringLiteral("openid"));

        qInfo("tokenbench-cli exit %d: %s", c.exitCode, c.err.trimmed().constData());
        QCOMPARE(c.exitCode, 4);
        QVERIFY2(c.err.contains("invalid_scope") && c.err.contains("remove it from scope"),
                 c.err.constData());
    }

    void unsupportedGrantType_unknownGrant_isExplained()
    {
        // The CLI validates grant types before sending; the engine sends whatever the spec says.
        const TokenResult r =
            run(spec(QStringLiteral("urn:example:unknown"), QStringLiteral("basic-secret")));
        QCOMPARE(r.status, TokenResult::Status::ServerRefused);
        QCOMPARE(r.response.error, QStringLiteral("unsupported_grant_type"));
        QVERIFY2(r.errorText.contains(QStringLiteral("does not support this grant_type at all")),
                 qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(QStringLiteral("grant_types_supported")), qPrintable(r.errorText));
    }

    void unsupportedGrantType_passwordViaCli_exits4()
    {
        // oidc-provider has no password grant: a grant Couper knows that this server does not.
        const Run c = cli(tokenArgs(QStringLiteral("env:TB_FAULT_SECRET"))
                          << QStringLiteral("--grant-type") << QStringLiteral("password")
                          << QStringLiteral("--username") << QStringLiteral("alice")
                          << QStringLiteral("--password") << QStringLiteral("env:TB_FAULT_SECRET"));
        qInfo("tokenbench-cli exit %d: %s", c.exitCode, c.err.trimmed().constData());
        QCOMPARE(c.exitCode, 4);
        QVERIFY2(c.err.contains("unsupported_grant_type") && c.err.contains("grant_types_supported"),
                 c.err.constData());
    }

    void invalidGrant_isExplained()
    {
        // Couper's grants (client_credentials, password, jwt-bearer) cannot make oidc-provider say
        // invalid_grant: it lacks the last two. Ask it for a bad refresh token instead, then replay its exact
        // answer to the engine and the CLI from a raw server.
        QNetworkRequest req(m_server.tokenEndpoint());
        req.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
        req.setRawHeader("Authorization",
                         "Basic " + QByteArrayLiteral("refresh-client:refresh-secret").toBase64());
        QNetworkAccessManager plain;
        QNetworkReply* reply =
            plain.post(req, QByteArrayLiteral("grant_type=refresh_token&refresh_token=no-such-token"));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(20000));
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        QCOMPARE(status, 400);
        QCOMPARE(QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_grant"));

        RawHttpServer replay;
        QVERIFY(replay.listen());
        replay.setBehaviour(RawHttpServer::respond(status, contentType, body));
        TokenRequestSpec s = spec(QStringLiteral("password"), QStringLiteral("basic-secret"));
        s.setTokenEndpoint(replay.url(QStringLiteral("/token")))
            .setUser(QStringLiteral("alice"), QStringLiteral("wrong"));
        const TokenResult r = run(s);
        QCOMPARE(r.status, TokenResult::Status::ServerRefused);
        QCOMPARE(r.response.error, QStringLiteral("invalid_grant"));
        QVERIFY2(r.errorText.contains(QStringLiteral("the client was accepted but the grant was rejected")),
                 qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(QStringLiteral("wrong username or password")), qPrintable(r.errorText));

        const Run c = Tokenbench::Test::runCli(
            QStringLiteral(TOKENBENCH_CLI_PATH),
            {QStringLiteral("token"), QStringLiteral("--token-endpoint"),
             replay.url(QStringLiteral("/token")).toString(), QStringLiteral("--client-id"),
             QStringLiteral("basic-client"), QStringLiteral("--client-secret"), QStringLiteral("env:S"),
             QStringLiteral("--grant-type"), QStringLiteral("password"), QStringLiteral("--username"),
             QStringLiteral("alice"), QStringLiteral("--password"), QStringLiteral("env:S")},
            {{QStringLiteral("S"), QStringLiteral("x")}});

        qInfo("tokenbench-cli exit %d: %s", c.exitCode, c.err.trimmed().constData());
        QCOMPARE(c.exitCode, 4);
        QVERIFY2(c.err.contains("invalid_grant") && c.err.contains("the grant was rejected"),
                 c.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestOAuthErrors)
#include "tst_oautherrors.moc"
