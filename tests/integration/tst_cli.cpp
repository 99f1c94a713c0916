// tokenbench-cli as a user's script runs it: a real process against oidc-provider and raw servers.
#include "util/authserver.h"
#include "util/clirunner.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTcpServer>
#include <QTest>

using Tokenbench::Test::AuthServer;
using Tokenbench::Test::RawHttpServer;

namespace {

using Run = Tokenbench::Test::CliRun;

Run cli(const QStringList& args, const QHash<QString, QString>& env = {})
{
    return Tokenbench::Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH), args, env);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    AuthServer m_server;
    QString endpoint() const { return m_server.tokenEndpoint().toString(); }

    QString writeWorkspace(QTemporaryDir& dir, const QByteArray& bytes)
    {
        const QString path = dir.filePath(QStringLiteral("w.tbw"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write workspace");
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void token_printsTheTokenAlone()
    {
        const Run r = cli({QStringLiteral("token"), QStringLiteral("--token-endpoint"), endpoint(),
                           QStringLiteral("--client-id"), QStringLiteral("basic-client"), QStringLiteral("--client-secret"),
                           QStringLiteral("env:TB_TEST_SECRET")},
                          {{QStringLiteral("TB_TEST_SECRET"), QStringLiteral("basic-secret")}});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QByteArray token = r.out.trimmed();
        QCOMPARE(token.count('.'), 2);
        QVERIFY(!r.out.trimmed().contains('\n'));
        QVERIFY(!r.err.contains("warning")); // the secret came from the environment
    }

    void token_json_carriesTheContractFields()
    {
        const QString secret = QStringLiteral("s3cr3t with+plus%and space");
        const Run r = cli({QStringLiteral("token"), QStringLiteral("--token-endpoint"), endpoint(),
                           QStringLiteral("--client-id"), QStringLiteral("odd-client"), QStringLiteral("--client-secret"),
                           QStringLiteral("env:ODD"), QStringLiteral("--scope"), QStringLiteral("api:read"),
                           QStringLiteral("--json")},
                          {{QStringLiteral("ODD"), secret}});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        for (const char* key : {"token", "token_type", "expires_in", "ttl_seconds", "exchanges", "claims", "error"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QVERIFY(o.value(QStringLiteral("error")).isNull());
        QCOMPARE(o.value(QStringLiteral("expires_in")).toDouble(), 3600.0);
        QCOMPARE(o.value(QStringLiteral("ttl_seconds")).toInt(), 3240);
        QCOMPARE(o.value(QStringLiteral("claims")).toObject().value(QStringLiteral("client_id")).toString(),
                 QStringLiteral("odd-client"));
        const QJsonObject ex = o.value(QStringLiteral("exchanges")).toArray().at(0).toObject();
        const QJsonObject req = ex.value(QStringLiteral("request")).toObject();
        QCOMPARE(req.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(req.value(QStringLiteral("url")).toString(), endpoint());
        QCOMPARE(req.value(QStringLiteral("body")).toString(), QStringLiteral("grant_type=client_credentials&scope=api%3Aread"));
        QVERIFY(req.value(QStringLiteral("headers")).toObject().contains(QStringLiteral("Authorization")));
        const QJsonObject resp = ex.value(QStringLiteral("response")).toObject();
        QCOMPARE(resp.value(QStringLiteral("status")).toInt(), 200);
        QVERIFY(resp.value(QStringLiteral("headers")).toObject().size() > 0);
        QVERIFY(ex.value(QStringLiteral("duration_ms")).toInteger() >= 0);
        // Redacted: neither the Basic credentials nor the token appear in the exchanges.
        const QByteArray exchanges = QJsonDocument(o.value(QStringLiteral("exchanges")).toArray()).toJson();
        QVERIFY(!exchanges.contains(o.value(QStringLiteral("token")).toString().toUtf8()));
        QVERIFY(!exchanges.contains("Basic b2Rk"));
    }

    void token_reveal_showsSecretsInExchanges()
    {
        const Run r = cli({QStringLiteral("token"), QStringLiteral("--token-endpoint"), endpoint(), QStringLiteral("--client-id"),
                           QStringLiteral("post-client"), QStringLiteral("--client-secret"), QStringLiteral("env:P"),
                           QStringLiteral("--token-endpoint-auth-method"), QStringLiteral("client_secret_post"),
                           QStringLiteral("--json"), QStringLiteral("--reveal")},
                          {{QStringLiteral("P"), QStringLiteral("post-secret")}});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("client_secret=post-secret"));
        const Run hidden = cli({QStringLiteral("token"), QStringLiteral("--token-endpoint"), endpoint(), QStringLiteral("--client-id"),
                                QStringLiteral("post-client"), QStringLiteral("--client-secret"), QStringLiteral("env:P"),
                                QStringLiteral("--token-endpoint-auth-method"), QStringLiteral("client_secret_post"),
                                QStringLiteral("--json")},
                               {{QStringLiteral("P"), QStringLiteral("post-secret")}});
        QCOMPARE(hidden.exitCode, 0);
        QVERIFY(!hidden.out.contains("post-secret"));
    }

    void token_fromWorkspace_resolvesEnvReferences()
    {
        QTemporaryDir dir;
        const QByteArray ws = QStringLiteral("{\"format\":\"tokenbench-workspace\",\"version\":1,\"backends\":[\n"
            "            {\"type\":\"backend\",\"label\":\"a\",\"blocks\":[{\"type\":\"oauth2\",\"attributes\":{\"grant_type\":\"client_credentials\",\n"
            "             \"token_endpoint\":\"%1\",\"client_id\":\"basic-client\",\"client_secret\":\"env.WS_SECRET\"}}]},\n"
            "            {\"type\":\"backend\",\"label\":\"b\",\"blocks\":[{\"type\":\"oauth2\",\"attributes\":{\"grant_type\":\"client_credentials\",\n"
            "             \"token_endpoint\":\"%1\",\"client_id\":\"post-client\",\"client_secret\":\"env.WS_SECRET\",\n"
            "             \"token_endpoint_auth_method\":\"client_secret_post\"}}]}]}").arg(endpoint()).toUtf8();
        const QString path = writeWorkspace(dir, ws);
        const Run r = cli({QStringLiteral("token"), path, QStringLiteral("--backend"), QStringLiteral("a"), QStringLiteral("--env"),
                           QStringLiteral("WS_SECRET=basic-secret")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // Two backends and no --backend: a usage error that lists them.
        const Run ambiguous = cli({QStringLiteral("token"), path});
        QCOMPARE(ambiguous.exitCode, 2);
        QVERIFY(ambiguous.err.contains("--backend (a, b)"));
        const Run unknown = cli({QStringLiteral("token"), path, QStringLiteral("--backend"), QStringLiteral("zzz")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains("no backend \"zzz\""));
    }

    void exitCodes_followTheContract()
    {
        // 2: configuration error naming the flag.
        const Run usage = cli({QStringLiteral("token"), QStringLiteral("--token-endpoint"), endpoint()});
        QCOMPARE(usage.exitCode, 2);
        QVERIFY2(usage.err.contains("--client-id"), usage.err.constData());

        // 2: a malformed workspace names file:line:col.
        QTemporaryDir dir;
        const QString bad = writeWorkspace(dir, "{\n  \"format\": \"tokenbench-workspace\",\n  \"version\": 1,,\n}");
        const Run malformed = cli({QStringLiteral("token"), bad});
        QCOMPARE(malformed.exitCode, 2);
        QVERIFY2(malformed.err.contains((bad + QStringLiteral(":3:")).toUtf8()), malformed.err.constData());

        // 3: transport failure.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        const Run refused = cli({QStringLiteral("token"), QStringLiteral("--token-endpoint"),
                                 QStringLiteral("http://127.0.0.1:%1/token").arg(port), QStringLiteral("--client-id"),
                                 QStringLiteral("x"), QStringLiteral("--client-secret"), QStringLiteral("env:X")},
                                {{QStringLiteral("X"), QStringLiteral("y")}});
        QCOMPARE(refused.exitCode, 3);
        QVERIFY(refused.err.contains("connection refused"));

        // 4: the server refused, with status and OAuth error.
        const Run wrong = cli({QStringLiteral("token"), QStringLiteral("--token-endpoint"), endpoint(), QStringLiteral("--client-id"),
                               QStringLiteral("basic-client"), QStringLiteral("--client-secret"), QStringLiteral("env:X"),
                               QStringLiteral("--json")},
                              {{QStringLiteral("X"), QStringLiteral("wrong")}});
        QCOMPARE(wrong.exitCode, 4);
        QVERIFY(wrong.err.contains("401"));
        QVERIFY(wrong.err.contains("invalid_client"));
        const QJsonObject error = QJsonDocument::fromJson(wrong.out).object().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("oauth_error")).toString(), QStringLiteral("invalid_client"));
        QCOMPARE(error.value(QStringLiteral("status")).toInt(), 401);

        // 5: 200 without a token.
        RawHttpServer raw;
        QVERIFY(raw.listen());
        raw.setBehaviour(RawHttpServer::respond(200, "application/json", "{\"token_type\":\"Bearer\"}"));
        const Run noToken = cli({QStringLiteral("token"), QStringLiteral("--token-endpoint"), raw.url(QStringLiteral("/token")).toString(),
                                 QStringLiteral("--client-id"), QStringLiteral("x"), QStringLiteral("--client-secret"),
                                 QStringLiteral("env:X")},
                                {{QStringLiteral("X"), QStringLiteral("y")}});
        QCOMPARE(noToken.exitCode, 5);
        QVERIFY(noToken.err.contains("no access_token"));
    }

    void privateKeyJwt_fromFlags_obtainsToken()
    {
        const Run r = cli({QStringLiteral("token"), QStringLiteral("--token-endpoint"), endpoint(), QStringLiteral("--client-id"),
                           QStringLiteral("jwt-client"), QStringLiteral("--token-endpoint-auth-method"),
                           QStringLiteral("private_key_jwt"), QStringLiteral("--signature-algorithm"), QStringLiteral("ES256"),
                           QStringLiteral("--key-file"),
                           Tokenbench::Test::dataPath(QStringLiteral("jwt/ec-p256-pkcs8-private.pem")),
                           QStringLiteral("--kid"), QStringLiteral("ec-1"), QStringLiteral("--json"), QStringLiteral("--reveal")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        const QString body = o.value(QStringLiteral("exchanges")).toArray().at(0).toObject().value(QStringLiteral("request"))
                                 .toObject().value(QStringLiteral("body")).toString();
        QVERIFY(body.startsWith(QStringLiteral("client_assertion=eyJ")));
        QVERIFY(body.contains(QStringLiteral("&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_id=jwt-client&grant_type=client_credentials")));
        // Without a key: Couper's configuration error, exit 2.
        const Run noKey = cli({QStringLiteral("token"), QStringLiteral("--token-endpoint"), endpoint(), QStringLiteral("--client-id"),
                               QStringLiteral("jwt-client"), QStringLiteral("--token-endpoint-auth-method"),
                               QStringLiteral("private_key_jwt"), QStringLiteral("--signature-algorithm"), QStringLiteral("ES256")});
        QCOMPARE(noKey.exitCode, 2);
        QVERIFY2(noKey.err.contains("key and key_file must not both be empty with private_key_jwt"), noKey.err.constData());
    }

    void literalSecretFlag_warnsAboutTheProcessList()
    {
        const Run r = cli({QStringLiteral("token"), QStringLiteral("--token-endpoint"), endpoint(), QStringLiteral("--client-id"),
                           QStringLiteral("basic-client"), QStringLiteral("--client-secret"), QStringLiteral("basic-secret")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains("visible in the process list"));
    }

    void check_listsProblemsAndExits2()
    {
        QTemporaryDir dir;
        const QString path = writeWorkspace(dir, "{\"format\":\"tokenbench-workspace\",\"version\":1,\"backends\":[\n"
            "            {\"type\":\"backend\",\"label\":\"be\",\"blocks\":[{\"type\":\"oauth2\",\"attributes\":{\"grant_type\":\"client_credentials\"}}]}]}");
        const Run r = cli({QStringLiteral("check"), path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.contains("be.oauth2.token_endpoint"));
        QVERIFY(r.out.contains("client_id must not be empty"));
    }

    void version_andHelp()
    {
        const Run v = cli({QStringLiteral("--version")});
        QCOMPARE(v.exitCode, 0);
        QVERIFY(v.out.startsWith("tokenbench-cli " TOKENBENCH_TEST_VERSION));
        const Run h = cli({QStringLiteral("token"), QStringLiteral("--help")});
        QCOMPARE(h.exitCode, 0);
        for (const char* flag : {"--token-endpoint", "--client-id", "--client-secret", "--grant-type",
                                 "--token-endpoint-auth-method", "--scope", "--username", "--password", "--assertion",
                                 "--json", "--reveal"})
            QVERIFY2(h.out.contains(flag), flag);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
