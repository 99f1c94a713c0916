#pragma once

#include <QJsonObject>

namespace Tokenbench::Core {

struct Exchange;
struct TokenResult;

// The JSON forms of a run, as `tokenbench-cli token --json` prints them. Secrets inside exchanges are
// redacted unless `reveal` is set.
namespace ResultJson {
QJsonObject exchange(const Exchange& exchange, bool reveal);
QJsonObject tokenResult(const TokenResult& result, bool reveal);
} // namespace ResultJson

} // namespace Tokenbench::Core
