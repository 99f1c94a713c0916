#include "trace/tracemodel.h"

#include "trace/redactor.h"

namespace Tokenbench::Core {

TraceModel::TraceModel(QObject* parent) : QAbstractTableModel(parent) {}

TraceModel::~TraceModel() = default;

void TraceModel::setCapacity(int capacity)
{
    m_capacity = qMax(1, capacity);
    while (int(m_rows.size()) > m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_rows.pop_front();
        endRemoveRows();
    }
}

int TraceModel::rowForId(quint64 id) const
{
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (m_rows[std::size_t(i)].id == id)
            return i;
    }
    return -1;
}

void TraceModel::upsert(const Exchange& exchange)
{
    const int row = rowForId(exchange.id);
    const qint64 oldMax = m_maxDuration;
    m_maxDuration = qMax(m_maxDuration, exchange.durationMs);
    if (row >= 0) {
        m_rows[std::size_t(row)] = exchange;
        if (oldMax != m_maxDuration && !m_rows.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        else
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    if (int(m_rows.size()) >= m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_rows.pop_front();
        endRemoveRows();
    }
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.push_back(exchange);
    endInsertRows();
}

void TraceModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_maxDuration = 0;
    endResetModel();
}

int TraceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TraceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

// The URL as the views show it: by name (password, sensitive parameters) and by value (known secrets).
QUrl shownUrl(const Exchange& e)
{
    return QUrl::fromEncoded(Redactor::redactText(QByteArrayView(Redactor::redactUrl(e.url).toEncoded()), e.secretValues),
                             QUrl::TolerantMode);
}

} // namespace

QVariant TraceModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Exchange& e = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case MethodColumn:
            return QString::fromLatin1(e.method);
        case UrlColumn: {
            const QUrl url = shownUrl(e);
            return url.path().isEmpty() ? url.toString() : url.path() + (url.hasQuery() ? u'?' + url.query() : QString());
        }
        case StatusColumn:
            if (!e.isComplete())
                return tr("\u2026");
            if (e.failure != Exchange::Failure::None && !e.hasResponse())
                return failureName(e.failure);
            return e.status;
        case DurationColumn:
            return e.isComplete() ? QVariant(tr("%1 ms").arg(e.durationMs)) : QVariant();
        case TimelineColumn:
            return {};
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (e.failure != Exchange::Failure::None)
            return Redactor::redactText(e.failureText, e.secretValues);
        return shownUrl(e).toString();
    case Qt::TextAlignmentRole:
        if (index.column() == StatusColumn || index.column() == DurationColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ExchangeIdRole:
        return e.id;
    case FailedRole:
        return e.failure != Exchange::Failure::None || e.status >= 400 || (e.status >= 300 && e.status < 400);
    case DurationMsRole:
        return e.durationMs;
    case MaxDurationMsRole:
        return m_maxDuration;
    case PurposeRole:
        return e.purpose;
    default:
        return {};
    }
}

QVariant TraceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case MethodColumn:
        return tr("Method");
    case UrlColumn:
        return tr("Path");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Time");
    case TimelineColumn:
        return tr("Timeline");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Tokenbench::Core
