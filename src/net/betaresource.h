#pragma once

#include "net/betatokenrequest.h"
#include "net/resourcecheck.h"

#include <functional>
#include <optional>

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace Tokenbench::Core {

class BetaTokenClient;
class HttpExchange;

// Whether one of the backend's modifiers references the token of its request `label`:
// backend.beta_tokens.LABEL, backends.NAME.beta_tokens.LABEL, or (for "default") backend.beta_token /
// backends.NAME.beta_token.
bool modifiersReferenceBetaToken(const Block& backend, const QString& label);

// How the backend's own modifiers reference the token of request `label`: backend.beta_token for
// "default", backend.beta_tokens.LABEL otherwise.
QString betaTokenSelfReference(const QString& label);

// `mapText` (a set_request_headers expression, may be empty) with its authorization entry set to
// "Bearer ${reference}": an existing authorization entry whose value is a plain string is replaced, a
// missing one added; other headers are kept as written. An error when the text is not a plain object
// constructor or its authorization value is not a plain string (the caller may then replace the map).
Result<QString> withBearerAuthorization(const QString& mapText, const QString& reference);

// The resource check after a beta_token_request: the resource spec with the backend's modifiers evaluated
// with the token bound (reference section 3.6), and whether Tokenbench has to add the token itself
// (Couper adds it nowhere on its own: without a reference the resource would get no token).
struct BetaResourcePlan
{
    ResourceSpec resource;
    bool bearerFallback = false; // send "Authorization: Bearer <token>" before the modifiers
    QString note;                // said with the result when bearerFallback
};

// nullopt when the backend has no resource URL (tokenbench_resource_url) and none is given.
Result<std::optional<BetaResourcePlan>> betaResourcePlan(const Block& backend, const QString& label,
                                                         const QString& token, const ValueResolver& resolver,
                                                         const QString& overrideUrl = {}, const QString& baseDir = {});

// A beta_token_request run with the resource check:
//   start ──► BetaTokenClient ──ok──► planner(token) ──URL──► resource (once) ──► finished
//                      └──failed──────────┴──no URL──────────────────────────────┘
// As in Couper, a beta_token_request never retries: a 401 from the resource is the answer (and it does
// not invalidate the token).
class BetaResourceRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BetaResourceRun)

public:
    using Planner = std::function<Result<std::optional<BetaResourcePlan>>(const QString& token)>;

    explicit BetaResourceRun(QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~BetaResourceRun() override;

    // `planner` empty: the token only.
    void start(const BetaTokenRequestSpec& spec, Planner planner);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void exchangeStarted(const Tokenbench::Core::Exchange& exchange);
    void exchangeFinished(const Tokenbench::Core::Exchange& exchange);
    void finished(const Tokenbench::Core::BackendRunResult& result);

private:
    void onToken(const TokenResult& result);
    void onResource(const Exchange& exchange);
    void finish();

    QPointer<QNetworkAccessManager> m_nam;
    BetaTokenClient* m_client = nullptr;
    QPointer<HttpExchange> m_exchange;
    Planner m_planner;
    BackendRunResult m_result;
    bool m_running = false;
};

} // namespace Tokenbench::Core
