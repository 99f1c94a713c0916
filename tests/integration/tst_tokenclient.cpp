// TokenClient against a real authorization server (oidc-provider on 127.0.0.1).
#include "jwt/jwtpeek.h"
#include "net/networkaccessmanager.h"
#include "net/tokenclient.h"
#include "util/authserver.h"
#include "util/testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace Tokenbench::Core;
using Tokenbench::Test::AuthServer;

class TestTokenClient : public QObject
{
    Q_OBJECT

private:
    TokenResult request(const QString& clientId, const QString& secret, const QString& method,
                        const QString& scope = QStringLiteral("api:read"))
    {
        TokenRequestSpec spec;
        spec.setTokenEndpoint(m_server.tokenEndpoint())
            .setGrantType(QStringLiteral("client_credentials"))
            .setAuthMethod(method)
            .setClient(clientId, secret)
            .setScope(scope);
        TokenClient client(&m_nam);
        QSignalSpy finished(&client, &TokenClient::finished);
        client.start(spec);
        if (finished.isEmpty() && !finished.wait(30000))
            return {};
        return finished.constFirst().constFirst().value<TokenResult>();
    }

    AuthServer m_server;
    NetworkAccessManager m_nam;

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        qRegisterMetaType<TokenResult>();
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void clientSecretBasic_obtainsToken()
    {
        const TokenResult r = request(QStringLiteral("basic-client"), QStringLiteral("basic-secret"),
                                      QStringLiteral("client_secret_basic"));
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QCOMPARE(r.response.status, 200);
        QCOMPARE(r.response.tokenType, QStringLiteral("Bearer"));
        QCOMPARE(r.response.ttlSeconds, qint64(3240)); // the server's expires_in is 3600
        const auto claims = JwtPeek::payload(r.response.accessToken);
        QVERIFY(claims.has_value());
        QCOMPARE(claims->value(QStringLiteral("client_id")).toString(), QStringLiteral("basic-client"));
        // The server saw the credentials in the Authorization header, and Couper's Accept header.
        const QJsonObject seen = m_server.lastTokenRequest();
        QVERIFY(seen.value(QStringLiteral("authorization")).toString().startsWith(QStringLiteral("Basic ")));
        QCOMPARE(seen.value(QStringLiteral("accept")).toString(), QStringLiteral("application/json"));
        QCOMPARE(r.exchanges.size(), 1);
        QCOMPARE(r.exchanges.constFirst().status, 200);
    }

    void clientSecretPost_obtainsTokenWithoutAuthorizationHeader()
    {
        const TokenResult r = request(QStringLiteral("post-client"), QStringLiteral("post-secret"),
                                      QStringLiteral("client_secret_post"));
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QVERIFY(m_server.lastTokenRequest().value(QStringLiteral("authorization")).isNull());
        QVERIFY(r.exchanges.constFirst().requestBody.contains("client_secret=post-secret"));
    }

    void secretWithSpacePlusAndPercent_worksWithBothMethods_data()
    {
        QTest::addColumn<QString>("method");
        QTest::newRow("basic") << QStringLiteral("client_secret_basic");
        QTest::newRow("post") << QStringLiteral("client_secret_post");
    }
    void secretWithSpacePlusAndPercent_worksWithBothMethods()
    {
        QFETCH(QString, method);
        const TokenResult r = request(QStringLiteral("odd-client"), QStringLiteral("s3cr3t with+plus%and space"), method);
        QVERIFY2(r.ok(), qPrintable(r.errorText));
    }

    void wrongSecret_givesClearInvalidClient_data()
    {
        QTest::addColumn<QString>("method");
        QTest::newRow("basic") << QStringLiteral("client_secret_basic");
        QTest::newRow("post") << QStringLiteral("client_secret_post");
    }
    void wrongSecret_givesClearInvalidClient()
    {
        QFETCH(QString, method);
        const TokenResult r = request(QStringLiteral("basic-client"), QStringLiteral("wrong"), method);
        QCOMPARE(r.status, TokenResult::Status::ServerRefused);
        QCOMPARE(exitCodeFor(r.status), 4);
        QCOMPARE(r.response.status, 401);
        QCOMPARE(r.response.error, QStringLiteral("invalid_client"));
        QVERIFY(r.errorText.contains(QStringLiteral("invalid_client")));
        QVERIFY(r.errorText.contains(QStringLiteral("check client_id and client_secret")));
    }

    void scopeNotAllowedForClient_givesInvalidScope()
    {
        const TokenResult r = request(QStringLiteral("basic-client"), QStringLiteral("basic-secret"),
                                      QStringLiteral("client_secret_basic"), QStringLiteral("openid"));
        QCOMPARE(r.status, TokenResult::Status::ServerRefused);
        QCOMPARE(r.response.error, QStringLiteral("invalid_scope"));
        QVERIFY(r.errorText.contains(QStringLiteral("scope")));
    }
};

QTEST_GUILESS_MAIN(TestTokenClient)
#include "tst_tokenclient.moc"
