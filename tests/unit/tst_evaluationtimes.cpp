// Couper's two evaluation times (start-up and per request) as Tokenbench follows them: the one table, the
// contexts `check` evaluates in (with file:line:col), the model of an attribute that reads the client request
// (kept as written, refused by a run with its place), defaults { environment_variables }, and Couper's
// multi-file merge (-f / -d).
#include "hcl/couperscope.h"
#include "hcl/document.h"
#include "model/couperconfig.h"
#include "model/schema.h"
#include "model/valueresolver.h"
#include "net/tlsconfig.h"
#include "run/runplan.h"
#include "util/testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Tokenbench::Core;
using Hcl::EvaluationTime;

Q_DECLARE_METATYPE(std::optional<Tokenbench::Core::Hcl::EvaluationTime>)

namespace {

QStringList messages(const Diagnostics& diagnostics, Diagnostic::Severity severity)
{
    QStringList out;
    for (const Diagnostic& d : diagnostics) {
        if (d.severity == severity)
            out << d.toString();
    }
    return out;
}

const Block* backendNamed(const QList<Block>& backends, const QString& label)
{
    for (const Block& b : backends) {
        if (b.label == label)
            return &b;
    }
    return nullptr;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

// A file Couper loads: request variables in per-request attributes (origin, path, header modifiers,
// assertion, basic_auth), couper.version in start-up ones.
const QByteArray RequestFile = "server {\n"                                                       // 1
                               "  api {\n"                                                        // 2
                               "    endpoint \"/users/{id}\" {\n"                                  // 3
                               "      proxy {\n"                                                  // 4
                               "        backend = \"api\"\n"                                       // 5
                               "      }\n"                                                        // 6
                               "    }\n"                                                          // 7
                               "  }\n"                                                            // 8
                               "}\n"                                                              // 9
                               "definitions {\n"                                                  // 10
                               "  backend \"api\" {\n"                                             // 11
                               "    origin = \"https://${request.headers.x-tenant}.example.com\"\n" // 12
                               "    path   = \"/v1/users/${request.path_params.id}\"\n"            // 13
                               "    set_request_headers = {\n"                                    // 14
                               "      x-forwarded-user = request.headers.x-user\n"                // 15
                               "      x-gateway        = \"couper/${couper.version}\"\n"          // 16
                               "    }\n"                                                          // 17
                               "    oauth2 {\n"                                                   // 18
                               "      grant_type     = \"urn:ietf:params:oauth:grant-type:jwt-bearer\"\n" // 19
                               "      token_endpoint = \"https://as.example.com/token\"\n"         // 20
                               "      assertion      = request.headers.x-assertion\n"             // 21
                               "      scope          = \"gateway-${couper.version}\"\n"           // 22
                               "    }\n"                                                          // 23
                               "  }\n"                                                            // 24
                               "}\n";                                                             // 25

} // namespace

class TestEvaluationTimes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    // Rows from Couper's config structs: config.Backend decodes disable_certificate_validation & co. and
    // keeps Inline() (origin, hostname, path, timeouts, proxy, basic_auth, modifiers) for each request;
    // config.OAuth2ReqAuth decodes everything but assertion; config.TokenRequest decodes url and backend.
    void table_followsCouper_data()
    {
        QTest::addColumn<QString>("blockType");
        QTest::addColumn<QString>("attribute");
        QTest::addColumn<std::optional<EvaluationTime>>("time");
        const auto row = [](const char* name, const char* type, const char* attr, std::optional<EvaluationTime> t) {
            QTest::newRow(name) << QString::fromLatin1(type) << QString::fromLatin1(attr) << t;
        };
        const auto S = EvaluationTime::Startup;
        const auto R = EvaluationTime::PerRequest;
        row("backend origin", "backend", "origin", R);
        row("backend hostname", "backend", "hostname", R);
        row("backend path", "backend", "path", R);
        row("backend path_prefix", "backend", "path_prefix", R);
        row("backend timeout", "backend", "timeout", R);
        row("backend connect_timeout", "backend", "connect_timeout", R);
        row("backend ttfb_timeout", "backend", "ttfb_timeout", R);
        row("backend proxy", "backend", "proxy", R);
        row("backend basic_auth", "backend", "basic_auth", R);
        row("backend set_request_headers", "backend", "set_request_headers", R);
        row("backend remove_query_params", "backend", "remove_query_params", R);
        row("backend add_form_params", "backend", "add_form_params", R);
        row("backend disable_certificate_validation", "backend", "disable_certificate_validation", S);
        row("backend http2", "backend", "http2", S);
        row("backend max_connections", "backend", "max_connections", S);
        row("oauth2 assertion", "oauth2", "assertion", R);
        row("oauth2 token_endpoint", "oauth2", "token_endpoint", S);
        row("oauth2 client_secret", "oauth2", "client_secret", S);
        row("oauth2 scope", "oauth2", "scope", S);
        row("oauth2 retries", "oauth2", "retries", S);
        row("oauth2 backend", "oauth2", "backend", S);
        row("nested profile claims", "oauth2.jwt_signing_profile", "claims", S);
        row("nested profile headers", "jwt_signing_profile", "headers", S);
        row("tls client_private_key_file", "tls", "client_private_key_file", S);
        row("token request url", "beta_token_request", "url", S);
        row("token request backend", "beta_token_request", "backend", S);
        row("token request headers", "beta_token_request", "headers", R);
        row("token request form_body", "beta_token_request", "form_body", R);
        row("token request method", "beta_token_request", "method", R);
        row("token request token", "beta_token_request", "token", EvaluationTime::TokenResponse);
        row("token request ttl", "beta_token_request", "ttl", EvaluationTime::TokenResponse);
        row("unknown attribute", "backend", "no_such_attribute", std::nullopt);
        row("unknown block", "endpoint", "path", std::nullopt);
    }

