// tokenbench-cli on Couper configuration files: check, fmt and token, on the project's own corpus and against
// oidc-provider.
#include "util/authserver.h"
#include "util/clirunner.h"
#include "util/testsupport.h"

#include "testconfig.h"
#include "util/coupercorpus.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using Tokenbench::Test::CliRun;

namespace {
CliRun cli(const QStringList& args, const QHash<QString, QString>& env = {})
{
    return Tokenbench::Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH), args, env);
}

// A file of the project's own corpus (tests/data/couper).
QString corpus(const QString& name)
{
    return Tokenbench::Test::ownCouperCorpusDir() + u'/' + name;
}

QString write(QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}
} // namespace

class TestHclCli : public QObject
{
    Q_OBJECT

private:
    Tokenbench::Test::AuthServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void check_corpusFiles_likeCouper()
    {
        // The own corpus, plus the optional one beside the checkout when it is there.
        const QStringList files = Tokenbench::Test::couperCorpusFiles();
        QVERIFY(files.size() >= 10);
        for (const QString& path : files) {
            const QString name = Tokenbench::Test::corpusRowName(path);
            const CliRun r = cli({QStringLiteral("check"), path});
            // Couper refuses to start with these (circular reference); it accepts the others.
            if (name == u"own/circular.hcl" || name == u"shared/2-21_couper.hcl") {
                QCOMPARE(r.exitCode, 2);
                const QByteArray where = name == u"own/circular.hcl" ? ":23:11: error:" : ":20:11: error:";
                QVERIFY2(r.out.contains(where) && r.out.contains("circular reference"), r.out.constData());
                QVERIFY(r.out.contains("^")); // the source line with a caret
            } else if (name == u"shared/20_couper.hcl") {
                // Its key_file (./testdata/oauth2/pkcs8.key, relative to the file) is not beside the copy:
                // Couper reads it at start-up and refuses the configuration.
                QCOMPARE(r.exitCode, 2);
                QVERIFY2(r.out.contains("error: jwt_signing_profile key: read error"), r.out.constData());
            } else {
                QVERIFY2(r.exitCode == 0, qPrintable(name + QStringLiteral(": ") + QString::fromUtf8(r.out + r.err)));
            }
        }
    }

    void check_syntaxErrors_allReportedWithPositions()
    {
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("broken.hcl"),
                                   "definitions {\n  backend \"a\" {\n    origin = \"https://x\n  }\n  backend \"b-c\" {\n  }\n");
        const CliRun r = cli({QStringLiteral("check"), path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.contains((path + QStringLiteral(":3:")).toUtf8()), r.out.constData());
    }

