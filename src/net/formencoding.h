#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Tokenbench::Core::Form {

// One form field. Several fields may share a name; their order is kept.
using Field = QPair<QString, QString>;

// Go's url.QueryEscape, which Couper uses for form bodies and Basic credentials: A-Z a-z 0-9 - _ . ~
// stay, space becomes '+', every other byte of the UTF-8 form becomes %XX with upper-case hex.
QByteArray escape(const QString& value);

// Decodes the above ('+' is a space, %XX a byte). Malformed escapes are kept as they are.
QString unescape(QByteArrayView encoded);

// The byte-level codec under escape()/unescape(), also used to recognise secrets in encoded text: every
// byte but A-Z a-z 0-9 - _ . ~ as %XX (`upperHex` or lower-case digits; a space as '+' with
// `plusForSpace`), and back (a '+' is a space with `plusIsSpace`; malformed escapes are kept).
QByteArray percentEncode(QByteArrayView bytes, bool plusForSpace = true, bool upperHex = true);
QByteArray percentDecode(QByteArrayView encoded, bool plusIsSpace = true);
// The value of one hex digit, or -1.
int hexValue(char c);

// url.Values.Encode(): keys sorted by their bytes, values of one key in insertion order.
QByteArray encode(QList<Field> fields);

// Parses an application/x-www-form-urlencoded body into its fields, in body order.
QList<Field> decode(QByteArrayView body);

// The value of "Authorization: Basic ..." for client_secret_basic: base64 of
// escape(client_id) ":" escape(client_secret) (RFC 6749 section 2.3.1, as Couper since 1.10).
// With `raw` true the values are used unencoded, for servers that expect that.
QByteArray basicAuthorization(const QString& clientId, const QString& clientSecret, bool raw = false);

} // namespace Tokenbench::Core::Form
