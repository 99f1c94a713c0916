// The token cache follows Couper's TTL rule (reference 2.3, 2.4): floor(expires_in * 0.9) whole seconds,
// valid while now < stored + ttl, nothing kept without a numeric expires_in, capped at 86400 s; entries of
// another configuration are not reused.
#include "net/tokencache.h"
#include "util/testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace Tokenbench::Core;

namespace {

TokenResult token(const QByteArray& body)
{
    TokenResult r;
    r.response = parseTokenResponse(200, body);
    r.status = r.response.outcome == TokenResponse::Outcome::Token ? TokenResult::Status::Success
                                                                   : TokenResult::Status::NoToken;
    return r;
}

} // namespace

class TestTokenCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void ttl_ninetyPercentOfExpiresIn_validUntilTheLastSecond()
    {
        qint64 now = 1'000'000;
        TokenCache cache;
        cache.setClock([&] { return now; });
        QSignalSpy changed(&cache, &TokenCache::changed);
        cache.store(QStringLiteral("be"), token("{\"access_token\":\"t1\",\"expires_in\":10}"), QStringLiteral("f"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(cache.peek(QStringLiteral("be"))->ttlSeconds, 9);
        now += 8;
        QCOMPARE(cache.lookup(QStringLiteral("be"), QStringLiteral("f"))->result.response.accessToken, QStringLiteral("t1"));
        now += 1; // stored + 9: no longer valid
        QVERIFY(!cache.lookup(QStringLiteral("be"), QStringLiteral("f")));
        QVERIFY(cache.peek(QStringLiteral("be"))); // still shown as expired
    }

    void ttl_fractionsFloorAndCap()
    {
        TokenCache cache;
        cache.setClock([] { return qint64(0); });
        cache.store(QStringLiteral("a"), token("{\"access_token\":\"t\",\"expires_in\":3599}"));
        QCOMPARE(cache.peek(QStringLiteral("a"))->ttlSeconds, 3239); // 3239.1 floored
        cache.store(QStringLiteral("b"), token("{\"access_token\":\"t\",\"expires_in\":1000000}"));
        QCOMPARE(cache.peek(QStringLiteral("b"))->ttlSeconds, 86400);
    }

    void noNumericExpiresIn_notKept()
    {
        TokenCache cache;
        cache.store(QStringLiteral("be"), token("{\"access_token\":\"t\",\"expires_in\":\"1h\"}"));
        QVERIFY(!cache.peek(QStringLiteral("be")));
        cache.store(QStringLiteral("be"), token("{\"access_token\":\"t\"}"));
        QVERIFY(!cache.lookup(QStringLiteral("be")));
        // A TTL-0 token also replaces an older cached one: Couper would request again next time.
        cache.store(QStringLiteral("be"), token("{\"access_token\":\"old\",\"expires_in\":60}"));
        QVERIFY(cache.lookup(QStringLiteral("be")));
        cache.store(QStringLiteral("be"), token("{\"access_token\":\"new\"}"));
        QVERIFY(!cache.lookup(QStringLiteral("be")));
    }

    void otherConfiguration_notReused_forgetDrops()
    {
        TokenCache cache;
        TokenRequestSpec a;
        a.setTokenEndpoint(QUrl(QStringLiteral("https://as/token"))).setClient(QStringLiteral("c"), QStringLiteral("s"));
        TokenRequestSpec b = a;
        b.setScope(QStringLiteral("api:write"));
        QVERIFY(TokenCache::fingerprintOf(a) != TokenCache::fingerprintOf(b));
        cache.store(QStringLiteral("be"), token("{\"access_token\":\"t\",\"expires_in\":60}"), TokenCache::fingerprintOf(a));
        QVERIFY(cache.lookup(QStringLiteral("be"), TokenCache::fingerprintOf(a)));
        QVERIFY(!cache.lookup(QStringLiteral("be"), TokenCache::fingerprintOf(b)));
        QSignalSpy changed(&cache, &TokenCache::changed);
        cache.forget(QStringLiteral("be"));
        QCOMPARE(changed.size(), 1);
        QVERIFY(!cache.peek(QStringLiteral("be")));
    }
};

QTEST_GUILESS_MAIN(TestTokenCache)
#include "tst_tokencache.moc"
