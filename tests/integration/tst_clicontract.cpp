// The token command's contract as scripts rely on it (issue 14, item 5): the real CLI process against
// oidc-provider and small real socket servers.
#include "util/authserver.h"
#include "util/clirunner.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using Tokenbench::Test::AuthServer;
using Tokenbench::Test::RawHttpServer;

namespace {

using Run = Tokenbench::Test::CliRun;

Run cli(const QStringList& args, const QHash<QString, QString>& env = {})
{
    return Tokenbench::Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH), args, env);
}

QJsonObject firstRequest(const QByteArray& json)
{
    return QJsonDocument::fromJson(json)
        .object()
        .value(QStringLiteral("exchanges"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("request"))
        .toObject();
}

QByteArray b64url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

void answer(QTcpSocket* socket, int status, const QByteArray& body)
{
    socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nContent-Length: " +
                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
}

} // namespace

class TestCliContract : public QObject
{
    Q_OBJECT

private:
    AuthServer m_server;
    QString endpoint() const { return m_server.tokenEndpoint().toString(); }

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void rawBasicCredentials_flag_sendsIdAndSecretUnencoded()
    {
        const QString secret = QStringLiteral("s3cr3t with+plus%and space");
        const QStringList base = {QStringLiteral("token"), QStringLiteral("--token-endpoint"), endpoint(),
                                  QStringLiteral("--client-id"), QStringLiteral("odd-client"),
                                  QStringLiteral("--client-secret"), QStringLiteral("env:ODD"), QStringLiteral("--json"),
                                  QStringLiteral("--reveal")};
        // RFC 6749 2.3.1 (and Couper): form-encoded before base64; the server accepts it.
        const Run encoded = cli(base, {{QStringLiteral("ODD"), secret}});
        QVERIFY2(encoded.exitCode == 0, encoded.err.constData());
        QCOMPARE(firstRequest(encoded.out).value(QStringLiteral("headers")).toObject().value(QStringLiteral("Authorization")).toString(),
                 QStringLiteral("Basic ") +
                     QString::fromLatin1(QByteArray("odd-client:s3cr3t+with%2Bplus%25and+space").toBase64()));
        // --raw-basic-credentials: the values as they are. (oidc-provider form-decodes, so it refuses them.)
        const Run raw = cli(base + QStringList{QStringLiteral("--raw-basic-credentials")}, {{QStringLiteral("ODD"), secret}});
        QCOMPARE(firstRequest(raw.out).value(QStringLiteral("headers")).toObject().value(QStringLiteral("Authorization")).toString(),
                 QStringLiteral("Basic ") + QString::fromLatin1(QByteArray("odd-client:s3cr3t with+plus%and space").toBase64()));
        QCOMPARE(raw.exitCode, 4);
        // A flag run involves no Couper block: no note about what Couper would refuse.
        QVERIFY2(!raw.err.contains("Couper"), raw.err.constData());
    }

