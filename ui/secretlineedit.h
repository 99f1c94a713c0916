#pragma once

#include <QLineEdit>

class QAction;

namespace Tokenbench::Core {
class ValueResolver;
}

namespace Tokenbench::Ui {

// A masked field for secrets, with a reveal toggle. A value written env.NAME is a reference to an
// environment variable: shown in clear, with a badge saying whether the variable is set.
class SecretLineEdit final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretLineEdit)

public:
    explicit SecretLineEdit(QWidget* parent = nullptr);
    ~SecretLineEdit() override;

    bool isRevealed() const { return m_revealed; }
    void setRevealed(bool revealed);
    bool isReference() const;
    QAction* revealAction() const { return m_revealAction; }
    // Re-reads where a reference resolves from (after keychain values arrived).
    void refreshBadge() { updateMode(); }
    // The application's resolver (environment, then keychain), for the badge. Not owned.
    static void setSharedResolver(const Core::ValueResolver* resolver);

private:
    void updateMode();

    QAction* m_revealAction = nullptr;
    QAction* m_referenceAction = nullptr;
    bool m_revealed = false;
};

} // namespace Tokenbench::Ui
