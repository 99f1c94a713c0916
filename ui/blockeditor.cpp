#include "blockeditor.h"

#include "shortcutpriority.h"
#include "undocommands.h"

#include "model/expressionfield.h"
#include "model/schema.h"
#include "model/workspace.h"

#include <QComboBox>
#include <QKeyEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QUndoStack>

namespace Tokenbench::Ui {

using Core::Diagnostic;

BlockEditor::BlockEditor(const QString& blockType, QWidget* parent) : QWidget(parent), m_blockType(blockType) {}

BlockEditor::~BlockEditor() = default;

Core::Workspace* BlockEditor::workspace() const
{
    return m_workspace;
}

QUndoStack* BlockEditor::undoStack() const
{
    return m_undo;
}

void BlockEditor::bindFields()
{
    const QString schemaType = m_blockType.isEmpty() ? Core::BlockType::Backend : m_blockType;
    const QList<QWidget*> widgets = findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        const QString attribute = w->property("attribute").toString();
        if (attribute.isEmpty())
            continue;
        m_fields.insert(attribute, w);
        if (const Core::Schema::Attribute* spec = Core::Schema::find(schemaType, attribute)) {
            w->setToolTip(QStringLiteral("<b>%1</b><br>%2").arg(attribute, spec->help.toHtmlEscaped()));
            if (auto* edit = qobject_cast<QLineEdit*>(w); edit && !spec->defaultValue.isEmpty() &&
                                                         edit->placeholderText().isEmpty())
                edit->setPlaceholderText(tr("default: %1").arg(spec->defaultValue));
        }
        if (auto* edit = qobject_cast<QLineEdit*>(w)) {
            edit->installEventFilter(this);
            connect(edit, &QLineEdit::textEdited, this,
                    [this, attribute](const QString& text) { onFieldEdited(attribute, text); });
            // Enter runs, unless it accepts a completion from an open popup.
            connect(edit, &QLineEdit::returnPressed, this, [this, edit] {
                if (!completionPopupOpen(edit))
                    Q_EMIT runRequested();
            });
        } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
            connect(combo, &QComboBox::activated, this, [this, attribute, combo](int index) {
                onFieldEdited(attribute, combo->itemData(index).toString());
            });
        }
        // A problem label under the field, hidden while there is nothing to say.
        auto* form = qobject_cast<QFormLayout*>(w->parentWidget() ? w->parentWidget()->layout() : nullptr);
        int row = -1;
        QFormLayout::ItemRole role{};
        if (form)
            form->getWidgetPosition(w, &row, &role);
        if (form && row >= 0 && qobject_cast<QLineEdit*>(w)) {
            // The value of an expression, under its source.
            auto* value = new QLabel(w->parentWidget());
            value->setObjectName(attribute + QStringLiteral("ValueLabel"));
            value->setWordWrap(true);
            value->setTextFormat(Qt::PlainText);
            value->setTextInteractionFlags(Qt::TextSelectableByMouse);
            QFont small = value->font();
            small.setPointSizeF(small.pointSizeF() * 0.9);
            value->setFont(small);
            value->setForegroundRole(QPalette::PlaceholderText);
            value->setVisible(false);
            form->insertRow(row + 1, QString(), value);
            form->setRowVisible(value, false);
            m_values.insert(attribute, value);
            ++row;
        }
        if (form && row >= 0) {
            auto* label = new QLabel(w->parentWidget());
            label->setObjectName(attribute + QStringLiteral("ProblemLabel"));
            label->setWordWrap(true);
            label->setTextFormat(Qt::PlainText);
            label->setVisible(false);
            form->insertRow(row + 1, QString(), label);
            form->setRowVisible(label, false);
            m_problems.insert(attribute, label);
        }
    }
}

