#include "model/block.h"
#include "model/valueresolver.h"
#include "net/httpexchange.h"
#include "net/tokenrequest.h"
#include "util/blocks.h"
#include "util/testsupport.h"

#include <QTest>

using namespace Tokenbench::Core;

namespace {
const QString JwtBearer = QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer");

Block backendWith(const QMap<QString, QString>& oauth2)
{
    return Tokenbench::Test::backendWithOAuth2(QStringLiteral("be"), oauth2);
}
} // namespace

class TestTokenRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    // The exact bytes from Couper's TestEndpoints_OAuth2_Options (reference section 2.2 / 6).
    void prepare_matchesCouperWireForm_data()
    {
        QTest::addColumn<QString>("grant");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("clientId");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("assertion");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("authorization");
        const QString cc = QStringLiteral("client_credentials");
        const QString pw = QStringLiteral("password");
        QTest::newRow("01 post + scope")
            << cc << QStringLiteral("client_secret_post") << QStringLiteral("user") << QStringLiteral("pass word")
            << QString() << QString() << QString() << QStringLiteral("scope1 scope2")
            << QByteArray("client_id=user&client_secret=pass+word&grant_type=client_credentials&scope=scope1+scope2")
            << QByteArray();
        QTest::newRow("02 basic, encoded secret")
            << cc << QStringLiteral("client_secret_basic") << QStringLiteral("user") << QStringLiteral("pass+ word")
            << QString() << QString() << QString() << QString() << QByteArray("grant_type=client_credentials")
            << QByteArray("Basic dXNlcjpwYXNzJTJCK3dvcmQ=");
        QTest::newRow("03 default method") << cc << QString() << QStringLiteral("user") << QStringLiteral("pass")
                                           << QString() << QString() << QString() << QString()
                                           << QByteArray("grant_type=client_credentials")
                                           << QByteArray("Basic dXNlcjpwYXNz");
        QTest::newRow("12 password + basic")
            << pw << QStringLiteral("client_secret_basic") << QStringLiteral("my_client")
            << QStringLiteral("my_client_secret") << QStringLiteral("user") << QStringLiteral("pass") << QString()
            << QStringLiteral("scope1 scope2")
            << QByteArray("grant_type=password&password=pass&scope=scope1+scope2&username=user")
            << QByteArray("Basic bXlfY2xpZW50Om15X2NsaWVudF9zZWNyZXQ=");
        QTest::newRow("13 password + post")
            << pw << QStringLiteral("client_secret_post") << QStringLiteral("my_client")
            << QStringLiteral("my_client_secret") << QStringLiteral("user") << QStringLiteral("pass") << QString()
            << QStringLiteral("scope1 scope2")
            << QByteArray("client_id=my_client&client_secret=my_client_secret&grant_type=password&password=pass&"
                          "scope=scope1+scope2&username=user")
            << QByteArray();
        QTest::newRow("16 jwt-bearer")
            << JwtBearer << QString() << QStringLiteral("ignored") << QStringLiteral("ignored") << QString()
            << QString() << QStringLiteral("GET") << QString()
            << QByteArray("assertion=GET&grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer")
            << QByteArray();
    }
    void prepare_matchesCouperWireForm()
    {
        QFETCH(QString, grant);
        QFETCH(QString, method);
        QFETCH(QString, clientId);
        QFETCH(QString, secret);
        QFETCH(QString, username);
        QFETCH(QString, password);
        QFETCH(QString, assertion);
        QFETCH(QString, scope);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, authorization);

        TokenRequestSpec spec;
        spec.setTokenEndpoint(QUrl(QStringLiteral("https://as.example.com/token")))
            .setGrantType(grant)
            .setAuthMethod(method)
            .setClient(clientId, secret)
            .setUser(username, password)
            .setAssertion(assertion)
            .setScope(scope);
        const auto prepared = prepareTokenRequest(spec);
        QVERIFY(prepared.ok());
        QCOMPARE(prepared->method, QByteArray("POST"));
        QCOMPARE(prepared->body, body);
        QCOMPARE(headerValue(prepared->headers, "Authorization"), authorization);
        QCOMPARE(headerValue(prepared->headers, "Accept"), QByteArray("application/json"));
        QCOMPARE(headerValue(prepared->headers, "Content-Type"), QByteArray("application/x-www-form-urlencoded"));
    }

    void wireHeaders_listTransportHeadersExplicitly()
    {
        TokenRequestSpec spec;
        spec.setTokenEndpoint(QUrl(QStringLiteral("http://127.0.0.1:8080/token")))
            .setGrantType(QStringLiteral("client_credentials"))
            .setClient(QStringLiteral("a"), QStringLiteral("b"));
        const auto prepared = prepareTokenRequest(spec);
        QVERIFY(prepared.ok());
        const HttpHeaders wire = HttpExchange::wireHeaders(*prepared);
        QCOMPARE(headerValue(wire, "Host"), QByteArray("127.0.0.1:8080"));
        QCOMPARE(headerValue(wire, "Content-Length"), QByteArray::number(prepared->body.size()));
        QVERIFY(!headerValue(wire, "User-Agent").isEmpty());
    }

    void specFromBackend_resolvesEnvironmentReferences()
    {
        ValueResolver resolver;
        resolver.setUseProcessEnvironment(false);
        resolver.setOverride(QStringLiteral("BE_SECRET"), QStringLiteral("s3cret"));
        const Block b = backendWith({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                     {QStringLiteral("token_endpoint"), QStringLiteral("https://as/token")},
                                     {QStringLiteral("client_id"), QStringLiteral("cid")},
                                     {QStringLiteral("client_secret"), QStringLiteral("env.BE_SECRET")}});
        const auto spec = specFromBackend(b, resolver);
        QVERIFY2(spec.ok(), qPrintable(spec.ok() ? QString() : spec.error().message));
        QCOMPARE(spec->clientSecret, QStringLiteral("s3cret"));
        QCOMPARE(spec->tokenEndpoint, QUrl(QStringLiteral("https://as/token")));
    }

    void specFromBackend_namesTheFieldOfAConfigurationError()
    {
        ValueResolver resolver;
        const Block b = backendWith({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                     {QStringLiteral("token_endpoint"), QStringLiteral("https://as/token")},
                                     {QStringLiteral("client_secret"), QStringLiteral("x")}});
        const auto spec = specFromBackend(b, resolver);
        QVERIFY(!spec.ok());
        QCOMPARE(spec.error().message, QStringLiteral("client_id must not be empty"));
        QCOMPARE(spec.error().where, QStringLiteral("be.oauth2.client_id"));
    }

    void specFromBackend_withoutOAuth2Block_explains()
    {
        const Block b{BlockType::Backend, QStringLiteral("plain"), {}, {}};
        const auto spec = specFromBackend(b, ValueResolver());
        QVERIFY(!spec.ok());
        QVERIFY(spec.error().message.contains(QStringLiteral("no oauth2 block")));
    }
};

QTEST_GUILESS_MAIN(TestTokenRequest)
#include "tst_tokenrequest.moc"
