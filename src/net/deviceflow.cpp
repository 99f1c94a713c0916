#include "net/deviceflow.h"

#include "model/schema.h"
#include "net/formencoding.h"
#include "net/httpexchange.h"
#include "net/loopbackreceiver.h"

#include <cmath>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QNetworkAccessManager>

namespace Tokenbench::Core {

DeviceFlow::DeviceFlow(QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent), m_nam(nam), m_client(new TokenClient(nam, this)), m_pollTimer(new QTimer(this))
{
    m_pollTimer->setSingleShot(true);
    m_pollTimer->setTimerType(Qt::PreciseTimer); // never poll earlier than the server allows (RFC 8628 §3.5)
    connect(m_pollTimer, &QTimer::timeout, this, &DeviceFlow::poll);
    connect(m_client, &TokenClient::exchangeStarted, this, &DeviceFlow::exchangeStarted);
    connect(m_client, &TokenClient::exchangeFinished, this, &DeviceFlow::exchangeFinished);
    connect(m_client, &TokenClient::finished, this, &DeviceFlow::onPollFinished);
}

DeviceFlow::~DeviceFlow()
{
    if (m_exchange)
        m_exchange->disconnect(this);
}

Result<PreparedRequest> DeviceFlow::prepareDeviceAuthorizationRequest(const TokenRequestSpec& spec)
{
    const QUrl endpoint = spec.deviceAuthorizationEndpoint;
    if (!endpoint.isValid() || endpoint.host().isEmpty() ||
        (endpoint.scheme() != u"http" && endpoint.scheme() != u"https"))
        return Error{Error::Code::Usage,
                     QStringLiteral("device_authorization_endpoint must be an absolute http(s) URL"),
                     QStringLiteral("device_authorization_endpoint")};
    // The client authenticates exactly as at the token endpoint (RFC 8628 §3.1): build that request and
    // keep its credentials, without the grant's own fields.
    TokenRequestSpec s = spec;
    s.grantType = Schema::Grant::DeviceCode;
    s.deviceCode.clear();
    auto prepared = prepareTokenRequest(s);
    if (!prepared)
        return prepared.error();
    PreparedRequest req = prepared.value();
    req.url = endpoint;
    req.purpose = QStringLiteral("device authorization request");
    QList<Form::Field> fields;
    for (const Form::Field& f : Form::decode(QByteArrayView(req.body))) {
        if (f.first != u"grant_type" && f.first != u"device_code")
            fields.append(f);
    }
    if (!spec.scope.isEmpty())
        fields.append({QStringLiteral("scope"), spec.scope});
    req.body = Form::encode(fields);
    return req;
}

bool DeviceFlow::isSafeToOpen(const QUrl& url)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    if (url.scheme() == u"https")
        return true;
    return url.scheme() == u"http" && LoopbackReceiver::isLoopbackHost(url.host());
}

void DeviceFlow::start(const TokenRequestSpec& spec)
{
    cancel();
    m_spec = spec;
    m_exchanges.clear();
    m_authorization = {};
    m_polls = 0;
    m_running = true;
    auto prepared = prepareDeviceAuthorizationRequest(spec);
    if (!prepared) {
        const Error e = prepared.error();
        QTimer::singleShot(0, this, [this, e] {
            if (m_running && !m_exchange)
                fail(TokenResult::Status::ConfigError, e.message, e.where);
        });
        return;
    }
    auto* exchange = new HttpExchange(m_nam, std::move(prepared.value()), spec.timeouts, this);
    m_exchange = exchange;
    connect(exchange, &HttpExchange::started, this, &DeviceFlow::exchangeStarted);
    connect(exchange, &HttpExchange::finished, this, &DeviceFlow::onAuthorizationAnswered);
    exchange->start();
}

void DeviceFlow::onAuthorizationAnswered(const Exchange& exchange)
{
    Q_EMIT exchangeFinished(exchange);
    if (m_exchange) {
        m_exchange->deleteLater();
        m_exchange = nullptr;
    }
    if (!m_running)
        return;
    m_exchanges.append(exchange);
    if (exchange.failure == Exchange::Failure::Canceled) {
        fail(TokenResult::Status::Canceled, tr("canceled"));
        return;
    }
    if (exchange.failure != Exchange::Failure::None) {
        fail(TokenResult::Status::TransportError, exchange.failureText);
        return;
    }
    const QString endpoint = m_spec.deviceAuthorizationEndpoint.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo);
    const QJsonObject json = QJsonDocument::fromJson(exchange.responseBody).object();
    if (exchange.status != 200) {
        const TokenResponse r = parseTokenResponse(exchange.status, exchange.responseBody);
        QString text = tr("the device authorization endpoint %1 refused: %2").arg(endpoint, r.summary());
        const QString hint = explainOAuthError(r.error, m_spec.authMethod);
        if (!hint.isEmpty())
            text += QStringLiteral(" \u2014 ") + hint;
        TokenResult result;
        result.status = TokenResult::Status::ServerRefused;
        result.errorText = text;
        result.response = r;
        finish(result);
        return;
    }
    const DeviceAuthorization a = parseAuthorization(json, exchange.startedAt);
    if (a.deviceCode.isEmpty() || a.userCode.isEmpty() || !a.verificationUri.isValid() ||
        a.verificationUri.isEmpty()) {
        fail(TokenResult::Status::NoToken,
             tr("%1 answered without device_code, user_code and verification_uri: check "
                "device_authorization_endpoint")
                 .arg(endpoint));
        return;
    }
    m_authorization = a;
    Q_EMIT deviceAuthorizationReady(a);
    m_pollTimer->start(a.intervalSeconds * 1000);
}

