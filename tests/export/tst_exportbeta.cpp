// Issue 15 items 8 and 12: the curl, .http and oauth2c exports of a beta_token_request. The curl script runs
// with bash (and sh) against a real oidc-provider and against real socket servers that answer the token in
// a JSON path, the plain body, a header or a cookie; its printed token and exit codes are asserted. Secrets
// typed in the request's maps are never in the text.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "export/exporter.h"
#include "model/block.h"
#include "model/valueresolver.h"
#include "util/authserver.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

using namespace Tokenbench;
using namespace Tokenbench::Core;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Block betaBackend(const QString& label, const QHash<QString, QString>& attributes, const QString& requestLabel = {})
{
    Block b{BlockType::Backend, label, {}, {}};
    Block tr{QStringLiteral("beta_token_request"), requestLabel, {}, {}};
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it)
        tr.setAttribute(it.key(), it.value());
    if (!tr.hasAttribute(QStringLiteral("ttl")))
        tr.setAttribute(QStringLiteral("ttl"), QStringLiteral("\"60s\""));
    b.blocks.append(tr);
    return b;
}

QString quoted(const QString& s)
{
    return u'"' + s + u'"';
}

} // namespace

class TestExportBeta : public QObject
{
    Q_OBJECT

    Test::AuthServer m_server;
    QTemporaryDir m_dir;

