// Couper's evaluation vocabulary, once: the env.NAME references an expression reads (found by walking HCL
// traversals, not by matching text), the variables bound at each evaluation time, the backend's request
// modifier list, and the callers that used to scan with regular expressions.
#include "hcl/couperscope.h"
#include "hcl/document.h"
#include "hcl/evaluator.h"
#include "model/block.h"
#include "model/couperconfig.h"
#include "model/schema.h"
#include "model/secretliterals.h"
#include "model/valueresolver.h"
#include "net/betatokenrequest.h"
#include "net/discovery.h"
#include "net/tlsconfig.h"
#include "secrets/secretresolution.h"
#include "util/testsupport.h"

#include <QSet>
#include <QTest>

using namespace Tokenbench::Core;
using Hcl::EvaluationTime;

namespace {

Block makeBlock(const QString& type, const QString& label, const QList<QPair<QString, QString>>& attributes)
{
    Block b;
    b.type = type;
    b.label = label;
    for (const auto& [name, value] : attributes)
        b.setAttribute(name, value);
    return b;
}

} // namespace

class TestCouperScope : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void envReferences_walkTraversals_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QStringList>("names");
        const auto row = [](const char* name, const char* expression, QStringList names) {
            QTest::newRow(name) << QString::fromUtf8(expression) << names;
        };
        row("attribute", "env.CLIENT_ID", {QStringLiteral("CLIENT_ID")});
        row("index with a string", "env[\"CLIENT_ID\"]", {QStringLiteral("CLIENT_ID")});
        row("index with a dash", "env[\"MY-VAR\"]", {QStringLiteral("MY-VAR")});
        row("identifier with a dash (HCL)", "env.MY-VAR", {QStringLiteral("MY-VAR")});
        row("deeper traversal", "env.JSON.field[0]", {QStringLiteral("JSON")});
        row("templates, each once, in order", "\"${env.B}:${env.A}/${env.B}\"",
            {QStringLiteral("B"), QStringLiteral("A")});
        row("function arguments", "default(env.A, to_lower(env[\"B\"]))", {QStringLiteral("A"), QStringLiteral("B")});
        row("object values and keys", "{ authorization = \"Bearer ${env.TOKEN}\", (env.KEY) = 1 }",
            {QStringLiteral("TOKEN"), QStringLiteral("KEY")});
        row("conditional", "env.A == \"\" ? env.B : env.C",
            {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")});
        row("heredoc interpolation", "<<EOT\nplain env.TEXT ${env.REAL}\nEOT", {QStringLiteral("REAL")});
        row("plain string", "\"env.NOT_A_REFERENCE\"", {});
        row("escaped interpolation", "\"$${env.NOT_A_REFERENCE}\"", {});
        row("comment", "{\n  a = env.A # env.IN_COMMENT\n  // env.ALSO_COMMENT\n}", {QStringLiteral("A")});
        row("other root", "xenv.A", {});
        row("env below another root", "request.env.A", {});
        row("env as an attribute of another root", "backend.env", {});
        row("bare env", "keys(env)", {});
        row("dynamic index", "env[request.headers.name]", {});
        row("index inside the index", "env[env.WHICH]", {QStringLiteral("WHICH")});
        row("for variable shadows env", "[for env in request.items : env.A]", {});
        row("for collection is outside the loop", "[for e in env.LIST : e]", {QStringLiteral("LIST")});
        row("template for shadows env", "\"%{ for k, env in request.m }${env.A}%{ endfor }${env.B}\"",
            {QStringLiteral("B")});
        row("syntax error: what parsed is walked", "{ a = env.A, b = ", {QStringLiteral("A")});
        row("empty", "", {});
    }

    void envReferences_walkTraversals()
    {
        QFETCH(QString, expression);
        QFETCH(QStringList, names);
        QCOMPARE(Hcl::envReferences(expression), names);
    }

    void traversals_rootAndConstantSteps()
    {
        const auto render = [](const QString& expression) {
            QStringList out;
            for (const Hcl::Traversal& t : Hcl::traversals(expression))
                out << (QStringList{t.root} + t.steps).join(u'/');
            return out;
        };
        QCOMPARE(render(QStringLiteral("request.headers[\"x-a\"]")), QStringList{QStringLiteral("request/headers/x-a")});
        // A computed index cuts the path; its key is walked on its own.
        QCOMPARE(render(QStringLiteral("a.b[c.d].e")), (QStringList{QStringLiteral("c/d"), QStringLiteral("a/b")}));
        QCOMPARE(render(QStringLiteral("\"${backend.beta_token} and ${couper.version}\"")),
                 (QStringList{QStringLiteral("backend/beta_token"), QStringLiteral("couper/version")}));
        // for variables are bound inside the loop, not in its collection.
        QCOMPARE(render(QStringLiteral("[for k, v in request.query : v.x if k != env.A]")),
                 (QStringList{QStringLiteral("request/query"), QStringLiteral("env/A")}));
        QCOMPARE(render(QStringLiteral("\"request.path\"")), QStringList{});
        // The empty key stays a step.
        QCOMPARE(render(QStringLiteral("m[\"\"].x")), QStringList{QStringLiteral("m//x")});
    }

    void envReferences_longTraversalChain_isFollowed()
    {
        // A traversal chain nests one node per step; the walk follows it without deep recursion.
        QString expression = QStringLiteral("env.DEEP");
        for (int i = 0; i < 20000; ++i)
            expression += QStringLiteral(".x");
        QCOMPARE(Hcl::envReferences(expression), QStringList{QStringLiteral("DEEP")});
    }

    void envReferences_document_readsAttributesNotComments()
    {
        const Hcl::Document doc = Hcl::Document::parse(
            "# env.IN_COMMENT\n"
            "definitions {\n"
            "  backend \"b\" {\n"
            "    origin = \"https://${env.HOST}\" // env.IN_LINE_COMMENT\n"
            "    oauth2 {\n"
            "      client_id = env[\"ID\"]\n"
            "      scope     = \"env.PLAIN\"\n"
            "    }\n"
            "  }\n"
            "}\n");
        QCOMPARE(Hcl::envReferences(doc), (QStringList{QStringLiteral("HOST"), QStringLiteral("ID")}));
    }

    void couperContext_bindsTheVariablesOfEachTime()
    {
        const Hcl::EvalContext startup = Hcl::couperContext(EvaluationTime::Startup, {{QStringLiteral("A"), QStringLiteral("a")}});
        // Start-up: env and couper only; request-time variables are unknown, as in Couper.
        QCOMPARE(Hcl::evaluateExpression(QStringLiteral("\"${env.A}-${couper.environment}\""), startup).value.toStr(),
                 QStringLiteral("a-"));
        const Hcl::EvalResult request = Hcl::evaluateExpression(QStringLiteral("request.headers.x"), startup);
        QVERIFY(!request.ok());
        QVERIFY2(request.diagnostics.constFirst().message.contains(QStringLiteral("no variable named \"request\"")),
                 qPrintable(request.diagnostics.constFirst().message));

        // Per request: every variable Couper binds there reads null in a stand-alone evaluation.
        const Hcl::EvalContext perRequest = Hcl::couperContext(EvaluationTime::PerRequest);
        for (const char* expression :
             {"request.headers.x", "backend_requests.a.body", "backend_responses.a.status", "backends.be.beta_token",
              "backend.beta_tokens.tr", "backend_request.id", "backend_response.status", "env.UNSET"}) {
            const Hcl::EvalResult r = Hcl::evaluateExpression(QString::fromLatin1(expression), perRequest);
            QVERIFY2(r.ok() && r.value.isNull(), expression);
        }
        // couper.version and couper.environment exist at every time (Couper's newCtyCouperVariablesMap).
        for (const EvaluationTime time : {EvaluationTime::Startup, EvaluationTime::PerRequest, EvaluationTime::TokenResponse}) {
            const Hcl::EvalContext ctx = Hcl::couperContext(time);
            QCOMPARE(Hcl::evaluateExpression(QStringLiteral("couper.version"), ctx).value.toStr(), QStringLiteral("1.14.2"));
            QCOMPARE(Hcl::evaluateExpression(QStringLiteral("\"[${couper.environment}]\""), ctx).value.toStr(),
                     QStringLiteral("[]"));
        }
        // beta_token_response only while token and ttl are evaluated.
        QVERIFY(!Hcl::evaluateExpression(QStringLiteral("beta_token_response.status"), perRequest).ok());
        QVERIFY(Hcl::evaluateExpression(QStringLiteral("beta_token_response.status"),
                                        Hcl::couperContext(EvaluationTime::TokenResponse))
                    .ok());

        QCOMPARE(Hcl::couperVariables(EvaluationTime::Startup),
                 (QStringList{QStringLiteral("env"), QStringLiteral("couper")}));
        for (const QString& name : Hcl::couperVariables(EvaluationTime::Startup))
            QVERIFY(Hcl::couperVariables(EvaluationTime::PerRequest).contains(name));
        for (const QString& name : Hcl::couperVariables(EvaluationTime::PerRequest))
            QVERIFY(Hcl::couperVariables(EvaluationTime::TokenResponse).contains(name));
    }

    // Couper evaluates oauth2 attributes at start-up with env and couper (reference 5): couper.* is usable
    // there (it was an unknown variable before); request.* is not.
    void startupAttributes_seeCouperButNotRequest()
    {
        const Hcl::CouperConfig config = Hcl::parseCouperConfig(
            "definitions {\n"
            "  backend \"be\" {\n"
            "    origin = \"https://api.example\"\n"
            "    oauth2 {\n"
            "      grant_type     = \"client_credentials\"\n"
            "      token_endpoint = \"https://as.example/token\"\n"
            "      client_id      = \"id${couper.environment}\"\n"
            "      client_secret  = env[\"TB_SCOPE_UNSET_SECRET\"]\n"
            "      scope          = request.headers.scope\n"
            "    }\n"
            "  }\n"
            "}\n",
            QStringLiteral("startup.hcl"));
        QCOMPARE(config.backends.size(), 1);
        const Block* oauth2 = config.backends.constFirst().child(QStringLiteral("oauth2"));
        QVERIFY(oauth2);
        QCOMPARE(oauth2->attribute(QStringLiteral("client_id")), QStringLiteral("id"));
        QCOMPARE(oauth2->attribute(QStringLiteral("client_secret")), QString()); // unset: "", as Couper
        QStringList errors;
        for (const Diagnostic& d : config.diagnostics) {
            if (d.severity == Diagnostic::Severity::Error)
                errors << d.message;
        }
        // The unset variable is "" at start-up, so Couper's rule for the empty client_secret applies too.
        QCOMPARE(errors.size(), 2);
        QVERIFY2(errors.constFirst().contains(QStringLiteral("oauth2.scope")) &&
                     errors.constFirst().contains(QStringLiteral("no variable named \"request\"")),
                 qPrintable(errors.join(u'\n')));
        QCOMPARE(errors.constLast(), QStringLiteral("client_secret must not be empty with client_secret_basic"));
    }

    void evaluateExpression_heredocWithoutLineEnd_evaluates()
    {
        // Attribute text is kept without the line end after a heredoc's closing marker.
        const Hcl::EvalResult r = Hcl::evaluateExpression(QStringLiteral("<<EOT\nabc\nEOT"), Hcl::couperContext(EvaluationTime::Startup));
        QVERIFY(r.ok());
        QCOMPARE(r.value.toStr(), QStringLiteral("abc\n"));
    }

    void requestModifiers_areCoupersNine()
    {
        QStringList names;
        for (const Schema::RequestModifier& m : Schema::requestModifiers())
            names << m.attribute;
        QCOMPARE(names, (QStringList{QStringLiteral("remove_request_headers"), QStringLiteral("set_request_headers"),
                                     QStringLiteral("add_request_headers"), QStringLiteral("remove_query_params"),
                                     QStringLiteral("set_query_params"), QStringLiteral("add_query_params"),
                                     QStringLiteral("remove_form_params"), QStringLiteral("set_form_params"),
                                     QStringLiteral("add_form_params")}));
        QCOMPARE(Schema::requestModifierMaps(),
                 (QStringList{QStringLiteral("set_request_headers"), QStringLiteral("add_request_headers"),
                              QStringLiteral("set_query_params"), QStringLiteral("add_query_params"),
                              QStringLiteral("set_form_params"), QStringLiteral("add_form_params")}));
        QVERIFY(Schema::isRequestModifier(QStringLiteral("remove_form_params")));
        QVERIFY(!Schema::isRequestModifier(QStringLiteral("query_params"))); // beta_token_request's, not a modifier
        QVERIFY(SecretLiterals::isCredentialMap(QStringLiteral("backend"), QStringLiteral("add_query_params")));
        QVERIFY(!SecretLiterals::isCredentialMap(QStringLiteral("backend"), QStringLiteral("remove_query_params")));
    }

    // The regex found `env.X` in plain strings and missed env["X"]; the modifiers then read the wrong names.
    void backendModifiers_envIndex_isResolved()
    {
        const Block backend = makeBlock(
            QStringLiteral("backend"), QStringLiteral("be"),
            {{QStringLiteral("origin"), QStringLiteral("https://api.example")},
             {QStringLiteral("set_request_headers"),
              QStringLiteral("{ x-key = env[\"TB_SCOPE_KEY\"], x-note = \"env.TB_SCOPE_NOTE\" }")},
             {QStringLiteral("remove_query_params"), QStringLiteral("[env.TB_SCOPE_DROP]")}});
        ValueResolver resolver;
        resolver.setUseProcessEnvironment(false);
        resolver.setOverride(QStringLiteral("TB_SCOPE_KEY"), QStringLiteral("k-1"));
        resolver.setOverride(QStringLiteral("TB_SCOPE_DROP"), QStringLiteral("debug"));
        auto settings = backendSettingsFromBlock(backend, resolver);
        QVERIFY2(settings, qPrintable(settings ? QString() : settings.error().message));
        const RequestModifiers::Pairs expected{{QStringLiteral("x-key"), QStringLiteral("k-1")},
                                               {QStringLiteral("x-note"), QStringLiteral("env.TB_SCOPE_NOTE")}};
        QCOMPARE(settings->modifiers.setHeaders, expected);
        QCOMPARE(settings->modifiers.removeQuery, QStringList{QStringLiteral("debug")});
        QCOMPARE(envReferences(backend), (QStringList{QStringLiteral("TB_SCOPE_DROP"), QStringLiteral("TB_SCOPE_KEY")}));
    }

    void betaSpec_formBodyEnvIndex_isResolved()
    {
        const Block backend = makeBlock(QStringLiteral("backend"), QStringLiteral("as"),
                                        {{QStringLiteral("origin"), QStringLiteral("https://as.example")}});
        const Block tr = makeBlock(
            QStringLiteral("beta_token_request"), {},
            {{QStringLiteral("url"), QStringLiteral("\"/token\"")},
             {QStringLiteral("form_body"), QStringLiteral("{ client_secret = env[\"TB_SCOPE_SECRET\"], note = \"xenv.A\" }")},
             {QStringLiteral("token"), QStringLiteral("beta_token_response.body")},
             {QStringLiteral("ttl"), QStringLiteral("\"60s\"")}});
        ValueResolver resolver;
        resolver.setUseProcessEnvironment(false);
        resolver.setOverride(QStringLiteral("TB_SCOPE_SECRET"), QStringLiteral("s3"));
        auto spec = betaSpecFromBlock(backend, tr, resolver);
        QVERIFY2(spec, qPrintable(spec ? QString() : spec.error().message));
        QCOMPARE(spec->request.body, QByteArrayLiteral("client_secret=s3&note=xenv.A"));
        QCOMPARE(spec->environment.keys(), QStringList{QStringLiteral("TB_SCOPE_SECRET")});
    }

    void secretReferences_inModifierMaps_areTraversals()
    {
        const Block backend =
            makeBlock(QStringLiteral("backend"), QStringLiteral("be"),
                      {{QStringLiteral("set_request_headers"),
                        QStringLiteral("{ authorization = env[\"BE_TOKEN\"], x-doc = \"see env.NOT_ONE\" }")}});
        QStringList variables;
        for (const SecretReference& r : secretReferences(backend))
            variables << r.variable;
        QCOMPARE(variables, QStringList{QStringLiteral("BE_TOKEN")});
    }

    void reserveNames_ignoreTextThatOnlyLooksLikeAReference()
    {
        const Block backend =
            makeBlock(QStringLiteral("backend"), QStringLiteral("be"),
                      {{QStringLiteral("set_query_params"),
                        QStringLiteral("{ a = env.USED, b = \"env.TEXT\", c = env[\"INDEXED\"] }")}});
        QList<QPair<QString, QString>> taken;
        SecretLiterals::reserveNames(backend, &taken);
        QSet<QString> names;
        for (const auto& t : std::as_const(taken))
            names.insert(t.first);
        QCOMPARE(names, (QSet<QString>{QStringLiteral("USED"), QStringLiteral("INDEXED")}));
    }

    void discoveryCheckFor_readsTheOauth2Block()
    {
        Block oauth2 = makeBlock(QStringLiteral("oauth2"), {},
                                 {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                  {QStringLiteral("token_endpoint_auth_method"), QStringLiteral(" private_key_jwt ")}});
        oauth2.blocks.append(makeBlock(QStringLiteral("jwt_signing_profile"), {},
                                       {{QStringLiteral("signature_algorithm"), QStringLiteral("ES256")}}));
        const DiscoveryCheck c = discoveryCheckFor(oauth2, QStringLiteral("https://as.example"));
        QCOMPARE(c.expectedIssuer, QStringLiteral("https://as.example"));
        QCOMPARE(c.grantType, QStringLiteral("authorization_code"));
        QCOMPARE(c.authMethod, QStringLiteral("private_key_jwt"));
        QCOMPARE(c.signingAlgorithm, QStringLiteral("ES256"));
        QCOMPARE(c.codeChallengeMethod, QStringLiteral("S256"));

        oauth2.setAttribute(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
        const DiscoveryCheck cc = discoveryCheckFor(oauth2);
        QVERIFY(cc.expectedIssuer.isEmpty());
        QVERIFY(cc.codeChallengeMethod.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCouperScope)
#include "tst_couperscope.moc"
