#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Tokenbench::Core {
struct Block;
}

namespace Tokenbench::Ui {

// How to reference each token request of a backend from elsewhere in a Couper file:
// backends.NAME.beta_tokens.LABEL (and backends.NAME.beta_token / backend.beta_token for the default one),
// each with a copy button. Double-click a request to open its form.
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

Q_SIGNALS:
    void openRequested(int backendRow, const QString& selector);
    void addRequested(int backendRow);
    void copied(const QString& reference);

private:
    QTreeWidget* m_tree = nullptr;
    QLabel* m_empty = nullptr;
    QPushButton* m_add = nullptr;
    int m_row = -1;
};

} // namespace Tokenbench::Ui
