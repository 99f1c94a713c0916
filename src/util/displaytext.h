#pragma once

#include <QString>
#include <QStringView>

// The one escaper for text Tokenbench did not write: from a server, a file, a token or a JWKS.
namespace Tokenbench::Core::DisplayText {

enum class Newlines {
    Escape, // "\n" becomes the two characters \n (the default: text from a server is one line)
    Keep,   // "\n" stays a line break (a multi-line message Tokenbench composed itself)
};

// Text from a server or a file made safe for a terminal or a label: every control character (C0 but tab
// and, with Newlines::Keep, line feed; DEL; C1), every bidirectional override or isolate (U+202A..U+202E,
// U+2066..U+2069, U+200E/U+200F, U+061C), the Unicode line/paragraph separators, a byte order mark and a
// lone surrogate are written visibly as \xHH (up to U+00FF) or \uHHHH, so ESC shows as \x1b and CR as \r.
// Everything else is unchanged.
QString escapeControl(QStringView text, Newlines newlines = Newlines::Escape);

// True when escapeControl would change `text`.
bool hasControl(QStringView text, Newlines newlines = Newlines::Escape);

// A value quoted inside a message (a kid, an algorithm name, a claim): escapeControl, and `"` and `\`
// escaped so the quotes cannot be closed early, cut after `maxChars` characters ("…" marks the cut).
QString quoted(QStringView text, qsizetype maxChars = 120);
// The same without the surrounding quotes.
QString excerpt(QStringView text, qsizetype maxChars = 120);

} // namespace Tokenbench::Core::DisplayText
