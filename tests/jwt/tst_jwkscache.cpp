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
