#include "interactiveflowpanel.h"


#include "util/displaytext.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace Tokenbench::Ui {

InteractiveFlowPanel::InteractiveFlowPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("interactiveFlowPanel"));
    setAutoFillBackground(true);
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("flowTitleLabel"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_steps = new QLabel(this);
    m_steps->setObjectName(QStringLiteral("flowStepsLabel"));
    m_steps->setTextFormat(Qt::RichText);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("flowDetailLabel"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_codeLabel = new QLabel(this);
    m_codeLabel->setObjectName(QStringLiteral("userCodeLabel"));
    QFont big = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    big.setPointSizeF(big.pointSizeF() * 2);
    big.setBold(true);
    m_codeLabel->setFont(big);
    m_codeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_urlEdit = new QLineEdit(this);
    m_urlEdit->setObjectName(QStringLiteral("flowUrlLineEdit"));
    m_urlEdit->setReadOnly(true);
    m_countdown = new QLabel(this);
    m_countdown->setObjectName(QStringLiteral("flowCountdownLabel"));

    auto* buttons = new QHBoxLayout;
    m_copyUrl = new QPushButton(tr("Copy UR&L"), this);
    m_copyUrl->setObjectName(QStringLiteral("copyFlowUrlPushButton"));
    m_open = new QPushButton(tr("Ope&n in browser"), this);
    m_open->setObjectName(QStringLiteral("openFlowUrlPushButton"));
    m_copyCode = new QPushButton(tr("Cop&y code"), this);
    m_copyCode->setObjectName(QStringLiteral("copyUserCodePushButton"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelFlowPushButton"));
    m_cancel->setToolTip(tr("Stop waiting and cancel the run (Esc)"));
    buttons->addWidget(m_copyCode);
    buttons->addWidget(m_copyUrl);
    buttons->addWidget(m_open);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);

    layout->addWidget(m_title);
    layout->addWidget(m_steps);
    layout->addWidget(m_detail);
    layout->addWidget(m_codeLabel);
    layout->addWidget(m_urlEdit);
    layout->addWidget(m_countdown);
    layout->addLayout(buttons);

    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &InteractiveFlowPanel::tick);
    // URLs are not secrets (the state and challenge are single-use); the user code is shown anyway.
    connect(m_copyUrl, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_url.toString(QUrl::FullyEncoded)); });
    connect(m_copyCode, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_authorization.userCode); });
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (m_mode != Mode::Device || Core::DeviceFlow::isSafeToOpen(m_url))
            Q_EMIT openUrlRequested(m_url);
    });
    connect(m_cancel, &QPushButton::clicked, this, &InteractiveFlowPanel::cancelRequested);
    // Esc is the window's Cancel Run action, which cancels the flow as well.
    finish();
}

InteractiveFlowPanel::~InteractiveFlowPanel() = default;

QString InteractiveFlowPanel::titleText() const
{
    return m_title->text();
}

QString InteractiveFlowPanel::stepsText() const
{
    return m_steps->text();
}

void InteractiveFlowPanel::setSteps(const QStringList& steps, int current)
{
    QStringList parts;
    for (int i = 0; i < steps.size(); ++i) {
        const QString text = steps.at(i).toHtmlEscaped();
        parts << (i == current ? QStringLiteral("<b>%1</b>").arg(text)
                               : i < current ? QStringLiteral("%1 \u2713").arg(text)
                                             : QStringLiteral("<span style='color:gray'>%1</span>").arg(text));
    }
    m_steps->setText(parts.join(QStringLiteral(" \u2192 ")));
}

QString InteractiveFlowPanel::countdownText() const
{
    return m_countdown->text();
}

