// tokenbench-cli export / import: the contract (formats, --backend, -o, exit codes, what goes to stderr).
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "model/couperconfig.h"
#include "util/clirunner.h"
#include "util/testsupport.h"

using namespace Tokenbench;

class TestExportCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_config;

    static Test::CliRun cli(const QStringList& args, const QByteArray& in = {})
    {
        return Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH), args, {}, in);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::initTestEnvironment();
        m_config = m_dir.filePath(QStringLiteral("couper.hcl"));
        QFile f(m_config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("definitions {\n"
                "  backend \"a\" {\n"
                "    oauth2 {\n"
                "      token_endpoint = \"https://as.example.com/token\"\n"
                "      grant_type     = \"client_credentials\"\n"
                "      client_id      = \"app\"\n"
                "      client_secret  = env.A_SECRET\n"
                "    }\n"
                "  }\n"
                "  backend \"b\" {\n"
                "    origin = \"https://api.example.com\"\n"
                "    beta_token_request \"tr\" {\n"
                "      url   = \"https://as.example.com/login\"\n"
                "      token = beta_token_response.json_body.token\n"
                "      ttl   = \"60s\"\n"
                "    }\n"
                "  }\n"
                "  backend \"c\" {\n"
                "    origin = \"https://api.example.com\"\n"
                "    beta_token_request \"fwd\" {\n"
                "      url     = \"https://as.example.com/login\"\n"
                "      headers = { x-forwarded-token = request.headers.x-token }\n"
                "      token   = beta_token_response.json_body.token\n"
                "      ttl     = \"60s\"\n"
                "    }\n"
                "  }\n"
                "}\n");
    }

    void export_needsBackendWhenSeveral()
    {
        const auto r = cli({QStringLiteral("export"), m_config, QStringLiteral("--format"), QStringLiteral("couper")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("choose one with --backend (a, b, c)"), r.err.constData());
    }

    void export_toFile_listsVariablesOnStderr()
    {
        const QString out = m_dir.filePath(QStringLiteral("a.hcl"));
        const auto r = cli({QStringLiteral("export"), m_config, QStringLiteral("--format"), QStringLiteral("couper"),
                            QStringLiteral("--backend"), QStringLiteral("a"), QStringLiteral("-o"), out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains("environment variables needed: A_SECRET"));
        auto config = Core::Hcl::loadCouperConfig(out);
        QVERIFY(config.ok());
        QCOMPARE(config->backends.size(), 1);
        QCOMPARE(config->backends.constFirst().child(QStringLiteral("oauth2"))->attribute(QStringLiteral("client_secret")),
                 QStringLiteral("env.A_SECRET"));
        const auto script = cli({QStringLiteral("export"), m_config, QStringLiteral("--format"), QStringLiteral("curl"),
                                 QStringLiteral("--backend"), QStringLiteral("a"), QStringLiteral("-o"),
                                 m_dir.filePath(QStringLiteral("a.sh"))});
        QCOMPARE(script.exitCode, 0);
        QVERIFY(QFile::permissions(m_dir.filePath(QStringLiteral("a.sh"))) & QFileDevice::ExeOwner);
    }

    void export_unsupportedOrWrong_isUsageError_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        const QString c = m_dir.filePath(QStringLiteral("couper.hcl"));
        QTest::newRow("no-format") << QStringList{QStringLiteral("export"), c} << QByteArray("--format is required");
        QTest::newRow("bad-format") << QStringList{QStringLiteral("export"), c, QStringLiteral("--format"), QStringLiteral("yaml")}
                                    << QByteArray("unknown --format \"yaml\"");
        // Issue 15.12: a beta_token_request is exported; only an expression a shell cannot evaluate is refused, by name.
        QTest::newRow("beta-curl-request-variable")
            << QStringList{QStringLiteral("export"), c, QStringLiteral("--format"), QStringLiteral("curl"),
                           QStringLiteral("--backend"), QStringLiteral("c")}
            << QByteArray("the expression `request.headers.x-token` cannot be evaluated by the curl export");
        QTest::newRow("no-backend") << QStringList{QStringLiteral("export"), c, QStringLiteral("--format"), QStringLiteral("couper"),
                                                   QStringLiteral("--backend"), QStringLiteral("zz")}
                                    << QByteArray("no backend \"zz\"");
        QTest::newRow("kyma-no-app") << QStringList{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("kyma")}
                                     << QByteArray("--application");
        QTest::newRow("kyma-bad-name") << QStringList{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("kyma"),
                                                      QStringLiteral("--application"), QStringLiteral("Bad_Name")}
                                       << QByteArray("not a Kubernetes object name");
        QTest::newRow("old-couper") << QStringList{QStringLiteral("export"), c, QStringLiteral("--format"), QStringLiteral("couper"),
                                                   QStringLiteral("--backend"), QStringLiteral("a"), QStringLiteral("--couper-version"),
                                                   QStringLiteral("0.9")}
                                    << QByteArray("unknown Couper version");
    }

    void export_unsupportedOrWrong_isUsageError()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        const auto r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void export_kyma_toStdout()
    {
        const auto r = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("kyma"), QStringLiteral("--application"),
                            QStringLiteral("my-app"), QStringLiteral("--tenant"), QStringLiteral("acme"), QStringLiteral("--group"),
                            QStringLiteral("prod")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("apiVersion: applicationconnector.kyma-project.io/v1alpha1\nkind: TokenRequest\nmetadata:\n"
                                   "  name: my-app\ncontext:\n  tenant: acme\n  group: prod\n"));
    }

    // Issue 15.7: an inline backend (anonymous_L_C) is never written with that label: without --name it is
    // written in its place in the file, with --name LABEL in definitions; `check` passes the result.
    void export_inlineBackend_roundTripsThroughCheck_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("proxy backend in place") << QStringLiteral("anonymous_5_13") << QStringList{}
                                                << QByteArray("      proxy {\n        backend {\n          origin = \"https://stock.example\"");
        QTest::newRow("token backend with its backend")
            << QStringLiteral("anonymous_25_18") << QStringList{} << QByteArray("            backend {\n              origin = \"https://login.example\"");
        QTest::newRow("proxy backend named") << QStringLiteral("anonymous_5_13")
                                             << QStringList{QStringLiteral("--name"), QStringLiteral("stock")}
                                             << QByteArray("definitions {\n  backend \"stock\" {");
        QTest::newRow("token backend named") << QStringLiteral("anonymous_25_18")
                                             << QStringList{QStringLiteral("--name"), QStringLiteral("login")}
                                             << QByteArray("definitions {\n  backend \"login\" {\n    origin = \"https://login.example\"\n    path   = \"/oauth2/token\"");
    }

    void export_inlineBackend_roundTripsThroughCheck()
    {
        QFETCH(QString, backend);
        QFETCH(QStringList, extra);
        QFETCH(QByteArray, expected);
        const QString out = m_dir.filePath(QStringLiteral("inline-%1.hcl").arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
        const auto r = cli(QStringList{QStringLiteral("export"), Test::dataPath(QStringLiteral("couper/proxies.hcl")),
                                       QStringLiteral("--format"), QStringLiteral("couper"), QStringLiteral("--backend"), backend,
                                       QStringLiteral("-o"), out} +
                           extra);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY2(!text.contains("\"anonymous_"), text.constData());
        QVERIFY2(text.contains(expected), text.constData());
        const auto check = cli({QStringLiteral("check"), out});
        QVERIFY2(check.exitCode == 0, QByteArray(check.out + check.err).constData());
    }

    void export_inlineBackend_badNameIsUsageError()
    {
        for (const QString& name : {QStringLiteral("bad-name"), QStringLiteral("anonymous_1_2")}) {
            const auto r = cli({QStringLiteral("export"), Test::dataPath(QStringLiteral("couper/proxies.hcl")),
                                QStringLiteral("--format"), QStringLiteral("couper"), QStringLiteral("--backend"),
                                QStringLiteral("anonymous_5_13"), QStringLiteral("--name"), name});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains("is not a Couper backend label"), r.err.constData());
            QVERIFY(r.out.isEmpty());
        }
    }

    // Issue 15.8: secrets equal to the export's own words are not refused (the old scan refused every format).
    void export_secretsEqualToOwnWords_exportInEveryFormat()
    {
        const QString config = m_dir.filePath(QStringLiteral("words.hcl"));
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("definitions {\n"
                "  backend \"w\" {\n"
                "    oauth2 {\n"
                "      token_endpoint = \"https://as.example.com/token\"\n"
                "      grant_type     = \"password\"\n"
                "      client_id      = \"app\"\n"
                "      client_secret  = \"secret\"\n"
                "      username       = \"user\"\n"
                "      password       = \"password\"\n"
                "    }\n"
                "  }\n"
                "}\n");
        f.close();
        for (const QString& format : {QStringLiteral("couper"), QStringLiteral("curl"), QStringLiteral("http"),
                                      QStringLiteral("oauth2c")}) {
            const auto r = cli({QStringLiteral("export"), config, QStringLiteral("--format"), format});
            QVERIFY2(r.exitCode == 0, qPrintable(format + u' ' + QString::fromUtf8(r.err)));
            QVERIFY2(r.err.contains("W_PASSWORD"), r.err.constData());
        }
    }

    void import_curl_printsHclAndNamesOnly()
    {
        const auto r = cli({QStringLiteral("import"), QStringLiteral("curl"), QStringLiteral("--name"), QStringLiteral("shop")},
                           "curl https://as.example.com/token -u 'shop-client:sup3r-s3cret' -d grant_type=client_credentials -d scope=read\n");
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("backend \"shop\""));
        QVERIFY(QRegularExpression(QStringLiteral("client_secret +=  *env.SHOP_CLIENT_SECRET")).match(QString::fromUtf8(r.out)).hasMatch());
        QVERIFY(r.err.contains("SHOP_CLIENT_SECRET"));
        QVERIFY(!r.out.contains("sup3r-s3cret"));
        QVERIFY(!r.err.contains("sup3r-s3cret"));
        const QString hcl = m_dir.filePath(QStringLiteral("imported.hcl"));
        QFile f(hcl);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(r.out);
        f.close();
        auto config = Core::Hcl::loadCouperConfig(hcl);
        QVERIFY(config.ok());
        QCOMPARE(config->backends.constFirst().label, QStringLiteral("shop"));
    }

    void import_curl_credentialForms_neverPrinted_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<bool>("moved"); // a variable is named on stderr
        const QString c = QStringLiteral("Cnry7Qx9Lm2Vb8Zt4Kp6Wd3");
        QTest::newRow("-u") << QStringLiteral("curl -u id:%1 https://as/token -d grant_type=client_credentials").arg(c) << true;
        QTest::newRow("userinfo") << QStringLiteral("curl https://id:%1@as/token -d grant_type=client_credentials").arg(c) << true;
        QTest::newRow("?client_secret") << QStringLiteral("curl 'https://as/token?client_secret=%1' -d grant_type=client_credentials -d client_id=a").arg(c) << true;
        QTest::newRow("-d api_key") << QStringLiteral("curl https://as/token -d grant_type=client_credentials -d api_key=%1").arg(c) << true;
        QTest::newRow("--oauth2-bearer") << QStringLiteral("curl --oauth2-bearer %1 https://as/login").arg(c) << true;
        QTest::newRow("--pass") << QStringLiteral("curl --pass %1 https://as/token -d grant_type=client_credentials").arg(c) << false;
        QTest::newRow("-U") << QStringLiteral("curl -U p:%1 https://as/token -d grant_type=client_credentials").arg(c) << false;
        QTest::newRow("--proxy-user") << QStringLiteral("curl --proxy-user p:%1 https://as/token -d grant_type=client_credentials").arg(c) << false;
        QTest::newRow("--json") << QStringLiteral("curl --json '{\"client_secret\":\"%1\",\"a\":{\"password\":\"%1\"}}' https://as/login").arg(c) << true;
        QTest::newRow("--url-query") << QStringLiteral("curl --url-query api_key=%1 https://as/login").arg(c) << true;
        QTest::newRow("-H Authorization") << QStringLiteral("curl -H 'Authorization: Bearer %1' https://as/login").arg(c) << true;
        QTest::newRow("-b") << QStringLiteral("curl -b 'sid=%1' https://as/login").arg(c) << true;
        QTest::newRow("--cookie") << QStringLiteral("curl --cookie 'sid=%1' https://as/login").arg(c) << true;
        QTest::newRow("bad -H") << QStringLiteral("curl -H 'Authorization %1' https://as/login").arg(c) << false;
        QTest::newRow("extra word") << QStringLiteral("curl --frobnicate %1 https://as/login").arg(c) << false;
        QTest::newRow("bad URL") << QStringLiteral("curl 'https://id:%1@/token'").arg(c) << false;
    }

    // Issue 13 item 5: stdout, stderr and the -o file never hold the value (raw, URL-encoded, in Basic base64).
    void import_curl_credentialForms_neverPrinted()
    {
        QFETCH(QString, command);
        QFETCH(bool, moved);
        const QByteArray canary = "Cnry7Qx9Lm2Vb8Zt4Kp6Wd3";
        const QList<QByteArray> encodings = {canary, QByteArray("id:" + canary).toBase64(), QByteArray("p:" + canary).toBase64(),
                                             canary.toBase64(), canary.toPercentEncoding()};
        const QString output = m_dir.filePath(QStringLiteral("canary-import.hcl"));
        QFile::remove(output);
        const auto r = cli({QStringLiteral("import"), QStringLiteral("curl"), QStringLiteral("-o"), output}, command.toUtf8() + '\n');
        QFile f(output);
        const QByteArray written = f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        for (const QByteArray& e : encodings) {
            QVERIFY2(!r.out.contains(e), r.out.constData());
            QVERIFY2(!r.err.contains(e), r.err.constData());
            QVERIFY2(!written.contains(e), written.constData());
        }
        if (moved) {
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.err.contains("secrets moved to environment variables"), r.err.constData());
            QVERIFY(written.contains("env.IMPORTED_"));
        }
    }

    // Issue 15 item 8 / issue 13 item 5: the leak scan compares whole values of the exported backend only and
    // ignores expressions; credentials in beta_token_request maps and token_endpoint queries become env.NAME.
    void export_secretsInMapsAndUrls_becomeReferences_scanIsExact()
    {
        const QString path = m_dir.filePath(QStringLiteral("secrets.hcl"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("definitions {\n"
                "  backend \"pw\" {\n"
                "    oauth2 {\n"
                "      token_endpoint = \"https://as.example.com/token\"\n"
                "      grant_type     = \"password\"\n"
                "      client_id      = \"app\"\n"
                "      client_secret  = env.PW_SECRET\n"
                "      username       = \"u\"\n"
                "      password       = \"pass\"\n"
                "    }\n"
                "  }\n"
                "  backend \"jb\" {\n"
                "    oauth2 {\n"
                "      token_endpoint = \"https://as.example.com/token\"\n"
                "      grant_type     = \"urn:ietf:params:oauth:grant-type:jwt-bearer\"\n"
                "      assertion      = request.headers.x-assertion\n"
                "    }\n"
                "  }\n"
                "  backend \"jt\" {\n"
                "    oauth2 {\n"
                "      token_endpoint = \"https://as.example.com/token\"\n"
                "      grant_type     = \"urn:ietf:params:oauth:grant-type:jwt-bearer\"\n"
                "      assertion      = \"${request.headers.x-assertion}\"\n"
                "    }\n"
                "  }\n"
                "  backend \"other\" {\n"
                "    oauth2 {\n"
                "      token_endpoint = \"https://as.example.com/token\"\n"
                "      grant_type     = \"client_credentials\"\n"
                "      client_id      = \"x\"\n"
                "      client_secret  = \"example\"\n"
                "    }\n"
                "  }\n"
                "  backend \"q\" {\n"
                "    oauth2 {\n"
                "      token_endpoint = \"https://as.example.com/token?client_secret=QueryCnry7Qx9Lm2&x=1\"\n"
                "      grant_type     = \"client_credentials\"\n"
                "      client_id      = \"x\"\n"
                "      client_secret  = env.Q_SECRET\n"
                "    }\n"
                "  }\n"
                "  backend \"beta\" {\n"
                "    origin = \"https://api.example.com\"\n"
                "    set_request_headers = { x-api-key = \"ModCnry7Qx9Lm2Vb8\" }\n"
                "    beta_token_request {\n"
                "      url       = \"https://as.example.com/login\"\n"
                "      form_body = { client_secret = \"FormCnry7Qx9Lm2\", user = \"u\" }\n"
                "      headers   = { authorization = \"Bearer HdrCnry7Qx9Lm2\" }\n"
                "      token     = beta_token_response.json_body.token\n"
                "      ttl       = \"60s\"\n"
                "    }\n"
                "  }\n"
                "}\n");
        f.close();
        auto exported = [&](const char* backend, const char* format) {
            return cli({QStringLiteral("export"), path, QStringLiteral("--format"), QString::fromLatin1(format),
                        QStringLiteral("--backend"), QString::fromLatin1(backend)});
        };
        // "pass" is not found inside "password"; the expression is not a value.
        auto r = exported("pw", "couper");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!r.out.contains("\"pass\""));
        r = exported("jb", "couper");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("assertion      = request.headers.x-assertion"));
        // A template reading the request is an expression too (found by its traversals): kept as written.
        r = exported("jt", "couper");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("assertion      = \"${request.headers.x-assertion}\""), r.out.constData());
        // Another backend's secret ("example", in every URL here) is not this export's concern.
        r = exported("pw", "curl");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // Maps: env.NAME instead of the values, in the text and the variables list.
        r = exported("beta", "couper");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        for (const char* canary : {"ModCnry7Qx9Lm2Vb8", "FormCnry7Qx9Lm2", "HdrCnry7Qx9Lm2"}) {
            QVERIFY2(!r.out.contains(canary), r.out.constData());
            QVERIFY2(!r.err.contains(canary), r.err.constData());
        }
        QVERIFY(r.out.contains("client_secret = env.BETA_CLIENT_SECRET"));
        QVERIFY(r.out.contains("authorization = env.BETA_AUTHORIZATION"));
        QVERIFY(r.out.contains("x-api-key = env.BETA_X_API_KEY"));
        QVERIFY(r.err.contains("BETA_CLIENT_SECRET"));
        // token_endpoint with a secret in its query: Couper reads it from env; the curl script refuses.
        r = exported("q", "couper");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!r.out.contains("QueryCnry7Qx9Lm2"));
        QVERIFY(r.out.contains("client_secret=${env.Q_TOKEN_ENDPOINT_CLIENT_SECRET}&x=1"));
        for (const char* format : {"curl", "oauth2c", "http"}) {
            r = exported("q", format);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains("carries a credential (client_secret)"), r.err.constData());
            QVERIFY(!r.err.contains("QueryCnry7Qx9Lm2"));
            QVERIFY(!r.out.contains("QueryCnry7Qx9Lm2"));
        }
    }

    void import_tooLong_saysSoInsteadOfCutting()
    {
        // Issue 13.23: a command above the 4 MiB limit used to be cut silently and parsed in part.
        QByteArray command = "curl -X POST https://as.example.com/token -d grant_type=client_credentials -d scope=";
        command += QByteArray(4 * 1024 * 1024, 'a');
        auto r = cli({QStringLiteral("import"), QStringLiteral("curl")}, command);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("curl command is larger than 4 MiB"), r.err.constData());
        QVERIFY(r.out.isEmpty());
        const QString path = m_dir.filePath(QStringLiteral("long.http"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("POST https://as.example.com/token\n\n");
        f.write(QByteArray(4 * 1024 * 1024, 'b'));
        f.close();
        r = cli({QStringLiteral("import"), QStringLiteral("http"), path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(".http file is"), r.err.constData());
    }

    void import_badInput_isUsageError()
    {
        auto r = cli({QStringLiteral("import"), QStringLiteral("curl")}, "wget http://x\n");
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("not a curl command"));
        r = cli({QStringLiteral("import"), QStringLiteral("ftp")});
        QCOMPARE(r.exitCode, 2);
        const QString http = m_dir.filePath(QStringLiteral("t.http"));
        QFile f(http);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("POST https://as.example.com/token\nContent-Type: application/x-www-form-urlencoded\n\n"
                "grant_type=client_credentials&client_id=x&client_secret={{X_SECRET}}\n");
        f.close();
        r = cli({QStringLiteral("import"), QStringLiteral("http"), http});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QRegularExpression(QStringLiteral("client_secret +=  *env.X_SECRET")).match(QString::fromUtf8(r.out)).hasMatch());
    }
};

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_exportcli.moc"
