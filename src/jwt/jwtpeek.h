#pragma once

#include <optional>

#include <QJsonObject>
#include <QString>

namespace Tokenbench::Core::JwtPeek {

// Quick look into a compact JWS without verifying it: the header and payload objects, when the token
// has three base64url parts whose first two are JSON objects. Used for the claims of a run.
std::optional<QJsonObject> header(const QString& token);
std::optional<QJsonObject> payload(const QString& token);

} // namespace Tokenbench::Core::JwtPeek
