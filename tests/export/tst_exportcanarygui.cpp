// The GUI half of the export canary: a session types a canary secret, runs against oidc-provider,
// exports every format from the export dialog (before and after the secret moved to the keychain),
// saves the trace as HAR and Markdown, and no file written holds the canary.
#include "exportdialog.h"
#include "mainwindow.h"

#include "echoserver.h"
#include "model/workspace.h"
#include "secrets/secretstore.h"
#include "util/guidriver.h"
#include "util/authserver.h"
#include "util/testsupport.h"

#include <QApplication>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTableView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Tokenbench;
using Core::TokenResult;
using Test::focused;
using Test::runAndWait;

class TestExportCanaryGui : public QObject
{
    Q_OBJECT

    Test::AuthServer m_server;
    QTemporaryDir m_dir;
    QTemporaryDir m_serverDir;
    QString m_canary;


    void typeForm(const QString& clientId, const QString& secret, const QUrl& endpoint = {})
    {
        QTest::keyClicks(focused(), (endpoint.isEmpty() ? m_server.tokenEndpoint() : endpoint).toString());
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(focused(), Qt::Key_Tab);
        QTest::keyClicks(focused(), clientId);
        QTest::keyClick(focused(), Qt::Key_Tab);
        QTest::keyClicks(focused(), secret);
    }

    void exportAll(Tokenbench::Ui::MainWindow& w, const QString& tag)
    {
        // Ctrl+E wins over a line edit's "end of line" binding: pressed in the focused form field.
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QWidget* field = QApplication::focusWidget();
        QVERIFY(field);
        if (tag == u"typed")
            QVERIFY2(qobject_cast<QLineEdit*>(field), field->metaObject()->className());
        QTest::keyClick(field, Qt::Key_E, Qt::ControlModifier);
        Tokenbench::Ui::ExportDialog* d = nullptr;
        QTRY_VERIFY((d = w.findChild<Tokenbench::Ui::ExportDialog*>()) && d->isVisible());
        for (const QString& id : {QStringLiteral("couper"), QStringLiteral("curl"), QStringLiteral("oauth2c"),
                                  QStringLiteral("http"), QStringLiteral("kyma")}) {
            d->setFormat(id);
            if (id == u"kyma")
                QTest::keyClicks(d->findChild<QLineEdit*>(QStringLiteral("application")), QStringLiteral("canary-app"));
            QVERIFY2(!d->isBlocked(), qPrintable(id + QStringLiteral(": ") + d->scanText()));
            QVERIFY(d->saveTo(m_dir.filePath(QStringLiteral("%1-%2.out").arg(tag, id))));
        }
        d->close();
        QTRY_VERIFY(!w.findChild<Tokenbench::Ui::ExportDialog*>());
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::initTestEnvironment();
        qRegisterMetaType<TokenResult>();
        m_canary = QStringLiteral("canary-gui-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString clients = m_serverDir.filePath(QStringLiteral("clients.json"));
        QFile f(clients);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("[{\"client_id\":\"canary-client\",\"client_secret\":\"%1\","
                               "\"token_endpoint_auth_method\":\"client_secret_basic\",\"grant_types\":[\"client_credentials\"],"
                               "\"response_types\":[],\"redirect_uris\":[],\"scope\":\"api:read\"}]")
                    .arg(m_canary)
                    .toUtf8());
        f.close();
        QString error;
        QVERIFY2(m_server.start(&error, {QStringLiteral("--clients"), clients}), qPrintable(error));
    }

    void session_exportsAndTraces_holdNoCanary()
    {
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.addFromTemplate(QStringLiteral("client_credentials"));
        typeForm(QStringLiteral("canary-client"), m_canary);
        QSignalSpy finished(&w, &Tokenbench::Ui::MainWindow::runFinished);
        QTest::keyClick(&w, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(finished.wait(30000));
        const TokenResult result = finished.constFirst().constFirst().value<TokenResult>();
        QVERIFY2(result.ok(), qPrintable(result.errorText));

        exportAll(w, QStringLiteral("typed"));
        QVERIFY(w.saveTraceTo(m_dir.filePath(QStringLiteral("trace.har"))));
        QVERIFY(w.saveTraceTo(m_dir.filePath(QStringLiteral("trace.md"))));
        // Saved: the secret moves to the keychain (or stays in memory without one); export again.
        QSignalSpy stored(&w, &Tokenbench::Ui::MainWindow::secretsStored);
        QVERIFY(w.saveTo(m_dir.filePath(QStringLiteral("ws.tbw"))));
        QVERIFY(stored.wait(15000));
        // The "secrets kept out of the file" message: dismissed by keyboard.
        QWidget* box = nullptr;
        QTRY_VERIFY((box = QApplication::activeModalWidget()) != nullptr);
        QCOMPARE(box->objectName(), QStringLiteral("secretsSavedMessageBox"));
        QTest::keyClick(box, Qt::Key_Return);
        QTRY_VERIFY(!QApplication::activeModalWidget());
        exportAll(w, QStringLiteral("saved"));

        int files = 0;
        QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(m_canary.toUtf8()), qPrintable(path));
            ++files;
        }
        QVERIFY(files >= 13);
    }

    void echoingEndpoint_traceViewsAndMessagesHoldNoCanary()
    {
        // A hostile token endpoint echoes the Basic credential, the form and the secret into its answer.
        Test::RawHttpServer echoServer;
        QVERIFY(echoServer.listen());
        echoServer.setBehaviour(Test::Echo::echo(QString()));
        const QString secret = QStringLiteral("c/gui+\"q\" x&=%-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.addFromTemplate(QStringLiteral("client_credentials"));
        typeForm(Test::Echo::ClientId, secret, echoServer.url(QStringLiteral("/token")));
        QSignalSpy finished(&w, &Tokenbench::Ui::MainWindow::runFinished);
        QTest::keyClick(&w, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(finished.wait(30000));
        const TokenResult result = finished.constFirst().constFirst().value<TokenResult>();
        QVERIFY(!result.ok());
        QVERIFY(!echoServer.requests().isEmpty());

        auto* table = w.findChild<QTableView*>(QStringLiteral("traceTableView"));
        QVERIFY(table);
        QTRY_VERIFY(table->model()->rowCount() >= 1);
        QByteArray shown;
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QModelIndex index = table->model()->index(row, 1);
            table->scrollTo(index);
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
            shown += table->model()->data(index).toString().toUtf8() + '\n';
            shown += table->model()->data(index, Qt::ToolTipRole).toString().toUtf8() + '\n';
            for (const char* name : {"requestPlainTextEdit", "responsePlainTextEdit", "rawPlainTextEdit"}) {
                auto* view = w.findChild<QPlainTextEdit*>(QLatin1String(name));
                QVERIFY2(view, name);
                shown += view->toPlainText().toUtf8() + '\n';
            }
        }
        QVERIFY2(shown.contains("client authentication failed"), shown.constData()); // the echo is shown
        shown += w.statusBar()->currentMessage().toUtf8() + '\n';
        for (const QLabel* label : w.findChildren<QLabel*>())
            shown += label->text().toUtf8() + '\n';
        for (const auto& [name, encoded] : Test::Echo::encodings(secret))
            QVERIFY2(!shown.contains(encoded), qPrintable(name + QStringLiteral(" in the GUI:\n") + QString::fromUtf8(shown)));
    }
};

QTEST_MAIN(TestExportCanaryGui)
#include "tst_exportcanarygui.moc"
