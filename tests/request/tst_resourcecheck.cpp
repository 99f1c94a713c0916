// The resource check against real parts: tokens from oidc-provider, a raw socket resource server that
// answers 401 until it sees a newer token, and a small real forward proxy. Couper's 401 rule (reference
// 2.7): the cached token is dropped on every 401, and up to `retries` new tokens are fetched and the
// resource called again; the trace (and --json) shows the whole sequence.
#include "net/networkaccessmanager.h"
#include "net/resourcecheck.h"
#include "run/runsession.h"
#include "net/tokencache.h"
#include "util/authserver.h"
#include "util/clirunner.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Tokenbench::Core;
using Tokenbench::Test::RawHttpServer;

namespace {

QByteArray bearerOf(const QByteArray& request)
{
    for (const QByteArray& line : request.split('\n')) {
        if (line.toLower().startsWith("authorization: bearer "))
            return line.mid(22).trimmed();
    }
    return {};
}

QByteArray response(int status, const QByteArray& body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// A resource that accepts a token only once it has refused `refusals` tokens (each later token is new).
struct Resource
{
    RawHttpServer server;
    QList<QByteArray> seenTokens;
    int refusals = 1;

    bool start()
    {
        server.setBehaviour([this](QTcpSocket* socket, const QByteArray& request) {
            const QByteArray token = bearerOf(request);
            seenTokens << token;
            const bool accept = seenTokens.size() > refusals && !token.isEmpty();
            socket->write(accept ? response(200, "{\"hello\":\"resource\"}")
                                 : response(401, "{\"error\":\"invalid_token\"}"));
        });
        return server.listen();
    }
};

// A forward proxy for http: reads the absolute-form request, sends it to the origin in origin-form and
// pipes the answer back. Records the request lines it saw.
struct Proxy
{
    RawHttpServer server;
    QList<QByteArray> requestLines;

    bool start()
    {
        server.setBehaviour([this](QTcpSocket* client, const QByteArray& request) {
            const qsizetype eol = request.indexOf("\r\n");
            const QList<QByteArray> parts = request.left(eol).split(' ');
            requestLines << request.left(eol);
            const QUrl target = QUrl::fromEncoded(parts.value(1));
            QByteArray forwarded = parts.value(0) + ' ' + target.path(QUrl::FullyEncoded).toLatin1();
            if (target.hasQuery())
                forwarded += '?' + target.query(QUrl::FullyEncoded).toLatin1();
            forwarded += ' ' + parts.value(2) + request.mid(eol);
            auto* upstream = new QTcpSocket(client);
            QPointer<QTcpSocket> c(client);
            QObject::connect(upstream, &QTcpSocket::connected, upstream, [upstream, forwarded] { upstream->write(forwarded); });
            QObject::connect(upstream, &QTcpSocket::readyRead, upstream, [upstream, c] {
                if (c)
                    c->write(upstream->readAll());
            });
            upstream->connectToHost(target.host(), quint16(target.port(80)));
        });
        return server.listen();
    }
};

} // namespace

class TestResourceCheck : public QObject
{
    Q_OBJECT

private:
    Tokenbench::Test::AuthServer m_as;

    TokenRequestSpec tokenSpec() const
    {
        TokenRequestSpec s;
        s.setTokenEndpoint(m_as.tokenEndpoint())
            .setGrantType(QStringLiteral("client_credentials"))
            .setClient(QStringLiteral("basic-client"), QStringLiteral("basic-secret"));
        s.timeouts.totalMs = 20000;
        return s;
    }

    static ResourceSpec resourceSpec(const QUrl& url, int retries)
    {
        ResourceSpec r;
        r.url = url;
        r.retries = retries;
        r.backend.totalMs = 20000;
        return r;
    }

    static RunResult runOnce(RunSession& run, const TokenRequestSpec& token, const ResourceSpec& resource,
                             bool force = false)
    {
        RunPlan plan;
        plan.backend = plan.cacheKey = QStringLiteral("be");
        plan.oauth2 = token;
        plan.resource = fixedResourceStep(resource);
        plan.policy = ResourcePolicy{resource.retries, true};
        QSignalSpy finished(&run, &RunSession::finished);
        run.start(plan, force);
        if (!finished.wait(30000))
            return {};
        return finished.constFirst().at(0).value<RunResult>();
    }

    static QStringList sequence(const RunResult& r)
    {
        QStringList out;
        for (const Exchange& e : r.exchanges)
            out << QStringLiteral("%1 %2").arg(e.purpose).arg(e.status);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        qRegisterMetaType<RunResult>();
        QString error;
        QVERIFY2(m_as.start(&error), qPrintable(error));
    }

