#include "net/tokenrequest.h"

#include "model/block.h"
#include "model/validator.h"
#include "model/valueresolver.h"
#include "jwt/clientassertion.h"
#include "jwt/signer.h"
#include "net/formencoding.h"
#include "model/tokenrequestshape.h"
#include "util/boundedread.h"
#include "util/secretvalues.h"
#include "util/securebytes.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Tokenbench::Core {

namespace {

Result<Jwt::SigningProfile> makeProfile(const SigningProfileSpec& p, const QByteArray& keyMaterial)
{
    auto profile = Jwt::SigningProfile::fromKeyMaterial(p.algorithm, SecureBytes(QByteArrayView(keyMaterial)), p.ttl,
                                                        p.claims, p.headers);
    if (!profile)
        return Error{Error::Code::Usage, profile.error().message, QStringLiteral("jwt_signing_profile")};
    return profile;
}

// The value of an oauth2 attribute or flow value a slot names.
QString namedValue(const TokenRequestSpec& spec, const QString& name)
{
    static const QList<QPair<QString, QString TokenRequestSpec::*>> members = {
        {QStringLiteral("client_id"), &TokenRequestSpec::clientId},
        {QStringLiteral("client_secret"), &TokenRequestSpec::clientSecret},
        {QStringLiteral("scope"), &TokenRequestSpec::scope},
        {QStringLiteral("username"), &TokenRequestSpec::username},
        {QStringLiteral("password"), &TokenRequestSpec::password},
        {QStringLiteral("assertion"), &TokenRequestSpec::assertion},
        {QStringLiteral("refresh_token"), &TokenRequestSpec::refreshToken},
        {QStringLiteral("code"), &TokenRequestSpec::authorizationCode},
        {QStringLiteral("redirect_uri"), &TokenRequestSpec::redirectUri},
        {QStringLiteral("code_verifier"), &TokenRequestSpec::codeVerifier},
        {QStringLiteral("device_code"), &TokenRequestSpec::deviceCode},
    };
    for (const auto& [key, member] : members) {
        if (key == name)
            return spec.*member;
    }
    Q_ASSERT_X(false, "namedValue", "a shape slot names a value TokenRequestSpec does not have");
    return {};
}

Result<QString> clientAssertion(const TokenRequestSpec& spec, const TokenRequestShape& shape)
{
    const QString& method = shape.authMethod;
    if (!spec.signingProfile)
        return Error{Error::Code::Usage, QStringLiteral("jwt_signing_profile block must be set with %1").arg(method),
                     QStringLiteral("jwt_signing_profile")};
    const bool secretKey = shape.assertionKey == AssertionKey::ClientSecret;
    const bool hmac = spec.signingProfile->algorithm.startsWith(QStringLiteral("HS"));
    if (secretKey != hmac)
        return Error{Error::Code::Usage, QStringLiteral("inappropriate signature algorithm with %1").arg(method),
                     QStringLiteral("jwt_signing_profile.signature_algorithm")};
    // client_secret_jwt signs with the client secret; private_key_jwt with the profile's key.
    auto profile = makeProfile(*spec.signingProfile,
                               secretKey ? spec.clientSecret.toUtf8() : spec.signingProfile->keyMaterial);
    if (!profile)
        return profile.error();
    const Jwt::ClientAssertion assertion(profile.value(), spec.clientId, spec.tokenEndpoint.toString());
    auto created = assertion.create();
    if (!created)
        return Error{Error::Code::Usage, created.error().message, QStringLiteral("jwt_signing_profile")};
    return QString::fromLatin1(*created);
}

Result<QString> jwtBearerAssertion(const TokenRequestSpec& spec)
{
    // Without a profile (and without the assertion attribute) the assertion is sent empty, as Couper does.
    if (!spec.signingProfile)
        return spec.assertion;
    auto profile = makeProfile(*spec.signingProfile, spec.signingProfile->keyMaterial);
    if (!profile)
        return profile.error();
    auto signedAssertion = profile->signJwtBearerAssertion(QDateTime::currentDateTimeUtc());
    if (!signedAssertion)
        return Error{Error::Code::Usage, signedAssertion.error().message, QStringLiteral("jwt_signing_profile")};
    return QString::fromLatin1(*signedAssertion);
}

Result<QString> slotValue(const TokenRequestSpec& spec, const TokenRequestShape& shape, const FormSlot& slot)
{
    switch (slot.source) {
    case SlotSource::Fixed:
        return slot.text;
    case SlotSource::Attribute:
    case SlotSource::FlowValue:
        return namedValue(spec, slot.text);
    case SlotSource::ClientAssertion:
        return clientAssertion(spec, shape);
    case SlotSource::JwtBearerAssertion:
        return jwtBearerAssertion(spec);
    }
    return QString();
}

} // namespace

