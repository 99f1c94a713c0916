#pragma once

#include <QString>

namespace Tokenbench::Ui::Clipboard {

// Copies a secret or token: marked for clipboard managers as sensitive (not kept in history) and
// cleared after `clearAfterSeconds` if the clipboard still holds it.
void copySecret(const QString& text, int clearAfterSeconds = 30);
// Copies ordinary text.
void copyText(const QString& text);

} // namespace Tokenbench::Ui::Clipboard
