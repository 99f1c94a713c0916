// Secrets in the GUI against a real Secret Service (gnome-keyring in scripts/test.sh's private D-Bus
// session) and a real oidc-provider: typed secrets go to the keychain on save, never to a file; a
// reopened workspace runs with the secret from the keychain; the Secrets view forgets it. A canary
// value is then searched in every file the session wrote.
#include "mainwindow.h"
#include "secretsdialog.h"
#include "tokenpanel.h"

#include "model/workspace.h"
#include "secrets/secretstore.h"
#include "util/guidriver.h"
#include "util/authserver.h"
#include "util/testsupport.h"

#include <QApplication>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Tokenbench;
using Core::TokenResult;
using Test::focused;
using Test::runAndWait;

class TestSecretsGui : public QObject
{
    Q_OBJECT

private:
    Test::AuthServer m_server;
    QTemporaryDir m_dir;       // what the session writes: scanned for the canary
    QTemporaryDir m_serverDir; // the authorization server's client list (holds the canary on purpose)
    QString m_canary;


    void typeForm(const QString& clientId, const QString& secret)
    {
        QTest::keyClicks(focused(), m_server.tokenEndpoint().toString());
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(focused(), Qt::Key_Tab);
        QTest::keyClick(focused(), Qt::Key_Tab);
        QTest::keyClicks(focused(), clientId);
        QTest::keyClick(focused(), Qt::Key_Tab);
        QTest::keyClicks(focused(), secret);
    }


private Q_SLOTS:
    void initTestCase()
    {
        Test::initTestEnvironment();
        qRegisterMetaType<TokenResult>();
        m_canary = QStringLiteral("canary-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString clients = m_serverDir.filePath(QStringLiteral("clients.json"));
        QFile f(clients);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("[{\"client_id\":\"canary-client\",\"client_secret\":\"%1\","
                               "\"token_endpoint_auth_method\":\"client_secret_basic\",\"grant_types\":[\"client_credentials\"],"
                               "\"response_types\":[],\"redirect_uris\":[],\"scope\":\"api:read\"}]")
                    .arg(m_canary)
                    .toUtf8());
        f.close();
        QString error;
        QVERIFY2(m_server.start(&error, {QStringLiteral("--clients"), clients}), qPrintable(error));
    }

