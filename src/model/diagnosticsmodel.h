#pragma once

#include "util/diagnostic.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace Tokenbench::Core {

class Workspace;

// Every diagnostic of the workspace, for the Problems view.
class DiagnosticsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosticsModel)

public:
    enum Column { SeverityColumn, MessageColumn, LocationColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role { SeverityRole = Qt::UserRole + 1, BackendRole, BlockRole, AttributeRole };
    Q_ENUM(Role)

    explicit DiagnosticsModel(Workspace* workspace, QObject* parent = nullptr);
    ~DiagnosticsModel() override;

    const Diagnostic& diagnostic(int row) const { return m_items.at(row); }
    int errorCount() const;
    int warningCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void refresh();

    QPointer<Workspace> m_workspace;
    Diagnostics m_items;
};

} // namespace Tokenbench::Core
