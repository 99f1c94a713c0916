#include "model/validator.h"

#include "model/couperconfig.h"
#include "model/schema.h"
#include "model/secretliterals.h"
#include "model/tokenrequestshape.h"
#include "model/valueresolver.h"
#include "hcl/couperscope.h"
#include "hcl/evaluator.h"
#include "jwt/algorithm.h"
#include "jwt/signer.h"
#include "util/boundedread.h"
#include "util/displaytext.h"
#include "util/duration.h"
#include "util/securebytes.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace Tokenbench::Core::Validator {

namespace {

// An attribute Couper evaluates per request whose expression reads the client request: no value to check
// here (check reports its expression's problems, a run refuses it).
bool requestValue(const Block& block, const QString& attribute)
{
    return Hcl::readsClientRequest(block.type, attribute, block.attribute(attribute));
}


using Sev = Diagnostic::Severity;

struct Sink
{
    Diagnostics& out;
    QString backend;
    void add(Sev s, const QString& block, const QString& attribute, const QString& message)
    {
        out.append(Diagnostic{s, backend, block, attribute, message, {}, 0, 0});
    }
    // A Tokenbench extension that Couper's oauth2 block would refuse (see Diagnostic::couperCompatibility).
    void addCouper(Sev s, const QString& block, const QString& attribute, const QString& message)
    {
        add(s, block, attribute, message);
        out.last().couperCompatibility = true;
    }
};

// A rule Couper applies per request (origin, path, timeouts, proxy, the token endpoint URL): an error for a
// workspace (Tokenbench cannot run it), a warning in a Couper file (Couper starts; the requests fail or,
// for a timeout, fall back to the default).
Sev requestTime(const Context& context)
{
    return context.couperFile ? Sev::Warning : Sev::Error;
}

bool validHttpUrl(const QString& text, QString* why)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) {
        *why = url.errorString();
        return false;
    }
    if (url.scheme() != u"http" && url.scheme() != u"https") {
        *why = QStringLiteral("the scheme must be http or https");
        return false;
    }
    if (url.host().isEmpty()) {
        *why = QStringLiteral("the URL has no host");
        return false;
    }
    return true;
}

// The interactive grants' attributes (Tokenbench extensions): required per grant, loopback redirect,
// S256 only; the raw Basic compatibility toggle.
void validateInteractive(Sink& sink, const Block& o, const QString& grant)
{
    const QString B = BlockType::OAuth2;
    auto text = [&](const char* name) { return o.attribute(QString::fromLatin1(name)).trimmed(); };
    auto checkUrl = [&](const char* name) {
        const QString v = text(name);
        QString why;
        if (!v.isEmpty() && !ValueResolver::isReference(v) && !validHttpUrl(v, &why))
            sink.add(Sev::Error, B, QString::fromLatin1(name),
                     QStringLiteral("%1 \"%2\" is not a usable URL: %3").arg(QString::fromLatin1(name), v, why));
    };
    checkUrl("authorization_endpoint");
    checkUrl("device_authorization_endpoint");
    const auto required = [&](const char* name) {
        return Schema::oauth2AttributeRequired(QString::fromLatin1(name), grant, {});
    };
    if (required("authorization_endpoint") && text("authorization_endpoint").isEmpty())
        sink.add(Sev::Error, B, QStringLiteral("authorization_endpoint"),
                 QStringLiteral("authorization_endpoint must not be empty with grant_type=authorization_code: give "
                                "the URL where the browser signs in, e.g. https://as.example.com/authorize"));
    const QString redirect = text("redirect_uri");
    if (!redirect.isEmpty() && !ValueResolver::isReference(redirect)) {
        const QUrl url(redirect, QUrl::StrictMode);
        const QString host = url.host();
        const bool loopback = host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0 ||
                              host.startsWith(QStringLiteral("127.")) || host == u"::1";
        if (!url.isValid() || url.scheme() != u"http" || !loopback)
            sink.add(Sev::Error, B, QStringLiteral("redirect_uri"),
                     QStringLiteral("redirect_uri \"%1\" must be an http URL on the loopback interface (RFC 8252 "
                                    "§7.3), e.g. http://127.0.0.1/callback (random port) or "
                                    "http://127.0.0.1:8765/callback")
                         .arg(redirect));
        else if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
            sink.add(Sev::Info, B, QStringLiteral("redirect_uri"),
                     QStringLiteral("RFC 8252 §8.3 recommends the IP literal 127.0.0.1 over localhost"));
    }
    const QString pkce = text("code_challenge_method");
    if (!pkce.isEmpty() && pkce != u"S256")
        sink.add(Sev::Error, B, QStringLiteral("code_challenge_method"),
                 QStringLiteral("code_challenge_method \"%1\" is not supported: Tokenbench sends S256 (plain is "
                                "only for clients that cannot hash, RFC 7636 §4.2)")
                     .arg(pkce));
    if (required("device_authorization_endpoint") && text("device_authorization_endpoint").isEmpty())
        sink.add(Sev::Error, B, QStringLiteral("device_authorization_endpoint"),
                 QStringLiteral("device_authorization_endpoint must not be empty with the device_code grant: give "
                                "the URL of the server's device authorization endpoint (RFC 8628 §3.1)"));
    if (required("refresh_token") && text("refresh_token").isEmpty())
        sink.add(Sev::Error, B, QStringLiteral("refresh_token"),
                 QStringLiteral("refresh_token must not be empty with grant_type=refresh_token: give a refresh "
                                "token (env.NAME), or run an authorization_code or device flow and refresh from "
                                "the token panel"));
    for (const char* name : {"authorization_endpoint", "redirect_uri", "code_challenge_method",
                             "device_authorization_endpoint", "refresh_token"}) {
        if (!text(name).isEmpty() && !grant.isEmpty() && !Schema::oauth2AttributeApplies(QString::fromLatin1(name), grant, {}))
            sink.add(Sev::Info, B, QString::fromLatin1(name),
                     QStringLiteral("%1 is not used with grant_type=%2").arg(QString::fromLatin1(name), grant));
    }
    const QString raw = text("raw_basic_credentials");
    if (!raw.isEmpty() && raw != u"true" && raw != u"false")
        sink.add(Sev::Error, B, QStringLiteral("raw_basic_credentials"),
                 QStringLiteral("raw_basic_credentials must be true or false"));
    else if (raw == u"true")
        sink.addCouper(Sev::Warning, B, QStringLiteral("raw_basic_credentials"),
                 QStringLiteral("raw_basic_credentials is a Tokenbench compatibility toggle: the Basic credentials "
                                "are sent without form-encoding; Couper always form-encodes them (RFC 6749 "
                                "§2.3.1) and does not know this attribute"));
}

