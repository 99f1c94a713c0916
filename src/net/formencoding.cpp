#include "net/formencoding.h"

#include <algorithm>

#include <QStringDecoder>

namespace Tokenbench::Core::Form {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

QByteArray percentEncode(QByteArrayView bytes, bool plusForSpace, bool upperHex)
{
    const char* hex = upperHex ? "0123456789ABCDEF" : "0123456789abcdef";
    QByteArray out;
    out.reserve(bytes.size() * 3);
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '_' || c == '.' || c == '~';
        if (unreserved) {
            out.append(char(c));
        } else if (c == ' ' && plusForSpace) {
            out.append('+');
        } else {
            out.append('%');
            out.append(hex[c >> 4]);
            out.append(hex[c & 0xF]);
        }
    }
    return out;
}

QByteArray percentDecode(QByteArrayView encoded, bool plusIsSpace)
{
    QByteArray out;
    out.reserve(encoded.size());
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded[i];
        if (plusIsSpace && c == '+') {
            out.append(' ');
        } else if (c == '%' && i + 2 < encoded.size() && hexValue(encoded[i + 1]) >= 0 && hexValue(encoded[i + 2]) >= 0) {
            out.append(char(hexValue(encoded[i + 1]) * 16 + hexValue(encoded[i + 2])));
            i += 2;
        } else {
            out.append(c);
        }
    }
    return out;
}

QByteArray escape(const QString& value)
{
    return percentEncode(value.toUtf8());
}

QString unescape(QByteArrayView encoded)
{
    const QByteArray out = percentDecode(encoded);
    // Not QString::fromUtf8(), which drops a leading byte order mark: "%EF%BB%BF" is data here.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    return decoder(out);
}

QByteArray encode(QList<Field> fields)
{
    std::stable_sort(fields.begin(), fields.end(),
                     [](const Field& a, const Field& b) { return a.first.toUtf8() < b.first.toUtf8(); });
    QByteArray out;
    for (const Field& f : std::as_const(fields)) {
        if (!out.isEmpty())
            out.append('&');
        out.append(escape(f.first));
        out.append('=');
        out.append(escape(f.second));
    }
    return out;
}

QList<Field> decode(QByteArrayView body)
{
    QList<Field> fields;
    qsizetype start = 0;
    while (start <= body.size()) {
        qsizetype end = body.indexOf('&', start);
        if (end < 0)
            end = body.size();
        const QByteArrayView pair = body.sliced(start, end - start);
        if (!pair.isEmpty()) {
            const qsizetype eq = pair.indexOf('=');
            if (eq < 0)
                fields.append({unescape(pair), QString()});
            else
                fields.append({unescape(pair.first(eq)), unescape(pair.sliced(eq + 1))});
        }
        start = end + 1;
    }
    return fields;
}

QByteArray basicAuthorization(const QString& clientId, const QString& clientSecret, bool raw)
{
    const QByteArray credentials = raw ? clientId.toUtf8() + ':' + clientSecret.toUtf8()
                                       : escape(clientId) + ':' + escape(clientSecret);
    return "Basic " + credentials.toBase64();
}

} // namespace Tokenbench::Core::Form
