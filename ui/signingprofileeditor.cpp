#include "signingprofileeditor.h"
#include "ui_signingprofileeditor.h"

#include "undocommands.h"

#include "hcl/document.h"
#include "hcl/expressiondesign.h"
#include "model/schema.h"
#include "model/workspace.h"
#include "net/tokenrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUndoStack>

namespace Tokenbench::Ui {

Core::Block defaultSigningProfile(const QString& method)
{
    Core::Block p{QStringLiteral("jwt_signing_profile"), {}, {}, {}};
    p.setAttribute(QStringLiteral("signature_algorithm"),
                   method == Core::Schema::AuthMethod::SecretJwt ? QStringLiteral("HS256") : QStringLiteral("RS256"));
    p.setAttribute(QStringLiteral("ttl"), QStringLiteral("60s"));
    return p;
}

bool algorithmFits(const QString& method, const QString& algorithm)
{
    if (method == Core::Schema::AuthMethod::SecretJwt)
        return algorithm.startsWith(QStringLiteral("HS"));
    if (method == Core::Schema::AuthMethod::PrivateKeyJwt)
        return algorithm.startsWith(QStringLiteral("RS")) || algorithm.startsWith(QStringLiteral("ES"));
    return true;
}

QString hclObjectText(const QJsonObject& object)
{
    if (object.isEmpty())
        return {};
    static const QRegularExpression bare(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
    QStringList parts;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = bare.match(it.key()).hasMatch()
                                ? it.key()
                                : QString::fromUtf8(QJsonDocument(QJsonArray{it.key()}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
        QString value = QString::fromUtf8(QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact));
        value = value.mid(1).chopped(1);
        parts << key + QStringLiteral(" = ") + value;
    }
    return QStringLiteral("{ ") + parts.join(QStringLiteral(", ")) + QStringLiteral(" }");
}

SigningProfileEditor::SigningProfileEditor(QWidget* parent)
    : BlockEditor(BlockPath, parent), m_ui(new ::Ui::SigningProfileEditor)
{
    m_ui->setupUi(this);
    m_ui->algorithmComboBox->addItem(tr("Choose\u2026"), QString());
    for (const char* alg : {"RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "HS256", "HS384", "HS512"})
        m_ui->algorithmComboBox->addItem(QString::fromLatin1(alg), QString::fromLatin1(alg));
    for (const char* alg : {"PS256", "PS384", "PS512", "EdDSA"})
        m_ui->algorithmComboBox->addItem(tr("%1 (Tokenbench only, not Couper)").arg(QString::fromLatin1(alg)),
                                         QString::fromLatin1(alg));
    m_ui->kidLineEdit->setToolTip(tr("<b>headers { kid }</b><br>The key id the server uses to pick the key; kept "
                                     "in the headers attribute."));
    connect(m_ui->kidLineEdit, &QLineEdit::textEdited, this, &SigningProfileEditor::editKid);
    m_ui->kidLineEdit->installEventFilter(this);
    connect(m_ui->addPushButton, &QPushButton::clicked, this, &SigningProfileEditor::addProfile);
    connect(m_ui->removePushButton, &QPushButton::clicked, this, &SigningProfileEditor::removeProfile);
    connect(m_ui->backPushButton, &QPushButton::clicked, this,
            [this] { Q_EMIT openBlockRequested(backendRow(), Core::BlockType::OAuth2); });
    bindFields();
}

SigningProfileEditor::~SigningProfileEditor() = default;

QString SigningProfileEditor::authMethod() const
{
    if (!workspace() || backendRow() < 0 || backendRow() >= workspace()->backendCount())
        return {};
    const Core::Block* o = workspace()->backend(backendRow()).child(Core::BlockType::OAuth2);
    if (!o)
        return {};
    if (o->attribute(QStringLiteral("grant_type")) == Core::Schema::Grant::JwtBearer)
        return o->attribute(QStringLiteral("grant_type"));
    const QString m = o->attribute(QStringLiteral("token_endpoint_auth_method")).trimmed();
    return m.isEmpty() ? Core::Schema::AuthMethod::Basic : m;
}

void SigningProfileEditor::loaded()
{
    if (!workspace() || backendRow() < 0 || backendRow() >= workspace()->backendCount())
        return;
    const Core::Block& b = workspace()->backend(backendRow());
    const QString method = authMethod();
    const QString use = method == Core::Schema::Grant::JwtBearer
                            ? tr("signs the jwt-bearer assertion (unless an assertion is given)")
                        : method == Core::Schema::AuthMethod::SecretJwt
                            ? tr("signs the client_secret_jwt assertion with the client secret (HS*)")
                        : method == Core::Schema::AuthMethod::PrivateKeyJwt
                            ? tr("signs the private_key_jwt assertion with its key (RS*/ES*)")
                            : tr("is not used with %1: Couper refuses a profile with this method").arg(method);
    m_ui->headingLabel->setText(tr("<b>jwt_signing_profile</b> in the oauth2 block of backend \"%1\": it %2.")
                                    .arg(b.label.toHtmlEscaped(), use.toHtmlEscaped()));
    const bool has = b.child(BlockPath) != nullptr;
    m_ui->stackedWidget->setCurrentWidget(has ? m_ui->formPage : m_ui->emptyPage);
    m_ui->addPushButton->setEnabled(b.child(Core::BlockType::OAuth2) != nullptr);
    refreshKid();
}

void SigningProfileEditor::updateVisibility()
{
    // client_secret_jwt signs with client_secret: key and key_file must be absent.
    const bool secretJwt = authMethod() == Core::Schema::AuthMethod::SecretJwt;
    setFieldVisible(QStringLiteral("key"), !secretJwt);
    setFieldVisible(QStringLiteral("key_file"), !secretJwt);
    refreshKid();
}

void SigningProfileEditor::refreshKid()
{
    const auto headers = Core::parseObjectText(value(QStringLiteral("headers")));
    const Core::Block* profile = block();
    const bool editable = headers.ok() && (!profile || !profile->hasExpression(QStringLiteral("headers")) ||
                                           Core::Hcl::objectEntries(profile->expression(QStringLiteral("headers"))));
    m_ui->kidLineEdit->setEnabled(editable);
    m_ui->kidLineEdit->setToolTip(headers.ok() ? tr("<b>headers { kid }</b><br>The key id the server uses to pick "
                                                    "the key; kept in the headers attribute.")
                                               : tr("headers is not a simple object: edit kid there"));
    const QString kid = headers.ok() ? headers->value(QStringLiteral("kid")).toString() : QString();
    if (m_ui->kidLineEdit->text() != kid && !m_ui->kidLineEdit->hasFocus())
        m_ui->kidLineEdit->setText(kid);
}

void SigningProfileEditor::editKid(const QString& kid)
{
    if (const Core::Block* profile = block(); profile && profile->hasExpression(QStringLiteral("headers"))) {
        // headers is an expression: change its kid entry only, every other entry stays as written.
        auto entries = Core::Hcl::objectEntries(profile->expression(QStringLiteral("headers")));
        if (!entries)
            return;
        QStringList parts;
        bool found = false;
        for (const auto& [key, source] : std::as_const(*entries)) {
            if (key == u"kid") {
                found = true;
                if (!kid.isEmpty())
                    parts << QStringLiteral("kid = ") + Core::Hcl::quoteString(kid);
                continue;
            }
            static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
            parts << (identifier.match(key).hasMatch() ? key : Core::Hcl::quoteString(key)) + QStringLiteral(" = ") + source;
        }
        if (!found && !kid.isEmpty())
            parts << QStringLiteral("kid = ") + Core::Hcl::quoteString(kid);
        setValue(QStringLiteral("headers"),
                 parts.isEmpty() ? QString() : QStringLiteral("{ ") + parts.join(QStringLiteral(", ")) + QStringLiteral(" }"));
        return;
    }
    auto headers = Core::parseObjectText(value(QStringLiteral("headers")));
    if (!headers)
        return;
    QJsonObject h = headers.value();
    if (kid.isEmpty())
        h.remove(QStringLiteral("kid"));
    else
        h.insert(QStringLiteral("kid"), kid);
    setValue(QStringLiteral("headers"), hclObjectText(h));
}

void SigningProfileEditor::addProfile()
{
    if (!workspace() || !undoStack() || backendRow() < 0 || backendRow() >= workspace()->backendCount())
        return;
    Core::Block b = workspace()->backend(backendRow());
    Core::Block* o = b.child(Core::BlockType::OAuth2);
    if (!o || o->child(QStringLiteral("jwt_signing_profile")))
        return;
    o->blocks.append(defaultSigningProfile(authMethod()));
    undoStack()->push(new ReplaceBackendCommand(workspace(), backendRow(), b,
                                                tr("Add jwt_signing_profile to %1").arg(b.label)));
    m_ui->algorithmComboBox->setFocus();
}

void SigningProfileEditor::removeProfile()
{
    if (!workspace() || !undoStack() || backendRow() < 0 || backendRow() >= workspace()->backendCount())
        return;
    Core::Block b = workspace()->backend(backendRow());
    Core::Block* o = b.child(Core::BlockType::OAuth2);
    if (!o || !o->removeChild(QStringLiteral("jwt_signing_profile")))
        return;
    undoStack()->push(new ReplaceBackendCommand(workspace(), backendRow(), b,
                                                tr("Remove jwt_signing_profile from %1").arg(b.label)));
}

} // namespace Tokenbench::Ui
