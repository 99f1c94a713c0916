// A Couper file edited in the forms and saved back (issue #15, items 9-11), driven offscreen by keyboard
// and mouse on the real widgets, each saved file then checked by `tokenbench-cli check`:
// - Tokenbench-only settings (the resource URL) are saved beside the file, never into it, and come back on
//   reopening;
// - expression fields show and edit their source, the value beside it, and saving one changed claim
//   changes only that claim's bytes;
// - every Couper client-authentication method is offered; choosing a JWT one adds the signing profile it
//   needs (form and tree), and one undo takes it away again.
#include "blockeditor.h"
#include "diffpreviewdialog.h"
#include "mainwindow.h"
#include "oauth2editor.h"
#include "signingprofileeditor.h"

#include "model/block.h"
#include "model/couperconfig.h"
#include "model/couperfilesettings.h"
#include "model/workspace.h"
#include "util/clirunner.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

#include <functional>

using namespace Tokenbench;

namespace {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
}

// Runs `handle` on the next modal widget of type T once it is shown (checked on every event-loop turn).
template <typename T> void whenModal(std::function<void(T*)> handle)
{
    auto* timer = new QTimer(qApp);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, qApp, [timer, handle] {
        if (auto* w = qobject_cast<T*>(QApplication::activeModalWidget()); w && w->isVisible()) {
            timer->stop();
            timer->deleteLater();
            handle(w);
        }
    });
    timer->start();
}

// Accepts the diff preview of the next save, keeping its text.
void acceptDiff(QString* diff)
{
    whenModal<Tokenbench::Ui::DiffPreviewDialog>([diff](Tokenbench::Ui::DiffPreviewDialog* d) {
        *diff = d->diffText();
        auto* box = d->findChild<QDialogButtonBox*>(QStringLiteral("diffButtonBox"));
        QTest::mouseClick(box->button(QDialogButtonBox::Save), Qt::LeftButton);
    });
}

void retype(QLineEdit* edit, const QString& text)
{
    QTest::mouseClick(edit, Qt::LeftButton);
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, text);
}

Test::CliRun check(const QString& path)
{
    return Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH), {QStringLiteral("check"), path});
}

// The rows of the workspace tree below `parent`, as shown.
QStringList treeRows(const QAbstractItemModel* model, const QModelIndex& parent)
{
    QStringList out;
    for (int r = 0; r < model->rowCount(parent); ++r)
        out << model->index(r, 0, parent).data().toString();
    return out;
}

} // namespace

