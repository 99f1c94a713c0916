#pragma once

#include "jwt/claimscheck.h"
#include "net/tokenrequest.h"
#include "net/tokenresponse.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace Tokenbench::Core {

class HttpExchange;

// An ID token (OpenID Connect) checked against the issuer's keys and the flow that produced it.
struct IdTokenReport
{
    bool checked = false;  // an id_token arrived and Tokenbench tried to verify it
    bool valid = false;    // signature verified and every check passed
    QString signature;     // the signature verdict in words
    QString keySource;     // where the keys came from (jwks_uri)
    QString error;         // why it could not be verified (discovery, keys, decoding)
    QList<Jwt::ClaimCheck> checks; // nonce, at_hash, aud, iss, exp, ...
};

// The outcome of one token run: a plain value with the status, the error text, every exchange and the
// parsed fields.
struct TokenResult
{
    enum class Status {
        Success,
        ConfigError,   // CLI exit 2
        TransportError,// CLI exit 3
        ServerRefused, // CLI exit 4
        NoToken,       // CLI exit 5
        Canceled,
    };
    Status status = Status::ConfigError;
    QString errorText; // what failed and what to try
    QString errorWhere;
    TokenResponse response;
    QList<Exchange> exchanges;
    QDateTime obtainedAt; // when the token arrived (UTC)
    QString authMethod;
    QString grantType;
    QString nonce;            // the nonce an authorization_code run sent (checked in the ID token)
    IdTokenReport idTokenReport;

    bool ok() const { return status == Status::Success; }
    // Seconds until the token expires per expires_in (negative when expired), or nullopt.
    std::optional<qint64> secondsLeft(const QDateTime& now) const;
};

int exitCodeFor(TokenResult::Status status);
QString statusName(TokenResult::Status status);

// Runs a token request asynchronously; reports through one finished(result) signal.
//
//   start(spec) ──► prepareTokenRequest ──► HttpExchange ──► parseTokenResponse ──► finished(result)
//                     └ config error ────────────┴ transport error ─────┴ refused / no token
class TokenClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenClient)

public:
    explicit TokenClient(QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~TokenClient() override;

    void setMaxBodyBytes(qint64 bytes) { m_maxBody = bytes; }
    void start(const TokenRequestSpec& spec);
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void exchangeStarted(const Tokenbench::Core::Exchange& exchange);
    void exchangeFinished(const Tokenbench::Core::Exchange& exchange);
    void finished(const Tokenbench::Core::TokenResult& result);

private:
    void onExchangeFinished(const Exchange& exchange);
    void finish(TokenResult result);

    QPointer<QNetworkAccessManager> m_nam;
    QPointer<HttpExchange> m_exchange;
    TokenRequestSpec m_spec;
    qint64 m_maxBody = 0;
};

} // namespace Tokenbench::Core

Q_DECLARE_METATYPE(Tokenbench::Core::TokenResult)
