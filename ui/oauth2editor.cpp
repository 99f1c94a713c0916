#include "oauth2editor.h"
#include "ui_oauth2editor.h"

#include "model/schema.h"
#include "model/tokenrequestshape.h"
#include "model/workspace.h"

#include <QFormLayout>
#include <QIntValidator>
#include <QLabel>

namespace Tokenbench::Ui {

namespace Schema = Core::Schema;

OAuth2Editor::OAuth2Editor(QWidget* parent) : BlockEditor(Core::BlockType::OAuth2, parent), m_ui(new ::Ui::OAuth2Editor)
{
    m_ui->setupUi(this);
    m_ui->grantTypeComboBox->addItem(tr("Client credentials"), Schema::Grant::ClientCredentials);
    m_ui->grantTypeComboBox->addItem(tr("Password (resource owner)"), Schema::Grant::Password);
    m_ui->grantTypeComboBox->addItem(tr("JWT bearer (RFC 7523)"), Schema::Grant::JwtBearer);
    m_ui->grantTypeComboBox->addItem(tr("Authorization code + PKCE (browser sign-in)"), Schema::Grant::AuthorizationCode);
    m_ui->grantTypeComboBox->addItem(tr("Refresh token"), Schema::Grant::RefreshToken);
    m_ui->grantTypeComboBox->addItem(tr("Device code (RFC 8628)"), Schema::Grant::DeviceCode);
    for (int i = 0; i < m_ui->grantTypeComboBox->count(); ++i)
        m_ui->grantTypeComboBox->setItemData(i, m_ui->grantTypeComboBox->itemData(i), Qt::ToolTipRole);
    m_ui->authMethodComboBox->addItem(tr("client_secret_basic (Authorization header)"), Schema::AuthMethod::Basic);
    m_ui->authMethodComboBox->addItem(tr("client_secret_post (form body)"), Schema::AuthMethod::Post);
    m_ui->authMethodComboBox->addItem(tr("none (public client: client_id only)"), Schema::AuthMethod::None);
    m_ui->retriesLineEdit->setValidator(new QIntValidator(0, 255, this));
    m_ui->redirectUriLineEdit->setPlaceholderText(tr("default: http://127.0.0.1/callback (random port)"));
    m_ui->rawBasicCheckBox->setToolTip(
        tr("<b>raw_basic_credentials</b> (Tokenbench only)<br>Couper form-encodes client_id and client_secret "
           "before base64 (RFC 6749 §2.3.1). Some servers expect the raw values: tick this to send them "
           "unencoded. Couper itself does not know this attribute."));
    connect(m_ui->rawBasicCheckBox, &QCheckBox::toggled, this, [this](bool on) {
        if ((value(QStringLiteral("raw_basic_credentials")) == u"true") != on)
            setValue(QStringLiteral("raw_basic_credentials"), on ? QStringLiteral("true") : QString());
    });
    bindFields();
}

OAuth2Editor::~OAuth2Editor() = default;

void OAuth2Editor::loaded()
{
    if (!workspace() || backendRow() < 0 || backendRow() >= workspace()->backendCount())
        return;
    m_ui->headingLabel->setText(tr("<b>backend \"%1\"</b> \u203a oauth2").arg(workspace()->backend(backendRow()).label.toHtmlEscaped()));
}

bool OAuth2Editor::isRequired(const QString& attribute) const
{
    const QString grant = value(QStringLiteral("grant_type"));
    QString method = value(QStringLiteral("token_endpoint_auth_method"));
    if (method.isEmpty())
        method = Schema::AuthMethod::Basic;
    const bool jwtBearer = grant == Schema::Grant::JwtBearer;
    if (attribute == u"token_endpoint" || attribute == u"grant_type")
        return true;
    if (attribute == u"client_id")
        return !jwtBearer;
    if (attribute == u"client_secret")
        return !jwtBearer && Core::clientAuthMethod(method) &&
               Core::clientAuthMethod(method)->secret == Core::SecretUse::Required;
    if (attribute == u"username" || attribute == u"password")
        return grant == Schema::Grant::Password;
    if (attribute == u"authorization_endpoint")
        return grant == Schema::Grant::AuthorizationCode;
    if (attribute == u"device_authorization_endpoint")
        return grant == Schema::Grant::DeviceCode;
    if (attribute == u"refresh_token")
        return grant == Schema::Grant::RefreshToken;
    return false;
}

void OAuth2Editor::markRequired(const QString& attribute, bool required)
{
    QWidget* w = field(attribute);
    auto* form = qobject_cast<QFormLayout*>(w && w->parentWidget() ? w->parentWidget()->layout() : nullptr);
    auto* label = form ? qobject_cast<QLabel*>(form->labelForField(w)) : nullptr;
    if (!label)
        return;
    QString text = label->text();
    const QString marker = QStringLiteral(" *");
    if (text.endsWith(marker))
        text.chop(marker.size());
    label->setText(required ? text + marker : text);
    label->setToolTip(required ? tr("Required for this grant and authentication method") : QString());
}

void OAuth2Editor::updateVisibility()
{
    const QString grant = value(QStringLiteral("grant_type"));
    const QString method = value(QStringLiteral("token_endpoint_auth_method"));
    static const char* const names[] = {"client_id", "client_secret", "token_endpoint_auth_method", "username",
                                        "password", "assertion", "authorization_endpoint", "redirect_uri",
                                        "device_authorization_endpoint", "refresh_token", "raw_basic_credentials"};
    for (const char* name : names) {
        const QString attribute = QString::fromLatin1(name);
        // An attribute that is set stays visible, so a problem with it can be seen and fixed.
        setFieldVisible(attribute, Schema::oauth2AttributeApplies(attribute, grant, method) ||
                                       !value(attribute).isEmpty());
    }
    for (const char* name : {"token_endpoint", "client_id", "client_secret", "username", "password",
                             "authorization_endpoint", "device_authorization_endpoint", "refresh_token"})
        markRequired(QString::fromLatin1(name), isRequired(QString::fromLatin1(name)));
    m_ui->ownerGroupBox->setVisible(grant == Schema::Grant::Password || !value(QStringLiteral("username")).isEmpty() ||
                                    !value(QStringLiteral("password")).isEmpty());
    m_ui->assertionGroupBox->setVisible(grant == Schema::Grant::JwtBearer ||
                                        !value(QStringLiteral("assertion")).isEmpty());
    const bool jwtBearer = grant == Schema::Grant::JwtBearer;
    m_ui->clientGroupBox->setVisible(!jwtBearer || !value(QStringLiteral("client_id")).isEmpty() ||
                                     !value(QStringLiteral("client_secret")).isEmpty());
    bool interactive = false;
    for (const char* name : {"authorization_endpoint", "redirect_uri", "device_authorization_endpoint", "refresh_token"}) {
        const QString attribute = QString::fromLatin1(name);
        interactive = interactive || Schema::oauth2AttributeApplies(attribute, grant, method) || !value(attribute).isEmpty();
    }
    m_ui->interactiveGroupBox->setVisible(interactive);
    const QSignalBlocker block(m_ui->rawBasicCheckBox);
    m_ui->rawBasicCheckBox->setChecked(value(QStringLiteral("raw_basic_credentials")) == u"true");
}

} // namespace Tokenbench::Ui
