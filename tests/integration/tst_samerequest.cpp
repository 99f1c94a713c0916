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
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
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

// An authorization URL with what a fresh run makes anew (state, nonce, PKCE challenge, the loopback port)
// replaced by markers; every other parameter and its order as built.
QString normalisedAuthorizationUrl(const QUrl& url)
{
    QUrlQuery query(url);
    QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyEncoded);
    for (auto& item : items) {
        if (item.first == u"state" || item.first == u"nonce" || item.first == u"code_challenge")
            item.second = QStringLiteral("<varies>");
        if (item.first == u"redirect_uri")
            item.second.replace(QRegularExpression(QStringLiteral("%3A\\d+")), QStringLiteral("%3A<port>"));
    }
    query.setQueryItems(items);
    QUrl out = url;
    out.setQuery(query);
    return out.toString();
}

// The code exchange with the per-run parts (PKCE verifier, loopback port) replaced by markers.
QByteArray normalisedCodeExchange(QByteArray request)
{
    const qsizetype split = request.indexOf("\r\n\r\n");
    QByteArray head = request.left(split + 4);
    QList<QByteArray> fields = request.mid(split + 4).split('&');
    for (QByteArray& field : fields) {
        if (field.startsWith("code_verifier="))
            field = "code_verifier=<varies>";
        if (field.startsWith("redirect_uri="))
            field = QString::fromLatin1(field).replace(QRegularExpression(QStringLiteral("%3A\\d+")),
                                                      QStringLiteral("%3A<port>")).toLatin1();
    }
    // The verifier's and the port's lengths are fixed (43 characters; a loopback port may differ in length).
    const qsizetype at = head.indexOf("Content-Length: ");
    head = head.left(at) + "Content-Length: <n>" + head.mid(head.indexOf("\r\n", at));
    return head + fields.join('&');
}

// Plays the browser for a loopback redirect without any server page: the user "signs in" and the
// authorization server redirects to redirect_uri with a fixed code and the request's state.
void completeRedirect(QNetworkAccessManager& nam, const QUrl& authorizationUrl)
{
    const QUrlQuery query(authorizationUrl);
    QUrl redirect(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    QUrlQuery back;
    back.addQueryItem(QStringLiteral("code"), QStringLiteral("same-code"));
    back.addQueryItem(QStringLiteral("state"), query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded));
    redirect.setQuery(back);
    QNetworkReply* reply = nam.get(QNetworkRequest(redirect));
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
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

    // The interactive grant: the authorization URL (what the browser is sent to) and the code exchange are
    // the same from both, up to what each run makes anew (state, nonce, PKCE, the loopback port).
    void authorizationCode_guiAndCli_sendTheSameBytes()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::respond(200, "application/json", TokenAnswer));
        QList<Block> blocks;
        {
            Block backend;
            backend.type = BlockType::Backend;
            backend.label = QStringLiteral("be");
            Block oauth2;
            oauth2.type = BlockType::OAuth2;
            oauth2.setAttribute(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
            oauth2.setAttribute(QStringLiteral("token_endpoint"), server.url(QStringLiteral("/token")).toString());
            oauth2.setAttribute(QStringLiteral("authorization_endpoint"), QStringLiteral("https://as.example/authorize"));
            oauth2.setAttribute(QStringLiteral("client_id"), QStringLiteral("same-client"));
            oauth2.setAttribute(QStringLiteral("client_secret"), QStringLiteral("env.SAME_SECRET"));
            oauth2.setAttribute(QStringLiteral("scope"), QStringLiteral("openid read"));
            backend.blocks.append(oauth2);
            blocks.append(backend);
        }
        const QString path = m_dir.filePath(QStringLiteral("code.tbw"));
        QVERIFY(WorkspaceFile::save(path, blocks));
        const QString secret = QStringLiteral("same-secret-from-the-environment");
        QNetworkAccessManager browser;

        // The GUI's way: the Runner; the window's URL opener is where the browser comes in.
        Workspace ws;
        ws.resetBackends(blocks);
        NetworkAccessManager nam;
        ValueResolver resolver;
        resolver.setOverride(QStringLiteral("SAME_SECRET"), secret);
        Runner runner(&ws, &nam);
        runner.setResolver(&resolver);
        QUrl fromGuiUrl;
        connect(runner.flowClient(), &FlowClient::authorizationUrlReady, this, [&](const QUrl& url) {
            fromGuiUrl = url;
            completeRedirect(browser, url);
        });
        QSignalSpy finished(&runner, &Runner::finished);
        runner.run(0, true);
        QVERIFY(finished.wait(20000));
        const RunResult gui = finished.constFirst().at(1).value<RunResult>();
        QVERIFY2(gui.token.ok(), qPrintable(gui.token.errorText));
        QCOMPARE(int(server.requests().size()), 1);

        // The CLI's way: the same file, --no-browser prints the URL; the test is the browser again.
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SAME_SECRET"), secret);
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(TOKENBENCH_CLI_PATH),
                  {QStringLiteral("token"), path, QStringLiteral("--backend"), QStringLiteral("be"),
                   QStringLiteral("--no-browser")});
        QVERIFY(cli.waitForStarted());
        static const QRegularExpression urlRe(QStringLiteral("(https://as\\.example/authorize\\?\\S+)"));
        QByteArray err;
        QRegularExpressionMatch m;
        QVERIFY(QTest::qWaitFor([&] {
            err += cli.readAllStandardError();
            m = urlRe.match(QString::fromUtf8(err));
            return m.hasMatch() || cli.state() == QProcess::NotRunning;
        }, 20000));
        QVERIFY2(m.hasMatch(), err.constData());
        const QUrl fromCliUrl(m.captured(1));
        completeRedirect(browser, fromCliUrl);
        QVERIFY(QTest::qWaitFor([&] { return cli.state() == QProcess::NotRunning; }, 20000));
        err += cli.readAllStandardError();
        QVERIFY2(cli.exitCode() == 0, err.constData());
        QCOMPARE(cli.readAllStandardOutput().trimmed(), QByteArray("same-token"));
        QCOMPARE(int(server.requests().size()), 2);

        QCOMPARE(normalisedAuthorizationUrl(fromCliUrl), normalisedAuthorizationUrl(fromGuiUrl));
        QVERIFY(normalisedAuthorizationUrl(fromGuiUrl).contains(u"client_id=same-client"));
        QVERIFY(normalisedAuthorizationUrl(fromGuiUrl).contains(u"code_challenge_method=S256"));
        QVERIFY(server.requests().at(0).contains("code=same-code"));
        QVERIFY(server.requests().at(0).contains("grant_type=authorization_code"));
        QVERIFY(normalisedCodeExchange(server.requests().at(0)).contains("code_verifier=<varies>"));
        QCOMPARE(normalisedCodeExchange(server.requests().at(1)), normalisedCodeExchange(server.requests().at(0)));
    }
};

QTEST_GUILESS_MAIN(TestSameRequest)
#include "tst_samerequest.moc"
