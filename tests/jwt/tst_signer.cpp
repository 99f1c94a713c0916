#include "jwt/base64url.h"
#include "jwt/clientassertion.h"
#include "jwt/decodedtoken.h"
#include "jwt/signature.h"
#include "jwt/signer.h"
#include "jwt/verifier.h"
#include "util/testsupport.h"
#include "jwttesthelpers.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace Tokenbench::Core;
using namespace Tokenbench::Core::Jwt;
using Tokenbench::Test::readData;

namespace {

const QDateTime Now = QDateTime::fromMSecsSinceEpoch(1700000000250, QTimeZone::utc());

JwtKey jwk(const char* file)
{
    return *JwtKey::fromJwkJson(readData(QStringLiteral("jwt/") + QLatin1String(file)));
}

SecureBytes fixture(const char* file)
{
    return SecureBytes(QByteArrayView(readData(QStringLiteral("jwt/") + QLatin1String(file))));
}

DecodedToken decoded(const Result<QByteArray>& token)
{
    if (!token)
        qFatal("signing failed: %s", Tokenbench::Test::why(token).constData());
    return *decodeToken(*token);
}

} // namespace

class TestSigner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void deterministicAlgorithms_reproduceRfcSignatures()
    {
        // HS256 (RFC 7515 A.1), RS256 (A.2, PKCS#1 v1.5 is deterministic), EdDSA (RFC 8037 A.4).
        const struct
        {
            const char* token;
            const char* key;
            Algorithm alg;
        } cases[] = {{"rfc7515-a1-hs256.jwt", "rfc7515-a1-hmac.jwk.json", Algorithm::HS256},
                     {"rfc7515-a2-rs256.jwt", "rfc7515-a2-rsa.jwk.json", Algorithm::RS256},
                     {"rfc8037-a4-ed25519.jws", "rfc8037-a1-ed25519.jwk.json", Algorithm::EdDSA}};
        for (const auto& c : cases) {
            const DecodedToken t = *decodeToken(readData(QStringLiteral("jwt/") + QLatin1String(c.token)));
            auto sig = createSignature(c.alg, jwk(c.key), t.signingInput);
            QVERIFY2(sig.ok(), Tokenbench::Test::why(sig).constData());
            QCOMPARE(*sig, t.signature);
        }
    }

    void header_sortedCompactWithDefaultTyp()
    {
        auto signer = JwtSigner::create(Algorithm::ES256, jwk("rfc7515-a3-p256.jwk.json"),
                                        {{QStringLiteral("kid"), QStringLiteral("k1")}});
        QVERIFY2(signer.ok(), Tokenbench::Test::why(signer).constData());
        const DecodedToken t = decoded(signer->sign({{QStringLiteral("sub"), QStringLiteral("x")},
                                                     {QStringLiteral("aud"), QStringLiteral("<api>")},
                                                     {QStringLiteral("exp"), 1700000000}}));
        QCOMPARE(t.headerBytes, QByteArray(R"({"alg":"ES256","kid":"k1","typ":"JWT"})"));
        QCOMPARE(t.payloadBytes, QByteArray(R"({"aud":"\u003capi\u003e","exp":1700000000,"sub":"x"})"));
        QVERIFY(!t.parts.at(0).contains('=') && !t.parts.at(1).contains('=') && !t.parts.at(2).contains('='));
        QCOMPARE(t.signature.size(), 64);
    }

    void header_typCanBeOverriddenAlgCannot()
    {
        const JwtKey key = jwk("rfc7515-a1-hmac.jwk.json");
        auto signer = JwtSigner::create(QStringLiteral("HS256"), key, {{QStringLiteral("typ"), QStringLiteral("at+jwt")}});
        QCOMPARE(decoded(signer->sign({})).headerBytes, QByteArray(R"({"alg":"HS256","typ":"at+jwt"})"));

        auto alg = JwtSigner::create(QStringLiteral("HS256"), key, {{QStringLiteral("alg"), QStringLiteral("none")}});
        QVERIFY(!alg.ok());
        QCOMPARE(alg.error().message, QStringLiteral("\"alg\" cannot be set via \"headers\""));

        auto unknown = JwtSigner::create(QStringLiteral("HS1024"), key);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().message, QStringLiteral("algorithm is not supported"));
    }

    void signing_refusesWrongOrPublicKeys()
    {
        auto pub = JwtKey::fromPem(readData(QStringLiteral("jwt/rsa-2048-public.pem")));
        auto s = JwtSigner::create(Algorithm::RS256, *pub);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(QStringLiteral("needs a private key")), Tokenbench::Test::why(s).constData());
        auto hs = JwtSigner::create(Algorithm::HS256, *JwtKey::fromPem(readData(QStringLiteral("jwt/rsa-2048-pkcs8-private.pem"))));
        QVERIFY(!hs.ok());
        QVERIFY(hs.error().message.contains(QStringLiteral("algorithm-confusion")));
    }

    void everyAlgorithm_signsWhatTheVerifierAccepts()
    {
        const JwtKey rsa = *JwtKey::generateRsa(2048);
        const JwtKey ed = *JwtKey::generateEd25519();
        for (Algorithm alg : allAlgorithms()) {
            JwtKey key;
            switch (keyTypeFor(alg)) {
            case KeyType::Hmac:
                key = JwtKey::fromSecret(SecureBytes(QByteArrayView(QByteArray(hashSize(alg), 'h'))));
                break;
            case KeyType::Rsa:
                key = rsa;
                break;
            case KeyType::Ec:
                key = *JwtKey::generateEc(requiredCurve(alg));
                break;
            case KeyType::Ed25519:
                key = ed;
                break;
            case KeyType::None:
                QFAIL("no key type");
            }
            auto signer = JwtSigner::create(alg, key);
            QVERIFY2(signer.ok(), Tokenbench::Test::why(signer).constData());
            auto token = signer->sign({{QStringLiteral("sub"), QStringLiteral("s")}});
            QVERIFY2(token.ok(), Tokenbench::Test::why(token).constData());
            const JwtKey verifyKey = key.type() == KeyType::Hmac ? key : *JwtKey::fromJwk(*key.toPublicJwk());
            const Verification v = verifyToken(*token, verifyKey);
            QVERIFY2(v.isValid(), qPrintable(algorithmName(alg) + QStringLiteral(": ") + v.message));
        }
    }

    void profileKey_followsCouperRules()
    {
        // HS*: the bytes as read, trailing newline included.
        auto hs = profileKey(Algorithm::HS256, SecureBytes(QByteArrayView("my secret\n")));
        QVERIFY(hs.ok());
        QCOMPARE(hs->secret().view(), QByteArrayView("my secret\n"));
        // RS*/ES*: PEM private keys, PKCS#1, PKCS#8 and SEC1.
        QVERIFY(profileKey(Algorithm::RS256, fixture("rsa-2048-pkcs1-private.pem")).ok());
        QVERIFY(profileKey(Algorithm::RS256, fixture("rsa-2048-pkcs8-private.pem")).ok());
        QVERIFY(profileKey(Algorithm::ES256, fixture("ec-p256-sec1-private.pem")).ok());
        auto bad = profileKey(Algorithm::RS256, SecureBytes(QByteArrayView("not a key")));
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.startsWith(QStringLiteral("invalid key: Key must be a PEM encoded PKCS1 or PKCS8 key")),
                 Tokenbench::Test::why(bad).constData());
    }

    void profile_ttlParsedAsGoDuration()
    {
        auto bad = SigningProfile::fromKeyMaterial(QStringLiteral("HS256"), SecureBytes(QByteArrayView("k")), QStringLiteral("10"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().message, QStringLiteral("time: missing unit in duration \"10\""));
        auto alg = SigningProfile::fromKeyMaterial(QStringLiteral("PS999"), SecureBytes(QByteArrayView("k")), QStringLiteral("1h"));
        QCOMPARE(alg.error().message, QStringLiteral("algorithm is not supported"));
        auto ok = SigningProfile::fromKeyMaterial(QStringLiteral("HS256"), SecureBytes(QByteArrayView("k")), QStringLiteral("1h30m"));
        QVERIFY2(ok.ok(), Tokenbench::Test::why(ok).constData());
        QCOMPARE(ok->ttlNanoseconds(), qint64(5400) * 1000000000);
        // now = 1700000000.250 s; + 90 min = 1700005400.250 -> Unix() 1700005400.
        QCOMPARE(ok->expiryAt(Now), qint64(1700005400));
    }

    void jwtSignFunction_expOnlyWithTtlAndCallClaimsWin()
    {
        const QJsonObject profileClaims{{QStringLiteral("iss"), QStringLiteral("couper")}, {QStringLiteral("exp"), 1}};
        auto zero = SigningProfile::fromKeyMaterial(QStringLiteral("HS256"), SecureBytes(QByteArrayView("k")), QStringLiteral("0"),
                                                    {{QStringLiteral("iss"), QStringLiteral("couper")}});
        DecodedToken t = decoded(zero->signForFunction({{QStringLiteral("sub"), QStringLiteral("me")}}, Now));
        QCOMPARE(t.payloadBytes, QByteArray(R"({"iss":"couper","sub":"me"})"));

        auto hour = SigningProfile::fromKeyMaterial(QStringLiteral("HS256"), SecureBytes(QByteArrayView("k")), QStringLiteral("1h"),
                                                    profileClaims);
        t = decoded(hour->signForFunction({{QStringLiteral("iss"), QStringLiteral("caller")}}, Now));
        QCOMPARE(t.payloadBytes, QByteArray(R"({"exp":1700003600,"iss":"caller"})"));
    }

    void jwtBearerAssertion_onlyAddsExp()
    {
        auto profile = SigningProfile::fromKeyMaterial(QStringLiteral("RS256"), fixture("rsa-2048-pkcs8-private.pem"),
                                                       QStringLiteral("0"),
                                                       {{QStringLiteral("sub"), QStringLiteral("svc")}},
                                                       {{QStringLiteral("kid"), QStringLiteral("rsa-1")}});
        QVERIFY2(profile.ok(), Tokenbench::Test::why(profile).constData());
        const DecodedToken t = decoded(profile->signJwtBearerAssertion(Now));
        QCOMPARE(t.payloadBytes, QByteArray(R"({"exp":1700000000,"sub":"svc"})")); // ttl 0: exp = now
        QCOMPARE(t.headerBytes, QByteArray(R"({"alg":"RS256","kid":"rsa-1","typ":"JWT"})"));
        QVERIFY(verifyToken(*profile->signJwtBearerAssertion(Now),
                            *JwtKey::fromPem(readData(QStringLiteral("jwt/rsa-2048-public.pem")))).isValid());
    }

    void clientAssertion_claimsExactlyAsCouper()
    {
        // Profile claims try to set iss and sub; Couper always overwrites them with the client_id.
        auto profile = SigningProfile::fromKeyMaterial(QStringLiteral("ES256"), fixture("ec-p256-sec1-private.pem"),
                                                       QStringLiteral("5m"),
                                                       {{QStringLiteral("iss"), QStringLiteral("spoof")},
                                                        {QStringLiteral("sub"), QStringLiteral("spoof")},
                                                        {QStringLiteral("custom"), true}});
        QVERIFY2(profile.ok(), Tokenbench::Test::why(profile).constData());
        ClientAssertion assertion(*profile, QStringLiteral("my_clid"), QStringLiteral("https://as.example/token"));
        assertion.setClock([] { return Now; });
        const DecodedToken t = decoded(assertion.create());
        const QJsonObject& c = t.payload;
        QCOMPARE(c.size(), 7);
        QCOMPARE(c.value(QStringLiteral("iss")).toString(), QStringLiteral("my_clid"));
        QCOMPARE(c.value(QStringLiteral("sub")).toString(), QStringLiteral("my_clid"));
        QCOMPARE(c.value(QStringLiteral("aud")).toString(), QStringLiteral("https://as.example/token"));
        QCOMPARE(c.value(QStringLiteral("iat")).toInteger(), qint64(1700000000));
        QCOMPARE(c.value(QStringLiteral("exp")).toInteger(), qint64(1700000300));
        QCOMPARE(c.value(QStringLiteral("custom")).toBool(), true);
        const QRegularExpression jti(QStringLiteral("^client_assertion-[a-v0-9]{20}$"));
        QVERIFY2(jti.match(c.value(QStringLiteral("jti")).toString()).hasMatch(), qPrintable(c.value(QStringLiteral("jti")).toString()));
        QCOMPARE(t.header.value(QStringLiteral("typ")).toString(), QStringLiteral("JWT"));
        const JwtKey pub = *JwtKey::fromPem(readData(QStringLiteral("jwt/ec-p256-certificate.pem")));
        QVERIFY(verifyToken(*assertion.create(), pub).isValid());
    }

    void clientAssertion_keepsProfileAudAndOmitsEmptyEndpoint()
    {
        auto withAud = SigningProfile::fromKeyMaterial(QStringLiteral("HS256"), SecureBytes(QByteArrayView("client secret")),
                                                       QStringLiteral("1m"), {{QStringLiteral("aud"), QStringLiteral("https://issuer.example")}});
        ClientAssertion a(*withAud, QStringLiteral("c"), QStringLiteral("https://as.example/token"));
        QCOMPARE(a.claimsAt(Now, QStringLiteral("j")).value(QStringLiteral("aud")).toString(), QStringLiteral("https://issuer.example"));

        auto plain = SigningProfile::fromKeyMaterial(QStringLiteral("HS256"), SecureBytes(QByteArrayView("client secret")), QStringLiteral("1m"));
        ClientAssertion noEndpoint(*plain, QStringLiteral("c"), QString());
        QVERIFY(!noEndpoint.claimsAt(Now, QStringLiteral("j")).contains(QStringLiteral("aud")));
        // client_secret_jwt: the HMAC key is the client_secret, short or not (Couper does not check).
        noEndpoint.setIdGenerator([] { return QStringLiteral("client_assertion-0123456789abcdefghij"); });
        noEndpoint.setClock([] { return Now; });
        const DecodedToken t = decoded(noEndpoint.create());
        QCOMPARE(t.payloadBytes,
                 QByteArray(R"({"exp":1700000060,"iat":1700000000,"iss":"c","jti":"client_assertion-0123456789abcdefghij","sub":"c"})"));
        VerifyOptions lenient;
        lenient.keyPolicy.allowShortHmacSecret = true;
        QVERIFY(verifyToken(*noEndpoint.create(), JwtKey::fromSecret(SecureBytes(QByteArrayView("client secret"))), lenient).isValid());
    }

    void newJti_isUniqueBase32Hex()
    {
        const QRegularExpression re(QStringLiteral("^client_assertion-[a-v0-9]{20}$"));
        QSet<QString> seen;
        for (int i = 0; i < 200; ++i) {
            const QString id = ClientAssertion::newJti();
            QVERIFY2(re.match(id).hasMatch(), qPrintable(id));
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 200);
    }
};

QTEST_GUILESS_MAIN(TestSigner)
#include "tst_signer.moc"
