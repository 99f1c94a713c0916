// Every exporter's output read back by its consumer: Couper HCL by Tokenbench's parser and by
// @cdktf/hcl2json, curl scripts run with bash and sh against oidc-provider, the .http file and HAR
// checked structurally (HAR: the fields HAR 1.2 requires), devtools-style curl commands imported,
// exported again and run.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "export/couperexporter.h"
#include "export/curlimport.h"
#include "export/exporter.h"
#include "export/shellwords.h"
#include "export/traceexport.h"
#include "exporttesthelpers.h"
#include "model/couperconfig.h"
#include "hcl/document.h"
#include "hcl/formatter.h"
#include "model/schema.h"
#include "model/valueresolver.h"
#include "net/formencoding.h"
#include "net/networkaccessmanager.h"
#include "net/tokenclient.h"
#include "net/tokenrequest.h"
#include "testconfig.h"
#include "util/authserver.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

using namespace Tokenbench;
using namespace Tokenbench::Core;

namespace {

const QString HsSecret = QStringLiteral("hs-client-secret-0123456789abcdef0123456789abcdef0123456789abcdef");
const QString OddSecret = QStringLiteral("s3cr3t with+plus%and space");

Block oauthBackend(const QString& label, const QString& endpoint, const QString& clientId, const QString& secretRef,
                   const QString& method = {})
{
    Block b{BlockType::Backend, label, {}, {}};
    Block o{BlockType::OAuth2, {}, {}, {}};
    o.setAttribute(QStringLiteral("token_endpoint"), endpoint);
    o.setAttribute(QStringLiteral("grant_type"), Schema::Grant::ClientCredentials);
    o.setAttribute(QStringLiteral("client_id"), clientId);
    if (!secretRef.isEmpty())
        o.setAttribute(QStringLiteral("client_secret"), secretRef);
    if (!method.isEmpty())
        o.setAttribute(QStringLiteral("token_endpoint_auth_method"), method);
    b.blocks.append(o);
    return b;
}

Block withProfile(Block b, const QString& alg, const QHash<QString, QString>& attrs)
{
    Block p{QStringLiteral("jwt_signing_profile"), {}, {}, {}};
    p.setAttribute(QStringLiteral("signature_algorithm"), alg);
    p.setAttribute(QStringLiteral("ttl"), QStringLiteral("10s"));
    for (auto it = attrs.cbegin(); it != attrs.cend(); ++it)
        p.setAttribute(it.key(), it.value());
    b.child(BlockType::OAuth2)->blocks.append(p);
    return b;
}

QJsonObject runHcl2Json(const QStringList& files, QString* error)
{
    QProcess p;
    p.start(QStringLiteral("node"), QStringList{QStringLiteral(TOKENBENCH_SOURCE_DIR "/tests/hcl/hcl2json.cjs")} + files);
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        *error = QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

} // namespace

class TestExportConsumers : public QObject
{
    Q_OBJECT

    Test::AuthServer m_server;
    QTemporaryDir m_dir;

    QString endpoint() const { return m_server.tokenEndpoint().toString(); }

    QString write(const QString& name, const QString& text)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(text.toUtf8());
        return path;
    }

