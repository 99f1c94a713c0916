// The welcome page (issue 16, item 10): a template for every kind of token request in a grid, open, import
// a curl command and the demo; each template opens the block the user fills first, with what Couper needs
// already chosen (a public PKCE client: method none; private key JWT: its signing profile).
#include "mainwindow.h"

#include "util/testsupport.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QGridLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTest>

using namespace Tokenbench;

class TestWelcomePage : public QObject
{
    Q_OBJECT

private:
    template <typename T>
    static T* child(QWidget& w, const char* name)
    {
        return w.findChild<T*>(QLatin1String(name));
    }

    static QString currentEditor(QWidget& w)
    {
        auto* stack = child<QStackedWidget>(w, "editorStack");
        return stack && stack->currentWidget() ? stack->currentWidget()->objectName() : QString();
    }

private Q_SLOTS:
    void initTestCase() { Test::initTestEnvironment(); }

    void everyTemplateAndEveryWayIn_isOneClickAway()
    {
        Ui::MainWindow w;
        w.resize(1024, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(currentEditor(w), QStringLiteral("welcomePage"));
        QWidget* welcome = child<QWidget>(w, "welcomePage");
        QVERIFY(welcome);
        for (const char* name : {"clientCredentialsPushButton", "passwordPushButton", "privateKeyJwtPushButton",
                                 "jwtBearerPushButton", "customTokenServicePushButton", "authorizationCodePushButton",
                                 "deviceCodePushButton", "openPushButton", "importCurlPushButton", "demoPushButton"}) {
            auto* button = child<QPushButton>(*welcome, name);
            QVERIFY2(button, name);
            QVERIFY2(button->isVisible(), name);
            QVERIFY2(!button->toolTip().isEmpty(), name);
        }
        // A grid of three columns: the seven templates in three rows.
        auto* grid = welcome->findChild<QGridLayout*>(QStringLiteral("templatesLayout"));
        QVERIFY(grid);
        QCOMPARE(grid->columnCount(), 3);
        QCOMPARE(grid->count(), 7);
        // README screenshots: TOKENBENCH_SCREENSHOT_DIR=docs/screenshots ctest -R tst_welcomepage
        if (const QByteArray dir = qgetenv("TOKENBENCH_SCREENSHOT_DIR"); !dir.isEmpty())
            w.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/welcome.png"));

        // Import a curl command: the dialog opens.
        QTest::mouseClick(child<QPushButton>(*welcome, "importCurlPushButton"), Qt::LeftButton);
        QDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = w.findChild<QDialog*>(QStringLiteral("importCurlDialog"))) && dialog->isVisible());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog->isVisible());
    }

    void privateKeyJwt_opensTheFormWithItsSigningProfile()
    {
        Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* button = child<QPushButton>(w, "privateKeyJwtPushButton");
        QVERIFY(button);
        button->setFocus();
        QTest::keyClick(button, Qt::Key_Space);
        QCOMPARE(currentEditor(w), QStringLiteral("oauth2Editor"));
        auto* method = child<QComboBox>(w, "authMethodComboBox");
        QVERIFY(method);
        QCOMPARE(method->currentData().toString(), QStringLiteral("private_key_jwt"));
        // The first field to fill has the focus.
        QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(w, "tokenEndpointLineEdit"));
    }

    void authorizationCode_isAPublicClient()
    {
        Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::mouseClick(child<QPushButton>(w, "authorizationCodePushButton"), Qt::LeftButton);
        QCOMPARE(currentEditor(w), QStringLiteral("oauth2Editor"));
        QCOMPARE(child<QComboBox>(w, "authMethodComboBox")->currentData().toString(), QStringLiteral("none"));
    }

    void customTokenService_opensTheTokenRequestEditor()
    {
        Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::mouseClick(child<QPushButton>(w, "customTokenServicePushButton"), Qt::LeftButton);
        QCOMPARE(currentEditor(w), QStringLiteral("betaTokenRequestEditor"));
    }
};

QTEST_MAIN(TestWelcomePage)
#include "tst_welcomepage.moc"
