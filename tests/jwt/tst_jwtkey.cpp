#include "jwt/jwtkey.h"
#include "jwt/signature.h"
#include "util/testsupport.h"
#include "jwttesthelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Tokenbench::Core;
using namespace Tokenbench::Core::Jwt;
using Tokenbench::Test::readData;

namespace {

QJsonObject jwkFile(const char* name)
{
    return QJsonDocument::fromJson(readData(QStringLiteral("jwt/") + QLatin1String(name))).object();
}

} // namespace

class TestJwtKey final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void privateKeyPem_allFormatsLoad_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("curve");
        QTest::addColumn<int>("bits");
        QTest::newRow("pkcs8 rsa") << QStringLiteral("rsa-2048-pkcs8-private.pem") << int(KeyType::Rsa) << QString() << 2048;
        QTest::newRow("pkcs1 rsa") << QStringLiteral("rsa-2048-pkcs1-private.pem") << int(KeyType::Rsa) << QString() << 2048;
        QTest::newRow("sec1 ec") << QStringLiteral("ec-p256-sec1-private.pem") << int(KeyType::Ec) << QStringLiteral("P-256") << 256;
        QTest::newRow("pkcs8 ec") << QStringLiteral("ec-p256-pkcs8-private.pem") << int(KeyType::Ec) << QStringLiteral("P-256") << 256;
        QTest::newRow("pkcs8 ed25519") << QStringLiteral("ed25519-private.pem") << int(KeyType::Ed25519)
                                       << QStringLiteral("Ed25519") << 256;
    }

    void privateKeyPem_allFormatsLoad()
    {
        QFETCH(QString, file);
        QFETCH(int, type);
        QFETCH(QString, curve);
        QFETCH(int, bits);
        auto key = JwtKey::fromPem(readData(QStringLiteral("jwt/") + file));
        QVERIFY2(key.ok(), Tokenbench::Test::why(key).constData());
        QCOMPARE(int(key->type()), type);
        QVERIFY(key->hasPrivateKey());
        QCOMPARE(key->curve(), curve);
        QCOMPARE(key->bits(), bits);
    }

    void encryptedPem_needsRightPassphrase()
    {
        const QByteArray pem = readData(QStringLiteral("jwt/rsa-2048-encrypted-private.pem"));
        auto none = JwtKey::fromPrivateKeyPem(pem);
        QVERIFY(!none.ok());
        QVERIFY2(none.error().message.contains(QStringLiteral("passphrase is needed")), Tokenbench::Test::why(none).constData());
        auto wrong = JwtKey::fromPrivateKeyPem(pem, SecureBytes(QByteArrayView("wrong")));
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.error().message.contains(QStringLiteral("wrong passphrase")), Tokenbench::Test::why(wrong).constData());
        auto right = JwtKey::fromPrivateKeyPem(pem, SecureBytes(QByteArrayView("tokenbench-passphrase")));
        QVERIFY2(right.ok(), Tokenbench::Test::why(right).constData());
        QCOMPARE(right->type(), KeyType::Rsa);
        // Same key as the unencrypted PKCS#8 file.
        auto plain = JwtKey::fromPem(readData(QStringLiteral("jwt/rsa-2048-pkcs8-private.pem")));
        QCOMPARE(*right->toPublicJwk(), *plain->toPublicJwk());
    }

    void publicPemAndCertificate_matchPrivateKey()
    {
        auto priv = JwtKey::fromPem(readData(QStringLiteral("jwt/rsa-2048-pkcs8-private.pem")));
        auto spki = JwtKey::fromPem(readData(QStringLiteral("jwt/rsa-2048-public.pem")));
        auto pkcs1 = JwtKey::fromPem(readData(QStringLiteral("jwt/rsa-2048-pkcs1-public.pem")));
        QVERIFY2(spki.ok(), Tokenbench::Test::why(spki).constData());
        QVERIFY2(pkcs1.ok(), Tokenbench::Test::why(pkcs1).constData());
        QVERIFY(!spki->hasPrivateKey());
        QVERIFY(!pkcs1->hasPrivateKey());
        QCOMPARE(*spki->toPublicJwk(), *priv->toPublicJwk());
        QCOMPARE(*pkcs1->toPublicJwk(), *priv->toPublicJwk());

        auto ecPriv = JwtKey::fromPem(readData(QStringLiteral("jwt/ec-p256-pkcs8-private.pem")));
        auto cert = JwtKey::fromPem(readData(QStringLiteral("jwt/ec-p256-certificate.pem")));
        QVERIFY2(cert.ok(), Tokenbench::Test::why(cert).constData());
        QVERIFY(!cert->hasPrivateKey());
        QCOMPARE(*cert->toPublicJwk(), *ecPriv->toPublicJwk());
    }

    void badPem_givesClearError()
    {
        auto garbage = JwtKey::fromPem(QByteArrayView("hello"));
        QVERIFY(!garbage.ok());
        QVERIFY(garbage.error().message.contains(QStringLiteral("not a PEM")));
        auto broken = JwtKey::fromPrivateKeyPem(QByteArrayView("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"));
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error().message.contains(QStringLiteral("PEM encoded")), Tokenbench::Test::why(broken).constData());
        auto ssh = JwtKey::fromPem(QByteArrayView("-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n"));
        QVERIFY(!ssh.ok());
        QVERIFY(ssh.error().message.contains(QStringLiteral("OpenSSH")));
    }

    void rfcJwks_loadWithExpectedTypes()
    {
        auto hmac = JwtKey::fromJwk(jwkFile("rfc7515-a1-hmac.jwk.json"));
        QVERIFY2(hmac.ok(), Tokenbench::Test::why(hmac).constData());
        QCOMPARE(hmac->type(), KeyType::Hmac);
        QCOMPARE(hmac->secret().size(), 64);

        auto rsa = JwtKey::fromJwk(jwkFile("rfc7515-a2-rsa.jwk.json"));
        QVERIFY2(rsa.ok(), Tokenbench::Test::why(rsa).constData());
        QCOMPARE(rsa->type(), KeyType::Rsa);
        QVERIFY(rsa->hasPrivateKey());
        QCOMPARE(rsa->bits(), 2048);

        auto p256 = JwtKey::fromJwk(jwkFile("rfc7515-a3-p256.jwk.json"));
        QVERIFY2(p256.ok(), Tokenbench::Test::why(p256).constData());
        QCOMPARE(p256->curve(), QStringLiteral("P-256"));
        QVERIFY(p256->hasPrivateKey());

        auto p521 = JwtKey::fromJwk(jwkFile("rfc7515-a4-p521.jwk.json"));
        QVERIFY2(p521.ok(), Tokenbench::Test::why(p521).constData());
        QCOMPARE(p521->curve(), QStringLiteral("P-521"));
        QCOMPARE(p521->bits(), 521);

        auto ed = JwtKey::fromJwk(jwkFile("rfc8037-a1-ed25519.jwk.json"));
        QVERIFY2(ed.ok(), Tokenbench::Test::why(ed).constData());
        QCOMPARE(ed->type(), KeyType::Ed25519);
        QVERIFY(ed->hasPrivateKey());
    }

    void publicJwkExport_reproducesPublishedMembers()
    {
        // Loading the private JWK and exporting the public part must give back the published values.
        for (const char* file : {"rfc7515-a2-rsa.jwk.json", "rfc7515-a3-p256.jwk.json", "rfc7515-a4-p521.jwk.json",
                                 "rfc8037-a1-ed25519.jwk.json"}) {
            QJsonObject published = jwkFile(file);
            auto key = JwtKey::fromJwk(published);
            QVERIFY2(key.ok(), Tokenbench::Test::why(key).constData());
            auto exported = key->toPublicJwk();
            QVERIFY2(exported.ok(), Tokenbench::Test::why(exported).constData());
            for (const char* priv : {"d", "p", "q", "dp", "dq", "qi"})
                published.remove(QLatin1String(priv));
            QCOMPARE(*exported, published);
        }
    }

    void hmacKey_hasNoPublicJwk()
    {
        const JwtKey key = JwtKey::fromSecret(SecureBytes(QByteArrayView("secret")));
        QVERIFY(!key.toPublicJwk().ok());
    }

    void thumbprint_matchesRfc7638Example()
    {
        // RFC 7638 §3.1 example key and its published thumbprint.
        auto rsa = JwtKey::fromJwkJson(QByteArrayView(
            R"({"kty":"RSA","alg":"RS256","kid":"2011-04-29","e":"AQAB","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"})"));
        QVERIFY2(rsa.ok(), Tokenbench::Test::why(rsa).constData());
        QCOMPARE(*rsa->thumbprint(), QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
        // RFC 8037 A.3: thumbprint of the Ed25519 example key.
        auto ed = JwtKey::fromJwk(jwkFile("rfc8037-a1-ed25519.jwk.json"));
        QCOMPARE(*ed->thumbprint(), QStringLiteral("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"));
    }

    void invalidJwk_givesSpecificError_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("no kty") << QByteArray(R"({"n":"AQAB"})") << QStringLiteral("\"kty\" is missing");
        QTest::newRow("unknown kty") << QByteArray(R"({"kty":"XYZ"})") << QStringLiteral("unsupported JWK key type");
        QTest::newRow("rsa no n") << QByteArray(R"({"kty":"RSA","e":"AQAB"})") << QStringLiteral("\"n\" is missing");
        QTest::newRow("bad base64") << QByteArray(R"({"kty":"oct","k":"ab+c"})") << QStringLiteral("standard-base64");
        QTest::newRow("curve") << QByteArray(R"({"kty":"EC","crv":"secp256k1","x":"AA","y":"AA"})")
                               << QStringLiteral("unsupported EC curve");
        QTest::newRow("short x") << QByteArray(R"({"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA"})")
                                 << QStringLiteral("must be 32 bytes");
        // x and y of the A.3 key with y's last byte changed: not on the curve.
        QTest::newRow("off curve") << QByteArray(R"({"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a4"})")
                                   << QStringLiteral("not");
        QTest::newRow("x25519") << QByteArray(R"({"kty":"OKP","crv":"X25519","x":"AA"})")
                                << QStringLiteral("unsupported OKP curve");
        QTest::newRow("ed25519 mismatch")
            << QByteArray(R"({"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"})")
                   .replace("URo", "URQ")
            << QStringLiteral("does not match");
        const QByteArray p256 = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
                                "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"";
        QTest::newRow("key_ops not an array") << p256 + ",\"key_ops\":\"verify\"}" << QStringLiteral("\"key_ops\" is not an array");
        QTest::newRow("key_ops not strings") << p256 + ",\"key_ops\":[1]}" << QStringLiteral("not a string");
        QTest::newRow("use not a string") << p256 + ",\"use\":true}" << QStringLiteral("\"use\" is not a string");
        QTest::newRow("no crv") << QByteArray("{\"kty\":\"EC\",\"x\":\"AA\",\"y\":\"AA\"}") << QStringLiteral("(no \"crv\")");
        QTest::newRow("even modulus") << QByteArray("{\"kty\":\"RSA\",\"n\":\"AAAAAAAAAAAA\",\"e\":\"AQAB\"}")
                                      << QStringLiteral("not a valid RSA modulus");
        // n of the RFC 7515 A.2 key with e = 1.
        QTest::newRow("exponent 1")
            << QByteArray("{\"kty\":\"RSA\",\"e\":\"AQ\",\"n\":\"ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ\"}")
            << QStringLiteral("not a valid RSA public exponent");
    }

    void keyOps_readAndWritten()
    {
        auto key = JwtKey::fromJwkJson("{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"k\","
                                       "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
                                       "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\",\"key_ops\":[\"verify\"]}");
        QVERIFY2(key.ok(), Tokenbench::Test::why(key).constData());
        QVERIFY(key->keyOperations().has_value());
        QCOMPARE(*key->keyOperations(), QStringList{QStringLiteral("verify")});
        QString why;
        QVERIFY(key->allowsVerifying(&why));
        QVERIFY(!key->allowsSigning(&why));
        QVERIFY2(why.contains(QStringLiteral("does not include \"sign\"")), qPrintable(why));
        QCOMPARE(key->toPublicJwk()->value(QStringLiteral("key_ops")).toArray().size(), 1);
        // Without key_ops: no restriction.
        auto plain = JwtKey::fromJwkJson(readData(QStringLiteral("jwt/rfc7515-a3-p256.jwk.json")));
        QVERIFY(!plain->keyOperations().has_value());
        QVERIFY(plain->allowsVerifying() && plain->allowsSigning());
        QVERIFY(!plain->toPublicJwk()->contains(QStringLiteral("key_ops")));
    }

    void signing_honoursKeyOps()
    {
        auto key = JwtKey::fromJwkJson(readData(QStringLiteral("jwt/rfc7515-a3-p256.jwk.json")));
        QVERIFY(key.ok());
        JwtKey verifyOnly = *key;
        verifyOnly.setKeyOperations(QStringList{QStringLiteral("verify")});
        auto refused = createSignature(Algorithm::ES256, verifyOnly, "input");
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("may not be used to sign")), Tokenbench::Test::why(refused).constData());
        verifyOnly.setKeyOperations(QStringList{QStringLiteral("sign")});
        QVERIFY(createSignature(Algorithm::ES256, verifyOnly, "input").ok());
    }

    void invalidJwk_givesSpecificError()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, fragment);
        auto key = JwtKey::fromJwkJson(json);
        QVERIFY(!key.ok());
        QVERIFY2(key.error().message.contains(fragment), Tokenbench::Test::why(key).constData());
    }

    void jwks_keepsSupportedKeysAndListsSkipped()
    {
        auto set = JwkSet::fromJson(readData(QStringLiteral("jwt/rfc-public-keys.jwks.json")));
        QVERIFY2(set.ok(), Tokenbench::Test::why(set).constData());
        QCOMPARE(set->keys().size(), 4);
        QCOMPARE(set->skipped().size(), 1);
        QVERIFY2(set->skipped().first().contains(QStringLiteral("x25519-unsupported")), qPrintable(set->skipped().first()));
        const QList<JwtKey> byKid = set->keysWithId(QStringLiteral("2011-04-29"));
        QCOMPARE(byKid.size(), 1);
        QCOMPARE(byKid.first().type(), KeyType::Rsa);
        QCOMPARE(byKid.first().jwkAlgorithm(), QStringLiteral("RS256"));
        QCOMPARE(byKid.first().use(), QStringLiteral("sig"));
        QVERIFY(!byKid.first().hasPrivateKey());
    }

    void generatedKeys_roundTripThroughPemAndJwk()
    {
        QList<JwtKey> keys;
        keys.append(*JwtKey::generateRsa(2048));
        for (const char* curve : {"P-256", "P-384", "P-521"})
            keys.append(*JwtKey::generateEc(QString::fromLatin1(curve)));
        keys.append(*JwtKey::generateEd25519());
        for (const JwtKey& key : std::as_const(keys)) {
            QVERIFY(key.hasPrivateKey());
            auto pem = key.toPrivateKeyPem();
            QVERIFY2(pem.ok(), Tokenbench::Test::why(pem).constData());
            QVERIFY(pem->view().startsWith("-----BEGIN PRIVATE KEY-----"));
            auto reloaded = JwtKey::fromPem(pem->view());
            QVERIFY2(reloaded.ok(), Tokenbench::Test::why(reloaded).constData());
            QCOMPARE(*reloaded->toPublicJwk(), *key.toPublicJwk());
            auto pub = JwtKey::fromPem(*key.toPublicKeyPem());
            QVERIFY2(pub.ok(), Tokenbench::Test::why(pub).constData());
            QVERIFY(!pub->hasPrivateKey());
            auto fromJwk = JwtKey::fromJwk(*key.toPublicJwk());
            QVERIFY2(fromJwk.ok(), Tokenbench::Test::why(fromJwk).constData());
            QCOMPARE(*fromJwk->toPublicJwk(), *key.toPublicJwk());
        }
    }

    void exportedPublicKey_matchesOpensslCli()
    {
        // Independent check of the PEM export: the openssl command derives the same public key.
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("openssl command not found");
        const QString file = Tokenbench::Test::dataPath(QStringLiteral("jwt/ec-p256-sec1-private.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("pkey"), QStringLiteral("-in"), file, QStringLiteral("-pubout")});
        QVERIFY(openssl.waitForFinished(30000));
        auto key = JwtKey::fromPem(readData(QStringLiteral("jwt/ec-p256-sec1-private.pem")));
        QCOMPARE(*key->toPublicKeyPem(), openssl.readAllStandardOutput());
    }
};

QTEST_GUILESS_MAIN(TestJwtKey)
#include "tst_jwtkey.moc"
