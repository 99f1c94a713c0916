// State the user can trust (issue #16): after Open, Open Recent, Revert and New every view belongs to the
// new document; a failed run never sits beside an old token that looks valid; Enter in a completion popup
// completes; a beta_token_request card reads token_type / expires_in; trace rows say what they were.
// Real windows offscreen, driven by keyboard and mouse on widgets found by object name, against small
// real socket servers.
#include "mainwindow.h"
#include "tokenpanel.h"

#include "util/guidriver.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTcpServer>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <functional>

using namespace Tokenbench;
using Core::TokenResult;
using Test::focused;
using Test::RawHttpServer;
using Test::runAndWait;

namespace {

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A Couper file with one backend whose oauth2 block asks `endpoint` for a client-credentials token.
QByteArray oauth2File(const QString& backend, const QString& endpoint, const QString& clientId)
{
    return QStringLiteral("definitions {\n"
                          "  backend \"%1\" {\n"
                          "    oauth2 {\n"
                          "      token_endpoint = \"%2\"\n"
                          "      grant_type     = \"client_credentials\"\n"
                          "      client_id      = \"%3\"\n"
                          "      client_secret  = env.TB_DOCSTATE_SECRET\n"
                          "    }\n"
                          "  }\n"
                          "}\n")
        .arg(backend, endpoint, clientId)
        .toUtf8();
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

template <typename T> T* child(QWidget& w, const char* name)
{
    return w.findChild<T*>(QString::fromLatin1(name));
}

int traceRows(QWidget& w)
{
    auto* table = child<QTableView>(w, "traceTableView");
    return table ? table->model()->rowCount() : -1;
}

// The number at the start of the status bar's problem count ("3 problems"; "No problems" is 0).
int statusProblemCount(QWidget& w)
{
    auto* label = child<QLabel>(w, "problemCountLabel");
    if (!label)
        return -1;
    bool ok = false;
    const int n = label->text().section(u' ', 0, 0).toInt(&ok);
    return ok ? n : 0;
}

QAction* actionNamed(QWidget& w, const char* name)
{
    return w.findChild<QAction*>(QString::fromLatin1(name));
}

} // namespace

class TestDocumentState : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static void clickInto(QWidget* widget)
    {
        QTest::mouseClick(widget, Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::initTestEnvironment();
        qRegisterMetaType<TokenResult>();
        QVERIFY(m_dir.isValid());
        qputenv("TB_DOCSTATE_SECRET", "docstate-secret");
    }