void checkReferences(Sink& sink, const Block& block, const QString& blockName, const ValueResolver* resolver,
                     const Context& context)
{
    for (auto it = block.attributes.cbegin(); it != block.attributes.cend(); ++it) {
        const auto name = ValueResolver::referenceName(it.value());
        if (!name)
            continue;
        if (resolver && !resolver->lookup(*name) && !context.keychainNames.contains(*name)) {
            // Unset in the environment; Tokenbench finds secrets in the keychain too (Couper does not).
            sink.add(Sev::Warning, blockName, it.key(),
                     context.keychainNotAsked
                         ? QStringLiteral("environment variable %1 is unset in the environment; it may be in the "
                                          "keychain. Couper itself would use an empty string")
                               .arg(*name)
                         : QStringLiteral("environment variable %1 is not set; Couper would use an empty string")
                               .arg(*name));
        }
    }
}

bool isCouperAlgorithm(const QString& alg)
{
    const auto a = Jwt::algorithmFromName(alg);
    return a && Jwt::isCouperSigningAlgorithm(*a);
}

// A nested jwt_signing_profile as Couper reads it when it signs with it (lib.NewJWTSigningConfigFromJWTSigningProfile
// and oauth2/authenticator.go): the algorithm (per method), ttl, the key (key or key_file) and `alg` in headers.
// `method` is empty for the jwt-bearer assertion source.
void validateProfile(Sink& sink, const Block& profile, const QString& method, bool secretSigns, const Context& context)
{
    const QString P = QStringLiteral("oauth2.jwt_signing_profile");
    const QString alg = profile.attribute(QStringLiteral("signature_algorithm")).trimmed();
    const QString key = profile.attribute(QStringLiteral("key"));
    const QString keyFile = profile.attribute(QStringLiteral("key_file")).trimmed();
    const bool hasKey = !key.isEmpty();
    const bool hasKeyFile = !keyFile.isEmpty();
    const bool computedAlg = ValueResolver::isReference(alg);
    if (alg.isEmpty()) {
        sink.add(Sev::Error, P, QStringLiteral("signature_algorithm"),
                 QStringLiteral("Missing required argument: The argument \"signature_algorithm\" is required "
                                "(RS256, RS384, RS512, ES256, ES384, ES512, HS256, HS384 or HS512)"));
    } else if (!computedAlg && !isCouperAlgorithm(alg)) {
        if (Jwt::algorithmFromName(alg))
            sink.addCouper(Sev::Warning, P, QStringLiteral("signature_algorithm"),
                           QStringLiteral("%1 is not supported by Couper (RS*, HS*, ES* only): Tokenbench signs it, "
                                          "Couper refuses the configuration (algorithm is not supported)")
                               .arg(alg));
        else
            sink.add(Sev::Error, P, QStringLiteral("signature_algorithm"),
                     QStringLiteral("algorithm is not supported: \"%1\" (RS256, RS384, RS512, ES256, ES384, ES512, "
                                    "HS256, HS384 or HS512)")
                         .arg(alg));
    } else if (!computedAlg && !method.isEmpty() && secretSigns != alg.startsWith(QStringLiteral("HS"))) {
        sink.add(Sev::Error, P, QStringLiteral("signature_algorithm"),
                 QStringLiteral("inappropriate signature algorithm with %1").arg(method));
    }
    const QString ttl = profile.attribute(QStringLiteral("ttl")).trimmed();
    if (ttl.isEmpty() && !profile.hasAttribute(QStringLiteral("ttl"))) {
        sink.add(Sev::Error, P, QStringLiteral("ttl"),
                 QStringLiteral("Missing required argument: The argument \"ttl\" is required, e.g. ttl = \"60s\""));
    } else if (!ValueResolver::isReference(ttl) && ttl != u"0") {
        const auto d = Duration::parseGo(ttl);
        if (!d)
            sink.add(Sev::Error, P, QStringLiteral("ttl"), d.error().message + durationHint());
    }
    if (secretSigns) {
        if (hasKey)
            sink.add(Sev::Error, P, QStringLiteral("key"), QStringLiteral("key must not be set with %1").arg(method));
        if (hasKeyFile)
            sink.add(Sev::Error, P, QStringLiteral("key_file"),
                     QStringLiteral("key_file must not be set with %1").arg(method));
    } else if (!hasKey && !hasKeyFile) {
        if (method.isEmpty())
            sink.add(Sev::Error, P, QStringLiteral("key"),
                     QStringLiteral("jwt_signing_profile key: read error: required: configured attribute or file "
                                    "(give key or key_file)"));
        else
            sink.add(Sev::Error, P, QStringLiteral("key"),
                     QStringLiteral("key and key_file must not both be empty with %1").arg(method));
    } else if (hasKey && hasKeyFile) {
        sink.add(Sev::Error, P, QStringLiteral("key_file"),
                 QStringLiteral("jwt_signing_profile key: read error: configured attribute and file (give key or "
                                "key_file, not both)"));
    } else if (!computedAlg && isCouperAlgorithm(alg)) {
        // The key itself: what Couper reads and parses at start-up.
        SecureBytes material;
        bool known = false;
        if (hasKey && !ValueResolver::isReference(key)) {
            material = SecureBytes::fromUtf8(key);
            known = true;
        } else if (hasKeyFile && !ValueResolver::isReference(keyFile) && !context.baseDirectory.isEmpty()) {
            const QString path = QDir::cleanPath(QFileInfo(keyFile).isRelative() ? QDir(context.baseDirectory).filePath(keyFile) : keyFile);
            auto read = readFileLimited(path, FileLimits::KeyFile, QStringLiteral("key file"));
            if (!read) {
                sink.add(Sev::Error, P, QStringLiteral("key_file"),
                         QStringLiteral("jwt_signing_profile key: read error: %1: %2").arg(path, read.error().message));
            } else if (read->isEmpty()) {
                sink.add(Sev::Error, P, QStringLiteral("key_file"),
                         QStringLiteral("jwt_signing_profile key: read error: empty file %1").arg(path));
            } else {
                material = SecureBytes(*read);
                known = true;
            }
        }
        if (known && !alg.startsWith(QStringLiteral("HS"))) {
            const auto parsed = Jwt::profileKey(*Jwt::algorithmFromName(alg), material);
            if (!parsed)
                sink.add(Sev::Error, P, hasKey ? QStringLiteral("key") : QStringLiteral("key_file"),
                         parsed.error().message);
        }
    }
    // `alg` comes from signature_algorithm; Couper refuses it in headers.
    const QString headers = profile.attribute(QStringLiteral("headers")).trimmed();
    if (!headers.isEmpty()) {
        const Hcl::EvalResult r = Hcl::evaluateExpression(headers, Hcl::couperContext(Hcl::EvaluationTime::Startup));
        if (r.ok() && r.value.isObject() && r.value.fields().contains(QStringLiteral("alg")))
            sink.add(Sev::Error, P, QStringLiteral("headers"), QStringLiteral("\"alg\" cannot be set via \"headers\""));
    }
}

