#include "export/shellwords.h"

namespace Tokenbench::Core::Export::Shell {

QString quote(const QString& text)
{
    QString s = text;
    s.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + s + u'\'';
}

namespace {

int hexValue(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - '0';
    if (c >= u'a' && c <= u'f')
        return c.unicode() - 'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c.unicode() - 'A' + 10;
    return -1;
}

} // namespace

Result<QStringList> split(const QString& command)
{
    QStringList words;
    QString word;
    bool inWord = false;
    const qsizetype n = command.size();
    auto unterminated = [&](const char* what, qsizetype at) {
        return Error{Error::Code::Format,
                     QStringLiteral("unterminated %1 starting at character %2: close it or paste the whole command")
                         .arg(QString::fromLatin1(what))
                         .arg(at + 1),
                     QStringLiteral("command")};
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = command.at(i);
        if (c == u'\\') {
            if (i + 1 < n && command.at(i + 1) == u'\n') { // continuation
                ++i;
                continue;
            }
            if (i + 2 < n && command.at(i + 1) == u'\r' && command.at(i + 2) == u'\n') {
                i += 2;
                continue;
            }
            if (i + 1 < n) {
                word += command.at(++i);
                inWord = true;
            }
            continue;
        }
        if (c == u'\'') {
            const qsizetype end = command.indexOf(u'\'', i + 1);
            if (end < 0)
                return unterminated("single quote", i);
            word += command.mid(i + 1, end - i - 1);
            inWord = true;
            i = end;
            continue;
        }
        if (c == u'$' && i + 1 < n && command.at(i + 1) == u'\'') {
            // ANSI-C quoting.
            qsizetype j = i + 2;
            QByteArray bytes; // \xHH and octal escapes are bytes (UTF-8 when they form it)
            auto flush = [&] {
                if (!bytes.isEmpty()) {
                    word += QString::fromUtf8(bytes);
                    bytes.clear();
                }
            };
            bool closed = false;
            for (; j < n; ++j) {
                const QChar d = command.at(j);
                if (d == u'\'') {
                    closed = true;
                    break;
                }
                if (d != u'\\' || j + 1 >= n) {
                    flush();
                    word += d;
                    continue;
                }
                const QChar e = command.at(++j);
                if (e == u'x' || e == u'u' || e == u'U') {
                    const int maxDigits = e == u'x' ? 2 : (e == u'u' ? 4 : 8);
                    uint v = 0;
                    int digits = 0;
                    while (digits < maxDigits && j + 1 < n && hexValue(command.at(j + 1)) >= 0) {
                        v = v * 16 + uint(hexValue(command.at(++j)));
                        ++digits;
                    }
                    if (digits == 0) {
                        flush();
                        word += u'\\';
                        word += e;
                    } else if (e == u'x') {
                        bytes += char(v);
                    } else {
                        flush();
                        const char32_t cp = v <= 0x10FFFF ? char32_t(v) : U'\uFFFD';
                        word += QString::fromUcs4(&cp, 1);
                    }
                    continue;
                }
                if (e >= u'0' && e <= u'7') {
                    uint v = uint(e.unicode() - '0');
                    for (int k = 0; k < 2 && j + 1 < n && command.at(j + 1) >= u'0' && command.at(j + 1) <= u'7'; ++k)
                        v = v * 8 + uint(command.at(++j).unicode() - '0');
                    bytes += char(v & 0xFF);
                    continue;
                }
                flush();
                switch (e.unicode()) {
                case 'n': word += u'\n'; break;
                case 't': word += u'\t'; break;
                case 'r': word += u'\r'; break;
                case 'a': word += QChar(7); break;
                case 'b': word += QChar(8); break;
                case 'e': case 'E': word += QChar(27); break;
                case 'f': word += QChar(12); break;
                case 'v': word += QChar(11); break;
                case '\\': word += u'\\'; break;
                case '\'': word += u'\''; break;
                case '"': word += u'"'; break;
                case '?': word += u'?'; break;
                default:
                    word += u'\\';
                    word += e;
                }
            }
            flush();
            if (!closed)
                return unterminated("$'...' string", i);
            inWord = true;
            i = j;
            continue;
        }
        if (c == u'"') {
            qsizetype j = i + 1;
            bool closed = false;
            for (; j < n; ++j) {
                const QChar d = command.at(j);
                if (d == u'"') {
                    closed = true;
                    break;
                }
                if (d == u'\\' && j + 1 < n) {
                    const QChar e = command.at(j + 1);
                    if (e == u'"' || e == u'\\' || e == u'$' || e == u'`') {
                        word += e;
                        ++j;
                        continue;
                    }
                    if (e == u'\n') {
                        ++j;
                        continue;
                    }
                }
                word += d;
            }
            if (!closed)
                return unterminated("double quote", i);
            inWord = true;
            i = j;
            continue;
        }
        if (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r') {
            if (inWord) {
                words << word;
                word.clear();
                inWord = false;
            }
            continue;
        }
        word += c;
        inWord = true;
    }
    if (inWord)
        words << word;
    return words;
}

} // namespace Tokenbench::Core::Export::Shell
