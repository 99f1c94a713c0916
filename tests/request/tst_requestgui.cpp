// The GUI around the request, driven by keyboard and mouse (offscreen): the signing-profile editor with
// undo, the discovery dialog against oidc-provider applying endpoints in one undo step, the backend editor's
// tls block and insecure banner, and a Run with a resource check whose token is then reused from the cache,
// forgotten, and fetched fresh.
#include "backendeditor.h"
#include "discoverydialog.h"
#include "mainwindow.h"
#include "signingprofileeditor.h"
#include "tokenpanel.h"

#include "model/workspace.h"
#include "net/resourcecheck.h"
#include "trace/tracemodel.h"
#include "util/blocks.h"
#include "util/authserver.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTreeView>

using namespace Tokenbench;
using Core::Block;
namespace BlockType = Tokenbench::Core::BlockType;
namespace TUi = Tokenbench::Ui;

using Tokenbench::Test::backendWithOAuth2;

namespace {

QByteArray response(int status, const QByteArray& body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class TestRequestGui : public QObject
{
    Q_OBJECT

private:
    Test::AuthServer m_as;

    static void show(TUi::MainWindow& w)
    {
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
    }

    static void undo(TUi::MainWindow& w)
    {
        if (!w.isActiveWindow()) {
            w.activateWindow();
            QTRY_VERIFY(w.isActiveWindow());
        }
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
    }

    static void typeInto(QLineEdit* edit, const QString& text)
    {
        QTest::mouseClick(edit, Qt::LeftButton);
        QVERIFY(edit->hasFocus());
        QTest::keyClicks(edit, text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::initTestEnvironment();
        qRegisterMetaType<Core::TokenResult>();
        QString error;
        QVERIFY2(m_as.start(&error), qPrintable(error));
    }

    void signingProfileEditor_keyboardAndMouse_everyEditUndoable()
    {
        TUi::MainWindow w;
        show(w);
        w.workspace()->insertBackend(0, backendWithOAuth2(QStringLiteral("svc"),
                                                          {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                                           {QStringLiteral("token_endpoint"), m_as.tokenEndpoint().toString()},
                                                           {QStringLiteral("client_id"), QStringLiteral("jwt-client")},
                                                           {QStringLiteral("token_endpoint_auth_method"), QStringLiteral("private_key_jwt")}}));
        w.selectBlock(0, {});
        QTest::keyClick(&w, Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
        auto* editor = w.findChild<TUi::SigningProfileEditor*>(QStringLiteral("signingProfileEditor"));
        QCOMPARE(w.currentEditor(), editor);
        const auto profile = [&] { return w.workspace()->backend(0).child(QStringLiteral("oauth2.jwt_signing_profile")); };
        QVERIFY(!profile());

        QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("addPushButton")), Qt::LeftButton);
        QVERIFY(profile());
        QCOMPARE(profile()->attribute(QStringLiteral("signature_algorithm")), QStringLiteral("RS256"));
        QCOMPARE(profile()->attribute(QStringLiteral("ttl")), QStringLiteral("60s"));
        QCOMPARE(w.currentEditor(), editor); // the structural edit keeps the form open

        auto* algorithm = editor->findChild<QComboBox*>(QStringLiteral("algorithmComboBox"));
        algorithm->setFocus();
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(algorithm, Qt::Key_Down); // RS256 -> RS384 -> RS512 -> ES256
        QCOMPARE(profile()->attribute(QStringLiteral("signature_algorithm")), QStringLiteral("ES256"));

        auto* ttl = editor->findChild<QLineEdit*>(QStringLiteral("ttlLineEdit"));
        typeInto(ttl, QString());
        QTest::keyClick(ttl, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(ttl, QStringLiteral("2m"));
        QCOMPARE(profile()->attribute(QStringLiteral("ttl")), QStringLiteral("2m"));

        typeInto(editor->findChild<QLineEdit*>(QStringLiteral("keyFileLineEdit")), QStringLiteral("keys/ec.pem"));
        QCOMPARE(profile()->attribute(QStringLiteral("key_file")), QStringLiteral("keys/ec.pem"));

        auto* kid = editor->findChild<QLineEdit*>(QStringLiteral("kidLineEdit"));
        typeInto(kid, QStringLiteral("key-7"));
        QCOMPARE(profile()->attribute(QStringLiteral("headers")), QStringLiteral("{ kid = \"key-7\" }"));
        QCOMPARE(editor->findChild<QLineEdit*>(QStringLiteral("headersLineEdit"))->text(),
                 QStringLiteral("{ kid = \"key-7\" }"));
        typeInto(editor->findChild<QLineEdit*>(QStringLiteral("claimsLineEdit")), QStringLiteral("{ role = \"svc\" }"));
        QCOMPARE(profile()->attribute(QStringLiteral("claims")), QStringLiteral("{ role = \"svc\" }"));

        // No configuration errors left in the profile.
        for (const Core::Diagnostic& d : w.workspace()->diagnostics())
            QVERIFY2(!(d.block == SigningProfileEditorPath() && d.severity == Core::Diagnostic::Severity::Error),
                     qPrintable(d.message));

        // Undo walks back each edit: claims, the kid (one step for the typing), key_file, ttl, algorithm, the block.
        undo(w);
        QVERIFY(!profile()->hasAttribute(QStringLiteral("claims")));
        undo(w);
        QVERIFY(!profile()->hasAttribute(QStringLiteral("headers")));
        QCOMPARE(kid->text(), QString());
        undo(w);
        QVERIFY(!profile()->hasAttribute(QStringLiteral("key_file")));
        undo(w);
        QCOMPARE(profile()->attribute(QStringLiteral("ttl")), QStringLiteral("60s"));
        undo(w); // the three steps through the list are one edit of the field
        QCOMPARE(profile()->attribute(QStringLiteral("signature_algorithm")), QStringLiteral("RS256"));
        undo(w);
        QVERIFY(!profile());

        // Back to the oauth2 form.
        QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("addPushButton")), Qt::LeftButton);
        QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("backPushButton")), Qt::LeftButton);
        QCOMPARE(w.currentEditor()->objectName(), QStringLiteral("oauth2Editor"));
    }

    static QString SigningProfileEditorPath() { return TUi::SigningProfileEditor::BlockPath; }

    void discoveryDialog_findsEndpoints_warns_appliesInOneUndoStep()
    {
        TUi::MainWindow w;
        show(w);
        w.workspace()->insertBackend(0, backendWithOAuth2(QStringLiteral("legacy"),
                                                          {{QStringLiteral("grant_type"), QStringLiteral("password")},
                                                           {QStringLiteral("client_id"), QStringLiteral("c")},
                                                           {QStringLiteral("client_secret"), QStringLiteral("s")},
                                                           {QStringLiteral("username"), QStringLiteral("u")},
                                                           {QStringLiteral("password"), QStringLiteral("p")}}));
        w.selectBlock(0, {});
        auto* backendEditor = w.findChild<TUi::BackendEditor*>(QStringLiteral("backendEditor"));
        QCOMPARE(w.currentEditor(), backendEditor);
        auto* discover = backendEditor->findChild<QPushButton*>(QStringLiteral("discoverPushButton"));
        QVERIFY(discover->isEnabled());
        QTest::mouseClick(discover, Qt::LeftButton);
        TUi::DiscoveryDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = w.findChild<TUi::DiscoveryDialog*>()) && dialog->isVisible());
        dialog->activateWindow();
        QTRY_VERIFY(dialog->isActiveWindow());
        auto* issuer = dialog->findChild<QLineEdit*>(QStringLiteral("issuerLineEdit"));
        typeInto(issuer, m_as.issuer().toString());
        QSignalSpy done(dialog, &TUi::DiscoveryDialog::discoveryFinished);
        QTest::keyClick(issuer, Qt::Key_Return);
        QVERIFY(done.wait(20000));
        QCOMPARE(done.constFirst().constFirst().toBool(), true);
        QVERIFY2(dialog->foundText().contains(QStringLiteral("token_endpoint: ") + m_as.tokenEndpoint().toString()),
                 qPrintable(dialog->foundText()));
        QVERIFY2(dialog->foundText().contains(QStringLiteral("jwks_uri: ")), qPrintable(dialog->foundText()));
        const QStringList warnings = dialog->warnings();
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.constFirst().contains(QStringLiteral("grant_type password")), qPrintable(warnings.constFirst()));

        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("applyPushButton")), Qt::LeftButton);
        const Block* o = w.workspace()->backend(0).child(BlockType::OAuth2);
        QCOMPARE(o->attribute(QStringLiteral("token_endpoint")), m_as.tokenEndpoint().toString());
        QTRY_VERIFY(!w.findChild<TUi::DiscoveryDialog*>() || !w.findChild<TUi::DiscoveryDialog*>()->isVisible());
        // The mismatch is a Problem now, and follows the configuration.
        auto hasDiscoveryWarning = [&] {
            for (const Core::Diagnostic& d : w.workspace()->diagnostics()) {
                if (d.message.startsWith(QStringLiteral("discovery: ")) && d.attribute == u"grant_type")
                    return true;
            }
            return false;
        };
        QVERIFY(hasDiscoveryWarning());
        w.workspace()->setAttribute(0, BlockType::OAuth2, QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
        QVERIFY(!hasDiscoveryWarning());

        // Esc while fetching cancels; the dialog stays open.
        w.selectBlock(0, {});
        w.activateWindow();
        QTRY_VERIFY(w.isActiveWindow());
        QTRY_VERIFY(!w.findChild<TUi::DiscoveryDialog*>()); // the first one is gone (deleted on close)
        QTest::keyClick(&w, Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY((dialog = w.findChild<TUi::DiscoveryDialog*>()) && dialog->isVisible());
        dialog->activateWindow();
        QTRY_VERIFY(dialog->isActiveWindow());
        Test::RawHttpServer hanging;
        QVERIFY(hanging.listen());
        hanging.setBehaviour(Test::RawHttpServer::hang());
        dialog->setIssuer(hanging.url(QString()).toString());
        QSignalSpy canceled(dialog, &TUi::DiscoveryDialog::discoveryFinished);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("discoverPushButton")), Qt::LeftButton);
        QTRY_COMPARE(hanging.requests().size(), 1);
        QVERIFY(dialog->isRunning());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(canceled.count() == 1 || canceled.wait(5000));
        QCOMPARE(canceled.constFirst().constFirst().toBool(), false);
        QVERIFY(dialog->isVisible());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!w.findChild<TUi::DiscoveryDialog*>() || !w.findChild<TUi::DiscoveryDialog*>()->isVisible());

        undo(w); // the discovery's token_endpoint (the grant_type change above was not an undo command)
        QCOMPARE(w.workspace()->backend(0).child(BlockType::OAuth2)->attribute(QStringLiteral("token_endpoint")), QString());
    }

    void backendEditor_tlsBlockAndInsecureBanner()
    {
        TUi::MainWindow w;
        show(w);
        w.workspace()->insertBackend(0, Block{BlockType::Backend, QStringLiteral("as"), {}, {}});
        w.selectBlock(0, {});
        auto* editor = w.findChild<TUi::BackendEditor*>(QStringLiteral("backendEditor"));
        QCOMPARE(w.currentEditor(), editor);
        typeInto(editor->findChild<QLineEdit*>(QStringLiteral("serverCaLineEdit")), QStringLiteral("ca.pem"));
        const auto tls = [&] { return w.workspace()->backend(0).child(QStringLiteral("tls")); };
        QVERIFY(tls());
        QCOMPARE(tls()->attribute(QStringLiteral("server_ca_certificate_file")), QStringLiteral("ca.pem"));
        typeInto(editor->findChild<QLineEdit*>(QStringLiteral("clientCertificateLineEdit")), QStringLiteral("c.pem"));
        // A certificate without key: the problem shows under the TLS fields.
        auto* problem = editor->findChild<QLabel*>(QStringLiteral("tlsProblemLabel"));
        QTRY_VERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(QStringLiteral("missing client private key")), qPrintable(problem->text()));
        // The same problem in the Problems view: Enter on it takes the focus to the key file field.
        auto* problems = w.findChild<QTreeView*>(QStringLiteral("problemsTreeView"));
        const auto find = [problems] {
            for (int r = 0; r < problems->model()->rowCount(); ++r) {
                for (int c = 0; c < problems->model()->columnCount(); ++c) {
                    if (problems->model()->index(r, c).data().toString().contains(QStringLiteral("missing client private key")))
                        return problems->model()->index(r, 0);
                }
            }
            return QModelIndex();
        };
        QModelIndex found;
        QTRY_VERIFY((found = find()).isValid());
        problems->setFocus();
        problems->setCurrentIndex(found);
        QTest::keyClick(problems, Qt::Key_Return);
        QTRY_COMPARE(QApplication::focusWidget(), editor->findChild<QLineEdit*>(QStringLiteral("clientKeyLineEdit")));
        typeInto(editor->findChild<QLineEdit*>(QStringLiteral("clientKeyLineEdit")), QStringLiteral("c.key"));
        QTRY_VERIFY(!problem->isVisible());

        QVERIFY(editor->insecureBannerText().isEmpty());
        auto* insecure = editor->findChild<QComboBox*>(QStringLiteral("insecureComboBox"));
        insecure->setFocus();
        QTest::keyClick(insecure, Qt::Key_Down);
        QTest::keyClick(insecure, Qt::Key_Down);
        QCOMPARE(w.workspace()->backend(0).attribute(QStringLiteral("disable_certificate_validation")), QStringLiteral("true"));
        // Together with a CA, Couper refuses the configuration; the error is in Problems.
        bool conflict = false;
        for (const Core::Diagnostic& d : w.workspace()->diagnostics())
            conflict = conflict || d.message.contains(QStringLiteral("along with 'server_ca_certificate_file'"));
        QVERIFY(conflict);
        QVERIFY(editor->insecureBannerText().contains(QStringLiteral("INSECURE")));

        // Undo: the insecure setting, then the three files, then the block itself.
        undo(w);
        QVERIFY(editor->insecureBannerText().isEmpty());
        undo(w);
        QVERIFY(!tls()->hasAttribute(QStringLiteral("client_private_key_file")));
        undo(w);
        undo(w);
        QCOMPARE(tls()->attribute(QStringLiteral("server_ca_certificate_file")), QStringLiteral("c"));
        undo(w);
        QVERIFY(!tls());
    }

    void run_resourceCheck_cachedToken_forget_fresh()
    {
        qputenv("GUI_RC_SECRET", "basic-secret");
        Test::RawHttpServer resource;
        QList<QByteArray> tokens;
        resource.setBehaviour([&tokens](QTcpSocket* socket, const QByteArray& request) {
            QByteArray token;
            for (const QByteArray& line : request.split('\n')) {
                if (line.toLower().startsWith("authorization: bearer "))
                    token = line.mid(22).trimmed();
            }
            tokens << token;
            socket->write(tokens.size() == 1 ? response(401, "{}") : response(200, "{\"ok\":true}"));
        });
        QVERIFY(resource.listen());
        TUi::MainWindow w;
        show(w);
        Block b = backendWithOAuth2(QStringLiteral("api"),
                                    {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                     {QStringLiteral("token_endpoint"), m_as.tokenEndpoint().toString()},
                                     {QStringLiteral("client_id"), QStringLiteral("basic-client")},
                                     {QStringLiteral("client_secret"), QStringLiteral("env.GUI_RC_SECRET")}});
        w.workspace()->insertBackend(0, b);
        w.selectBlock(0, {});
        auto* editor = w.findChild<TUi::BackendEditor*>(QStringLiteral("backendEditor"));
        typeInto(editor->findChild<QLineEdit*>(QStringLiteral("resourceUrlLineEdit")),
                 resource.url(QStringLiteral("/me")).toString());
        QCOMPARE(w.workspace()->backend(0).attribute(Core::ResourceUrlAttribute), resource.url(QStringLiteral("/me")).toString());

        auto runWith = [&](QKeyCombination keys) {
            QSignalSpy finished(&w, &TUi::MainWindow::runFinished);
            QTest::keyClick(&w, keys.key(), keys.keyboardModifiers());
            if (finished.isEmpty() && !finished.wait(30000))
                return Core::TokenResult();
            return finished.constFirst().constFirst().value<Core::TokenResult>();
        };
        TUi::TokenPanel* panel = w.tokenPanel();
        // The trace's rows once the issued token's verification (issuer metadata, keys: two rows) has ended.
        auto settledRows = [&] {
            if (!QTest::qWaitFor([&] { return !panel->verificationText().startsWith(QStringLiteral("checking")); }, 20000))
                return -1;
            return w.traceModel()->rowCount();
        };
        // First Run: token, 401, new token, 200: the whole sequence in the trace.
        QVERIFY(runWith(Qt::CTRL | Qt::Key_Return).ok());
        QCOMPARE(settledRows(), 4 + 2);
        QCOMPARE(w.traceModel()->exchange(3).purpose, QStringLiteral("resource check (retry 1)"));
        QVERIFY2(panel->resourceText().contains(QStringLiteral("200")), qPrintable(panel->resourceText()));
        QVERIFY2(panel->resourceText().contains(QStringLiteral("1 new token")), qPrintable(panel->resourceText()));
        QTRY_VERIFY2(panel->sourceText().startsWith(QStringLiteral("fresh token, cached")), qPrintable(panel->sourceText()));

        // Second Run: the cached token, only the resource is called.
        QVERIFY(runWith(Qt::CTRL | Qt::Key_Return).ok());
        QCOMPARE(settledRows(), 6 + 1 + 2);
        QCOMPARE(tokens.size(), 3);
        QCOMPARE(tokens.at(2), tokens.at(1));
        QTRY_VERIFY2(panel->sourceText().startsWith(QStringLiteral("cached token, reused")), qPrintable(panel->sourceText()));

        // Forget: the next Run requests a token again.
        auto* forget = panel->findChild<QPushButton*>(QStringLiteral("forgetCachePushButton"));
        QVERIFY(forget->isEnabled());
        QTest::mouseClick(forget, Qt::LeftButton);
        QVERIFY(!forget->isEnabled());
        QVERIFY(runWith(Qt::CTRL | Qt::Key_Return).ok());
        QCOMPARE(settledRows(), 9 + 2 + 2);

        // Run with Fresh Token, although one is cached.
        QVERIFY(runWith(Qt::CTRL | Qt::SHIFT | Qt::Key_Return).ok());
        QCOMPARE(settledRows(), 13 + 2 + 2);
        QCOMPARE(w.traceModel()->exchange(13).purpose, QStringLiteral("token request"));
        QTRY_VERIFY2(panel->sourceText().startsWith(QStringLiteral("fresh token")), qPrintable(panel->sourceText()));
    }
};

QTEST_MAIN(TestRequestGui)
#include "tst_requestgui.moc"
