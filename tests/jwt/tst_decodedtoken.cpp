#include "jwt/decodedtoken.h"
#include "jwt/jwtpeek.h"
#include "util/testsupport.h"
#include "jwttesthelpers.h"

#include <QTest>

using namespace Tokenbench::Core::Jwt;
using Tokenbench::Test::readData;

class TestDecodedToken final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void rfc7515A1_decodesHeaderPayloadAndSignature()
    {
        auto token = decodeToken(readData(QStringLiteral("jwt/rfc7515-a1-hs256.jwt")));
        QVERIFY2(token.ok(), Tokenbench::Test::why(token).constData());
        QVERIFY(!token->isEncrypted());
        QCOMPARE(token->algorithm(), QStringLiteral("HS256"));
        QCOMPARE(token->type(), QStringLiteral("JWT"));
        // The exact header octets of RFC 7515 A.1.1 (CRLF and a leading space).
        QCOMPARE(token->headerBytes, QByteArray("{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}"));
        QVERIFY(token->payloadIsObject);
        QCOMPARE(token->payload.value(QStringLiteral("iss")).toString(), QStringLiteral("joe"));
        QCOMPARE(token->payload.value(QStringLiteral("exp")).toInteger(), qint64(1300819380));
        QCOMPARE(token->payload.value(QStringLiteral("http://example.com/is_root")).toBool(), true);
        QCOMPARE(token->signingInput,
                 QByteArray("eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAs"
                            "DQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"));
        // RFC 7515 A.1.1 signature octets.
        const unsigned char sig[] = {116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186,
                                     22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121};
        QCOMPARE(token->signature, QByteArray(reinterpret_cast<const char*>(sig), sizeof sig));
    }

    void nonJsonPayload_isNotAnError()
    {
        auto token = decodeToken(readData(QStringLiteral("jwt/rfc8037-a4-ed25519.jws")));
        QVERIFY2(token.ok(), Tokenbench::Test::why(token).constData());
        QCOMPARE(token->payloadBytes, QByteArray("Example of Ed25519 signing"));
        QVERIFY(!token->payloadIsObject);
        QVERIFY(token->payloadNote.contains(QStringLiteral("not JSON")));
    }

    void unencodedPayload_rfc7797_takenAsItIs()
    {
        // {"alg":"HS256","b64":false,"crit":["b64"]} . $02 . (signature bytes irrelevant here)
        const QByteArray token = "eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19.{\"a\":1}.c2ln";
        auto decoded = decodeToken(token);
        QVERIFY2(decoded.ok(), Tokenbench::Test::why(decoded).constData());
        QVERIFY(decoded->unencodedPayload);
        QCOMPARE(decoded->payloadBytes, QByteArray("{\"a\":1}"));
        QVERIFY(decoded->payloadIsObject);
        QCOMPARE(decoded->payload.value(QStringLiteral("a")).toInt(), 1);
        QCOMPARE(decoded->signingInput, token.left(token.lastIndexOf('.')));
        // Bytes that are no base64url at all are fine in an unencoded payload, not in an encoded one.
        QVERIFY(decodeToken(QByteArray("eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19.$02.c2ln")).ok());
        QVERIFY(!decodeToken(QByteArray("eyJhbGciOiJIUzI1NiJ9.$02.c2ln")).ok());
        // b64 true: the ordinary base64url payload.
        auto encoded = decodeToken(QByteArray("eyJhbGciOiJIUzI1NiJ9.JC4wMg.c2ln"));
        QVERIFY(!encoded->unencodedPayload);
        QCOMPARE(encoded->payloadBytes, QByteArray("$.02"));
    }

    void surroundingWhitespace_isIgnored()
    {
        auto token = decodeToken(QByteArray("  \n" + readData(QStringLiteral("jwt/rfc7515-a2-rs256.jwt")) + "\r\n"));
        QVERIFY2(token.ok(), Tokenbench::Test::why(token).constData());
        QCOMPARE(token->algorithm(), QStringLiteral("RS256"));
    }

    void jwe_returnsProtectedHeaderAndSaysEncrypted()
    {
        auto token = decodeToken(readData(QStringLiteral("jwt/encrypted-rsa-oaep.jwe")));
        QVERIFY2(token.ok(), Tokenbench::Test::why(token).constData());
        QVERIFY(token->isEncrypted());
        QCOMPARE(token->parts.size(), 5);
        QCOMPARE(token->algorithm(), QStringLiteral("RSA-OAEP-256"));
        QCOMPARE(token->header.value(QStringLiteral("enc")).toString(), QStringLiteral("A256GCM"));
        QCOMPARE(token->keyId(), QStringLiteral("enc-1"));
        QVERIFY(token->payloadBytes.isEmpty());
        QVERIFY(token->payloadNote.contains(QStringLiteral("encrypted")));
    }

    void malformed_namesPartAndByte_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QString>("fragment");
        QTest::addColumn<QString>("where");
        QTest::newRow("empty") << QByteArray("   ") << QStringLiteral("empty") << QString();
        QTest::newRow("two parts") << QByteArray("eyJhbGciOiJub25lIn0.e30") << QStringLiteral("this token has 2")
                                   << QString();
        QTest::newRow("four parts") << QByteArray("a.b.c.d") << QStringLiteral("this token has 4") << QString();
        // '!' is byte 3 of the header part and of the token.
        QTest::newRow("header char") << QByteArray("eyJ!bGciOiJIUzI1NiJ9.e30.") << QStringLiteral("header (part 1)")
                                     << QStringLiteral("byte 3");
        // Header "eyJhbGciOiJIUzI1NiJ9" is 20 characters, '.', then '*' at byte 2 of the payload = 23.
        QTest::newRow("payload char") << QByteArray("eyJhbGciOiJIUzI1NiJ9.e3*.") << QStringLiteral("payload (part 2)")
                                      << QStringLiteral("byte 23");
        QTest::newRow("signature char") << QByteArray("eyJhbGciOiJIUzI1NiJ9.e30.abc=")
                                        << QStringLiteral("signature (part 3)") << QStringLiteral("byte 28");
        QTest::newRow("header not json") << QByteArray("bm90IGpzb24.e30.") << QStringLiteral("not valid JSON")
                                         << QString();
        QTest::newRow("header array") << QByteArray("WzFd.e30.") << QStringLiteral("not an object") << QString();
        QTest::newRow("empty header") << QByteArray(".e30.") << QStringLiteral("header (part 1) is empty")
                                      << QStringLiteral("byte 0");
    }

    void malformed_namesPartAndByte()
    {
        QFETCH(QByteArray, token);
        QFETCH(QString, fragment);
        QFETCH(QString, where);
        auto decoded = decodeToken(token);
        QVERIFY(!decoded.ok());
        QVERIFY2(decoded.error().message.contains(fragment), Tokenbench::Test::why(decoded).constData());
        QCOMPARE(decoded.error().where, where);
    }

    void malformedOffset_countsFromUntrimmedInput()
    {
        auto decoded = decodeToken(QByteArray("  eyJ!bGciOiJIUzI1NiJ9.e30."));
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().where, QStringLiteral("byte 5"));
        QVERIFY2(decoded.error().message.contains(QStringLiteral("at byte 3 of the part (byte 5 of the token)")),
                 Tokenbench::Test::why(decoded).constData());
    }

    void jwtPeek_readsJwsAndRejectsOthers()
    {
        const QString rs = QString::fromLatin1(readData(QStringLiteral("jwt/rfc7515-a2-rs256.jwt")));
        QCOMPARE(Tokenbench::Core::JwtPeek::header(rs)->value(QStringLiteral("alg")).toString(), QStringLiteral("RS256"));
        QCOMPARE(Tokenbench::Core::JwtPeek::payload(rs)->value(QStringLiteral("iss")).toString(), QStringLiteral("joe"));
        const QString ed = QString::fromLatin1(readData(QStringLiteral("jwt/rfc8037-a4-ed25519.jws")));
        QVERIFY(Tokenbench::Core::JwtPeek::header(ed).has_value());
        QVERIFY(!Tokenbench::Core::JwtPeek::payload(ed).has_value());
        QVERIFY(!Tokenbench::Core::JwtPeek::payload(QStringLiteral("opaque-access-token")).has_value());
        const QString jwe = QString::fromLatin1(readData(QStringLiteral("jwt/encrypted-rsa-oaep.jwe")));
        QVERIFY(!Tokenbench::Core::JwtPeek::payload(jwe).has_value());
    }
};

QTEST_GUILESS_MAIN(TestDecodedToken)
#include "tst_decodedtoken.moc"
