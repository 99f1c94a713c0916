#include "jwt/base64url.h"
#include "jwt/claimscheck.h"
#include "jwt/jwtkey.h"
#include "jwt/signer.h"
#include "util/testsupport.h"

#include <limits>

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace Tokenbench::Core;
using namespace Tokenbench::Core::Jwt;
using Tokenbench::Test::readData;

namespace {

const QDateTime Now = QDateTime::fromSecsSinceEpoch(1700000000, QTimeZone::utc());

DecodedToken tokenWith(const QJsonObject& claims, const QString& alg = QStringLiteral("RS256"),
                       const QJsonObject& headers = {})
{
    // Decoding is what is under test; the signature does not matter here, so HS* with a fixed key.
    static const JwtKey key = JwtKey::fromSecret(SecureBytes(QByteArrayView(QByteArray(64, 's'))));
    auto signer = JwtSigner::create(Algorithm::HS512, key, headers);
    auto compact = signer->sign(claims);
    auto decoded = *decodeToken(*compact);
    decoded.header.insert(QStringLiteral("alg"), alg); // the alg whose hash at_hash/c_hash use
    return decoded;
}

// A token whose payload is exactly `payloadJson` (numbers as written, e.g. 1e300 or 30 digits).
DecodedToken tokenFromText(const QByteArray& payloadJson)
{
    const QByteArray compact = Base64Url::encode("{\"alg\":\"HS256\"}") + '.' + Base64Url::encode(payloadJson) + ".c2ln";
    auto decoded = decodeToken(compact);
    if (!decoded)
        qFatal("bad test token: %s", qPrintable(decoded.error().message));
    return *decoded;
}

const ClaimCheck* find(const QList<ClaimCheck>& checks, const char* name)
{
    for (const ClaimCheck& c : checks) {
        if (c.name == QLatin1String(name))
            return &c;
    }
    return nullptr;
}

} // namespace

