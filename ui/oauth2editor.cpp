#include "oauth2editor.h"
#include "ui_oauth2editor.h"

#include "signingprofileeditor.h"
#include "undocommands.h"

#include "model/schema.h"
#include "model/tokenrequestshape.h"
#include "model/workspace.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QPushButton>
#include <QUndoStack>

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
    // Every method Couper has, always (the signing profile the JWT ones need is added when chosen), then
    // Tokenbench's extensions.
    m_ui->authMethodComboBox->addItem(tr("client_secret_basic (Authorization header)"), Schema::AuthMethod::Basic);
    m_ui->authMethodComboBox->addItem(tr("client_secret_post (form body)"), Schema::AuthMethod::Post);
    m_ui->authMethodComboBox->addItem(tr("client_secret_jwt (assertion signed with the client secret)"),
                                      Schema::AuthMethod::SecretJwt);
    m_ui->authMethodComboBox->addItem(tr("private_key_jwt (assertion signed with a private key)"),
                                      Schema::AuthMethod::PrivateKeyJwt);
    m_ui->authMethodComboBox->addItem(tr("none (public client: client_id only; Tokenbench only)"),
                                      Schema::AuthMethod::None);
    for (const QString& name : Core::clientAuthMethods()) {
        if (m_ui->authMethodComboBox->findData(name) < 0)
            m_ui->authMethodComboBox->addItem(name, name);
    }
    for (int i = 0; i < m_ui->authMethodComboBox->count(); ++i) {
        if (const Core::ClientAuthMethod* m = Core::clientAuthMethod(m_ui->authMethodComboBox->itemData(i).toString()))
            m_ui->authMethodComboBox->setItemData(i, m->summary, Qt::ToolTipRole);
    }
    // The nested jwt_signing_profile, in this form: a summary and the way to its own form.
    auto* profileRow = new QWidget(m_ui->clientGroupBox);
    auto* profileLayout = new QHBoxLayout(profileRow);
    profileLayout->setContentsMargins(0, 0, 0, 0);
    m_profileLabel = new QLabel(profileRow);
    m_profileLabel->setObjectName(QStringLiteral("signingProfileSummaryLabel"));
    m_profileLabel->setWordWrap(true);
    m_profileLabel->setTextFormat(Qt::PlainText);
    m_profileButton = new QPushButton(tr("Edit signing profile\u2026"), profileRow);
    m_profileButton->setObjectName(QStringLiteral("signingProfilePushButton"));
    profileLayout->addWidget(m_profileLabel, 1);
    profileLayout->addWidget(m_profileButton);
    if (auto* form = qobject_cast<QFormLayout*>(m_ui->clientGroupBox->layout())) {
        int row = -1;
        QFormLayout::ItemRole role{};
        form->getWidgetPosition(m_ui->authMethodComboBox, &row, &role);
        form->insertRow(row + 1, tr("Signing profile"), profileRow);
    }
    connect(m_profileButton, &QPushButton::clicked, this, [this] { Q_EMIT signingProfileRequested(backendRow()); });
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
    return Schema::oauth2AttributeRequired(attribute, value(QStringLiteral("grant_type")),
                                           value(QStringLiteral("token_endpoint_auth_method")));
}

bool OAuth2Editor::editField(const QString& attribute, const QString& text)
{
    if (attribute != u"token_endpoint_auth_method" || !workspace() || !undoStack() || backendRow() < 0 ||
        backendRow() >= workspace()->backendCount())
        return false;
    Core::Block b = workspace()->backend(backendRow());
    Core::Block* o = b.child(Core::BlockType::OAuth2);
    if (!o || o->attribute(QStringLiteral("grant_type")) == Schema::Grant::JwtBearer)
        return false; // with jwt-bearer the profile signs the assertion, whatever the method
    const Core::ClientAuthMethod* method = Core::clientAuthMethod(text);
    const bool jwt = method && method->assertionKey != Core::AssertionKey::None;
    const QString profileType = QStringLiteral("jwt_signing_profile");
    Core::Block* profile = o->child(profileType);
    QString what;
    if (jwt && !profile) {
        o->blocks.append(defaultSigningProfile(text));
        what = tr("Use %1 (adds a jwt_signing_profile)").arg(text);
    } else if (jwt && !algorithmFits(text, profile->attribute(QStringLiteral("signature_algorithm")))) {
        // client_secret_jwt signs with HS* and the client secret, private_key_jwt with RS*/ES* and a key.
        const Core::Block fresh = defaultSigningProfile(text);
        profile->setAttribute(QStringLiteral("signature_algorithm"), fresh.attribute(QStringLiteral("signature_algorithm")));
        if (text == Schema::AuthMethod::SecretJwt) {
            profile->setAttribute(QStringLiteral("key"), QString());
            profile->setAttribute(QStringLiteral("key_file"), QString());
        }
        what = tr("Use %1 (its signing algorithm)").arg(text);
    } else if (!jwt && profile) {
        o->removeChild(profileType);
        what = tr("Use %1 (removes the jwt_signing_profile)").arg(text);
    } else {
        return false;
    }
    o->setAttribute(QStringLiteral("token_endpoint_auth_method"), text);
    undoStack()->push(new ReplaceBackendCommand(workspace(), backendRow(), b, what));
    return true;
}

void OAuth2Editor::refreshSigningProfile()
{
    const Core::Block* o = block();
    const Core::Block* profile = o ? o->child(QStringLiteral("jwt_signing_profile")) : nullptr;
    const QString method = value(QStringLiteral("token_endpoint_auth_method"));
    const Core::ClientAuthMethod* m = Core::clientAuthMethod(method);
    const bool jwt = m && m->assertionKey != Core::AssertionKey::None;
    QWidget* row = m_profileLabel->parentWidget();
    if (auto* form = qobject_cast<QFormLayout*>(m_ui->clientGroupBox->layout()))
        form->setRowVisible(row, profile || jwt);
    if (!profile) {
        m_profileLabel->setText(tr("none yet: %1 needs one").arg(method));
        m_profileButton->setText(tr("Add signing profile\u2026"));
        return;
    }
    QStringList parts;
    const QString alg = profile->attribute(QStringLiteral("signature_algorithm"));
    parts << (alg.isEmpty() ? tr("no signature_algorithm") : alg);
    const QString ttl = profile->attribute(QStringLiteral("ttl"));
    parts << (ttl.isEmpty() ? tr("no ttl") : tr("ttl %1").arg(ttl));
    if (method == Schema::AuthMethod::SecretJwt)
        parts << tr("signed with client_secret");
    else if (!profile->attribute(QStringLiteral("key_file")).isEmpty())
        parts << tr("key_file %1").arg(profile->attribute(QStringLiteral("key_file")));
    else if (!profile->attribute(QStringLiteral("key")).isEmpty())
        parts << tr("key set");
    else
        parts << tr("key or key_file still to give");
    m_profileLabel->setText(QStringLiteral("jwt_signing_profile: ") + parts.join(QStringLiteral(", ")));
    m_profileButton->setText(tr("Edit signing profile\u2026"));
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
    const QSignalBlocker blocker(m_ui->rawBasicCheckBox);
    m_ui->rawBasicCheckBox->setChecked(value(QStringLiteral("raw_basic_credentials")) == u"true");
    refreshSigningProfile();
}

} // namespace Tokenbench::Ui
