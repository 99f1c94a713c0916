// The authorization code flow in the window: the oauth2 editor shows the fields of the grant, Run opens
// the "browser" (played by the test through the injected URL opener), the interactive-flow panel waits,
// the token panel shows the token and the verified ID token, Refresh rotates, Esc cancels.
#include "browserplayer.h"

#include "flowcontroller.h"
#include "interactiveflowpanel.h"
#include "mainwindow.h"
#include "oauth2editor.h"
#include "tokenpanel.h"

#include "model/schema.h"
#include "model/workspace.h"
#include "net/tokenclient.h"
#include "trace/tracemodel.h"
#include "util/guidriver.h"
#include "util/authserver.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialog>
#include <QClipboard>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QAbstractItemView>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace Tokenbench;
using Core::TokenResult;
using Test::focused;
using Test::runAndWait;

class TestFlowGui : public QObject
{
    Q_OBJECT

private:
    Test::AuthServer m_server;


    static QString labelOf(QWidget* field)
    {
        auto* form = qobject_cast<QFormLayout*>(field->parentWidget()->layout());
        auto* label = form ? qobject_cast<QLabel*>(form->labelForField(field)) : nullptr;
        return label ? label->text() : QString();
    }

    template<typename T> static T* child(QWidget& w, const char* name)
    {
        return w.findChild<T*>(QString::fromLatin1(name));
    }

    TokenResult waitRun(Tokenbench::Ui::MainWindow& w, const std::function<void()>& trigger)
    {
        QSignalSpy finished(&w, &Tokenbench::Ui::MainWindow::runFinished);
        trigger();
        if (finished.isEmpty() && !finished.wait(60000))
            return {};
        return finished.constFirst().constFirst().value<TokenResult>();
    }

    // Method, URL and purpose of the trace's rows from `from` on, once the issued token's verification (and with
    // it every request of the run) has ended.
    static QStringList traceRows(Tokenbench::Ui::MainWindow& w, int from = 0)
    {
        if (!QTest::qWaitFor([&] { return !w.tokenPanel()->verificationText().startsWith(QStringLiteral("checking")); },
                             20000))
            return {QStringLiteral("verification did not end")};
        QStringList rows;
        for (int i = from; i < w.traceModel()->rowCount(); ++i)
            rows << exchangeLine(w.traceModel()->exchange(i));
        return rows;
    }

    static QString exchangeLine(const Core::Exchange& e)
    {
        return QStringLiteral("%1 %2 (%3)%4")
            .arg(QString::fromLatin1(e.method), e.url.toString(), e.purpose,
                 e.isComplete() ? QString() : QStringLiteral(" still running"));
    }

    QString metadataLine() const
    {
        return QStringLiteral("GET %1/.well-known/openid-configuration (issuer metadata)").arg(m_server.issuer().toString());
    }

    QString jwksLine() const { return QStringLiteral("GET %1/jwks (JWKS)").arg(m_server.issuer().toString()); }

