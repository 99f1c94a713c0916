#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace Tokenbench::Core::Jwt::Base64Url {

// RFC 7515 §2 / RFC 4648 §5 base64url without padding.
[[nodiscard]] QByteArray encode(QByteArrayView data);

// Strict decoding: only A-Z a-z 0-9 - _, no padding, no whitespace, no impossible length, no
// non-zero unused bits in the last character. On failure the message names the character and its
// byte offset in `text` (offsets count from 0); the offset is also stored in *errorOffset.
[[nodiscard]] Result<QByteArray> decode(QByteArrayView text, qsizetype* errorOffset = nullptr);

} // namespace Tokenbench::Core::Jwt::Base64Url
