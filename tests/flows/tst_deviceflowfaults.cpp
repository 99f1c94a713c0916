// The device flow's polling rules against a small real socket server that answers what oidc-provider
// will not produce on demand: slow_down (+5 s), expired_token, access_denied, a code expiring locally.
#include "model/schema.h"
#include "net/flowclient.h"
#include "net/networkaccessmanager.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Tokenbench::Core;
using Tokenbench::Test::RawHttpServer;

namespace {

QByteArray deviceAnswer(int expiresIn, int interval)
{
    return QStringLiteral("{\"device_code\":\"dc-1\",\"user_code\":\"WDJB-MJHT\",\"verification_uri\":"
                          "\"https://as.example/device\",\"expires_in\":%1,\"interval\":%2}")
        .arg(expiresIn)
        .arg(interval)
        .toUtf8();
}

QByteArray oauthError(const char* error)
{
    return QByteArray("{\"error\":\"") + error + "\"}";
}

} // namespace

class TestDeviceFlowFaults : public QObject
{
    Q_OBJECT

private:
    // Serves the device endpoint, then the token answers in order (the last one repeats).
    void script(RawHttpServer& server, const QByteArray& device, const QList<QPair<int, QByteArray>>& tokenAnswers)
    {
        auto polls = std::make_shared<int>(0);
        server.setBehaviour([device, tokenAnswers, polls](QTcpSocket* socket, const QByteArray& request) {
            if (request.startsWith("POST /device ")) {
                RawHttpServer::respond(200, "application/json", device)(socket, request);
                return;
            }
            const auto& answer = tokenAnswers.at(qMin<int>(*polls, int(tokenAnswers.size()) - 1));
            ++*polls;
            RawHttpServer::respond(answer.first, "application/json", answer.second)(socket, request);
        });
    }

    TokenRequestSpec spec(const RawHttpServer& server) const
    {
        TokenRequestSpec s;
        s.setTokenEndpoint(server.url(QStringLiteral("/token")))
            .setGrantType(Schema::Grant::DeviceCode)
            .setAuthMethod(Schema::AuthMethod::None)
            .setClient(QStringLiteral("tv"), QString());
        s.deviceAuthorizationEndpoint = server.url(QStringLiteral("/device"));
        return s;
    }

    NetworkAccessManager m_nam;

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        qRegisterMetaType<TokenResult>();
        qRegisterMetaType<DeviceAuthorization>();
    }

    void slowDown_addsFiveSecondsToTheInterval()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        script(server, deviceAnswer(600, 1),
               {{400, oauthError("slow_down")},
                {200, QByteArrayLiteral("{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":60}")}});
        QList<qint64> at;
        QElapsedTimer clock;
        clock.start();
        connect(&server, &RawHttpServer::requestReceived, this, [&](const QByteArray&) { at << clock.elapsed(); });
        FlowClient client(&m_nam);
        QSignalSpy polls(&client, &FlowClient::devicePollAnswered);
        QSignalSpy finished(&client, &FlowClient::finished);
        client.start(spec(server));
        QVERIFY(finished.wait(20000));
        const auto r = finished.constFirst().constFirst().value<TokenResult>();
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QCOMPARE(polls.size(), 1);
        QCOMPARE(polls.constFirst().at(0).toString(), QStringLiteral("slow_down"));
        QCOMPARE(polls.constFirst().at(1).toInt(), 6);
        QCOMPARE(at.size(), 3); // device authorization, slow_down poll, token poll
        QVERIFY2(at.at(1) - at.at(0) >= 900, qPrintable(QString::number(at.at(1) - at.at(0))));
        QVERIFY2(at.at(2) - at.at(1) >= 5900, qPrintable(QString::number(at.at(2) - at.at(1))));
        QCOMPARE(r.exchanges.size(), 3);
    }

    void expiredToken_andAccessDenied_areExplained()
    {
        for (const char* error : {"expired_token", "access_denied"}) {
            RawHttpServer server;
            QVERIFY(server.listen());
            script(server, deviceAnswer(600, 1), {{400, oauthError(error)}});
            FlowClient client(&m_nam);
            QSignalSpy finished(&client, &FlowClient::finished);
            client.start(spec(server));
            QVERIFY(finished.wait(10000));
            const auto r = finished.constFirst().constFirst().value<TokenResult>();
            QCOMPARE(r.status, TokenResult::Status::ServerRefused);
            QCOMPARE(r.response.error, QString::fromLatin1(error));
            QVERIFY2(r.errorText.contains(qstrcmp(error, "expired_token") == 0 ? QStringLiteral("expired before")
                                                                               : QStringLiteral("declined")),
                     qPrintable(r.errorText));
        }
    }

    void codeExpiringBeforeTheNextPoll_endsWithoutPolling()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        script(server, deviceAnswer(1, 2), {{400, oauthError("authorization_pending")}});
        FlowClient client(&m_nam);
        QSignalSpy finished(&client, &FlowClient::finished);
        client.start(spec(server));
        QVERIFY(finished.wait(10000));
        const auto r = finished.constFirst().constFirst().value<TokenResult>();
        QCOMPARE(r.status, TokenResult::Status::ServerRefused);
        QVERIFY2(r.errorText.contains(QStringLiteral("expired")), qPrintable(r.errorText));
        QCOMPARE(server.requests().size(), 1); // only the device authorization request
    }

    void deviceEndpointWithoutUserCode_isNoToken()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        script(server, QByteArrayLiteral("{\"device_code\":\"x\"}"), {{400, oauthError("authorization_pending")}});
        FlowClient client(&m_nam);
        QSignalSpy finished(&client, &FlowClient::finished);
        client.start(spec(server));
        QVERIFY(finished.wait(10000));
        const auto r = finished.constFirst().constFirst().value<TokenResult>();
        QCOMPARE(r.status, TokenResult::Status::NoToken);
        QVERIFY2(r.errorText.contains(QStringLiteral("user_code")), qPrintable(r.errorText));
    }
};

QTEST_GUILESS_MAIN(TestDeviceFlowFaults)
#include "tst_deviceflowfaults.moc"
