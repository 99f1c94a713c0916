#pragma once

#include "net/exchange.h"

#include <QStringList>

namespace Tokenbench::Core::Redactor {

// The one redactor behind trace views, exports, logs, error messages and the CLI's JSON and stderr.
//
// Secrets are hidden two ways:
//  - by name: sensitive form fields and JSON members (client_secret, password, access_token, ...),
//    sensitive headers (Authorization, Cookie, X-Api-Key, ...), secret-looking URL query parameters and
//    the password of a URL's user:password@;
//  - by value: every secret value the process knows (see addSecretValue() and learn()) is masked wherever
//    it appears, raw, form- or percent-encoded (upper- or lower-case hex, '+' or %20 for a space), as a
//    JSON string (\" \\ \/ \uXXXX), in base64 or base64url (also inside a longer base64 text, such as
//    the Basic credential "id:secret"), in headers, bodies, URLs, failure texts and messages.
//
// A secret becomes a fingerprint "[redacted:1a2b3c4d]": the first 8 hex digits of HMAC-SHA256 with a
// random key made once per process. The same secret has the same fingerprint everywhere in one process
// (one CLI run, one GUI session), so two values can be told apart and matched, but a fingerprint cannot be
// checked against guessed values outside the process, and differs from one run to the next.

// Values shorter than this are not searched for by value (they would mask ordinary text); they are still
// hidden where they are known by name (a sensitive field, header or query parameter).
inline constexpr qsizetype MinValueLength = 4;

const QStringList& sensitiveFields();  // client_secret, password, assertion, ...
bool isSensitiveField(QStringView name);
bool isSensitiveHeader(QByteArrayView name);
// URL query (and fragment) parameters: the sensitive fields plus api_key, token, key, secret, sig, ...
bool isSensitiveParameter(QStringView name);
// An environment variable (or --env) name that looks like it holds a secret: *SECRET*, *PASSWORD*,
// *TOKEN*, *CREDENTIAL*, *PRIVATE*, *APIKEY*, or a _KEY, _PASS, _PWD, _AUTH part.
bool looksLikeSecretName(QStringView name);

QByteArray fingerprint(QByteArrayView secret);
// The process's secret values: added where a run resolves secrets (flags, --env, the environment, the
// keychain) and learned from exchanges (learn()). Values shorter than MinValueLength are ignored.
void addSecretValue(QByteArrayView value);
void addSecretValue(const QByteArray& value);
void addSecretValue(const QString& value);
// Remembers the secrets an exchange carries by name: sensitive form fields and JSON members of the request,
// issued tokens of the response, Authorization / Cookie / API-key header values (with the id:secret inside
// a Basic credential), sensitive query parameters and a URL's password.
void learn(const Exchange& exchange);
void learn(const QList<Exchange>& exchanges);
QList<QByteArray> secretValues();
void forgetSecretValues(); // for tests

QByteArray redactHeaderValue(QByteArrayView name, const QByteArray& value);
// Redacts sensitive fields of a form or JSON body; other bodies are returned unchanged.
QByteArray redactBody(const QByteArray& body, QByteArrayView contentType);
// For the start of a JSON body cut off for display (it does not parse): redacts "key": "value" pairs of
// sensitive fields in the text itself, including a value cut off at the end. Other bytes are kept.
QByteArray redactJsonText(const QByteArray& body);
// A URL's password and sensitive query / fragment parameters.
QUrl redactUrl(const QUrl& url);
// Free text (an error message, a failure text, a line for stderr): every known secret value (and `extra`)
// in every encoding, and the password and sensitive parameters of every URL in it.
QByteArray redactText(QByteArrayView text, const QList<QByteArray>& extra = {});
QString redactText(const QString& text, const QList<QByteArray>& extra = {});
// Learns from `exchange`, then redacts by name and by value (known secrets and exchange.secretValues).
Exchange redact(const Exchange& exchange);

} // namespace Tokenbench::Core::Redactor