DeviceAuthorization DeviceFlow::parseAuthorization(const QJsonObject& json, const QDateTime& startedAt)
{
    DeviceAuthorization a;
    a.deviceCode = json.value(QStringLiteral("device_code")).toString();
    a.userCode = json.value(QStringLiteral("user_code")).toString();
    a.verificationUri = QUrl(json.value(QStringLiteral("verification_uri")).toString());
    a.verificationUriComplete = QUrl(json.value(QStringLiteral("verification_uri_complete")).toString());
    // expires_in and interval are server numbers: 1e308, negative or NaN must not overflow a date or a timer.
    const double expiresIn = json.value(QStringLiteral("expires_in")).toDouble(1800);
    const qint64 expiresSeconds = std::isfinite(expiresIn) && expiresIn > 0
                                      ? qint64(std::min(expiresIn, double(MaxExpiresInSeconds)))
                                      : 1800;
    a.expiresAt = startedAt.addSecs(expiresSeconds);
    const double interval = json.value(QStringLiteral("interval")).toDouble(5);
    a.intervalSeconds = std::isfinite(interval) && interval >= 1
                            ? int(std::min(interval, double(MaxIntervalSeconds)))
                            : 5;
    return a;
}

void DeviceFlow::poll()
{
    if (!m_running)
        return;
    if (QDateTime::currentDateTimeUtc() >= m_authorization.expiresAt) {
        fail(TokenResult::Status::ServerRefused,
             tr("the device code expired before the sign-in was approved; start the run again for a new code"));
        return;
    }
    ++m_polls;
    TokenRequestSpec spec = m_spec;
    spec.grantType = Schema::Grant::DeviceCode;
    spec.deviceCode = m_authorization.deviceCode;
    m_client->start(spec);
}

void DeviceFlow::onPollFinished(const TokenResult& result)
{
    if (!m_running)
        return;
    m_exchanges += result.exchanges;
    const QString error = result.response.error;
    if (result.status == TokenResult::Status::ServerRefused &&
        (error == u"authorization_pending" || error == u"slow_down")) {
        if (error == u"slow_down") // RFC 8628 §3.5, bounded
            m_authorization.intervalSeconds = qMin(m_authorization.intervalSeconds + 5, MaxIntervalSeconds);
        Q_EMIT pollAnswered(error, m_authorization.intervalSeconds);
        m_pollTimer->start(m_authorization.intervalSeconds * 1000);
        return;
    }
    TokenResult r = result;
    if (r.status == TokenResult::Status::ServerRefused) {
        if (error == u"expired_token")
            r.errorText = tr("expired_token: the device code expired before the sign-in was approved; start the "
                             "run again for a new code");
        else if (error == u"access_denied")
            r.errorText = tr("access_denied%1: the user declined the sign-in on %2, or the server refused it "
                             "(check scope: OpenID providers often need \"openid\")")
                              .arg(r.response.errorDescription.isEmpty()
                                       ? QString()
                                       : QStringLiteral(" (%1)").arg(cutForDisplay(r.response.errorDescription)),
                                   m_authorization.verificationUri.toString());
    }
    finish(r);
}

void DeviceFlow::cancel()
{
    if (!m_running)
        return;
    if (m_exchange && m_exchange->isRunning())
        m_exchange->cancel();
    m_client->cancel();
    if (m_running)
        fail(TokenResult::Status::Canceled, tr("canceled"));
}

void DeviceFlow::fail(TokenResult::Status status, const QString& text, const QString& where)
{
    TokenResult r;
    r.status = status;
    r.errorText = text;
    r.errorWhere = where;
    finish(r);
}

void DeviceFlow::finish(TokenResult result)
{
    m_pollTimer->stop();
    m_running = false;
    result.exchanges = m_exchanges;
    result.authMethod = m_spec.authMethod;
    result.grantType = Schema::Grant::DeviceCode;
    Q_EMIT finished(result);
}

} // namespace Tokenbench::Core
