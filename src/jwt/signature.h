#pragma once

#include "jwt/algorithm.h"
#include "util/result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace Tokenbench::Core::Jwt {

class JwtKey;

// Which weak keys to accept. Verification refuses them by default (RFC 8725 §3.5, RFC 7518 §3.2
// and §3.3). Couper itself signs with any HMAC secret, so emulating a client_secret_jwt client
// may need allowShortHmacSecret.
struct KeyPolicy
{
    bool allowShortHmacSecret = false; // shorter than the hash output (HS256: 32 bytes)
    bool allowShortRsaKey = false;     // fewer than 2048 bits
};

enum class KeyUse { Sign, Verify };

// Whether `key` may be used with `alg`: key type and curve match the algorithm (an HMAC algorithm
// with an RSA/EC/Ed25519 key is the algorithm-confusion attack of RFC 8725 §2.1), key size, a
// private key for signing, the JWK's own "alg"/"use" when set. The error names what is wrong.
[[nodiscard]] Result<void> checkKeyForAlgorithm(Algorithm alg, const JwtKey& key, KeyUse use,
                                                const KeyPolicy& policy = {});

// The JWS signature of `signingInput` (RFC 7518: HMAC; RSASSA-PKCS1-v1_5; RSASSA-PSS with MGF1 and
// a salt as long as the hash; ECDSA as raw R||S; Ed25519). Calls checkKeyForAlgorithm first.
[[nodiscard]] Result<QByteArray> createSignature(Algorithm alg, const JwtKey& key,
                                                 QByteArrayView signingInput,
                                                 const KeyPolicy& policy = {});

// true when `signature` is valid for `signingInput` under `key`; false when it is not (including
// signatures of the wrong length or encoding). An error only when the key cannot be used (the
// message of checkKeyForAlgorithm) or OpenSSL fails.
[[nodiscard]] Result<bool> checkSignature(Algorithm alg, const JwtKey& key, QByteArrayView signingInput,
                                          QByteArrayView signature, const KeyPolicy& policy = {});

// ECDSA signature format conversion: DER (OpenSSL) <-> raw R||S of 2 * coordinateSize bytes (JWS).
[[nodiscard]] Result<QByteArray> ecdsaDerToRaw(QByteArrayView der, int coordinateSize);
[[nodiscard]] Result<QByteArray> ecdsaRawToDer(QByteArrayView raw);

} // namespace Tokenbench::Core::Jwt
