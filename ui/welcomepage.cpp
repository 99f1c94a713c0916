#include "welcomepage.h"
#include "ui_welcomepage.h"

#include "model/blocktemplates.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QPushButton>

namespace Tokenbench::Ui {

WelcomePage::WelcomePage(QWidget* parent) : QWidget(parent), m_ui(new ::Ui::WelcomePage)
{
    m_ui->setupUi(this);
    // One button per template, three to a row, in the order of Core::Templates::all(). Object names stay
    // what scripts and tests know (clientCredentialsPushButton, ...).
    static const QHash<QString, QString> objectNames = {
        {QStringLiteral("client_credentials"), QStringLiteral("clientCredentialsPushButton")},
        {QStringLiteral("password"), QStringLiteral("passwordPushButton")},
        {QStringLiteral("private_key_jwt"), QStringLiteral("privateKeyJwtPushButton")},
        {QStringLiteral("jwt_bearer"), QStringLiteral("jwtBearerPushButton")},
        {QStringLiteral("custom_token_service"), QStringLiteral("customTokenServicePushButton")},
        {QStringLiteral("authorization_code"), QStringLiteral("authorizationCodePushButton")},
        {QStringLiteral("device_code"), QStringLiteral("deviceCodePushButton")},
    };
    QWidget* previous = nullptr;
    int index = 0;
    for (const Core::Templates::Info& info : Core::Templates::all()) {
        auto* button = new QPushButton(info.title, this);
        button->setObjectName(objectNames.value(info.id, info.id + QStringLiteral("PushButton")));
        button->setToolTip(info.description);
        button->setMinimumWidth(180);
        m_ui->templatesLayout->addWidget(button, index / 3, index % 3);
        ++index;
        if (previous)
            QWidget::setTabOrder(previous, button);
        previous = button;
        const QString id = info.id;
        connect(button, &QPushButton::clicked, this, [this, id] { Q_EMIT templateRequested(id); });
    }
    QWidget::setTabOrder(previous, m_ui->openPushButton);
    QWidget::setTabOrder(m_ui->openPushButton, m_ui->importCurlPushButton);
    QWidget::setTabOrder(m_ui->importCurlPushButton, m_ui->demoPushButton);
    QWidget::setTabOrder(m_ui->demoPushButton, m_ui->recentListWidget);
    connect(m_ui->openPushButton, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(m_ui->importCurlPushButton, &QPushButton::clicked, this, &WelcomePage::importCurlRequested);
    connect(m_ui->demoPushButton, &QPushButton::clicked, this, &WelcomePage::demoRequested);
    connect(m_ui->recentListWidget, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { Q_EMIT recentRequested(item->data(Qt::UserRole).toString()); });
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
    m_ui->demoPushButton->setToolTip(available ? tr("A workspace with every grant, against the demo authorization server")
                                               : tr("The demo workspace is not installed with this build"));
}

} // namespace Tokenbench::Ui
