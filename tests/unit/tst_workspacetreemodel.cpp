#include "model/workspace.h"
#include "model/workspacetreemodel.h"
#include "util/testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Tokenbench::Core;

class TestWorkspaceTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void followsWorkspaceEdits_underModelTester()
    {
        Workspace ws;
        WorkspaceTreeModel model(&ws);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        ws.insertBackend(0, Block{BlockType::Backend, QStringLiteral("a"), {}, {}});
        Block b{BlockType::Backend, QStringLiteral("b"), {}, {}};
        b.blocks.append(Block{BlockType::OAuth2, {}, {}, {}});
        ws.insertBackend(1, b);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowCount(model.index(1, 0)), 1);
        QCOMPARE(model.index(0, 1 - 1, model.index(1, 0)).data().toString(), QStringLiteral("oauth2"));

        // Adding and removing a child block through replaceBackend.
        Block a = ws.backend(0);
        a.blocks.append(Block{BlockType::OAuth2, {}, {}, {}});
        ws.replaceBackend(0, a);
        QCOMPARE(model.rowCount(model.index(0, 0)), 1);
        ws.replaceBackend(0, Block{BlockType::Backend, QStringLiteral("a2"), {}, {}});
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("a2"));

        ws.takeBackend(0);
        QCOMPARE(model.rowCount(), 1);
        ws.resetBackends({});
        QCOMPARE(model.rowCount(), 0);
    }

    void setData_requestsRenameInsteadOfApplying()
    {
        Workspace ws;
        WorkspaceTreeModel model(&ws);
        ws.insertBackend(0, Block{BlockType::Backend, QStringLiteral("a"), {}, {}});
        QSignalSpy spy(&model, &WorkspaceTreeModel::renameRequested);
        QVERIFY(model.setData(model.index(0, 0), QStringLiteral("renamed")));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("renamed"));
        QCOMPARE(ws.backend(0).label, QStringLiteral("a"));
    }

    void severityRole_reportsWorstProblem()
    {
        Workspace ws;
        WorkspaceTreeModel model(&ws);
        Block b{BlockType::Backend, QStringLiteral("b"), {}, {}};
        b.blocks.append(Block{BlockType::OAuth2, {}, {}, {}});
        ws.insertBackend(0, b);
        const QModelIndex oauth2 = model.blockIndex(0, BlockType::OAuth2);
        QVERIFY(oauth2.isValid());
        QCOMPARE(oauth2.data(WorkspaceTreeModel::SeverityRole).toInt(), int(Diagnostic::Severity::Error));
        QVERIFY(oauth2.data(WorkspaceTreeModel::ProblemCountRole).toInt() > 0);
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceTreeModel)
#include "tst_workspacetreemodel.moc"
