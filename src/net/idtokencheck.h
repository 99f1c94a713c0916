#pragma once

#include "net/issuerverifier.h"
#include "net/tokenclient.h"

namespace Tokenbench::Core::IdTokenCheck {

// What an ID token from this run must satisfy (OpenID Connect Core §3.1.3.7): aud = client_id, the
// nonce this run sent (when it sent one), at_hash against the access token, iss = the issuer the
// redirect named (RFC 9207) when known, and a valid exp.
Jwt::ClaimExpectations expectations(const TokenResult& result, const TokenRequestSpec& spec,
                                    const QString& expectedIssuer);

// Without an issuer named by the redirect: the token's `iss` must be the issuer of the token endpoint
// this run used — its discovery metadata names that token endpoint, or the endpoint lies under it.
Jwt::ClaimCheck issuerMatchesEndpoint(const QString& idToken, const QUrl& tokenEndpoint,
                                      const QJsonObject& issuerMetadata = {});

// The report shown in the token panel and in --json (id_token_checks).
IdTokenReport report(const Jwt::IssuerVerifier::Result& verification, const QList<Jwt::ClaimCheck>& extra);

} // namespace Tokenbench::Core::IdTokenCheck
