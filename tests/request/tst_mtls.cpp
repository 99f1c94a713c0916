// A backend's tls block against a real TLS server (tests/util/tlsserver.h) with certificates made by the
// openssl CLI at test time: server_ca_certificate makes a server signed by a private CA trusted; a client
// certificate is presented for mutual TLS and accepted, or rejected when another CA issued it;
// disable_certificate_validation accepts anything, loudly. From the core and from the CLI.
#include "model/block.h"
#include "model/valueresolver.h"
#include "net/networkaccessmanager.h"
#include "net/resourcecheck.h"
#include "util/clirunner.h"
#include "util/testpki.h"
#include "util/testsupport.h"
#include "util/tlsserver.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Tokenbench::Core;
using Tokenbench::Test::TlsServer;

class TestMtls : public QObject
{
    Q_OBJECT

private:
    Tokenbench::Test::Pki m_pki;

    bool serve(TlsServer& server, bool requireClientCertificate)
    {
        server.setCertificate(m_pki.certificate(QStringLiteral("server")), m_pki.key(QStringLiteral("server")));
        if (requireClientCertificate)
            server.setClientCaCertificates({m_pki.certificate(QStringLiteral("ca"))});
        return server.listen();
    }

    // A workspace backend "be" whose oauth2 block sends the token request through backend "as" with the
    // given tls block attributes (files in the PKI folder, relative to it).
    TokenResult runThroughTokenBackend(const QUrl& endpoint, const QMap<QString, QString>& tls,
                                       bool insecure = false)
    {
        Block as{BlockType::Backend, QStringLiteral("as"), {}, {}};
        as.setAttribute(QStringLiteral("timeout"), QStringLiteral("20s"));
        if (insecure)
            as.setAttribute(QStringLiteral("disable_certificate_validation"), QStringLiteral("true"));
        if (!tls.isEmpty())
            as.blocks.append(Block{QStringLiteral("tls"), {}, tls, {}});
        Block be{BlockType::Backend, QStringLiteral("be"), {}, {}};
        be.blocks.append(Block{BlockType::OAuth2, {},
                               {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                {QStringLiteral("token_endpoint"), endpoint.toString()},
                                {QStringLiteral("client_id"), QStringLiteral("c")},
                                {QStringLiteral("client_secret"), QStringLiteral("s")},
                                {QStringLiteral("backend"), QStringLiteral("as")}},
                               {}});
        const ValueResolver resolver;
        auto spec = specFromBackend(be, resolver);
        if (!spec)
            return {};
        QStringList warnings;
        if (!applyTokenBackend(*spec, be, {be, as}, resolver, &warnings, m_pki.path(QString())))
            return {};
        if (insecure && (warnings.isEmpty() || !warnings.constFirst().startsWith(QStringLiteral("INSECURE"))))
            return {};
        NetworkAccessManager nam;
        TokenClient client(&nam);
        QSignalSpy finished(&client, &TokenClient::finished);
        client.start(*spec);
        if (!finished.wait(25000))
            return {};
        return finished.constFirst().at(0).value<TokenResult>();
    }

