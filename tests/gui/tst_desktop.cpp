// Desktop integration: the About dialog, opening files given on the command line, remembered layout.
#include "aboutdialog.h"
#include "mainwindow.h"
#include "startup.h"

#include "model/workspace.h"
#include "model/workspacefile.h"
#include "util/testsupport.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QTimer>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Tokenbench;

class TestDesktop : public QObject
{
    Q_OBJECT

private:
    QString writeWorkspace(QTemporaryDir& dir, const QString& name, const QString& backend)
    {
        const QString path = dir.filePath(name);
        const Core::Block b{Core::BlockType::Backend, backend, {}, {}};
        if (!Core::WorkspaceFile::save(path, {b}).ok())
            qFatal("cannot write workspace");
        return path;
    }

private Q_SLOTS:
    void initTestCase() { Test::initTestEnvironment(); }

    void about_showsVersionLicenceAndLibraries()
    {
        Tokenbench::Ui::AboutDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString text = dialog.findChild<QLabel*>(QStringLiteral("aboutLabel"))->text();
        QVERIFY(text.contains(QStringLiteral(TOKENBENCH_TEST_VERSION)));
        QVERIFY(text.contains(QStringLiteral("MIT")));
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        QVERIFY(text.contains(QStringLiteral("OpenSSL 3")));
        QVERIFY(text.contains(QStringLiteral("QtKeychain")));
    }

    // Save As and Quit have keys also where the platform theme binds none to them (no desktop environment,
    // offscreen): Ctrl+Shift+S opens the Save As dialog.
    void saveAsAndQuit_haveShortcutsEverywhere()
    {
        Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* saveAs = w.findChild<QAction*>(QStringLiteral("saveAs"));
        auto* quit = w.findChild<QAction*>(QStringLiteral("quit"));
        QVERIFY(saveAs && quit);
        QVERIFY(!saveAs->shortcut().isEmpty());
        QVERIFY(!quit->shortcut().isEmpty());
        QSignalSpy triggered(saveAs, &QAction::triggered);
        QTimer::singleShot(0, &w, [] {
            // The file dialog that Save As opens: close it again.
            if (QWidget* dialog = QApplication::activeModalWidget())
                dialog->close();
        });
        QTest::keySequence(&w, saveAs->shortcut());
        QCOMPARE(triggered.count(), 1);
    }

    void commandLineFile_isOpened()
    {
        QTemporaryDir dir;
        const QString path = writeWorkspace(dir, QStringLiteral("from-cli.tbw"), QStringLiteral("cli_backend"));
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // As a file manager passes it (%F may also be a file:// URL).
        Tokenbench::Ui::applyStartupRequest(w, Tokenbench::Ui::startupRequest({QUrl::fromLocalFile(path).toString()}));
        QCOMPARE(w.workspace()->backendCount(), 1);
        QCOMPARE(w.workspace()->backend(0).label, QStringLiteral("cli_backend"));
        QCOMPARE(w.workspace()->filePath(), path);
        QVERIFY(w.windowTitle().startsWith(QStringLiteral("from-cli.tbw")));
    }

    void severalFiles_firstOpensAndTheRestAreNamed()
    {
        QTemporaryDir dir;
        const QString a = writeWorkspace(dir, QStringLiteral("a.tbw"), QStringLiteral("a"));
        const QString b = writeWorkspace(dir, QStringLiteral("b.tbw"), QStringLiteral("b"));
        Tokenbench::Ui::MainWindow w;
        w.show();
        Tokenbench::Ui::applyStartupRequest(w, Tokenbench::Ui::startupRequest({a, b}));
        QCOMPARE(w.workspace()->backend(0).label, QStringLiteral("a"));
        QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("1 more file")));
    }

    void layout_isRememberedAcrossSessions()
    {
        QRect geometry;
        {
            Tokenbench::Ui::MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.resize(1111, 777);
            QTest::qWait(10);
            geometry = w.geometry();
            QVERIFY(w.close());
        }
        Tokenbench::Ui::MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), geometry.size());
    }
};

QTEST_MAIN(TestDesktop)
#include "tst_desktop.moc"