TransportSettings issuerTransport(const TokenRequestSpec& spec)
{
    return spec.tokenBackend ? spec.tokenBackend->transport : TransportSettings{};
}

Result<PreparedRequest> prepareTokenRequest(const TokenRequestSpec& spec)
{
    if (!spec.tokenEndpoint.isValid() || spec.tokenEndpoint.host().isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("token_endpoint must be an absolute http(s) URL"),
                     QStringLiteral("token_endpoint")};
    ShapeFlags flags;
    flags.scope = !spec.scope.isEmpty();
    flags.assertion = !spec.assertion.isEmpty();
    flags.codeVerifier = !spec.codeVerifier.isEmpty();
    flags.rawBasicCredentials = spec.rawBasicCredentials;
    auto shaped = tokenRequestShape(spec.grantType, spec.authMethod, flags);
    if (!shaped)
        return shaped.error();
    const TokenRequestShape& shape = shaped.value();

    PreparedRequest req;
    req.method = shape.method;
    req.url = spec.tokenEndpoint;
    req.purpose = QStringLiteral("token request");
    for (const auto& [name, value] : shape.fixedHeaders)
        req.headers.append({name, value});
    if (shape.basicCredentials) {
        req.headers.append({QByteArrayLiteral("Authorization"),
                            Form::basicAuthorization(spec.clientId, spec.clientSecret, shape.rawBasicCredentials)});
    }
    QList<Form::Field> form;
    for (const FormSlot& slot : shape.fields) {
        auto value = slotValue(spec, shape, slot);
        if (!value)
            return value.error();
        form.append({slot.field, value.value()});
    }
    for (const HttpHeader& h : spec.extraHeaders) {
        bool replaced = false;
        for (HttpHeader& existing : req.headers) {
            if (existing.name.compare(h.name, Qt::CaseInsensitive) == 0) {
                existing.value = h.value;
                replaced = true;
            }
        }
        if (!replaced)
            req.headers.append(h);
    }
    req.body = Form::encode(form);
    if (spec.tokenBackend) {
        // The token backend's own processing (reference sections 2.2 and 4): origin, path, modifiers,
        // basic_auth, then its TLS and proxy.
        applyBackendSettings(req, *spec.tokenBackend);
    }
    return req;
}

Result<QJsonObject> parseObjectText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QJsonObject();
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8(), &err);
    if (err.error == QJsonParseError::NoError && doc.isObject())
        return doc.object();
    // The HCL object form as Couper files write it: { kid = "k1", n = 3, flag = true }.
    if (!trimmed.startsWith(u'{') || !trimmed.endsWith(u'}'))
        return Error{Error::Code::Usage, QStringLiteral("expected an object such as { kid = \"key-1\" }"), {}};
    static const QRegularExpression pair(QStringLiteral(
        "^\\s*(?:\"([^\"]+)\"|([A-Za-z_][A-Za-z0-9_-]*))\\s*[=:]\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9.]+|true|false|null)\\s*$"));
    QJsonObject o;
    const QString inner = trimmed.mid(1, trimmed.size() - 2);
    for (const QString& part : inner.split(QRegularExpression(QStringLiteral("[,\n]")), Qt::SkipEmptyParts)) {
        if (part.trimmed().isEmpty())
            continue;
        const auto m = pair.match(part);
        if (!m.hasMatch())
            return Error{Error::Code::Usage,
                         QStringLiteral("cannot read \"%1\": write key = \"value\" pairs").arg(part.trimmed()), {}};
        const QString key = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
        const QString v = m.captured(3);
        if (v.startsWith(u'"'))
            o.insert(key, QJsonDocument::fromJson(QByteArray("[" + v.toUtf8() + "]")).array().at(0));
        else if (v == u"true" || v == u"false")
            o.insert(key, v == u"true");
        else if (v == u"null")
            o.insert(key, QJsonValue::Null);
        else
            o.insert(key, v.toDouble());
    }
    return o;
}

