// Every fetch is bounded (issue 13, items 11-13 and the transport part of 23): discovery, issuer metadata and
// JWKS fetches get the token request's deadlines and body cap; response heads are capped; a 1 GiB response is
// refused with bounded memory; hostile transport answers are named for what they are. Hostile peers are small
// real socket servers in this process (RawHttpServer and behaviours below); each stops by itself when the
// client goes away.
#include "net/httpexchange.h"
#include "net/networkaccessmanager.h"
#include "util/clirunner.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

#include <memory>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Tokenbench::Core;
using Tokenbench::Test::RawHttpServer;

namespace {

constexpr qint64 OneGiB = 1024LL * 1024 * 1024;
const QString Secret = QStringLiteral("TB_NETBOUNDS_SECRET");

QByteArray statusLine(int status)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " Status\r\n";
}

QByteArray requestPath(const QByteArray& request)
{
    return request.left(request.indexOf("\r\n")).split(' ').value(1);
}

// `totalBytes` of body in chunked encoding, produced lazily as the socket drains (at most a few chunks
// queued); stops when the peer is gone or everything is sent.
RawHttpServer::Behaviour chunkedStream(qint64 totalBytes, std::shared_ptr<qint64> streamed)
{
    return [=](QTcpSocket* socket, const QByteArray&) {
        socket->write(statusLine(200) + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        static constexpr qint64 Chunk = 64 * 1024;
        const QByteArray frame = QByteArray::number(Chunk, 16) + "\r\n" + QByteArray(Chunk, 'x') + "\r\n";
        auto sent = std::make_shared<qint64>(0);
        QPointer<QTcpSocket> guard(socket);
        auto pump = [guard, sent, streamed, totalBytes, frame] {
            while (guard && guard->state() == QAbstractSocket::ConnectedState && *sent < totalBytes &&
                   guard->bytesToWrite() < 4 * frame.size()) {
                if (guard->write(frame) != frame.size())
                    return;
                *sent += Chunk;
                *streamed = *sent;
                if (*sent >= totalBytes)
                    guard->write("0\r\n\r\n");
            }
        };
        QObject::connect(socket, &QTcpSocket::bytesWritten, socket, pump);
        pump();
    };
}

// Header lines without end, one per event loop turn, until the peer is gone.
RawHttpServer::Behaviour endlessHeaders()
{
    return [](QTcpSocket* socket, const QByteArray&) {
        socket->write(statusLine(200));
        auto* timer = new QTimer(socket); // dies with the socket, deleted on disconnect
        QObject::connect(timer, &QTimer::timeout, socket, [socket] {
            if (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() < 64 * 1024)
                socket->write("X-Endless: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n");
        });
        timer->start(1);
    };
}

// A JSON body (padded to 100 bytes) sent one byte per tick: 20 s in all, far beyond the total deadline.
RawHttpServer::Behaviour dripJson(const QByteArray& body)
{
    return RawHttpServer::drip(body + QByteArray(qMax<qsizetype>(0, 100 - body.size()), ' '), 1, 200);
}

// Raw bytes as the answer; the connection stays open (the client decides).
RawHttpServer::Behaviour rawAnswer(const QByteArray& bytes)
{
    return [=](QTcpSocket* socket, const QByteArray&) { socket->write(bytes); };
}

QByteArray b64(const QByteArray& json)
{
    return json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// A JWS whose signature will not verify (what matters here is the fetch of the keys, not the verdict).
QByteArray jws(const QJsonObject& payload)
{
    return b64("{\"alg\":\"RS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}") + '.' +
           b64(QJsonDocument(payload).toJson(QJsonDocument::Compact)) + '.' + b64("not-a-signature");
}

// The discovery document of `iss`, its keys at /jwks.
QByteArray issuerMetadata(const QString& iss)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("issuer"), iss},
                                     {QStringLiteral("jwks_uri"), QString(iss + QStringLiteral("/jwks"))},
                                     {QStringLiteral("token_endpoint"), QString(iss + QStringLiteral("/token"))}})
        .toJson(QJsonDocument::Compact);
}

// A current ID token of `iss` for client "c" (its signature never verifies).
QByteArray idTokenFrom(const QString& iss)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return jws({{QStringLiteral("iss"), iss},
                {QStringLiteral("aud"), QStringLiteral("c")},
                {QStringLiteral("sub"), QStringLiteral("u")},
                {QStringLiteral("iat"), now},
                {QStringLiteral("exp"), now + 300}});
}

