#pragma once

#include <optional>

#include <QJsonObject>
#include <QString>

namespace Tokenbench::Core {

// A token endpoint's answer, read as Couper reads it (reference section 2.3).
struct TokenResponse
{
    enum class Outcome {
        Token,         // 200, JSON, access_token is a non-empty string
        ServerRefused, // any status but 200
        NoToken,       // 200 but not JSON, or no usable access_token
    };
    Outcome outcome = Outcome::NoToken;
    int status = 0;
    QJsonObject json;  // empty when the body is not a JSON object
    QString jsonError; // why the body is not a JSON object

    QString accessToken;
    QString tokenType;
    QString refreshToken;
    QString idToken;
    QString scope;
    std::optional<double> expiresIn;
    qint64 ttlSeconds = 0; // Couper's cache TTL: floor(expires_in * 0.9), 0 without a numeric expires_in

    // Why a 200 response with an access_token is still refused (Outcome::NoToken): a token that is not
    // well-formed (control characters, characters RFC 6750 does not allow); empty otherwise.
    QString tokenProblem;

    QString error; // OAuth error code
    QString errorDescription;
    QString errorUri;

    // One line: what happened ("invalid_client: client authentication failed").
    QString summary() const;
    // Couper's log form: "error=..., error_description=..., error_uri=...".
    QString couperErrorText() const;
};

TokenResponse parseTokenResponse(int status, const QByteArray& body);

// The syntax a token must have before Tokenbench keeps it or sends it anywhere.
enum class TokenSyntax {
    Bearer, // access_token: RFC 6750 §2.1 b64token, 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
    Jwt,    // id_token: a compact JWS/JWE, base64url parts joined by "." (RFC 7515 §7.1, RFC 7516 §7.1)
    Opaque, // refresh_token and beta_token_request tokens: 1*VSCHAR (RFC 6749 Appendix A.17), printable
            // ASCII %x20-7E, no control characters
};
// Why `token` does not have that syntax ("it contains a control character (\x0d) at position 13"), or
// empty when it does. Never includes the token itself.
QString tokenSyntaxProblem(QStringView token, TokenSyntax syntax);

// The longest Couper keeps a token of either authorizer (reference 2.4).
constexpr qint64 MaxTokenTtlSeconds = 86400;

// Couper's cache TTL for an expires_in value (reference 2.3 and 2.4): floor(x * 0.9), capped at 86400 s.
qint64 couperTtlSeconds(std::optional<double> expiresIn);

// A plain-language explanation and likely fix for an OAuth error code, or empty when unknown.
QString explainOAuthError(const QString& error, const QString& authMethod = {});

// Server text (error_description, ...) for a message: at most `max` characters, the rest replaced by
// "… (N bytes more)" so a hostile server cannot flood a terminal or a dialog.
QString cutForDisplay(const QString& text, qsizetype max = 1000);

} // namespace Tokenbench::Core
