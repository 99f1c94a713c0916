#include <QTest>

#include "hcl/document.h"
#include "hcl/evaluator.h"
#include "util/testsupport.h"

using namespace Tokenbench::Core;
using namespace Tokenbench::Core::Hcl;

namespace {

Value obj(std::initializer_list<std::pair<const char*, Value>> fields)
{
    Value::Map m;
    for (const auto& [k, v] : fields)
        m.insert(QString::fromUtf8(k), v);
    return Value::object(std::move(m));
}

Value str(const char* s)
{
    return Value::string(QString::fromUtf8(s));
}

EvalContext tokenContext()
{
    EvalContext c;
    c.setVariable(QStringLiteral("env"), obj({{"BAR", str("BaR")}}));
    c.setVariable(QStringLiteral("beta_token_response"),
                  obj({{"status", Value::number(200)},
                       {"headers", obj({{"content-type", str("application/json")}})},
                       {"body", str("{\"access_token\":\"tok\",\"expires_in\":100}")},
                       {"json_body", obj({{"access_token", str("tok")}, {"expires_in", Value::number(100)}})}}));
    c.setVariable(QStringLiteral("backend"), obj({}));
    c.setVariable(QStringLiteral("backends"),
                  obj({{"be", obj({{"beta_tokens", obj({{"tr1", str("t1")}})}, {"beta_token", str("d")}})}}));
    c.setFixedTime(1700000000);
    return c;
}

// Evaluates and renders the result as JSON text (strings quoted), or "ERROR: message" for failures.
QString run(const char* expr, const EvalContext& c = tokenContext())
{
    const EvalResult r = evaluateExpression(QString::fromUtf8(expr), c);
    if (!r.ok())
        return QStringLiteral("ERROR: ") + r.diagnostics.constFirst().message;
    return r.value.toJson();
}

} // namespace

class TestHclEvaluator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }
    void expressions_evaluateLikeHcl_data();
    void expressions_evaluateLikeHcl();
    void unknownVariable_isDiagnosedWithPosition();
    void unknownFunction_isDiagnosedWithName();
    void missingTraversal_yieldsNullWithoutError();
    void templateDirectives_renderWithStripMarkers();
    void heredocAttribute_rendersFlushedText();
    void couperConversions_followReference_data();
    void couperConversions_followReference();
    void scalarString_followsReference();
    void deepExpression_doesNotCrash();
    void mergeOfManyObjects_keepsEveryKey();
    void mergeOfManyNestedObjects_mergesDeeply();
    void deepTemplateDirectives_failWithOneError_data();
    void deepTemplateDirectives_failWithOneError();
};

