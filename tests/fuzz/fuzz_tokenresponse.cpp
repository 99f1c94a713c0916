// libFuzzer target for token-response handling: the first byte picks the HTTP status, the rest is the
// body. The body goes through parseTokenResponse(), its summaries and explanations, and then the trace
// path a real response takes (JWT finder and redactor). Built only with clang and
// -DTOKENBENCH_BUILD_FUZZERS=ON (see tests/fuzz/tests.cmake).
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include <QByteArray>
#include <QString>

#include "net/tokenresponse.h"
#include "net/exchange.h"
#include "trace/jwtfinder.h"
#include "trace/redactor.h"

using namespace Tokenbench::Core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static constexpr std::array<int, 8> statuses = {200, 400, 401, 403, 500, 503, 302, 201};
    if (size == 0)
        return 0;
    const int status = statuses.at(data[0] % statuses.size());
    const QByteArray body(reinterpret_cast<const char*>(data + 1), static_cast<qsizetype>(size - 1));

    const TokenResponse r = parseTokenResponse(status, body);
    // Invariants of the outcome (reference section 2.3).
    if (r.status != status)
        std::abort();
    if (r.outcome == TokenResponse::Outcome::Token && (status != 200 || r.accessToken.isEmpty()))
        std::abort();
    if (status != 200 && r.outcome != TokenResponse::Outcome::ServerRefused)
        std::abort();
    if (r.ttlSeconds < 0 || r.ttlSeconds > 86400)
        std::abort();
    if (!r.json.isEmpty() && !r.jsonError.isEmpty())
        std::abort(); // either a JSON object or the reason it is not one
    (void)r.summary();
    (void)r.couperErrorText();
    for (const QString& method : {QString(), QStringLiteral("client_secret_basic"), QStringLiteral("client_secret_post")})
        (void)explainOAuthError(r.error, method);

    // The trace path: the response as it is shown, searched for JWTs and redacted.
    Exchange e;
    e.status = status;
    e.responseHeaders.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    e.requestHeaders.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")});
    // A fixed credential: one copied from the body would make the redactor (rightly) mask the whole body.
    e.requestHeaders.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer fuzz-request-credential")});
    // A fixed request body: a copy of the input sent as a form would let the redactor learn a form "secret"
    // (e.g. `…token…=<rest of the body>`) and rightly mask it across the response's JSON structure, which is
    // not the invariant checked here (the request side is fuzz_redactor's).
    e.requestBody = QByteArrayLiteral("grant_type=client_credentials");
    e.responseBody = body;
    const QList<FoundJwt> found = findJwts(e);
    for (const FoundJwt& jwt : found) {
        if (!looksLikeJwt(jwt.token))
            std::abort();
    }
    Redactor::forgetSecretValues(); // redact() learns the input's secrets: keep the store to this input
    const Exchange redacted = Redactor::redact(e);
    const TokenResponse again = parseTokenResponse(status, redacted.responseBody);
    // Redaction keeps the body's shape: what was a JSON object stays one, and the token is never shown. (The
    // other way round is allowed: masking a secret can remove the bytes that made a body invalid.)
    if (r.jsonError.isEmpty() && !again.jsonError.isEmpty())
        std::abort();
    if (!r.accessToken.isEmpty() && again.accessToken == r.accessToken && !again.accessToken.startsWith(u"[redacted:"))
        std::abort();
    return 0;
}
