#include "shortcutpriority.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QLineEdit>
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

bool completionPopupOpen(const QWidget* field)
{
    if (!field)
        return false;
    if (const auto* edit = qobject_cast<const QLineEdit*>(field); edit && edit->completer() &&
                                                                   edit->completer()->popup()->isVisible())
        return true;
    const QWidget* window = field->window();
    for (const QCompleter* completer : window->findChildren<QCompleter*>()) {
        if (completer->widget() == field && completer->popup()->isVisible())
            return true;
    }
    return false;
}

} // namespace Tokenbench::Ui
