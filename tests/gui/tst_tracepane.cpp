// The trace pane with big exchanges (issue 16, item 12): a big body is redacted, searched and formatted off
// the UI thread and shown when ready; long lines are shown in pieces; views not in front are laid out when
// their tab is first shown; a late rendering of an exchange the user has left never replaces the one shown.
#include "trace/tracemodel.h"
#include "tracepane.h"

#include "net/exchange.h"
#include "util/testsupport.h"

#include <QPlainTextEdit>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QThreadPool>

using namespace Tokenbench;
using Core::Exchange;

namespace {

const QByteArray Secret = "big-body-access-token-0123456789abcdefghij";

// A completed token exchange whose compact JSON response is `bytes` long and starts with an access token.
Exchange bigExchange(quint64 id, qsizetype bytes)
{
    Exchange e;
    e.id = id;
    e.purpose = QStringLiteral("token request");
    e.method = "POST";
    e.url = QUrl(QStringLiteral("http://127.0.0.1:9/token"));
    e.requestHeaders = {{"Content-Type", "application/x-www-form-urlencoded"}};
    e.requestBody = "grant_type=client_credentials";
    QByteArray body = "{\"access_token\":\"" + Secret + "\",\"items\":[";
    for (int i = 0; body.size() < bytes; ++i)
        body += (i ? "," : "") + QByteArray("{\"id\":") + QByteArray::number(i) + ",\"name\":\"item\"}";
    body += "]}";
    e.status = 200;
    e.reason = "OK";
    e.httpVersion = "HTTP/1.1";
    e.responseHeaders = {{"Content-Type", "application/json"}};
    e.responseBody = body;
    e.responseBytes = body.size();
    e.requestSentMs = 1;
    e.firstByteMs = 2;
    e.durationMs = 3;
    return e;
}

Exchange smallExchange(quint64 id)
{
    Exchange e = bigExchange(id, 10);
    e.responseBody = "{\"error\":\"small-and-shown-at-once\"}";
    e.responseBytes = e.responseBody.size();
    return e;
}

} // namespace

class TestTracePane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void bigBody_isShownRedacted_inPieces_rawWhenItsTabOpens()
    {
        Core::TraceModel model;
        Ui::TracePane pane(&model);
        pane.resize(900, 600);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        auto* tabs = pane.findChild<QTabWidget*>(QStringLiteral("traceTabWidget"));
        auto* response = pane.findChild<QPlainTextEdit*>(QStringLiteral("responsePlainTextEdit"));
        auto* raw = pane.findChild<QPlainTextEdit*>(QStringLiteral("rawPlainTextEdit"));
        QVERIFY(tabs && response && raw);
        tabs->setCurrentWidget(response);

        model.upsert(bigExchange(1, 1024 * 1024)); // the pane selects the first row
        QTRY_VERIFY(response->toPlainText().contains(QStringLiteral("HTTP/1.1 200")));
        const QString text = response->toPlainText();
        QVERIFY2(!text.contains(QString::fromLatin1(Secret)), "the access token is shown in clear");
        QVERIFY(text.contains(QStringLiteral("[redacted:")));
        QVERIFY(text.contains(QStringLiteral("more bytes not shown")));
        // The body is one line of compact JSON: shown in pieces, each marked, none longer than 1 KiB + mark.
        QVERIFY(text.contains(QStringLiteral("\u21a9\n")));
        qsizetype longest = 0;
        for (const QStringView line : QStringView(text).split(u'\n'))
            longest = qMax(longest, line.size());
        QVERIFY2(longest <= 1025, qPrintable(QString::number(longest)));

        // Raw is laid out when the user opens its tab.
        QVERIFY(raw->toPlainText().isEmpty());
        QTabBar* bar = tabs->tabBar();
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(tabs->indexOf(raw)).center());
        QCOMPARE(tabs->currentWidget(), raw);
        QVERIFY(raw->toPlainText().contains(QStringLiteral("POST /token HTTP/1.1")));
        QVERIFY(!raw->toPlainText().contains(QString::fromLatin1(Secret)));
    }

    void lateRenderingOfALeftExchange_neverReplacesTheShownOne()
    {
        Core::TraceModel model;
        Ui::TracePane pane(&model);
        pane.resize(900, 600);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        auto* table = pane.findChild<QTableView*>(QStringLiteral("traceTableView"));
        auto* response = pane.findChild<QPlainTextEdit*>(QStringLiteral("responsePlainTextEdit"));
        QVERIFY(table && response);

        model.upsert(bigExchange(1, 2 * 1024 * 1024)); // selected: prepared on a worker
        model.upsert(smallExchange(2));
        // The user clicks the small one before the big one is ready.
        const QModelIndex second = model.index(1, 1);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(second).center());
        QCOMPARE(table->currentIndex().row(), 1);
        QVERIFY(response->toPlainText().contains(QStringLiteral("small-and-shown-at-once")));
        // The big one's rendering finishes and is delivered; it is dropped.
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        QVERIFY(response->toPlainText().contains(QStringLiteral("small-and-shown-at-once")));
        QVERIFY(!response->toPlainText().contains(QStringLiteral("Preparing")));
    }
};

QTEST_MAIN(TestTracePane)
#include "tst_tracepane.moc"
