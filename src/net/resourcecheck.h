#pragma once

#include "net/flowclient.h"
#include "net/tlsconfig.h"

#include <optional>

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace Tokenbench::Core {

class HttpExchange;
class TokenCache;

// The Tokenbench-only backend attribute naming the URL the resource check calls (not a Couper attribute:
// exporters leave attributes starting with "tokenbench_" out of Couper files).
inline const QString ResourceUrlAttribute = QStringLiteral("tokenbench_resource_url");

// Sets spec.tokenBackend and spec.timeouts from the backend the oauth2 block sends its token request
// through (tokenBackendOf()); Couper's defaults when there is none. `warnings` receives what the user
// should know (e.g. disable_certificate_validation).
Result<void> applyTokenBackend(TokenRequestSpec& spec, const Block& backend, const QList<Block>& workspaceBackends,
                               const ValueResolver& resolver, QStringList* warnings = nullptr,
                               const QString& baseDir = {});

// What the resource check calls: `url` with the token as a Bearer header, sent through the resource
// backend (its modifiers, basic_auth, TLS, proxy and timeouts apply; its origin replaces scheme and host
// only when `url` is a path). `retries` is the oauth2 block's (Couper's default 1).
struct ResourceSpec
{
    QUrl url;
    QByteArray method = QByteArrayLiteral("GET");
    BackendSettings backend;
    int retries = 1;
};

// Reads the resource check of a backend: tokenbench_resource_url (or `overrideUrl`), retries of its oauth2
// block, and the backend's own settings. nullopt when no resource URL is configured.
Result<std::optional<ResourceSpec>> resourceSpecFromBackend(const Block& backend, const ValueResolver& resolver,
                                                            const QString& overrideUrl = {},
                                                            const QString& baseDir = {});

struct ResourceResult
{
    bool attempted = false;
    Exchange final; // the last resource exchange (status, headers, body)
    int resourceRequests = 0;
    int tokenRequests = 0; // including the first one (0 when the cached token was used throughout)
    int retriesUsed = 0;
    QString errorText;
    QString note; // e.g. how the token was applied when no modifier referenced it

    bool ok() const { return attempted && final.failure == Exchange::Failure::None && final.status >= 200 && final.status < 300; }
};

struct BackendRunResult
{
    TokenResult token;        // the last token result (the cached one when no request was needed)
    bool tokenFromCache = false;
    QList<Exchange> exchanges; // every exchange, in order: token requests and resource requests
    std::optional<ResourceResult> resource;
};

// One run of a backend, as Couper serves a request through it (reference sections 2.1 and 2.7): take the
// cached token if valid (unless forced), else request one and cache it; then, when a resource is given,
// call it with "Authorization: Bearer <token>". A 401 from the resource always drops the cached token; while
// fewer than `retries` retries were made, a new token is requested and the resource called again.
//
//   start ──► cache? ──no──► FlowClient ──► cache ──► resource ──401 & retries left──► (drop) TokenClient ...
//                └─yes──────────────────────────────────┘     └──otherwise──► finished
class BackendRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackendRun)

public:
    BackendRun(QNetworkAccessManager* nam, TokenCache* cache, QObject* parent = nullptr);
    ~BackendRun() override;

    void start(const TokenRequestSpec& token, const std::optional<ResourceSpec>& resource, const QString& cacheKey,
               bool forceFresh = false);
    void cancel();
    bool isRunning() const { return m_running; }
    // The token step: any grant, the interactive ones included (their signals come from here).
    FlowClient* flowClient() const { return m_client; }

Q_SIGNALS:
    void exchangeStarted(const Tokenbench::Core::Exchange& exchange);
    void exchangeFinished(const Tokenbench::Core::Exchange& exchange);
    void finished(const Tokenbench::Core::BackendRunResult& result);

private:
    void fetchToken();
    void onToken(const TokenResult& result);
    void callResource();
    void onResource(const Exchange& exchange);
    void finish();

    QPointer<QNetworkAccessManager> m_nam;
    QPointer<TokenCache> m_cache;
    FlowClient* m_client = nullptr;
    QPointer<HttpExchange> m_exchange;
    TokenRequestSpec m_spec;
    std::optional<ResourceSpec> m_resource;
    QString m_key;
    QString m_fingerprint;
    BackendRunResult m_result;
    bool m_running = false;
};

} // namespace Tokenbench::Core

Q_DECLARE_METATYPE(Tokenbench::Core::BackendRunResult)