// The token backend of an oauth2 block as Couper builds it: a nested `backend { }` (anonymous, or labelled:
// a refinement of a defined backend), or `backend = "name"`. Sets whether it has an origin and a path;
// false when there is none. A name the context cannot resolve counts as supplying both.
bool tokenBackend(const Block& o, const Context& context, bool* origin, bool* path)
{
    *origin = *path = false;
    const auto defined = [&](const QString& name) -> const Block* {
        if (!context.backends)
            return nullptr;
        for (const Block& b : *context.backends)
            if (b.label == name)
                return &b;
        return nullptr;
    };
    const auto has = [](const Block* b, const char* name) {
        return b && !b->attribute(QString::fromLatin1(name)).trimmed().isEmpty();
    };
    QString name = o.attribute(QStringLiteral("backend")).trimmed();
    const Block* nested = nullptr;
    for (const Block& c : o.blocks)
        if (c.type == BlockType::Backend)
            nested = &c;
    if (nested && !nested->label.isEmpty())
        name = nested->label;
    if (nested && nested->label.isEmpty()) {
        *origin = has(nested, "origin");
        *path = has(nested, "path");
        return true;
    }
    if (name.isEmpty())
        return false;
    const Block* ref = defined(name);
    if (!ref) {
        *origin = *path = true; // not ours to judge (undefined names are reported with the file's references)
        return true;
    }
    *origin = has(ref, "origin");
    *path = has(ref, "path") || has(nested, "path");
    return true;
}

