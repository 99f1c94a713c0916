#include "jwt/jwtpeek.h"

#include "jwt/decodedtoken.h"

namespace Tokenbench::Core::JwtPeek {

std::optional<QJsonObject> header(const QString& token)
{
    auto decoded = Jwt::decodeToken(token);
    if (!decoded || decoded->isEncrypted())
        return std::nullopt;
    return decoded->header;
}

std::optional<QJsonObject> payload(const QString& token)
{
    auto decoded = Jwt::decodeToken(token);
    if (!decoded || decoded->isEncrypted() || !decoded->payloadIsObject)
        return std::nullopt;
    return decoded->payload;
}

} // namespace Tokenbench::Core::JwtPeek
