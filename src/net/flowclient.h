#pragma once

#include "net/authcodeflow.h"
#include "net/deviceflow.h"
#include "net/tokenclient.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace Tokenbench::Core {

namespace Jwt {
class IssuerVerifier;
class JwksCache;
} // namespace Jwt

// Runs any grant: the direct ones (client_credentials, password, jwt-bearer, refresh_token) through a
// TokenClient, authorization_code through an AuthCodeFlow and the device grant through a DeviceFlow;
// then, when an ID token arrived, verifies it against the issuer's keys with this run's nonce.
// One finished(result) per start(); the interactive steps are reported on the way. Every request of the run is
// reported (exchangeStarted/exchangeFinished) and in the result's exchanges, in order: the flow's (device
// authorization, token requests), then the verification's (issuer metadata, JWKS unless cached).
class FlowClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowClient)

public:
    enum class Stage { Idle, Requesting, WaitingForBrowser, WaitingForDevice, Exchanging, VerifyingIdToken };
    Q_ENUM(Stage)

    explicit FlowClient(QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~FlowClient() override;

    // A shared JWKS cache (the GUI's); without one the client keeps its own.
    void setJwksCache(Jwt::JwksCache* cache);
    void setVerifyIdTokens(bool verify) { m_verifyIdTokens = verify; }
    void setInteractionTimeoutMs(qint64 ms) { m_authCode->setInteractionTimeoutMs(ms); }
    void setMaxBodyBytes(qint64 bytes) { m_client->setMaxBodyBytes(bytes); }

    void start(const TokenRequestSpec& spec);
    void cancel();
    bool isRunning() const { return m_stage != Stage::Idle; }
    Stage stage() const { return m_stage; }
    AuthCodeFlow* authCodeFlow() const { return m_authCode; }
    DeviceFlow* deviceFlow() const { return m_device; }

    // The refresh_token request for a result's refresh token (the block's client authentication, no scope:
    // the one originally granted).
    static TokenRequestSpec refreshSpec(const TokenRequestSpec& base, const QString& refreshToken);
    static bool isInteractive(const QString& grantType);

Q_SIGNALS:
    void stageChanged(Tokenbench::Core::FlowClient::Stage stage);
    void authorizationUrlReady(const QUrl& url);
    void deviceAuthorizationReady(const Tokenbench::Core::DeviceAuthorization& authorization);
    void devicePollAnswered(const QString& error, int nextIntervalSeconds);
    void exchangeStarted(const Tokenbench::Core::Exchange& exchange);
    void exchangeFinished(const Tokenbench::Core::Exchange& exchange);
    void finished(const Tokenbench::Core::TokenResult& result);

private:
    void onFlowFinished(const TokenResult& result);
    void setStage(Stage stage);
    void finish(const TokenResult& result);

    QPointer<QNetworkAccessManager> m_nam;
    TokenClient* m_client = nullptr;
    AuthCodeFlow* m_authCode = nullptr;
    DeviceFlow* m_device = nullptr;
    QPointer<Jwt::JwksCache> m_cache;
    Jwt::JwksCache* m_ownCache = nullptr;
    Jwt::IssuerVerifier* m_verifier = nullptr;
    TokenRequestSpec m_spec;
    TokenResult m_pending; // the token result while its ID token is being verified
    QString m_expectedIssuer;
    Stage m_stage = Stage::Idle;
    bool m_verifyIdTokens = true;
};

} // namespace Tokenbench::Core
