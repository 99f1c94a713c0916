// A Couper file opened in the GUI: a beta_token_request edited in its form, run against a real local
// JSON service and against oidc-provider's token endpoint, its token expression redesigned against the
// last response without a new request (completion, highlighted value), and saved back into the file in
// place after the diff preview — only the edited attributes change.
#include "betatokenrequesteditor.h"
#include "diffpreviewdialog.h"
#include "keyvalueeditor.h"
#include "mainwindow.h"
#include "tokenpanel.h"
#include "tokenrequestspanel.h"

#include "model/workspace.h"
#include "net/tokenclient.h"
#include "trace/tracemodel.h"
#include "util/guidriver.h"
#include "util/authserver.h"
#include "util/clirunner.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

#include <functional>

using namespace Tokenbench;
using Core::TokenResult;
using Test::focused;
using Test::runAndWait;
using Test::RawHttpServer;

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

QStringList completions(QCompleter* completer)
{
    QStringList out;
    QAbstractItemModel* m = completer->completionModel();
    for (int i = 0; i < m->rowCount(); ++i)
        out << m->index(i, 0).data().toString();
    return out;
}

} // namespace

class TestHclGui : public QObject
{
    Q_OBJECT

private:
    Test::AuthServer m_server;
    QTemporaryDir m_dir;



    // The window shown with `path` open and its first backend's default token request in the editor.
    static Tokenbench::Ui::BetaTokenRequestEditor* openDefaultRequest(Tokenbench::Ui::MainWindow& w,
                                                                      const QString& path)
    {
        w.show();
        if (!QTest::qWaitForWindowExposed(&w) || !w.openFile(path))
            return nullptr;
        w.selectBlock(0, QStringLiteral("beta_token_request:default"));
        return qobject_cast<Tokenbench::Ui::BetaTokenRequestEditor*>(w.currentEditor());
    }