void TestHclEvaluator::expressions_evaluateLikeHcl_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char* name, const char* e, const char* x) {
        QTest::newRow(name) << QString::fromUtf8(e) << QString::fromUtf8(x);
    };
    // literals and numbers
    row("int", "42", "42");
    row("float", "1.5", "1.5");
    row("exp", "1e3", "1000");
    row("number-in-template", "\"${10 / 4}|${2 * 3}|${-0.5}\"", "\"2.5|6|-0.5\"");
    row("null", "null", "null");
    row("bool", "true", "true");
    row("escapes", "\"a\\tb\\u0041\"", "\"a\\tbA\"");
    // operators and precedence
    row("precedence", "1 + 2 * 3 == 7 && !false", "true");
    row("left-assoc", "10 - 4 - 3", "3");
    row("modulo", "7 % 3", "1");
    row("compare", "[1 < 2, 2 <= 2, 3 > 4, 4 >= 5]", "[true,true,false,false]");
    row("string-to-number", "\"5\" + 1", "6");
    row("no-equality-conversion", "1 == \"1\"", "false");
    row("deep-equality", "{a = [1, \"x\"]} == {a = [1, \"x\"]}", "true");
    row("bad-operand", "\"a\" + 1", "ERROR: Invalid operand: unsuitable value for left operand: a number is required, got string.");
    row("null-arithmetic", "null * 2", "ERROR: Invalid operand: unsuitable value for left operand: a number is required, got null.");
    row("divide-by-zero", "1 / 0", "ERROR: Error in function call: can't divide by zero.");
    row("conditional", "2 > 1 ? \"yes\" : \"no\"", "\"yes\"");
    row("conditional-string-bool", "\"true\" ? 1 : 2", "1");
    row("null-condition", "null ? 1 : 2", "ERROR: Null condition: the condition value is null. Conditions must either be true or false.");
    row("bool-and-string", "\"x${true}\"", "\"xtrue\"");
    row("template-wrap-keeps-type", "\"${[1, 2]}\"", "[1,2]");
    row("template-rejects-tuple", "\"a${[1]}\"", "ERROR: Invalid template interpolation value: cannot include the given value in a string template: string required, got tuple.");
    // collections, traversal, splat, for
    row("object-keys", "{ a = 1, \"b\" : 2, (\"c${1}\") = 3 }", "{\"a\":1,\"b\":2,\"c1\":3}");
    row("index", "[10, 20][1]", "20");
    row("index-string-number", "[10, 20][\"1\"]", "20");
    row("index-out-of-range", "[10, 20][5]", "null");
    row("object-index", "{a = {b = 1}}[\"a\"].b", "1");
    row("full-splat", "[{a = 1}, {a = 2}][*].a", "[1,2]");
    row("attr-splat", "[{a = [1, 2]}, {a = [3]}].*.a[0]", "[1,2]");
    row("splat-null", "null[*]", "[]");
    row("splat-single", "{a = 1}[*].a", "[1]");
    row("for-tuple", "[for x in [1, 2, 3] : x * 2 if x > 1]", "[4,6]");
    row("for-index", "[for i, x in [\"a\", \"b\"] : \"${i}${x}\"]", "[\"0a\",\"1b\"]");
    row("for-object", "{for k, v in {a = 1, b = 2} : upper_key(k) => v}", "ERROR: Call to unknown function: there is no function named \"upper_key\".");
    row("for-object-ok", "{for k, v in {a = 1, b = 2} : to_upper(k) => v * 10}", "{\"A\":10,\"B\":20}");
    row("for-grouping", "{for x in [\"a\", \"b\", \"a\"] : x => x...}", "{\"a\":[\"a\",\"a\"],\"b\":[\"b\"]}");
    row("for-duplicate", "{for x in [\"a\", \"a\"] : x => x}", "ERROR: Duplicate object key: two different items produced the key \"a\" in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.");
    // Couper variables
    row("env", "env.BAR", "\"BaR\"");
    row("ttl-pattern", "\"${default(beta_token_response.json_body.expires_in, 3600) * 0.9}s\"", "\"90s\"");
    row("ttl-default", "\"${default(beta_token_response.json_body.nope, 3600) * 0.9}s\"", "\"3240s\"");
    row("token", "beta_token_response.json_body.access_token", "\"tok\"");
    row("status", "beta_token_response.status", "200");
    row("header", "beta_token_response.headers.content-type", "\"application/json\"");
    row("beta-tokens", "backends.be.beta_tokens.tr1", "\"t1\"");
    row("missing-token-renders-empty", "\"Bearer ${backend.beta_token}\"", "\"Bearer \"");
    // functions
    row("default-skips-empty", "default(\"\", null, \"x\")", "\"x\"");
    row("default-last", "default(null, \"\")", "\"\"");
    row("coalesce", "coalesce(null, 2)", "2");
    row("base64", "base64_encode(\"user:pass\")", "\"dXNlcjpwYXNz\"");
    row("base64-decode", "base64_decode(\"dXNlcjpwYXNz\")", "\"user:pass\"");
    row("json-encode", "json_encode({b = \"<&>\", a = [1, true, null, 1.5]})", "\"{\\\"a\\\":[1,true,null,1.5],\\\"b\\\":\\\"\\\\u003c\\\\u0026\\\\u003e\\\"}\"");
    row("json-decode", "json_decode(\"{\\\"a\\\":[1,\\\"x\\\"]}\").a[1]", "\"x\"");
    row("json-decode-scalar", "json_decode(\"12\")", "12");
    row("url-encode", "url_encode(\"a b&c/é\")", "\"a%20b%26c%2F%C3%A9\"");
    row("url-decode", "url_decode(\"a+b%20c%2F\")", "\"a b c/\"");
    row("case", "[to_lower(\"AbC\"), to_upper(\"AbC\")]", "[\"abc\",\"ABC\"]");
    row("to-number", "to_number(\"42\") + 1", "43");
    row("to-number-bad", "to_number(\"x\")", "ERROR: Error in function call: call to function \"to_number\" failed: cannot convert \"x\" to number.");
    row("split-join", "join(\"-\", split(\",\", \"a,b,c\"))", "\"a-b-c\"");
    row("join-lists", "join(\",\", [\"a\"], [\"b\", \"c\"])", "\"a,b,c\"");
    row("merge-deep", "merge({a = {x = 1}, b = 1}, null, {a = {y = 2}})", "{\"a\":{\"x\":1,\"y\":2},\"b\":1}");
    row("merge-tuples", "merge([1], [2, 3])", "[1,2,3]");
    row("contains", "[contains([\"a\", \"b\"], \"b\"), contains([1], 2)]", "[true,false]");
    row("length", "length([1, 2, 3])", "3");
    row("length-object", "length({a = 1})", "ERROR: Error in function call: call to function \"length\" failed: collection must be a list, tuple, set or map, got object.");
    row("keys-values", "[keys({b = 1, a = 2}), values({b = 1, a = 2})]", "[[\"a\",\"b\"],[2,1]]");
    row("lookup", "[lookup({a = 1}, \"a\", 0), lookup({a = 1}, \"b\", 0)]", "[1,0]");
    row("substr", "[substr(\"hello\", 1, 3), substr(\"hello\", -3, -1)]", "[\"ell\",\"llo\"]");
    row("trim", "trim(\"  x y \\n\")", "\"x y\"");
    row("unixtime", "unixtime()", "1700000000");
    row("can", "[can(nope()), can(1 + 1), can(\"a\" * 2)]", "[false,true,false]");
    row("set-intersection", "set_intersection([\"a\", \"b\", \"c\"], [\"c\", \"a\"])", "[\"a\",\"c\"]");
    row("relative-url", "relative_url(\"https://a.example/c/d?e=f#g\")", "\"/c/d?e=f#g\"");
    row("relative-url-root", "relative_url(\"https://a.example\")", "\"/\"");
    row("expansion", "join(\"+\", [\"a\"], [[\"b\"], [\"c\"]]...)", "\"a+b+c\"");
}