void validateOAuth2(Sink& sink, const Block& o, const ValueResolver* resolver, const Context& context)
{
    const QString B = BlockType::OAuth2;
    auto isSet = [&](const char* name) { return !o.attribute(QString::fromLatin1(name)).trimmed().isEmpty(); };

    const QString grant = o.attribute(QStringLiteral("grant_type")).trimmed();
    const QString method = o.attribute(QStringLiteral("token_endpoint_auth_method")).trimmed().isEmpty()
                               ? Schema::AuthMethod::Basic
                               : o.attribute(QStringLiteral("token_endpoint_auth_method")).trimmed();
    const auto required = [&](const char* name) {
        return Schema::oauth2AttributeRequired(QString::fromLatin1(name), grant, method);
    };

    if (grant.isEmpty()) {
        sink.add(Sev::Error, B, QStringLiteral("grant_type"),
                 QStringLiteral("Missing required argument: The argument \"grant_type\" is required "
                                "(client_credentials, password or urn:ietf:params:oauth:grant-type:jwt-bearer)"));
    } else if (grant == Schema::Grant::AuthorizationCode || grant == Schema::Grant::RefreshToken ||
               grant == Schema::Grant::DeviceCode) {
        sink.addCouper(Sev::Warning, B, QStringLiteral("grant_type"),
                 QStringLiteral("grant_type %1 is a Tokenbench extension: Couper's oauth2 block accepts only "
                                "client_credentials, password and jwt-bearer, so Couper will not accept this "
                                "backend's oauth2 block")
                     .arg(grant));
    } else if (!Schema::Grant::isCouperGrant(grant)) {
        sink.add(Sev::Error, B, QStringLiteral("grant_type"), QStringLiteral("grant_type %1 not supported").arg(grant));
    }
    validateInteractive(sink, o, grant);
    // A grant known only at start-up (env.NAME), or one Couper refuses: nothing else can be judged.
    if (ValueResolver::isReference(grant) ||
        (!grant.isEmpty() && !Schema::Grant::isCouperGrant(grant) && grant != Schema::Grant::AuthorizationCode &&
         grant != Schema::Grant::RefreshToken && grant != Schema::Grant::DeviceCode)) {
        checkReferences(sink, o, B, resolver, context);
        return;
    }

    // Couper posts to token_endpoint through the token backend, whose origin replaces scheme and host and
    // whose path replaces the path: without token_endpoint the backend must supply both, and a relative
    // token_endpoint ("/token") needs the backend's origin.
    const QString endpoint = o.attribute(QStringLiteral("token_endpoint")).trimmed();
    bool backendOrigin = false;
    bool backendPath = false;
    tokenBackend(o, context, &backendOrigin, &backendPath);
    if (endpoint.isEmpty()) {
        if (!backendOrigin || !backendPath)
            sink.add(requestTime(context), B, QStringLiteral("token_endpoint"),
                     backendOrigin
                         ? QStringLiteral("token_endpoint is missing and the token backend has no path: give "
                                          "token_endpoint = \"https://as.example.com/oauth/token\", or a path in "
                                          "the token backend")
                         : QStringLiteral("token_endpoint is missing and no token backend supplies origin and "
                                          "path: give token_endpoint = \"https://as.example.com/oauth/token\", or "
                                          "a token backend with origin and path"));
    } else if (!ValueResolver::isReference(endpoint)) {
        QString why;
        if (endpoint.startsWith(u'/') && backendOrigin) {
            // a path on the token backend's origin
        } else if (endpoint.startsWith(u'/')) {
            sink.add(requestTime(context), B, QStringLiteral("token_endpoint"),
                     QStringLiteral("token_endpoint \"%1\" is a path but no token backend supplies an origin: give "
                                    "an absolute URL, e.g. https://as.example.com%1")
                         .arg(endpoint));
        } else if (!validHttpUrl(endpoint, &why)) {
            sink.add(requestTime(context), B, QStringLiteral("token_endpoint"),
                     QStringLiteral("token_endpoint \"%1\" is not a usable URL: %2").arg(endpoint, why));
        }
    }

    const bool jwtBearer = grant == Schema::Grant::JwtBearer;
    if (!jwtBearer && ValueResolver::isReference(method)) {
        if (required("client_id") && !isSet("client_id"))
            sink.add(Sev::Error, B, QStringLiteral("client_id"), QStringLiteral("client_id must not be empty"));
    } else if (!jwtBearer) {
        if (required("client_id") && !isSet("client_id"))
            sink.add(Sev::Error, B, QStringLiteral("client_id"), QStringLiteral("client_id must not be empty"));
        const ClientAuthMethod* row = clientAuthMethod(method);
        if (row && !row->couper)
            sink.addCouper(Sev::Warning, B, QStringLiteral("token_endpoint_auth_method"),
                           QStringLiteral("%1 (%2) is a Tokenbench extension: Couper's oauth2 block does not accept it")
                               .arg(method, row->summary));
        if (!row) {
            sink.add(Sev::Error, B, QStringLiteral("token_endpoint_auth_method"),
                     QStringLiteral("token_endpoint_auth_method \"%1\" not supported").arg(method));
        } else if (row->secret == SecretUse::Unused) {
            if (isSet("client_secret"))
                sink.add(Sev::Warning, B, QStringLiteral("client_secret"),
                         QStringLiteral("client_secret is not sent with token_endpoint_auth_method %1").arg(method));
        } else if (row->secret == SecretUse::Forbidden) {
            if (isSet("client_secret"))
                sink.add(Sev::Error, B, QStringLiteral("client_secret"),
                         QStringLiteral("client_secret must not be set with %1").arg(method));
        } else if (required("client_secret") && !isSet("client_secret")) {
            sink.add(Sev::Error, B, QStringLiteral("client_secret"),
                     QStringLiteral("client_secret must not be empty with %1").arg(method));
        }
        const Block* profile = o.child(QStringLiteral("jwt_signing_profile"));
        const bool assertionMethod = row && row->assertionKey != AssertionKey::None;
        const bool secretSigns = row && row->assertionKey == AssertionKey::ClientSecret;
        if (assertionMethod && !profile) {
            sink.add(Sev::Error, B, QStringLiteral("token_endpoint_auth_method"),
                     QStringLiteral("jwt_signing_profile block must be set with %1").arg(method));
        } else if (!assertionMethod && profile) {
            sink.add(Sev::Error, B, QStringLiteral("token_endpoint_auth_method"),
                     QStringLiteral("jwt_signing_profile block must not be set with %1").arg(method));
        }
        if (assertionMethod && profile)
            validateProfile(sink, *profile, method, secretSigns, context);
    }

    if (grant == Schema::Grant::Password) {
        if (required("username") && !isSet("username"))
            sink.add(Sev::Error, B, QStringLiteral("username"),
                     QStringLiteral("username must not be empty with grant_type=password"));
        if (required("password") && !isSet("password"))
            sink.add(Sev::Error, B, QStringLiteral("password"),
                     QStringLiteral("password must not be empty with grant_type=password"));
    } else if (!grant.isEmpty()) {
        if (o.hasAttribute(QStringLiteral("username")))
            sink.add(Sev::Error, B, QStringLiteral("username"),
                     QStringLiteral("username attribute must not be set with grant_type=%1").arg(grant));
        if (o.hasAttribute(QStringLiteral("password")))
            sink.add(Sev::Error, B, QStringLiteral("password"),
                     QStringLiteral("password attribute must not be set with grant_type=%1").arg(grant));
    }

    if (jwtBearer) {
        const Block* profile = o.child(QStringLiteral("jwt_signing_profile"));
        if (!isSet("assertion") && !profile)
            sink.add(Sev::Error, B, QStringLiteral("assertion"),
                     QStringLiteral("missing assertion attribute or jwt_signing_profile block with "
                                    "grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer"));
        else if (!isSet("assertion") && profile) // the profile signs the assertion (an assertion attribute wins)
            validateProfile(sink, *profile, QString(), false, context);
        for (const char* ignored : {"client_id", "client_secret"}) {
            if (isSet(ignored))
                sink.add(Sev::Info, B, QString::fromLatin1(ignored),
                         QStringLiteral("%1 is ignored with the jwt-bearer grant: Couper sends no client "
                                        "credentials")
                             .arg(QString::fromLatin1(ignored)));
        }
    } else if (!grant.isEmpty() && o.hasAttribute(QStringLiteral("assertion"))) {
        sink.add(Sev::Error, B, QStringLiteral("assertion"),
                 QStringLiteral("assertion attribute must not be set with grant_type=%1").arg(grant));
    }

    if (o.hasAttribute(QStringLiteral("retries"))) {
        bool ok = false;
        const int r = o.attribute(QStringLiteral("retries")).trimmed().toInt(&ok);
        if (!ok || r < 0 || r > 255)
            sink.add(Sev::Error, B, QStringLiteral("retries"),
                     QStringLiteral("retries must be a whole number from 0 to 255"));
    }

    checkReferences(sink, o, B, resolver, context);
}

