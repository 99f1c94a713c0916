#include "net/runner.h"

#include "model/valueresolver.h"
#include "net/betatokenrequest.h"
#include "model/workspace.h"
#include "trace/tracemodel.h"

#include <QNetworkAccessManager>
#include <QTimer>

namespace Tokenbench::Core {

Runner::Runner(Workspace* workspace, TraceModel* trace, QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent), m_workspace(workspace), m_trace(trace), m_nam(nam), m_client(new TokenClient(nam, this))
{
    connect(m_client, &TokenClient::exchangeStarted, this, [this](const Exchange& e) {
        if (m_trace)
            m_trace->upsert(e);
    });
    connect(m_client, &TokenClient::exchangeFinished, this, [this](const Exchange& e) {
        if (m_trace)
            m_trace->upsert(e);
    });
    connect(m_client, &TokenClient::finished, this, [this](const TokenResult& result) {
        m_running = false;
        Q_EMIT finished(m_row, result);
    });
}

Runner::~Runner() = default;

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
        m_betaClient = new BetaTokenClient(m_nam, this);
        connect(m_betaClient, &BetaTokenClient::exchangeStarted, this, [this](const Exchange& e) {
            if (m_trace)
                m_trace->upsert(e);
        });
        connect(m_betaClient, &BetaTokenClient::exchangeFinished, this, [this](const Exchange& e) {
            if (m_trace)
                m_trace->upsert(e);
        });
        connect(m_betaClient, &BetaTokenClient::finished, this, [this](const TokenResult& result) {
            m_running = false;
            Q_EMIT finished(m_row, result);
        });
    }
    m_betaClient->start(spec.value());
}

void Runner::run(int backendRow)
{
    if (m_running)
        cancel();
    m_label.clear();
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
    m_client->start(spec.value());
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
