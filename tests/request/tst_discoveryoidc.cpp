// Discovery against a real authorization server (oidc-provider): both well-known forms fill the endpoints
// and jwks_uri; mismatches between the configuration and what the server advertises become one warning
// each; the CLI's --discovery fills a missing token_endpoint and prints the warnings on stderr.
#include "net/discovery.h"
#include "net/networkaccessmanager.h"
#include "util/authserver.h"
#include "util/clirunner.h"
#include "util/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Tokenbench::Core;

class TestDiscoveryOidc : public QObject
{
    Q_OBJECT

private:
    Tokenbench::Test::AuthServer m_as;

    DiscoveryClient::Outcome discover(const QUrl& input)
    {
        NetworkAccessManager nam;
        DiscoveryClient client(&nam);
        QSignalSpy finished(&client, &DiscoveryClient::finished);
        client.start(input);
        if (!finished.wait(20000))
            return {};
        return finished.constFirst().at(0).value<DiscoveryClient::Outcome>();
    }

    QString issuer() const { return m_as.issuer().toString(); }

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        qRegisterMetaType<DiscoveryClient::Outcome>();
        QString error;
        QVERIFY2(m_as.start(&error), qPrintable(error));
    }

    void issuer_openIdConfiguration_fillsEndpoints()
    {
        const auto o = discover(m_as.issuer());
        QVERIFY2(o.ok, qPrintable(o.errorText));
        QCOMPARE(o.exchanges.size(), 1);
        QCOMPARE(o.exchanges.constFirst().url.path(), QStringLiteral("/.well-known/openid-configuration"));
        QCOMPARE(o.document.issuer, issuer());
        QCOMPARE(o.document.tokenEndpoint, m_as.tokenEndpoint());
        QCOMPARE(o.document.authorizationEndpoint.toString(), issuer() + QStringLiteral("/auth"));
        QCOMPARE(o.document.jwksUri.toString(), issuer() + QStringLiteral("/jwks"));
        QVERIFY(o.document.grantTypes.contains(QStringLiteral("client_credentials")));
        QVERIFY(o.document.authMethods.contains(QStringLiteral("private_key_jwt")));
        DiscoveryCheck c;
        c.expectedIssuer = expectedIssuer(m_as.issuer());
        c.grantType = QStringLiteral("client_credentials");
        c.authMethod = QStringLiteral("client_secret_basic");
        QVERIFY(checkDiscovery(o.document, c).isEmpty());
    }

    void rfc8414WellKnown_fillsEndpoints()
    {
        QUrl url = m_as.issuer();
        url.setPath(QStringLiteral("/.well-known/oauth-authorization-server"));
        const auto o = discover(url);
        QVERIFY2(o.ok, qPrintable(o.errorText));
        QCOMPARE(o.exchanges.constFirst().url, url);
        QCOMPARE(o.document.tokenEndpoint, m_as.tokenEndpoint());
        QCOMPARE(expectedIssuer(url), issuer());
    }

    void mismatches_realMetadata_oneWarningEach()
    {
        const auto o = discover(m_as.issuer());
        QVERIFY(o.ok);
        // The password grant is not enabled on this server; PKCE "plain" is not offered (S256 only); and
        // localhost is not the issuer the server names.
        DiscoveryCheck c;
        QUrl other = m_as.issuer();
        other.setHost(QStringLiteral("localhost"));
        c.expectedIssuer = other.toString();
        c.grantType = QStringLiteral("password");
        c.codeChallengeMethod = QStringLiteral("plain");
        const Diagnostics ds = checkDiscovery(o.document, c, QStringLiteral("be"));
        QCOMPARE(ds.size(), 3);
        QVERIFY2(ds.at(0).message.contains(QStringLiteral("names the issuer")), qPrintable(ds.at(0).message));
        QVERIFY2(ds.at(1).message.contains(QStringLiteral("grant_type password")), qPrintable(ds.at(1).message));
        QVERIFY2(ds.at(2).message.contains(QStringLiteral("PKCE method plain")), qPrintable(ds.at(2).message));
    }

    void nothingThere_specificError()
    {
        QUrl url = m_as.issuer();
        url.setPath(QStringLiteral("/no/such/tenant"));
        const auto o = discover(url);
        QVERIFY(!o.ok);
        QCOMPARE(o.exchanges.size(), 2); // both well-known forms were tried
        QVERIFY2(o.errorText.contains(QStringLiteral("answered 404")), qPrintable(o.errorText));
    }

    void cli_discovery_fillsTokenEndpoint_warnsOnMismatch()
    {
        const QHash<QString, QString> env{{QStringLiteral("DISC_SECRET"), QStringLiteral("post-secret")}};
        const auto ok = Tokenbench::Test::runCli(
            QStringLiteral(TOKENBENCH_CLI_PATH),
            {QStringLiteral("token"), QStringLiteral("--discovery"), issuer(), QStringLiteral("--client-id"),
             QStringLiteral("post-client"), QStringLiteral("--client-secret"), QStringLiteral("env:DISC_SECRET"),
             QStringLiteral("--token-endpoint-auth-method"), QStringLiteral("client_secret_post")},
            env);
        QVERIFY2(ok.exitCode == 0, ok.err.constData());
        QVERIFY2(!ok.err.contains("discovery"), ok.err.constData());
        QVERIFY(!ok.out.trimmed().isEmpty());

        const auto json = Tokenbench::Test::runCli(
            QStringLiteral(TOKENBENCH_CLI_PATH),
            {QStringLiteral("token"), QStringLiteral("--discovery"), issuer(), QStringLiteral("--client-id"),
             QStringLiteral("basic-client"), QStringLiteral("--client-secret"), QStringLiteral("env:DISC_BASIC"),
             QStringLiteral("--json")},
            {{QStringLiteral("DISC_BASIC"), QStringLiteral("basic-secret")}});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonObject d = QJsonDocument::fromJson(json.out).object().value(QStringLiteral("discovery")).toObject();
        QCOMPARE(d.value(QStringLiteral("token_endpoint")).toString(), m_as.tokenEndpoint().toString());
        QCOMPARE(d.value(QStringLiteral("jwks_uri")).toString(), issuer() + QStringLiteral("/jwks"));
        QCOMPARE(d.value(QStringLiteral("issuer")).toString(), issuer());
        QVERIFY(d.value(QStringLiteral("warnings")).toArray().isEmpty());

        const auto warned = Tokenbench::Test::runCli(
            QStringLiteral(TOKENBENCH_CLI_PATH),
            {QStringLiteral("token"), QStringLiteral("--discovery"), issuer(), QStringLiteral("--grant-type"),
             QStringLiteral("password"), QStringLiteral("--username"), QStringLiteral("u"), QStringLiteral("--password"),
             QStringLiteral("env:DISC_SECRET"), QStringLiteral("--client-id"), QStringLiteral("post-client"),
             QStringLiteral("--client-secret"), QStringLiteral("env:DISC_SECRET")},
            env);
        QVERIFY2(warned.err.contains("warning: discovery: grant_type: the server does not advertise grant_type password"),
                 warned.err.constData());
        QCOMPARE(warned.exitCode, 4); // the server then refuses the grant, as the warning said it would
    }
};

QTEST_GUILESS_MAIN(TestDiscoveryOidc)
#include "tst_discoveryoidc.moc"