// A header map as Couper sends it (eval/http.go SetHeader): per name a string, number or bool, or a list of
// those (repeated header); null is skipped. An object value, or an object or list inside a list, becomes
// no value at all; a name that is not an HTTP token makes Go's client refuse the whole request
// ("net/http: invalid header field name"). Values known only per request are null here and pass.
void checkHeaderMap(Sink& sink, const QString& block, const QString& attribute, const Hcl::Value& map)
{
    static const QRegularExpression token(QStringLiteral("^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$"));
    const auto scalar = [](const Hcl::Value& v) { return v.isString() || v.isNumber() || v.isBool() || v.isNull(); };
    for (auto it = map.fields().cbegin(); it != map.fields().cend(); ++it) {
        if (!token.match(it.key()).hasMatch())
            sink.add(Sev::Warning, block, attribute,
                     QStringLiteral("%1: \"%2\" is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ "
                                    "only): Couper's HTTP client refuses to send the request (net/http: invalid "
                                    "header field name)")
                         .arg(attribute, DisplayText::escapeControl(it.key())));
        const Hcl::Value& v = it.value();
        bool sendsNothing = v.isObject();
        if (v.isTuple())
            for (const Hcl::Value& e : v.items())
                sendsNothing = sendsNothing || !scalar(e);
        if (sendsNothing)
            sink.add(Sev::Warning, block, attribute,
                     QStringLiteral("%1.%2 is %3: Couper sends no value for it (only a string, number or bool, or a "
                                    "list of them for a repeated header); e.g. %2 = \"value\" or %2 = [\"a\", \"b\"]")
                         .arg(attribute, it.key(),
                              v.isObject() ? QStringLiteral("an object") : QStringLiteral("a list holding an object or list")));
    }
}