void TestHclEvaluator::expressions_evaluateLikeHcl()
{
    QFETCH(QString, expr);
    QFETCH(QString, expected);
    QCOMPARE(run(expr.toUtf8().constData()), expected);
}

void TestHclEvaluator::unknownVariable_isDiagnosedWithPosition()
{
    const EvalResult r = evaluateExpression(QStringLiteral("1 + request.method"), tokenContext());
    QCOMPARE(r.diagnostics.size(), 1);
    QCOMPARE(r.diagnostics[0].message, QStringLiteral("Unknown variable: there is no variable named \"request\"."));
    QCOMPARE(r.diagnostics[0].column, 5);
    QVERIFY(r.value.isNull());
}

void TestHclEvaluator::unknownFunction_isDiagnosedWithName()
{
    const Document d = Document::parse("x {\n  token = jwt_sign(\"a\", {})\n}\n", QStringLiteral("c.hcl"));
    const AttributeNode* a = d.blockAt({0})->body.attribute("token", d.source());
    const EvalResult r = evaluate(d, a->expr, tokenContext());
    QCOMPARE(r.diagnostics.size(), 1);
    QCOMPARE(r.diagnostics[0].toString(),
             QStringLiteral("c.hcl:2:11: error: Call to unknown function: there is no function named \"jwt_sign\"."));
}

