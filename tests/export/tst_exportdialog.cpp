// The export dialog and the import/trace hooks of the main window, driven by keyboard and mouse.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "exportdialog.h"
#include "importcurldialog.h"
#include "mainwindow.h"
#include "model/schema.h"
#include "model/valueresolver.h"
#include "model/workspace.h"
#include "trace/tracemodel.h"
#include "util/testsupport.h"

using namespace Tokenbench;
using namespace Tokenbench::Core;

namespace {

Block backend(const QString& label, const QString& scope)
{
    Block b{BlockType::Backend, label, {}, {}};
    Block o{BlockType::OAuth2, {}, {}, {}};
    o.setAttribute(QStringLiteral("token_endpoint"), QStringLiteral("https://as.example.com/token"));
    o.setAttribute(QStringLiteral("grant_type"), Schema::Grant::ClientCredentials);
    o.setAttribute(QStringLiteral("client_id"), QStringLiteral("app"));
    o.setAttribute(QStringLiteral("client_secret"), QStringLiteral("env.TB_DIALOG_SECRET"));
    if (!scope.isEmpty())
        o.setAttribute(QStringLiteral("scope"), scope);
    b.blocks << o;
    return b;
}

const QString Secret = QStringLiteral("dialog-s3cret-value");

} // namespace

class TestExportDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { Test::initTestEnvironment(); }

    void formatSwitch_byKeyboard_updatesPreview()
    {
        ValueResolver resolver;
        resolver.setOverride(QStringLiteral("TB_DIALOG_SECRET"), Secret);
        Tokenbench::Ui::ExportDialog d({backend(QStringLiteral("billing"), QStringLiteral("read"))}, 0, resolver);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        auto* format = d.findChild<QComboBox*>(QStringLiteral("format"));
        auto* preview = d.findChild<QPlainTextEdit*>(QStringLiteral("exportPreview"));
        QVERIFY(format && preview);
        QCOMPARE(d.formatId(), QStringLiteral("couper"));
        QVERIFY(preview->toPlainText().contains(QStringLiteral("backend \"billing\"")));
        QVERIFY(preview->toPlainText().contains(QStringLiteral("client_secret  = env.TB_DIALOG_SECRET")));
        QCOMPARE(d.variableNames(), QStringList{QStringLiteral("TB_DIALOG_SECRET")});
        QVERIFY(!d.isBlocked());

        format->setFocus();
        QTest::keyClick(format, Qt::Key_Down);
        QCOMPARE(d.formatId(), QStringLiteral("curl"));
        QVERIFY(preview->toPlainText().startsWith(QStringLiteral("#!/bin/sh")));
        QTest::keyClick(format, Qt::Key_Down);
        QCOMPARE(d.formatId(), QStringLiteral("oauth2c"));
        QVERIFY(preview->toPlainText().contains(QStringLiteral("oauth2c ")));
        QTest::keyClick(format, Qt::Key_Down);
        QCOMPARE(d.formatId(), QStringLiteral("http"));
        QVERIFY(preview->toPlainText().contains(QStringLiteral("POST https://as.example.com/token")));
        QTest::keyClick(format, Qt::Key_Down);
        QCOMPARE(d.formatId(), QStringLiteral("kyma"));
        // The Kyma form: nothing to write until the Application is named.
        QVERIFY(d.isBlocked());
        auto* application = d.findChild<QLineEdit*>(QStringLiteral("application"));
        QVERIFY(application && application->isVisible());
        QTest::keyClicks(application, QStringLiteral("my-app"));
        QVERIFY(!d.isBlocked());
        QVERIFY(preview->toPlainText().contains(QStringLiteral("  name: my-app\n")));
        // A fetched status shows state, countdown and connector URL.
        auto* status = d.findChild<QPlainTextEdit*>(QStringLiteral("statusInput"));
        status->setPlainText(QStringLiteral("apiVersion: applicationconnector.kyma-project.io/v1alpha1\nkind: TokenRequest\n"
                                            "metadata:\n  name: my-app\nstatus:\n  state: OK\n  token: abc\n  url: https://c.example.com/info?token=abc\n"
                                            "  expireAfter: \"%1\"\n")
                                 .arg(QDateTime::currentDateTimeUtc().addSecs(300).toString(Qt::ISODate)));
        auto* kymaStatus = d.findChild<QLabel*>(QStringLiteral("kymaStatus"));
        QVERIFY(kymaStatus->text().contains(QStringLiteral("state OK")));
        QVERIFY(kymaStatus->text().contains(QStringLiteral("Token expires in 4:5")) ||
                kymaStatus->text().contains(QStringLiteral("Token expires in 5:00")));
        QVERIFY(kymaStatus->text().contains(QStringLiteral("Connector URL: https://c.example.com/info?token=abc")));

        // Couper options: the version picker notes what an old Couper lacks.
        format->setCurrentIndex(0);
        auto* anonymous = d.findChild<QCheckBox*>(QStringLiteral("anonymous"));
        QTest::mouseClick(anonymous, Qt::LeftButton, {}, QPoint(8, anonymous->height() / 2));
        QVERIFY(preview->toPlainText().contains(QStringLiteral("\nbackend {")));
    }

    // Issue 15.7: an inline backend needs a name for definitions (or the Anonymous block); typed into the Name
    // field, the preview writes it under that label, never as anonymous_L_C.
    void inlineBackend_nameField_writesTheChosenLabel()
    {
        ValueResolver resolver;
        Tokenbench::Ui::ExportDialog d({backend(QStringLiteral("anonymous_5_13"), {})}, 0, resolver);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        auto* preview = d.findChild<QPlainTextEdit*>(QStringLiteral("exportPreview"));
        auto* name = d.findChild<QLineEdit*>(QStringLiteral("exportBackendName"));
        QVERIFY(preview && name && name->isVisible());
        QVERIFY(d.isBlocked());
        QVERIFY(preview->toPlainText().isEmpty());
        QVERIFY2(d.scanText().contains(QStringLiteral("give it a name")), qPrintable(d.scanText()));
        QTest::keyClicks(name, QStringLiteral("stock"));
        QVERIFY(!d.isBlocked());
        QVERIFY(preview->toPlainText().contains(QStringLiteral("backend \"stock\" {")));
        QVERIFY(!preview->toPlainText().contains(QStringLiteral("anonymous_")));
        name->clear();
        auto* anonymous = d.findChild<QCheckBox*>(QStringLiteral("anonymous"));
        QTest::mouseClick(anonymous, Qt::LeftButton, {}, QPoint(8, anonymous->height() / 2));
        QVERIFY(!d.isBlocked());
        QVERIFY(preview->toPlainText().contains(QStringLiteral("\nbackend {")));
    }

    void secretInText_blocksCopyAndSave()
    {
        ValueResolver resolver;
        resolver.setOverride(QStringLiteral("TB_DIALOG_SECRET"), Secret);
        // The secret pasted into a non-secret field by mistake would be written literally.
        Tokenbench::Ui::ExportDialog d({backend(QStringLiteral("oops"), QStringLiteral("read ") + Secret)}, 0, resolver);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QVERIFY(d.isBlocked());
        QVERIFY(d.scanText().contains(QStringLiteral("Blocked")));
        QVERIFY(d.scanText().contains(QStringLiteral("oauth2.client_secret")));
        auto* save = d.findChild<QPushButton*>(QStringLiteral("save"));
        auto* copy = d.findChild<QPushButton*>(QStringLiteral("copy"));
        QVERIFY(!save->isEnabled());
        QVERIFY(!copy->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(!d.findChild<QFileDialog*>());
        QVERIFY(!d.saveTo(m_dir.filePath(QStringLiteral("blocked.hcl"))));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("blocked.hcl"))));
        // Every format is blocked, not just one.
        for (const QString& id : {QStringLiteral("curl"), QStringLiteral("oauth2c"), QStringLiteral("http")}) {
            d.setFormat(id);
            QVERIFY2(d.isBlocked(), qPrintable(id));
        }
    }

    void save_writesThePreview()
    {
        ValueResolver resolver;
        resolver.setOverride(QStringLiteral("TB_DIALOG_SECRET"), Secret);
        Tokenbench::Ui::ExportDialog d({backend(QStringLiteral("billing"), {})}, 0, resolver);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        d.setFormat(QStringLiteral("curl"));
        QTest::mouseClick(d.findChild<QPushButton*>(QStringLiteral("save")), Qt::LeftButton);
        QFileDialog* fd = nullptr;
        QTRY_VERIFY((fd = d.findChild<QFileDialog*>(QStringLiteral("exportSaveDialog"))) && fd->isVisible());
        const QString path = m_dir.filePath(QStringLiteral("token.sh"));
        auto* name = fd->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
        QVERIFY(name);
        fd->setDirectory(m_dir.path());
        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("token.sh"));
        // The completer's popup may take the first Return.
        QTest::keyClick(name, Qt::Key_Return);
        if (fd->isVisible())
            QTest::keyClick(name, Qt::Key_Return);
        QTRY_VERIFY(QFile::exists(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()), d.text());
        QVERIFY(f.permissions() & QFileDevice::ExeOwner);
        QVERIFY(!d.text().contains(Secret));
    }

    void mainWindow_exportImportAndTraceHooks()
    {
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.addFromTemplate(QStringLiteral("client_credentials"));
        QTest::keyClick(&w, Qt::Key_E, Qt::ControlModifier);
        Tokenbench::Ui::ExportDialog* d = nullptr;
        QTRY_VERIFY((d = w.findChild<Tokenbench::Ui::ExportDialog*>()) && d->isVisible());
        QCOMPARE(d->formatId(), QStringLiteral("couper"));
        QVERIFY(d->text().contains(QStringLiteral("oauth2 {")));
        d->close();

        // Import curl: paste, add, undo.
        const int before = w.workspace()->backendCount();
        QTest::keyClick(&w, Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
        Tokenbench::Ui::ImportCurlDialog* imp = nullptr;
        QTRY_VERIFY((imp = w.findChild<Tokenbench::Ui::ImportCurlDialog*>()) && imp->isVisible());
        auto* ok = imp->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        auto* input = imp->findChild<QPlainTextEdit*>(QStringLiteral("importInput"));
        input->setFocus();
        QTest::keyClicks(input, QStringLiteral("curl https://as.example.com/token -d grant_type=client_credentials -d client_id=app"));
        QVERIFY2(ok->isEnabled(), qPrintable(imp->message()));
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_COMPARE(w.workspace()->backendCount(), before + 1);
        const Block added = w.workspace()->backend(before);
        QCOMPARE(added.child(BlockType::OAuth2)->attribute(QStringLiteral("token_endpoint_auth_method")), Schema::AuthMethod::None);
        w.undoStack()->undo();
        QCOMPARE(w.workspace()->backendCount(), before);

        // Save trace: HAR and Markdown of what the trace holds, redacted.
        Exchange e;
        e.id = 1;
        e.purpose = QStringLiteral("token request");
        e.method = "POST";
        e.url = QUrl(QStringLiteral("https://as.example.com/token"));
        e.requestHeaders = {{"Authorization", "Basic YXBwOnMzY3JldA=="}};
        e.requestBody = "grant_type=client_credentials&client_secret=" + Secret.toUtf8();
        e.startedAt = QDateTime::currentDateTimeUtc();
        e.status = 200;
        e.requestSentMs = 1;
        e.firstByteMs = 2;
        e.durationMs = 3;
        w.traceModel()->upsert(e);
        const QString har = m_dir.filePath(QStringLiteral("trace.har"));
        const QString md = m_dir.filePath(QStringLiteral("trace.md"));
        QVERIFY(w.saveTraceTo(har));
        QVERIFY(w.saveTraceTo(md));
        for (const QString& path : {har, md}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY(!bytes.contains(Secret.toUtf8()));
            QVERIFY(!bytes.contains("YXBwOnMzY3JldA=="));
        }
        QFile f(har);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("log")).toObject().value(QStringLiteral("version")).toString(),
                 QStringLiteral("1.2"));
        QVERIFY(w.action(QStringLiteral("saveTrace")));
        QVERIFY(w.action(QStringLiteral("export"))->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_E));
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