    void fmt_matchesCanonicalLayout()
    {
        // Which own corpus files are in hclwrite's layout is known from fmt-expected/ (hclwrite's output).
        QCOMPARE(cli({QStringLiteral("fmt"), QStringLiteral("--check"), corpus(QStringLiteral("inline_token_backend.hcl"))})
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("fmt"), QStringLiteral("--check"), corpus(QStringLiteral("jwt_bearer.hcl"))}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("fmt"), QStringLiteral("--check"), corpus(QStringLiteral("hand_aligned.hcl"))}).exitCode, 1);

        QTemporaryDir dir;
        QFile src(corpus(QStringLiteral("hand_aligned.hcl")));
        QVERIFY(src.open(QIODevice::ReadOnly));
        const QByteArray original = src.readAll();
        QFile hclwrite(corpus(QStringLiteral("fmt-expected/hand_aligned.hcl")));
        QVERIFY(hclwrite.open(QIODevice::ReadOnly));
        const QByteArray expected = hclwrite.readAll();
        const QString copy = write(dir, QStringLiteral("c.hcl"), original);
        const CliRun printed = cli({QStringLiteral("fmt"), copy});
        QCOMPARE(printed.exitCode, 0);
        QCOMPARE(printed.out, expected);
        QCOMPARE(cli({QStringLiteral("fmt"), QStringLiteral("-w"), copy}).exitCode, 0);
        QFile written(copy);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), expected);
        QCOMPARE(cli({QStringLiteral("fmt"), QStringLiteral("--check"), copy}).exitCode, 0);

        const QString broken = write(dir, QStringLiteral("b.hcl"), "a = {\n");
        const CliRun refused = cli({QStringLiteral("fmt"), QStringLiteral("-w"), broken});
        QCOMPARE(refused.exitCode, 2);
        QFile untouched(broken);
        QVERIFY(untouched.open(QIODevice::ReadOnly));
        QCOMPARE(untouched.readAll(), QByteArray("a = {\n"));
    }

    // Deep nesting crashed fmt and check (stack overflow on `%{ if }` nested 20,000 times) or printed
    // hundreds of errors, each with the whole 20,000-character line. Now: exit 2, one error with
    // file:line:col, a short source excerpt.
    void fmtAndCheck_deeplyNestedFiles_failWithOneClearError_data()
    {
        QTest::addColumn<QByteArray>("src");
        QTest::addColumn<QByteArray>("what");
        const auto rep = [](const char* s, int n) {
            QByteArray out;
            for (int i = 0; i < n; ++i)
                out += s;
            return out;
        };
        constexpr int N = 20000;
        QTest::newRow("template-if") << "a = \"" + rep("%{ if true }", N) + "x" + rep("%{ endif }", N) + "\"\n"
                                     << QByteArray("template directives");
        QTest::newRow("heredoc-for") << "a = <<EOT\n" + rep("%{ for x in y }", N) + rep("%{ endfor }", N) + "\nEOT\n"
                                     << QByteArray("template directives");
        QTest::newRow("parens") << "a = " + rep("(", N) + "1" + rep(")", N) + "\n" << QByteArray("expressions");
        QTest::newRow("objects") << "definitions {\n  backend \"b\" {\n    set_request_headers = " + rep("{a = ", N)
                                        + "1" + rep("}", N) + "\n  }\n}\n"
                                 << QByteArray("expressions");
        QTest::newRow("tuples-unclosed") << "a = " + rep("[", N) + "\n" << QByteArray("expressions");
    }

    void fmtAndCheck_deeplyNestedFiles_failWithOneClearError()
    {
        QFETCH(QByteArray, src);
        QFETCH(QByteArray, what);
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("deep.hcl"), src);
        for (const char* command : {"check", "fmt"}) {
            const CliRun r = cli({QString::fromLatin1(command), path});
            QCOMPARE(r.exitCode, 2); // a crash would be -1 (signal)
            const QByteArray all = r.out + r.err;
            QCOMPARE(all.count(": error: "), 1);
            QVERIFY2(all.contains(QByteArray(path.toUtf8() + ':')) && all.contains(QByteArray("Nesting too deep: " + what)),
                     all.left(400).constData());
            QVERIFY2(all.size() < 1000, all.left(400).constData()); // one error and a cut source line
        }
        const CliRun c = cli({QStringLiteral("fmt"), QStringLiteral("--check"), path});
        QCOMPARE(c.exitCode, 2);
    }

    // fmt follows hclwrite.Format and says how it differs from terraform fmt; it keeps what terraform fmt
    // would rewrite and the end of the file as hclwrite does; an unterminated comment is refused.
    void fmt_followsHclwriteNotTerraform()
    {
        const CliRun help = cli({QStringLiteral("fmt"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        const QByteArray h = help.out.simplified();
        QVERIFY2(h.contains("hclwrite"), h.constData());
        QVERIFY2(h.contains("\"${x}\" is not unwrapped"), h.constData());
        QVERIFY2(h.contains("bare block labels are not quoted"), h.constData());
        QVERIFY2(h.contains("no final newline is added"), h.constData());

        QTemporaryDir dir;
        const QByteArray kept = "backend b {\n  a = \"${x}\"\n}\n\n  ";
        const QString keptPath = write(dir, QStringLiteral("kept.hcl"), kept);
        QCOMPARE(cli({QStringLiteral("fmt"), QStringLiteral("--check"), keptPath}).exitCode, 0);
        const QString spaces = write(dir, QStringLiteral("spaces.hcl"), "a=1   \n\nb = 2  ");
        QCOMPARE(cli({QStringLiteral("fmt"), spaces}).out, QByteArray("a = 1\n\nb = 2  "));

        // An unterminated /* used to hide the rest of the file: `fmt --check` passed.
        const QString open = write(dir, QStringLiteral("open.hcl"), "a = 1\n/* b = 2\n");
        const CliRun r = cli({QStringLiteral("fmt"), QStringLiteral("--check"), open});
        QCOMPARE(r.exitCode, 2);
        const CliRun c = cli({QStringLiteral("check"), open});
        QCOMPARE(c.exitCode, 2);
        QVERIFY2(c.out.contains(QByteArray(open.toUtf8() + ":2:1: error: Unterminated comment")), c.out.constData());
        // Invalid UTF-8 and U+2028 in a name: errors with positions.
        const QString bad = write(dir, QStringLiteral("bad.hcl"), "a = \"\xff\"\nb\xe2\x80\xa8" "c = 1\n");
        const CliRun b = cli({QStringLiteral("check"), bad});
        QCOMPARE(b.exitCode, 2);
        QVERIFY2(b.out.contains(":1:6: error: Invalid character encoding") && b.out.contains(":2:2: error: Invalid character: U+2028"),
                 b.out.constData());
    }

    // Issue 15.14: the end of a file after `fmt -w` is what hclwrite.Format leaves (its EOF token belongs to no
    // line: no newline is added, blank lines stay, spaces after the last line break stay, a blank line's go).
    void fmt_write_endOfFileAsHclwrite_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("no newline") << QByteArray("a=1") << QByteArray("a = 1");
        QTest::newRow("one newline") << QByteArray("a=1\n") << QByteArray("a = 1\n");
        QTest::newRow("several newlines") << QByteArray("a=1\n\n\n") << QByteArray("a = 1\n\n\n");
        QTest::newRow("trailing spaces") << QByteArray("a=1   ") << QByteArray("a = 1   ");
        QTest::newRow("blank line spaces then final spaces") << QByteArray("a=1\n  \n   ") << QByteArray("a = 1\n\n   ");
    }

    void fmt_write_endOfFileAsHclwrite()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("eof.hcl"), input);
        QCOMPARE(cli({QStringLiteral("fmt"), QStringLiteral("-w"), path}).exitCode, 0);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), expected);
        QCOMPARE(cli({QStringLiteral("fmt"), QStringLiteral("--check"), path}).exitCode, 0);
    }

    void token_fromCouperFile_withEnvSecret()
    {
        QTemporaryDir dir;
        const QByteArray config = QStringLiteral(
            "# A Couper configuration as users write it.\n"
            "definitions {\n"
            "  backend \"billing\" {\n"
            "    origin = \"https://billing.example.com\"\n"
            "\n"
            "    oauth2 {\n"
            "      token_endpoint = \"%1\"\n"
            "      grant_type     = \"client_credentials\"\n"
            "      client_id      = \"basic-client\"\n"
            "      client_secret  = env.HCL_SECRET\n"
            "      scope          = join(\" \", [\"api:read\", \"api:write\"])\n"
            "    }\n"
            "  }\n"
            "}\n").arg(m_server.tokenEndpoint().toString()).toUtf8();
        const QString path = write(dir, QStringLiteral("couper.hcl"), config);
        const CliRun r = cli({QStringLiteral("token"), path, QStringLiteral("--backend"), QStringLiteral("billing"),
                              QStringLiteral("--json")},
                             {{QStringLiteral("HCL_SECRET"), QStringLiteral("basic-secret")}});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("scope=api%3Aread+api%3Awrite"));
        // Without the secret anywhere: a configuration error naming the variable.
        const CliRun missing = cli({QStringLiteral("token"), path, QStringLiteral("--backend"), QStringLiteral("billing")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains("HCL_SECRET"), missing.err.constData());
    }

    // Couper evaluates origin, path, header modifiers and an oauth2 assertion per request: request.* is fine
    // there (before: "there is no variable named request", exit 2), couper.version at start-up too. A run has
    // no client request: it names the attribute and where it is, and says what to do.
    void checkAndToken_requestVariables_perRequestAttributes()
    {
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("couper.hcl"),
                                   "server {\n"
                                   "  endpoint \"/users/{id}\" {\n"
                                   "    proxy {\n"
                                   "      backend = \"api\"\n"
                                   "    }\n"
                                   "  }\n"
                                   "}\n"
                                   "definitions {\n"
                                   "  backend \"api\" {\n"
                                   "    origin = \"https://${request.headers.x-tenant}.example.com\"\n"
                                   "    path   = \"/v1/users/${request.path_params.id}\"\n"
                                   "    set_request_headers = {\n"
                                   "      x-user = request.headers.x-user\n"
                                   "    }\n"
                                   "    oauth2 {\n"
                                   "      grant_type     = \"urn:ietf:params:oauth:grant-type:jwt-bearer\"\n"
                                   "      token_endpoint = \"https://as.example.com/token?v=${couper.version}\"\n"
                                   "      assertion      = request.headers.x-assertion\n"
                                   "    }\n"
                                   "  }\n"
                                   "}\n");
        const CliRun check = cli({QStringLiteral("check"), path});
        QVERIFY2(check.exitCode == 0, QByteArray(check.out + check.err).constData());
        QVERIFY2(check.out.isEmpty(), check.out.constData());

        const CliRun token = cli({QStringLiteral("token"), path});
        QCOMPARE(token.exitCode, 2);
        QVERIFY2(token.err.contains(":18:24: api.oauth2.assertion reads the client request (request)") &&
                     token.err.contains("--assertion"),
                 token.err.constData());
        // Exports keep what reads the request as written (Couper HCL), or read it from a variable (curl), and
        // never derive a literal from it.
        const QString exported = dir.filePath(QStringLiteral("exported.hcl"));
        const CliRun couper = cli({QStringLiteral("export"), path, QStringLiteral("--format"), QStringLiteral("couper"),
                                   QStringLiteral("-o"), exported});
        QVERIFY2(couper.exitCode == 0, couper.err.constData());
        QFile written(exported);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray hcl = written.readAll();
        QVERIFY2(hcl.contains("\"/v1/users/${request.path_params.id}\"") &&
                     hcl.contains("\"https://${request.headers.x-tenant}.example.com\"") &&
                     hcl.contains("= request.headers.x-assertion"),
                 hcl.constData());
        const CliRun recheck = cli({QStringLiteral("check"), exported});
        QVERIFY2(recheck.exitCode == 0, QByteArray(recheck.out + recheck.err).constData());
        const CliRun curl = cli({QStringLiteral("export"), path, QStringLiteral("--format"), QStringLiteral("curl")});
        QVERIFY2(curl.exitCode == 0, curl.err.constData());
        QVERIFY2(!curl.out.contains("request.") && curl.err.contains("reads the client request"),
                 QByteArray(curl.out + curl.err).constData());

        // A typo'd root variable in a start-up attribute stays an error, with its place.
        const QString typo = write(dir, QStringLiteral("typo.hcl"),
                                   "definitions {\n  backend \"b\" {\n    oauth2 {\n      grant_type = \"client_credentials\"\n"
                                   "      token_endpoint = \"https://as/${request.host}\"\n      client_id = \"c\"\n"
                                   "      client_secret = \"s\"\n    }\n  }\n}\n");
        const CliRun bad = cli({QStringLiteral("check"), typo});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.out.contains("typo.hcl:5:38: error: b.oauth2.token_endpoint: Unknown variable"), bad.out.constData());
    }

    // couper run -f a.hcl -f b.hcl / -d couper.d/: the same files, merged in the same order, for check, token
    // and export; defaults.environment_variables supply env.NAME under the environment and --env.
    void multiFile_checkTokenExport()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("couper.d")));
        const QString a = write(dir, QStringLiteral("couper.d/10_backends.hcl"),
                                QStringLiteral("definitions {\n"
                                               "  backend \"billing\" {\n"
                                               "    origin = \"https://old.example.com\"\n"
                                               "  }\n"
                                               "}\n")
                                    .toUtf8());
        const QString b = write(dir, QStringLiteral("couper.d/20_oauth2.hcl"),
                                QStringLiteral("defaults {\n"
                                               "  environment_variables = {\n"
                                               "    TB_MULTI_SECRET = \"basic-secret\"\n"
                                               "  }\n"
                                               "}\n"
                                               "definitions {\n"
                                               "  backend \"billing\" {\n"
                                               "    origin = \"https://billing.example.com\"\n"
                                               "    oauth2 {\n"
                                               "      token_endpoint = \"%1\"\n"
                                               "      grant_type     = \"client_credentials\"\n"
                                               "      client_id      = \"basic-client\"\n"
                                               "      client_secret  = env.TB_MULTI_SECRET\n"
                                               "      scope          = request.scope\n"
                                               "    }\n"
                                               "  }\n"
                                               "}\n")
                                    .arg(m_server.tokenEndpoint().toString())
                                    .toUtf8());
        // check: the error is in the second file, at its place; -d, a directory as CONFIG and -f alike.
        for (const QStringList& args : {QStringList{QStringLiteral("-d"), dir.filePath(QStringLiteral("couper.d"))},
                                        QStringList{dir.filePath(QStringLiteral("couper.d"))},
                                        QStringList{QStringLiteral("-f"), a, QStringLiteral("--file"), b}}) {
            const CliRun r = cli(QStringList{QStringLiteral("check")} + args);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.out.contains("20_oauth2.hcl:14:24: error: billing.oauth2.scope"), r.out.constData());
            QVERIFY2(r.out.contains("20_oauth2.hcl:7:3: info: backend \"billing\" replaces the one in") &&
                         r.out.contains("10_backends.hcl:2:3"),
                     r.out.constData());
        }
        const CliRun both = cli({QStringLiteral("check"), a, QStringLiteral("-f"), b});
        QCOMPARE(both.exitCode, 2);
        QVERIFY2(both.err.contains("not both"), both.err.constData());

        // Fixed: the token comes with the secret from defaults; -f order decides which billing wins.
        QFile second(b);
        QVERIFY(second.open(QIODevice::ReadOnly));
        const QByteArray fixed = second.readAll().replace("      scope          = request.scope\n", "");
        second.close();
        write(dir, QStringLiteral("couper.d/20_oauth2.hcl"), fixed);
        const CliRun check = cli({QStringLiteral("check"), QStringLiteral("-f"), a, QStringLiteral("-f"), b});
        QVERIFY2(check.exitCode == 0, QByteArray(check.out + check.err).constData());
        const CliRun token = cli({QStringLiteral("token"), QStringLiteral("-d"), dir.filePath(QStringLiteral("couper.d"))});
        QVERIFY2(token.exitCode == 0, token.err.constData());
        QVERIFY(!token.out.trimmed().isEmpty());
        // The process environment overrides the default (a wrong secret: refused), --env overrides both.
        const QHash<QString, QString> wrong{{QStringLiteral("TB_MULTI_SECRET"), QStringLiteral("wrong")}};
        const CliRun refused = cli({QStringLiteral("token"), QStringLiteral("-f"), a, QStringLiteral("-f"), b}, wrong);
        QCOMPARE(refused.exitCode, 4);
        const CliRun flag = cli({QStringLiteral("token"), QStringLiteral("-f"), a, QStringLiteral("-f"), b,
                                 QStringLiteral("--env"), QStringLiteral("TB_MULTI_SECRET=basic-secret")},
                                wrong);
        QVERIFY2(flag.exitCode == 0, flag.err.constData());
        // The reverse order keeps the first file's billing, which has no oauth2 block.
        const CliRun reversed = cli({QStringLiteral("token"), QStringLiteral("-f"), b, QStringLiteral("-f"), a});
        QCOMPARE(reversed.exitCode, 2);
        QVERIFY2(reversed.err.contains("no backend has an oauth2 block"), reversed.err.constData());
        // export reads the same merged configuration.
        const CliRun exported = cli({QStringLiteral("export"), QStringLiteral("-d"), dir.filePath(QStringLiteral("couper.d")),
                                     QStringLiteral("--format"), QStringLiteral("couper")});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        QVERIFY2(exported.out.contains("origin = \"https://billing.example.com\"") &&
                     exported.out.contains("client_secret  = env.TB_MULTI_SECRET"),
                 exported.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestHclCli)
#include "tst_hclcli.moc"
