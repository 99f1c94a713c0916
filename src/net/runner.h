#pragma once

#include "net/tokenclient.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace Tokenbench::Core {

class BetaTokenClient;
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
    // Runs one of the backend's beta_token_request blocks (by label, "default" for the unlabelled one).
    void runTokenRequest(int backendRow, const QString& label);
    // The label of the beta_token_request being (or last) run; empty for an oauth2 run.
    QString tokenRequestLabel() const { return m_label; }
    void cancel();
    bool isRunning() const { return m_running; }
    int runningBackend() const { return m_row; }

Q_SIGNALS:
    void started(int backendRow);
    void finished(int backendRow, const Tokenbench::Core::TokenResult& result);

private:
    QPointer<Workspace> m_workspace;
    QPointer<TraceModel> m_trace;
    const ValueResolver* m_resolver = nullptr;
    QPointer<QNetworkAccessManager> m_nam;
    TokenClient* m_client = nullptr;
    BetaTokenClient* m_betaClient = nullptr;
    QString m_label;
    bool m_running = false;
    int m_row = -1;
};

} // namespace Tokenbench::Core