Result<SigningProfileSpec> signingProfileFromBlock(const Block& p, const ValueResolver& resolver, const QString& baseDir)
{
    SigningProfileSpec s;
    s.algorithm = resolver.resolve(p.attribute(QStringLiteral("signature_algorithm"))).value.trimmed();
    s.ttl = resolver.resolve(p.attribute(QStringLiteral("ttl"))).value.trimmed();
    if (s.algorithm.isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("The argument \"signature_algorithm\" is required"),
                     QStringLiteral("signature_algorithm")};
    if (s.ttl.isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("The argument \"ttl\" is required"), QStringLiteral("ttl")};
    const QString key = resolver.resolve(p.attribute(QStringLiteral("key"))).value;
    const QString keyFile = resolver.resolve(p.attribute(QStringLiteral("key_file"))).value;
    if (!key.isEmpty() && !keyFile.isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("configured attribute and file: give key or key_file, not both"),
                     QStringLiteral("key_file")};
    if (!keyFile.isEmpty()) {
        const QString path = QFileInfo(keyFile).isRelative() && !baseDir.isEmpty() ? baseDir + u'/' + keyFile : keyFile;
        auto read = readFileLimited(path, FileLimits::KeyFile, QStringLiteral("key file"));
        if (!read)
            return Error{Error::Code::Usage,
                         QStringLiteral("jwt_signing_profile key: read error: %1: %2").arg(path, read.error().message),
                         QStringLiteral("key_file")};
        s.keyMaterial = std::move(read).value();
    } else {
        s.keyMaterial = key.toUtf8();
    }
    for (const char* name : {"claims", "headers"}) {
        auto parsed = parseObjectText(p.attribute(QString::fromLatin1(name)));
        if (!parsed)
            return Error{Error::Code::Usage, QString::fromLatin1(name) + QStringLiteral(": ") + parsed.error().message,
                         QString::fromLatin1(name)};
        (qstrcmp(name, "claims") == 0 ? s.claims : s.headers) = parsed.value();
    }
    return s;
}

Result<TokenRequestSpec> specFromBackend(const Block& backend, const ValueResolver& resolver, Diagnostics* problems)
{
    const QString label = backend.label;
    const Block* o = backend.child(BlockType::OAuth2);
    if (!o) {
        return Error{Error::Code::Usage,
                     QStringLiteral("backend \"%1\" has no oauth2 block: add one to request a token").arg(label),
                     label};
    }
    Diagnostics diagnostics = Validator::validateBackend(backend, &resolver);
    if (problems)
        *problems = diagnostics;
    for (const Diagnostic& d : std::as_const(diagnostics)) {
        if (d.severity == Diagnostic::Severity::Error)
            return Error{Error::Code::Usage, d.message, d.path()};
    }
    auto value = [&](const char* name) { return resolver.resolve(o->attribute(QString::fromLatin1(name))).value; };

    TokenRequestSpec spec;
    spec.tokenEndpoint = QUrl(value("token_endpoint"), QUrl::StrictMode);
    if (!spec.tokenEndpoint.isValid() || spec.tokenEndpoint.host().isEmpty()) {
        return Error{Error::Code::Usage,
                     QStringLiteral("token_endpoint \"%1\" is not an absolute URL").arg(value("token_endpoint")),
                     label + QStringLiteral(".oauth2.token_endpoint")};
    }
    spec.grantType = value("grant_type").trimmed();
    spec.authMethod = value("token_endpoint_auth_method").trimmed();
    spec.clientId = value("client_id");
    spec.clientSecret = value("client_secret");
    spec.scope = value("scope");
    spec.username = value("username");
    spec.password = value("password");
    spec.assertion = value("assertion");
    spec.authorizationEndpoint = QUrl(value("authorization_endpoint").trimmed(), QUrl::StrictMode);
    spec.redirectUri = value("redirect_uri").trimmed();
    spec.codeChallengeMethod = value("code_challenge_method").trimmed();
    spec.deviceAuthorizationEndpoint = QUrl(value("device_authorization_endpoint").trimmed(), QUrl::StrictMode);
    spec.refreshToken = value("refresh_token").trimmed();
    spec.rawBasicCredentials = value("raw_basic_credentials").trimmed() == u"true";
    // The run's secrets are masked by value in every output from here on (wherever a server echoes them).
    for (const QString& secret : {spec.clientSecret, spec.password, spec.assertion, spec.refreshToken})
        SecretValues::add(secret);
    if (const Block* p = o->child(QStringLiteral("jwt_signing_profile"))) {
        auto profile = signingProfileFromBlock(*p, resolver, QString());
        if (!profile)
            return Error{profile.error().code, profile.error().message,
                         label + QStringLiteral(".oauth2.jwt_signing_profile") +
                             (profile.error().where.isEmpty() ? QString() : u'.' + profile.error().where)};
        spec.signingProfile = profile.value();
    }
    return spec;
}

} // namespace Tokenbench::Core
