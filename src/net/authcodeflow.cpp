#include "net/authcodeflow.h"

#include "model/schema.h"
#include "net/loopbackreceiver.h"
#include "net/pkce.h"

#include <QTimer>
#include <QNetworkAccessManager>

#include <limits>

namespace Tokenbench::Core {

AuthCodeFlow::AuthCodeFlow(QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent), m_nam(nam), m_receiver(new LoopbackReceiver(this)), m_client(new TokenClient(nam, this)),
      m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        if (m_stage != Stage::WaitingForBrowser)
            return;
        fail(TokenResult::Status::TransportError,
             tr("no redirect from the browser within %1 s: the sign-in was not completed. If the authorization "
                "server showed an error page, it may have rejected the redirect URI %2 (register it for this "
                "client, or choose a registered one with redirect_uri / --redirect-uri); otherwise start the run "
                "again and finish signing in (--browser-timeout sets how long to wait), or check that the browser "
                "can reach %2")
                 .arg(m_timeoutMs / 1000)
                 .arg(redirectUri().toString()));
    });
    connect(m_receiver, &LoopbackReceiver::callbackReceived, this, &AuthCodeFlow::onCallback);
    connect(m_client, &TokenClient::exchangeStarted, this, &AuthCodeFlow::exchangeStarted);
    connect(m_client, &TokenClient::exchangeFinished, this, &AuthCodeFlow::exchangeFinished);
    connect(m_client, &TokenClient::finished, this, [this](const TokenResult& r) {
        if (m_stage != Stage::Exchanging)
            return;
        TokenResult result = r;
        if (result.status == TokenResult::Status::ServerRefused && result.response.error == u"invalid_grant")
            result.errorText += tr(" (with the authorization code grant: the code was already used or expired "
                                   "— codes are single-use and short-lived — or code_verifier or redirect_uri do "
                                   "not match the authorization request; start the run again for a fresh code)");
        finish(result);
    });
}

AuthCodeFlow::~AuthCodeFlow() = default;

QUrl AuthCodeFlow::redirectUri() const
{
    return m_receiver->redirectUri();
}

QString AuthCodeFlow::explainRedirectError(const QString& error)
{
    if (error == u"access_denied")
        return tr("the user declined (or the server refused) the authorization request");
    if (error == u"invalid_request")
        return tr("the server found the authorization request malformed (a missing or wrong parameter, for "
                  "example PKCE or redirect_uri); read error_description");
    if (error == u"unauthorized_client")
        return tr("the client may not use the authorization code grant; enable it for the client on the server");
    if (error == u"unsupported_response_type")
        return tr("the server does not issue codes to this client (response_types); enable \"code\" for it");
    if (error == u"invalid_scope")
        return tr("a requested scope is unknown or not allowed for this client; fix scope");
    if (error == u"login_required" || error == u"consent_required" || error == u"interaction_required")
        return tr("the server needs the user to sign in or consent interactively");
    if (error == u"server_error" || error == u"temporarily_unavailable")
        return tr("the authorization server had a problem; try again later");
    return explainOAuthError(error);
}

void AuthCodeFlow::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}

void AuthCodeFlow::start(const TokenRequestSpec& spec)
{
    if (m_stage != Stage::Idle)
        cancel();
    m_spec = spec;
    m_callbackIssuer.clear();
    m_code.clear();
    m_authorizationUrl.clear();
    const QUrl endpoint = spec.authorizationEndpoint;
    setStage(Stage::WaitingForBrowser);
    if (!endpoint.isValid() || endpoint.host().isEmpty() ||
        (endpoint.scheme() != u"http" && endpoint.scheme() != u"https")) {
        failLater(TokenResult::Status::ConfigError,
             tr("authorization_endpoint must be an absolute http(s) URL, e.g. https://as.example.com/authorize"),
             QStringLiteral("authorization_endpoint"));
        return;
    }
    if (!spec.codeChallengeMethod.isEmpty() && spec.codeChallengeMethod != u"S256") {
        failLater(TokenResult::Status::ConfigError, tr("code_challenge_method must be S256"),
             QStringLiteral("code_challenge_method"));
        return;
    }
    auto listening = m_receiver->listen(spec.redirectUri);
    if (!listening) {
        failLater(listening.error().code == Error::Code::Usage ? TokenResult::Status::ConfigError
                                                          : TokenResult::Status::TransportError,
             listening.error().message, listening.error().where);
        return;
    }
    m_verifier = Pkce::generateVerifier();
    m_state = Pkce::randomToken();
    m_nonce = Pkce::randomToken();
    AuthorizationRequest request;
    request.endpoint = endpoint;
    request.clientId = spec.clientId;
    request.redirectUri = listening->toString(QUrl::FullyEncoded);
    request.scope = spec.scope;
    request.state = m_state;
    request.nonce = m_nonce;
    request.codeChallenge = Pkce::challengeS256(m_verifier);
    m_authorizationUrl = Core::authorizationUrl(request);
    if (m_timeoutMs > 0)
        m_timeout->start(int(qMin<qint64>(m_timeoutMs, std::numeric_limits<int>::max())));
    Q_EMIT authorizationUrlReady(m_authorizationUrl);
}

