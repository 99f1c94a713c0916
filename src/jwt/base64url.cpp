#include "jwt/base64url.h"

#include <QString>

namespace Tokenbench::Core::Jwt::Base64Url {

namespace {

constexpr char Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int valueOf(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '-')
        return 62;
    if (c == '_')
        return 63;
    return -1;
}

QString describeChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x21 && u < 0x7f)
        return QStringLiteral("'%1'").arg(QLatin1Char(c));
    return QStringLiteral("0x%1").arg(u, 2, 16, QLatin1Char('0'));
}

Error failure(QString message, qsizetype offset, qsizetype* errorOffset)
{
    if (errorOffset)
        *errorOffset = offset;
    return Error{Error::Code::Format, std::move(message), QStringLiteral("byte %1").arg(offset)};
}

} // namespace

QByteArray encode(QByteArrayView data)
{
    QByteArray out;
    out.reserve((data.size() * 4 + 2) / 3);
    const auto* p = reinterpret_cast<const unsigned char*>(data.data());
    qsizetype i = 0;
    for (; i + 2 < data.size(); i += 3) {
        const unsigned v = (unsigned(p[i]) << 16) | (unsigned(p[i + 1]) << 8) | p[i + 2];
        out.append(Alphabet[(v >> 18) & 63]);
        out.append(Alphabet[(v >> 12) & 63]);
        out.append(Alphabet[(v >> 6) & 63]);
        out.append(Alphabet[v & 63]);
    }
    const qsizetype rest = data.size() - i;
    if (rest == 1) {
        const unsigned v = unsigned(p[i]) << 16;
        out.append(Alphabet[(v >> 18) & 63]);
        out.append(Alphabet[(v >> 12) & 63]);
    } else if (rest == 2) {
        const unsigned v = (unsigned(p[i]) << 16) | (unsigned(p[i + 1]) << 8);
        out.append(Alphabet[(v >> 18) & 63]);
        out.append(Alphabet[(v >> 12) & 63]);
        out.append(Alphabet[(v >> 6) & 63]);
    }
    return out;
}

Result<QByteArray> decode(QByteArrayView text, qsizetype* errorOffset)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (valueOf(c) >= 0)
            continue;
        if (c == '=')
            return failure(QStringLiteral("padding ('=' is not used in JOSE base64url) at byte %1").arg(i),
                           i, errorOffset);
        if (c == '+' || c == '/')
            return failure(QStringLiteral("standard-base64 character %1 (base64url uses '-' and '_') "
                                          "at byte %2")
                               .arg(describeChar(c))
                               .arg(i),
                           i, errorOffset);
        return failure(QStringLiteral("invalid base64url character %1 at byte %2")
                           .arg(describeChar(c))
                           .arg(i),
                       i, errorOffset);
    }
    if (text.size() % 4 == 1)
        return failure(QStringLiteral("truncated base64url (%1 characters leave a lone last "
                                      "character) at byte %2")
                           .arg(text.size())
                           .arg(text.size() - 1),
                       text.size() - 1, errorOffset);

    QByteArray out;
    out.reserve(text.size() * 3 / 4);
    unsigned acc = 0;
    int bits = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        acc = (acc << 6) | unsigned(valueOf(text.at(i)));
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.append(static_cast<char>((acc >> bits) & 0xff));
        }
    }
    if (bits > 0 && (acc & ((1u << bits) - 1)) != 0)
        return failure(QStringLiteral("non-canonical base64url (unused bits set in the last "
                                      "character) at byte %1")
                           .arg(text.size() - 1),
                       text.size() - 1, errorOffset);
    return out;
}

} // namespace Tokenbench::Core::Jwt::Base64Url
