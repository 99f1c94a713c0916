#include "jwt/base64url.h"
#include "jwt/decodedtoken.h"
#include "jwt/jwtkey.h"
#include "jwt/signature.h"
#include "jwt/signer.h"
#include "jwt/verifier.h"
#include "util/testsupport.h"
#include "jwttesthelpers.h"

#include <QJsonDocument>
#include <QTest>

using namespace Tokenbench::Core;
using namespace Tokenbench::Core::Jwt;
using Tokenbench::Test::readData;
using Status = Verification::Status;

Q_DECLARE_METATYPE(Tokenbench::Core::Jwt::Verification::Status)

namespace {

JwtKey jwk(const char* file)
{
    auto key = JwtKey::fromJwkJson(readData(QStringLiteral("jwt/") + QLatin1String(file)));
    if (!key)
        qFatal("bad fixture %s: %s", file, Tokenbench::Test::why(key).constData());
    return *key;
}

JwtKey pem(const char* file)
{
    auto key = JwtKey::fromPem(readData(QStringLiteral("jwt/") + QLatin1String(file)));
    if (!key)
        qFatal("bad fixture %s: %s", file, Tokenbench::Test::why(key).constData());
    return *key;
}

JwtKey publicOnly(const JwtKey& key)
{
    return *JwtKey::fromJwk(*key.toPublicJwk());
}

// A compact token from raw header JSON and payload bytes, signed with `alg` and `key`.
QByteArray handMade(const QByteArray& headerJson, const QByteArray& payload, Algorithm alg, const JwtKey& key,
                    const KeyPolicy& policy = {})
{
    const QByteArray input = Base64Url::encode(headerJson) + '.' + Base64Url::encode(payload);
    auto sig = createSignature(alg, key, input, policy);
    if (!sig)
        qFatal("signing failed: %s", Tokenbench::Test::why(sig).constData());
    return input + '.' + Base64Url::encode(*sig);
}

QByteArray replacePart(const QByteArray& token, int index, const QByteArray& part)
{
    QByteArrayList parts = token.split('.');
    parts[index] = part;
    return parts.join('.');
}

} // namespace

