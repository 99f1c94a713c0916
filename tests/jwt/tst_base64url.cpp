#include "jwt/base64url.h"
#include "util/testsupport.h"
#include "jwttesthelpers.h"

#include <QTest>

namespace Base64Url = Tokenbench::Core::Jwt::Base64Url;

class TestBase64Url final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void rfc4648Vectors_encodeAndDecode_data()
    {
        QTest::addColumn<QByteArray>("plain");
        QTest::addColumn<QByteArray>("encoded");
        // RFC 4648 §10, padding removed as RFC 7515 §2 requires.
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("f") << QByteArray("f") << QByteArray("Zg");
        QTest::newRow("fo") << QByteArray("fo") << QByteArray("Zm8");
        QTest::newRow("foo") << QByteArray("foo") << QByteArray("Zm9v");
        QTest::newRow("foob") << QByteArray("foob") << QByteArray("Zm9vYg");
        QTest::newRow("fooba") << QByteArray("fooba") << QByteArray("Zm9vYmE");
        QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
        // RFC 7515 Appendix C: octets [3, 236, 255, 224, 193] -> "A-z_4ME".
        QTest::newRow("rfc7515-c") << QByteArray("\x03\xec\xff\xe0\xc1", 5) << QByteArray("A-z_4ME");
    }

    void rfc4648Vectors_encodeAndDecode()
    {
        QFETCH(QByteArray, plain);
        QFETCH(QByteArray, encoded);
        QCOMPARE(Base64Url::encode(plain), encoded);
        auto decoded = Base64Url::decode(encoded);
        QVERIFY2(decoded.ok(), Tokenbench::Test::why(decoded).constData());
        QCOMPARE(*decoded, plain);
    }

    void invalidInput_reportsOffset_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qsizetype>("offset");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("bang") << QByteArray("Zm9v!mFy") << qsizetype(4) << QStringLiteral("'!' at byte 4");
        QTest::newRow("padding") << QByteArray("Zm8=") << qsizetype(3) << QStringLiteral("padding");
        QTest::newRow("plus") << QByteArray("A+z/4ME") << qsizetype(1) << QStringLiteral("standard-base64");
        QTest::newRow("space") << QByteArray("Zm9v YmFy") << qsizetype(4) << QStringLiteral("0x20 at byte 4");
        QTest::newRow("truncated") << QByteArray("Zm9vY") << qsizetype(4) << QStringLiteral("truncated");
        QTest::newRow("unused-bits") << QByteArray("Zh") << qsizetype(1) << QStringLiteral("non-canonical");
    }

    void invalidInput_reportsOffset()
    {
        QFETCH(QByteArray, text);
        QFETCH(qsizetype, offset);
        QFETCH(QString, fragment);
        qsizetype reported = -1;
        auto decoded = Base64Url::decode(text, &reported);
        QVERIFY(!decoded.ok());
        QCOMPARE(reported, offset);
        QVERIFY2(decoded.error().message.contains(fragment), Tokenbench::Test::why(decoded).constData());
        QCOMPARE(decoded.error().where, QStringLiteral("byte %1").arg(offset));
    }

    void allByteValues_roundTrip()
    {
        QByteArray all;
        for (int i = 0; i < 256; ++i)
            all.append(static_cast<char>(i));
        for (qsizetype len = 0; len <= all.size(); len += 37) {
            const QByteArray part = all.first(len);
            const QByteArray encoded = Base64Url::encode(part);
            QCOMPARE(encoded, part.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
            QCOMPARE(*Base64Url::decode(encoded), part);
        }
    }
};

QTEST_GUILESS_MAIN(TestBase64Url)
#include "tst_base64url.moc"
