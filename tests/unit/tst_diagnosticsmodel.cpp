#include "model/diagnosticsmodel.h"
#include "model/workspace.h"
#include "util/testsupport.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Tokenbench::Core;

class TestDiagnosticsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void followsWorkspace_underModelTester()
    {
        Workspace ws;
        DiagnosticsModel model(&ws);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        Block b{BlockType::Backend, QStringLiteral("be"), {}, {}};
        b.blocks.append(Block{BlockType::OAuth2, {}, {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}}, {}});
        ws.insertBackend(0, b);
        QTRY_VERIFY(model.rowCount() > 0);
        QVERIFY(model.errorCount() > 0);
        bool sawEndpoint = false;
        for (int r = 0; r < model.rowCount(); ++r) {
            if (model.index(r, 0).data(DiagnosticsModel::AttributeRole).toString() == u"token_endpoint") {
                sawEndpoint = true;
                QCOMPARE(model.index(r, DiagnosticsModel::LocationColumn).data().toString(),
                         QStringLiteral("be.oauth2.token_endpoint"));
            }
        }
        QVERIFY(sawEndpoint);
        ws.takeBackend(0);
        QTRY_COMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDiagnosticsModel)
#include "tst_diagnosticsmodel.moc"
