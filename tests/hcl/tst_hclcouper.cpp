#include <QDir>
#include <QFile>
#include <QTest>

#include "model/couperconfig.h"
#include "model/couperfile.h"
#include "testconfig.h"
#include "util/coupercorpus.h"
#include "util/testsupport.h"

using namespace Tokenbench::Core;
using namespace Tokenbench::Core::Hcl;

namespace {

QByteArray readPath(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray readCorpus(const QString& name)
{
    return Tokenbench::Test::readOwnCorpus(name);
}

QStringList messages(const CouperFile& f)
{
    QStringList out;
    for (const Diagnostic& d : f.diagnostics)
        out << QStringLiteral("%1:%2: %3").arg(d.line).arg(d.column).arg(d.message);
    return out;
}

} // namespace

class TestHclCouper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }
    void corpus_mapsWithCouperDiagnostics_data();
    void corpus_mapsWithCouperDiagnostics();
    void tokenRequestFile_mapsBackendsAndTokenBlocks();
    void inlineTokenBackend_isNamedAfterOwnerBrace();
    void links_leadBackToSyntaxForLosslessEdits();
    void oauth2WithoutGrantType_reportsMissingArgument();
    void oauth2Grants_checkRequiredAttributes_data();
    void oauth2Grants_checkRequiredAttributes();
    void tokenRequestLabels_areCheckedLikeCouper_data();
    void tokenRequestLabels_areCheckedLikeCouper();
    void backendAttributeAndBlock_areMultipleDefinitions();
    void undefinedBackendReference_isReported();
    void backendLabels_areValidatedAndUnique();
    void manyConfigurationErrors_areCappedWithOneNote();
    void disableCertificateValidation_boolWorksLikeString_data();
    void disableCertificateValidation_boolWorksLikeString();
};

void TestHclCouper::corpus_mapsWithCouperDiagnostics_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("expected");
    for (const QString& path : Tokenbench::Test::couperCorpusFiles()) {
        const QString name = Tokenbench::Test::corpusRowName(path);
        QStringList expected;
        // Couper refuses to start with these (circular backend references); it accepts the others.
        if (name == u"own/circular.hcl" || name == u"shared/2-21_couper.hcl")
            expected << QStringLiteral("circular reference");
        QTest::newRow(qPrintable(name)) << path << expected;
    }
}

void TestHclCouper::corpus_mapsWithCouperDiagnostics()
{
    QFETCH(QString, path);
    QFETCH(QStringList, expected);
    const Document d = Document::parse(readPath(path), path);
    const CouperFile f = mapCouperFile(d);
    const QStringList got = messages(f);
    QCOMPARE(got.size(), expected.size());
    for (int i = 0; i < got.size(); ++i)
        QVERIFY2(got[i].contains(expected[i]), qPrintable(got[i]));
    if (d.source().contains("backend"))
        QVERIFY(!f.backends.isEmpty());
}

