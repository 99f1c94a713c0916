#include "discoverydialog.h"

#include "undocommands.h"

#include "model/schema.h"
#include "model/valueresolver.h"
#include "model/workspace.h"
#include "net/resourcecheck.h"
#include "net/tokenrequest.h"
#include "trace/redactor.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Tokenbench::Ui {

DiscoveryDialog::DiscoveryDialog(QNetworkAccessManager* nam, Core::Workspace* workspace, int backendRow,
                                 QUndoStack* undo, const Core::ValueResolver* resolver, QWidget* parent)
    : QDialog(parent), m_workspace(workspace), m_undo(undo), m_resolver(resolver), m_row(backendRow),
      m_client(new Core::DiscoveryClient(nam, this))
{
    setObjectName(QStringLiteral("discoveryDialog"));
    const QString label = workspace && backendRow >= 0 && backendRow < workspace->backendCount()
                              ? workspace->backend(backendRow).label
                              : QString();
    setWindowTitle(tr("Discover Authorization Server \u2014 %1").arg(label));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Enter the issuer (https://login.example.com) or a metadata URL "
                                "(\u2026/.well-known/openid-configuration or /.well-known/oauth-authorization-server)."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* row = new QHBoxLayout;
    m_issuer = new QLineEdit(this);
    m_issuer->setObjectName(QStringLiteral("issuerLineEdit"));
    m_issuer->setPlaceholderText(QStringLiteral("https://login.example.com"));
    m_discover = new QPushButton(tr("&Discover"), this);
    m_discover->setObjectName(QStringLiteral("discoverPushButton"));
    m_discover->setDefault(true);
    row->addWidget(m_issuer, 1);
    row->addWidget(m_discover);
    layout->addLayout(row);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_found_ = new QLabel(this);
    m_found_->setObjectName(QStringLiteral("foundLabel"));
    m_found_->setTextFormat(Qt::PlainText);
    m_found_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_found_->setWordWrap(true);
    layout->addWidget(m_found_);
    m_warnings = new QListWidget(this);
    m_warnings->setObjectName(QStringLiteral("warningsListWidget"));
    m_warnings->setWordWrap(true);
    m_warnings->setVisible(false);
    layout->addWidget(m_warnings, 1);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Close, this);
    m_apply = m_buttons->button(QDialogButtonBox::Apply);
    m_apply->setObjectName(QStringLiteral("applyPushButton"));
    m_apply->setText(tr("&Apply to oauth2"));
    m_apply->setEnabled(false);
    m_apply->setAutoDefault(false);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &DiscoveryDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, &DiscoveryDialog::apply);
    connect(m_discover, &QPushButton::clicked, this, &DiscoveryDialog::discover);
    connect(m_issuer, &QLineEdit::returnPressed, this, &DiscoveryDialog::discover);
    connect(m_client, &Core::DiscoveryClient::finished, this, &DiscoveryDialog::onFinished);
    resize(620, 420);

    // A sensible start: the issuer part of the current token endpoint.
    if (workspace && backendRow >= 0 && backendRow < workspace->backendCount()) {
        if (const Core::Block* o = workspace->backend(backendRow).child(Core::BlockType::OAuth2)) {
            const QUrl endpoint(o->attribute(QStringLiteral("token_endpoint")).trimmed());
            if (endpoint.isValid() && !endpoint.host().isEmpty())
                m_issuer->setText(endpoint.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment).toString());
        }
    }
}

DiscoveryDialog::~DiscoveryDialog() = default;

void DiscoveryDialog::setIssuer(const QString& issuer)
{
    m_issuer->setText(issuer);
}

bool DiscoveryDialog::isRunning() const
{
    return m_client->isRunning();
}

QString DiscoveryDialog::foundText() const
{
    return m_found_->text();
}

QStringList DiscoveryDialog::warnings() const
{
    QStringList out;
    for (int i = 0; i < m_warnings->count(); ++i)
        out << m_warnings->item(i)->text();
    return out;
}

void DiscoveryDialog::discover()
{
    const QUrl input(m_issuer->text().trimmed(), QUrl::StrictMode);
    m_found = false;
    m_apply->setEnabled(false);
    m_found_->clear();
    m_warnings->clear();
    m_warnings->setVisible(false);
    // The metadata is fetched like the token request: through the token backend's TLS and proxy.
    if (m_workspace && m_resolver && m_row >= 0 && m_row < m_workspace->backendCount()) {
        Core::TokenRequestSpec probe;
        if (Core::applyTokenBackend(probe, m_workspace->backend(m_row), m_workspace->backends(), *m_resolver) &&
            probe.tokenBackend)
            m_client->setTransport(probe.tokenBackend->transport);
    }
    m_status->setText(tr("Fetching metadata\u2026 (Esc cancels)"));
    m_discover->setEnabled(false);
    m_client->start(input);
}

