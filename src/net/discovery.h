#pragma once

#include "util/diagnostic.h"
#include "net/preparedrequest.h"
#include "util/result.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;

namespace Tokenbench::Core {

class HttpExchange;
struct Block;

// Authorization server metadata: OpenID Connect Discovery 1.0 (/.well-known/openid-configuration) or
// RFC 8414 (/.well-known/oauth-authorization-server).
struct DiscoveryDocument
{
    QUrl fetchedFrom;
    QString issuer;
    QUrl tokenEndpoint;
    QUrl authorizationEndpoint;
    QUrl deviceAuthorizationEndpoint;
    QUrl jwksUri;
    QStringList grantTypes;           // grant_types_supported (empty: not advertised)
    QStringList authMethods;          // token_endpoint_auth_methods_supported
    QStringList authSigningAlgs;      // token_endpoint_auth_signing_alg_values_supported
    QStringList codeChallengeMethods; // code_challenge_methods_supported
    QJsonObject raw;
};

// The metadata URLs to try for `input`, in order. A URL that already contains "/.well-known/" is used as
// is. For an issuer: OIDC's issuer + "/.well-known/openid-configuration", then RFC 8414's
// "/.well-known/oauth-authorization-server" inserted between the host and the issuer's path (RFC 8414
// section 3.1), then, for an issuer with a path, OIDC's form for that too is covered by the first URL.
QList<QUrl> discoveryUrls(const QUrl& input);
// The issuer a metadata URL stands for (both well-known forms), or the input itself for an issuer.
QString expectedIssuer(const QUrl& input);

// Parses a metadata document; endpoints must be absolute http(s) URLs.
Result<DiscoveryDocument> parseDiscovery(const QByteArray& body, const QUrl& fetchedFrom);

// What the configuration will send, to check against the metadata.
struct DiscoveryCheck
{
    QString expectedIssuer;   // empty: not checked
    QString grantType;        // grant_type
    QString authMethod;       // token_endpoint_auth_method (client_secret_basic when empty)
    QString signingAlgorithm; // jwt_signing_profile.signature_algorithm, for client_secret_jwt/private_key_jwt
    QString codeChallengeMethod; // PKCE method the flow uses ("S256"); empty when the grant uses none
};

// What an oauth2 block will send: its grant_type, token_endpoint_auth_method, the signature_algorithm of its
// jwt_signing_profile, and S256 for the authorization_code grant. `expectedIssuer` as given (empty: not
// checked). The GUI's discovery dialog, its Problems view and the CLI's --discovery all check this.
DiscoveryCheck discoveryCheckFor(const Block& oauth2, const QString& expectedIssuer = {});

// One warning per mismatch, as Diagnostics (Warning) on the oauth2 attribute concerned.
Diagnostics checkDiscovery(const DiscoveryDocument& doc, const DiscoveryCheck& check, const QString& backendLabel = {});

// Fetches the metadata asynchronously (cancelable): tries discoveryUrls(input) in order until one answers
// 200 with a JSON document; every attempt is an exchange for the trace.
class DiscoveryClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscoveryClient)

public:
    struct Outcome
    {
        bool ok = false;
        bool canceled = false;
        QString errorText;
        DiscoveryDocument document;
        QList<Exchange> exchanges;
    };

    explicit DiscoveryClient(QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~DiscoveryClient() override;

    void setTransport(const TransportSettings& transport) { m_transport = transport; }
    void setTimeouts(const Timeouts& timeouts) { m_timeouts = timeouts; }
    void start(const QUrl& input);
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void exchangeStarted(const Tokenbench::Core::Exchange& exchange);
    void exchangeFinished(const Tokenbench::Core::Exchange& exchange);
    void finished(const Tokenbench::Core::DiscoveryClient::Outcome& outcome);

private:
    void next();
    void onFinished(const Exchange& exchange);

    QPointer<QNetworkAccessManager> m_nam;
    QPointer<HttpExchange> m_exchange;
    TransportSettings m_transport;
    Timeouts m_timeouts; // the token request's defaults (Couper's) unless set
    QList<QUrl> m_pending;
    QStringList m_failures;
    Outcome m_outcome;
};

} // namespace Tokenbench::Core

Q_DECLARE_METATYPE(Tokenbench::Core::DiscoveryClient::Outcome)