    void couperNotes_onlyWhenACouperBlockIsInvolved()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.tbw"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("{\"format\":\"tokenbench-workspace\",\"version\":1,\"backends\":[{\"type\":\"backend\","
                               "\"label\":\"a\",\"blocks\":[{\"type\":\"oauth2\",\"attributes\":{\"grant_type\":"
                               "\"client_credentials\",\"token_endpoint\":\"%1\",\"client_id\":\"basic-client\","
                               "\"client_secret\":\"env.TB_CONTRACT_SECRET\",\"raw_basic_credentials\":\"true\"}}]}]}")
                    .arg(endpoint())
                    .toUtf8());
        f.close();
        const Run workspace = cli({QStringLiteral("token"), path}, {{QStringLiteral("TB_CONTRACT_SECRET"), QStringLiteral("basic-secret")}});
        QVERIFY2(workspace.exitCode == 0, workspace.err.constData());
        QVERIFY2(workspace.err.contains("Couper always form-encodes"), workspace.err.constData());

        const Run flags = cli({QStringLiteral("token"), QStringLiteral("--token-endpoint"), endpoint(), QStringLiteral("--client-id"),
                               QStringLiteral("basic-client"), QStringLiteral("--client-secret"), QStringLiteral("env:S"),
                               QStringLiteral("--raw-basic-credentials")},
                              {{QStringLiteral("S"), QStringLiteral("basic-secret")}});
        QVERIFY2(flags.exitCode == 0, flags.err.constData());
        QVERIFY2(!flags.err.contains("Couper"), flags.err.constData());
    }

    void clientSecretJwt_withoutAlgorithm_signsWithHS256AndSaysSoOnce()
    {
        const Run r = cli({QStringLiteral("token"), QStringLiteral("--token-endpoint"), endpoint(), QStringLiteral("--client-id"),
                           QStringLiteral("hs-client"), QStringLiteral("--client-secret"), QStringLiteral("env:HS"),
                           QStringLiteral("--token-endpoint-auth-method"), QStringLiteral("client_secret_jwt"),
                           QStringLiteral("--json"), QStringLiteral("--reveal")},
                          {{QStringLiteral("HS"),
                            QStringLiteral("hs-client-secret-0123456789abcdef0123456789abcdef0123456789abcdef")}});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.err.count("HS256"), 1);
        const QString body = firstRequest(r.out).value(QStringLiteral("body")).toString();
        QVERIFY2(body.startsWith(QStringLiteral("client_assertion=")), qPrintable(body));
        const QByteArray assertion = body.section(u'&', 0, 0).section(u'=', 1).toLatin1();
        const QJsonObject header = QJsonDocument::fromJson(QByteArray::fromBase64(assertion.split('.').value(0),
                                                                                  QByteArray::Base64UrlEncoding))
                                       .object();
        QCOMPARE(header.value(QStringLiteral("alg")).toString(), QStringLiteral("HS256"));
    }

    void missingSigningSetting_namesTheFlag()
    {
        const Run r = cli({QStringLiteral("token"), QStringLiteral("--token-endpoint"), endpoint(), QStringLiteral("--client-id"),
                           QStringLiteral("jwt-client"), QStringLiteral("--token-endpoint-auth-method"),
                           QStringLiteral("private_key_jwt"), QStringLiteral("--signature-algorithm"), QStringLiteral("ES256")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--key-file"), r.err.constData());
    }

    void severalTokenRequests_withoutRequest_runsTheDefaultOne()
    {
        RawHttpServer service;
        QVERIFY(service.listen());
        service.setBehaviour([](QTcpSocket* socket, const QByteArray& request) {
            const QByteArray path = request.split(' ').value(1);
            answer(socket, 200, "{\"t\":\"token-from-" + path.mid(1) + "\"}");
        });
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("couper.hcl"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("definitions {\n"
                               "  backend \"api\" {\n"
                               "    beta_token_request \"other\" {\n"
                               "      url   = \"%1/other\"\n"
                               "      token = beta_token_response.json_body.t\n"
                               "      ttl   = \"60s\"\n"
                               "    }\n"
                               "    beta_token_request {\n"
                               "      url   = \"%1/default\"\n"
                               "      token = beta_token_response.json_body.t\n"
                               "      ttl   = \"60s\"\n"
                               "    }\n"
                               "  }\n"
                               "}\n")
                    .arg(service.url(QStringLiteral("/")).toString().chopped(1))
                    .toUtf8());
        f.close();
        const Run r = cli({QStringLiteral("token"), path});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out.trimmed(), QByteArray("token-from-default"));
        const Run other = cli({QStringLiteral("token"), path, QStringLiteral("--request"), QStringLiteral("other")});
        QVERIFY2(other.exitCode == 0, other.err.constData());
        QCOMPARE(other.out.trimmed(), QByteArray("token-from-other"));
    }

    // The token backend flags are written into the token backend's block (issue 14: the CLI plans from the
    // blocks like the GUI): a Couper file's own set_request_headers and the flags both apply, and values with
    // HCL's special characters (template sequences, quotes, backslashes) are sent as typed.
    void tokenBackendFlags_goIntoTheBlock_valuesSentAsTyped()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour([](QTcpSocket* socket, const QByteArray&) {
            answer(socket, 200, R"({"access_token":"flagged","token_type":"Bearer","expires_in":60})");
        });
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("flags.hcl"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("definitions {\n  backend \"be\" {\n    oauth2 {\n"
                               "      token_endpoint = \"%1\"\n      grant_type = \"client_credentials\"\n"
                               "      client_id = \"c\"\n      client_secret = env.FLAGS_SECRET\n"
                               "      backend {\n        set_request_headers = { x-from-file = \"f\" }\n      }\n"
                               "    }\n  }\n}\n")
                    .arg(server.url(QStringLiteral("/token")).toString())
                    .toUtf8());
        f.close();
        const Run r = cli({QStringLiteral("token"), path, QStringLiteral("--header"),
                           QStringLiteral("X-Tmpl: ${not.a.template} %{x} \"q\" \\back"), QStringLiteral("--form"),
                           QStringLiteral("extra=a&b=c")},
                          {{QStringLiteral("FLAGS_SECRET"), QStringLiteral("flags-secret-value")}});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(server.requests().size(), 1);
        const QByteArray wire = server.requests().constFirst();
        QVERIFY2(wire.contains("\r\nX-From-File: f\r\n"), wire.constData());
        QVERIFY2(wire.contains("\r\nX-Tmpl: ${not.a.template} %{x} \"q\" \\back\r\n"), wire.constData());
        QVERIFY2(wire.contains("extra=a%26b%3Dc"), wire.constData());
    }

    void failedResourceCheck_exit4_jsonErrorSaysWhy()
    {
        RawHttpServer resource;
        QVERIFY(resource.listen());
        resource.setBehaviour(RawHttpServer::respond(403, "application/json", "{\"message\":\"forbidden\"}"));
        const Run r = cli({QStringLiteral("token"), QStringLiteral("--token-endpoint"), endpoint(), QStringLiteral("--client-id"),
                           QStringLiteral("basic-client"), QStringLiteral("--client-secret"), QStringLiteral("env:S"),
                           QStringLiteral("--resource"), resource.url(QStringLiteral("/api")).toString(),
                           QStringLiteral("--json")},
                          {{QStringLiteral("S"), QStringLiteral("basic-secret")}});
        QCOMPARE(r.exitCode, 4);
        const QJsonObject error = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("error")).toObject();
        QVERIFY2(!error.isEmpty(), r.out.constData());
        QCOMPARE(error.value(QStringLiteral("exit_code")).toInt(), 4);
        QCOMPARE(error.value(QStringLiteral("kind")).toString(), QStringLiteral("resource_refused"));
        QCOMPARE(error.value(QStringLiteral("status")).toInt(), 403);
    }

    void invalidIdToken_exit6_errorSaysWhy_noTokenOnStdout()
    {
        // A device flow whose ID token names this server as issuer, which has no keys to verify it with.
        RawHttpServer as;
        QVERIFY(as.listen());
        const QByteArray issuer = as.url(QStringLiteral("/")).toString().chopped(1).toUtf8();
        const QByteArray idToken = b64url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + '.' +
                                   b64url("{\"iss\":\"" + issuer + "\",\"aud\":\"dev\",\"sub\":\"u\",\"exp\":4102444800,\"iat\":1}") +
                                   '.' + b64url("not-a-signature");
        as.setBehaviour([idToken](QTcpSocket* socket, const QByteArray& request) {
            const QByteArray path = request.split(' ').value(1);
            if (path == "/device")
                answer(socket, 200, "{\"device_code\":\"dc\",\"user_code\":\"UC-1\",\"verification_uri\":"
                                    "\"https://example.test/d\",\"expires_in\":60,\"interval\":1}");
            else if (path == "/token")
                answer(socket, 200, "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"id_token\":\"" + idToken + "\"}");
            else
                answer(socket, 404, "{}");
        });
        const QStringList args = {QStringLiteral("token"), QStringLiteral("--token-endpoint"), as.url(QStringLiteral("/token")).toString(),
                                  QStringLiteral("--device-authorization-endpoint"), as.url(QStringLiteral("/device")).toString(),
                                  QStringLiteral("--client-id"), QStringLiteral("dev"),
                                  QStringLiteral("--token-endpoint-auth-method"), QStringLiteral("none")};
        const Run plain = cli(args);
        QCOMPARE(plain.exitCode, 6);
        QVERIFY2(!plain.out.contains("at-1"), plain.out.constData());
        QVERIFY2(plain.err.contains("id_token: not verified"), plain.err.constData());

        const Run json = cli(args + QStringList{QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 6);
        const QJsonObject o = QJsonDocument::fromJson(json.out).object();
        const QJsonObject error = o.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("exit_code")).toInt(), 6);
        QCOMPARE(error.value(QStringLiteral("kind")).toString(), QStringLiteral("invalid_id_token"));
        QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
        const QJsonObject checks = o.value(QStringLiteral("id_token_checks")).toObject();
        QCOMPARE(checks.value(QStringLiteral("valid")).toBool(true), false);
        QVERIFY2(!checks.value(QStringLiteral("error")).toString().isEmpty(), json.out.constData());
    }

    void browserTimeout_expires_mentionsTheRedirectUri()
    {
        const Run r = cli({QStringLiteral("token"), QStringLiteral("--token-endpoint"), endpoint(),
                           QStringLiteral("--authorization-endpoint"), m_server.issuer().toString() + QStringLiteral("/auth"),
                           QStringLiteral("--client-id"), QStringLiteral("app-client"), QStringLiteral("--client-secret"),
                           QStringLiteral("env:S"), QStringLiteral("--no-browser"), QStringLiteral("--browser-timeout"),
                           QStringLiteral("1s")},
                          {{QStringLiteral("S"), QStringLiteral("app-secret")}});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("no redirect from the browser within 1 s"), r.err.constData());
        QVERIFY2(r.err.contains("rejected the redirect URI http://127.0.0.1:"), r.err.constData());
        const Run bad = cli({QStringLiteral("token"), QStringLiteral("--token-endpoint"), endpoint(),
                             QStringLiteral("--client-id"), QStringLiteral("basic-client"), QStringLiteral("--client-secret"),
                             QStringLiteral("env:S"), QStringLiteral("--browser-timeout"), QStringLiteral("soon")},
                            {{QStringLiteral("S"), QStringLiteral("basic-secret")}});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("--browser-timeout"), bad.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliContract)
#include "tst_clicontract.moc"
