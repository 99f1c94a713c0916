// The echo canary test: a hostile, httpbin-style token endpoint and resource echo everything they receive
// (headers, the form, the decoded Basic credential, the query) into their JSON answers, response headers and
// error_description. tokenbench-cli token --json / --har, its stderr, and the core's HAR and Markdown exports
// must not hold a canary secret in any encoding: raw, form-encoded (upper- and lower-case hex), percent-encoded,
// JSON-escaped, base64 of "id:secret" (the Basic credential) and base64 of the value.
#include <QFile>
#include <QFileDevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include "export/traceexport.h"
#include "model/schema.h"
#include "net/formencoding.h"
#include "net/networkaccessmanager.h"
#include "net/tokenclient.h"
#include "net/tokenrequest.h"
#include "util/clirunner.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"
#include "echoserver.h"

using namespace Tokenbench;
using namespace Tokenbench::Core;

using Test::Echo::ClientId;
using Test::Echo::echo;
using Test::Echo::encodings;

class TestEchoCanary : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Test::RawHttpServer m_server;

    static QString canary(const char* what)
    {
        // Reserved characters, a quote, a space and non-ASCII: every encoding differs from the raw text.
        return QStringLiteral("c/%1+\"q\" \u00e9&=%-%2").arg(QString::fromLatin1(what), QUuid::createUuid().toString(QUuid::WithoutBraces));
    }

    static QByteArray readFile(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // Fails when `bytes` holds `secret` in any encoding.
    static bool holdsNone(const QString& where, const QByteArray& bytes, const QStringList& secrets, bool quiet = false)
    {
        for (const QString& secret : secrets) {
            for (const auto& [name, encoded] : encodings(secret)) {
                if (bytes.contains(encoded)) {
                    if (!quiet)
                        qWarning("%s holds the canary %s (%s):\n%s", qPrintable(where), qPrintable(secret),
                             qPrintable(name), bytes.constData());
                    return false;
                }
            }
        }
        return true;
    }

    Test::CliRun cli(const QStringList& args, const QHash<QString, QString>& env)
    {
        return Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH), args, env);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::initTestEnvironment();
        qRegisterMetaType<TokenResult>();
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.listen());
    }

    void refusingEchoEndpoint_cliOutputsHoldNoCanary_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("grant");
        QTest::newRow("client_secret_basic") << Schema::AuthMethod::Basic << Schema::Grant::ClientCredentials;
        QTest::newRow("client_secret_post") << Schema::AuthMethod::Post << Schema::Grant::ClientCredentials;
        QTest::newRow("password grant") << Schema::AuthMethod::Basic << Schema::Grant::Password;
    }

    void refusingEchoEndpoint_cliOutputsHoldNoCanary()
    {
        QFETCH(QString, method);
        QFETCH(QString, grant);
        m_server.setBehaviour(echo(QString()));
        const QString secret = canary("secret");
        const QString password = canary("password");
        const QString har = m_dir.filePath(QStringLiteral("refused-%1.har").arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
        QStringList args = {QStringLiteral("token"),
                            QStringLiteral("--token-endpoint"), m_server.url(QStringLiteral("/token?tenant=t")).toString(),
                            QStringLiteral("--client-id"), ClientId,
                            QStringLiteral("--client-secret"), QStringLiteral("env:TB_ECHO_SECRET"),
                            QStringLiteral("--token-endpoint-auth-method"), method,
                            QStringLiteral("--grant-type"), grant,
                            QStringLiteral("--json"), QStringLiteral("--har"), har};
        if (grant == Schema::Grant::Password)
            args << QStringLiteral("--username") << QStringLiteral("alice") << QStringLiteral("--password")
                 << QStringLiteral("env:TB_ECHO_PASSWORD");
        const Test::CliRun r = cli(args, {{QStringLiteral("TB_ECHO_SECRET"), secret},
                                          {QStringLiteral("TB_ECHO_PASSWORD"), password}});
        QVERIFY2(r.exitCode == 4, r.err.constData());
        QVERIFY(!m_server.requests().isEmpty());
        // The server did get (and echo) the secret: the test would see a leak.
        QVERIFY(r.out.contains("invalid_client"));
        QVERIFY(r.out.contains("[redacted:"));
        const QByteArray harBytes = readFile(har);
        QVERIFY(harBytes.contains("client authentication failed"));
        const QStringList secrets = {secret, password};
        QVERIFY(holdsNone(QStringLiteral("stdout (--json)"), r.out, secrets));
        QVERIFY(holdsNone(QStringLiteral("stderr"), r.err, secrets));
        QVERIFY(holdsNone(QStringLiteral("--har"), harBytes, secrets));
        // Item 6: trace files are owner-only.
        QCOMPARE(QFile::permissions(har) & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                                            QFileDevice::WriteOther),
                 QFileDevice::Permissions());
    }

    void issuedTokenEchoedByResource_onlyTheResultShowsIt()
    {
        // An issued token must be a valid Bearer token (RFC 6750) or it is refused: '/', '+' and '~' still
        // make its encodings differ from the raw text.
        const QString token = QStringLiteral("c/token+%1~x").arg(QUuid::createUuid().toString(QUuid::Id128));
        const QString secret = canary("secret");
        const QString apiKey = canary("apikey");
        m_server.setBehaviour(echo(token));
        const QString har = m_dir.filePath(QStringLiteral("resource.har"));
        const QUrl resource = m_server.url(QStringLiteral("/resource?api_key=") + QString::fromLatin1(Form::escape(apiKey)));
        const Test::CliRun r = cli({QStringLiteral("token"),
                                    QStringLiteral("--token-endpoint"), m_server.url(QStringLiteral("/token")).toString(),
                                    QStringLiteral("--client-id"), ClientId,
                                    QStringLiteral("--client-secret"), QStringLiteral("env:TB_ECHO_SECRET"),
                                    QStringLiteral("--resource"), resource.toString(QUrl::FullyEncoded),
                                    QStringLiteral("--json"), QStringLiteral("--har"), har},
                                   {{QStringLiteral("TB_ECHO_SECRET"), secret}});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonObject json = QJsonDocument::fromJson(r.out).object();
        // The token is the result: printed as such, and nowhere else.
        QCOMPARE(json.value(QStringLiteral("token")).toString(), token);
        json.remove(QStringLiteral("token"));
        QVERIFY(json.value(QStringLiteral("exchanges")).toArray().size() >= 2);
        const QByteArray rest = QJsonDocument(json).toJson();
        QVERIFY(rest.contains("/resource"));
        const QStringList secrets = {token, secret, apiKey};
        QVERIFY(holdsNone(QStringLiteral("stdout (--json) without \"token\""), rest, secrets));
        QVERIFY(holdsNone(QStringLiteral("stderr"), r.err, secrets));
        QVERIFY(holdsNone(QStringLiteral("--har"), readFile(har), secrets));
    }

    void queryInTokenEndpoint_transportErrorMessagesHoldNoCanary()
    {
        // A garbage answer: the message quotes Qt's error string, which may embed the URL with its query.
        const QString key = canary("key");
        const QString secret = canary("secret");
        m_server.setBehaviour(Test::RawHttpServer::garbage("NOT HTTP AT ALL\r\n\r\n"));
        QUrl endpoint = m_server.url(QStringLiteral("/token"));
        endpoint.setQuery(QStringLiteral("api_key=") + QString::fromLatin1(Form::escape(key)) + QStringLiteral("&client_secret=") +
                              QString::fromLatin1(Form::escape(secret)),
                          QUrl::StrictMode);
        const QString har = m_dir.filePath(QStringLiteral("garbage.har"));
        const Test::CliRun r = cli({QStringLiteral("token"), QStringLiteral("--token-endpoint"), endpoint.toString(QUrl::FullyEncoded),
                                    QStringLiteral("--client-id"), ClientId, QStringLiteral("--client-secret"),
                                    QStringLiteral("env:TB_ECHO_SECRET"), QStringLiteral("--json"), QStringLiteral("--har"), har},
                                   {{QStringLiteral("TB_ECHO_SECRET"), canary("other")}});
        QVERIFY2(r.exitCode == 3, r.err.constData());
        QVERIFY(!r.err.isEmpty());
        QVERIFY(holdsNone(QStringLiteral("stderr"), r.err, {key, secret}));
        QVERIFY(holdsNone(QStringLiteral("stdout (--json)"), r.out, {key, secret}));
        QVERIFY(holdsNone(QStringLiteral("--har"), readFile(har), {key, secret}));
    }

    void coreExports_ofAnEchoedRun_holdNoCanary()
    {
        m_server.setBehaviour(echo(QString()));
        const QString secret = canary("core");
        NetworkAccessManager nam;
        TokenClient client(&nam);
        QSignalSpy finished(&client, &TokenClient::finished);
        TokenRequestSpec spec;
        spec.setTokenEndpoint(m_server.url(QStringLiteral("/token")))
            .setGrantType(Schema::Grant::ClientCredentials)
            .setClient(ClientId, secret);
        client.start(spec);
        QVERIFY(finished.wait(30000));
        const TokenResult result = finished.constFirst().constFirst().value<TokenResult>();
        QVERIFY(!result.ok());
        QVERIFY(!result.exchanges.isEmpty());
        const QByteArray har = Export::toHar(result.exchanges);
        const QByteArray md = Export::toMarkdown(result.exchanges).toUtf8();
        QVERIFY(md.contains("client authentication failed"));
        QVERIFY(holdsNone(QStringLiteral("HAR"), har, {secret}));
        QVERIFY(holdsNone(QStringLiteral("Markdown"), md, {secret}));
        // Revealed on purpose, the secret is there (the test sees what it looks for).
        QVERIFY(!holdsNone(QStringLiteral("revealed HAR"), Export::toHar(result.exchanges, true), {secret}, true));
    }

    void revealedHar_isOwnerOnly_evenOverAnExistingFile()
    {
        m_server.setBehaviour(echo(QStringLiteral("tok-revealed-123456")));
        const QString har = m_dir.filePath(QStringLiteral("revealed.har"));
        {
            QFile f(har);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("old");
        }
        QVERIFY(QFile::setPermissions(har, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                                QFileDevice::ReadOther));
        const Test::CliRun r = cli({QStringLiteral("token"), QStringLiteral("--token-endpoint"), m_server.url(QStringLiteral("/token")).toString(),
                                    QStringLiteral("--client-id"), ClientId, QStringLiteral("--client-secret"),
                                    QStringLiteral("env:TB_ECHO_SECRET"), QStringLiteral("--reveal"), QStringLiteral("--har"), har},
                                   {{QStringLiteral("TB_ECHO_SECRET"), canary("revealed")}});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(readFile(har).contains("tok-revealed-123456"));
        QCOMPARE(QFile::permissions(har) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    void envWithSecretName_warns_helpShowsEnvWay()
    {
        m_server.setBehaviour(echo(QStringLiteral("tok-env-warning-1")));
        const Test::CliRun r = cli({QStringLiteral("token"), QStringLiteral("--token-endpoint"), m_server.url(QStringLiteral("/token")).toString(),
                                    QStringLiteral("--client-id"), ClientId, QStringLiteral("--client-secret"),
                                    QStringLiteral("env:MY_CLIENT_SECRET"), QStringLiteral("--env"),
                                    QStringLiteral("MY_CLIENT_SECRET=literal-value-42"), QStringLiteral("--env"),
                                    QStringLiteral("REGION=eu")},
                                   {});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("warning: --env MY_CLIENT_SECRET was given a literal value"), r.err.constData());
        QVERIFY2(!r.err.contains("REGION"), r.err.constData());
        QVERIFY(!r.err.contains("literal-value-42"));
        const Test::CliRun help = cli({QStringLiteral("token"), QStringLiteral("--help")}, {});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("env:NAME"));
        QVERIFY(help.out.contains("tokenbench-cli secret set"));
    }
};

QTEST_GUILESS_MAIN(TestEchoCanary)
#include "tst_echocanary.moc"
