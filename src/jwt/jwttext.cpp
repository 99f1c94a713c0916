#include "jwt/jwttext.h"

namespace Tokenbench::Core::Jwt {

namespace {

bool needsEscape(char32_t c)
{
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029 ||
           (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f ||
           c == 0x061c || c == 0xfeff || (c >= 0xd800 && c <= 0xdfff);
}

} // namespace

QString escapedText(QStringView text, qsizetype maxChars)
{
    QString out;
    out.reserve(qMin(text.size(), maxChars) + 8);
    qsizetype shown = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (shown >= maxChars) {
            out += QChar(0x2026);
            break;
        }
        char32_t c = text.at(i).unicode();
        qsizetype width = 1;
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            width = 2;
        }
        if (c == u'"' || c == u'\\') {
            out += u'\\';
            out += QChar(c);
        } else if (needsEscape(c)) {
            out += c < 0x100 ? QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'))
                             : QStringLiteral("\\u{%1}").arg(uint(c), 4, 16, QLatin1Char('0'));
        } else {
            out += text.mid(i, width);
        }
        i += width - 1;
        ++shown;
    }
    return out;
}

QString quotedText(QStringView text, qsizetype maxChars)
{
    return QLatin1Char('"') + escapedText(text, maxChars) + QLatin1Char('"');
}

} // namespace Tokenbench::Core::Jwt
