#include "net/jwkscache.h"
#include "net/issuerverifier.h"
#include "net/idtokencheck.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>

using namespace Tokenbench::Core;
using namespace Tokenbench::Core::Jwt;
using Tokenbench::Test::RawHttpServer;
using Tokenbench::Test::readData;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

} // namespace

class TestJwksCache final : public QObject
{
    Q_OBJECT

private:
    QDateTime m_now = QDateTime::fromSecsSinceEpoch(1700000000, QTimeZone::utc());

    JwksFetch fetchOnce(JwksCache& cache, const QUrl& url, JwksCache::Mode mode = JwksCache::Mode::UseCache)
    {
        QSignalSpy spy(&cache, &JwksCache::finished);
        cache.fetch(url, mode);
        if (!spy.wait(10000))
            return {};
        return spy.first().first().value<JwksFetch>();
    }

    // A token of `issuer` (its signature does not matter for finding the keys).
    static QByteArray tokenOf(const QUrl& issuer)
    {
        return QByteArrayLiteral("eyJhbGciOiJFUzI1NiJ9.") +
               QByteArray("{\"iss\":\"" + issuer.toEncoded() + "\"}")
                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) +
               QByteArrayLiteral(".c2ln");
    }

    // Serves the JWKS with `headers`; answers 304 to If-None-Match: "v1".
    static RawHttpServer::Behaviour jwks(const Headers& headers)
    {
        const QByteArray body = readData(QStringLiteral("jwt/rfc-public-keys.jwks.json"));
        return [=](QTcpSocket* socket, const QByteArray& request) {
            if (request.toLower().contains("if-none-match: \"v1\""))
                RawHttpServer::respond(304, {}, {}, headers)(socket, request);
            else
                RawHttpServer::respond(200, "application/json", body, headers)(socket, request);
        };
    }

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void issuerVerifier_reportsUnusableEntriesAndNeverUsesRemoteSymmetricKeys()
    {
        // A provider's JWKS with an off-curve EC entry, a symmetric key (never to be used from a URL)
        // and the good RFC 7515 A.3 key.
        const QByteArray body =
            "{\"keys\":["
            "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"k1\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
            "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a4\"},"
            "{\"kty\":\"oct\",\"kid\":\"shared\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\"},"
            "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"good\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
            "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}]}";
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::respond(200, "application/json", body));
        QNetworkAccessManager nam;
        JwksCache cache(&nam);
        IssuerVerifier verifier(&nam, &cache);
        QSignalSpy spy(&verifier, &IssuerVerifier::finished);

        verifier.verify(readData(QStringLiteral("jwt/rfc7515-a3-es256.jwt")).trimmed(), {}, server.url(QStringLiteral("/jwks")));
        QVERIFY(spy.wait(10000));
        IssuerVerifier::Result r = spy.takeFirst().first().value<IssuerVerifier::Result>();
        QVERIFY(r.attempted);
        QVERIFY2(r.signature.isValid(), qPrintable(r.signature.message));
        QCOMPARE(r.signature.unusableKeys.size(), 2);
        QVERIFY2(r.signature.message.contains(QStringLiteral("key 1 (kid \"k1\"): the EC JWK's point (x, y) is not on curve P-256")),
                 qPrintable(r.signature.message));
        QVERIFY2(r.signature.message.contains(QStringLiteral("key 2 (kid \"shared\"): a symmetric")), qPrintable(r.signature.message));
        // The ID token report (token panel, --json id_token_checks) carries the same words.
        const IdTokenReport report = IdTokenCheck::report(r, {});
        QVERIFY2(report.signature.contains(QStringLiteral("kid \"k1\"")), qPrintable(report.signature));

        // An HS256 token cannot be verified with the published symmetric key.
        verifier.verify(readData(QStringLiteral("jwt/rfc7515-a1-hs256.jwt")).trimmed(), {}, server.url(QStringLiteral("/jwks")));
        QVERIFY(spy.wait(10000));
        r = spy.takeFirst().first().value<IssuerVerifier::Result>();
        QCOMPARE(r.signature.status, Verification::Status::NoUsableKey);
        QVERIFY2(r.signature.message.contains(QStringLiteral("RFC 8725")), qPrintable(r.signature.message));
    }

    void maxAge_servesFromCacheThenRevalidatesWithEtag()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(jwks({{"Cache-Control", "public, max-age=60"}, {"ETag", "\"v1\""}}));
        QNetworkAccessManager nam;
        JwksCache cache(&nam);
        cache.setClock([this] { return m_now; });
        const QUrl url = server.url(QStringLiteral("/jwks"));

        JwksFetch first = fetchOnce(cache, url);
        QCOMPARE(first.source, JwksFetch::Source::Network);
        QCOMPARE(first.keys.keys().size(), 4);
        QCOMPARE(first.freshUntil, m_now.addSecs(60));
        QCOMPARE(server.requests().size(), 1);

        m_now = m_now.addSecs(59);
        JwksFetch second = fetchOnce(cache, url);
        QCOMPARE(second.source, JwksFetch::Source::Cache);
        QCOMPARE(second.keys.keys().size(), 4);
        QCOMPARE(server.requests().size(), 1);

        m_now = m_now.addSecs(2);
        QVERIFY(!cache.freshKeys(url).has_value());
        JwksFetch third = fetchOnce(cache, url);
        QCOMPARE(third.source, JwksFetch::Source::Revalidated);
        QCOMPARE(third.keys.keys().size(), 4);
        QCOMPARE(server.requests().size(), 2);
        QVERIFY(server.requests().at(1).toLower().contains("if-none-match: \"v1\""));
        QCOMPARE(third.freshUntil, m_now.addSecs(60));

        // A forced refresh (unknown kid) goes to the server although the entry is fresh.
        JwksFetch forced = fetchOnce(cache, url, JwksCache::Mode::ForceRevalidate);
        QCOMPARE(forced.source, JwksFetch::Source::Revalidated);
        QCOMPARE(server.requests().size(), 3);
    }

    // Every request is reported as an exchange (the run's trace, --json "exchanges", the HAR); keys served from
    // the cache send nothing and report nothing. The verifier reports its metadata request and the cache's
    // JWKS request, in the order they were sent, before it answers.
    void exchanges_reportedPerRequest_verifierInOrder_noneFromCache()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        const QUrl jwksUrl = server.url(QStringLiteral("/jwks"));
        const QUrl metadataUrl = server.url(QStringLiteral("/.well-known/openid-configuration"));
        const QByteArray metadata = "{\"issuer\":\"" + server.url(QString()).toEncoded() + "\",\"jwks_uri\":\"" +
                                    jwksUrl.toEncoded() + "\"}";
        const RawHttpServer::Behaviour keys = jwks({{"Cache-Control", "max-age=60"}});
        server.setBehaviour([&](QTcpSocket* socket, const QByteArray& request) {
            if (request.startsWith("GET /.well-known/openid-configuration "))
                RawHttpServer::respond(200, "application/json", metadata)(socket, request);
            else
                keys(socket, request);
        });
        QNetworkAccessManager nam;
        JwksCache cache(&nam);
        cache.setClock([this] { return m_now; });
        IssuerVerifier verifier(&nam, &cache);
        QList<QPair<QString, Exchange>> events; // "started"/"finished", in the order they came
        connect(&verifier, &IssuerVerifier::exchangeStarted, this,
                [&events](const Exchange& e) { events.append({QStringLiteral("started"), e}); });
        connect(&verifier, &IssuerVerifier::exchangeFinished, this,
                [&events](const Exchange& e) { events.append({QStringLiteral("finished"), e}); });
        connect(&verifier, &IssuerVerifier::finished, this,
                [&events] { events.append({QStringLiteral("answered"), Exchange()}); });
        const QByteArray token = tokenOf(server.url(QString()));
        QSignalSpy answered(&verifier, &IssuerVerifier::finished);
        verifier.verify(token);
        QVERIFY(answered.wait(10000));
        QStringList seen;
        for (const auto& [what, e] : std::as_const(events))
            seen << (e.id ? QStringLiteral("%1 %2 %3 %4").arg(what, QString::fromLatin1(e.method), e.url.toString(), e.purpose)
                          : what);
        const QString meta = QStringLiteral("GET %1 issuer metadata").arg(metadataUrl.toString());
        const QString keysLine = QStringLiteral("GET %1 JWKS").arg(jwksUrl.toString());
        QCOMPARE(seen, QStringList({QStringLiteral("started ") + meta, QStringLiteral("finished ") + meta,
                                    QStringLiteral("started ") + keysLine, QStringLiteral("finished ") + keysLine,
                                    QStringLiteral("answered")}));
        QCOMPARE(events.at(0).second.id, events.at(1).second.id);
        QCOMPARE(events.at(1).second.status, 200);
        QCOMPARE(events.at(3).second.status, 200);
        QCOMPARE(events.at(3).second.purpose, JwksPurpose);
        QCOMPARE(events.at(1).second.purpose, IssuerMetadataPurpose);

        // Again: the keys are fresh in the cache, so only the metadata request is sent and reported.
        events.clear();
        verifier.verify(token);
        QVERIFY(answered.wait(10000));
        QCOMPARE(events.size(), 3);
        QCOMPARE(events.at(1).second.url, metadataUrl);
        QCOMPARE(events.at(2).first, QStringLiteral("answered"));
        QCOMPARE(server.requests().size(), 3);

        // The cache on its own: one exchange per request, none for a fetch it answers itself.
        QSignalSpy cacheStarted(&cache, &JwksCache::exchangeStarted);
        QSignalSpy cacheFinished(&cache, &JwksCache::exchangeFinished);
        QCOMPARE(fetchOnce(cache, jwksUrl).source, JwksFetch::Source::Cache);
        QCOMPARE(cacheStarted.size(), 0);
        QCOMPARE(fetchOnce(cache, jwksUrl, JwksCache::Mode::ForceRevalidate).source, JwksFetch::Source::Network);
        QCOMPARE(cacheStarted.size(), 1);
        QCOMPARE(cacheFinished.size(), 1);
        QCOMPARE(cacheFinished.constFirst().constFirst().value<Exchange>().url, jwksUrl);
    }

    // A metadata request canceled on its way ends in the trace as canceled, not as a request that never ends.
    void verifierCancel_reportsTheCanceledRequest()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::hang());
        QNetworkAccessManager nam;
        JwksCache cache(&nam);
        IssuerVerifier verifier(&nam, &cache);
        QSignalSpy started(&verifier, &IssuerVerifier::exchangeStarted);
        QSignalSpy ended(&verifier, &IssuerVerifier::exchangeFinished);
        QSignalSpy answered(&verifier, &IssuerVerifier::finished);
        const QByteArray token = tokenOf(server.url(QString()));
        verifier.verify(token);
        QVERIFY(started.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 1, 10000);
        QCOMPARE(ended.size(), 0);
        verifier.cancel();
        QCOMPARE(ended.size(), 1);
        const Exchange e = ended.constFirst().constFirst().value<Exchange>();
        QCOMPARE(e.id, started.constFirst().constFirst().value<Exchange>().id);
        QCOMPARE(e.failure, Exchange::Failure::Canceled);
        QCOMPARE(answered.size(), 0); // a canceled verification does not answer
    }

    void ageHeader_shortensFreshness()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(jwks({{"Cache-Control", "max-age=300"}, {"Age", "100"}}));
        QNetworkAccessManager nam;
        JwksCache cache(&nam);
        cache.setClock([this] { return m_now; });
        const JwksFetch r = fetchOnce(cache, server.url(QStringLiteral("/jwks")));
        QCOMPARE(r.freshUntil, m_now.addSecs(200));
    }

    void expires_countsFromServerDate()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        // The server's clock is off; the lifetime is Expires - Date = 120 s.
        server.setBehaviour(jwks({{"Date", "Tue, 14 Nov 2023 22:00:00 GMT"}, {"Expires", "Tue, 14 Nov 2023 22:02:00 GMT"}}));
        QNetworkAccessManager nam;
        JwksCache cache(&nam);
        cache.setClock([this] { return m_now; });
        const QUrl url = server.url(QStringLiteral("/jwks"));
        QCOMPARE(fetchOnce(cache, url).freshUntil, m_now.addSecs(120));
        QCOMPARE(fetchOnce(cache, url).source, JwksFetch::Source::Cache);
    }

    void noStoreAndNoCache_alwaysAskServer()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(jwks({{"Cache-Control", "no-store"}}));
        QNetworkAccessManager nam;
        JwksCache cache(&nam);
        cache.setDefaultMaxAgeSeconds(600);
        const QUrl url = server.url(QStringLiteral("/jwks"));
        QCOMPARE(fetchOnce(cache, url).source, JwksFetch::Source::Network);
        QCOMPARE(fetchOnce(cache, url).source, JwksFetch::Source::Network);
        QCOMPARE(server.requests().size(), 2);

        server.setBehaviour(jwks({{"Cache-Control", "no-cache"}, {"ETag", "\"v1\""}}));
        const QUrl other = server.url(QStringLiteral("/other"));
        QCOMPARE(fetchOnce(cache, other).source, JwksFetch::Source::Network);
        QCOMPARE(fetchOnce(cache, other).source, JwksFetch::Source::Revalidated);
    }

    void noHeaders_useDefaultMaxAge()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(jwks({}));
        QNetworkAccessManager nam;
        JwksCache cache(&nam);
        cache.setClock([this] { return m_now; });
        cache.setDefaultMaxAgeSeconds(300);
        const QUrl url = server.url(QStringLiteral("/jwks"));
        QCOMPARE(fetchOnce(cache, url).freshUntil, m_now.addSecs(300));
        QCOMPARE(fetchOnce(cache, url).source, JwksFetch::Source::Cache);
    }

    void errors_reported()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        QNetworkAccessManager nam;
        JwksCache cache(&nam);
        server.setBehaviour(RawHttpServer::respond(500, "text/plain", "boom"));
        JwksFetch r = fetchOnce(cache, server.url(QStringLiteral("/jwks")));
        QCOMPARE(r.source, JwksFetch::Source::Failed);
        QVERIFY2(r.error.contains(QStringLiteral("HTTP 500")), qPrintable(r.error));
        server.setBehaviour(RawHttpServer::respond(200, "application/json", "{\"keys\":"));
        r = fetchOnce(cache, server.url(QStringLiteral("/broken")));
        QCOMPARE(r.source, JwksFetch::Source::Failed);
        QVERIFY2(r.error.contains(QStringLiteral("not valid JSON")), qPrintable(r.error));
    }
};

QTEST_GUILESS_MAIN(TestJwksCache)
#include "tst_jwkscache.moc"
