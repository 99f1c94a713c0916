// tokenbench-cli secret … and token with a secret that lives only in the keychain: the real CLI process,
// a real Secret Service (gnome-keyring in scripts/test.sh's private D-Bus session) and oidc-provider.
#include "util/authserver.h"
#include "util/testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using Tokenbench::Test::AuthServer;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs the CLI without blocking the event loop. `input` goes to its standard input, which is then closed.
Run cli(const QStringList& args, const QByteArray& input = {}, const QHash<QString, QString>& env = {},
        const QStringList& unset = {}, const QString& workingDirectory = {})
{
    QProcess p;
    if (!workingDirectory.isEmpty())
        p.setWorkingDirectory(workingDirectory);
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const QString& name : unset)
        e.remove(name);
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(QStringLiteral(TOKENBENCH_CLI_PATH), args);
    if (!p.waitForStarted(10000))
        return {};
    p.write(input);
    p.closeWriteChannel();
    if (!finished.wait(60000))
        p.kill();
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

QString unique(const char* prefix)
{
    return QString::fromLatin1(prefix) + QUuid::createUuid().toString(QUuid::Id128).left(12).toUpper();
}

} // namespace

class TestSecretCli : public QObject
{
    Q_OBJECT

private:
    AuthServer m_server;
    QTemporaryDir m_dir;
    QList<QByteArray> m_canaries;
    QList<QStringList> m_cleanup; // `secret forget --all --workspace W` at the end