    // An oauth2 form for the authorization code grant, filled by keyboard.
    void prepareAuthCodeForm(Tokenbench::Ui::MainWindow& w)
    {
        w.addFromTemplate(Core::Schema::Grant::ClientCredentials);
        QCOMPARE(w.currentEditor()->objectName(), QStringLiteral("oauth2Editor"));
        auto* grant = child<QComboBox>(w, "grantTypeComboBox");
        auto* authEndpoint = child<QLineEdit>(w, "authorizationEndpointLineEdit");
        QVERIFY(!authEndpoint->isVisibleTo(&w));
        grant->setFocus();
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(grant, Qt::Key_Down);
        QCOMPARE(grant->currentData().toString(), Core::Schema::Grant::AuthorizationCode);
        QCOMPARE(w.workspace()->backend(0).child(Core::BlockType::OAuth2)->attribute(QStringLiteral("grant_type")),
                 Core::Schema::Grant::AuthorizationCode);
        // Exactly the fields of the grant, required ones marked.
        QTRY_VERIFY(authEndpoint->isVisibleTo(&w));
        QVERIFY(labelOf(authEndpoint).endsWith(QStringLiteral(" *")));
        QVERIFY(child<QLineEdit>(w, "redirectUriLineEdit")->isVisibleTo(&w));
        QVERIFY(!labelOf(child<QLineEdit>(w, "redirectUriLineEdit")).endsWith(QStringLiteral(" *")));
        QVERIFY(!child<QLineEdit>(w, "deviceAuthorizationEndpointLineEdit")->isVisibleTo(&w));
        QVERIFY(!child<QLineEdit>(w, "refreshTokenLineEdit")->isVisibleTo(&w));
        QVERIFY(!child<QLineEdit>(w, "usernameLineEdit")->isVisibleTo(&w));
        QVERIFY(child<QCheckBox>(w, "rawBasicCheckBox")->isVisibleTo(&w));

        child<QLineEdit>(w, "tokenEndpointLineEdit")->setFocus();
        QTest::keyClicks(focused(), m_server.tokenEndpoint().toString());
        authEndpoint->setFocus();
        QTest::keyClicks(authEndpoint, m_server.issuer().toString() + QStringLiteral("/auth"));
        child<QLineEdit>(w, "scopeLineEdit")->setFocus();
        QTest::keyClicks(focused(), QStringLiteral("openid offline_access api:read"));
        child<QLineEdit>(w, "clientIdLineEdit")->setFocus();
        QTest::keyClicks(focused(), QStringLiteral("app-client"));
        child<QLineEdit>(w, "clientSecretLineEdit")->setFocus();
        QTest::keyClicks(focused(), QStringLiteral("app-secret"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::initTestEnvironment();
        qRegisterMetaType<TokenResult>();
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void editor_showsTheFieldsOfEachGrantAndMethod()
    {
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.addFromTemplate(Core::Schema::Grant::ClientCredentials);
        auto* grant = child<QComboBox>(w, "grantTypeComboBox");
        auto* method = child<QComboBox>(w, "authMethodComboBox");
        auto* secret = child<QLineEdit>(w, "clientSecretLineEdit");
        QVERIFY(secret->isVisibleTo(&w));
        QVERIFY(labelOf(secret).endsWith(QStringLiteral(" *")));
        // none: a public client has no secret.
        method->setFocus();
        while (method->currentData().toString() != Core::Schema::AuthMethod::None)
            QTest::keyClick(method, Qt::Key_Down);
        QTRY_VERIFY(!secret->isVisibleTo(&w));
        QVERIFY(!child<QCheckBox>(w, "rawBasicCheckBox")->isVisibleTo(&w));
        // Device code: the device endpoint, required.
        grant->setFocus();
        while (grant->currentData().toString() != Core::Schema::Grant::DeviceCode)
            QTest::keyClick(grant, Qt::Key_Down);
        auto* device = child<QLineEdit>(w, "deviceAuthorizationEndpointLineEdit");
        QTRY_VERIFY(device->isVisibleTo(&w));
        QVERIFY(labelOf(device).endsWith(QStringLiteral(" *")));
        QVERIFY(!child<QLineEdit>(w, "authorizationEndpointLineEdit")->isVisibleTo(&w));
        // The validator's message appears inline under the empty required field.
        auto* problem = w.findChild<QLabel*>(QStringLiteral("device_authorization_endpointProblemLabel"));
        QVERIFY(problem);
        QTRY_VERIFY(problem->isVisibleTo(&w));
        QVERIFY2(problem->text().contains(QStringLiteral("must not be empty")), qPrintable(problem->text()));
        // Refresh token grant: the refresh token field (a secret field).
        while (grant->currentData().toString() != Core::Schema::Grant::RefreshToken)
            QTest::keyClick(grant, Qt::Key_Up);
        QTRY_VERIFY(child<QLineEdit>(w, "refreshTokenLineEdit")->isVisibleTo(&w));
        QCOMPARE(child<QLineEdit>(w, "refreshTokenLineEdit")->echoMode(), QLineEdit::Password);

        // The raw Basic toggle writes the Tokenbench attribute, undoably.
        while (method->currentData().toString() != Core::Schema::AuthMethod::Basic) {
            method->setFocus();
            QTest::keyClick(method, Qt::Key_Up);
        }
        auto* raw = child<QCheckBox>(w, "rawBasicCheckBox");
        QTRY_VERIFY(raw->isVisibleTo(&w));
        QTest::mouseClick(raw, Qt::LeftButton, {}, QPoint(8, raw->height() / 2));
        const auto attr = [&] {
            return w.workspace()->backend(0).child(Core::BlockType::OAuth2)->attribute(
                QStringLiteral("raw_basic_credentials"));
        };
        QCOMPARE(attr(), QStringLiteral("true"));
        w.undoStack()->undo();
        QCOMPARE(attr(), QString());
        QVERIFY(!raw->isChecked());
    }

    void authorizationCode_browserPlayedByTheTest_tokenPanelAndRefresh()
    {
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        Test::BrowserPlayer browser;
        QList<QUrl> opened;
        QString panelTitleWhileWaiting;
        w.setUrlOpener([&](const QUrl& url) {
            opened << url;
            panelTitleWhileWaiting = w.interactiveFlowPanel()->titleText();
            QTimer::singleShot(0, this, [&browser, url] { browser.signIn(url); });
            return true;
        });
        prepareAuthCodeForm(w);

        const TokenResult r = waitRun(w, [&] { QTest::keyClick(focused(), Qt::Key_Return, Qt::ControlModifier); });
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QCOMPARE(opened.size(), 1);
        QCOMPARE(panelTitleWhileWaiting, QStringLiteral("Waiting for the browser\u2026"));
        QVERIFY(!w.interactiveFlowPanel()->isVisible());
        QCOMPARE(w.tokenPanel()->token(), r.response.accessToken);
        QVERIFY2(w.tokenPanel()->idTokenText().startsWith(QStringLiteral("\u2714 verified")),
                 qPrintable(w.tokenPanel()->idTokenText()));
        QVERIFY(w.tokenPanel()->idTokenText().contains(QStringLiteral("nonce")));
        QTRY_VERIFY_WITH_TIMEOUT(w.tokenPanel()->verificationText().startsWith(QStringLiteral("\u2714 verified")), 20000);
        // Every request is in the trace as it went: the token request, the ID token's verification (issuer
        // metadata, keys; also in the run's result), then the issued access token's verification.
        const QString tokenLine = QStringLiteral("POST %1 (token request)").arg(m_server.tokenEndpoint().toString());
        QStringList runLines;
        for (const Core::Exchange& e : r.exchanges)
            runLines << exchangeLine(e);
        QCOMPARE(runLines, QStringList({tokenLine, metadataLine(), jwksLine()}));
        QCOMPARE(traceRows(w), QStringList({tokenLine, metadataLine(), jwksLine(), metadataLine(), jwksLine()}));
        // The trace shows the token request, not the last verification fetch.
        auto* table = w.findChild<QAbstractItemView*>(QStringLiteral("traceTableView"));
        QVERIFY(table);
        QCOMPARE(exchangeLine(w.traceModel()->exchange(table->currentIndex().row())), tokenLine);
        // The outcome's time is the token request's, not the verification's.
        QVERIFY2(w.outcomeText().contains(QStringLiteral("\u00b7 %1 ms \u00b7").arg(r.exchanges.constFirst().durationMs)),
                 qPrintable(w.outcomeText()));

        // Refresh: previewable first (redacted), then sent; the refresh token rotates.
        auto* refresh = child<QPushButton>(w, "refreshPushButton");
        QVERIFY(refresh->isVisibleTo(&w));
        QVERIFY(w.flowController()->hasRefreshToken());
        const QString preview = w.flowController()->refreshPreviewText();
        QVERIFY2(preview.startsWith(QStringLiteral("POST /token HTTP/1.1\n")), qPrintable(preview));
        QVERIFY(preview.contains(QStringLiteral("grant_type=refresh_token")));
        QVERIFY(preview.contains(QStringLiteral("Authorization: Basic [redacted")));
        QVERIFY(!preview.contains(r.response.refreshToken));
        QTest::mouseClick(child<QPushButton>(w, "previewRefreshPushButton"), Qt::LeftButton);
        QTRY_VERIFY(w.findChild<QDialog*>(QStringLiteral("refreshPreviewDialog")));
        w.findChild<QDialog*>(QStringLiteral("refreshPreviewDialog"))->reject();

        const TokenResult refreshed = waitRun(w, [&] { QTest::mouseClick(refresh, Qt::LeftButton); });
        QVERIFY2(refreshed.ok(), qPrintable(refreshed.errorText));
        QCOMPARE(refreshed.grantType, Core::Schema::Grant::RefreshToken);
        QVERIFY(refreshed.response.refreshToken != r.response.refreshToken);
        QCOMPARE(w.tokenPanel()->token(), refreshed.response.accessToken);
        QCOMPARE(opened.size(), 1); // no browser for a refresh
        // The refresh's requests follow, the token's verification last.
        const QStringList refreshRows = traceRows(w, 5);
        QVERIFY2(refreshRows.size() == refreshed.exchanges.size() + 2, qPrintable(refreshRows.join(u'\n')));
        QCOMPARE(refreshRows.constFirst(), tokenLine);
        QCOMPARE(refreshRows.mid(refreshRows.size() - 2), QStringList({metadataLine(), jwksLine()}));
        // The next refresh uses the rotated token: it succeeds (the old one would be refused).
        const TokenResult again = waitRun(w, [&] { QTest::mouseClick(refresh, Qt::LeftButton); });
        QVERIFY2(again.ok(), qPrintable(again.errorText));

        // Auto-refresh is scheduled at Couper's TTL (90 % of expires_in), on by default; it can be turned off.
        auto* autoRefresh = child<QCheckBox>(w, "autoRefreshCheckBox");
        QVERIFY(autoRefresh->isChecked());
        QVERIFY(w.flowController()->autoRefreshScheduled());
        QTest::mouseClick(autoRefresh, Qt::LeftButton, {}, QPoint(8, autoRefresh->height() / 2));
        QVERIFY(!autoRefresh->isChecked());
        QVERIFY(!w.flowController()->autoRefreshScheduled());
        QTest::mouseClick(autoRefresh, Qt::LeftButton, {}, QPoint(8, autoRefresh->height() / 2));
        QVERIFY(w.flowController()->autoRefreshScheduled());
        const qint64 due = w.flowController()->autoRefreshInMs();
        QVERIFY2(due > 3200 * 1000 && due <= 3241 * 1000, qPrintable(QString::number(due)));
    }

    void deviceFlow_panelShowsCodeAndCountdown_userApproves()
    {
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QList<QUrl> opened;
        w.setUrlOpener([&](const QUrl& url) {
            opened << url;
            return true;
        });
        // The welcome page's device-code template.
        auto* deviceTemplate = child<QPushButton>(w, "deviceCodePushButton");
        QVERIFY(deviceTemplate && deviceTemplate->isVisible());
        QTest::mouseClick(deviceTemplate, Qt::LeftButton);
        QCOMPARE(child<QComboBox>(w, "grantTypeComboBox")->currentData().toString(), Core::Schema::Grant::DeviceCode);
        QCOMPARE(child<QLineEdit>(w, "scopeLineEdit")->text(), QStringLiteral("openid"));
        auto* method = child<QComboBox>(w, "authMethodComboBox");
        method->setFocus();
        while (method->currentData().toString() != Core::Schema::AuthMethod::None)
            QTest::keyClick(method, Qt::Key_Down);
        child<QLineEdit>(w, "tokenEndpointLineEdit")->setFocus();
        QTest::keyClicks(focused(), m_server.tokenEndpoint().toString());
        child<QLineEdit>(w, "deviceAuthorizationEndpointLineEdit")->setFocus();
        QTest::keyClicks(focused(), m_server.issuer().toString() + QStringLiteral("/device/auth"));
        child<QLineEdit>(w, "clientIdLineEdit")->setFocus();
        QTest::keyClicks(focused(), QStringLiteral("device-client"));
        child<QLineEdit>(w, "scopeLineEdit")->setFocus();
        QTest::keyClick(focused(), Qt::Key_End);
        QTest::keyClicks(focused(), QStringLiteral(" api:read"));
        QCOMPARE(child<QLineEdit>(w, "scopeLineEdit")->text(), QStringLiteral("openid api:read"));

        QSignalSpy finished(&w, &Tokenbench::Ui::MainWindow::runFinished);
        QTest::keyClick(focused(), Qt::Key_Return, Qt::ControlModifier);
        Tokenbench::Ui::InteractiveFlowPanel* panel = w.interactiveFlowPanel();
        QTRY_COMPARE_WITH_TIMEOUT(panel->mode(), Tokenbench::Ui::InteractiveFlowPanel::Mode::Device, 10000);
        QVERIFY(panel->isVisible());
        const QString code = panel->userCode();
        QVERIFY(!code.isEmpty());
        QCOMPARE(panel->findChild<QLabel*>(QStringLiteral("userCodeLabel"))->text(), code);
        QVERIFY2(panel->countdownText().startsWith(QStringLiteral("Code expires in ")), qPrintable(panel->countdownText()));
        QVERIFY(panel->countdownText().contains(QStringLiteral("every 5 s")));
        // Copy the code, open the verification page (the test's "browser").
        QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("copyUserCodePushButton")), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), code);
        QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("openFlowUrlPushButton")), Qt::LeftButton);
        QCOMPARE(opened.size(), 1);
        QVERIFY(opened.constFirst().toString().contains(QStringLiteral("user_code=")));
        // The user signs in on the other device.
        Test::BrowserPlayer user;
        QString error;
        QUrl verification = opened.constFirst();
        verification.setQuery(QString());
        QVERIFY2(user.approveDevice(verification, code, &error), qPrintable(error));
        QVERIFY(finished.wait(30000));
        const TokenResult r = finished.constFirst().constFirst().value<TokenResult>();
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QVERIFY(!panel->isVisible());
        QCOMPARE(w.tokenPanel()->token(), r.response.accessToken);
        QVERIFY(child<QPushButton>(w, "refreshPushButton")->isVisibleTo(&w));
        // The trace: the device authorization, the poll(s), the ID token's verification, the access token's.
        const QStringList rows = traceRows(w);
        QStringList runLines;
        for (const Core::Exchange& e : r.exchanges)
            runLines << exchangeLine(e);
        QCOMPARE(rows, runLines + QStringList({metadataLine(), jwksLine()}));
        QVERIFY2(rows.size() >= 6, qPrintable(rows.join(u'\n')));
        QCOMPARE(rows.constFirst(),
                 QStringLiteral("POST %1/device/auth (device authorization request)").arg(m_server.issuer().toString()));
        QCOMPARE(rows.at(rows.size() - 5), QStringLiteral("POST %1 (token request)").arg(m_server.tokenEndpoint().toString()));
        QCOMPARE(rows.mid(rows.size() - 4), QStringList({metadataLine(), jwksLine(), metadataLine(), jwksLine()}));
    }

