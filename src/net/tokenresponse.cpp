#include "net/tokenresponse.h"

#include <cmath>

#include <QJsonDocument>
#include <QJsonParseError>

namespace Tokenbench::Core {

qint64 couperTtlSeconds(std::optional<double> expiresIn)
{
    if (!expiresIn || !std::isfinite(*expiresIn))
        return 0;
    const double ttl = std::floor(*expiresIn * 0.9);
    if (ttl <= 0)
        return 0;
    return qint64(std::min(ttl, 86400.0));
}

namespace {

// An HTML page instead of JSON (an error page of a proxy, a login form): its <title>, or "" when untitled,
// or nullopt when the body is not HTML.
std::optional<QString> htmlTitle(const QByteArray& body)
{
    const QByteArray head = body.left(4096).trimmed().toLower();
    if (!head.startsWith('<'))
        return std::nullopt;
    if (!head.startsWith("<!doctype html") && !head.contains("<html") && !head.contains("<head") &&
        !head.contains("<body") && !head.contains("<title"))
        return std::nullopt;
    const qsizetype open = head.indexOf("<title");
    const qsizetype start = open < 0 ? -1 : head.indexOf('>', open);
    const qsizetype end = start < 0 ? -1 : head.indexOf("</title", start);
    if (end < 0)
        return QString();
    return QString::fromUtf8(body.trimmed().mid(start + 1, end - start - 1)).simplified().left(120);
}

bool isTruncation(QJsonParseError::ParseError e)
{
    return e == QJsonParseError::UnterminatedObject || e == QJsonParseError::UnterminatedArray ||
           e == QJsonParseError::UnterminatedString;
}

} // namespace

TokenResponse parseTokenResponse(int status, const QByteArray& body)
{
    TokenResponse r;
    r.status = status;
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError) {
        const std::optional<QString> title = htmlTitle(body);
        if (body.trimmed().isEmpty())
            r.jsonError = QStringLiteral("the body is empty");
        else if (title)
            r.jsonError = title->isEmpty()
                              ? QStringLiteral("the body is an HTML page, not JSON")
                              : QStringLiteral("the body is an HTML page (\"%1\"), not JSON").arg(*title);
        else if (body.trimmed().startsWith('{') &&
                 (isTruncation(err.error) || err.offset >= body.trimmed().size()))
            r.jsonError =
                QStringLiteral("the body is truncated JSON: it ends after %1 bytes, before the JSON is "
                               "complete (%2)")
                    .arg(body.size())
                    .arg(err.errorString());
        else
            r.jsonError =
                QStringLiteral("the body is not JSON (%1 at byte %2)").arg(err.errorString()).arg(err.offset);
    } else if (!doc.isObject()) {
        r.jsonError = QStringLiteral("the body is JSON but not an object");
    } else {
        r.json = doc.object();
    }
    auto str = [&](const char* key) {
        const QJsonValue v = r.json.value(QLatin1String(key));
        return v.isString() ? v.toString() : QString();
    };
    r.accessToken = str("access_token");
    r.tokenType = str("token_type");
    r.refreshToken = str("refresh_token");
    r.idToken = str("id_token");
    r.scope = str("scope");
    r.error = str("error");
    r.errorDescription = str("error_description");
    r.errorUri = str("error_uri");
    const QJsonValue expires = r.json.value(QStringLiteral("expires_in"));
    if (expires.isDouble())
        r.expiresIn = expires.toDouble();
    r.ttlSeconds = couperTtlSeconds(r.expiresIn);

    if (status != 200)
        r.outcome = TokenResponse::Outcome::ServerRefused;
    else if (!r.jsonError.isEmpty() || r.accessToken.isEmpty())
        r.outcome = TokenResponse::Outcome::NoToken;
    else
        r.outcome = TokenResponse::Outcome::Token;
    return r;
}

QString cutForDisplay(const QString& text, qsizetype max)
{
    if (text.size() <= max)
        return text;
    qsizetype keep = max;
    if (text.at(keep - 1).isHighSurrogate())
        --keep; // never split a surrogate pair
    return text.left(keep) + QStringLiteral("\u2026 (%1 bytes more)").arg(text.mid(keep).toUtf8().size());
}