// proxy, disable_certificate_validation, the tls block and the modifier maps (reference sections 1.3, 1.4).
void validateTransport(Sink& sink, const Block& backend, const Context& context)
{
    const QString proxy = backend.attribute(QStringLiteral("proxy")).trimmed();
    if (!proxy.isEmpty() && !ValueResolver::isReference(proxy) && !requestValue(backend, QStringLiteral("proxy"))) {
        QString why;
        if (!validHttpUrl(proxy, &why))
            sink.add(requestTime(context), {}, QStringLiteral("proxy"),
                     QStringLiteral("proxy \"%1\" is not a proxy URL such as http://proxy.example:3128: %2").arg(proxy, why));
    }
    const QString insecure = backend.attribute(QStringLiteral("disable_certificate_validation")).trimmed();
    if (!insecure.isEmpty() && insecure != u"true" && insecure != u"false")
        sink.add(Sev::Error, {}, QStringLiteral("disable_certificate_validation"),
                 QStringLiteral("disable_certificate_validation must be true or false"));
    const Block* tls = backend.child(QStringLiteral("tls"));
    if (tls) {
        for (const char* base : {"server_ca_certificate", "client_certificate", "client_private_key"}) {
            const QString name = QString::fromLatin1(base);
            if (tls->hasAttribute(name) && tls->hasAttribute(name + QStringLiteral("_file")))
                sink.add(Sev::Error, QStringLiteral("tls"), name + QStringLiteral("_file"),
                         QStringLiteral("configured attribute and file: give %1 or %1_file, not both").arg(name));
        }
        const bool cert = tls->hasAttribute(QStringLiteral("client_certificate")) ||
                          tls->hasAttribute(QStringLiteral("client_certificate_file"));
        const bool key = tls->hasAttribute(QStringLiteral("client_private_key")) ||
                         tls->hasAttribute(QStringLiteral("client_private_key_file"));
        if (cert && !key)
            sink.add(Sev::Error, QStringLiteral("tls"), QStringLiteral("client_private_key_file"),
                     QStringLiteral("tls: missing client private key"));
        if (key && !cert)
            sink.add(requestTime(context), QStringLiteral("tls"), QStringLiteral("client_certificate_file"),
                     QStringLiteral("a client private key without client_certificate is never used"));
    }
    const bool hasCa = tls && (tls->hasAttribute(QStringLiteral("server_ca_certificate")) ||
                               tls->hasAttribute(QStringLiteral("server_ca_certificate_file")));
    // Couper checks this combination for backends in definitions only (configload validateBackendTLS).
    const bool inlineCouperBackend = context.couperFile && backend.label.startsWith(QStringLiteral("anonymous_"));
    if (backend.hasAttribute(QStringLiteral("disable_certificate_validation")) && hasCa && !inlineCouperBackend) {
        sink.add(Sev::Error, {}, QStringLiteral("disable_certificate_validation"),
                 QStringLiteral("configured 'disable_certificate_validation' along with '%1' attribute")
                     .arg(tls->hasAttribute(QStringLiteral("server_ca_certificate"))
                              ? QStringLiteral("server_ca_certificate")
                              : QStringLiteral("server_ca_certificate_file")));
    } else if (insecure == u"true") {
        sink.add(Sev::Warning, {}, QStringLiteral("disable_certificate_validation"), insecureWarning(backend.label));
    }
    // Request-time variables (env too) are empty here: references evaluate to null (Couper's leniency),
    // and only a value that is plainly not an object is reported.
    const Hcl::EvalContext ctx = Hcl::couperContext(Hcl::EvaluationTime::PerRequest);
    for (const QString& name : Schema::requestModifierMaps()) {
        const QString text = backend.attribute(name).trimmed();
        if (text.isEmpty())
            continue;
        const Hcl::EvalResult r = Hcl::evaluateExpression(text, ctx);
        if (r.ok() && !r.value.isObject())
            sink.add(Sev::Error, {}, name,
                     QStringLiteral("%1 must be an object such as { name = \"value\" }").arg(name));
        else if (r.ok() && name.endsWith(QStringLiteral("_headers")))
            checkHeaderMap(sink, {}, name, r.value);
    }
    for (const Block& c : backend.blocks) {
        if (c.type != u"beta_token_request" || !c.hasAttribute(QStringLiteral("headers")))
            continue;
        const Hcl::EvalResult r = Hcl::evaluateExpression(c.attribute(QStringLiteral("headers")).trimmed(), ctx);
        if (r.ok() && r.value.isObject())
            checkHeaderMap(sink, c.selector(), QStringLiteral("headers"), r.value);
    }
}