    void unauthorizedOnce_newTokenAndRetry_wholeSequenceTraced()
    {
        Resource resource;
        QVERIFY(resource.start());
        NetworkAccessManager nam;
        TokenCache cache;
        RunSession run(&nam, &cache);
        const RunResult r = runOnce(run, tokenSpec(), resourceSpec(resource.server.url(QStringLiteral("/api")), 1));
        QVERIFY2(r.token.ok(), qPrintable(r.token.errorText));
        QVERIFY(r.resource);
        QCOMPARE(sequence(r), (QStringList{QStringLiteral("token request 200"), QStringLiteral("resource check 401"),
                                           QStringLiteral("token request 200"),
                                           QStringLiteral("resource check (retry 1) 200")}));
        QVERIFY(r.resource->ok());
        QCOMPARE(r.resource->final.responseBody, QByteArray("{\"hello\":\"resource\"}"));
        QCOMPARE(r.resource->tokenRequests, 2);
        QCOMPARE(r.resource->resourceRequests, 2);
        QCOMPARE(resource.seenTokens.size(), 2);
        QVERIFY(resource.seenTokens.at(0) != resource.seenTokens.at(1));
        // The second token is cached (oidc-provider's expires_in 3600 -> 3240 s) and reused by the next run.
        QCOMPARE(cache.lookup(QStringLiteral("be"))->result.response.accessToken.toUtf8(), resource.seenTokens.at(1));
        const RunResult again = runOnce(run, tokenSpec(), resourceSpec(resource.server.url(QStringLiteral("/api")), 1));
        QVERIFY(again.tokenFromCache);
        QCOMPARE(sequence(again), QStringList{QStringLiteral("resource check 200")});
        QCOMPARE(resource.seenTokens.constLast(), resource.seenTokens.at(1));
        // Forced: a fresh token even though a valid one is cached.
        const RunResult forced = runOnce(run, tokenSpec(), resourceSpec(resource.server.url(QStringLiteral("/api")), 1), true);
        QVERIFY(!forced.tokenFromCache);
        QCOMPARE(sequence(forced).constFirst(), QStringLiteral("token request 200"));
    }

    void noRetries_401Returned_cachedTokenDropped()
    {
        Resource resource;
        resource.refusals = 100;
        QVERIFY(resource.start());
        NetworkAccessManager nam;
        TokenCache cache;
        RunSession run(&nam, &cache);
        const RunResult r = runOnce(run, tokenSpec(), resourceSpec(resource.server.url(QStringLiteral("/api")), 0));
        QCOMPARE(sequence(r), (QStringList{QStringLiteral("token request 200"), QStringLiteral("resource check 401")}));
        QVERIFY(!r.resource->ok());
        QCOMPARE(r.resource->final.status, 401);
        QVERIFY(r.resource->errorText.contains(QStringLiteral("retries = 0")));
        QVERIFY(!cache.peek(QStringLiteral("be")));
    }

    void alwaysUnauthorized_retriesThree_fourResourceCalls()
    {
        // Couper's TestBackend_Oauth2_TokenEndpoint: retries = 3 and a resource that always answers 401.
        Resource resource;
        resource.refusals = 100;
        QVERIFY(resource.start());
        NetworkAccessManager nam;
        TokenCache cache;
        RunSession run(&nam, &cache);
        const RunResult r = runOnce(run, tokenSpec(), resourceSpec(resource.server.url(QStringLiteral("/api")), 3));
        QCOMPARE(r.resource->resourceRequests, 4);
        QCOMPARE(r.resource->tokenRequests, 4);
        QCOMPARE(r.resource->final.status, 401);
        QCOMPARE(r.resource->final.responseBody, QByteArray("{\"error\":\"invalid_token\"}"));
    }

