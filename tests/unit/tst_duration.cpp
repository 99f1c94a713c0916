#include "util/duration.h"
#include "util/testsupport.h"

#include <QTest>

using namespace Tokenbench::Core;

class TestDuration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void parseGo_validValues_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ns");
        // Cases from Couper's duration tests and Go's time package documentation.
        QTest::newRow("1s") << QStringLiteral("1s") << Duration::Second;
        QTest::newRow("0m") << QStringLiteral("0m") << qint64(0);
        QTest::newRow("1h1s1m") << QStringLiteral("1h1s1m") << 3661 * Duration::Second;
        QTest::newRow("300ms") << QStringLiteral("300ms") << 300 * Duration::Millisecond;
        QTest::newRow("1.5h") << QStringLiteral("1.5h") << 90 * Duration::Minute;
        QTest::newRow("2h45m10.5s") << QStringLiteral("2h45m10.5s")
                                    << (2 * Duration::Hour + 45 * Duration::Minute + 10500 * Duration::Millisecond);
        QTest::newRow("bare zero") << QStringLiteral("0") << qint64(0);
        QTest::newRow("us") << QStringLiteral("7us") << 7 * Duration::Microsecond;
        QTest::newRow("micro sign") << QStringLiteral("7\u00b5s") << 7 * Duration::Microsecond;
        QTest::newRow("negative") << QStringLiteral("-3s") << -3 * Duration::Second;
        QTest::newRow(".5s") << QStringLiteral(".5s") << 500 * Duration::Millisecond;
    }
    void parseGo_validValues()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ns);
        const auto r = Duration::parseGo(text);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(*r, ns);
    }

    void parseGo_invalidValues_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing unit") << QStringLiteral("10") << QStringLiteral("time: missing unit in duration \"10\"");
        QTest::newRow("unknown unit") << QStringLiteral("1sec")
                                      << QStringLiteral("time: unknown unit \"sec\" in duration \"1sec\"");
        QTest::newRow("word") << QStringLiteral("invalid") << QStringLiteral("time: invalid duration \"invalid\"");
        QTest::newRow("empty") << QString() << QStringLiteral("time: invalid duration \"\"");
        QTest::newRow("dot only") << QStringLiteral(".s") << QStringLiteral("time: invalid duration \".s\"");
    }
    void parseGo_invalidValues()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const auto r = Duration::parseGo(text);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().message, message);
    }

    void parseCouper_negativeRefusedAndEmptyIsDefault()
    {
        const auto negative = Duration::parseCouper(QStringLiteral("-3s"), 0);
        QVERIFY(!negative.ok());
        QCOMPARE(negative.error().message, QStringLiteral("cannot be negative: '-3s'"));
        const auto empty = Duration::parseCouper(QString(), 42);
        QVERIFY(empty.ok());
        QCOMPARE(*empty, qint64(42));
    }

    void formatGo_matchesGoStringForm_data()
    {
        QTest::addColumn<qint64>("ns");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << QStringLiteral("0s");
        QTest::newRow("3661s") << 3661 * Duration::Second << QStringLiteral("1h1m1s");
        QTest::newRow("300ms") << 300 * Duration::Millisecond << QStringLiteral("300ms");
        QTest::newRow("1.5s") << 1500 * Duration::Millisecond << QStringLiteral("1.5s");
        QTest::newRow("90m") << 90 * Duration::Minute << QStringLiteral("1h30m0s");
    }
    void formatGo_matchesGoStringForm()
    {
        QFETCH(qint64, ns);
        QFETCH(QString, text);
        QCOMPARE(Duration::formatGo(ns), text);
    }
};

QTEST_GUILESS_MAIN(TestDuration)
#include "tst_duration.moc"
