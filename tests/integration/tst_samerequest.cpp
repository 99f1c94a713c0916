// The one-pipeline promise (issue 14): the same workspace and target produce byte-identical requests from
// the GUI's Runner and from tokenbench-cli, for every grant and client-authentication method that can run
// without a browser. A raw socket server records the exact bytes of both; only what must differ between two
// runs is normalised — the JWT assertions' iat/exp/jti and ECDSA signatures (their header and other claims
// are compared).
#include "model/couperconfig.h"
#include "model/valueresolver.h"
#include "model/workspacefile.h"
#include "model/workspace.h"
#include "net/networkaccessmanager.h"
#include "run/runner.h"
#include "util/clirunner.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Tokenbench::Core;
using Tokenbench::Test::RawHttpServer;

namespace {

const QByteArray TokenAnswer = R"({"access_token":"same-token","token_type":"Bearer","expires_in":60})";
const QByteArray DeviceAnswer =
    R"({"device_code":"dc-1","user_code":"UC-1","verification_uri":"https://as.example/device","interval":1})";

// A JWT with the claims that change between two runs (and its signature) replaced by markers.
QByteArray normalisedJwt(const QByteArray& jwt)
{
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3)
        return jwt;
    const auto decode = [](const QByteArray& part) {
        return QJsonDocument::fromJson(QByteArray::fromBase64(part, QByteArray::Base64UrlEncoding)).object();
    };
    QJsonObject payload = decode(parts.at(1));
    for (const char* varying : {"iat", "exp", "nbf", "jti"}) {
        if (payload.contains(QLatin1String(varying)))
            payload.insert(QLatin1String(varying), QStringLiteral("<varies>"));
    }
    return "JWT(" + QJsonDocument(decode(parts.at(0))).toJson(QJsonDocument::Compact) + ' ' +
           QJsonDocument(payload).toJson(QJsonDocument::Compact) + ')';
}

// The request with its assertions normalised; every other byte as sent.
QByteArray normalised(const QByteArray& request)
{
    const qsizetype split = request.indexOf("\r\n\r\n");
    QByteArray head = request.left(split + 4);
    QByteArray body = request.mid(split + 4);
    QList<QByteArray> fields = body.split('&');
    bool changed = false;
    for (QByteArray& field : fields) {
        for (const QByteArray& name : {QByteArray("client_assertion="), QByteArray("assertion=")}) {
            if (field.startsWith(name)) {
                field = name + normalisedJwt(QByteArray::fromPercentEncoding(field.mid(name.size())));
                changed = true;
            }
        }
    }
    if (changed) {
        // The assertion's length is part of Content-Length: compare it only through the rest of the head.
        const qsizetype at = head.indexOf("Content-Length: ");
        head = head.left(at) + "Content-Length: <assertion>" + head.mid(head.indexOf("\r\n", at));
    }
    return head + fields.join('&');
}

} // namespace

