// One wire shape: for every grant and client-authentication method the token-request table knows, the curl
// script, the .http file and the oauth2c command write the same headers and form fields as
// prepareTokenRequest() sends, both derived from one oauth2 block.

#include "export/exporter.h"
#include "export/shellwords.h"
#include "model/block.h"
#include "model/schema.h"
#include "model/valueresolver.h"
#include "net/formencoding.h"
#include "net/tokenrequest.h"
#include "model/tokenrequestshape.h"
#include "testconfig.h"
#include "util/testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Tokenbench;
using namespace Tokenbench::Core;

namespace {

const QString Endpoint = QStringLiteral("https://as.example.com/oauth/token");
const QString ClientId = QStringLiteral("app/one+1"); // form-encoded: app%2Fone%2B1
const QString Secret = QStringLiteral("hs-client-secret-0123456789abcdef0123456789abcdef0123456789abcdef");
const QString KeyFile = QStringLiteral(TOKENBENCH_TEST_DATA_DIR "/jwt/ec-p256-pkcs8-private.pem");

struct Combination
{
    QString grant;
    QString method; // empty: the default (client_secret_basic); ignored with jwt-bearer
    bool scope = false;
    bool assertion = false; // jwt-bearer: the assertion attribute (else a signing profile)
    bool raw = false;       // raw_basic_credentials
};

Block backendOf(const Combination& c)
{
    Block b{BlockType::Backend, QStringLiteral("b"), {}, {}};
    Block o{BlockType::OAuth2, {}, {}, {}};
    o.setAttribute(QStringLiteral("token_endpoint"), Endpoint);
    o.setAttribute(QStringLiteral("grant_type"), c.grant);
    if (c.scope)
        o.setAttribute(QStringLiteral("scope"), QStringLiteral("read write:all"));
    if (c.grant == Schema::Grant::Password) {
        o.setAttribute(QStringLiteral("username"), QStringLiteral("alice@example.com"));
        o.setAttribute(QStringLiteral("password"), QStringLiteral("pw"));
    }
    const QString method = c.method.isEmpty() ? Schema::AuthMethod::Basic : c.method;
    QString alg;
    if (c.grant == Schema::Grant::JwtBearer) {
        if (c.assertion)
            o.setAttribute(QStringLiteral("assertion"), QStringLiteral("eyJhbGciOiJub25lIn0.e30."));
        else
            alg = QStringLiteral("ES256");
    } else {
        if (!c.method.isEmpty())
            o.setAttribute(QStringLiteral("token_endpoint_auth_method"), c.method);
        o.setAttribute(QStringLiteral("client_id"), ClientId);
        // What the block needs comes from the method's row, so a new row is tested without a change here.
        const ClientAuthMethod* row = clientAuthMethod(method);
        if (row->secret == SecretUse::Required)
            o.setAttribute(QStringLiteral("client_secret"), Secret);
        if (c.raw)
            o.setAttribute(QStringLiteral("raw_basic_credentials"), QStringLiteral("true"));
        if (row->assertionKey == AssertionKey::ClientSecret)
            alg = QStringLiteral("HS256");
        else if (row->assertionKey == AssertionKey::ProfileKey)
            alg = QStringLiteral("ES256");
    }
    if (!alg.isEmpty()) {
        Block p{QStringLiteral("jwt_signing_profile"), {}, {}, {}};
        p.setAttribute(QStringLiteral("signature_algorithm"), alg);
        p.setAttribute(QStringLiteral("ttl"), QStringLiteral("30s"));
        p.setAttribute(QStringLiteral("claims"), QStringLiteral("{ tenant = \"t1\" }"));
        if (alg != u"HS256")
            p.setAttribute(QStringLiteral("key_file"), KeyFile);
        o.blocks.append(p);
    }
    b.blocks.append(o);
    return b;
}

// The claim names of a compact JWS.
QStringList claimNames(const QString& jws)
{
    const QStringList parts = jws.split(u'.');
    if (parts.size() != 3)
        return {QStringLiteral("(not a JWS)")};
    const QByteArray payload = QByteArray::fromBase64(parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding);
    return QJsonDocument::fromJson(payload).object().keys();
}

// The alg of a compact JWS's header.
QString jwsAlg(const QString& jws)
{
    const QByteArray header = QByteArray::fromBase64(jws.section(u'.', 0, 0).toLatin1(), QByteArray::Base64UrlEncoding);
    return QJsonDocument::fromJson(header).object().value(QStringLiteral("alg")).toString();
}

// What an exporter wrote: header names in order, form field names in body order, literal form values.
struct Written
{
    QStringList headers;
    QStringList fields;
    QHash<QString, QString> literals; // field -> decoded value, where the export writes the value itself
    QString basicClientId;            // the client_id part of the Basic credentials as written
    QStringList claims;               // claim names of the assertion the export signs
};

Written fromHttpFile(const QString& text)
{
    Written w;
    const QStringList lines = text.split(u'\n');
    int i = lines.indexOf(QStringLiteral("POST ") + Endpoint);
    if (i < 0)
        return w;
    for (++i; i < lines.size() && !lines.at(i).isEmpty(); ++i) {
        const QString line = lines.at(i);
        const QString name = line.section(u':', 0, 0);
        w.headers << name;
        if (name == u"Authorization") // Basic client_id client_secret
            w.basicClientId = line.section(u' ', 2, 2);
    }
    if (i + 1 < lines.size()) {
        for (const auto& [key, value] : Form::decode(lines.at(i + 1).toUtf8())) {
            w.fields << key;
            if (!value.startsWith(QStringLiteral("{{")))
                w.literals.insert(key, value);
        }
    }
    return w;
}

Written fromCurlScript(const QString& text)
{
    Written w;
    static const QRegularExpression header(QStringLiteral("^  printf '([A-Za-z-]+): "));
    static const QRegularExpression field(QStringLiteral("'([A-Za-z_]+)='"));
    static const QRegularExpression claim(QStringLiteral("\"([A-Za-z_]+)\":"));
    bool inHeaders = false; // the token request's headers: { printf ...; } > "$tmp/headers"
    for (const QString& line : text.split(u'\n')) {
        inHeaders = (inHeaders || line == u"{") && !line.startsWith(QStringLiteral("} > \"$tmp/headers\""));
        if (const auto m = header.match(line); inHeaders && m.hasMatch())
            w.headers << m.captured(1);
        if (line.startsWith(QStringLiteral("body="))) {
            for (auto it = field.globalMatch(line); it.hasNext();)
                w.fields << it.next().captured(1);
        }
        if (line.startsWith(QStringLiteral("claims="))) {
            for (auto it = claim.globalMatch(line); it.hasNext();)
                w.claims << it.next().captured(1);
        }
    }
    w.claims.sort();
    return w;
}

Export::ExportOutput exported(const QString& format, const Block& backend)
{
    Export::ExportInput input;
    input.backend = backend;
    auto r = Export::exporterFor(format)->exportBackend(input);
    if (!r)
        qWarning("%s: %s", qPrintable(format), qPrintable(r.error().message));
    return r ? r.value() : Export::ExportOutput{};
}

} // namespace

