#include "net/tokencache.h"

#include <QCryptographicHash>
#include <QDateTime>

namespace Tokenbench::Core {

TokenCache::TokenCache(QObject* parent) : QObject(parent) {}

TokenCache::~TokenCache() = default;

qint64 TokenCache::now() const
{
    return m_clock ? m_clock() : QDateTime::currentSecsSinceEpoch();
}

std::optional<TokenCache::Entry> TokenCache::lookup(const QString& key, const QString& fingerprint) const
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.cend() || !it->validAt(now()))
        return std::nullopt;
    if (!fingerprint.isEmpty() && it->fingerprint != fingerprint)
        return std::nullopt;
    return *it;
}

std::optional<TokenCache::Entry> TokenCache::peek(const QString& key) const
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.cend())
        return std::nullopt;
    return *it;
}

void TokenCache::store(const QString& key, const TokenResult& result, const QString& fingerprint,
                       const QString& requestedScope)
{
    if (!result.ok())
        return;
    Entry e;
    e.result = result;
    e.storedAt = now();
    e.ttlSeconds = couperTtlSeconds(result.response.expiresIn);
    e.fingerprint = fingerprint;
    e.requestedScope = requestedScope;
    if (e.ttlSeconds <= 0) {
        // Used for the current request only, as Couper does.
        if (m_entries.remove(key) > 0)
            Q_EMIT changed(key);
        return;
    }
    m_entries.insert(key, e);
    Q_EMIT changed(key);
}

void TokenCache::forget(const QString& key)
{
    if (m_entries.remove(key) > 0)
        Q_EMIT changed(key);
}

void TokenCache::clear()
{
    const QStringList keys = m_entries.keys();
    m_entries.clear();
    for (const QString& k : keys)
        Q_EMIT changed(k);
}

QString TokenCache::fingerprintOf(const TokenRequestSpec& spec)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const QString& part : {spec.tokenEndpoint.toString(), spec.grantType, spec.authMethod, spec.clientId,
                                spec.clientSecret, spec.scope, spec.username, spec.password, spec.assertion}) {
        h.addData(part.toUtf8());
        h.addData(QByteArrayView("\x1f", 1));
    }
    if (spec.tokenBackend) {
        for (const auto& [k, v] : spec.tokenBackend->modifiers.setForm + spec.tokenBackend->modifiers.addForm) {
            h.addData(k.toUtf8());
            h.addData(v.toUtf8());
        }
        h.addData(spec.tokenBackend->origin.toUtf8());
    }
    return QString::fromLatin1(h.result().toHex().left(16));
}

} // namespace Tokenbench::Core
