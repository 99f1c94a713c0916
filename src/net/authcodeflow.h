#pragma once

#include "net/tokenclient.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

class QNetworkAccessManager;
class QTimer;

namespace Tokenbench::Core {

class LoopbackReceiver;

// The authorization code grant with PKCE for a native app (RFC 6749 §4.1, RFC 7636, RFC 8252):
//
//   start(spec) ─► loopback listener ─► authorizationUrlReady(url)  (the caller opens the browser)
//                   ─► redirect ?code&state ─► state checked ─► token request (code, code_verifier)
//                   └ error=... / state mismatch / timeout / cancel ──────────────────┴► finished(result)
//
// A fresh verifier, state and nonce per run. The core never opens a browser: the caller does, with
// the URL from authorizationUrlReady (GUI: QDesktopServices; CLI: xdg-open or printing it).
class AuthCodeFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthCodeFlow)

public:
    enum class Stage { Idle, WaitingForBrowser, Exchanging };
    Q_ENUM(Stage)

    static constexpr qint64 DefaultInteractionTimeoutMs = 5 * 60 * 1000;

    explicit AuthCodeFlow(QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~AuthCodeFlow() override;

    void setInteractionTimeoutMs(qint64 ms) { m_timeoutMs = ms; }
    void start(const TokenRequestSpec& spec);
    void cancel();
    bool isRunning() const { return m_stage != Stage::Idle; }
    Stage stage() const { return m_stage; }

    QUrl authorizationUrl() const { return m_authorizationUrl; }
    QUrl redirectUri() const;
    QString state() const { return m_state; }
    QString nonce() const { return m_nonce; }
    QString codeVerifier() const { return m_verifier; }
    QString callbackIssuer() const { return m_callbackIssuer; } // RFC 9207 "iss" of the redirect

    // What the redirect's `error` means, for people (RFC 6749 §4.1.2.1).
    static QString explainRedirectError(const QString& error);

Q_SIGNALS:
    void authorizationUrlReady(const QUrl& url);
    void stageChanged(Tokenbench::Core::AuthCodeFlow::Stage stage);
    void exchangeStarted(const Tokenbench::Core::Exchange& exchange);
    void exchangeFinished(const Tokenbench::Core::Exchange& exchange);
    void finished(const Tokenbench::Core::TokenResult& result);
    // A request reached the loopback listener without this run's state; it was answered with an error page
    // and ignored (the flow keeps waiting).
    void redirectIgnored(const QString& reason);

private:
    void onCallback(const QUrlQuery& query);
    void fail(TokenResult::Status status, const QString& text, const QString& where = {});
    void failLater(TokenResult::Status status, const QString& text, const QString& where = {});
    void setStage(Stage stage);
    void finish(TokenResult result);

    QPointer<QNetworkAccessManager> m_nam;
    LoopbackReceiver* m_receiver = nullptr;
    TokenClient* m_client = nullptr;
    QTimer* m_timeout = nullptr;
    TokenRequestSpec m_spec;
    Stage m_stage = Stage::Idle;
    qint64 m_timeoutMs = DefaultInteractionTimeoutMs;
    QUrl m_authorizationUrl;
    QString m_verifier;
    QString m_state;
    QString m_nonce;
    QString m_callbackIssuer;
    QString m_code;
};

} // namespace Tokenbench::Core
