#pragma once

#include <QString>
#include <QStringView>

namespace Tokenbench::Core::Jwt {

// Text from a token or a JWKS (kid, alg, use, crit names, claim values) is data from whoever made
// it: before it goes into a message it is quoted, its control characters (C0, DEL, C1, U+2028/9,
// bidi overrides) are escaped so that they are visible ("\x1b", "\u{202e}"), `"` and `\` are
// escaped, and it is cut after `maxChars` characters ("…" marks the cut).
[[nodiscard]] QString quotedText(QStringView text, qsizetype maxChars = 120);
// The same without the surrounding quotes.
[[nodiscard]] QString escapedText(QStringView text, qsizetype maxChars = 120);

} // namespace Tokenbench::Core::Jwt
