#pragma once

#include "net/betatokenrequest.h"
#include "net/flowclient.h"
#include "net/resourcecheck.h"

#include <functional>
#include <optional>

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace Tokenbench::Core {

class HttpExchange;
class TokenCache;

// Plans the resource call for the token a run obtained (empty: no resource step).
using ResourceStep = std::function<Result<std::optional<ResourceCall>>(const QString& token)>;

// The resource step of an oauth2 block: the same call, with the token as a Bearer header, for every token.
ResourceStep fixedResourceStep(const ResourceSpec& resource);

// How the resource step treats a 401 (reference section 2.7): an oauth2 block drops its cached token and
// retries with a new one up to `retries` times; a beta_token_request does neither.
struct ResourcePolicy
{
    int retries = 0;
    bool dropCachedTokenOn401 = false;
};

// One run, as planned by planRun() (run/runplan.h): the token step (an oauth2 token request of any grant, or
// a beta_token_request), the cache, and the resource step.
struct RunPlan
{
    QString backend;                        // the backend's label
    QString request;                        // the beta_token_request's label; empty for the oauth2 block
    std::optional<TokenRequestSpec> oauth2; // exactly one of oauth2 and beta is set
    std::optional<BetaTokenRequestSpec> beta;
    QString cacheKey;                        // where the token is cached; empty: never cached
    ResourceStep resource;                   // empty: no resource step
    ResourcePolicy policy;
    QStringList warnings;                    // what the user should know before the run
};

struct RunResult
{
    TokenResult token;         // the last token result (the cached one when no request was needed)
    bool tokenFromCache = false;
    QList<Exchange> exchanges; // every exchange, in order: token requests and resource requests
    std::optional<ResourceResult> resource;
};

// Executes a RunPlan, as Couper serves a request through the backend (reference sections 2.1, 2.7, 3.6):
// take the cached token if valid (unless forced), else request one and cache it; then, when the plan has a
// resource step, call it with the token; on a 401 apply the plan's policy.
//
//   start ──► cache? ──no──► FlowClient | BetaTokenClient ──► cache ──► resource ──401 & retries left──► ...
//                └─yes──────────────────────────────────────────────┘        └──otherwise──► finished
//
// The one run engine of the GUI (through Runner) and the CLI.
class RunSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunSession)

public:
    // `cache` may be null: every run then requests a token.
    RunSession(QNetworkAccessManager* nam, TokenCache* cache, QObject* parent = nullptr);
    ~RunSession() override;

    void start(const RunPlan& plan, bool forceFresh = false);
    void cancel();
    bool isRunning() const { return m_running; }
    const RunPlan& plan() const { return m_plan; }
    // The oauth2 token step (any grant, the interactive ones included: their signals come from here).
    FlowClient* flowClient() const { return m_client; }

Q_SIGNALS:
    void exchangeStarted(const Tokenbench::Core::Exchange& exchange);
    void exchangeFinished(const Tokenbench::Core::Exchange& exchange);
    void finished(const Tokenbench::Core::RunResult& result);

private:
    void fetchToken();
    void onToken(const TokenResult& result);
    void callResource();
    void onResource(const Exchange& exchange);
    void finish();

    QPointer<QNetworkAccessManager> m_nam;
    QPointer<TokenCache> m_cache;
    FlowClient* m_client = nullptr;
    BetaTokenClient* m_betaClient = nullptr;
    QPointer<HttpExchange> m_exchange;
    RunPlan m_plan;
    QString m_fingerprint;
    std::optional<ResourceCall> m_call;
    RunResult m_result;
    bool m_running = false;
    bool m_tokenRunning = false;
};

} // namespace Tokenbench::Core

Q_DECLARE_METATYPE(Tokenbench::Core::RunResult)
