// The workspace tree's problem badges (issue 16, item 9): a pill with the number of problems, coloured by
// severity, in light and dark palettes; a row without problems has none.
#include "workspacetreedelegate.h"

#include "model/blocktemplates.h"
#include "model/workspace.h"
#include "model/workspacetreemodel.h"
#include "util/diagnostic.h"
#include "util/testsupport.h"

#include <QImage>
#include <QTest>
#include <QTreeView>

using namespace Tokenbench;

class TestWorkspaceTreeDelegate : public QObject
{
    Q_OBJECT

private:
    // Pixels of exactly `color` inside the visual rect of `index`.
    static int pixelsOf(const QImage& image, const QRect& rect, const QColor& color)
    {
        int n = 0;
        for (int y = rect.top(); y <= rect.bottom(); ++y) {
            for (int x = rect.left(); x <= rect.right(); ++x) {
                if (image.pixelColor(x, y).rgb() == color.rgb())
                    ++n;
            }
        }
        return n;
    }

private Q_SLOTS:
    void initTestCase() { Test::initTestEnvironment(); }

    void badge_isColouredBySeverity_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light palette") << false;
        QTest::newRow("dark palette") << true;
    }

    void badge_isColouredBySeverity()
    {
        QFETCH(bool, dark);
        Core::Workspace workspace;
        // An empty client-credentials template has errors (token endpoint, client id, secret); a filled one none.
        Core::Block broken = Core::Templates::backend(Core::Templates::Kind::ClientCredentials, QStringLiteral("broken"));
        Core::Block fine = broken;
        fine.label = QStringLiteral("fine");
        Core::Block* o = fine.child(Core::BlockType::OAuth2);
        o->setAttribute(QStringLiteral("token_endpoint"), QStringLiteral("https://as.example/token"));
        o->setAttribute(QStringLiteral("client_id"), QStringLiteral("c"));
        o->setAttribute(QStringLiteral("client_secret"), QStringLiteral("env.FINE_SECRET"));
        workspace.resetBackends({broken, fine});
        Core::WorkspaceTreeModel model(&workspace);
        QTreeView view;
        QPalette palette = view.palette();
        if (dark) {
            palette.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
            palette.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
            view.setPalette(palette);
        }
        view.setModel(&model);
        view.setItemDelegate(new Ui::WorkspaceTreeDelegate(&view));
        view.resize(360, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QModelIndex brokenRow = model.backendIndex(0);
        const QModelIndex fineRow = model.backendIndex(1);
        QVERIFY(model.data(brokenRow, Core::WorkspaceTreeModel::ProblemCountRole).toInt() > 0);
        QCOMPARE(model.data(fineRow, Core::WorkspaceTreeModel::ProblemCountRole).toInt(), 0);

        const QImage image = view.viewport()->grab().toImage();
        const QColor error = Ui::WorkspaceTreeDelegate::badgeColor(int(Core::Diagnostic::Severity::Error), dark);
        QVERIFY2(pixelsOf(image, view.visualRect(brokenRow), error) > 20, "no error badge on the broken backend");
        QCOMPARE(pixelsOf(image, view.visualRect(fineRow), error), 0);
        // The badge sits at the right edge of the row, after the label.
        QVERIFY(pixelsOf(image, view.visualRect(brokenRow).adjusted(0, 0, -view.visualRect(brokenRow).width() / 2, 0), error) == 0);
        QVERIFY(Ui::WorkspaceTreeDelegate::badgeColor(int(Core::Diagnostic::Severity::Warning), dark) != error);
    }
};

QTEST_MAIN(TestWorkspaceTreeDelegate)
#include "tst_workspacetreedelegate.moc"
