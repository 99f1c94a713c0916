#include "net/flowclient.h"

#include "net/issuerverifier.h"
#include "net/jwkscache.h"
#include "model/schema.h"
#include "net/idtokencheck.h"
#include <QNetworkAccessManager>

namespace Tokenbench::Core {

FlowClient::FlowClient(QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent), m_nam(nam), m_client(new TokenClient(nam, this)), m_authCode(new AuthCodeFlow(nam, this)),
      m_device(new DeviceFlow(nam, this))
{
    connect(m_client, &TokenClient::exchangeStarted, this, &FlowClient::exchangeStarted);
    connect(m_client, &TokenClient::exchangeFinished, this, &FlowClient::exchangeFinished);
    connect(m_client, &TokenClient::finished, this, &FlowClient::onFlowFinished);
    connect(m_authCode, &AuthCodeFlow::exchangeStarted, this, &FlowClient::exchangeStarted);
    connect(m_authCode, &AuthCodeFlow::exchangeFinished, this, &FlowClient::exchangeFinished);
    connect(m_authCode, &AuthCodeFlow::finished, this, &FlowClient::onFlowFinished);
    connect(m_authCode, &AuthCodeFlow::authorizationUrlReady, this, &FlowClient::authorizationUrlReady);
    connect(m_authCode, &AuthCodeFlow::stageChanged, this, [this](AuthCodeFlow::Stage s) {
        if (s == AuthCodeFlow::Stage::Exchanging)
            setStage(Stage::Exchanging);
    });
    connect(m_device, &DeviceFlow::exchangeStarted, this, &FlowClient::exchangeStarted);
    connect(m_device, &DeviceFlow::exchangeFinished, this, &FlowClient::exchangeFinished);
    connect(m_device, &DeviceFlow::finished, this, &FlowClient::onFlowFinished);
    connect(m_device, &DeviceFlow::deviceAuthorizationReady, this, [this](const DeviceAuthorization& a) {
        setStage(Stage::WaitingForDevice);
        Q_EMIT deviceAuthorizationReady(a);
    });
    connect(m_device, &DeviceFlow::pollAnswered, this, &FlowClient::devicePollAnswered);
}

FlowClient::~FlowClient() = default;

void FlowClient::setJwksCache(Jwt::JwksCache* cache)
{
    m_cache = cache;
    delete m_verifier;
    m_verifier = nullptr;
}

bool FlowClient::isInteractive(const QString& grantType)
{
    return grantType == Schema::Grant::AuthorizationCode || grantType == Schema::Grant::DeviceCode;
}

TokenRequestSpec FlowClient::refreshSpec(const TokenRequestSpec& base, const QString& refreshToken)
{
    TokenRequestSpec s = base;
    s.grantType = Schema::Grant::RefreshToken;
    s.refreshToken = refreshToken;
    // Without scope the refresh asks for the scope originally granted (RFC 6749 §6); the block's scope
    // may hold values (openid, offline_access) the server did not grant to the refresh token.
    s.scope.clear();
    s.authorizationCode.clear();
    s.codeVerifier.clear();
    s.deviceCode.clear();
    return s;
}

void FlowClient::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}

void FlowClient::start(const TokenRequestSpec& spec)
{
    if (m_stage != Stage::Idle)
        cancel();
    m_spec = spec;
    m_pending = {};
    m_expectedIssuer.clear();
    if (spec.grantType == Schema::Grant::AuthorizationCode) {
        setStage(Stage::WaitingForBrowser);
        m_authCode->start(spec);
    } else if (spec.grantType == Schema::Grant::DeviceCode) {
        setStage(Stage::Requesting);
        m_device->start(spec);
    } else {
        setStage(Stage::Requesting);
        m_client->start(spec);
    }
}

void FlowClient::cancel()
{
    switch (m_stage) {
    case Stage::Idle:
        return;
    case Stage::VerifyingIdToken: {
        if (m_verifier)
            m_verifier->cancel();
        TokenResult r = m_pending;
        r.idTokenReport.checked = true;
        r.idTokenReport.error = tr("verification canceled");
        finish(r);
        return;
    }
    default:
        m_authCode->cancel();
        m_device->cancel();
        m_client->cancel();
        return;
    }
}

void FlowClient::onFlowFinished(const TokenResult& result)
{
    if (m_stage == Stage::Idle || m_stage == Stage::VerifyingIdToken)
        return;
    TokenResult r = result;
    if (r.grantType.isEmpty())
        r.grantType = m_spec.grantType;
    if (!r.ok() || r.response.idToken.isEmpty() || !m_verifyIdTokens) {
        finish(r);
        return;
    }
    // An ID token: verify it against the issuer's keys, with this run's nonce and access token.
    m_pending = r;
    m_expectedIssuer = m_spec.grantType == Schema::Grant::AuthorizationCode ? m_authCode->callbackIssuer() : QString();
    setStage(Stage::VerifyingIdToken);
    if (!m_cache) {
        if (!m_ownCache)
            m_ownCache = new Jwt::JwksCache(m_nam, this);
        m_cache = m_ownCache;
    }
    if (!m_verifier) {
        m_verifier = new Jwt::IssuerVerifier(m_nam, m_cache, this);
        // The verification's requests (issuer metadata, JWKS) are this run's: reported like the token request's
        // and kept in the result after it, in the order they were sent.
        connect(m_verifier, &Jwt::IssuerVerifier::exchangeStarted, this, &FlowClient::exchangeStarted);
        connect(m_verifier, &Jwt::IssuerVerifier::exchangeFinished, this, [this](const Exchange& e) {
            if (m_stage == Stage::VerifyingIdToken)
                m_pending.exchanges.append(e);
            Q_EMIT exchangeFinished(e);
        });
        connect(m_verifier, &Jwt::IssuerVerifier::finished, this, [this](const Jwt::IssuerVerifier::Result& v) {
            if (m_stage != Stage::VerifyingIdToken)
                return;
            QList<Jwt::ClaimCheck> extra;
            if (m_expectedIssuer.isEmpty())
                extra.append(IdTokenCheck::issuerMatchesEndpoint(m_pending.response.idToken, m_spec.tokenEndpoint,
                                                                 v.issuerMetadata));
            TokenResult done = m_pending;
            done.idTokenReport = IdTokenCheck::report(v, extra);
            finish(done);
        });
    }
    // The issuer's metadata and keys get the token request's deadlines: a server that accepts and never
    // answers cannot hold the run after the token arrived.
    m_verifier->setTimeouts(m_spec.timeouts);
    m_cache->setTimeouts(m_spec.timeouts);
    // ... and the token backend's TLS and proxy: the issuer is reached the way the token endpoint was.
    const TransportSettings transport = issuerTransport(m_spec);
    m_verifier->setTransport(transport);
    m_cache->setTransport(transport);
    m_verifier->verify(r.response.idToken.toUtf8(), IdTokenCheck::expectations(r, m_spec, m_expectedIssuer));
}

void FlowClient::finish(const TokenResult& result)
{
    m_pending = {};
    setStage(Stage::Idle);
    Q_EMIT finished(result);
}

} // namespace Tokenbench::Core
