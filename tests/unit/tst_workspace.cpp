#include "model/workspace.h"
#include "util/testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace Tokenbench::Core;

class TestWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void mutations_emitPairedSignalsAndMarkModified()
    {
        Workspace ws;
        QSignalSpy about(&ws, &Workspace::backendAboutToBeInserted);
        QSignalSpy done(&ws, &Workspace::backendInserted);
        QSignalSpy modified(&ws, &Workspace::modifiedChanged);
        ws.insertBackend(0, Block{BlockType::Backend, QStringLiteral("a"), {}, {}});
        QCOMPARE(about.count(), 1);
        QCOMPARE(done.count(), 1);
        QVERIFY(ws.isModified());
        QCOMPARE(modified.count(), 1);
        const quint64 rev = ws.revision();
        ws.setAttribute(0, QString(), QStringLiteral("origin"), QStringLiteral("https://x"));
        QVERIFY(ws.revision() > rev);
        QCOMPARE(ws.backend(0).attribute(QStringLiteral("origin")), QStringLiteral("https://x"));
    }

    void setAttribute_sameValue_changesNothing()
    {
        Workspace ws;
        ws.insertBackend(0, Block{BlockType::Backend, QStringLiteral("a"), {{QStringLiteral("path"), QStringLiteral("/x")}}, {}});
        QSignalSpy changed(&ws, &Workspace::attributeChanged);
        ws.setAttribute(0, QString(), QStringLiteral("path"), QStringLiteral("/x"));
        QCOMPARE(changed.count(), 0);
    }

    void uniqueBackendName_avoidsExisting()
    {
        Workspace ws;
        ws.insertBackend(0, Block{BlockType::Backend, QStringLiteral("backend"), {}, {}});
        ws.insertBackend(1, Block{BlockType::Backend, QStringLiteral("backend_2"), {}, {}});
        QCOMPARE(ws.uniqueBackendName(QStringLiteral("backend")), QStringLiteral("backend_3"));
    }

    void diagnostics_followEdits()
    {
        Workspace ws;
        Block b{BlockType::Backend, QStringLiteral("be"), {}, {}};
        b.blocks.append(Block{BlockType::OAuth2, {}, {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}}, {}});
        ws.insertBackend(0, b);
        QVERIFY(hasErrors(ws.diagnostics()));
        ws.setAttribute(0, BlockType::OAuth2, QStringLiteral("token_endpoint"), QStringLiteral("https://as/t"));
        ws.setAttribute(0, BlockType::OAuth2, QStringLiteral("client_id"), QStringLiteral("id"));
        ws.setAttribute(0, BlockType::OAuth2, QStringLiteral("client_secret"), QStringLiteral("s"));
        QVERIFY(!hasErrors(ws.diagnostics()));
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
