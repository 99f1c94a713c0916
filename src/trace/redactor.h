#pragma once

#include "net/exchange.h"

#include <QStringList>

namespace Tokenbench::Core::Redactor {

// The one redactor behind trace views, exports, logs and the CLI's JSON. Secrets become a short
// fingerprint ("[redacted:1a2b3c4d]", the first 8 hex digits of SHA-256) so two values can be told
// apart without being shown.

const QStringList& sensitiveFields();  // client_secret, password, assertion, ...
bool isSensitiveField(QStringView name);
bool isSensitiveHeader(QByteArrayView name);

QByteArray fingerprint(QByteArrayView secret);
QByteArray redactHeaderValue(QByteArrayView name, const QByteArray& value);
// Redacts sensitive fields of a form or JSON body; other bodies are returned unchanged.
QByteArray redactBody(const QByteArray& body, QByteArrayView contentType);
// For the start of a JSON body cut off for display (it does not parse): redacts "key": "value" pairs of
// sensitive fields in the text itself, including a value cut off at the end. Other bytes are kept.
QByteArray redactJsonText(const QByteArray& body);
QUrl redactUrl(const QUrl& url);
Exchange redact(const Exchange& exchange);

} // namespace Tokenbench::Core::Redactor
