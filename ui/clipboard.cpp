#include "clipboard.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QTimer>

namespace Tokenbench::Ui::Clipboard {

void copySecret(const QString& text, int clearAfterSeconds)
{
    auto* mime = new QMimeData;
    mime->setText(text);
    // KDE Klipper and other managers honour this hint; x-kde-passwordManagerHint is the common one.
    mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    mime->setData(QStringLiteral("application/x-nspasteboard-concealed-type"), QByteArray());
    QClipboard* clipboard = QGuiApplication::clipboard();
    clipboard->setMimeData(mime);
    if (clearAfterSeconds > 0) {
        QTimer::singleShot(clearAfterSeconds * 1000, clipboard, [clipboard, text] {
            if (clipboard->text() == text)
                clipboard->clear();
        });
    }
}

void copyText(const QString& text)
{
    QGuiApplication::clipboard()->setText(text);
}

} // namespace Tokenbench::Ui::Clipboard
