#include "jwt/jwkscache.h"

#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
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
    for (const QPointer<QNetworkReply>& reply : pending) {
        // The network access manager may already be gone, and its replies with it.
        if (!reply)
            continue;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
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
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/jwk-set+json, application/json");
    // Our own cache decides; never Qt's.
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    const auto it = m_entries.constFind(url);
    if (it != m_entries.constEnd()) {
        if (!it->etag.isEmpty())
            request.setRawHeader("If-None-Match", it->etag);
        if (!it->lastModified.isEmpty())
            request.setRawHeader("If-Modified-Since", it->lastModified);
    }
    QNetworkReply* reply = m_network->get(request);
    m_pending.insert(url, reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] { onReplyFinished(reply, url); });
}

void JwksCache::updateFreshness(Entry& entry, QNetworkReply* reply, bool* storable) const
{
    const QDateTime now = m_clock();
    const CacheControl cc = parseCacheControl(reply->rawHeader("Cache-Control"));
    *storable = !cc.noStore;
    if (reply->hasRawHeader("ETag"))
        entry.etag = reply->rawHeader("ETag");
    if (reply->hasRawHeader("Last-Modified"))
        entry.lastModified = reply->rawHeader("Last-Modified");
    entry.freshUntil = QDateTime();
    if (cc.noStore || cc.noCache)
        return;
    if (cc.maxAge) {
        bool ok = false;
        const qint64 age = reply->rawHeader("Age").trimmed().toLongLong(&ok);
        const qint64 lifetime = *cc.maxAge - (ok && age > 0 ? age : 0);
        if (lifetime > 0)
            entry.freshUntil = now.addSecs(lifetime);
        return;
    }
    if (reply->hasRawHeader("Expires")) {
        const QDateTime expires = parseHttpDate(reply->rawHeader("Expires"));
        const QDateTime date = parseHttpDate(reply->rawHeader("Date"));
        // Expires counts from the server's clock: use Expires - Date when Date is there.
        const qint64 lifetime = expires.isValid() ? (date.isValid() ? date.secsTo(expires) : now.secsTo(expires)) : 0;
        if (lifetime > 0)
            entry.freshUntil = now.addSecs(lifetime);
        return;
    }
    if (m_defaultMaxAge > 0)
        entry.freshUntil = now.addSecs(m_defaultMaxAge);
}

void JwksCache::onReplyFinished(QNetworkReply* reply, const QUrl& url)
{
    reply->deleteLater();
    m_pending.remove(url);
    JwksFetch result;
    result.url = url;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 304 && m_entries.contains(url)) {
        Entry& entry = m_entries[url];
        bool storable = true;
        updateFreshness(entry, reply, &storable);
        result.source = JwksFetch::Source::Revalidated;
        result.keys = entry.keys;
        result.freshUntil = entry.freshUntil;
        if (!storable)
            m_entries.remove(url);
        deliver(result);
        return;
    }
    if (reply->error() != QNetworkReply::NoError && status == 0) {
        result.error = QStringLiteral("could not fetch the JWKS from %1: %2").arg(url.toString(), reply->errorString());
        deliver(result);
        return;
    }
    if (status != 200) {
        result.error = QStringLiteral("the JWKS endpoint %1 answered HTTP %2").arg(url.toString()).arg(status);
        deliver(result);
        return;
    }
    auto keys = JwkSet::fromJson(reply->readAll());
    if (!keys) {
        result.error = QStringLiteral("the JWKS from %1 is unusable: %2").arg(url.toString(), keys.error().message);
        deliver(result);
        return;
    }
    Entry entry;
    entry.keys = *keys;
    bool storable = true;
    updateFreshness(entry, reply, &storable);
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
