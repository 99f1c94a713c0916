#include "net/formencoding.h"
#include "util/testsupport.h"

#include <QTest>

using namespace Tokenbench::Core;

class TestFormEncoding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void escape_followsGoQueryEscape_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("unreserved") << QStringLiteral("Az09-_.~") << QByteArray("Az09-_.~");
        QTest::newRow("space") << QStringLiteral("pass word") << QByteArray("pass+word");
        QTest::newRow("plus") << QStringLiteral("pass+ word") << QByteArray("pass%2B+word");
        QTest::newRow("percent") << QStringLiteral("100%") << QByteArray("100%25");
        QTest::newRow("colon slash") << QStringLiteral("urn:a/b") << QByteArray("urn%3Aa%2Fb");
        QTest::newRow("utf8") << QStringLiteral("\u00e4") << QByteArray("%C3%A4");
    }
    void escape_followsGoQueryEscape()
    {
        QFETCH(QString, value);
        QFETCH(QByteArray, encoded);
        QCOMPARE(Form::escape(value), encoded);
        QCOMPARE(Form::unescape(encoded), value);
    }

    void encode_sortsKeysByBytes()
    {
        // Couper's test body for client_secret_post (reference section 2.2).
        const QList<Form::Field> fields = {
            {QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
            {QStringLiteral("scope"), QStringLiteral("scope1 scope2")},
            {QStringLiteral("client_id"), QStringLiteral("user")},
            {QStringLiteral("client_secret"), QStringLiteral("pass word")},
        };
        QCOMPARE(Form::encode(fields),
                 QByteArray("client_id=user&client_secret=pass+word&grant_type=client_credentials&scope=scope1+scope2"));
    }

    void decode_roundTripsEncode()
    {
        const QList<Form::Field> fields = {{QStringLiteral("a"), QStringLiteral("x y+z")}, {QStringLiteral("b"), QString()}};
        QCOMPARE(Form::decode(Form::encode(fields)), fields);
    }

    void basicAuthorization_encodesBeforeBase64()
    {
        // Couper: `user` / `pass+ word` -> Basic dXNlcjpwYXNzJTJCK3dvcmQ= (user:pass%2B+word).
        QCOMPARE(Form::basicAuthorization(QStringLiteral("user"), QStringLiteral("pass+ word")),
                 QByteArray("Basic dXNlcjpwYXNzJTJCK3dvcmQ="));
        QCOMPARE(Form::basicAuthorization(QStringLiteral("user"), QStringLiteral("pass")), QByteArray("Basic dXNlcjpwYXNz"));
        QCOMPARE(Form::basicAuthorization(QStringLiteral("my_client"), QStringLiteral("my_client_secret")),
                 QByteArray("Basic bXlfY2xpZW50Om15X2NsaWVudF9zZWNyZXQ="));
    }

    void basicAuthorization_rawKeepsValues()
    {
        QCOMPARE(Form::basicAuthorization(QStringLiteral("user"), QStringLiteral("pass+ word"), true),
                 QByteArray("Basic ") + QByteArray("user:pass+ word").toBase64());
    }
};

QTEST_GUILESS_MAIN(TestFormEncoding)
#include "tst_formencoding.moc"