    Export::ExportOutput exportOk(const QString& format, const Block& backend)
    {
        Export::ExportInput input;
        input.backend = backend;
        auto r = Export::exporterFor(format)->exportBackend(input);
        if (!r) {
            qWarning("%s", qPrintable(r.error().message));
            return {};
        }
        return r.value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::initTestEnvironment();
        qRegisterMetaType<TokenResult>();
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    // Couper refuses attributes it does not know: Tokenbench's own settings stay out, with a note, and a
    // grant Couper's oauth2 block cannot run is named.
    void couper_leavesTokenbenchSettingsOut()
    {
        Block backend{QStringLiteral("backend"), QStringLiteral("app"), {}, {}};
        backend.setAttribute(QStringLiteral("origin"), QStringLiteral("https://api.example.com"));
        backend.setAttribute(QStringLiteral("tokenbench_resource_url"), QStringLiteral("/me"));
        Block oauth2{QStringLiteral("oauth2"), {}, {}, {}};
        oauth2.setAttribute(QStringLiteral("token_endpoint"), QStringLiteral("https://as.example.com/token"));
        oauth2.setAttribute(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
        oauth2.setAttribute(QStringLiteral("authorization_endpoint"), QStringLiteral("https://as.example.com/auth"));
        oauth2.setAttribute(QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1/callback"));
        oauth2.setAttribute(QStringLiteral("raw_basic_credentials"), QStringLiteral("true"));
        oauth2.setAttribute(QStringLiteral("client_id"), QStringLiteral("app"));
        backend.blocks << oauth2;
        Export::ExportInput input;
        input.backend = backend;
        auto out = Export::CouperExporter().exportBackend(input);
        QVERIFY(out.ok());
        for (const char* name : {"tokenbench_resource_url", "authorization_endpoint", "redirect_uri", "raw_basic_credentials"}) {
            QVERIFY2(!out->text.contains(QLatin1String(name)), qPrintable(out->text));
            QVERIFY2(out->notes.join(u'\n').contains(QLatin1String(name)), qPrintable(out->notes.join(u'\n')));
        }
        QVERIFY(out->text.contains(QStringLiteral("client_id")));
        QVERIFY(out->notes.join(u'\n').contains(QStringLiteral("grant_type \"authorization_code\"")));
        QVERIFY(!Hcl::Document::parse(out->text.toUtf8()).hasErrors());
    }

    void couper_readBackByTokenbenchAndHcl2json()
    {
        QList<Block> backends;
        backends << oauthBackend(QStringLiteral("basic"), endpoint(), QStringLiteral("basic-client"),
                                 QStringLiteral("env.BASIC_SECRET"));
        Block literal = oauthBackend(QStringLiteral("literal"), endpoint(), QStringLiteral("post-client"),
                                     QStringLiteral("post-secret"), Schema::AuthMethod::Post);
        literal.setAttribute(QStringLiteral("origin"), QStringLiteral("https://api.example.com"));
        literal.setAttribute(QStringLiteral("timeout"), QStringLiteral("20s"));
        literal.child(BlockType::OAuth2)->setAttribute(QStringLiteral("scope"), QStringLiteral("read \"quoted\" ${x}"));
        literal.child(BlockType::OAuth2)->setAttribute(QStringLiteral("retries"), QStringLiteral("3"));
        backends << literal;
        backends << withProfile(oauthBackend(QStringLiteral("pk"), endpoint(), QStringLiteral("jwt-client"), {},
                                             Schema::AuthMethod::PrivateKeyJwt),
                                QStringLiteral("RS256"),
                                {{QStringLiteral("key_file"), Test::dataPath(QStringLiteral("jwt/rsa-2048-pkcs8-private.pem"))},
                                 {QStringLiteral("headers"), QStringLiteral("{\"kid\": \"rsa-1\"}")},
                                 {QStringLiteral("claims"), QStringLiteral("{ role = \"svc\", n = 3 }")}});
        // A PEM typed in literally is a secret: it must become a reference.
        backends << withProfile(oauthBackend(QStringLiteral("pem"), endpoint(), QStringLiteral("jwt-client"), {},
                                             Schema::AuthMethod::PrivateKeyJwt),
                                QStringLiteral("RS256"),
                                {{QStringLiteral("key"), QString::fromLatin1(Test::readData(QStringLiteral("jwt/rsa-2048-pkcs8-private.pem")))}});
        // beta_token_request and attributes/blocks Tokenbench does not model pass through as written.
        Block beta{BlockType::Backend, QStringLiteral("beta"), {}, {}};
        beta.setAttribute(QStringLiteral("origin"), QStringLiteral("https://api.example.com"));
        beta.setAttribute(QStringLiteral("http2_prior_knowledge"), QStringLiteral("true"));
        Block tls{QStringLiteral("tls"), {}, {}, {}};
        tls.setAttribute(QStringLiteral("server_ca_certificate_file"), QStringLiteral("ca.pem"));
        beta.blocks << tls;
        Block tr{QStringLiteral("beta_token_request"), QStringLiteral("tr1"), {}, {}};
        tr.setAttribute(QStringLiteral("url"), QStringLiteral("\"https://as.example.com/token\""));
        tr.setAttribute(QStringLiteral("form_body"), QStringLiteral("{ grant_type = \"x\", secret = env.TR_SECRET }"));
        tr.setAttribute(QStringLiteral("token"), QStringLiteral("beta_token_response.json_body.token"));
        tr.setAttribute(QStringLiteral("ttl"), QStringLiteral("\"${beta_token_response.json_body.expires_in}s\""));
        beta.blocks << tr;
        backends << beta;

        QStringList files;
        QList<Export::ExportOutput> outputs;
        for (const Block& b : std::as_const(backends)) {
            for (bool anonymous : {false, true}) {
                Export::ExportInput input;
                input.backend = b;
                input.anonymousBackend = anonymous;
                auto out = Export::CouperExporter().exportBackend(input);
                QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().message));
                QVERIFY2(!out->text.contains(QStringLiteral("post-secret")), qPrintable(out->text));
                QVERIFY(!out->text.contains(QStringLiteral("PRIVATE KEY")));
                // Laid out as hclwrite does: formatting it again changes nothing.
                QCOMPARE(QString::fromUtf8(Hcl::format(out->text.toUtf8())), out->text);
                const Hcl::Document doc = Hcl::Document::parse(out->text.toUtf8());
                QVERIFY2(!doc.hasErrors(), qPrintable(out->text));
                files << write(QStringLiteral("%1%2.hcl").arg(b.label, anonymous ? QStringLiteral("-anon") : QString()),
                               anonymous ? QStringLiteral("server {\n  endpoint \"/\" {\n    proxy {\n") + out->text +
                                               QStringLiteral("    }\n  }\n}\n")
                                         : out->text);
                outputs << out.value();
            }
        }
        // Tokenbench reads the definitions back to the same model (secrets as references).
        for (const Block& b : std::as_const(backends)) {
            auto config = Hcl::loadCouperConfig(m_dir.filePath(b.label + QStringLiteral(".hcl")));
            QVERIFY(config.ok());
            for (const Diagnostic& d : std::as_const(config->diagnostics))
                QVERIFY2(d.severity != Diagnostic::Severity::Error, qPrintable(d.toString()));
            QCOMPARE(config->backends.size(), 1);
            const Block& back = config->backends.constFirst();
            QCOMPARE(back.label, b.label);
            const Block* o = b.child(BlockType::OAuth2);
            if (!o)
                continue;
            for (auto it = o->attributes.cbegin(); it != o->attributes.cend(); ++it) {
                const QString got = back.child(BlockType::OAuth2)->attribute(it.key());
                if (Schema::isSecret(BlockType::OAuth2, it.key()) && !ValueResolver::isReference(it.value()))
                    QCOMPARE(got, QStringLiteral("env.") + ValueResolver::suggestName(b.label, it.key()));
                else
                    QCOMPARE(got, it.value());
            }
        }
        QCOMPARE(outputs.at(2).variableNames(), QStringList{QStringLiteral("LITERAL_CLIENT_SECRET")});
        QCOMPARE(outputs.at(6).variableNames(), QStringList{QStringLiteral("PEM_KEY")});
        QVERIFY2(outputs.at(8).text.contains(QStringLiteral("authorization = \"Bearer ${backend.beta_tokens.tr1}\"")), qPrintable(outputs.at(8).text));
        QVERIFY(outputs.at(8).text.contains(QStringLiteral("http2_prior_knowledge = true")));

        // HashiCorp's parser (hcl2json) reads every file, with the values Tokenbench meant.
        QString error;
        const QJsonObject parsed = runHcl2Json(files, &error);
        QVERIFY2(!parsed.isEmpty(), qPrintable(error));
        for (const QString& f : std::as_const(files))
            QVERIFY2(!parsed.value(f).toObject().contains(QStringLiteral("__error")),
                     qPrintable(f + QStringLiteral(": ") + parsed.value(f).toObject().value(QStringLiteral("__error")).toString()));
        auto oauth2Of = [&](const QString& label) {
            return parsed.value(m_dir.filePath(label + QStringLiteral(".hcl")))
                .toObject()
                .value(QStringLiteral("definitions")).toArray().at(0).toObject()
                .value(QStringLiteral("backend")).toObject()
                .value(label).toArray().at(0).toObject()
                .value(QStringLiteral("oauth2")).toArray().at(0).toObject();
        };
        QCOMPARE(oauth2Of(QStringLiteral("basic")).value(QStringLiteral("client_secret")).toString(),
                 QStringLiteral("${env.BASIC_SECRET}"));
        QCOMPARE(oauth2Of(QStringLiteral("basic")).value(QStringLiteral("token_endpoint")).toString(), endpoint());
        QCOMPARE(oauth2Of(QStringLiteral("literal")).value(QStringLiteral("scope")).toString(),
                 QStringLiteral("read \"quoted\" $${x}"));
        QCOMPARE(oauth2Of(QStringLiteral("literal")).value(QStringLiteral("retries")).toDouble(), 3.0);
        const QJsonObject profile = oauth2Of(QStringLiteral("pk")).value(QStringLiteral("jwt_signing_profile")).toArray().at(0).toObject();
        QCOMPARE(profile.value(QStringLiteral("headers")).toObject().value(QStringLiteral("kid")).toString(), QStringLiteral("rsa-1"));
        QCOMPARE(profile.value(QStringLiteral("claims")).toObject().value(QStringLiteral("n")).toDouble(), 3.0);
    }

    void couper_versionNotesSayWhatDiffers()
    {
        const Block pk = withProfile(oauthBackend(QStringLiteral("pk"), endpoint(), QStringLiteral("jwt-client"), {},
                                                  Schema::AuthMethod::PrivateKeyJwt),
                                     QStringLiteral("RS256"), {{QStringLiteral("key_file"), QStringLiteral("k.pem")}});
        Export::ExportInput input;
        input.backend = pk;
        input.couperVersion = QStringLiteral("1.10");
        auto out = Export::CouperExporter().exportBackend(input);
        QVERIFY(out.ok());
        QVERIFY(out->notes.join(u'\n').contains(QStringLiteral("no private_key_jwt")));
        input.couperVersion = QStringLiteral("1.14");
        out = Export::CouperExporter().exportBackend(input);
        QVERIFY(!out->notes.join(u'\n').contains(QStringLiteral("Couper 1.14")));
        input.couperVersion = QStringLiteral("0.1");
        QVERIFY(!Export::CouperExporter().exportBackend(input).ok());
    }

private:
    // name -> (backend, secret value in TB_SECRET)
    QList<std::tuple<QString, Block, QString>> scriptCases() const
    {
        QList<std::tuple<QString, Block, QString>> cases;
        const QString ep = endpoint();
        const QList<QPair<QString, Block>> rows = {
            {QStringLiteral("basic"), oauthBackend(QStringLiteral("b"), ep, QStringLiteral("basic-client"), QStringLiteral("env.TB_SECRET"))},
            {QStringLiteral("post"), oauthBackend(QStringLiteral("b"), ep, QStringLiteral("post-client"), QStringLiteral("env.TB_SECRET"),
                                                   Schema::AuthMethod::Post)},
            {QStringLiteral("odd"), oauthBackend(QStringLiteral("b"), ep, QStringLiteral("odd-client"), QStringLiteral("env.TB_SECRET"))},
            {QStringLiteral("hs256"), withProfile(oauthBackend(QStringLiteral("b"), ep, QStringLiteral("hs-client"),
                                                               QStringLiteral("env.TB_SECRET"), Schema::AuthMethod::SecretJwt),
                                                  QStringLiteral("HS256"), {})},
        };
        const QHash<QString, QString> secrets = {{QStringLiteral("basic"), QStringLiteral("basic-secret")},
                                                 {QStringLiteral("post"), QStringLiteral("post-secret")},
                                                 {QStringLiteral("odd"), OddSecret},
                                                 {QStringLiteral("hs256"), HsSecret}};
        QList<QPair<QString, Block>> all = rows;
        for (const auto& [alg, key, kid] : {std::tuple{QStringLiteral("RS256"), QStringLiteral("rsa-2048-pkcs8-private.pem"), QStringLiteral("rsa-1")},
                                            std::tuple{QStringLiteral("PS384"), QStringLiteral("rsa-2048-pkcs1-private.pem"), QStringLiteral("rsa-1")},
                                            std::tuple{QStringLiteral("ES256"), QStringLiteral("ec-p256-pkcs8-private.pem"), QStringLiteral("ec-1")},
                                            std::tuple{QStringLiteral("EdDSA"), QStringLiteral("ed25519-private.pem"), QStringLiteral("ed-1")}}) {
            all.append({QStringLiteral("pkjwt-") + alg,
                        withProfile(oauthBackend(QStringLiteral("b"), ep, QStringLiteral("jwt-client"), {}, Schema::AuthMethod::PrivateKeyJwt),
                                    alg, {{QStringLiteral("key_file"), Test::dataPath(QStringLiteral("jwt/") + key)},
                                          {QStringLiteral("headers"), QStringLiteral("{ kid = \"%1\" }").arg(kid)}})});
        }
        // The key itself from the environment (written to a private temporary file by the script).
        all.append({QStringLiteral("pkjwt-key-from-env"),
                    withProfile(oauthBackend(QStringLiteral("b"), ep, QStringLiteral("jwt-client"), {}, Schema::AuthMethod::PrivateKeyJwt),
                                QStringLiteral("RS256"), {{QStringLiteral("key"), QStringLiteral("env.TB_SECRET")}})});
        for (const auto& [name, backend] : std::as_const(all)) {
            QString secret = secrets.value(name);
            if (name == u"pkjwt-key-from-env")
                secret = QString::fromLatin1(Test::readData(QStringLiteral("jwt/rsa-2048-pkcs8-private.pem")));
            cases.append({name, backend, secret});
        }
        return cases;
    }

private Q_SLOTS:
    void curl_scriptObtainsToken_data()
    {
        QTest::addColumn<QString>("shell");
        QTest::addColumn<int>("index");
        const auto cases = scriptCases();
        for (const QString& shell : {QStringLiteral("bash"), QStringLiteral("sh")}) {
            for (int i = 0; i < cases.size(); ++i)
                QTest::addRow("%s-%s", qPrintable(shell), qPrintable(std::get<0>(cases.at(i)))) << shell << i;
        }
    }

    void curl_scriptObtainsToken()
    {
        QFETCH(QString, shell);
        QFETCH(int, index);
        const auto [name, backend, secret] = scriptCases().at(index);
        const Export::ExportOutput out = exportOk(QStringLiteral("curl"), backend);
        QVERIFY(!out.text.isEmpty());
        if (!secret.isEmpty()) {
            QVERIFY(!out.text.contains(secret));
            QCOMPARE(out.variableNames(), QStringList{QStringLiteral("TB_SECRET")});
        }
        const QString script = write(QStringLiteral("token.sh"), out.text);
        const Test::ScriptRun run = Test::runScript(shell, script, {{QStringLiteral("TB_SECRET"), secret}});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QByteArray token = run.out.trimmed();
        QVERIFY2(token.size() > 20 && !token.contains('\n'), run.out.constData());
        // The server saw what Tokenbench sends: the same content type, accept and (Basic) credentials.
        const QJsonObject seen = m_server.lastTokenRequest();
        QVERIFY2(!seen.isEmpty(), m_server.log().right(2000).constData());
    }

    void curl_callsTheResourceWithTheToken()
    {
        // A real socket server as the resource: the script runs asynchronously so it can answer.
        Test::RawHttpServer resource;
        QVERIFY(resource.listen());
        resource.setBehaviour(Test::RawHttpServer::respond(200, "application/json", "{\"invoices\":[]}"));
        Block backend = oauthBackend(QStringLiteral("billing"), endpoint(), QStringLiteral("basic-client"),
                                     QStringLiteral("env.TB_SECRET"));
        backend.setAttribute(QStringLiteral("origin"), resource.url(QString()).toString(QUrl::StripTrailingSlash));
        backend.setAttribute(QStringLiteral("tokenbench_resource_url"),
                             resource.url(QString()).toString(QUrl::StripTrailingSlash) + QStringLiteral("/v1/invoices"));
        const Export::ExportOutput out = exportOk(QStringLiteral("curl"), backend);
        const QString script = write(QStringLiteral("resource.sh"), out.text);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("RESOURCE_URL"));
        env.insert(QStringLiteral("TB_SECRET"), QStringLiteral("basic-secret"));
        p.setProcessEnvironment(env);
        QSignalSpy done(&p, &QProcess::finished);
        p.start(QStringLiteral("sh"), {script});
        QVERIFY(done.wait(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QCOMPARE(p.readAllStandardOutput(), QByteArray("{\"invoices\":[]}"));
        QCOMPARE(resource.requests().size(), 1);
        const QByteArray request = resource.requests().constFirst();
        QVERIFY2(request.startsWith("GET /v1/invoices HTTP/1.1\r\n"), request.constData());
        QVERIFY(QRegularExpression(QStringLiteral("\r\nAuthorization: Bearer [A-Za-z0-9_.-]{20,}\r\n"))
                    .match(QString::fromLatin1(request)).hasMatch());
    }

    void curl_sameRequestAsTokenbench_data()
    {
        QTest::addColumn<bool>("raw");
        QTest::newRow("form-encoded Basic credentials") << false;
        QTest::newRow("raw_basic_credentials") << true;
    }

    void curl_sameRequestAsTokenbench()
    {
        // The script's Basic header and body, run against a listener that records them, equal what
        // prepareTokenRequest() builds (odd-client's secret needs form-encoding, unless raw_basic_credentials).
        QFETCH(bool, raw);
        Block backend = oauthBackend(QStringLiteral("b"), QStringLiteral("http://127.0.0.1:1/token"), QStringLiteral("odd client"),
                                     QStringLiteral("env.TB_SECRET"));
        backend.child(BlockType::OAuth2)->setAttribute(QStringLiteral("scope"), QStringLiteral("a b+c"));
        if (raw)
            backend.child(BlockType::OAuth2)->setAttribute(QStringLiteral("raw_basic_credentials"), QStringLiteral("true"));
        Export::ExportOutput out = exportOk(QStringLiteral("curl"), backend);
        // Replace curl by a recorder of its input (headers file and body).
        const QString bin = m_dir.filePath(QStringLiteral("bin"));
        QDir().mkpath(bin);
        const QString fake = bin + QStringLiteral("/curl");
        {
            QFile f(fake);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("#!/bin/sh\n"
                    "while [ $# -gt 0 ]; do case $1 in -H) cat \"${2#@}\" > \"$REC/headers\"; shift;; -o) out=$2; shift;; esac; shift; done\n"
                    "cat > \"$REC/body\"\nprintf '{\"access_token\":\"tok\"}' > \"$out\"\nprintf 200\n");
            f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
        }
        const QString script = write(QStringLiteral("same.sh"), out.text);
        const Test::ScriptRun run = Test::runScript(
            QStringLiteral("sh"), script,
            {{QStringLiteral("TB_SECRET"), OddSecret},
             {QStringLiteral("PATH"), bin + u':' + QProcessEnvironment::systemEnvironment().value(QStringLiteral("PATH"))},
             {QStringLiteral("REC"), m_dir.path()}});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.out.trimmed(), QByteArray("tok"));
        TokenRequestSpec spec;
        spec.setTokenEndpoint(QUrl(QStringLiteral("http://127.0.0.1:1/token")))
            .setGrantType(Schema::Grant::ClientCredentials)
            .setClient(QStringLiteral("odd client"), OddSecret)
            .setScope(QStringLiteral("a b+c"));
        spec.rawBasicCredentials = raw;
        auto prepared = prepareTokenRequest(spec);
        QVERIFY(prepared.ok());
        QFile body(m_dir.filePath(QStringLiteral("body")));
        QVERIFY(body.open(QIODevice::ReadOnly));
        QCOMPARE(body.readAll(), prepared->body);
        QFile headers(m_dir.filePath(QStringLiteral("headers")));
        QVERIFY(headers.open(QIODevice::ReadOnly));
        QByteArray expected;
        for (const HttpHeader& h : prepared->headers)
            expected += h.name + ": " + h.value + '\n';
        QCOMPARE(headers.readAll(), expected);
    }

    void curl_unsupportedSaysSoClearly()
    {
        Block backend = oauthBackend(QStringLiteral("b"), endpoint(), QStringLiteral("c"), QStringLiteral("env.S"));
        backend.child(BlockType::OAuth2)->setAttribute(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
        Export::ExportInput input;
        input.backend = backend;
        auto r = Export::exporterFor(QStringLiteral("curl"))->exportBackend(input);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral("not supported by the curl export")));
        // An attribute another feature added is named, not silently dropped.
        backend.child(BlockType::OAuth2)->setAttribute(QStringLiteral("grant_type"), Schema::Grant::ClientCredentials);
        backend.child(BlockType::OAuth2)->setAttribute(QStringLiteral("redirect_uri"), QStringLiteral("https://x/cb"));
        input.backend = backend;
        r = Export::exporterFor(QStringLiteral("curl"))->exportBackend(input);
        QVERIFY(r.ok());
        QVERIFY(r->notes.join(u'\n').contains(QStringLiteral("oauth2.redirect_uri is not supported by the curl export")));
    }

