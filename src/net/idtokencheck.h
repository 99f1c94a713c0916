#pragma once

#include "jwt/issuerverifier.h"
#include "net/tokenclient.h"

namespace Tokenbench::Core::IdTokenCheck {

// What an ID token from this run must satisfy (OpenID Connect Core §3.1.3.7): aud = client_id, the
// nonce this run sent (when it sent one), at_hash against the access token, iss = the issuer the
// redirect named (RFC 9207) when known, and a valid exp.
Jwt::ClaimExpectations expectations(const TokenResult& result, const TokenRequestSpec& spec,
                                    const QString& expectedIssuer);

// Without a known issuer: the token endpoint must lie under the token's `iss` (same origin and path
// prefix), so keys are not fetched from wherever the token points.
Jwt::ClaimCheck issuerMatchesEndpoint(const QString& idToken, const QUrl& tokenEndpoint);

// The report shown in the token panel and in --json (id_token_checks).
IdTokenReport report(const Jwt::IssuerVerifier::Result& verification, const QList<Jwt::ClaimCheck>& extra);

} // namespace Tokenbench::Core::IdTokenCheck
