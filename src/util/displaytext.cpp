#include "util/displaytext.h"

namespace Tokenbench::Core::DisplayText {

namespace {

bool isDangerous(char32_t c, Newlines newlines)
{
    if (c == u'\t')
        return false;
    if (c == u'\n')
        return newlines == Newlines::Escape;
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f))
        return true;
    // Bidirectional controls (Trojan Source, CVE-2021-42574), line/paragraph separators, a byte order mark,
    // and a surrogate that is not part of a pair (it cannot be written as UTF-8).
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f ||
           c == 0x061c || c == 0x2028 || c == 0x2029 || c == 0xfeff || (c >= 0xd800 && c <= 0xdfff);
}

// The code point at `i` and how many UTF-16 units it takes (a lone surrogate is one unit, itself).
std::pair<char32_t, qsizetype> codePointAt(QStringView text, qsizetype i)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
        return {QChar::surrogateToUcs4(c, text.at(i + 1)), 2};
    return {c.unicode(), 1};
}

void appendEscaped(QString& out, char32_t c)
{
    switch (c) {
    case u'\n':
        out += QStringLiteral("\\n");
        break;
    case u'\r':
        out += QStringLiteral("\\r");
        break;
    default:
        if (c <= 0xff)
            out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
        else
            out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
    }
}

// escapeControl with, for `quotes`, `"` and `\` escaped too; at most `maxChars` code points, then "…".
QString escape(QStringView text, Newlines newlines, bool quotes, qsizetype maxChars)
{
    QString out;
    out.reserve(qMin(text.size(), maxChars) + 16);
    qsizetype shown = 0;
    for (qsizetype i = 0; i < text.size();) {
        if (shown == maxChars) {
            out += QChar(0x2026);
            break;
        }
        const auto [c, width] = codePointAt(text, i);
        if (quotes && (c == u'"' || c == u'\\')) {
            out += u'\\';
            out += QChar(char16_t(c));
        } else if (isDangerous(c, newlines)) {
            appendEscaped(out, c);
        } else {
            out += text.mid(i, width);
        }
        i += width;
        ++shown;
    }
    return out;
}

} // namespace

bool hasControl(QStringView text, Newlines newlines)
{
    for (qsizetype i = 0; i < text.size();) {
        const auto [c, width] = codePointAt(text, i);
        if (isDangerous(c, newlines))
            return true;
        i += width;
    }
    return false;
}

QString escapeControl(QStringView text, Newlines newlines)
{
    if (!hasControl(text, newlines))
        return text.toString();
    return escape(text, newlines, false, text.size());
}

QString excerpt(QStringView text, qsizetype maxChars)
{
    return escape(text, Newlines::Escape, true, maxChars);
}

QString quoted(QStringView text, qsizetype maxChars)
{
    return QLatin1Char('"') + excerpt(text, maxChars) + QLatin1Char('"');
}

} // namespace Tokenbench::Core::DisplayText