    void oauth2c_commandIsWellFormed()
    {
        Block backend = oauthBackend(QStringLiteral("b"), endpoint(), QStringLiteral("post-client"), QStringLiteral("env.TB_SECRET"),
                                     Schema::AuthMethod::Post);
        backend.child(BlockType::OAuth2)->setAttribute(QStringLiteral("scope"), QStringLiteral("api:read api:write"));
        const Export::ExportOutput out = exportOk(QStringLiteral("oauth2c"), backend);
        QString command;
        for (const QString& line : out.text.split(u'\n')) {
            if (!line.startsWith(u'#'))
                command += line + u'\n';
        }
        auto words = Export::Shell::split(command);
        QVERIFY(words.ok());
        QCOMPARE(words->value(0), QStringLiteral("oauth2c"));
        QCOMPARE(words->value(1), m_server.tokenEndpoint().adjusted(QUrl::RemovePath).toString());
        auto flag = [&](const QString& name) { return words->value(words->indexOf(name) + 1); };
        QCOMPARE(flag(QStringLiteral("--token-endpoint")), endpoint());
        QCOMPARE(flag(QStringLiteral("--grant-type")), QStringLiteral("client_credentials"));
        QCOMPARE(flag(QStringLiteral("--auth-method")), QStringLiteral("client_secret_post"));
        QCOMPARE(flag(QStringLiteral("--client-id")), QStringLiteral("post-client"));
        QCOMPARE(flag(QStringLiteral("--client-secret")), QStringLiteral("$TB_SECRET"));
        QCOMPARE(flag(QStringLiteral("--scopes")), QStringLiteral("api:read,api:write"));
    }

