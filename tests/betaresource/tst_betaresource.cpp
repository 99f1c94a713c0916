// A beta_token_request's token in the resource check, against a real local token service and a real
// resource server (raw sockets, so the test sees the exact bytes): the resource receives exactly the
// header the backend's set_request_headers produces with the token bound; without such a modifier the
// token goes as a Bearer header with a note; a 401 is the answer (Couper never retries a
// beta_token_request); through tokenbench-cli (--request --resource --json) and the Runner (trace order).
#include "model/couperconfig.h"
#include "model/valueresolver.h"
#include "model/workspace.h"
#include "net/networkaccessmanager.h"
#include "run/runner.h"
#include "trace/tracemodel.h"
#include "util/clirunner.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Tokenbench::Core;
using Tokenbench::Test::CliRun;
using Tokenbench::Test::RawHttpServer;

namespace {
CliRun cli(const QStringList& args)
{
    return Tokenbench::Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH), args);
}

QString origin(const RawHttpServer& s)
{
    return QStringLiteral("http://127.0.0.1:%1").arg(s.port());
}
} // namespace

class TestBetaResource : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    RawHttpServer* m_tokens = nullptr;
    RawHttpServer* m_resource = nullptr;

    // A token backend and a resource backend "api" whose token request goes through it.
    QString config(const QString& name, const QString& apiExtra, const QString& requestLabel = QStringLiteral("svc"))
    {
        const QString text =
            QStringLiteral("definitions {\n"
                           "  backend \"tokensvc\" {\n"
                           "    origin = \"%1\"\n"
                           "  }\n"
                           "  backend \"api\" {\n"
                           "    origin = \"%2\"\n"
                           "%3"
                           "    beta_token_request %4{\n"
                           "      backend = \"tokensvc\"\n"
                           "      url     = \"/issue\"\n"
                           "      token   = beta_token_response.json_body.data.jwt\n"
                           "      ttl     = \"${beta_token_response.json_body.valid_for}s\"\n"
                           "    }\n"
                           "  }\n"
                           "}\n")
                .arg(origin(*m_tokens), origin(*m_resource), apiExtra,
                     requestLabel.isEmpty() ? QString() : u'"' + requestLabel + QStringLiteral("\" "));
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write config");
        f.write(text.toUtf8());
        return path;
    }

    QByteArray lastResourceRequest() const
    {
        return m_resource->requests().isEmpty() ? QByteArray() : m_resource->requests().constLast();
    }

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        qRegisterMetaType<TokenResult>();
        qRegisterMetaType<RunResult>();
        m_tokens = new RawHttpServer(this);
        m_resource = new RawHttpServer(this);
        QVERIFY(m_tokens->listen());
        QVERIFY(m_resource->listen());
        m_tokens->setBehaviour(
            RawHttpServer::respond(200, "application/json", "{\"data\":{\"jwt\":\"svc-tok-42\"},\"valid_for\":120}"));
    }

    void init() { m_resource->setBehaviour(RawHttpServer::respond(200, "application/json", "{\"hello\":\"world\"}")); }

    void cli_modifierHeader_isExactlyWhatTheResourceSees()
    {
        const QString path = config(QStringLiteral("modifier.hcl"),
                                    QStringLiteral("    tokenbench_resource_url = \"/data?x=1\"\n"
                                                   "    set_request_headers = {\n"
                                                   "      authorization = \"Token ${backend.beta_tokens.svc}\"\n"
                                                   "      x-from        = \"${backends.api.beta_tokens.svc}-copy\"\n"
                                                   "    }\n"));
        const int before = int(m_resource->requests().size());
        const CliRun r = cli({QStringLiteral("token"), path, QStringLiteral("--backend"), QStringLiteral("api"),
                              QStringLiteral("--request"), QStringLiteral("svc"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(int(m_resource->requests().size()), before + 1);
        const QByteArray wire = lastResourceRequest();
        QVERIFY2(wire.startsWith("GET /data?x=1 HTTP/1.1\r\n"), wire.constData());
        QVERIFY2(wire.contains("\r\nAuthorization: Token svc-tok-42\r\n"), wire.constData());
        QVERIFY2(wire.contains("\r\nX-From: svc-tok-42-copy\r\n"), wire.constData());
        QCOMPARE(wire.count("Authorization:"), 1);

        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        const QJsonObject res = o.value(QStringLiteral("resource")).toObject();
        QVERIFY2(!res.isEmpty(), r.out.constData());
        QCOMPARE(res.value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(res.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(res.value(QStringLiteral("resource_requests")).toInt(), 1);
        QCOMPARE(res.value(QStringLiteral("token_requests")).toInt(), 1);
        QCOMPARE(res.value(QStringLiteral("retries_used")).toInt(), 0);
        QVERIFY(res.value(QStringLiteral("note")).isNull());
        QVERIFY(res.value(QStringLiteral("url")).toString().endsWith(QStringLiteral("/data?x=1")));
        // The exchanges in order: the token request, then the resource call.
        const QJsonArray ex = o.value(QStringLiteral("exchanges")).toArray();
        QCOMPARE(ex.size(), 2);
        QVERIFY(ex.at(0).toObject().value(QStringLiteral("request")).toObject().value(QStringLiteral("url")).toString().contains(QStringLiteral("/issue")));
        QVERIFY(ex.at(1).toObject().value(QStringLiteral("request")).toObject().value(QStringLiteral("url")).toString().contains(QStringLiteral("/data")));
        // Not revealed: the headers carrying the token go through the redactor.
        const QJsonObject sent = ex.at(1).toObject().value(QStringLiteral("request")).toObject().value(QStringLiteral("headers")).toObject();
        QVERIFY2(!sent.value(QStringLiteral("Authorization")).toString().contains(QStringLiteral("svc-tok-42")),
                 qPrintable(sent.value(QStringLiteral("Authorization")).toString()));
        // The token inside a custom header too (the redactor knows it as a value of this exchange).
        QVERIFY2(sent.value(QStringLiteral("X-From")).toString().startsWith(QStringLiteral("[redacted:")),
                 qPrintable(sent.value(QStringLiteral("X-From")).toString()));
        QVERIFY2(sent.value(QStringLiteral("X-From")).toString().endsWith(QStringLiteral("-copy")),
                 qPrintable(sent.value(QStringLiteral("X-From")).toString()));

    }

    void cli_withoutModifier_sendsBearerAndSaysSo()
    {
        const QString path = config(QStringLiteral("plain.hcl"), QString(), QString());
        const CliRun r = cli({QStringLiteral("token"), path, QStringLiteral("--backend"), QStringLiteral("api"),
                              QStringLiteral("--request"), QStringLiteral("default"), QStringLiteral("--resource"),
                              origin(*m_resource) + QStringLiteral("/plain"), QStringLiteral("--json"),
                              QStringLiteral("--reveal")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QByteArray wire = lastResourceRequest();
        QVERIFY2(wire.startsWith("GET /plain HTTP/1.1\r\n"), wire.constData());
        QVERIFY2(wire.contains("\r\nAuthorization: Bearer svc-tok-42\r\n"), wire.constData());
        const QJsonObject res = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("resource")).toObject();
        const QString note = res.value(QStringLiteral("note")).toString();
        QVERIFY2(note.contains(QStringLiteral("Authorization: Bearer")) && note.contains(QStringLiteral("backend.beta_tokens.default")),
                 qPrintable(note));
        QVERIFY2(r.err.contains("no modifier of backend"), r.err.constData());
    }

    void cli_resource401_isTheAnswer_noRetry()
    {
        m_resource->setBehaviour(RawHttpServer::respond(401, "application/json", "{\"error\":\"nope\"}",
                                                        {{"WWW-Authenticate", "Bearer"}}));
        const QString path = config(QStringLiteral("denied.hcl"),
                                    QStringLiteral("    tokenbench_resource_url = \"/denied\"\n"
                                                   "    set_request_headers = { authorization = \"Bearer ${backend.beta_token}\" }\n"),
                                    QString());
        const int tokensBefore = int(m_tokens->requests().size());
        const int resourceBefore = int(m_resource->requests().size());
        const CliRun r = cli({QStringLiteral("token"), path, QStringLiteral("--backend"), QStringLiteral("api"),
                              QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 4); // the server refused
        // One token request, one resource call: Couper does not retry a beta_token_request on 401.
        QCOMPARE(int(m_tokens->requests().size()), tokensBefore + 1);
        QCOMPARE(int(m_resource->requests().size()), resourceBefore + 1);
        QVERIFY2(lastResourceRequest().contains("\r\nAuthorization: Bearer svc-tok-42\r\n"), lastResourceRequest().constData());
        const QJsonObject res = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("resource")).toObject();
        QCOMPARE(res.value(QStringLiteral("status")).toInt(), 401);
        QCOMPARE(res.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(res.value(QStringLiteral("resource_requests")).toInt(), 1);
        QCOMPARE(res.value(QStringLiteral("retries_used")).toInt(), 0);
        QVERIFY2(res.value(QStringLiteral("error")).toString().contains(QStringLiteral("401")), r.out.constData());
        // --retries is the oauth2 block's; a beta_token_request has none.
        const CliRun retries = cli({QStringLiteral("token"), path, QStringLiteral("--backend"), QStringLiteral("api"),
                                    QStringLiteral("--retries"), QStringLiteral("2")});
        QCOMPARE(retries.exitCode, 2);
        QVERIFY2(retries.err.contains("never retries"), retries.err.constData());
    }

    // The service's token goes into headers, queries and forms of the backend's requests: one with CR/LF
    // (a header injection) or other characters a token cannot have is refused (exit 5) and sent nowhere.
    void cli_malformedToken_isRefusedAndNeverSent_data()
    {
        QTest::addColumn<QByteArray>("jwt");
        QTest::newRow("CRLF injection") << QByteArray("tok\\r\\nX-Injected: 1");
        QTest::newRow("NUL") << QByteArray("tok\\u0000tail");
        QTest::newRow("ESC") << QByteArray("tok\\u001b[2J");
        QTest::newRow("non-ASCII") << QByteArray("tok\\u00e9");
    }

    void cli_malformedToken_isRefusedAndNeverSent()
    {
        QFETCH(QByteArray, jwt);
        m_tokens->setBehaviour(RawHttpServer::respond(
            200, "application/json", "{\"data\":{\"jwt\":\"" + jwt + "\"},\"valid_for\":120}"));
        const auto restore = qScopeGuard([this] {
            m_tokens->setBehaviour(RawHttpServer::respond(200, "application/json",
                                                          "{\"data\":{\"jwt\":\"svc-tok-42\"},\"valid_for\":120}"));
        });
        const QString path = config(QStringLiteral("malformed.hcl"),
                                    QStringLiteral("    tokenbench_resource_url = \"/never\"\n"
                                                   "    set_request_headers = { x-token = backend.beta_tokens.svc }\n"));
        const int resourceBefore = int(m_resource->requests().size());
        const CliRun r = cli({QStringLiteral("token"), path, QStringLiteral("--backend"), QStringLiteral("api"),
                              QStringLiteral("--request"), QStringLiteral("svc")});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains("the token is not well-formed"), r.err.constData());
        QCOMPARE(int(m_resource->requests().size()), resourceBefore);
        QVERIFY(r.out.trimmed().isEmpty());
        QVERIFY(!r.err.contains('\r') && !r.err.contains('\x1b') && !r.err.contains('\0'));
    }

    void runner_tokenThenResource_inTheTrace()
    {
        const QString path = config(QStringLiteral("runner.hcl"),
                                    QStringLiteral("    tokenbench_resource_url = \"/r\"\n"
                                                   "    set_request_headers = { x-token = backend.beta_tokens.svc }\n"));
        auto loaded = Hcl::loadCouperConfig(path);
        QVERIFY(loaded);
        Workspace ws;
        ws.resetBackends(loaded->backends);
        int api = -1;
        for (int i = 0; i < ws.backendCount(); ++i)
            if (ws.backend(i).label == u"api")
                api = i;
        QVERIFY(api >= 0);
        TraceModel trace;
        NetworkAccessManager nam;
        ValueResolver resolver;
        Runner runner(&ws, &nam);
        QObject::connect(&runner, &Runner::exchangeStarted, &trace, &TraceModel::upsert);
        QObject::connect(&runner, &Runner::exchangeFinished, &trace, &TraceModel::upsert);
        runner.setResolver(&resolver);
        QSignalSpy finished(&runner, &Runner::finished);
        runner.runTokenRequest(api, QStringLiteral("svc"));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.size(), 1);
        const auto result = finished.constFirst().at(1).value<RunResult>();
        QVERIFY2(result.token.ok(), qPrintable(result.token.errorText));
        QCOMPARE(result.token.response.accessToken, QStringLiteral("svc-tok-42"));
        QVERIFY(result.resource && result.resource->attempted);
        QVERIFY(result.resource->ok());
        QVERIFY(result.resource->note.isEmpty());
        QVERIFY2(lastResourceRequest().contains("\r\nX-Token: svc-tok-42\r\n"), lastResourceRequest().constData());
        QCOMPARE(trace.rowCount(), 2);
        QVERIFY(trace.exchange(0).url.path().endsWith(QStringLiteral("/issue")));
        QCOMPARE(trace.exchange(1).url.path(), QStringLiteral("/r"));
        QCOMPARE(trace.exchange(1).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestBetaResource)
#include "tst_betaresource.moc"