class TestSameRequest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeConfig(const QString& oauth2Body)
    {
        const QString path = m_dir.filePath(QStringLiteral("same-%1.hcl").arg(QString::number(++m_files)));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write the configuration");
        f.write(QStringLiteral("definitions {\n  backend \"be\" {\n    oauth2 {\n%1    }\n  }\n}\n").arg(oauth2Body).toUtf8());
        return path;
    }
    int m_files = 0;

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        qRegisterMetaType<RunResult>();
        QVERIFY(m_dir.isValid());
    }

    void guiAndCli_sendTheSameBytes_data()
    {
        QTest::addColumn<QString>("oauth2");
        QTest::addColumn<int>("requests"); // per run
        const QString key = Tokenbench::Test::dataPath(QStringLiteral("jwt/ec-p256-pkcs8-private.pem"));
        const QString common = QStringLiteral("      token_endpoint = \"%TOKEN%\"\n"
                                              "      client_id      = \"same-client\"\n"
                                              "      scope          = \"read write\"\n");
        const QString secret = QStringLiteral("      client_secret  = \"same-secret-0123456789abcdef-0123456789\"\n");
        for (const QString& method : {QStringLiteral("client_secret_basic"), QStringLiteral("client_secret_post")}) {
            QTest::addRow("client_credentials %s", qPrintable(method))
                << common + secret + QStringLiteral("      grant_type = \"client_credentials\"\n"
                                                    "      token_endpoint_auth_method = \"%1\"\n").arg(method)
                << 1;
        }
        QTest::newRow("client_credentials client_secret_jwt")
            << common + secret +
                   QStringLiteral("      grant_type = \"client_credentials\"\n"
                                  "      token_endpoint_auth_method = \"client_secret_jwt\"\n"
                                  "      jwt_signing_profile {\n        signature_algorithm = \"HS256\"\n"
                                  "        ttl = \"60s\"\n      }\n")
            << 1;
        QTest::newRow("client_credentials private_key_jwt")
            << common +
                   QStringLiteral("      grant_type = \"client_credentials\"\n"
                                  "      token_endpoint_auth_method = \"private_key_jwt\"\n"
                                  "      jwt_signing_profile {\n        signature_algorithm = \"ES256\"\n"
                                  "        key_file = \"%1\"\n        ttl = \"60s\"\n"
                                  "        headers = { kid = \"same-kid\" }\n      }\n")
                       .arg(key)
            << 1;
        QTest::newRow("password client_secret_basic")
            << common + secret +
                   QStringLiteral("      grant_type = \"password\"\n      username = \"alice\"\n"
                                  "      password = \"same-password-1\"\n")
            << 1;
        QTest::newRow("jwt-bearer with an assertion")
            << common + secret +
                   QStringLiteral("      grant_type = \"urn:ietf:params:oauth:grant-type:jwt-bearer\"\n"
                                  "      assertion  = \"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln\"\n")
            << 1;
        // A Tokenbench extension Couper refuses in its files: from a workspace file (.tbw) instead.
        QTest::newRow("device_code (authorization and the first poll)")
            << common + QStringLiteral("      client_secret  = env.SAME_SECRET\n"
                                       "      grant_type = \"client_credentials\"\n")
            << 2;
    }

    void guiAndCli_sendTheSameBytes()
    {
        QFETCH(QString, oauth2);
        QFETCH(int, requests);
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour([](QTcpSocket* socket, const QByteArray& request) {
            const bool device = request.startsWith("POST /device ");
            RawHttpServer::respond(200, "application/json", device ? DeviceAnswer : TokenAnswer)(socket, request);
        });
        oauth2.replace(QStringLiteral("%TOKEN%"), server.url(QStringLiteral("/token")).toString());
        oauth2.replace(QStringLiteral("%DEVICE%"), server.url(QStringLiteral("/device")).toString());
        QString path = writeConfig(oauth2);
        auto loaded = Hcl::loadCouperConfig(path);
        QVERIFY(loaded);
        QList<Block> blocks = loaded->backends;
        const bool device = requests == 2;
        if (device) {
            Block* o = blocks[0].child(BlockType::OAuth2);
            o->setAttribute(QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:device_code"));
            o->setAttribute(QStringLiteral("device_authorization_endpoint"), server.url(QStringLiteral("/device")).toString());
            path = m_dir.filePath(QStringLiteral("device.tbw"));
            QVERIFY(WorkspaceFile::save(path, blocks));
        }
        const QString secret = QStringLiteral("same-secret-from-the-environment");

        // The GUI's way: the blocks in a Workspace, Run on the backend.
        Workspace ws;
        ws.resetBackends(blocks);
        NetworkAccessManager nam;
        ValueResolver resolver;
        resolver.setOverride(QStringLiteral("SAME_SECRET"), secret);
        Runner runner(&ws, &nam);
        runner.setResolver(&resolver);
        QSignalSpy finished(&runner, &Runner::finished);
        runner.run(0, true);
        QVERIFY(finished.wait(20000));
        const RunResult gui = finished.constFirst().at(1).value<RunResult>();
        QVERIFY2(gui.token.ok(), qPrintable(gui.token.errorText));
        QCOMPARE(int(server.requests().size()), requests);

        // The CLI's way: the same file and target.
        const auto cli = Tokenbench::Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH),
                                                  {QStringLiteral("token"), path, QStringLiteral("--backend"),
                                                   QStringLiteral("be")},
                                                  {{QStringLiteral("SAME_SECRET"), secret}});
        QVERIFY2(cli.exitCode == 0, cli.err.constData());
        QCOMPARE(cli.out.trimmed(), QByteArray("same-token"));
        QCOMPARE(int(server.requests().size()), 2 * requests);

        for (int i = 0; i < requests; ++i) {
            const QByteArray fromGui = normalised(server.requests().at(i));
            const QByteArray fromCli = normalised(server.requests().at(requests + i));
            QCOMPARE(fromCli, fromGui);
        }
    }
};

QTEST_GUILESS_MAIN(TestSameRequest)
#include "tst_samerequest.moc"
