// The helpers behind live token/ttl design: completion paths from a response, naming the null step of a
// traversal, the response preview's value spans, and form text <-> HCL expressions.
#include "hcl/expressiondesign.h"
#include "hcl/document.h"
#include "net/betatokenrequest.h"
#include "util/testsupport.h"

#include <QTest>

using namespace Tokenbench::Core;
using namespace Tokenbench::Core::Hcl;

namespace {

Exchange response(const QByteArray& body)
{
    Exchange e;
    e.status = 200;
    e.responseHeaders = {
        {"Content-Type", "application/json"}, {"X-Request-Id", "r-1"}, {"Set-Cookie", "sid=abc; Path=/"}};
    e.responseBody = body;
    return e;
}

EvalContext contextFor(const Exchange& e)
{
    EvalContext ctx;
    ctx.setVariable(QStringLiteral("beta_token_response"), betaTokenResponse(e));
    return ctx;
}

const QByteArray JsonBody =
    "{\"data\":{\"token\":\"tok\",\"items\":[{\"id\":7}],\"odd key\":1},\"expires_in\":60}";

} // namespace

class TestExpressionDesign : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void valuePaths_coverJsonHeadersCookiesAndStatus()
    {
        const QStringList paths =
            valuePaths(QStringLiteral("beta_token_response"), betaTokenResponse(response(JsonBody)));
        for (const char* p :
             {"beta_token_response.status", "beta_token_response.body",
              "beta_token_response.json_body.data.token", "beta_token_response.json_body.data.items[0].id",
              "beta_token_response.json_body.expires_in", "beta_token_response.headers.x-request-id",
              "beta_token_response.cookies.sid", "beta_token_response.json_body.data[\"odd key\"]"})
            QVERIFY2(paths.contains(QString::fromLatin1(p)), p);
        // Every path evaluates to something.
        const EvalContext ctx = contextFor(response(JsonBody));
        for (const QString& p : paths) {
            const EvalResult r = evaluateExpression(p, ctx);
            QVERIFY2(r.ok() && !r.value.isNull(), qPrintable(p));
        }
    }

    void probeNull_namesTheFirstNullStep()
    {
        const EvalContext ctx = contextFor(response(JsonBody));
        NullProbe p = probeNull(QStringLiteral("beta_token_response.json_body.data.access.token"), ctx);
        QCOMPARE(p.expression, QStringLiteral("beta_token_response.json_body.data.access"));
        QVERIFY2(p.message.contains(
                     QStringLiteral("`beta_token_response.json_body.data` has: items, odd key, token")),
                 qPrintable(p.message));
        // Inside a template too.
        p = probeNull(QStringLiteral("\"${beta_token_response.json_body.expires}s\""), ctx);
        QCOMPARE(p.expression, QStringLiteral("beta_token_response.json_body.expires"));
        p = probeNull(QStringLiteral("beta_token_response.json_body.data.token"), ctx);
        QVERIFY(p.message.isEmpty());
    }

    void readPath_andPreviewSpans_pointAtTheValue()
    {
        const Exchange e = response(JsonBody);
        const EvalContext ctx = contextFor(e);
        QList<QPair<QByteArray, QByteArray>> headers;
        for (const HttpHeader& h : e.responseHeaders)
            headers.append({h.name, h.value});
        const ResponsePreview p = responsePreview(e.status, headers, e.responseBody);
        const auto spanText = [&](const QString& path) {
            const auto s = p.spans.value(path, {-1, -1});
            return s.first < 0 ? QString() : p.text.mid(s.first, s.second - s.first);
        };
        QCOMPARE(readPath(QStringLiteral("beta_token_response.json_body.data.token"),
                          QStringLiteral("beta_token_response"), ctx),
                 QStringLiteral("json_body.data.token"));
        QCOMPARE(spanText(QStringLiteral("json_body.data.token")), QStringLiteral("\"tok\""));
        QCOMPARE(readPath(QStringLiteral("\"${beta_token_response.json_body.data.items[0].id}\""),
                          QStringLiteral("beta_token_response"), ctx),
                 QStringLiteral("json_body.data.items[0].id"));
        QCOMPARE(spanText(QStringLiteral("json_body.data.items[0].id")), QStringLiteral("7"));
        // A missing step: the deepest value that exists.
        QCOMPARE(readPath(QStringLiteral("beta_token_response.json_body.data.nope"),
                          QStringLiteral("beta_token_response"), ctx),
                 QStringLiteral("json_body.data"));
        QVERIFY(spanText(QStringLiteral("json_body.data")).startsWith(u'{'));
        QCOMPARE(spanText(QStringLiteral("headers.x-request-id")), QStringLiteral("X-Request-Id: r-1"));
        QCOMPARE(spanText(QStringLiteral("status")), QStringLiteral("200"));
    }

    void typedText_becomesStringOrExpression_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expression");
        QTest::newRow("path") << "/token"
                              << "\"/token\"";
        QTest::newRow("word") << "POST"
                              << "\"POST\"";
        QTest::newRow("env") << "env.CLIENT_ID"
                             << "env.CLIENT_ID";
        QTest::newRow("number") << "3600"
                                << "3600";
        QTest::newRow("template") << "\"${env.A}/x\""
                                  << "\"${env.A}/x\"";
        QTest::newRow("function") << "base64_encode(\"a\")"
                                  << "base64_encode(\"a\")";
        QTest::newRow("text with braces") << "a ${b}"
                                          << "\"a $${b}\"";
        QTest::newRow("empty") << ""
                               << "";
    }

    void typedText_becomesStringOrExpression()
    {
        QFETCH(QString, typed);
        QFETCH(QString, expression);
        QCOMPARE(expressionFromTyped(typed), expression);
        if (!typed.isEmpty())
            QCOMPARE(displayText(expression), typed.startsWith(u'"') ? expression : typed);
    }

    void objectEntries_roundTripInHclwriteLayout()
    {
        const auto entries =
            objectEntries(QStringLiteral("{ grant_type = \"client_credentials\", \"x-key\" = env.KEY }"));
        QVERIFY(entries);
        QCOMPARE(entries->size(), 2);
        QCOMPARE(entries->at(0),
                 qMakePair(QStringLiteral("grant_type"), QStringLiteral("\"client_credentials\"")));
        QCOMPARE(entries->at(1), qMakePair(QStringLiteral("x-key"), QStringLiteral("env.KEY")));
        QCOMPARE(objectExpression(*entries),
                 QStringLiteral("{\n  grant_type = \"client_credentials\"\n  x-key      = env.KEY\n}"));
        QCOMPARE(objectEntries(objectExpression(*entries)), entries);
        QVERIFY(!objectEntries(QStringLiteral("merge(a, b)")));
        QVERIFY(!objectEntries(QStringLiteral("{ (env.K) = 1 }")));
        QVERIFY(objectExpression({}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestExpressionDesign)
#include "tst_expressiondesign.moc"
