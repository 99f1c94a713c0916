// Credentials typed into header / query / form maps (backend modifiers, beta_token_request maps): which
// literals count as secrets, and that workspace files, crash-recovery files and Couper save-back write
// env.NAME in their place (the value only in the substitutions meant for the keychain).
#include <QTest>

#include "export/exporter.h"
#include "model/couperconfig.h"
#include "model/recovery.h"
#include "model/secretliterals.h"
#include "model/validator.h"
#include "model/valueresolver.h"
#include "model/workspacefile.h"
#include "saveback/couperwriter.h"
#include "secrets/secretresolution.h"
#include "util/testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

using namespace Tokenbench::Core;
namespace SL = Tokenbench::Core::SecretLiterals;

namespace {

const QString Jwt = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJlLWNhbmFyeQ");

Block backendWith(const QString& attribute, const QString& expression)
{
    Block b{BlockType::Backend, QStringLiteral("api"), {{QStringLiteral("origin"), QStringLiteral("https://api.example")}}, {}};
    b.attributes.insert(attribute, expression);
    return b;
}

QStringList keysOf(const QList<SL::Literal>& literals)
{
    QStringList keys;
    for (const SL::Literal& l : literals)
        keys << l.key;
    return keys;
}

// An exporter that writes oauth2.client_secret in clear after a fixed text: what the scan must catch.
class LeakyExporter final : public Export::Exporter
{
public:
    QString id() const override { return QStringLiteral("couper"); }
    QString displayName() const override { return QStringLiteral("Leaky"); }
    QString fileExtension() const override { return QStringLiteral("txt"); }
    QString language() const override { return QStringLiteral("text"); }
    Result<Export::ExportOutput> exportBackend(const Export::ExportInput& input) const override
    {
        Export::ExportOutput out;
        const Block* o = input.backend.child(BlockType::OAuth2);
        out.text = QStringLiteral("password secret client_secret = ") + (o ? o->attribute(QStringLiteral("client_secret")) : QString());
        return out;
    }
};

Block passwordBackend()
{
    Block b{BlockType::Backend, QStringLiteral("b"), {{QStringLiteral("origin"), QStringLiteral("https://api.example")}}, {}};
    b.blocks.append(Block{BlockType::OAuth2, {},
                          {{QStringLiteral("token_endpoint"), QStringLiteral("https://as.example/token")},
                           {QStringLiteral("grant_type"), QStringLiteral("password")},
                           {QStringLiteral("client_id"), QStringLiteral("client")},
                           {QStringLiteral("client_secret"), QStringLiteral("secret")},
                           {QStringLiteral("username"), QStringLiteral("user")},
                           {QStringLiteral("password"), QStringLiteral("password")}},
                          {}});
    return b;
}

} // namespace