    void table_followsCouper()
    {
        QFETCH(QString, blockType);
        QFETCH(QString, attribute);
        QFETCH(std::optional<EvaluationTime>, time);
        QCOMPARE(Schema::couperEvaluationTime(blockType, attribute), time);
    }

    void variableUses_skipNamesAForBinds()
    {
        QCOMPARE(Hcl::variableReferences(QStringLiteral("[for n in split(\",\", request.query.names[0]) : trim(n)]")),
                 (QStringList{QStringLiteral("request")}));
        QCOMPARE(Hcl::variableReferences(QStringLiteral("{ for k, v in backend_responses : k => v.status if v != n }")),
                 (QStringList{QStringLiteral("backend_responses"), QStringLiteral("n")}));
        QCOMPARE(Hcl::variableReferences(QStringLiteral("\"${env.A}-${couper.version}-${reqest.x}\"")),
                 (QStringList{QStringLiteral("env"), QStringLiteral("couper"), QStringLiteral("reqest")}));
        QVERIFY(Hcl::variableReferences(QStringLiteral("\"plain request.path\"")).isEmpty());
    }

    // `check` (today: "there is no variable named request", exit 2) accepts the file; the model keeps what
    // reads the client request as written, and evaluates the rest.
    void requestVariables_inPerRequestAttributes_areAccepted()
    {
        const Hcl::CouperConfig config = Hcl::parseCouperConfig(RequestFile, QStringLiteral("couper.hcl"));
        QVERIFY2(messages(config.diagnostics, Diagnostic::Severity::Error).isEmpty(),
                 qPrintable(messages(config.diagnostics, Diagnostic::Severity::Error).join(u'\n')));
        QVERIFY2(messages(config.diagnostics, Diagnostic::Severity::Warning).isEmpty(),
                 qPrintable(messages(config.diagnostics, Diagnostic::Severity::Warning).join(u'\n')));
        const Block* api = backendNamed(config.backends, QStringLiteral("api"));
        QVERIFY(api);
        QCOMPARE(api->attribute(QStringLiteral("path")), QStringLiteral("\"/v1/users/${request.path_params.id}\""));
        QVERIFY(Hcl::readsClientRequest(QStringLiteral("backend"), QStringLiteral("path"), api->attribute(QStringLiteral("path"))));
        QVERIFY(!Hcl::holdsValue(QStringLiteral("backend"), QStringLiteral("origin"), api->attribute(QStringLiteral("origin"))));
        const Block* o = api->child(QStringLiteral("oauth2"));
        QVERIFY(o);
        // couper.version at start-up: a value.
        QCOMPARE(o->attribute(QStringLiteral("scope")), QStringLiteral("gateway-1.14.2"));
        QCOMPARE(o->attribute(QStringLiteral("assertion")), QStringLiteral("request.headers.x-assertion"));
        // Where each one is, by the names a run uses.
        QCOMPARE(config.requestReads.value(QStringLiteral("api.path")).line, 13);
        QCOMPARE(config.requestReads.value(QStringLiteral("api.path")).column, 14);
        QCOMPARE(config.requestReads.value(QStringLiteral("api.oauth2.assertion")).line, 21);
        QCOMPARE(config.requestReads.value(QStringLiteral("api.set_request_headers")).line, 14);
        // A value evaluated at load is not mistaken for an expression.
        QVERIFY(!Hcl::readsClientRequest(QStringLiteral("backend"), QStringLiteral("path"), QStringLiteral("/v1/users")));
        QVERIFY(!Hcl::readsClientRequest(QStringLiteral("backend"), QStringLiteral("origin"),
                                         QStringLiteral("https://request.example.com")));
        // Not at start-up: there request.* is an error, not "unknown until a request".
        QVERIFY(!Hcl::readsClientRequest(QStringLiteral("oauth2"), QStringLiteral("scope"), QStringLiteral("request.x")));
    }