void InteractiveFlowPanel::showBrowser(const QUrl& authorizationUrl, const QUrl& redirectUri)
{
    m_mode = Mode::Browser;
    m_url = authorizationUrl;
    m_title->setText(tr("Waiting for the browser\u2026"));
    setSteps({tr("Opening browser"), tr("Waiting for redirect"), tr("Exchanging code")}, 1);
    m_detail->setText(tr("Sign in in the browser window that opened. Tokenbench receives the answer at %1. "
                         "If no browser opened, copy the URL below or open it again.")
                          .arg(redirectUri.toString()));
    m_urlEdit->setText(authorizationUrl.toString(QUrl::FullyEncoded));
    m_urlEdit->setCursorPosition(0);
    m_urlEdit->setVisible(true);
    m_codeLabel->setVisible(false);
    m_copyCode->setVisible(false);
    m_copyUrl->setVisible(true);
    m_open->setVisible(true);
    m_open->setText(tr("Ope&n again"));
    m_countdown->setVisible(false);
    m_timer->stop();
    setVisible(true);
}

void InteractiveFlowPanel::showDevice(const Core::DeviceAuthorization& a)
{
    m_mode = Mode::Device;
    m_authorization = a;
    m_url = a.verificationUriComplete.isEmpty() ? a.verificationUri : a.verificationUriComplete;
    m_title->setText(tr("Waiting for the sign-in on another device\u2026"));
    setSteps({tr("Device code issued"), tr("Waiting for approval"), tr("Token")}, 1);
    // Server text: control characters shown escaped; a URI that is not https (or http on this machine) is
    // shown as text with a warning and never handed to the desktop.
    using Core::DisplayText::escapeControl;
    const bool safe = Core::DeviceFlow::isSafeToOpen(m_url);
    QString detail = tr("Open %1 and enter this code:").arg(escapeControl(a.verificationUri.toString()));
    if (!safe)
        detail = tr("\u26a0 The server's verification address %1 is not an https URL (nor http on this machine); "
                    "Tokenbench does not open it. Check it before you visit it yourself, then enter this code:")
                     .arg(escapeControl(m_url.toString()));
    m_detail->setText(detail);
    m_codeLabel->setText(escapeControl(a.userCode));
    m_codeLabel->setVisible(true);
    m_urlEdit->setText(escapeControl(m_url.toString()));
    m_urlEdit->setVisible(true);
    m_copyCode->setVisible(true);
    m_copyUrl->setVisible(true);
    m_open->setVisible(safe);
    m_open->setText(tr("Ope&n verification page"));
    m_countdown->setVisible(true);
    tick();
    m_timer->start();
    setVisible(true);
}

void InteractiveFlowPanel::setPollStatus(const QString& error, int intervalSeconds)
{
    m_authorization.intervalSeconds = intervalSeconds;
    if (error == u"slow_down")
        m_detail->setText(tr("Open %1 and enter this code (the server asked to poll less often):")
                              .arg(Core::DisplayText::escapeControl(m_authorization.verificationUri.toString())));
    tick();
}

void InteractiveFlowPanel::showExchanging(const QString& text)
{
    m_mode = Mode::Exchanging;
    m_timer->stop();
    m_title->setText(text);
    if (m_steps->text().contains(QStringLiteral("Exchanging code")))
        setSteps({tr("Opening browser"), tr("Waiting for redirect"), tr("Exchanging code")}, 2);
    m_detail->setText(QString());
    m_codeLabel->setVisible(false);
    m_urlEdit->setVisible(false);
    m_copyCode->setVisible(false);
    m_copyUrl->setVisible(false);
    m_open->setVisible(false);
    m_countdown->setVisible(false);
    setVisible(true);
}

void InteractiveFlowPanel::finish()
{
    m_mode = Mode::Hidden;
    m_timer->stop();
    m_url.clear();
    m_authorization = {};
    m_steps->clear();
    setVisible(false);
}

void InteractiveFlowPanel::tick()
{
    if (m_mode != Mode::Device)
        return;
    const qint64 left = QDateTime::currentDateTimeUtc().secsTo(m_authorization.expiresAt);
    if (left <= 0) {
        m_countdown->setText(tr("The code has expired."));
        return;
    }
    m_countdown->setText(tr("Code expires in %1:%2 \u00b7 checking every %3 s")
                             .arg(left / 60)
                             .arg(left % 60, 2, 10, QLatin1Char('0'))
                             .arg(m_authorization.intervalSeconds));
}

} // namespace Tokenbench::Ui
