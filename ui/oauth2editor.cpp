#include "oauth2editor.h"
#include "ui_oauth2editor.h"

#include "model/schema.h"
#include "model/workspace.h"

#include <QIntValidator>

namespace Tokenbench::Ui {

namespace Schema = Core::Schema;

OAuth2Editor::OAuth2Editor(QWidget* parent) : BlockEditor(Core::BlockType::OAuth2, parent), m_ui(new ::Ui::OAuth2Editor)
{
    m_ui->setupUi(this);
    m_ui->grantTypeComboBox->addItem(tr("Client credentials"), Schema::Grant::ClientCredentials);
    m_ui->grantTypeComboBox->addItem(tr("Password (resource owner)"), Schema::Grant::Password);
    m_ui->grantTypeComboBox->addItem(tr("JWT bearer (RFC 7523)"), Schema::Grant::JwtBearer);
    for (int i = 0; i < m_ui->grantTypeComboBox->count(); ++i)
        m_ui->grantTypeComboBox->setItemData(i, m_ui->grantTypeComboBox->itemData(i), Qt::ToolTipRole);
    m_ui->authMethodComboBox->addItem(tr("client_secret_basic (Authorization header)"), Schema::AuthMethod::Basic);
    m_ui->authMethodComboBox->addItem(tr("client_secret_post (form body)"), Schema::AuthMethod::Post);
    m_ui->retriesLineEdit->setValidator(new QIntValidator(0, 255, this));
    bindFields();
}

OAuth2Editor::~OAuth2Editor() = default;

void OAuth2Editor::loaded()
{
    if (!workspace() || backendRow() < 0 || backendRow() >= workspace()->backendCount())
        return;
    m_ui->headingLabel->setText(tr("<b>backend \"%1\"</b> \u203a oauth2").arg(workspace()->backend(backendRow()).label.toHtmlEscaped()));
}

void OAuth2Editor::updateVisibility()
{
    const QString grant = value(QStringLiteral("grant_type"));
    const QString method = value(QStringLiteral("token_endpoint_auth_method"));
    for (const char* name : {"client_id", "client_secret", "token_endpoint_auth_method", "username", "password",
                             "assertion"}) {
        const QString attribute = QString::fromLatin1(name);
        // An attribute that is set stays visible, so a problem with it can be seen and fixed.
        setFieldVisible(attribute, Schema::oauth2AttributeApplies(attribute, grant, method) ||
                                       !value(attribute).isEmpty());
    }
    m_ui->ownerGroupBox->setVisible(grant == Schema::Grant::Password || !value(QStringLiteral("username")).isEmpty() ||
                                    !value(QStringLiteral("password")).isEmpty());
    m_ui->assertionGroupBox->setVisible(grant == Schema::Grant::JwtBearer ||
                                        !value(QStringLiteral("assertion")).isEmpty());
    const bool jwtBearer = grant == Schema::Grant::JwtBearer;
    m_ui->clientGroupBox->setVisible(!jwtBearer || !value(QStringLiteral("client_id")).isEmpty() ||
                                     !value(QStringLiteral("client_secret")).isEmpty());
}

} // namespace Tokenbench::Ui