    void realErrors_inPerRequestAttributes_haveTheirPlace()
    {
        const Hcl::CouperConfig config = Hcl::parseCouperConfig(
            "definitions {\n"
            "  backend \"b\" {\n"
            "    origin  = \"https://api.example.com\"\n"
            "    path    = to_lowr(request.path)\n"                 // 4: unknown function
            "    timeout = \"${1 + \"s\"}\"\n"                      // 5: a type error whatever the request
            "    set_request_headers = {\n"
            "      x-a = reqest.headers.a\n"                        // 7: unknown root (Couper: null)
            "      x-b = to_upper(request.headers.b)\n"             // 8: fine (null only without a request)
            "    }\n"
            "    oauth2 {\n"
            "      grant_type     = \"client_credentials\"\n"
            "      token_endpoint = \"https://as.example.com/token\"\n"
            "      client_id      = request.headers.client\n"      // 13: start-up: an error
            "      client_secret  = \"s\"\n"
            "    }\n"
            "  }\n"
            "}\n",
            QStringLiteral("e.hcl"));
        const QStringList errors = messages(config.diagnostics, Diagnostic::Severity::Error);
        QCOMPARE(errors.size(), 3);
        QVERIFY2(errors[0].startsWith(QStringLiteral("e.hcl:4:15: error: b.path: Call to unknown function")), qPrintable(errors[0]));
        QVERIFY2(errors[1].startsWith(QStringLiteral("e.hcl:5:")) && errors[1].contains(QStringLiteral("b.timeout")),
                 qPrintable(errors[1]));
        QVERIFY2(errors[2].startsWith(QStringLiteral("e.hcl:13:24: error: b.oauth2.client_id: Unknown variable: there is "
                                                     "no variable named \"request\". Couper evaluates client_id once at "
                                                     "start-up")),
                 qPrintable(errors[2]));
        const QStringList warnings = messages(config.diagnostics, Diagnostic::Severity::Warning);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].startsWith(QStringLiteral("e.hcl:7:13: warning: b.set_request_headers: Unknown variable: "
                                                       "there is no variable named \"reqest\"; Couper reads it as null")),
                 qPrintable(warnings[0]));
    }

    // jwt_sign and Couper's other context functions are Couper's, only not evaluated here: no error.
    void contextFunctions_areNotUnknown()
    {
        const Hcl::CouperConfig config = Hcl::parseCouperConfig(
            "definitions {\n"
            "  jwt_signing_profile \"ass\" {\n"
            "    signature_algorithm = \"HS256\"\n"
            "    key                 = \"0123456789abcdef0123456789abcdef\"\n"
            "    ttl                 = \"1m\"\n"
            "  }\n"
            "  backend \"b\" {\n"
            "    oauth2 {\n"
            "      grant_type     = \"urn:ietf:params:oauth:grant-type:jwt-bearer\"\n"
            "      token_endpoint = \"https://as.example.com/token\"\n"
            "      assertion      = jwt_sign(\"ass\", {})\n"
            "    }\n"
            "    set_request_headers = { x-v = oauth2_verifier() }\n"
            "  }\n"
            "}\n",
            QStringLiteral("f.hcl"));
        const QStringList errors = messages(config.diagnostics, Diagnostic::Severity::Error);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    }

    void run_refusesAnAttributeThatReadsTheRequest_namingIt()
    {
        const Hcl::CouperConfig config = Hcl::parseCouperConfig(RequestFile, QStringLiteral("couper.hcl"));
        ValueResolver resolver;
        resolver.setUseProcessEnvironment(false);
        const auto target = chooseTarget(config.backends, QStringLiteral("api"), {});
        QVERIFY(target);
        // The token step alone: the assertion is read from the request.
        const auto token = planRun(config.backends, *target, resolver);
        QVERIFY(!token);
        QCOMPARE(token.error().where, QStringLiteral("api.oauth2.assertion"));
        QVERIFY2(token.error().message.contains(QStringLiteral("reads the client request (request)")) &&
                     token.error().message.contains(QStringLiteral("--assertion")),
                 qPrintable(token.error().message));
        // With a resource call the backend's own origin, path and headers are needed too.
        Block api = *backendNamed(config.backends, QStringLiteral("api"));
        api.child(QStringLiteral("oauth2"))->setAttribute(QStringLiteral("assertion"), QStringLiteral("env.TB_EVT_ASSERTION"));
        RunOptions options;
        options.resourceUrl = QStringLiteral("https://api.example.com/v1/users/1");
        const auto resource = planRun({api}, *target, resolver, options);
        QVERIFY(!resource);
        QCOMPARE(resource.error().where, QStringLiteral("api.origin"));
        QVERIFY2(resource.error().message.contains(QStringLiteral("api.path")) &&
                     resource.error().message.contains(QStringLiteral("api.set_request_headers")),
                 qPrintable(resource.error().message));
        // Without the resource step nothing needs the request: the plan is made.
        resolver.setOverride(QStringLiteral("TB_EVT_ASSERTION"), QStringLiteral("eyJhbGciOiJIUzI1NiJ9.e30.c2ln"));
        const auto plain = planRun({api}, *target, resolver);
        QVERIFY2(plain, plain ? "" : qPrintable(plain.error().message));
    }

    // Couper: `defaults { environment_variables = { ... } }` (an attribute; configload's mergeDefaults reads no
    // block), overridden by the process environment.
    void defaults_environmentVariables_areTheLowestTier()
    {
        const Hcl::CouperConfig config = Hcl::parseCouperConfig(
            "defaults {\n"
            "  environment_variables = {\n"
            "    TB_EVT_HOST = \"as.example.com\"\n"
            "    \"TB_EVT_QUOTED\" = to_upper(\"x\")\n"
            "  }\n"
            "  environment_variables {\n"
            "    TB_EVT_IGNORED = \"y\"\n"
            "  }\n"
            "}\n"
            "definitions {\n"
            "  backend \"b\" {\n"
            "    origin = \"https://${env.TB_EVT_HOST}\"\n"
            "    basic_auth = env.TB_EVT_QUOTED\n"
            "  }\n"
            "}\n",
            QStringLiteral("d.hcl"));
        QCOMPARE(config.defaultEnvironment, (QMap<QString, QString>{{QStringLiteral("TB_EVT_HOST"), QStringLiteral("as.example.com")},
                                                                   {QStringLiteral("TB_EVT_QUOTED"), QStringLiteral("X")}}));
        QCOMPARE(config.backends.constFirst().attribute(QStringLiteral("origin")), QStringLiteral("https://as.example.com"));
        QCOMPARE(config.backends.constFirst().attribute(QStringLiteral("basic_auth")), QStringLiteral("env.TB_EVT_QUOTED"));
        const QStringList warnings = messages(config.diagnostics, Diagnostic::Severity::Warning);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].startsWith(QStringLiteral("d.hcl:6:3: warning: Couper ignores an environment_variables block")),
                 qPrintable(warnings[0]));

        ValueResolver resolver;
        resolver.setDefaultValues(config.defaultEnvironment);
        QCOMPARE(resolver.resolve(QStringLiteral("env.TB_EVT_QUOTED")).value, QStringLiteral("X"));
        QCOMPARE(resolver.sourceOf(QStringLiteral("TB_EVT_QUOTED")), ValueResolver::Source::Default);
        resolver.setKeychainValue(QStringLiteral("TB_EVT_QUOTED"), SecureBytes(QByteArrayLiteral("keychain")));
        QCOMPARE(resolver.resolve(QStringLiteral("env.TB_EVT_QUOTED")).value, QStringLiteral("keychain"));
        qputenv("TB_EVT_QUOTED", "process");
        QCOMPARE(resolver.resolve(QStringLiteral("env.TB_EVT_QUOTED")).value, QStringLiteral("process"));
        resolver.setOverride(QStringLiteral("TB_EVT_QUOTED"), QStringLiteral("flag"));
        QCOMPARE(resolver.resolve(QStringLiteral("env.TB_EVT_QUOTED")).value, QStringLiteral("flag"));
        // The process environment overrides a default at load too.
        qputenv("TB_EVT_HOST", "process.example.com");
        const Hcl::CouperConfig again = Hcl::parseCouperConfig(
            "defaults {\n  environment_variables = { TB_EVT_HOST = \"as.example.com\" }\n}\n"
            "definitions {\n  backend \"b\" {\n    origin = \"https://${env.TB_EVT_HOST}\"\n  }\n}\n",
            QStringLiteral("d.hcl"));
        QCOMPARE(again.backends.constFirst().attribute(QStringLiteral("origin")), QStringLiteral("https://process.example.com"));
        qunsetenv("TB_EVT_QUOTED");
        qunsetenv("TB_EVT_HOST");
    }

    void defaults_environmentVariables_errorsAsCouper()
    {
        const Hcl::CouperConfig config = Hcl::parseCouperConfig(
            "defaults {\n"
            "  environment_variables = \"val\"\n"
            "}\n"
            "defaults {\n"
            "  environment_variables = {\n"
            "    env.FOO = \"val\"\n"
            "    \"key${1 + 0}\" = \"val\"\n"
            "    to_upper(\"key\") = \"val\"\n"
            "  }\n"
            "}\n",
            QStringLiteral("couper.hcl"));
        QCOMPARE(messages(config.diagnostics, Diagnostic::Severity::Error),
                 (QStringList{QStringLiteral("couper.hcl:2:27: error: environment_variables must be object type"),
                              QStringLiteral("couper.hcl:6:5: error: unsupported key scope traversal expression"),
                              QStringLiteral("couper.hcl:7:5: error: unsupported key template expression"),
                              QStringLiteral("couper.hcl:8:5: error: unsupported key expression")}));
    }

    // Couper's configload merge: a definitions block replaces the same type and label of an earlier file;
    // defaults.environment_variables merge by key, the later file winning; each file's diagnostics keep their
    // own file:line:col; a reference to a backend of another file is fine.
    void multiFile_mergesInOrder()
    {
        const Hcl::CouperConfig config = Hcl::parseCouperFiles(
            {{QStringLiteral("a.hcl"), "defaults {\n"
                                       "  environment_variables = { TB_EVT_A = \"a1\", TB_EVT_B = \"b1\" }\n"
                                       "}\n"
                                       "definitions {\n"
                                       "  backend \"as\" {\n"
                                       "    origin = \"https://as.example.com\"\n"
                                       "  }\n"
                                       "  backend \"be\" {\n"
                                       "    origin = \"https://old.example.com\"\n"
                                       "  }\n"
                                       "}\n"},
             {QStringLiteral("b.hcl"), "defaults {\n"
                                       "  environment_variables = { TB_EVT_B = \"b2\" }\n"
                                       "}\n"
                                       "definitions {\n"
                                       "  backend \"be\" {\n"
                                       "    origin = \"https://${env.TB_EVT_B}.example.com\"\n"
                                       "    oauth2 {\n"
                                       "      grant_type = \"client_credentials\"\n"
                                       "      backend    = \"as\"\n"
                                       "      client_id  = \"c\"\n"
                                       "      client_secret = \"s\"\n"
                                       "      scope = request.x\n"
                                       "    }\n"
                                       "  }\n"
                                       "}\n"}});
        QVERIFY(config.multiFile());
        QCOMPARE(config.defaultEnvironment, (QMap<QString, QString>{{QStringLiteral("TB_EVT_A"), QStringLiteral("a1")},
                                                                   {QStringLiteral("TB_EVT_B"), QStringLiteral("b2")}}));
        QCOMPARE(config.backends.size(), 2);
        QCOMPARE(backendNamed(config.backends, QStringLiteral("be"))->attribute(QStringLiteral("origin")),
                 QStringLiteral("https://b2.example.com"));
        QVERIFY(backendNamed(config.backends, QStringLiteral("be"))->child(QStringLiteral("oauth2")));
        // Only the start-up error in b.hcl, at its place; "as" is defined in a.hcl.
        QCOMPARE(messages(config.diagnostics, Diagnostic::Severity::Error).size(), 1);
        QVERIFY2(messages(config.diagnostics, Diagnostic::Severity::Error)
                     .constFirst()
                     .startsWith(QStringLiteral("b.hcl:12:15: error: be.oauth2.scope: Unknown variable")),
                 qPrintable(messages(config.diagnostics, Diagnostic::Severity::Error).join(u'\n')));
        QCOMPARE(messages(config.diagnostics, Diagnostic::Severity::Info),
                 (QStringList{QStringLiteral("b.hcl:5:3: info: backend \"be\" replaces the one in a.hcl:8:3 (Couper merges "
                                             "the files in order; a later definition wins)")}));
        // The other order: a.hcl's backend wins.
        const Hcl::CouperConfig reversed = Hcl::parseCouperFiles({config.files[1], config.files[0]});
        QCOMPARE(backendNamed(reversed.backends, QStringLiteral("be"))->attribute(QStringLiteral("origin")),
                 QStringLiteral("https://old.example.com"));
        QCOMPARE(reversed.defaultEnvironment.value(QStringLiteral("TB_EVT_B")), QStringLiteral("b1"));
    }

    // basic_auth is evaluated like origin (it was kept as written and sent with its quotes).
    void basicAuth_isSentAsItsValue()
    {
        const Hcl::CouperConfig config = Hcl::parseCouperConfig(
            "defaults {\n  environment_variables = { TB_EVT_PW = \"pw\" }\n}\n"
            "definitions {\n  backend \"b\" {\n    basic_auth = \"user:${env.TB_EVT_PW}\"\n  }\n}\n",
            QStringLiteral("ba.hcl"));
        QCOMPARE(config.backends.constFirst().attribute(QStringLiteral("basic_auth")), QStringLiteral("user:pw"));
        const auto settings = backendSettingsFromBlock(config.backends.constFirst(), ValueResolver());
        QVERIFY(settings);
        QCOMPARE(settings->basicAuth, QStringLiteral("user:pw"));
    }

    // Couper's -d: a directory's *.hcl files (not subdirectories, not other files) in name order; -f and -d
    // in command-line order.
    void fileList_directoryInNameOrder()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("couper.d/sub")));
        const QString d = dir.filePath(QStringLiteral("couper.d"));
        for (const char* name : {"20_b.hcl", "10_a.hcl", "B.hcl", "notes.txt", "sub/00_inner.hcl"})
            writeFile(d + u'/' + QString::fromLatin1(name), "server {}\n");
        writeFile(dir.filePath(QStringLiteral("main.hcl")), "server {}\n");
        const auto list = Hcl::couperFileList({dir.filePath(QStringLiteral("main.hcl")), d});
        QVERIFY(list);
        QCOMPARE(*list, (QStringList{dir.filePath(QStringLiteral("main.hcl")), d + QStringLiteral("/10_a.hcl"),
                                     d + QStringLiteral("/20_b.hcl"), d + QStringLiteral("/B.hcl")}));
        const auto missing = Hcl::couperFileList({dir.filePath(QStringLiteral("nope.hcl"))});
        QVERIFY(!missing);
        QCOMPARE(missing.error().where, dir.filePath(QStringLiteral("nope.hcl")));
        QVERIFY(!Hcl::couperFileList({d + QStringLiteral("/sub/..") + QStringLiteral("/sub/x")}));
    }
};

QTEST_GUILESS_MAIN(TestEvaluationTimes)
#include "tst_evaluationtimes.moc"
