#include "jwt/gojson.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>
#include <vector>

#include <QJsonArray>
#include <QVariant>

namespace Tokenbench::Core::Jwt {

namespace {

void appendString(QByteArray& out, const QString& text)
{
    static constexpr char Hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out += '"';
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8.at(i));
        switch (c) {
        case '"':
            out += "\\\"";
            continue;
        case '\\':
            out += "\\\\";
            continue;
        case '\n':
            out += "\\n";
            continue;
        case '\r':
            out += "\\r";
            continue;
        case '\t':
            out += "\\t";
            continue;
        case '\b':
            out += "\\b";
            continue;
        case '\f':
            out += "\\f";
            continue;
        case '<':
        case '>':
        case '&':
            out += "\\u00";
            out += Hex[c >> 4];
            out += Hex[c & 0xf];
            continue;
        default:
            break;
        }
        if (c < 0x20) {
            out += "\\u00";
            out += Hex[c >> 4];
            out += Hex[c & 0xf];
            continue;
        }
        // U+2028 / U+2029 are E2 80 A8 / E2 80 A9 in UTF-8.
        if (c == 0xe2 && i + 2 < utf8.size() && static_cast<unsigned char>(utf8.at(i + 1)) == 0x80 &&
            (static_cast<unsigned char>(utf8.at(i + 2)) & 0xfe) == 0xa8) {
            out += static_cast<unsigned char>(utf8.at(i + 2)) == 0xa8 ? "\\u2028" : "\\u2029";
            i += 2;
            continue;
        }
        out += static_cast<char>(c);
    }
    out += '"';
}

void appendNumber(QByteArray& out, const QJsonValue& value)
{
    const QVariant variant = value.toVariant();
    if (variant.typeId() == QMetaType::LongLong) {
        out += QByteArray::number(variant.toLongLong());
        return;
    }
    const double d = value.toDouble();
    if (!std::isfinite(d)) { // Go refuses these; JSON has no spelling for them
        out += "null";
        return;
    }
    const double a = std::fabs(d);
    const bool exponent = a != 0 && (a < 1e-6 || a >= 1e21);
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, d,
                                   exponent ? std::chars_format::scientific : std::chars_format::fixed);
    QByteArray text(buf, res.ptr - buf);
    if (exponent) {
        // Go writes e-7, not e-07 (and e+21 stays).
        const qsizetype n = text.size();
        if (n >= 4 && text.at(n - 4) == 'e' && text.at(n - 3) == '-' && text.at(n - 2) == '0')
            text.remove(n - 2, 1);
    }
    out += text;
}

void append(QByteArray& out, const QJsonValue& value);

void appendObject(QByteArray& out, const QJsonObject& object)
{
    std::vector<std::pair<QByteArray, QString>> keys;
    keys.reserve(static_cast<size_t>(object.size()));
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        keys.emplace_back(it.key().toUtf8(), it.key());
    std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    out += '{';
    bool first = true;
    for (const auto& [utf8, key] : keys) {
        if (!first)
            out += ',';
        first = false;
        appendString(out, key);
        out += ':';
        append(out, object.value(key));
    }
    out += '}';
}

void append(QByteArray& out, const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        return;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        return;
    case QJsonValue::Double:
        appendNumber(out, value);
        return;
    case QJsonValue::String:
        appendString(out, value.toString());
        return;
    case QJsonValue::Array: {
        out += '[';
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                out += ',';
            append(out, array.at(i));
        }
        out += ']';
        return;
    }
    case QJsonValue::Object:
        appendObject(out, value.toObject());
        return;
    }
}

} // namespace

QByteArray encodeGoJson(const QJsonValue& value)
{
    QByteArray out;
    append(out, value);
    return out;
}

QByteArray encodeGoJson(const QJsonObject& object)
{
    QByteArray out;
    appendObject(out, object);
    return out;
}

} // namespace Tokenbench::Core::Jwt
