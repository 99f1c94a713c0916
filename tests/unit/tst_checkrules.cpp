// `check`'s rules (issue 15, items 2-4 and 6): one rule set for a workspace and a Couper file, every
// diagnostic of a Couper file placed at line:col, Couper's file-wide start-up checks, helpful messages.
#include "model/couperconfig.h"
#include "model/validator.h"
#include "model/valueresolver.h"
#include "model/workspacefile.h"
#include "util/testsupport.h"
#include "jwt/jwtkey.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Tokenbench::Core;
using Sev = Diagnostic::Severity;
using Attrs = QMap<QString, QString>;

namespace {

// A value as a Couper file writes it: objects, numbers, booleans and references bare, the rest quoted.
QByteArray hclValue(const QString& v)
{
    static const QRegularExpression bare(QStringLiteral("^(\\{.*\\}|[0-9]+|true|false|env\\.[A-Za-z_0-9]+)$"),
                                         QRegularExpression::DotMatchesEverythingOption);
    if (bare.match(v).hasMatch())
        return v.toUtf8();
    QString quoted = v;
    quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\"")).replace(u'\n', QStringLiteral("\\n"));
    return '"' + quoted.toUtf8() + '"';
}

QByteArray hclBlock(const Block& b, int indent)
{
    const QByteArray pad(indent, ' ');
    QByteArray out = pad + b.type.toUtf8();
    if (!b.label.isEmpty())
        out += " \"" + b.label.toUtf8() + '"';
    out += " {\n";
    for (auto it = b.attributes.cbegin(); it != b.attributes.cend(); ++it)
        out += pad + "  " + it.key().toUtf8() + " = " + hclValue(it.value()) + '\n';
    for (const Block& c : b.blocks)
        out += hclBlock(c, indent + 2);
    return out + pad + "}\n";
}

// The same backends as a Couper file.
QByteArray couperFile(const QList<Block>& backends)
{
    QByteArray out = "definitions {\n";
    for (const Block& b : backends)
        out += hclBlock(b, 2);
    return out + "}\n";
}

Block backendWith(const Attrs& oauth2, const Attrs& profile = {}, bool withProfile = false, const Attrs& attrs = {})
{
    Block b{BlockType::Backend, QStringLiteral("be"), attrs, {}};
    Block o{BlockType::OAuth2, {}, oauth2, {}};
    if (withProfile || !profile.isEmpty())
        o.blocks.append(Block{QStringLiteral("jwt_signing_profile"), {}, profile, {}});
    b.blocks.append(o);
    return b;
}

// "severity path: message", the comparable part of a diagnostic.
QString key(const Diagnostic& d)
{
    return QStringLiteral("%1 %2: %3").arg(Diagnostic::severityName(d.severity), d.path(), d.message);
}

QStringList keys(const Diagnostics& ds, Sev atLeast = Sev::Warning)
{
    QStringList out;
    for (const Diagnostic& d : ds)
        if (int(d.severity) <= int(atLeast))
            out << key(d);
    out.sort();
    return out;
}

QStringList messagesAt(const Diagnostics& ds)
{
    QStringList out;
    for (const Diagnostic& d : ds)
        out << QStringLiteral("%1:%2: %3: %4").arg(d.line).arg(d.column).arg(Diagnostic::severityName(d.severity), d.message);
    return out;
}

const QString Cc = QStringLiteral("client_credentials");
const QString Pw = QStringLiteral("password");
const QString Jb = QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer");
const QString Ep = QStringLiteral("https://as.example.com/token");

} // namespace

