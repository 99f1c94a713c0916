#pragma once

#include "jwt/claimscheck.h"
#include "jwt/verifier.h"
#include "net/preparedrequest.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;

namespace Tokenbench::Core {
class HttpExchange;
} // namespace Tokenbench::Core

namespace Tokenbench::Core::Jwt {

class JwksCache;

// The purpose of the issuer metadata request in the trace, --json "exchanges" and the HAR.
inline const QString IssuerMetadataPurpose = QStringLiteral("issuer metadata");

// Verifies a token against the keys of its issuer, found the way a relying party finds them:
//
//   token ──iss──► <iss>/.well-known/openid-configuration ──jwks_uri──► JwksCache ──► verify + claims
//                  (or an explicit JWKS URL)                                        └► finished(result)
//
// Asynchronous and cancelable; one verification at a time (a new one replaces the running one). The metadata
// request is an HttpExchange with the token request's deadlines and body cap (setTimeouts, Couper's defaults
// otherwise); the JWKS request gets the cache's. Both are reported through exchangeStarted/exchangeFinished, in
// the order they are sent and before finished(), so a run's trace holds every request its verification made.
class IssuerVerifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IssuerVerifier)

public:
    struct Result
    {
        bool attempted = false;    // false: not a JWS, or no way to find keys
        Verification signature;
        QList<ClaimCheck> checks;
        QUrl jwksUri;              // where the keys came from
        QString keySource;         // in words, for the UI
        QString error;             // discovery / fetch failure
        QJsonObject issuerMetadata; // the discovery document, when the keys were found through it
        bool valid() const { return attempted && signature.isValid() && allPassed(checks); }
    };

    IssuerVerifier(QNetworkAccessManager* network, JwksCache* cache, QObject* parent = nullptr);
    ~IssuerVerifier() override;

    // Uses the token's `iss` for discovery unless `jwksUri` is given.
    void verify(const QByteArray& token, const ClaimExpectations& expected = {}, const QUrl& jwksUri = {});
    void cancel();
    void setTimeouts(const Timeouts& timeouts) { m_timeouts = timeouts; }
    // TLS and proxy for the metadata request (the token backend's, so the issuer is reached the same way).
    void setTransport(const TransportSettings& transport) { m_transport = transport; }

    // <iss>/.well-known/openid-configuration (RFC 8414 / OIDC Discovery 4).
    static QUrl discoveryUrl(const QString& issuer);

Q_SIGNALS:
    // Each request of the running verification, when it starts and when it ends (the same id both times): the
    // issuer metadata, then the JWKS unless the cache had the keys fresh (the cache's request, also when another
    // verification asked for the same keys first: then only its end may be reported). A metadata request
    // canceled on its way is reported ended (Canceled); a JWKS request goes on in the cache, unreported.
    void exchangeStarted(const Tokenbench::Core::Exchange& exchange);
    void exchangeFinished(const Tokenbench::Core::Exchange& exchange);
    void finished(const Tokenbench::Core::Jwt::IssuerVerifier::Result& result);

private:
    void fetchKeys(const QUrl& jwksUri);
    void finish(Result result);

    QPointer<QNetworkAccessManager> m_network;
    QPointer<JwksCache> m_cache;
    QPointer<HttpExchange> m_discovery;
    Timeouts m_timeouts;
    TransportSettings m_transport;
    QMetaObject::Connection m_cacheConnection;
    QMetaObject::Connection m_cacheStarted;
    QMetaObject::Connection m_cacheFinished;
    QByteArray m_token;
    ClaimExpectations m_expected;
    QJsonObject m_metadata;
    quint64 m_generation = 0;
};

} // namespace Tokenbench::Core::Jwt

Q_DECLARE_METATYPE(Tokenbench::Core::Jwt::IssuerVerifier::Result)
