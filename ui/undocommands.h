#pragma once

#include "model/block.h"

#include <QPointer>
#include <QUndoCommand>

namespace Tokenbench::Core {
class Workspace;
}

namespace Tokenbench::Ui {

// Every edit of the workspace goes through one of these, so Undo/Redo covers all of them.

class SetAttributeCommand final : public QUndoCommand
{
public:
    SetAttributeCommand(Core::Workspace* workspace, int row, const QString& block, const QString& name,
                        const QString& value);
    void undo() override;
    void redo() override;
    int id() const override { return 1; }
    // Typing into one field becomes one undo step.
    bool mergeWith(const QUndoCommand* other) override;

private:
    QPointer<Core::Workspace> m_workspace;
    int m_row;
    QString m_block;
    QString m_name;
    QString m_old;
    QString m_new;
};

// Edits an attribute whose source is an expression: the source text and the value it evaluates to.
class SetExpressionCommand final : public QUndoCommand
{
public:
    SetExpressionCommand(Core::Workspace* workspace, int row, const QString& block, const QString& name,
                         const QString& source, const QString& value);
    void undo() override;
    void redo() override;
    int id() const override { return 2; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    QPointer<Core::Workspace> m_workspace;
    int m_row;
    QString m_block;
    QString m_name;
    bool m_oldWasExpression = false;
    QString m_oldSource;
    QString m_oldValue;
    QString m_newSource;
    QString m_newValue;
};

// Replaces a whole backend (used for structural edits: add/remove a child block, rename, ...).
class ReplaceBackendCommand final : public QUndoCommand
{
public:
    ReplaceBackendCommand(Core::Workspace* workspace, int row, const Core::Block& after, const QString& text);
    void undo() override;
    void redo() override;

private:
    QPointer<Core::Workspace> m_workspace;
    int m_row;
    Core::Block m_before;
    Core::Block m_after;
};

class InsertBackendCommand final : public QUndoCommand
{
public:
    InsertBackendCommand(Core::Workspace* workspace, int row, const Core::Block& backend, const QString& text);
    void undo() override;
    void redo() override;

private:
    QPointer<Core::Workspace> m_workspace;
    int m_row;
    Core::Block m_backend;
};

class RemoveBackendCommand final : public QUndoCommand
{
public:
    RemoveBackendCommand(Core::Workspace* workspace, int row);
    void undo() override;
    void redo() override;

private:
    QPointer<Core::Workspace> m_workspace;
    int m_row;
    Core::Block m_backend;
};

} // namespace Tokenbench::Ui