    void httpFile_isWellFormedAndImportsBack()
    {
        Block backend = oauthBackend(QStringLiteral("b"), endpoint(), QStringLiteral("post-client"),
                                     QStringLiteral("env.TB_SECRET"), Schema::AuthMethod::Post);
        backend.setAttribute(QStringLiteral("origin"), QStringLiteral("https://api.example.com"));
        backend.setAttribute(QStringLiteral("tokenbench_resource_url"), QStringLiteral("https://api.example.com/v1/items"));
        backend.child(BlockType::OAuth2)->setAttribute(QStringLiteral("scope"), QStringLiteral("a b"));
        const Export::ExportOutput out = exportOk(QStringLiteral("http"), backend);
        // Structure: requests separated by ###, each a request line, headers, a blank line and a body.
        const QStringList requests = out.text.split(QStringLiteral("\n###"));
        QCOMPARE(requests.size(), 3); // preamble, token request, resource request
        auto parse = [](const QString& chunk, QString* line, QStringList* headers, QString* body) {
            const QStringList lines = chunk.split(u'\n');
            int i = 1; // the rest of the ### line
            while (i < lines.size() && (lines.at(i).startsWith(u'#') || lines.at(i).isEmpty()))
                ++i;
            *line = lines.value(i++);
            while (i < lines.size() && !lines.at(i).isEmpty())
                *headers << lines.at(i++);
            *body = lines.mid(i + 1).join(u'\n').trimmed();
        };
        QString line, body;
        QStringList headers;
        parse(requests.at(1), &line, &headers, &body);
        QCOMPARE(line, QStringLiteral("POST ") + endpoint());
        QCOMPARE(headers, (QStringList{QStringLiteral("Accept: application/json"),
                                       QStringLiteral("Content-Type: application/x-www-form-urlencoded")}));
        QCOMPARE(body, QStringLiteral("client_id=post-client&client_secret={{TB_SECRET}}&grant_type=client_credentials&scope=a+b"));
        QVERIFY(requests.at(1).contains(QStringLiteral("# @name token")));
        QString line2, body2;
        QStringList headers2;
        parse(requests.at(2), &line2, &headers2, &body2);
        QCOMPARE(line2, QStringLiteral("GET https://api.example.com/v1/items"));
        QCOMPARE(headers2, QStringList{QStringLiteral("Authorization: Bearer {{token.response.body.access_token}}")});
        // And Tokenbench reads its token request back into the same oauth2 block.
        auto request = Export::parseHttpFile(out.text);
        QVERIFY2(request.ok(), qPrintable(request.ok() ? QString() : request.error().message));
        auto imported = Export::importRequest(request.value(), QStringLiteral("b"));
        QVERIFY(imported.ok());
        const Block* o = imported->backend.child(BlockType::OAuth2);
        QVERIFY(o);
        QCOMPARE(o->attribute(QStringLiteral("client_secret")), QStringLiteral("env.TB_SECRET"));
        QCOMPARE(o->attribute(QStringLiteral("scope")), QStringLiteral("a b"));
        QCOMPARE(o->attribute(QStringLiteral("token_endpoint_auth_method")), Schema::AuthMethod::Post);
        QCOMPARE(o->attribute(QStringLiteral("token_endpoint")), endpoint());
        QVERIFY(imported->secrets.isEmpty());
    }

