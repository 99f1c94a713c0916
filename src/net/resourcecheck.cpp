#include "net/resourcecheck.h"

#include "model/block.h"
#include "model/valueresolver.h"
#include "net/httpexchange.h"
#include "net/tokencache.h"

#include <QNetworkAccessManager>
#include <QTimer>

namespace Tokenbench::Core {

Result<void> applyTokenBackend(TokenRequestSpec& spec, const Block& backend, const QList<Block>& workspaceBackends,
                               const ValueResolver& resolver, QStringList* warnings, const QString& baseDir)
{
    auto tokenBackend = tokenBackendOf(backend, workspaceBackends);
    if (!tokenBackend)
        return Error{tokenBackend.error().code, tokenBackend.error().message,
                     backend.label + u'.' + tokenBackend.error().where};
    if (!tokenBackend.value()) {
        spec.tokenBackend.reset();
        return {};
    }
    const Block& tb = *tokenBackend.value();
    auto settings = backendSettingsFromBlock(tb, resolver, baseDir);
    if (!settings) {
        const QString name = tb.label.isEmpty() ? backend.label + QStringLiteral(".oauth2.backend") : tb.label;
        return Error{settings.error().code, settings.error().message, name + u'.' + settings.error().where};
    }
    spec.timeouts.totalMs = settings->totalMs;
    spec.timeouts.connectMs = settings->connectMs;
    spec.timeouts.ttfbMs = settings->ttfbMs;
    if (warnings)
        *warnings += settings->warnings;
    spec.tokenBackend = settings.value();
    return {};
}

Result<std::optional<ResourceSpec>> resourceSpecFromBackend(const Block& backend, const ValueResolver& resolver,
                                                            const QString& overrideUrl, const QString& baseDir)
{
    const QString text =
        overrideUrl.isEmpty() ? resolver.resolve(backend.attribute(ResourceUrlAttribute)).value.trimmed() : overrideUrl;
    if (text.isEmpty())
        return std::optional<ResourceSpec>();
    auto settings = backendSettingsFromBlock(backend, resolver, baseDir);
    if (!settings)
        return Error{settings.error().code, settings.error().message, backend.label + u'.' + settings.error().where};
    ResourceSpec r;
    r.backend = settings.value();
    if (text.startsWith(u'/')) {
        if (r.backend.origin.isEmpty())
            return Error{Error::Code::Usage,
                         QStringLiteral("the resource URL \"%1\" is a path: give the backend an origin, or an "
                                        "absolute URL")
                             .arg(text),
                         backend.label + u'.' + ResourceUrlAttribute};
        QUrl url(r.backend.origin);
        const QUrl rel(text);
        url.setPath(rel.path());
        url.setQuery(rel.query());
        r.url = url;
        r.backend.path.clear(); // the given path is the resource
    } else {
        r.url = QUrl(text, QUrl::StrictMode);
        // An absolute resource URL is called as given.
        r.backend.origin.clear();
        r.backend.path.clear();
    }
    if (!r.url.isValid() || r.url.host().isEmpty() || (r.url.scheme() != u"http" && r.url.scheme() != u"https"))
        return Error{Error::Code::Usage, QStringLiteral("the resource URL \"%1\" is not an absolute http(s) URL").arg(text),
                     backend.label + u'.' + ResourceUrlAttribute};
    if (const Block* o = backend.child(BlockType::OAuth2); o && o->hasAttribute(QStringLiteral("retries"))) {
        bool ok = false;
        const int n = o->attribute(QStringLiteral("retries")).trimmed().toInt(&ok);
        if (!ok || n < 0 || n > 255)
            return Error{Error::Code::Usage, QStringLiteral("retries must be a whole number from 0 to 255"),
                         backend.label + QStringLiteral(".oauth2.retries")};
        r.retries = n;
    }
    return std::optional<ResourceSpec>(r);
}

BackendRun::BackendRun(QNetworkAccessManager* nam, TokenCache* cache, QObject* parent)
    : QObject(parent), m_nam(nam), m_cache(cache), m_client(new FlowClient(nam, this))
{
    connect(m_client, &FlowClient::exchangeStarted, this, &BackendRun::exchangeStarted);
    connect(m_client, &FlowClient::exchangeFinished, this, [this](const Exchange& e) {
        m_result.exchanges.append(e);
        Q_EMIT exchangeFinished(e);
    });
    connect(m_client, &FlowClient::finished, this, &BackendRun::onToken);
}

BackendRun::~BackendRun() = default;

void BackendRun::start(const TokenRequestSpec& token, const std::optional<ResourceSpec>& resource,
                       const QString& cacheKey, bool forceFresh)
{
    cancel();
    m_spec = token;
    m_resource = resource;
    m_key = cacheKey;
    m_fingerprint = TokenCache::fingerprintOf(token);
    m_result = BackendRunResult();
    if (m_resource) {
        m_result.resource = ResourceResult();
        m_result.resource->attempted = false;
    }
    m_running = true;
    if (!forceFresh && m_cache) {
        if (auto cached = m_cache->lookup(m_key, m_fingerprint)) {
            m_result.token = cached->result;
            m_result.tokenFromCache = true;
            // Asynchronously, like every other outcome.
            QTimer::singleShot(0, this, [this] {
                if (!m_running)
                    return;
                if (m_resource)
                    callResource();
                else
                    finish();
            });
            return;
        }
    }
    fetchToken();
}

void BackendRun::fetchToken()
{
    if (m_result.resource)
        ++m_result.resource->tokenRequests;
    m_result.tokenFromCache = false;
    m_client->start(m_spec);
}

void BackendRun::onToken(const TokenResult& result)
{
    if (!m_running)
        return;
    m_result.token = result;
    if (!result.ok()) {
        finish();
        return;
    }
    if (m_cache)
        m_cache->store(m_key, result, m_fingerprint, m_spec.scope);
    if (m_resource)
        callResource();
    else
        finish();
}

void BackendRun::callResource()
{
    PreparedRequest req;
    req.method = m_resource->method;
    req.url = m_resource->url;
    req.purpose = m_result.resource->retriesUsed > 0
                      ? QStringLiteral("resource check (retry %1)").arg(m_result.resource->retriesUsed)
                      : QStringLiteral("resource check");
    // Couper sets the bearer before the backend's own modifiers and basic_auth (reference section 2.5).
    req.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + m_result.token.response.accessToken.toUtf8()});
    applyBackendSettings(req, m_resource->backend);
    const Timeouts t{m_resource->backend.totalMs, m_resource->backend.connectMs, m_resource->backend.ttfbMs};
    auto* exchange = new HttpExchange(m_nam, req, t, this);
    m_exchange = exchange;
    ++m_result.resource->resourceRequests;
    m_result.resource->attempted = true;
    connect(exchange, &HttpExchange::started, this, &BackendRun::exchangeStarted);
    connect(exchange, &HttpExchange::finished, this, &BackendRun::onResource);
    exchange->start();
}