Exchange runExchange(const QUrl& url, Timeouts timeouts, const QUrl& proxy = {}, const QByteArray& method = "POST")
{
    NetworkAccessManager nam;
    PreparedRequest r;
    r.method = method;
    r.url = url;
    r.purpose = QStringLiteral("token request");
    r.headers = {{"Accept", "application/json"}, {"Content-Type", "application/x-www-form-urlencoded"}};
    if (method == "POST")
        r.body = "grant_type=client_credentials";
    r.transport.proxy = proxy;
    HttpExchange ex(&nam, r, timeouts);
    QSignalSpy finished(&ex, &HttpExchange::finished);
    ex.start();
    if (finished.isEmpty())
        finished.wait(30000);
    return ex.exchange();
}

Timeouts shortTimeouts()
{
    Timeouts t;
    t.connectMs = 5000;
    t.ttfbMs = 3000;
    t.totalMs = 10000;
    return t;
}

Tokenbench::Test::CliRun cli(const QStringList& args)
{
    return Tokenbench::Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH), args, {{Secret, QStringLiteral("s")}});
}

QStringList tokenArgs(const QUrl& endpoint)
{
    return {QStringLiteral("token"), QStringLiteral("--token-endpoint"), endpoint.toString(),
            QStringLiteral("--client-id"), QStringLiteral("c"), QStringLiteral("--client-secret"),
            QStringLiteral("env:") + Secret};
}

// tokenbench-cli as a child of this process, with its peak RSS from wait4(). The child is polled while this
// process's event loop keeps serving it; stdout and stderr go to files.
struct MeasuredRun
{
    int exitCode = -1;
    QByteArray err;
    qint64 peakKiB = -1;
};