void AuthCodeFlow::onCallback(const QUrlQuery& query)
{
    if (m_stage != Stage::WaitingForBrowser) {
        m_receiver->setPage(false, tr("Not expected"), tr("Tokenbench is not waiting for a sign-in."));
        return;
    }
    const QString error = query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    const QString state = query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    if (state != m_state) {
        // Any local process can reach the loopback port: a request without this run's state (a forged or
        // stale redirect, with a code or an error) is answered with an error page and ignored; the sign-in
        // goes on and waits for the real redirect.
        const QString text =
            state.isEmpty()
                ? tr("the redirect carries no state: it does not answer this run's authorization request and "
                     "was ignored; Tokenbench still waits for the sign-in started in the browser")
                : tr("the redirect's state does not match the one this run sent: it answers another (older) "
                     "authorization request or was forged (CSRF) and was ignored; Tokenbench still waits for "
                     "the sign-in started in the browser");
        m_receiver->ignoreRequest(tr("State mismatch"), text);
        Q_EMIT redirectIgnored(text);
        return;
    }
    m_timeout->stop();
    if (!error.isEmpty()) {
        const QString description = query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded);
        QString text = tr("the authorization server redirected with error=%1").arg(error);
        if (!description.isEmpty())
            text += QStringLiteral(" (%1)").arg(description);
        const QString hint = explainRedirectError(error);
        if (!hint.isEmpty())
            text += QStringLiteral(" \u2014 ") + hint;
        m_receiver->setPage(false, tr("Sign-in failed"), text);
        TokenResult r;
        r.status = TokenResult::Status::ServerRefused;
        r.errorText = text;
        r.response.error = error;
        r.response.errorDescription = description;
        r.response.errorUri = query.queryItemValue(QStringLiteral("error_uri"), QUrl::FullyDecoded);
        finish(r);
        return;
    }
    m_code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (m_code.isEmpty()) {
        const QString text = tr("the redirect carries neither code nor error");
        m_receiver->setPage(false, tr("No authorization code"), text);
        fail(TokenResult::Status::NoToken, text);
        return;
    }
    m_callbackIssuer = query.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded);
    m_receiver->setPage(true, tr("Signed in"),
                        tr("Tokenbench received the authorization code and is exchanging it for tokens."));
    m_receiver->close();
    setStage(Stage::Exchanging);
    TokenRequestSpec spec = m_spec;
    spec.grantType = Schema::Grant::AuthorizationCode;
    spec.authorizationCode = m_code;
    spec.redirectUri = m_receiver->redirectUri().toString(QUrl::FullyEncoded);
    spec.codeVerifier = m_verifier;
    m_client->start(spec);
}

void AuthCodeFlow::cancel()
{
    if (m_stage == Stage::Idle)
        return;
    m_client->cancel();
    if (m_stage != Stage::Idle)
        fail(TokenResult::Status::Canceled, tr("canceled"));
}

void AuthCodeFlow::fail(TokenResult::Status status, const QString& text, const QString& where)
{
    TokenResult r;
    r.status = status;
    r.errorText = text;
    r.errorWhere = where;
    finish(r);
}

void AuthCodeFlow::failLater(TokenResult::Status status, const QString& text, const QString& where)
{
    // Configuration errors are reported asynchronously, like every other outcome.
    QTimer::singleShot(0, this, [this, status, text, where] {
        if (m_stage == Stage::WaitingForBrowser && m_authorizationUrl.isEmpty())
            fail(status, text, where);
    });
}

void AuthCodeFlow::finish(TokenResult result)
{
    m_timeout->stop();
    m_receiver->close();
    result.authMethod = m_spec.authMethod;
    result.grantType = Schema::Grant::AuthorizationCode;
    result.nonce = m_nonce;
    setStage(Stage::Idle);
    Q_EMIT finished(result);
}

} // namespace Tokenbench::Core

