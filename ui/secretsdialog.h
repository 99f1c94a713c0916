#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QListWidget;
class QPushButton;

namespace Tokenbench::Core {
class SecretStore;
}

namespace Tokenbench::Ui {

// The secrets a workspace keeps in the OS keychain: names only, never values, each with Forget, and
// Forget all. "Add…" stores a new value (typed masked) under a name that env.NAME references can use.
class SecretsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretsDialog)

public:
    SecretsDialog(Core::SecretStore* store, const QString& workspaceId, QWidget* parent = nullptr);
    ~SecretsDialog() override;

    QStringList names() const;

private:
    void refresh();
    void forgetSelected();
    void forgetAll();
    void add();

    QPointer<Core::SecretStore> m_store;
    QString m_workspaceId;
    QListWidget* m_list;
    QLabel* m_status;
    QPushButton* m_forget;
    QPushButton* m_forgetAll;
};

} // namespace Tokenbench::Ui