void TestHclCouper::tokenRequestFile_mapsBackendsAndTokenBlocks()
{
    const Document d = Document::parse(readCorpus(QStringLiteral("token_requests.hcl")));
    const CouperFile f = mapCouperFile(d);
    QCOMPARE(messages(f), QStringList());
    QStringList names;
    for (const CouperBackend& b : f.backends)
        names << b.block.label;
    QCOMPARE(names, (QStringList{QStringLiteral("orders"), QStringLiteral("issuer"), QStringLiteral("keystore")}));
    const Block& be = f.backends[0].block;
    QCOMPARE(be.type, QStringLiteral("backend"));
    QCOMPARE(be.attribute(QStringLiteral("origin")), QStringLiteral("\"https://orders.internal.example\""));
    QVERIFY(be.attribute(QStringLiteral("set_request_headers")).startsWith(QStringLiteral("{\n      Authorization = ")));
    QCOMPARE(be.blocks.size(), 3);
    QCOMPARE(be.blocks[0].type, QStringLiteral("oauth2"));
    QCOMPARE(be.blocks[0].attribute(QStringLiteral("grant_type")), QStringLiteral("\"client_credentials\""));
    QCOMPARE(be.blocks[1].label, QStringLiteral("client"));
    QCOMPARE(be.blocks[1].attribute(QStringLiteral("token")), QStringLiteral("beta_token_response.json_body.access_token"));
    QCOMPARE(be.blocks[2].label, QStringLiteral("default"));
    QCOMPARE(be.blocks[2].attribute(QStringLiteral("ttl")), QStringLiteral("\"15m\""));
    const Block& issuer = f.backends[1].block;
    QCOMPARE(issuer.blocks.size(), 1);
    QCOMPARE(issuer.blocks[0].type, QStringLiteral("beta_token_request"));
    QVERIFY(issuer.blocks[0].label.isEmpty());
    QCOMPARE(issuer.blocks[0].attribute(QStringLiteral("ttl")), QStringLiteral("\"1h\""));
}

// Couper names an inline backend after the position of its owner's opening brace (reference §1.3):
// the token backend written inside the oauth2 block at 35:12 is anonymous_35_12.
void TestHclCouper::inlineTokenBackend_isNamedAfterOwnerBrace()
{
    const Document d = Document::parse(readCorpus(QStringLiteral("inline_token_backend.hcl")));
    const CouperFile f = mapCouperFile(d);
    const CouperBackend* anon = f.backend(QStringLiteral("anonymous_35_12"));
    QVERIFY(anon);
    QVERIFY(anon->anonymous);
    QCOMPARE(anon->owner, QStringLiteral("oauth2"));
    QCOMPARE(anon->block.attribute(QStringLiteral("origin")), QStringLiteral("\"https://login.example\""));
    QVERIFY(f.backend(QStringLiteral("reports")));
    QVERIFY(f.backend(QStringLiteral("login")));

    const Document proxies = Document::parse(readCorpus(QStringLiteral("proxies.hcl")));
    const CouperFile pf = mapCouperFile(proxies);
    QStringList names;
    for (const CouperBackend& b : pf.backends)
        names << b.block.label;
    // Three proxy-owned backends (proxy `{` at 5:13, 22:13, 40:13) and one inside an oauth2 block (25:18).
    QCOMPARE(names, (QStringList{QStringLiteral("anonymous_5_13"), QStringLiteral("anonymous_22_13"),
                                 QStringLiteral("anonymous_25_18"), QStringLiteral("anonymous_40_13")}));
}

void TestHclCouper::links_leadBackToSyntaxForLosslessEdits()
{
    const QByteArray src = readCorpus(QStringLiteral("token_requests.hcl"));
    Document d = Document::parse(src);
    const CouperFile f = mapCouperFile(d);
    const SyntaxLink& oauthLink = f.backends[0].link.blocks[0];
    const AttributeNode* clientId = d.attributeAt(oauthLink.attributes.value(QStringLiteral("client_id")));
    QVERIFY(clientId);
    QCOMPARE(d.expressionText(*clientId), f.backends[0].block.blocks[0].attribute(QStringLiteral("client_id")));
    QVERIFY(d.setAttributeExpression(clientId, QStringLiteral("env.CLIENT_ID")).ok());
    QByteArray expected = src;
    const QByteArray before = "      client_id = \"orders-gw\"\n      client_secret = env.ORDERS_SECRET\n      grant_type";
    QCOMPARE(expected.count(before), 1);
    expected.replace(before, "      client_id = env.CLIENT_ID\n      client_secret = env.ORDERS_SECRET\n      grant_type");
    QCOMPARE(d.source(), expected);
    const CouperFile again = mapCouperFile(d);
    QCOMPARE(again.backends[0].block.blocks[0].attribute(QStringLiteral("client_id")), QStringLiteral("env.CLIENT_ID"));
}

