#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>

namespace Tokenbench::Core::Jwt {

// JSON text exactly as Go's encoding/json Marshal writes it (golang-jwt, thus Couper, encodes JWT
// headers and claims with it): compact, object keys sorted by their UTF-8 bytes, `<`, `>`, `&`,
// U+2028 and U+2029 escaped as \u003c etc., control characters as \n \r \t \b \f or \u00XX, integers
// as integers and other numbers in Go's float64 format (1e+21, 1e-7, 0.000001).
[[nodiscard]] QByteArray encodeGoJson(const QJsonValue& value);
[[nodiscard]] QByteArray encodeGoJson(const QJsonObject& object);

} // namespace Tokenbench::Core::Jwt
