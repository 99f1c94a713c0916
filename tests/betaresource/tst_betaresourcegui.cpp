// The Token Requests panel applies a beta_token_request to the resource check (offscreen, driven with
// QTest): the button and Ctrl+U write the authorization entry into set_request_headers next to the
// headers already there, Undo/Redo restore each step, the applied request is marked, and Run fetches
// the token from a real local service and calls a real resource server with exactly that header.
#include "mainwindow.h"
#include "tokenpanel.h"
#include "tokenrequestspanel.h"

#include "model/workspace.h"
#include "net/tokenclient.h"
#include "trace/tracemodel.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Tokenbench;
using Core::TokenResult;
using Test::RawHttpServer;

class TestBetaResourceGui : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QTreeWidgetItem* rowOf(QTreeWidget* tree, const QString& label)
    {
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            if (tree->topLevelItem(i)->text(0) == label)
                return tree->topLevelItem(i);
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::initTestEnvironment();
        qRegisterMetaType<TokenResult>();
        QVERIFY(m_dir.isValid());
    }

    void applyFromPanel_undoRedo_runCallsTheResource()
    {
        RawHttpServer tokens;
        RawHttpServer resource;
        QVERIFY(tokens.listen());
        QVERIFY(resource.listen());
        tokens.setBehaviour(RawHttpServer::respond(200, "application/json", "{\"jwt\":\"gui-tok-7\"}"));
        resource.setBehaviour(RawHttpServer::respond(200, "application/json", "{\"ok\":true}"));
        const QString path = m_dir.filePath(QStringLiteral("gui.hcl"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("definitions {\n"
                                   "  backend \"tokensvc\" {\n"
                                   "    origin = \"http://127.0.0.1:%1\"\n"
                                   "  }\n"
                                   "  backend \"api\" {\n"
                                   "    origin                  = \"http://127.0.0.1:%2\"\n"
                                   "    tokenbench_resource_url = \"/me\"\n"
                                   "    set_request_headers     = { x-keep = \"1\" }\n"
                                   "    beta_token_request \"svc\" {\n"
                                   "      backend = \"tokensvc\"\n"
                                   "      url     = \"/issue\"\n"
                                   "      token   = beta_token_response.json_body.jwt\n"
                                   "      ttl     = \"60s\"\n"
                                   "    }\n"
                                   "    beta_token_request \"other\" {\n"
                                   "      backend = \"tokensvc\"\n"
                                   "      url     = \"/other\"\n"
                                   "      token   = beta_token_response.json_body.jwt\n"
                                   "      ttl     = \"60s\"\n"
                                   "    }\n"
                                   "  }\n"
                                   "}\n")
                        .arg(tokens.port())
                        .arg(resource.port())
                        .toUtf8());
        }
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path));
        int api = -1;
        for (int i = 0; i < w.workspace()->backendCount(); ++i)
            if (w.workspace()->backend(i).label == u"api")
                api = i;
        QVERIFY(api >= 0);
        w.selectBlock(api, QString());
        auto* panel = w.findChild<Tokenbench::Ui::TokenRequestsPanel*>(QStringLiteral("tokenRequestsPanel"));
        QVERIFY(panel);
        auto* dock = w.findChild<QDockWidget*>(QStringLiteral("tokenRequestsDock"));
        QVERIFY(dock);
        dock->show();
        dock->raise();
        QTRY_VERIFY(panel->isVisible());
        QTreeWidget* tree = panel->tree();
        auto* use = panel->findChild<QPushButton*>(QStringLiteral("useForResourceCheckPushButton"));
        QVERIFY(use);
        QVERIFY(panel->appliedLabels().isEmpty());
        QVERIFY(!use->isEnabled()); // nothing selected yet: no dead button

        const auto headers = [&] { return w.workspace()->backend(api).attribute(QStringLiteral("set_request_headers")); };
        const QString before = headers();
        const QString svcApplied = QStringLiteral("{ x-keep = \"1\", authorization = \"Bearer ${backend.beta_tokens.svc}\" }");

        // Mouse: select the svc request, click the button.
        QTreeWidgetItem* svc = rowOf(tree, QStringLiteral("svc"));
        QVERIFY(svc);
        tree->scrollToItem(svc);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(svc).center());
        QTRY_VERIFY(use->isEnabled());
        QTest::mouseClick(use, Qt::LeftButton);
        QCOMPARE(headers(), svcApplied);
        QCOMPARE(panel->appliedLabels(), QStringList{QStringLiteral("svc")});
        QVERIFY(rowOf(panel->tree(), QStringLiteral("svc"))->font(0).bold());
        QVERIFY(!rowOf(panel->tree(), QStringLiteral("other"))->font(0).bold());
        auto* appliedLine = panel->findChild<QLabel*>(QStringLiteral("tokenRequestsAppliedLabel"));
        QVERIFY2(appliedLine->text().contains(QStringLiteral("svc")), qPrintable(appliedLine->text()));

        // Undo and redo, one step each.
        w.undoStack()->undo();
        QCOMPARE(headers(), before);
        QVERIFY(panel->appliedLabels().isEmpty());
        w.undoStack()->redo();
        QCOMPARE(headers(), svcApplied);
        QCOMPARE(panel->appliedLabels(), QStringList{QStringLiteral("svc")});

        // Keyboard: the other request with Ctrl+U replaces the authorization entry (x-keep stays).
        QTreeWidgetItem* other = rowOf(panel->tree(), QStringLiteral("other"));
        QVERIFY(other);
        panel->tree()->setFocus();
        panel->tree()->setCurrentItem(rowOf(panel->tree(), QStringLiteral("svc")));
        for (int n = 0; n < 10 && panel->tree()->currentItem()->text(0) != u"other"; ++n)
            QTest::keyClick(panel->tree(), Qt::Key_Down);
        QCOMPARE(panel->tree()->currentItem()->text(0), QStringLiteral("other"));
        QTest::keyClick(panel->tree(), Qt::Key_U, Qt::ControlModifier);
        QCOMPARE(headers(), QStringLiteral("{ x-keep = \"1\", authorization = \"Bearer ${backend.beta_tokens.other}\" }"));
        QCOMPARE(panel->appliedLabels(), QStringList{QStringLiteral("other")});
        w.undoStack()->undo();
        QCOMPARE(headers(), svcApplied);

        // Back to svc from the panel; Run fetches its token and calls the resource with the header.
        svc = rowOf(panel->tree(), QStringLiteral("svc"));
        panel->tree()->scrollToItem(svc);
        QTest::mouseClick(panel->tree()->viewport(), Qt::LeftButton, {}, panel->tree()->visualItemRect(svc).center());
        QCOMPARE(panel->tree()->currentItem()->text(0), QStringLiteral("svc"));
        QTest::mouseClick(use, Qt::LeftButton);
        QCOMPARE(headers(), svcApplied); // already so: no new undo step
        QSignalSpy finished(&w, &Tokenbench::Ui::MainWindow::runFinished);
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &w, Qt::Key_Return,
                        Qt::ControlModifier);
        QVERIFY(finished.wait(20000));
        const auto result = finished.constFirst().constFirst().value<TokenResult>();
        QVERIFY2(result.ok(), qPrintable(result.errorText));
        QCOMPARE(tokens.requests().size(), 1);
        QVERIFY(tokens.requests().constFirst().startsWith("GET /issue "));
        QCOMPARE(resource.requests().size(), 1);
        const QByteArray wire = resource.requests().constFirst();
        QVERIFY2(wire.startsWith("GET /me HTTP/1.1\r\n"), wire.constData());
        QVERIFY2(wire.contains("\r\nAuthorization: Bearer gui-tok-7\r\n"), wire.constData());
        QVERIFY2(wire.contains("\r\nX-Keep: 1\r\n"), wire.constData());
        QTRY_VERIFY2(w.tokenPanel()->resourceText().contains(QStringLiteral("200")),
                     qPrintable(w.tokenPanel()->resourceText()));
        QVERIFY(w.tokenPanel()->resourceText().startsWith(QStringLiteral("\u2714")));
        QCOMPARE(w.traceModel()->rowCount(), 2);
    }
};

QTEST_MAIN(TestBetaResourceGui)
#include "tst_betaresourcegui.moc"
