// The unified diff shown before saving into a Couper file: checked against hand-written hunks and by
// applying it with patch(1), the consumer of the format.
#include "saveback/unifieddiff.h"
#include "util/testsupport.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Tokenbench::Core;

class TestUnifiedDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void identicalTexts_giveNoDiff()
    {
        const QByteArray text = "a\nb\nc\n";
        QVERIFY(unifiedDiff(text, text, QStringLiteral("a"), QStringLiteral("b")).isEmpty());
        QCOMPARE(diffStats(text, text).added, 0);
    }

    void oneChangedLine_givesOneHunkWithContext()
    {
        const QByteArray before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        const QByteArray after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        const QString expected = QStringLiteral("--- a/x.hcl\n+++ b/x.hcl\n"
                                                "@@ -2,7 +2,7 @@\n"
                                                " 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
        QCOMPARE(unifiedDiff(before, after, QStringLiteral("a/x.hcl"), QStringLiteral("b/x.hcl")), expected);
        const DiffStats s = diffStats(before, after);
        QCOMPARE(s.added, 1);
        QCOMPARE(s.removed, 1);
    }

    void farApartChanges_giveTwoHunks_andInsertionsCountZeroLengthRanges()
    {
        QByteArray before, after;
        for (int i = 1; i <= 30; ++i) {
            before += QByteArray::number(i) + '\n';
            if (i == 3)
                after += "three\n";
            else
                after += QByteArray::number(i) + '\n';
            if (i == 25)
                after += "inserted\n";
        }
        const QString diff = unifiedDiff(before, after, QStringLiteral("a"), QStringLiteral("b"));
        QCOMPARE(diff.count(QStringLiteral("@@ -")), 2);
        QVERIFY2(diff.contains(QStringLiteral("@@ -1,6 +1,6 @@\n")), qPrintable(diff));
        QVERIFY2(diff.contains(QStringLiteral("@@ -23,6 +23,7 @@\n")), qPrintable(diff));
        // Insertion into an empty file names line 0.
        QVERIFY(unifiedDiff({}, "x\n", QStringLiteral("a"), QStringLiteral("b"))
                    .contains(QStringLiteral("@@ -0,0 +1 @@\n+x\n")));
    }

    void missingFinalNewline_isMarked()
    {
        const QString diff = unifiedDiff("a\nb", "a\nb\n", QStringLiteral("a"), QStringLiteral("b"));
        QVERIFY2(diff.contains(QStringLiteral("-b\n\\ No newline at end of file\n+b\n")), qPrintable(diff));
    }

    void wholesaleRewrite_ofALargeFile_staysBoundedAndApplies()
    {
        QByteArray before, after;
        for (int i = 0; i < 20000; ++i) {
            before += "line " + QByteArray::number(i) + '\n';
            after += "other " + QByteArray::number(i) + '\n';
        }
        const DiffStats s = diffStats(before, after);
        QCOMPARE(s.added, 20000);
        QCOMPARE(s.removed, 20000);
        const QString diff = unifiedDiff(before, after, QStringLiteral("a"), QStringLiteral("b"));
        QVERIFY(diff.startsWith(QStringLiteral("--- a\n+++ b\n@@ -1,20000 +1,20000 @@\n-line 0\n")));
    }

    void patch_appliesTheDiff_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::newRow("edit") << QByteArray("a\nb\nc\nd\n") << QByteArray("a\nB\nc\nd\n");
        QTest::newRow("insert block") << QByteArray("x {\n  a = 1\n}\n")
                                      << QByteArray("x {\n  a = 1\n\n  y \"l\" {\n    t = 2\n  }\n}\n");
        QTest::newRow("remove") << QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n")
                                << QByteArray("1\n3\n4\n5\n6\n7\n8\n9\n10\n12\n");
        QTest::newRow("reorder") << QByteArray("a\nb\nc\nd\ne\n") << QByteArray("e\nd\nc\nb\na\n");
        QTest::newRow("to empty") << QByteArray("a\nb\n") << QByteArray();
    }

    void patch_appliesTheDiff()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        const QString patchTool = QStandardPaths::findExecutable(QStringLiteral("patch"));
        if (patchTool.isEmpty())
            QSKIP("patch(1) is not installed");
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("file.hcl")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(before);
        f.close();
        const QString diff =
            unifiedDiff(before, after, QStringLiteral("a/file.hcl"), QStringLiteral("b/file.hcl"));
        QProcess p;
        p.setWorkingDirectory(dir.path());
        p.start(patchTool, {QStringLiteral("-p1"), QStringLiteral("--posix"), QStringLiteral("-s")});
        QVERIFY(p.waitForStarted());
        p.write(diff.toUtf8());
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished());
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), after);
    }
};

QTEST_GUILESS_MAIN(TestUnifiedDiff)
#include "tst_unifieddiff.moc"
