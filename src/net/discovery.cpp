#include "net/discovery.h"

#include "model/block.h"
#include "model/schema.h"
#include "net/httpexchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>

namespace Tokenbench::Core {

namespace {

const QString OidcSuffix = QStringLiteral("/.well-known/openid-configuration");
const QString Rfc8414Segment = QStringLiteral("/.well-known/oauth-authorization-server");

QString stripSlash(QString s)
{
    while (s.endsWith(u'/'))
        s.chop(1);
    return s;
}

QStringList stringList(const QJsonObject& o, const char* name)
{
    QStringList out;
    for (const QJsonValue& v : o.value(QLatin1String(name)).toArray()) {
        if (v.isString())
            out << v.toString();
    }
    return out;
}

} // namespace

QList<QUrl> discoveryUrls(const QUrl& input)
{
    if (input.path().contains(QStringLiteral("/.well-known/")))
        return {input};
    const QString path = stripSlash(input.path());
    QUrl oidc = input;
    oidc.setQuery(QString());
    oidc.setFragment(QString());
    oidc.setPath(path + OidcSuffix);
    QUrl rfc = oidc;
    rfc.setPath(Rfc8414Segment + path);
    return {oidc, rfc};
}

QString expectedIssuer(const QUrl& input)
{
    const QString path = input.path();
    QUrl base = input.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (path.endsWith(OidcSuffix)) {
        base.setPath(path.left(path.size() - OidcSuffix.size()));
        return stripSlash(base.toString());
    }
    if (path.startsWith(Rfc8414Segment)) {
        base.setPath(path.mid(Rfc8414Segment.size()));
        return stripSlash(base.toString());
    }
    if (path.contains(QStringLiteral("/.well-known/")))
        return {};
    return stripSlash(base.toString());
}

Result<DiscoveryDocument> parseDiscovery(const QByteArray& body, const QUrl& fetchedFrom)
{
    QJsonParseError err{};
    const QJsonDocument json = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !json.isObject())
        return Error{Error::Code::Format,
                     QStringLiteral("%1 did not answer with a JSON metadata document (%2)")
                         .arg(fetchedFrom.toString(), err.error != QJsonParseError::NoError ? err.errorString()
                                                                                             : QStringLiteral("not an object")),
                     fetchedFrom.toString()};
    const QJsonObject o = json.object();
    DiscoveryDocument d;
    d.fetchedFrom = fetchedFrom;
    d.raw = o;
    d.issuer = o.value(QStringLiteral("issuer")).toString();
    for (const auto& [name, field] : {std::pair{"token_endpoint", &d.tokenEndpoint},
                                      std::pair{"authorization_endpoint", &d.authorizationEndpoint},
                                      std::pair{"device_authorization_endpoint", &d.deviceAuthorizationEndpoint},
                                      std::pair{"jwks_uri", &d.jwksUri}}) {
        const QString text = o.value(QLatin1String(name)).toString();
        if (text.isEmpty())
            continue;
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"https" && url.scheme() != u"http"))
            return Error{Error::Code::Format,
                         QStringLiteral("the metadata's %1 \"%2\" is not an absolute http(s) URL")
                             .arg(QLatin1String(name), text),
                         fetchedFrom.toString()};
        *field = url;
    }
    d.grantTypes = stringList(o, "grant_types_supported");
    d.authMethods = stringList(o, "token_endpoint_auth_methods_supported");
    d.authSigningAlgs = stringList(o, "token_endpoint_auth_signing_alg_values_supported");
    d.codeChallengeMethods = stringList(o, "code_challenge_methods_supported");
    if (d.tokenEndpoint.isEmpty() && d.authorizationEndpoint.isEmpty())
        return Error{Error::Code::Format,
                     QStringLiteral("%1 is JSON but has neither token_endpoint nor authorization_endpoint: it is not "
                                    "authorization server metadata")
                         .arg(fetchedFrom.toString()),
                     fetchedFrom.toString()};
    return d;
}

