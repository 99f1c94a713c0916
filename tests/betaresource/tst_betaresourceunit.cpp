// The pieces that connect a beta_token_request to the resource check: which modifiers reference a token,
// and the set_request_headers text the Token Requests panel writes (merged, not clobbered).
#include "model/block.h"
#include "model/valueresolver.h"
#include "net/betaresource.h"
#include "net/preparedrequest.h"
#include "trace/redactor.h"
#include "util/testsupport.h"

#include <QTest>
#include <QUrlQuery>

using namespace Tokenbench::Core;

namespace {
QString S(const char* text)
{
    return QString::fromUtf8(text);
}
} // namespace

class TestBetaResourceUnit : public QObject
{
    Q_OBJECT

private:
    static Block backend(const QString& headers)
    {
        Block b{QStringLiteral("backend"), QStringLiteral("api"), {}, {}};
        if (!headers.isEmpty())
            b.setAttribute(QStringLiteral("set_request_headers"), headers);
        return b;
    }

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void references_data()
    {
        QTest::addColumn<QString>("headers");
        QTest::addColumn<QString>("label");
        QTest::addColumn<bool>("referenced");
        QTest::newRow("own label") << S("{ authorization = \"Bearer ${backend.beta_tokens.svc}\" }") << S("svc") << true;
        QTest::newRow("by backend name") << S("{ x = backends.api.beta_tokens.svc }") << S("svc") << true;
        QTest::newRow("index form") << S("{ x = backend.beta_tokens[\"svc\"] }") << S("svc") << true;
        QTest::newRow("other label") << S("{ x = backend.beta_tokens.svc2 }") << S("svc") << false;
        QTest::newRow("other backend") << S("{ x = backends.other.beta_tokens.svc }") << S("svc") << false;
        QTest::newRow("default short") << S("{ x = \"${backend.beta_token}\" }") << S("default") << true;
        QTest::newRow("default by name") << S("{ x = backends.api.beta_token }") << S("default") << true;
        QTest::newRow("beta_token is not svc") << S("{ x = backend.beta_token }") << S("svc") << false;
        QTest::newRow("none") << S("") << S("default") << false;
        // Found by walking the expression's traversals, not by matching text.
        QTest::newRow("text in a string is no reference") << S("{ x = \"backend.beta_tokens.svc\" }") << S("svc") << false;
        QTest::newRow("text in a comment is no reference")
            << S("{\n  # backend.beta_tokens.svc\n  x = \"1\"\n}") << S("svc") << false;
        QTest::newRow("a for variable named backend")
            << S("{ x = join(\",\", [for backend in request.query.b : backend.beta_tokens.svc]) }") << S("svc") << false;
        QTest::newRow("spaces between the steps") << S("{ x = backend . beta_tokens . svc }") << S("svc") << true;
        QTest::newRow("inside a function call") << S("{ x = lower(backend.beta_tokens[\"svc\"]) }") << S("svc") << true;
    }
    void references()
    {
        QFETCH(QString, headers);
        QFETCH(QString, label);
        QFETCH(bool, referenced);
        QCOMPARE(modifiersReferenceBetaToken(backend(headers), label), referenced);
    }

