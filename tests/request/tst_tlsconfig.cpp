// Building what a backend's settings make of a request: the TLS configuration (CA added to the system
// roots, client certificate and key, no verification), the tls block's files, Couper's modifiers on the
// token request (resource indicators as set_form_params), and which backend the token request goes through.
#include "model/block.h"
#include "model/valueresolver.h"
#include "model/workspacefile.h"
#include "model/validator.h"
#include "net/tlsconfig.h"
#include "net/tokenrequest.h"
#include "net/resourcecheck.h"
#include "util/testpki.h"
#include "util/testsupport.h"

#include <QSslConfiguration>
#include <QTest>

using namespace Tokenbench::Core;

namespace {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Block backendWithTls(const QMap<QString, QString>& tlsAttributes)
{
    Block b{BlockType::Backend, QStringLiteral("as"), {}, {}};
    if (!tlsAttributes.isEmpty())
        b.blocks.append(Block{QStringLiteral("tls"), {}, tlsAttributes, {}});
    return b;
}

} // namespace

class TestTlsConfig : public QObject
{
    Q_OBJECT

private:
    Tokenbench::Test::Pki m_pki;

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        QString error;
        QVERIFY2(m_pki.init(&error), qPrintable(error));
        QVERIFY2(m_pki.makeLeaf(QStringLiteral("client"), QStringLiteral("DNS:client"), QStringLiteral("ca"), &error),
                 qPrintable(error));
    }

    void ssl_defaults_verifyPeerWithSystemRoots()
    {
        auto conf = buildSslConfiguration(TlsSettings{});
        QVERIFY(conf);
        QCOMPARE(conf->peerVerifyMode(), QSslConfiguration::defaultConfiguration().peerVerifyMode());
        QVERIFY(conf->localCertificate().isNull());
    }

    void ssl_serverCa_addedToSystemRoots()
    {
        TlsSettings t;
        t.serverCaCertificate = readFile(m_pki.path(QStringLiteral("ca.pem")));
        const auto systemCount = QSslConfiguration::defaultConfiguration().caCertificates().size();
        auto conf = buildSslConfiguration(t);
        QVERIFY(conf);
        QVERIFY(conf->caCertificates().contains(m_pki.certificate(QStringLiteral("ca"))));
        QCOMPARE(conf->caCertificates().size(), systemCount + 1);
    }

    void ssl_derCertificate_accepted()
    {
        TlsSettings t;
        t.serverCaCertificate = m_pki.certificate(QStringLiteral("ca")).toDer();
        auto conf = buildSslConfiguration(t);
        QVERIFY(conf);
        QVERIFY(conf->caCertificates().contains(m_pki.certificate(QStringLiteral("ca"))));
    }

    void ssl_clientCertificateAndKey_presented()
    {
        TlsSettings t;
        t.clientCertificate = readFile(m_pki.path(QStringLiteral("client.pem")));
        t.clientPrivateKey = readFile(m_pki.path(QStringLiteral("client.key")));
        auto conf = buildSslConfiguration(t);
        QVERIFY2(conf, qPrintable(conf ? QString() : conf.error().message));
        QCOMPARE(conf->localCertificate(), m_pki.certificate(QStringLiteral("client")));
        QCOMPARE(conf->privateKey(), m_pki.key(QStringLiteral("client")));
    }

    void ssl_badInput_specificErrors_data()
    {
        QTest::addColumn<QByteArray>("ca");
        QTest::addColumn<QByteArray>("cert");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QString>("message");
        QTest::newRow("garbage ca") << QByteArray("not a cert") << QByteArray() << QByteArray()
                                    << QStringLiteral("server_ca_certificate is neither");
        QTest::newRow("cert without key") << QByteArray() << QByteArray("x") << QByteArray()
                                          << QStringLiteral("missing client private key");
        QTest::newRow("key without cert") << QByteArray() << QByteArray() << QByteArray("x")
                                          << QStringLiteral("without client_certificate");
        QTest::newRow("garbage key") << QByteArray() << QByteArray("@cert") << QByteArray("not a key")
                                     << QStringLiteral("client_private_key is not");
    }
    void ssl_badInput_specificErrors()
    {
        QFETCH(QByteArray, ca);
        QFETCH(QByteArray, cert);
        QFETCH(QByteArray, key);
        QFETCH(QString, message);
        TlsSettings t;
        t.serverCaCertificate = ca;
        t.clientCertificate = cert == "@cert" ? readFile(m_pki.path(QStringLiteral("client.pem"))) : cert;
        t.clientPrivateKey = key;
        auto conf = buildSslConfiguration(t);
        QVERIFY(!conf);
        QVERIFY2(conf.error().message.contains(message), qPrintable(conf.error().message));
    }

    void ssl_disableValidation_noVerification_unlessCaGiven()
    {
        TlsSettings t;
        t.disableCertificateValidation = true;
        QCOMPARE(buildSslConfiguration(t)->peerVerifyMode(), QSslSocket::VerifyNone);
        t.serverCaCertificate = readFile(m_pki.path(QStringLiteral("ca.pem")));
        QVERIFY(buildSslConfiguration(t)->peerVerifyMode() != QSslSocket::VerifyNone);
    }

    void block_filesRelativeToBaseDir()
    {
        const Block b = backendWithTls({{QStringLiteral("server_ca_certificate_file"), QStringLiteral("ca.pem")},
                                        {QStringLiteral("client_certificate_file"), QStringLiteral("client.pem")},
                                        {QStringLiteral("client_private_key_file"), QStringLiteral("client.key")}});
        const ValueResolver resolver;
        auto s = backendSettingsFromBlock(b, resolver, m_pki.path(QString()));
        QVERIFY2(s, qPrintable(s ? QString() : s.error().message));
        QCOMPARE(s->transport.tls.serverCaCertificate, readFile(m_pki.path(QStringLiteral("ca.pem"))));
        QCOMPARE(s->transport.tls.clientPrivateKey, readFile(m_pki.path(QStringLiteral("client.key"))));
    }

    void block_errors_data()
    {
        QTest::addColumn<QString>("attribute");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("attribute and file") << QStringLiteral("server_ca_certificate") << QStringLiteral("inline")
                                            << QStringLiteral("configured attribute and file");
        QTest::newRow("missing file") << QStringLiteral("client_certificate_file") << QStringLiteral("/nonexistent/c.pem")
                                      << QStringLiteral("read error");
    }
    void block_errors()
    {
        QFETCH(QString, attribute);
        QFETCH(QString, value);
        QFETCH(QString, message);
        Block b = backendWithTls({{QStringLiteral("server_ca_certificate_file"), m_pki.path(QStringLiteral("ca.pem"))},
                                  {attribute, value}});
        auto s = backendSettingsFromBlock(b, ValueResolver());
        QVERIFY(!s);
        QVERIFY2(s.error().message.contains(message), qPrintable(s.error().message));
        QVERIFY(s.error().where.startsWith(QStringLiteral("tls.")));
    }

    void block_timeoutsProxyAndInsecureWarning()
    {
        Block b{BlockType::Backend, QStringLiteral("as"), {}, {}};
        b.setAttribute(QStringLiteral("timeout"), QStringLiteral("2s"));
        b.setAttribute(QStringLiteral("connect_timeout"), QStringLiteral("500ms"));
        b.setAttribute(QStringLiteral("ttfb_timeout"), QStringLiteral("1m"));
        b.setAttribute(QStringLiteral("proxy"), QStringLiteral("http://127.0.0.1:3128"));
        b.setAttribute(QStringLiteral("disable_certificate_validation"), QStringLiteral("true"));
        auto s = backendSettingsFromBlock(b, ValueResolver());
        QVERIFY(s);
        QCOMPARE(s->totalMs, 2000);
        QCOMPARE(s->connectMs, 500);
        QCOMPARE(s->ttfbMs, 60000);
        QCOMPARE(s->transport.proxy, QUrl(QStringLiteral("http://127.0.0.1:3128")));
        QVERIFY(s->transport.tls.disableCertificateValidation);
        QCOMPARE(s->warnings.size(), 1);
        QVERIFY(s->warnings.constFirst().startsWith(QStringLiteral("INSECURE")));
        b.setAttribute(QStringLiteral("proxy"), QStringLiteral("not a url"));
        QVERIFY(!backendSettingsFromBlock(b, ValueResolver()));
    }

    void tokenRequest_tokenBackendModifiers_exactBytes()
    {
        // Resource indicator and audience as the token backend's set_form_params, a query parameter and a
        // header: Couper applies them to the token request like to any request through that backend.
        Block as{BlockType::Backend, QStringLiteral("as"), {}, {}};
        as.setAttribute(QStringLiteral("set_form_params"),
                        QStringLiteral("{ resource = \"https://api.example/v1\", audience = [\"a\", \"b\"] }"));
        as.setAttribute(QStringLiteral("set_query_params"), QStringLiteral("{ tenant = \"t 1\" }"));
        as.setAttribute(QStringLiteral("set_request_headers"), QStringLiteral("{ x-tenant = \"t1\", accept = \"*/*\" }"));
        Block be{BlockType::Backend, QStringLiteral("be"), {}, {}};
        Block o{BlockType::OAuth2, {}, {}, {}};
        o.setAttribute(QStringLiteral("backend"), QStringLiteral("as"));
        o.setAttribute(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
        o.setAttribute(QStringLiteral("token_endpoint"), QStringLiteral("https://as.example/token?x=1"));
        o.setAttribute(QStringLiteral("client_id"), QStringLiteral("c"));
        o.setAttribute(QStringLiteral("client_secret"), QStringLiteral("s"));
        be.blocks.append(o);
        const ValueResolver resolver;
        auto spec = specFromBackend(be, resolver);
        QVERIFY(spec);
        QVERIFY(applyTokenBackend(*spec, be, {be, as}, resolver));
        auto req = prepareTokenRequest(*spec);
        QVERIFY(req);
        QCOMPARE(req->body, QByteArray("audience=a&audience=b&grant_type=client_credentials&resource=https%3A%2F%2Fapi.example%2Fv1"));
        QCOMPARE(req->url.toString(QUrl::FullyEncoded), QStringLiteral("https://as.example/token?tenant=t%201&x=1"));
        QCOMPARE(headerValue(req->headers, "X-Tenant"), QByteArray("t1"));
        QCOMPARE(headerValue(req->headers, "Accept"), QByteArray("*/*"));
        QCOMPARE(headerValue(req->headers, "Authorization"), QByteArray("Basic ") + QByteArray("c:s").toBase64());
    }

    void tokenBackend_nestedReferencedMissingCircular()
    {
        Block be{BlockType::Backend, QStringLiteral("be"), {}, {}};
        Block o{BlockType::OAuth2, {}, {}, {}};
        be.blocks.append(o);
        QCOMPARE(*tokenBackendOf(be, {be}), nullptr);

        be.child(BlockType::OAuth2)->setAttribute(QStringLiteral("backend"), QStringLiteral("as"));
        Block as{BlockType::Backend, QStringLiteral("as"), {}, {}};
        const QList<Block> all{be, as};
        QCOMPARE((*tokenBackendOf(be, all))->label, QStringLiteral("as"));
        const auto missing = tokenBackendOf(be, {be});
        QVERIFY(!missing);
        QCOMPARE(missing.error().message, QStringLiteral("referenced backend \"as\" is not defined"));

        be.child(BlockType::OAuth2)->setAttribute(QStringLiteral("backend"), QStringLiteral("be"));
        QVERIFY(tokenBackendOf(be, {be}).error().message.contains(QStringLiteral("circular reference")));

        be.child(BlockType::OAuth2)->setAttribute(QStringLiteral("backend"), QString());
        Block nested{BlockType::Backend, {}, {}, {}};
        nested.setAttribute(QStringLiteral("timeout"), QStringLiteral("7s"));
        be.child(BlockType::OAuth2)->blocks.append(nested);
        QCOMPARE((*tokenBackendOf(be, {be}))->attribute(QStringLiteral("timeout")), QStringLiteral("7s"));
        be.child(BlockType::OAuth2)->setAttribute(QStringLiteral("backend"), QStringLiteral("as"));
        QCOMPARE(tokenBackendOf(be, all).error().message,
                 QStringLiteral("Multiple definitions of backend are not allowed in oauth2."));
    }

    void workspaceFile_keepsTlsBlockTokenBackendAndResourceUrl()
    {
        Block as{BlockType::Backend, QStringLiteral("as"), {}, {}};
        as.setAttribute(QStringLiteral("proxy"), QStringLiteral("http://proxy:3128"));
        as.setAttribute(QStringLiteral("set_form_params"), QStringLiteral("{ resource = \"urn:api\" }"));
        as.blocks.append(Block{QStringLiteral("tls"), {},
                               {{QStringLiteral("client_certificate_file"), QStringLiteral("c.pem")},
                                {QStringLiteral("client_private_key_file"), QStringLiteral("c.key")}},
                               {}});
        Block be{BlockType::Backend, QStringLiteral("be"), {}, {}};
        be.setAttribute(ResourceUrlAttribute, QStringLiteral("https://api.example/me"));
        be.blocks.append(Block{BlockType::OAuth2, {}, {{QStringLiteral("backend"), QStringLiteral("as")}}, {}});
        const auto bytes = WorkspaceFile::serialize({as, be}).bytes;
        auto loaded = WorkspaceFile::parse(bytes);
        QVERIFY(loaded);
        QCOMPARE(loaded->backends, (QList<Block>{as, be}));
    }

    void validator_tlsAndTokenBackendRules()
    {
        Block be{BlockType::Backend, QStringLiteral("be"), {}, {}};
        be.setAttribute(QStringLiteral("disable_certificate_validation"), QStringLiteral("true"));
        be.blocks.append(Block{QStringLiteral("tls"), {},
                               {{QStringLiteral("server_ca_certificate_file"), QStringLiteral("ca.pem")},
                                {QStringLiteral("client_certificate_file"), QStringLiteral("c.pem")}},
                               {}});
        be.blocks.append(Block{BlockType::OAuth2, {}, {{QStringLiteral("backend"), QStringLiteral("nowhere")}}, {}});
        QStringList messages;
        for (const Diagnostic& d : Validator::validateBackends({be}))
            messages << d.path() + QStringLiteral(": ") + d.message;
        const QString all = messages.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("be.disable_certificate_validation: configured 'disable_certificate_validation' "
                                             "along with 'server_ca_certificate_file' attribute")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("be.tls.client_private_key_file: tls: missing client private key")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("be.oauth2.backend: referenced backend \"nowhere\" is not defined")), qPrintable(all));

        be.blocks.removeFirst(); // no CA any more: the attribute alone is a loud warning
        bool warned = false;
        for (const Diagnostic& d : Validator::validateBackend(be))
            warned = warned || (d.severity == Diagnostic::Severity::Warning && d.message.startsWith(QStringLiteral("INSECURE")));
        QVERIFY(warned);
    }

    void modifiers_formOnlyOnFormPost()
    {
        PreparedRequest get;
        get.method = "GET";
        get.url = QUrl(QStringLiteral("https://api.example/r"));
        RequestModifiers m;
        m.setForm = {{QStringLiteral("a"), QStringLiteral("b")}};
        m.removeHeaders = {QStringLiteral("x-gone")};
        get.headers = {{"X-Gone", "1"}};
        const QStringList warnings = applyModifiers(get, m);
        QCOMPARE(warnings.size(), 1);
        QVERIFY(get.body.isEmpty());
        QVERIFY(get.headers.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTlsConfig)
#include "tst_tlsconfig.moc"
