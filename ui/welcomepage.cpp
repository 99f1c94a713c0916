#include "welcomepage.h"
#include "ui_welcomepage.h"

#include "model/schema.h"

#include <QDir>
#include <QFileInfo>
#include <QPushButton>

namespace Tokenbench::Ui {

WelcomePage::WelcomePage(QWidget* parent) : QWidget(parent), m_ui(new ::Ui::WelcomePage)
{
    m_ui->setupUi(this);
    namespace Grant = Core::Schema::Grant;
    connect(m_ui->clientCredentialsPushButton, &QPushButton::clicked, this,
            [this] { Q_EMIT templateRequested(Grant::ClientCredentials); });
    connect(m_ui->passwordPushButton, &QPushButton::clicked, this,
            [this] { Q_EMIT templateRequested(Grant::Password); });
    connect(m_ui->jwtBearerPushButton, &QPushButton::clicked, this,
            [this] { Q_EMIT templateRequested(Grant::JwtBearer); });
    connect(m_ui->openPushButton, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(m_ui->demoPushButton, &QPushButton::clicked, this, &WelcomePage::demoRequested);
    connect(m_ui->recentListWidget, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { Q_EMIT recentRequested(item->data(Qt::UserRole).toString()); });
    m_ui->clientCredentialsPushButton->setToolTip(tr("A backend with an oauth2 block using the client credentials grant"));
    m_ui->passwordPushButton->setToolTip(tr("A backend with an oauth2 block using the password grant"));
    m_ui->jwtBearerPushButton->setToolTip(tr("A backend with an oauth2 block using the JWT bearer grant"));
    // The interactive grants (Tokenbench extensions): a browser sign-in, or a code entered on another device.
    auto* authCode = new QPushButton(tr("Authorization code + PKCE"), this);
    authCode->setObjectName(QStringLiteral("authorizationCodePushButton"));
    authCode->setToolTip(tr("Sign in through the system browser; the redirect comes back to 127.0.0.1"));
    auto* device = new QPushButton(tr("Device code"), this);
    device->setObjectName(QStringLiteral("deviceCodePushButton"));
    device->setToolTip(tr("Sign in on another device with a user code (RFC 8628)"));
    const int row = m_ui->templatesLayout->rowCount();
    m_ui->templatesLayout->addWidget(authCode, row, 0);
    m_ui->templatesLayout->addWidget(device, row, 1);
    QWidget::setTabOrder(m_ui->jwtBearerPushButton, authCode);
    QWidget::setTabOrder(authCode, device);
    connect(authCode, &QPushButton::clicked, this, [this] { Q_EMIT templateRequested(Grant::AuthorizationCode); });
    connect(device, &QPushButton::clicked, this, [this] { Q_EMIT templateRequested(Grant::DeviceCode); });
}

WelcomePage::~WelcomePage() = default;

void WelcomePage::setRecentFiles(const QStringList& files)
{
    m_ui->recentListWidget->clear();
    for (const QString& f : files) {
        auto* item = new QListWidgetItem(QFileInfo(f).fileName() + QStringLiteral("  \u2014  ") +
                                         QDir::toNativeSeparators(QFileInfo(f).absolutePath()));
        item->setData(Qt::UserRole, f);
        item->setToolTip(f);
        m_ui->recentListWidget->addItem(item);
    }
    m_ui->recentLabel->setVisible(!files.isEmpty());
    m_ui->recentListWidget->setVisible(!files.isEmpty());
}

void WelcomePage::setDemoAvailable(bool available)
{
    m_ui->demoPushButton->setEnabled(available);
}

} // namespace Tokenbench::Ui
