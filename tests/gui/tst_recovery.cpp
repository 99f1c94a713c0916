// No lost work: a process killed with SIGKILL while saving leaves the previous file intact, and edits made
// before a kill are offered again at the next start. The killed processes are this test binary itself,
// started in a child mode.
#include "mainwindow.h"
#include "startup.h"

#include "model/recovery.h"
#include "model/workspace.h"
#include "model/workspacefile.h"
#include "util/testsupport.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QUndoStack>

using namespace Tokenbench;

namespace {

constexpr int BackendsPerVersion = 1500;

QList<Core::Block> bigWorkspace(int version)
{
    QList<Core::Block> backends;
    for (int i = 0; i < BackendsPerVersion; ++i) {
        Core::Block b{Core::BlockType::Backend, QStringLiteral("be_%1").arg(i),
                      {{QStringLiteral("origin"), QStringLiteral("https://v%1.example.com").arg(version)}}, {}};
        b.blocks.append(Core::Block{Core::BlockType::OAuth2, {},
                                    {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                     {QStringLiteral("token_endpoint"), QStringLiteral("https://as/token")},
                                     {QStringLiteral("client_id"), QStringLiteral("client-%1-%2").arg(version).arg(i)}},
                                    {}});
        backends.append(b);
    }
    return backends;
}

// Child: saves new versions of a big workspace to `path` in a loop, forever.
int childSave(const QString& path)
{
    QTextStream out(stdout);
    for (int version = 1;; ++version) {
        if (!Core::WorkspaceFile::save(path, bigWorkspace(version)).ok())
            return 1;
        out << "SAVED " << version << Qt::endl;
    }
}

// Child: edits in the GUI by keyboard, waits for the recovery file, says READY and waits to be killed.
int childEdit()
{
    Test::initTestEnvironment();
    auto* w = new Tokenbench::Ui::MainWindow;
    w->show();
    if (!QTest::qWaitForWindowExposed(w))
        return 2;
    w->addFromTemplate(QStringLiteral("client_credentials"));
    QTest::keyClicks(w->findChild<QLineEdit*>(QStringLiteral("tokenEndpointLineEdit")),
                     QStringLiteral("https://recovered.example/token"));
    QObject::connect(w, &Tokenbench::Ui::MainWindow::recoverySaved, w, [] {
        QTextStream(stdout) << "READY " << Qt::endl;
    });
    return QApplication::exec();
}

// Child: opens FILE, edits it by keyboard, waits for the recovery file, says READY and waits to be killed.
int childEditFile(const QString& path)
{
    Test::initTestEnvironment();
    auto* w = new Tokenbench::Ui::MainWindow;
    w->show();
    if (!QTest::qWaitForWindowExposed(w) || !w->openFile(path))
        return 2;
    w->selectBlock(0, Core::BlockType::OAuth2);
    auto* endpoint = w->findChild<QLineEdit*>(QStringLiteral("tokenEndpointLineEdit"));
    endpoint->selectAll();
    QTest::keyClicks(endpoint, QStringLiteral("https://edited-before-crash.example/token"));
    QObject::connect(w, &Tokenbench::Ui::MainWindow::recoverySaved, w, [] {
        QTextStream(stdout) << "READY " << Qt::endl;
    });
    return QApplication::exec();
}

} // namespace

class TestRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Test::initTestEnvironment();
        QDir(Core::Recovery::directory()).removeRecursively();
    }

    void killDuringSave_leavesPreviousFileIntact()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.tbw"));
        QVERIFY(Core::WorkspaceFile::save(path, bigWorkspace(0)).ok());
        for (int round = 0; round < 6; ++round) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child-save"), path});
            QVERIFY(child.waitForStarted());
            // Let it save a couple of versions, then kill it at an arbitrary point of the next save.
            QByteArray out;
            QTRY_VERIFY2_WITH_TIMEOUT((out += child.readAllStandardOutput()).contains("SAVED"), child.readAllStandardError().constData(), 20000);
            QSignalSpy killed(&child, &QProcess::finished);
            QTimer::singleShot(int(QRandomGenerator::global()->bounded(1, 40)), &child, [&child] { child.kill(); });
            QVERIFY(killed.wait(10000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);
            const auto loaded = Core::WorkspaceFile::load(path);
            QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
            QCOMPARE(loaded->backends.size(), BackendsPerVersion);
            // Every backend carries the same version: no mix of two saves.
            const QString origin = loaded->backends.constFirst().attribute(QStringLiteral("origin"));
            QCOMPARE(loaded->backends.constLast().attribute(QStringLiteral("origin")), origin);
        }
        // No temporary files left next to it that could be mistaken for workspaces.
        for (const QString& f : QDir(dir.path()).entryList(QDir::Files))
            QVERIFY2(f == u"big.tbw" || f.startsWith(u"big.tbw."), qPrintable(f));
    }

    void killAfterEdits_offersThemAtNextStart()
    {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child-edit")});
        QVERIFY(child.waitForStarted());
        QByteArray out;
        QTRY_VERIFY2_WITH_TIMEOUT((out += child.readAllStandardOutput()).contains("READY"), child.readAllStandardError().constData(), 30000);
        child.kill();
        QVERIFY(child.waitForFinished(10000));

        const QList<Core::Recovery::Entry> entries = Core::Recovery::pending();
        QCOMPARE(entries.size(), 1);
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(w.restoreRecovery(entries.constFirst().workspaceId));
        QCOMPARE(w.workspace()->backendCount(), 1);
        const Core::Block* o = w.workspace()->backend(0).child(Core::BlockType::OAuth2);
        QVERIFY(o);
        QCOMPARE(o->attribute(QStringLiteral("token_endpoint")), QStringLiteral("https://recovered.example/token"));
        QVERIFY(w.isWindowModified());
        // Saving settles it: the recovery file goes away.
        QTemporaryDir dir;
        QVERIFY(w.saveTo(dir.filePath(QStringLiteral("restored.tbw"))));
        QVERIFY(Core::Recovery::pending().isEmpty());
    }

    void startWithTheFileArgument_offersItsRecovery_andKeepsTheEdit()
    {
        // As the desktop file and a double-click do: `tokenbench FILE` after a crash while FILE had edits.
        QDir(Core::Recovery::directory()).removeRecursively();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crashed.tbw"));
        {
            Tokenbench::Ui::MainWindow w;
            w.addFromTemplate(QStringLiteral("client_credentials"));
            QVERIFY(w.saveTo(path));
        }
        QVERIFY(Core::Recovery::pending().isEmpty());
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child-edit-file"), path});
        QVERIFY(child.waitForStarted());
        QByteArray out;
        QTRY_VERIFY2_WITH_TIMEOUT((out += child.readAllStandardOutput()).contains("READY"),
                                  child.readAllStandardError().constData(), 30000);
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(Core::Recovery::pending().size(), 1);

        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // The recovery question: answered "Yes" (Restore) by keyboard when it appears.
        QString question;
        QTimer::singleShot(0, this, [&question] {
            QTRY_VERIFY_WITH_TIMEOUT(QApplication::activeModalWidget(), 10000);
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            QVERIFY(box);
            question = box->text();
            box->button(QMessageBox::Yes)->click();
        });
        Tokenbench::Ui::startUp(w, Tokenbench::Ui::startupRequest({path}));
        QVERIFY2(question.contains(QStringLiteral("crashed.tbw")), qPrintable(question));
        const Core::Block* o = w.workspace()->backend(0).child(Core::BlockType::OAuth2);
        QVERIFY(o);
        QCOMPARE(o->attribute(QStringLiteral("token_endpoint")),
                 QStringLiteral("https://edited-before-crash.example/token"));
        QCOMPARE(QFileInfo(w.workspace()->filePath()).canonicalFilePath(), QFileInfo(path).canonicalFilePath());
        QVERIFY(w.isWindowModified());
        // The recovery is kept until the edits are saved.
        QCOMPARE(Core::Recovery::pending().size(), 1);
        QVERIFY(w.saveTo(path));
        QVERIFY(Core::Recovery::pending().isEmpty());
    }

    void normalClose_leavesNoRecovery()
    {
        {
            Tokenbench::Ui::MainWindow w;
            w.show();
            QSignalSpy saved(&w, &Tokenbench::Ui::MainWindow::recoverySaved);
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.addFromTemplate(QStringLiteral("client_credentials"));
            QTest::keyClicks(w.findChild<QLineEdit*>(QStringLiteral("tokenEndpointLineEdit")), QStringLiteral("https://x/token"));
            QVERIFY(saved.wait(10000));
            QCOMPARE(Core::Recovery::pending().size(), 1);
            w.undoStack()->setClean(); // as after a save: no prompt on close
            QVERIFY(w.close());
        }
        QVERIFY(Core::Recovery::pending().isEmpty());
    }
};

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    if (argc >= 3 && qstrcmp(argv[1], "--child-save") == 0)
        return childSave(QString::fromLocal8Bit(argv[2]));
    if (argc >= 3 && qstrcmp(argv[1], "--child-edit-file") == 0)
        return childEditFile(QString::fromLocal8Bit(argv[2]));
    if (argc >= 2 && qstrcmp(argv[1], "--child-edit") == 0)
        return childEdit();
    TestRecovery test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_recovery.moc"
