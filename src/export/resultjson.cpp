#include "export/resultjson.h"

#include "jwt/jwtpeek.h"
#include "net/tokenclient.h"
#include "net/exchange.h"
#include "trace/redactor.h"

#include <QJsonArray>
#include <QStringDecoder>

namespace Tokenbench::Core::ResultJson {

namespace {

QJsonObject headersJson(const HttpHeaders& headers)
{
    QJsonObject o;
    for (const HttpHeader& h : headers) {
        const QString name = QString::fromLatin1(h.name);
        const QString value = QString::fromLatin1(h.value);
        if (o.contains(name))
            o.insert(name, QString(o.value(name).toString() + QStringLiteral(", ") + value));
        else
            o.insert(name, value);
    }
    return o;
}

void putBody(QJsonObject& o, const QByteArray& body)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(body);
    if (decoder.hasError()) {
        o.insert(QStringLiteral("body"), QString::fromLatin1(body.toBase64()));
        o.insert(QStringLiteral("body_encoding"), QStringLiteral("base64"));
    } else {
        o.insert(QStringLiteral("body"), text);
    }
}

} // namespace

QString idTokenFailure(const IdTokenReport& report)
{
    if (report.valid)
        return {};
    QStringList reasons;
    if (!report.error.isEmpty())
        reasons << report.error;
    for (const Jwt::ClaimCheck& c : report.checks) {
        if (!c.passed)
            reasons << QStringLiteral("%1: %2").arg(c.name, c.reason);
    }
    if (reasons.isEmpty() && !report.signature.isEmpty())
        reasons << QStringLiteral("signature: %1").arg(report.signature);
    return reasons.isEmpty() ? QStringLiteral("the ID token did not verify") : reasons.join(QStringLiteral("; "));
}

QJsonObject exchange(const Exchange& original, bool reveal)
{
    const Exchange e = reveal ? original : Redactor::redact(original);
    QJsonObject request;
    request.insert(QStringLiteral("method"), QString::fromLatin1(e.method));
    request.insert(QStringLiteral("url"), e.url.toString(QUrl::FullyEncoded));
    request.insert(QStringLiteral("headers"), headersJson(e.requestHeaders));
    putBody(request, e.requestBody);

    QJsonObject o;
    o.insert(QStringLiteral("purpose"), e.purpose);
    o.insert(QStringLiteral("request"), request);
    if (e.hasResponse()) {
        QJsonObject response;
        response.insert(QStringLiteral("status"), e.status);
        response.insert(QStringLiteral("reason"), QString::fromLatin1(e.reason));
        response.insert(QStringLiteral("http_version"), QString::fromLatin1(e.httpVersion));
        response.insert(QStringLiteral("headers"), headersJson(e.responseHeaders));
        putBody(response, e.responseBody);
        response.insert(QStringLiteral("bytes"), e.responseBytes);
        o.insert(QStringLiteral("response"), response);
    } else {
        o.insert(QStringLiteral("response"), QJsonValue::Null);
    }
    o.insert(QStringLiteral("started_at"), e.startedAt.toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("duration_ms"), e.durationMs);
    QJsonObject timing;
    timing.insert(QStringLiteral("request_sent_ms"), e.requestSentMs);
    timing.insert(QStringLiteral("first_byte_ms"), e.firstByteMs);
    o.insert(QStringLiteral("timing"), timing);
    if (e.failure != Exchange::Failure::None) {
        QJsonObject failure;
        failure.insert(QStringLiteral("kind"), failureName(e.failure));
        failure.insert(QStringLiteral("message"), e.failureText);
        o.insert(QStringLiteral("failure"), failure);
    }
    return o;
}

