// The authorization code grant with PKCE, refresh with rotation and ID-token checks, against a real
// oidc-provider; the test plays the browser (login, consent, redirect to the loopback listener).
#include "browserplayer.h"

#include "jwt/decodedtoken.h"
#include "model/schema.h"
#include "net/flowclient.h"
#include "net/formencoding.h"
#include "net/networkaccessmanager.h"
#include "net/pkce.h"
#include "util/authserver.h"
#include "util/testsupport.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace Tokenbench::Core;
using Tokenbench::Test::AuthServer;
using Tokenbench::Test::BrowserPlayer;

namespace {

const Jwt::ClaimCheck* findCheck(const IdTokenReport& r, const QString& name)
{
    for (const Jwt::ClaimCheck& c : r.checks) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

QString formValue(const QByteArray& body, const QString& name)
{
    for (const Form::Field& f : Form::decode(QByteArrayView(body))) {
        if (f.first == name)
            return f.second;
    }
    return {};
}

} // namespace

class TestAuthCodeFlow : public QObject
{
    Q_OBJECT

private:
    TokenRequestSpec spec(const QString& clientId, const QString& secret, const QString& method)
    {
        TokenRequestSpec s;
        s.setTokenEndpoint(m_server.tokenEndpoint())
            .setGrantType(Schema::Grant::AuthorizationCode)
            .setAuthMethod(method)
            .setClient(clientId, secret)
            .setScope(QStringLiteral("openid offline_access api:read"));
        s.authorizationEndpoint = QUrl(m_server.issuer().toString() + QStringLiteral("/auth"));
        return s;
    }

    // Runs the flow; `browser` plays the user once the authorization URL is out.
    TokenResult run(FlowClient& client, const TokenRequestSpec& s, const std::function<void(const QUrl&)>& browser)
    {
        QSignalSpy finished(&client, &FlowClient::finished);
        auto c = connect(&client, &FlowClient::authorizationUrlReady, this, [&](const QUrl& url) {
            // A real browser would come back later; play it from the event loop.
            QTimer::singleShot(0, this, [browser, url] { browser(url); });
        });
        client.start(s);
        const bool done = !finished.isEmpty() || finished.wait(60000);
        disconnect(c);
        if (!done)
            return {};
        return finished.constFirst().constFirst().value<TokenResult>();
    }

