#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QJsonObject>
#include <QString>

namespace Tokenbench::Core::Jwt {

// A compact JWS (three parts) or JWE (five parts), split and decoded but not verified.
struct DecodedToken
{
    enum class Kind { Jws, Jwe };

    Kind kind = Kind::Jws;
    QByteArrayList parts;     // the base64url parts as they appear in the token
    QJsonObject header;       // the (protected) header
    QByteArray headerBytes;   // its decoded bytes
    QByteArray payloadBytes;  // decoded JWS payload (empty for JWE: it is encrypted)
    QJsonObject payload;      // the payload when it is a JSON object (a JWT claims set)
    bool payloadIsObject = false;
    QString payloadNote;      // why the payload is not a JSON object, when it is not
    QByteArray signingInput;  // ASCII(part 1 || '.' || part 2)
    QByteArray signature;     // decoded raw signature bytes (JWS)
    // RFC 7797 "b64": false in the header: part 2 is the payload itself, not its base64url.
    bool unencodedPayload = false;

    [[nodiscard]] bool isEncrypted() const { return kind == Kind::Jwe; }
    [[nodiscard]] QString algorithm() const; // header "alg", empty when absent or not a string
    [[nodiscard]] QString keyId() const;     // header "kid"
    [[nodiscard]] QString type() const;      // header "typ"
};

// Decodes a compact serialization. Surrounding whitespace is ignored. Errors name the part
// ("header (part 1)", "payload (part 2)", "signature (part 3)") and the byte offset in the token.
// A payload that is not a JSON object is not an error (a JWS may sign any bytes): payloadIsObject
// is false and payloadNote says why. With "b64": false in the header (RFC 7797) the payload part is
// taken as it is (unencodedPayload); whether that is acceptable is the verifier's decision.
[[nodiscard]] Result<DecodedToken> decodeToken(QByteArrayView token);
[[nodiscard]] Result<DecodedToken> decodeToken(const QByteArray& token);
[[nodiscard]] Result<DecodedToken> decodeToken(const QString& token);

// The header or claims object as an indented JSON text for display.
[[nodiscard]] QString toPrettyJson(const QJsonObject& object);

} // namespace Tokenbench::Core::Jwt