QString TokenResponse::couperErrorText() const
{
    QString text = QStringLiteral("error=") + cutForDisplay(error, 200);
    if (!errorDescription.isEmpty())
        text += QStringLiteral(", error_description=") + cutForDisplay(errorDescription);
    if (!errorUri.isEmpty())
        text += QStringLiteral(", error_uri=") + errorUri;
    return text;
}

QString TokenResponse::summary() const
{
    switch (outcome) {
    case Outcome::Token:
        return QStringLiteral("HTTP %1: token issued").arg(status);
    case Outcome::ServerRefused:
        if (!error.isEmpty())
            return QStringLiteral("HTTP %1: %2%3")
                .arg(status)
                .arg(cutForDisplay(error, 200),
                     errorDescription.isEmpty() ? QString() : QStringLiteral(": ") + cutForDisplay(errorDescription));
        if (!jsonError.isEmpty())
            return QStringLiteral("HTTP %1 and %2").arg(status).arg(jsonError);
        return QStringLiteral("HTTP %1 without an OAuth error code").arg(status);
    case Outcome::NoToken:
        if (!jsonError.isEmpty())
            return QStringLiteral("HTTP 200 but %1; Couper would fail with a JSON error").arg(jsonError);
        if (json.contains(QStringLiteral("access_token")))
            return QStringLiteral("HTTP 200 but access_token is not a non-empty string; Couper would send an empty "
                                  "bearer token and ask again next time");
        if (!json.isEmpty())
            return QStringLiteral("HTTP 200 but the response has no access_token (it has: %1)")
                .arg(json.keys().join(QStringLiteral(", ")));
        return QStringLiteral("HTTP 200 but the response has no access_token");
    }
    return {};
}

QString explainOAuthError(const QString& error, const QString& authMethod)
{
    if (error == u"invalid_client" && (authMethod == u"private_key_jwt" || authMethod == u"client_secret_jwt")) {
        const QString key = authMethod == u"private_key_jwt"
                                ? QStringLiteral("the signing key is not among the client's registered keys (jwks or "
                                                 "jwks_uri; check kid)")
                                : QStringLiteral("the client_secret the assertion is signed with is not the client's");
        return QStringLiteral(
                   "the server did not accept the client assertion: %1, the algorithm is not allowed for the "
                   "client, aud is not what the server expects (its token endpoint or issuer), the assertion "
                   "has expired (ttl), or its jti was already used (an assertion is good for one request only)")
            .arg(key);
    }
    if (error == u"invalid_client") {
        QString alt;
        if (authMethod == u"client_secret_basic" || authMethod.isEmpty())
            alt = QStringLiteral(", or try client_secret_post if the server expects credentials in the body");
        else if (authMethod == u"client_secret_post")
            alt = QStringLiteral(", or try client_secret_basic if the server expects an Authorization header");
        return QStringLiteral(
                   "the server did not accept the client's credentials (an unknown client_id, a wrong "
                   "client_secret, or an authentication method the client is not registered for); check "
                   "client_id and client_secret%1")
            .arg(alt);
    }
    if (error == u"invalid_grant")
        return QStringLiteral(
            "the client was accepted but the grant was rejected: a wrong username or password, "
            "or a code, refresh token or assertion that is expired, already used, issued to another "
            "client or signed with a key the server does not accept; check the credentials or get "
            "a fresh grant");
    if (error == u"invalid_scope")
        return QStringLiteral(
            "a requested scope is unknown, or not allowed for this client or this grant (openid, "
            "for example, needs a user and is refused with client_credentials); remove it from "
            "scope or ask the server's admin to allow it for the client");
    if (error == u"unsupported_grant_type")
        return QStringLiteral("the server does not support this grant_type at all; use one it lists in "
                              "grant_types_supported (its /.well-known/openid-configuration or "
                              "oauth-authorization-server metadata)");
    if (error == u"unauthorized_client")
        return QStringLiteral("this client may not use this grant type; enable the grant for the client on "
                              "the server");
    if (error == u"invalid_request")
        return QStringLiteral("the server found the request malformed: a parameter is missing, repeated or "
                              "invalid; read error_description");
    if (error == u"access_denied")
        return QStringLiteral("the resource owner or the server denied the request");
    if (error == u"server_error" || error == u"temporarily_unavailable")
        return QStringLiteral("the server had a problem; try again later");
    return {};
}

} // namespace Tokenbench::Core
