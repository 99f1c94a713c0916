#pragma once

#include <QKeySequence>
#include <QObject>
#include <QPointer>

namespace Tokenbench::Ui {

// Lets a window's shortcut win over a text field's own key binding of the same keys (Ctrl+E is "end of
// line" in line edits with X11 key bindings, and File > Export… in Tokenbench): the field is not asked
// whether it wants the keys, so the shortcut fires wherever the focus is in `window`.
class ShortcutPriority final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutPriority)

public:
    ShortcutPriority(const QKeySequence& keys, QWidget* window);
    ~ShortcutPriority() override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QKeySequence m_keys;
    QPointer<QWidget> m_window;
};

// Whether Enter in `field` belongs to an open completion list (it accepts the completion) rather than to
// the form (where Enter runs): a QCompleter completing `field` has its popup on screen.
bool completionPopupOpen(const QWidget* field);

} // namespace Tokenbench::Ui