Diagnostics checkDiscovery(const DiscoveryDocument& doc, const DiscoveryCheck& check, const QString& backendLabel)
{
    Diagnostics out;
    const QString B = BlockType::OAuth2;
    auto warn = [&](const QString& block, const QString& attribute, const QString& message) {
        out.append(Diagnostic{Diagnostic::Severity::Warning, backendLabel, block, attribute, message, {}, 0, 0});
    };
    const QString from = doc.fetchedFrom.toString();
    if (!check.expectedIssuer.isEmpty() && stripSlash(doc.issuer) != stripSlash(check.expectedIssuer)) {
        warn(B, QStringLiteral("token_endpoint"),
             QStringLiteral("the metadata at %1 names the issuer \"%2\", not \"%3\": clients must refuse metadata "
                            "whose issuer differs from the one asked for (RFC 8414 section 3.3, OpenID Connect "
                            "Discovery section 4.3)")
                 .arg(from, doc.issuer, check.expectedIssuer));
    }
    if (!check.grantType.isEmpty() && !doc.grantTypes.isEmpty() && !doc.grantTypes.contains(check.grantType)) {
        warn(B, QStringLiteral("grant_type"),
             QStringLiteral("the server does not advertise grant_type %1 (grant_types_supported: %2)")
                 .arg(check.grantType, doc.grantTypes.join(QStringLiteral(", "))));
    }
    const bool jwtBearer = check.grantType == Schema::Grant::JwtBearer;
    const QString method = check.authMethod.isEmpty() ? Schema::AuthMethod::Basic : check.authMethod;
    // Absent means client_secret_basic only (RFC 8414 section 2, OpenID Connect Discovery section 3).
    const QStringList methods = doc.authMethods.isEmpty() ? QStringList{Schema::AuthMethod::Basic} : doc.authMethods;
    if (!jwtBearer && !methods.contains(method)) {
        warn(B, QStringLiteral("token_endpoint_auth_method"),
             QStringLiteral("the server does not advertise token_endpoint_auth_method %1 "
                            "(token_endpoint_auth_methods_supported: %2%3)")
                 .arg(method, methods.join(QStringLiteral(", ")),
                      doc.authMethods.isEmpty() ? QStringLiteral(", the default when the metadata lists none")
                                                : QString()));
    }
    const bool assertion = method == Schema::AuthMethod::SecretJwt || method == Schema::AuthMethod::PrivateKeyJwt;
    if (!jwtBearer && assertion && !check.signingAlgorithm.isEmpty() && !doc.authSigningAlgs.isEmpty() &&
        !doc.authSigningAlgs.contains(check.signingAlgorithm)) {
        warn(B + QStringLiteral(".jwt_signing_profile"), QStringLiteral("signature_algorithm"),
             QStringLiteral("the server does not accept client assertions signed with %1 "
                            "(token_endpoint_auth_signing_alg_values_supported: %2)")
                 .arg(check.signingAlgorithm, doc.authSigningAlgs.join(QStringLiteral(", "))));
    }
    if (!check.codeChallengeMethod.isEmpty()) {
        if (doc.codeChallengeMethods.isEmpty())
            warn(B, QStringLiteral("grant_type"),
                 QStringLiteral("the server does not advertise PKCE (no code_challenge_methods_supported): it may "
                                "ignore or refuse the %1 code challenge")
                     .arg(check.codeChallengeMethod));
        else if (!doc.codeChallengeMethods.contains(check.codeChallengeMethod))
            warn(B, QStringLiteral("grant_type"),
                 QStringLiteral("the server does not support the PKCE method %1 (code_challenge_methods_supported: %2)")
                     .arg(check.codeChallengeMethod, doc.codeChallengeMethods.join(QStringLiteral(", "))));
    }
    return out;
}