    static void retype(QLineEdit* edit, const QString& text)
    {
        QTest::mouseClick(edit, Qt::LeftButton);
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(edit, text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::initTestEnvironment();
        qRegisterMetaType<TokenResult>();
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    // A Couper file's inline backends (Couper names them anonymous_L_C) are not label errors in the window:
    // the Problems view judges the blocks as `check` judges the file.
    void couperFile_inlineBackends_noFalseLabelErrors()
    {
        const QString path = m_dir.filePath(QStringLiteral("inline.hcl"));
        writeFile(path, "server {\n"
                        "  api {\n"
                        "    endpoint \"/x\" {\n"
                        "      proxy {\n"
                        "        backend {\n"
                        "          origin = \"https://api.example.com\"\n"
                        "          oauth2 {\n"
                        "            grant_type     = \"client_credentials\"\n"
                        "            token_endpoint = \"https://as.example.com/token\"\n"
                        "            client_id      = \"c\"\n"
                        "            client_secret  = \"s\"\n"
                        "          }\n"
                        "        }\n"
                        "      }\n"
                        "    }\n"
                        "  }\n"
                        "}\n");
        const auto check = Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH), {QStringLiteral("check"), path});
        QCOMPARE(check.exitCode, 0);
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path));
        QCoreApplication::processEvents(); // the Problems view refreshes on a zero timer
        auto* problems = w.findChild<QTreeView*>(QStringLiteral("problemsTreeView"));
        QVERIFY(problems);
        QStringList shown;
        for (int r = 0; r < problems->model()->rowCount(); ++r)
            shown << problems->model()->index(r, 1).data().toString();
        for (const QString& p : std::as_const(shown))
            QVERIFY2(!p.contains(QStringLiteral("anonymous_")), qPrintable(shown.join(u'\n')));
    }

    void jsonService_editRunRedesignSave_changesOnlyEditedAttributes()
    {
        RawHttpServer service;
        QVERIFY(service.listen());
        service.setBehaviour(RawHttpServer::respond(
            200, "application/json", "{\"data\":{\"token\":\"tok-123\",\"ttl\":120},\"other\":1}",
            {{"X-Request-Id", "req-9"}}));
        const QByteArray source =
            QStringLiteral("# Token for the internal service\n"
                           "definitions {\n"
                           "  backend \"svc\" {\n"
                           "    origin = \"http://127.0.0.1:%1\" # local\n"
                           "\n"
                           "    beta_token_request \"svc_token\" {\n"
                           "      url       = \"/v1/issue\" // where tokens come from\n"
                           "      json_body = { user = \"me\" }\n"
                           "      token     = beta_token_response.json_body.access_token\n"
                           "      ttl       = \"${beta_token_response.json_body.data.ttl}s\"\n"
                           "    }\n"
                           "  }\n"
                           "}\n")
                .arg(service.port())
                .toUtf8();
        const QString path = m_dir.filePath(QStringLiteral("service.hcl"));
        writeFile(path, source);

        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path));
        QCOMPARE(w.workspace()->backendCount(), 1);
        w.selectBlock(0, QStringLiteral("beta_token_request:svc_token"));
        auto* editor = qobject_cast<Tokenbench::Ui::BetaTokenRequestEditor*>(w.currentEditor());
        QVERIFY(editor);
        QCOMPARE(editor->label(), QStringLiteral("svc_token"));
        auto* url = editor->findChild<QLineEdit*>(QStringLiteral("urlLineEdit"));
        QCOMPARE(url->text(), QStringLiteral("/v1/issue")); // a string literal reads as text
        QCOMPARE(editor->bodyEditor()->table()->rowCount(), 1);
        QCOMPARE(editor->bodyEditor()->table()->item(0, 1)->text(), QStringLiteral("me"));

        // The Token Requests panel says how to reference it.
        auto* panel = w.findChild<Tokenbench::Ui::TokenRequestsPanel*>(QStringLiteral("tokenRequestsPanel"));
        QVERIFY(panel);
        QVERIFY2(panel->references().contains(QStringLiteral("backends.svc.beta_tokens.svc_token")),
                 qPrintable(panel->references().join(u',')));
        // Each reference has a copy button.
        const int copyRow = int(panel->references().indexOf(QStringLiteral("backends.svc.beta_tokens.svc_token")));
        auto* copy = panel->findChild<QToolButton*>(QStringLiteral("copyReferenceButton_%1").arg(copyRow));
        QVERIFY(copy);
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("backends.svc.beta_tokens.svc_token"));

        // Edit in the form: the url, by keyboard; one undo step restores it.
        retype(url, QStringLiteral("/v2/issue"));
        QCOMPARE(w.workspace()
                     ->backend(0)
                     .child(QStringLiteral("beta_token_request:svc_token"))
                     ->attribute(QStringLiteral("url")),
                 QStringLiteral("\"/v2/issue\""));
        QVERIFY(w.isWindowModified());
        w.undoStack()->undo();
        QCOMPARE(url->text(), QStringLiteral("/v1/issue"));
        w.undoStack()->redo();
        QCOMPARE(url->text(), QStringLiteral("/v2/issue"));

        // Run: the token expression finds nothing; the failure names the sub-expression and the response is
        // shown.
        QTest::mouseClick(url, Qt::LeftButton);
        const TokenResult failed = runAndWait(w);
        QCOMPARE(failed.status, TokenResult::Status::NoToken);
        QCOMPARE(service.requests().size(), 1);
        QVERIFY2(service.requests().constFirst().startsWith("POST /v2/issue HTTP/1.1"),
                 service.requests().constFirst().constData());
        QVERIFY2(editor->tokenResultText().contains(
                     QStringLiteral("`beta_token_response.json_body.access_token` is null")),
                 qPrintable(editor->tokenResultText()));
        QVERIFY2(editor->tokenResultText().contains(QStringLiteral("has: data, other")),
                 qPrintable(editor->tokenResultText()));
        QVERIFY(editor->responseView()->toPlainText().contains(QStringLiteral("\"token\": \"tok-123\"")));
        QVERIFY(editor->responseView()->toPlainText().contains(QStringLiteral("X-Request-Id: req-9")));
        QVERIFY2(editor->ttlResultText().contains(QStringLiteral("120 s")),
                 qPrintable(editor->ttlResultText()));
        QCOMPARE(w.traceModel()->rowCount(), 1);

        // Redesign the token expression against that response: completion offers the JSON path...
        QLineEdit* token = editor->tokenEdit();
        retype(token, QStringLiteral("beta_token_response.json_body.da"));
        QVERIFY2(completions(editor->tokenCompleter())
                     .contains(QStringLiteral("beta_token_response.json_body.data.token")),
                 qPrintable(completions(editor->tokenCompleter()).join(u',')));
        QVERIFY(editor->tokenCompleter()->popup()->isVisible());
        QTest::keyClick(editor->tokenCompleter()->popup(), Qt::Key_Escape);
        // ...and every keystroke re-evaluates without a new request.
        QTest::keyClicks(token, QStringLiteral("ta.token"));
        QVERIFY2(editor->tokenResultText().startsWith(QStringLiteral("\u2714 token = tok-123")),
                 qPrintable(editor->tokenResultText()));
        QCOMPARE(editor->highlightedText(), QStringLiteral("\"tok-123\""));
        QVERIFY(!w.isRunning());
        QCOMPARE(w.traceModel()->rowCount(), 1);
        QCOMPARE(service.requests().size(), 1);
        // A wrong step is named precisely, still without sending.
        QTest::keyClicks(token, QStringLiteral("s"));
        QVERIFY2(editor->tokenResultText().contains(
                     QStringLiteral("`beta_token_response.json_body.data.tokens` is null")),
                 qPrintable(editor->tokenResultText()));
        QTest::keyClick(token, Qt::Key_Backspace);
        QVERIFY(editor->tokenResultText().startsWith(QStringLiteral("\u2714")));
        QCOMPARE(service.requests().size(), 1);

        // Save (Ctrl+S): the diff preview shows exactly the two edits; Save writes the file in place.
        QString diff;
        whenModal<Tokenbench::Ui::DiffPreviewDialog>([&diff](Tokenbench::Ui::DiffPreviewDialog* d) {
            diff = d->diffText();
            auto* box = d->findChild<QDialogButtonBox*>(QStringLiteral("diffButtonBox"));
            QTest::mouseClick(box->button(QDialogButtonBox::Save), Qt::LeftButton);
        });
        QTest::keyClick(token, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(!w.isWindowModified());
        QVERIFY2(
            diff.contains(QStringLiteral("-      url       = \"/v1/issue\" // where tokens come from\n"
                                         "+      url       = \"/v2/issue\" // where tokens come from\n")),
            qPrintable(diff));
        QVERIFY2(
            diff.contains(QStringLiteral("+      token     = beta_token_response.json_body.data.token\n")),
            qPrintable(diff));
        QByteArray expected = source;
        expected.replace("\"/v1/issue\"", "\"/v2/issue\"");
        expected.replace("json_body.access_token", "json_body.data.token");
        QCOMPARE(readFile(path), expected);
        QVERIFY(!QFile::exists(path + QStringLiteral(".tbw")));
    }

    // The editor's live result is the run's evaluation (evaluateBetaToken): where the run refuses a token
    // (here one with a line break, which could inject into the headers it is sent in), the editor says the
    // same instead of showing a token; a null token reads the same in both; a fixed expression agrees too.
    void editorAndRun_sameEvaluation_sameVerdict()
    {
        RawHttpServer service;
        QVERIFY(service.listen());
        service.setBehaviour(RawHttpServer::respond(
            200, "application/json", "{\"bad\":\"tok\\r\\nX-Injected: 1\",\"good\":\"tok-ok\",\"ttl\":\"90s\"}"));
        const QString path = m_dir.filePath(QStringLiteral("agree.hcl"));
        writeFile(path, QStringLiteral("definitions {\n"
                                       "  backend \"svc\" {\n"
                                       "    origin = \"http://127.0.0.1:%1\"\n"
                                       "\n"
                                       "    beta_token_request {\n"
                                       "      url   = \"/issue\"\n"
                                       "      token = beta_token_response.json_body.bad\n"
                                       "      ttl   = beta_token_response.json_body.ttl\n"
                                       "    }\n"
                                       "  }\n"
                                       "}\n")
                            .arg(service.port())
                            .toUtf8());
        Tokenbench::Ui::MainWindow w;
        auto* editor = openDefaultRequest(w, path);
        QVERIFY(editor);
        QLineEdit* token = editor->tokenEdit();
        QTest::mouseClick(token, Qt::LeftButton);

        const TokenResult refused = runAndWait(w);
        QCOMPARE(refused.status, TokenResult::Status::NoToken);
        QVERIFY2(refused.errorText.contains(QStringLiteral("not well-formed")), qPrintable(refused.errorText));
        QCOMPARE(editor->tokenResultText(), QStringLiteral("\u2716 ") + refused.errorText);
        QVERIFY2(editor->ttlResultText().contains(QStringLiteral("90 s")), qPrintable(editor->ttlResultText()));

        // A step that finds nothing: the editor's words are the run's.
        retype(token, QStringLiteral("beta_token_response.json_body.none"));
        const QString editorNull = editor->tokenResultText();
        QCOMPARE(service.requests().size(), 1);
        const TokenResult nothing = runAndWait(w);
        QCOMPARE(nothing.status, TokenResult::Status::NoToken);
        QCOMPARE(editorNull, QStringLiteral("\u2716 ") + nothing.errorText);

        retype(token, QStringLiteral("beta_token_response.json_body.good"));
        QVERIFY2(editor->tokenResultText().startsWith(QStringLiteral("\u2714 token = tok-ok")),
                 qPrintable(editor->tokenResultText()));
        const TokenResult ok = runAndWait(w);
        QVERIFY2(ok.ok(), qPrintable(ok.errorText));
        QCOMPARE(ok.response.accessToken, QStringLiteral("tok-ok"));
        QCOMPARE(ok.response.ttlSeconds, 90);
        QCOMPARE(service.requests().size(), 3);
    }

    void oidcProvider_formBody_runsAndShowsTokenAndTtl()
    {
        qputenv("HCLGUI_BETA_SECRET", "post-secret");
        const QString path = m_dir.filePath(QStringLiteral("oauth.hcl"));
        writeFile(path,
                  QStringLiteral(
                      "definitions {\n"
                      "  backend \"as\" {\n"
                      "    origin = \"%1\"\n"
                      "\n"
                      "    beta_token_request {\n"
                      "      url       = \"/token\"\n"
                      "      form_body = {\n"
                      "        grant_type    = \"client_credentials\"\n"
                      "        client_id     = \"post-client\"\n"
                      "        client_secret = env.HCLGUI_BETA_SECRET\n"
                      "        scope         = \"api:read\"\n"
                      "      }\n"
                      "      expected_status = [200]\n"
                      "      token = beta_token_response.json_body.access_token\n"
                      "      ttl   = \"${default(beta_token_response.json_body.expires_in, 3600) * 0.9}s\"\n"
                      "    }\n"
                      "  }\n"
                      "}\n")
                      .arg(m_server.issuer().toString())
                      .toUtf8());
        Tokenbench::Ui::MainWindow w;
        auto* editor = openDefaultRequest(w, path);
        QVERIFY(editor);
        // The form body as a table; the secret stays a reference.
        QTableWidget* table = editor->bodyEditor()->table();
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(table->item(2, 0)->text(), QStringLiteral("client_secret"));
        QCOMPARE(table->item(2, 1)->text(), QStringLiteral("env.HCLGUI_BETA_SECRET"));
        auto* panel = w.findChild<Tokenbench::Ui::TokenRequestsPanel*>(QStringLiteral("tokenRequestsPanel"));
        QVERIFY(panel->references().contains(QStringLiteral("backends.as.beta_token")));
        QVERIFY(panel->references().contains(QStringLiteral("backend.beta_token")));

        QTest::mouseClick(editor->ttlEdit(), Qt::LeftButton);
        const TokenResult r = runAndWait(w);
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QVERIFY(r.response.accessToken.startsWith(QStringLiteral("eyJ")));
        QCOMPARE(r.response.ttlSeconds, 3240);
        QVERIFY(w.tokenPanel()->hasToken());
        QCOMPARE(w.tokenPanel()->token(), r.response.accessToken);
        QVERIFY2(w.findChild<QLabel*>(QStringLiteral("cacheValueLabel"))->text().contains(QStringLiteral("ttl expression")),
                 qPrintable(w.findChild<QLabel*>(QStringLiteral("cacheValueLabel"))->text()));
        QVERIFY2(editor->ttlResultText().contains(QStringLiteral("3240 s")),
                 qPrintable(editor->ttlResultText()));
        QVERIFY2(editor->ttlResultText().contains(QStringLiteral("requests a new one")),
                 qPrintable(editor->ttlResultText()));
        QVERIFY(editor->tokenResultText().startsWith(QStringLiteral("\u2714 token = eyJ")));
        // The ttl being edited highlights what it reads.
        QCOMPARE(editor->highlightedText(), QStringLiteral("3600"));
        // The response view shows secrets as fingerprints unless revealed.
        QVERIFY(!editor->responseView()->toPlainText().contains(r.response.accessToken));
        QVERIFY(
            editor->responseView()->toPlainText().contains(QStringLiteral("\"access_token\": \"[redacted:")));
        auto* reveal = editor->findChild<QCheckBox*>(QStringLiteral("revealResponseCheckBox"));
        QVERIFY(reveal);
        QTest::mouseClick(reveal, Qt::LeftButton, {}, QPoint(4, reveal->height() / 2));
        QVERIFY(editor->responseView()->toPlainText().contains(r.response.accessToken));
        QCOMPARE(editor->highlightedText(), QStringLiteral("3600"));
    }

    void addTokenRequest_toBackendWithDefault_isLabelledAndSavedInHclwriteLayout()
    {
        const QByteArray source = "definitions {\n"
                                  "  backend \"b\" {\n"
                                  "    origin = \"https://b.example\"\n"
                                  "\n"
                                  "    beta_token_request {\n"
                                  "      token = beta_token_response.body\n"
                                  "      ttl   = \"60s\"\n"
                                  "    }\n"
                                  "  }\n"
                                  "}\n";
        const QString path = m_dir.filePath(QStringLiteral("add.hcl"));
        writeFile(path, source);
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path));
        w.selectBlock(0, {});
        w.action(QStringLiteral("addTokenRequest"))->trigger();
        auto* editor = qobject_cast<Tokenbench::Ui::BetaTokenRequestEditor*>(w.currentEditor());
        QVERIFY(editor);
        QCOMPARE(editor->label(), QStringLiteral("token"));
        // Relabel by keyboard; a taken label is refused.
        auto* label = editor->findChild<QLineEdit*>(QStringLiteral("labelLineEdit"));
        retype(label, QStringLiteral("default"));
        QTest::keyClick(label, Qt::Key_Return);
        QCOMPARE(editor->label(), QStringLiteral("token"));
        retype(label, QStringLiteral("svc"));
        QTest::keyClick(label, Qt::Key_Tab);
        QCOMPARE(editor->label(), QStringLiteral("svc"));
        QVERIFY(w.workspace()->backend(0).child(QStringLiteral("beta_token_request:svc")));

        // A form body, entered in the key/value table by keyboard; consecutive edits of it are one undo step.
        auto* kind = editor->findChild<QComboBox*>(QStringLiteral("bodyKindComboBox"));
        kind->setFocus();
        QTest::keyClick(kind, Qt::Key_Down); // form_body
        QCOMPARE(kind->currentData().toString(), QStringLiteral("form_body"));
        QTableWidget* table = editor->bodyEditor()->table();
        QTest::mouseClick(editor->bodyEditor()->findChild<QToolButton*>(QStringLiteral("addRowButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(table->findChild<QLineEdit*>());
        const auto type = [](const QString& text) {
            for (const QChar c : text)
                QTest::keyClick(focused(), c.toLatin1());
        };
        type(QStringLiteral("grant_type"));
        QWidget* nameEditor = focused();
        QTest::keyClick(focused(), Qt::Key_Tab); // commits the name, opens the value
        QTRY_VERIFY(focused() && focused() != nameEditor && focused()->parentWidget() == table->viewport());
        QCOMPARE(table->currentColumn(), 1);
        type(QStringLiteral("client_credentials")); // typing starts editing
        QTest::keyClick(focused(), Qt::Key_Return);
        const auto formBody = [&w] {
            return w.workspace()
                ->backend(0)
                .child(QStringLiteral("beta_token_request:svc"))
                ->attribute(QStringLiteral("form_body"));
        };
        // The delegate commits on the next turn of the event loop.
        QTRY_COMPARE(formBody(), QStringLiteral("{\n  grant_type = \"client_credentials\"\n}"));
        w.undoStack()->undo();
        QCOMPARE(formBody(), QString());
        QCOMPARE(table->rowCount(), 0);
        w.undoStack()->redo();
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("client_credentials"));

        whenModal<Tokenbench::Ui::DiffPreviewDialog>(
            [](Tokenbench::Ui::DiffPreviewDialog* d) { d->accept(); });
        QVERIFY(w.action(QStringLiteral("save")));
        w.action(QStringLiteral("save"))->trigger();
        QTRY_VERIFY(!w.isWindowModified());
        const QByteArray expected =
            "definitions {\n"
            "  backend \"b\" {\n"
            "    origin = \"https://b.example\"\n"
            "\n"
            "    beta_token_request {\n"
            "      token = beta_token_response.body\n"
            "      ttl   = \"60s\"\n"
            "    }\n"
            "\n"
            "    beta_token_request \"svc\" {\n"
            "      url = \"/token\"\n"
            "      form_body = {\n"
            "        grant_type = \"client_credentials\"\n"
            "      }\n"
            "      token = beta_token_response.json_body.access_token\n"
            "      ttl   = \"${default(beta_token_response.json_body.expires_in, 3600) * 0.9}s\"\n"
            "    }\n"
            "  }\n"
            "}\n";
        QCOMPARE(readFile(path), expected);
    }

    void fileChangedOnDisk_offersReloadOrOverwrite()
    {
        const QByteArray source =
            "definitions {\n  backend \"b\" {\n    origin = \"https://b.example\"\n  }\n}\n";
        const QString path = m_dir.filePath(QStringLiteral("changed.hcl"));
        writeFile(path, source);
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path));
        w.selectBlock(0, {});
        auto* origin = w.currentEditor()->findChild<QLineEdit*>(QStringLiteral("originLineEdit"));
        QVERIFY(origin);
        retype(origin, QStringLiteral("https://c.example"));
        // Someone else edits the file.
        const QByteArray theirs = "# edited elsewhere\n" + source;
        writeFile(path, theirs);

        // Reload: their version, our edit discarded.
        whenModal<QMessageBox>([](QMessageBox* box) {
            QCOMPARE(box->objectName(), QStringLiteral("fileChangedMessageBox"));
            QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("reloadPushButton")),
                              Qt::LeftButton);
        });
        w.action(QStringLiteral("save"))->trigger();
        QTRY_COMPARE(w.workspace()->backend(0).attribute(QStringLiteral("origin")),
                     QStringLiteral("https://b.example"));
        QCOMPARE(readFile(path), theirs);

        // Overwrite: our edit onto what we opened (theirs now), through the diff preview.
        w.selectBlock(0, {});
        origin = w.currentEditor()->findChild<QLineEdit*>(QStringLiteral("originLineEdit"));
        retype(origin, QStringLiteral("https://d.example"));
        writeFile(path, source);
        whenModal<QMessageBox>([](QMessageBox* box) {
            QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("overwritePushButton")),
                              Qt::LeftButton);
            whenModal<Tokenbench::Ui::DiffPreviewDialog>(
                [](Tokenbench::Ui::DiffPreviewDialog* d) { d->accept(); });
        });
        w.action(QStringLiteral("save"))->trigger();
        QTRY_VERIFY(!w.isWindowModified());
        QByteArray expected = theirs;
        expected.replace("https://b.example", "https://d.example");
        QCOMPARE(readFile(path), expected);
    }
};

QTEST_MAIN(TestHclGui)
#include "tst_hclgui.moc"
