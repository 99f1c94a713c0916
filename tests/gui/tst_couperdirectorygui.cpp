// File › Open Couper Directory…: a couper.d/ directory (Couper's -d) opened as one configuration, merged in
// Couper's order through the core loader, with its defaults { environment_variables } as the lowest tier of
// env.NAME; saving back into several files is not offered (Save writes a workspace).
#include "mainwindow.h"

#include "model/valueresolver.h"
#include "model/workspace.h"
#include "util/testsupport.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Tokenbench;

namespace {
void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}
} // namespace

class TestCouperDirectoryGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Test::initTestEnvironment(); }

    void fileMenu_opensACouperDirectory()
    {
        QTemporaryDir dir;
        const QString d = dir.filePath(QStringLiteral("couper.d"));
        QVERIFY(QDir().mkpath(d));
        writeFile(d + QStringLiteral("/10_a.hcl"), "definitions {\n"
                                                  "  backend \"be\" {\n"
                                                  "    origin = \"https://old.example.com\"\n"
                                                  "  }\n"
                                                  "  backend \"as\" {\n"
                                                  "    origin = \"https://as.example.com\"\n"
                                                  "  }\n"
                                                  "}\n");
        writeFile(d + QStringLiteral("/20_b.hcl"), "defaults {\n"
                                                  "  environment_variables = { TB_DIRGUI_SECRET = \"from-defaults\" }\n"
                                                  "}\n"
                                                  "definitions {\n"
                                                  "  backend \"be\" {\n"
                                                  "    origin = \"https://new.example.com\"\n"
                                                  "    oauth2 {\n"
                                                  "      grant_type     = \"client_credentials\"\n"
                                                  "      token_endpoint = \"https://as.example.com/token\"\n"
                                                  "      client_id      = \"c\"\n"
                                                  "      client_secret  = env.TB_DIRGUI_SECRET\n"
                                                  "    }\n"
                                                  "  }\n"
                                                  "}\n");
        Ui::MainWindow w;
        QAction* open = w.action(QStringLiteral("openCouperDirectory"));
        QVERIFY(open);
        QVERIFY(open->text().contains(QStringLiteral("Couper")));
        QMenu* file = w.menuBar()->findChildren<QMenu*>().value(0);
        bool inFileMenu = false;
        for (QMenu* m : w.menuBar()->findChildren<QMenu*>())
            inFileMenu = inFileMenu || m->actions().contains(open);
        QVERIFY(file && inFileMenu);

        QVERIFY(w.openFile(d));
        QCOMPARE(w.workspace()->backendCount(), 2);
        QCOMPARE(w.workspace()->backend(0).label, QStringLiteral("be"));
        QCOMPARE(w.workspace()->backend(0).attribute(QStringLiteral("origin")), QStringLiteral("https://new.example.com"));
        QVERIFY(w.workspace()->backend(0).child(QStringLiteral("oauth2")));
        QCOMPARE(w.resolver().sourceOf(QStringLiteral("TB_DIRGUI_SECRET")), Core::ValueResolver::Source::Default);
        QCOMPARE(w.resolver().resolve(QStringLiteral("env.TB_DIRGUI_SECRET")).value, QStringLiteral("from-defaults"));
        QVERIFY(!w.isReadOnlySource()); // several files: no save-back, Save writes a workspace

        // A single file of it opens as that file (save-back works there) with its own defaults.
        QVERIFY(w.openFile(d + QStringLiteral("/10_a.hcl")));
        QVERIFY(w.isReadOnlySource());
        QCOMPARE(w.resolver().sourceOf(QStringLiteral("TB_DIRGUI_SECRET")), Core::ValueResolver::Source::None);
    }
};

QTEST_MAIN(TestCouperDirectoryGui)
#include "tst_couperdirectorygui.moc"