void TestHclEvaluator::missingTraversal_yieldsNullWithoutError()
{
    const EvalResult r = evaluateExpression(QStringLiteral("beta_token_response.json_body.data.token[3].x"), tokenContext());
    QVERIFY(r.ok());
    QVERIFY(r.value.isNull());
}

void TestHclEvaluator::templateDirectives_renderWithStripMarkers()
{
    QCOMPARE(run("\"%{ for x in [\"a\", \"b\"] ~}\\n  ${x},\\n%{~ endfor }\""), QStringLiteral("\"a,b,\""));
    QCOMPARE(run("\"%{ if 1 > 2 }yes%{ else }no%{ endif }\""), QStringLiteral("\"no\""));
    QCOMPARE(run("\"a ${~ \"b\" ~} c\""), QStringLiteral("\"abc\""));
}

void TestHclEvaluator::heredocAttribute_rendersFlushedText()
{
    const Document d = Document::parse("a = <<-EOT\n    Hello ${env.BAR}\n      indented\n    EOT\nb = <<EOT\n  keep\nEOT\n");
    QVERIFY(d.diagnostics().isEmpty());
    const auto attrs = d.body().attributes();
    QCOMPARE(evaluate(d, attrs[0]->expr, tokenContext()).value.toStr(), QStringLiteral("Hello BaR\n  indented\n"));
    QCOMPARE(evaluate(d, attrs[1]->expr, tokenContext()).value.toStr(), QStringLiteral("  keep\n"));
}

void TestHclEvaluator::couperConversions_followReference_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("half-to-even-up") << QStringLiteral("1.5") << QStringList{QStringLiteral("2")};
    QTest::newRow("half-to-even-down") << QStringLiteral("2.5") << QStringList{QStringLiteral("2")};
    QTest::newRow("bool") << QStringLiteral("false") << QStringList{QStringLiteral("false")};
    QTest::newRow("null") << QStringLiteral("null") << QStringList{};
    QTest::newRow("list") << QStringLiteral("[1, \"a\", true, null]")
                          << QStringList{QStringLiteral("1"), QStringLiteral("a"), QStringLiteral("true")};
}

void TestHclEvaluator::couperConversions_followReference()
{
    QFETCH(QString, expr);
    QFETCH(QStringList, expected);
    const EvalResult r = evaluateExpression(expr, {});
    QVERIFY(r.ok());
    QCOMPARE(modifierValues(r.value), expected);
}

void TestHclEvaluator::scalarString_followsReference()
{
    QCOMPARE(scalarString(Value::string(QStringLiteral("  "))), QString());
    QCOMPARE(scalarString(Value::string(QStringLiteral(" a "))), QStringLiteral(" a "));
    QCOMPARE(scalarString(Value::number(3599 * 0.9)), QStringLiteral("3239.1"));
    QCOMPARE(scalarString(Value::number(7 * 0.9)), QStringLiteral("6.3"));
    QCOMPARE(scalarString(Value::number(42)), QStringLiteral("42"));
    QCOMPARE(scalarString(Value::boolean(true)), QString());
    QCOMPARE(scalarString(Value()), QString());
}

void TestHclEvaluator::deepExpression_doesNotCrash()
{
    QByteArray e;
    for (int i = 0; i < 150; ++i)
        e += "[";
    e += "1";
    for (int i = 0; i < 150; ++i)
        e += "]";
    const EvalResult r = evaluateExpression(QString::fromUtf8(e), {});
    QVERIFY(r.ok());
    QVERIFY(r.value.isTuple());
}

