#include "net/runner.h"

#include "model/valueresolver.h"
#include "model/workspace.h"
#include "net/betaresource.h"
#include "net/betatokenrequest.h"
#include "net/tokencache.h"

#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QTimer>

namespace Tokenbench::Core {

Runner::Runner(Workspace* workspace, QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent), m_workspace(workspace), m_nam(nam), m_cache(new TokenCache(this)),
      m_client(new BackendRun(nam, m_cache, this))
{
    connect(m_client, &BackendRun::exchangeStarted, this, &Runner::exchangeStarted);
    connect(m_client, &BackendRun::exchangeFinished, this, &Runner::exchangeFinished);
    connect(m_client, &BackendRun::finished, this, [this](const BackendRunResult& result) {
        m_running = false;
        Q_EMIT runFinished(m_row, result);
        Q_EMIT finished(m_row, result.token);
    });
}

Runner::~Runner() = default;

FlowClient* Runner::flowClient() const
{
    return m_client->flowClient();
}

Result<TokenRequestSpec> Runner::specFor(int backendRow, std::optional<ResourceSpec>* resource) const
{
    if (!m_workspace || backendRow < 0 || backendRow >= m_workspace->backendCount())
        return Error{Error::Code::Usage, tr("select a backend to run"), {}};
    static const ValueResolver processEnvironment;
    const ValueResolver& resolver = m_resolver ? *m_resolver : processEnvironment;
    const Block& backend = m_workspace->backend(backendRow);
    auto spec = specFromBackend(backend, resolver);
    if (!spec)
        return spec.error();
    // The token backend (oauth2's backend) and the resource check (tokenbench_resource_url).
    QString baseDir;
    if (!m_workspace->filePath().isEmpty())
        baseDir = QFileInfo(m_workspace->filePath()).absolutePath();
    auto applied = applyTokenBackend(spec.value(), backend, m_workspace->backends(), resolver, nullptr, baseDir);
    if (!applied)
        return applied.error();
    if (resource) {
        auto check = resourceSpecFromBackend(backend, resolver, {}, baseDir);
        if (!check)
            return check.error();
        *resource = check.value();
    }
    return spec;
}

void Runner::startSpec(int backendRow, const Result<TokenRequestSpec>& spec,
                       const std::optional<ResourceSpec>& resource, bool forceFresh)
{
    if (m_running)
        cancel();
    m_label.clear();
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
    m_issuerTransport = Core::issuerTransport(spec.value());
    m_client->start(spec.value(), resource, m_workspace->backend(backendRow).label, forceFresh);
}

void Runner::run(int backendRow, bool forceFresh)
{
    std::optional<ResourceSpec> resource;
    const auto spec = specFor(backendRow, &resource);
    startSpec(backendRow, spec, resource, forceFresh);
}

void Runner::refresh(int backendRow, const QString& refreshToken)
{
    auto spec = specFor(backendRow, nullptr);
    if (spec)
        spec = FlowClient::refreshSpec(spec.value(), refreshToken);
    // A refresh is always a new request; its token replaces the cached one.
    startSpec(backendRow, spec, std::nullopt, true);
}

Result<PreparedRequest> Runner::previewRefresh(int backendRow, const QString& refreshToken) const
{
    auto spec = specFor(backendRow, nullptr);
    if (!spec)
        return spec.error();
    return prepareTokenRequest(FlowClient::refreshSpec(spec.value(), refreshToken));
}

void Runner::runTokenRequest(int backendRow, const QString& label)
{
    if (m_running)
        cancel();
    m_row = backendRow;
    m_label = label;
    m_running = true;
    Q_EMIT started(backendRow);
    const auto fail = [this](const QString& text, const QString& where) {
        TokenResult r;
        r.status = TokenResult::Status::ConfigError;
        r.errorText = text;
        r.errorWhere = where;
        QTimer::singleShot(0, this, [this, r] {
            m_running = false;
            Q_EMIT finished(m_row, r);
        });
    };
    const Block* tokenRequest = nullptr;
    if (m_workspace && backendRow >= 0 && backendRow < m_workspace->backendCount())
        tokenRequest = m_workspace->backend(backendRow).child(QStringLiteral("beta_token_request:") + label);
    if (!tokenRequest) {
        fail(tr("the backend has no beta_token_request \"%1\"").arg(label), QString());
        return;
    }
    static const ValueResolver processEnvironment;
    const ValueResolver& resolver = m_resolver ? *m_resolver : processEnvironment;
    auto spec = betaSpecFromBlock(m_workspace->backend(backendRow), *tokenRequest, resolver, &m_workspace->backends());
    if (!spec) {
        fail(spec.error().message, spec.error().where);
        return;
    }
    if (!m_betaClient) {
        m_betaClient = new BetaResourceRun(m_nam, this);
        connect(m_betaClient, &BetaResourceRun::exchangeStarted, this, &Runner::exchangeStarted);
        connect(m_betaClient, &BetaResourceRun::exchangeFinished, this, &Runner::exchangeFinished);
        connect(m_betaClient, &BetaResourceRun::finished, this, [this](const BackendRunResult& result) {
            m_running = false;
            Q_EMIT runFinished(m_row, result);
            Q_EMIT finished(m_row, result.token);
        });
    }
    QString baseDir;
    if (!m_workspace->filePath().isEmpty())
        baseDir = QFileInfo(m_workspace->filePath()).absolutePath();
    // The resource check evaluates the backend's modifiers with the token, so it is planned once the token
    // is there (on the backend as it is now: a copy, the resolver by reference as for the request).
    const Block backend = m_workspace->backend(backendRow);
    const ValueResolver* resolverPtr = &resolver;
    BetaResourceRun::Planner planner = [backend, label, resolverPtr, baseDir](const QString& token) {
        return betaResourcePlan(backend, label, token, *resolverPtr, {}, baseDir);
    };
    m_betaClient->start(spec.value(), planner);
}

void Runner::cancel()
{
    if (m_running) {
        m_client->cancel();
        if (m_betaClient)
            m_betaClient->cancel();
    }
}

} // namespace Tokenbench::Core
