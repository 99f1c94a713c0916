#include "tokenrequestspanel.h"

#include "clipboard.h"

#include "model/block.h"
#include "net/betaresource.h"
#include "net/resourcecheck.h"

#include <QAction>
#include <QFontDatabase>
#include <QStyle>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QTreeWidget>
#include <QHBoxLayout>
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
    // Apply the selected request's token to the resource check.
    m_useAction = new QAction(tr("&Use for Resource Check"), this);
    m_useAction->setObjectName(QStringLiteral("useForResourceCheckAction"));
    m_useAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    m_useAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_useAction->setToolTip(tr("Send this token to the backend's resource: sets set_request_headers' authorization to "
                               "\"Bearer ${backend.beta_tokens.LABEL}\" (Ctrl+U; undoable)"));
    connect(m_useAction, &QAction::triggered, this, &TokenRequestsPanel::useCurrent);
    m_tree->addAction(m_useAction);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &TokenRequestsPanel::updateUseAction);
    m_use = new QPushButton(tr("&Use for resource check"), this);
    m_use->setObjectName(QStringLiteral("useForResourceCheckPushButton"));
    m_use->setToolTip(m_useAction->toolTip());
    connect(m_use, &QPushButton::clicked, this, &TokenRequestsPanel::useCurrent);
    m_appliedLabel = new QLabel(this);
    m_appliedLabel->setObjectName(QStringLiteral("tokenRequestsAppliedLabel"));
    m_appliedLabel->setWordWrap(true);
    m_add = new QPushButton(tr("Add token request"), this);
    m_add->setObjectName(QStringLiteral("addTokenRequestPushButton"));
    connect(m_add, &QPushButton::clicked, this, [this] {
        if (m_row >= 0)
            Q_EMIT addRequested(m_row);
    });
    layout->addWidget(m_empty);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_appliedLabel);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_use);
    buttons->addStretch(1);
    buttons->addWidget(m_add);
    layout->addLayout(buttons);
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

void TokenRequestsPanel::useCurrent()
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    if (m_row < 0 || !item)
        return;
    Q_EMIT useForResourceRequested(m_row, item->text(0), item->data(0, Qt::UserRole).toString());
}

void TokenRequestsPanel::updateUseAction()
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    const bool can = m_row >= 0 && item != nullptr;
    m_useAction->setEnabled(can);
    m_use->setEnabled(can);
    m_use->setToolTip(can ? m_useAction->toolTip() : tr("Select a token request above first"));
}

void TokenRequestsPanel::setBackend(int row, const Core::Block* backend)
{
    // Keep the selected request across refreshes (e.g. after applying it).
    const QString current = m_tree->currentItem() ? m_tree->currentItem()->data(0, Qt::UserRole).toString() : QString();
    const int currentColumnRow = m_tree->currentItem() ? m_tree->indexOfTopLevelItem(m_tree->currentItem()) : -1;
    const int previousRow = m_row;
    m_row = backend ? row : -1;
    m_tree->clear();
    m_applied.clear();
    m_appliedLabel->clear();
    m_appliedLabel->setVisible(false);
    m_add->setEnabled(backend != nullptr);
    m_use->setVisible(backend != nullptr);
    updateUseAction();
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
        if (Core::modifiersReferenceBetaToken(*backend, label))
            m_applied << label;
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
    // The applied request(s): bold, with a check mark and a line saying what Run does.
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_tree->topLevelItem(i);
        if (!m_applied.contains(item->text(0)))
            continue;
        for (int c = 0; c < 2; ++c) {
            QFont f = item->font(c);
            f.setBold(true);
            item->setFont(c, f);
        }
        item->setIcon(0, style()->standardIcon(QStyle::SP_DialogApplyButton));
        item->setToolTip(0, tr("The backend's modifiers send this token to the resource"));
    }
    if (!m_applied.isEmpty()) {
        const bool hasUrl = !backend->attribute(Core::ResourceUrlAttribute).trimmed().isEmpty();
        m_appliedLabel->setText(
            QStringLiteral("\u2714 ") +
            (hasUrl ? tr("The resource check sends %1's token (Run it to call the resource).")
                    : tr("%1's token is applied; give the backend a resource URL (tokenbench_resource_url) for Run "
                         "to call it."))
                .arg(m_applied.join(QStringLiteral(", "))));
        m_appliedLabel->setVisible(true);
    }
    // Restore the selection.
    if (previousRow == m_row && currentColumnRow >= 0) {
        QTreeWidgetItem* again = m_tree->topLevelItem(currentColumnRow);
        if (again && again->data(0, Qt::UserRole).toString() == current)
            m_tree->setCurrentItem(again);
    }
    updateUseAction();
    m_use->setVisible(count > 0);
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