    AuthServer m_server;
    NetworkAccessManager m_nam;

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        qRegisterMetaType<TokenResult>();
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void confidentialClient_basic_pkce_idTokenVerified()
    {
        FlowClient client(&m_nam);
        BrowserPlayer browser;
        BrowserPlayer::Page landing;
        QUrl authUrl;
        const TokenResult r = run(client, spec(QStringLiteral("app-client"), QStringLiteral("app-secret"),
                                               Schema::AuthMethod::Basic),
                                  [&](const QUrl& url) {
                                      authUrl = url;
                                      landing = browser.signIn(url);
                                  });
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        // The browser was answered by the loopback listener.
        QCOMPARE(landing.status, 200);
        QVERIFY(landing.body.contains("Signed in"));
        // The authorization request: PKCE S256, state, nonce, loopback redirect with the listener's port.
        const QUrlQuery q(authUrl);
        QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QCOMPARE(q.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
        QVERIFY(!q.queryItemValue(QStringLiteral("state")).isEmpty());
        QCOMPARE(q.queryItemValue(QStringLiteral("nonce")), r.nonce);
        const QUrl redirect(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(redirect.port() > 0);
        QCOMPARE(redirect.path(), QStringLiteral("/callback"));
        // The token request, then the ID token's verification: the issuer's metadata and keys, as sent.
        QCOMPARE(r.exchanges.size(), 3);
        QCOMPARE(r.exchanges.at(1).purpose, QStringLiteral("issuer metadata"));
        QCOMPARE(r.exchanges.at(1).method, QByteArray("GET"));
        QCOMPARE(r.exchanges.at(1).url.path(), QStringLiteral("/.well-known/openid-configuration"));
        QCOMPARE(r.exchanges.at(2).purpose, QStringLiteral("JWKS"));
        QCOMPARE(r.exchanges.at(2).url.path(), QStringLiteral("/jwks"));
        QCOMPARE(r.exchanges.at(2).status, 200);
        // The token request: code, the verifier that hashes to the challenge, Basic credentials.
        const Exchange& e = r.exchanges.constFirst();
        QCOMPARE(e.purpose, QStringLiteral("token request"));
        const QString verifier = formValue(e.requestBody, QStringLiteral("code_verifier"));
        QCOMPARE(Pkce::challengeS256(verifier), q.queryItemValue(QStringLiteral("code_challenge")));
        QCOMPARE(formValue(e.requestBody, QStringLiteral("grant_type")), QStringLiteral("authorization_code"));
        QCOMPARE(formValue(e.requestBody, QStringLiteral("redirect_uri")), redirect.toString());
        QVERIFY(!formValue(e.requestBody, QStringLiteral("code")).isEmpty());
        QVERIFY(headerValue(e.requestHeaders, "Authorization").startsWith("Basic "));
        QVERIFY(formValue(e.requestBody, QStringLiteral("client_secret")).isEmpty());
        QVERIFY(!r.response.refreshToken.isEmpty());
        QVERIFY(!r.response.idToken.isEmpty());
        // The ID token: verified against the issuer's jwks_uri with this run's nonce, aud and iss.
        const IdTokenReport& id = r.idTokenReport;
        QVERIFY(id.checked);
        QVERIFY2(id.valid, qPrintable(id.error + id.signature));
        QVERIFY(id.keySource.endsWith(QStringLiteral("/jwks")));
        for (const char* name : {"nonce", "aud", "iss", "exp", "at_hash"}) {
            const Jwt::ClaimCheck* c = findCheck(id, QString::fromLatin1(name));
            QVERIFY2(c, name);
            QVERIFY2(c->passed, qPrintable(c->reason));
        }
        QVERIFY(findCheck(id, QStringLiteral("nonce"))->reason.contains(r.nonce) ||
                !findCheck(id, QStringLiteral("nonce"))->reason.isEmpty());
    }

    void idToken_withAnotherNonce_fails()
    {
        // The same server, a run whose nonce is not the one in the ID token: the check must fail.
        FlowClient client(&m_nam);
        BrowserPlayer browser;
        TokenResult r = run(client, spec(QStringLiteral("app-client"), QStringLiteral("app-secret"),
                                         Schema::AuthMethod::Basic),
                            [&](const QUrl& url) { browser.signIn(url); });
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        Jwt::ClaimExpectations e;
        e.nonce = QStringLiteral("not-this-runs-nonce");
        e.accessToken = r.response.accessToken + QStringLiteral("x");
        const auto decoded = Jwt::decodeToken(QByteArrayView(r.response.idToken.toUtf8()));
        QVERIFY(decoded);
        const auto checks = Jwt::checkClaims(*decoded, e, QDateTime::currentDateTimeUtc());
        QVERIFY(!Jwt::allPassed(checks));
        QCOMPARE(checks.constLast().name, QStringLiteral("at_hash"));
    }

    void publicClient_none_sendsClientIdInTheBody()
    {
        FlowClient client(&m_nam);
        BrowserPlayer browser;
        const TokenResult r = run(client, spec(QStringLiteral("public-client"), QString(), Schema::AuthMethod::None),
                                  [&](const QUrl& url) { browser.signIn(url); });
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        const Exchange& e = r.exchanges.constFirst();
        QVERIFY(headerValue(e.requestHeaders, "Authorization").isEmpty());
        QCOMPARE(formValue(e.requestBody, QStringLiteral("client_id")), QStringLiteral("public-client"));
        QVERIFY(Pkce::isValidVerifier(formValue(e.requestBody, QStringLiteral("code_verifier"))));
        QVERIFY(r.idTokenReport.valid);
    }

    void bogusRedirects_areAnsweredAndIgnored_theSignInStillSucceeds()
    {
        // Any local process can reach the loopback port: requests with a wrong or missing state (with a
        // code or an error) get an error page and are ignored; the real browser then completes the sign-in.
        FlowClient client(&m_nam);
        BrowserPlayer browser;
        QList<BrowserPlayer::Page> bogus;
        BrowserPlayer::Page landing;
        QStringList ignored;
        connect(client.authCodeFlow(), &AuthCodeFlow::redirectIgnored, this,
                [&](const QString& why) { ignored << why; });
        const TokenResult r = run(client, spec(QStringLiteral("app-client"), QStringLiteral("app-secret"),
                                               Schema::AuthMethod::Basic),
                                  [&](const QUrl& url) {
                                      const QUrl redirect = QUrl(QUrlQuery(url).queryItemValue(
                                          QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
                                      for (const char* query : {"code=forged&state=forged", "code=forged",
                                                                "error=access_denied&state=wrong"}) {
                                          QUrl attack = redirect;
                                          attack.setQuery(QString::fromLatin1(query));
                                          bogus << browser.get(attack);
                                      }
                                      landing = browser.signIn(url);
                                  });
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QCOMPARE(bogus.size(), 3);
        for (const BrowserPlayer::Page& p : std::as_const(bogus)) {
            QCOMPARE(p.status, 400);
            QVERIFY(p.body.contains("State mismatch"));
        }
        QCOMPARE(ignored.size(), 3);
        QVERIFY2(ignored.constFirst().contains(QStringLiteral("state does not match")), qPrintable(ignored.constFirst()));
        QVERIFY2(ignored.at(1).contains(QStringLiteral("no state")), qPrintable(ignored.at(1)));
        QCOMPARE(landing.status, 200);
        QCOMPARE(r.exchanges.size(), 3); // only the real code was exchanged (then the ID token's metadata, keys)
        QCOMPARE(r.exchanges.constFirst().purpose, QStringLiteral("token request"));
        QCOMPARE(r.exchanges.at(1).purpose, QStringLiteral("issuer metadata"));
    }

    void errorRedirect_accessDenied_isExplained()
    {
        FlowClient client(&m_nam);
        BrowserPlayer browser;
        BrowserPlayer::Page landing;
        const TokenResult r = run(client, spec(QStringLiteral("app-client"), QStringLiteral("app-secret"),
                                               Schema::AuthMethod::Basic),
                                  [&](const QUrl& url) { landing = browser.signIn(url, /*abort*/ true); });
        QCOMPARE(r.status, TokenResult::Status::ServerRefused);
        QCOMPARE(r.response.error, QStringLiteral("access_denied"));
        QVERIFY2(r.errorText.contains(QStringLiteral("error=access_denied")), qPrintable(r.errorText));
        QVERIFY(r.errorText.contains(QStringLiteral("declined")));
        QCOMPARE(landing.status, 400);
        QVERIFY(landing.body.contains("Sign-in failed"));
    }

    void codeReplay_isInvalidGrantExplained()
    {
        FlowClient first(&m_nam);
        BrowserPlayer browser;
        QString usedCode;
        const TokenResult ok = run(first, spec(QStringLiteral("app-client"), QStringLiteral("app-secret"),
                                               Schema::AuthMethod::Basic),
                                   [&](const QUrl& url) {
                                       const QUrl redirect = browser.signInUntilRedirect(url);
                                       usedCode = QUrlQuery(redirect).queryItemValue(QStringLiteral("code"));
                                       browser.get(redirect);
                                   });
        QVERIFY2(ok.ok(), qPrintable(ok.errorText));
        QVERIFY(!usedCode.isEmpty());

        // A second run receives the already-redeemed code (with its own, valid state).
        FlowClient second(&m_nam);
        const TokenResult replay = run(second, spec(QStringLiteral("app-client"), QStringLiteral("app-secret"),
                                                    Schema::AuthMethod::Basic),
                                       [&](const QUrl& url) {
                                           QUrl redirect = browser.signInUntilRedirect(url);
                                           QUrlQuery q(redirect);
                                           q.removeQueryItem(QStringLiteral("code"));
                                           q.addQueryItem(QStringLiteral("code"), usedCode);
                                           redirect.setQuery(q);
                                           browser.get(redirect);
                                       });
        QCOMPARE(replay.status, TokenResult::Status::ServerRefused);
        QCOMPARE(replay.response.error, QStringLiteral("invalid_grant"));
        QVERIFY2(replay.errorText.contains(QStringLiteral("already used")), qPrintable(replay.errorText));
    }

    void refresh_rotatesAndTheOldTokenIsRefused()
    {
        FlowClient client(&m_nam);
        BrowserPlayer browser;
        const TokenRequestSpec base = spec(QStringLiteral("app-client"), QStringLiteral("app-secret"),
                                           Schema::AuthMethod::Basic);
        const TokenResult first = run(client, base, [&](const QUrl& url) { browser.signIn(url); });
        QVERIFY2(first.ok(), qPrintable(first.errorText));
        const QString rt1 = first.response.refreshToken;
        QVERIFY(!rt1.isEmpty());

        const TokenResult second = run(client, FlowClient::refreshSpec(base, rt1), [](const QUrl&) {});
        QVERIFY2(second.ok(), qPrintable(second.errorText));
        QCOMPARE(second.grantType, Schema::Grant::RefreshToken);
        const Exchange& e = second.exchanges.constFirst();
        QCOMPARE(formValue(e.requestBody, QStringLiteral("grant_type")), QStringLiteral("refresh_token"));
        QCOMPARE(formValue(e.requestBody, QStringLiteral("refresh_token")), rt1);
        const QString rt2 = second.response.refreshToken;
        QVERIFY(!rt2.isEmpty());
        QVERIFY(rt2 != rt1); // rotated
        QVERIFY(second.response.accessToken != first.response.accessToken);
        if (second.idTokenReport.checked)
            QVERIFY2(second.idTokenReport.valid, qPrintable(second.idTokenReport.error));

        const TokenResult reused = run(client, FlowClient::refreshSpec(base, rt1), [](const QUrl&) {});
        QCOMPARE(reused.status, TokenResult::Status::ServerRefused);
        QCOMPARE(reused.response.error, QStringLiteral("invalid_grant"));
    }

    void cancel_whileWaitingForTheBrowser()
    {
        FlowClient client(&m_nam);
        QUrl redirect;
        const TokenResult r = run(client, spec(QStringLiteral("app-client"), QStringLiteral("app-secret"),
                                               Schema::AuthMethod::Basic),
                                  [&](const QUrl&) {
                                      redirect = client.authCodeFlow()->redirectUri();
                                      QCOMPARE(client.stage(), FlowClient::Stage::WaitingForBrowser);
                                      client.cancel();
                                  });
        QCOMPARE(r.status, TokenResult::Status::Canceled);
        QVERIFY(!client.isRunning());
        // The listener is gone.
        BrowserPlayer browser;
        QVERIFY(!browser.get(redirect).error.isEmpty());
    }

    void timeout_whileWaitingForTheBrowser()
    {
        FlowClient client(&m_nam);
        client.setInteractionTimeoutMs(300);
        const TokenResult r = run(client, spec(QStringLiteral("app-client"), QStringLiteral("app-secret"),
                                               Schema::AuthMethod::Basic),
                                  [](const QUrl&) {});
        QCOMPARE(r.status, TokenResult::Status::TransportError);
        QVERIFY2(r.errorText.contains(QStringLiteral("no redirect from the browser")), qPrintable(r.errorText));
    }

    void configErrors_areReportedAsynchronously()
    {
        FlowClient client(&m_nam);
        TokenRequestSpec s = spec(QStringLiteral("app-client"), QStringLiteral("app-secret"), Schema::AuthMethod::Basic);
        s.redirectUri = QStringLiteral("http://example.com/callback");
        QSignalSpy finished(&client, &FlowClient::finished);
        client.start(s);
        QCOMPARE(finished.size(), 0);
        QVERIFY(finished.wait(5000));
        const auto r = finished.constFirst().constFirst().value<TokenResult>();
        QCOMPARE(r.status, TokenResult::Status::ConfigError);
        QCOMPARE(r.errorWhere, QStringLiteral("redirect_uri"));
    }
};

QTEST_GUILESS_MAIN(TestAuthCodeFlow)
#include "tst_authcodeflow.moc"