    QString write(const QString& name, const QString& text)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(text.toUtf8());
        return path;
    }

    static Result<Export::ExportOutput> exportAs(const QString& format, const Block& backend, const QString& resource = {})
    {
        Export::ExportInput input;
        input.backend = backend;
        input.backends = {backend};
        input.resourceUrl = resource;
        return Export::exporterFor(format)->exportBackend(input);
    }

    // Runs a script asynchronously (the socket servers answer from this event loop).
    static Run runScript(const QString& shell, const QString& script, const QHash<QString, QString>& env)
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.remove(QStringLiteral("RESOURCE_URL"));
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            e.insert(it.key(), it.value());
        p.setProcessEnvironment(e);
        QSignalSpy done(&p, &QProcess::finished);
        p.start(shell, {script});
        Run r;
        if (!done.wait(60000)) {
            p.kill();
            p.waitForFinished();
            r.err = "timed out";
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::initTestEnvironment();
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void curl_formBodyAgainstOidcProvider_printsTheToken_secretIsAVariable_data()
    {
        QTest::addColumn<QString>("shell");
        QTest::newRow("bash") << QStringLiteral("bash");
        QTest::newRow("sh") << QStringLiteral("sh");
    }

    // The secret typed in clear in form_body becomes a variable (item 8); the script gets a real token from
    // oidc-provider and prints it (item 12).
    void curl_formBodyAgainstOidcProvider_printsTheToken_secretIsAVariable()
    {
        QFETCH(QString, shell);
        const Block backend = betaBackend(
            QStringLiteral("login"),
            {{QStringLiteral("url"), quoted(m_server.tokenEndpoint().toString())},
             {QStringLiteral("form_body"),
              QStringLiteral("{\n  grant_type = \"client_credentials\"\n  client_id = \"post-client\"\n"
                             "  client_secret = \"post-secret\"\n  scope = \"api:read\"\n}")},
             {QStringLiteral("token"), QStringLiteral("beta_token_response.json_body.access_token")}});
        const auto out = exportAs(QStringLiteral("curl"), backend);
        QVERIFY2(out.ok(), out ? "" : qPrintable(out.error().message));
        QVERIFY2(!out->text.contains(QStringLiteral("post-secret")), qPrintable(out->text));
        QCOMPARE(out->variableNames(), QStringList{QStringLiteral("LOGIN_CLIENT_SECRET")});
        QVERIFY(out->variables.constFirst().secret);
        const QString script = write(QStringLiteral("login.sh"), out->text);
        const Run missing = runScript(shell, script, {});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains("set LOGIN_CLIENT_SECRET"), missing.err.constData());
        const Run run = runScript(shell, script, {{QStringLiteral("LOGIN_CLIENT_SECRET"), QStringLiteral("post-secret")}});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QByteArray token = run.out.trimmed();
        QVERIFY2(token.size() > 20 && !token.contains('\n') && !token.contains('{'), run.out.constData());
        // A wrong secret: oidc-provider answers 401 with an error object, which has no access_token.
        const Run wrong = runScript(shell, script, {{QStringLiteral("LOGIN_CLIENT_SECRET"), QStringLiteral("nope")}});
        QCOMPARE(wrong.exitCode, 5);
        QVERIFY2(wrong.err.contains("HTTP 401"), wrong.err.constData());
        QVERIFY(wrong.out.isEmpty());
    }

    void curl_tokenExtractions_printExactlyTheToken_data()
    {
        QTest::addColumn<QString>("tokenExpression");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("headerName");
        QTest::addColumn<QByteArray>("headerValue");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("json nested path") << QStringLiteral("beta_token_response.json_body.data.tokens[1][\"x-t\"]")
                                          << QByteArray("application/json")
                                          << QByteArray("{\"data\":{\"tokens\":[{\"x-t\":\"a\"},{\"x-t\":\"nested-tok\"}]}}")
                                          << QByteArray() << QByteArray() << QByteArray("nested-tok");
        QTest::newRow("json in a template") << QStringLiteral("\"${beta_token_response.json_body.access_token}\"")
                                            << QByteArray("application/json") << QByteArray("{\"access_token\":\"tmpl-tok\"}")
                                            << QByteArray() << QByteArray() << QByteArray("tmpl-tok");
        QTest::newRow("plain body") << QStringLiteral("beta_token_response.body") << QByteArray("text/plain")
                                    << QByteArray("vault-key-42") << QByteArray() << QByteArray() << QByteArray("vault-key-42");
        QTest::newRow("trimmed body") << QStringLiteral("trim(beta_token_response.body)") << QByteArray("text/plain")
                                      << QByteArray("  spaced-tok \n") << QByteArray() << QByteArray() << QByteArray("spaced-tok");
        QTest::newRow("header") << QStringLiteral("beta_token_response.headers.x-token") << QByteArray("text/plain")
                                << QByteArray("ignored") << QByteArray("X-Token") << QByteArray("hdr-tok")
                                << QByteArray("hdr-tok");
        QTest::newRow("cookie") << QStringLiteral("beta_token_response.cookies.session") << QByteArray("text/plain")
                                << QByteArray("ignored") << QByteArray("Set-Cookie")
                                << QByteArray("session=cookie-tok; Path=/; HttpOnly") << QByteArray("cookie-tok");
    }

    void curl_tokenExtractions_printExactlyTheToken()
    {
        QFETCH(QString, tokenExpression);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, headerName);
        QFETCH(QByteArray, headerValue);
        QFETCH(QByteArray, expected);
        Test::RawHttpServer server;
        QVERIFY(server.listen());
        QList<QPair<QByteArray, QByteArray>> extra;
        if (!headerName.isEmpty())
            extra.append({headerName, headerValue});
        server.setBehaviour(Test::RawHttpServer::respond(200, contentType, body, extra));
        // A relative url against the backend's origin, a header from env.NAME, a query parameter.
        Block backend = betaBackend(QStringLiteral("vault"),
                                    {{QStringLiteral("url"), QStringLiteral("\"/v1/key\"")},
                                     {QStringLiteral("headers"), QStringLiteral("{ x-vault-token = env.VAULT_TOKEN }")},
                                     {QStringLiteral("query_params"), QStringLiteral("{ version = \"2 b\" }")},
                                     {QStringLiteral("token"), tokenExpression}});
        backend.setAttribute(QStringLiteral("origin"), server.url(QString()).toString(QUrl::StripTrailingSlash));
        const auto out = exportAs(QStringLiteral("curl"), backend);
        QVERIFY2(out.ok(), out ? "" : qPrintable(out.error().message));
        const QString script = write(QStringLiteral("vault.sh"), out->text);
        const Run run = runScript(QStringLiteral("bash"), script, {{QStringLiteral("VAULT_TOKEN"), QStringLiteral("hvs.abc")}});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.out, expected + '\n');
        QCOMPARE(server.requests().size(), 1);
        const QByteArray request = server.requests().constFirst();
        QVERIFY2(request.startsWith("GET /v1/key?version=2%20b HTTP/1.1\r\n"), request.constData());
        QVERIFY2(request.contains("\r\nX-Vault-Token: hvs.abc\r\n"), request.constData());
    }

    // The resource is called only when set explicitly; its reply is printed and a non-2xx answer fails.
    void curl_resource_onlyWhenSet_non2xxExits4()
    {
        Test::RawHttpServer tokens;
        QVERIFY(tokens.listen());
        tokens.setBehaviour(Test::RawHttpServer::respond(200, "application/json", "{\"access_token\":\"res-tok\"}"));
        Test::RawHttpServer resource;
        QVERIFY(resource.listen());
        resource.setBehaviour(Test::RawHttpServer::respond(200, "application/json", "{\"items\":[]}"));
        Block backend = betaBackend(QStringLiteral("api"),
                                    {{QStringLiteral("url"), quoted(tokens.url(QStringLiteral("/token")).toString())},
                                     {QStringLiteral("form_body"), QStringLiteral("{ grant_type = \"client_credentials\" }")},
                                     {QStringLiteral("token"), QStringLiteral("beta_token_response.json_body.access_token")}});
        // An origin and path are not a resource URL: without one the token is printed (the old default called
        // origin + path with the token and printed that reply instead).
        backend.setAttribute(QStringLiteral("origin"), tokens.url(QString()).toString(QUrl::StripTrailingSlash));
        backend.setAttribute(QStringLiteral("path"), QStringLiteral("/items"));
        const auto plain = exportAs(QStringLiteral("curl"), backend);
        QVERIFY2(plain.ok(), plain ? "" : qPrintable(plain.error().message));
        const Run token = runScript(QStringLiteral("sh"), write(QStringLiteral("plain.sh"), plain->text), {});
        QVERIFY2(token.exitCode == 0, token.err.constData());
        QCOMPARE(token.out, QByteArray("res-tok\n"));
        QCOMPARE(tokens.requests().size(), 1);
        QVERIFY2(tokens.requests().constFirst().startsWith("POST /token HTTP/1.1\r\n"), tokens.requests().constFirst().constData());

        const auto withResource = exportAs(QStringLiteral("curl"), backend, resource.url(QStringLiteral("/items")).toString());
        QVERIFY(withResource.ok());
        const QString script = write(QStringLiteral("resource.sh"), withResource->text);
        const Run ok = runScript(QStringLiteral("sh"), script, {});
        QVERIFY2(ok.exitCode == 0, ok.err.constData());
        QCOMPARE(ok.out, QByteArray("{\"items\":[]}"));
        QCOMPARE(resource.requests().size(), 1);
        QVERIFY2(resource.requests().constFirst().startsWith("GET /items HTTP/1.1\r\n"), resource.requests().constFirst().constData());
        QVERIFY(resource.requests().constFirst().contains("\r\nAuthorization: Bearer res-tok\r\n"));

        resource.setBehaviour(Test::RawHttpServer::respond(403, "application/json", "{\"error\":\"forbidden\"}"));
        const Run refused = runScript(QStringLiteral("sh"), script, {});
        QCOMPARE(refused.exitCode, 4);
        QVERIFY2(refused.err.contains("answered HTTP 403"), refused.err.constData());

        // RESOURCE_URL in the environment overrides (and an empty one prints the token).
        const Run empty = runScript(QStringLiteral("sh"), script, {{QStringLiteral("RESOURCE_URL"), QString()}});
        QCOMPARE(empty.exitCode, 0);
        QCOMPARE(empty.out, QByteArray("res-tok\n"));
    }

    void curl_expectedStatusAndMissingToken_exitCodes()
    {
        Test::RawHttpServer tokens;
        QVERIFY(tokens.listen());
        tokens.setBehaviour(Test::RawHttpServer::respond(202, "application/json", "{\"other\":\"x\"}"));
        Block backend = betaBackend(QStringLiteral("api"),
                                    {{QStringLiteral("url"), quoted(tokens.url(QStringLiteral("/token")).toString())},
                                     {QStringLiteral("json_body"), QStringLiteral("{ user = \"svc\", password = env.API_PW }")},
                                     {QStringLiteral("expected_status"), QStringLiteral("[200]")},
                                     {QStringLiteral("token"), QStringLiteral("beta_token_response.json_body.access_token")}});
        const auto out = exportAs(QStringLiteral("curl"), backend);
        QVERIFY2(out.ok(), out ? "" : qPrintable(out.error().message));
        const QString script = write(QStringLiteral("status.sh"), out->text);
        const Run unexpected = runScript(QStringLiteral("sh"), script, {{QStringLiteral("API_PW"), QStringLiteral("p\"w\\1")}});
        QCOMPARE(unexpected.exitCode, 4);
        QVERIFY2(unexpected.err.contains("HTTP 202 (expected_status: 200)"), unexpected.err.constData());
        // The JSON body as Couper encodes it (keys sorted), the variable's quote and backslash escaped.
        const QByteArray request = tokens.requests().constFirst();
        QVERIFY2(request.startsWith("POST /token HTTP/1.1\r\n"), request.constData());
        QVERIFY2(request.endsWith("\r\n\r\n{\"password\":\"p\\\"w\\\\1\",\"user\":\"svc\"}"), request.constData());
        QVERIFY(request.contains("\r\nContent-Type: application/json\r\n"));

        tokens.setBehaviour(Test::RawHttpServer::respond(200, "application/json", "{\"other\":\"x\"}"));
        const Run noToken = runScript(QStringLiteral("sh"), script, {{QStringLiteral("API_PW"), QStringLiteral("pw")}});
        QCOMPARE(noToken.exitCode, 5);
        QVERIFY2(noToken.err.contains("beta_token_response.json_body.access_token found nothing"), noToken.err.constData());
    }

    // Without jq on PATH the script says so before sending anything (exit 2).
    void curl_withoutJq_saysSoClearly()
    {
        Test::RawHttpServer tokens;
        QVERIFY(tokens.listen());
        const Block backend = betaBackend(QStringLiteral("api"),
                                          {{QStringLiteral("url"), quoted(tokens.url(QStringLiteral("/token")).toString())},
                                           {QStringLiteral("token"), QStringLiteral("beta_token_response.json_body.token")}});
        const auto out = exportAs(QStringLiteral("curl"), backend);
        QVERIFY(out.ok());
        const QString script = write(QStringLiteral("nojq.sh"), out->text);
        const QString emptyBin = m_dir.filePath(QStringLiteral("empty-bin"));
        QVERIFY(QDir().mkpath(emptyBin));
        const Run run = runScript(QStringLiteral("/bin/sh"), script, {{QStringLiteral("PATH"), emptyBin}});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("needs jq to read the token (beta_token_response.json_body.token)"), run.err.constData());
        QCOMPARE(tokens.requests().size(), 0);
    }

    void export_untranslatableExpression_isRefusedByName_data()
    {
        QTest::addColumn<QString>("attribute");
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("named");
        QTest::newRow("token function") << QStringLiteral("token")
                                        << QStringLiteral("default(beta_token_response.json_body.a, \"x\")")
                                        << QStringLiteral("`default(beta_token_response.json_body.a, \"x\")`");
        QTest::newRow("request header in headers") << QStringLiteral("headers")
                                                   << QStringLiteral("{ x-user = request.headers.x-user }")
                                                   << QStringLiteral("`request.headers.x-user`");
        QTest::newRow("function of env in form_body") << QStringLiteral("form_body")
                                                      << QStringLiteral("{ assertion = base64_encode(env.A) }")
                                                      << QStringLiteral("`base64_encode(env.A)`");
    }

    void export_untranslatableExpression_isRefusedByName()
    {
        QFETCH(QString, attribute);
        QFETCH(QString, expression);
        QFETCH(QString, named);
        QHash<QString, QString> attrs{{QStringLiteral("url"), QStringLiteral("\"https://as.example/token\"")},
                                      {QStringLiteral("token"), QStringLiteral("beta_token_response.json_body.t")}};
        attrs.insert(attribute, expression);
        for (const QString& format : {QStringLiteral("curl"), QStringLiteral("http"), QStringLiteral("oauth2c")}) {
            const auto out = exportAs(format, betaBackend(QStringLiteral("b"), attrs));
            QVERIFY2(!out.ok(), qPrintable(format));
            QVERIFY2(out.error().message.contains(named), qPrintable(out.error().message));
        }
    }

    // .http: the request, its secret as a {{variable}}, and the token reached as the client's response variable.
    void httpFile_betaRequest_secretsAreVariables()
    {
        const Block backend = betaBackend(
            QStringLiteral("shop"),
            {{QStringLiteral("url"), QStringLiteral("\"https://as.example/token\"")},
             {QStringLiteral("headers"), QStringLiteral("{ authorization = \"Basic c2hvcDpodHRwLWNhbmFyeQ==\" }")},
             {QStringLiteral("form_body"), QStringLiteral("{ grant_type = \"client_credentials\", client_secret = \"http-canary-1\" }")},
             {QStringLiteral("token"), QStringLiteral("beta_token_response.json_body.access_token")}});
        const auto out = exportAs(QStringLiteral("http"), backend, QStringLiteral("https://api.example/items"));
        QVERIFY2(out.ok(), out ? "" : qPrintable(out.error().message));
        QVERIFY(!out->text.contains(QStringLiteral("http-canary-1")));
        QVERIFY(!out->text.contains(QStringLiteral("c2hvcDpodHRwLWNhbmFyeQ==")));
        QVERIFY2(out->text.contains(QStringLiteral("\nPOST https://as.example/token\n")), qPrintable(out->text));
        QVERIFY(out->text.contains(QStringLiteral("\nAuthorization: {{SHOP_AUTHORIZATION}}\n")));
        QVERIFY(out->text.contains(QStringLiteral("\nclient_secret={{SHOP_CLIENT_SECRET}}&grant_type=client_credentials\n")));
        QVERIFY(out->text.contains(QStringLiteral("Authorization: Bearer {{token.response.body.$.access_token}}")));
        ValueResolver resolver;
        Export::ExportInput input;
        input.backend = backend;
        QVERIFY(Export::scanForSecrets(out->text, Export::exportedBlocks(input, QStringLiteral("http")), resolver).clean());
    }

    // oauth2c: an OAuth2-shaped token request maps onto its flags (secret as $VAR); anything else is refused.
    void oauth2c_betaRequest_mapsOrRefuses()
    {
        const Block oauth = betaBackend(
            QStringLiteral("shop"),
            {{QStringLiteral("url"), QStringLiteral("\"https://as.example/token\"")},
             {QStringLiteral("form_body"),
              QStringLiteral("{ grant_type = \"client_credentials\", client_id = \"shop\", client_secret = \"o2c-canary-1\", scope = \"a b\" }")},
             {QStringLiteral("token"), QStringLiteral("beta_token_response.json_body.access_token")}});
        const auto out = exportAs(QStringLiteral("oauth2c"), oauth);
        QVERIFY2(out.ok(), out ? "" : qPrintable(out.error().message));
        QVERIFY(!out->text.contains(QStringLiteral("o2c-canary-1")));
        QVERIFY(out->text.contains(QStringLiteral("--client-secret \"$SHOP_CLIENT_SECRET\"")));
        QVERIFY(out->text.contains(QStringLiteral("--auth-method client_secret_post")));
        QVERIFY(out->text.contains(QStringLiteral("--scopes 'a,b'")));
        const Block vault = betaBackend(QStringLiteral("vault"),
                                        {{QStringLiteral("url"), QStringLiteral("\"https://vault.example/v1/key\"")},
                                         {QStringLiteral("token"), QStringLiteral("beta_token_response.body")}});
        const auto refused = exportAs(QStringLiteral("oauth2c"), vault);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("cannot be written as an oauth2c command")),
                 qPrintable(refused.error().message));
        QVERIFY(refused.error().message.contains(QStringLiteral("export it as curl")));
    }
};

QTEST_GUILESS_MAIN(TestExportBeta)
#include "tst_exportbeta.moc"
