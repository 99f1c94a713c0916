#pragma once

#include <optional>

#include <QList>
#include <QString>

namespace Tokenbench::Core::Jwt {

// The JWS algorithms Tokenbench signs and verifies (RFC 7518 §3, RFC 8037 §3.1).
enum class Algorithm {
    HS256,
    HS384,
    HS512,
    RS256,
    RS384,
    RS512,
    PS256,
    PS384,
    PS512,
    ES256,
    ES384,
    ES512,
    EdDSA,
};

// What kind of key an algorithm needs.
enum class KeyType {
    None,
    Hmac,    // "oct"
    Rsa,     // "RSA"
    Ec,      // "EC"
    Ed25519, // "OKP" / "Ed25519"
};

[[nodiscard]] std::optional<Algorithm> algorithmFromName(QStringView name); // exact, case-sensitive
[[nodiscard]] QString algorithmName(Algorithm alg);
[[nodiscard]] QList<Algorithm> allAlgorithms();
[[nodiscard]] KeyType keyTypeFor(Algorithm alg);
// Output size of the algorithm's hash in bytes (EdDSA: 64, SHA-512 inside Ed25519).
[[nodiscard]] int hashSize(Algorithm alg);
// The EC curve (JWK "crv") an ES* algorithm requires; empty for the others.
[[nodiscard]] QString requiredCurve(Algorithm alg);
// The algorithms Couper's jwt_signing_profile accepts in signature_algorithm (RS*, HS*, ES*).
[[nodiscard]] bool isCouperSigningAlgorithm(Algorithm alg);

[[nodiscard]] QString keyTypeName(KeyType type); // "HMAC secret", "RSA", "EC", "Ed25519"

} // namespace Tokenbench::Core::Jwt
