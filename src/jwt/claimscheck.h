#pragma once

#include "jwt/decodedtoken.h"
#include "util/result.h"

#include <optional>

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Tokenbench::Core::Jwt {

// One line of the claims report.
struct ClaimCheck
{
    QString name;   // "exp", "nbf", "iat", "iss", "aud", "typ", "azp", "nonce", "at_hash", "c_hash"
    bool passed = false;
    QString reason; // plain language: "expires in 4 min (2026-07-22T10:04:00Z)"
};

// What to check. Unset expectations are not checked; exp/nbf/iat are checked whenever present.
struct ClaimExpectations
{
    qint64 clockSkewSeconds = 0;  // tolerance for exp, nbf and iat
    bool requireExpiry = false;   // a token without "exp" fails
    std::optional<QString> issuer;
    std::optional<QString> audience;        // must equal "aud" or be one of its entries
    std::optional<QString> type;            // header "typ" (compared as a media type: case-insensitive,
                                            // "application/" optional)
    std::optional<QString> authorizedParty; // "azp"
    // ID tokens (OpenID Connect Core §3.1.3.6, §3.3.2.11):
    std::optional<QString> nonce;
    std::optional<QString> accessToken;       // checked against "at_hash"
    std::optional<QString> authorizationCode; // checked against "c_hash"
};

[[nodiscard]] QList<ClaimCheck> checkClaims(const DecodedToken& token, const ClaimExpectations& expected,
                                            const QDateTime& now);
[[nodiscard]] bool allPassed(const QList<ClaimCheck>& checks);

// at_hash / c_hash of `value` for a token signed with `alg`: base64url of the left half of the hash
// that belongs to alg (SHA-256 for *256, SHA-384, SHA-512; SHA-512 for EdDSA with Ed25519).
[[nodiscard]] Result<QString> oidcTokenHash(const QString& alg, QByteArrayView value);

// "in 4 min", "3 h 5 min ago", "now": a distance from now in whole units, for people.
[[nodiscard]] QString relativeTime(qint64 secondsFromNow);

} // namespace Tokenbench::Core::Jwt