// merge() folded pairwise copied the growing result for every argument (quadratic: 20,000 objects took
// many seconds). Each argument is now visited once; the result must still be Couper's deep merge.
void TestHclEvaluator::mergeOfManyObjects_keepsEveryKey()
{
    constexpr int N = 20000;
    QByteArray e = "merge(";
    for (int i = 0; i < N; ++i)
        e += "{k" + QByteArray::number(i) + " = " + QByteArray::number(i) + ", last = " + QByteArray::number(i) + "}, ";
    e += "null)";
    const EvalResult r = evaluateExpression(QString::fromUtf8(e), {});
    QVERIFY(r.ok());
    QCOMPARE(r.value.fields().size(), N + 1);
    QCOMPARE(r.value.fields().value(QStringLiteral("k12345")).toNumber(), 12345.0);
    QCOMPARE(r.value.fields().value(QStringLiteral("last")).toNumber(), double(N - 1));

    QByteArray t = "merge(";
    for (int i = 0; i < N; ++i)
        t += "[" + QByteArray::number(i) + "], ";
    t += "[])";
    const EvalResult tuples = evaluateExpression(QString::fromUtf8(t), {});
    QVERIFY(tuples.ok());
    QCOMPARE(tuples.value.items().size(), N);
    QCOMPARE(tuples.value.items().at(N - 1).toNumber(), double(N - 1));
}

void TestHclEvaluator::mergeOfManyNestedObjects_mergesDeeply()
{
    constexpr int N = 20000;
    QByteArray e = "merge(";
    for (int i = 0; i < N; ++i)
        e += "{a = {b = {k" + QByteArray::number(i) + " = " + QByteArray::number(i) + "}, l = [" + QByteArray::number(i)
             + "]}}, ";
    // A scalar replaces the collections before it; collections after it merge again.
    e += "{x = {y = 1}}, {x = 2}, {x = {z = 3}})";
    const EvalResult r = evaluateExpression(QString::fromUtf8(e), {});
    QVERIFY(r.ok());
    const Value a = r.value.fields().value(QStringLiteral("a"));
    QCOMPARE(a.fields().value(QStringLiteral("b")).fields().size(), N);
    QCOMPARE(a.fields().value(QStringLiteral("l")).items().size(), N);
    QCOMPARE(r.value.fields().value(QStringLiteral("x")).toJson(), QStringLiteral("{\"z\":3}"));
    QCOMPARE(run("merge({a = {x = 1}}, {a = null}, {a = {y = 2}})"), QStringLiteral("{\"a\":{\"y\":2}}"));
    QCOMPARE(run("merge({a = [1]}, {a = {b = 1}}, {a = {c = 2}})"), QStringLiteral("{\"a\":{\"b\":1,\"c\":2}}"));
    QVERIFY(run("merge({a = 1}, [2])").contains(QStringLiteral("cannot merge object with tuple")));
}

// `%{ if }` nested 20,000 times overflowed the stack in the parser (crash of fmt and check).
void TestHclEvaluator::deepTemplateDirectives_failWithOneError_data()
{
    QTest::addColumn<QByteArray>("src");
    QTest::addColumn<int>("line");
    constexpr int N = 20000;
    QByteArray ifs, endifs, fors, endfors;
    for (int i = 0; i < N; ++i) {
        ifs += "%{ if true }";
        endifs += "%{ endif }";
        fors += "%{ for x in y }";
        endfors += "%{ endfor }";
    }
    QTest::newRow("if") << "\"" + ifs + "x" + endifs + "\"" << 1;
    QTest::newRow("if-unclosed") << "\"" + ifs + "\"" << 1;
    QTest::newRow("for") << "\"" + fors + "${x}" + endfors + "\"" << 1;
    QTest::newRow("heredoc") << "<<EOT\n" + ifs + "x" + endifs + "\nEOT\n" << 2;
    QTest::newRow("strip-markers") << "\"" + ifs.replace("%{ if true }", "%{~ if true ~}") + "\"" << 1;
}

void TestHclEvaluator::deepTemplateDirectives_failWithOneError()
{
    QFETCH(QByteArray, src);
    QFETCH(int, line);
    const EvalResult r = evaluateExpression(QString::fromUtf8(src), tokenContext());
    QVERIFY(!r.ok());
    QCOMPARE(r.diagnostics.size(), 1);
    QVERIFY2(r.diagnostics[0].message.startsWith(QStringLiteral("Nesting too deep: template directives are nested more than")),
             qPrintable(r.diagnostics[0].message));
    QCOMPARE(r.diagnostics[0].line, line);
}

QTEST_GUILESS_MAIN(TestHclEvaluator)
#include "tst_hclevaluator.moc"
