#pragma once

#include "net/flowclient.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace Tokenbench::Core {

class TraceModel;
class ValueResolver;
class Workspace;

// Runs a backend's token request from the workspace (the single source of truth) and feeds every
// exchange into the trace as it starts and ends. Used by the GUI; headless-testable.
class Runner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Runner)

public:
    Runner(Workspace* workspace, TraceModel* trace, QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~Runner() override;

    void setResolver(const ValueResolver* resolver) { m_resolver = resolver; }
    // Starts the run; a configuration error is reported through finished() too (asynchronously).
    void run(int backendRow);
    // The refresh_token grant for `backendRow` with `refreshToken`, authenticated as the block's client.
    void refresh(int backendRow, const QString& refreshToken);
    // The exact request refresh() would send (not yet redacted), or why it cannot be built.
    Result<PreparedRequest> previewRefresh(int backendRow, const QString& refreshToken) const;
    void cancel();
    FlowClient* flowClient() const { return m_client; }
    bool isRunning() const { return m_running; }
    int runningBackend() const { return m_row; }

Q_SIGNALS:
    void started(int backendRow);
    void finished(int backendRow, const Tokenbench::Core::TokenResult& result);

private:
    QPointer<Workspace> m_workspace;
    QPointer<TraceModel> m_trace;
    const ValueResolver* m_resolver = nullptr;
    Result<TokenRequestSpec> specFor(int backendRow) const;
    void startSpec(int backendRow, const Result<TokenRequestSpec>& spec);

    FlowClient* m_client = nullptr;
    bool m_running = false;
    int m_row = -1;
};

} // namespace Tokenbench::Core