    void merge_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        const QString v = QStringLiteral("\"Bearer ${backend.beta_tokens.svc}\"");
        QTest::newRow("empty") << S("") << QString(S("{ authorization = ") + v + S(" }"));
        QTest::newRow("empty map") << S("{}") << QString(S("{ authorization = ") + v + S(" }"));
        QTest::newRow("one line, other header kept") << S("{ x-a = \"1\" }") << QString(S("{ x-a = \"1\", authorization = ") + v + S(" }"));
        QTest::newRow("replace quoted key, any case")
            << S("{ \"Authorization\" = \"Basic abc\", x-a = \"1\" }") << QString(S("{ \"Authorization\" = ") + v + S(", x-a = \"1\" }"));
        QTest::newRow("replace template value")
            << S("{\n  x-a = \"1\"\n  authorization = \"Token ${backend.beta_tokens.old}\"\n}")
            << QString(S("{\n  x-a = \"1\"\n  authorization = ") + v + S("\n}"));
        QTest::newRow("multi-line append")
            << S("{\n    x-a = \"1\"\n    x-b = env.B\n}") << QString(S("{\n    x-a = \"1\"\n    x-b = env.B\n    authorization = ") + v + S("\n}"));
    }
    void merge()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        const auto r = withBearerAuthorization(before, QStringLiteral("backend.beta_tokens.svc"));
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(r.value(), after);
        // The result is what the reference check recognises.
        QVERIFY(modifiersReferenceBetaToken(backend(r.value()), QStringLiteral("svc")));
    }

    void merge_refusesWhatItCannotRewrite()
    {
        QVERIFY(!withBearerAuthorization(QStringLiteral("merge(local.h, {})"), QStringLiteral("backend.beta_token")));
        const auto r = withBearerAuthorization(QStringLiteral("{ authorization = join(\" \", [\"a\", \"b\"]) }"),
                                               QStringLiteral("backend.beta_token"));
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(QStringLiteral("authorization")), qPrintable(r.error().message));
    }

    void plan_bindsTheToken_orFallsBackToBearer()
    {
        ValueResolver resolver;
        Block b = backend(QStringLiteral("{ authorization = \"Token ${backend.beta_tokens.svc}\", x-n = backends.api.name }"));
        b.setAttribute(QStringLiteral("tokenbench_resource_url"), QStringLiteral("http://127.0.0.1:9/r"));
        auto plan = betaResourcePlan(b, QStringLiteral("svc"), QStringLiteral("t-1"), resolver);
        QVERIFY2(plan, plan ? "" : qPrintable(plan.error().message));
        QVERIFY(plan->has_value());
        QVERIFY(!(*plan)->bearer);
        QCOMPARE((*plan)->resource.retries, 0);
        const auto headers = (*plan)->resource.backend.modifiers.setHeaders;
        QVERIFY(headers.contains(qMakePair(QStringLiteral("authorization"), QStringLiteral("Token t-1"))));
        QVERIFY(headers.contains(qMakePair(QStringLiteral("x-n"), QStringLiteral("api"))));

        // Another request's token is not bound: no reference, so the fallback with a note.
        auto other = betaResourcePlan(b, QStringLiteral("other"), QStringLiteral("t-2"), resolver);
        QVERIFY2(other, other ? "" : qPrintable(other.error().message));
        QVERIFY((*other)->bearer);
        QVERIFY((*other)->note.contains(QStringLiteral("backend.beta_tokens.other")));

        // No resource URL: no check.
        auto none = betaResourcePlan(backend({}), QStringLiteral("svc"), QStringLiteral("t"), resolver);
        QVERIFY(none);
        QVERIFY(!none->has_value());
    }

    void redactor_hidesAnExchangesSecretValuesWherever()
    {
        Exchange e;
        e.url = QUrl(QStringLiteral("http://127.0.0.1/r?t=tok%2Fsecret-9&x=1"));
        e.requestHeaders.append({QByteArrayLiteral("X-Token"), QByteArrayLiteral("pre-tok/secret-9")});
        e.requestHeaders.append({QByteArrayLiteral("X-Other"), QByteArrayLiteral("plain")});
        e.responseBody = QByteArrayLiteral("echo tok/secret-9");
        e.secretValues.append(QByteArrayLiteral("tok/secret-9"));
        const QByteArray mark = Redactor::fingerprint("tok/secret-9");
        const Exchange r = Redactor::redact(e);
        QCOMPARE(r.requestHeaders.at(0).value, "pre-" + mark);
        QCOMPARE(r.requestHeaders.at(1).value, QByteArrayLiteral("plain"));
        QCOMPARE(r.responseBody, "echo " + mark);
        QVERIFY2(!r.url.toEncoded().contains("secret-9"), r.url.toEncoded().constData());
        QCOMPARE(QUrlQuery(r.url).queryItemValue(QStringLiteral("x")), QStringLiteral("1"));
        // The original keeps what went over the wire.
        QCOMPARE(e.requestHeaders.at(0).value, QByteArrayLiteral("pre-tok/secret-9"));
    }
};

QTEST_GUILESS_MAIN(TestBetaResourceUnit)
#include "tst_betaresourceunit.moc"
