#pragma once

#include "net/tokenclient.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QJsonObject;
class QNetworkAccessManager;
class QTimer;

namespace Tokenbench::Core {

class HttpExchange;

// What the device authorization endpoint answered (RFC 8628 §3.2).
struct DeviceAuthorization
{
    QString deviceCode;
    QString userCode;
    QUrl verificationUri;
    QUrl verificationUriComplete; // may be empty
    QDateTime expiresAt;          // UTC
    int intervalSeconds = 5;
};

// The device authorization grant (RFC 8628):
//
//   start(spec) ─► POST device_authorization_endpoint ─► deviceAuthorizationReady(user code, URI)
//     ─► every `interval` s: POST token_endpoint grant_type=urn:...:device_code
//          authorization_pending ─► poll again │ slow_down ─► interval + 5 s, poll again
//          token ─► finished(ok) │ expired_token, access_denied, other errors, cancel ─► finished(error)
class DeviceFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceFlow)

public:
    explicit DeviceFlow(QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~DeviceFlow() override;

    void start(const TokenRequestSpec& spec);
    void cancel();
    bool isRunning() const { return m_running; }
    const DeviceAuthorization& authorization() const { return m_authorization; }
    int polls() const { return m_polls; }
    int intervalSeconds() const { return m_authorization.intervalSeconds; }

    // The device authorization request for `spec`: the client authentication of the token request,
    // with scope, sent to device_authorization_endpoint.
    static Result<PreparedRequest> prepareDeviceAuthorizationRequest(const TokenRequestSpec& spec);
    // A verification URI from the server may be handed to a browser or the desktop only when it is https,
    // or http on a loopback address (127.0.0.0/8, ::1, localhost). Anything else (file:, javascript:,
    // data:, custom schemes, plain http to another host) is shown as text only.
    static bool isSafeToOpen(const QUrl& url);
    // Upper bounds for the server's expires_in and interval (seconds); larger, negative or non-numeric
    // values are clamped or replaced by the defaults (1800 s, 5 s).
    static constexpr qint64 MaxExpiresInSeconds = 24 * 3600;
    static constexpr int MaxIntervalSeconds = 300;
    // The fields of a device authorization answer (RFC 8628 §3.2), with expires_in and interval clamped as
    // above; `startedAt` is when the request went out (expires_in counts from there).
    static DeviceAuthorization parseAuthorization(const QJsonObject& json, const QDateTime& startedAt);

Q_SIGNALS:
    void deviceAuthorizationReady(const Tokenbench::Core::DeviceAuthorization& authorization);
    // After each poll that answered authorization_pending or slow_down.
    void pollAnswered(const QString& error, int nextIntervalSeconds);
    void exchangeStarted(const Tokenbench::Core::Exchange& exchange);
    void exchangeFinished(const Tokenbench::Core::Exchange& exchange);
    void finished(const Tokenbench::Core::TokenResult& result);

private:
    void onAuthorizationAnswered(const Exchange& exchange);
    void poll();
    void onPollFinished(const TokenResult& result);
    void fail(TokenResult::Status status, const QString& text, const QString& where = {});
    void finish(TokenResult result);

    QPointer<QNetworkAccessManager> m_nam;
    QPointer<HttpExchange> m_exchange;
    TokenClient* m_client = nullptr;
    QTimer* m_pollTimer = nullptr;
    TokenRequestSpec m_spec;
    DeviceAuthorization m_authorization;
    QList<Exchange> m_exchanges;
    bool m_running = false;
    int m_polls = 0;
};

} // namespace Tokenbench::Core

Q_DECLARE_METATYPE(Tokenbench::Core::DeviceAuthorization)
