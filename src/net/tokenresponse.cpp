#include "net/tokenresponse.h"

#include "util/displaytext.h"

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
    return qint64(std::min(ttl, double(MaxTokenTtlSeconds)));
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

bool isAsciiAlnum(char16_t c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}

} // namespace

QString tokenSyntaxProblem(QStringView token, TokenSyntax syntax)
{
    if (token.isEmpty())
        return QStringLiteral("it is empty");
    bool padding = false;
    for (qsizetype i = 0; i < token.size(); ++i) {
        const char16_t c = token.at(i).unicode();
        // Only for a message: never built for a well-formed token (this runs for every token received).
        const auto at = [i] { return QStringLiteral("at position %1").arg(i + 1); };
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f))
            return QStringLiteral("it contains a control character (%1) %2")
                .arg(DisplayText::escapeControl(token.sliced(i, 1)), at());
        if (c > 0x7e)
            return QStringLiteral("it contains a non-ASCII character (U+%1) %2")
                .arg(uint(c), 4, 16, QLatin1Char('0'))
                .arg(at());
        switch (syntax) {
        case TokenSyntax::Opaque:
            break;
        case TokenSyntax::Jwt:
            if (!isAsciiAlnum(c) && c != u'-' && c != u'_' && c != u'.')
                return QStringLiteral("it contains \"%1\" %2, which a JWT (base64url parts joined by \".\") "
                                      "never contains")
                    .arg(QChar(c))
                    .arg(at());
            break;
        case TokenSyntax::Bearer:
            if (c == u'=') {
                padding = true;
            } else if (padding) {
                return QStringLiteral("it contains \"%1\" %2 after \"=\", which may only end a Bearer token "
                                      "(RFC 6750 \u00a72.1)")
                    .arg(QChar(c))
                    .arg(at());
            } else if (!isAsciiAlnum(c) && c != u'-' && c != u'.' && c != u'_' && c != u'~' && c != u'+' &&
                       c != u'/') {
                return QStringLiteral("it contains \"%1\" %2; a Bearer token is made of A-Z a-z 0-9 - . _ ~ + / "
                                      "and trailing = only (RFC 6750 \u00a72.1)")
                    .arg(QChar(c))
                    .arg(at());
            }
            break;
        }
    }
    if (syntax == TokenSyntax::Bearer && token.front() == u'=')
        return QStringLiteral("it is made of \"=\" only; a Bearer token needs at least one other character "
                              "(RFC 6750 \u00a72.1)");
    return {};
}

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
    if (r.outcome == TokenResponse::Outcome::Token) {
        // A token is data that goes into an Authorization header or a form: one that could break out of it
        // (CR, LF, NUL, ...) or that a resource would not accept as a Bearer token is refused as a whole.
        const struct
        {
            const char* name;
            const QString& value;
            TokenSyntax syntax;
        } tokens[] = {{"access_token", r.accessToken, TokenSyntax::Bearer},
                      {"refresh_token", r.refreshToken, TokenSyntax::Opaque},
                      {"id_token", r.idToken, TokenSyntax::Jwt}};
        for (const auto& t : tokens) {
            if (t.value.isEmpty()) // only access_token is required, and it is not empty here
                continue;
            const QString problem = tokenSyntaxProblem(t.value, t.syntax);
            if (problem.isEmpty())
                continue;
            r.tokenProblem = QStringLiteral("%1 is not well-formed: %2").arg(QLatin1String(t.name), problem);
            r.outcome = TokenResponse::Outcome::NoToken;
            break;
        }
    }
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
        if (!tokenProblem.isEmpty())
            return QStringLiteral("HTTP 200 but %1; Tokenbench refuses the response and sends none of its tokens "
                                  "anywhere")
                .arg(tokenProblem);
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
