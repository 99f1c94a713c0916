#pragma once

#include "net/exchange.h"

#include <QAbstractTableModel>
#include <QHash>
#include <deque>

namespace Tokenbench::Core {

// The exchanges of the session, newest last, in a bounded ring (oldest dropped past the capacity).
// Values shown are redacted; the view asks for the raw exchange through exchange(row) on purpose only.
// What an exchange was, in a word or two: "token", "refresh", "device poll", "device authorization",
// "discovery", "JWKS", "resource", "token request "label"" (a beta_token_request).
QString traceStep(const Exchange& exchange);
// A transport failure in words ("connection refused", "host not found", "timed out", ...).
QString failureWords(Exchange::Failure failure);

class TraceModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraceModel)

public:
    enum Column { StepColumn, MethodColumn, UrlColumn, StatusColumn, DurationColumn, TimelineColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        ExchangeIdRole = Qt::UserRole + 1,
        FailedRole,        // bool
        DurationMsRole,    // qint64, -1 while running and for an exchange that got no response
        MaxDurationMsRole, // qint64, the longest duration in the model (for timeline bars)
        PurposeRole,
    };
    Q_ENUM(Role)

    explicit TraceModel(QObject* parent = nullptr);
    ~TraceModel() override;

    void setCapacity(int capacity);
    int capacity() const { return m_capacity; }

    // Adds a running exchange or updates the one with the same id.
    void upsert(const Exchange& exchange);
    void clear();
    const Exchange& exchange(int row) const { return m_rows.at(std::size_t(row)); }
    int rowForId(quint64 id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void countHost(const Exchange& exchange, int delta);

    std::deque<Exchange> m_rows;
    QHash<QString, int> m_hosts; // scheme://host:port -> rows: the host is shown once there are several
    int m_capacity = 1000;
    qint64 m_maxDuration = 0;
};

} // namespace Tokenbench::Core
