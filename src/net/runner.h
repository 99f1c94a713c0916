#pragma once

#include "net/flowclient.h"
#include "net/resourcecheck.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace Tokenbench::Core {

class BackendRun;
class BetaResourceRun;
class TokenCache;
class ValueResolver;
class Workspace;

// Runs a backend's token request from the workspace (the single source of truth) and reports every
// exchange as it starts and ends (whoever owns the trace connects exchangeStarted/Finished to it). Used by
// the GUI; headless-testable.
class Runner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Runner)

public:
    Runner(Workspace* workspace, QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~Runner() override;

    void setResolver(const ValueResolver* resolver) { m_resolver = resolver; }
    // Starts the run; a configuration error is reported through finished() too (asynchronously).
    // A valid cached token of the backend is reused (Couper's rule) unless `forceFresh`; a configured
    // resource URL is then called with it (401 retries included).
    void run(int backendRow, bool forceFresh = false);
    // The refresh_token grant for `backendRow` with `refreshToken`, authenticated as the block's client.
    void refresh(int backendRow, const QString& refreshToken);
    // The exact request refresh() would send (not yet redacted), or why it cannot be built.
    Result<PreparedRequest> previewRefresh(int backendRow, const QString& refreshToken) const;
    TokenCache* cache() const { return m_cache; }
    // Runs one of the backend's beta_token_request blocks (by label, "default" for the unlabelled one); with
    // a resource URL, then the resource check with the token applied by the backend's modifiers.
    void runTokenRequest(int backendRow, const QString& label);
    // The label of the beta_token_request being (or last) run; empty for an oauth2 run.
    QString tokenRequestLabel() const { return m_label; }
    void cancel();
    FlowClient* flowClient() const;
    bool isRunning() const { return m_running; }
    // TLS and proxy of the last run's token backend: verify the tokens it issued through the same way.
    const TransportSettings& issuerTransport() const { return m_issuerTransport; }
    int runningBackend() const { return m_row; }

Q_SIGNALS:
    void started(int backendRow);
    // Every exchange of the run, when it starts and again when it ends (the same id both times).
    void exchangeStarted(const Tokenbench::Core::Exchange& exchange);
    void exchangeFinished(const Tokenbench::Core::Exchange& exchange);
    void finished(int backendRow, const Tokenbench::Core::TokenResult& result);
    // Emitted just before finished(): whether the token came from the cache, and the resource check.
    void runFinished(int backendRow, const Tokenbench::Core::BackendRunResult& result);

private:
    QPointer<Workspace> m_workspace;
    const ValueResolver* m_resolver = nullptr;
    // The backend's token request with its token backend applied; with `resource`, its resource check too.
    Result<TokenRequestSpec> specFor(int backendRow, std::optional<ResourceSpec>* resource) const;
    void startSpec(int backendRow, const Result<TokenRequestSpec>& spec, const std::optional<ResourceSpec>& resource,
                   bool forceFresh);

    QPointer<QNetworkAccessManager> m_nam;
    TokenCache* m_cache = nullptr;
    BackendRun* m_client = nullptr;
    BetaResourceRun* m_betaClient = nullptr;
    QString m_label;
    TransportSettings m_issuerTransport;
    bool m_running = false;
    int m_row = -1;
};

} // namespace Tokenbench::Core
