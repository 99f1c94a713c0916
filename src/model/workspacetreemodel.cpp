#include "model/workspacetreemodel.h"

#include "model/workspace.h"

namespace Tokenbench::Core {

namespace {
constexpr quintptr TopLevel = 0;
// A nested block (third level): the flag, the backend row (bits 16-47) and its parent child row (0-15).
constexpr quintptr NestedFlag = quintptr(1) << 63;

quintptr nestedId(int backendRow, int childRow)
{
    return NestedFlag | (quintptr(backendRow) << 16) | quintptr(childRow);
}
bool isNested(quintptr id)
{
    return (id & NestedFlag) != 0;
}
int nestedBackend(quintptr id)
{
    return int((id & ~NestedFlag) >> 16);
}
int nestedParent(quintptr id)
{
    return int(id & 0xffff);
}

// The nested blocks the tree shows under a backend's child block: the oauth2 block's jwt_signing_profile.
bool shownNested(const Block& parent, const Block& b)
{
    return parent.type == BlockType::OAuth2 && b.type == u"jwt_signing_profile";
}
QList<int> nestedCounts(const Block& backend)
{
    QList<int> counts;
    for (const Block& child : backend.blocks) {
        int n = 0;
        for (const Block& b : child.blocks)
            n += shownNested(child, b) ? 1 : 0;
        counts.append(n);
    }
    return counts;
}
const Block* nestedAt(const Block& child, int row)
{
    for (const Block& b : child.blocks) {
        if (shownNested(child, b) && row-- == 0)
            return &b;
    }
    return nullptr;
}
} // namespace

WorkspaceTreeModel::WorkspaceTreeModel(Workspace* workspace, QObject* parent)
    : QAbstractItemModel(parent), m_workspace(workspace)
{
    for (const Block& b : workspace->backends()) {
        m_childCounts.append(int(b.blocks.size()));
        m_nestedCounts.append(nestedCounts(b));
    }

    connect(workspace, &Workspace::backendAboutToBeInserted, this, [this](int row) { beginInsertRows({}, row, row); });
    connect(workspace, &Workspace::backendInserted, this, [this](int row) {
        m_childCounts.insert(row, int(m_workspace->backend(row).blocks.size()));
        m_nestedCounts.insert(row, nestedCounts(m_workspace->backend(row)));
        endInsertRows();
    });
    connect(workspace, &Workspace::backendAboutToBeRemoved, this, [this](int row) { beginRemoveRows({}, row, row); });
    connect(workspace, &Workspace::backendRemoved, this, [this](int row) {
        m_childCounts.removeAt(row);
        m_nestedCounts.removeAt(row);
        endRemoveRows();
    });
    connect(workspace, &Workspace::backendChanged, this, [this](int row) {
        syncChildren(row);
        syncNested(row);
        const QModelIndex idx = backendIndex(row);
        Q_EMIT dataChanged(idx, idx);
        const int n = rowCount(idx);
        if (n > 0)
            Q_EMIT dataChanged(index(0, 0, idx), index(n - 1, 0, idx));
    });
    connect(workspace, &Workspace::aboutToReset, this, [this] { beginResetModel(); });
    connect(workspace, &Workspace::reset, this, [this] {
        m_childCounts.clear();
        m_nestedCounts.clear();
        for (const Block& b : m_workspace->backends()) {
            m_childCounts.append(int(b.blocks.size()));
            m_nestedCounts.append(nestedCounts(b));
        }
        endResetModel();
    });
    connect(workspace, &Workspace::diagnosticsChanged, this, &WorkspaceTreeModel::refreshAll);
}

WorkspaceTreeModel::~WorkspaceTreeModel() = default;

void WorkspaceTreeModel::syncChildren(int row)
{
    const int now = int(m_workspace->backend(row).blocks.size());
    const int before = m_childCounts.at(row);
    const QModelIndex parentIdx = backendIndex(row);
    const QList<int> nested = nestedCounts(m_workspace->backend(row));
    if (now > before) {
        beginInsertRows(parentIdx, before, now - 1);
        m_childCounts[row] = now;
        // New children come with what is nested in them.
        for (int c = int(m_nestedCounts[row].size()); c < now; ++c)
            m_nestedCounts[row].append(nested.value(c));
        endInsertRows();
    } else if (now < before) {
        beginRemoveRows(parentIdx, now, before - 1);
        m_childCounts[row] = now;
        m_nestedCounts[row].resize(now);
        endRemoveRows();
    }
}

void WorkspaceTreeModel::syncNested(int row)
{
    const QList<int> nested = nestedCounts(m_workspace->backend(row));
    QList<int>& counts = m_nestedCounts[row];
    for (int c = 0; c < counts.size() && c < nested.size(); ++c) {
        const int before = counts[c];
        const int now = nested[c];
        const QModelIndex parentIdx = index(c, 0, backendIndex(row));
        if (now > before) {
            beginInsertRows(parentIdx, before, now - 1);
            counts[c] = now;
            endInsertRows();
        } else if (now < before) {
            beginRemoveRows(parentIdx, now, before - 1);
            counts[c] = now;
            endRemoveRows();
        }
        if (now > 0)
            Q_EMIT dataChanged(index(0, 0, parentIdx), index(now - 1, 0, parentIdx));
    }
}

void WorkspaceTreeModel::refreshAll()
{
    const int n = rowCount();
    if (n == 0)
        return;
    Q_EMIT dataChanged(index(0, 0), index(n - 1, 0), {SeverityRole, ProblemCountRole, Qt::ToolTipRole});
    for (int r = 0; r < n; ++r) {
        const QModelIndex p = index(r, 0);
        const int c = rowCount(p);
        if (c > 0)
            Q_EMIT dataChanged(index(0, 0, p), index(c - 1, 0, p), {SeverityRole, ProblemCountRole, Qt::ToolTipRole});
        for (int i = 0; i < c; ++i) {
            const QModelIndex q = index(i, 0, p);
            if (const int k = rowCount(q); k > 0)
                Q_EMIT dataChanged(index(0, 0, q), index(k - 1, 0, q), {SeverityRole, ProblemCountRole, Qt::ToolTipRole});
        }
    }
}

QModelIndex WorkspaceTreeModel::backendIndex(int backendRow) const
{
    return index(backendRow, 0);
}

QModelIndex WorkspaceTreeModel::blockIndex(int backendRow, const QString& blockType) const
{
    if (!m_workspace || backendRow < 0 || backendRow >= m_workspace->backendCount())
        return {};
    const Block& b = m_workspace->backend(backendRow);
    if (const qsizetype dot = blockType.indexOf(u'.'); dot > 0) {
        const QModelIndex parentIdx = blockIndex(backendRow, blockType.left(dot));
        const QString nested = blockType.mid(dot + 1);
        for (int i = 0; i < rowCount(parentIdx); ++i) {
            if (index(i, 0, parentIdx).data(KindRole).toString() == nested)
                return index(i, 0, parentIdx);
        }
        return {};
    }
    for (int i = 0; i < m_childCounts.value(backendRow) && i < b.blocks.size(); ++i) {
        if (b.blocks.at(i).matches(blockType))
            return index(i, 0, backendIndex(backendRow));
    }
    return {};
}

QModelIndex WorkspaceTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, TopLevel);
    if (parent.internalId() == TopLevel)
        return createIndex(row, column, quintptr(parent.row() + 1));
    return createIndex(row, column, nestedId(int(parent.internalId() - 1), parent.row()));
}