MeasuredRun runMeasured(const QStringList& args)
{
    MeasuredRun run;
    QTemporaryDir dir;
    const QByteArray outPath = QFile::encodeName(dir.filePath(QStringLiteral("out")));
    const QByteArray errPath = QFile::encodeName(dir.filePath(QStringLiteral("err")));
    // Everything the child needs is built before fork(): it only calls async-signal-safe functions.
    std::vector<QByteArray> argStore{QByteArray(TOKENBENCH_CLI_PATH)};
    for (const QString& a : args)
        argStore.push_back(a.toLocal8Bit());
    std::vector<char*> argv;
    for (QByteArray& a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(Secret, QStringLiteral("s"));
    std::vector<QByteArray> envStore;
    for (const QString& e : env.toStringList())
        envStore.push_back(e.toLocal8Bit());
    std::vector<char*> envp;
    for (QByteArray& e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    const pid_t pid = fork();
    if (pid < 0)
        return run;
    if (pid == 0) {
        const int in = open("/dev/null", O_RDONLY);
        const int out = open(outPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = open(errPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in < 0 || out < 0 || err < 0)
            _exit(126);
        dup2(in, 0);
        dup2(out, 1);
        dup2(err, 2);
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    QElapsedTimer guard;
    guard.start();
    for (;;) {
        const pid_t done = wait4(pid, &status, WNOHANG, &usage);
        if (done == pid)
            break;
        if (done < 0)
            return run;
        if (guard.hasExpired(120000)) { // a safety net, not an assertion: the exit code shows it
            kill(pid, SIGKILL);
            wait4(pid, &status, 0, &usage);
            break;
        }
        QTest::qWait(20); // serve the child from this process's servers meanwhile
    }
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.peakKiB = usage.ru_maxrss; // KiB on Linux
    QFile errFile(QFile::decodeName(errPath));
    if (errFile.open(QIODevice::ReadOnly))
        run.err = errFile.readAll();
    return run;
}

} // namespace

class TestNetBounds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    // --- 13: a 1 GiB response is refused with bounded memory ----------------------------------------------

    void hugeBody_contentLength_failsAtOnce()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        auto streamed = std::make_shared<qint64>(0);
        server.setBehaviour(RawHttpServer::stream(OneGiB, "application/json", streamed));
        const Exchange e = runExchange(server.url(QStringLiteral("/token")), shortTimeouts());
        QCOMPARE(e.failure, Exchange::Failure::TooLarge);
        QVERIFY2(e.failureText.contains(QStringLiteral("exceeded 16 MiB (it announced 1024 MiB) and Tokenbench "
                                                       "stopped reading before the body")),
                 qPrintable(e.failureText));
        // Refused at the head: nothing like the cap was read (the kernel's socket buffers hold what was sent).
        QVERIFY2(e.responseBytes < HttpExchange::DefaultMaxBodyBytes / 2,
                 qPrintable(QStringLiteral("%1 bytes read").arg(e.responseBytes)));
    }

    void hugeBody_cliPeakRss_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::newRow("content-length") << false;
        QTest::newRow("chunked") << true;
    }

    void hugeBody_cliPeakRss()
    {
        QFETCH(bool, chunked);
        RawHttpServer server;
        QVERIFY(server.listen());
        auto streamed = std::make_shared<qint64>(0);
        server.setBehaviour(chunked ? chunkedStream(OneGiB, streamed)
                                    : RawHttpServer::stream(OneGiB, "application/json", streamed));
        const MeasuredRun r = runMeasured(tokenArgs(server.url(QStringLiteral("/token"))));
        qInfo("tokenbench-cli exit %d, peak RSS %lld MiB, %lld MiB served: %s", r.exitCode, r.peakKiB / 1024,
              *streamed / (1024 * 1024), r.err.trimmed().constData());
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains("exceeded 16 MiB"), r.err.constData());
        QVERIFY2(r.peakKiB > 0, "no rusage for the child");
        QVERIFY2(r.peakKiB < 100 * 1024,
                 qPrintable(QStringLiteral("tokenbench-cli refusing a 1 GiB %1 response peaked at %2 MiB RSS "
                                           "(limit 100 MB)")
                                .arg(chunked ? QStringLiteral("chunked") : QStringLiteral("Content-Length"))
                                .arg(r.peakKiB / 1024)));
        QVERIFY(*streamed < OneGiB);
    }

    // --- 11: discovery, JWKS and issuer metadata get the deadlines and the cap --------------------------------

    void discovery_isBounded_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("hangs") << 0 << QStringLiteral("within the time-to-first-byte timeout (1s)");
        QTest::newRow("drips") << 1 << QStringLiteral("did not complete within the timeout (3s)");
        QTest::newRow("huge") << 2 << QStringLiteral("exceeded 16 MiB (it announced 1024 MiB)");
    }

    void discovery_isBounded()
    {
        QFETCH(int, kind);
        QFETCH(QString, expected);
        RawHttpServer server;
        QVERIFY(server.listen());
        auto streamed = std::make_shared<qint64>(0);
        if (kind == 0)
            server.setBehaviour(RawHttpServer::hang());
        else if (kind == 1)
            server.setBehaviour(dripJson("{\"issuer\":\"x\",\"token_endpoint\":\"http://127.0.0.1:1/token\"}"));
        else
            server.setBehaviour(RawHttpServer::stream(OneGiB, "application/json", streamed));
        const auto r = cli(QStringList{QStringLiteral("token"), QStringLiteral("--discovery"),
                                       server.url(QString()).toString(), QStringLiteral("--client-id"),
                                       QStringLiteral("c"), QStringLiteral("--client-secret"),
                                       QStringLiteral("env:") + Secret, QStringLiteral("--ttfb-timeout"),
                                       QStringLiteral("1s"), QStringLiteral("--timeout"), QStringLiteral("3s")});
        qInfo("tokenbench-cli exit %d: %s", r.exitCode, r.err.trimmed().constData());
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("--discovery: "), r.err.constData());
        QVERIFY2(QString::fromUtf8(r.err).contains(expected), r.err.constData());
        QVERIFY(*streamed < OneGiB);
    }

    void jwtVerifyJwksUrl_isBounded_data() { discovery_isBounded_data(); }

    void jwtVerifyJwksUrl_isBounded()
    {
        QFETCH(int, kind);
        QFETCH(QString, expected);
        RawHttpServer server;
        QVERIFY(server.listen());
        auto streamed = std::make_shared<qint64>(0);
        if (kind == 0)
            server.setBehaviour(RawHttpServer::hang());
        else if (kind == 1)
            server.setBehaviour(dripJson("{\"keys\":[]}"));
        else
            server.setBehaviour(RawHttpServer::stream(OneGiB, "application/json", streamed));
        const QString jwksUrl = server.url(QStringLiteral("/jwks")).toString();
        const QByteArray token = jws({{QStringLiteral("iss"), QStringLiteral("https://issuer.example")}});
        const auto r = cli(QStringList{QStringLiteral("jwt"), QStringLiteral("verify"), QStringLiteral("--jwks"), jwksUrl,
                                       QStringLiteral("--ttfb-timeout"), QStringLiteral("1s"), QStringLiteral("--timeout"),
                                       QStringLiteral("3s"), QString::fromLatin1(token)});
        qInfo("tokenbench-cli exit %d: %s", r.exitCode, r.err.trimmed().constData());
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QString(QStringLiteral("--jwks ") + jwksUrl + QStringLiteral(": could not fetch the JWKS from ") + jwksUrl).toUtf8()),
                 r.err.constData());
        QVERIFY2(QString::fromUtf8(r.err).contains(expected), r.err.constData());
        QVERIFY(*streamed < OneGiB);
    }

    void idTokenVerificationAfterRun_isBounded_data()
    {
        QTest::addColumn<QByteArray>("slowPath");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("expected");
        const QString metadata = QStringLiteral("could not discover the issuer's keys at ");
        const QString jwks = QStringLiteral("could not fetch the keys from ");
        QTest::newRow("metadata hangs") << QByteArray("/.well-known/openid-configuration") << 0 << metadata;
        QTest::newRow("metadata huge") << QByteArray("/.well-known/openid-configuration") << 2 << metadata;
        QTest::newRow("metadata drips") << QByteArray("/.well-known/openid-configuration") << 1 << metadata;
        QTest::newRow("jwks hangs") << QByteArray("/jwks") << 0 << jwks;
        QTest::newRow("jwks drips") << QByteArray("/jwks") << 1 << jwks;
        QTest::newRow("jwks huge") << QByteArray("/jwks") << 2 << jwks;
    }

    void idTokenVerificationAfterRun_isBounded()
    {
        // The token arrives at once; its ID token names an issuer whose metadata or JWKS endpoint is hostile.
        // The run must end with the token and a verification error naming what timed out or was too large.
        QFETCH(QByteArray, slowPath);
        QFETCH(int, kind);
        QFETCH(QString, expected);
        RawHttpServer issuer;
        QVERIFY(issuer.listen());
        const QString iss = issuer.url(QString()).toString();
        auto streamed = std::make_shared<qint64>(0);
        RawHttpServer::Behaviour slow = kind == 0   ? RawHttpServer::hang()
                                        : kind == 1 ? dripJson("{\"keys\":[]}")
                                                    : RawHttpServer::stream(OneGiB, "application/json", streamed);
        const QByteArray metadata = issuerMetadata(iss);
        issuer.setBehaviour([=](QTcpSocket* socket, const QByteArray& request) {
            const QByteArray path = requestPath(request);
            if (path == slowPath)
                slow(socket, request);
            else if (path == "/.well-known/openid-configuration")
                RawHttpServer::respond(200, "application/json", metadata)(socket, request);
            else
                RawHttpServer::respond(404, "text/plain", "not here")(socket, request);
        });
        const QByteArray idToken = idTokenFrom(iss);
        RawHttpServer tokenServer;
        QVERIFY(tokenServer.listen());
        tokenServer.setBehaviour(RawHttpServer::respond(
            200, "application/json",
            "{\"access_token\":\"at-netbounds\",\"token_type\":\"Bearer\",\"expires_in\":60,\"id_token\":\"" + idToken + "\"}"));
        const auto r = cli(tokenArgs(tokenServer.url(QStringLiteral("/token"))) +
                           QStringList{QStringLiteral("--ttfb-timeout"), QStringLiteral("1s"),
                                       QStringLiteral("--timeout"), QStringLiteral("3s")});
        qInfo("tokenbench-cli exit %d: %s", r.exitCode, r.err.trimmed().constData());
        QCOMPARE(r.exitCode, 6);
        // Exit 6: the token is not printed as a usable one (issue 14); stderr says why.
        QVERIFY2(!r.out.contains("at-netbounds"), r.out.constData());
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.contains(QStringLiteral("id_token: not verified: ") + expected + iss + QString::fromLatin1(slowPath)),
                 r.err.constData());
        const QString what = kind == 0   ? QStringLiteral("within the time-to-first-byte timeout (1s)")
                             : kind == 1 ? QStringLiteral("did not complete within the timeout (3s)")
                                         : QStringLiteral("exceeded 16 MiB (it announced 1024 MiB)");
        QVERIFY2(err.contains(what), r.err.constData());
        QVERIFY(*streamed < OneGiB);
    }

    // The issuer's metadata and keys are fetched the way the token endpoint was reached: through the token
    // backend's proxy (and TLS settings). The issuer's host resolves nowhere but at the proxy.
    void idTokenVerificationAfterRun_usesTheTokenBackendsProxy()
    {
        const QString iss = QStringLiteral("http://issuer.example.test");
        const QByteArray metadata = issuerMetadata(iss);
        const QByteArray idToken = idTokenFrom(iss);
        RawHttpServer proxy; // a forward proxy for plain http: requests arrive in absolute form
        QVERIFY(proxy.listen());
        proxy.setBehaviour([=](QTcpSocket* socket, const QByteArray& request) {
            const QByteArray target = requestPath(request);
            if (target == "http://token.example.test/token")
                RawHttpServer::respond(200, "application/json",
                                       "{\"access_token\":\"at-proxied\",\"token_type\":\"Bearer\",\"expires_in\":60,"
                                       "\"id_token\":\"" + idToken + "\"}")(socket, request);
            else if (target == "http://issuer.example.test/.well-known/openid-configuration")
                RawHttpServer::respond(200, "application/json", metadata)(socket, request);
            else if (target == "http://issuer.example.test/jwks")
                RawHttpServer::respond(200, "application/json", "{\"keys\":[]}")(socket, request);
            else
                RawHttpServer::respond(404, "text/plain", "not here")(socket, request);
        });
        const auto r = cli(tokenArgs(QUrl(QStringLiteral("http://token.example.test/token"))) +
                           QStringList{QStringLiteral("--proxy"), proxy.url(QString()).toString(),
                                       QStringLiteral("--timeout"), QStringLiteral("10s")});
        qInfo("tokenbench-cli exit %d: %s", r.exitCode, r.err.trimmed().constData());
        QStringList targets;
        for (const QByteArray& request : proxy.requests())
            targets << QString::fromLatin1(requestPath(request));
        QVERIFY2(targets.contains(QStringLiteral("http://issuer.example.test/.well-known/openid-configuration")),
                 qPrintable(targets.join(u' ')));
        QVERIFY2(targets.contains(QStringLiteral("http://issuer.example.test/jwks")), qPrintable(targets.join(u' ')));
        // The keys were fetched (an empty set): the verdict is about the signature, not about reaching the issuer.
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(!r.err.contains("could not discover"), r.err.constData());
    }

    // --- 12: response heads are capped; error_description is cut for display --------------------------------

    void headers_tooMany_failFast()
    {
        QByteArray head = statusLine(200) + "Content-Type: application/json\r\n";
        for (int i = 0; i < 5000; ++i)
            head += "X-Many-" + QByteArray::number(i) + ": v\r\n";
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(rawAnswer(head + "Content-Length: 2\r\n\r\n{}"));
        const Exchange e = runExchange(server.url(QStringLiteral("/token")), shortTimeouts());
        QCOMPARE(e.failure, Exchange::Failure::TooLarge);
        // Refused as soon as more than 100 fields have come, whether or not the head has ended yet.
        QVERIFY2(e.failureText.contains(QStringLiteral("response headers from 127.0.0.1:%1 are too large (").arg(server.port())),
                 qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(QStringLiteral("at most 100 fields")), qPrintable(e.failureText));
    }

    void headers_tooLarge_failFast()
    {
        // 90 fields of 1000 bytes: within the field count, above the 64 KiB head cap (refused when the head has
        // ended or once more than 65 KiB of it have come, whichever the reads make first).
        QByteArray head = statusLine(200) + "Content-Type: application/json\r\n";
        for (int i = 0; i < 90; ++i)
            head += "X-Big-" + QByteArray::number(i) + ": " + QByteArray(1000, 'v') + "\r\n";
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(rawAnswer(head + "Content-Length: 2\r\n\r\n{}"));
        const Exchange e = runExchange(server.url(QStringLiteral("/token")), shortTimeouts());
        QCOMPARE(e.failure, Exchange::Failure::TooLarge);
        QVERIFY2(e.failureText.contains(QStringLiteral("response headers from 127.0.0.1:%1 are too large (")
                                            .arg(server.port())),
                 qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(QStringLiteral("at most 100 fields and 64 KiB")), qPrintable(e.failureText));
    }

    void headers_endless_areRefusedAtTheFieldCap()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(endlessHeaders());
        Timeouts t = shortTimeouts();
        t.ttfbMs = 1000;
        const Exchange e = runExchange(server.url(QStringLiteral("/token")), t);
        // A header line every millisecond: refused once more than 100 fields have come (long before the
        // time-to-first-byte deadline, which bounds it when the lines come slower).
        QCOMPARE(e.failure, Exchange::Failure::TooLarge);
        QVERIFY2(e.failureText.contains(QStringLiteral("no end yet")), qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(QStringLiteral("at most 100 fields")), qPrintable(e.failureText));
    }

    void errorDescription_huge_isCutForDisplay()
    {
        const QByteArray description(200000, 'd');
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(RawHttpServer::respond(
            400, "application/json", "{\"error\":\"invalid_request\",\"error_description\":\"" + description + "\"}"));
        const auto r = cli(tokenArgs(server.url(QStringLiteral("/token"))));
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QByteArray(QByteArray(1000, 'd') + "\xe2\x80\xa6 (199000 bytes more)")), r.err.left(2000).constData());
        QVERIFY2(!r.err.contains(QByteArray(1001, 'd')), "more than 1000 characters of error_description shown");
        QVERIFY2(r.err.size() < 20000, qPrintable(QStringLiteral("%1 bytes on stderr").arg(r.err.size())));
    }

    // --- 23: hostile transport answers are named as such ----------------------------------------------------

    void transport_namedAnswers_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<int>("failure");
        QTest::addColumn<QString>("expected");
        const int protocol = int(Exchange::Failure::Protocol);
        QTest::newRow("invalid chunked")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "zz\r\n{\"access_token\":\"x\"}\r\n0\r\n\r\n")
            << protocol << QStringLiteral("its chunked encoding is invalid");
        QTest::newRow("gzip")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                          "Content-Length: 4\r\n\r\nabcd")
            << protocol << QStringLiteral("sent a compressed body (Content-Encoding: gzip) although Tokenbench asked "
                                          "for an uncompressed one (Accept-Encoding: identity)");
        QTest::newRow("br") << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: br\r\n"
                                          "Content-Length: 4\r\n\r\nabcd")
                            << protocol << QStringLiteral("(Content-Encoding: br)");
        QTest::newRow("conflicting content-length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                          "Content-Length: 10\r\n\r\n{}")
            << protocol << QStringLiteral("sent conflicting or invalid Content-Length headers (2, 10)");
        QTest::newRow("status 000") << QByteArray("HTTP/1.1 000 Zero\r\nContent-Length: 2\r\n\r\n{}") << protocol
                                    << QStringLiteral("answered with an impossible status line (status code 0");
        QTest::newRow("status -1") << QByteArray("HTTP/1.1 -1 Minus\r\nContent-Length: 2\r\n\r\n{}") << protocol
                                   << QStringLiteral("answered with an impossible status line (status code -1");
        QTest::newRow("status 1000") << QByteArray("HTTP/1.1 1000 Big\r\nContent-Length: 2\r\n\r\n{}") << protocol
                                     << QStringLiteral("answered with an impossible status line (status code 1000");
        QTest::newRow("status garbage")
            << QByteArray("HTTP/1.1 abc Huh\r\nContent-Length: 2\r\n\r\n{}") << protocol
            << QStringLiteral("answered with a status line that is not HTTP/1.x (\"HTTP/1.1 abc Huh\")");
    }

    void transport_namedAnswers()
    {
        QFETCH(QByteArray, answer);
        QFETCH(int, failure);
        QFETCH(QString, expected);
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(rawAnswer(answer));
        const Exchange e = runExchange(server.url(QStringLiteral("/token")), shortTimeouts());
        QVERIFY2(int(e.failure) == failure, qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(expected), qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(QStringLiteral("127.0.0.1:%1").arg(server.port())), qPrintable(e.failureText));

        // The CLI says the same and exits 3 (transport).
        const auto r = cli(tokenArgs(server.url(QStringLiteral("/token"))));
        qInfo("tokenbench-cli exit %d: %s", r.exitCode, r.err.trimmed().constData());
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(QString::fromUtf8(r.err).contains(expected), r.err.constData());
    }

    void proxy_refusals_nameTheProxy_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<QByteArray>("answer"); // empty: nothing listens on the proxy port
        QTest::addColumn<QString>("expected");
        for (const QString& scheme : {QStringLiteral("http"), QStringLiteral("https")}) {
            QTest::addRow("%s refused", qPrintable(scheme))
                << scheme << QByteArray() << QStringLiteral("connection refused by the proxy http://127.0.0.1:%1");
            QTest::addRow("%s 407", qPrintable(scheme))
                << scheme
                << QByteArray("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"p\"\r\n"
                              "Content-Length: 0\r\n\r\n")
                << QStringLiteral("the proxy http://127.0.0.1:%1 requires authentication (407 Proxy Authentication "
                                  "Required)");
        }
        QTest::newRow("https CONNECT 502")
            << QStringLiteral("https") << QByteArray("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 3\r\n\r\nbad")
            << QStringLiteral("the proxy http://127.0.0.1:%1 failed the tunnel (CONNECT) to token.example.test:8443");
        QTest::newRow("https CONNECT 503")
            << QStringLiteral("https") << QByteArray("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n")
            << QStringLiteral("the proxy http://127.0.0.1:%1 refused the connection or the tunnel (CONNECT) to "
                              "token.example.test:8443");
        QTest::newRow("https CONNECT 403")
            << QStringLiteral("https") << QByteArray("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
            << QStringLiteral("the proxy http://127.0.0.1:%1 denied the tunnel (CONNECT) to token.example.test:8443");
    }

    void proxy_refusals_nameTheProxy()
    {
        QFETCH(QString, scheme);
        QFETCH(QByteArray, answer);
        QFETCH(QString, expected);
        RawHttpServer proxy;
        QVERIFY(proxy.listen());
        const quint16 port = proxy.port();
        if (answer.isEmpty()) {
            // Free the port: nothing listens there any more.
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            const quint16 free = probe.serverPort();
            probe.close();
            expected = expected.arg(free);
            const Exchange e = runExchange(QUrl(scheme + QStringLiteral("://token.example.test:8443/token")),
                                           shortTimeouts(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(free)));
            QVERIFY2(e.failure == Exchange::Failure::ConnectionRefused, qPrintable(e.failureText));
            QVERIFY2(e.failureText.contains(expected), qPrintable(e.failureText));
            return;
        }
        // A CONNECT request carries no body and ends at its blank line, as RawHttpServer expects.
        proxy.setBehaviour(rawAnswer(answer));
        expected = expected.arg(port);
        const Exchange e = runExchange(QUrl(scheme + QStringLiteral("://token.example.test:8443/token")),
                                       shortTimeouts(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QVERIFY2(e.failure != Exchange::Failure::None, "the exchange succeeded");
        QVERIFY2(e.failureText.contains(expected), qPrintable(e.failureText));
        QVERIFY2(!e.failureText.startsWith(QStringLiteral("request to token.example.test")), qPrintable(e.failureText));
    }

    // A proxy that accepts the connection and never answers: the deadline that fires names the proxy (an
    // https request waits for the tunnel — the connect deadline; an http one for the answer — time to first
    // byte), never only the endpoint behind it.
    void proxy_silent_timeoutNamesTheProxy_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<int>("failure");
        QTest::addColumn<QString>("expected");
        QTest::newRow("https: no tunnel") << QStringLiteral("https") << int(Exchange::Failure::ConnectTimeout)
                                          << QStringLiteral("could not reach token.example.test:8443 through the "
                                                            "proxy http://127.0.0.1:%1 within the connect timeout");
        QTest::newRow("http: no answer") << QStringLiteral("http") << int(Exchange::Failure::TtfbTimeout)
                                         << QStringLiteral("no response to the request to token.example.test:8443 "
                                                           "came back through the proxy http://127.0.0.1:%1");
    }

    void proxy_silent_timeoutNamesTheProxy()
    {
        QFETCH(QString, scheme);
        QFETCH(int, failure);
        QFETCH(QString, expected);
        RawHttpServer proxy;
        QVERIFY(proxy.listen());
        proxy.setBehaviour(RawHttpServer::hang());
        Timeouts t;
        t.connectMs = 400;
        t.ttfbMs = 400;
        t.totalMs = 20000;
        const Exchange e = runExchange(QUrl(scheme + QStringLiteral("://token.example.test:8443/token")), t,
                                       QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())));
        QVERIFY2(int(e.failure) == failure, qPrintable(e.failureText));
        QVERIFY2(e.failureText.contains(expected.arg(proxy.port())), qPrintable(e.failureText));
    }
};

QTEST_GUILESS_MAIN(TestNetBounds)
#include "tst_netbounds.moc"
