#pragma once

#include "jwt/algorithm.h"
#include "jwt/jwtkey.h"
#include "jwt/signature.h"
#include "util/result.h"
#include "util/securebytes.h"

#include <functional>

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Tokenbench::Core::Jwt {

// "Now" for everything that stamps times; tests inject a fixed one.
using Clock = std::function<QDateTime()>;
[[nodiscard]] Clock systemClock();

// Signs compact JWS the way golang-jwt (and so Couper) writes them: header = the extra headers +
// "alg" (+ "typ": "JWT" unless the headers set typ), header and claims as Go JSON (keys sorted,
// compact, see gojson.h), base64url without padding.
class JwtSigner
{
public:
    // Errors: `"alg" cannot be set via "headers"`, and every key refusal of checkKeyForAlgorithm.
    [[nodiscard]] static Result<JwtSigner> create(Algorithm alg, const JwtKey& key,
                                                  const QJsonObject& headers = {},
                                                  const KeyPolicy& policy = {});
    // The same, from an algorithm name; unknown names give Couper's "algorithm is not supported".
    [[nodiscard]] static Result<JwtSigner> create(const QString& algorithm, const JwtKey& key,
                                                  const QJsonObject& headers = {},
                                                  const KeyPolicy& policy = {});

    [[nodiscard]] Algorithm algorithm() const { return m_algorithm; }
    [[nodiscard]] const JwtKey& key() const { return m_key; }
    [[nodiscard]] QJsonObject header() const { return m_header; } // as it will be signed

    [[nodiscard]] Result<QByteArray> sign(const QJsonObject& claims) const;
    [[nodiscard]] Result<QByteArray> signPayload(QByteArrayView payload) const; // any bytes

private:
    JwtSigner() = default;

    Algorithm m_algorithm = Algorithm::HS256;
    JwtKey m_key;
    QJsonObject m_header;
    KeyPolicy m_policy;
};

// The key of a jwt_signing_profile from its `key` / `key_file` bytes: a PEM private key for
// RS*/PS*/ES*/EdDSA (Couper's message for a bad one: "invalid key: Key must be a PEM encoded PKCS1 or
// PKCS8 key"), the raw bytes for HS* (exactly as read: a trailing newline is part of the secret).
[[nodiscard]] Result<JwtKey> profileKey(Algorithm alg, const SecureBytes& keyMaterial,
                                        const SecureBytes& passphrase = {});

// Couper's jwt_signing_profile (reference §1.6) as a value: algorithm, key, ttl, claims, headers.
class SigningProfile
{
public:
    // `ttl` in Go duration syntax ("1h", "0", "90s"); errors as Couper words them ("time: missing
    // unit in duration \"10\""). Couper signs with any HMAC secret length, so the default policy
    // here allows short HMAC secrets (a caller may want to warn: see checkKeyForAlgorithm).
    [[nodiscard]] static Result<SigningProfile> create(const QString& signatureAlgorithm, const JwtKey& key,
                                                       const QString& ttl, const QJsonObject& claims = {},
                                                       const QJsonObject& headers = {},
                                                       const KeyPolicy& policy = {true, false});
    // From the profile's `key`/`key_file` bytes (see profileKey).
    [[nodiscard]] static Result<SigningProfile> fromKeyMaterial(const QString& signatureAlgorithm,
                                                                const SecureBytes& keyMaterial,
                                                                const QString& ttl,
                                                                const QJsonObject& claims = {},
                                                                const QJsonObject& headers = {});

    [[nodiscard]] const JwtSigner& signer() const { return m_signer; }
    [[nodiscard]] Algorithm algorithm() const { return m_signer.algorithm(); }
    [[nodiscard]] qint64 ttlNanoseconds() const { return m_ttl; }
    [[nodiscard]] const QJsonObject& claims() const { return m_claims; }

    // Unix seconds of now + ttl, as Go's now.Add(ttl).Unix().
    [[nodiscard]] qint64 expiryAt(const QDateTime& now) const;

    // jwt_sign(label, callClaims): the profile claims, exp = now + ttl only when ttl != 0, then
    // the call's claims override.
    [[nodiscard]] Result<QByteArray> signForFunction(const QJsonObject& callClaims, const QDateTime& now) const;
    // oauth2 grant jwt-bearer without `assertion`: the profile claims plus exp = now + ttl (always,
    // even for ttl 0). Nothing else: no iat, jti, iss, sub or aud.
    [[nodiscard]] QJsonObject jwtBearerClaims(const QDateTime& now) const;
    // The same from the profile's claims and an `exp` that may be a placeholder (filled in when an exported
    // script runs).
    [[nodiscard]] static QJsonObject jwtBearerClaimsTemplate(QJsonObject profileClaims, const QJsonValue& exp);
    [[nodiscard]] Result<QByteArray> signJwtBearerAssertion(const QDateTime& now) const;

private:
    explicit SigningProfile(JwtSigner signer) : m_signer(std::move(signer)) {}

    JwtSigner m_signer;
    qint64 m_ttl = 0;
    QJsonObject m_claims;
};

} // namespace Tokenbench::Core::Jwt
