#include "net/issuerverifier.h"

#include "net/jwkscache.h"
#include "net/httpexchange.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTimer>

namespace Tokenbench::Core::Jwt {

IssuerVerifier::IssuerVerifier(QNetworkAccessManager* network, JwksCache* cache, QObject* parent)
    : QObject(parent), m_network(network), m_cache(cache)
{
}

IssuerVerifier::~IssuerVerifier()
{
    // Nothing is reported from here: whoever listens may be going too.
    if (m_discovery)
        m_discovery->disconnect(this);
    cancel();
}

QUrl IssuerVerifier::discoveryUrl(const QString& issuer)
{
    QString base = issuer;
    while (base.endsWith(u'/'))
        base.chop(1);
    return QUrl(base + QStringLiteral("/.well-known/openid-configuration"));
}

void IssuerVerifier::cancel()
{
    ++m_generation;
    if (m_discovery) {
        HttpExchange* exchange = m_discovery;
        m_discovery = nullptr;
        // A request already sent ends as canceled, and is reported so (exchangeFinished); one not yet sent
        // simply goes.
        if (exchange->exchange().startedAt.isValid())
            exchange->cancel();
        exchange->disconnect(this);
        exchange->deleteLater(); // aborts its reply
    }
    for (QMetaObject::Connection* c : {&m_cacheConnection, &m_cacheStarted, &m_cacheFinished}) {
        if (*c)
            disconnect(*c);
    }
}

void IssuerVerifier::verify(const QByteArray& token, const ClaimExpectations& expected, const QUrl& jwksUri)
{
    cancel();
    m_token = token;
    m_expected = expected;
    m_metadata = {};
    const quint64 generation = m_generation;

    const auto decoded = decodeToken(QByteArrayView(token));
    if (!decoded || decoded->isEncrypted()) {
        Result r;
        r.error = decoded ? tr("an encrypted token (JWE) cannot be verified without its decryption key")
                          : decoded.error().message;
        QTimer::singleShot(0, this, [this, r, generation] {
            if (generation == m_generation)
                finish(r);
        });
        return;
    }
    if (jwksUri.isValid()) {
        fetchKeys(jwksUri);
        return;
    }
    const QString issuer = decoded->payload.value(QStringLiteral("iss")).toString();
    const QUrl discovery = discoveryUrl(issuer);
    if (issuer.isEmpty() || !discovery.isValid() ||
        (discovery.scheme() != u"https" && discovery.scheme() != u"http")) {
        Result r;
        r.error = tr("the token has no usable \"iss\" to discover the issuer's keys; choose a JWKS or key");
        QTimer::singleShot(0, this, [this, r, generation] {
            if (generation == m_generation)
                finish(r);
        });
        return;
    }
    PreparedRequest request;
    request.method = QByteArrayLiteral("GET");
    request.url = discovery;
    request.purpose = IssuerMetadataPurpose;
    request.transport = m_transport;
    request.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    auto* exchange = new HttpExchange(m_network, request, m_timeouts, this);
    m_discovery = exchange;
    connect(exchange, &HttpExchange::started, this, &IssuerVerifier::exchangeStarted);
    connect(exchange, &HttpExchange::finished, this, [this, exchange, generation, discovery](const Exchange& done) {
        exchange->deleteLater();
        if (m_discovery == exchange)
            m_discovery = nullptr;
        Q_EMIT exchangeFinished(done);
        if (generation != m_generation)
            return;
        const QJsonObject config = QJsonDocument::fromJson(done.responseBody).object();
        const QUrl jwks(config.value(QStringLiteral("jwks_uri")).toString());
        if (done.failure != Exchange::Failure::None || done.status != 200 || !jwks.isValid() || jwks.isEmpty()) {
            Result r;
            r.error = tr("could not discover the issuer's keys at %1: %2")
                          .arg(discovery.toString(),
                               done.failure != Exchange::Failure::None ? done.failureText
                               : done.status != 200                    ? tr("HTTP %1").arg(done.status)
                                                                       : tr("no jwks_uri in the configuration"));
            finish(r);
            return;
        }
        m_metadata = config;
        fetchKeys(jwks);
    });
    // Never answer synchronously, also when the request fails before it is sent (an unusable URL).
    QMetaObject::invokeMethod(exchange, &HttpExchange::start, Qt::QueuedConnection);
}

void IssuerVerifier::fetchKeys(const QUrl& jwksUri)
{
    const quint64 generation = m_generation;
    // The cache's request for these keys is this verification's (the cache reports it before it answers).
    auto forward = [this, generation, jwksUri](void (IssuerVerifier::*signal)(const Exchange&)) {
        return [this, generation, jwksUri, signal](const Exchange& e) {
            if (generation == m_generation && e.url == jwksUri)
                Q_EMIT(this->*signal)(e);
        };
    };
    m_cacheStarted = connect(m_cache, &JwksCache::exchangeStarted, this, forward(&IssuerVerifier::exchangeStarted));
    m_cacheFinished = connect(m_cache, &JwksCache::exchangeFinished, this, forward(&IssuerVerifier::exchangeFinished));
    m_cacheConnection = connect(m_cache, &JwksCache::finished, this, [this, generation, jwksUri](const JwksFetch& fetch) {
        if (generation != m_generation || fetch.url != jwksUri)
            return;
        for (QMetaObject::Connection* c : {&m_cacheConnection, &m_cacheStarted, &m_cacheFinished})
            disconnect(*c);
        Result r;
        r.jwksUri = jwksUri;
        r.issuerMetadata = m_metadata;
        r.keySource = jwksUri.toString();
        if (fetch.source == JwksFetch::Source::Failed) {
            r.error = tr("could not fetch the keys from %1: %2").arg(jwksUri.toString(), fetch.error);
            finish(r);
            return;
        }
        const auto decoded = decodeToken(QByteArrayView(m_token));
        r.attempted = true;
        r.signature = verifySignature(*decoded, fetch.keys);
        r.checks = checkClaims(*decoded, m_expected, QDateTime::currentDateTimeUtc());
        finish(r);
    });
    m_cache->fetch(jwksUri);
}

void IssuerVerifier::finish(Result result)
{
    Q_EMIT finished(result);
}

} // namespace Tokenbench::Core::Jwt
