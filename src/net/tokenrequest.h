#pragma once

#include "util/diagnostic.h"
#include "net/preparedrequest.h"
#include "util/result.h"

#include <optional>

#include <QJsonObject>

namespace Tokenbench::Core {

struct Block;
class ValueResolver;

// A jwt_signing_profile nested in an oauth2 block, resolved: used for client assertions
// (client_secret_jwt, private_key_jwt) and as the assertion source of the jwt-bearer grant.
struct SigningProfileSpec
{
    QString algorithm;     // signature_algorithm
    QString ttl;           // Go duration
    QByteArray keyMaterial; // key or key_file content (PEM, or HMAC bytes); empty with client_secret_jwt
    QJsonObject claims;
    QJsonObject headers;
};

// What an oauth2 block asks for, with every reference resolved: a value object with fluent setters.
struct TokenRequestSpec
{
    QUrl tokenEndpoint;
    QString grantType;
    QString authMethod; // client_secret_basic when empty
    QString clientId;
    QString clientSecret;
    QString scope;
    QString username;
    QString password;
    QString assertion;
    bool rawBasicCredentials = false; // compatibility: Basic credentials without form-encoding
    Timeouts timeouts;
    HttpHeaders extraHeaders;
    std::optional<SigningProfileSpec> signingProfile;
    // Interactive grants (Tokenbench extensions, not in Couper's oauth2 block).
    QUrl authorizationEndpoint;       // authorization_code: where the browser goes
    QString redirectUri;              // authorization_code: loopback redirect (empty: 127.0.0.1, random port)
    QString codeChallengeMethod;      // authorization_code: S256 (the only one Tokenbench sends)
    QUrl deviceAuthorizationEndpoint; // device_code (RFC 8628)
    QString authorizationCode;        // token request of authorization_code: code, redirect_uri, code_verifier
    QString codeVerifier;
    QString refreshToken;             // refresh_token grant
    QString deviceCode;               // device_code grant
    // The backend the token request goes through (oauth2's nested or referenced backend): origin, path,
    // modifiers (set_form_params for resource indicators, ...), basic_auth, tls and proxy. Without one,
    // Couper's anonymous backend with defaults.
    std::optional<BackendSettings> tokenBackend;

    TokenRequestSpec& setTokenEndpoint(const QUrl& url) { tokenEndpoint = url; return *this; }
    TokenRequestSpec& setGrantType(const QString& v) { grantType = v; return *this; }
    TokenRequestSpec& setAuthMethod(const QString& v) { authMethod = v; return *this; }
    TokenRequestSpec& setClient(const QString& id, const QString& secret) { clientId = id; clientSecret = secret; return *this; }
    TokenRequestSpec& setScope(const QString& v) { scope = v; return *this; }
    TokenRequestSpec& setUser(const QString& u, const QString& p) { username = u; password = p; return *this; }
    TokenRequestSpec& setAssertion(const QString& v) { assertion = v; return *this; }
};

// Builds the token request exactly as Couper does (reference section 2.2): POST, Accept: application/json,
// a form body with keys sorted, credentials per token_endpoint_auth_method. It fills the slots of
// tokenRequestShape() (model/tokenrequestshape.h), the description the exporters write too.
Result<PreparedRequest> prepareTokenRequest(const TokenRequestSpec& spec);
// The token backend's TLS and proxy (the default transport without one): how the issuer's metadata and keys
// are fetched to verify the tokens a run received.
TransportSettings issuerTransport(const TokenRequestSpec& spec);

// A nested jwt_signing_profile block resolved: key_file is read (relative to `baseDir` when given).
Result<SigningProfileSpec> signingProfileFromBlock(const Block& profile, const ValueResolver& resolver,
                                                   const QString& baseDir);
// An object attribute (claims, headers) from its text: JSON, or Couper's { key = "value" } form.
Result<QJsonObject> parseObjectText(const QString& text);

// Resolves an `oauth2` block (inside `backend`) into a spec. Fails with the first configuration error;
// `problems` receives every diagnostic found on the way.
Result<TokenRequestSpec> specFromBackend(const Block& backend, const ValueResolver& resolver,
                                         Diagnostics* problems = nullptr);

} // namespace Tokenbench::Core
