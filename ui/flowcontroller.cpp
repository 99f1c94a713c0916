#include "flowcontroller.h"

#include "interactiveflowpanel.h"
#include "tokenpanel.h"

#include "model/schema.h"
#include "net/httpexchange.h"
#include "run/runner.h"
#include "trace/redactor.h"

#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <limits>

namespace Tokenbench::Ui {

using Core::FlowClient;
using Core::TokenResult;

FlowController::FlowController(Core::Runner* runner, InteractiveFlowPanel* panel, TokenPanel* tokenPanel,
                               QWidget* window)
    : QObject(window), m_runner(runner), m_panel(panel), m_tokenPanel(tokenPanel), m_window(window),
      m_opener([](const QUrl& url) { return QDesktopServices::openUrl(url); }), m_autoTimer(new QTimer(this))
{
    m_autoTimer->setSingleShot(true);
    m_autoTimer->setTimerType(Qt::PreciseTimer);
    connect(m_autoTimer, &QTimer::timeout, this, [this] {
        if (!m_runner || m_runner->isRunning() || m_refreshToken.isEmpty() || !m_tokenPanel->autoRefresh())
            return;
        Q_EMIT autoRefreshStarted();
        refreshNow();
    });
    FlowClient* client = runner->flowClient();
    connect(client, &FlowClient::authorizationUrlReady, this, [this, client](const QUrl& url) {
        m_panel->showBrowser(url, client->authCodeFlow()->redirectUri());
        openUrl(url);
    });
    connect(client, &FlowClient::deviceAuthorizationReady, this,
            [this](const Core::DeviceAuthorization& a) { m_panel->showDevice(a); });
    connect(client, &FlowClient::devicePollAnswered, m_panel, &InteractiveFlowPanel::setPollStatus);
    connect(client, &FlowClient::stageChanged, this, [this](FlowClient::Stage stage) {
        if (stage == FlowClient::Stage::Exchanging)
            m_panel->showExchanging(tr("Exchanging the authorization code for tokens\u2026"));
        else if (stage == FlowClient::Stage::VerifyingIdToken && m_panel->mode() != InteractiveFlowPanel::Mode::Hidden)
            m_panel->showExchanging(tr("Verifying the ID token\u2026"));
        else if (stage == FlowClient::Stage::Idle)
            m_panel->finish();
    });
    connect(m_panel, &InteractiveFlowPanel::openUrlRequested, this, &FlowController::openUrl);
    connect(m_panel, &InteractiveFlowPanel::cancelRequested, this, [this] {
        if (m_runner)
            m_runner->cancel();
    });
    connect(m_tokenPanel, &TokenPanel::refreshRequested, this, &FlowController::refreshNow);
    connect(m_tokenPanel, &TokenPanel::previewRefreshRequested, this, &FlowController::previewRefresh);
    connect(m_tokenPanel, &TokenPanel::autoRefreshToggled, this, [this](bool) { scheduleAutoRefresh(); });
}

FlowController::~FlowController() = default;

void FlowController::openUrl(const QUrl& url)
{
    // Only web addresses go to the desktop: never file:, javascript:, data: or custom schemes.
    if (!url.isValid() || !m_opener || (url.scheme() != u"https" && url.scheme() != u"http"))
        return;
    m_opener(url);
}

void FlowController::runFinished(int backendRow, const TokenResult& result)
{
    m_panel->finish();
    if (!result.ok())
        return; // keep the last refresh token: a failed refresh can be retried
    m_row = backendRow;
    m_last = result;
    // Rotation: a new refresh token replaces the old one; a response without one keeps the old one
    // only for a refresh (RFC 6749 §6), never across a new sign-in.
    if (!result.response.refreshToken.isEmpty())
        m_refreshToken = result.response.refreshToken;
    else if (result.grantType != Core::Schema::Grant::RefreshToken)
        m_refreshToken.clear();
    m_tokenPanel->setRefreshAvailable(!m_refreshToken.isEmpty());
    scheduleAutoRefresh();
}

void FlowController::reset()
{
    m_autoTimer->stop();
    m_refreshToken.clear();
    m_row = -1;
    m_last = {};
    if (m_panel)
        m_panel->finish();
    if (m_tokenPanel)
        m_tokenPanel->setRefreshAvailable(false);
}

void FlowController::scheduleAutoRefresh()
{
    m_autoTimer->stop();
    if (m_refreshToken.isEmpty() || !m_tokenPanel->autoRefresh() || m_last.response.ttlSeconds <= 0 ||
        !m_last.obtainedAt.isValid()) {
        m_tokenPanel->setAutoRefreshStatus(m_last.response.ttlSeconds <= 0 && !m_refreshToken.isEmpty()
                                               ? tr("No expires_in: nothing to refresh ahead of")
                                               : tr("Refresh automatically at 90 % of expires_in"));
        return;
    }
    // Couper's TTL rule: the token is reused for floor(expires_in * 0.9) s; refresh when that runs out.
    const qint64 elapsed = qMax<qint64>(0, m_last.obtainedAt.msecsTo(QDateTime::currentDateTimeUtc()));
    const qint64 due = m_last.response.ttlSeconds * 1000 - elapsed;
    m_autoTimer->start(int(qBound(qint64(0), due, qint64(std::numeric_limits<int>::max()))));
    m_tokenPanel->setAutoRefreshStatus(tr("Refreshing automatically in %1 s").arg(qMax<qint64>(0, due / 1000)));
}

bool FlowController::autoRefreshScheduled() const
{
    return m_autoTimer->isActive();
}

qint64 FlowController::autoRefreshInMs() const
{
    return m_autoTimer->isActive() ? m_autoTimer->remainingTime() : -1;
}

void FlowController::refreshNow()
{
    if (!m_runner || m_refreshToken.isEmpty() || m_runner->isRunning())
        return;
    m_runner->refresh(m_row, m_refreshToken);
}

QString FlowController::refreshPreviewText() const
{
    if (!m_runner)
        return {};
    if (m_refreshToken.isEmpty())
        return tr("No refresh token: run an authorization code or device flow (or a grant that issues one) first.");
    auto prepared = m_runner->previewRefresh(m_row, m_refreshToken);
    if (!prepared)
        return tr("The refresh request cannot be built: %1").arg(prepared.error().message);
    Core::Exchange e;
    e.method = prepared->method;
    e.url = prepared->url;
    e.purpose = prepared->purpose;
    e.requestHeaders = Core::HttpExchange::wireHeaders(*prepared);
    e.requestBody = prepared->body;
    const Core::Exchange r = Core::Redactor::redact(e);
    QString text = QStringLiteral("%1 %2 HTTP/1.1\n")
                       .arg(QString::fromLatin1(r.method),
                            r.url.toString(QUrl::FullyEncoded | QUrl::RemoveScheme | QUrl::RemoveAuthority));
    text += QStringLiteral("Host: %1\n").arg(r.url.authority(QUrl::FullyEncoded));
    for (const Core::HttpHeader& h : r.requestHeaders) {
        if (h.name.compare("Host", Qt::CaseInsensitive) != 0)
            text += QString::fromLatin1(h.name) + QStringLiteral(": ") + QString::fromLatin1(h.value) + u'\n';
    }
    text += u'\n' + QString::fromUtf8(r.requestBody);
    return text;
}

void FlowController::previewRefresh()
{
    auto* dialog = new QDialog(m_window);
    dialog->setObjectName(QStringLiteral("refreshPreviewDialog"));
    dialog->setWindowTitle(tr("Refresh request preview"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(dialog);
    auto* text = new QPlainTextEdit(dialog);
    text->setObjectName(QStringLiteral("refreshPreviewTextEdit"));
    text->setReadOnly(true);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setPlainText(refreshPreviewText());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    auto* send = buttons->addButton(tr("&Send"), QDialogButtonBox::AcceptRole);
    send->setEnabled(!m_refreshToken.isEmpty());
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog] {
        dialog->accept();
        refreshNow();
    });
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog->resize(640, 360);
    dialog->open();
}

} // namespace Tokenbench::Ui