void BackendRun::onResource(const Exchange& exchange)
{
    if (m_exchange) {
        m_exchange->deleteLater();
        m_exchange = nullptr;
    }
    m_result.exchanges.append(exchange);
    Q_EMIT exchangeFinished(exchange);
    if (!m_running)
        return;
    ResourceResult& r = *m_result.resource;
    r.final = exchange;
    if (exchange.failure == Exchange::Failure::Canceled) {
        r.errorText = tr("canceled");
        m_result.token.status = TokenResult::Status::Canceled;
        finish();
        return;
    }
    if (exchange.failure != Exchange::Failure::None) {
        r.errorText = exchange.failureText;
        finish();
        return;
    }
    if (exchange.status == 401) {
        // The cached token is dropped on every 401, even when no retry follows.
        if (m_cache)
            m_cache->forget(m_key);
        if (r.retriesUsed < m_resource->retries) {
            ++r.retriesUsed;
            fetchToken();
            return;
        }
        r.errorText = r.retriesUsed == 0
                          ? tr("the resource answered 401 and retries = 0, so no new token was tried")
                          : tr("the resource still answered 401 after %n new token(s) (retries = %1)", nullptr,
                               r.retriesUsed)
                                .arg(m_resource->retries);
    } else if (exchange.status < 200 || exchange.status >= 300) {
        r.errorText = tr("the resource answered %1").arg(exchange.status);
    }
    finish();
}

void BackendRun::cancel()
{
    if (!m_running)
        return;
    if (m_client->isRunning()) {
        m_client->cancel();
        return; // onToken() finishes with Canceled
    }
    if (m_exchange && m_exchange->isRunning()) {
        m_exchange->cancel();
        return;
    }
    m_result.token.status = TokenResult::Status::Canceled;
    m_result.token.errorText = tr("canceled");
    finish();
}

void BackendRun::finish()
{
    if (!m_running)
        return;
    m_running = false;
    Q_EMIT finished(m_result);
}

} // namespace Tokenbench::Core
