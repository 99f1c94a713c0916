// Faults in the GUI: the window stays responsive while a server hangs, Esc cancels, and every failure
// shows the engine's specific message in the outcome line (the same text the CLI prints).
#include "mainwindow.h"

#include "model/workspace.h"
#include "trace/tracemodel.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Tokenbench;
using Test::RawHttpServer;

class TestGuiFaults : public QObject
{
    Q_OBJECT

private:
    void prepare(Tokenbench::Ui::MainWindow& w, const QString& endpoint)
    {
        w.addFromTemplate(QStringLiteral("client_credentials"));
        w.workspace()->setAttribute(0, Core::BlockType::OAuth2, QStringLiteral("token_endpoint"), endpoint);
        w.workspace()->setAttribute(0, Core::BlockType::OAuth2, QStringLiteral("client_id"), QStringLiteral("c"));
        w.workspace()->setAttribute(0, Core::BlockType::OAuth2, QStringLiteral("client_secret"), QStringLiteral("s"));
        w.selectBlock(0, Core::BlockType::OAuth2);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::initTestEnvironment();
        qRegisterMetaType<Core::TokenResult>();
    }

    void hangingServer_staysResponsive_andEscCancels()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::hang());
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        prepare(w, server.url(QStringLiteral("/token")).toString());
        QSignalSpy finished(&w, &Tokenbench::Ui::MainWindow::runFinished);
        QTest::keyClick(&w, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(server.requests().size(), 1);
        QVERIFY(w.isRunning());
        QVERIFY(w.outcomeText().startsWith(QStringLiteral("Running")));
        // The event loop keeps turning while the request waits: typing still edits the form.
        auto* scope = w.findChild<QLineEdit*>(QStringLiteral("scopeLineEdit"));
        QTest::keyClicks(scope, QStringLiteral("read"));
        QCOMPARE(scope->text(), QStringLiteral("read"));
        QCOMPARE(w.traceModel()->rowCount(), 1); // the running exchange is in the trace already
        QTest::keyClick(&w, Qt::Key_Escape);
        QVERIFY(finished.count() == 1 || finished.wait(5000));
        QCOMPARE(finished.constFirst().constFirst().value<Core::TokenResult>().status, Core::TokenResult::Status::Canceled);
        QCOMPARE(w.outcomeText(), QStringLiteral("Canceled."));
        QVERIFY(!w.isRunning());
    }

    void failures_showSpecificMessages_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("refused") << 0 << QStringLiteral("connection refused");
        QTest::newRow("5xx html") << 1 << QStringLiteral("HTTP 502");
        QTest::newRow("200 not json") << 2 << QStringLiteral("not JSON");
        QTest::newRow("closed mid-body") << 3 << QStringLiteral("closed the connection");
    }
    void failures_showSpecificMessages()
    {
        QFETCH(int, kind);
        QFETCH(QString, expected);
        RawHttpServer server;
        QVERIFY(server.listen());
        QString endpoint = server.url(QStringLiteral("/token")).toString();
        if (kind == 0) {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            endpoint = QStringLiteral("http://127.0.0.1:%1/token").arg(probe.serverPort());
            probe.close();
        } else if (kind == 1) {
            server.setBehaviour(RawHttpServer::respond(502, "text/html", "<html><body>Bad Gateway</body></html>"));
        } else if (kind == 2) {
            server.setBehaviour(RawHttpServer::respond(200, "text/html", "<html>login page</html>"));
        } else {
            server.setBehaviour(RawHttpServer::closeMidBody("{\"access_tok", 400));
        }
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        prepare(w, endpoint);
        QSignalSpy finished(&w, &Tokenbench::Ui::MainWindow::runFinished);
        QTest::keyClick(&w, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(finished.wait(20000));
        QVERIFY2(w.outcomeText().contains(expected), qPrintable(w.outcomeText()));
        QVERIFY(w.outcomeText().startsWith(QStringLiteral("\u2716")));
    }
};

QTEST_MAIN(TestGuiFaults)
#include "tst_guifaults.moc"
