// The device authorization grant (RFC 8628) against a real oidc-provider; the test plays the user on
// the verification page (user code, confirm, login, consent) after at least one authorization_pending.
#include "browserplayer.h"

#include "model/schema.h"
#include "net/flowclient.h"
#include "net/formencoding.h"
#include "net/networkaccessmanager.h"
#include "util/authserver.h"
#include "util/testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace Tokenbench::Core;
using Tokenbench::Test::AuthServer;
using Tokenbench::Test::BrowserPlayer;

class TestDeviceFlow : public QObject
{
    Q_OBJECT

private:
    TokenRequestSpec spec() const
    {
        TokenRequestSpec s;
        s.setTokenEndpoint(m_server.tokenEndpoint())
            .setGrantType(Schema::Grant::DeviceCode)
            .setAuthMethod(Schema::AuthMethod::None)
            .setClient(QStringLiteral("device-client"), QString())
            .setScope(QStringLiteral("openid offline_access api:read"));
        s.deviceAuthorizationEndpoint = QUrl(m_server.issuer().toString() + QStringLiteral("/device/auth"));
        return s;
    }

    AuthServer m_server;
    NetworkAccessManager m_nam;

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        qRegisterMetaType<TokenResult>();
        qRegisterMetaType<DeviceAuthorization>();
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void deviceAuthorizationRequest_isBuiltLikeTheTokenRequest()
    {
        TokenRequestSpec s = spec();
        auto req = DeviceFlow::prepareDeviceAuthorizationRequest(s);
        QVERIFY(req);
        QCOMPARE(req->url, s.deviceAuthorizationEndpoint);
        QCOMPARE(req->body, QByteArray("client_id=device-client&scope=openid+offline_access+api%3Aread"));
        s.setAuthMethod(Schema::AuthMethod::Basic).setClient(QStringLiteral("c"), QStringLiteral("s"));
        req = DeviceFlow::prepareDeviceAuthorizationRequest(s);
        QVERIFY(req);
        QCOMPARE(req->body, QByteArray("scope=openid+offline_access+api%3Aread"));
        QCOMPARE(headerValue(req->headers, "Authorization"), QByteArray("Basic Yzpz")); // base64("c:s")
        s.deviceAuthorizationEndpoint = QUrl();
        QCOMPARE(DeviceFlow::prepareDeviceAuthorizationRequest(s).error().where,
                 QStringLiteral("device_authorization_endpoint"));
    }

    void userApprovesAfterAPendingPoll_tokenIssued()
    {
        FlowClient client(&m_nam);
        QSignalSpy ready(&client, &FlowClient::deviceAuthorizationReady);
        QSignalSpy polls(&client, &FlowClient::devicePollAnswered);
        QSignalSpy finished(&client, &FlowClient::finished);
        client.start(spec());
        QVERIFY(ready.wait(10000));
        const auto a = ready.constFirst().constFirst().value<DeviceAuthorization>();
        QVERIFY(!a.userCode.isEmpty());
        QCOMPARE(a.verificationUri.toString(), m_server.issuer().toString() + QStringLiteral("/device"));
        QVERIFY(a.verificationUriComplete.toString().contains(QStringLiteral("user_code=")));
        QVERIFY(a.expiresAt > QDateTime::currentDateTimeUtc());
        QCOMPARE(client.stage(), FlowClient::Stage::WaitingForDevice);
        // The server's interval (5 s by default) before the first poll: authorization_pending.
        QVERIFY(polls.wait(15000));
        QCOMPARE(polls.constFirst().constFirst().toString(), QStringLiteral("authorization_pending"));
        QVERIFY(finished.isEmpty());

        BrowserPlayer user;
        QString error;
        QVERIFY2(user.approveDevice(a.verificationUri, a.userCode, &error), qPrintable(error));
        QVERIFY(finished.wait(30000));
        const auto r = finished.constFirst().constFirst().value<TokenResult>();
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QVERIFY(!r.response.refreshToken.isEmpty());
        QCOMPARE(r.grantType, Schema::Grant::DeviceCode);
        // device authorization + at least two polls + the ID token's metadata and keys, all in the result (and
        // the trace).
        QVERIFY(r.exchanges.size() >= 5);
        QCOMPARE(r.exchanges.constFirst().purpose, QStringLiteral("device authorization request"));
        QCOMPARE(r.exchanges.at(r.exchanges.size() - 2).purpose, QStringLiteral("issuer metadata"));
        QCOMPARE(r.exchanges.constLast().purpose, QStringLiteral("JWKS"));
        const Exchange& lastPoll = r.exchanges.at(r.exchanges.size() - 3);
        QVERIFY(lastPoll.requestBody.contains("device_code="));
        QVERIFY(lastPoll.requestBody.contains(
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code"));
        // The ID token (scope openid): verified, its iss confirmed through the issuer's metadata.
        QVERIFY(!r.response.idToken.isEmpty());
        QVERIFY(r.idTokenReport.checked);
        QVERIFY2(r.idTokenReport.valid, qPrintable(r.idTokenReport.error));
        bool issChecked = false;
        for (const Jwt::ClaimCheck& c : r.idTokenReport.checks)
            issChecked = issChecked || (c.name == u"iss" && c.passed && c.reason.contains(QStringLiteral("metadata")));
        QVERIFY(issChecked);
    }

    void cancel_whilePolling()
    {
        FlowClient client(&m_nam);
        QSignalSpy ready(&client, &FlowClient::deviceAuthorizationReady);
        QSignalSpy finished(&client, &FlowClient::finished);
        client.start(spec());
        QVERIFY(ready.wait(10000));
        client.cancel();
        QVERIFY(!finished.isEmpty() || finished.wait(5000));
        QCOMPARE(finished.constFirst().constFirst().value<TokenResult>().status, TokenResult::Status::Canceled);
        QVERIFY(!client.isRunning());
    }

    void unknownClient_isRefusedAtTheDeviceEndpoint()
    {
        FlowClient client(&m_nam);
        QSignalSpy finished(&client, &FlowClient::finished);
        TokenRequestSpec s = spec();
        s.clientId = QStringLiteral("nobody");
        client.start(s);
        QVERIFY(finished.wait(10000));
        const auto r = finished.constFirst().constFirst().value<TokenResult>();
        QCOMPARE(r.status, TokenResult::Status::ServerRefused);
        QVERIFY2(r.errorText.contains(QStringLiteral("device authorization endpoint")), qPrintable(r.errorText));
        QCOMPARE(r.response.error, QStringLiteral("invalid_client"));
    }
};

QTEST_GUILESS_MAIN(TestDeviceFlow)
#include "tst_deviceflow.moc"
