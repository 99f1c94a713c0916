// TLS faults against a real TLS server (tests/util/tlsserver.h) with certificates made by the openssl CLI
// at test time: every one ends as Exchange::Failure::Tls with a message that names the problem and what to
// try, and the CLI exits 3 (transport).
#include "net/httpexchange.h"
#include "net/networkaccessmanager.h"
#include "util/clirunner.h"
#include "util/testpki.h"
#include "util/testsupport.h"
#include "util/tlsserver.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

using namespace Tokenbench::Core;
using Tokenbench::Test::Pki;
using Tokenbench::Test::TlsServer;

namespace {

PreparedRequest tokenPost(const QUrl& url)
{
    PreparedRequest r;
    r.method = "POST";
    r.url = url;
    r.purpose = QStringLiteral("token request");
    r.headers = {{"Accept", "application/json"}, {"Content-Type", "application/x-www-form-urlencoded"}};
    r.body = "grant_type=client_credentials";
    return r;
}

Exchange runExchange(const QUrl& url)
{
    NetworkAccessManager nam;
    Timeouts t;
    t.totalMs = 20000;
    HttpExchange ex(&nam, tokenPost(url), t);
    QSignalSpy finished(&ex, &HttpExchange::finished);
    ex.start();
    if (finished.isEmpty())
        finished.wait(25000);
    return ex.exchange();
}

Tokenbench::Test::CliRun cli(const QUrl& url, const QHash<QString, QString>& env = {})
{
    QHash<QString, QString> e = env;
    e.insert(QStringLiteral("TB_FAULT_SECRET"), QStringLiteral("s"));
    return Tokenbench::Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH),
                                    {QStringLiteral("token"), QStringLiteral("--token-endpoint"),
                                     url.toString(), QStringLiteral("--client-id"), QStringLiteral("c"),
                                     QStringLiteral("--client-secret"), QStringLiteral("env:TB_FAULT_SECRET"),
                                     QStringLiteral("--timeout"), QStringLiteral("20s")},
                                    e);
}

} // namespace

class TestTlsFaults : public QObject
{
    Q_OBJECT

private:
    Pki m_pki;
    QSslConfiguration m_originalDefault;

    // The client trusts the test CA (and optionally presents a client certificate), as a machine whose
    // trust store has the CA would; the server-side fault is then the only problem.
    void trustTestCa(const QString& clientCert = {})
    {
        QSslConfiguration c = m_originalDefault;
        c.setCaCertificates({m_pki.certificate(QStringLiteral("ca"))});
        if (!clientCert.isEmpty()) {
            c.setLocalCertificate(m_pki.certificate(clientCert));
            c.setPrivateKey(m_pki.key(clientCert));
        }
        QSslConfiguration::setDefaultConfiguration(c);
    }

