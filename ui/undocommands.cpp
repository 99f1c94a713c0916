#include "undocommands.h"

#include "model/schema.h"
#include "model/workspace.h"

#include <QCoreApplication>

namespace Tokenbench::Ui {

using Core::Workspace;

namespace {
QString attributeLabel(const QString& block, const QString& name)
{
    return block.isEmpty() ? name : block + u'.' + name;
}
} // namespace

SetAttributeCommand::SetAttributeCommand(Workspace* workspace, int row, const QString& block, const QString& name,
                                         const QString& value)
    : m_workspace(workspace), m_row(row), m_block(block), m_name(name), m_new(value)
{
    const Core::Block& b = workspace->backend(row);
    const Core::Block* target = block.isEmpty() ? &b : b.child(block);
    m_old = target ? target->attribute(name) : QString();
    setText(QCoreApplication::translate("Tokenbench::Ui", "Edit %1").arg(attributeLabel(block, name)));
}

void SetAttributeCommand::undo()
{
    if (m_workspace && m_row < m_workspace->backendCount())
        m_workspace->setAttribute(m_row, m_block, m_name, m_old);
}

void SetAttributeCommand::redo()
{
    if (m_workspace && m_row < m_workspace->backendCount())
        m_workspace->setAttribute(m_row, m_block, m_name, m_new);
}

SetExpressionCommand::SetExpressionCommand(Workspace* workspace, int row, const QString& block, const QString& name,
                                           const QString& source, const QString& value)
    : m_workspace(workspace), m_row(row), m_block(block), m_name(name), m_newSource(source), m_newValue(value)
{
    const Core::Block& b = workspace->backend(row);
    const Core::Block* target = block.isEmpty() ? &b : b.child(block);
    if (target) {
        m_oldWasExpression = target->hasExpression(name);
        m_oldSource = target->expression(name);
        m_oldValue = target->attribute(name);
    }
    setText(QCoreApplication::translate("Tokenbench::Ui", "Edit %1").arg(attributeLabel(block, name)));
}

void SetExpressionCommand::undo()
{
    if (!m_workspace || m_row >= m_workspace->backendCount())
        return;
    if (m_oldWasExpression)
        m_workspace->setExpression(m_row, m_block, m_name, m_oldSource, m_oldValue);
    else
        m_workspace->setAttribute(m_row, m_block, m_name, m_oldValue);
}

void SetExpressionCommand::redo()
{
    if (m_workspace && m_row < m_workspace->backendCount())
        m_workspace->setExpression(m_row, m_block, m_name, m_newSource, m_newValue);
}

bool SetExpressionCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = static_cast<const SetExpressionCommand*>(other);
    if (o->m_workspace != m_workspace || o->m_row != m_row || o->m_block != m_block || o->m_name != m_name)
        return false;
    m_newSource = o->m_newSource;
    m_newValue = o->m_newValue;
    setObsolete(m_oldWasExpression && m_newSource == m_oldSource);
    return true;
}

bool SetAttributeCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = static_cast<const SetAttributeCommand*>(other);
    if (o->m_workspace != m_workspace || o->m_row != m_row || o->m_block != m_block || o->m_name != m_name)
        return false;
    m_new = o->m_new;
    setObsolete(m_new == m_old);
    return true;
}

ReplaceBackendCommand::ReplaceBackendCommand(Workspace* workspace, int row, const Core::Block& after,
                                             const QString& text)
    : m_workspace(workspace), m_row(row), m_before(workspace->backend(row)), m_after(after)
{
    setText(text);
}

void ReplaceBackendCommand::undo()
{
    if (m_workspace && m_row < m_workspace->backendCount())
        m_workspace->replaceBackend(m_row, m_before);
}

void ReplaceBackendCommand::redo()
{
    if (m_workspace && m_row < m_workspace->backendCount())
        m_workspace->replaceBackend(m_row, m_after);
}

InsertBackendCommand::InsertBackendCommand(Workspace* workspace, int row, const Core::Block& backend,
                                           const QString& text)
    : m_workspace(workspace), m_row(row), m_backend(backend)
{
    setText(text);
}

void InsertBackendCommand::undo()
{
    if (m_workspace && m_row < m_workspace->backendCount())
        m_workspace->takeBackend(m_row);
}

void InsertBackendCommand::redo()
{
    if (m_workspace)
        m_workspace->insertBackend(m_row, m_backend);
}

RemoveBackendCommand::RemoveBackendCommand(Workspace* workspace, int row)
    : m_workspace(workspace), m_row(row), m_backend(workspace->backend(row))
{
    setText(QCoreApplication::translate("Tokenbench::Ui", "Delete backend %1").arg(m_backend.label));
}

void RemoveBackendCommand::undo()
{
    if (m_workspace)
        m_workspace->insertBackend(m_row, m_backend);
}

void RemoveBackendCommand::redo()
{
    if (m_workspace && m_row < m_workspace->backendCount())
        m_workspace->takeBackend(m_row);
}

} // namespace Tokenbench::Ui
