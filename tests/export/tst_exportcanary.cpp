// The canary test of exports: a workspace whose secrets are unique canary values (in the environment,
// the keychain and, for one backend, written literally into the file) is exported in every format by
// the CLI and the core, a real run is saved as HAR and Markdown, and no written file may hold a canary.
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include "export/exporter.h"
#include "export/kymatokenrequest.h"
#include "export/traceexport.h"
#include "exporttesthelpers.h"
#include "model/schema.h"
#include "model/workspacefile.h"
#include "net/networkaccessmanager.h"
#include "net/tokenclient.h"
#include "net/tokenrequest.h"
#include "util/authserver.h"
#include "util/clirunner.h"
#include "util/testsupport.h"

using namespace Tokenbench;
using namespace Tokenbench::Core;

class TestExportCanary : public QObject
{
    Q_OBJECT

    QTemporaryDir m_serverDir;
    QTemporaryDir m_out;
    Test::AuthServer m_server;
    QString m_envCanary, m_keychainCanary, m_literalCanary, m_keyCanary;

    static QString canary(const char* what)
    {
        return QStringLiteral("canary-%1-%2").arg(QString::fromLatin1(what), QUuid::createUuid().toString(QUuid::WithoutBraces));
    }

    Test::CliRun cli(const QStringList& args, const QByteArray& stdinData = {})
    {
        return Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH), args,
                            {{QStringLiteral("CANARY_SECRET"), m_envCanary}, {QStringLiteral("CANARY_KEY"), m_keyCanary}},
                            stdinData);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::initTestEnvironment();
        qRegisterMetaType<TokenResult>();
        m_envCanary = canary("env");
        m_keychainCanary = canary("keychain");
        m_literalCanary = canary("literal");
        m_keyCanary = canary("key");
        const QString clients = m_serverDir.filePath(QStringLiteral("clients.json"));
        QFile f(clients);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("[{\"client_id\":\"canary-client\",\"client_secret\":\"%1\","
                               "\"token_endpoint_auth_method\":\"client_secret_basic\",\"grant_types\":[\"client_credentials\"],"
                               "\"response_types\":[],\"redirect_uris\":[],\"scope\":\"api:read\"}]")
                    .arg(m_envCanary)
                    .toUtf8());
        f.close();
        QString error;
        QVERIFY2(m_server.start(&error, {QStringLiteral("--clients"), clients}), qPrintable(error));
    }

    void everyExport_holdsNoCanary()
    {
        const QString ws = m_out.filePath(QStringLiteral("canary.tbw"));
        auto backend = [&](const QString& label, const QString& secret, const QString& method) {
            Block b{BlockType::Backend, label, {}, {}};
            b.setAttribute(QStringLiteral("origin"), QStringLiteral("https://api.example.com"));
            Block o{BlockType::OAuth2, {}, {}, {}};
            o.setAttribute(QStringLiteral("token_endpoint"), m_server.tokenEndpoint().toString());
            o.setAttribute(QStringLiteral("grant_type"), Schema::Grant::ClientCredentials);
            o.setAttribute(QStringLiteral("client_id"), QStringLiteral("canary-client"));
            o.setAttribute(QStringLiteral("client_secret"), secret);
            o.setAttribute(QStringLiteral("token_endpoint_auth_method"), method);
            b.blocks << o;
            return b;
        };
        QList<Block> backends;
        backends << backend(QStringLiteral("canary"), QStringLiteral("env.CANARY_SECRET"), Schema::AuthMethod::Basic);
        backends << backend(QStringLiteral("keychain"), QStringLiteral("env.CANARY_KEYCHAIN"), Schema::AuthMethod::Post);
        Block pk = backend(QStringLiteral("pk"), {}, Schema::AuthMethod::PrivateKeyJwt);
        Block profile{QStringLiteral("jwt_signing_profile"), {}, {}, {}};
        profile.setAttribute(QStringLiteral("signature_algorithm"), QStringLiteral("RS256"));
        profile.setAttribute(QStringLiteral("ttl"), QStringLiteral("30s"));
        profile.setAttribute(QStringLiteral("key"), QStringLiteral("env.CANARY_KEY"));
        pk.child(BlockType::OAuth2)->blocks << profile;
        backends << pk;
        auto saved = WorkspaceFile::save(ws, backends);
        QVERIFY(saved.ok());
        // A literal secret written into the file by hand (the workspace writer never does that).
        {
            QFile f(ws);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QByteArray bytes = f.readAll();
            f.close();
            QVERIFY(bytes.contains("env.CANARY_KEYCHAIN"));
            QJsonObject root = QJsonDocument::fromJson(bytes).object();
            QJsonArray list = root.value(QStringLiteral("backends")).toArray();
            QJsonObject lit = list.at(1).toObject();
            lit.insert(QStringLiteral("label"), QStringLiteral("literal"));
            QJsonArray blocks = lit.value(QStringLiteral("blocks")).toArray();
            QJsonObject o = blocks.at(0).toObject();
            QJsonObject attrs = o.value(QStringLiteral("attributes")).toObject();
            attrs.insert(QStringLiteral("client_secret"), m_literalCanary);
            o.insert(QStringLiteral("attributes"), attrs);
            blocks[0] = o;
            lit.insert(QStringLiteral("blocks"), blocks);
            list.append(lit);
            root.insert(QStringLiteral("backends"), list);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(QJsonDocument(root).toJson());
        }
        const QStringList labels = {QStringLiteral("canary"), QStringLiteral("keychain"), QStringLiteral("pk"), QStringLiteral("literal")};

        // One canary lives in the keychain only.
        const Test::CliRun stored = cli({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("CANARY_KEYCHAIN"),
                                         QStringLiteral("--workspace"), ws},
                                        m_keychainCanary.toUtf8());
        if (stored.exitCode != 0)
            qWarning("keychain unavailable (%s): the keychain canary is checked without it", stored.err.constData());

        const QString dir = m_out.filePath(QStringLiteral("exports"));
        QVERIFY(QDir().mkpath(dir));
        QByteArray allStderr;
        // CLI: every format of every backend, to files and to stdout.
        for (const QString& format : {QStringLiteral("couper"), QStringLiteral("curl"), QStringLiteral("oauth2c"), QStringLiteral("http")}) {
            for (const QString& label : labels) {
                const QString file = QStringLiteral("%1/cli-%2-%3.out").arg(dir, format, label);
                const Test::CliRun r = cli({QStringLiteral("export"), ws, QStringLiteral("--format"), format,
                                            QStringLiteral("--backend"), label, QStringLiteral("-o"), file});
                QVERIFY2(r.exitCode == 0, qPrintable(format + u' ' + label + u' ' + QString::fromUtf8(r.err)));
                const Test::CliRun toStdout = cli({QStringLiteral("export"), ws, QStringLiteral("--format"), format,
                                                   QStringLiteral("--backend"), label});
                QCOMPARE(toStdout.exitCode, 0);
                QFile f(QStringLiteral("%1/cli-%2-%3.stdout").arg(dir, format, label));
                QVERIFY(f.open(QIODevice::WriteOnly));
                f.write(toStdout.out);
                allStderr += r.err + toStdout.err;
            }
        }
        const Test::CliRun kyma = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("kyma"),
                                       QStringLiteral("--application"), QStringLiteral("canary-app"), QStringLiteral("--tenant"),
                                       QStringLiteral("t"), QStringLiteral("-o"), dir + QStringLiteral("/cli-kyma.yaml")});
        QCOMPARE(kyma.exitCode, 0);
        // A real run, its trace saved as HAR by the CLI...
        const Test::CliRun run = cli({QStringLiteral("token"), ws, QStringLiteral("--backend"), QStringLiteral("canary"),
                                      QStringLiteral("--json"), QStringLiteral("--har"), dir + QStringLiteral("/cli-run.har")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(QFile::exists(dir + QStringLiteral("/cli-run.har")));
        QVERIFY(Test::harProblems(QJsonDocument::fromJson([&] {
                                      QFile f(dir + QStringLiteral("/cli-run.har"));
                                      return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
                                  }()).object()).isEmpty());
        allStderr += run.err + kyma.err;
        {
            QFile f(dir + QStringLiteral("/cli-stderr.txt"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(allStderr);
        }
        // ...and by the core as HAR and Markdown.
        NetworkAccessManager nam;
        TokenClient client(&nam);
        QSignalSpy finished(&client, &TokenClient::finished);
        TokenRequestSpec spec;
        spec.setTokenEndpoint(m_server.tokenEndpoint())
            .setGrantType(Schema::Grant::ClientCredentials)
            .setClient(QStringLiteral("canary-client"), m_envCanary);
        client.start(spec);
        QVERIFY(finished.wait(30000));
        const TokenResult result = finished.constFirst().constFirst().value<TokenResult>();
        QVERIFY2(result.ok(), qPrintable(result.errorText));
        auto writeFile = [&](const QString& name, const QByteArray& bytes) {
            QFile f(dir + u'/' + name);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        };
        writeFile(QStringLiteral("core-run.har"), Export::toHar(result.exchanges));
        writeFile(QStringLiteral("core-run.md"), Export::toMarkdown(result.exchanges).toUtf8());
        // Core exporters, straight from the model (the literal one included).
        auto loaded = WorkspaceFile::load(ws);
        QVERIFY(loaded.ok());
        for (const Block& b : std::as_const(loaded->backends)) {
            for (const auto& e : Export::exporters()) {
                Export::ExportInput input;
                input.backend = b;
                auto out = e->exportBackend(input);
                QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().message));
                writeFile(QStringLiteral("core-%1-%2.%3").arg(e->id(), b.label, e->fileExtension()), out->text.toUtf8());
            }
        }
        writeFile(QStringLiteral("core-kyma.yaml"), Export::toYaml({QStringLiteral("app"), {}, {}})->toUtf8());

        // No canary anywhere.
        int files = 0;
        QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            ++files;
            for (const QString& c : {m_envCanary, m_keychainCanary, m_literalCanary, m_keyCanary})
                QVERIFY2(!bytes.contains(c.toUtf8()), qPrintable(path + QStringLiteral(" holds ") + c));
        }
        QCOMPARE(files, 4 * 4 * 2 + 1 + 1 + 1 + 2 + 4 * 4 + 1);
        // The literal secret became a variable the user is told to set.
        QVERIFY(allStderr.contains("LITERAL_CLIENT_SECRET"));
    }
};

QTEST_GUILESS_MAIN(TestExportCanary)
#include "tst_exportcanary.moc"