// The oauth2 rules are the Validator's (one rule set with workspaces), placed in the file by parseCouperConfig.
void TestHclCouper::oauth2WithoutGrantType_reportsMissingArgument()
{
    const CouperConfig c = parseCouperConfig("definitions {\n  backend \"be\" {\n    oauth2 {\n      client_id = \"x\"\n"
                                             "      token_endpoint = \"https://as/t\"\n    }\n  }\n}\n",
                                             QStringLiteral("g.hcl"));
    QVERIFY(!c.diagnostics.isEmpty());
    QCOMPARE(c.diagnostics[0].toString(),
             QStringLiteral("g.hcl:3:12: error: Missing required argument: The argument \"grant_type\" is required "
                            "(client_credentials, password or urn:ietf:params:oauth:grant-type:jwt-bearer)"));
    QCOMPARE(c.diagnostics[0].backend, QStringLiteral("be"));
    QCOMPARE(c.diagnostics[0].block, QStringLiteral("oauth2"));
}

void TestHclCouper::oauth2Grants_checkRequiredAttributes_data()
{
    QTest::addColumn<QByteArray>("oauth2");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char* name, const char* body, const char* msg) {
        QTest::newRow(name) << QByteArray(body) << QString::fromUtf8(msg);
    };
    row("cc-ok", "grant_type = \"client_credentials\"\nclient_id = \"a\"\nclient_secret = \"b\"", "");
    row("cc-no-client-id", "grant_type = \"client_credentials\"\nclient_secret = \"b\"",
        "client_id must not be empty");
    row("cc-no-secret", "grant_type = \"client_credentials\"\nclient_id = \"a\"",
        "client_secret must not be empty with client_secret_basic");
    row("cc-username", "grant_type = \"client_credentials\"\nclient_id = \"a\"\nclient_secret = \"b\"\nusername = \"u\"",
        "username attribute must not be set with grant_type=client_credentials");
    row("password-no-user", "grant_type = \"password\"\nclient_id = \"a\"\nclient_secret = \"b\"\npassword = \"p\"",
        "username must not be empty with grant_type=password");
    row("bad-grant", "grant_type = \"implicit\"", "grant_type implicit not supported");
    row("bad-method", "grant_type = \"client_credentials\"\nclient_id = \"a\"\nclient_secret = \"b\"\n"
                      "token_endpoint_auth_method = \"tls\"",
        "token_endpoint_auth_method \"tls\" not supported");
    row("pkj-secret", "grant_type = \"client_credentials\"\nclient_id = \"a\"\nclient_secret = \"b\"\n"
                      "token_endpoint_auth_method = \"private_key_jwt\"\njwt_signing_profile {\n}",
        "client_secret must not be set with private_key_jwt");
    row("csj-no-profile", "grant_type = \"client_credentials\"\nclient_id = \"a\"\nclient_secret = \"b\"\n"
                          "token_endpoint_auth_method = \"client_secret_jwt\"",
        "jwt_signing_profile block must be set with client_secret_jwt");
    row("jwt-bearer-missing", "grant_type = \"urn:ietf:params:oauth:grant-type:jwt-bearer\"",
        "missing assertion attribute or jwt_signing_profile block with "
        "grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer");
    row("assertion-wrong-grant", "grant_type = \"client_credentials\"\nclient_id = \"a\"\nclient_secret = \"b\"\n"
                                 "assertion = \"x\"",
        "assertion attribute must not be set with grant_type=client_credentials");
}

void TestHclCouper::oauth2Grants_checkRequiredAttributes()
{
    QFETCH(QByteArray, oauth2);
    QFETCH(QString, expected);
    const CouperConfig c = parseCouperConfig("definitions {\n  backend \"be\" {\n    oauth2 {\n      token_endpoint = "
                                             "\"https://as/t\"\n" + oauth2 + "\n    }\n  }\n}\n",
                                             QStringLiteral("o.hcl"));
    QStringList got;
    for (const Diagnostic& x : c.diagnostics) {
        QVERIFY(x.line > 0);
        if (x.severity == Diagnostic::Severity::Error)
            got << x.message;
    }
    if (expected.isEmpty())
        QCOMPARE(got, QStringList());
    else
        QVERIFY2(got.contains(expected), qPrintable(got.join(u'\n')));
}

