#include "tokenrequestspanel.h"

#include "clipboard.h"

#include "model/block.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Tokenbench::Ui {

TokenRequestsPanel::TokenRequestsPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("tokenRequestsEmptyLabel"));
    m_empty->setWordWrap(true);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("tokenRequestsTree"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Token request"), tr("Reference"), QString()});
    m_tree->setRootIsDecorated(false);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString selector = item->data(0, Qt::UserRole).toString();
        if (!selector.isEmpty())
            Q_EMIT openRequested(m_row, selector);
    });
    m_add = new QPushButton(tr("Add token request"), this);
    m_add->setObjectName(QStringLiteral("addTokenRequestPushButton"));
    connect(m_add, &QPushButton::clicked, this, [this] {
        if (m_row >= 0)
            Q_EMIT addRequested(m_row);
    });
    layout->addWidget(m_empty);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_add);
    setBackend(-1, nullptr);
}

TokenRequestsPanel::~TokenRequestsPanel() = default;

QStringList TokenRequestsPanel::references() const
{
    QStringList out;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        out << m_tree->topLevelItem(i)->text(1);
    return out;
}

void TokenRequestsPanel::setBackend(int row, const Core::Block* backend)
{
    m_row = backend ? row : -1;
    m_tree->clear();
    m_add->setEnabled(backend != nullptr);
    if (!backend) {
        m_empty->setText(tr("Select a backend to see how to reference its token requests."));
        m_empty->setVisible(true);
        m_tree->setVisible(false);
        return;
    }
    const bool anonymous = backend->label.startsWith(QStringLiteral("anonymous_"));
    int count = 0;
    const auto addRow = [this](const QString& request, const QString& reference, const QString& selector,
                               const QString& tip) {
        auto* item = new QTreeWidgetItem(m_tree, {request, reference});
        item->setData(0, Qt::UserRole, selector);
        item->setToolTip(1, tip);
        item->setFont(1, QFontDatabase::systemFont(QFontDatabase::FixedFont));
        auto* copy = new QToolButton(m_tree);
        copy->setObjectName(QStringLiteral("copyReferenceButton_%1").arg(m_tree->topLevelItemCount() - 1));
        copy->setText(tr("Copy"));
        copy->setToolTip(tr("Copy %1 to the clipboard").arg(reference));
        connect(copy, &QToolButton::clicked, this, [this, reference] {
            Clipboard::copyText(reference);
            Q_EMIT copied(reference);
        });
        m_tree->setItemWidget(item, 2, copy);
    };
    for (const Core::Block& b : backend->blocks) {
        if (b.type != u"beta_token_request")
            continue;
        ++count;
        const QString label = b.label.isEmpty() ? QStringLiteral("default") : b.label;
        if (!anonymous)
            addRow(label, QStringLiteral("backends.%1.beta_tokens.%2").arg(backend->label, label),
                   b.selector(),
                   tr("Anywhere in the file, at request time (empty while no token is cached)."));
        addRow(label, QStringLiteral("backend.beta_tokens.%1").arg(label), b.selector(),
               tr("Inside this backend's own blocks (set_request_headers, ...)."));
        if (b.label.isEmpty() || b.label == u"default") {
            if (!anonymous)
                addRow(label, QStringLiteral("backends.%1.beta_token").arg(backend->label), b.selector(),
                       tr("The default request's token, anywhere in the file."));
            addRow(label, QStringLiteral("backend.beta_token"), b.selector(),
                   tr("The default request's token, inside this backend, e.g. set_request_headers = { "
                      "authorization = "
                      "\"Bearer ${backend.beta_token}\" }."));
        }
    }
    m_tree->resizeColumnToContents(0);
    m_tree->setVisible(count > 0);
    m_empty->setVisible(count == 0 || anonymous);
    if (count == 0)
        m_empty->setText(
            tr("Backend %1 has no beta_token_request yet. Add one to fetch a token from any JSON "
               "service; it is then referenced as backends.%1.beta_tokens.LABEL.")
                .arg(backend->label));
    else if (anonymous)
        m_empty->setText(
            tr("This backend is defined inline (no name), so only backend.beta_token(s) inside it "
               "reach its tokens."));
}

} // namespace Tokenbench::Ui
