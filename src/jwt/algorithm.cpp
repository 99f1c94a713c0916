#include "jwt/algorithm.h"

namespace Tokenbench::Core::Jwt {

namespace {

struct AlgorithmInfo
{
    Algorithm alg;
    const char16_t* name;
    KeyType keyType;
    int hashSize;
    const char16_t* curve;
};

constexpr AlgorithmInfo Table[] = {
    {Algorithm::HS256, u"HS256", KeyType::Hmac, 32, u""},
    {Algorithm::HS384, u"HS384", KeyType::Hmac, 48, u""},
    {Algorithm::HS512, u"HS512", KeyType::Hmac, 64, u""},
    {Algorithm::RS256, u"RS256", KeyType::Rsa, 32, u""},
    {Algorithm::RS384, u"RS384", KeyType::Rsa, 48, u""},
    {Algorithm::RS512, u"RS512", KeyType::Rsa, 64, u""},
    {Algorithm::PS256, u"PS256", KeyType::Rsa, 32, u""},
    {Algorithm::PS384, u"PS384", KeyType::Rsa, 48, u""},
    {Algorithm::PS512, u"PS512", KeyType::Rsa, 64, u""},
    {Algorithm::ES256, u"ES256", KeyType::Ec, 32, u"P-256"},
    {Algorithm::ES384, u"ES384", KeyType::Ec, 48, u"P-384"},
    {Algorithm::ES512, u"ES512", KeyType::Ec, 64, u"P-521"},
    {Algorithm::EdDSA, u"EdDSA", KeyType::Ed25519, 64, u""},
};

const AlgorithmInfo& info(Algorithm alg)
{
    for (const auto& entry : Table) {
        if (entry.alg == alg)
            return entry;
    }
    Q_UNREACHABLE();
}

} // namespace

std::optional<Algorithm> algorithmFromName(QStringView name)
{
    for (const auto& entry : Table) {
        if (name == QStringView(entry.name))
            return entry.alg;
    }
    return std::nullopt;
}

QString algorithmName(Algorithm alg)
{
    return QString::fromUtf16(info(alg).name);
}

QList<Algorithm> allAlgorithms()
{
    QList<Algorithm> all;
    for (const auto& entry : Table)
        all.append(entry.alg);
    return all;
}

KeyType keyTypeFor(Algorithm alg)
{
    return info(alg).keyType;
}

int hashSize(Algorithm alg)
{
    return info(alg).hashSize;
}

QString requiredCurve(Algorithm alg)
{
    return QString::fromUtf16(info(alg).curve);
}

bool isCouperSigningAlgorithm(Algorithm alg)
{
    const KeyType type = keyTypeFor(alg);
    if (type == KeyType::Hmac || type == KeyType::Ec)
        return true;
    return alg == Algorithm::RS256 || alg == Algorithm::RS384 || alg == Algorithm::RS512;
}

QString keyTypeName(KeyType type)
{
    switch (type) {
    case KeyType::None:
        return QStringLiteral("no key");
    case KeyType::Hmac:
        return QStringLiteral("HMAC secret");
    case KeyType::Rsa:
        return QStringLiteral("RSA");
    case KeyType::Ec:
        return QStringLiteral("EC");
    case KeyType::Ed25519:
        return QStringLiteral("Ed25519");
    }
    return {};
}

} // namespace Tokenbench::Core::Jwt