void TestHclCouper::tokenRequestLabels_areCheckedLikeCouper_data()
{
    QTest::addColumn<QByteArray>("blocks");
    QTest::addColumn<QStringList>("expected");
    const QByteArray body = " {\n      token = \"t\"\n      ttl = \"1h\"\n      url = \"https://as/t\"\n    }\n";
    QTest::newRow("space") << ("    beta_token_request \"a b\"" + body)
                           << QStringList{QStringLiteral("3:24: label contains invalid character(s), allowed are 'a-z', "
                                                         "'A-Z', '0-9' and '_'")};
    QTest::newRow("unlabeled-then-default")
        << ("    beta_token_request" + body + "    beta_token_request \"default\"" + body)
        << QStringList{QStringLiteral("8:24: token request names (either default or explicitly set via label) must be "
                                      "unique: \"default\"")};
    QTest::newRow("default-then-unlabeled")
        << ("    beta_token_request \"default\"" + body + "    beta_token_request" + body)
        << QStringList{QStringLiteral("8:5: token request names (either default or explicitly set via label) must be "
                                      "unique: \"default\"")};
    QTest::newRow("duplicate") << ("    beta_token_request \"a\"" + body + "    beta_token_request \"a\"" + body)
                               << QStringList{QStringLiteral("8:24: token request names (either default or explicitly "
                                                             "set via label) must be unique: \"a\"")};
    QTest::newRow("missing-token")
        << QByteArray("    beta_token_request {\n      ttl = \"1h\"\n      url = \"https://as/t\"\n    }\n")
        << QStringList{QStringLiteral("3:24: Missing required argument: The argument \"token\" is required, but no "
                                      "definition was found.")};
    QTest::newRow("two-bodies")
        << QByteArray("    beta_token_request {\n      token = \"t\"\n      ttl = \"1h\"\n      body = \"x\"\n"
                      "      json_body = {}\n    }\n")
        << QStringList{QStringLiteral("3:24: beta_token_request can only have one of body, form_body or json_body "
                                      "attributes")};
}

void TestHclCouper::tokenRequestLabels_areCheckedLikeCouper()
{
    QFETCH(QByteArray, blocks);
    QFETCH(QStringList, expected);
    const Document d = Document::parse("definitions {\n  backend \"be\" {\n" + blocks + "  }\n}\n");
    QCOMPARE(d.diagnostics(), Diagnostics());
    QCOMPARE(messages(mapCouperFile(d)), expected);
}

void TestHclCouper::backendAttributeAndBlock_areMultipleDefinitions()
{
    const Document d = Document::parse("definitions {\n  backend \"be\" {\n    beta_token_request {\n      token = \"t\"\n"
                                       "      ttl = \"1h\"\n      backend = \"as\"\n      backend {\n        origin = \"x\"\n"
                                       "      }\n    }\n  }\n  backend \"as\" {\n  }\n}\n");
    const CouperFile f = mapCouperFile(d);
    QCOMPARE(messages(f),
             QStringList{QStringLiteral("7:7: Multiple definitions of backend are not allowed in beta_token_request.")});
    // The inline backend is still collected, named after the token request's brace.
    QVERIFY(f.backend(QStringLiteral("anonymous_3_24")));
}

