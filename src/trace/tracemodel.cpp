#include "trace/tracemodel.h"

#include "model/schema.h"
#include "net/issuerverifier.h"
#include "net/jwkscache.h"
#include "trace/redactor.h"

#include <QUrlQuery>

namespace Tokenbench::Core {

QString traceStep(const Exchange& e)
{
    const QString& purpose = e.purpose;
    if (purpose == u"token request") {
        // The grant says which step of a flow it was.
        const QString grant = QUrlQuery(QString::fromLatin1(e.requestBody)).queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded);
        if (grant == Schema::Grant::RefreshToken)
            return TraceModel::tr("refresh");
        if (grant == Schema::Grant::DeviceCode)
            return TraceModel::tr("device poll");
        return TraceModel::tr("token");
    }
    if (purpose == u"device authorization request")
        return TraceModel::tr("device authorization");
    if (purpose == u"discovery" || purpose == Jwt::IssuerMetadataPurpose)
        return TraceModel::tr("discovery");
    if (purpose == Jwt::JwksPurpose)
        return TraceModel::tr("JWKS");
    if (purpose.startsWith(QStringLiteral("resource check")))
        return TraceModel::tr("resource") + purpose.mid(int(qstrlen("resource check")));
    if (purpose.startsWith(QStringLiteral("beta_token_request")))
        return TraceModel::tr("token request") + purpose.mid(int(qstrlen("beta_token_request")));
    return purpose;
}

QString failureWords(Exchange::Failure failure)
{
    switch (failure) {
    case Exchange::Failure::None:
        return {};
    case Exchange::Failure::ConnectionRefused:
        return TraceModel::tr("connection refused");
    case Exchange::Failure::HostNotFound:
        return TraceModel::tr("host not found");
    case Exchange::Failure::Tls:
        return TraceModel::tr("TLS failed");
    case Exchange::Failure::ConnectTimeout:
        return TraceModel::tr("connect timed out");
    case Exchange::Failure::TtfbTimeout:
        return TraceModel::tr("no answer in time");
    case Exchange::Failure::TotalTimeout:
        return TraceModel::tr("timed out");
    case Exchange::Failure::ClosedEarly:
        return TraceModel::tr("closed early");
    case Exchange::Failure::TooLarge:
        return TraceModel::tr("too large");
    case Exchange::Failure::Protocol:
        return TraceModel::tr("not HTTP");
    case Exchange::Failure::Canceled:
        return TraceModel::tr("canceled");
    case Exchange::Failure::Other:
        return TraceModel::tr("failed");
    }
    return {};
}

namespace {

QString hostKey(const Exchange& e)
{
    return e.url.scheme() + QStringLiteral("://") + e.url.host() + u':' + QString::number(e.url.port(-1));
}

} // namespace

TraceModel::TraceModel(QObject* parent) : QAbstractTableModel(parent) {}

void TraceModel::countHost(const Exchange& exchange, int delta)
{
    const bool several = m_hosts.size() > 1;
    const QString key = hostKey(exchange);
    const int n = m_hosts.value(key) + delta;
    if (n > 0)
        m_hosts.insert(key, n);
    else
        m_hosts.remove(key);
    if (several != (m_hosts.size() > 1) && !m_rows.empty())
        Q_EMIT dataChanged(index(0, UrlColumn), index(rowCount() - 1, UrlColumn));
}

TraceModel::~TraceModel() = default;

void TraceModel::setCapacity(int capacity)
{
    m_capacity = qMax(1, capacity);
    while (int(m_rows.size()) > m_capacity) {
        beginRemoveRows({}, 0, 0);
        const Exchange gone = m_rows.front();
        m_rows.pop_front();
        endRemoveRows();
        countHost(gone, -1);
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
        const Exchange gone = m_rows.front();
        m_rows.pop_front();
        endRemoveRows();
        countHost(gone, -1);
    }
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.push_back(exchange);
    endInsertRows();
    countHost(exchange, +1);
}

void TraceModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_hosts.clear();
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
        case StepColumn:
            return e.backend.isEmpty() ? traceStep(e) : e.backend + QStringLiteral(" \u00b7 ") + traceStep(e);
        case MethodColumn:
            return QString::fromLatin1(e.method);
        case UrlColumn: {
            const QUrl url = shownUrl(e);
            if (url.path().isEmpty())
                return url.toString();
            const QString path = url.path() + (url.hasQuery() ? u'?' + url.query() : QString());
            // The host only when the rows go to more than one.
            if (m_hosts.size() > 1)
                return QString(url.host() + (url.port() > 0 ? u':' + QString::number(url.port()) : QString()) + path);
            return path;
        }
        case StatusColumn:
            if (!e.isComplete())
                return tr("\u2026");
            if (e.failure != Exchange::Failure::None && !e.hasResponse())
                return failureWords(e.failure);
            return e.status;
        case DurationColumn:
            // No response, no timings: how long it took to fail is in the details, not a bar or a figure.
            if (!e.isComplete())
                return {};
            return e.hasResponse() ? QVariant(tr("%1 ms").arg(e.durationMs)) : QVariant(QStringLiteral("\u2014"));
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
        return e.hasResponse() ? e.durationMs : qint64(-1);
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
    case StepColumn:
        return tr("What");
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
