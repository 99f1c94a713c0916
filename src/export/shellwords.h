#pragma once

#include "util/result.h"

#include <QString>
#include <QStringList>

namespace Tokenbench::Core::Export::Shell {

// A POSIX-shell single-quoted word: 'it'\''s'.
QString quote(const QString& text);

// Splits a command line as bash would for a simple command: 'single', "double" (with \" \\ \$ \`
// escapes), $'ANSI-C' (as browser devtools' "Copy as cURL (bash)" writes), backslash escapes and
// backslash-newline continuations. Expansions ($VAR, $(...)) are kept literally. Unterminated quotes
// are an error naming the position.
Result<QStringList> split(const QString& command);

} // namespace Tokenbench::Core::Export::Shell