QModelIndex WorkspaceTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == TopLevel)
        return {};
    if (isNested(child.internalId()))
        return createIndex(nestedParent(child.internalId()), 0, quintptr(nestedBackend(child.internalId()) + 1));
    return createIndex(int(child.internalId() - 1), 0, TopLevel);
}

int WorkspaceTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!m_workspace)
        return 0;
    if (!parent.isValid())
        return int(m_childCounts.size());
    if (parent.column() != 0 || isNested(parent.internalId()))
        return 0;
    if (parent.internalId() != TopLevel)
        return m_nestedCounts.value(int(parent.internalId() - 1)).value(parent.row());
    return m_childCounts.value(parent.row());
}

int WorkspaceTreeModel::columnCount(const QModelIndex&) const
{
    return 1;
}

int WorkspaceTreeModel::worstSeverity(int backendRow, const QString& blockType, int* count) const
{
    int worst = -1;
    *count = 0;
    const QString label = m_workspace->backend(backendRow).label;
    for (const Diagnostic& d : m_workspace->diagnostics()) {
        if (d.backend != label || (!blockType.isEmpty() && d.block != blockType))
            continue;
        ++*count;
        const int s = int(d.severity);
        if (worst < 0 || s < worst)
            worst = s;
    }
    return worst;
}

QVariant WorkspaceTreeModel::data(const QModelIndex& index, int role) const
{
    if (!m_workspace || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool top = index.internalId() == TopLevel;
    const bool nested = isNested(index.internalId());
    const int backendRow = top ? index.row() : nested ? nestedBackend(index.internalId()) : int(index.internalId() - 1);
    if (backendRow >= m_workspace->backendCount())
        return {};
    const Block& backend = m_workspace->backend(backendRow);
    const Block* block = nullptr;
    QString blockType;
    if (top) {
        block = &backend;
    } else if (nested) {
        const int parentRow = nestedParent(index.internalId());
        const Block* parent = parentRow < backend.blocks.size() ? &backend.blocks.at(parentRow) : nullptr;
        block = parent ? nestedAt(*parent, index.row()) : nullptr;
        if (block)
            blockType = parent->type + u'.' + block->type;
    } else if (index.row() < backend.blocks.size()) {
        block = &backend.blocks.at(index.row());
        blockType = block->type;
    }
    if (!block)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        if (top)
            return backend.label.isEmpty() ? tr("(unnamed backend)") : backend.label;
        return block->label.isEmpty() ? block->type : block->type + QStringLiteral(" \"") + block->label + u'"';
    case Qt::EditRole:
        return top ? QVariant(backend.label) : QVariant();
    case Qt::ToolTipRole: {
        int count = 0;
        worstSeverity(backendRow, blockType, &count);
        const QString what = top ? tr("backend \"%1\"").arg(backend.label) : tr("%1 block").arg(block->type);
        return count == 0 ? what : tr("%1 \u2014 %n problem(s)", nullptr, count).arg(what);
    }
    case KindRole:
        return top ? QStringLiteral("backend") : block->type;
    case BackendRowRole:
        return backendRow;
    case BlockTypeRole:
        return blockType;
    case BlockSelectorRole:
        return top ? QString() : nested ? blockType : block->selector();
    case SeverityRole: {
        int count = 0;
        return worstSeverity(backendRow, blockType, &count);
    }
    case ProblemCountRole: {
        int count = 0;
        worstSeverity(backendRow, blockType, &count);
        return count;
    }
    default:
        return {};
    }
}

bool WorkspaceTreeModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.internalId() != TopLevel)
        return false;
    const QString label = value.toString().trimmed();
    if (label.isEmpty() || label == m_workspace->backend(index.row()).label)
        return false;
    Q_EMIT renameRequested(index.row(), label);
    return true;
}

Qt::ItemFlags WorkspaceTreeModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() == TopLevel)
        f |= Qt::ItemIsEditable;
    else if (isNested(index.internalId()))
        f |= Qt::ItemNeverHasChildren;
    return f;
}

} // namespace Tokenbench::Core