void BlockEditor::setTarget(Core::Workspace* workspace, int backendRow, QUndoStack* undoStack)
{
    for (const auto& c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_workspace = workspace;
    m_row = backendRow;
    m_undo = undoStack;
    if (!workspace)
        return;
    m_connections << connect(workspace, &Core::Workspace::attributeChanged, this,
                             [this](int row, const QString& block, const QString& name) {
                                 if (row == m_row && block == m_blockType) {
                                     loadField(name);
                                     updateVisibility();
                                 }
                             });
    m_connections << connect(workspace, &Core::Workspace::backendChanged, this, [this](int row) {
        if (row == m_row)
            load();
    });
    m_connections << connect(workspace, &Core::Workspace::diagnosticsChanged, this, &BlockEditor::showDiagnostics);
    load();
}

void BlockEditor::load()
{
    if (!m_workspace || m_row < 0 || m_row >= m_workspace->backendCount())
        return;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        loadField(it.key());
    updateVisibility();
    showDiagnostics();
    loaded();
}

const Core::Block* BlockEditor::block() const
{
    if (!m_workspace || m_row < 0 || m_row >= m_workspace->backendCount())
        return nullptr;
    const Core::Block& b = m_workspace->backend(m_row);
    return m_blockType.isEmpty() ? &b : b.child(m_blockType);
}

QString BlockEditor::value(const QString& attribute) const
{
    const Core::Block* target = block();
    return target ? target->attribute(attribute) : QString();
}

void BlockEditor::setValue(const QString& attribute, const QString& text)
{
    onFieldEdited(attribute, text);
}

void BlockEditor::loadField(const QString& attribute)
{
    QWidget* w = m_fields.value(attribute);
    if (!w)
        return;
    const Core::Block* target = block();
    const bool expression = target && target->hasExpression(attribute);
    // An expression is shown (and edited) as its source, its value beside it.
    const QString v = expression ? Core::Hcl::singleLineExpression(target->expression(attribute)) : value(attribute);
    m_loading = true;
    if (auto* edit = qobject_cast<QLineEdit*>(w)) {
        edit->setProperty("expression", expression);
        if (edit->text() != v) {
            const int cursor = edit->cursorPosition();
            edit->setText(v);
            edit->setCursorPosition(qMin(cursor, int(v.size())));
        }
    } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
        int index = combo->findData(v);
        if (index < 0 && v.isEmpty())
            index = 0;
        if (index < 0) {
            // Keep values the form does not know (e.g. from a file) instead of losing them.
            combo->addItem(v, v);
            index = combo->count() - 1;
        }
        combo->setCurrentIndex(index);
    }
    m_loading = false;
    showValue(attribute);
}

void BlockEditor::showValue(const QString& attribute)
{
    QLabel* label = m_values.value(attribute);
    if (!label)
        return;
    const Core::Block* target = block();
    const bool expression = target && target->hasExpression(attribute);
    QString text;
    if (expression) {
        const QString schemaType = m_blockType.isEmpty() ? Core::BlockType::Backend : m_blockType;
        const QString v = target->attribute(attribute);
        // One that does not evaluate (an unknown function, a type error) says why instead of a value.
        QString error;
        Core::Hcl::startupValue(schemaType, attribute, target->expression(attribute), &error);
        if (!error.isEmpty())
            text = tr("\u2716 %1").arg(error);
        else if (Core::Schema::isSecret(schemaType, attribute))
            text = tr("= (a secret: not shown)");
        else
            text = QStringLiteral("= ") + (v.size() > 300 ? v.left(300) + QStringLiteral("\u2026") : v);
    }
    label->setText(text);
    label->setToolTip(expression ? tr("What the expression evaluates to at Couper's start-up (env from this "
                                      "process's environment). The file keeps the expression.")
                                 : QString());
    QWidget* w = m_fields.value(attribute);
    const bool fieldVisible = w && w->isVisibleTo(w->parentWidget());
    if (auto* form = qobject_cast<QFormLayout*>(label->parentWidget()->layout()))
        form->setRowVisible(label, expression && fieldVisible);
}

