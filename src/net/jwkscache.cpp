#include "net/jwkscache.h"

#include "net/httpexchange.h"

#include <QLocale>
#include <QNetworkAccessManager>
#include <QTimeZone>

namespace Tokenbench::Core::Jwt {

namespace {

// RFC 9110 §5.6.7 IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"); obsolete formats are rare for
// JWKS endpoints and read as invalid (= no freshness information).
QDateTime parseHttpDate(const QByteArray& value)
{
    QDateTime dt = QLocale::c().toDateTime(QString::fromLatin1(value.trimmed()),
                                           QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!dt.isValid())
        return {};
    dt.setTimeZone(QTimeZone::utc());
    return dt;
}

struct CacheControl
{
    bool noStore = false;
    bool noCache = false;
    std::optional<qint64> maxAge;
};

CacheControl parseCacheControl(const QByteArray& header)
{
    CacheControl cc;
    const QList<QByteArray> directives = header.split(',');
    for (const QByteArray& raw : directives) {
        const QByteArray d = raw.trimmed().toLower();
        if (d == "no-store")
            cc.noStore = true;
        else if (d == "no-cache" || d.startsWith("no-cache="))
            cc.noCache = true;
        else if (d.startsWith("max-age=")) {
            bool ok = false;
            const qint64 v = d.mid(8).replace('"', "").toLongLong(&ok);
            if (ok && v >= 0)
                cc.maxAge = v;
        }
    }
    return cc;
}

} // namespace

JwksCache::JwksCache(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent), m_network(network), m_clock(systemClock())
{
    qRegisterMetaType<JwksFetch>();
}

JwksCache::~JwksCache()
{
    const auto pending = m_pending.values();
    for (const QPointer<HttpExchange>& exchange : pending) {
        if (!exchange)
            continue;
        exchange->disconnect(this);
        delete exchange; // aborts its reply
    }
}

std::optional<JwkSet> JwksCache::freshKeys(const QUrl& url) const
{
    const auto it = m_entries.constFind(url);
    if (it == m_entries.constEnd() || !it->freshUntil.isValid() || m_clock() >= it->freshUntil)
        return std::nullopt;
    return it->keys;
}

void JwksCache::clear()
{
    m_entries.clear();
}

void JwksCache::fetch(const QUrl& url, Mode mode)
{
    if (mode == Mode::UseCache) {
        if (auto keys = freshKeys(url)) {
            JwksFetch result{url, JwksFetch::Source::Cache, *keys, {}, m_entries.value(url).freshUntil};
            QMetaObject::invokeMethod(this, [this, result] { deliver(result); }, Qt::QueuedConnection);
            return;
        }
    }
    if (m_pending.contains(url))
        return; // the running request answers for this fetch too
    if (!m_network) {
        JwksFetch failed{url, JwksFetch::Source::Failed, {}, QStringLiteral("no network access"), {}};
        QMetaObject::invokeMethod(this, [this, failed] { deliver(failed); }, Qt::QueuedConnection);
        return;
    }
    PreparedRequest request;
    request.method = QByteArrayLiteral("GET");
    request.url = url;
    request.purpose = JwksPurpose;
    request.transport = m_transport;
    request.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/jwk-set+json, application/json")});
    const auto it = m_entries.constFind(url);
    if (it != m_entries.constEnd()) {
        if (!it->etag.isEmpty())
            request.headers.append({QByteArrayLiteral("If-None-Match"), it->etag});
        if (!it->lastModified.isEmpty())
            request.headers.append({QByteArrayLiteral("If-Modified-Since"), it->lastModified});
    }
    auto* exchange = new HttpExchange(m_network, request, m_timeouts, this);
    m_pending.insert(url, exchange);
    connect(exchange, &HttpExchange::started, this, &JwksCache::exchangeStarted);
    connect(exchange, &HttpExchange::finished, this, [this, exchange, url](const Exchange& done) {
        exchange->deleteLater();
        Q_EMIT exchangeFinished(done); // before the fetch is answered: the exchange belongs to the fetch
        onExchangeFinished(done, url);
    });
    // Never answer synchronously, also when the request fails before it is sent (an unusable URL).
    QMetaObject::invokeMethod(exchange, &HttpExchange::start, Qt::QueuedConnection);
}

void JwksCache::updateFreshness(Entry& entry, const HttpHeaders& headers, bool* storable) const
{
    const QDateTime now = m_clock();
    const CacheControl cc = parseCacheControl(headerValue(headers, "Cache-Control"));
    *storable = !cc.noStore;
    if (const QByteArray etag = headerValue(headers, "ETag"); !etag.isEmpty())
        entry.etag = etag;
    if (const QByteArray modified = headerValue(headers, "Last-Modified"); !modified.isEmpty())
        entry.lastModified = modified;
    entry.freshUntil = QDateTime();
    if (cc.noStore || cc.noCache)
        return;
    if (cc.maxAge) {
        bool ok = false;
        const qint64 age = headerValue(headers, "Age").trimmed().toLongLong(&ok);
        const qint64 lifetime = *cc.maxAge - (ok && age > 0 ? age : 0);
        if (lifetime > 0)
            entry.freshUntil = now.addSecs(lifetime);
        return;
    }
    if (const QByteArray expiresHeader = headerValue(headers, "Expires"); !expiresHeader.isEmpty()) {
        const QDateTime expires = parseHttpDate(expiresHeader);
        const QDateTime date = parseHttpDate(headerValue(headers, "Date"));
        // Expires counts from the server's clock: use Expires - Date when Date is there.
        const qint64 lifetime = expires.isValid() ? (date.isValid() ? date.secsTo(expires) : now.secsTo(expires)) : 0;
        if (lifetime > 0)
            entry.freshUntil = now.addSecs(lifetime);
        return;
    }
    if (m_defaultMaxAge > 0)
        entry.freshUntil = now.addSecs(m_defaultMaxAge);
}

void JwksCache::onExchangeFinished(const Exchange& exchange, const QUrl& url)
{
    m_pending.remove(url);
    JwksFetch result;
    result.url = url;
    const int status = exchange.status;
    if (exchange.failure == Exchange::Failure::None && status == 304 && m_entries.contains(url)) {
        Entry& entry = m_entries[url];
        bool storable = true;
        updateFreshness(entry, exchange.responseHeaders, &storable);
        result.source = JwksFetch::Source::Revalidated;
        result.keys = entry.keys;
        result.freshUntil = entry.freshUntil;
        if (!storable)
            m_entries.remove(url);
        deliver(result);
        return;
    }
    if (exchange.failure != Exchange::Failure::None) {
        result.error = QStringLiteral("could not fetch the JWKS from %1: %2").arg(url.toString(), exchange.failureText);
        deliver(result);
        return;
    }
    if (status != 200) {
        result.error = QStringLiteral("the JWKS endpoint %1 answered HTTP %2").arg(url.toString()).arg(status);
        deliver(result);
        return;
    }
    auto keys = JwkSet::fromJson(exchange.responseBody);
    if (!keys) {
        result.error = QStringLiteral("the JWKS from %1 is unusable: %2").arg(url.toString(), keys.error().message);
        deliver(result);
        return;
    }
    Entry entry;
    entry.keys = *keys;
    bool storable = true;
    updateFreshness(entry, exchange.responseHeaders, &storable);
    if (storable)
        m_entries.insert(url, entry);
    else
        m_entries.remove(url);
    result.source = JwksFetch::Source::Network;
    result.keys = entry.keys;
    result.freshUntil = entry.freshUntil;
    deliver(result);
}

void JwksCache::deliver(const JwksFetch& result)
{
    Q_EMIT finished(result);
}

} // namespace Tokenbench::Core::Jwt