// Credentials typed in clear into header / query / form maps: said in the Problems view, with what
// happens to them (the value goes to the keychain, the file gets env.NAME). Never the value itself.
void noteSecretLiterals(Sink& sink, const Block& b, const QString& blockPath)
{
    for (auto it = b.attributes.cbegin(); it != b.attributes.cend(); ++it) {
        for (const SecretLiterals::Literal& l : SecretLiterals::find(b.type, it.key(), it.value())) {
            const QString why = l.byName ? QStringLiteral("%1 carries credentials").arg(l.key)
                                         : QStringLiteral("its value looks like a credential");
            sink.add(Sev::Info, blockPath, it.key(),
                     QStringLiteral("%1.%2 is a secret typed in clear (%3): Tokenbench keeps it out of files — "
                                    "saving stores the value in the keychain and writes env.NAME in its place; "
                                    "exports write env.NAME too")
                         .arg(it.key(), l.key, why));
        }
    }
    for (const Block& c : b.blocks) {
        if (c.type == u"beta_token_request")
            noteSecretLiterals(sink, c, blockPath.isEmpty() ? c.selector() : blockPath + u'.' + c.selector());
    }
}

} // namespace

QString durationHint()
{
    return QStringLiteral(" (a Couper duration is a number with a unit and no space, e.g. \"5s\", \"1m30s\", "
                          "\"500ms\", \"1.5h\"; units ns, us, ms, s, m, h; no days)");
}

