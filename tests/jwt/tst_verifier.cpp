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
        // RFC 7797: b64 is understood without the caller listing it.
        QTest::newRow("b64 true in crit") << QByteArray("{\"alg\":\"HS256\",\"b64\":true,\"crit\":[\"b64\"]}")
                                          << QStringList() << true << QString();
        QTest::newRow("b64 false without crit")
            << QByteArray("{\"alg\":\"HS256\",\"b64\":false}") << QStringList() << false
            << QStringLiteral("\"crit\" does not list \"b64\"");
        QTest::newRow("b64 not a boolean") << QByteArray("{\"alg\":\"HS256\",\"b64\":\"false\",\"crit\":[\"b64\"]}")
                                           << QStringList() << false << QStringLiteral("must be true or false");
        QTest::newRow("b64 with an unknown crit") << QByteArray("{\"alg\":\"HS256\",\"b64\":true,\"crit\":[\"b64\",\"x\"],\"x\":1}")
                                                  << QStringList() << false << QStringLiteral("\"x\" is not understood");
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

    void unencodedPayload_rfc7797_verifiedOverTheRawBytes()
    {
        const JwtKey key = jwk("rfc7515-a1-hmac.jwk.json");
        // The payload part is the payload itself ("$02" is not base64url); the signature covers
        // BASE64URL(header) '.' payload (RFC 7797 §3), computed here by hand with the RFC 7515 A.1 key.
        const QByteArray header = Base64Url::encode("{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"]}");
        const QByteArray input = header + ".$02";
        const QByteArray sig = Base64Url::encode(*createSignature(Algorithm::HS256, key, input));
        Verification v = verifyToken(QByteArray(input + '.' + sig), key);
        QVERIFY2(v.isValid(), qPrintable(v.message));
        const DecodedToken decoded = *decodeToken(input + '.' + sig);
        QVERIFY(decoded.unencodedPayload);
        QCOMPARE(decoded.payloadBytes, QByteArray("$02"));

        // Changing the raw payload breaks the signature.
        v = verifyToken(QByteArray(header + ".$03." + sig), key);
        QCOMPARE(v.status, Status::InvalidSignature);

        // The same bytes signed as if they were base64url (b64 not honoured) do not verify.
        const QByteArray wrongInput = header + '.' + Base64Url::encode("$02");
        const QByteArray wrongSig = Base64Url::encode(*createSignature(Algorithm::HS256, key, wrongInput));
        QCOMPARE(verifyToken(QByteArray(input + '.' + wrongSig), key).status, Status::InvalidSignature);

        // RFC 7797 §4.2: the example has a detached payload ("$.02" contains a '.'): refused, and says so.
        v = verifyToken(QByteArray("eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19..A5dxf2s96_n5FLueVuW1Z_vh161FwXZC4YLPff6dmDY"),
                        key);
        QCOMPARE(v.status, Status::Refused);
        QVERIFY2(v.message.contains(QStringLiteral("detached")), qPrintable(v.message));

        // RFC 7797 §4.1: the same payload, base64url-encoded the ordinary way, verifies.
        v = verifyToken(QByteArray("eyJhbGciOiJIUzI1NiJ9.JC4wMg.5mvfOroL-g7HyqJoozehmsaqmvTYGEq5jTI1gVvoEoQ"), key);
        QVERIFY2(v.isValid(), qPrintable(v.message));
    }

    void keyOpsAndUse_withoutVerify_neverVerify_data()
    {
        QTest::addColumn<QByteArray>("members");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("key_ops verify") << QByteArray("\"key_ops\":[\"verify\"]") << true << QString();
        QTest::newRow("key_ops sign+verify") << QByteArray("\"key_ops\":[\"sign\",\"verify\"]") << true << QString();
        QTest::newRow("key_ops encrypt") << QByteArray("\"key_ops\":[\"encrypt\",\"wrapKey\"]") << false
                                         << QStringLiteral("does not include \"verify\"");
        QTest::newRow("key_ops sign only") << QByteArray("\"key_ops\":[\"sign\"]") << false
                                           << QStringLiteral("does not include \"verify\"");
        QTest::newRow("key_ops empty") << QByteArray("\"key_ops\":[]") << false << QStringLiteral("allows no operation");
        QTest::newRow("use enc") << QByteArray("\"use\":\"enc\"") << false << QStringLiteral("\"use\" is \"enc\"");
        QTest::newRow("use sig") << QByteArray("\"use\":\"sig\"") << true << QString();
    }

    void keyOpsAndUse_withoutVerify_neverVerify()
    {
        QFETCH(QByteArray, members);
        QFETCH(bool, valid);
        QFETCH(QString, fragment);
        // The RFC 7515 A.3 P-256 key (public part) with the members under test, kid "k".
        const QByteArray jwkJson = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"k\","
                                   "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
                                   "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"," + members + "}";
        const QByteArray token = readData(QStringLiteral("jwt/rfc7515-a3-es256.jwt"));

        // As a single key.
        auto key = JwtKey::fromJwkJson(jwkJson);
        QVERIFY2(key.ok(), Tokenbench::Test::why(key).constData());
        Verification v = verifyToken(token, *key);
        QCOMPARE(v.isValid(), valid);
        if (!valid) {
            QCOMPARE(v.status, Status::Refused);
            QVERIFY2(v.message.contains(fragment), qPrintable(v.message));
        }

        // In a key set (local and remote alike).
        for (JwkSource source : {JwkSource::LocalFile, JwkSource::Remote}) {
            auto set = JwkSet::fromJson(QByteArray("{\"keys\":[" + jwkJson + "]}"), source);
            QVERIFY(set.ok());
            v = verifyToken(token, *set);
            QCOMPARE(v.isValid(), valid);
            if (!valid) {
                QCOMPARE(v.status, Status::NoUsableKey);
                QVERIFY2(v.message.contains(fragment), qPrintable(v.message));
                QVERIFY2(v.attempts.join(u'\n').contains(fragment), qPrintable(v.attempts.join(u'\n')));
            }
        }
    }

    void symmetricJwks_fromUrlNeverUsed_fromFileWithNote()
    {
        const QByteArray token = readData(QStringLiteral("jwt/rfc7515-a1-hs256.jwt"));
        const QByteArray octJwk = readData(QStringLiteral("jwt/rfc7515-a1-hmac.jwk.json")).trimmed();
        QByteArray withKid = octJwk;
        withKid.insert(1, "\"kid\":\"hmac-1\",");
        const QByteArray jwks = "{\"keys\":[" + withKid + "]}";

        // From a URL (the default): left out, and the report says why.
        auto remote = JwkSet::fromJson(jwks);
        QVERIFY(remote.ok());
        QVERIFY(remote->keys().isEmpty());
        QCOMPARE(remote->unusable().size(), 1);
        QCOMPARE(remote->unusable().first().kid, QStringLiteral("hmac-1"));
        QVERIFY2(remote->unusable().first().reason.contains(QStringLiteral("RFC 8725")),
                 qPrintable(remote->unusable().first().reason));
        Verification v = verifyToken(token, *remote);
        QCOMPARE(v.status, Status::NoUsableKey);
        QVERIFY2(v.message.contains(QStringLiteral("symmetric")) && v.message.contains(QStringLiteral("hmac-1")),
                 qPrintable(v.message));
        QCOMPARE(v.unusableKeys.size(), 1);

        // A token naming that kid is told exactly that.
        const JwtKey secret = jwk("rfc7515-a1-hmac.jwk.json");
        const QByteArray named = handMade("{\"alg\":\"HS256\",\"kid\":\"hmac-1\"}", "{}", Algorithm::HS256, secret);
        v = verifyToken(named, *remote);
        QCOMPARE(v.status, Status::NoUsableKey);
        QVERIFY2(v.message.startsWith(QStringLiteral("the token names kid \"hmac-1\", but that entry")), qPrintable(v.message));

        // A single oct JWK from a URL is an error; an HMAC key slipped into a remote set is still skipped.
        QVERIFY(!JwkSet::fromJson(octJwk).ok());
        JwkSet mixed = *remote;
        mixed.addKey(secret);
        QCOMPARE(verifyToken(token, mixed).status, Status::NoUsableKey);

        // From a local file: used, with a note.
        auto local = JwkSet::fromJson(jwks, JwkSource::LocalFile);
        QVERIFY(local.ok());
        QCOMPARE(local->keys().size(), 1);
        QVERIFY(local->unusable().isEmpty());
        v = verifyToken(token, *local);
        QVERIFY2(v.isValid(), qPrintable(v.message));
        QCOMPARE(v.notes.size(), 1);
        QVERIFY2(v.message.contains(QStringLiteral("local file")), qPrintable(v.message));
        auto single = JwkSet::fromJson(octJwk, JwkSource::LocalFile);
        QVERIFY(single.ok());
        QVERIFY(verifyToken(token, *single).isValid());
    }

    void unusableJwksEntries_reportedWithKidAndReason()
    {
        // Crafted entries, each unusable for another reason, next to the RFC 7515 A.3 key.
        const QByteArray x = "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\"";
        const QByteArray jwks =
            "{\"keys\":["
            // y with its last byte changed: off the curve. The kid carries an escape sequence.
            "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"off-curve\\u001b[31m\"," + x + ",\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a4\"},"
            // An even modulus.
            "{\"kty\":\"RSA\",\"kid\":\"even-n\",\"n\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\",\"e\":\"AQAB\"},"
            "{\"kty\":\"XYZ\",\"kid\":\"unknown-kty\"},"
            "{\"kty\":\"EC\",\"crv\":\"secp256k1\",\"kid\":\"unknown-crv\"," + x + ",\"y\":\"AA\"},"
            "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"no-y\"," + x + "},"
            "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"good\"," + x + ",\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}"
            "]}";
        auto set = JwkSet::fromJson(jwks);
        QVERIFY2(set.ok(), Tokenbench::Test::why(set).constData());
        QCOMPARE(set->keys().size(), 1);
        const QList<UnusableJwk> unusable = set->unusable();
        QCOMPARE(unusable.size(), 5);
        QCOMPARE(unusable.at(0).kid, QStringLiteral("off-curve\x1b[31m"));
        QVERIFY2(unusable.at(0).reason.contains(QStringLiteral("not on curve P-256")), qPrintable(unusable.at(0).reason));
        // Shown escaped: the ESC byte never reaches a terminal.
        QVERIFY2(unusable.at(0).text().contains(QStringLiteral("key 1 (kid \"off-curve\\x1b[31m\")")),
                 qPrintable(unusable.at(0).text()));
        QVERIFY(!unusable.at(0).text().contains(QChar(0x1b)));
        QVERIFY2(unusable.at(1).reason.contains(QStringLiteral("modulus")), qPrintable(unusable.at(1).reason));
        QVERIFY2(unusable.at(2).reason.contains(QStringLiteral("unsupported JWK key type \"XYZ\"")), qPrintable(unusable.at(2).reason));
        QVERIFY2(unusable.at(3).reason.contains(QStringLiteral("unsupported EC curve")), qPrintable(unusable.at(3).reason));
        QVERIFY2(unusable.at(4).reason.contains(QStringLiteral("\"y\" is missing")), qPrintable(unusable.at(4).reason));

        // A valid verification still reports them.
        Verification v = verifyToken(readData(QStringLiteral("jwt/rfc7515-a3-es256.jwt")), *set);
        QVERIFY2(v.isValid(), qPrintable(v.message));
        QCOMPARE(v.unusableKeys.size(), 5);
        QVERIFY2(v.message.contains(QStringLiteral("5 entries of the key set could not be used")), qPrintable(v.message));
        QVERIFY(!v.message.contains(QChar(0x1b)));

        // A token whose kid names a broken entry learns why that entry was not used.
        const QByteArray named = handMade("{\"alg\":\"ES256\",\"kid\":\"no-y\"}", "{}", Algorithm::ES256,
                                          jwk("rfc7515-a3-p256.jwk.json"));
        auto broken = JwkSet::fromJson(QByteArray("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"no-y\"," + x + "}]}"));
        QVERIFY(broken.ok());
        v = verifyToken(named, *broken);
        QCOMPARE(v.status, Status::NoUsableKey);
        QVERIFY2(v.message.contains(QStringLiteral("kid \"no-y\"")) && v.message.contains(QStringLiteral("\"y\" is missing")),
                 qPrintable(v.message));
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
