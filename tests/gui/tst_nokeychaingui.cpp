// Without a Secret Service (the session bus is a dead socket): the window says so in a banner, typed
// secrets stay in memory for the session and are never written anywhere; runs still work.
#include "mainwindow.h"

#include "model/workspace.h"
#include "secrets/secretstore.h"
#include "util/authserver.h"
#include "util/testsupport.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Tokenbench;

class TestNoKeychainGui : public QObject
{
    Q_OBJECT

private:
    Test::AuthServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        Test::initTestEnvironment();
        qRegisterMetaType<Core::TokenResult>();
        QVERIFY2(qgetenv("DBUS_SESSION_BUS_ADDRESS").contains("nonexistent"),
                 "this test runs with a dead session bus (see tests/gui/tests.cmake)");
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void banner_andSessionOnlySecrets()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws.tbw"));
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY_WITH_TIMEOUT(!w.keychainBannerText().isEmpty(), 20000);
        QVERIFY(w.keychainBannerText().contains(QStringLiteral("No keychain")));
        QVERIFY(w.keychainBannerText().contains(QStringLiteral("memory")));
        // Retry asks the keychain again (still none here: the banner comes back, Retry usable again).
        auto* retry = w.findChild<QPushButton*>(QStringLiteral("keychainRetryPushButton"));
        QVERIFY(retry && retry->isVisible() && retry->isEnabled());
        QTest::mouseClick(retry, Qt::LeftButton);
        QVERIFY(!retry->isEnabled());
        QCOMPARE(w.findChild<QLabel*>(QStringLiteral("keychainStatusLabel"))->text(), QStringLiteral("Keychain: checking\u2026"));
        QTRY_VERIFY_WITH_TIMEOUT(retry->isEnabled(), 20000);
        QVERIFY(w.keychainBannerText().contains(QStringLiteral("No keychain")));

        w.addFromTemplate(QStringLiteral("client_credentials"));
        QTest::keyClicks(QApplication::focusWidget(), m_server.tokenEndpoint().toString());
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("basic-client"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("basic-secret"));

        QSignalSpy finished(&w, &Tokenbench::Ui::MainWindow::runFinished);
        QTest::keyClick(&w, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.constFirst().constFirst().value<Core::TokenResult>().ok());

        QSignalSpy stored(&w, &Tokenbench::Ui::MainWindow::secretsStored);
        QVERIFY(w.saveTo(path));
        QVERIFY(stored.count() == 1 || stored.wait(20000));
        QVERIFY(stored.constFirst().at(0).toStringList().isEmpty());
        QCOMPARE(stored.constFirst().at(1).toStringList(), QStringList{QStringLiteral("BACKEND_CLIENT_SECRET")});
        if (auto* box = w.findChild<QMessageBox*>(QStringLiteral("secretsSavedMessageBox"))) {
            QVERIFY(box->text().contains(QStringLiteral("memory")));
            box->accept();
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("basic-secret"));
    }
};

QTEST_MAIN(TestNoKeychainGui)
#include "tst_nokeychaingui.moc"