Core::DiscoveryCheck DiscoveryDialog::currentCheck() const
{
    const Core::Block* o = m_workspace && m_row >= 0 && m_row < m_workspace->backendCount()
                               ? m_workspace->backend(m_row).child(Core::BlockType::OAuth2)
                               : nullptr;
    Core::DiscoveryCheck c = o ? Core::discoveryCheckFor(*o) : Core::DiscoveryCheck{};
    c.expectedIssuer = Core::expectedIssuer(QUrl(m_issuer->text().trimmed()));
    return c;
}

void DiscoveryDialog::onFinished(const Core::DiscoveryClient::Outcome& outcome)
{
    m_discover->setEnabled(true);
    if (!outcome.ok) {
        m_status->setText(outcome.canceled ? tr("Canceled.")
                                           : QStringLiteral("\u2716 ") + Core::Redactor::redactText(outcome.errorText));
        Q_EMIT discoveryFinished(false);
        return;
    }
    m_document = outcome.document;
    m_found = true;
    m_status->setText(tr("\u2714 Metadata from %1").arg(m_document.fetchedFrom.toString()));
    QStringList lines;
    lines << tr("issuer: %1").arg(m_document.issuer);
    const auto add = [&](const char* name, const QUrl& url) {
        lines << QStringLiteral("%1: %2").arg(QLatin1String(name), url.isEmpty() ? tr("(not advertised)") : url.toString());
    };
    add("token_endpoint", m_document.tokenEndpoint);
    add("authorization_endpoint", m_document.authorizationEndpoint);
    add("device_authorization_endpoint", m_document.deviceAuthorizationEndpoint);
    add("jwks_uri", m_document.jwksUri);
    if (!m_document.grantTypes.isEmpty())
        lines << tr("grant types: %1").arg(m_document.grantTypes.join(QStringLiteral(", ")));
    if (!m_document.authMethods.isEmpty())
        lines << tr("client authentication: %1").arg(m_document.authMethods.join(QStringLiteral(", ")));
    m_found_->setText(lines.join(u'\n'));
    const Core::Diagnostics ds = Core::checkDiscovery(m_document, currentCheck());
    for (const Core::Diagnostic& d : ds)
        m_warnings->addItem(QStringLiteral("\u26a0 %1: %2").arg(d.attribute, d.message));
    if (ds.isEmpty())
        m_warnings->addItem(tr("\u2714 The configuration matches what the server advertises."));
    m_warnings->setVisible(true);
    m_apply->setEnabled(!m_document.tokenEndpoint.isEmpty() && m_workspace && m_undo);
    m_apply->setDefault(true);
    Q_EMIT discoveryFinished(true);
}

void DiscoveryDialog::apply()
{
    if (!m_found || !m_workspace || !m_undo || m_row < 0 || m_row >= m_workspace->backendCount())
        return;
    Core::Block b = m_workspace->backend(m_row);
    Core::Block& o = b.ensureChild(Core::BlockType::OAuth2);
    if (!o.hasAttribute(QStringLiteral("grant_type")))
        o.setAttribute(QStringLiteral("grant_type"), Core::Schema::Grant::ClientCredentials);
    o.setAttribute(QStringLiteral("token_endpoint"), m_document.tokenEndpoint.toString());
    // The interactive flows' endpoints, where the model has those attributes.
    for (const auto& [attr, url] : {std::pair{QStringLiteral("authorization_endpoint"), m_document.authorizationEndpoint},
                                    std::pair{QStringLiteral("device_authorization_endpoint"),
                                              m_document.deviceAuthorizationEndpoint}}) {
        if (!url.isEmpty() && Core::Schema::find(Core::BlockType::OAuth2, attr))
            o.setAttribute(attr, url.toString());
    }
    if (b != m_workspace->backend(m_row))
        m_undo->push(new ReplaceBackendCommand(m_workspace, m_row, b,
                                               tr("Apply discovery to %1").arg(b.label)));
    Q_EMIT applied(m_row, m_document);
    accept();
}

void DiscoveryDialog::reject()
{
    // Esc while fetching cancels the fetch; otherwise it closes.
    if (m_client->isRunning()) {
        m_client->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace Tokenbench::Ui
