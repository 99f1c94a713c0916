// The main window as a user drives it: a template, the form filled by keyboard, Ctrl+Return, the token
// and the trace; undo; save without secrets; open again. Against a real oidc-provider.
#include "mainwindow.h"
#include "secretlineedit.h"
#include "tokenpanel.h"
#include "jwtpanel.h"
#include "tracepane.h"

#include "model/workspace.h"
#include "trace/tracemodel.h"
#include "util/guidriver.h"
#include "util/authserver.h"
#include "util/testsupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace Tokenbench;
using Core::TokenResult;
using Test::focused;
using Test::runAndWait;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    Test::AuthServer m_server;


    // Fills the client-credentials form by keyboard, starting in the token endpoint field.
    void typeForm(const QString& clientId, const QString& secret, const QString& scope)
    {
        QWidget* endpoint = focused();
        QVERIFY(endpoint);
        QCOMPARE(endpoint->objectName(), QStringLiteral("tokenEndpointLineEdit"));
        QTest::keyClicks(endpoint, m_server.tokenEndpoint().toString());
        QTest::keyClick(focused(), Qt::Key_Tab); // grant type
        QCOMPARE(focused()->objectName(), QStringLiteral("grantTypeComboBox"));
        QTest::keyClick(focused(), Qt::Key_Tab); // scope
        QTest::keyClicks(focused(), scope);
        QTest::keyClick(focused(), Qt::Key_Tab); // method
        QCOMPARE(focused()->objectName(), QStringLiteral("authMethodComboBox"));
        QTest::keyClick(focused(), Qt::Key_Tab); // client id
        QCOMPARE(focused()->objectName(), QStringLiteral("clientIdLineEdit"));
        QTest::keyClicks(focused(), clientId);
        QTest::keyClick(focused(), Qt::Key_Tab); // client secret
        QCOMPARE(focused()->objectName(), QStringLiteral("clientSecretLineEdit"));
        QTest::keyClicks(focused(), secret);
    }