Diagnostics validateBackend(const Block& backend, const ValueResolver* resolver, const Context& context)
{
    Diagnostics out;
    Sink sink{out, backend.label};
    static const QRegularExpression labelRe(QStringLiteral("^[a-zA-Z0-9_]+$"));
    if (context.couperFile) {
        // Checked on the syntax with the file's positions (model/couperfile); inline backends have Couper's names.
    } else if (backend.label.isEmpty()) {
        sink.add(Sev::Error, {}, {}, QStringLiteral("missing label: a backend in definitions needs a name"));
    } else if (!labelRe.match(backend.label).hasMatch()) {
        sink.add(Sev::Error, {}, {},
                 QStringLiteral("label contains invalid character(s), allowed are 'a-z', 'A-Z', '0-9' and '_'"));
    } else if (backend.label.startsWith(QStringLiteral("anonymous_"))) {
        sink.add(Sev::Error, {}, {}, QStringLiteral("backend label must not start with 'anonymous_'"));
    }

    const QString origin = backend.attribute(QStringLiteral("origin")).trimmed();
    if (!origin.isEmpty() && !ValueResolver::isReference(origin) && !requestValue(backend, QStringLiteral("origin"))) {
        QString why;
        if (!validHttpUrl(origin, &why))
            sink.add(requestTime(context), {}, QStringLiteral("origin"),
                     QStringLiteral("origin \"%1\" is not an absolute URL with a host: %2").arg(origin, why));
    }
    const QString path = requestValue(backend, QStringLiteral("path")) ? QString() : backend.attribute(QStringLiteral("path"));
    if (path.contains(u'#') || path.contains(u'?') || path.contains(QStringLiteral("..")) ||
        path.contains(QStringLiteral("%2e%2e"), Qt::CaseInsensitive)) {
        sink.add(requestTime(context), {}, QStringLiteral("path"),
                 QStringLiteral("path must not contain '#', '?' or '..' segments"));
    }
    for (const char* t : {"timeout", "connect_timeout", "ttfb_timeout"}) {
        const QString name = QString::fromLatin1(t);
        const QString text = backend.attribute(name).trimmed();
        if (text.isEmpty() || ValueResolver::isReference(text) || requestValue(backend, name))
            continue;
        const auto parsed = Duration::parseCouper(text, 0);
        if (!parsed)
            sink.add(requestTime(context), {}, name, QStringLiteral("%1: %2").arg(name, parsed.error().message) + durationHint());
    }
    checkReferences(sink, backend, {}, resolver, context);
    validateTransport(sink, backend, context);

    if (const Block* o = backend.child(BlockType::OAuth2))
        validateOAuth2(sink, *o, resolver, context);
    noteSecretLiterals(sink, backend, {});
    return out;
}

Diagnostics validateSigningProfile(const Block& profile, const Context& context)
{
    Diagnostics out;
    Sink sink{out, QString()};
    validateProfile(sink, profile, QString(), false, context);
    for (Diagnostic& d : out)
        d.block = QStringLiteral("jwt_signing_profile");
    return out;
}

Diagnostics validateBackends(const QList<Block>& backends, const ValueResolver* resolver, const Context& context)
{
    Diagnostics out;
    QSet<QString> seen;
    Context withAll = context;
    withAll.backends = &backends;
    for (const Block& b : backends) {
        out += validateBackend(b, resolver, withAll);
        if (!context.couperFile && !b.label.isEmpty() && seen.contains(b.label))
            out.append(Diagnostic{Sev::Error, b.label, {}, {}, QStringLiteral("backend labels must be unique"), {},
                                  0, 0});
        seen.insert(b.label);
        // The token backend named by oauth2's backend attribute must exist (and not be the backend itself).
        // In a Couper file the file's reference check says so, at the reference.
        if (const Block* o = b.child(BlockType::OAuth2)) {
            const QString ref = o->attribute(QStringLiteral("backend")).trimmed();
            if (ref.isEmpty() || context.couperFile)
                continue;
            bool found = false;
            for (const Block& other : backends)
                found = found || other.label == ref;
            if (ref == b.label)
                out.append(Diagnostic{Sev::Error, b.label, BlockType::OAuth2, QStringLiteral("backend"),
                                      QStringLiteral("circular reference: a backend cannot send its own token request"),
                                      {}, 0, 0});
            else if (!found)
                out.append(Diagnostic{Sev::Error, b.label, BlockType::OAuth2, QStringLiteral("backend"),
                                      QStringLiteral("referenced backend \"%1\" is not defined").arg(ref), {}, 0, 0});
        }
    }
    return out;
}

} // namespace Tokenbench::Core::Validator

namespace Tokenbench::Core {

QString insecureWarning(const QString& backendLabel)
{
    return QStringLiteral("INSECURE: %1 has disable_certificate_validation = true: the server's "
                          "certificate is not checked, so anyone in between can read the credentials and the "
                          "token. Use tls { server_ca_certificate_file = ... } instead")
        .arg(backendDisplayName(backendLabel));
}

} // namespace Tokenbench::Core
