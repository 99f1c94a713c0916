#include "tokenpanel.h"
#include "ui_tokenpanel.h"

#include "claimtable.h"
#include "clipboard.h"

#include "jwt/jwtpeek.h"
#include "trace/redactor.h"
#include "util/displaytext.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

namespace Tokenbench::Ui {

namespace {

// Text that quotes a server (token type, verification reasons, a resource's answer): shown as plain text
// with control characters escaped, never interpreted as rich text or sent to the screen raw.
void setServerText(QLabel* label, const QString& text)
{
    label->setTextFormat(Qt::PlainText);
    label->setText(Core::DisplayText::escapeControl(text, Core::DisplayText::Newlines::Keep));
}

} // namespace

QString formatRemaining(qint64 seconds)
{
    if (seconds < 0) {
        const qint64 ago = -seconds;
        if (ago < 60)
            return QObject::tr("expired %1 s ago").arg(ago);
        return QObject::tr("expired %1 min ago").arg(ago / 60);
    }
    if (seconds >= 3600)
        return QObject::tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

TokenPanel::TokenPanel(QWidget* parent) : QWidget(parent), m_ui(new ::Ui::TokenPanel)
{
    m_ui->setupUi(this);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->tokenTextBrowser->setFont(mono);
    m_ui->tokenTextBrowser->setWordWrapMode(QTextOption::WrapAnywhere);
    m_ui->claimsTableWidget->horizontalHeader()->setStretchLastSection(true);
    m_ui->claimsTableWidget->verticalHeader()->hide();
    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &TokenPanel::tick);
    connect(m_ui->copyTokenPushButton, &QPushButton::clicked, this, [this] { Clipboard::copySecret(m_token); });
    connect(m_ui->copyHeaderPushButton, &QPushButton::clicked, this,
            [this] { Clipboard::copySecret(QStringLiteral("Authorization: Bearer ") + m_token); });
    connect(m_ui->inspectPushButton, &QPushButton::clicked, this, [this] { Q_EMIT inspectRequested(m_token); });
    m_ui->copyTokenPushButton->setToolTip(tr("Copies the token; the clipboard is cleared after 30 s"));

    // The ID token's badge, and refreshing with the run's refresh token (interactive flows).
    m_idTokenLabel = new QLabel(tr("ID token"), m_ui->tokenPage);
    m_idTokenValue = new QLabel(m_ui->tokenPage);
    m_idTokenValue->setObjectName(QStringLiteral("idTokenValueLabel"));
    m_idTokenValue->setWordWrap(true);
    m_idTokenValue->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_ui->factsLayout->addRow(m_idTokenLabel, m_idTokenValue);
    m_ui->factsLayout->setRowVisible(m_idTokenValue, false);
    m_refreshButton = new QPushButton(tr("Refre&sh"), m_ui->tokenPage);
    m_refreshButton->setObjectName(QStringLiteral("refreshPushButton"));
    m_refreshButton->setToolTip(tr("Send the refresh_token grant now with the refresh token of this run"));
    m_previewRefreshButton = new QPushButton(tr("Preview refresh request"), m_ui->tokenPage);
    m_previewRefreshButton->setObjectName(QStringLiteral("previewRefreshPushButton"));
    m_previewRefreshButton->setToolTip(tr("Show the exact refresh request that would be sent, secrets redacted"));
    m_autoRefresh = new QCheckBox(tr("&Auto-refresh"), m_ui->tokenPage);
    m_autoRefresh->setObjectName(QStringLiteral("autoRefreshCheckBox"));
    m_autoRefresh->setChecked(true); // refresh before expiry whenever a refresh token exists
    m_autoRefresh->setToolTip(tr("Refresh automatically when Couper would stop reusing the token (90 % of "
                                 "expires_in)"));
    const int at = m_ui->buttonsLayout->indexOf(m_ui->copyHeaderPushButton) + 1;
    m_ui->buttonsLayout->insertWidget(at, m_refreshButton);
    m_ui->buttonsLayout->insertWidget(at + 1, m_previewRefreshButton);
    m_ui->buttonsLayout->insertWidget(at + 2, m_autoRefresh);
    connect(m_refreshButton, &QPushButton::clicked, this, &TokenPanel::refreshRequested);
    connect(m_previewRefreshButton, &QPushButton::clicked, this, &TokenPanel::previewRefreshRequested);
    connect(m_autoRefresh, &QCheckBox::toggled, this, &TokenPanel::autoRefreshToggled);
    setRefreshAvailable(false);
    // Token cache state and the resource check.
    auto* sourceRow = new QHBoxLayout;
    m_sourceLabel = new QLabel(this);
    m_sourceLabel->setObjectName(QStringLiteral("sourceValueLabel"));
    m_sourceLabel->setWordWrap(true);
    m_forgetButton = new QPushButton(tr("&Forget cached token"), this);
    m_forgetButton->setObjectName(QStringLiteral("forgetCachePushButton"));
    m_forgetButton->setToolTip(tr("Drop this backend's cached token: the next Run requests a new one"));
    connect(m_forgetButton, &QPushButton::clicked, this, &TokenPanel::forgetCacheRequested);
    sourceRow->addWidget(m_sourceLabel, 1);
    sourceRow->addWidget(m_forgetButton);
    m_ui->factsLayout->addRow(tr("Source"), sourceRow);
    m_resourceCaption = new QLabel(tr("Resource"), this);
    m_resourceLabel = new QLabel(this);
    m_resourceLabel->setObjectName(QStringLiteral("resourceValueLabel"));
    m_resourceLabel->setWordWrap(true);
    m_resourceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_ui->factsLayout->addRow(m_resourceCaption, m_resourceLabel);
    m_ui->factsLayout->setRowVisible(m_resourceLabel, false);
    // A failed run: its failure first, above everything; an earlier token below it is marked as such.
    m_failureLabel = new QLabel(this);
    m_failureLabel->setObjectName(QStringLiteral("runFailureLabel"));
    m_failureLabel->setWordWrap(true);
    m_failureLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_failureLabel->setMargin(6);
    m_failureLabel->setAutoFillBackground(true);
    QPalette failurePalette = m_failureLabel->palette();
    failurePalette.setColor(QPalette::Window, QColor(0xd0, 0x30, 0x30));
    failurePalette.setColor(QPalette::WindowText, Qt::white);
    m_failureLabel->setPalette(failurePalette);
    m_ui->mainLayout->insertWidget(0, m_failureLabel);
    m_previousLabel = new QLabel(m_ui->tokenPage);
    m_previousLabel->setObjectName(QStringLiteral("previousTokenLabel"));
    m_previousLabel->setWordWrap(true);
    m_ui->tokenLayout->insertWidget(0, m_previousLabel);
    clear();
}

QString TokenPanel::failureText() const
{
    return m_failureLabel->isVisibleTo(this) ? m_failureLabel->text() : QString();
}

TokenPanel::~TokenPanel() = default;

void TokenPanel::clear()
{
    m_token.clear();
    m_result = {};
    m_timer->stop();
    m_stale = false;
    m_failureLabel->clear();
    m_failureLabel->setVisible(false);
    m_previousLabel->setVisible(false);
    m_ui->tokenTextBrowser->setEnabled(true);
    m_ui->stackedWidget->setCurrentWidget(m_ui->emptyPage);
}

void TokenPanel::setResult(const Core::TokenResult& result, const QString& requestedScope)
{
    if (!result.ok()) {
        // This run's failure comes first; a token of an earlier run stays for reference, marked as stale.
        const QString where = result.errorWhere.isEmpty() ? QString() : result.errorWhere + QStringLiteral(": ");
        const QString what = result.status == Core::TokenResult::Status::Canceled
                                 ? tr("This run was canceled.")
                                 : tr("\u2716 This run failed: %1%2").arg(where, Core::Redactor::redactText(result.errorText));
        setServerText(m_failureLabel, what);
        m_failureLabel->setVisible(true);
        if (!m_token.isEmpty()) {
            m_stale = true;
            m_previousLabel->setText(
                tr("<b>Previous token</b> \u2014 from an earlier run (obtained %1), not from this one; it may no longer "
                   "be valid.")
                    .arg(m_result.obtainedAt.isValid()
                             ? QLocale().toString(m_result.obtainedAt.toLocalTime().time(), QLocale::LongFormat)
                             : tr("before")));
            m_previousLabel->setVisible(true);
            m_ui->tokenTextBrowser->setEnabled(false); // greyed: not this run's token
        }
        return;
    }
    m_stale = false;
    m_failureLabel->clear();
    m_failureLabel->setVisible(false);
    m_previousLabel->setVisible(false);
    m_ui->tokenTextBrowser->setEnabled(true);
    m_result = result;
    const Core::TokenResponse& r = result.response;
    m_token = r.accessToken;

    // The token, its JWT parts coloured as jwt.io does (header, payload, signature).
    const QStringList parts = m_token.split(u'.');
    QString html;
    if (parts.size() == 3 && Core::JwtPeek::payload(m_token)) {
        html = QStringLiteral("<span style='color:#d63aff'>%1</span>.<span style='color:#00a6b4'>%2</span>."
                              "<span style='color:#fb015b'>%3</span>")
                   .arg(parts.at(0).toHtmlEscaped(), parts.at(1).toHtmlEscaped(), parts.at(2).toHtmlEscaped());
    } else {
        html = m_token.toHtmlEscaped();
    }
    m_ui->tokenTextBrowser->setHtml(html);
    setServerText(m_ui->typeValueLabel, r.tokenType.isEmpty() ? tr("(not given)") : r.tokenType);

    if (result.authMethod == u"beta_token_request")
        m_ui->cacheValueLabel->setText(r.ttlSeconds > 0 ? tr("reused for %1 (from the ttl expression)").arg(formatRemaining(r.ttlSeconds))
                                                        : tr("not cached: a ttl below one second fetches a token for every request"));
    else if (r.ttlSeconds > 0)
        m_ui->cacheValueLabel->setText(tr("reused for %1 (90 % of expires_in)").arg(formatRemaining(r.ttlSeconds)));
    else
        m_ui->cacheValueLabel->setText(tr("not cached: without a numeric expires_in Couper uses the token for one "
                                          "request only"));

    // Scope: granted against requested.
    const QStringList requested = requestedScope.split(u' ', Qt::SkipEmptyParts);
    const QStringList granted = r.scope.split(u' ', Qt::SkipEmptyParts);
    QStringList shown;
    // Differences stand out: a requested scope not granted in red, an extra granted one in blue.
    for (const QString& s : requested)
        shown << (granted.isEmpty() || granted.contains(s)
                      ? s.toHtmlEscaped() + QStringLiteral(" \u2713")
                      : QStringLiteral("<span style='color:#c62828'><b>%1 \u2717</b></span>").arg(s.toHtmlEscaped()));
    for (const QString& s : granted) {
        if (!requested.contains(s))
            shown << QStringLiteral("<span style='color:#1565c0'>%1 (+)</span>").arg(s.toHtmlEscaped());
    }
    m_ui->scopeValueLabel->setTextFormat(Qt::RichText);
    if (shown.isEmpty())
        m_ui->scopeValueLabel->setText(tr("none requested, none reported"));
    else
        m_ui->scopeValueLabel->setText(shown.join(QStringLiteral("  ")) +
                                       (r.scope.isEmpty() ? tr("  (the server did not report the granted scope)")
                                                          : QString()));
    m_ui->refreshValueLabel->setText(r.refreshToken.isEmpty() ? tr("none") : tr("present"));
    setIdTokenReport(result.idTokenReport);
    const bool isJwt = Core::JwtPeek::payload(m_token).has_value();
    m_ui->inspectPushButton->setEnabled(isJwt);
    setVerification(isJwt ? tr("checking against the issuer's keys…") : tr("not a JWT (opaque token)"), false);

    // Claims.
    m_ui->claimsTableWidget->setRowCount(0);
    if (const auto claims = Core::JwtPeek::payload(m_token)) {
        m_ui->claimsTableWidget->setVisible(true);
        ClaimTable::fill(m_ui->claimsTableWidget, *claims);
    } else {
        m_ui->claimsTableWidget->setVisible(false);
    }
    m_ui->stackedWidget->setCurrentWidget(m_ui->tokenPage);
    tick();
    m_timer->start();
}

void TokenPanel::setIdTokenReport(const Core::IdTokenReport& r)
{
    const bool show = !m_result.response.idToken.isEmpty();
    m_ui->factsLayout->setRowVisible(m_idTokenValue, show);
    if (!show)
        return;
    QString text;
    if (!r.checked) {
        text = tr("checking against the issuer's keys…");
    } else if (r.valid) {
        QStringList names;
        for (const Core::Jwt::ClaimCheck& c : r.checks)
            names << c.name;
        text = tr("\u2714 verified (%1)").arg(names.join(QStringLiteral(", ")));
    } else {
        QStringList problems;
        if (!r.error.isEmpty())
            problems << r.error;
        else if (!r.signature.isEmpty() && r.checks.isEmpty())
            problems << r.signature;
        for (const Core::Jwt::ClaimCheck& c : r.checks) {
            if (!c.passed)
                problems << c.name + QStringLiteral(": ") + c.reason;
        }
        if (problems.isEmpty())
            problems << r.signature;
        text = tr("✘ not valid: %1").arg(problems.join(QStringLiteral("; ")));
    }
    setServerText(m_idTokenValue, text);
    QStringList detail;
    if (!r.signature.isEmpty())
        detail << tr("Signature: %1").arg(r.signature);
    if (!r.keySource.isEmpty())
        detail << tr("Keys: %1").arg(r.keySource);
    for (const Core::Jwt::ClaimCheck& c : r.checks)
        detail << QStringLiteral("%1 %2: %3").arg(c.passed ? QStringLiteral("\u2714") : QStringLiteral("\u2718"), c.name, c.reason);
    m_idTokenValue->setToolTip(Core::DisplayText::escapeControl(detail.join(u'\n'), Core::DisplayText::Newlines::Keep).toHtmlEscaped());
    QPalette pal = m_idTokenValue->palette();
    pal.setColor(QPalette::WindowText, r.valid ? QColor(0x2e, 0xa0, 0x43) : palette().color(QPalette::WindowText));
    m_idTokenValue->setPalette(pal);
}

QString TokenPanel::idTokenText() const
{
    return m_idTokenValue->text();
}

void TokenPanel::setRefreshAvailable(bool available)
{
    m_refreshButton->setVisible(available);
    m_previewRefreshButton->setVisible(available);
    m_autoRefresh->setVisible(available);
}

bool TokenPanel::autoRefresh() const
{
    return m_autoRefresh->isChecked();
}

void TokenPanel::setAutoRefreshStatus(const QString& text)
{
    m_autoRefresh->setToolTip(text);
    m_autoRefresh->setStatusTip(text);
}

void TokenPanel::setVerification(const QString& text, bool valid)
{
    setServerText(m_ui->signatureValueLabel, text);
    QPalette pal = m_ui->signatureValueLabel->palette();
    pal.setColor(QPalette::WindowText, valid ? QColor(0x2e, 0xa0, 0x43) : palette().color(QPalette::WindowText));
    m_ui->signatureValueLabel->setPalette(pal);
}

QString TokenPanel::verificationText() const
{
    return m_ui->signatureValueLabel->text();
}

QString TokenPanel::expiresText() const
{
    return m_ui->expiresValueLabel->text();
}

void TokenPanel::setSource(bool fromCache, qint64 cachedUntil)
{
    m_fromCache = fromCache;
    m_cachedUntil = cachedUntil;
    tick();
}

QString TokenPanel::sourceText() const
{
    return m_sourceLabel->text();
}

void TokenPanel::setResource(const std::optional<Core::ResourceResult>& resource)
{
    if (!resource || !resource->attempted) {
        m_ui->factsLayout->setRowVisible(m_resourceLabel, false);
        m_resourceLabel->clear();
        return;
    }
    const Core::ResourceResult& r = *resource;
    QString text;
    if (r.final.hasResponse())
        text = (r.ok() ? QStringLiteral("\u2714 ") : QStringLiteral("\u2716 ")) +
               tr("%1 %2 from %3").arg(r.final.status).arg(QString::fromLatin1(r.final.reason),
                                                         r.final.url.toString(QUrl::RemoveUserInfo));
    else
        text = QStringLiteral("\u2716 ") + r.final.failureText;
    text += tr(" \u2014 %n call(s)", nullptr, r.resourceRequests);
    if (r.retriesUsed > 0)
        text += tr(", %n new token(s) after 401", nullptr, r.retriesUsed);
    if (!r.errorText.isEmpty() && r.final.hasResponse())
        text += QStringLiteral(": ") + r.errorText;
    if (!r.note.isEmpty())
        text += QStringLiteral(" (") + r.note + u')';
    setServerText(m_resourceLabel, Core::Redactor::redactText(text)); // the URL and a server's words may hold secrets
    m_ui->factsLayout->setRowVisible(m_resourceLabel, true);
}

QString TokenPanel::resourceText() const
{
    return m_resourceLabel->isVisibleTo(this) || !m_resourceLabel->text().isEmpty() ? m_resourceLabel->text() : QString();
}

void TokenPanel::tick()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (m_cachedUntil > now)
        m_sourceLabel->setText((m_fromCache ? tr("cached token, reused") : tr("fresh token, cached")) +
                               tr(" \u2014 the cache keeps it for %1").arg(formatRemaining(m_cachedUntil - now)));
    else if (m_cachedUntil > 0)
        m_sourceLabel->setText(tr("fresh token; its cache entry has expired: the next Run requests a new one"));
    else
        m_sourceLabel->setText(m_fromCache ? tr("cached token") : tr("fresh token, not cached"));
    m_forgetButton->setEnabled(m_cachedUntil > now);

    const auto left = m_result.secondsLeft(QDateTime::currentDateTimeUtc());
    if (!left) {
        m_ui->expiresValueLabel->setText(tr("unknown (no expires_in)"));
        m_ui->expiresProgressBar->setVisible(false);
        if (m_cachedUntil <= now)
            m_timer->stop();
        return;
    }
    m_ui->expiresValueLabel->setText(*left >= 0 ? tr("in %1").arg(formatRemaining(*left)) : formatRemaining(*left));
    const qint64 total = qMax<qint64>(1, qint64(*m_result.response.expiresIn));
    m_ui->expiresProgressBar->setVisible(true);
    m_ui->expiresProgressBar->setRange(0, 1000);
    m_ui->expiresProgressBar->setValue(int(qBound(qint64(0), qint64(*left * 1000 / total), qint64(1000))));
}

} // namespace Tokenbench::Ui