class TestClaimsCheck final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void rfcToken_isReportedExpired()
    {
        // RFC 7515 A.1: exp 1300819380 = 2011-03-22T18:43:00Z.
        const DecodedToken t = *decodeToken(readData(QStringLiteral("jwt/rfc7515-a1-hs256.jwt")));
        const auto checks = checkClaims(t, {}, Now);
        const ClaimCheck* exp = find(checks, "exp");
        QVERIFY(exp);
        QVERIFY(!exp->passed);
        QVERIFY2(exp->reason.contains(QStringLiteral("expired")) && exp->reason.contains(QStringLiteral("2011-03-22T18:43:00Z")),
                 qPrintable(exp->reason));
        QVERIFY(!allPassed(checks));
        // Just before that moment it is valid, with the remaining time in words.
        const auto before = checkClaims(t, {}, QDateTime::fromSecsSinceEpoch(1300819380 - 240, QTimeZone::utc()));
        QVERIFY(find(before, "exp")->passed);
        QVERIFY2(find(before, "exp")->reason.startsWith(QStringLiteral("expires in 4 min")), qPrintable(find(before, "exp")->reason));
    }

    void expiry_respectsClockSkew()
    {
        const DecodedToken t = tokenWith({{QStringLiteral("exp"), 1700000000 - 30}});
        QVERIFY(!find(checkClaims(t, {}, Now), "exp")->passed);
        ClaimExpectations skew;
        skew.clockSkewSeconds = 60;
        const auto checks = checkClaims(t, skew, Now); // find() points into it: keep it alive
        const ClaimCheck* exp = find(checks, "exp");
        QVERIFY(exp->passed);
        QVERIFY2(exp->reason.contains(QStringLiteral("expired 30 s ago")) && exp->reason.contains(QStringLiteral("clock skew of 1 min")),
                 qPrintable(exp->reason));
    }

    void missingExp_passesUnlessRequired()
    {
        const DecodedToken t = tokenWith({{QStringLiteral("sub"), QStringLiteral("x")}});
        QVERIFY(find(checkClaims(t, {}, Now), "exp")->passed);
        ClaimExpectations required;
        required.requireExpiry = true;
        QVERIFY(!find(checkClaims(t, required, Now), "exp")->passed);
    }

    void notYetValid_reported()
    {
        const DecodedToken t = tokenWith({{QStringLiteral("nbf"), 1700000000 + 3 * 3600 + 300},
                                          {QStringLiteral("iat"), 1700000000 + 600}});
        const auto checks = checkClaims(t, {}, Now);
        QVERIFY(!find(checks, "nbf")->passed);
        QVERIFY2(find(checks, "nbf")->reason.contains(QStringLiteral("not valid yet: becomes valid in 3 h 5 min")),
                 qPrintable(find(checks, "nbf")->reason));
        QVERIFY(!find(checks, "iat")->passed);
        QVERIFY(find(checks, "iat")->reason.contains(QStringLiteral("in the future")));
        ClaimExpectations skew;
        skew.clockSkewSeconds = 900;
        QVERIFY(find(checkClaims(t, skew, Now), "iat")->passed);
        QVERIFY(!find(checkClaims(t, skew, Now), "nbf")->passed);
    }

    void wrongTypes_fail()
    {
        const DecodedToken t = tokenWith({{QStringLiteral("exp"), QStringLiteral("tomorrow")}});
        const auto checks = checkClaims(t, {}, Now); // find() points into it: keep it alive
        const ClaimCheck* exp = find(checks, "exp");
        QVERIFY(!exp->passed);
        QVERIFY(exp->reason.contains(QStringLiteral("not a number")));
    }

    void issuerAudienceTypeAzp_compared()
    {
        const DecodedToken t = tokenWith({{QStringLiteral("iss"), QStringLiteral("https://op.example")},
                                          {QStringLiteral("aud"), QJsonArray{QStringLiteral("client-a"), QStringLiteral("api")}},
                                          {QStringLiteral("azp"), QStringLiteral("client-a")}},
                                         QStringLiteral("RS256"), {{QStringLiteral("typ"), QStringLiteral("application/at+JWT")}});
        ClaimExpectations good;
        good.issuer = QStringLiteral("https://op.example");
        good.audience = QStringLiteral("api");
        good.type = QStringLiteral("at+jwt");
        good.authorizedParty = QStringLiteral("client-a");
        const auto ok = checkClaims(t, good, Now);
        QVERIFY2(allPassed(ok), qPrintable(ok.last().reason));
        QCOMPARE(ok.size(), 5); // exp, iss, aud, typ, azp

        ClaimExpectations bad;
        bad.issuer = QStringLiteral("https://other.example");
        bad.audience = QStringLiteral("client-b");
        bad.type = QStringLiteral("JWT");
        bad.authorizedParty = QStringLiteral("client-b");
        const auto failed = checkClaims(t, bad, Now);
        QVERIFY(!find(failed, "iss")->passed);
        QVERIFY2(find(failed, "iss")->reason.contains(QStringLiteral("\"https://op.example\", but \"https://other.example\"")),
                 qPrintable(find(failed, "iss")->reason));
        QVERIFY(!find(failed, "aud")->passed);
        QVERIFY(find(failed, "aud")->reason.contains(QStringLiteral("not for \"client-b\"")));
        QVERIFY(!find(failed, "typ")->passed);
        QVERIFY(!find(failed, "azp")->passed);
    }

    void azpMissingWithSeveralAudiences_fails()
    {
        const DecodedToken t = tokenWith({{QStringLiteral("aud"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}}});
        ClaimExpectations e;
        e.authorizedParty = QStringLiteral("a");
        QVERIFY(!find(checkClaims(t, e, Now), "azp")->passed);
        const DecodedToken single = tokenWith({{QStringLiteral("aud"), QStringLiteral("a")}});
        QVERIFY(find(checkClaims(single, e, Now), "azp")->passed);
    }

    void idTokenHashes_matchOidcExamples()
    {
        // OpenID Connect Core 1.0 Appendix A.6 (RS256): access token, code and their hashes.
        const QString accessToken = QStringLiteral("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y");
        const QString code = QStringLiteral("Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk");
        const DecodedToken t = tokenWith({{QStringLiteral("nonce"), QStringLiteral("n-0S6_WzA2Mj")},
                                          {QStringLiteral("at_hash"), QStringLiteral("77QmUPtjPfzWtF2AnpK9RQ")},
                                          {QStringLiteral("c_hash"), QStringLiteral("LDktKdoQak3Pk0cnXxCltA")}});
        ClaimExpectations e;
        e.nonce = QStringLiteral("n-0S6_WzA2Mj");
        e.accessToken = accessToken;
        e.authorizationCode = code;
        const auto checks = checkClaims(t, e, Now);
        QVERIFY2(allPassed(checks), qPrintable(checks.last().reason));
        QCOMPARE(*oidcTokenHash(QStringLiteral("RS256"), accessToken.toLatin1()), QStringLiteral("77QmUPtjPfzWtF2AnpK9RQ"));

        ClaimExpectations wrong;
        wrong.nonce = QStringLiteral("other");
        wrong.accessToken = QStringLiteral("another-token");
        const auto failed = checkClaims(t, wrong, Now);
        QVERIFY(!find(failed, "nonce")->passed);
        QVERIFY(!find(failed, "at_hash")->passed);
        QVERIFY(find(failed, "at_hash")->reason.contains(QStringLiteral("does not match")));
    }

    void tokenHash_usesHashOfAlgorithm()
    {
        // Independent values: SHA-384 / SHA-512 of "abc" (FIPS 180-2 examples), left halves.
        QCOMPARE(*oidcTokenHash(QStringLiteral("ES384"), "abc"), QStringLiteral("ywB1P0WjXou1oD1pmsZQBycsMqsO3tFj"));
        QCOMPARE(*oidcTokenHash(QStringLiteral("PS512"), "abc"),
                 QStringLiteral("3a81oZNherrMQXNJriBBMRLm-k6JqX6iCp7u5ktV05o"));
        QCOMPARE(*oidcTokenHash(QStringLiteral("EdDSA"), "abc"), *oidcTokenHash(QStringLiteral("HS512"), "abc"));
        QVERIFY(!oidcTokenHash(QStringLiteral("none"), "abc").ok());
    }

    void extremeTimes_noOverflowAndReadable_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("expPasses"); // as exp
        QTest::addColumn<bool>("nbfPasses"); // the same number as nbf and iat
        QTest::addColumn<QString>("when");   // what the message shows for the date
        QTest::newRow("1e300") << QByteArray("1e300") << true << false << QStringLiteral("after the year 9999");
        QTest::newRow("9e18") << QByteArray("9000000000000000000") << true << false << QStringLiteral("after the year 9999");
        QTest::newRow("just over int64") << QByteArray("9223372036854775808") << true << false
                                         << QStringLiteral("after the year 9999");
        QTest::newRow("30 digits") << QByteArray("999999999999999999999999999999") << true << false
                                   << QStringLiteral("after the year 9999");
        QTest::newRow("max double") << QByteArray("1.7976931348623157e308") << true << false
                                    << QStringLiteral("after the year 9999");
        QTest::newRow("year 10000") << QByteArray("253402300800") << true << false << QStringLiteral("after the year 9999");
        QTest::newRow("year 9999") << QByteArray("253402300799") << true << false << QStringLiteral("9999-12-31T23:59:59Z");
        QTest::newRow("-9e18") << QByteArray("-9000000000000000000") << false << true << QStringLiteral("before the year 1");
        QTest::newRow("-1e300") << QByteArray("-1e300") << false << true << QStringLiteral("before the year 1");
        QTest::newRow("negative") << QByteArray("-1") << false << true << QStringLiteral("1969-12-31T23:59:59Z");
        QTest::newRow("fraction") << QByteArray("1700000000.75") << false << true << QStringLiteral("2023-11-14T22:13:20Z");
    }

    void extremeTimes_noOverflowAndReadable()
    {
        QFETCH(QByteArray, value);
        QFETCH(bool, expPasses);
        QFETCH(bool, nbfPasses);
        QFETCH(QString, when);
        const DecodedToken t = tokenFromText("{\"exp\":" + value + ",\"nbf\":" + value + ",\"iat\":" + value + "}");
        // The largest tolerance a caller can ask for must not overflow either.
        for (qint64 skew : {qint64(0), qint64(60), std::numeric_limits<qint64>::max()}) {
            ClaimExpectations expected;
            expected.clockSkewSeconds = skew;
            const auto checks = checkClaims(t, expected, Now);
            QCOMPARE(checks.size(), 3);
            if (skew == 0) {
                QCOMPARE(find(checks, "exp")->passed, expPasses);
                QCOMPARE(find(checks, "nbf")->passed, nbfPasses);
                QCOMPARE(find(checks, "iat")->passed, nbfPasses);
            }
            for (const ClaimCheck& c : checks) {
                QVERIFY2(c.reason.contains(QLatin1Char('(') + when + QLatin1Char(')')), qPrintable(c.reason));
                QVERIFY2(!c.reason.contains(QStringLiteral("()")) && !c.reason.contains(QStringLiteral("--")) &&
                             !c.reason.contains(QStringLiteral("in -")),
                         qPrintable(c.reason));
            }
        }
    }

    void extremeTimes_distancesInYears()
    {
        const auto checks = checkClaims(tokenFromText("{\"exp\":1e300}"), {}, Now);
        QVERIFY2(find(checks, "exp")->reason.startsWith(QStringLiteral("expires in more than 31")) &&
                     find(checks, "exp")->reason.contains(QStringLiteral("years")),
                 qPrintable(find(checks, "exp")->reason));
        const auto past = checkClaims(tokenFromText("{\"exp\":-1e300}"), {}, Now);
        QVERIFY2(find(past, "exp")->reason.startsWith(QStringLiteral("expired more than 31")),
                 qPrintable(find(past, "exp")->reason));
        // Exactly representable far dates are not "more than".
        const auto exact = checkClaims(tokenFromText("{\"exp\":253402300799}"), {}, Now);
        QVERIFY2(find(exact, "exp")->reason.startsWith(QStringLiteral("expires in 7981 years")),
                 qPrintable(find(exact, "exp")->reason));

        const auto date = NumericDate::fromJson(QJsonValue(1e300));
        QVERIFY(date && date->clamped);
        QCOMPARE(date->seconds, NumericDate::MaxSpan);
        QVERIFY(!NumericDate::fromJson(QJsonValue(QStringLiteral("1"))));
        QCOMPARE(relativeTime(std::numeric_limits<qint64>::min()).left(10), QStringLiteral("more than "));
        QCOMPARE(relativeTime(std::numeric_limits<qint64>::max()).left(13), QStringLiteral("in more than "));
    }

    void relativeTime_readable()
    {
        QCOMPARE(relativeTime(240), QStringLiteral("in 4 min"));
        QCOMPARE(relativeTime(-45), QStringLiteral("45 s ago"));
        QCOMPARE(relativeTime(3600 * 2), QStringLiteral("in 2 h"));
        QCOMPARE(relativeTime(-(86400 * 3 + 5)), QStringLiteral("3 days ago"));
        QCOMPARE(relativeTime(0), QStringLiteral("now"));
        QCOMPARE(relativeTime(86400 * 400), QStringLiteral("in 400 days"));
        QCOMPARE(relativeTime(86400 * 365 * 3), QStringLiteral("in 3 years"));
    }
};

QTEST_GUILESS_MAIN(TestClaimsCheck)
#include "tst_claimscheck.moc"
