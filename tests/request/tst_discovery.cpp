// Discovery: which metadata URLs an issuer stands for (OpenID Connect and RFC 8414, issuers with a path),
// the issuer each well-known URL expects, reading a metadata document, and one warning per mismatch
// between the configuration and what the server advertises.
#include "model/block.h"
#include "net/discovery.h"
#include "util/testsupport.h"

#include <QTest>

using namespace Tokenbench::Core;

namespace {

DiscoveryDocument document()
{
    const QByteArray json =
        "{\"issuer\":\"https://as.example\",\"token_endpoint\":\"https://as.example/token\","
        "\"authorization_endpoint\":\"https://as.example/auth\","
        "\"device_authorization_endpoint\":\"https://as.example/device\","
        "\"jwks_uri\":\"https://as.example/jwks\","
        "\"grant_types_supported\":[\"authorization_code\",\"client_credentials\",\"refresh_token\"],"
        "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\",\"private_key_jwt\"],"
        "\"token_endpoint_auth_signing_alg_values_supported\":[\"RS256\",\"ES256\"],"
        "\"code_challenge_methods_supported\":[\"S256\"]}";
    auto doc = parseDiscovery(json, QUrl(QStringLiteral("https://as.example/.well-known/openid-configuration")));
    return doc.value();
}

QStringList attributes(const Diagnostics& ds)
{
    QStringList out;
    for (const Diagnostic& d : ds) {
        out << d.attribute;
        if (d.severity != Diagnostic::Severity::Warning)
            out << QStringLiteral("not-a-warning");
    }
    return out;
}

} // namespace

class TestDiscovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void urls_issuerWithoutPath_oidcThenRfc8414()
    {
        const QList<QUrl> urls = discoveryUrls(QUrl(QStringLiteral("https://as.example")));
        QCOMPARE(urls.size(), 2);
        QCOMPARE(urls.at(0).toString(), QStringLiteral("https://as.example/.well-known/openid-configuration"));
        QCOMPARE(urls.at(1).toString(), QStringLiteral("https://as.example/.well-known/oauth-authorization-server"));
    }

    void urls_issuerWithPath_followEachSpecsRule()
    {
        // OIDC appends to the issuer's path; RFC 8414 inserts the well-known segment before it.
        const QList<QUrl> urls = discoveryUrls(QUrl(QStringLiteral("https://as.example/tenant/a/")));
        QCOMPARE(urls.at(0).toString(), QStringLiteral("https://as.example/tenant/a/.well-known/openid-configuration"));
        QCOMPARE(urls.at(1).toString(),
                 QStringLiteral("https://as.example/.well-known/oauth-authorization-server/tenant/a"));
    }

    void urls_wellKnownUrl_usedAsIs()
    {
        const QUrl u(QStringLiteral("https://as.example/.well-known/oauth-authorization-server/t1"));
        QCOMPARE(discoveryUrls(u), QList<QUrl>{u});
    }

    void expectedIssuer_fromEitherForm()
    {
        QCOMPARE(expectedIssuer(QUrl(QStringLiteral("https://as.example/t1/.well-known/openid-configuration"))),
                 QStringLiteral("https://as.example/t1"));
        QCOMPARE(expectedIssuer(QUrl(QStringLiteral("https://as.example/.well-known/oauth-authorization-server/t1"))),
                 QStringLiteral("https://as.example/t1"));
        QCOMPARE(expectedIssuer(QUrl(QStringLiteral("https://as.example/.well-known/oauth-authorization-server"))),
                 QStringLiteral("https://as.example"));
        QCOMPARE(expectedIssuer(QUrl(QStringLiteral("https://as.example/"))), QStringLiteral("https://as.example"));
    }

    void parse_readsEndpointsAndLists()
    {
        const DiscoveryDocument d = document();
        QCOMPARE(d.issuer, QStringLiteral("https://as.example"));
        QCOMPARE(d.tokenEndpoint.toString(), QStringLiteral("https://as.example/token"));
        QCOMPARE(d.authorizationEndpoint.toString(), QStringLiteral("https://as.example/auth"));
        QCOMPARE(d.deviceAuthorizationEndpoint.toString(), QStringLiteral("https://as.example/device"));
        QCOMPARE(d.jwksUri.toString(), QStringLiteral("https://as.example/jwks"));
        QCOMPARE(d.authMethods, (QStringList{QStringLiteral("client_secret_basic"), QStringLiteral("private_key_jwt")}));
    }

    void parse_rejectsWhatIsNotMetadata_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("html") << QByteArray("<html>login</html>") << QStringLiteral("JSON metadata");
        QTest::newRow("array") << QByteArray("[]") << QStringLiteral("not an object");
        QTest::newRow("no endpoints") << QByteArray("{\"issuer\":\"x\"}") << QStringLiteral("neither token_endpoint");
        QTest::newRow("relative endpoint") << QByteArray("{\"token_endpoint\":\"/token\"}")
                                           << QStringLiteral("not an absolute http(s) URL");
    }
    void parse_rejectsWhatIsNotMetadata()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, messagePart);
        const auto doc = parseDiscovery(body, QUrl(QStringLiteral("https://as.example/.well-known/openid-configuration")));
        QVERIFY(!doc);
        QVERIFY2(doc.error().message.contains(messagePart), qPrintable(doc.error().message));
    }

    void check_matchingConfiguration_noWarning()
    {
        DiscoveryCheck c;
        c.expectedIssuer = QStringLiteral("https://as.example/");
        c.grantType = QStringLiteral("client_credentials");
        c.authMethod = QStringLiteral("private_key_jwt");
        c.signingAlgorithm = QStringLiteral("ES256");
        QVERIFY(checkDiscovery(document(), c).isEmpty());
    }

    void check_eachMismatch_oneWarning_data()
    {
        QTest::addColumn<QString>("issuer");
        QTest::addColumn<QString>("grant");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("alg");
        QTest::addColumn<QString>("pkce");
        QTest::addColumn<QStringList>("expected");
        const QString ok = QStringLiteral("https://as.example");
        const QString cc = QStringLiteral("client_credentials");
        QTest::newRow("issuer") << QStringLiteral("https://evil.example") << cc << QString() << QString() << QString()
                                << QStringList{QStringLiteral("token_endpoint")};
        QTest::newRow("grant") << ok << QStringLiteral("password") << QString() << QString() << QString()
                               << QStringList{QStringLiteral("grant_type")};
        QTest::newRow("auth method") << ok << cc << QStringLiteral("client_secret_post") << QString() << QString()
                                     << QStringList{QStringLiteral("token_endpoint_auth_method")};
        QTest::newRow("signing alg") << ok << cc << QStringLiteral("private_key_jwt") << QStringLiteral("PS256")
                                     << QString() << QStringList{QStringLiteral("signature_algorithm")};
        QTest::newRow("pkce method") << ok << QStringLiteral("authorization_code") << QString() << QString()
                                     << QStringLiteral("plain") << QStringList{QStringLiteral("grant_type")};
        QTest::newRow("two at once") << QStringLiteral("https://other.example") << QStringLiteral("password")
                                     << QStringLiteral("client_secret_jwt") << QString() << QString()
                                     << QStringList{QStringLiteral("token_endpoint"), QStringLiteral("grant_type"),
                                                    QStringLiteral("token_endpoint_auth_method")};
        // jwt-bearer sends no client authentication: the auth method is not checked.
        QTest::newRow("jwt-bearer ignores method")
            << ok << QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer") << QStringLiteral("client_secret_post")
            << QString() << QString() << QStringList{QStringLiteral("grant_type")};
    }
    void check_eachMismatch_oneWarning()
    {
        QFETCH(QString, issuer);
        QFETCH(QString, grant);
        QFETCH(QString, method);
        QFETCH(QString, alg);
        QFETCH(QString, pkce);
        QFETCH(QStringList, expected);
        DiscoveryCheck c{issuer, grant, method, alg, pkce};
        const Diagnostics ds = checkDiscovery(document(), c, QStringLiteral("be"));
        QCOMPARE(attributes(ds), expected);
        for (const Diagnostic& d : ds)
            QCOMPARE(d.backend, QStringLiteral("be"));
    }

    void check_noAuthMethodsAdvertised_defaultIsBasic()
    {
        auto doc = parseDiscovery("{\"issuer\":\"https://as\",\"token_endpoint\":\"https://as/t\"}",
                                  QUrl(QStringLiteral("https://as/.well-known/openid-configuration")));
        QVERIFY(doc);
        DiscoveryCheck c;
        c.grantType = QStringLiteral("client_credentials");
        QVERIFY(checkDiscovery(*doc, c).isEmpty()); // default client_secret_basic
        c.authMethod = QStringLiteral("client_secret_post");
        const Diagnostics ds = checkDiscovery(*doc, c);
        QCOMPARE(ds.size(), 1);
        QVERIFY(ds.constFirst().message.contains(QStringLiteral("default")));
        // PKCE not advertised at all.
        c.authMethod.clear();
        c.codeChallengeMethod = QStringLiteral("S256");
        QCOMPARE(attributes(checkDiscovery(*doc, c)), QStringList{QStringLiteral("grant_type")});
    }
};

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"
