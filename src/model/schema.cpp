#include "model/schema.h"

#include "model/block.h"
#include "model/tokenrequestshape.h"

#include <utility>

namespace Tokenbench::Core::Schema {

namespace {

QList<Attribute> backendAttributes()
{
    return {
        {QStringLiteral("origin"), Kind::Url, {}, {},
         QStringLiteral("Scheme, host and port of the backend, e.g. https://api.example.com. Any path is ignored.")},
        {QStringLiteral("path"), Kind::String, {}, {},
         QStringLiteral("Replaces the path of requests sent to this backend.")},
        {QStringLiteral("timeout"), Kind::Duration, QStringLiteral("300s"), {},
         QStringLiteral("Total deadline of a request, as a Go duration (\"300s\", \"1m30s\"). Default 300s.")},
        {QStringLiteral("connect_timeout"), Kind::Duration, QStringLiteral("10s"), {},
         QStringLiteral("Deadline to connect (including TLS). Default 10s.")},
        {QStringLiteral("ttfb_timeout"), Kind::Duration, QStringLiteral("60s"), {},
         QStringLiteral("Deadline from the request being sent to the first response byte. Default 60s.")},
        {QStringLiteral("proxy"), Kind::Url, {}, {},
         QStringLiteral("Forward proxy for requests through this backend, e.g. http://proxy.example:3128.")},
        {QStringLiteral("basic_auth"), Kind::Secret, {}, {},
         QStringLiteral("user:pass sent as Authorization: Basic on every request through this backend (after "
                        "the token's header, so it replaces it). Kept out of the workspace file.")},
        {QStringLiteral("disable_certificate_validation"), Kind::Choice, QStringLiteral("false"),
         {QString(), QStringLiteral("true"), QStringLiteral("false")},
         QStringLiteral("true turns off the check of the server's certificate: insecure, for tests only. Use "
                        "tls { server_ca_certificate_file } for a private CA instead.")},
        {QStringLiteral("set_request_headers"), Kind::String, {}, {},
         QStringLiteral("Headers set on every request through this backend, e.g. { x-tenant = \"a\" }.")},
        {QStringLiteral("set_query_params"), Kind::String, {}, {},
         QStringLiteral("Query parameters set on every request, e.g. { audience = \"api\" }.")},
        {QStringLiteral("set_form_params"), Kind::String, {}, {},
         QStringLiteral("Form parameters set on form-encoded POSTs, the OAuth2 token request included, e.g. "
                        "{ resource = \"https://api.example.com\" } (RFC 8707 resource indicator).")},
        {QStringLiteral("tokenbench_resource_url"), Kind::Url, {}, {},
         QStringLiteral("Tokenbench extension (not a Couper attribute, left out of Couper files): a URL called "
                        "with the token after each run, with Couper's 401 retries. A path (/api) is taken "
                        "relative to origin."), true},
    };
}

QList<Attribute> tlsAttributes()
{
    const QString pem = QStringLiteral(" PEM or DER; the _file variant reads it from a file (give one of both).");
    return {
        {QStringLiteral("server_ca_certificate_file"), Kind::String, {}, {},
         QStringLiteral("A CA certificate trusted for the server, in addition to the system's.") + pem},
        {QStringLiteral("server_ca_certificate"), Kind::String, {}, {},
         QStringLiteral("A CA certificate trusted for the server (inline).") + pem},
        {QStringLiteral("client_certificate_file"), Kind::String, {}, {},
         QStringLiteral("The client certificate for mutual TLS.") + pem},
        {QStringLiteral("client_certificate"), Kind::String, {}, {},
         QStringLiteral("The client certificate for mutual TLS (inline).") + pem},
        {QStringLiteral("client_private_key_file"), Kind::String, {}, {},
         QStringLiteral("The client certificate's private key; required with a client certificate.") + pem},
        {QStringLiteral("client_private_key"), Kind::Secret, {}, {},
         QStringLiteral("The client certificate's private key (inline; kept out of the workspace file).")},
    };
}

// The documentation of token_endpoint_auth_method, from the table of methods.
QString authMethodDocumentation()
{
    QStringList methods;
    for (const QString& name : clientAuthMethods()) {
        const ClientAuthMethod* m = clientAuthMethod(name);
        methods << QStringLiteral("%1: %2%3").arg(name, m->summary,
                                                  m->couper ? QString() : QStringLiteral(" (Tokenbench extension)"));
    }
    return QStringLiteral("How the client authenticates. ") + methods.join(QStringLiteral("; ")) + u'.';
}

QList<Attribute> oauth2Attributes()
{
    return {
        {QStringLiteral("grant_type"), Kind::Choice, {},
         {Grant::ClientCredentials, Grant::Password, Grant::JwtBearer, Grant::AuthorizationCode, Grant::RefreshToken,
          Grant::DeviceCode},
         QStringLiteral("Required. The OAuth2 grant: client_credentials, password or "
                        "urn:ietf:params:oauth:grant-type:jwt-bearer (Couper's), or the interactive "
                        "authorization_code (with PKCE), refresh_token or "
                        "urn:ietf:params:oauth:grant-type:device_code (Tokenbench extensions).")},
        {QStringLiteral("token_endpoint"), Kind::Url, {}, {},
         QStringLiteral("URL of the authorization server's token endpoint.")},
        {QStringLiteral("token_endpoint_auth_method"), Kind::Choice, AuthMethod::Basic, clientAuthMethods(),
         authMethodDocumentation()},
        {QStringLiteral("client_id"), Kind::String, {}, {},
         QStringLiteral("The client identifier. Required for client_credentials and password; not sent "
                        "with jwt-bearer.")},
        {QStringLiteral("client_secret"), Kind::Secret, {}, {},
         QStringLiteral("The client secret. Kept out of the workspace file: use env.NAME, or type it for "
                        "this session.")},
        {QStringLiteral("scope"), Kind::String, {}, {},
         QStringLiteral("Space-separated scopes; sent only when not empty.")},
        {QStringLiteral("username"), Kind::String, {}, {},
         QStringLiteral("Resource owner's user name (password grant only).")},
        {QStringLiteral("password"), Kind::Secret, {}, {},
         QStringLiteral("Resource owner's password (password grant only).")},
        {QStringLiteral("assertion"), Kind::Secret, {}, {},
         QStringLiteral("The JWT assertion sent with the jwt-bearer grant.")},
        {QStringLiteral("authorization_endpoint"), Kind::Url, {}, {},
         QStringLiteral("Where the browser signs in (authorization_code grant; Tokenbench extension)."), true},
        {QStringLiteral("redirect_uri"), Kind::Url, QStringLiteral("http://127.0.0.1/callback"), {},
         QStringLiteral("The loopback redirect Tokenbench listens on (authorization_code): http://127.0.0.1 with a "
                        "fixed port or none for a random one, and a path. Default http://127.0.0.1/callback."), true},
        {QStringLiteral("code_challenge_method"), Kind::Choice, QStringLiteral("S256"), {QStringLiteral("S256")},
         QStringLiteral("PKCE method of the authorization_code grant; Tokenbench sends S256 with a fresh verifier "
                        "per run."), true},
        {QStringLiteral("device_authorization_endpoint"), Kind::Url, {}, {},
         QStringLiteral("The device authorization endpoint (RFC 8628; device_code grant, Tokenbench extension)."), true},
        {QStringLiteral("refresh_token"), Kind::Secret, {}, {},
         QStringLiteral("The refresh token sent with the refresh_token grant. Kept out of the workspace file."), true},
        {QStringLiteral("raw_basic_credentials"), Kind::Choice, QStringLiteral("false"),
         {QStringLiteral("false"), QStringLiteral("true")},
         QStringLiteral("Tokenbench compatibility toggle: send client_secret_basic credentials without "
                        "form-encoding them first, for servers that expect that. Couper always form-encodes "
                        "(RFC 6749 §2.3.1)."), true},
        {QStringLiteral("backend"), Kind::String, {}, {},
         QStringLiteral("The backend the token request is sent through (its origin, timeouts, tls, proxy and "
                        "modifiers apply); without one, Couper's defaults.")},
        {QStringLiteral("retries"), Kind::Integer, QStringLiteral("1"), {},
         QStringLiteral("How often a 401 from the resource makes Couper fetch a new token and resend (0-255). "
                        "Default 1.")},
    };
}

QList<Attribute> signingProfileAttributes()
{
    return {
        {QStringLiteral("signature_algorithm"), Kind::Choice, {},
         {QStringLiteral("RS256"), QStringLiteral("RS384"), QStringLiteral("RS512"), QStringLiteral("HS256"),
          QStringLiteral("HS384"), QStringLiteral("HS512"), QStringLiteral("ES256"), QStringLiteral("ES384"),
          QStringLiteral("ES512")},
         QStringLiteral("Required. The JWS algorithm of the assertion.")},
        {QStringLiteral("ttl"), Kind::Duration, {}, {},
         QStringLiteral("Required. How long the assertion is valid (Go duration, e.g. \"60s\"); sets exp.")},
        {QStringLiteral("key"), Kind::Secret, {}, {},
         QStringLiteral("The private key (PEM) for RS*/ES*, or the HMAC secret for HS*; kept out of the file.")},
        {QStringLiteral("key_file"), Kind::String, {}, {},
         QStringLiteral("A file with the key, used exactly as read.")},
        {QStringLiteral("claims"), Kind::String, {}, {}, QStringLiteral("Extra claims, e.g. { role = \"svc\" }.")},
        {QStringLiteral("headers"), Kind::String, {}, {},
         QStringLiteral("Extra header fields, e.g. { kid = \"key-1\" }; alg cannot be set here.")},
    };
}

} // namespace

const QList<Attribute>& attributes(const QString& blockType)
{
    static const QList<Attribute> backend = backendAttributes();
    static const QList<Attribute> oauth2 = oauth2Attributes();
    static const QList<Attribute> profile = signingProfileAttributes();
    static const QList<Attribute> tls = tlsAttributes();
    static const QList<Attribute> none;
    if (blockType.contains(u'.'))
        return attributes(blockType.section(u'.', -1)); // a nested block: "oauth2.jwt_signing_profile"
    if (blockType == u"tls")
        return tls;
    if (blockType == u"jwt_signing_profile")
        return profile;
    if (blockType == BlockType::Backend)
        return backend;
    if (blockType == BlockType::OAuth2)
        return oauth2;
    return none;
}

const Attribute* find(const QString& blockType, const QString& name)
{
    for (const Attribute& a : attributes(blockType)) {
        if (a.name == name)
            return &a;
    }
    return nullptr;
}

bool isSecret(const QString& blockType, const QString& name)
{
    const Attribute* a = find(blockType, name);
    return a && a->kind == Kind::Secret;
}

std::optional<Hcl::EvaluationTime> couperEvaluationTime(const QString& blockType, const QString& attribute)
{
    using Hcl::EvaluationTime;
    struct Row
    {
        const char* blockType;
        EvaluationTime time;
        QStringList attributes;
    };
    static const QList<Row> table = [] {
        const auto names = [](std::initializer_list<const char*> list) {
            QStringList out;
            for (const char* n : list)
                out << QString::fromLatin1(n);
            return out;
        };
        QStringList backendPerRequest =
            names({"origin", "hostname", "path", "path_prefix", "basic_auth", "proxy", "timeout", "connect_timeout",
                   "ttfb_timeout", "use_when_unhealthy", "set_response_status", "custom_log_fields",
                   "set_response_headers", "add_response_headers", "remove_response_headers"});
        for (const RequestModifier& m : requestModifiers())
            backendPerRequest << m.attribute;
        return QList<Row>{
            // config.Backend decodes these; Inline() (origin, path, timeouts, proxy, modifiers, ...) is
            // evaluated by the transport for each request (handler/transport/backend.go evalTransport).
            {"backend", EvaluationTime::Startup,
             names({"disable_certificate_validation", "disable_connection_reuse", "http2", "http2_prior_knowledge",
                    "max_connections", "tokenbench_resource_url"})},
            {"backend", EvaluationTime::PerRequest, backendPerRequest},
            // config.OAuth2ReqAuth decodes every attribute but keeps assertion as an expression.
            {"oauth2", EvaluationTime::Startup,
             names({"grant_type", "token_endpoint", "token_endpoint_auth_method", "client_id", "client_secret",
                    "scope", "username", "password", "backend", "retries",
                    // Tokenbench's extensions (interactive grants, the raw Basic toggle), like Couper's.
                    "authorization_endpoint", "redirect_uri", "code_challenge_method",
                    "device_authorization_endpoint", "refresh_token", "raw_basic_credentials"})},
            {"oauth2", EvaluationTime::PerRequest, names({"assertion"})},
            // A nested profile is read once (claims and headers too).
            {"jwt_signing_profile", EvaluationTime::Startup,
             names({"signature_algorithm", "ttl", "key", "key_file", "claims", "headers"})},
            {"tls", EvaluationTime::Startup,
             names({"server_ca_certificate", "server_ca_certificate_file", "client_certificate",
                    "client_certificate_file", "client_private_key", "client_private_key_file"})},
            // config.TokenRequest decodes url and backend at start-up (configload/backend.go); the rest is
            // its Inline() body, evaluated when the token is requested.
            {"beta_token_request", EvaluationTime::Startup, names({"url", "backend"})},
            {"beta_token_request", EvaluationTime::PerRequest,
             names({"method", "headers", "query_params", "body", "json_body", "form_body", "expected_status"})},
            {"beta_token_request", EvaluationTime::TokenResponse, names({"token", "ttl"})},
        };
    }();
    const QString type = blockType.section(u'.', -1);
    for (const Row& row : table) {
        if (type == QLatin1String(row.blockType) && row.attributes.contains(attribute))
            return row.time;
    }
    return std::nullopt;
}

bool isTokenbenchOnly(const QString& blockType, const QString& name)
{
    if (name.startsWith(QStringLiteral("tokenbench_")))
        return true;
    const Attribute* a = find(blockType, name);
    return a && a->tokenbenchOnly;
}

bool oauth2AttributeRequired(const QString& attribute, const QString& grantType, const QString& authMethod)
{
    const QString method = authMethod.isEmpty() ? AuthMethod::Basic : authMethod;
    const bool jwtBearer = grantType == Grant::JwtBearer;
    if (attribute == u"token_endpoint" || attribute == u"grant_type")
        return true;
    if (attribute == u"client_id")
        return !jwtBearer;
    if (attribute == u"client_secret") {
        const ClientAuthMethod* row = clientAuthMethod(method);
        return !jwtBearer && row && row->secret == SecretUse::Required;
    }
    if (attribute == u"username" || attribute == u"password")
        return grantType == Grant::Password;
    if (attribute == u"authorization_endpoint")
        return grantType == Grant::AuthorizationCode;
    if (attribute == u"device_authorization_endpoint")
        return grantType == Grant::DeviceCode;
    if (attribute == u"refresh_token")
        return grantType == Grant::RefreshToken;
    return false;
}

const QList<RequestModifier>& requestModifiers()
{
    static const QList<RequestModifier> all = [] {
        QList<RequestModifier> out;
        for (const auto& [target, suffix] : {std::pair{ModifierTarget::Headers, "request_headers"},
                                             std::pair{ModifierTarget::Query, "query_params"},
                                             std::pair{ModifierTarget::Form, "form_params"}}) {
            for (const auto& [operation, prefix] : {std::pair{ModifierOperation::Remove, "remove_"},
                                                    std::pair{ModifierOperation::Set, "set_"},
                                                    std::pair{ModifierOperation::Add, "add_"}})
                out.append({QString::fromLatin1(prefix) + QString::fromLatin1(suffix), target, operation});
        }
        return out;
    }();
    return all;
}

const QStringList& requestModifierMaps()
{
    static const QStringList maps = [] {
        QStringList out;
        for (const RequestModifier& m : requestModifiers()) {
            if (m.operation != ModifierOperation::Remove)
                out << m.attribute;
        }
        return out;
    }();
    return maps;
}

bool isRequestModifier(const QString& attribute)
{
    for (const RequestModifier& m : requestModifiers()) {
        if (m.attribute == attribute)
            return true;
    }
    return false;
}

bool oauth2AttributeApplies(const QString& attribute, const QString& grantType, const QString& authMethod)
{
    const bool jwtBearer = grantType == Grant::JwtBearer;
    if (attribute == u"username" || attribute == u"password")
        return grantType == Grant::Password;
    if (attribute == u"assertion")
        return jwtBearer;
    if (attribute == u"client_id" || attribute == u"token_endpoint_auth_method")
        return !jwtBearer;
    const ClientAuthMethod* method = clientAuthMethod(authMethod);
    if (attribute == u"client_secret")
        return !jwtBearer && (!method || method->secret == SecretUse::Required);
    if (attribute == u"authorization_endpoint" || attribute == u"redirect_uri" || attribute == u"code_challenge_method")
        return grantType == Grant::AuthorizationCode;
    if (attribute == u"device_authorization_endpoint")
        return grantType == Grant::DeviceCode;
    if (attribute == u"refresh_token")
        return grantType == Grant::RefreshToken;
    if (attribute == u"raw_basic_credentials")
        return !jwtBearer && method && method->basicCredentials;
    return true;
}

} // namespace Tokenbench::Core::Schema
