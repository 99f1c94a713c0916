#pragma once

#include "run/runsession.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace Tokenbench::Core {

class TokenCache;
class ValueResolver;
class Workspace;

// The GUI's adapter over the run pipeline: a workspace row (and token source) → chooseTarget/planRun →
// RunSession. Reports every exchange as it starts and ends (whoever owns the trace connects them) and the
// run's RunResult through one finished() signal. Headless-testable.
class Runner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Runner)

public:
    Runner(Workspace* workspace, QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~Runner() override;

    void setResolver(const ValueResolver* resolver) { m_resolver = resolver; }
    // Runs the backend's oauth2 block (a configuration error is reported through finished() too,
    // asynchronously). A valid cached token of the backend is reused (Couper's rule) unless `forceFresh`; a
    // configured resource URL is then called with it (401 retries included).
    void run(int backendRow, bool forceFresh = false);
    // Runs one of the backend's beta_token_request blocks (by label, "default" for the unlabelled one); with
    // a resource URL, then the resource check with the token applied by the backend's modifiers.
    void runTokenRequest(int backendRow, const QString& label);
    // The refresh_token grant for `backendRow` with `refreshToken`, authenticated as the block's client.
    void refresh(int backendRow, const QString& refreshToken);
    // The exact request refresh() would send (not yet redacted), or why it cannot be built.
    Result<PreparedRequest> previewRefresh(int backendRow, const QString& refreshToken) const;
    TokenCache* cache() const { return m_cache; }
    // The label of the beta_token_request being (or last) run; empty for an oauth2 run.
    QString tokenRequestLabel() const { return m_label; }
    void cancel();
    FlowClient* flowClient() const;
    bool isRunning() const { return m_running; }
    int runningBackend() const { return m_row; }
    // TLS and proxy of the last run's token backend: verify the tokens it issued through the same way.
    const TransportSettings& issuerTransport() const { return m_issuerTransport; }

Q_SIGNALS:
    void started(int backendRow);
    // Every exchange of the run, when it starts and again when it ends (the same id both times).
    void exchangeStarted(const Tokenbench::Core::Exchange& exchange);
    void exchangeFinished(const Tokenbench::Core::Exchange& exchange);
    void finished(int backendRow, const Tokenbench::Core::RunResult& result);

private:
    // The plan for `backendRow` and its token source (`request` empty: the oauth2 block).
    Result<RunPlan> planFor(int backendRow, const QString& request) const;
    void start(int backendRow, const QString& request, const Result<RunPlan>& plan, bool forceFresh);

    QPointer<Workspace> m_workspace;
    const ValueResolver* m_resolver = nullptr;
    QPointer<QNetworkAccessManager> m_nam;
    TokenCache* m_cache = nullptr;
    RunSession* m_session = nullptr;
    QString m_label;
    TransportSettings m_issuerTransport;
    bool m_running = false;
    int m_row = -1;
};

} // namespace Tokenbench::Core
