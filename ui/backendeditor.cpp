#include "backendeditor.h"
#include "ui_backendeditor.h"

#include "undocommands.h"

#include "util/diagnostic.h"
#include "model/schema.h"
#include "model/workspace.h"
#include "model/validator.h"
#include "net/tlsconfig.h"
#include "settings.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QRegularExpressionValidator>
#include <QUndoStack>

namespace Tokenbench::Ui {

BackendEditor::BackendEditor(QWidget* parent) : BlockEditor(QString(), parent), m_ui(new ::Ui::BackendEditor)
{
    m_ui->setupUi(this);
    m_ui->nameLineEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[a-zA-Z0-9_]*")), this));
    m_ui->nameLineEdit->setToolTip(tr("The backend's label: letters, digits and _ (Couper's rule). Referenced as "
                                      "backends.NAME."));
    connect(m_ui->nameLineEdit, &QLineEdit::editingFinished, this, &BackendEditor::commitName);
    connect(m_ui->oauth2PushButton, &QPushButton::clicked, this, [this] {
        if (!workspace() || backendRow() < 0)
            return;
        if (workspace()->backend(backendRow()).child(Core::BlockType::OAuth2))
            Q_EMIT openBlockRequested(backendRow(), Core::BlockType::OAuth2);
        else
            Q_EMIT addOAuth2Requested(backendRow());
    });
    connect(m_ui->discoverPushButton, &QPushButton::clicked, this, [this] { Q_EMIT discoverRequested(backendRow()); });
    m_ui->discoverPushButton->setToolTip(
        tr("Read the authorization server's metadata (OpenID Connect or RFC 8414), fill the endpoints and check "
           "this configuration against what the server supports (Ctrl+Shift+D)"));
    connect(m_ui->signingProfilePushButton, &QPushButton::clicked, this,
            [this] { Q_EMIT signingProfileRequested(backendRow()); });

    m_ui->insecureComboBox->addItem(tr("Check the server's certificate (default)"), QString());
    m_ui->insecureComboBox->addItem(tr("Check the server's certificate (false)"), QStringLiteral("false"));
    m_ui->insecureComboBox->addItem(tr("Do NOT check it (true) \u2014 insecure"), QStringLiteral("true"));
    m_ui->insecureBannerLabel->setVisible(false);
    m_ui->tlsProblemLabel->setVisible(false);

    // The tls block's file attributes: edited here, created on the first edit.
    const QList<std::pair<QLineEdit*, QToolButton*>> files = {
        {m_ui->serverCaLineEdit, m_ui->serverCaToolButton},
        {m_ui->clientCertificateLineEdit, m_ui->clientCertificateToolButton},
        {m_ui->clientKeyLineEdit, m_ui->clientKeyToolButton}};
    for (const auto& [edit, button] : files) {
        m_tlsEdits << edit;
        const QString attribute = edit->property("tlsAttribute").toString();
        if (const auto* spec = Core::Schema::find(QStringLiteral("tls"), attribute))
            edit->setToolTip(QStringLiteral("<b>tls { %1 }</b><br>%2").arg(attribute, spec->help.toHtmlEscaped()));
        edit->installEventFilter(this);
        connect(edit, &QLineEdit::textEdited, this, [this, attribute](const QString& text) { editTls(attribute, text); });
        button->setToolTip(tr("Choose the file"));
        connect(button, &QToolButton::clicked, this, [this, e = edit] { browse(e); });
    }

    m_ui->tokenBackendComboBox->setToolTip(
        tr("<b>oauth2 { backend }</b><br>The backend the token request is sent through: its timeouts, TLS "
           "(client certificate, CA), proxy and request parameters apply to the token request. Without one, "
           "Couper sends it straight to token_endpoint with its defaults."));
    connect(m_ui->tokenBackendComboBox, &QComboBox::activated, this, [this](int index) {
        if (!workspace() || !undoStack() || backendRow() < 0)
            return;
        const Core::Block* o = workspace()->backend(backendRow()).child(Core::BlockType::OAuth2);
        const QString value = m_ui->tokenBackendComboBox->itemData(index).toString();
        if (!o || o->attribute(QStringLiteral("backend")) == value)
            return;
        undoStack()->push(new SetAttributeCommand(workspace(), backendRow(), Core::BlockType::OAuth2,
                                                  QStringLiteral("backend"), value));
    });
    bindFields();
}

BackendEditor::~BackendEditor() = default;

QString BackendEditor::insecureBannerText() const
{
    return m_ui->insecureBannerLabel->isVisibleTo(this) ? m_ui->insecureBannerLabel->text() : QString();
}

bool BackendEditor::focusTlsAttribute(const QString& attribute)
{
    for (QLineEdit* edit : std::as_const(m_tlsEdits)) {
        const QString name = edit->property("tlsAttribute").toString();
        // An inline attribute's problem is shown at its _file field.
        if (name == attribute || name == attribute + QStringLiteral("_file")) {
            m_ui->scrollArea->ensureWidgetVisible(edit);
            edit->setFocus(Qt::OtherFocusReason);
            edit->selectAll();
            return true;
        }
    }
    return false;
}

void BackendEditor::watchWorkspace()
{
    if (m_watched == workspace())
        return;
    for (const auto& c : std::as_const(m_watch))
        disconnect(c);
    m_watch.clear();
    m_watched = workspace();
    if (!m_watched)
        return;
    m_watch << connect(m_watched, &Core::Workspace::attributeChanged, this,
                       [this](int row, const QString& block, const QString&) {
                           if (row == backendRow() && block == u"tls")
                               refreshTls();
                           if (row == backendRow() && block == Core::BlockType::OAuth2)
                               refreshToken();
                       });
    for (auto signal : {&Core::Workspace::backendInserted, &Core::Workspace::backendRemoved,
                        &Core::Workspace::backendChanged})
        m_watch << connect(m_watched, signal, this, [this] { refreshToken(); });
    m_watch << connect(m_watched, &Core::Workspace::diagnosticsChanged, this, &BackendEditor::refreshTls);
}

void BackendEditor::loaded()
{
    if (!workspace() || backendRow() < 0 || backendRow() >= workspace()->backendCount())
        return;
    watchWorkspace();
    const Core::Block& b = workspace()->backend(backendRow());
    m_ui->headingLabel->setText(tr("<b>backend \"%1\"</b>").arg(b.label.toHtmlEscaped()));
    if (!m_ui->nameLineEdit->hasFocus())
        m_ui->nameLineEdit->setText(b.label);
    refreshTls();
    refreshToken();
}

void BackendEditor::updateVisibility()
{
    if (!workspace() || backendRow() < 0 || backendRow() >= workspace()->backendCount())
        return;
    const Core::Block& b = workspace()->backend(backendRow());
    const bool insecure = b.attribute(QStringLiteral("disable_certificate_validation")).trimmed() == u"true";
    m_ui->insecureBannerLabel->setText(QStringLiteral("\u26a0 ") + Core::insecureWarning(b.label));
    m_ui->insecureBannerLabel->setVisible(insecure);
}

void BackendEditor::refreshTls()
{
    if (!workspace() || backendRow() < 0 || backendRow() >= workspace()->backendCount())
        return;
    const Core::Block& b = workspace()->backend(backendRow());
    const Core::Block* tls = b.child(QStringLiteral("tls"));
    for (QLineEdit* edit : std::as_const(m_tlsEdits)) {
        const QString v = tls ? tls->attribute(edit->property("tlsAttribute").toString()) : QString();
        if (edit->text() != v) {
            const int cursor = edit->cursorPosition();
            edit->setText(v);
            edit->setCursorPosition(qMin(cursor, int(v.size())));
        }
    }
    QStringList problems;
    for (const Core::Diagnostic& d : workspace()->diagnostics()) {
        if (d.backend == b.label && d.block == u"tls")
            problems << (d.severity == Core::Diagnostic::Severity::Error ? QStringLiteral("\u2716 ") : QStringLiteral("\u26a0 ")) +
                            d.message;
    }
    if (tls && (tls->hasAttribute(QStringLiteral("server_ca_certificate")) ||
                tls->hasAttribute(QStringLiteral("client_certificate")) ||
                tls->hasAttribute(QStringLiteral("client_private_key"))))
        problems << tr("\u2139 The tls block also has inline PEM values (from the file); they are kept as they are.");
    m_ui->tlsProblemLabel->setText(problems.join(u'\n'));
    m_ui->tlsProblemLabel->setVisible(!problems.isEmpty());
    updateVisibility();
}

void BackendEditor::refreshToken()
{
    if (!workspace() || backendRow() < 0 || backendRow() >= workspace()->backendCount())
        return;
    const Core::Block& b = workspace()->backend(backendRow());
    const Core::Block* o = b.child(Core::BlockType::OAuth2);
    const bool hasOAuth2 = o != nullptr;
    QStringList requests; // beta_token_request blocks are token sources too
    for (const Core::Block& child : b.blocks) {
        if (child.type == QStringLiteral("beta_token_request"))
            requests << (child.label.isEmpty() ? QStringLiteral("default") : child.label).toHtmlEscaped();
    }
    QString source = tr("This backend has no token source yet.");
    if (hasOAuth2 && !requests.isEmpty())
        source = tr("Tokens come from this backend's <b>oauth2</b> block and its <b>beta_token_request</b> "
                    "block(s): %1.").arg(requests.join(QStringLiteral(", ")));
    else if (hasOAuth2)
        source = tr("Tokens come from this backend's <b>oauth2</b> block.");
    else if (!requests.isEmpty())
        source = tr("Tokens come from this backend's <b>beta_token_request</b> block(s): %1.")
                     .arg(requests.join(QStringLiteral(", ")));
    m_ui->tokenSourceLabel->setText(source);
    m_ui->oauth2PushButton->setText(hasOAuth2 ? tr("Edit oauth2\u2026") : tr("Add oauth2 block"));
    m_ui->discoverPushButton->setEnabled(hasOAuth2);
    m_ui->signingProfilePushButton->setEnabled(hasOAuth2);
    m_ui->signingProfilePushButton->setText(o && o->child(QStringLiteral("jwt_signing_profile"))
                                                ? tr("Signing &profile\u2026")
                                                : tr("Add signing &profile"));
    m_ui->tokenBackendComboBox->setEnabled(hasOAuth2);
    m_ui->tokenBackendComboBox->clear();
    m_ui->tokenBackendComboBox->addItem(tr("token_endpoint directly (Couper's defaults)"), QString());
    if (o && o->child(Core::BlockType::Backend) && o->child(Core::BlockType::Backend)->label.isEmpty()) {
        m_ui->tokenBackendComboBox->setItemText(0, tr("the nested backend block (from the file)"));
        m_ui->tokenBackendComboBox->setEnabled(false);
    }
    for (const Core::Block& other : workspace()->backends()) {
        if (other.label != b.label)
            m_ui->tokenBackendComboBox->addItem(tr("backend \"%1\"").arg(other.label), other.label);
    }
    const QString current = o ? o->attribute(QStringLiteral("backend")).trimmed() : QString();
    int index = m_ui->tokenBackendComboBox->findData(current);
    if (index < 0) {
        m_ui->tokenBackendComboBox->addItem(tr("backend \"%1\" (not defined)").arg(current), current);
        index = m_ui->tokenBackendComboBox->count() - 1;
    }
    m_ui->tokenBackendComboBox->setCurrentIndex(index);
}

void BackendEditor::editTls(const QString& attribute, const QString& value)
{
    if (!workspace() || !undoStack() || backendRow() < 0 || backendRow() >= workspace()->backendCount())
        return;
    const Core::Block& b = workspace()->backend(backendRow());
    if (const Core::Block* tls = b.child(QStringLiteral("tls"))) {
        if (tls->attribute(attribute) != value)
            undoStack()->push(new SetAttributeCommand(workspace(), backendRow(), QStringLiteral("tls"), attribute, value));
        return;
    }
    if (value.isEmpty())
        return;
    Core::Block changed = b;
    changed.ensureChild(QStringLiteral("tls")).setAttribute(attribute, value);
    undoStack()->push(new ReplaceBackendCommand(workspace(), backendRow(), changed,
                                                tr("Add tls block to %1").arg(b.label)));
}

void BackendEditor::browse(QLineEdit* edit)
{
    const QString start = edit->text().isEmpty() ? Settings::lastDirectory() : QFileInfo(edit->text()).absolutePath();
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose a certificate or key file"), start,
                                                      tr("Certificates and keys (*.pem *.crt *.cer *.der *.key);;All files (*)"));
    if (file.isEmpty())
        return;
    edit->setText(file);
    editTls(edit->property("tlsAttribute").toString(), file);
}

void BackendEditor::commitName()
{
    if (!workspace() || !undoStack() || backendRow() < 0 || backendRow() >= workspace()->backendCount())
        return;
    const QString name = m_ui->nameLineEdit->text().trimmed();
    const Core::Block& b = workspace()->backend(backendRow());
    if (name.isEmpty() || name == b.label) {
        m_ui->nameLineEdit->setText(b.label);
        return;
    }
    Core::Block renamed = b;
    renamed.label = name;
    undoStack()->push(new ReplaceBackendCommand(workspace(), backendRow(), renamed,
                                                tr("Rename backend %1 to %2").arg(b.label, name)));
}

} // namespace Tokenbench::Ui