void BlockEditor::onFieldEdited(const QString& attribute, const QString& text)
{
    if (m_loading || !m_workspace || !m_undo || m_row < 0 || m_row >= m_workspace->backendCount())
        return;
    if (editField(attribute, text))
        return;
    if (const Core::Block* target = block(); target && target->hasExpression(attribute)) {
        // The source is edited; the value follows it. Never the value in place of the expression.
        if (target->expression(attribute) == text)
            return;
        const QString schemaType = m_blockType.isEmpty() ? Core::BlockType::Backend : m_blockType;
        QString error;
        const QString v = text.trimmed().isEmpty() ? QString() : Core::Hcl::startupValue(schemaType, attribute, text, &error);
        m_undo->push(new SetExpressionCommand(m_workspace, m_row, m_blockType, attribute, text, v));
        return;
    }
    if (value(attribute) == text)
        return;
    m_undo->push(new SetAttributeCommand(m_workspace, m_row, m_blockType, attribute, text));
}

void BlockEditor::setFieldVisible(const QString& attribute, bool visible)
{
    QWidget* w = m_fields.value(attribute);
    if (!w)
        return;
    if (auto* form = qobject_cast<QFormLayout*>(w->parentWidget() ? w->parentWidget()->layout() : nullptr))
        form->setRowVisible(w, visible);
    if (QLabel* shown = m_values.value(attribute)) {
        if (auto* form = qobject_cast<QFormLayout*>(shown->parentWidget()->layout()))
            form->setRowVisible(shown, visible && block() && block()->hasExpression(attribute));
    }
    if (QLabel* problem = m_problems.value(attribute); problem && !visible) {
        if (auto* form = qobject_cast<QFormLayout*>(problem->parentWidget()->layout()))
            form->setRowVisible(problem, false);
    }
}

void BlockEditor::showDiagnostics()
{
    if (!m_workspace || m_row < 0 || m_row >= m_workspace->backendCount())
        return;
    const QString label = m_workspace->backend(m_row).label;
    QHash<QString, QStringList> messages;
    QHash<QString, int> worst;
    for (const Diagnostic& d : m_workspace->diagnostics()) {
        if (d.backend != label || d.block != m_blockType || d.attribute.isEmpty())
            continue;
        const QString prefix = d.severity == Diagnostic::Severity::Error     ? QStringLiteral("\u2716 ")
                               : d.severity == Diagnostic::Severity::Warning ? QStringLiteral("\u26a0 ")
                                                                             : QStringLiteral("\u2139 ");
        messages[d.attribute] << prefix + d.message;
        worst[d.attribute] = qMin(worst.value(d.attribute, 99), int(d.severity));
    }
    for (auto it = m_problems.cbegin(); it != m_problems.cend(); ++it) {
        QLabel* problem = it.value();
        const QStringList lines = messages.value(it.key());
        QWidget* w = m_fields.value(it.key());
        const bool fieldVisible = w && w->isVisibleTo(w->parentWidget());
        const bool show = !lines.isEmpty() && fieldVisible;
        problem->setText(lines.join(u'\n'));
        const int severity = worst.value(it.key(), 99);
        QPalette pal = problem->palette();
        pal.setColor(QPalette::WindowText, severity == int(Diagnostic::Severity::Error) ? QColor(0xd0, 0x30, 0x30)
                                           : severity == int(Diagnostic::Severity::Warning)
                                               ? QColor(0xc0, 0x80, 0x00)
                                               : palette().color(QPalette::WindowText));
        problem->setPalette(pal);
        if (auto* form = qobject_cast<QFormLayout*>(problem->parentWidget()->layout()))
            form->setRowVisible(problem, show);
        if (w)
            w->setProperty("problem", show ? severity : -1);
    }
}

bool BlockEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
            // Leave it to the window's Undo/Redo actions.
            event->ignore();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool BlockEditor::focusAttribute(const QString& attribute)
{
    QWidget* w = m_fields.value(attribute);
    if (!w || !w->isVisibleTo(this))
        return false;
    w->setFocus(Qt::OtherFocusReason);
    if (auto* edit = qobject_cast<QLineEdit*>(w))
        edit->selectAll();
    return true;
}

} // namespace Tokenbench::Ui