class TestCouperForms : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        Test::initTestEnvironment();
        QVERIFY(m_dir.isValid());
        qputenv("TB_FORMS_BAR", "LoudValue");
    }

    // Item 9: the resource URL typed in the backend form goes to couper.hcl.tokenbench.json, the .hcl stays
    // byte for byte what it was (and valid Couper), and reopening the file brings the URL back.
    void resourceUrl_savedBesideTheFile_restoredOnReopen()
    {
        const QByteArray source = "definitions {\n"
                                  "  backend \"api\" {\n"
                                  "    origin = \"https://api.example.com\"\n"
                                  "\n"
                                  "    oauth2 {\n"
                                  "      grant_type     = \"client_credentials\"\n"
                                  "      token_endpoint = \"https://as.example.com/token\"\n"
                                  "      client_id      = \"svc\"\n"
                                  "      client_secret  = env.TB_FORMS_SECRET\n"
                                  "    }\n"
                                  "  }\n"
                                  "}\n";
        const QString path = m_dir.filePath(QStringLiteral("resource.hcl"));
        writeFile(path, source);
        const QString url = QStringLiteral("https://api.example.com/v1/orders");
        {
            Tokenbench::Ui::MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QVERIFY(w.openFile(path));
            w.selectBlock(0, {});
            auto* edit = w.currentEditor()->findChild<QLineEdit*>(QStringLiteral("resourceUrlLineEdit"));
            QVERIFY(edit);
            retype(edit, url);
            QVERIFY(w.isWindowModified());
            QTest::keyClick(edit, Qt::Key_S, Qt::ControlModifier);
            QTRY_VERIFY(!w.isWindowModified());
        }
        // Not in the file (which did not change at all), in the sidecar, without secrets.
        QCOMPARE(readFile(path), source);
        const QString sidecar = Core::CouperFileSettings::sidecarPath(path);
        QCOMPARE(sidecar, path + QStringLiteral(".tokenbench.json"));
        const QByteArray settings = readFile(sidecar);
        QVERIFY2(settings.contains(url.toUtf8()), settings.constData());
        QVERIFY2(settings.contains("\"tokenbench_resource_url\""), settings.constData());
        QVERIFY(!settings.contains("client_secret"));
        const Test::CliRun checked = check(path);
        QVERIFY2(checked.exitCode == 0, checked.out.constData());

        // Reopened in a new window: the URL is back in the form.
        Tokenbench::Ui::MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(again.openFile(path));
        again.selectBlock(0, {});
        auto* edit = again.currentEditor()->findChild<QLineEdit*>(QStringLiteral("resourceUrlLineEdit"));
        QVERIFY(edit);
        QCOMPARE(edit->text(), url);
        QVERIFY(!again.isWindowModified());

        // Cleared and saved: the sidecar has nothing left to hold and goes away; the file stays as it was.
        retype(edit, QString());
        QTest::keyClick(edit, Qt::Key_Backspace);
        QCOMPARE(again.workspace()->backend(0).attribute(QStringLiteral("tokenbench_resource_url")), QString());
        QTest::keyClick(edit, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(!again.isWindowModified());
        QVERIFY(!QFile::exists(sidecar));
        QCOMPARE(readFile(path), source);
    }

    // Item 9, the CLI: `tokenbench-cli token couper.hcl` restores the resource URL from the sidecar and
    // calls it with the token (a real socket server plays token endpoint and resource).
    void cliToken_callsTheSidecarsResourceUrl()
    {
        Test::RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(Test::RawHttpServer::respond(
            200, "application/json", "{\"access_token\":\"tok-77\",\"token_type\":\"Bearer\",\"expires_in\":60}"));
        const QString origin = QStringLiteral("http://127.0.0.1:%1").arg(server.port());
        const QByteArray source = QStringLiteral("definitions {\n"
                                                 "  backend \"api\" {\n"
                                                 "    origin = \"%1\"\n"
                                                 "\n"
                                                 "    oauth2 {\n"
                                                 "      grant_type     = \"client_credentials\"\n"
                                                 "      token_endpoint = \"%1/token\"\n"
                                                 "      client_id      = \"svc\"\n"
                                                 "      client_secret  = env.TB_FORMS_SECRET\n"
                                                 "    }\n"
                                                 "  }\n"
                                                 "}\n")
                                      .arg(origin)
                                      .toUtf8();
        const QString path = m_dir.filePath(QStringLiteral("cli.hcl"));
        writeFile(path, source);
        QList<Core::Block> backends = Core::Hcl::parseCouperConfig(source, path).backends;
        backends[0].setAttribute(QStringLiteral("tokenbench_resource_url"), origin + QStringLiteral("/v1/orders"));
        QVERIFY(Core::CouperFileSettings::save(path, backends).ok());
        QCOMPARE(readFile(path), source);

        const Test::CliRun r = Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH), {QStringLiteral("token"), path},
                                            {{QStringLiteral("TB_FORMS_SECRET"), QStringLiteral("s-123")}});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(server.requests().size(), 2);
        QVERIFY2(server.requests().at(0).startsWith("POST /token "), server.requests().at(0).constData());
        QVERIFY2(server.requests().at(1).startsWith("GET /v1/orders "), server.requests().at(1).constData());
        QVERIFY(server.requests().at(1).contains("Bearer tok-77"));
    }

    // Item 9, old files: a tokenbench_resource_url an older Tokenbench wrote into the file moves to the
    // sidecar on the next save (the rest of the file unchanged), so the file becomes valid Couper.
    void inlineTokenbenchAttribute_movesToSidecarOnSave()
    {
        const QByteArray source = "definitions {\n"
                                  "  backend \"api\" {\n"
                                  "    origin                  = \"https://api.example.com\"\n"
                                  "    tokenbench_resource_url = \"https://api.example.com/me\"\n"
                                  "    path                    = \"/v1\"\n"
                                  "  }\n"
                                  "}\n";
        const QString path = m_dir.filePath(QStringLiteral("old.hcl"));
        writeFile(path, source);
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path));
        w.selectBlock(0, {});
        auto* pathEdit = w.currentEditor()->findChild<QLineEdit*>(QStringLiteral("pathLineEdit"));
        QVERIFY(pathEdit);
        retype(pathEdit, QStringLiteral("/v2"));
        QString diff;
        acceptDiff(&diff);
        QTest::keyClick(pathEdit, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(!w.isWindowModified());
        QCOMPARE(readFile(path), QByteArray("definitions {\n"
                                            "  backend \"api\" {\n"
                                            "    origin                  = \"https://api.example.com\"\n"
                                            "    path                    = \"/v2\"\n"
                                            "  }\n"
                                            "}\n"));
        QVERIFY(readFile(Core::CouperFileSettings::sidecarPath(path)).contains("https://api.example.com/me"));
        const Test::CliRun checked = check(path);
        QVERIFY2(checked.exitCode == 0, checked.out.constData());
    }

    // Item 10: expression fields show their source with the value beside it; editing one claim of a
    // multi-line claims object changes only that claim's bytes (comment and layout stay).
    void expressions_shownAsSource_editOneClaim_changesOnlyThatKey()
    {
        const QByteArray source = "# client assertion for the billing API\n"
                                  "definitions {\n"
                                  "  backend \"billing\" {\n"
                                  "    origin = \"https://api.example.com\"\n"
                                  "\n"
                                  "    oauth2 {\n"
                                  "      grant_type                 = \"client_credentials\"\n"
                                  "      token_endpoint             = \"https://as.example.com/token\"\n"
                                  "      token_endpoint_auth_method = \"client_secret_jwt\"\n"
                                  "      client_id                  = env.TB_FORMS_CLIENT_ID\n"
                                  "      client_secret              = env.TB_FORMS_CLIENT_SECRET\n"
                                  "      scope                      = join(\" \", [\"read\", \"write\"])\n"
                                  "\n"
                                  "      jwt_signing_profile {\n"
                                  "        signature_algorithm = \"HS256\"\n"
                                  "        ttl                 = \"10s\"\n"
                                  "        headers             = { kid = \"k1\", tenant = to_upper(env.TB_FORMS_BAR) }\n"
                                  "        claims = {\n"
                                  "          aud = \"x\" # the audience\n"
                                  "          foo = to_lower(env.TB_FORMS_BAR)\n"
                                  "        }\n"
                                  "      }\n"
                                  "    }\n"
                                  "  }\n"
                                  "}\n";
        const QString path = m_dir.filePath(QStringLiteral("expressions.hcl"));
        writeFile(path, source);
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path));
        w.selectBlock(0, QStringLiteral("oauth2"));
        auto* oauth2 = qobject_cast<Tokenbench::Ui::OAuth2Editor*>(w.currentEditor());
        QVERIFY(oauth2);

        // The source, not the value; the value beside it.
        auto* scope = oauth2->findChild<QLineEdit*>(QStringLiteral("scopeLineEdit"));
        QCOMPARE(scope->text(), QStringLiteral("join(\" \", [\"read\", \"write\"])"));
        QLabel* scopeValue = oauth2->valueLabel(QStringLiteral("scope"));
        QVERIFY(scopeValue);
        QVERIFY(scopeValue->isVisible());
        QCOMPARE(scopeValue->text(), QStringLiteral("= read write"));
        QCOMPARE(oauth2->findChild<QLineEdit*>(QStringLiteral("clientIdLineEdit"))->text(),
                 QStringLiteral("env.TB_FORMS_CLIENT_ID"));
        // A literal has no value line.
        QVERIFY(!oauth2->valueLabel(QStringLiteral("token_endpoint"))->isVisible());

        // The signing profile from the oauth2 form (mouse).
        auto* profileButton = oauth2->findChild<QPushButton*>(QStringLiteral("signingProfilePushButton"));
        QVERIFY(profileButton && profileButton->isVisible());
        QTest::mouseClick(profileButton, Qt::LeftButton);
        auto* profile = qobject_cast<Tokenbench::Ui::SigningProfileEditor*>(w.currentEditor());
        QVERIFY(profile);
        auto* claims = profile->findChild<QLineEdit*>(QStringLiteral("claimsLineEdit"));
        QCOMPARE(claims->text(), QStringLiteral("{ aud = \"x\", foo = to_lower(env.TB_FORMS_BAR) }"));
        QLabel* claimsValue = profile->valueLabel(QStringLiteral("claims"));
        QVERIFY(claimsValue->isVisible());
        QVERIFY2(claimsValue->text().contains(QStringLiteral("\"foo\":\"loudvalue\"")), qPrintable(claimsValue->text()));

        // One claim edited by keyboard: the value follows, the expression stays an expression.
        retype(claims, QStringLiteral("{ aud = \"https://as.example.com/token\", foo = to_lower(env.TB_FORMS_BAR) }"));
        QVERIFY2(claimsValue->text().contains(QStringLiteral("\"aud\":\"https://as.example.com/token\"")),
                 qPrintable(claimsValue->text()));
        QVERIFY(claimsValue->text().contains(QStringLiteral("\"foo\":\"loudvalue\"")));
        // The kid field edits the kid entry of the headers expression only.
        auto* kid = profile->findChild<QLineEdit*>(QStringLiteral("kidLineEdit"));
        QCOMPARE(kid->text(), QStringLiteral("k1"));
        QVERIFY(kid->isEnabled());
        retype(kid, QStringLiteral("k2"));
        QCOMPARE(profile->findChild<QLineEdit*>(QStringLiteral("headersLineEdit"))->text(),
                 QStringLiteral("{ kid = \"k2\", tenant = to_upper(env.TB_FORMS_BAR) }"));
        QVERIFY2(profile->valueLabel(QStringLiteral("headers"))->text().contains(QStringLiteral("\"tenant\":\"LOUDVALUE\"")),
                 qPrintable(profile->valueLabel(QStringLiteral("headers"))->text()));
        // The scope expression edited too (still an expression).
        w.selectBlock(0, QStringLiteral("oauth2"));
        retype(scope, QStringLiteral("join(\" \", [\"read\"], nope())"));
        QVERIFY2(scopeValue->text().startsWith(QStringLiteral("\u2716")), qPrintable(scopeValue->text()));
        w.undoStack()->undo(); // the typing is one undo step: back to the file's expression
        QCOMPARE(scope->text(), QStringLiteral("join(\" \", [\"read\", \"write\"])"));
        QCOMPARE(scopeValue->text(), QStringLiteral("= read write"));
        retype(scope, QStringLiteral("join(\" \", [\"read\"])"));
        QCOMPARE(scopeValue->text(), QStringLiteral("= read"));

        QString diff;
        acceptDiff(&diff);
        QTest::keyClick(scope, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(!w.isWindowModified());
        QByteArray expected = source;
        expected.replace("aud = \"x\" # the audience", "aud = \"https://as.example.com/token\" # the audience");
        expected.replace("join(\" \", [\"read\", \"write\"])", "join(\" \", [\"read\"])");
        expected.replace("kid = \"k1\"", "kid = \"k2\"");
        QCOMPARE(readFile(path), expected);
        QVERIFY2(diff.contains(QStringLiteral("-          aud = \"x\" # the audience\n")), qPrintable(diff));
        QVERIFY2(!diff.contains(QStringLiteral("-          foo")), qPrintable(diff));
        const Test::CliRun checked = check(path);
        QVERIFY2(checked.exitCode == 0, checked.out.constData());
    }

    // Item 11: private_key_jwt is offered; choosing it by keyboard adds the nested signing profile (RS256,
    // ttl) shown in the form and the tree; one Ctrl+Z takes method and profile back.
    void authMethod_choosePrivateKeyJwtByKeyboard_addsProfile_oneUndoRemovesIt()
    {
        const QByteArray source = "definitions {\n"
                                  "  backend \"api\" {\n"
                                  "    origin = \"https://api.example.com\"\n"
                                  "\n"
                                  "    oauth2 {\n"
                                  "      grant_type     = \"client_credentials\"\n"
                                  "      token_endpoint = \"https://as.example.com/token\"\n"
                                  "      client_id      = \"svc\"\n"
                                  "      client_secret  = env.TB_FORMS_SECRET\n"
                                  "    }\n"
                                  "  }\n"
                                  "}\n";
        const QString path = m_dir.filePath(QStringLiteral("methods.hcl"));
        writeFile(path, source);
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path));
        w.selectBlock(0, QStringLiteral("oauth2"));
        auto* oauth2 = qobject_cast<Tokenbench::Ui::OAuth2Editor*>(w.currentEditor());
        QVERIFY(oauth2);
        auto* method = oauth2->findChild<QComboBox*>(QStringLiteral("authMethodComboBox"));
        for (const char* m : {"client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt"})
            QVERIFY2(method->findData(QString::fromLatin1(m)) >= 0, m);
        auto* summary = oauth2->findChild<QLabel*>(QStringLiteral("signingProfileSummaryLabel"));
        QVERIFY(summary);
        QVERIFY(!summary->isVisible());

        method->setFocus();
        QTest::keyClick(method, Qt::Key_P); // keyboard search: private_key_jwt
        const Core::Block* o = w.workspace()->backend(0).child(QStringLiteral("oauth2"));
        QCOMPARE(o->attribute(QStringLiteral("token_endpoint_auth_method")), QStringLiteral("private_key_jwt"));
        const Core::Block* p = o->child(QStringLiteral("jwt_signing_profile"));
        QVERIFY(p);
        QCOMPARE(p->attribute(QStringLiteral("signature_algorithm")), QStringLiteral("RS256"));
        QCOMPARE(p->attribute(QStringLiteral("ttl")), QStringLiteral("60s"));
        // In the form...
        QVERIFY(summary->isVisible());
        QVERIFY2(summary->text().contains(QStringLiteral("RS256")), qPrintable(summary->text()));
        QVERIFY2(summary->text().contains(QStringLiteral("key or key_file")), qPrintable(summary->text()));
        // ...and in the tree, below oauth2.
        auto* tree = w.findChild<QTreeView*>(QStringLiteral("workspaceTreeView"));
        const QModelIndex backendIndex = tree->model()->index(0, 0);
        const QStringList children = treeRows(tree->model(), backendIndex);
        const int oauth2Row = int(children.indexOf(QStringLiteral("oauth2")));
        QVERIFY2(oauth2Row >= 0, qPrintable(children.join(u',')));
        const QModelIndex oauth2Index = tree->model()->index(oauth2Row, 0, backendIndex);
        QCOMPARE(treeRows(tree->model(), oauth2Index), QStringList{QStringLiteral("jwt_signing_profile")});

        // One Ctrl+Z: the method and the profile go together.
        QTest::keyClick(method, Qt::Key_Z, Qt::ControlModifier);
        o = w.workspace()->backend(0).child(QStringLiteral("oauth2"));
        QVERIFY(!o->child(QStringLiteral("jwt_signing_profile")));
        QCOMPARE(o->attribute(QStringLiteral("token_endpoint_auth_method")), QString());
        QCOMPARE(method->currentData().toString(), QStringLiteral("client_secret_basic"));
        QVERIFY(!summary->isVisible());
        QCOMPARE(treeRows(tree->model(), tree->model()->index(oauth2Row, 0, backendIndex)), QStringList());
        QVERIFY(!w.isWindowModified());

        // Redo; the form's button opens the profile's own form, its node current in the tree.
        auto* redo = w.findChild<QAction*>(QStringLiteral("redo"));
        QVERIFY(redo && !redo->shortcut().isEmpty());
        QTest::keySequence(method, redo->shortcut());
        QVERIFY(w.workspace()->backend(0).child(QStringLiteral("oauth2.jwt_signing_profile")));
        QVERIFY(summary->isVisible());
        QTest::mouseClick(oauth2->findChild<QPushButton*>(QStringLiteral("signingProfilePushButton")), Qt::LeftButton);
        auto* profile = qobject_cast<Tokenbench::Ui::SigningProfileEditor*>(w.currentEditor());
        QVERIFY(profile);
        QCOMPARE(profile->findChild<QComboBox*>(QStringLiteral("algorithmComboBox"))->currentData().toString(),
                 QStringLiteral("RS256"));
        QCOMPARE(tree->currentIndex().data().toString(), QStringLiteral("jwt_signing_profile"));
        QCOMPARE(tree->currentIndex().parent().data().toString(), QStringLiteral("oauth2"));
    }

    // Item 11 round trip: client_secret_jwt chosen with the arrow keys; the profile it adds is saved as a
    // nested block Couper accepts (HS256, ttl, no key: it signs with the client secret).
    void authMethod_clientSecretJwt_savedProfilePassesCheck()
    {
        const QByteArray source = "definitions {\n"
                                  "  backend \"api\" {\n"
                                  "    origin = \"https://api.example.com\"\n"
                                  "\n"
                                  "    oauth2 {\n"
                                  "      grant_type     = \"client_credentials\"\n"
                                  "      token_endpoint = \"https://as.example.com/token\"\n"
                                  "      client_id      = \"svc\"\n"
                                  "      client_secret  = env.TB_FORMS_SECRET\n"
                                  "    }\n"
                                  "  }\n"
                                  "}\n";
        const QString path = m_dir.filePath(QStringLiteral("secretjwt.hcl"));
        writeFile(path, source);
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path));
        w.selectBlock(0, QStringLiteral("oauth2"));
        auto* method = w.currentEditor()->findChild<QComboBox*>(QStringLiteral("authMethodComboBox"));
        method->setFocus();
        QTest::keyClick(method, Qt::Key_Down); // client_secret_post
        QTest::keyClick(method, Qt::Key_Down); // client_secret_jwt
        QCOMPARE(method->currentData().toString(), QStringLiteral("client_secret_jwt"));
        const Core::Block* p = w.workspace()->backend(0).child(QStringLiteral("oauth2.jwt_signing_profile"));
        QVERIFY(p);
        QCOMPARE(p->attribute(QStringLiteral("signature_algorithm")), QStringLiteral("HS256"));

        QString diff;
        acceptDiff(&diff);
        QTest::keyClick(method, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(!w.isWindowModified());
        const QByteArray saved = readFile(path);
        QVERIFY2(saved.contains("token_endpoint_auth_method = \"client_secret_jwt\""), saved.constData());
        QVERIFY2(saved.contains("jwt_signing_profile {"), saved.constData());
        QVERIFY2(saved.contains("signature_algorithm = \"HS256\""), saved.constData());
        QVERIFY2(saved.contains("ttl                 = \"60s\""), saved.constData());
        const Test::CliRun checked = check(path);
        QVERIFY2(checked.exitCode == 0, checked.out.constData());
    }
};

QTEST_MAIN(TestCouperForms)
#include "tst_couperforms.moc"
