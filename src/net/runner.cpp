#include "net/runner.h"

#include "model/valueresolver.h"
#include "model/workspace.h"
#include "trace/tracemodel.h"

#include <QTimer>

namespace Tokenbench::Core {

Runner::Runner(Workspace* workspace, TraceModel* trace, QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent), m_workspace(workspace), m_trace(trace), m_client(new FlowClient(nam, this))
{
    connect(m_client, &FlowClient::exchangeStarted, this, [this](const Exchange& e) {
        if (m_trace)
            m_trace->upsert(e);
    });
    connect(m_client, &FlowClient::exchangeFinished, this, [this](const Exchange& e) {
        if (m_trace)
            m_trace->upsert(e);
    });
    connect(m_client, &FlowClient::finished, this, [this](const TokenResult& result) {
        m_running = false;
        Q_EMIT finished(m_row, result);
    });
}

Runner::~Runner() = default;

Result<TokenRequestSpec> Runner::specFor(int backendRow) const
{
    if (!m_workspace || backendRow < 0 || backendRow >= m_workspace->backendCount())
        return Error{Error::Code::Usage, tr("select a backend to run"), {}};
    static const ValueResolver processEnvironment;
    const ValueResolver& resolver = m_resolver ? *m_resolver : processEnvironment;
    return specFromBackend(m_workspace->backend(backendRow), resolver);
}

void Runner::startSpec(int backendRow, const Result<TokenRequestSpec>& spec)
{
    if (m_running)
        cancel();
    m_row = backendRow;
    m_running = true;
    Q_EMIT started(backendRow);
    if (!spec) {
        TokenResult r;
        r.status = TokenResult::Status::ConfigError;
        r.errorText = spec.error().message;
        r.errorWhere = spec.error().where;
        QTimer::singleShot(0, this, [this, r] {
            m_running = false;
            Q_EMIT finished(m_row, r);
        });
        return;
    }
    m_client->start(spec.value());
}

void Runner::run(int backendRow)
{
    startSpec(backendRow, specFor(backendRow));
}

void Runner::refresh(int backendRow, const QString& refreshToken)
{
    auto spec = specFor(backendRow);
    if (spec)
        spec = FlowClient::refreshSpec(spec.value(), refreshToken);
    startSpec(backendRow, spec);
}

Result<PreparedRequest> Runner::previewRefresh(int backendRow, const QString& refreshToken) const
{
    auto spec = specFor(backendRow);
    if (!spec)
        return spec.error();
    return prepareTokenRequest(FlowClient::refreshSpec(spec.value(), refreshToken));
}

void Runner::cancel()
{
    if (m_running)
        m_client->cancel();
}

} // namespace Tokenbench::Core
