#pragma once

#include "net/discovery.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QNetworkAccessManager;
class QPushButton;
class QUndoStack;

namespace Tokenbench::Core {
class ValueResolver;
class Workspace;
} // namespace Tokenbench::Core

namespace Tokenbench::Ui {

// "Discover…": enter an issuer (or a .well-known URL), fetch the server's metadata asynchronously (Esc or
// Cancel stops it), see the endpoints found and one warning per setting the server does not advertise;
// Apply fills the backend's oauth2 block in one undo step.
class DiscoveryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscoveryDialog)

public:
    DiscoveryDialog(QNetworkAccessManager* nam, Core::Workspace* workspace, int backendRow, QUndoStack* undo,
                    const Core::ValueResolver* resolver, QWidget* parent = nullptr);
    ~DiscoveryDialog() override;

    void setIssuer(const QString& issuer);
    void discover();
    bool isRunning() const;
    QString foundText() const;
    QStringList warnings() const;

Q_SIGNALS:
    void discoveryFinished(bool ok);
    // Apply was pressed: the document, for the window's Problems view.
    void applied(int backendRow, const Tokenbench::Core::DiscoveryDocument& document);

protected:
    void reject() override;

private:
    void onFinished(const Core::DiscoveryClient::Outcome& outcome);
    void apply();
    Core::DiscoveryCheck currentCheck() const;

    QPointer<Core::Workspace> m_workspace;
    QPointer<QUndoStack> m_undo;
    const Core::ValueResolver* m_resolver = nullptr;
    int m_row = -1;
    Core::DiscoveryClient* m_client = nullptr;
    Core::DiscoveryDocument m_document;
    bool m_found = false;
    QLineEdit* m_issuer = nullptr;
    QPushButton* m_discover = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_found_ = nullptr;
    QListWidget* m_warnings = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_apply = nullptr;
};

} // namespace Tokenbench::Ui