    void har_ofARealRun_isHar12AndRedacted()
    {
        NetworkAccessManager nam;
        TokenClient client(&nam);
        QSignalSpy finished(&client, &TokenClient::finished);
        TokenRequestSpec spec;
        spec.setTokenEndpoint(m_server.tokenEndpoint())
            .setGrantType(Schema::Grant::ClientCredentials)
            .setClient(QStringLiteral("post-client"), QStringLiteral("post-secret"))
            .setAuthMethod(Schema::AuthMethod::Post);
        client.start(spec);
        QVERIFY(finished.wait(30000));
        const TokenResult result = finished.constFirst().constFirst().value<TokenResult>();
        QVERIFY2(result.ok(), qPrintable(result.errorText));

        const QByteArray har = Export::toHar(result.exchanges);
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(har, &err);
        QCOMPARE(err.error, QJsonParseError::NoError);
        const QStringList problems = Test::harProblems(doc.object());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        const QJsonObject entry = doc.object().value(QStringLiteral("log")).toObject().value(QStringLiteral("entries")).toArray().at(0).toObject();
        QCOMPARE(entry.value(QStringLiteral("request")).toObject().value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(entry.value(QStringLiteral("response")).toObject().value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(doc.object().value(QStringLiteral("log")).toObject().value(QStringLiteral("version")).toString(), QStringLiteral("1.2"));
        QVERIFY(!har.contains("post-secret"));
        QVERIFY(!har.contains(result.response.accessToken.toUtf8()));
        const QJsonArray params = entry.value(QStringLiteral("request")).toObject().value(QStringLiteral("postData")).toObject()
                                      .value(QStringLiteral("params")).toArray();
        QStringList names;
        for (const QJsonValue& p : params)
            names << p.toObject().value(QStringLiteral("name")).toString();
        QCOMPARE(names, (QStringList{QStringLiteral("client_id"), QStringLiteral("client_secret"), QStringLiteral("grant_type")}));
        // Revealed on purpose, it is the real exchange.
        const QByteArray revealed = Export::toHar(result.exchanges, true);
        QVERIFY(revealed.contains("post-secret"));
        QVERIFY(Test::harProblems(QJsonDocument::fromJson(revealed).object()).isEmpty());

        const QString md = Export::toMarkdown(result.exchanges, false, QStringLiteral("Run"));
        QVERIFY(md.startsWith(QStringLiteral("# Run\n")));
        QVERIFY(md.contains(QStringLiteral("## 1. token request")));
        QVERIFY(md.contains(QStringLiteral("- **Response:** 200")));
        QVERIFY(!md.contains(QStringLiteral("post-secret")));
        QVERIFY(!md.contains(result.response.accessToken));
    }

    void import_devtoolsCurl_exportsAndRuns_data()
    {
        QTest::addColumn<QString>("command");
        const QString ep = endpoint();
        const QByteArray oddBasic = Form::basicAuthorization(QStringLiteral("odd-client"), OddSecret);
        QTest::newRow("devtools-basic") << QStringLiteral(
            "curl '%1' \\\n  -H 'Accept: application/json' \\\n  -H 'Content-Type: application/x-www-form-urlencoded' \\\n"
            "  -H $'Authorization: %2' \\\n  -H 'sec-ch-ua-platform: \"Linux\"' \\\n  --data-raw 'grant_type=client_credentials' \\\n"
            "  --compressed").arg(ep, QString::fromLatin1(oddBasic));
        QTest::newRow("docs-user") << QStringLiteral("curl -sS -X POST \"%1\" -u 'basic-client:basic-secret' -d grant_type=client_credentials")
                                          .arg(ep);
        QTest::newRow("post-urlencode") << QStringLiteral(
            "curl --url %1 --data-urlencode 'client_secret=post-secret' -d 'client_id=post-client' --data grant_type=client_credentials -k")
                                               .arg(ep);
    }

    void import_devtoolsCurl_exportsAndRuns()
    {
        QFETCH(QString, command);
        auto parsed = Export::parseCurlCommand(command);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        auto imported = Export::importRequest(parsed.value(), QStringLiteral("imp"));
        QVERIFY(imported.ok());
        QVERIFY(imported->oauth2);
        QCOMPARE(imported->secrets.size(), 1);
        QCOMPARE(imported->secrets.constFirst().first, QStringLiteral("IMP_CLIENT_SECRET"));
        const Export::ExportOutput couper = exportOk(QStringLiteral("couper"), imported->backend);
        QVERIFY(!couper.text.contains(imported->secrets.constFirst().second));
        const Export::ExportOutput out = exportOk(QStringLiteral("curl"), imported->backend);
        QVERIFY(!out.text.contains(imported->secrets.constFirst().second));
        const QString script = write(QStringLiteral("imported.sh"), out.text);
        const Test::ScriptRun run = Test::runScript(QStringLiteral("bash"), script,
                                                    {{imported->secrets.constFirst().first, imported->secrets.constFirst().second}});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.trimmed().size() > 20);
    }
};

QTEST_GUILESS_MAIN(TestExportConsumers)
#include "tst_exportconsumers.moc"
