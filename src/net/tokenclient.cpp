#include "net/tokenclient.h"

#include "net/httpexchange.h"

#include <QNetworkAccessManager>
#include <QTimer>

namespace Tokenbench::Core {

namespace {

QString endpointText(const QUrl& url)
{
    return url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

// Advice for a refusal without an OAuth error code, or for a 200 without a token, from what came back.
QString refusalAdvice(const Exchange& exchange, const TokenResponse& response)
{
    const int status = exchange.status;
    const QString endpoint = endpointText(exchange.url);
    if (status >= 300 && status < 400) {
        const QByteArray location = headerValue(exchange.responseHeaders, "Location");
        if (location.isEmpty())
            return QStringLiteral(
                       "the token endpoint %1 answered with a redirect without a Location; Tokenbench does "
                       "not follow redirects: set token_endpoint to the final URL")
                .arg(endpoint);
        const QUrl target = exchange.url.resolved(QUrl::fromEncoded(location));
        QString text =
            QStringLiteral("the token endpoint %1 redirects to %2; Tokenbench does not follow redirects "
                           "(a token request must go to the token endpoint itself)")
                .arg(endpoint, endpointText(target));
        if (target.adjusted(QUrl::RemoveUserInfo) == exchange.url.adjusted(QUrl::RemoveUserInfo))
            text += QStringLiteral(
                ". It points back at the same URL: a redirect loop, the server is misconfigured");
        else
            text += QStringLiteral(": set token_endpoint to that URL if it is the real token endpoint");
        return text;
    }
    if (status >= 500)
        return QStringLiteral(
                   "the server at %1 (or a proxy or gateway in front of it) failed; try again later and "
                   "check the server's logs")
            .arg(endpoint);
    if (status == 404)
        return QStringLiteral("nothing answers at %1: check token_endpoint").arg(endpoint);
    if (status != 200 && response.error.isEmpty())
        return QStringLiteral("%1 refused without an OAuth error code: read the response body in the trace")
            .arg(endpoint);
    if (status == 200 && response.jsonError.contains(QStringLiteral("HTML")))
        return QStringLiteral(
                   "%1 answered with a web page: it is probably not the token endpoint (a login page or "
                   "a proxy); check token_endpoint")
            .arg(endpoint);
    if (status == 200 && response.jsonError.contains(QStringLiteral("truncated")))
        return QStringLiteral("%1 sent an incomplete response; try again and check the server's logs")
            .arg(endpoint);
    if (status == 200 && !response.jsonError.isEmpty())
        return QStringLiteral("%1 did not answer with JSON; check that token_endpoint is the token endpoint")
            .arg(endpoint);
    if (status == 200)
        return QStringLiteral("%1 answered but issued no token; check grant_type and token_endpoint")
            .arg(endpoint);
    return {};
}

} // namespace

std::optional<qint64> TokenResult::secondsLeft(const QDateTime& now) const
{
    if (!response.expiresIn || !obtainedAt.isValid())
        return std::nullopt;
    return qint64(*response.expiresIn) - obtainedAt.secsTo(now);
}

int exitCodeFor(TokenResult::Status status)
{
    switch (status) {
    case TokenResult::Status::Success:
        return 0;
    case TokenResult::Status::ConfigError:
        return 2;
    case TokenResult::Status::TransportError:
        return 3;
    case TokenResult::Status::ServerRefused:
        return 4;
    case TokenResult::Status::NoToken:
        return 5;
    case TokenResult::Status::Canceled:
        return 130;
    }
    return 1;
}

QString statusName(TokenResult::Status status)
{
    switch (status) {
    case TokenResult::Status::Success:
        return QStringLiteral("success");
    case TokenResult::Status::ConfigError:
        return QStringLiteral("config");
    case TokenResult::Status::TransportError:
        return QStringLiteral("transport");
    case TokenResult::Status::ServerRefused:
        return QStringLiteral("server_refused");
    case TokenResult::Status::NoToken:
        return QStringLiteral("no_token");
    case TokenResult::Status::Canceled:
        return QStringLiteral("canceled");
    }
    return {};
}

TokenClient::TokenClient(QNetworkAccessManager* nam, QObject* parent) : QObject(parent), m_nam(nam) {}

TokenClient::~TokenClient() = default;

bool TokenClient::isRunning() const
{
    return m_exchange && m_exchange->isRunning();
}

void TokenClient::start(const TokenRequestSpec& spec)
{
    cancel();
    m_spec = spec;
    auto prepared = prepareTokenRequest(spec);
    if (!prepared) {
        TokenResult r;
        r.status = TokenResult::Status::ConfigError;
        r.errorText = prepared.error().message;
        r.errorWhere = prepared.error().where;
        // Report asynchronously, like every other outcome.
        QTimer::singleShot(0, this, [this, r] { finish(r); });
        return;
    }
    auto* exchange = new HttpExchange(m_nam, std::move(prepared.value()), spec.timeouts, this);
    if (m_maxBody > 0)
        exchange->setMaxBodyBytes(m_maxBody);
    m_exchange = exchange;
    connect(exchange, &HttpExchange::started, this, &TokenClient::exchangeStarted);
    connect(exchange, &HttpExchange::finished, this, &TokenClient::onExchangeFinished);
    exchange->start();
}

void TokenClient::cancel()
{
    if (m_exchange && m_exchange->isRunning())
        m_exchange->cancel();
}

void TokenClient::onExchangeFinished(const Exchange& exchange)
{
    Q_EMIT exchangeFinished(exchange);
    if (m_exchange) {
        m_exchange->deleteLater();
        m_exchange = nullptr;
    }
    TokenResult r;
    r.exchanges.append(exchange);
    r.authMethod = m_spec.authMethod;
    r.grantType = m_spec.grantType;
    if (exchange.failure == Exchange::Failure::Canceled) {
        r.status = TokenResult::Status::Canceled;
        r.errorText = tr("canceled");
    } else if (exchange.failure != Exchange::Failure::None && exchange.failure != Exchange::Failure::TooLarge) {
        r.status = TokenResult::Status::TransportError;
        r.errorText = exchange.failureText;
    } else if (exchange.failure == Exchange::Failure::TooLarge) {
        r.status = exchange.status == 200 ? TokenResult::Status::NoToken : TokenResult::Status::ServerRefused;
        r.errorText = exchange.failureText;
        r.response.status = exchange.status;
    } else {
        r.response = parseTokenResponse(exchange.status, exchange.responseBody);
        switch (r.response.outcome) {
        case TokenResponse::Outcome::Token:
            r.status = TokenResult::Status::Success;
            r.obtainedAt = exchange.startedAt.addMSecs(qMax<qint64>(exchange.durationMs, 0));
            break;
        case TokenResponse::Outcome::ServerRefused: {
            r.status = TokenResult::Status::ServerRefused;
            r.errorText = r.response.summary();
            QString hint = explainOAuthError(r.response.error, m_spec.authMethod);
            if (hint.isEmpty() && r.response.error.isEmpty())
                hint = refusalAdvice(exchange, r.response);
            if (r.response.error.isEmpty() && exchange.status >= 300 && exchange.status < 400) {
                // A redirect: where it points matters, not that its body is not JSON.
                r.errorText = QStringLiteral("HTTP %1: %2").arg(exchange.status).arg(hint);
            } else if (!hint.isEmpty()) {
                r.errorText += QStringLiteral(" \u2014 ") + hint;
            }
            break;
        }
        case TokenResponse::Outcome::NoToken: {
            r.status = TokenResult::Status::NoToken;
            r.errorText = r.response.summary();
            const QString hint = r.response.tokenProblem.isEmpty()
                                     ? refusalAdvice(exchange, r.response)
                                     : QStringLiteral("the token endpoint %1 issued a malformed token; check the "
                                                      "server (this is never a client setting)")
                                           .arg(endpointText(exchange.url));
            if (!hint.isEmpty())
                r.errorText += QStringLiteral(" \u2014 ") + hint;
            break;
        }
        }
    }
    finish(r);
}

void TokenClient::finish(TokenResult result)
{
    Q_EMIT finished(result);
}

} // namespace Tokenbench::Core
