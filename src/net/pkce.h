#pragma once

#include <QString>
#include <QUrl>

namespace Tokenbench::Core::Pkce {

// A fresh code_verifier (RFC 7636 §4.1): 32 random bytes from the system CSPRNG, base64url without
// padding — 43 characters from the unreserved set.
QString generateVerifier();
// The S256 code_challenge of a verifier: BASE64URL(SHA256(ASCII(code_verifier))) (RFC 7636 §4.2).
QString challengeS256(const QString& verifier);
// True when `verifier` is 43-128 characters of [A-Za-z0-9-._~].
bool isValidVerifier(const QString& verifier);
// An unguessable value for `state` and `nonce`: `bytes` random bytes, base64url without padding.
QString randomToken(int bytes = 16);

} // namespace Tokenbench::Core::Pkce

namespace Tokenbench::Core {

// The front-channel authorization request of the authorization code grant.
struct AuthorizationRequest
{
    QUrl endpoint;          // authorization_endpoint; an existing query is kept
    QString clientId;
    QString redirectUri;
    QString scope;
    QString state;
    QString nonce;          // sent when not empty
    QString codeChallenge;
    QString codeChallengeMethod = QStringLiteral("S256");
};

// The authorization URL: endpoint?<existing query>&client_id=..&code_challenge=..&code_challenge_method=S256
// &nonce=..&redirect_uri=..&response_type=code&scope=..&state=.. (keys sorted, values form-encoded).
QUrl authorizationUrl(const AuthorizationRequest& request);

} // namespace Tokenbench::Core
