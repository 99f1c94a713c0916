// TokenClient against a real authorization server (oidc-provider on 127.0.0.1).
#include "jwt/decodedtoken.h"
#include "jwt/jwtkey.h"
#include "jwt/jwtpeek.h"
#include "net/formencoding.h"
#include "net/httpexchange.h"
#include "net/networkaccessmanager.h"
#include "net/tokenclient.h"
#include "net/tokenrequest.h"
#include "net/tokenresponse.h"
#include "util/authserver.h"
#include "util/testsupport.h"

#include <QRegularExpression>
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

    TokenResult run(const TokenRequestSpec& spec)
    {
        TokenClient client(&m_nam);
        QSignalSpy finished(&client, &TokenClient::finished);
        client.start(spec);
        if (finished.isEmpty() && !finished.wait(30000))
            return {};
        return finished.constFirst().constFirst().value<TokenResult>();
    }

    TokenRequestSpec assertionSpec(const QString& clientId, const QString& method, const QString& alg,
                                   const QByteArray& key)
    {
        TokenRequestSpec spec;
        spec.setTokenEndpoint(m_server.tokenEndpoint())
            .setGrantType(QStringLiteral("client_credentials"))
            .setAuthMethod(method)
            .setClient(clientId, method == u"client_secret_jwt" ? QString::fromLatin1(HsSecret) : QString());
        SigningProfileSpec profile;
        profile.algorithm = alg;
        profile.ttl = QStringLiteral("10s");
        profile.keyMaterial = key;
        spec.signingProfile = profile;
        return spec;
    }

    static constexpr const char* HsSecret = "hs-client-secret-0123456789abcdef0123456789abcdef0123456789abcdef";
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

    void privateKeyJwt_everyAlgorithmFamily_obtainsToken_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::addColumn<QString>("keyFile");
        QTest::newRow("RS256") << QStringLiteral("RS256") << QStringLiteral("jwt/rsa-2048-pkcs8-private.pem");
        QTest::newRow("RS512 (PKCS#1 PEM)") << QStringLiteral("RS512") << QStringLiteral("jwt/rsa-2048-pkcs1-private.pem");
        QTest::newRow("PS256") << QStringLiteral("PS256") << QStringLiteral("jwt/rsa-2048-pkcs8-private.pem");
        QTest::newRow("ES256 (SEC1 PEM)") << QStringLiteral("ES256") << QStringLiteral("jwt/ec-p256-sec1-private.pem");
        QTest::newRow("EdDSA") << QStringLiteral("EdDSA") << QStringLiteral("jwt/ed25519-private.pem");
    }
    void privateKeyJwt_everyAlgorithmFamily_obtainsToken()
    {
        QFETCH(QString, alg);
        QFETCH(QString, keyFile);
        const TokenResult r = run(assertionSpec(QStringLiteral("jwt-client"), QStringLiteral("private_key_jwt"), alg,
                                                Tokenbench::Test::readData(keyFile)));
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        // The assertion carries exactly the claims Couper sets.
        QString assertion;
        for (const auto& f : Form::decode(r.exchanges.constFirst().requestBody)) {
            if (f.first == u"client_assertion")
                assertion = f.second;
        }
        const auto decoded = Jwt::decodeToken(assertion);
        QVERIFY(decoded.ok());
        const QJsonObject c = decoded->payload;
        QCOMPARE(c.keys(), (QStringList{QStringLiteral("aud"), QStringLiteral("exp"), QStringLiteral("iat"),
                                        QStringLiteral("iss"), QStringLiteral("jti"), QStringLiteral("sub")}));
        QCOMPARE(c.value(QStringLiteral("iss")).toString(), QStringLiteral("jwt-client"));
        QCOMPARE(c.value(QStringLiteral("sub")).toString(), QStringLiteral("jwt-client"));
        QCOMPARE(c.value(QStringLiteral("aud")).toString(), m_server.tokenEndpoint().toString());
        QCOMPARE(c.value(QStringLiteral("exp")).toInteger() - c.value(QStringLiteral("iat")).toInteger(), qint64(10));
        QVERIFY(QRegularExpression(QStringLiteral("^client_assertion-[a-v0-9]{20}$"))
                    .match(c.value(QStringLiteral("jti")).toString())
                    .hasMatch());
        QCOMPARE(decoded->algorithm(), alg);
    }

    void clientSecretJwt_obtainsToken()
    {
        const TokenResult r =
            run(assertionSpec(QStringLiteral("hs-client"), QStringLiteral("client_secret_jwt"), QStringLiteral("HS256"), {}));
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QVERIFY(!r.exchanges.constFirst().requestBody.contains("client_secret="));
    }

    void privateKeyJwt_unregisteredKey_isRefused()
    {
        const auto key = Jwt::JwtKey::generateRsa(2048);
        QVERIFY(key.ok());
        const auto pem = key->toPrivateKeyPem();
        QVERIFY(pem.ok());
        const TokenResult r = run(assertionSpec(QStringLiteral("jwt-client"), QStringLiteral("private_key_jwt"),
                                                QStringLiteral("RS256"), pem->view().toByteArray()));
        QCOMPARE(r.status, TokenResult::Status::ServerRefused);
        QCOMPARE(r.response.error, QStringLiteral("invalid_client"));
    }

    // A client assertion is good for one request: the server refuses a second use of its jti, and the
    // explanation says what went wrong. Tokenbench signs a fresh assertion per request, so the replay is
    // made here by sending one prepared request twice, as a proxy or a copy-pasted curl command would.
    void privateKeyJwt_replayedAssertion_isRefusedAndExplained()
    {
        const auto prepared = prepareTokenRequest(assertionSpec(QStringLiteral("jwt-client"), QStringLiteral("private_key_jwt"),
                                                                QStringLiteral("ES256"),
                                                                Tokenbench::Test::readData(QStringLiteral("jwt/ec-p256-sec1-private.pem"))));
        QVERIFY(prepared.ok());
        QList<Exchange> sent;
        for (int i = 0; i < 2; ++i) {
            HttpExchange exchange(&m_nam, prepared.value(), Timeouts{});
            QSignalSpy finished(&exchange, &HttpExchange::finished);
            exchange.start();
            QVERIFY(!finished.isEmpty() || finished.wait(30000));
            sent << finished.constFirst().constFirst().value<Exchange>();
        }
        QCOMPARE(sent.at(0).status, 200);
        QCOMPARE(sent.at(1).requestBody, sent.at(0).requestBody); // the very same assertion
        QCOMPARE(sent.at(1).status, 401);
        const TokenResponse replay = parseTokenResponse(sent.at(1).status, sent.at(1).responseBody);
        QCOMPARE(replay.error, QStringLiteral("invalid_client"));
        const QString why = explainOAuthError(replay.error, QStringLiteral("private_key_jwt"));
        QVERIFY2(!why.isEmpty() && why.contains(QStringLiteral("assertion"), Qt::CaseInsensitive), qPrintable(why));
    }

    void assertionMethods_wrongAlgorithmFamily_isAConfigError()
    {
        const TokenResult r = run(assertionSpec(QStringLiteral("hs-client"), QStringLiteral("client_secret_jwt"),
                                                QStringLiteral("RS256"), {}));
        QCOMPARE(r.status, TokenResult::Status::ConfigError);
        QCOMPARE(r.errorText, QStringLiteral("inappropriate signature algorithm with client_secret_jwt"));
        QVERIFY(r.exchanges.isEmpty());
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
