#include "jsonhighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace Tokenbench::Ui {

JsonHighlighter::JsonHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) {}

JsonHighlighter::~JsonHighlighter() = default;

void JsonHighlighter::highlightBlock(const QString& text)
{
    // In an HTTP message only the body (after the first empty line) is JSON; a document that starts with
    // '{' or '[' is JSON throughout.
    enum { Unknown = -1, Head = 0, Body = 1 };
    int state = previousBlockState();
    if (state == Unknown) {
        const QString trimmed = text.trimmed();
        state = trimmed.startsWith(u'{') || trimmed.startsWith(u'[') ? Body : Head;
    }
    if (state == Head) {
        setCurrentBlockState(text.trimmed().isEmpty() ? Body : Head);
        return;
    }
    setCurrentBlockState(Body);
    // Colouring a big body (hundreds of KB, shown in pieces or pretty-printed) would stall the window.
    if (text.size() > 64 * 1024 || document()->characterCount() > 128 * 1024)
        return;
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    QTextCharFormat key, string, number, literal;
    key.setForeground(dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x00, 0x4f, 0x9e));
    string.setForeground(dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15));
    number.setForeground(dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58));
    literal.setForeground(dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x00, 0x00, 0xff));

    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'"') {
            qsizetype j = i + 1;
            while (j < n && text.at(j) != u'"') {
                if (text.at(j) == u'\\')
                    ++j;
                ++j;
            }
            const qsizetype end = qMin(j + 1, n);
            qsizetype k = end;
            while (k < n && text.at(k).isSpace())
                ++k;
            const bool isKey = k < n && text.at(k) == u':';
            setFormat(int(i), int(end - i), isKey ? key : string);
            i = end;
        } else if (c.isDigit() || (c == u'-' && i + 1 < n && text.at(i + 1).isDigit())) {
            qsizetype j = i + 1;
            while (j < n && (text.at(j).isDigit() || text.at(j) == u'.' || text.at(j) == u'e' ||
                             text.at(j) == u'E' || text.at(j) == u'+' || text.at(j) == u'-'))
                ++j;
            setFormat(int(i), int(j - i), number);
            i = j;
        } else if (c.isLetter()) {
            qsizetype j = i;
            while (j < n && text.at(j).isLetter())
                ++j;
            const QStringView word = QStringView(text).sliced(i, j - i);
            if (word == u"true" || word == u"false" || word == u"null")
                setFormat(int(i), int(j - i), literal);
            i = j;
        } else {
            ++i;
        }
    }
}

} // namespace Tokenbench::Ui
