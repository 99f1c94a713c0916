#include "secretsdialog.h"

#include "secretlineedit.h"

#include "secrets/secretstore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace Tokenbench::Ui {

SecretsDialog::SecretsDialog(Core::SecretStore* store, const QString& workspaceId, QWidget* parent)
    : QDialog(parent), m_store(store), m_workspaceId(workspaceId)
{
    setObjectName(QStringLiteral("secretsDialog"));
    setWindowTitle(tr("Secrets in the Keychain"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Secrets this workspace keeps in the operating system's keychain. Workspace files "
                                "refer to them as env.NAME; values are never shown here."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("secretsListWidget"));
    layout->addWidget(m_list);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("secretsStatusLabel"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* add = buttons->addButton(tr("&Add\u2026"), QDialogButtonBox::ActionRole);
    m_forget = buttons->addButton(tr("&Forget"), QDialogButtonBox::ActionRole);
    m_forget->setObjectName(QStringLiteral("forgetPushButton"));
    m_forgetAll = buttons->addButton(tr("Forget &All"), QDialogButtonBox::ActionRole);
    m_forgetAll->setObjectName(QStringLiteral("forgetAllPushButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, &SecretsDialog::add);
    connect(m_forget, &QPushButton::clicked, this, &SecretsDialog::forgetSelected);
    connect(m_forgetAll, &QPushButton::clicked, this, &SecretsDialog::forgetAll);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] { m_forget->setEnabled(m_list->currentRow() >= 0); });
    if (store)
        connect(store, &Core::SecretStore::indexChanged, this, [this](const QString& ws) {
            if (ws == m_workspaceId)
                refresh();
        });
    refresh();
    resize(460, 360);
}

SecretsDialog::~SecretsDialog() = default;

QStringList SecretsDialog::names() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->text();
    return out;
}

void SecretsDialog::refresh()
{
    m_list->clear();
    const QStringList names = m_store ? m_store->list(m_workspaceId) : QStringList();
    m_list->addItems(names);
    m_forget->setEnabled(false);
    m_forgetAll->setEnabled(!names.isEmpty());
    if (names.isEmpty())
        m_status->setText(tr("Nothing stored yet. Secrets you type are stored here when you save the workspace."));
    else
        m_status->clear();
}

void SecretsDialog::forgetSelected()
{
    QListWidgetItem* item = m_list->currentItem();
    if (!item || !m_store)
        return;
    const QString name = item->text();
    m_store->remove(m_workspaceId, name, this, [this, name](const Core::SecretStore::Result& r) {
        m_status->setText(r.ok() ? tr("Forgot %1.").arg(name) : tr("Could not forget %1: %2").arg(name, r.errorText));
        refresh();
        if (!r.ok())
            m_status->setText(tr("Could not forget %1: %2").arg(name, r.errorText));
    });
}

void SecretsDialog::forgetAll()
{
    if (!m_store)
        return;
    if (QMessageBox::question(this, tr("Forget all secrets"),
                              tr("Remove every secret of this workspace from the keychain?")) != QMessageBox::Yes)
        return;
    m_store->forgetAll(m_workspaceId, this, [this](const Core::SecretStore::BatchResult& r) {
        refresh();
        m_status->setText(r.ok() ? tr("All secrets of this workspace were removed.")
                                 : tr("Some secrets could not be removed: %1").arg(r.errors.constFirst().errorText));
    });
}

void SecretsDialog::add()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Store a Secret"));
    auto* form = new QFormLayout(&dialog);
    auto* name = new QLineEdit(&dialog);
    name->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z_][A-Za-z0-9_]*")), name));
    name->setPlaceholderText(tr("NAME, used as env.NAME"));
    auto* value = new SecretLineEdit(&dialog);
    value->setPlaceholderText(tr("the secret"));
    form->addRow(tr("&Name"), name);
    form->addRow(tr("&Value"), value);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted || name->text().isEmpty() || value->text().isEmpty() || !m_store)
        return;
    const QString n = name->text();
    m_store->write(m_workspaceId, n, Core::SecureBytes::fromUtf8(value->text()), this,
                   [this, n](const Core::SecretStore::Result& r) {
                       refresh();
                       m_status->setText(r.ok() ? tr("Stored %1.").arg(n)
                                                : tr("Could not store %1: %2").arg(n, r.errorText));
                   });
    value->clear();
}

} // namespace Tokenbench::Ui