private Q_SLOTS:
    void initTestCase()
    {
        Test::initTestEnvironment();
        qRegisterMetaType<TokenResult>();
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void template_typedByKeyboard_runsAndShowsTokenAndTrace()
    {
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // An empty start shows the welcome page, not a blank window.
        QCOMPARE(w.currentEditor()->objectName(), QStringLiteral("welcomePage"));
        auto* templateButton = w.findChild<QPushButton*>(QStringLiteral("clientCredentialsPushButton"));
        QVERIFY(templateButton);
        QTest::mouseClick(templateButton, Qt::LeftButton);
        QCOMPARE(w.currentEditor()->objectName(), QStringLiteral("oauth2Editor"));

        typeForm(QStringLiteral("basic-client"), QStringLiteral("basic-secret"), QStringLiteral("api:read"));
        auto* secret = w.findChild<Tokenbench::Ui::SecretLineEdit*>(QStringLiteral("clientSecretLineEdit"));
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        secret->revealAction()->trigger();
        QCOMPARE(secret->echoMode(), QLineEdit::Normal);
        secret->revealAction()->trigger();
        QCOMPARE(secret->echoMode(), QLineEdit::Password);

        // The form wrote the model.
        const Core::Block* o = w.workspace()->backend(0).child(Core::BlockType::OAuth2);
        QCOMPARE(o->attribute(QStringLiteral("client_id")), QStringLiteral("basic-client"));
        QVERIFY(w.isWindowModified());

        const TokenResult r = runAndWait(w);
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QVERIFY2(w.outcomeText().contains(QStringLiteral("200")), qPrintable(w.outcomeText()));
        QVERIFY(w.tokenPanel()->hasToken());
        QCOMPARE(w.tokenPanel()->token(), r.response.accessToken);
        QVERIFY(w.tokenPanel()->expiresText().startsWith(QStringLiteral("in ")));
        QCOMPARE(w.traceModel()->exchange(0).purpose, QStringLiteral("token request"));
        const QString request = w.tracePane()->requestText();
        QVERIFY2(request.contains(QStringLiteral("POST /token")) || request.contains(QStringLiteral("POST http")), qPrintable(request));
        QVERIFY(request.contains(QStringLiteral("Authorization: Basic [redacted:")));
        QVERIFY(!request.contains(QStringLiteral("YmFzaWMtY2xpZW50")));
        QVERIFY(w.tracePane()->responseText().contains(QStringLiteral("HTTP/1.1 200")));
        // The access token is verified against the issuer's keys, discovered from its iss.
        QTRY_VERIFY_WITH_TIMEOUT(w.tokenPanel()->verificationText().startsWith(QStringLiteral("\u2714 verified")), 20000);
        // ... and those requests are in the trace after the token request; the token request stays selected.
        QCOMPARE(w.traceModel()->rowCount(), 3);
        QCOMPARE(w.traceModel()->exchange(1).purpose, QStringLiteral("issuer metadata"));
        QCOMPARE(w.traceModel()->exchange(2).purpose, QStringLiteral("JWKS"));
        QCOMPARE(w.tracePane()->requestText(), request);
        // Every token in the trace can be opened in the inspector.
        auto* jwts = w.tracePane()->findChild<QListWidget*>(QStringLiteral("jwtListWidget"));
        QCOMPARE(jwts->count(), 1);
        QVERIFY(jwts->item(0)->text().contains(QStringLiteral("response access_token")));
        w.tracePane()->tabs()->setCurrentWidget(jwts);
        jwts->setCurrentRow(0);
        QTest::keyClick(jwts, Qt::Key_Return);
        QVERIFY(w.jwtPanel()->isVisible());
        QCOMPARE(w.jwtPanel()->token(), r.response.accessToken);

        // Revealing is an explicit action.
        auto* reveal = w.tracePane()->findChild<QCheckBox*>(QStringLiteral("revealCheckBox"));
        QTest::mouseClick(reveal, Qt::LeftButton);
        QVERIFY(w.tracePane()->requestText().contains(QStringLiteral("Authorization: Basic YmFzaWMtY2xpZW50")));

        const QByteArray screenshotDir = qgetenv("TOKENBENCH_SCREENSHOT_DIR");
        if (!screenshotDir.isEmpty()) {
            QTest::mouseClick(reveal, Qt::LeftButton);
            w.resize(1400, 860);
            QTest::qWait(50);
            w.grab().save(QString::fromLocal8Bit(screenshotDir) + QStringLiteral("/main-window.png"));
        }
    }

    void undo_revertsOneFieldPerStep()
    {
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.addFromTemplate(QStringLiteral("client_credentials"));
        QTest::keyClicks(focused(), QStringLiteral("https://as.example/token"));
        const Core::Block* o = w.workspace()->backend(0).child(Core::BlockType::OAuth2);
        QCOMPARE(o->attribute(QStringLiteral("token_endpoint")), QStringLiteral("https://as.example/token"));
        // Typing is merged into one undo step.
        QTest::keyClick(focused(), Qt::Key_Z, Qt::ControlModifier);
        o = w.workspace()->backend(0).child(Core::BlockType::OAuth2);
        QCOMPARE(o->attribute(QStringLiteral("token_endpoint")), QString());
        auto* endpoint = w.findChild<QLineEdit*>(QStringLiteral("tokenEndpointLineEdit"));
        QCOMPARE(endpoint->text(), QString());
        w.undoStack()->redo();
        QCOMPARE(endpoint->text(), QStringLiteral("https://as.example/token"));
        // Undoing the template removes the backend and brings back the welcome page.
        while (w.undoStack()->canUndo())
            w.undoStack()->undo();
        QCOMPARE(w.workspace()->backendCount(), 0);
        QCOMPARE(w.currentEditor()->objectName(), QStringLiteral("welcomePage"));
    }

    void postMethod_chosenByKeyboard_sendsCredentialsInBody()
    {
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.addFromTemplate(QStringLiteral("client_credentials"));
        QTest::keyClicks(focused(), m_server.tokenEndpoint().toString());
        auto* method = w.findChild<QComboBox*>(QStringLiteral("authMethodComboBox"));
        method->setFocus();
        QTest::keyClick(method, Qt::Key_Down);
        QCOMPARE(w.workspace()->backend(0).child(Core::BlockType::OAuth2)->attribute(QStringLiteral("token_endpoint_auth_method")),
                 QStringLiteral("client_secret_post"));
        QTest::keyClick(focused(), Qt::Key_Tab);
        QTest::keyClicks(focused(), QStringLiteral("post-client"));
        QTest::keyClick(focused(), Qt::Key_Tab);
        QTest::keyClicks(focused(), QStringLiteral("post-secret"));
        const TokenResult r = runAndWait(w);
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QVERIFY(m_server.lastTokenRequest().value(QStringLiteral("authorization")).isNull());
    }

    void wrongSecret_explainsInvalidClient()
    {
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.addFromTemplate(QStringLiteral("client_credentials"));
        typeForm(QStringLiteral("basic-client"), QStringLiteral("not-the-secret"), QString());
        const TokenResult r = runAndWait(w);
        QCOMPARE(r.status, TokenResult::Status::ServerRefused);
        QVERIFY(w.outcomeText().contains(QStringLiteral("invalid_client")));
        QVERIFY(w.outcomeText().contains(QStringLiteral("check client_id and client_secret")));
        QVERIFY(!w.tokenPanel()->hasToken());
    }

    void configError_takesTheUserToTheField()
    {
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.addFromTemplate(QStringLiteral("client_credentials"));
        QTest::keyClicks(focused(), m_server.tokenEndpoint().toString());
        const TokenResult r = runAndWait(w);
        QCOMPARE(r.status, TokenResult::Status::ConfigError);
        QCOMPARE(focused()->objectName(), QStringLiteral("clientIdLineEdit"));
        auto* problem = w.findChild<QLabel*>(QStringLiteral("client_idProblemLabel"));
        QVERIFY(problem && problem->isVisible());
        QVERIFY(problem->text().contains(QStringLiteral("client_id must not be empty")));
        QCOMPARE(w.traceModel()->rowCount(), 0);
    }

    // File > Open on a .http file: its token request joins the workspace as an oauth2 block, the secret
    // moved out of the block into the keychain, and it runs.
    void httpFile_opened_importsTheTokenRequestAndRuns()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("get-token.http"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("### token\nPOST " + m_server.tokenEndpoint().toEncoded() +
                   "\nAuthorization: Basic " + QByteArray("basic-client:basic-secret").toBase64() +
                   "\nContent-Type: application/x-www-form-urlencoded\nAccept: application/json\n\n"
                   "grant_type=client_credentials&scope=api%3Aread\n");
        file.close();

        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path));
        QCOMPARE(w.workspace()->backendCount(), 1);
        const Core::Block* oauth2 = w.workspace()->backend(0).child(Core::BlockType::OAuth2);
        QVERIFY(oauth2);
        QCOMPARE(oauth2->attribute(QStringLiteral("client_id")), QStringLiteral("basic-client"));
        const QString secret = oauth2->attribute(QStringLiteral("client_secret"));
        QVERIFY2(secret.startsWith(QStringLiteral("env.")), qPrintable(secret));
        QCOMPARE(w.currentEditor()->objectName(), QStringLiteral("oauth2Editor"));
        QVERIFY(w.isWindowModified());

        const TokenResult r = runAndWait(w);
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QVERIFY(!r.response.accessToken.isEmpty());
    }

    void save_keepsSecretsOutAndReopens()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws.tbw"));
        const QString canary = QStringLiteral("canary-5b1e-typed-secret");
        {
            Tokenbench::Ui::MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.addFromTemplate(QStringLiteral("client_credentials"));
            typeForm(QStringLiteral("basic-client"), canary, QStringLiteral("api:read"));
            QVERIFY(w.saveTo(path));
            QVERIFY(!w.isWindowModified());
            QVERIFY(w.windowTitle().startsWith(QStringLiteral("ws.tbw")));
            QVERIFY(!w.windowTitle().contains(canary));
            QTRY_VERIFY(w.findChild<QMessageBox*>(QStringLiteral("secretsSavedMessageBox")));
            auto* box = w.findChild<QMessageBox*>(QStringLiteral("secretsSavedMessageBox"));
            QVERIFY(box->text().contains(QStringLiteral("BACKEND_CLIENT_SECRET")));
            box->accept();
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(!bytes.contains(canary.toUtf8()));
        QVERIFY(bytes.contains("env.BACKEND_CLIENT_SECRET"));

        Tokenbench::Ui::MainWindow reopened;
        reopened.show();
        QVERIFY(reopened.openFile(path));
        QCOMPARE(reopened.workspace()->backendCount(), 1);
        QCOMPARE(reopened.workspace()->backend(0).child(Core::BlockType::OAuth2)->attribute(QStringLiteral("client_secret")),
                 QStringLiteral("env.BACKEND_CLIENT_SECRET"));
        QCOMPARE(reopened.currentEditor()->objectName(), QStringLiteral("oauth2Editor"));
        QVERIFY(!reopened.isWindowModified());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
