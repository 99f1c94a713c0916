#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace Tokenbench::Core {
struct Block;
}

namespace Tokenbench::Ui {

// How to reference each token request of a backend from elsewhere in a Couper file:
// backends.NAME.beta_tokens.LABEL (and backends.NAME.beta_token / backend.beta_token for the default one),
// each with a copy button. Double-click a request to open its form. "Use for resource check" (button,
// context menu, Ctrl+U) applies the selected request's token to the backend's set_request_headers; the
// request(s) the backend's modifiers reference are shown in bold with a check mark.
class TokenRequestsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenRequestsPanel)

public:
    explicit TokenRequestsPanel(QWidget* parent = nullptr);
    ~TokenRequestsPanel() override;

    // `backend` nullptr: nothing selected. `anonymous`: it has no name to reference from elsewhere.
    void setBackend(int row, const Core::Block* backend);
    QTreeWidget* tree() const { return m_tree; }
    // The references shown, in order.
    QStringList references() const;
    // The labels of the requests the backend's modifiers reference (what the resource check sends).
    QStringList appliedLabels() const { return m_applied; }
    QAction* useForResourceAction() const { return m_useAction; }
    int backendRow() const { return m_row; }

Q_SIGNALS:
    void openRequested(int backendRow, const QString& selector);
    void addRequested(int backendRow);
    void copied(const QString& reference);
    void useForResourceRequested(int backendRow, const QString& label, const QString& selector);

private:
    QTreeWidget* m_tree = nullptr;
    QLabel* m_empty = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_use = nullptr;
    QAction* m_useAction = nullptr;
    QLabel* m_appliedLabel = nullptr;
    QStringList m_applied;
    int m_row = -1;
    void useCurrent();
    void updateUseAction();
};

} // namespace Tokenbench::Ui
