#include "jwt/signer.h"

#include "jwt/base64url.h"
#include "jwt/gojson.h"
#include "util/duration.h"

namespace Tokenbench::Core::Jwt {

namespace {

qint64 floorDiv(qint64 a, qint64 b)
{
    qint64 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

} // namespace

Clock systemClock()
{
    return [] { return QDateTime::currentDateTimeUtc(); };
}

// --- JwtSigner --------------------------------------------------------------------------------

Result<JwtSigner> JwtSigner::create(Algorithm alg, const JwtKey& key, const QJsonObject& headers,
                                    const KeyPolicy& policy)
{
    if (headers.contains(QLatin1String("alg")))
        return Error{Error::Code::Usage, QStringLiteral("\"alg\" cannot be set via \"headers\""), {}};
    if (auto ok = checkKeyForAlgorithm(alg, key, KeyUse::Sign, policy); !ok)
        return ok.error();
    JwtSigner signer;
    signer.m_algorithm = alg;
    signer.m_key = key;
    signer.m_policy = policy;
    signer.m_header = headers;
    if (!signer.m_header.contains(QLatin1String("typ")))
        signer.m_header.insert(QStringLiteral("typ"), QStringLiteral("JWT"));
    signer.m_header.insert(QStringLiteral("alg"), algorithmName(alg));
    return signer;
}

Result<JwtSigner> JwtSigner::create(const QString& algorithm, const JwtKey& key, const QJsonObject& headers,
                                    const KeyPolicy& policy)
{
    const auto alg = algorithmFromName(algorithm);
    if (!alg)
        return Error{Error::Code::Usage, QStringLiteral("algorithm is not supported"), {}};
    return create(*alg, key, headers, policy);
}

Result<QByteArray> JwtSigner::sign(const QJsonObject& claims) const
{
    return signPayload(encodeGoJson(claims));
}

Result<QByteArray> JwtSigner::signPayload(QByteArrayView payload) const
{
    const QByteArray signingInput = Base64Url::encode(encodeGoJson(m_header)) + '.' + Base64Url::encode(payload);
    auto signature = createSignature(m_algorithm, m_key, signingInput, m_policy);
    if (!signature)
        return signature.error();
    return QByteArray(signingInput + '.' + Base64Url::encode(*signature));
}

// --- profile key ------------------------------------------------------------------------------

Result<JwtKey> profileKey(Algorithm alg, const SecureBytes& keyMaterial, const SecureBytes& passphrase)
{
    if (keyTypeFor(alg) == KeyType::Hmac)
        return JwtKey::fromSecret(keyMaterial);
    auto key = JwtKey::fromPrivateKeyPem(keyMaterial.view(), passphrase);
    if (!key) {
        Error e = key.error();
        if (!e.message.contains(u"passphrase"))
            e.message = QStringLiteral("invalid key: Key must be a PEM encoded PKCS1 or PKCS8 key (%1)").arg(e.message);
        return e;
    }
    return key;
}

// --- SigningProfile ---------------------------------------------------------------------------

Result<SigningProfile> SigningProfile::create(const QString& signatureAlgorithm, const JwtKey& key,
                                              const QString& ttl, const QJsonObject& claims,
                                              const QJsonObject& headers, const KeyPolicy& policy)
{
    auto duration = Duration::parseGo(ttl);
    if (!duration)
        return duration.error();
    auto signer = JwtSigner::create(signatureAlgorithm, key, headers, policy);
    if (!signer)
        return signer.error();
    SigningProfile profile(std::move(signer).value());
    profile.m_ttl = *duration;
    profile.m_claims = claims;
    return profile;
}

Result<SigningProfile> SigningProfile::fromKeyMaterial(const QString& signatureAlgorithm,
                                                       const SecureBytes& keyMaterial, const QString& ttl,
                                                       const QJsonObject& claims, const QJsonObject& headers)
{
    const auto alg = algorithmFromName(signatureAlgorithm);
    if (!alg)
        return Error{Error::Code::Usage, QStringLiteral("algorithm is not supported"), {}};
    auto key = profileKey(*alg, keyMaterial);
    if (!key)
        return key.error();
    return create(signatureAlgorithm, *key, ttl, claims, headers);
}

qint64 SigningProfile::expiryAt(const QDateTime& now) const
{
    const qint64 nowNs = now.toMSecsSinceEpoch() * Duration::Millisecond;
    return floorDiv(nowNs + m_ttl, Duration::Second);
}

Result<QByteArray> SigningProfile::signForFunction(const QJsonObject& callClaims, const QDateTime& now) const
{
    QJsonObject claims = m_claims;
    if (m_ttl != 0)
        claims.insert(QStringLiteral("exp"), expiryAt(now));
    for (auto it = callClaims.constBegin(); it != callClaims.constEnd(); ++it)
        claims.insert(it.key(), it.value());
    return m_signer.sign(claims);
}

QJsonObject SigningProfile::jwtBearerClaims(const QDateTime& now) const
{
    return jwtBearerClaimsTemplate(m_claims, expiryAt(now));
}

QJsonObject SigningProfile::jwtBearerClaimsTemplate(QJsonObject claims, const QJsonValue& exp)
{
    claims.insert(QStringLiteral("exp"), exp);
    return claims;
}

Result<QByteArray> SigningProfile::signJwtBearerAssertion(const QDateTime& now) const
{
    return m_signer.sign(jwtBearerClaims(now));
}

} // namespace Tokenbench::Core::Jwt
