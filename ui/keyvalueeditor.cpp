#include "keyvalueeditor.h"

#include "hcl/expressiondesign.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace Tokenbench::Ui {

KeyValueEditor::KeyValueEditor(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_stack = new QStackedWidget(this);
    m_table = new QTableWidget(0, 2, m_stack);
    m_table->setObjectName(QStringLiteral("keyValueTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers); // typing starts editing the cell

    m_table->setToolTip(
        tr("Values are text; env.NAME, numbers, true/false and other HCL expressions are kept as "
           "expressions."));
    m_raw = new QPlainTextEdit(m_stack);
    m_raw->setObjectName(QStringLiteral("rawExpressionEdit"));
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setMaximumHeight(150);
    m_raw->setTabChangesFocus(true);
    m_raw->setPlaceholderText(tr("An HCL expression, e.g. { grant_type = \"client_credentials\" }"));
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_raw);
    layout->addWidget(m_stack);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    auto* bar = new QHBoxLayout;
    m_addButton = new QToolButton(this);
    m_addButton->setObjectName(QStringLiteral("addRowButton"));
    m_addButton->setText(tr("+"));
    m_addButton->setToolTip(tr("Add an entry"));
    m_removeButton = new QToolButton(this);
    m_removeButton->setObjectName(QStringLiteral("removeRowButton"));
    m_removeButton->setText(tr("\u2212"));
    m_removeButton->setToolTip(tr("Remove the selected entry"));
    m_rawButton = new QToolButton(this);
    m_rawButton->setObjectName(QStringLiteral("rawToggleButton"));
    m_rawButton->setText(tr("HCL"));
    m_rawButton->setCheckable(true);
    m_rawButton->setToolTip(tr("Edit as an HCL expression"));
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    bar->addWidget(m_addButton);
    bar->addWidget(m_removeButton);
    bar->addWidget(m_note, 1);
    bar->addWidget(m_rawButton);
    layout->addLayout(bar);

    connect(m_addButton, &QToolButton::clicked, this, [this] {
        addRow(QString(), QString());
        m_table->setCurrentCell(m_table->rowCount() - 1, 0);
        m_table->editItem(m_table->item(m_table->rowCount() - 1, 0));
    });
    connect(m_removeButton, &QToolButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0)
            return;
        m_table->removeRow(row);
        fitHeight();
        emitFromTable();
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_loading)
            emitFromTable();
    });
    connect(m_raw, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loading)
            return;
        m_current = m_raw->toPlainText();
        Q_EMIT expressionEdited(m_current);
    });
    connect(m_rawButton, &QToolButton::toggled, this, [this](bool raw) {
        if (m_loading)
            return;
        if (!raw) {
            const auto entries = Core::Hcl::objectEntries(m_raw->toPlainText());
            if (!entries) {
                m_note->setText(tr("Not a literal object: stays HCL text."));
                const QSignalBlocker block(m_rawButton);
                m_rawButton->setChecked(true);
                return;
            }
            fillTable(*entries);
        } else {
            m_loading = true;
            m_raw->setPlainText(m_current);
            m_loading = false;
        }
        showRaw(raw);
    });
    showRaw(false);
}

KeyValueEditor::~KeyValueEditor() = default;

bool KeyValueEditor::isRaw() const
{
    return m_stack->currentWidget() == m_raw;
}

void KeyValueEditor::setRawOnly(bool rawOnly)
{
    if (m_rawOnly == rawOnly)
        return;
    m_rawOnly = rawOnly;
    m_rawButton->setVisible(!rawOnly);
    const QString text = m_current;
    m_current = QStringLiteral("\x01"); // force a reload
    setExpression(text);
}

void KeyValueEditor::showRaw(bool raw)
{
    m_stack->setCurrentWidget(raw ? static_cast<QWidget*>(m_raw) : m_table);
    m_addButton->setVisible(!raw);
    m_removeButton->setVisible(!raw);
    {
        const QSignalBlocker block(m_rawButton);
        m_rawButton->setChecked(raw);
    }
    if (!raw)
        m_note->clear();
    fitHeight();
}

// As tall as its rows (one empty row's worth at least, scrolling beyond six).
void KeyValueEditor::fitHeight()
{
    const int rowHeight = m_table->verticalHeader()->defaultSectionSize();
    const int rows = qBound(1, m_table->rowCount(), 6);
    const int height =
        m_table->horizontalHeader()->sizeHint().height() + rows * rowHeight + 2 * m_table->frameWidth();
    m_table->setFixedHeight(height);
    m_raw->setFixedHeight(qMax(height, 3 * m_raw->fontMetrics().lineSpacing() + 12));
    m_stack->setFixedHeight(isRaw() ? m_raw->height() : height);
}

void KeyValueEditor::fillTable(const QList<QPair<QString, QString>>& entries)
{
    m_loading = true;
    m_table->setRowCount(0);
    for (const auto& [key, value] : entries)
        addRow(key, Core::Hcl::displayText(value));
    m_loading = false;
    fitHeight();
}

void KeyValueEditor::addRow(const QString& key, const QString& value)
{
    const bool wasLoading = m_loading;
    m_loading = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(key));
    m_table->setItem(row, 1, new QTableWidgetItem(value));
    m_loading = wasLoading;
    fitHeight();
}

void KeyValueEditor::setExpression(const QString& expression)
{
    if (expression == m_current)
        return;
    m_current = expression;
    const auto entries = m_rawOnly ? std::nullopt : Core::Hcl::objectEntries(expression);
    if (entries) {
        fillTable(*entries);
        showRaw(false);
    } else {
        m_loading = true;
        if (m_raw->toPlainText() != expression)
            m_raw->setPlainText(expression);
        m_loading = false;
        showRaw(true);
        if (!m_rawOnly)
            m_note->setText(tr("Not a literal object: edited as HCL text."));
    }
}

void KeyValueEditor::emitFromTable()
{
    QList<QPair<QString, QString>> entries;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString key = m_table->item(row, 0) ? m_table->item(row, 0)->text().trimmed() : QString();
        if (key.isEmpty())
            continue;
        const QString value = m_table->item(row, 1) ? m_table->item(row, 1)->text() : QString();
        entries.append(
            {key, value.isEmpty() ? QStringLiteral("\"\"") : Core::Hcl::expressionFromTyped(value)});
    }
    m_current = Core::Hcl::objectExpression(entries);
    Q_EMIT expressionEdited(m_current);
}

} // namespace Tokenbench::Ui
