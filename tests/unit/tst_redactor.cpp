#include "trace/redactor.h"
#include "util/testsupport.h"

#include <QTest>

using namespace Tokenbench::Core;

class TestRedactor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

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
};

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