DiscoveryCheck discoveryCheckFor(const Block& oauth2, const QString& expectedIssuer)
{
    DiscoveryCheck c;
    c.expectedIssuer = expectedIssuer;
    c.grantType = oauth2.attribute(QStringLiteral("grant_type")).trimmed();
    c.authMethod = oauth2.attribute(QStringLiteral("token_endpoint_auth_method")).trimmed();
    if (const Block* p = oauth2.child(QStringLiteral("jwt_signing_profile")))
        c.signingAlgorithm = p->attribute(QStringLiteral("signature_algorithm")).trimmed();
    // Tokenbench's authorization_code flow always sends an S256 challenge.
    if (c.grantType == Schema::Grant::AuthorizationCode)
        c.codeChallengeMethod = QStringLiteral("S256");
    return c;
}

DiscoveryClient::DiscoveryClient(QNetworkAccessManager* nam, QObject* parent) : QObject(parent), m_nam(nam) {}

DiscoveryClient::~DiscoveryClient() = default;

bool DiscoveryClient::isRunning() const
{
    return m_exchange && m_exchange->isRunning();
}

void DiscoveryClient::start(const QUrl& input)
{
    cancel();
    m_outcome = Outcome();
    m_failures.clear();
    m_pending.clear();
    if (!input.isValid() || input.host().isEmpty() || (input.scheme() != u"http" && input.scheme() != u"https")) {
        m_outcome.errorText = tr("\"%1\" is not an issuer or metadata URL: give an absolute https URL such as "
                                 "https://login.example.com or "
                                 "https://login.example.com/.well-known/openid-configuration")
                                  .arg(input.toString());
        QMetaObject::invokeMethod(this, [this] { Q_EMIT finished(m_outcome); }, Qt::QueuedConnection);
        return;
    }
    m_pending = discoveryUrls(input);
    next();
}

void DiscoveryClient::next()
{
    if (m_pending.isEmpty()) {
        m_outcome.errorText = tr("no authorization server metadata found: %1").arg(m_failures.join(QStringLiteral("; ")));
        Q_EMIT finished(m_outcome);
        return;
    }
    PreparedRequest req;
    req.method = QByteArrayLiteral("GET");
    req.url = m_pending.takeFirst();
    req.purpose = QStringLiteral("discovery");
    req.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    req.transport = m_transport;
    auto* exchange = new HttpExchange(m_nam, req, m_timeouts, this);
    m_exchange = exchange;
    connect(exchange, &HttpExchange::started, this, &DiscoveryClient::exchangeStarted);
    connect(exchange, &HttpExchange::finished, this, &DiscoveryClient::onFinished);
    exchange->start();
}

void DiscoveryClient::onFinished(const Exchange& exchange)
{
    if (m_exchange) {
        m_exchange->deleteLater();
        m_exchange = nullptr;
    }
    m_outcome.exchanges.append(exchange);
    Q_EMIT exchangeFinished(exchange);
    if (exchange.failure == Exchange::Failure::Canceled) {
        m_outcome.canceled = true;
        m_outcome.errorText = tr("canceled");
        Q_EMIT finished(m_outcome);
        return;
    }
    if (exchange.failure != Exchange::Failure::None) {
        // A transport failure will not go away at the next URL of the same host.
        m_outcome.errorText = exchange.failureText;
        Q_EMIT finished(m_outcome);
        return;
    }
    if (exchange.status != 200) {
        m_failures << tr("%1 answered %2").arg(exchange.url.toString()).arg(exchange.status);
        next();
        return;
    }
    auto doc = parseDiscovery(exchange.responseBody, exchange.url);
    if (!doc) {
        m_failures << doc.error().message;
        next();
        return;
    }
    m_outcome.ok = true;
    m_outcome.document = doc.value();
    Q_EMIT finished(m_outcome);
}

void DiscoveryClient::cancel()
{
    m_pending.clear();
    if (m_exchange && m_exchange->isRunning())
        m_exchange->cancel();
}

} // namespace Tokenbench::Core
