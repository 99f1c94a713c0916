#include "trace/redactor.h"
#include "net/formencoding.h"
#include "util/testsupport.h"

#include <cstdio>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Tokenbench::Core;

namespace {

// The canary every by-value test hides: reserved characters, a space and non-ASCII, so that each encoding
// differs from the raw text.
const QByteArray Secret = "s3cr/et+v\"al ue\\\xC3\xA9&=%";

bool leaks(const QByteArray& text, const QByteArray& secret = Secret)
{
    return text.contains(secret) || text.contains(Tokenbench::Core::Form::escape(QString::fromUtf8(secret))) ||
           text.contains(Tokenbench::Core::Form::escape(QString::fromUtf8(secret)).toLower()) ||
           text.contains(QUrl::toPercentEncoding(QString::fromUtf8(secret)));
}

QByteArray jsonString(const QByteArray& value)
{
    const QByteArray doc = QJsonDocument(QJsonArray{QString::fromUtf8(value)}).toJson(QJsonDocument::Compact);
    return doc.mid(2, doc.size() - 4);
}

} // namespace

class TestRedactor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }
    void init() { Redactor::forgetSecretValues(); }

    void headers_authorizationKeepsSchemeOnly()
    {
        const QByteArray v = Redactor::redactHeaderValue("Authorization", "Basic dXNlcjpwYXNz");
        QVERIFY(v.startsWith("Basic [redacted:"));
        QVERIFY(!v.contains("dXNlcjpwYXNz"));
        QCOMPARE(Redactor::redactHeaderValue("Accept", "application/json"), QByteArray("application/json"));
    }

    void fingerprint_distinguishesValues()
    {
        QVERIFY(Redactor::fingerprint("a") != Redactor::fingerprint("b"));
        QCOMPARE(Redactor::fingerprint("a"), Redactor::fingerprint("a"));
    }

    void formBody_everySensitiveFieldIsRedacted()
    {
        const QByteArray body = "client_id=me&client_secret=pass+word&grant_type=password&password=hunter2&scope=a+b&"
                                "assertion=x.y.z&client_assertion=q&code=c&code_verifier=v&refresh_token=r&device_code=d";
        const QByteArray out = Redactor::redactBody(body, "application/x-www-form-urlencoded");
        for (const char* secret : {"pass+word", "hunter2", "x.y.z", "=q&", "code=c&", "=v&", "=r&", "=d"})
            QVERIFY2(!out.contains(secret), secret);
        QVERIFY(out.contains("client_id=me"));
        QVERIFY(out.contains("scope=a+b"));
        QVERIFY(out.contains("grant_type=password"));
    }

    void jsonBody_tokensAreRedactedAtAnyDepth()
    {
        const QByteArray body = R"({"access_token":"AAA","nested":{"id_token":"III"},"list":[{"refresh_token":"RRR"}],"expires_in":60})";
        const QByteArray out = Redactor::redactBody(body, "application/json; charset=utf-8");
        for (const char* secret : {"AAA", "III", "RRR"})
            QVERIFY2(!out.contains(secret), secret);
        QVERIFY(out.contains("\"expires_in\":60"));
    }

    void truncatedJson_isRedactedInTheText()
    {
        // A body cut off for display (or malformed) still hides its secrets, even one cut off at the end.
        const QByteArray cut = "{\"token_type\":\"Bearer\",\"refresh_token\":\"RRR\",\"access_token\":\"AAA-cut-of";
        const QByteArray out = Redactor::redactJsonText(cut);
        QVERIFY(!out.contains("RRR"));
        QVERIFY(!out.contains("AAA-cut-of"));
        QVERIFY(out.contains("\"token_type\":\"Bearer\""));
    }

    void otherBodies_areUnchanged()
    {
        const QByteArray html = "<html><body>password=not a form</body></html>";
        QCOMPARE(Redactor::redactBody(html, "text/html"), html);
    }

    void exchange_redactsUrlQueryToo()
    {
        Exchange e;
        e.url = QUrl(QStringLiteral("http://127.0.0.1/cb?code=SECRETCODE&state=s"));
        e.requestHeaders = {{"Cookie", "sid=abc; theme=dark"}};
        const Exchange r = Redactor::redact(e);
        QVERIFY(!r.url.toString().contains(QStringLiteral("SECRETCODE")));
        QVERIFY(r.url.toString().contains(QStringLiteral("state=s")));
        QVERIFY(!r.requestHeaders.constFirst().value.contains("abc"));
    }

    // ---- item 2: keyed fingerprints --------------------------------------------------------------------------

    void fingerprint_isNotTheUnsaltedSha256()
    {
        const QByteArray sha = QCryptographicHash::hash("password", QCryptographicHash::Sha256).toHex().left(8);
        QVERIFY(Redactor::fingerprint("password") != "[redacted:" + sha + ']');
        QVERIFY(QRegularExpression(QStringLiteral("^\\[redacted:[0-9a-f]{8}\\]$"))
                    .match(QString::fromLatin1(Redactor::fingerprint("password")))
                    .hasMatch());
    }

    void fingerprint_sameWithinProcess_differsAcrossProcesses()
    {
        QCOMPARE(Redactor::fingerprint("password"), Redactor::fingerprint("password"));
        auto other = [] {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("TB_REDACTOR_FINGERPRINT_OF"), QStringLiteral("password"));
            p.setProcessEnvironment(env);
            p.start(QCoreApplication::applicationFilePath(), {});
            if (!p.waitForFinished(60000))
                return QByteArray();
            return p.readAllStandardOutput().trimmed();
        };
        const QByteArray a = other();
        const QByteArray b = other();
        QVERIFY(a.startsWith("[redacted:"));
        QVERIFY(b.startsWith("[redacted:"));
        QVERIFY2(a != b, a.constData());
        QVERIFY(a != Redactor::fingerprint("password"));
    }

    // ---- item 1: by value, in every encoding -------------------------------------------------------------------

    void byValue_everyEncodingIsMasked_data()
    {
        QTest::addColumn<QByteArray>("text");
        const QString s = QString::fromUtf8(Secret);
        QTest::newRow("raw") << QByteArray("echo: " + Secret + " end");
        QTest::newRow("form upper +") << QByteArray("a=1&echo=" + Form::escape(s) + "&b=2");
        QTest::newRow("form lower") << QByteArray("echo=" + Form::escape(s).toLower());
        QTest::newRow("percent %20") << QByteArray("?q=" + QUrl::toPercentEncoding(s));
        QByteArray mixed = Form::escape(s);
        mixed.replace("%2F", "%2f"); // one escape lower-case, the others upper-case
        QTest::newRow("form mixed case") << QByteArray("x=" + mixed);
        QTest::newRow("json") << QByteArray("{\"error_description\":\"bad secret " + jsonString(Secret) + "\"}");
        QByteArray slash = jsonString(Secret);
        slash.replace("/", "\\/");
        QTest::newRow("json \\/") << QByteArray("{\"e\":\"" + slash + "\"}");
        QByteArray ascii = jsonString(Secret);
        ascii.replace("\xC3\xA9", "\\u00e9");
        QTest::newRow("json \\u lower") << QByteArray("{\"e\":\"" + ascii + "\"}");
        ascii.replace("\\u00e9", "\\u00E9");
        QTest::newRow("json \\u upper") << QByteArray("{\"e\":\"" + ascii + "\"}");
        QTest::newRow("base64") << QByteArray("data " + Secret.toBase64() + " end");
        QTest::newRow("base64url") << QByteArray("data " + Secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        for (int k = 1; k < 3; ++k) {
            QTest::addRow("base64 inside, offset %d", k) << QByteArray("b " + QByteArray(QByteArray(k, 'x') + Secret + "tail").toBase64());
            QTest::addRow("base64url inside, offset %d", k)
                << QByteArray("b " + QByteArray(QByteArray(k, 'y') + Secret + "z").toBase64(QByteArray::Base64UrlEncoding));
        }
        QTest::newRow("basic credential") << QByteArray("\"Authorization\": \"" + Form::basicAuthorization(QStringLiteral("my client"), s) + "\"");
    }

    void byValue_everyEncodingIsMasked()
    {
        QFETCH(QByteArray, text);
        Redactor::addSecretValue(Secret);
        const QByteArray out = Redactor::redactText(QByteArrayView(text));
        QVERIFY2(out.contains(Redactor::fingerprint(Secret)), out.constData());
        QVERIFY2(!leaks(out), out.constData());
        // The base64 forms: neither the value nor "id:secret" decodes from what is left.
        for (const QByteArray& word : out.split(' ')) {
            for (auto options : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
                const auto decoded = QByteArray::fromBase64Encoding(word.trimmed(), options);
                if (decoded)
                    QVERIFY2(!decoded.decoded.contains("s3cr/et") && !decoded.decoded.contains("al ue"), out.constData());
            }
        }
        // Also as an extra value of one exchange, without registering it.
        Redactor::forgetSecretValues();
        const QByteArray viaExtra = Redactor::redactText(QByteArrayView(text), {Secret});
        QVERIFY2(!leaks(viaExtra), viaExtra.constData());
    }

    void byValue_shortValuesAreNotSearched()
    {
        // Below MinValueLength a value would mask ordinary text: it is hidden by name only.
        Redactor::addSecretValue(QByteArray("abc"));
        QVERIFY(Redactor::secretValues().isEmpty());
        QCOMPARE(Redactor::redactText(QByteArrayView("abc abcdef")), QByteArray("abc abcdef"));
        const QByteArray form = Redactor::redactBody("client_secret=abc&scope=abc", "application/x-www-form-urlencoded");
        QVERIFY(!form.contains("client_secret=abc"));
        QVERIFY(form.contains("scope=abc"));
        Redactor::addSecretValue(QByteArray("abcd"));
        QCOMPARE(Redactor::secretValues().size(), 1);
        QVERIFY(!Redactor::redactText(QByteArrayView("xabcdx")).contains("abcd"));
    }

    void byValue_existingFingerprintsAreLeftIntact()
    {
        Redactor::addSecretValue(QByteArray("redacted"));
        const QByteArray mark = Redactor::fingerprint("other-secret");
        const QByteArray in = "x " + mark + " redacted";
        const QByteArray out = Redactor::redactText(QByteArrayView(in));
        QVERIFY2(out.startsWith(QByteArray("x " + mark + ' ')), out.constData());
        QVERIFY(out.endsWith(Redactor::fingerprint("redacted")));
        // A value that only looks like a fingerprint is a secret like any other (found by fuzz_redactor).
        const QByteArray lookalike = "[redacted:023\xA9" "1dcb]";
        const QByteArray withLookalike = "x " + lookalike;
        QVERIFY(!Redactor::redactText(QByteArrayView(withLookalike), {lookalike}).contains(lookalike));
    }

    void exchange_echoingServerCannotDefeatRedaction()
    {
        // An httpbin-style token endpoint: it echoes the request's headers, form and query into its JSON,
        // and the client secret into error_description.
        const QString s = QString::fromUtf8(Secret);
        Exchange e;
        e.method = "POST";
        e.url = QUrl(QStringLiteral("https://as.example/token?tenant=t"));
        e.requestHeaders = {{"Authorization", Form::basicAuthorization(QStringLiteral("client"), s)},
                            {"Content-Type", "application/x-www-form-urlencoded"}};
        e.requestBody = "grant_type=client_credentials&scope=api";
        QJsonObject echo;
        echo.insert(QStringLiteral("headers"),
                    QJsonObject{{QStringLiteral("Authorization"), QString::fromLatin1(e.requestHeaders.at(0).value)}});
        echo.insert(QStringLiteral("error"), QStringLiteral("invalid_client"));
        echo.insert(QStringLiteral("error_description"), QStringLiteral("wrong secret %1 (%2)").arg(s, QString::fromLatin1(Form::escape(s))));
        e.status = 401;
        e.reason = "Unauthorized " + Secret;
        e.responseHeaders = {{"Content-Type", "application/json"}, {"X-Echo", Form::escape(s)}};
        e.responseBody = QJsonDocument(echo).toJson(QJsonDocument::Compact);
        e.failureText = QStringLiteral("Error transferring https://as.example/token?client_secret=%1 - server replied: %2")
                            .arg(QString::fromLatin1(Form::escape(s)), s);
        // Nothing registered before: the Basic credential of the request itself teaches the redactor.
        const Exchange r = Redactor::redact(e);
        QByteArray all = r.url.toEncoded() + r.reason + r.requestBody + r.responseBody + r.failureText.toUtf8();
        for (const HttpHeader& h : r.requestHeaders + r.responseHeaders)
            all += h.value + '\n';
        QVERIFY2(!leaks(all), all.constData());
        QVERIFY2(!all.contains(e.requestHeaders.at(0).value.mid(6)), all.constData()); // the base64 credential
        QVERIFY(r.responseBody.contains("invalid_client"));
    }

    void exchange_issuedTokenEchoedByResource()
    {
        Exchange token;
        token.responseHeaders = {{"Content-Type", "application/json"}};
        token.responseBody = "{\"access_token\":\"at-9f8e7d6c5b4a\",\"refresh_token\":\"rt-0011223344\",\"token_type\":\"Bearer\"}";
        token.status = 200;
        Redactor::learn(token);
        Exchange resource;
        resource.status = 200;
        resource.url = QUrl(QStringLiteral("https://api.example/get"));
        resource.responseBody = "{\"args\":{},\"headers\":{\"X-Token\":\"at-9f8e7d6c5b4a\"},\"rt\":\"rt-0011223344\"}";
        const Exchange r = Redactor::redact(resource);
        QVERIFY2(!r.responseBody.contains("at-9f8e7d6c5b4a") && !r.responseBody.contains("rt-0011223344"),
                 r.responseBody.constData());
    }

    // ---- item 3: URLs ------------------------------------------------------------------------------------------

    void url_passwordAndSecretParametersAreRedacted_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("kept");
        QTest::newRow("userinfo") << QStringLiteral("https://alice:Pa55word-x@host.example/path") << QStringLiteral("alice");
        for (const char* name : {"client_secret", "api_key", "apikey", "access_token", "refresh_token", "id_token",
                                 "token", "code", "password", "key", "secret", "assertion", "client_assertion", "sig",
                                 "signature", "X-Amz-Signature"}) {
            QTest::addRow("%s", name) << QStringLiteral("https://host.example/p?a=1&%1=Pa55word-x&b=2").arg(QLatin1String(name))
                                      << QStringLiteral("b=2");
        }
        QTest::newRow("fragment") << QStringLiteral("https://app.example/cb#access_token=Pa55word-x&state=s") << QStringLiteral("state=s");
    }

    void url_passwordAndSecretParametersAreRedacted()
    {
        QFETCH(QString, url);
        QFETCH(QString, kept);
        const QUrl u(url);
        for (const QString& shown : {Redactor::redactUrl(u).toString(), Redactor::redactUrl(u).toString(QUrl::FullyEncoded)}) {
            QVERIFY2(!shown.contains(QStringLiteral("Pa55word")), qPrintable(shown));
            QVERIFY2(shown.contains(kept), qPrintable(shown));
        }
        // The same URL inside a message, as QNetworkReply::errorString() embeds it.
        const QString message = QStringLiteral("Error transferring %1 - server replied: Not Found").arg(url);
        const QString out = Redactor::redactText(message);
        QVERIFY2(!out.contains(QStringLiteral("Pa55word")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("server replied: Not Found")), qPrintable(out));
        // And in an exchange's URL and failure text.
        Exchange e;
        e.url = u;
        e.failureText = message;
        const Exchange r = Redactor::redact(e);
        QVERIFY(!r.url.toString().contains(QStringLiteral("Pa55word")));
        QVERIFY(!r.failureText.contains(QStringLiteral("Pa55word")));
    }

    void url_ordinaryParametersStay()
    {
        const QUrl u(QStringLiteral("https://host.example/authorize?response_type=code&client_id=app&state=xyz&code_challenge=abc"));
        QCOMPARE(Redactor::redactUrl(u), u);
    }

    // ---- item 6: names of --env values ---------------------------------------------------------------------------

    void secretNames()
    {
        for (const char* n : {"CLIENT_SECRET", "DB_PASSWORD", "GITHUB_TOKEN", "API_KEY", "SIGNING_KEY", "MY_PASS", "apikey"})
            QVERIFY2(Redactor::looksLikeSecretName(QString::fromLatin1(n)), n);
        for (const char* n : {"CLIENT_ID", "TOKEN_URL_HOST", "KEYCLOAK_URL", "REGION", "ISSUER"}) {
            if (QByteArray(n) == "TOKEN_URL_HOST")
                continue; // contains TOKEN: treated as secret, on purpose (better one mask too many)
            QVERIFY2(!Redactor::looksLikeSecretName(QString::fromLatin1(n)), n);
        }
    }
};

// With TB_REDACTOR_FINGERPRINT_OF set, prints that value's fingerprint (for the test that two processes
// differ) instead of running the tests.
int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsSet("TB_REDACTOR_FINGERPRINT_OF")) {
        const QByteArray f = Redactor::fingerprint(qgetenv("TB_REDACTOR_FINGERPRINT_OF"));
        std::fputs(f.constData(), stdout);
        return 0;
    }
    QCoreApplication app(argc, argv);
    TestRedactor test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_redactor.moc"
