#pragma once

#include "jwt/algorithm.h"
#include "jwt/decodedtoken.h"
#include "jwt/jwtkey.h"
#include "jwt/signature.h"

#include <optional>

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

namespace Tokenbench::Core::Jwt {

struct VerifyOptions
{
    QList<Algorithm> allowedAlgorithms;     // empty: every supported algorithm
    QStringList understoodCriticalHeaders; // "crit" entries the caller handles itself
    KeyPolicy keyPolicy;                    // strict by default
};

// The outcome of a signature verification, with a message for people.
struct Verification
{
    enum class Status {
        Valid,
        Malformed,        // the token could not be decoded
        Encrypted,        // a JWE: nothing to verify without decrypting
        Refused,          // RFC 8725: alg none, alg/key mismatch, weak key, unknown crit, ...
        NoUsableKey,      // no key of the set fits the token's alg / kid
        InvalidSignature, // the signature does not match
    };

    Status status = Status::InvalidSignature;
    QString message;
    std::optional<Algorithm> algorithm; // the token's alg when it is a supported one
    JwtKey key;                         // the key that verified the signature (Valid)
    QStringList attempts;               // one line per key considered, for a JWKS
    QStringList unusableKeys;           // JWKS entries that could not be used, with kid and reason
    QStringList notes;                  // remarks on the keys used (a symmetric key from a file)

    [[nodiscard]] bool isValid() const { return status == Status::Valid; }
};

// Header checks that need no key: alg present, not "none", supported and allowed; "crit" well-formed
// and understood (RFC 7515 §4.1.11; "b64" of RFC 7797 is understood); "b64" a boolean, and false
// (an unencoded payload) only when "crit" lists it and the payload is not detached.
[[nodiscard]] Verification checkHeader(const DecodedToken& token, const VerifyOptions& options = {});

[[nodiscard]] Verification verifySignature(const DecodedToken& token, const JwtKey& key,
                                           const VerifyOptions& options = {});
// Selects by the token's "kid"; when no key has that kid (or the token has none) every compatible
// key (type and curve fit alg, JWK alg/use/key_ops allow verifying, not a symmetric key from a URL) is
// tried. The set's unusable entries are listed in unusableKeys and summed up in the message.
[[nodiscard]] Verification verifySignature(const DecodedToken& token, const JwkSet& keys,
                                           const VerifyOptions& options = {});

// Decode and verify in one step.
[[nodiscard]] Verification verifyToken(QByteArrayView compact, const JwtKey& key, const VerifyOptions& options = {});
[[nodiscard]] Verification verifyToken(QByteArrayView compact, const JwkSet& keys, const VerifyOptions& options = {});

[[nodiscard]] QString statusName(Verification::Status status); // "valid", "refused", ...

} // namespace Tokenbench::Core::Jwt