class TestWireShape : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Test::initTestEnvironment(); }

    void exportersWriteWhatIsSent_data()
    {
        QTest::addColumn<QString>("grant");
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("scope");
        QTest::addColumn<bool>("assertion");
        QTest::addColumn<bool>("raw");
        const QStringList methods = QStringList{QString()} + clientAuthMethods();
        for (const QString& grant : {Schema::Grant::ClientCredentials, Schema::Grant::Password}) {
            for (const QString& method : methods) {
                for (const bool scope : {false, true}) {
                    const QByteArray name = (grant + u' ' + (method.isEmpty() ? QStringLiteral("(default)") : method) +
                                             (scope ? QStringLiteral(" scope") : QString()))
                                                .toUtf8();
                    QTest::newRow(name.constData()) << grant << method << scope << false << false;
                }
            }
            QTest::newRow(qPrintable(grant + QStringLiteral(" raw basic")))
                << grant << Schema::AuthMethod::Basic << true << false << true;
        }
        for (const bool scope : {false, true}) {
            QTest::newRow(scope ? "jwt-bearer assertion scope" : "jwt-bearer assertion")
                << Schema::Grant::JwtBearer << QString() << scope << true << false;
            QTest::newRow(scope ? "jwt-bearer profile scope" : "jwt-bearer profile")
                << Schema::Grant::JwtBearer << QString() << scope << false << false;
        }
    }

    void exportersWriteWhatIsSent()
    {
        QFETCH(QString, grant);
        QFETCH(QString, method);
        QFETCH(bool, scope);
        QFETCH(bool, assertion);
        QFETCH(bool, raw);
        const Block backend = backendOf({grant, method, scope, assertion, raw});

        // What Tokenbench sends.
        auto spec = specFromBackend(backend, ValueResolver());
        QVERIFY2(spec.ok(), qPrintable(spec.ok() ? QString() : spec.error().message));
        auto prepared = prepareTokenRequest(*spec);
        QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().message));
        QStringList sentHeaders;
        QString sentBasicClientId;
        for (const HttpHeader& h : prepared->headers) {
            sentHeaders << QString::fromLatin1(h.name);
            if (h.name == "Authorization") {
                const QByteArray credentials = QByteArray::fromBase64(h.value.mid(int(qstrlen("Basic "))));
                sentBasicClientId = QString::fromUtf8(credentials.left(credentials.indexOf(':')));
            }
        }
        QStringList sentFields;
        QHash<QString, QString> sentValues;
        for (const auto& [key, value] : Form::decode(prepared->body)) {
            sentFields << key;
            sentValues.insert(key, value);
        }
        QStringList sentClaims;
        for (const char* signedField : {"client_assertion", "assertion"}) {
            if (sentValues.contains(QString::fromLatin1(signedField)) && !assertion)
                sentClaims = claimNames(sentValues.value(QString::fromLatin1(signedField)));
        }
        sentClaims.sort();
        QVERIFY(!sentFields.isEmpty());

        // The .http file: headers, fields and every value it writes literally.
        const Export::ExportOutput http = exported(QStringLiteral("http"), backend);
        const Written h = fromHttpFile(http.text);
        QCOMPARE(h.headers, sentHeaders);
        QCOMPARE(h.fields, sentFields);
        for (auto it = h.literals.cbegin(); it != h.literals.cend(); ++it)
            QCOMPARE(it.value(), sentValues.value(it.key()));
        QCOMPARE(h.basicClientId, sentBasicClientId);

        // The curl script: headers, fields, and the claims it signs.
        const Export::ExportOutput curl = exported(QStringLiteral("curl"), backend);
        const Written c = fromCurlScript(curl.text);
        QCOMPARE(c.headers, sentHeaders);
        QCOMPARE(c.fields, sentFields);
        QCOMPARE(c.claims, sentClaims);

        // The oauth2c command: a flag for each value the request carries.
        const Export::ExportOutput oauth2c = exported(QStringLiteral("oauth2c"), backend);
        auto words = Export::Shell::split(oauth2c.text.section(u'\n', 1).remove(QStringLiteral("\\\n")));
        QVERIFY(words.ok());
        auto flag = [&](const QString& name) {
            const qsizetype at = words->indexOf(name);
            return at >= 0 && at + 1 < words->size() ? std::optional<QString>(words->at(at + 1)) : std::nullopt;
        };
        QCOMPARE(flag(QStringLiteral("--grant-type")), std::optional<QString>(grant));
        const bool clientAuth = grant != Schema::Grant::JwtBearer;
        QCOMPARE(flag(QStringLiteral("--auth-method")).has_value(), clientAuth);
        if (clientAuth)
            QCOMPARE(*flag(QStringLiteral("--auth-method")), method.isEmpty() ? Schema::AuthMethod::Basic : method);
        const bool sendsClientId = sentValues.contains(QStringLiteral("client_id")) || !sentBasicClientId.isEmpty();
        QCOMPARE(flag(QStringLiteral("--client-id")).has_value(), sendsClientId);
        if (sendsClientId)
            QCOMPARE(*flag(QStringLiteral("--client-id")), ClientId);
        const bool usesSecret = sentValues.contains(QStringLiteral("client_secret")) || !sentBasicClientId.isEmpty() ||
                                jwsAlg(sentValues.value(QStringLiteral("client_assertion"))).startsWith(u"HS");
        QCOMPARE(flag(QStringLiteral("--client-secret")).has_value(), usesSecret);
        for (const auto& [field, option] : {std::pair{"scope", "--scopes"}, std::pair{"username", "--username"},
                                            std::pair{"password", "--password"}}) {
            QCOMPARE(flag(QString::fromLatin1(option)).has_value(), sentValues.contains(QString::fromLatin1(field)));
        }
        QCOMPARE(flag(QStringLiteral("--assertion")).has_value(), assertion);
    }

    void tableNamesEveryFieldSource()
    {
        // Every slot of every shape is one the request builder can fill: no empty names, no unknown sources.
        for (const QString& grant : {Schema::Grant::ClientCredentials, Schema::Grant::Password,
                                     Schema::Grant::JwtBearer, Schema::Grant::AuthorizationCode,
                                     Schema::Grant::RefreshToken, Schema::Grant::DeviceCode}) {
            for (const QString& method : clientAuthMethods()) {
                auto shape = tokenRequestShape(grant, method, {true, false, true, false});
                QVERIFY(shape.ok());
                QCOMPARE(shape->fields.constFirst().field, QStringLiteral("grant_type"));
                QCOMPARE(shape->fields.constFirst().text, grant);
                QStringList names;
                for (const FormSlot& slot : shape->fields) {
                    QVERIFY(!slot.field.isEmpty());
                    QVERIFY2(!names.contains(slot.field), qPrintable(slot.field));
                    names << slot.field;
                }
                // Interactive grants carry the scope in the authorization or device request, not here.
                QCOMPARE(names.contains(QStringLiteral("scope")),
                         grant != Schema::Grant::AuthorizationCode && grant != Schema::Grant::DeviceCode);
                QCOMPARE(shape->authMethod.isEmpty(), grant == Schema::Grant::JwtBearer);
            }
        }
    }

    void unknownMethod_namesTheKnownOnes()
    {
        auto shape = tokenRequestShape(Schema::Grant::ClientCredentials, QStringLiteral("tls_client_auth"), {});
        QVERIFY(!shape.ok());
        QCOMPARE(shape.error().where, QStringLiteral("token_endpoint_auth_method"));
        QVERIFY2(shape.error().message.contains(QStringLiteral("\"tls_client_auth\" is not supported")),
                 qPrintable(shape.error().message));
        for (const QString& known : clientAuthMethods())
            QVERIFY2(shape.error().message.contains(known), qPrintable(known));
        // jwt-bearer sends no client authentication, whatever the method says.
        QVERIFY(tokenRequestShape(Schema::Grant::JwtBearer, QStringLiteral("tls_client_auth"), {}).ok());
    }
};

QTEST_GUILESS_MAIN(TestWireShape)
#include "tst_wireshape.moc"
