#pragma once

#include <QAbstractItemModel>
#include <QPointer>

namespace Tokenbench::Core {

class Workspace;

// The workspace as a tree: backends, under each its blocks (oauth2, ...), and under oauth2 its nested
// jwt_signing_profile (block type "oauth2.jwt_signing_profile"). Follows the workspace's signals. Renaming is requested, not applied, so the GUI can route it through its undo stack.
class WorkspaceTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceTreeModel)

public:
    enum Role {
        KindRole = Qt::UserRole + 1, // "backend" or the block type
        BackendRowRole,              // int
        BlockTypeRole,               // "" for a backend, else the child block type (a nested one: a path,
                                     // "oauth2.jwt_signing_profile")
        SeverityRole,                // int: -1 none, else the worst Diagnostic::Severity
        ProblemCountRole,
        BlockSelectorRole,           // "" for a backend, else Block::selector() ("beta_token_request:cc")
    };
    Q_ENUM(Role)

    explicit WorkspaceTreeModel(Workspace* workspace, QObject* parent = nullptr);
    ~WorkspaceTreeModel() override;

    QModelIndex backendIndex(int backendRow) const;
    // `blockType` may be a selector (Block::matches) or a nested path ("oauth2.jwt_signing_profile").
    QModelIndex blockIndex(int backendRow, const QString& blockType) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

Q_SIGNALS:
    void renameRequested(int backendRow, const QString& label);

private:
    void syncChildren(int row);
    void syncNested(int row);
    void refreshAll();
    int worstSeverity(int backendRow, const QString& blockType, int* count) const;

    QPointer<Workspace> m_workspace;
    QList<int> m_childCounts;
    QList<QList<int>> m_nestedCounts; // per backend, per child block: the nested blocks shown under it
};

} // namespace Tokenbench::Core