class TestVerifier final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void rfcVectors_verify_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("alg");
        QTest::newRow("RFC 7515 A.1 HS256") << QStringLiteral("rfc7515-a1-hs256.jwt") << QStringLiteral("rfc7515-a1-hmac.jwk.json") << QStringLiteral("HS256");
        QTest::newRow("RFC 7515 A.2 RS256") << QStringLiteral("rfc7515-a2-rs256.jwt") << QStringLiteral("rfc7515-a2-rsa.jwk.json") << QStringLiteral("RS256");
        QTest::newRow("RFC 7515 A.3 ES256") << QStringLiteral("rfc7515-a3-es256.jwt") << QStringLiteral("rfc7515-a3-p256.jwk.json") << QStringLiteral("ES256");
        QTest::newRow("RFC 7515 A.4 ES512") << QStringLiteral("rfc7515-a4-es512.jws") << QStringLiteral("rfc7515-a4-p521.jwk.json") << QStringLiteral("ES512");
        QTest::newRow("RFC 8037 A.4 EdDSA") << QStringLiteral("rfc8037-a4-ed25519.jws") << QStringLiteral("rfc8037-a1-ed25519.jwk.json") << QStringLiteral("EdDSA");
    }

    void rfcVectors_verify()
    {
        QFETCH(QString, token);
        QFETCH(QString, key);
        QFETCH(QString, alg);
        const QByteArray compact = readData(QStringLiteral("jwt/") + token);
        auto k = JwtKey::fromJwkJson(readData(QStringLiteral("jwt/") + key));
        QVERIFY2(k.ok(), Tokenbench::Test::why(k).constData());
        const JwtKey verifyKey = k->type() == KeyType::Hmac ? *k : publicOnly(*k);
        const Verification v = verifyToken(compact, verifyKey);
        QVERIFY2(v.isValid(), qPrintable(v.message));
        QCOMPARE(algorithmName(*v.algorithm), alg);
    }

    void rfcVectors_tampered_rejected_data()
    {
        rfcVectors_verify_data();
    }

    void rfcVectors_tampered_rejected()
    {
        QFETCH(QString, token);
        QFETCH(QString, key);
        const QByteArray compact = readData(QStringLiteral("jwt/") + token);
        const JwtKey k = *JwtKey::fromJwkJson(readData(QStringLiteral("jwt/") + key));
        const DecodedToken decoded = *decodeToken(compact);

        // Payload: one character of the decoded payload changed.
        QByteArray payload = decoded.payloadBytes;
        payload[0] = static_cast<char>(payload.at(0) ^ 0x01);
        Verification v = verifyToken(replacePart(compact, 1, Base64Url::encode(payload)), k);
        QCOMPARE(v.status, Status::InvalidSignature);
        QVERIFY2(v.message.contains(QStringLiteral("does not match")), qPrintable(v.message));

        // Header: same alg, one more member.
        QJsonObject header = decoded.header;
        header.insert(QStringLiteral("kid"), QStringLiteral("mallory"));
        v = verifyToken(replacePart(compact, 0, Base64Url::encode(QJsonDocument(header).toJson(QJsonDocument::Compact))), k);
        QCOMPARE(v.status, Status::InvalidSignature);

        // Signature: one bit flipped in the middle.
        QByteArray sig = decoded.signature;
        sig[sig.size() / 2] = static_cast<char>(sig.at(sig.size() / 2) ^ 0x10);
        v = verifyToken(replacePart(compact, 2, Base64Url::encode(sig)), k);
        QCOMPARE(v.status, Status::InvalidSignature);

        // Signature: truncated by one byte.
        v = verifyToken(replacePart(compact, 2, Base64Url::encode(decoded.signature.chopped(1))), k);
        QCOMPARE(v.status, Status::InvalidSignature);

        // Signature removed.
        v = verifyToken(replacePart(compact, 2, QByteArray()), k);
        QCOMPARE(v.status, Status::InvalidSignature);
    }

    void rfcVectors_otherKey_rejected()
    {
        const JwtKey otherRsa = pem("rsa-2048-public.pem");
        const Verification v = verifyToken(readData(QStringLiteral("jwt/rfc7515-a2-rs256.jwt")), otherRsa);
        QCOMPARE(v.status, Status::InvalidSignature);
    }

    void algNone_refused()
    {
        const Verification v = verifyToken(readData(QStringLiteral("jwt/alg-none.jwt")), jwk("rfc7515-a1-hmac.jwk.json"));
        QCOMPARE(v.status, Status::Refused);
        QVERIFY2(v.message.contains(QStringLiteral("\"none\"")) && v.message.contains(QStringLiteral("RFC 8725")),
                 qPrintable(v.message));
        // Case variants are refused too.
        const QByteArray variant = "eyJhbGciOiJOb05lIn0.e30."; // {"alg":"NoNe"}
        QCOMPARE(verifyToken(variant, jwk("rfc7515-a1-hmac.jwk.json")).status, Status::Refused);
    }

    void hs256WithRsaPublicKey_confusionRefused()
    {
        // The classic attack: HMAC over the token with the server's public key PEM as the secret.
        const QByteArray publicPem = readData(QStringLiteral("jwt/rsa-2048-public.pem"));
        const QByteArray forged = handMade(R"({"alg":"HS256","typ":"JWT"})", R"({"sub":"admin"})", Algorithm::HS256,
                                           JwtKey::fromSecret(SecureBytes(QByteArrayView(publicPem))));
        const Verification v = verifyToken(forged, pem("rsa-2048-public.pem"));
        QCOMPARE(v.status, Status::Refused);
        QVERIFY2(v.message.contains(QStringLiteral("algorithm-confusion")), qPrintable(v.message));

        // In a key set an RSA key is never tried for HS256.
        JwkSet set;
        set.addKey(pem("rsa-2048-public.pem"));
        const Verification s = verifyToken(forged, set);
        QCOMPARE(s.status, Status::NoUsableKey);
    }

    void algKeyMismatch_refused_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("keyFile");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("RS256 with EC key") << QStringLiteral("rfc7515-a2-rs256.jwt") << QStringLiteral("ec-p256-pkcs8-private.pem") << QStringLiteral("needs an RSA key");
        QTest::newRow("ES512 with P-256 key") << QStringLiteral("rfc7515-a4-es512.jws") << QStringLiteral("ec-p256-pkcs8-private.pem") << QStringLiteral("curve P-521");
        QTest::newRow("EdDSA with RSA key") << QStringLiteral("rfc8037-a4-ed25519.jws") << QStringLiteral("rsa-2048-public.pem") << QStringLiteral("needs an Ed25519 key");
        QTest::newRow("ES256 with Ed25519 key") << QStringLiteral("rfc7515-a3-es256.jwt") << QStringLiteral("ed25519-private.pem") << QStringLiteral("needs an EC P-256 key");
    }

    void algKeyMismatch_refused()
    {
        QFETCH(QString, token);
        QFETCH(QString, keyFile);
        QFETCH(QString, fragment);
        const Verification v = verifyToken(readData(QStringLiteral("jwt/") + token), pem(qPrintable(keyFile)));
        QCOMPARE(v.status, Status::Refused);
        QVERIFY2(v.message.contains(fragment), qPrintable(v.message));
    }

    void shortRsaKey_refused()
    {
        const JwtKey weak = pem("rsa-1024-too-short-private.pem");
        const QByteArray token = handMade(R"({"alg":"RS256"})", R"({"sub":"x"})", Algorithm::RS256, weak, {false, true});
        const Verification v = verifyToken(token, weak);
        QCOMPARE(v.status, Status::Refused);
        QVERIFY2(v.message.contains(QStringLiteral("1024 bits")), qPrintable(v.message));
        VerifyOptions lenient;
        lenient.keyPolicy.allowShortRsaKey = true;
        QVERIFY(verifyToken(token, weak, lenient).isValid());
    }

    void shortHmacSecret_refused()
    {
        const JwtKey weak = JwtKey::fromSecret(SecureBytes(QByteArrayView("only-20-bytes-secret")));
        const QByteArray token = handMade(R"({"alg":"HS256"})", R"({"sub":"x"})", Algorithm::HS256, weak, {true, false});
        const Verification v = verifyToken(token, weak);
        QCOMPARE(v.status, Status::Refused);
        QVERIFY2(v.message.contains(QStringLiteral("at least 32 bytes")) && v.message.contains(QStringLiteral("has 20")),
                 qPrintable(v.message));
        // 48 bytes are enough for HS256 but not for HS512.
        const JwtKey mid = JwtKey::fromSecret(SecureBytes(QByteArrayView(QByteArray(48, 'k'))));
        QVERIFY(verifyToken(handMade(R"({"alg":"HS256"})", "{}", Algorithm::HS256, mid), mid).isValid());
        const QByteArray hs512 = handMade(R"({"alg":"HS512"})", "{}", Algorithm::HS512, mid, {true, false});
        QCOMPARE(verifyToken(hs512, mid).status, Status::Refused);
    }

    void critHeaders_checked_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QStringList>("understood");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("unknown") << QByteArray(R"({"alg":"HS256","crit":["exp"],"exp":1363284000})") << QStringList()
                                 << false << QStringLiteral("not understood");
        QTest::newRow("understood") << QByteArray(R"({"alg":"HS256","crit":["exp"],"exp":1363284000})")
                                    << QStringList{QStringLiteral("exp")} << true << QString();
        QTest::newRow("registered") << QByteArray(R"({"alg":"HS256","crit":["alg"]})") << QStringList{QStringLiteral("alg")}
                                    << false << QStringLiteral("defined by the JWS specification");
        QTest::newRow("absent") << QByteArray(R"({"alg":"HS256","crit":["x"]})") << QStringList{QStringLiteral("x")}
                                << false << QStringLiteral("no such parameter");
        QTest::newRow("empty") << QByteArray(R"({"alg":"HS256","crit":[]})") << QStringList() << false
                               << QStringLiteral("non-empty array");
        QTest::newRow("b64 false") << QByteArray(R"({"alg":"HS256","b64":false,"crit":["b64"]})")
                                   << QStringList{QStringLiteral("b64")} << false << QStringLiteral("RFC 7797");
    }

    void critHeaders_checked()
    {
        QFETCH(QByteArray, header);
        QFETCH(QStringList, understood);
        QFETCH(bool, valid);
        QFETCH(QString, fragment);
        const JwtKey key = jwk("rfc7515-a1-hmac.jwk.json");
        VerifyOptions options;
        options.understoodCriticalHeaders = understood;
        const Verification v = verifyToken(handMade(header, R"({"sub":"x"})", Algorithm::HS256, key), key, options);
        QCOMPARE(v.isValid(), valid);
        if (!valid) {
            QCOMPARE(v.status, Status::Refused);
            QVERIFY2(v.message.contains(fragment), qPrintable(v.message));
        }
    }

    void headerProblems_refused()
    {
        const JwtKey key = jwk("rfc7515-a1-hmac.jwk.json");
        Verification v = verifyToken(handMade(R"({"typ":"JWT"})", "{}", Algorithm::HS256, key), key);
        QCOMPARE(v.status, Status::Refused);
        QVERIFY(v.message.contains(QStringLiteral("no \"alg\"")));
        v = verifyToken(handMade(R"({"alg":"HS257"})", "{}", Algorithm::HS256, key), key);
        QCOMPARE(v.status, Status::Refused);
        QVERIFY(v.message.contains(QStringLiteral("unsupported algorithm \"HS257\"")));
        VerifyOptions onlyEs;
        onlyEs.allowedAlgorithms = {Algorithm::ES256};
        v = verifyToken(readData(QStringLiteral("jwt/rfc7515-a1-hs256.jwt")), key, onlyEs);
        QCOMPARE(v.status, Status::Refused);
        QVERIFY2(v.message.contains(QStringLiteral("only ES256")), qPrintable(v.message));
    }

    void jwkAlgAndUse_respected()
    {
        JwtKey key = publicOnly(jwk("rfc7515-a2-rsa.jwk.json"));
        key.setJwkAlgorithm(QStringLiteral("PS256"));
        Verification v = verifyToken(readData(QStringLiteral("jwt/rfc7515-a2-rs256.jwt")), key);
        QCOMPARE(v.status, Status::Refused);
        QVERIFY(v.message.contains(QStringLiteral("meant for PS256")));
        key.setJwkAlgorithm(QString());
        key.setUse(QStringLiteral("enc"));
        v = verifyToken(readData(QStringLiteral("jwt/rfc7515-a2-rs256.jwt")), key);
        QCOMPARE(v.status, Status::Refused);
    }

    void encryptedAndMalformed_reported()
    {
        const JwtKey key = jwk("rfc7515-a1-hmac.jwk.json");
        Verification v = verifyToken(readData(QStringLiteral("jwt/encrypted-rsa-oaep.jwe")), key);
        QCOMPARE(v.status, Status::Encrypted);
        QVERIFY(v.message.contains(QStringLiteral("RSA-OAEP-256")));
        v = verifyToken("eyJhbGciOiJIUzI1NiJ9.e30.abc!", key);
        QCOMPARE(v.status, Status::Malformed);
        QVERIFY2(v.message.contains(QStringLiteral("signature (part 3)")), qPrintable(v.message));
    }

    void jwks_selectsByKidElseTriesCompatibleKeys()
    {
        const JwkSet set = *JwkSet::fromJson(readData(QStringLiteral("jwt/rfc-public-keys.jwks.json")));

        // No kid in the RFC tokens: every compatible key is tried.
        Verification v = verifyToken(readData(QStringLiteral("jwt/rfc7515-a3-es256.jwt")), set);
        QVERIFY2(v.isValid(), qPrintable(v.message + v.attempts.join(u'\n')));
        QCOMPARE(v.key.keyId(), QStringLiteral("a3-p256"));
        // The enc-only P-256 key was skipped, the RSA and Ed25519 keys too.
        QVERIFY(v.attempts.join(u'\n').contains(QStringLiteral("encryption-only")) ||
                v.key.keyId() == QStringLiteral("a3-p256"));

        v = verifyToken(readData(QStringLiteral("jwt/rfc8037-a4-ed25519.jws")), set);
        QVERIFY2(v.isValid(), qPrintable(v.message));
        QCOMPARE(v.key.keyId(), QStringLiteral("rfc8037"));

        // With a kid, only that key is used.
        const JwtKey rsaPrivate = jwk("rfc7515-a2-rsa.jwk.json");
        const QByteArray withKid = handMade(R"({"alg":"RS256","kid":"2011-04-29"})", R"({"iss":"joe"})", Algorithm::RS256, rsaPrivate);
        v = verifyToken(withKid, set);
        QVERIFY2(v.isValid(), qPrintable(v.message));
        QCOMPARE(v.key.keyId(), QStringLiteral("2011-04-29"));
        QCOMPARE(v.attempts.size(), 1);

        // Unknown kid: falls back to trying the compatible keys, and says so.
        const QByteArray unknownKid = handMade(R"({"alg":"RS256","kid":"rotated"})", R"({"iss":"joe"})", Algorithm::RS256, rsaPrivate);
        v = verifyToken(unknownKid, set);
        QVERIFY2(v.isValid(), qPrintable(v.message));
        QVERIFY(v.attempts.first().contains(QStringLiteral("no key has kid \"rotated\"")));

        // Signed by a key that is not in the set.
        const QByteArray foreign = handMade(R"({"alg":"ES256","kid":"a3-p256"})", "{}", Algorithm::ES256, pem("ec-p256-pkcs8-private.pem"));
        v = verifyToken(foreign, set);
        QCOMPARE(v.status, Status::InvalidSignature);

        // No key for the algorithm at all.
        v = verifyToken(readData(QStringLiteral("jwt/rfc7515-a4-es512.jws")), set);
        QCOMPARE(v.status, Status::NoUsableKey);
        QVERIFY2(v.message.contains(QStringLiteral("ES512")), qPrintable(v.message));
    }

    void ecdsaSignature_convertsBetweenDerAndRaw()
    {
        // RFC 7515 A.3 signature: R and S are each 32 bytes; DER round trip must give them back.
        const DecodedToken t = *decodeToken(readData(QStringLiteral("jwt/rfc7515-a3-es256.jwt")));
        auto der = ecdsaRawToDer(t.signature);
        QVERIFY(der.ok());
        QCOMPARE(static_cast<unsigned char>(der->at(0)), static_cast<unsigned char>(0x30)); // SEQUENCE
        QCOMPARE(*ecdsaDerToRaw(*der, 32), t.signature);
    }
};

QTEST_GUILESS_MAIN(TestVerifier)
#include "tst_verifier.moc"
