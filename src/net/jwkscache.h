#pragma once

#include "jwt/jwtkey.h"
#include "jwt/signer.h"
#include "net/preparedrequest.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace Tokenbench::Core {
class HttpExchange;
} // namespace Tokenbench::Core

namespace Tokenbench::Core::Jwt {

// The purpose of a JWKS request in the trace, --json "exchanges" and the HAR.
inline const QString JwksPurpose = QStringLiteral("JWKS");

// The outcome of one JwksCache::fetch().
struct JwksFetch
{
    enum class Source {
        Cache,       // fresh entry, no request sent
        Network,     // fetched (200)
        Revalidated, // conditional request answered 304 Not Modified
        Failed,      // transport, HTTP or JWKS error (error says which)
    };

    QUrl url;
    Source source = Source::Failed;
    JwkSet keys;
    QString error;
    QDateTime freshUntil; // invalid when the response may not be reused without revalidation
};

// JWKS documents (a provider's jwks_uri) fetched through the given QNetworkAccessManager and kept
// per URL as HTTP caching allows (RFC 9111): Cache-Control no-store / no-cache / max-age (minus
// Age), else Expires (relative to Date), else defaultMaxAge. Stale entries are revalidated with
// If-None-Match (ETag) and If-Modified-Since (Last-Modified). fetch() always answers through
// finished(), never synchronously; concurrent fetches of one URL share one request. Each request is an
// HttpExchange: the token request's deadlines (setTimeouts, Couper's defaults otherwise) and body cap, reported
// through exchangeStarted/exchangeFinished (purpose JwksPurpose) before its finished(); a fetch answered from the
// cache sends nothing and reports no exchange.
//
//   fetch(url) --fresh entry--> finished(Cache)
//       \--stale/none--> GET [If-None-Match] --200--> parse --> finished(Network)
//                                            \--304--> finished(Revalidated)
//                                            \--error--> finished(Failed)
class JwksCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JwksCache)

public:
    enum class Mode { UseCache, ForceRevalidate }; // ForceRevalidate: e.g. after an unknown kid

    explicit JwksCache(QNetworkAccessManager* network, QObject* parent = nullptr);
    ~JwksCache() override;

    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setDefaultMaxAgeSeconds(qint64 seconds) { m_defaultMaxAge = seconds; }
    void setTimeouts(const Timeouts& timeouts) { m_timeouts = timeouts; }
    void setTransport(const TransportSettings& transport) { m_transport = transport; }

    void fetch(const QUrl& url, Mode mode = Mode::UseCache);
    // The cached set for `url` if it is still fresh.
    [[nodiscard]] std::optional<JwkSet> freshKeys(const QUrl& url) const;
    void clear();

Q_SIGNALS:
    // Every request to a JWKS endpoint, when it starts and when it ends (the same id both times).
    void exchangeStarted(const Tokenbench::Core::Exchange& exchange);
    void exchangeFinished(const Tokenbench::Core::Exchange& exchange);
    void finished(const Tokenbench::Core::Jwt::JwksFetch& result);

private:
    struct Entry
    {
        JwkSet keys;
        QDateTime freshUntil;
        QByteArray etag;
        QByteArray lastModified;
    };

    void onExchangeFinished(const Exchange& exchange, const QUrl& url);
    void updateFreshness(Entry& entry, const HttpHeaders& headers, bool* storable) const;
    void deliver(const JwksFetch& result);

    QPointer<QNetworkAccessManager> m_network;
    Clock m_clock;
    qint64 m_defaultMaxAge = 0;
    Timeouts m_timeouts;
    TransportSettings m_transport;
    QHash<QUrl, Entry> m_entries;
    QHash<QUrl, QPointer<HttpExchange>> m_pending;
};

} // namespace Tokenbench::Core::Jwt

Q_DECLARE_METATYPE(Tokenbench::Core::Jwt::JwksFetch)
