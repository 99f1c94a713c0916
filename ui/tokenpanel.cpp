#include "tokenpanel.h"
#include "ui_tokenpanel.h"

#include "claimtable.h"
#include "clipboard.h"

#include "jwt/jwtpeek.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace Tokenbench::Ui {


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
    clear();
}

TokenPanel::~TokenPanel() = default;

void TokenPanel::clear()
{
    m_token.clear();
    m_result = {};
    m_timer->stop();
    m_ui->stackedWidget->setCurrentWidget(m_ui->emptyPage);
}

void TokenPanel::setResult(const Core::TokenResult& result, const QString& requestedScope)
{
    if (!result.ok()) {
        // Keep the last good token on screen; the outcome line says what failed.
        return;
    }
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
    m_ui->typeValueLabel->setText(r.tokenType.isEmpty() ? tr("(not given)") : r.tokenType);

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
    for (const QString& s : requested)
        shown << (granted.isEmpty() || granted.contains(s) ? s + QStringLiteral(" \u2713") : s + QStringLiteral(" \u2717"));
    for (const QString& s : granted) {
        if (!requested.contains(s))
            shown << s + QStringLiteral(" (+)");
    }
    if (shown.isEmpty())
        m_ui->scopeValueLabel->setText(tr("none requested, none reported"));
    else
        m_ui->scopeValueLabel->setText(shown.join(QStringLiteral("  ")) +
                                       (r.scope.isEmpty() ? tr("  (the server did not report the granted scope)")
                                                          : QString()));
    m_ui->refreshValueLabel->setText(r.refreshToken.isEmpty() ? tr("none") : tr("present"));
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

void TokenPanel::setVerification(const QString& text, bool valid)
{
    m_ui->signatureValueLabel->setText(text);
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

void TokenPanel::tick()
{
    const auto left = m_result.secondsLeft(QDateTime::currentDateTimeUtc());
    if (!left) {
        m_ui->expiresValueLabel->setText(tr("unknown (no expires_in)"));
        m_ui->expiresProgressBar->setVisible(false);
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
