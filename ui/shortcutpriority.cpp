#include "shortcutpriority.h"

#include <QApplication>
#include <QKeyEvent>
#include <QWidget>

namespace Tokenbench::Ui {

ShortcutPriority::ShortcutPriority(const QKeySequence& keys, QWidget* window)
    : QObject(window), m_keys(keys), m_window(window)
{
    qApp->installEventFilter(this);
}

ShortcutPriority::~ShortcutPriority()
{
    qApp->removeEventFilter(this);
}

bool ShortcutPriority::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::ShortcutOverride || !m_window)
        return false;
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget || widget->window() != m_window)
        return false;
    const auto* key = static_cast<QKeyEvent*>(event);
    if (QKeySequence(key->keyCombination()) != m_keys)
        return false;
    // Not delivered, so not accepted by the field: the shortcut map triggers the window's action.
    return true;
}

} // namespace Tokenbench::Ui
