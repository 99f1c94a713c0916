// The curl-command and .http importers: shell quoting as bash reads it, curl's options, clear errors.
#include <QTest>

#include "export/couperexporter.h"
#include "export/curlimport.h"
#include "export/shellwords.h"
#include "model/schema.h"
#include "util/testsupport.h"

using namespace Tokenbench::Core;
using namespace Tokenbench::Core::Export;

namespace {

// High entropy, so that it also looks like a credential by its shape.
const QString Canary = QStringLiteral("Cnry7Qx9Lm2Vb8Zt4Kp6Wd3");

bool blockHolds(const Block& b, const QString& needle)
{
    for (auto it = b.attributes.cbegin(); it != b.attributes.cend(); ++it) {
        if (it.value().contains(needle))
            return true;
    }
    for (const Block& c : b.blocks) {
        if (blockHolds(c, needle))
            return true;
    }
    return false;
}

} // namespace

class TestCurlImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void split_quotesAsBash_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("single") << QStringLiteral("a 'b c' d") << QStringList{QStringLiteral("a"), QStringLiteral("b c"), QStringLiteral("d")};
        QTest::newRow("double-escapes") << QStringLiteral("\"a \\\"b\\\" \\$x \\n\"")
                                        << QStringList{QStringLiteral("a \"b\" $x \\n")};
        QTest::newRow("ansi-c") << QStringLiteral("$'it\\'s\\x41\\n\\u00e9'") << QStringList{QStringLiteral("it'sA\n\u00e9")};
        QTest::newRow("ansi-c-utf8-bytes") << QStringLiteral("$'\\xc3\\xa9'") << QStringList{QStringLiteral("\u00e9")};
        QTest::newRow("continuation") << QStringLiteral("curl \\\n  -H x \\\r\n  y") << QStringList{QStringLiteral("curl"), QStringLiteral("-H"), QStringLiteral("x"), QStringLiteral("y")};
        QTest::newRow("adjacent") << QStringLiteral("a'b'\"c\"d") << QStringList{QStringLiteral("abcd")};
        QTest::newRow("empty-word") << QStringLiteral("a '' b") << QStringList{QStringLiteral("a"), QString(), QStringLiteral("b")};
        QTest::newRow("quote-roundtrip") << Shell::quote(QStringLiteral("it's $x")) << QStringList{QStringLiteral("it's $x")};
    }

    void split_quotesAsBash()
    {
        QFETCH(QString, command);
        QFETCH(QStringList, words);
        auto r = Shell::split(command);
        QVERIFY(r.ok());
        QCOMPARE(r.value(), words);
    }

    void split_unterminated_isAnErrorWithPosition()
    {
        auto r = Shell::split(QStringLiteral("curl 'abc"));
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral("character 6")));
        QVERIFY(!Shell::split(QStringLiteral("curl \"abc")).ok());
        QVERIFY(!Shell::split(QStringLiteral("curl $'abc")).ok());
    }

    void curl_readsTheRequest()
    {
        auto r = parseCurlCommand(QStringLiteral(
            "curl -sSL -XPOST 'https://as.example.com/token?x=1' -H 'Accept: application/json' -HX-Trace:1 "
            "--data-urlencode 'scope=a b' -d grant_type=client_credentials --user 'id:pa:ss' --frobnicate"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->method, QByteArray("POST"));
        QCOMPARE(r->url, QStringLiteral("https://as.example.com/token?x=1"));
        QCOMPARE(r->headers.size(), 2);
        QCOMPARE(r->headers.at(1).name, QByteArray("X-Trace"));
        QCOMPARE(r->body, QByteArray("scope=a+b&grant_type=client_credentials"));
        QCOMPARE(r->user, QStringLiteral("id"));
        QCOMPARE(r->password, QStringLiteral("pa:ss"));
        QCOMPARE(r->warnings, QStringList{QStringLiteral("unknown curl option --frobnicate was ignored")});
    }

    void curl_getAndDefaults()
    {
        auto r = parseCurlCommand(QStringLiteral("curl -G example.com/x -d a=1"));
        QVERIFY(r.ok());
        QCOMPARE(r->method, QByteArray("GET"));
        QCOMPARE(r->url, QStringLiteral("http://example.com/x?a=1"));
        QVERIFY(r->body.isEmpty());
    }

    void curl_badInput_givesClearErrors_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QString() << QStringLiteral("empty");
        QTest::newRow("not-curl") << QStringLiteral("wget http://x") << QStringLiteral("not a curl command");
        QTest::newRow("no-url") << QStringLiteral("curl -H 'a: b'") << QStringLiteral("no URL");
        QTest::newRow("missing-value") << QStringLiteral("curl http://x -H") << QStringLiteral("-H needs a value");
        QTest::newRow("cmd") << QStringLiteral("curl ^\n  http://x") << QStringLiteral("Windows cmd");
        QTest::newRow("unterminated") << QStringLiteral("curl 'http://x") << QStringLiteral("unterminated");
    }

    void curl_badInput_givesClearErrors()
    {
        QFETCH(QString, command);
        QFETCH(QString, message);
        auto r = parseCurlCommand(command);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
    }

    void curl_fileData_isAWarning()
    {
        auto r = parseCurlCommand(QStringLiteral("curl http://x/token -d @body.txt -F 'file=@a.bin'"));
        QVERIFY(r.ok());
        QCOMPARE(r->warnings.size(), 2);
    }

    void import_oauth2_movesSecretsToReferences()
    {
        auto r = parseCurlCommand(QStringLiteral("curl https://as/token -d grant_type=password -d username=alice "
                                                 "--data-urlencode 'password=p@ss word' -d client_id=app -d client_secret=s3cr3t "
                                                 "-d 'scope=read write' -H 'X-Custom: 1'"));
        QVERIFY(r.ok());
        auto i = importRequest(r.value(), QStringLiteral("billing"));
        QVERIFY(i.ok());
        QVERIFY(i->oauth2);
        const Block* o = i->backend.child(BlockType::OAuth2);
        QVERIFY(o);
        QCOMPARE(o->attribute(QStringLiteral("grant_type")), Schema::Grant::Password);
        QCOMPARE(o->attribute(QStringLiteral("token_endpoint_auth_method")), Schema::AuthMethod::Post);
        QCOMPARE(o->attribute(QStringLiteral("username")), QStringLiteral("alice"));
        QCOMPARE(o->attribute(QStringLiteral("password")), QStringLiteral("env.BILLING_PASSWORD"));
        QCOMPARE(o->attribute(QStringLiteral("client_secret")), QStringLiteral("env.BILLING_CLIENT_SECRET"));
        QCOMPARE(o->attribute(QStringLiteral("scope")), QStringLiteral("read write"));
        QCOMPARE(i->secrets, (QList<QPair<QString, QString>>{{QStringLiteral("BILLING_PASSWORD"), QStringLiteral("p@ss word")},
                                                              {QStringLiteral("BILLING_CLIENT_SECRET"), QStringLiteral("s3cr3t")}}));
        QVERIFY(i->warnings.join(u'\n').contains(QStringLiteral("header X-Custom was left out")));
    }

    void import_notOAuth_isABetaTokenRequest()
    {
        auto r = parseCurlCommand(QStringLiteral("curl https://as/login -H 'Content-Type: application/json' -H 'x-api-key: k3y' "
                                                 "--data-raw '{\"user\":\"u\",\"password\":\"pw\",\"n\":2}'"));
        QVERIFY(r.ok());
        auto i = importRequest(r.value(), QStringLiteral("b"));
        QVERIFY(i.ok());
        QVERIFY(!i->oauth2);
        const Block* t = i->backend.child(QStringLiteral("beta_token_request"));
        QVERIFY(t);
        QVERIFY(t->attribute(QStringLiteral("headers")).contains(QStringLiteral("x-api-key = env.B_X_API_KEY")));
        QVERIFY(t->attribute(QStringLiteral("json_body")).contains(QStringLiteral("password = env.B_PASSWORD")));
        QVERIFY(t->attribute(QStringLiteral("json_body")).contains(QStringLiteral("n = 2")));
        QVERIFY(!t->attribute(QStringLiteral("json_body")).contains(QStringLiteral("pw")));
        QCOMPARE(i->secrets.size(), 2);
    }

    void import_everyCredentialForm_becomesAReference_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("command");
        QTest::addColumn<bool>("imported"); // the credential is one the request needs (else: left out)
        const QString c = Canary;
        QTest::newRow("-u") << "curl" << QStringLiteral("curl -u id:%1 https://as/token -d grant_type=client_credentials").arg(c) << true;
        QTest::newRow("-u-beta") << "curl" << QStringLiteral("curl -u id:%1 https://as/login").arg(c) << true;
        QTest::newRow("userinfo") << "curl" << QStringLiteral("curl https://id:%1@as/token -d grant_type=client_credentials").arg(c) << true;
        QTest::newRow("userinfo-beta") << "curl" << QStringLiteral("curl https://id:%1@as/login").arg(c) << true;
        QTest::newRow("query-client_secret") << "curl" << QStringLiteral("curl 'https://as/token?client_secret=%1' -d grant_type=client_credentials -d client_id=app").arg(c) << true;
        QTest::newRow("query-api_key") << "curl" << QStringLiteral("curl 'https://as/token?api_key=%1&tenant=a' -d grant_type=client_credentials").arg(c) << true;
        QTest::newRow("query-get") << "curl" << QStringLiteral("curl 'https://as/login?access_token=%1'").arg(c) << true;
        QTest::newRow("-d-api_key") << "curl" << QStringLiteral("curl https://as/token -d grant_type=client_credentials -d client_id=app -d api_key=%1").arg(c) << true;
        QTest::newRow("-d-api_key-beta") << "curl" << QStringLiteral("curl https://as/login -d user=u -d api_key=%1").arg(c) << true;
        QTest::newRow("-G-api_key") << "curl" << QStringLiteral("curl -G https://as/login -d api_key=%1").arg(c) << true;
        QTest::newRow("--oauth2-bearer") << "curl" << QStringLiteral("curl --oauth2-bearer %1 https://as/login").arg(c) << true;
        QTest::newRow("--pass") << "curl" << QStringLiteral("curl --key k.pem --pass %1 https://as/token -d grant_type=client_credentials").arg(c) << false;
        QTest::newRow("-U") << "curl" << QStringLiteral("curl -U proxy:%1 https://as/token -d grant_type=client_credentials").arg(c) << false;
        QTest::newRow("-Uattached") << "curl" << QStringLiteral("curl -Uproxy:%1 https://as/token -d grant_type=client_credentials").arg(c) << false;
        QTest::newRow("--proxy-user") << "curl" << QStringLiteral("curl --proxy-user=proxy:%1 https://as/token -d grant_type=client_credentials").arg(c) << false;
        QTest::newRow("--json") << "curl" << QStringLiteral("curl --json '{\"user\":\"u\",\"auth\":{\"password\":\"%1\"},\"n\":[1,2]}' https://as/login").arg(c) << true;
        QTest::newRow("--json-shape") << "curl" << QStringLiteral("curl --json '{\"user\":\"u\",\"opaque\":\"%1\"}' https://as/login").arg(c) << true;
        QTest::newRow("--url-query-client_secret") << "curl" << QStringLiteral("curl --url-query client_secret=%1 https://as/token -d grant_type=client_credentials -d client_id=app").arg(c) << true;
        QTest::newRow("--url-query-api_key") << "curl" << QStringLiteral("curl --url-query api_key=%1 https://as/token -d grant_type=client_credentials").arg(c) << true;
        QTest::newRow("-H-bearer") << "curl" << QStringLiteral("curl -H 'Authorization: Bearer %1' https://as/login").arg(c) << true;
        QTest::newRow("-H-bearer-oauth2") << "curl" << QStringLiteral("curl -H 'Authorization: Bearer %1' https://as/token -d grant_type=client_credentials -d client_id=a").arg(c) << false;
        QTest::newRow("-H-custom") << "curl" << QStringLiteral("curl -H 'X-Service-Credential: %1' https://as/login").arg(c) << true;
        QTest::newRow("-H-malformed") << "curl" << QStringLiteral("curl -H 'Authorization Bearer %1' https://as/login").arg(c) << false;
        QTest::newRow("-b") << "curl" << QStringLiteral("curl -b 'session=%1' https://as/login").arg(c) << true;
        QTest::newRow("--cookie") << "curl" << QStringLiteral("curl --cookie 'session=%1' https://as/login").arg(c) << true;
        QTest::newRow("-F-malformed") << "curl" << QStringLiteral("curl -F '%1' https://as/login").arg(c) << false;
        QTest::newRow("unknown-option-value") << "curl" << QStringLiteral("curl --frobnicate %1 https://as/login").arg(c) << false;
        QTest::newRow("unknown-short-attached") << "curl" << QStringLiteral("curl -@%1 https://as/login").arg(c) << false;
        QTest::newRow("raw-body") << "curl" << QStringLiteral("curl -H 'Content-Type: text/plain' --data-raw %1 https://as/login").arg(c) << true;
        QTest::newRow("http-userinfo") << "http" << QStringLiteral("POST https://id:%1@as/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n").arg(c) << true;
        QTest::newRow("http-query") << "http" << QStringLiteral("GET https://as/login?api_key=%1\n").arg(c) << true;
        QTest::newRow("http-header") << "http" << QStringLiteral("GET https://as/login\nX-Api-Key: %1\n").arg(c) << true;
        QTest::newRow("http-bad-line") << "http" << QStringLiteral("FETCH https://as/login?api_key=%1 now\n").arg(c) << false;
    }

    // Issue 13 item 5: the value is in `secrets` (for the keychain or the environment), never in the block,
    // the Couper text, a warning or an error.
    void import_everyCredentialForm_becomesAReference()
    {
        QFETCH(QString, kind);
        QFETCH(QString, command);
        QFETCH(bool, imported);
        auto r = kind == u"curl" ? parseCurlCommand(command) : parseHttpFile(command);
        if (!r.ok()) {
            QVERIFY2(!r.error().message.contains(Canary), qPrintable(r.error().message));
            QVERIFY(!imported);
            return;
        }
        for (const QString& w : std::as_const(r->warnings))
            QVERIFY2(!w.contains(Canary), qPrintable(w));
        QVERIFY2(!r->url.contains(Canary) || r->url.contains(QStringLiteral("?")), qPrintable(r->url));
        auto i = importRequest(r.value(), QStringLiteral("imp"));
        QVERIFY(i.ok());
        for (const QString& w : std::as_const(i->warnings))
            QVERIFY2(!w.contains(Canary), qPrintable(w));
        QVERIFY(!blockHolds(i->backend, Canary));
        ExportInput in;
        in.backend = i->backend;
        auto hcl = CouperExporter().exportBackend(in);
        QVERIFY(hcl.ok());
        QVERIFY2(!hcl->text.contains(Canary), qPrintable(hcl->text));
        for (const QString& n : std::as_const(hcl->notes))
            QVERIFY2(!n.contains(Canary), qPrintable(n));
        bool inSecrets = false;
        for (const auto& [name, value] : std::as_const(i->secrets)) {
            QVERIFY2(hcl->text.contains(QStringLiteral("env.") + name), qPrintable(name));
            inSecrets = inSecrets || value.contains(Canary) ||
                        QByteArray::fromBase64(value.section(u' ', 1).toLatin1()).contains(Canary.toLatin1());
        }
        QCOMPARE(inSecrets, imported);
    }

    void import_queryClientSecret_isSentInTheBody()
    {
        auto r = parseCurlCommand(QStringLiteral("curl 'https://as/token?client_secret=s3cr3t-value&x=1' -d grant_type=client_credentials -d client_id=app"));
        QVERIFY(r.ok());
        auto i = importRequest(r.value(), QStringLiteral("b"));
        QVERIFY(i.ok());
        QVERIFY(i->oauth2);
        const Block* o = i->backend.child(BlockType::OAuth2);
        QCOMPARE(o->attribute(QStringLiteral("token_endpoint")), QStringLiteral("https://as/token?x=1"));
        QCOMPARE(o->attribute(QStringLiteral("client_secret")), QStringLiteral("env.B_CLIENT_SECRET"));
        QCOMPARE(o->attribute(QStringLiteral("token_endpoint_auth_method")), Schema::AuthMethod::Post);
        QVERIFY(i->warnings.join(u'\n').contains(QStringLiteral("client_secret_post")));
        // Other credentials in the query: a beta_token_request reading them from env.
        r = parseCurlCommand(QStringLiteral("curl 'https://as/token?api_key=k-value-1234&x=1' -d grant_type=client_credentials"));
        i = importRequest(r.value(), QStringLiteral("b"));
        QVERIFY(!i->oauth2);
        const Block* t = i->backend.child(QStringLiteral("beta_token_request"));
        QCOMPARE(t->attribute(QStringLiteral("url")), QStringLiteral("\"https://as/token?x=1\""));
        QVERIFY(t->attribute(QStringLiteral("query_params")).contains(QStringLiteral("api_key = env.B_API_KEY")));
    }

    void import_urlUserinfo_isBasicCredentials()
    {
        auto r = parseCurlCommand(QStringLiteral("curl https://app:pa%3Ass@as/token -d grant_type=client_credentials"));
        QVERIFY(r.ok());
        QCOMPARE(r->url, QStringLiteral("https://as/token"));
        QCOMPARE(r->user, QStringLiteral("app"));
        QCOMPARE(r->password, QStringLiteral("pa:ss"));
        auto i = importRequest(r.value(), QStringLiteral("b"));
        QCOMPARE(i->backend.child(BlockType::OAuth2)->attribute(QStringLiteral("client_id")), QStringLiteral("app"));
        QCOMPARE(i->backend.child(BlockType::OAuth2)->attribute(QStringLiteral("client_secret")), QStringLiteral("env.B_CLIENT_SECRET"));
    }

    void import_jsonFlag_setsJsonBody()
    {
        auto r = parseCurlCommand(QStringLiteral("curl --json '{\"a\":1}' https://as/login"));
        QVERIFY(r.ok());
        QCOMPARE(r->method, QByteArray("POST"));
        QCOMPARE(r->body, QByteArray("{\"a\":1}"));
        QVERIFY(!r->bodyIsForm);
        auto i = importRequest(r.value(), QStringLiteral("b"));
        QVERIFY(i->backend.child(QStringLiteral("beta_token_request"))->attribute(QStringLiteral("json_body")).contains(QStringLiteral("a = 1")));
    }

    void curl_urlIsTheArgumentWithAScheme()
    {
        auto r = parseCurlCommand(QStringLiteral("curl --frobnicate value https://as.example/token"));
        QVERIFY(r.ok());
        QCOMPARE(r->url, QStringLiteral("https://as.example/token"));
    }

    void http_readsTheFirstRequest()
    {
        auto r = parseHttpFile(QStringLiteral("# comment\n@host = as.example.com\n\n### Token\nPOST https://{{host}}/token HTTP/1.1\n"
                                              "Content-Type: application/x-www-form-urlencoded\n"
                                              "Authorization: Basic app {{APP_SECRET}}\n\ngrant_type=client_credentials\n\n### next\nGET /x\n"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->url, QStringLiteral("https://as.example.com/token"));
        QCOMPARE(r->body, QByteArray("grant_type=client_credentials"));
        auto i = importRequest(r.value(), QStringLiteral("x"));
        QVERIFY(i.ok());
        QCOMPARE(i->backend.child(BlockType::OAuth2)->attribute(QStringLiteral("client_secret")), QStringLiteral("env.APP_SECRET"));
        QVERIFY(i->secrets.isEmpty());
        QVERIFY(!parseHttpFile(QStringLiteral("# nothing\n")).ok());
        QVERIFY(!parseHttpFile(QStringLiteral("FETCH it now please\n")).ok());
    }
};

QTEST_GUILESS_MAIN(TestCurlImport)
#include "tst_curlimport.moc"