class TestSecretLiterals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void credentialNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("secret");
        for (const char* n : {"authorization", "Proxy-Authorization", "x-api-key", "api-key", "cookie", "x-auth-token",
                              "client_secret", "password", "api_key", "access_token", "token", "X-Goog-Api-Key",
                              "refresh_token", "db_password", "Ocp-Apim-Subscription-Key"})
            QTest::newRow(n) << QString::fromLatin1(n) << true;
        for (const char* n : {"x-tenant", "accept", "content-type", "audience", "resource", "scope", "grant_type",
                              "username", "client_id", "x-request-id", "token_type"})
            QTest::newRow(n) << QString::fromLatin1(n) << false;
    }

    void credentialNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, secret);
        QCOMPARE(SL::isCredentialName(name), secret);
    }

    void credentialValues_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("secret");
        QTest::newRow("bearer") << QStringLiteral("Bearer abc.def.ghi") << true;
        QTest::newRow("basic") << QStringLiteral("Basic YXBwOnMzY3JldA==") << true;
        QTest::newRow("jwt") << Jwt << true;
        QTest::newRow("api-key") << QStringLiteral("sk_live_51HqLyjWDarjtT1zdp7dc") << true;
        QTest::newRow("github") << QStringLiteral("ghp_R2d2C3poX9wQ7eLk4sT8uV1yZ0aB6cD5") << true;
        QTest::newRow("word") << QStringLiteral("tenant-a") << false;
        QTest::newRow("host") << QStringLiteral("api.example.com") << false;
        QTest::newRow("uuid") << QStringLiteral("6f1c2b7e-8d3a-4f5e-9b0c-1a2d3e4f5a6b") << false;
        QTest::newRow("url") << QStringLiteral("https://api.example.com/v1/items") << false;
        QTest::newRow("sentence") << QStringLiteral("hello world, this is text") << false;
        QTest::newRow("number") << QStringLiteral("12345678901234567890123") << false;
        QTest::newRow("mime") << QStringLiteral("application/x-www-form-urlencoded") << false;
    }

    void credentialValues()
    {
        QFETCH(QString, value);
        QFETCH(bool, secret);
        QCOMPARE(SL::looksLikeCredential(value), secret);
    }

    void find_literalsOnly_expressionsAreNotSecrets()
    {
        const QString text = QStringLiteral(
                                 "{\n"
            "  authorization = \"Bearer abc.def.ghi\"\n"
            "  \"X-Api-Key\" = \"k3y-value\"\n"
            "  x-forwarded = request.headers.authorization\n"
            "  x-from-env = env.API_TOKEN\n"
            "  x-template = \"Bearer ${env.T}\"\n"
            "  x-tenant = \"tenant-a\"\n"
            "  x-opaque = \"") + Jwt + QStringLiteral("\"\n"
            "  cookie = \"\"\n"
            "}");
        const auto found = SL::find(BlockType::Backend, QStringLiteral("set_request_headers"), text);
        QCOMPARE(keysOf(found), (QStringList{QStringLiteral("authorization"), QStringLiteral("X-Api-Key"), QStringLiteral("x-opaque")}));
        QVERIFY(found.at(0).byName);
        QVERIFY(!found.at(2).byName);
        QCOMPARE(found.at(0).value, QStringLiteral("Bearer abc.def.ghi"));
        // Not a credential map: nothing.
        QVERIFY(SL::find(BlockType::Backend, QStringLiteral("origin"), text).isEmpty());
        QVERIFY(SL::find(QStringLiteral("jwt_signing_profile"), QStringLiteral("headers"), text).isEmpty());
    }

    void find_nestedJsonBodyAndTuples()
    {
        const QString json = QStringLiteral("{ user = { name = \"alice\", password = \"pw-canary\" }, n = 2 }");
        QCOMPARE(keysOf(SL::find(QStringLiteral("beta_token_request"), QStringLiteral("json_body"), json)),
                 QStringList{QStringLiteral("user.password")});
        const QString query = QStringLiteral("{ api_key = [\"one-canary\", \"two-canary\"], page = [\"1\"] }");
        QCOMPARE(keysOf(SL::find(BlockType::Backend, QStringLiteral("add_query_params"), query)),
                 (QStringList{QStringLiteral("api_key"), QStringLiteral("api_key")}));
    }

    void moveToReferences_rewritesOnlyTheLiterals()
    {
        QList<QPair<QString, QString>> taken;
        const auto r = SL::moveToReferences(
            BlockType::Backend, QStringLiteral("set_request_headers"),
            QStringLiteral("{ authorization = \"Bearer abc.def.ghi\", x-tenant = \"a\", x-api-key = \"k3y-canary\" }"),
            QStringLiteral("api"), &taken);
        QCOMPARE(r.text, QStringLiteral("{ authorization = env.API_AUTHORIZATION, x-tenant = \"a\", x-api-key = env.API_X_API_KEY }"));
        QCOMPARE(r.moved.size(), 2);
        QCOMPARE(r.moved.at(0).value, QStringLiteral("Bearer abc.def.ghi"));
        QCOMPARE(r.moved.at(1).variable, QStringLiteral("API_X_API_KEY"));
        // A name already given to another value gets a suffix; the same value reuses it.
        const auto again = SL::moveToReferences(BlockType::Backend, QStringLiteral("add_request_headers"),
                                                QStringLiteral("{ authorization = \"Bearer other\", x-api-key = \"k3y-canary\" }"),
                                                QStringLiteral("api"), &taken);
        QCOMPARE(again.text, QStringLiteral("{ authorization = env.API_AUTHORIZATION_2, x-api-key = env.API_X_API_KEY }"));
    }

    void workspaceFile_writesReferences_substitutionsCarryValues()
    {
        Block b = backendWith(QStringLiteral("set_request_headers"), QStringLiteral("{ authorization = \"Bearer abc.def.ghi\" }"));
        b.attributes.insert(QStringLiteral("set_form_params"), QStringLiteral("{ client_secret = \"form-canary-1\" }"));
        Block beta{QStringLiteral("beta_token_request"), QStringLiteral("login"), {}, {}};
        beta.attributes.insert(QStringLiteral("url"), QStringLiteral("\"https://as.example/login\""));
        beta.attributes.insert(QStringLiteral("form_body"), QStringLiteral("{ client_secret = \"beta-canary-2\", user = \"u\" }"));
        beta.attributes.insert(QStringLiteral("headers"), QStringLiteral("{ authorization = \"Bearer abc.def.ghi\" }"));
        beta.attributes.insert(QStringLiteral("json_body"), QStringLiteral("{ nested = { password = \"beta-canary-3\" } }"));
        b.blocks.append(beta);
        const auto s = WorkspaceFile::serialize({b}, QStringLiteral("ws-1"));
        for (const char* canary : {"abc.def.ghi", "form-canary-1", "beta-canary-2", "beta-canary-3"})
            QVERIFY2(!s.bytes.contains(canary), canary);
        QVERIFY(s.bytes.contains("authorization = env.API_AUTHORIZATION }"));
        QVERIFY(s.bytes.contains("client_secret = env.API_CLIENT_SECRET }"));
        QVERIFY(s.bytes.contains("client_secret = env.API_LOGIN_CLIENT_SECRET"));
        QVERIFY(s.bytes.contains("password = env.API_LOGIN_NESTED_PASSWORD"));
        QVERIFY(s.bytes.contains("user = \\\"u\\\""));
        QStringList variables;
        for (const auto& sub : s.substitutions) {
            QVERIFY(!sub.value.isEmpty());
            variables << sub.variable;
        }
        QCOMPARE(variables.size(), 5);
        QVERIFY(variables.contains(QStringLiteral("API_LOGIN_AUTHORIZATION")));
        // Loaded back: the references, which the run resolves (the keychain is asked for the modifier's).
        auto loaded = WorkspaceFile::parse(s.bytes);
        QVERIFY(loaded.ok());
        bool modifierRef = false;
        for (const SecretReference& r : secretReferences(loaded->backends.constFirst()))
            modifierRef = modifierRef || (r.variable == u"API_AUTHORIZATION" && r.attribute == u"set_request_headers");
        QVERIFY(modifierRef);
    }

    void workspaceFile_secretAttributeNameIsNotReusedForAnotherValue()
    {
        Block b = backendWith(QStringLiteral("set_form_params"), QStringLiteral("{ client_secret = \"form-value-1\" }"));
        b.blocks.append(Block{BlockType::OAuth2, {}, {{QStringLiteral("client_secret"), QStringLiteral("oauth-value-2")}}, {}});
        const auto s = WorkspaceFile::serialize({b});
        QStringList pairs;
        for (const auto& sub : s.substitutions)
            pairs << sub.variable + u'=' + sub.value;
        pairs.sort();
        QCOMPARE(pairs, (QStringList{QStringLiteral("API_CLIENT_SECRET=oauth-value-2"),
                                     QStringLiteral("API_CLIENT_SECRET_2=form-value-1")}));
    }

    void recoveryFile_neverHoldsTheValue()
    {
        const Block b = backendWith(QStringLiteral("add_request_headers"),
                                    QStringLiteral("{ x-api-key = \"recovery-canary-k3y\", proxy-authorization = \"Basic cmVjb3Zlcnk6Y2FuYXJ5\" }"));
        QVERIFY(Recovery::write(QStringLiteral("recovery-secret-test"), {}, {b}).ok());
        QFile f(QDir(Recovery::directory()).filePath(QStringLiteral("recovery-secret-test.tbw")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.contains("env.API_X_API_KEY"));
        QVERIFY(!bytes.contains("recovery-canary-k3y"));
        QVERIFY(!bytes.contains("cmVjb3Zlcnk6Y2FuYXJ5"));
        Recovery::discard(QStringLiteral("recovery-secret-test"));
    }

    void saveBack_writesReferences_andReturnsValuesForTheKeychain()
    {
        const QByteArray source = "definitions {\n"
                                  "  backend \"api\" {\n"
                                  "    origin = \"https://api.example\"\n"
                                  "  }\n"
                                  "}\n";
        const auto config = Hcl::parseCouperConfig(source, QStringLiteral("couper.hcl"));
        QList<Block> edited = config.backends;
        edited[0].setAttribute(QStringLiteral("set_request_headers"),
                               QStringLiteral("{\n  authorization = \"Bearer abc.def.ghi\"\n  x-tenant = \"a\"\n}"));
        const auto written = Hcl::writeBack(source, QStringLiteral("couper.hcl"), config.backends, edited);
        QVERIFY2(written.ok(), written ? "" : qPrintable(written.error().message));
        QVERIFY2(!written->text.contains("abc.def.ghi"), written->text.constData());
        QVERIFY2(written->text.contains("authorization = env.API_AUTHORIZATION"), written->text.constData());
        QVERIFY(written->text.contains("x-tenant      = \"a\"") || written->text.contains("x-tenant = \"a\""));
        QCOMPARE(written->secrets, (QList<QPair<QString, QString>>{{QStringLiteral("API_AUTHORIZATION"),
                                                                    QStringLiteral("Bearer abc.def.ghi")}}));
        // A beta_token_request typed anew: its maps too.
        Block beta{QStringLiteral("beta_token_request"), {}, {}, {}};
        beta.attributes.insert(QStringLiteral("url"), QStringLiteral("\"https://as.example/token\""));
        beta.attributes.insert(QStringLiteral("form_body"), QStringLiteral("{ client_secret = \"saveback-canary\" }"));
        beta.attributes.insert(QStringLiteral("token"), QStringLiteral("beta_token_response.json_body.access_token"));
        beta.attributes.insert(QStringLiteral("ttl"), QStringLiteral("\"60s\""));
        edited[0].blocks.append(beta);
        const auto again = Hcl::writeBack(source, QStringLiteral("couper.hcl"), config.backends, edited);
        QVERIFY2(again.ok(), again ? "" : qPrintable(again.error().message));
        QVERIFY2(!again->text.contains("saveback-canary"), again->text.constData());
        QVERIFY(again->text.contains("client_secret = env.API_CLIENT_SECRET"));
    }

    void validator_saysSoInTheProblemsView_withoutTheValue()
    {
        Block b = backendWith(QStringLiteral("set_request_headers"), QStringLiteral("{ authorization = \"Bearer abc.def.ghi\" }"));
        Block beta{QStringLiteral("beta_token_request"), QStringLiteral("login"), {}, {}};
        beta.attributes.insert(QStringLiteral("headers"), QStringLiteral("{ x-api-key = \"validator-canary\", x-from = request.headers.x }"));
        b.blocks.append(beta);
        const Diagnostics d = Validator::validateBackend(b);
        QStringList notes;
        for (const Diagnostic& x : d) {
            QVERIFY(!x.message.contains(QStringLiteral("abc.def.ghi")));
            QVERIFY(!x.message.contains(QStringLiteral("validator-canary")));
            if (x.message.contains(QStringLiteral("secret typed in clear"))) {
                QCOMPARE(x.severity, Diagnostic::Severity::Info);
                notes << x.block + u'|' + x.attribute;
            }
        }
        QCOMPARE(notes, (QStringList{QStringLiteral("|set_request_headers"),
                                     QStringLiteral("beta_token_request:login|headers")}));
        // References and expressions are not reported.
        const Block clean = backendWith(QStringLiteral("set_request_headers"),
                                        QStringLiteral("{ authorization = \"Bearer ${env.T}\", x = env.K }"));
        for (const Diagnostic& x : Validator::validateBackend(clean))
            QVERIFY2(!x.message.contains(QStringLiteral("secret typed in clear")), qPrintable(x.message));
    }

    void leakScan_wholeTokens_valuesNotExpressions()
    {
        Block b{BlockType::Backend, QStringLiteral("b"), {}, {}};
        b.blocks.append(Block{BlockType::OAuth2, {},
                              {{QStringLiteral("password"), QStringLiteral("pass")},
                               {QStringLiteral("assertion"), QStringLiteral("request.headers.x-assertion")},
                               {QStringLiteral("token_endpoint"), QStringLiteral("https://as/token?client_secret=QryValue77")}},
                              {}});
        b.attributes.insert(QStringLiteral("set_request_headers"), QStringLiteral("{ x-api-key = \"MapValue42\" }"));
        ValueResolver resolver;
        QVERIFY(Export::scanForSecrets(QStringLiteral("password = env.X\nassertion = request.headers.x-assertion\n"), {b}, resolver).clean());
        const auto leak = Export::scanForSecrets(QStringLiteral("password = \"pass\""), {b}, resolver);
        QCOMPARE(leak.leaks, QStringList{QStringLiteral("backend \"b\" oauth2.password")});
        QCOMPARE(Export::scanForSecrets(QStringLiteral("-H 'X-Api-Key: MapValue42'"), {b}, resolver).leaks,
                 QStringList{QStringLiteral("backend \"b\" set_request_headers.x-api-key")});
        QCOMPARE(Export::scanForSecrets(QStringLiteral("curl https://as/token?client_secret=QryValue77"), {b}, resolver).leaks,
                 QStringList{QStringLiteral("backend \"b\" oauth2.token_endpoint.client_secret")});
        QVERIFY(Export::scanForSecrets(QStringLiteral("MapValue42x QryValue777"), {b}, resolver).clean());
    }

    // Issue 15.8: values that equal the export's own words (password = "password", client_secret = "secret")
    // are not leaks; the old whole-token scan refused every format.
    void scanExport_exportsOwnWordsAreNotLeaks()
    {
        const Block b = passwordBackend();
        ValueResolver resolver;
        for (const QString& format : {QStringLiteral("couper"), QStringLiteral("curl"), QStringLiteral("http"),
                                      QStringLiteral("oauth2c")}) {
            Export::ExportInput input;
            input.backend = b;
            const auto exporter = Export::exporterFor(format);
            const auto out = exporter->exportBackend(input);
            QVERIFY2(out.ok(), qPrintable(format));
            QVERIFY(!Export::scanForSecrets(out->text, {b}, resolver).clean()); // the old scan: a false refusal
            const auto scan = Export::scanExport(*exporter, input, out->text, resolver);
            QVERIFY2(scan.clean(), qPrintable(format + u' ' + scan.leaks.join(u',')));
        }
    }

    void scanExport_aRealLeakIsCaught_evenAShortValue()
    {
        Block b = passwordBackend();
        ValueResolver resolver;
        const LeakyExporter leaky;
        Export::ExportInput input;
        input.backend = b;
        const auto out = leaky.exportBackend(input);
        QCOMPARE(Export::scanExport(leaky, input, out->text, resolver).leaks,
                 QStringList{QStringLiteral("backend \"b\" oauth2.client_secret")});
        b.child(BlockType::OAuth2)->setAttribute(QStringLiteral("client_secret"), QStringLiteral("pw"));
        input.backend = b;
        QCOMPARE(Export::scanExport(leaky, input, leaky.exportBackend(input)->text, resolver).leaks,
                 QStringList{QStringLiteral("backend \"b\" oauth2.client_secret")});
    }

    // Only the exported part's secrets count: the oauth2 password equals the beta request's user name, and the
    // curl export of that request (which writes no oauth2 block) is not refused for it.
    void scanExport_onlyTheExportedPart()
    {
        Block b = passwordBackend();
        b.child(BlockType::OAuth2)->setAttribute(QStringLiteral("password"), QStringLiteral("svc-orders1"));
        Block beta{QStringLiteral("beta_token_request"), QStringLiteral("login"), {}, {}};
        beta.setAttribute(QStringLiteral("url"), QStringLiteral("\"https://as.example/login\""));
        beta.setAttribute(QStringLiteral("json_body"),
                          QStringLiteral("{ user = { name = \"svc-orders1\", password = \"beta-canary-77\" } }"));
        beta.setAttribute(QStringLiteral("token"), QStringLiteral("beta_token_response.json_body.access_token"));
        beta.setAttribute(QStringLiteral("ttl"), QStringLiteral("\"60s\""));
        b.blocks.append(beta);
        ValueResolver resolver;
        Export::ExportInput input;
        input.backend = b;
        input.requestLabel = QStringLiteral("login");
        const auto exporter = Export::exporterFor(QStringLiteral("curl"));
        const auto out = exporter->exportBackend(input);
        QVERIFY2(out.ok(), out ? "" : qPrintable(out.error().message));
        QVERIFY(out->text.contains(QStringLiteral("svc-orders1")));
        QVERIFY(!out->text.contains(QStringLiteral("beta-canary-77"))); // the json_body secret is a variable
        QVERIFY(out->variableNames().contains(QStringLiteral("B_LOGIN_USER_PASSWORD")));
        // The old scan (every secret of the backend): a false refusal.
        QVERIFY(Export::scanForSecrets(out->text, {b}, resolver).leaks.contains(QStringLiteral("backend \"b\" oauth2.password")));
        QVERIFY(Export::scanExport(*exporter, input, out->text, resolver).clean());
        // An expression is not a value: assertion = request.headers.x-assertion exports as it is.
        Block jb{BlockType::Backend, QStringLiteral("j"), {}, {}};
        jb.blocks.append(Block{BlockType::OAuth2, {},
                               {{QStringLiteral("token_endpoint"), QStringLiteral("https://as.example/token")},
                                {QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer")},
                                {QStringLiteral("assertion"), QStringLiteral("request.headers.x-assertion")}},
                               {}});
        Export::ExportInput jinput;
        jinput.backend = jb;
        const auto couper = Export::exporterFor(QStringLiteral("couper"));
        const auto jout = couper->exportBackend(jinput);
        QVERIFY(jout.ok());
        QVERIFY(jout->text.contains(QStringLiteral("assertion      = request.headers.x-assertion")));
        QVERIFY(Export::scanExport(*couper, jinput, jout->text, resolver).clean());
    }

    // Save-back: secrets typed into a beta_token_request's headers and nested json_body are written as env.NAME.
    void saveBack_betaHeadersAndJsonBody_areReferences()
    {
        const QByteArray source = "definitions {\n"
                                  "  backend \"api\" {\n"
                                  "    origin = \"https://api.example\"\n"
                                  "  }\n"
                                  "}\n";
        const auto config = Hcl::parseCouperConfig(source, QStringLiteral("couper.hcl"));
        QList<Block> edited = config.backends;
        Block beta{QStringLiteral("beta_token_request"), QStringLiteral("login"), {}, {}};
        beta.attributes.insert(QStringLiteral("url"), QStringLiteral("\"https://as.example.com/token\""));
        beta.attributes.insert(QStringLiteral("headers"), QStringLiteral("{ authorization = \"Basic c2F2ZWJhY2s6Y2FuYXJ5\" }"));
        beta.attributes.insert(QStringLiteral("json_body"),
                               QStringLiteral("{ user = { name = \"svc\", password = \"json-canary-9\" }, assertion = request.headers.x-a }"));
        beta.attributes.insert(QStringLiteral("token"), QStringLiteral("beta_token_response.json_body.access_token"));
        beta.attributes.insert(QStringLiteral("ttl"), QStringLiteral("\"60s\""));
        edited[0].blocks.append(beta);
        const auto written = Hcl::writeBack(source, QStringLiteral("couper.hcl"), config.backends, edited);
        QVERIFY2(written.ok(), written ? "" : qPrintable(written.error().message));
        QVERIFY2(!written->text.contains("json-canary-9"), written->text.constData());
        QVERIFY2(!written->text.contains("c2F2ZWJhY2s6Y2FuYXJ5"), written->text.constData());
        QVERIFY2(written->text.contains("assertion = request.headers.x-a"), written->text.constData());
        QCOMPARE(written->secrets.size(), 2);
        const auto reread = Hcl::parseCouperConfig(written->text, QStringLiteral("couper.hcl"));
        QVERIFY(!hasErrors(reread.diagnostics));
    }

    void urlSecrets_userinfoAndQuery()
    {
        const auto found = SL::urlSecrets(QStringLiteral("https://id:pw-canary@as.example/token?client_secret=s3&x=1&api_key=k"));
        QCOMPARE(found.size(), 3);
        QCOMPARE(found.at(0).second, QStringLiteral("pw-canary"));
        QCOMPARE(found.at(1).first, QStringLiteral("client_secret"));
        QCOMPARE(found.at(2).first, QStringLiteral("api_key"));
        QVERIFY(SL::urlSecrets(QStringLiteral("https://as.example/token?tenant=a")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSecretLiterals)
#include "tst_secretliterals.moc"
