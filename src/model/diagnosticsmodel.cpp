#include "model/diagnosticsmodel.h"

#include "model/workspace.h"

#include <QTimer>

namespace Tokenbench::Core {

DiagnosticsModel::DiagnosticsModel(Workspace* workspace, QObject* parent)
    : QAbstractTableModel(parent), m_workspace(workspace)
{
    m_items = workspace->diagnostics();
    // Coalesce bursts of edits into one refresh.
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setInterval(0);
    connect(timer, &QTimer::timeout, this, &DiagnosticsModel::refresh);
    connect(workspace, &Workspace::diagnosticsChanged, timer, qOverload<>(&QTimer::start));
}

DiagnosticsModel::~DiagnosticsModel() = default;

void DiagnosticsModel::refresh()
{
    if (!m_workspace)
        return;
    const Diagnostics now = m_workspace->diagnostics();
    if (now == m_items)
        return;
    beginResetModel();
    m_items = now;
    endResetModel();
}

int DiagnosticsModel::errorCount() const
{
    return int(std::count_if(m_items.begin(), m_items.end(),
                             [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Error; }));
}

int DiagnosticsModel::warningCount() const
{
    return int(std::count_if(m_items.begin(), m_items.end(),
                             [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Warning; }));
}

int DiagnosticsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int DiagnosticsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiagnosticsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Diagnostic& d = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case SeverityColumn:
            return Diagnostic::severityName(d.severity);
        case MessageColumn:
            return d.message;
        case LocationColumn:
            if (!d.file.isEmpty() && d.line > 0)
                return QStringLiteral("%1:%2:%3").arg(d.file).arg(d.line).arg(qMax(1, d.column));
            return d.path();
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        return d.toString();
    case SeverityRole:
        return int(d.severity);
    case BackendRole:
        return d.backend;
    case BlockRole:
        return d.block;
    case AttributeRole:
        return d.attribute;
    default:
        return {};
    }
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case SeverityColumn:
        return tr("Severity");
    case MessageColumn:
        return tr("Problem");
    case LocationColumn:
        return tr("Where");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Tokenbench::Core
