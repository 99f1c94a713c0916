#include "net/runner.h"

#include "model/valueresolver.h"
#include "model/workspace.h"
#include "net/tokencache.h"
#include "trace/tracemodel.h"

#include <QFileInfo>
#include <QTimer>

namespace Tokenbench::Core {

Runner::Runner(Workspace* workspace, TraceModel* trace, QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent), m_workspace(workspace), m_trace(trace), m_cache(new TokenCache(this)),
      m_client(new BackendRun(nam, m_cache, this))
{
    connect(m_client, &BackendRun::exchangeStarted, this, [this](const Exchange& e) {
        if (m_trace)
            m_trace->upsert(e);
    });
    connect(m_client, &BackendRun::exchangeFinished, this, [this](const Exchange& e) {
        if (m_trace)
            m_trace->upsert(e);
    });
    connect(m_client, &BackendRun::finished, this, [this](const BackendRunResult& result) {
        m_running = false;
        Q_EMIT runFinished(m_row, result);
        Q_EMIT finished(m_row, result.token);
    });
}

Runner::~Runner() = default;

void Runner::run(int backendRow, bool forceFresh)
{
    if (m_running)
        cancel();
    m_row = backendRow;
    m_running = true;
    Q_EMIT started(backendRow);
    if (!m_workspace || backendRow < 0 || backendRow >= m_workspace->backendCount()) {
        TokenResult r;
        r.status = TokenResult::Status::ConfigError;
        r.errorText = tr("select a backend to run");
        QTimer::singleShot(0, this, [this, r] {
            m_running = false;
            Q_EMIT finished(m_row, r);
        });
        return;
    }
    static const ValueResolver processEnvironment;
    const ValueResolver& resolver = m_resolver ? *m_resolver : processEnvironment;
    auto spec = specFromBackend(m_workspace->backend(backendRow), resolver);
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
    // The token backend (oauth2's backend) and the resource check (tokenbench_resource_url).
    const Block& backend = m_workspace->backend(backendRow);
    QString baseDir;
    if (!m_workspace->filePath().isEmpty())
        baseDir = QFileInfo(m_workspace->filePath()).absolutePath();
    auto applied = applyTokenBackend(spec.value(), backend, m_workspace->backends(), resolver, nullptr, baseDir);
    auto resource = applied ? resourceSpecFromBackend(backend, resolver, {}, baseDir)
                            : Result<std::optional<ResourceSpec>>(applied.error());
    if (!resource) {
        TokenResult r;
        r.status = TokenResult::Status::ConfigError;
        r.errorText = resource.error().message;
        r.errorWhere = resource.error().where;
        QTimer::singleShot(0, this, [this, r] {
            m_running = false;
            Q_EMIT finished(m_row, r);
        });
        return;
    }
    m_client->start(spec.value(), resource.value(), backend.label, forceFresh);
}

void Runner::cancel()
{
    if (m_running)
        m_client->cancel();
}

} // namespace Tokenbench::Core