class TestCheckRules : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QList<Block> m_rows; // the backends of sameRules_workspaceAndCouperFile, by row

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        QVERIFY(m_dir.isValid());
    }

    // Item 2: every rule gives the same diagnostics for a workspace (.tbw) and a Couper file; the file's
    // carry line:col. Each row names the message Couper (or the rule) gives.
    void sameRules_workspaceAndCouperFile_data()
    {
        QTest::addColumn<int>("backend");
        QTest::addColumn<QString>("expected");
        const QString g = QStringLiteral("grant_type");
        const QString id = QStringLiteral("client_id");
        const QString sec = QStringLiteral("client_secret");
        const QString m = QStringLiteral("token_endpoint_auth_method");
        const QString te = QStringLiteral("token_endpoint");
        const Attrs base{{g, Cc}, {te, Ep}, {id, QStringLiteral("c")}, {sec, QStringLiteral("s")}};
        const auto with = [&](Attrs a, const Attrs& more) {
            for (auto it = more.cbegin(); it != more.cend(); ++it)
                a.insert(it.key(), it.value());
            return a;
        };
        const auto without = [&](Attrs a, const QString& k) {
            a.remove(k);
            return a;
        };
        const Attrs pkj = with(without(base, sec), {{m, QStringLiteral("private_key_jwt")}});
        const Attrs csj = with(base, {{m, QStringLiteral("client_secret_jwt")}});
        static const QString rsa = [] {
            auto key = Jwt::JwtKey::generateRsa(2048);
            auto pem = key ? key->toPrivateKeyPem() : Result<SecureBytes>(key.error());
            return pem ? QString::fromUtf8(pem->view()) : QString();
        }();
        QVERIFY(!rsa.isEmpty());
        const Attrs rsProfile{{QStringLiteral("signature_algorithm"), QStringLiteral("RS256")},
                              {QStringLiteral("ttl"), QStringLiteral("10s")},
                              {QStringLiteral("key"), rsa}};
        const Attrs hsProfile{{QStringLiteral("signature_algorithm"), QStringLiteral("HS256")},
                              {QStringLiteral("ttl"), QStringLiteral("10s")}};
        m_rows.clear();
        const auto row = [this](const char* name, const Block& b, const char* expected) {
            m_rows.append(b);
            QTest::newRow(name) << int(m_rows.size() - 1) << QString::fromUtf8(expected);
        };
        row("missing grant_type", backendWith(without(base, g)), "The argument \"grant_type\" is required");
        row("grant not supported", backendWith(with(base, {{g, QStringLiteral("implicit")}})),
            "grant_type implicit not supported");
        row("cc without client_id", backendWith(without(base, id)), "client_id must not be empty");
        row("password without client_id",
            backendWith(with(without(base, id), {{g, Pw}, {QStringLiteral("username"), QStringLiteral("u")},
                                                 {QStringLiteral("password"), QStringLiteral("p")}})),
            "client_id must not be empty");
        row("cc without secret", backendWith(without(base, sec)),
            "client_secret must not be empty with client_secret_basic");
        row("username with cc", backendWith(with(base, {{QStringLiteral("username"), QStringLiteral("u")}})),
            "username attribute must not be set with grant_type=client_credentials");
        row("password with jwt-bearer",
            backendWith({{g, Jb}, {te, Ep}, {QStringLiteral("assertion"), QStringLiteral("a")},
                         {QStringLiteral("password"), QStringLiteral("p")}}),
            "password attribute must not be set with grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer");
        row("assertion with cc", backendWith(with(base, {{QStringLiteral("assertion"), QStringLiteral("a")}})),
            "assertion attribute must not be set with grant_type=client_credentials");
        row("password grant without username",
            backendWith(with(base, {{g, Pw}, {QStringLiteral("password"), QStringLiteral("p")}})),
            "username must not be empty with grant_type=password");
        row("password grant without password",
            backendWith(with(base, {{g, Pw}, {QStringLiteral("username"), QStringLiteral("u")}})),
            "password must not be empty with grant_type=password");
        row("jwt-bearer without assertion", backendWith({{g, Jb}, {te, Ep}}),
            "missing assertion attribute or jwt_signing_profile block with "
            "grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer");
        row("unknown method", backendWith(with(base, {{m, QStringLiteral("magic")}})),
            "token_endpoint_auth_method \"magic\" not supported");
        row("pkj with secret", backendWith(with(pkj, {{sec, QStringLiteral("s")}}), rsProfile),
            "client_secret must not be set with private_key_jwt");
        row("csj without profile", backendWith(csj), "jwt_signing_profile block must be set with client_secret_jwt");
        row("basic with profile", backendWith(base, hsProfile),
            "jwt_signing_profile block must not be set with client_secret_basic");
        row("csj with RS256", backendWith(csj, with(hsProfile, {{QStringLiteral("signature_algorithm"), QStringLiteral("RS256")}})),
            "inappropriate signature algorithm with client_secret_jwt");
        // The issue's example: HS256 with private_key_jwt and a ttl without unit.
        const Attrs issueProfile{{QStringLiteral("signature_algorithm"), QStringLiteral("HS256")},
                                 {QStringLiteral("ttl"), QStringLiteral("10")},
                                 {QStringLiteral("key"), QStringLiteral("k")}};
        row("pkj with HS256", backendWith(pkj, issueProfile), "inappropriate signature algorithm with private_key_jwt");
        row("ttl without unit", backendWith(pkj, issueProfile), "time: missing unit in duration \"10\"");
        row("unsupported algorithm", backendWith(pkj, with(rsProfile, {{QStringLiteral("signature_algorithm"), QStringLiteral("RS999")}})),
            "algorithm is not supported");
        row("missing ttl", backendWith(pkj, without(rsProfile, QStringLiteral("ttl"))), "The argument \"ttl\" is required");
        row("missing algorithm", backendWith(pkj, without(rsProfile, QStringLiteral("signature_algorithm"))),
            "The argument \"signature_algorithm\" is required");
        row("csj with key", backendWith(csj, with(hsProfile, {{QStringLiteral("key"), QStringLiteral("k")}})),
            "key must not be set with client_secret_jwt");
        row("csj with key_file", backendWith(csj, with(hsProfile, {{QStringLiteral("key_file"), QStringLiteral("/k.pem")}})),
            "key_file must not be set with client_secret_jwt");
        row("pkj without key", backendWith(pkj, without(rsProfile, QStringLiteral("key"))),
            "key and key_file must not both be empty with private_key_jwt");
        // (A .tbw never holds an inline key: the key goes to the keychain, so a bad key is shown via key_file.)
        QFile bad(m_dir.filePath(QStringLiteral("bad.pem")));
        QVERIFY(bad.open(QIODevice::WriteOnly) && bad.write("not a key\n") > 0);
        bad.close();
        row("invalid RSA key", backendWith(pkj, with(without(rsProfile, QStringLiteral("key")), {{QStringLiteral("key_file"), bad.fileName()}})),
            "invalid key");
        row("key_file missing", backendWith(pkj, with(without(rsProfile, QStringLiteral("key")),
                                                      {{QStringLiteral("key_file"), QStringLiteral("/nonexistent/k.pem")}})),
            "jwt_signing_profile key: read error: /nonexistent/k.pem");
        row("key and key_file", backendWith(pkj, with(rsProfile, {{QStringLiteral("key_file"), QStringLiteral("/k.pem")}})),
            "configured attribute and file");
        row("alg in headers", backendWith(pkj, with(rsProfile, {{QStringLiteral("headers"), QStringLiteral("{ alg = \"none\" }")}})),
            "\"alg\" cannot be set via \"headers\"");
        row("jwt-bearer profile without key", backendWith({{g, Jb}, {te, Ep}}, hsProfile),
            "jwt_signing_profile key: read error: required: configured attribute or file");
        row("jwt-bearer profile ttl", backendWith({{g, Jb}, {te, Ep}}, with(hsProfile, {{QStringLiteral("ttl"), QStringLiteral("1 hour")}, {QStringLiteral("key"), QStringLiteral("k")}})),
            "time: unknown unit \" hour\" in duration \"1 hour\"");
        row("retries out of range", backendWith(with(base, {{QStringLiteral("retries"), QStringLiteral("256")}})),
            "retries must be a whole number from 0 to 255");
        row("no token_endpoint, no token backend", backendWith(without(base, te)),
            "token_endpoint is missing and no token backend supplies origin and path");
        Block inlineBackend = backendWith(without(base, te));
        inlineBackend.blocks[0].blocks.append(Block{BlockType::Backend, {}, {{QStringLiteral("origin"), QStringLiteral("https://as.example.com")}}, {}});
        row("token backend without path", inlineBackend, "token_endpoint is missing and the token backend has no path");
        row("relative token_endpoint without backend", backendWith(with(base, {{te, QStringLiteral("/token")}})),
            "token_endpoint \"/token\" is a path but no token backend supplies an origin");
        row("timeout without unit", backendWith(base, {}, false, {{QStringLiteral("timeout"), QStringLiteral("5 seconds")}}),
            "timeout: time: unknown unit \" seconds\" in duration \"5 seconds\" (a Couper duration is a number with a "
            "unit and no space, e.g. \"5s\", \"1m30s\"");
        row("tls key without certificate",
            [&] {
                Block b = backendWith(base);
                b.blocks.append(Block{QStringLiteral("tls"), {}, {{QStringLiteral("client_certificate_file"), QStringLiteral("/c.pem")}}, {}});
                return b;
            }(),
            "tls: missing client private key");
        row("header object value",
            backendWith(base, {}, false, {{QStringLiteral("set_request_headers"), QStringLiteral("{ x-a = { b = \"c\" } }")}}),
            "set_request_headers.x-a is an object: Couper sends no value for it");
        row("header name", backendWith(base, {}, false, {{QStringLiteral("set_request_headers"), QStringLiteral("{ \"x a\" = \"v\" }")}}),
            "\"x a\" is not a valid header name");
    }

    void sameRules_workspaceAndCouperFile()
    {
        QFETCH(int, backend);
        QFETCH(QString, expected);
        const Block be = m_rows.at(backend);
        // Workspace path: the .tbw file as Tokenbench writes and reads it, validated as `check` does.
        const WorkspaceFile::Serialized tbw = WorkspaceFile::serialize({be}, QStringLiteral("rules-test"));
        auto loaded = WorkspaceFile::parse(tbw.bytes, m_dir.filePath(QStringLiteral("w.tbw")));
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
        Validator::Context context;
        context.baseDirectory = m_dir.path();
        const Diagnostics workspace = loaded->diagnostics + Validator::validateBackends(loaded->backends, nullptr, context);
        // Couper file path: the same blocks written as HCL, loaded as `check` loads a .hcl.
        const QByteArray hcl = couperFile({be});
        const Hcl::CouperConfig config = Hcl::parseCouperConfig(hcl, m_dir.filePath(QStringLiteral("c.hcl")));

        const QStringList w = keys(workspace);
        QStringList h;
        for (const Diagnostic& d : config.diagnostics) {
            // Every diagnostic of a Couper file carries its place.
            QVERIFY2(d.line > 0 && d.column > 0, qPrintable(d.toString() + QStringLiteral("\n") + QString::fromUtf8(hcl)));
            QCOMPARE(d.file, m_dir.filePath(QStringLiteral("c.hcl")));
            Diagnostic x = d;
            // Couper starts with a file whose request-time settings are wrong (every request then fails):
            // there the rule is a warning, for a workspace Tokenbench cannot run it, an error.
            if (x.severity == Sev::Warning && workspace.size() > 0) {
                for (const Diagnostic& wd : workspace)
                    if (wd.message == x.message && wd.severity == Sev::Error)
                        x.severity = Sev::Error;
            }
            h << key(x);
        }
        h.sort();
        QCOMPARE(h, w);
        QVERIFY2(std::any_of(w.cbegin(), w.cend(), [&](const QString& k) { return k.contains(expected); }),
                 qPrintable(w.join(u'\n')));
    }

    // Item 3: an oauth2 block without token_endpoint and without a token backend that supplies origin
    // and path: a diagnostic naming token_endpoint at the oauth2 block (line:col).
    void missingTokenEndpoint_namedAtTheBlock()
    {
        const QByteArray src = "definitions {\n  backend \"be\" {\n    oauth2 {\n      grant_type = \"client_credentials\"\n"
                               "      client_id = \"c\"\n      client_secret = \"s\"\n    }\n  }\n}\n";
        const Hcl::CouperConfig c = Hcl::parseCouperConfig(src, QStringLiteral("t.hcl"));
        QCOMPARE(messagesAt(c.diagnostics),
                 QStringList{QStringLiteral("3:12: warning: token_endpoint is missing and no token backend supplies origin "
                                            "and path: give token_endpoint = \"https://as.example.com/oauth/token\", or a "
                                            "token backend with origin and path")});
        QCOMPARE(c.diagnostics[0].attribute, QStringLiteral("token_endpoint"));

        // A referenced token backend with origin and path, or an inline one: no diagnostic.
        const QByteArray viaRef = "definitions {\n  backend \"as\" {\n    origin = \"https://as.example\"\n    path = \"/t\"\n  }\n"
                                  "  backend \"be\" {\n    oauth2 {\n      backend = \"as\"\n      grant_type = \"client_credentials\"\n"
                                  "      client_id = \"c\"\n      client_secret = \"s\"\n    }\n  }\n}\n";
        QCOMPARE(messagesAt(Hcl::parseCouperConfig(viaRef, QStringLiteral("t.hcl")).diagnostics), QStringList());
        const QByteArray noPath = QByteArray(viaRef).replace("    path = \"/t\"\n", "");
        QCOMPARE(messagesAt(Hcl::parseCouperConfig(noPath, QStringLiteral("t.hcl")).diagnostics),
                 QStringList{QStringLiteral("6:12: warning: token_endpoint is missing and the token backend has no path: give "
                                            "token_endpoint = \"https://as.example.com/oauth/token\", or a path in the token "
                                            "backend")});
    }

    // Item 3: evaluation problems are placed at the expression (they had no position).
    void evaluationErrors_carryLineAndColumn()
    {
        const QByteArray src = "definitions {\n  backend \"be\" {\n    oauth2 {\n      grant_type = \"client_credentials\"\n"
                               "      token_endpoint = \"https://as/t\"\n      client_id = nosuch(\"a\")\n"
                               "      client_secret = \"s\"\n    }\n  }\n}\n";
        const Hcl::CouperConfig c = Hcl::parseCouperConfig(src, QStringLiteral("e.hcl"));
        QCOMPARE(c.diagnostics.size(), 1);
        QCOMPARE(c.diagnostics[0].toString(),
                 QStringLiteral("e.hcl:6:19: error: be.oauth2.client_id: Call to unknown function: there is no function "
                                "named \"nosuch\"."));
        // A second line of a heredoc: the line inside the expression counts.
        const QByteArray heredoc = "definitions {\n  backend \"be\" {\n    oauth2 {\n      grant_type = \"client_credentials\"\n"
                                   "      token_endpoint = \"https://as/t\"\n      client_id = <<-EOT\n        a\n        ${nosuch()}\n"
                                   "      EOT\n      client_secret = \"s\"\n    }\n  }\n}\n";
        const Hcl::CouperConfig h = Hcl::parseCouperConfig(heredoc, QStringLiteral("h.hcl"));
        QCOMPARE(h.diagnostics.size(), 1);
        QVERIFY2(h.diagnostics[0].toString().startsWith(QStringLiteral("h.hcl:8:")), qPrintable(h.diagnostics[0].toString()));
    }

    // Item 4: Couper's start-up checks on the whole file (config/configload validate.go, schema.go,
    // merge.go, backend.go), each at its place; and the valid forms of each pass.
    void fileRules_likeCouperStartup_data()
    {
        QTest::addColumn<QByteArray>("src");
        QTest::addColumn<QStringList>("expected");
        const auto row = [](const char* name, const char* src, QStringList expected) {
            QTest::newRow(name) << QByteArray(src) << expected;
        };
        row("unknown top-level block", "server {\n}\nfoo {\n}\n", {QStringLiteral("3:1: error: unknown block type \"foo\"")});
        row("ac labels unique", "definitions {\n  basic_auth \"a\" {\n  }\n  jwt \"a\" {\n  }\n}\n",
            {QStringLiteral("4:7: error: AC labels must be unique")});
        row("ac reserved label", "definitions {\n  basic_auth \"granted_permissions\" {\n  }\n}\n",
            {QStringLiteral("2:14: error: accessControl uses reserved name as label")});
        row("signing profile labels", "definitions {\n  jwt \"p\" {\n    signing_ttl = \"1h\"\n  }\n  jwt_signing_profile \"p\" {\n"
                                      "    signature_algorithm = \"HS256\"\n    ttl = \"0\"\n    key = \"k\"\n  }\n}\n",
            {QStringLiteral("5:23: error: JWT signing profile labels must be unique")});
        row("proxy labels", "definitions {\n  proxy \"p\" {\n  }\n  proxy \"p\" {\n  }\n}\n",
            {QStringLiteral("4:9: error: proxy labels must be unique")});
        row("backend label characters", "definitions {\n  backend \"a-b\" {\n  }\n}\n",
            {QStringLiteral("2:11: error: label contains invalid character(s), allowed are 'a-z', 'A-Z', '0-9' and '_'")});
        row("anonymous label", "definitions {\n  backend \"anonymous_1\" {\n  }\n}\n",
            {QStringLiteral("2:11: error: backend label must not start with 'anonymous_'")});
        row("endpoint pattern", "server {\n  endpoint \"a\" {\n  }\n}\n",
            {QStringLiteral("2:12: error: endpoint path pattern must start with \"/\"")});
        row("endpoint dot segment", "server {\n  endpoint \"/a/../b\" {\n  }\n}\n",
            {QStringLiteral("2:12: error: endpoint path pattern must not contain \".\" or \"..\" segments")});
        row("duplicate endpoint via base_path",
            "server {\n  endpoint \"/api/{x}\" {\n  }\n  api {\n    base_path = \"/api\"\n    endpoint \"/{y}\" {\n    }\n  }\n}\n",
            {QStringLiteral("6:14: error: duplicate endpoint")});
        row("base_path segments", "server {\n  base_path = \"/a/./b\"\n}\n",
            {QStringLiteral("2:15: error: base_path must not contain \".\" or \"..\" segments")});
        row("undefined backend in proxy", "server {\n  endpoint \"/\" {\n    proxy {\n      backend = \"nope\"\n    }\n  }\n}\n",
            {QStringLiteral("4:17: error: referenced backend \"nope\" is not defined")});
        row("undefined backend in jwt", "definitions {\n  jwt \"j\" {\n    backend = \"nope\"\n  }\n}\n",
            {QStringLiteral("3:15: error: referenced backend \"nope\" is not defined")});
        row("undefined *_backend", "definitions {\n  oidc \"o\" {\n    configuration_backend = \"nope\"\n  }\n}\n",
            {QStringLiteral("3:29: error: referenced backend \"nope\" is not defined")});
        row("undefined proxy", "server {\n  endpoint \"/\" {\n    proxy = \"p\"\n  }\n}\n",
            {QStringLiteral("3:13: error: referenced proxy \"p\" is not defined")});
        row("undefined access control", "server {\n  access_control = [\"ba\"]\n}\n",
            {QStringLiteral("2:20: error: referenced access control \"ba\" is not defined")});
        row("proxy and request names", "server {\n  endpoint \"/\" {\n    proxy {\n      url = \"https://x\"\n    }\n"
                                       "    request {\n      url = \"https://x\"\n    }\n  }\n}\n",
            {QStringLiteral("6:5: error: proxy and request names (either default or explicitly set via label) must be "
                            "unique: \"default\"")});
        row("header keys ignore case", "server {\n  endpoint \"/\" {\n    set_response_headers = {\n      a = \"1\"\n      A = \"2\"\n    }\n  }\n}\n",
            {QStringLiteral("3:28: error: key in an attribute must be unique: 'a' (header names and methods are compared "
                            "case-insensitively)")});
        row("refinement with a block",
            "definitions {\n  backend \"as\" {\n  }\n}\nserver {\n  endpoint \"/\" {\n    proxy {\n      backend \"as\" {\n"
            "        tls {\n        }\n      }\n    }\n  }\n}\n",
            {QStringLiteral("9:9: error: backend reference: refinement for \"tls\" is not permitted")});
        row("definitions signing profile", "definitions {\n  jwt_signing_profile \"p\" {\n    signature_algorithm = \"XS1\"\n"
                                           "    ttl = \"10\"\n    key = \"k\"\n    headers = { alg = \"x\" }\n"
                                           "    claims = { sub = request.headers.x }\n  }\n}\n",
            {QStringLiteral("3:5: error: algorithm is not supported: \"XS1\""),
             QStringLiteral("4:5: error: time: missing unit in duration \"10\""),
             QStringLiteral("6:5: error: \"alg\" cannot be set via \"headers\"")});
        // The valid forms: no diagnostic.
        row("valid", "server {\n  access_control = [\"ba\"]\n  endpoint \"/a/{x}\" {\n    proxy = \"p\"\n"
                     "    set_request_headers = {\n      a = \"1\"\n      b = \"2\"\n    }\n  }\n  api {\n"
                     "    base_path = \"/api\"\n    endpoint \"/{y}\" {\n      request \"r\" {\n        backend = \"be\"\n"
                     "      }\n      proxy {\n        backend = \"be\"\n      }\n    }\n  }\n}\n"
                     "definitions {\n  basic_auth \"ba\" {\n  }\n  proxy \"p\" {\n    backend = \"be\"\n  }\n"
                     "  backend \"be\" {\n    origin = \"https://x\"\n  }\n  jwt \"j\" {\n    backend = \"be\"\n  }\n"
                     "  jwt_signing_profile \"sp\" {\n    signature_algorithm = \"HS256\"\n    ttl = \"0\"\n    key = env.SP_KEY\n"
                     "    claims = { sub = request.headers.x }\n  }\n}\n"
                     "defaults {\n}\nsettings {\n}\n",
            {});
    }

    void fileRules_likeCouperStartup()
    {
        QFETCH(QByteArray, src);
        QFETCH(QStringList, expected);
        const Hcl::CouperConfig c = Hcl::parseCouperConfig(src, QStringLiteral("f.hcl"));
        const QStringList got = messagesAt(c.diagnostics);
        QCOMPARE(got.size(), expected.size());
        for (int i = 0; i < got.size(); ++i)
            QVERIFY2(got[i].startsWith(expected[i]), qPrintable(got[i]));
    }

    // Item 6: an env.NAME that the keychain holds (its index of names) is not reported as unset; when the
    // keychain is not known, the warning says it may be there.
    void envInKeychain_notReportedAsUnset()
    {
        ValueResolver resolver;
        resolver.setUseProcessEnvironment(false);
        const Block b = backendWith({{QStringLiteral("grant_type"), Cc}, {QStringLiteral("token_endpoint"), Ep},
                                     {QStringLiteral("client_id"), QStringLiteral("c")},
                                     {QStringLiteral("client_secret"), QStringLiteral("env.IN_KEYCHAIN")}});
        Validator::Context known;
        known.keychainNames = {QStringLiteral("IN_KEYCHAIN")};
        QCOMPARE(keys(Validator::validateBackend(b, &resolver, known)), QStringList());
        known.keychainNames.clear();
        QCOMPARE(keys(Validator::validateBackend(b, &resolver, known)),
                 QStringList{QStringLiteral("warning be.oauth2.client_secret: environment variable IN_KEYCHAIN is not set; "
                                            "Couper would use an empty string")});
        Validator::Context notAsked;
        notAsked.keychainNotAsked = true;
        const QStringList unknown = keys(Validator::validateBackend(b, &resolver, notAsked));
        QCOMPARE(unknown.size(), 1);
        QVERIFY2(unknown[0].contains(QStringLiteral("unset in the environment; it may be in the keychain")),
                 qPrintable(unknown[0]));
    }

    // Item 6: header values Couper sends, and what it does not.
    void headerModifiers_flagWhatCouperWouldNotSend_data()
    {
        QTest::addColumn<QString>("map");
        QTest::addColumn<int>("warnings");
        QTest::newRow("string, number, bool, list") << QStringLiteral("{ a = \"x\", b = 1, c = true, d = [\"1\", 2] }") << 0;
        QTest::newRow("request variable") << QStringLiteral("{ a = request.headers.x }") << 0;
        QTest::newRow("null") << QStringLiteral("{ a = null }") << 0;
        QTest::newRow("object") << QStringLiteral("{ a = { b = 1 } }") << 1;
        QTest::newRow("list of lists") << QStringLiteral("{ a = [[\"x\"]] }") << 1;
        QTest::newRow("bad name") << QStringLiteral("{ \"a:b\" = \"x\" }") << 1;
    }

    void headerModifiers_flagWhatCouperWouldNotSend()
    {
        QFETCH(QString, map);
        QFETCH(int, warnings);
        const Block b{BlockType::Backend, QStringLiteral("be"), {{QStringLiteral("set_request_headers"), map}}, {}};
        const Diagnostics ds = Validator::validateBackend(b);
        QCOMPARE(keys(ds, Sev::Error).size(), 0);
        QCOMPARE(keys(ds).size(), warnings);
    }

    // Thousands of backends breaking a rule: the first 100 and one note (as the parser and the file rules).
    void manyRuleProblems_areCapped()
    {
        QByteArray src = "definitions {\n";
        for (int i = 0; i < 3000; ++i)
            src += "  backend \"b" + QByteArray::number(i) + "\" {\n    timeout = \"10\"\n  }\n";
        src += "}\n";
        const Hcl::CouperConfig c = Hcl::parseCouperConfig(src, QStringLiteral("many.hcl"));
        QCOMPARE(c.backends.size(), 3000);
        QCOMPARE(c.diagnostics.size(), 101);
        QCOMPARE(c.diagnostics[0].line, 3);
        QVERIFY(c.diagnostics.constLast().message.startsWith(QStringLiteral("Too many problems: only the first 100")));
        QCOMPARE(c.diagnostics.constLast().severity, Sev::Warning); // the timeouts are warnings in a Couper file
    }

    // A file with the Tokenbench extension grant is refused as Couper refuses it (an error, not the
    // workspace's compatibility warning).
    void tokenbenchExtension_isAnErrorInACouperFile()
    {
        const QByteArray src = "definitions {\n  backend \"be\" {\n    oauth2 {\n      grant_type = \"urn:ietf:params:oauth:grant-type:device_code\"\n"
                               "      token_endpoint = \"https://as/t\"\n      client_id = \"c\"\n"
                               "      device_authorization_endpoint = \"https://as/d\"\n    }\n  }\n}\n";
        const Hcl::CouperConfig c = Hcl::parseCouperConfig(src, QStringLiteral("x.hcl"));
        QVERIFY(hasErrors(c.diagnostics));
        QVERIFY2(messagesAt(c.diagnostics).join(u'\n').contains(QStringLiteral("4:7: error: grant_type urn:ietf:params:oauth:grant-type:device_code is a Tokenbench extension")),
                 qPrintable(messagesAt(c.diagnostics).join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestCheckRules)
#include "tst_checkrules.moc"