    // The reported failure: after File > Open (here through Open Recent) the form kept the previous
    // document's block while the tree showed the new one, and typing wrote old values into the new file.
    // Every pane belongs to the new document: form, token card, trace (a saved HAR holds only its
    // exchanges), outcome line, Token Requests panel; the status bar counts what the Problems view lists.
    void openRecent_everyPaneShowsTheNewDocument()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::respond(
            200, "application/json", "{\"access_token\":\"tok-docstate\",\"token_type\":\"Bearer\",\"expires_in\":300}"));
        const QString a = m_dir.filePath(QStringLiteral("alpha.hcl"));
        const QString b = m_dir.filePath(QStringLiteral("bravo.hcl"));
        writeFile(a, oauth2File(QStringLiteral("alpha"), server.url(QStringLiteral("/alpha-token")).toString(),
                                QStringLiteral("alpha-client")));
        writeFile(b, oauth2File(QStringLiteral("bravo"), server.url(QStringLiteral("/bravo-token")).toString(),
                                QStringLiteral("bravo-client")));

        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(b)); // into the recent files
        QVERIFY(w.openFile(a));
        auto* endpoint = child<QLineEdit>(w, "tokenEndpointLineEdit");
        auto* clientId = child<QLineEdit>(w, "clientIdLineEdit");
        QVERIFY(endpoint && clientId);
        QCOMPARE(clientId->text(), QStringLiteral("alpha-client"));

        // A run of the first document fills the card, the outcome and the trace.
        clickInto(clientId);
        const TokenResult r = runAndWait(w);
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        auto* card = child<Tokenbench::Ui::TokenPanel>(w, "tokenPanel");
        QVERIFY(card && card->hasToken());
        QVERIFY(traceRows(w) > 0);
        auto* outcome = child<QLabel>(w, "outcomeLabel");
        QVERIFY(!outcome->text().isEmpty());

        // File > Open Recent > bravo.hcl.
        QAction* recent = nullptr;
        for (QMenu* menu : w.findChildren<QMenu*>()) {
            for (QAction* action : menu->actions()) {
                if (action->text() == u"bravo.hcl" && action->toolTip() == b)
                    recent = action;
            }
        }
        QVERIFY(recent);
        recent->trigger();

        auto* tree = child<QTreeView>(w, "workspaceTreeView");
        QCOMPARE(tree->currentIndex().data().toString(), QStringLiteral("oauth2"));
        QCOMPARE(tree->currentIndex().parent().data().toString(), QStringLiteral("bravo"));
        QCOMPARE(endpoint->text(), server.url(QStringLiteral("/bravo-token")).toString());
        QCOMPARE(clientId->text(), QStringLiteral("bravo-client"));
        QVERIFY(!card->hasToken());
        QCOMPARE(traceRows(w), 0);
        QCOMPARE(outcome->text(), QString());
        auto* problems = child<QTreeView>(w, "problemsTreeView");
        QCOMPARE(statusProblemCount(w), problems->model()->rowCount());

        // Typing into the form edits the new document's block, not a copy of the old one.
        clickInto(clientId);
        QTest::keyClick(clientId, Qt::Key_End);
        QTest::keyClicks(clientId, QStringLiteral("-2"));
        QVERIFY(w.isWindowModified());
        QCOMPARE(endpoint->text(), server.url(QStringLiteral("/bravo-token")).toString());

        // Its run is the only thing a saved trace holds.
        const TokenResult rb = runAndWait(w);
        QVERIFY2(rb.ok(), qPrintable(rb.errorText));
        const QString har = m_dir.filePath(QStringLiteral("bravo.har"));
        QVERIFY(w.saveTraceTo(har));
        const QByteArray saved = readFile(har);
        QVERIFY(saved.contains("/bravo-token"));
        QVERIFY(!saved.contains("/alpha-token"));
        QVERIFY(server.requests().constLast().contains("POST /bravo-token"));
        QVERIFY(server.requests().constLast().contains(QByteArray("bravo-client-2:docstate-secret").toBase64()));

        // An imported request joins the document, and the form shows the imported block.
        const QString http = m_dir.filePath(QStringLiteral("imported.http"));
        writeFile(http, "POST " + server.url(QStringLiteral("/imported-token")).toEncoded() +
                            "\nAuthorization: Basic " + QByteArray("imported-client:imported-secret").toBase64() +
                            "\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n");
        QVERIFY(w.openFile(http));
        QCOMPARE(tree->currentIndex().data().toString(), QStringLiteral("oauth2"));
        QCOMPARE(tree->currentIndex().parent().data().toString(), QStringLiteral("imported"));
        QCOMPARE(endpoint->text(), server.url(QStringLiteral("/imported-token")).toString());
        QCOMPARE(clientId->text(), QStringLiteral("imported-client"));
        QCOMPARE(statusProblemCount(w), problems->model()->rowCount());
    }

    // Revert drops the edits and shows the file's values in the form; New shows the welcome page with an
    // empty card and trace.
    void revertAndNew_resetTheFormCardAndTrace()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::respond(200, "application/json",
                                                   "{\"access_token\":\"tok-revert\",\"token_type\":\"Bearer\"}"));
        const QString path = m_dir.filePath(QStringLiteral("charlie.hcl"));
        writeFile(path, oauth2File(QStringLiteral("charlie"), server.url(QStringLiteral("/token")).toString(),
                                   QStringLiteral("charlie-client")));
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path));
        auto* clientId = child<QLineEdit>(w, "clientIdLineEdit");
        clickInto(clientId);
        QTest::keyClick(clientId, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(clientId, QStringLiteral("edited"));
        const TokenResult r = runAndWait(w);
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QVERIFY(traceRows(w) > 0);

        QAction* revert = actionNamed(w, "revert");
        QVERIFY(revert);
        QVERIFY(revert->isEnabled());
        whenModal<QMessageBox>([](QMessageBox* box) { box->button(QMessageBox::Discard)->click(); });
        revert->trigger();
        QCOMPARE(clientId->text(), QStringLiteral("charlie-client"));
        QVERIFY(!w.isWindowModified());
        QCOMPARE(traceRows(w), 0);
        QVERIFY(!child<Tokenbench::Ui::TokenPanel>(w, "tokenPanel")->hasToken());

        // Run again, then New: nothing of the run stays.
        w.activateWindow(); // back from the question
        QVERIFY(QTest::qWaitForWindowActive(&w));
        clickInto(clientId);
        QVERIFY(runAndWait(w).ok());
        QVERIFY(traceRows(w) > 0);
        actionNamed(w, "new")->trigger();
        QVERIFY(child<QWidget>(w, "welcomePage") && child<QWidget>(w, "welcomePage")->isVisible());
        QCOMPARE(traceRows(w), 0);
        QVERIFY(!child<Tokenbench::Ui::TokenPanel>(w, "tokenPanel")->hasToken());
        QCOMPARE(child<QLabel>(w, "outcomeLabel")->text(), QString());
        QCOMPARE(statusProblemCount(w), child<QTreeView>(w, "problemsTreeView")->model()->rowCount());
    }

    // Enter in the token expression while the completion list is open accepts the completion; it does not
    // start a run. Without the list, Enter runs as before.
    void enterInCompletionPopup_completesAndDoesNotRun()
    {
        RawHttpServer service;
        QVERIFY(service.listen());
        service.setBehaviour(RawHttpServer::respond(200, "application/json",
                                                    "{\"data\":{\"token\":\"tok-complete\"},\"ttl\":\"60s\"}"));
        const QString path = m_dir.filePath(QStringLiteral("complete.hcl"));
        writeFile(path, QStringLiteral("definitions {\n"
                                       "  backend \"svc\" {\n"
                                       "    origin = \"http://127.0.0.1:%1\"\n"
                                       "    beta_token_request {\n"
                                       "      url   = \"/issue\"\n"
                                       "      token = beta_token_response.json_body.data.token\n"
                                       "      ttl   = beta_token_response.json_body.ttl\n"
                                       "    }\n"
                                       "  }\n"
                                       "}\n")
                            .arg(service.port())
                            .toUtf8());
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path));
        // The token request in the tree, then its token field.
        auto* tree = child<QTreeView>(w, "workspaceTreeView");
        QModelIndex request;
        for (int i = 0; i < tree->model()->rowCount(tree->model()->index(0, 0)); ++i) {
            const QModelIndex c = tree->model()->index(i, 0, tree->model()->index(0, 0));
            if (c.data().toString().contains(QStringLiteral("beta_token_request")))
                request = c;
        }
        QVERIFY(request.isValid());
        tree->setCurrentIndex(request);
        auto* token = child<QLineEdit>(w, "tokenLineEdit");
        QVERIFY(token && token->isVisible());
        clickInto(token);
        QVERIFY(runAndWait(w).ok()); // a response to complete from
        QCOMPARE(service.requests().size(), 1);

        QTest::keyClick(token, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(token, QStringLiteral("beta_token_response.json_body.da"));
        auto* completer = w.findChild<QCompleter*>(QStringLiteral("tokenCompleter"));
        QVERIFY(completer);
        QTRY_VERIFY(completer->popup()->isVisible());
        // Keys go to the open list (it holds the keyboard), which passes them to the field first.
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QVERIFY(!w.isRunning());
        QVERIFY(!child<QLabel>(w, "outcomeLabel")->text().startsWith(QStringLiteral("Running")));
        QVERIFY(!completer->popup()->isVisible());
        QCOMPARE(token->text(), QStringLiteral("beta_token_response.json_body.data"));
        QCOMPARE(service.requests().size(), 1);

        // Without the list, Enter runs.
        QSignalSpy finished(&w, &Tokenbench::Ui::MainWindow::runFinished);
        QTest::keyClick(token, Qt::Key_End);
        QTest::keyClicks(token, QStringLiteral(".token"));
        if (completer->popup()->isVisible())
            QTest::keyClick(completer->popup(), Qt::Key_Escape);
        QTest::keyClick(token, Qt::Key_Return);
        QVERIFY(finished.wait(30000));
        QCOMPARE(service.requests().size(), 2);
    }

    // A cached token reused says so, with the fresh token one click away; a failed run comes first on the
    // card and the earlier token below it is marked as the previous one.
    void cachedThenFailedRun_cardShowsFailureFirstAndPreviousToken()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::respond(
            200, "application/json", "{\"access_token\":\"tok-first\",\"token_type\":\"Bearer\",\"expires_in\":600}"));
        const QString path = m_dir.filePath(QStringLiteral("delta.hcl"));
        writeFile(path, oauth2File(QStringLiteral("delta"), server.url(QStringLiteral("/token")).toString(),
                                   QStringLiteral("delta-client")));
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path));
        clickInto(child<QLineEdit>(w, "clientIdLineEdit"));
        QVERIFY(runAndWait(w).ok());
        auto* outcome = child<QLabel>(w, "outcomeLabel");
        auto* fresh = child<QPushButton>(w, "freshTokenPushButton");
        QVERIFY(fresh);
        QVERIFY(!fresh->isVisible());

        // Again: the cache answers, and the outcome line says so plainly.
        QVERIFY(runAndWait(w).ok());
        QCOMPARE(server.requests().size(), 1);
        QVERIFY2(outcome->text().contains(QStringLiteral("Cached token reused")), qPrintable(outcome->text()));
        QVERIFY(outcome->text().contains(QStringLiteral("no token request was sent")));
        QVERIFY(fresh->isVisible());
        QSignalSpy finished(&w, &Tokenbench::Ui::MainWindow::runFinished);
        QTest::mouseClick(fresh, Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(server.requests().size(), 2);
        QVERIFY2(outcome->text().contains(QStringLiteral("token issued")), qPrintable(outcome->text()));
        QVERIFY(!fresh->isVisible());

        // The server now refuses: a fresh run fails.
        server.setBehaviour(RawHttpServer::respond(
            401, "application/json", "{\"error\":\"invalid_client\",\"error_description\":\"client is gone\"}"));
        auto* card = child<Tokenbench::Ui::TokenPanel>(w, "tokenPanel");
        auto* failure = child<QLabel>(w, "runFailureLabel");
        auto* previous = child<QLabel>(w, "previousTokenLabel");
        QVERIFY(failure && previous);
        QVERIFY(!failure->isVisible());
        finished.clear();
        QTest::keyClick(focused(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.constFirst().constFirst().value<TokenResult>().status, TokenResult::Status::ServerRefused);
        QVERIFY(failure->isVisible());
        QVERIFY2(failure->text().contains(QStringLiteral("invalid_client")), qPrintable(failure->text()));
        // Above everything else on the card.
        for (QWidget* other : card->findChildren<QWidget*>()) {
            if (other != failure && other->isVisible() && other->parentWidget() == card)
                QVERIFY2(other->y() >= failure->y() + failure->height(), qPrintable(other->objectName()));
        }
        QVERIFY(previous->isVisible());
        QVERIFY(previous->text().contains(QStringLiteral("Previous token")));
        QVERIFY(card->isStale());

        // The next good run replaces both.
        server.setBehaviour(RawHttpServer::respond(200, "application/json",
                                                   "{\"access_token\":\"tok-again\",\"token_type\":\"Bearer\"}"));
        finished.clear();
        QTest::keyClick(focused(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(finished.wait(30000));
        QVERIFY(!failure->isVisible());
        QVERIFY(!previous->isVisible());
        QCOMPARE(card->token(), QStringLiteral("tok-again"));
    }

    // A beta_token_request's card reads token_type and expires_in beside the token the expression read; the
    // backend's form names its token requests as its token source.
    void betaTokenRequest_cardReadsTypeAndExpiry_backendFormNamesTheSource()
    {
        RawHttpServer service;
        QVERIFY(service.listen());
        service.setBehaviour(RawHttpServer::respond(
            200, "application/json",
            "{\"result\":{\"access_token\":\"tok-beta\",\"token_type\":\"DPoP\",\"expires_in\":900}}"));
        const QString path = m_dir.filePath(QStringLiteral("echo.hcl"));
        writeFile(path, QStringLiteral("definitions {\n"
                                       "  backend \"svc\" {\n"
                                       "    origin = \"http://127.0.0.1:%1\"\n"
                                       "    beta_token_request {\n"
                                       "      url   = \"/issue\"\n"
                                       "      token = beta_token_response.json_body.result.access_token\n"
                                       "      ttl   = \"${beta_token_response.json_body.result.expires_in * 0.9}s\"\n"
                                       "    }\n"
                                       "  }\n"
                                       "}\n")
                            .arg(service.port())
                            .toUtf8());
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path));
        auto* tree = child<QTreeView>(w, "workspaceTreeView");
        tree->setCurrentIndex(tree->model()->index(0, 0)); // the backend's own form
        auto* source = child<QLabel>(w, "tokenSourceLabel");
        QVERIFY(source && source->isVisible());
        QVERIFY2(!source->text().contains(QStringLiteral("no token source")), qPrintable(source->text()));
        QVERIFY2(source->text().contains(QStringLiteral("beta_token_request")), qPrintable(source->text()));

        clickInto(tree);
        const TokenResult r = runAndWait(w);
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QCOMPARE(r.response.accessToken, QStringLiteral("tok-beta"));
        QCOMPARE(child<QLabel>(w, "typeValueLabel")->text(), QStringLiteral("DPoP"));
        const QString expires = child<QLabel>(w, "expiresValueLabel")->text();
        QVERIFY2(expires.startsWith(QStringLiteral("in 1")) || expires.startsWith(QStringLiteral("in 14:")), qPrintable(expires));
    }

    // Trace rows say what they were (backend and step, the host once there are several), a transport
    // failure in words without invented timings; the list follows new rows until the user scrolls away;
    // the splitter cannot hide the Request/Response tabs.
    void traceRows_sayWhatTheyWere_followNewRows_keepTheTabs()
    {
        RawHttpServer issuer;
        QVERIFY(issuer.listen());
        issuer.setBehaviour(RawHttpServer::respond(200, "application/json",
                                                   "{\"access_token\":\"tok-trace\",\"token_type\":\"Bearer\"}"));
        RawHttpServer api;
        QVERIFY(api.listen());
        api.setBehaviour(RawHttpServer::respond(200, "application/json", "{\"ok\":true}"));
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            closedPort = probe.serverPort();
        }
        const QString path = m_dir.filePath(QStringLiteral("trace.hcl"));
        writeFile(path, QStringLiteral("definitions {\n"
                                       "  backend \"api\" {\n"
                                       "    tokenbench_resource_url = \"%1\"\n"
                                       "    oauth2 {\n"
                                       "      token_endpoint = \"%2\"\n"
                                       "      grant_type     = \"client_credentials\"\n"
                                       "      client_id      = \"trace-client\"\n"
                                       "      client_secret  = env.TB_DOCSTATE_SECRET\n"
                                       "    }\n"
                                       "  }\n"
                                       "  backend \"down\" {\n"
                                       "    oauth2 {\n"
                                       "      token_endpoint = \"http://127.0.0.1:%3/token\"\n"
                                       "      grant_type     = \"client_credentials\"\n"
                                       "      client_id      = \"down-client\"\n"
                                       "      client_secret  = env.TB_DOCSTATE_SECRET\n"
                                       "    }\n"
                                       "  }\n"
                                       "}\n")
                            .arg(api.url(QStringLiteral("/me")).toString(), issuer.url(QStringLiteral("/token")).toString())
                            .arg(closedPort)
                            .toUtf8());
        Tokenbench::Ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path));
        auto* table = child<QTableView>(w, "traceTableView");
        QAbstractItemModel* model = table->model();
        auto* tree = child<QTreeView>(w, "workspaceTreeView");
        clickInto(tree);
        const TokenResult ok = runAndWait(w);
        QVERIFY2(ok.ok(), qPrintable(ok.errorText));
        QCOMPARE(model->rowCount(), 2);
        // The columns as the header names them.
        auto column = [&](const QString& header) {
            for (int c = 0; c < model->columnCount(); ++c) {
                if (model->headerData(c, Qt::Horizontal).toString() == header)
                    return c;
            }
            return -1;
        };
        const int what = column(QStringLiteral("What"));
        const int url = column(QStringLiteral("Path"));
        const int status = column(QStringLiteral("Status"));
        const int time = column(QStringLiteral("Time"));
        QVERIFY(what >= 0 && url >= 0 && status >= 0 && time >= 0);
        QCOMPARE(model->index(0, what).data().toString(), QStringLiteral("api \u00b7 token"));
        QCOMPARE(model->index(1, what).data().toString(), QStringLiteral("api \u00b7 resource"));
        // Two hosts: each row names its own.
        QCOMPARE(model->index(0, url).data().toString(), QStringLiteral("127.0.0.1:%1/token").arg(issuer.port()));
        QCOMPARE(model->index(1, url).data().toString(), QStringLiteral("127.0.0.1:%1/me").arg(api.port()));

        // The second backend's token endpoint refuses connections: said in words, no timings.
        const QModelIndex down = tree->model()->index(1, 0);
        QCOMPARE(down.data().toString(), QStringLiteral("down"));
        tree->setCurrentIndex(down);
        clickInto(tree);
        const TokenResult refused = runAndWait(w);
        QCOMPARE(refused.status, TokenResult::Status::TransportError);
        const int last = model->rowCount() - 1;
        QCOMPARE(model->index(last, what).data().toString(), QStringLiteral("down \u00b7 token"));
        QCOMPARE(model->index(last, status).data().toString(), QStringLiteral("connection refused"));
        QVERIFY(!model->index(last, time).data().toString().contains(QStringLiteral("ms")));
        table->setCurrentIndex(model->index(last, 0));
        auto* response = child<QPlainTextEdit>(w, "responsePlainTextEdit");
        QVERIFY(!response->toPlainText().contains(QStringLiteral("ms total")));

        // More rows than the list shows: it follows them to the end...
        while (model->rowCount() < 30)
            QCOMPARE(runAndWait(w).status, TokenResult::Status::TransportError);
        QScrollBar* bar = table->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum());
        // ... until the user scrolls away; then it stays where they are.
        bar->setValue(0);
        QCOMPARE(runAndWait(w).status, TokenResult::Status::TransportError);
        QCOMPARE(bar->value(), 0);

        // Dragging the splitter all the way down keeps the Request/Response tabs.
        auto* splitter = child<QSplitter>(w, "traceSplitter");
        splitter->setSizes({10000, 0});
        auto* tabs = child<QTabWidget>(w, "traceTabWidget");
        QVERIFY(tabs->isVisible());
        QVERIFY2(tabs->height() >= 60, qPrintable(QString::number(tabs->height())));
        splitter->setSizes({0, 10000});
        QVERIFY(table->height() > 0);
    }
};

QTEST_MAIN(TestDocumentState)
#include "tst_documentstate.moc"
