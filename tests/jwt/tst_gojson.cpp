#include "jwt/gojson.h"
#include "util/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using Tokenbench::Core::Jwt::encodeGoJson;

namespace {

QJsonObject parse(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

// Expected texts are what Go's encoding/json Marshal writes (golang-jwt encodes headers and claims
// with it), per its documented rules: sorted map keys, HTML-safe escaping, float formatting.
class TestGoJson final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void objectKeys_sortedByUtf8Bytes()
    {
        QJsonObject o;
        o.insert(QStringLiteral("typ"), QStringLiteral("JWT"));
        o.insert(QStringLiteral("alg"), QStringLiteral("RS256"));
        o.insert(QStringLiteral("Kid"), QStringLiteral("k"));
        QCOMPARE(encodeGoJson(o), QByteArray(R"({"Kid":"k","alg":"RS256","typ":"JWT"})"));

        // U+FF01 (EF BC 81) sorts before U+1F600 (F0 9F 98 80) in UTF-8 byte order, although its
        // UTF-16 code unit is larger than the surrogate D83D.
        QJsonObject u;
        u.insert(QStringLiteral("\U0001F600"), 1);
        u.insert(QStringLiteral("\uFF01"), 2);
        QCOMPARE(encodeGoJson(u), QByteArray("{\"\xef\xbc\x81\":2,\"\xf0\x9f\x98\x80\":1}"));
    }

    void nestedValues_compactAndSorted()
    {
        const QJsonObject o = parse(R"({"z":[3,{"b":true,"a":null}],"a":{"y":"1","x":2.5}})");
        QCOMPARE(encodeGoJson(o), QByteArray(R"({"a":{"x":2.5,"y":"1"},"z":[3,{"a":null,"b":true}]})"));
    }

    void strings_escapedLikeGo()
    {
        QJsonObject o;
        o.insert(QStringLiteral("s"), QStringLiteral("<a href=\"x\">&</a>\\\n\r\t\b\f\x01\u2028\u2029/\u00e9"));
        QCOMPARE(encodeGoJson(o),
                 QByteArray("{\"s\":\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\\\\\\n\\r\\t\\b\\f\\u0001"
                            "\\u2028\\u2029/\xc3\xa9\"}"));
    }

    void numbers_formattedLikeGo_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("go");
        QTest::newRow("integer") << QByteArray("1300819380") << QByteArray("1300819380");
        QTest::newRow("negative") << QByteArray("-42") << QByteArray("-42");
        QTest::newRow("fraction") << QByteArray("1.5") << QByteArray("1.5");
        QTest::newRow("integral-double") << QByteArray("2.0") << QByteArray("2");
        QTest::newRow("small-fixed") << QByteArray("0.000001") << QByteArray("0.000001");
        QTest::newRow("small-exp") << QByteArray("0.0000001") << QByteArray("1e-7");
        QTest::newRow("large-fixed") << QByteArray("1e20") << QByteArray("100000000000000000000");
        QTest::newRow("large-exp") << QByteArray("1e21") << QByteArray("1e+21");
        QTest::newRow("tenth") << QByteArray("0.1") << QByteArray("0.1");
    }

    void numbers_formattedLikeGo()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, go);
        const QJsonObject o = QJsonDocument::fromJson("{\"n\":" + json + '}').object();
        QCOMPARE(encodeGoJson(o), QByteArray("{\"n\":" + go + '}'));
    }

    void insertedInteger_staysInteger()
    {
        QJsonObject o;
        o.insert(QStringLiteral("exp"), qint64(1700000000));
        o.insert(QStringLiteral("iat"), 1699999000);
        QCOMPARE(encodeGoJson(o), QByteArray(R"({"exp":1700000000,"iat":1699999000})"));
    }
};

QTEST_GUILESS_MAIN(TestGoJson)
#include "tst_gojson.moc"
