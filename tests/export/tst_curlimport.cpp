// The curl-command and .http importers: shell quoting as bash reads it, curl's options, clear errors.
#include <QTest>

#include "export/curlimport.h"
#include "export/shellwords.h"
#include "model/schema.h"
#include "util/testsupport.h"

using namespace Tokenbench::Core;
using namespace Tokenbench::Core::Export;

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
