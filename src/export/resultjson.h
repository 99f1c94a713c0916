#pragma once

#include <QJsonObject>
#include <QString>

namespace Tokenbench::Core {

struct Exchange;
struct IdTokenReport;
struct TokenResult;

// The JSON forms of a run, as `tokenbench-cli token --json` prints them. Secrets inside exchanges are
// redacted unless `reveal` is set.
namespace ResultJson {
QJsonObject exchange(const Exchange& exchange, bool reveal);
QJsonObject tokenResult(const TokenResult& result, bool reveal);
// Why an ID token failed verification, in one line (empty when it is valid): the CLI's message and the
// `error` of `id_token_checks` and of the whole result.
QString idTokenFailure(const IdTokenReport& report);
} // namespace ResultJson

} // namespace Tokenbench::Core
