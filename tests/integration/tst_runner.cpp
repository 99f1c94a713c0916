// Runner: from the workspace model to a token and a trace, against oidc-provider.
#include "model/valueresolver.h"
#include "model/workspace.h"
#include "net/networkaccessmanager.h"
#include "run/runner.h"
#include "trace/tracemodel.h"
#include "util/authserver.h"
#include "util/testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace Tokenbench::Core;

class TestRunner : public QObject
{
    Q_OBJECT

private:
    Tokenbench::Test::AuthServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        qRegisterMetaType<TokenResult>();
        qRegisterMetaType<RunResult>();
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void run_fromModel_fillsTraceAndReturnsToken()
    {
        Workspace ws;
        Block b{BlockType::Backend, QStringLiteral("billing"), {}, {}};
        b.blocks.append(Block{BlockType::OAuth2, {},
                              {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                               {QStringLiteral("token_endpoint"), m_server.tokenEndpoint().toString()},
                               {QStringLiteral("client_id"), QStringLiteral("basic-client")},
                               {QStringLiteral("client_secret"), QStringLiteral("env.RUNNER_TEST_SECRET")}},
                              {}});
        ws.insertBackend(0, b);
        ValueResolver resolver;
        resolver.setOverride(QStringLiteral("RUNNER_TEST_SECRET"), QStringLiteral("basic-secret"));
        TraceModel trace;
        NetworkAccessManager nam;
        Runner runner(&ws, &nam);
        QObject::connect(&runner, &Runner::exchangeStarted, &trace, &TraceModel::upsert);
        QObject::connect(&runner, &Runner::exchangeFinished, &trace, &TraceModel::upsert);
        runner.setResolver(&resolver);
        QSignalSpy finished(&runner, &Runner::finished);
        runner.run(0);
        QVERIFY(runner.isRunning());
        QVERIFY(finished.wait(30000));
        const auto result = finished.constFirst().at(1).value<RunResult>().token;
        QVERIFY2(result.ok(), qPrintable(result.errorText));
        QCOMPARE(trace.rowCount(), 1);
        QCOMPARE(trace.exchange(0).status, 200);
        QVERIFY(!runner.isRunning());
    }

    void run_withConfigError_reportsFieldWithoutNetwork()
    {
        Workspace ws;
        Block b{BlockType::Backend, QStringLiteral("billing"), {}, {}};
        b.blocks.append(Block{BlockType::OAuth2, {}, {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}}, {}});
        ws.insertBackend(0, b);
        TraceModel trace;
        NetworkAccessManager nam;
        Runner runner(&ws, &nam);
        QObject::connect(&runner, &Runner::exchangeStarted, &trace, &TraceModel::upsert);
        QObject::connect(&runner, &Runner::exchangeFinished, &trace, &TraceModel::upsert);
        QSignalSpy finished(&runner, &Runner::finished);
        runner.run(0);
        QVERIFY(finished.wait(5000));
        const auto result = finished.constFirst().at(1).value<RunResult>().token;
        QCOMPARE(result.status, TokenResult::Status::ConfigError);
        QVERIFY(result.errorWhere.startsWith(QStringLiteral("billing.oauth2.")));
        QCOMPARE(trace.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRunner)
#include "tst_runner.moc"
