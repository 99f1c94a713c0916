#pragma once

#include "jwt/decodedtoken.h"
#include "util/result.h"

#include <optional>

#include <QByteArrayView>
#include <QDateTime>
#include <QJsonValue>
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
    qint64 clockSkewSeconds = 0;  // tolerance for exp, nbf and iat (taken as 0 .. NumericDate::MaxSpan)
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

// "in 4 min", "3 h 5 min ago", "in 12 years", "now": a distance from now in whole units, for people.
// Distances beyond NumericDate::MaxSpan read "more than ...".
[[nodiscard]] QString relativeTime(qint64 secondsFromNow);

// A NumericDate claim (exp, nbf, iat, auth_time: a JSON number of seconds since 1970, RFC 7519 §2)
// made safe to compute with: any finite number, however large (1e300, -9e18), is floored and clamped
// to ±MaxSpan seconds, so comparisons and differences with "now" cannot overflow.
struct NumericDate
{
    static constexpr qint64 MaxSpan = 1'000'000'000'000'000; // about 31.7 million years
    static constexpr qint64 LastIsoSecond = 253402300799;     // 9999-12-31T23:59:59Z
    static constexpr qint64 FirstIsoSecond = -62135596800;    // 0001-01-01T00:00:00Z

    double raw = 0;      // the number in the token
    qint64 seconds = 0;  // floored and clamped
    bool clamped = false;

    // nullopt for anything but a finite JSON number.
    [[nodiscard]] static std::optional<NumericDate> fromJson(const QJsonValue& value);
    // "2026-07-22T10:04:00Z", or "after the year 9999" / "before the year 1" outside ISO 8601's range.
    [[nodiscard]] QString isoText() const;
    // relativeTime() of seconds - now, "more than ..." when clamped.
    [[nodiscard]] QString relativeText(qint64 nowSeconds) const;
};

} // namespace Tokenbench::Core::Jwt