public Q_SLOTS:
    // QDesktopServices URL handler for the hostile schemes: records every URL handed to the desktop.
    void recordDesktopOpen(const QUrl& url) { m_desktopOpened << url; }

private:
    QList<QUrl> m_desktopOpened;

private Q_SLOTS:
    void deviceFlow_hostileServer_uriNotOpened_controlsEscaped()
    {
        Test::RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour([](QTcpSocket* socket, const QByteArray& request) {
            const bool device = request.startsWith("POST /device");
            const QByteArray body =
                device ? QByteArray("{\"device_code\":\"dc\",\"user_code\":\"AB\\u001b[2J\\u0007CD\\r\","
                                    "\"verification_uri\":\"file:///etc/passwd\","
                                    "\"verification_uri_complete\":\"file:///etc/passwd?x=1\","
                                    "\"expires_in\":1e308,\"interval\":1}")
                       : QByteArray("{\"error\":\"access_denied\",\"error_description\":\"no\\u001b[2J\\u0007\"}");
            Test::RawHttpServer::respond(device ? 200 : 400, "application/json", body)(socket, request);
        });
        m_desktopOpened.clear();
        for (const char* scheme : {"file", "javascript", "data"})
            QDesktopServices::setUrlHandler(QString::fromLatin1(scheme), this, "recordDesktopOpen");

        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* deviceTemplate = child<QPushButton>(w, "deviceCodePushButton");
        QTest::mouseClick(deviceTemplate, Qt::LeftButton);
        auto* method = child<QComboBox>(w, "authMethodComboBox");
        method->setFocus();
        while (method->currentData().toString() != Core::Schema::AuthMethod::None)
            QTest::keyClick(method, Qt::Key_Down);
        child<QLineEdit>(w, "tokenEndpointLineEdit")->setFocus();
        QTest::keyClicks(focused(), server.url(QStringLiteral("/token")).toString());
        child<QLineEdit>(w, "deviceAuthorizationEndpointLineEdit")->setFocus();
        QTest::keyClicks(focused(), server.url(QStringLiteral("/device")).toString());
        child<QLineEdit>(w, "clientIdLineEdit")->setFocus();
        QTest::keyClicks(focused(), QStringLiteral("device-client"));

        QSignalSpy finished(&w, &Tokenbench::Ui::MainWindow::runFinished);
        QTest::keyClick(focused(), Qt::Key_Return, Qt::ControlModifier);
        Tokenbench::Ui::InteractiveFlowPanel* panel = w.interactiveFlowPanel();
        QTRY_COMPARE_WITH_TIMEOUT(panel->mode(), Tokenbench::Ui::InteractiveFlowPanel::Mode::Device, 10000);
        const QString code = panel->findChild<QLabel*>(QStringLiteral("userCodeLabel"))->text();
        QCOMPARE(code, QStringLiteral("AB\\x1b[2J\\x07CD\\r"));
        const QString detail = panel->findChild<QLabel*>(QStringLiteral("flowDetailLabel"))->text();
        QVERIFY2(detail.contains(QStringLiteral("does not open it")) && detail.contains(QStringLiteral("file:///etc/passwd")),
                 qPrintable(detail));
        auto* open = panel->findChild<QPushButton*>(QStringLiteral("openFlowUrlPushButton"));
        QVERIFY(!open->isVisible());
        QTest::mouseClick(open, Qt::LeftButton); // even a click on the hidden button opens nothing
        // expires_in 1e308 is clamped: the countdown shows a sane time.
        QVERIFY2(panel->countdownText().startsWith(QStringLiteral("Code expires in ")), qPrintable(panel->countdownText()));
        QVERIFY(finished.wait(30000));
        QVERIFY(m_desktopOpened.isEmpty());
        const QString outcome = child<QLabel>(w, "outcomeLabel")->text();
        QVERIFY2(outcome.contains(QStringLiteral("no\\x1b[2J\\x07")), qPrintable(outcome));
        QVERIFY(!outcome.contains(QChar(0x1b)) && !outcome.contains(QChar(0x07)));
        for (const char* scheme : {"file", "javascript", "data"})
            QDesktopServices::unsetUrlHandler(QString::fromLatin1(scheme));
    }

    void autoRefresh_firesAtCouperTtl_withTheRotatedToken()
    {
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        Test::BrowserPlayer browser;
        w.setUrlOpener([&](const QUrl& url) {
            QTimer::singleShot(0, this, [&browser, url] { browser.signIn(url); });
            return true;
        });
        prepareAuthCodeForm(w);
        // short-client: a public client whose access tokens live 2 s (Couper reuses them for 1 s).
        auto* method = child<QComboBox>(w, "authMethodComboBox");
        method->setFocus();
        while (method->currentData().toString() != Core::Schema::AuthMethod::None)
            QTest::keyClick(method, Qt::Key_Down);
        auto* clientId = child<QLineEdit>(w, "clientIdLineEdit");
        clientId->setFocus();
        clientId->selectAll();
        QTest::keyClicks(clientId, QStringLiteral("short-client"));
        w.workspace()->setAttribute(0, Core::BlockType::OAuth2, QStringLiteral("client_secret"), QString());

        QSignalSpy finished(&w, &Tokenbench::Ui::MainWindow::runFinished);
        QTest::keyClick(focused(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(finished.wait(30000));
        const TokenResult first = finished.constFirst().constFirst().value<TokenResult>();
        QVERIFY2(first.ok(), qPrintable(first.errorText));
        QCOMPARE(first.response.ttlSeconds, 1);
        // Without a click: the refresh_token grant after ~1 s, then again with the rotated token.
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 3, 20000);
        const TokenResult second = finished.at(1).constFirst().value<TokenResult>();
        const TokenResult third = finished.at(2).constFirst().value<TokenResult>();
        QVERIFY2(second.ok(), qPrintable(second.errorText));
        QVERIFY2(third.ok(), qPrintable(third.errorText));
        QCOMPARE(second.grantType, Core::Schema::Grant::RefreshToken);
        QVERIFY(second.response.refreshToken != first.response.refreshToken);
        QVERIFY(third.response.refreshToken != second.response.refreshToken);
        QCOMPARE(w.tokenPanel()->token().isEmpty(), false);
        // Turning it off stops the cycle.
        QTest::mouseClick(child<QCheckBox>(w, "autoRefreshCheckBox"), Qt::LeftButton, {},
                          QPoint(8, child<QCheckBox>(w, "autoRefreshCheckBox")->height() / 2));
        QTRY_VERIFY(!w.isRunning());
        QVERIFY(!w.flowController()->autoRefreshScheduled());
    }

    void waitingForTheBrowser_escCancels()
    {
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QUrl opened;
        w.setUrlOpener([&](const QUrl& url) {
            opened = url;
            return true; // the user never signs in
        });
        prepareAuthCodeForm(w);
        QSignalSpy finished(&w, &Tokenbench::Ui::MainWindow::runFinished);
        QTest::keyClick(focused(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(opened.isValid());
        Tokenbench::Ui::InteractiveFlowPanel* panel = w.interactiveFlowPanel();
        QVERIFY(panel->isVisible());
        QCOMPARE(panel->mode(), Tokenbench::Ui::InteractiveFlowPanel::Mode::Browser);
        QCOMPARE(panel->url(), opened);
        QVERIFY2(panel->stepsText().contains(QStringLiteral("<b>Waiting for redirect</b>")), qPrintable(panel->stepsText()));
        QVERIFY(panel->stepsText().contains(QStringLiteral("Opening browser \u2713")));
        auto* urlEdit = panel->findChild<QLineEdit*>(QStringLiteral("flowUrlLineEdit"));
        QCOMPARE(urlEdit->text(), opened.toString(QUrl::FullyEncoded));
        // "Open again" asks the opener once more.
        opened.clear();
        QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("openFlowUrlPushButton")), Qt::LeftButton);
        QVERIFY(opened.isValid());
        // The window stays responsive; Esc cancels.
        QVERIFY(finished.isEmpty());
        QTest::keyClick(&w, Qt::Key_Escape);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.constFirst().constFirst().value<TokenResult>().status, TokenResult::Status::Canceled);
        QVERIFY(!panel->isVisible());
        QVERIFY(w.outcomeText().contains(QStringLiteral("Canceled")));
    }
};

QTEST_MAIN(TestFlowGui)
#include "tst_flowgui.moc"