    void typedSecret_goesToKeychainAndRunsAfterReopen()
    {
        const QString path = m_dir.filePath(QStringLiteral("ws.tbw"));
        {
            Tokenbench::Ui::MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            // The keychain is probed after the window shows; here it is available.
            QTRY_VERIFY_WITH_TIMEOUT(w.secretStore() && w.secretStore()->availability() ==
                                                            Core::SecretStore::Availability::Available, 15000);
            QVERIFY(w.keychainBannerText().isEmpty());
            w.addFromTemplate(QStringLiteral("client_credentials"));
            typeForm(QStringLiteral("canary-client"), m_canary);
            QVERIFY(runAndWait(w).ok());
            QSignalSpy stored(&w, &Tokenbench::Ui::MainWindow::secretsStored);
            QVERIFY(w.saveTo(path));
            QVERIFY(stored.wait(15000));
            QCOMPARE(stored.constFirst().at(0).toStringList(), QStringList{QStringLiteral("BACKEND_CLIENT_SECRET")});
            QVERIFY(stored.constFirst().at(1).toStringList().isEmpty());
            if (auto* box = w.findChild<QMessageBox*>(QStringLiteral("secretsSavedMessageBox")))
                box->accept();
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains(m_canary.toUtf8()));

        // A new window: the reference resolves from the keychain only.
        QVERIFY(!qEnvironmentVariableIsSet("BACKEND_CLIENT_SECRET"));
        Tokenbench::Ui::MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(again.openFile(path));
        QTRY_VERIFY_WITH_TIMEOUT(again.resolver().sourceOf(QStringLiteral("BACKEND_CLIENT_SECRET")) ==
                                     Core::ValueResolver::Source::Keychain, 15000);
        again.selectBlock(0, QStringLiteral("oauth2"));
        const TokenResult r = runAndWait(again);
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QVERIFY(again.tokenPanel()->hasToken());

        // The Secrets view lists the name (never the value) and forgets it.
        again.showSecrets();
        Tokenbench::Ui::SecretsDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = again.findChild<Tokenbench::Ui::SecretsDialog*>()) != nullptr);
        QCOMPARE(dialog->names(), QStringList{QStringLiteral("BACKEND_CLIENT_SECRET")});
        auto* list = dialog->findChild<QListWidget*>(QStringLiteral("secretsListWidget"));
        list->setCurrentRow(0);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("forgetPushButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->names().isEmpty(), 15000);
        dialog->close();
    }

    // Issue 13 item 4: a credential typed into set_request_headers goes to the keychain on save; the
    // workspace file and the recovery file refer to it as env.NAME; a reopened workspace resolves it.
    void modifierCredential_goesToKeychain_fileHoldsReference()
    {
        const QByteArray value = "Bearer abc.def.ghi-" + QUuid::createUuid().toString(QUuid::WithoutBraces).toUtf8();
        QTemporaryDir input;
        const QString typed = input.filePath(QStringLiteral("typed.tbw"));
        {
            QFile f(typed);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"format\":\"tokenbench-workspace\",\"version\":1,\"backends\":[{\"type\":\"backend\",\"label\":\"api\","
                    "\"attributes\":{\"origin\":\"https://api.example\",\"set_request_headers\":\"{ authorization = \\\"" +
                    value + "\\\", x-tenant = \\\"a\\\" }\"}}]}");
        }
        const QString path = m_dir.filePath(QStringLiteral("modifier.tbw"));
        {
            Tokenbench::Ui::MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QTRY_VERIFY_WITH_TIMEOUT(w.secretStore() && w.secretStore()->availability() ==
                                                            Core::SecretStore::Availability::Available, 15000);
            QVERIFY(w.openFile(typed));
            QSignalSpy stored(&w, &Tokenbench::Ui::MainWindow::secretsStored);
            QVERIFY(w.saveTo(path));
            QVERIFY(stored.wait(15000));
            QCOMPARE(stored.constFirst().at(0).toStringList(), QStringList{QStringLiteral("API_AUTHORIZATION")});
            if (auto* box = w.findChild<QMessageBox*>(QStringLiteral("secretsSavedMessageBox")))
                box->accept();
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY2(!bytes.contains(value), bytes.constData());
        QVERIFY(bytes.contains("authorization = env.API_AUTHORIZATION"));
        QVERIFY(bytes.contains("x-tenant = \\\"a\\\""));

        Tokenbench::Ui::MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(again.openFile(path));
        QTRY_VERIFY_WITH_TIMEOUT(again.resolver().sourceOf(QStringLiteral("API_AUTHORIZATION")) ==
                                     Core::ValueResolver::Source::Keychain, 15000);
        QCOMPARE(again.resolver().lookup(QStringLiteral("API_AUTHORIZATION")).value_or(QString()), QString::fromUtf8(value));
    }

    void forgottenSecret_runFailsNamingTheVariable()
    {
        const QString path = m_dir.filePath(QStringLiteral("ws.tbw"));
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY_WITH_TIMEOUT(w.secretStore() != nullptr, 5000);
        QVERIFY(w.openFile(path));
        w.selectBlock(0, QStringLiteral("oauth2"));
        const TokenResult r = runAndWait(w);
        QCOMPARE(r.status, TokenResult::Status::ConfigError);
        QVERIFY2(w.outcomeText().contains(QStringLiteral("BACKEND_CLIENT_SECRET")), qPrintable(w.outcomeText()));
    }

    // The canary: no file the session wrote holds the secret in clear text.
    void canary_appearsInNoFile()
    {
        QStringList roots = {m_dir.path(),
                             QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation),
                             QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                             QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
                             QStandardPaths::writableLocation(QStandardPaths::CacheLocation),
                             QFileInfo(QSettings().fileName()).absolutePath(),
                             QFileInfo(Core::SecretStore::defaultIndexPath()).absolutePath()};
        const QByteArray xdgData = qgetenv("XDG_DATA_HOME");
        if (!xdgData.isEmpty())
            roots << QString::fromLocal8Bit(xdgData);
        int scanned = 0;
        for (const QString& root : std::as_const(roots)) {
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                if (!f.open(QIODevice::ReadOnly))
                    continue;
                ++scanned;
                const QByteArray bytes = f.readAll();
                QVERIFY2(!bytes.contains(m_canary.toUtf8()), qPrintable(f.fileName()));
                QVERIFY2(!bytes.contains(m_canary.toUtf8().toBase64()), qPrintable(f.fileName()));
            }
        }
        QVERIFY(scanned >= 2); // at least the workspace and the settings
    }
};

QTEST_MAIN(TestSecretsGui)
#include "tst_secretsgui.moc"
