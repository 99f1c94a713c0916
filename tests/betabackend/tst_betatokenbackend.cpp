// A beta_token_request goes to its token backend (reference section 3.1 step 5): the backend named by
// its `backend` attribute or a nested backend block, not the backend it belongs to. Checked on the wire
// with two real local servers, through tokenbench-cli.
#include "util/clirunner.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using Tokenbench::Test::CliRun;
using Tokenbench::Test::RawHttpServer;

class TestBetaTokenBackend : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString& name, const QString& text)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write");
        f.write(text.toUtf8());
        return path;
    }

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void backendAttribute_sendsToTheNamedBackend()
    {
        RawHttpServer resource, tokens;
        QVERIFY(resource.listen());
        QVERIFY(tokens.listen());
        tokens.setBehaviour(
            RawHttpServer::respond(200, "application/json", "{\"t\":\"from-token-backend\"}"));
        resource.setBehaviour(
            RawHttpServer::respond(200, "application/json", "{\"t\":\"from-resource-backend\"}"));
        const QString path = write(QStringLiteral("named.hcl"),
                                   QStringLiteral("definitions {\n"
                                                  "  backend \"api\" {\n"
                                                  "    origin = \"http://127.0.0.1:%1\"\n"
                                                  "    beta_token_request {\n"
                                                  "      backend = \"as\"\n"
                                                  "      url     = \"/issue\"\n"
                                                  "      token   = beta_token_response.json_body.t\n"
                                                  "      ttl     = \"60s\"\n"
                                                  "    }\n"
                                                  "  }\n"
                                                  "  backend \"as\" {\n"
                                                  "    origin = \"http://127.0.0.1:%2\"\n"
                                                  "  }\n"
                                                  "}\n")
                                       .arg(resource.port())
                                       .arg(tokens.port()));
        const CliRun r = Tokenbench::Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH),
                                                  {QStringLiteral("token"), path, QStringLiteral("--backend"),
                                                   QStringLiteral("api"), QStringLiteral("--reveal")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("from-token-backend"), r.out.constData());
        QCOMPARE(tokens.requests().size(), 1);
        QVERIFY(tokens.requests().constFirst().startsWith("GET /issue HTTP/1.1"));
        QCOMPARE(resource.requests().size(), 0);
    }

    void nestedBackendBlock_isTheTokenBackend_andUnknownNamesAreErrors()
    {
        RawHttpServer tokens;
        QVERIFY(tokens.listen());
        tokens.setBehaviour(RawHttpServer::respond(200, "application/json", "{\"t\":\"nested\"}"));
        const QString path = write(QStringLiteral("nested.hcl"),
                                   QStringLiteral("definitions {\n"
                                                  "  backend \"api\" {\n"
                                                  "    origin = \"http://127.0.0.1:1\"\n"
                                                  "    beta_token_request {\n"
                                                  "      url   = \"/n\"\n"
                                                  "      token = beta_token_response.json_body.t\n"
                                                  "      ttl   = \"60s\"\n"
                                                  "      backend {\n"
                                                  "        origin = \"http://127.0.0.1:%1\"\n"
                                                  "      }\n"
                                                  "    }\n"
                                                  "  }\n"
                                                  "}\n")
                                       .arg(tokens.port()));
        CliRun r = Tokenbench::Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH),
                                            {QStringLiteral("token"), path, QStringLiteral("--backend"),
                                             QStringLiteral("api"), QStringLiteral("--reveal")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("nested"));
        QCOMPARE(tokens.requests().size(), 1);

        const QString missing =
            write(QStringLiteral("missing.hcl"),
                  QStringLiteral("definitions {\n  backend \"api\" {\n    origin = \"http://127.0.0.1:1\"\n"
                                 "    beta_token_request {\n      backend = \"nope\"\n      token = "
                                 "beta_token_response.body\n      ttl = \"1s\"\n    }\n  }\n}\n"));
        r = Tokenbench::Test::runCli(
            QStringLiteral(TOKENBENCH_CLI_PATH),
            {QStringLiteral("token"), missing, QStringLiteral("--backend"), QStringLiteral("api")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("referenced backend \"nope\" is not defined"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestBetaTokenBackend)
#include "tst_betatokenbackend.moc"