    bool serve(TlsServer& server, const QString& leaf)
    {
        server.setCertificate(m_pki.certificate(leaf), m_pki.key(leaf));
        return server.listen();
    }

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
        m_originalDefault = QSslConfiguration::defaultConfiguration();
        QString error;
        QVERIFY2(m_pki.init(&error), qPrintable(error));
        const QString ip = QStringLiteral("IP:127.0.0.1");
        QVERIFY2(m_pki.makeLeaf(QStringLiteral("good"), ip, QStringLiteral("ca"), &error), qPrintable(error));
        QVERIFY2(m_pki.makeLeaf(QStringLiteral("selfsigned"), ip, QString(), &error), qPrintable(error));
        QVERIFY2(m_pki.makeLeaf(QStringLiteral("wrongname"), QStringLiteral("DNS:wrong.example"),
                                QStringLiteral("ca"), &error),
                 qPrintable(error));
        QVERIFY2(m_pki.makeExpiredLeaf(QStringLiteral("expired"), ip, QStringLiteral("ca"), &error),
                 qPrintable(error));
        QVERIFY2(m_pki.makeLeaf(QStringLiteral("client"), QStringLiteral("DNS:client.example"),
                                QStringLiteral("ca"), &error),
                 qPrintable(error));
        QVERIFY2(m_pki.makeLeaf(QStringLiteral("strangerclient"), QStringLiteral("DNS:client.example"),
                                QStringLiteral("otherca"), &error),
                 qPrintable(error));
        QVERIFY(!m_pki.certificate(QStringLiteral("expired")).isNull());
        QVERIFY(m_pki.certificate(QStringLiteral("expired")).expiryDate() < QDateTime::currentDateTimeUtc());
    }

    void cleanup() { QSslConfiguration::setDefaultConfiguration(m_originalDefault); }

    // The control: with the CA trusted and a right certificate, the exchange succeeds, so every failure
    // below is the fault under test and not the set-up.
    void trustedCertificate_succeeds()
    {
        trustTestCa();
        TlsServer server;
        QVERIFY(serve(server, QStringLiteral("good")));
        const Exchange e = runExchange(server.url(QStringLiteral("/token")));
        QVERIFY2(e.failure == Exchange::Failure::None, qPrintable(e.failureText));
        QCOMPARE(e.status, 200);
        QVERIFY(e.responseBody.contains("tls-server-token"));
    }

    void selfSignedServer_isUntrusted()
    {
        TlsServer server;
        QVERIFY(serve(server, QStringLiteral("selfsigned")));
        const Exchange e = runExchange(server.url(QStringLiteral("/token")));
        qInfo("engine: %s", qPrintable(e.failureText));
        QCOMPARE(e.failure, Exchange::Failure::Tls);
        QVERIFY2(e.failureText.contains(QStringLiteral("127.0.0.1:%1").arg(server.serverPort())),
                 qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(QStringLiteral("not trusted")), qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(QStringLiteral("self-signed")), qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(QStringLiteral("trust store")), qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(QStringLiteral("--server-ca-certificate")), qPrintable(e.failureText));
        QVERIFY2(!e.failureText.contains(QStringLiteral("host name")), qPrintable(e.failureText));
        QCOMPARE(server.requestCount(), 0);

        const auto r = cli(server.url(QStringLiteral("/token")));
        qInfo("tokenbench-cli: %s", r.err.trimmed().constData());
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("not trusted") && r.err.contains("self-signed"), r.err.constData());
    }

    void certificateFromUnknownCa_isUntrusted()
    {
        // Signed by a CA, but one this client does not trust (the system store does not have it).
        TlsServer server;
        QVERIFY(serve(server, QStringLiteral("good")));
        const Exchange e = runExchange(server.url(QStringLiteral("/token")));
        qInfo("engine: %s", qPrintable(e.failureText));
        QCOMPARE(e.failure, Exchange::Failure::Tls);
        QVERIFY2(e.failureText.contains(QStringLiteral("not trusted")), qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(QStringLiteral("Tokenbench Test CA")), qPrintable(e.failureText));
    }

    void hostnameMismatch_namesBothNames()
    {
        trustTestCa();
        TlsServer server;
        QVERIFY(serve(server, QStringLiteral("wrongname")));
        const Exchange e = runExchange(server.url(QStringLiteral("/token")));
        qInfo("engine: %s", qPrintable(e.failureText));
        QCOMPARE(e.failure, Exchange::Failure::Tls);
        QVERIFY2(e.failureText.contains(QStringLiteral("host name")), qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(QStringLiteral("wrong.example")), qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(QStringLiteral("\"127.0.0.1\"")), qPrintable(e.failureText));
        QVERIFY2(!e.failureText.contains(QStringLiteral("not trusted")), qPrintable(e.failureText));

        // The CLI does not trust the test CA, so it reports both problems; the host name is among them.
        const auto r = cli(server.url(QStringLiteral("/token")));
        qInfo("tokenbench-cli: %s", r.err.trimmed().constData());
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("host name") && r.err.contains("wrong.example"), r.err.constData());
        QVERIFY2(r.err.contains("not trusted"), r.err.constData());
    }

    void expiredCertificate_saysWhenItExpired()
    {
        trustTestCa();
        TlsServer server;
        QVERIFY(serve(server, QStringLiteral("expired")));
        const Exchange e = runExchange(server.url(QStringLiteral("/token")));
        qInfo("engine: %s", qPrintable(e.failureText));
        QCOMPARE(e.failure, Exchange::Failure::Tls);
        QVERIFY2(e.failureText.contains(QStringLiteral("expired on 2020-01-02")), qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(QStringLiteral("renew")), qPrintable(e.failureText));
        QVERIFY2(!e.failureText.contains(QStringLiteral("host name")), qPrintable(e.failureText));

        const auto r = cli(server.url(QStringLiteral("/token")));
        qInfo("tokenbench-cli: %s", r.err.trimmed().constData());
        QCOMPARE(r.exitCode, 3);
        // The CLI does not trust the test CA either: both problems, each with its advice.
        QVERIFY2(r.err.contains("expired on 2020-01-02") && r.err.contains("not trusted"), r.err.constData());
        QVERIFY2(r.err.contains("renew") && r.err.contains("trust store"), r.err.constData());
    }

    void clientCertificateRequired_noneGiven()
    {
        trustTestCa();
        TlsServer server;
        server.setClientCaCertificates({m_pki.certificate(QStringLiteral("ca"))});
        QVERIFY(serve(server, QStringLiteral("good")));
        const Exchange e = runExchange(server.url(QStringLiteral("/token")));
        qInfo("engine: %s", qPrintable(e.failureText));
        QCOMPARE(e.failure, Exchange::Failure::Tls);
        QVERIFY2(e.failureText.contains(QStringLiteral("client certificate")), qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(QStringLiteral("none was presented")), qPrintable(e.failureText));
        QCOMPARE(server.requestCount(), 0);

        // tokenbench-cli has no option to trust a private CA (nor to present a client certificate), and Qt
        // ignores SSL_CERT_FILE/SSL_CERT_DIR: it stops at the untrusted server certificate before the server
        // can ask.
        const auto r = cli(server.url(QStringLiteral("/token")));
        qInfo("tokenbench-cli: %s", r.err.trimmed().constData());
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("TLS handshake") && r.err.contains("not trusted"), r.err.constData());
    }

    void clientCertificateRejected_isExplained()
    {
        trustTestCa(QStringLiteral("strangerclient"));
        TlsServer server;
        server.setClientCaCertificates({m_pki.certificate(QStringLiteral("ca"))});
        QVERIFY(serve(server, QStringLiteral("good")));
        const Exchange e = runExchange(server.url(QStringLiteral("/token")));
        qInfo("engine: %s", qPrintable(e.failureText));
        QCOMPARE(e.failure, Exchange::Failure::Tls);
        QVERIFY2(e.failureText.contains(QStringLiteral("rejected the client certificate")),
                 qPrintable(e.failureText));
        QCOMPARE(server.requestCount(), 0);
    }

    void clientCertificateAccepted_succeeds()
    {
        trustTestCa(QStringLiteral("client"));
        TlsServer server;
        server.setClientCaCertificates({m_pki.certificate(QStringLiteral("ca"))});
        QVERIFY(serve(server, QStringLiteral("good")));
        const Exchange e = runExchange(server.url(QStringLiteral("/token")));
        QVERIFY2(e.failure == Exchange::Failure::None, qPrintable(e.failureText));
        QCOMPARE(e.status, 200);
    }
};

QTEST_GUILESS_MAIN(TestTlsFaults)
#include "tst_tlsfaults.moc"