QJsonObject tokenResult(const TokenResult& r, bool reveal)
{
    QJsonObject o;
    const TokenResponse& resp = r.response;
    // The issued tokens are printed as the result, and masked wherever else they appear (an echoing
    // resource, an error message); every exchange is learned before the first one is redacted.
    for (const QString& token : {resp.accessToken, resp.refreshToken, resp.idToken})
        Redactor::addSecretValue(token);
    Redactor::learn(r.exchanges);
    auto text = [reveal](const QString& s) { return reveal ? s : Redactor::redactText(s); };
    auto orNull = [](const QString& s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
    o.insert(QStringLiteral("token"), r.ok() ? QJsonValue(resp.accessToken) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("token_type"), orNull(resp.tokenType));
    o.insert(QStringLiteral("expires_in"),
             resp.expiresIn ? QJsonValue(*resp.expiresIn) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("ttl_seconds"), resp.ttlSeconds);
    if (!resp.refreshToken.isEmpty())
        o.insert(QStringLiteral("refresh_token"), resp.refreshToken);
    if (!resp.idToken.isEmpty())
        o.insert(QStringLiteral("id_token"), resp.idToken);
    if (!resp.scope.isEmpty())
        o.insert(QStringLiteral("scope"), resp.scope);
    if (r.idTokenReport.checked) {
        // The ID token's verification against the issuer's keys and this run (nonce, at_hash, aud, iss).
        const IdTokenReport& id = r.idTokenReport;
        QJsonObject report;
        report.insert(QStringLiteral("valid"), id.valid);
        report.insert(QStringLiteral("signature"), orNull(id.signature));
        report.insert(QStringLiteral("key_source"), orNull(id.keySource));
        report.insert(QStringLiteral("error"), id.valid ? orNull(text(id.error)) : QJsonValue(text(idTokenFailure(id))));
        QJsonArray checks;
        for (const Jwt::ClaimCheck& c : id.checks) {
            QJsonObject line;
            line.insert(QStringLiteral("name"), c.name);
            line.insert(QStringLiteral("passed"), c.passed);
            line.insert(QStringLiteral("reason"), text(c.reason));
            checks.append(line);
        }
        report.insert(QStringLiteral("checks"), checks);
        o.insert(QStringLiteral("id_token_checks"), report);
    }
    QJsonArray exchanges;
    for (const Exchange& e : r.exchanges)
        exchanges.append(exchange(e, reveal));
    o.insert(QStringLiteral("exchanges"), exchanges);
    const auto claims = r.ok() ? JwtPeek::payload(resp.accessToken) : std::nullopt;
    o.insert(QStringLiteral("claims"), claims ? QJsonValue(*claims) : QJsonValue(QJsonValue::Null));
    if (r.ok() && r.idTokenReport.checked && !r.idTokenReport.valid) {
        // A token was issued, but its ID token failed verification: exit 6, and `error` says why.
        QJsonObject error;
        error.insert(QStringLiteral("kind"), QStringLiteral("invalid_id_token"));
        error.insert(QStringLiteral("exit_code"), 6);
        error.insert(QStringLiteral("message"),
                     text(QStringLiteral("id_token: not verified: %1").arg(idTokenFailure(r.idTokenReport))));
        o.insert(QStringLiteral("error"), error);
    } else if (r.ok()) {
        o.insert(QStringLiteral("error"), QJsonValue::Null);
    } else {
        QJsonObject error;
        error.insert(QStringLiteral("kind"), statusName(r.status));
        error.insert(QStringLiteral("exit_code"), exitCodeFor(r.status));
        error.insert(QStringLiteral("message"), text(r.errorText));
        if (!r.errorWhere.isEmpty())
            error.insert(QStringLiteral("where"), r.errorWhere);
        if (resp.status > 0)
            error.insert(QStringLiteral("status"), resp.status);
        if (!resp.error.isEmpty())
            error.insert(QStringLiteral("oauth_error"), text(resp.error));
        if (!resp.errorDescription.isEmpty())
            error.insert(QStringLiteral("oauth_error_description"), text(resp.errorDescription));
        if (!resp.errorUri.isEmpty())
            error.insert(QStringLiteral("oauth_error_uri"), text(resp.errorUri));
        o.insert(QStringLiteral("error"), error);
    }
    return o;
}

} // namespace Tokenbench::Core::ResultJson
