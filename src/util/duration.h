#pragma once

#include "util/result.h"

#include <QtGlobal>

class QString;

namespace Tokenbench::Core::Duration {

// Parses Go's duration syntax as Couper does ("300ms", "1h30m", "2h45m10.5s", "0").
// Returns nanoseconds. Error messages follow Go's ("time: missing unit in duration \"10\"").
Result<qint64> parseGo(const QString& text);

// Couper's own rule for backend timeouts and beta_token_request ttl: like parseGo, but negative
// values are refused ("cannot be negative") and the empty string means `emptyDefault`.
Result<qint64> parseCouper(const QString& text, qint64 emptyDefault);

// Formats nanoseconds the way Go's Duration.String() does ("1h1m1s", "300ms", "0s").
QString formatGo(qint64 nanoseconds);

inline constexpr qint64 Nanosecond = 1;
inline constexpr qint64 Microsecond = 1000 * Nanosecond;
inline constexpr qint64 Millisecond = 1000 * Microsecond;
inline constexpr qint64 Second = 1000 * Millisecond;
inline constexpr qint64 Minute = 60 * Second;
inline constexpr qint64 Hour = 60 * Minute;

} // namespace Tokenbench::Core::Duration