    QString workspaceFile(const QString& fileName, const QString& variable, const QString& id = {})
    {
        const QString idMember = id.isEmpty() ? QString() : QStringLiteral("\"id\":\"%1\",").arg(id);
        const QByteArray ws =
            QStringLiteral("{\"format\":\"tokenbench-workspace\",\"version\":1,%1\"backends\":[\n"
                           " {\"type\":\"backend\",\"label\":\"a\",\"blocks\":[{\"type\":\"oauth2\",\"attributes\":{\n"
                           "  \"grant_type\":\"client_credentials\",\"token_endpoint\":\"%2\",\n"
                           "  \"client_id\":\"basic-client\",\"client_secret\":\"env.%3\"}}]}]}\n")
                .arg(idMember, m_server.tokenEndpoint().toString(), variable)
                .toUtf8();
        const QString path = m_dir.filePath(fileName);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(ws) != ws.size())
            qFatal("cannot write workspace");
        m_cleanup << QStringList{QStringLiteral("secret"), QStringLiteral("forget"), QStringLiteral("--all"),
                                 QStringLiteral("--workspace"), path};
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        for (const QStringList& args : std::as_const(m_cleanup))
            cli(args);
    }

    void set_fromStdin_listShowsTheNameNeverTheValue()
    {
        const QString ws = workspaceFile(QStringLiteral("list.tbw"), QStringLiteral("UNUSED"));
        const QByteArray canary = "canary-cli-" + QUuid::createUuid().toByteArray(QUuid::Id128);
        m_canaries << canary;
        const Run set = cli({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("LISTED_SECRET"),
                             QStringLiteral("--workspace"), ws},
                            canary + '\n');
        QVERIFY2(set.exitCode == 0, set.err.constData());
        QVERIFY(!set.out.contains(canary) && !set.err.contains(canary));

        const Run list = cli({QStringLiteral("secret"), QStringLiteral("list"), QStringLiteral("--workspace"), ws});
        QVERIFY2(list.exitCode == 0, list.err.constData());
        QCOMPARE(list.out, QByteArray("LISTED_SECRET\n"));
        QVERIFY(!list.err.contains(canary));

        // The Secret Service holds it under the namespaced key (secret-tool: libsecret-tools).
        const QString tool = QStandardPaths::findExecutable(QStringLiteral("secret-tool"));
        if (!tool.isEmpty()) {
            QProcess search;
            search.start(tool, {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"),
                                QStringLiteral("Tokenbench")});
            QVERIFY(search.waitForFinished(30000));
            const QByteArray found = search.readAllStandardOutput() + search.readAllStandardError();
            QVERIFY2(found.contains(":LISTED_SECRET"), found.constData());
            QVERIFY(found.contains("attribute.user = tokenbench:"));
        }

        const Run forget = cli({QStringLiteral("secret"), QStringLiteral("forget"), QStringLiteral("LISTED_SECRET"),
                                QStringLiteral("--workspace"), ws});
        QVERIFY2(forget.exitCode == 0, forget.err.constData());
        const Run empty = cli({QStringLiteral("secret"), QStringLiteral("list"), QStringLiteral("--workspace"), ws});
        QCOMPARE(empty.exitCode, 0);
        QVERIFY(empty.out.isEmpty());
    }

    void set_withoutAValueOnStdin_orWithTheValueInArgv_isAUsageError()
    {
        const Run emptyValue = cli({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("EMPTY_ONE")},
                                   "\n");
        QCOMPARE(emptyValue.exitCode, 2);
        QVERIFY(emptyValue.err.contains("empty"));
        const Run inArgv = cli({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("NAME"),
                                QStringLiteral("the-value")});
        QCOMPARE(inArgv.exitCode, 2);
        QVERIFY(inArgv.err.contains("standard input"));
        const Run badName = cli({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("1-bad")}, "v");
        QCOMPARE(badName.exitCode, 2);
        const Run allWithoutWorkspace = cli({QStringLiteral("secret"), QStringLiteral("forget"), QStringLiteral("--all")});
        QCOMPARE(allWithoutWorkspace.exitCode, 2);
        QVERIFY(allWithoutWorkspace.err.contains("--workspace"));
        const Run unknown = cli({QStringLiteral("secret"), QStringLiteral("show"), QStringLiteral("X")});
        QCOMPARE(unknown.exitCode, 2);
        const Run missingFile = cli({QStringLiteral("secret"), QStringLiteral("list"), QStringLiteral("--workspace"),
                                     m_dir.filePath(QStringLiteral("nope.tbw"))});
        QCOMPARE(missingFile.exitCode, 2);
    }

    void token_secretOnlyInTheKeychain_getsAToken_andForgetMakesItAUsageError()
    {
        const QString variable = unique("TB_KEYCHAIN_ONLY_");
        // An id-less (older) workspace: its keychain namespace is derived from its path.
        const QString ws = workspaceFile(QStringLiteral("keychain-only.tbw"), variable);
        const Run set = cli({QStringLiteral("secret"), QStringLiteral("set"), variable, QStringLiteral("--workspace"), ws},
                            "basic-secret\n");
        QVERIFY2(set.exitCode == 0, set.err.constData());

        const Run token = cli({QStringLiteral("token"), ws}, {}, {}, {variable});
        QVERIFY2(token.exitCode == 0, token.err.constData());
        QCOMPARE(token.out.trimmed().count('.'), 2);
        QVERIFY(!token.err.contains("basic-secret"));

        const Run forget = cli({QStringLiteral("secret"), QStringLiteral("forget"), variable,
                                QStringLiteral("--workspace"), ws});
        QVERIFY2(forget.exitCode == 0, forget.err.constData());
        const Run after = cli({QStringLiteral("token"), ws}, {}, {}, {variable});
        QCOMPARE(after.exitCode, 2);
        QVERIFY2(after.err.contains(variable.toUtf8()), after.err.constData());
        QVERIFY2(after.err.contains("oauth2.client_secret"), after.err.constData());
        QVERIFY2(after.err.contains(QByteArray("secret set ").append(variable.toUtf8())), after.err.constData());
    }

    void couperFile_secretSetWithTheFile_isWhatTokenUses()
    {
        // Issue 15.13: `token couper.hcl` tells the user to run `secret set NAME --workspace couper.hcl`;
        // that command must accept a Couper file and write into the namespace `token` reads.
        const QString variable = unique("TB_COUPER_");
        const QString path = m_dir.filePath(QStringLiteral("couper.hcl"));
        const QByteArray hcl = QStringLiteral("definitions {\n"
                                              "  backend \"a\" {\n"
                                              "    oauth2 {\n"
                                              "      grant_type     = \"client_credentials\"\n"
                                              "      token_endpoint = \"%1\"\n"
                                              "      client_id      = \"basic-client\"\n"
                                              "      client_secret  = env.%2\n"
                                              "    }\n"
                                              "  }\n"
                                              "}\n")
                                   .arg(m_server.tokenEndpoint().toString(), variable)
                                   .toUtf8();
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(hcl) == hcl.size());
        f.close();
        m_cleanup << QStringList{QStringLiteral("secret"), QStringLiteral("forget"), QStringLiteral("--all"),
                                 QStringLiteral("--workspace"), path};

        const Run before = cli({QStringLiteral("token"), path}, {}, {}, {variable});
        QCOMPARE(before.exitCode, 2);
        QVERIFY2(before.err.contains(QByteArray("secret set ").append(variable.toUtf8())), before.err.constData());
        QVERIFY2(before.err.contains(QByteArray("--workspace ").append(path.toUtf8())), before.err.constData());

        const Run set = cli({QStringLiteral("secret"), QStringLiteral("set"), variable, QStringLiteral("--workspace"), path},
                            "basic-secret\n");
        QVERIFY2(set.exitCode == 0, set.err.constData());
        const Run list = cli({QStringLiteral("secret"), QStringLiteral("list"), QStringLiteral("--workspace"), path});
        QVERIFY2(list.out.contains(variable.toUtf8()), list.err.constData());
        const Run token = cli({QStringLiteral("token"), path}, {}, {}, {variable});
        QVERIFY2(token.exitCode == 0, token.err.constData());
        QCOMPARE(token.out.trimmed().count('.'), 2);

        // The same namespace from a relative path (the file as the user names it in its folder): forgetting the
        // secret there makes `token` with the absolute path ask for it again.
        const Run forget = cli({QStringLiteral("secret"), QStringLiteral("forget"), variable, QStringLiteral("--workspace"),
                                QStringLiteral("couper.hcl")},
                               {}, {}, {}, m_dir.path());
        QVERIFY2(forget.exitCode == 0, forget.err.constData());
        const Run gone = cli({QStringLiteral("token"), path}, {}, {}, {variable});
        QCOMPARE(gone.exitCode, 2);
        QVERIFY2(gone.err.contains(QByteArray("secret set ").append(variable.toUtf8())), gone.err.constData());
        const Run again = cli({QStringLiteral("secret"), QStringLiteral("set"), variable, QStringLiteral("--workspace"),
                               QStringLiteral("couper.hcl")},
                              "basic-secret\n", {}, {}, m_dir.path());
        QVERIFY2(again.exitCode == 0, again.err.constData());
        const Run relative = cli({QStringLiteral("token"), path}, {}, {}, {variable});
        QVERIFY2(relative.exitCode == 0, relative.err.constData());

        // A Couper file that does not exist is named as such, not parsed as JSON.
        const Run missing = cli({QStringLiteral("secret"), QStringLiteral("list"), QStringLiteral("--workspace"),
                                 m_dir.filePath(QStringLiteral("missing.hcl"))});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains("does not exist"), missing.err.constData());
    }

    void token_environmentAndEnvFlag_comeBeforeTheKeychain()
    {
        const QString variable = unique("TB_ORDER_");
        const QString ws = workspaceFile(QStringLiteral("order.tbw"), variable,
                                         QUuid::createUuid().toString(QUuid::WithoutBraces));
        // The keychain holds a wrong value: were it used, the server would refuse (exit 4).
        QVERIFY(cli({QStringLiteral("secret"), QStringLiteral("set"), variable, QStringLiteral("--workspace"), ws},
                    "wrong-secret")
                    .exitCode == 0);
        const Run fromEnvironment = cli({QStringLiteral("token"), ws}, {}, {{variable, QStringLiteral("basic-secret")}});
        QVERIFY2(fromEnvironment.exitCode == 0, fromEnvironment.err.constData());
        const Run fromFlag = cli({QStringLiteral("token"), ws, QStringLiteral("--env"), variable + QStringLiteral("=basic-secret")},
                                 {}, {{variable, QStringLiteral("wrong-too")}});
        QVERIFY2(fromFlag.exitCode == 0, fromFlag.err.constData());
        const Run fromKeychain = cli({QStringLiteral("token"), ws}, {}, {}, {variable});
        QCOMPARE(fromKeychain.exitCode, 4);
    }

    void token_withoutWorkspace_envFlagFallsBackToTheDefaultNamespace()
    {
        const QString variable = unique("TB_DEFAULT_NS_");
        m_cleanup << QStringList{QStringLiteral("secret"), QStringLiteral("forget"), variable};
        QVERIFY(cli({QStringLiteral("secret"), QStringLiteral("set"), variable}, "basic-secret\n").exitCode == 0);
        const Run token = cli({QStringLiteral("token"), QStringLiteral("--token-endpoint"),
                               m_server.tokenEndpoint().toString(), QStringLiteral("--client-id"),
                               QStringLiteral("basic-client"), QStringLiteral("--client-secret"),
                               QStringLiteral("env:") + variable},
                              {}, {}, {variable});
        QVERIFY2(token.exitCode == 0, token.err.constData());
        QVERIFY(!token.err.contains("warning")); // not a literal on the command line
    }

    void forgetAll_removesEverySecretOfTheWorkspace()
    {
        const QString ws = workspaceFile(QStringLiteral("forget-all.tbw"), QStringLiteral("UNUSED"),
                                         QUuid::createUuid().toString(QUuid::WithoutBraces));
        for (const char* name : {"FIRST", "SECOND"}) {
            const QByteArray canary = "canary-all-" + QByteArray(name);
            m_canaries << canary;
            QVERIFY(cli({QStringLiteral("secret"), QStringLiteral("set"), QString::fromLatin1(name),
                         QStringLiteral("--workspace"), ws},
                        canary)
                        .exitCode == 0);
        }
        QCOMPARE(cli({QStringLiteral("secret"), QStringLiteral("list"), QStringLiteral("--workspace"), ws}).out,
                 QByteArray("FIRST\nSECOND\n"));
        const Run all = cli({QStringLiteral("secret"), QStringLiteral("forget"), QStringLiteral("--all"),
                             QStringLiteral("--workspace"), ws});
        QVERIFY2(all.exitCode == 0, all.err.constData());
        QVERIFY(cli({QStringLiteral("secret"), QStringLiteral("list"), QStringLiteral("--workspace"), ws}).out.isEmpty());
    }

    void noKeychain_exits3WithWhatToDo()
    {
        QTemporaryDir dir;
        const QHash<QString, QString> deadBus{
            {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + dir.filePath(QStringLiteral("none"))}};
        const Run set = cli({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("NO_KEYCHAIN")}, "v", deadBus,
                            {QStringLiteral("DISPLAY")});
        QCOMPARE(set.exitCode, 3);
        QVERIFY2(set.err.contains("Secret Service"), set.err.constData());
        const Run forget = cli({QStringLiteral("secret"), QStringLiteral("forget"), QStringLiteral("NO_KEYCHAIN")}, {},
                               deadBus, {QStringLiteral("DISPLAY")});
        QCOMPARE(forget.exitCode, 3);

        // token: the variable is set nowhere and the keychain cannot be asked; both are said.
        const QString variable = unique("TB_NO_KEYCHAIN_");
        const QString ws = workspaceFile(QStringLiteral("no-keychain.tbw"), variable);
        const Run token = cli({QStringLiteral("token"), ws}, {}, deadBus, {variable, QStringLiteral("DISPLAY")});
        QCOMPARE(token.exitCode, 2);
        QVERIFY2(token.err.contains(variable.toUtf8()), token.err.constData());
        QVERIFY2(token.err.contains("keychain could not be read"), token.err.constData());
        // Environment values need no keychain at all.
        QHash<QString, QString> deadBusWithValue = deadBus;
        deadBusWithValue.insert(variable, QStringLiteral("basic-secret"));
        const Run fromEnv = cli({QStringLiteral("token"), ws}, {}, deadBusWithValue);
        QVERIFY2(fromEnv.exitCode == 0, fromEnv.err.constData());
    }

    // Last: no value stored by the tests above is in any file the CLI or this test wrote (workspaces,
    // the secrets index and settings under XDG_CONFIG_HOME, caches); the keyring's own file is encrypted.
    void zz_noValueInAnyFile()
    {
        QStringList roots{m_dir.path(), QString::fromLocal8Bit(qgetenv("XDG_CONFIG_HOME")),
                          QString::fromLocal8Bit(qgetenv("XDG_CACHE_HOME"))};
        if (qEnvironmentVariableIsSet("XDG_DATA_HOME"))
            roots << QString::fromLocal8Bit(qgetenv("XDG_DATA_HOME")) + QStringLiteral("/keyrings");
        bool sawIndex = false;
        for (const QString& root : std::as_const(roots)) {
            if (root.isEmpty() || !QFileInfo(root).isDir())
                continue;
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                sawIndex = sawIndex || f.fileName().endsWith(QStringLiteral("secrets-index.ini"));
                if (f.size() > 16 * 1024 * 1024 || !f.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray content = f.readAll();
                for (const QByteArray& canary : std::as_const(m_canaries))
                    QVERIFY2(!content.contains(canary), qPrintable(QStringLiteral("a secret value is in %1").arg(f.fileName())));
            }
        }
        QVERIFY(sawIndex); // the CLI's index is where we looked
    }
};

QTEST_GUILESS_MAIN(TestSecretCli)
#include "tst_secretcli.moc"
