#include "jwt/jwtpeek.h"

#include <QJsonDocument>

namespace Tokenbench::Core::JwtPeek {

namespace {

std::optional<QJsonObject> part(const QString& token, int index)
{
    const QStringList parts = token.trimmed().split(u'.');
    if (parts.size() != 3)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(parts.at(index).toLatin1(),
                                                        QByteArray::Base64UrlEncoding |
                                                            QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

} // namespace

std::optional<QJsonObject> header(const QString& token)
{
    return part(token, 0);
}

std::optional<QJsonObject> payload(const QString& token)
{
    return part(token, 1);
}

} // namespace Tokenbench::Core::JwtPeek
