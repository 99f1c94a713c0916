// The block editors: only the fields that apply are shown, edits go through undo, problems sit under
// their field.
#include "backendeditor.h"
#include "oauth2editor.h"

#include "model/workspace.h"
#include "util/blocks.h"
#include "util/testsupport.h"

#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QUndoStack>

using namespace Tokenbench;

namespace {
Core::Block backendWithOAuth2()
{
    return Test::backendWithOAuth2(QStringLiteral("be"), {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}});
}
} // namespace

class TestBlockEditors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Test::initTestEnvironment(); }

    void oauth2_grantChoosesVisibleFields()
    {
        Core::Workspace ws;
        ws.insertBackend(0, backendWithOAuth2());
        QUndoStack undo;
        Tokenbench::Ui::OAuth2Editor editor;
        editor.setTarget(&ws, 0, &undo);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        auto* owner = editor.findChild<QGroupBox*>(QStringLiteral("ownerGroupBox"));
        auto* assertion = editor.findChild<QGroupBox*>(QStringLiteral("assertionGroupBox"));
        auto* client = editor.findChild<QGroupBox*>(QStringLiteral("clientGroupBox"));
        QVERIFY(!owner->isVisible());
        QVERIFY(!assertion->isVisible());
        QVERIFY(client->isVisible());

        auto* grant = editor.findChild<QComboBox*>(QStringLiteral("grantTypeComboBox"));
        grant->setFocus();
        QTest::keyClick(grant, Qt::Key_Down); // password
        QCOMPARE(ws.backend(0).child(Core::BlockType::OAuth2)->attribute(QStringLiteral("grant_type")), QStringLiteral("password"));
        QVERIFY(owner->isVisible());
        QTest::keyClick(grant, Qt::Key_Down); // jwt-bearer
        QVERIFY(!owner->isVisible());
        QVERIFY(assertion->isVisible());
        QVERIFY(!client->isVisible());
        undo.undo();
        undo.undo();
        QCOMPARE(grant->currentData().toString(), QStringLiteral("client_credentials"));
        QVERIFY(client->isVisible());
    }

    void oauth2_unknownValueFromFileIsKept()
    {
        Core::Workspace ws;
        Core::Block b = backendWithOAuth2();
        b.blocks[0].setAttribute(QStringLiteral("token_endpoint_auth_method"), QStringLiteral("private_key_jwt"));
        ws.insertBackend(0, b);
        QUndoStack undo;
        Tokenbench::Ui::OAuth2Editor editor;
        editor.setTarget(&ws, 0, &undo);
        auto* method = editor.findChild<QComboBox*>(QStringLiteral("authMethodComboBox"));
        QCOMPARE(method->currentData().toString(), QStringLiteral("private_key_jwt"));
        QCOMPARE(undo.count(), 0);
    }

    void backend_problemsAppearUnderTheField()
    {
        Core::Workspace ws;
        ws.insertBackend(0, Core::Block{Core::BlockType::Backend, QStringLiteral("be"), {}, {}});
        QUndoStack undo;
        Tokenbench::Ui::BackendEditor editor;
        editor.setTarget(&ws, 0, &undo);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        auto* timeout = editor.findChild<QLineEdit*>(QStringLiteral("timeoutLineEdit"));
        QTest::mouseClick(timeout, Qt::LeftButton);
        QTest::keyClicks(timeout, QStringLiteral("10"));
        auto* problem = editor.findChild<QLabel*>(QStringLiteral("timeoutProblemLabel"));
        QTRY_VERIFY(problem->isVisible());
        QVERIFY(problem->text().contains(QStringLiteral("missing unit")));
        QTest::keyClicks(timeout, QStringLiteral("s"));
        QTRY_VERIFY(!problem->isVisible());
        QCOMPARE(ws.backend(0).attribute(QStringLiteral("timeout")), QStringLiteral("10s"));
    }

    void backend_renameGoesThroughUndo()
    {
        Core::Workspace ws;
        ws.insertBackend(0, Core::Block{Core::BlockType::Backend, QStringLiteral("be"), {}, {}});
        QUndoStack undo;
        Tokenbench::Ui::BackendEditor editor;
        editor.setTarget(&ws, 0, &undo);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        auto* name = editor.findChild<QLineEdit*>(QStringLiteral("nameLineEdit"));
        QTest::mouseClick(name, Qt::LeftButton);
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("billing-x"));  // '-' is refused by the validator
        QCOMPARE(name->text(), QStringLiteral("billingx"));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(ws.backend(0).label, QStringLiteral("billingx"));
        undo.undo();
        QCOMPARE(ws.backend(0).label, QStringLiteral("be"));
    }
};

QTEST_MAIN(TestBlockEditors)
#include "tst_blockeditors.moc"
