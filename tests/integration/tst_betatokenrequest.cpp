// beta_token_request blocks from Couper files, run through tokenbench-cli against oidc-provider's token
// endpoint and against a small local service with a non-OAuth JSON token; the request is checked on the
// wire as Couper builds it (reference section 3.1).
#include "util/authserver.h"
#include "util/clirunner.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using Tokenbench::Test::CliRun;
using Tokenbench::Test::RawHttpServer;

namespace {
CliRun cli(const QStringList& args, const QHash<QString, QString>& env = {})
{
    return Tokenbench::Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH), args, env);
}
} // namespace

class TestBetaTokenRequest : public QObject
{
    Q_OBJECT

private:
    Tokenbench::Test::AuthServer m_server;
    QTemporaryDir m_dir;

    QString writeConfig(const QString& name, const QString& text)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write config");
        f.write(text.toUtf8());
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void formBody_againstOidcProvider_yieldsTokenAndTtl()
    {
        const QString path = writeConfig(QStringLiteral("oauth.hcl"), QStringLiteral(
            "definitions {\n"
            "  backend \"as\" {\n"
            "    origin = \"%1\"\n"
            "\n"
            "    beta_token_request \"cc\" {\n"
            "      url       = \"/token\"\n"
            "      form_body = {\n"
            "        grant_type    = \"client_credentials\"\n"
            "        client_id     = \"post-client\"\n"
            "        client_secret = env.BETA_SECRET\n"
            "        scope         = \"api:read\"\n"
            "      }\n"
            "      expected_status = [200]\n"
            "      token = beta_token_response.json_body.access_token\n"
            "      ttl   = \"${default(beta_token_response.json_body.expires_in, 3600) * 0.9}s\"\n"
            "    }\n"
            "  }\n"
            "}\n").arg(m_server.issuer().toString()));
        const CliRun r = cli({QStringLiteral("token"), path, QStringLiteral("--backend"), QStringLiteral("as"), QStringLiteral("--json"),
                              QStringLiteral("--reveal")},
                             {{QStringLiteral("BETA_SECRET"), QStringLiteral("post-secret")}});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("ttl_seconds")).toInt(), 3240);
        QVERIFY(o.value(QStringLiteral("token")).toString().startsWith(QStringLiteral("eyJ")));
        const QJsonObject req = o.value(QStringLiteral("exchanges")).toArray().at(0).toObject().value(QStringLiteral("request")).toObject();
        // A body switches the default method to POST; form_body implies its content type; keys sorted.
        QCOMPARE(req.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(req.value(QStringLiteral("headers")).toObject().value(QStringLiteral("Content-Type")).toString(),
                 QStringLiteral("application/x-www-form-urlencoded"));
        QCOMPARE(req.value(QStringLiteral("body")).toString(),
                 QStringLiteral("client_id=post-client&client_secret=post-secret&grant_type=client_credentials&scope=api%3Aread"));
    }

    void jsonToken_fromALocalService_andTheWireForm()
    {
        RawHttpServer service;
        QVERIFY(service.listen());
        service.setBehaviour(RawHttpServer::respond(200, "application/json; charset=utf-8",
                                                    "{\"data\":{\"jwt\":\"service-token\"},\"valid_for\":120}"));
        const QString path = writeConfig(QStringLiteral("service.hcl"), QStringLiteral(
            "definitions {\n"
            "  backend \"svc\" {\n"
            "    origin = \"%1\"\n"
            "\n"
            "    beta_token_request {\n"
            "      url = \"/tokens?b=2\"\n"
            "      json_body = { user = \"alice & bob\", roles = [\"a\", \"b\"], n = 3 }\n"
            "      headers = { x-api-key = env.SVC_KEY }\n"
            "      query_params = { a = \"x y\" }\n"
            "      token = beta_token_response.json_body.data.jwt\n"
            "      ttl   = \"${beta_token_response.json_body.valid_for}s\"\n"
            "    }\n"
            "  }\n"
            "}\n").arg(service.url(QString()).toString().chopped(service.url(QString()).path().size())));
        const CliRun r = cli({QStringLiteral("token"), path, QStringLiteral("--backend"), QStringLiteral("svc"), QStringLiteral("--json")},
                             {{QStringLiteral("SVC_KEY"), QStringLiteral("k-123")}});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("token")).toString(), QStringLiteral("service-token"));
        QCOMPARE(o.value(QStringLiteral("ttl_seconds")).toInt(), 120);
        QCOMPARE(service.requests().size(), 1);
        const QByteArray wire = service.requests().constFirst();
        QVERIFY2(wire.startsWith("POST /tokens?a=x%20y&b=2 HTTP/1.1\r\n"), wire.constData());
        QVERIFY(wire.contains("\r\nContent-Type: application/json\r\n"));
        QVERIFY(wire.contains("\r\nX-Api-Key: k-123\r\n"));
        // Go's JSON: keys sorted, compact, & escaped.
        QVERIFY2(wire.endsWith("{\"n\":3,\"roles\":[\"a\",\"b\"],\"user\":\"alice \\u0026 bob\"}"), wire.constData());
    }

    void failures_useTheContractExitCodes()
    {
        RawHttpServer service;
        QVERIFY(service.listen());
        service.setBehaviour(RawHttpServer::respond(200, "application/json", "{\"other\":1}"));
        const QString origin = QStringLiteral("http://127.0.0.1:%1").arg(service.port());
        const QString nullToken = writeConfig(QStringLiteral("null.hcl"), QStringLiteral(
            "definitions {\n  backend \"svc\" {\n    origin = \"%1\"\n\n    beta_token_request \"t\" {\n"
            "      url = \"/t\"\n      token = beta_token_response.json_body.data\n      ttl = \"60s\"\n    }\n  }\n}\n").arg(origin));
        const CliRun r5 = cli({QStringLiteral("token"), nullToken, QStringLiteral("--backend"), QStringLiteral("svc"),
                               QStringLiteral("--request"), QStringLiteral("t")});
        QCOMPARE(r5.exitCode, 5);
        QVERIFY2(r5.err.contains("token expression evaluates to null") && r5.err.contains("beta_token_response.json_body.data"),
                 r5.err.constData());
        // Without a body the default method is GET.
        QVERIFY(service.requests().constLast().startsWith("GET /t HTTP/1.1"));

        const QString badTtl = writeConfig(QStringLiteral("ttl.hcl"), QStringLiteral(
            "definitions {\n  backend \"svc\" {\n    origin = \"%1\"\n\n    beta_token_request {\n"
            "      url = \"/t\"\n      token = \"static\"\n      ttl = \"no duration\"\n    }\n  }\n}\n").arg(origin));
        const CliRun ttl = cli({QStringLiteral("token"), badTtl, QStringLiteral("--backend"), QStringLiteral("svc")});
        QCOMPARE(ttl.exitCode, 5);
        QVERIFY2(ttl.err.contains("ttl: time: invalid duration \"no duration\""), ttl.err.constData());

        const QString status = writeConfig(QStringLiteral("status.hcl"), QStringLiteral(
            "definitions {\n  backend \"svc\" {\n    origin = \"%1\"\n\n    beta_token_request {\n"
            "      url = \"/t\"\n      expected_status = [201]\n      token = \"x\"\n      ttl = \"1s\"\n    }\n  }\n}\n").arg(origin));
        const CliRun r4 = cli({QStringLiteral("token"), status, QStringLiteral("--backend"), QStringLiteral("svc")});
        QCOMPARE(r4.exitCode, 4);
        QVERIFY(r4.err.contains("unexpected status 200"));

        const CliRun unknown = cli({QStringLiteral("token"), nullToken, QStringLiteral("--backend"), QStringLiteral("svc"),
                                    QStringLiteral("--request"), QStringLiteral("nope")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains("it has: t"));
    }
};

QTEST_GUILESS_MAIN(TestBetaTokenRequest)
#include "tst_betatokenrequest.moc"