    Tokenbench::Test::CliRun cli(const QUrl& endpoint, const QStringList& extra)
    {
        return Tokenbench::Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH),
                                        QStringList{QStringLiteral("token"), QStringLiteral("--token-endpoint"),
                                                    endpoint.toString(), QStringLiteral("--client-id"),
                                                    QStringLiteral("c"), QStringLiteral("--client-secret"),
                                                    QStringLiteral("env:MTLS_SECRET"), QStringLiteral("--timeout"),
                                                    QStringLiteral("20s")} +
                                            extra,
                                        {{QStringLiteral("MTLS_SECRET"), QStringLiteral("s")}});
    }

    QStringList clientFlags(const QString& name) const
    {
        return {QStringLiteral("--client-certificate"), m_pki.path(name + QStringLiteral(".pem")),
                QStringLiteral("--client-private-key"), m_pki.path(name + QStringLiteral(".key"))};
    }

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        qRegisterMetaType<TokenResult>();
        QString error;
        QVERIFY2(m_pki.init(&error), qPrintable(error));
        QVERIFY2(m_pki.makeLeaf(QStringLiteral("server"), QStringLiteral("IP:127.0.0.1"), QStringLiteral("ca"), &error),
                 qPrintable(error));
        QVERIFY2(m_pki.makeLeaf(QStringLiteral("client"), QStringLiteral("DNS:client.example"), QStringLiteral("ca"), &error),
                 qPrintable(error));
        QVERIFY2(m_pki.makeLeaf(QStringLiteral("stranger"), QStringLiteral("DNS:client.example"),
                                QStringLiteral("otherca"), &error),
                 qPrintable(error));
    }

    void serverCa_makesPrivateCaTrusted_core()
    {
        TlsServer server;
        QVERIFY(serve(server, false));
        const TokenResult untrusted = runThroughTokenBackend(server.url(QStringLiteral("/token")), {});
        QCOMPARE(untrusted.status, TokenResult::Status::TransportError);
        QVERIFY2(untrusted.errorText.contains(QStringLiteral("not trusted")), qPrintable(untrusted.errorText));

        const TokenResult trusted = runThroughTokenBackend(
            server.url(QStringLiteral("/token")), {{QStringLiteral("server_ca_certificate_file"), QStringLiteral("ca.pem")}});
        QVERIFY2(trusted.ok(), qPrintable(trusted.errorText));
        QCOMPARE(trusted.response.accessToken, QStringLiteral("tls-server-token"));
    }

    void clientCertificate_acceptedOrRejected_core()
    {
        TlsServer server;
        QVERIFY(serve(server, true));
        const QMap<QString, QString> ca{{QStringLiteral("server_ca_certificate_file"), QStringLiteral("ca.pem")}};
        auto with = [&](const QString& name) {
            QMap<QString, QString> tls = ca;
            tls.insert(QStringLiteral("client_certificate_file"), name + QStringLiteral(".pem"));
            tls.insert(QStringLiteral("client_private_key_file"), name + QStringLiteral(".key"));
            return tls;
        };
        const TokenResult accepted = runThroughTokenBackend(server.url(QStringLiteral("/token")), with(QStringLiteral("client")));
        QVERIFY2(accepted.ok(), qPrintable(accepted.errorText));
        QCOMPARE(server.requestCount(), 1);

        const TokenResult none = runThroughTokenBackend(server.url(QStringLiteral("/token")), ca);
        QCOMPARE(none.status, TokenResult::Status::TransportError);
        QVERIFY2(none.errorText.contains(QStringLiteral("client certificate")), qPrintable(none.errorText));

        const TokenResult stranger = runThroughTokenBackend(server.url(QStringLiteral("/token")), with(QStringLiteral("stranger")));
        QCOMPARE(stranger.status, TokenResult::Status::TransportError);
        QVERIFY2(stranger.errorText.contains(QStringLiteral("rejected the client certificate")),
                 qPrintable(stranger.errorText));
        QCOMPARE(server.requestCount(), 1);
    }

    void disableCertificateValidation_acceptsUntrusted_core()
    {
        TlsServer server;
        QVERIFY(serve(server, false));
        const TokenResult r = runThroughTokenBackend(server.url(QStringLiteral("/token")), {}, true);
        QVERIFY2(r.ok(), qPrintable(r.errorText));
    }

    void cli_serverCaCertificate_makesServerTrusted()
    {
        TlsServer server;
        QVERIFY(serve(server, false));
        const auto refused = cli(server.url(QStringLiteral("/token")), {});
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains("not trusted"), refused.err.constData());
        const auto trusted = cli(server.url(QStringLiteral("/token")),
                                 {QStringLiteral("--server-ca-certificate"), m_pki.path(QStringLiteral("ca.pem"))});
        QVERIFY2(trusted.exitCode == 0, trusted.err.constData());
        QCOMPARE(trusted.out.trimmed(), QByteArray("tls-server-token"));
    }

    void cli_clientCertificate_requiredAcceptedRejected()
    {
        TlsServer server;
        QVERIFY(serve(server, true));
        const QStringList ca{QStringLiteral("--server-ca-certificate"), m_pki.path(QStringLiteral("ca.pem"))};
        const auto accepted = cli(server.url(QStringLiteral("/token")), ca + clientFlags(QStringLiteral("client")));
        QVERIFY2(accepted.exitCode == 0, accepted.err.constData());
        const auto missing = cli(server.url(QStringLiteral("/token")), ca);
        QCOMPARE(missing.exitCode, 3);
        QVERIFY2(missing.err.contains("client certificate"), missing.err.constData());
        const auto rejected = cli(server.url(QStringLiteral("/token")), ca + clientFlags(QStringLiteral("stranger")));
        QCOMPARE(rejected.exitCode, 3);
        QVERIFY2(rejected.err.contains("rejected the client certificate"), rejected.err.constData());
        // A certificate without its key is a usage error before anything is sent.
        const auto noKey = cli(server.url(QStringLiteral("/token")),
                               ca + QStringList{QStringLiteral("--client-certificate"), m_pki.path(QStringLiteral("client.pem"))});
        QCOMPARE(noKey.exitCode, 2);
        QVERIFY2(noKey.err.contains("--client-private-key"), noKey.err.constData());
    }

    void cli_disableCertificateValidation_loudWarning()
    {
        TlsServer server;
        QVERIFY(serve(server, false));
        const auto r = cli(server.url(QStringLiteral("/token")), {QStringLiteral("--disable-certificate-validation")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("warning: INSECURE"), r.err.constData());
    }

    // Couper configs write `disable_certificate_validation = true` (a bool). It was evaluated to "" and
    // silently ignored (the token request failed on the untrusted server, export dropped it, check said
    // nothing); now it works like "true", with the warning in check, token and export.
    void cli_couperFile_disableCertificateValidationBool_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("bool") << QStringLiteral("true");
        QTest::newRow("string") << QStringLiteral("\"true\"");
    }

    void cli_couperFile_disableCertificateValidationBool()
    {
        QFETCH(QString, value);
        TlsServer server;
        QVERIFY(serve(server, false));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("couper.hcl"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("definitions {\n"
                               "  backend \"api\" {\n"
                               "    origin = \"https://api.example\"\n"
                               "    oauth2 {\n"
                               "      token_endpoint = \"%1\"\n"
                               "      backend        = \"as\"\n"
                               "      grant_type     = \"client_credentials\"\n"
                               "      client_id      = \"c\"\n"
                               "      client_secret  = env.MTLS_SECRET\n"
                               "    }\n"
                               "  }\n"
                               "\n"
                               "  backend \"as\" {\n"
                               "    timeout = \"20s\"\n"
                               "    disable_certificate_validation = %2\n"
                               "  }\n"
                               "}\n")
                    .arg(server.url(QStringLiteral("/token")).toString(), value)
                    .toUtf8());
        f.close();
        const QHash<QString, QString> env{{QStringLiteral("MTLS_SECRET"), QStringLiteral("s")}};
        const QString cliPath = QStringLiteral(TOKENBENCH_CLI_PATH);

        const auto check = Tokenbench::Test::runCli(cliPath, {QStringLiteral("check"), path}, env);
        QCOMPARE(check.exitCode, 0);
        QVERIFY2(check.out.contains(":15:5: warning: INSECURE: backend \"as\""), check.out.constData());

        const auto token = Tokenbench::Test::runCli(
            cliPath, {QStringLiteral("token"), path, QStringLiteral("--backend"), QStringLiteral("api")}, env);
        QVERIFY2(token.exitCode == 0, token.err.constData());
        QCOMPARE(token.out.trimmed(), QByteArray("tls-server-token"));
        QVERIFY2(token.err.contains("warning: INSECURE"), token.err.constData());

        const auto exported = Tokenbench::Test::runCli(cliPath, {QStringLiteral("export"), QStringLiteral("--format"),
                                                                 QStringLiteral("couper"), QStringLiteral("--backend"),
                                                                 QStringLiteral("as"), path},
                                                       env);
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        QVERIFY2(exported.out.contains("disable_certificate_validation"), exported.out.constData());
        QVERIFY2(exported.err.contains("warning: INSECURE"), exported.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestMtls)
#include "tst_mtls.moc"
