#include "trace/tracemodel.h"
#include "util/testsupport.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Tokenbench::Core;

namespace {
Exchange exchange(quint64 id, qint64 duration = -1, int status = 0)
{
    Exchange e;
    e.id = id;
    e.method = "POST";
    e.url = QUrl(QStringLiteral("http://127.0.0.1/token?code=SECRET"));
    e.durationMs = duration;
    e.status = status;
    return e;
}
} // namespace

class TestTraceModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void upsert_addsThenUpdates_underModelTester()
    {
        TraceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsert(exchange(1));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, TraceModel::StatusColumn).data().toString(), QStringLiteral("\u2026"));
        model.upsert(exchange(1, 84, 200));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, TraceModel::StatusColumn).data().toInt(), 200);
        QCOMPARE(model.index(0, TraceModel::DurationColumn).data().toString(), QStringLiteral("84 ms"));
        model.upsert(exchange(2, 12, 401));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.index(1, 0).data(TraceModel::FailedRole).toBool());
        QCOMPARE(model.index(1, 0).data(TraceModel::MaxDurationMsRole).toLongLong(), qint64(84));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void capacity_dropsOldest()
    {
        TraceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCapacity(3);
        for (quint64 i = 1; i <= 5; ++i)
            model.upsert(exchange(i, 1, 200));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.exchange(0).id, quint64(3));
        QCOMPARE(model.exchange(2).id, quint64(5));
    }

    void display_redactsSecretsInUrl()
    {
        TraceModel model;
        model.upsert(exchange(1, 5, 200));
        const QString shown = model.index(0, TraceModel::UrlColumn).data().toString();
        QVERIFY(shown.startsWith(QStringLiteral("/token")));
        QVERIFY(!shown.contains(QStringLiteral("SECRET")));
    }
};

QTEST_GUILESS_MAIN(TestTraceModel)
#include "tst_tracemodel.moc"
