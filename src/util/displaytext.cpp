#include "util/displaytext.h"

namespace Tokenbench::Core::DisplayText {

namespace {

bool isDangerous(char16_t c, Newlines newlines)
{
    if (c == u'\t')
        return false;
    if (c == u'\n')
        return newlines == Newlines::Escape;
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f))
        return true;
    // Bidirectional controls (Trojan Source, CVE-2021-42574) and line/paragraph separators.
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f ||
           c == 0x061c || c == 0x2028 || c == 0x2029;
}

} // namespace

bool hasControl(QStringView text, Newlines newlines)
{
    for (const QChar c : text) {
        if (isDangerous(c.unicode(), newlines))
            return true;
    }
    return false;
}

QString escapeControl(QStringView text, Newlines newlines)
{
    if (!hasControl(text, newlines))
        return text.toString();
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (!isDangerous(u, newlines)) {
            out += c;
            continue;
        }
        switch (u) {
        case u'\n':
            out += QStringLiteral("\\n");
            break;
        case u'\r':
            out += QStringLiteral("\\r");
            break;
        default:
            if (u <= 0xff)
                out += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
            else
                out += QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0'));
        }
    }
    return out;
}

} // namespace Tokenbench::Core::DisplayText
