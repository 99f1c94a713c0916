// `tokenbench-cli check` on Couper files written here (issue 15, items 2, 3, 4 and 6): every diagnostic
// as file:line:col, exit 2 on errors, 0 otherwise; what --help says is checked.
#include "model/workspacefile.h"
#include "util/clirunner.h"
#include "util/testsupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using Tokenbench::Test::CliRun;

namespace {

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// Every printed diagnostic line ("<file>:<line>:<col>: <severity>: ...") of a run; the excerpt and
// caret lines under each are skipped. A line naming a severity without a position fails the test.
QStringList diagnosticLines(const CliRun& r, const QString& path)
{
    QStringList out;
    static const QRegularExpression severity(QStringLiteral(": (error|warning|info): "));
    for (const QByteArray& raw : r.out.split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (!severity.match(line).hasMatch() || line.startsWith(u' '))
            continue;
        static const QRegularExpression positioned(QStringLiteral("^(.*):(\\d+):(\\d+): (error|warning|info): "));
        const auto m = positioned.match(line);
        if (!m.hasMatch() || m.captured(1) != path)
            qWarning("diagnostic without file:line:col: %s", qPrintable(line));
        out << (m.hasMatch() ? line.mid(path.size() + 1) : QStringLiteral("UNPLACED ") + line);
    }
    return out;
}

CliRun check(const QString& path, const QHash<QString, QString>& env = {})
{
    return Tokenbench::Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH), {QStringLiteral("check"), path}, env);
}

} // namespace

class TestCheckCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_config; // XDG_CONFIG_HOME of the runs: the keychain index lives there

    QHash<QString, QString> env() const { return {{QStringLiteral("XDG_CONFIG_HOME"), m_config.path()}}; }

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        QVERIFY(m_dir.isValid() && m_config.isValid());
    }

    // Item 2: the example — a private_key_jwt oauth2 with an HS256 profile and a ttl without unit
    // passed check on .hcl; now both of Couper's errors, at their attributes.
    void signingProfileErrors_inACouperFile()
    {
        const QString path = write(m_dir, QStringLiteral("pkj.hcl"),
                                   "definitions {\n"
                                   "  backend \"be\" {\n"
                                   "    oauth2 {\n"
                                   "      grant_type = \"client_credentials\"\n"
                                   "      token_endpoint = \"https://as.example/token\"\n"
                                   "      client_id = \"c\"\n"
                                   "      token_endpoint_auth_method = \"private_key_jwt\"\n"
                                   "      jwt_signing_profile {\n"
                                   "        signature_algorithm = \"HS256\"\n"
                                   "        ttl = \"10\"\n"
                                   "        key = \"k\"\n"
                                   "        headers = { alg = \"none\" }\n"
                                   "      }\n"
                                   "    }\n"
                                   "  }\n"
                                   "}\n");
        const CliRun r = check(path, env());
        QCOMPARE(r.exitCode, 2);
        const QStringList lines = diagnosticLines(r, path);
        QVERIFY2(lines.contains(QStringLiteral("9:9: error: inappropriate signature algorithm with private_key_jwt")),
                 qPrintable(lines.join(u'\n')));
        QVERIFY2(lines.contains(QStringLiteral("10:9: error: time: missing unit in duration \"10\" (a Couper duration is a "
                                               "number with a unit and no space, e.g. \"5s\", \"1m30s\", \"500ms\", \"1.5h\"; "
                                               "units ns, us, ms, s, m, h; no days)")),
                 qPrintable(lines.join(u'\n')));
        QVERIFY2(lines.contains(QStringLiteral("12:9: error: \"alg\" cannot be set via \"headers\"")), qPrintable(lines.join(u'\n')));
        QVERIFY(!lines.join(u'\n').contains(QStringLiteral("UNPLACED")));
    }

    // Item 3: token_endpoint named at the oauth2 block; an evaluation error at its expression (it printed
    // "a.hcl: error: ..." before).
    void everyDiagnostic_hasFileLineColumn()
    {
        const QString path = write(m_dir, QStringLiteral("a.hcl"),
                                   "definitions {\n"
                                   "  backend \"be\" {\n"
                                   "    oauth2 {\n"
                                   "      grant_type = \"client_credentials\"\n"
                                   "      client_id = nosuch(\"x\")\n"
                                   "      client_secret = \"s\"\n"
                                   "    }\n"
                                   "  }\n"
                                   "}\n");
        const CliRun r = check(path, env());
        QCOMPARE(r.exitCode, 2);
        const QStringList lines = diagnosticLines(r, path);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.contains(QStringLiteral("5:19: error: be.oauth2.client_id: Call to unknown function: there is no "
                                               "function named \"nosuch\".")),
                 qPrintable(lines.join(u'\n')));
        QVERIFY2(lines.contains(QStringLiteral("3:12: warning: token_endpoint is missing and no token backend supplies "
                                               "origin and path: give token_endpoint = "
                                               "\"https://as.example.com/oauth/token\", or a token backend with origin and path")),
                 qPrintable(lines.join(u'\n')));
    }

    // Item 4: file-wide start-up errors, each at its place, all reported in one run.
    void fileWideErrors_allReportedWithPositions()
    {
        const QString path = write(m_dir, QStringLiteral("file.hcl"),
                                   "server {\n"                                  // 1
                                   "  access_control = [\"nope\"]\n"             // 2
                                   "  endpoint \"/a\" {\n"                       // 3
                                   "    proxy {\n"                               // 4
                                   "      backend = \"missing\"\n"               // 5
                                   "    }\n"                                     // 6
                                   "  }\n"                                       // 7
                                   "  endpoint \"/a\" {\n"                       // 8
                                   "    set_request_headers = {\n"               // 9
                                   "      x-a = \"1\"\n"                         // 10
                                   "      X-A = \"2\"\n"                         // 11
                                   "    }\n"                                     // 12
                                   "  }\n"                                       // 13
                                   "}\n"                                         // 14
                                   "definitions {\n"                             // 15
                                   "  backend \"anonymous_x\" {\n"               // 16
                                   "  }\n"                                       // 17
                                   "  basic_auth \"ba\" {\n"                     // 18
                                   "  }\n"                                       // 19
                                   "  jwt \"ba\" {\n"                            // 20
                                   "  }\n"                                       // 21
                                   "}\n"                                         // 22
                                   "backends {\n"                                // 23
                                   "}\n");
        const CliRun r = check(path, env());
        QCOMPARE(r.exitCode, 2);
        const QString all = diagnosticLines(r, path).join(u'\n');
        for (const char* expected : {"2:20: error: referenced access control \"nope\" is not defined",
                                     "5:17: error: referenced backend \"missing\" is not defined",
                                     "8:12: error: duplicate endpoint",
                                     "9:27: error: key in an attribute must be unique: 'x-a'",
                                     "16:11: error: backend label must not start with 'anonymous_'",
                                     "20:7: error: AC labels must be unique",
                                     "23:1: error: unknown block type \"backends\""})
            QVERIFY2(all.contains(QString::fromUtf8(expected)), qPrintable(QString::fromUtf8(expected) + u'\n' + all));
        // Invalid UTF-8 is an error as in HashiCorp's parser.
        const QString bad = write(m_dir, QStringLiteral("utf8.hcl"), "server {\n  x = \"a\xc3\x28\"\n}\n");
        const CliRun b = check(bad, env());
        QCOMPARE(b.exitCode, 2);
        QVERIFY2(b.out.contains(":2:") && b.out.contains("Invalid character encoding"), b.out.constData());
    }

    // Item 6: a duration says what a Couper duration looks like; header maps Couper would not send; an
    // env.NAME the keychain holds is not reported as unset (the keychain's index, no unlock needed).
    void helpfulMessages()
    {
        const QString path = write(m_dir, QStringLiteral("h.hcl"),
                                   "definitions {\n"
                                   "  backend \"be\" {\n"
                                   "    origin = \"https://api.example\"\n"
                                   "    timeout = \"5 seconds\"\n"
                                   "    set_request_headers = {\n"
                                   "      x-obj = { a = \"b\" }\n"
                                   "    }\n"
                                   "    oauth2 {\n"
                                   "      grant_type = \"client_credentials\"\n"
                                   "      token_endpoint = \"https://as.example/token\"\n"
                                   "      client_id = \"c\"\n"
                                   "      client_secret = env.TB_CHECKCLI_SECRET\n"
                                   "    }\n"
                                   "  }\n"
                                   "}\n");
        CliRun r = check(path, env());
        QCOMPARE(r.exitCode, 0); // Couper starts with these: warnings only
        QString all = diagnosticLines(r, path).join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("4:5: warning: timeout: time: unknown unit \" seconds\" in duration \"5 seconds\" "
                                             "(a Couper duration is a number with a unit and no space, e.g. \"5s\", \"1m30s\"")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("5:5: warning: set_request_headers.x-obj is an object: Couper sends no value for it")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("12:7: warning: environment variable TB_CHECKCLI_SECRET is not set; Couper would "
                                             "use an empty string")),
                 qPrintable(all));

        // The keychain holds it for this file (its index of names; the keychain itself is not asked).
        const QString id = Tokenbench::Core::WorkspaceFile::idForPath(path);
        QVERIFY(QDir().mkpath(m_config.filePath(QStringLiteral("Tokenbench"))));
        QFile index(m_config.filePath(QStringLiteral("Tokenbench/secrets-index.ini")));
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.write("[workspaces]\n" + id.toUtf8() + "=TB_CHECKCLI_SECRET\n");
        index.close();
        r = check(path, env());
        QCOMPARE(r.exitCode, 0);
        all = diagnosticLines(r, path).join(u'\n');
        QVERIFY2(!all.contains(QStringLiteral("TB_CHECKCLI_SECRET")), qPrintable(all));
        QVERIFY(all.contains(QStringLiteral("timeout")));
    }

    // A valid file: no diagnostic, exit 0 (no false positives from the new rules).
    void validFile_passesQuietly()
    {
        const QString path = write(m_dir, QStringLiteral("ok.hcl"),
                                   "server {\n"
                                   "  endpoint \"/r/{id}\" {\n"
                                   "    proxy {\n"
                                   "      backend = \"api\"\n"
                                   "    }\n"
                                   "  }\n"
                                   "  api {\n"
                                   "    base_path = \"/v1\"\n"
                                   "    endpoint \"/r/{id}\" {\n"
                                   "      proxy {\n"
                                   "        backend \"api\" {\n"
                                   "          path = \"/x\"\n"
                                   "          set_request_headers = {\n"
                                   "            x-req = request.headers.x\n"
                                   "          }\n"
                                   "        }\n"
                                   "      }\n"
                                   "    }\n"
                                   "  }\n"
                                   "}\n"
                                   "definitions {\n"
                                   "  backend \"api\" {\n"
                                   "    origin = \"https://api.example\"\n"
                                   "    timeout = \"1m30s\"\n"
                                   "    oauth2 {\n"
                                   "      grant_type = \"client_credentials\"\n"
                                   "      client_id = \"c\"\n"
                                   "      client_secret = \"s\"\n"
                                   "      backend {\n"
                                   "        origin = \"https://as.example\"\n"
                                   "        path = \"/oauth/token\"\n"
                                   "      }\n"
                                   "    }\n"
                                   "  }\n"
                                   "}\n");
        const CliRun r = check(path, env());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(diagnosticLines(r, path).join(u'\n'), QString());
    }

    // A workspace file's diagnostics are placed at the JSON key of the attribute (or its block).
    void workspaceFile_diagnosticsHaveFileLineColumn()
    {
        const QByteArray tbw = "{\n"
                               "    \"backends\": [\n"
                               "        {\n"
                               "            \"blocks\": [\n"
                               "                {\n"
                               "                    \"attributes\": {\n"
                               "                        \"client_id\": \"c\",\n"
                               "                        \"grant_type\": \"client_credentials\",\n"
                               "                        \"retries\": \"300\",\n"
                               "                        \"token_endpoint\": \"https://as.example/token\"\n"
                               "                    },\n"
                               "                    \"type\": \"oauth2\"\n"
                               "                }\n"
                               "            ],\n"
                               "            \"label\": \"pk\",\n"
                               "            \"type\": \"backend\"\n"
                               "        }\n"
                               "    ],\n"
                               "    \"format\": \"tokenbench-workspace\",\n"
                               "    \"id\": \"check-cli-test\",\n"
                               "    \"version\": 1\n"
                               "}\n";
        const QString path = write(m_dir, QStringLiteral("w.tbw"), tbw);
        const CliRun r = check(path, env());
        QCOMPARE(r.exitCode, 2);
        const QStringList lines = diagnosticLines(r, path);
        QVERIFY2(lines.contains(QStringLiteral("9:25: error: pk.oauth2.retries: retries must be a whole number from 0 to 255")),
                 qPrintable(lines.join(u'\n')));
        // The missing client_secret: at its block.
        QVERIFY2(lines.contains(QStringLiteral("5:17: error: pk.oauth2.client_secret: client_secret must not be empty with "
                                               "client_secret_basic")),
                 qPrintable(lines.join(u'\n')));
        QVERIFY(!lines.join(u'\n').contains(QStringLiteral("UNPLACED")));
    }

    void help_saysWhatIsChecked()
    {
        const CliRun r = Tokenbench::Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH),
                                                  {QStringLiteral("check"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        const QByteArray h = r.out.simplified();
        for (const char* area : {"file:line:col", "labels", "endpoints", "references", "header maps", "oauth2",
                                 "jwt_signing_profile", "beta_token_request", "env.NAME", "Not checked"})
            QVERIFY2(h.contains(area), area);
    }
};

QTEST_GUILESS_MAIN(TestCheckCli)
#include "tst_checkcli.moc"
