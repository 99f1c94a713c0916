#include "run/runner.h"

#include "model/valueresolver.h"
#include "model/workspace.h"
#include "net/tokencache.h"
#include "run/runplan.h"

#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QTimer>

namespace Tokenbench::Core {

Runner::Runner(Workspace* workspace, QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent), m_workspace(workspace), m_nam(nam), m_cache(new TokenCache(this)),
      m_session(new RunSession(nam, m_cache, this))
{
    // Every exchange of a run names the backend it was sent for (the trace shows it).
    const auto stamped = [this](const Exchange& e) {
        Exchange copy = e;
        if (copy.backend.isEmpty() && m_workspace && m_row >= 0 && m_row < m_workspace->backendCount())
            copy.backend = m_workspace->backend(m_row).label;
        return copy;
    };
    connect(m_session, &RunSession::exchangeStarted, this,
            [this, stamped](const Exchange& e) { Q_EMIT exchangeStarted(stamped(e)); });
    connect(m_session, &RunSession::exchangeFinished, this,
            [this, stamped](const Exchange& e) { Q_EMIT exchangeFinished(stamped(e)); });
    connect(m_session, &RunSession::finished, this, [this](const RunResult& result) {
        m_running = false;
        Q_EMIT finished(m_row, result);
    });
}

Runner::~Runner() = default;

FlowClient* Runner::flowClient() const
{
    return m_session->flowClient();
}

Result<RunPlan> Runner::planFor(int backendRow, const QString& request) const
{
    if (!m_workspace || backendRow < 0 || backendRow >= m_workspace->backendCount())
        return Error{Error::Code::Usage, tr("select a backend to run"), {}};
    static const ValueResolver processEnvironment;
    const ValueResolver& resolver = m_resolver ? *m_resolver : processEnvironment;
    RunOptions options;
    if (!m_workspace->filePath().isEmpty())
        options.baseDir = QFileInfo(m_workspace->filePath()).absolutePath();
    const RunTarget target{m_workspace->backend(backendRow).label, request};
    return planRun(m_workspace->backends(), target, resolver, options);
}

void Runner::start(int backendRow, const QString& request, const Result<RunPlan>& plan, bool forceFresh)
{
    if (m_running)
        cancel();
    m_label = request;
    m_row = backendRow;
    m_running = true;
    Q_EMIT started(backendRow);
    if (!plan) {
        RunResult r;
        r.token.status = TokenResult::Status::ConfigError;
        r.token.errorText = plan.error().message;
        r.token.errorWhere = plan.error().where;
        QTimer::singleShot(0, this, [this, r] {
            m_running = false;
            Q_EMIT finished(m_row, r);
        });
        return;
    }
    m_issuerTransport = plan->oauth2 ? Core::issuerTransport(*plan->oauth2) : TransportSettings{};
    m_session->start(plan.value(), forceFresh);
}

void Runner::run(int backendRow, bool forceFresh)
{
    start(backendRow, QString(), planFor(backendRow, QString()), forceFresh);
}

void Runner::runTokenRequest(int backendRow, const QString& label)
{
    start(backendRow, label, planFor(backendRow, label), true);
}

void Runner::refresh(int backendRow, const QString& refreshToken)
{
    auto plan = planFor(backendRow, QString());
    if (plan) {
        // A refresh is always a new request, without the resource step; its token replaces the cached one.
        plan->oauth2 = FlowClient::refreshSpec(*plan->oauth2, refreshToken);
        plan->resource = nullptr;
    }
    start(backendRow, QString(), plan, true);
}

Result<PreparedRequest> Runner::previewRefresh(int backendRow, const QString& refreshToken) const
{
    auto plan = planFor(backendRow, QString());
    if (!plan)
        return plan.error();
    return prepareTokenRequest(FlowClient::refreshSpec(*plan->oauth2, refreshToken));
}

void Runner::cancel()
{
    if (m_running)
        m_session->cancel();
}

} // namespace Tokenbench::Core