void TestHclCouper::undefinedBackendReference_isReported()
{
    const Document d = Document::parse("server {\n  endpoint \"/\" {\n    proxy {\n      backend = \"nope\"\n    }\n  }\n}\n"
                                       "definitions {\n  backend \"be\" {\n    oauth2 {\n      grant_type = \"password\"\n"
                                       "      backend = \"as\"\n      client_id = \"c\"\n      client_secret = \"s\"\n"
                                       "      username = \"u\"\n      password = \"p\"\n    }\n  }\n}\n");
    QCOMPARE(messages(mapCouperFile(d)),
             (QStringList{QStringLiteral("12:17: referenced backend \"as\" is not defined"),
                          QStringLiteral("4:17: referenced backend \"nope\" is not defined")}));
}

void TestHclCouper::backendLabels_areValidatedAndUnique()
{
    const Document d = Document::parse("definitions {\n  backend \"a-b\" {\n  }\n  backend \"anonymous_1\" {\n  }\n"
                                       "  backend \"x\" {\n  }\n  backend \"x\" {\n  }\n  backend {\n  }\n}\n");
    QCOMPARE(messages(mapCouperFile(d)),
             (QStringList{QStringLiteral("2:11: label contains invalid character(s), allowed are 'a-z', 'A-Z', "
                                         "'0-9' and '_'"),
                          QStringLiteral("4:11: backend label must not start with 'anonymous_'"),
                          QStringLiteral("8:11: backend labels must be unique"), QStringLiteral("10:3: missing label")}));
}

void TestHclCouper::manyConfigurationErrors_areCappedWithOneNote()
{
    QByteArray src = "definitions {\n";
    for (int i = 0; i < 20000; ++i)
        src += "  backend \"a b" + QByteArray::number(i) + "\" {\n  }\n";
    src += "}\n";
    const Document d = Document::parse(src);
    QVERIFY(d.diagnostics().isEmpty());
    const CouperFile f = mapCouperFile(d);
    QCOMPARE(f.diagnostics.size(), 101);
    QCOMPARE(f.diagnostics[0].line, 2);
    QVERIFY(f.diagnostics.constLast().message.startsWith(QStringLiteral("Too many errors: only the first 100")));
    QCOMPARE(f.backends.size(), 20000);
}

void TestHclCouper::disableCertificateValidation_boolWorksLikeString_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("diagnostic");
    const QString warning = QStringLiteral("c.hcl:3:5: warning: INSECURE: backend \"b\"");
    QTest::newRow("bool-true") << QByteArray("true") << QStringLiteral("true") << warning;
    QTest::newRow("string-true") << QByteArray("\"true\"") << QStringLiteral("true") << warning;
    QTest::newRow("expression-true") << QByteArray("1 == 1") << QStringLiteral("true") << warning;
    QTest::newRow("bool-false") << QByteArray("false") << QStringLiteral("false") << QString();
    QTest::newRow("string-false") << QByteArray("\"false\"") << QStringLiteral("false") << QString();
    QTest::newRow("not-a-bool") << QByteArray("\"yes\"") << QStringLiteral("yes")
                                << QStringLiteral("c.hcl:3:5: error: disable_certificate_validation must be true or false");
}

void TestHclCouper::disableCertificateValidation_boolWorksLikeString()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, model);
    QFETCH(QString, diagnostic);
    const QByteArray src = "definitions {\n  backend \"b\" {\n    disable_certificate_validation = " + value + "\n  }\n}\n";
    const CouperConfig c = parseCouperConfig(src, QStringLiteral("c.hcl"));
    QCOMPARE(c.backends.size(), 1);
    QCOMPARE(c.backends[0].attribute(QStringLiteral("disable_certificate_validation")), model);
    if (diagnostic.isEmpty()) {
        QCOMPARE(c.diagnostics.size(), 0);
    } else {
        QCOMPARE(c.diagnostics.size(), 1);
        QVERIFY2(c.diagnostics[0].toString().startsWith(diagnostic), qPrintable(c.diagnostics[0].toString()));
    }
}

QTEST_GUILESS_MAIN(TestHclCouper)
#include "tst_hclcouper.moc"
