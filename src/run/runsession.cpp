#include "run/runsession.h"

#include "net/httpexchange.h"
#include "net/tokencache.h"

#include <QNetworkAccessManager>
#include <QTimer>

namespace Tokenbench::Core {

ResourceStep fixedResourceStep(const ResourceSpec& resource)
{
    ResourceCall call;
    call.resource = resource;
    return [call](const QString&) { return Result<std::optional<ResourceCall>>(std::optional<ResourceCall>(call)); };
}

RunSession::RunSession(QNetworkAccessManager* nam, TokenCache* cache, QObject* parent)
    : QObject(parent), m_nam(nam), m_cache(cache), m_client(new FlowClient(nam, this)),
      m_betaClient(new BetaTokenClient(nam, this))
{
    const auto started = [this](const Exchange& e) { Q_EMIT exchangeStarted(e); };
    const auto finished = [this](const Exchange& e) {
        m_result.exchanges.append(e);
        Q_EMIT exchangeFinished(e);
    };
    connect(m_client, &FlowClient::exchangeStarted, this, started);
    connect(m_client, &FlowClient::exchangeFinished, this, finished);
    connect(m_client, &FlowClient::finished, this, &RunSession::onToken);
    connect(m_betaClient, &BetaTokenClient::exchangeStarted, this, started);
    connect(m_betaClient, &BetaTokenClient::exchangeFinished, this, finished);
    connect(m_betaClient, &BetaTokenClient::finished, this, &RunSession::onToken);
}

RunSession::~RunSession() = default;

void RunSession::start(const RunPlan& plan, bool forceFresh)
{
    cancel();
    m_plan = plan;
    // Only a cached run needs the request's fingerprint (the CLI runs without a cache).
    m_fingerprint = m_cache && m_plan.oauth2 ? TokenCache::fingerprintOf(*m_plan.oauth2) : QString();
    m_result = RunResult();
    m_call.reset();
    if (m_plan.resource)
        m_result.resource = ResourceResult();
    m_running = true;
    const bool cacheable = m_cache && m_plan.oauth2 && !m_plan.cacheKey.isEmpty();
    if (!forceFresh && cacheable) {
        if (auto cached = m_cache->lookup(m_plan.cacheKey, m_fingerprint)) {
            m_result.token = cached->result;
            m_result.tokenFromCache = true;
            // Asynchronously, like every other outcome.
            QTimer::singleShot(0, this, [this] {
                if (!m_running)
                    return;
                if (m_plan.resource)
                    callResource();
                else
                    finish();
            });
            return;
        }
    }
    fetchToken();
}

void RunSession::fetchToken()
{
    if (m_result.resource)
        ++m_result.resource->tokenRequests;
    m_result.tokenFromCache = false;
    m_tokenRunning = true;
    if (m_plan.oauth2)
        m_client->start(*m_plan.oauth2);
    else
        m_betaClient->start(*m_plan.beta);
}

void RunSession::onToken(const TokenResult& result)
{
    m_tokenRunning = false;
    if (!m_running)
        return;
    m_result.token = result;
    if (!result.ok()) {
        finish();
        return;
    }
    if (m_cache && m_plan.oauth2 && !m_plan.cacheKey.isEmpty())
        m_cache->store(m_plan.cacheKey, result, m_fingerprint, m_plan.oauth2->scope);
    if (m_plan.resource)
        callResource();
    else
        finish();
}

void RunSession::callResource()
{
    ResourceResult& r = *m_result.resource;
    const QString token = m_result.token.response.accessToken;
    auto call = m_plan.resource(token);
    if (!call) {
        r.errorText = call.error().where.isEmpty() ? call.error().message
                                                   : call.error().where + QStringLiteral(": ") + call.error().message;
        finish();
        return;
    }
    if (!call->has_value()) {
        m_result.resource.reset();
        finish();
        return;
    }
    m_call = **call;
    r.note = m_call->note;
    PreparedRequest req;
    req.method = m_call->resource.method;
    req.url = m_call->resource.url;
    req.purpose = r.retriesUsed > 0 ? QStringLiteral("resource check (retry %1)").arg(r.retriesUsed)
                                    : QStringLiteral("resource check");
    // Couper sets the bearer before the backend's own modifiers and basic_auth (reference section 2.5).
    if (m_call->bearer)
        req.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + token.toUtf8()});
    applyBackendSettings(req, m_call->resource.backend);
    const Timeouts t{m_call->resource.backend.totalMs, m_call->resource.backend.connectMs,
                     m_call->resource.backend.ttfbMs};
    auto* exchange = new HttpExchange(m_nam, req, t, this);
    m_exchange = exchange;
    ++r.resourceRequests;
    r.attempted = true;
    // The token may sit in any header or the query (as the modifiers put it): the redactor hides it there.
    const QByteArray secret = token.toUtf8();
    connect(exchange, &HttpExchange::started, this, [this, secret](const Exchange& e) {
        Exchange marked = e;
        marked.secretValues.append(secret);
        Q_EMIT exchangeStarted(marked);
    });
    connect(exchange, &HttpExchange::finished, this, [this, secret](const Exchange& e) {
        Exchange marked = e;
        marked.secretValues.append(secret);
        onResource(marked);
    });
    exchange->start();
}

void RunSession::onResource(const Exchange& exchange)
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
    } else if (exchange.failure != Exchange::Failure::None) {
        r.errorText = exchange.failureText;
    } else if (exchange.status == 401) {
        if (m_plan.policy.dropCachedTokenOn401 && m_cache && !m_plan.cacheKey.isEmpty())
            m_cache->forget(m_plan.cacheKey); // on every 401, even when no retry follows
        if (r.retriesUsed < m_plan.policy.retries) {
            ++r.retriesUsed;
            fetchToken();
            return;
        }
        if (!m_plan.policy.dropCachedTokenOn401)
            r.errorText = tr("the resource answered 401; Couper neither retries a beta_token_request nor drops "
                             "its token on a 401");
        else if (r.retriesUsed == 0)
            r.errorText = tr("the resource answered 401 and retries = 0, so no new token was tried");
        else
            r.errorText = tr("the resource still answered 401 after %n new token(s) (retries = %1)", nullptr,
                             r.retriesUsed)
                              .arg(m_plan.policy.retries);
    } else if (exchange.status < 200 || exchange.status >= 300) {
        r.errorText = tr("the resource answered %1").arg(exchange.status);
    }
    finish();
}

void RunSession::cancel()
{
    if (!m_running)
        return;
    if (m_tokenRunning) {
        // onToken() finishes with Canceled.
        if (m_plan.oauth2)
            m_client->cancel();
        else
            m_betaClient->cancel();
        return;
    }
    if (m_exchange && m_exchange->isRunning()) {
        m_exchange->cancel();
        return;
    }
    m_result.token.status = TokenResult::Status::Canceled;
    m_result.token.errorText = tr("canceled");
    finish();
}

void RunSession::finish()
{
    if (!m_running)
        return;
    m_running = false;
    Q_EMIT finished(m_result);
}

} // namespace Tokenbench::Core