    void cli_resourceJson_statusBodyAndSequence()
    {
        Resource resource;
        QVERIFY(resource.start());
        const auto run = Tokenbench::Test::runCli(
            QStringLiteral(TOKENBENCH_CLI_PATH),
            {QStringLiteral("token"), QStringLiteral("--token-endpoint"), m_as.tokenEndpoint().toString(),
             QStringLiteral("--client-id"), QStringLiteral("basic-client"), QStringLiteral("--client-secret"),
             QStringLiteral("env:RC_SECRET"), QStringLiteral("--resource"),
             resource.server.url(QStringLiteral("/api")).toString(), QStringLiteral("--json")},
            {{QStringLiteral("RC_SECRET"), QStringLiteral("basic-secret")}});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(run.out).object();
        const QJsonObject res = o.value(QStringLiteral("resource")).toObject();
        QCOMPARE(res.value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(res.value(QStringLiteral("body")).toString(), QStringLiteral("{\"hello\":\"resource\"}"));
        QCOMPARE(res.value(QStringLiteral("resource_requests")).toInt(), 2);
        QCOMPARE(res.value(QStringLiteral("token_requests")).toInt(), 2);
        QCOMPARE(res.value(QStringLiteral("headers")).toObject().value(QStringLiteral("Content-Type")).toString(),
                 QStringLiteral("application/json"));
        const QJsonArray exchanges = o.value(QStringLiteral("exchanges")).toArray();
        QCOMPARE(exchanges.size(), 4);
        QCOMPARE(exchanges.at(1).toObject().value(QStringLiteral("purpose")).toString(), QStringLiteral("resource check"));
        // The bearer token in the resource request is redacted like every secret.
        const QString auth = exchanges.at(1).toObject().value(QStringLiteral("request")).toObject()
                                 .value(QStringLiteral("headers")).toObject().value(QStringLiteral("Authorization")).toString();
        QVERIFY2(auth.contains(QStringLiteral("redacted")), qPrintable(auth));
        QVERIFY(!run.out.contains(resource.seenTokens.at(0)));
    }

    void cli_resourceStillUnauthorized_exit4()
    {
        Resource resource;
        resource.refusals = 100;
        QVERIFY(resource.start());
        const auto run = Tokenbench::Test::runCli(
            QStringLiteral(TOKENBENCH_CLI_PATH),
            {QStringLiteral("token"), QStringLiteral("--token-endpoint"), m_as.tokenEndpoint().toString(),
             QStringLiteral("--client-id"), QStringLiteral("basic-client"), QStringLiteral("--client-secret"),
             QStringLiteral("env:RC_SECRET"), QStringLiteral("--resource"),
             resource.server.url(QStringLiteral("/api")).toString(), QStringLiteral("--retries"), QStringLiteral("2")},
            {{QStringLiteral("RC_SECRET"), QStringLiteral("basic-secret")}});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains("still answered 401 after 2 new token"), run.err.constData());
        QCOMPARE(resource.seenTokens.size(), 3);
    }

    void proxy_tokenRequestGoesThroughProxy_coreAndCli()
    {
        Proxy proxy;
        QVERIFY(proxy.start());
        NetworkAccessManager nam;
        TokenClient client(&nam);
        TokenRequestSpec spec = tokenSpec();
        BackendSettings tb;
        tb.transport.proxy = proxy.server.url(QString());
        spec.tokenBackend = tb;
        QSignalSpy finished(&client, &TokenClient::finished);
        client.start(spec);
        QVERIFY(finished.wait(30000));
        const auto result = finished.constFirst().at(0).value<TokenResult>();
        QVERIFY2(result.ok(), qPrintable(result.errorText));
        QCOMPARE(proxy.requestLines.size(), 1);
        QCOMPARE(proxy.requestLines.constFirst(),
                 "POST " + m_as.tokenEndpoint().toEncoded() + " HTTP/1.1"); // absolute form: a proxy request

        const auto run = Tokenbench::Test::runCli(
            QStringLiteral(TOKENBENCH_CLI_PATH),
            {QStringLiteral("token"), QStringLiteral("--token-endpoint"), m_as.tokenEndpoint().toString(),
             QStringLiteral("--client-id"), QStringLiteral("basic-client"), QStringLiteral("--client-secret"),
             QStringLiteral("env:RC_SECRET"), QStringLiteral("--proxy"), proxy.server.url(QString()).toString(),
             QStringLiteral("--form"), QStringLiteral("resource=urn:api"), QStringLiteral("--json")},
            {{QStringLiteral("RC_SECRET"), QStringLiteral("basic-secret")}});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(proxy.requestLines.size(), 2);
        const QJsonObject o = QJsonDocument::fromJson(run.out).object();
        const QString body = o.value(QStringLiteral("exchanges")).toArray().at(0).toObject()
                                 .value(QStringLiteral("request")).toObject().value(QStringLiteral("body")).toString();
        QCOMPARE(body, QStringLiteral("grant_type=client_credentials&resource=urn%3Aapi"));
    }
};

QTEST_GUILESS_MAIN(TestResourceCheck)
#include "tst_resourcecheck.moc"
