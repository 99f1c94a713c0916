// tokenbench-cli jwt decode|verify|sign as scripts use it: against oidc-provider's real tokens and JWKS.
#include "util/authserver.h"
#include "util/clirunner.h"
#include "util/rawhttpserver.h"
#include "util/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using Tokenbench::Test::CliRun;

namespace {
CliRun jwt(const QStringList& args, const QHash<QString, QString>& env = {}, const QByteArray& in = {})
{
    return Tokenbench::Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH), QStringList{QStringLiteral("jwt")} + args,
                                    env, in);
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// The RFC 7515 A.3 P-256 public key (kid "good") and its ES256 token (expired in 2011: only the
// signature matters in the tests that use it).
const QByteArray GoodP256 = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"good\","
                            "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
                            "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}";
// The same point with y's last byte changed (off the curve), and a kid carrying an ESC sequence.
const QByteArray OffCurveP256 = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"evil\\u001b[2J\","
                                "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
                                "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a4\"}";

QByteArray tamperPayload(const QByteArray& token)
{
    QList<QByteArray> parts = token.split('.');
    QByteArray payload = QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    payload.replace("basic-client", "admin-client");
    parts[1] = payload.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return parts.join('.');
}
} // namespace

class TestJwtCli : public QObject
{
    Q_OBJECT

private:
    Tokenbench::Test::AuthServer m_server;
    QByteArray m_token;
    QTemporaryDir m_dir;
    QString jwksUrl() const { return m_server.issuer().toString() + QStringLiteral("/jwks"); }

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QVERIFY(m_dir.isValid());
        const CliRun r = Tokenbench::Test::runCli(
            QStringLiteral(TOKENBENCH_CLI_PATH),
            {QStringLiteral("token"), QStringLiteral("--token-endpoint"), m_server.tokenEndpoint().toString(),
             QStringLiteral("--client-id"), QStringLiteral("basic-client"), QStringLiteral("--client-secret"),
             QStringLiteral("env:S"), QStringLiteral("--scope"), QStringLiteral("api:read")},
            {{QStringLiteral("S"), QStringLiteral("basic-secret")}});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        m_token = r.out.trimmed();
    }

    void decode_printsHeaderAndPayload()
    {
        const CliRun r = jwt({QStringLiteral("decode"), QString::fromLatin1(m_token)});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("header")).toObject().value(QStringLiteral("typ")).toString(), QStringLiteral("at+jwt"));
        QCOMPARE(o.value(QStringLiteral("payload")).toObject().value(QStringLiteral("client_id")).toString(),
                 QStringLiteral("basic-client"));
        // From stdin too.
        const CliRun fromStdin = jwt({QStringLiteral("decode")}, {}, m_token + '\n');
        QCOMPARE(fromStdin.exitCode, 0);
        QCOMPARE(fromStdin.out, r.out);
    }

    void decode_malformed_namesThePart()
    {
        const CliRun r = jwt({QStringLiteral("decode"), QStringLiteral("eyJhbGciOiJIUzI1NiJ9.e!30.sig")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("payload (part 2)"), r.err.constData());
    }

    void verify_againstTheServersJwks_isValid()
    {
        const CliRun r = jwt({QStringLiteral("verify"), QString::fromLatin1(m_token), QStringLiteral("--jwks"), jwksUrl(),
                              QStringLiteral("--iss"), m_server.issuer().toString(), QStringLiteral("--aud"),
                              QStringLiteral("urn:api"), QStringLiteral("--alg"), QStringLiteral("ES256")});
        QVERIFY2(r.exitCode == 0, r.out.constData());
        QVERIFY(r.out.contains("iss:"));
        QVERIFY(r.out.trimmed().endsWith("valid"));
    }

    void verify_failedChecksArePrintedAndExit6()
    {
        const CliRun wrongAud = jwt({QStringLiteral("verify"), QString::fromLatin1(m_token), QStringLiteral("--jwks"),
                                     jwksUrl(), QStringLiteral("--aud"), QStringLiteral("urn:other")});
        QCOMPARE(wrongAud.exitCode, 6);
        QVERIFY(wrongAud.out.contains("\u2718 aud"));

        const CliRun tampered = jwt({QStringLiteral("verify"), QString::fromLatin1(tamperPayload(m_token)),
                                     QStringLiteral("--jwks"), jwksUrl()});
        QCOMPARE(tampered.exitCode, 6);

        const CliRun wrongAlg = jwt({QStringLiteral("verify"), QString::fromLatin1(m_token), QStringLiteral("--jwks"),
                                     jwksUrl(), QStringLiteral("--alg"), QStringLiteral("RS256")});
        QCOMPARE(wrongAlg.exitCode, 6);

        const CliRun none = jwt({QStringLiteral("verify"),
                                 QString::fromLatin1(Tokenbench::Test::readData(QStringLiteral("jwt/alg-none.jwt")).trimmed()),
                                 QStringLiteral("--secret"), QStringLiteral("env:K")},
                                {{QStringLiteral("K"), QStringLiteral("0123456789abcdef0123456789abcdef")}});
        QCOMPARE(none.exitCode, 6);
    }

    void verify_unreachableJwks_isTransportError()
    {
        const CliRun r = jwt({QStringLiteral("verify"), QString::fromLatin1(m_token), QStringLiteral("--jwks"),
                              QStringLiteral("http://127.0.0.1:1/jwks")});
        QCOMPARE(r.exitCode, 3);
    }

    void sign_thenVerify_roundTrips_data()
    {
        QTest::addColumn<QStringList>("signArgs");
        QTest::addColumn<QStringList>("verifyArgs");
        const QString priv = Tokenbench::Test::dataPath(QStringLiteral("jwt/rsa-2048-pkcs8-private.pem"));
        const QString pub = Tokenbench::Test::dataPath(QStringLiteral("jwt/rsa-2048-public.pem"));
        QTest::newRow("HS256") << QStringList{QStringLiteral("--alg"), QStringLiteral("HS256"), QStringLiteral("--secret"), QStringLiteral("env:K")}
                               << QStringList{QStringLiteral("--secret"), QStringLiteral("env:K")};
        QTest::newRow("RS256") << QStringList{QStringLiteral("--alg"), QStringLiteral("RS256"), QStringLiteral("--key-file"), priv}
                               << QStringList{QStringLiteral("--key"), pub};
        QTest::newRow("PS384") << QStringList{QStringLiteral("--alg"), QStringLiteral("PS384"), QStringLiteral("--key-file"), priv}
                               << QStringList{QStringLiteral("--key"), pub};
    }
    void sign_thenVerify_roundTrips()
    {
        QFETCH(QStringList, signArgs);
        QFETCH(QStringList, verifyArgs);
        const QHash<QString, QString> env{{QStringLiteral("K"), QStringLiteral("0123456789abcdef0123456789abcdef")}};
        const CliRun signedRun = jwt(QStringList{QStringLiteral("sign")} + signArgs +
                                         QStringList{QStringLiteral("--kid"), QStringLiteral("k1"), QStringLiteral("--claims"),
                                                     QStringLiteral("{\"sub\":\"alice\",\"aud\":\"api\"}"),
                                                     QStringLiteral("--ttl"), QStringLiteral("5m")},
                                     env);
        QVERIFY2(signedRun.exitCode == 0, signedRun.err.constData());
        const QByteArray token = signedRun.out.trimmed();
        const CliRun decoded = jwt({QStringLiteral("decode"), QString::fromLatin1(token)});
        const QJsonObject o = QJsonDocument::fromJson(decoded.out).object();
        QCOMPARE(o.value(QStringLiteral("header")).toObject().value(QStringLiteral("kid")).toString(), QStringLiteral("k1"));
        QCOMPARE(o.value(QStringLiteral("payload")).toObject().value(QStringLiteral("sub")).toString(), QStringLiteral("alice"));
        const qint64 exp = o.value(QStringLiteral("payload")).toObject().value(QStringLiteral("exp")).toInteger();
        const qint64 iat = o.value(QStringLiteral("payload")).toObject().value(QStringLiteral("iat")).toInteger();
        QCOMPARE(exp - iat, qint64(300));
        const CliRun verified = jwt(QStringList{QStringLiteral("verify"), QString::fromLatin1(token), QStringLiteral("--aud"),
                                                QStringLiteral("api")} + verifyArgs,
                                    env);
        QVERIFY2(verified.exitCode == 0, verified.out.constData());
    }

    void limits_oversizedOrEndlessInputs_failAtOnceNamingTheLimit()
    {
        const QString token = QString::fromLatin1(m_token);
        // A key "file" that never ends.
        CliRun r = jwt({QStringLiteral("verify"), token, QStringLiteral("--key"), QStringLiteral("/dev/zero")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--key /dev/zero: the key file is larger than 1 MiB"), r.err.constData());
        QVERIFY(r.out.isEmpty());

        // A JWKS file one byte over 1 MiB (valid JSON otherwise).
        QByteArray jwks = "{\"keys\":[" + GoodP256 + "]}";
        jwks.append(QByteArray(1024 * 1024 + 1 - jwks.size(), ' '));
        const QString big = writeFile(m_dir, QStringLiteral("big.jwks.json"), jwks);
        r = jwt({QStringLiteral("verify"), token, QStringLiteral("--jwks"), big});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("the JWKS file is 1 MiB") || r.err.contains("larger than 1 MiB"), r.err.constData());
        QVERIFY2(r.err.contains(big.toUtf8()), r.err.constData());
        // One byte less is read (and parsed) normally.
        jwks.chop(1);
        const QString fits = writeFile(m_dir, QStringLiteral("fits.jwks.json"), jwks);
        r = jwt({QStringLiteral("verify"), token, QStringLiteral("--jwks"), fits});
        QVERIFY2(!r.err.contains("1 MiB"), r.err.constData());

        // 17 MiB of "token" on stdin.
        r = jwt({QStringLiteral("decode"), QStringLiteral("-")}, {}, QByteArray(17 * 1024 * 1024, 'a'));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("standard input: the token is larger than 16 MiB"), r.err.constData());
        r = jwt({QStringLiteral("verify"), QStringLiteral("-"), QStringLiteral("--key"), QStringLiteral("/dev/null")}, {},
                QByteArray(17 * 1024 * 1024, 'a'));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("larger than 16 MiB"), r.err.constData());

        // Signing keys: jwt sign and the token command's jwt_signing_profile key_file.
        r = jwt({QStringLiteral("sign"), QStringLiteral("--alg"), QStringLiteral("HS256"), QStringLiteral("--key-file"),
                 QStringLiteral("/dev/zero"), QStringLiteral("--claims"), QStringLiteral("{}")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--key-file /dev/zero: the key file is larger than 1 MiB"), r.err.constData());
        r = Tokenbench::Test::runCli(
            QStringLiteral(TOKENBENCH_CLI_PATH),
            {QStringLiteral("token"), QStringLiteral("--token-endpoint"), m_server.tokenEndpoint().toString(),
             QStringLiteral("--client-id"), QStringLiteral("jwt-client"), QStringLiteral("--token-endpoint-auth-method"),
             QStringLiteral("private_key_jwt"), QStringLiteral("--signature-algorithm"), QStringLiteral("ES256"),
             QStringLiteral("--key-file"), QStringLiteral("/dev/zero")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("/dev/zero") && r.err.contains("larger than 1 MiB"), r.err.constData());
    }

    void sign_refusesWhatVerifyRefuses_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("fragment");
        const QString secret = QStringLiteral("env:K");
        auto withSecret = [&](const char* alg, int length) {
            return QStringList{QStringLiteral("--alg"), QString::fromLatin1(alg), QStringLiteral("--secret"), secret,
                               QStringLiteral("--claims"), QStringLiteral("{}"), QStringLiteral("#%1").arg(length)};
        };
        QTest::newRow("HS256 31 bytes") << withSecret("HS256", 31) << QByteArray("at least 32 bytes");
        QTest::newRow("HS384 47 bytes") << withSecret("HS384", 47) << QByteArray("at least 48 bytes");
        QTest::newRow("HS512 63 bytes") << withSecret("HS512", 63) << QByteArray("at least 64 bytes");
        const QString rsa1024 = Tokenbench::Test::dataPath(QStringLiteral("jwt/rsa-1024-too-short-private.pem"));
        const QString rsa2048 = Tokenbench::Test::dataPath(QStringLiteral("jwt/rsa-2048-pkcs8-private.pem"));
        QTest::newRow("RS256 1024 bits") << QStringList{QStringLiteral("--alg"), QStringLiteral("RS256"), QStringLiteral("--key-file"),
                                                        rsa1024, QStringLiteral("--claims"), QStringLiteral("{}")}
                                         << QByteArray("at least 2048");
        QTest::newRow("ES256 with RSA") << QStringList{QStringLiteral("--alg"), QStringLiteral("ES256"), QStringLiteral("--key-file"),
                                                       rsa2048, QStringLiteral("--claims"), QStringLiteral("{}")}
                                        << QByteArray("needs an EC P-256 key");
        QTest::newRow("HS256 with PEM") << QStringList{QStringLiteral("--alg"), QStringLiteral("HS256"), QStringLiteral("--key-file"),
                                                       rsa2048, QStringLiteral("--claims"), QStringLiteral("{}")}
                                        << QByteArray("needs a raw secret");
        QTest::newRow("alg none") << QStringList{QStringLiteral("--alg"), QStringLiteral("none"), QStringLiteral("--secret"), secret,
                                                 QStringLiteral("--claims"), QStringLiteral("{}"), QStringLiteral("#32")}
                                  << QByteArray("unsigned token");
        QTest::newRow("unknown crit") << QStringList{QStringLiteral("--alg"), QStringLiteral("HS256"), QStringLiteral("--secret"), secret,
                                                     QStringLiteral("--claims"), QStringLiteral("{}"), QStringLiteral("--header"),
                                                     QStringLiteral("{\"crit\":[\"x\"],\"x\":1}"), QStringLiteral("#32")}
                                      << QByteArray("\"x\" is not understood");
        QTest::newRow("b64 false") << QStringList{QStringLiteral("--alg"), QStringLiteral("HS256"), QStringLiteral("--secret"), secret,
                                                  QStringLiteral("--claims"), QStringLiteral("{}"), QStringLiteral("--header"),
                                                  QStringLiteral("{\"b64\":false,\"crit\":[\"b64\"]}"), QStringLiteral("#32")}
                                   << QByteArray("unencoded");
    }

    void sign_refusesWhatVerifyRefuses()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, fragment);
        // "#N" at the end: the secret in K has N bytes.
        QHash<QString, QString> env;
        if (args.last().startsWith(u'#'))
            env.insert(QStringLiteral("K"), QString(args.takeLast().mid(1).toInt(), u'k'));
        const CliRun r = jwt(QStringList{QStringLiteral("sign")} + args, env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(fragment), r.err.constData());
        QVERIFY2(r.out.isEmpty(), r.out.constData());
        // What jwt sign refuses for its secret length, jwt verify refuses too.
        if (env.contains(QStringLiteral("K")) && args.at(1).startsWith(QStringLiteral("HS")) && fragment.startsWith("at least")) {
            const QString alg = args.at(1);
            QHash<QString, QString> longEnv{{QStringLiteral("K"), QString(64, u'k')}};
            const CliRun ok = jwt({QStringLiteral("sign"), QStringLiteral("--alg"), alg, QStringLiteral("--secret"),
                                   QStringLiteral("env:K"), QStringLiteral("--claims"), QStringLiteral("{}")},
                                  longEnv);
            QVERIFY2(ok.exitCode == 0, ok.err.constData());
            const CliRun v = jwt({QStringLiteral("verify"), QString::fromLatin1(ok.out.trimmed()), QStringLiteral("--secret"),
                                  QStringLiteral("env:K")},
                                 env);
            QCOMPARE(v.exitCode, 6);
            QVERIFY2(v.out.contains(fragment), v.out.constData());
        }
    }

    void sign_negativeTtl_warnsAndSigns()
    {
        const CliRun r = jwt({QStringLiteral("sign"), QStringLiteral("--alg"), QStringLiteral("HS256"), QStringLiteral("--secret"),
                              QStringLiteral("env:K"), QStringLiteral("--claims"), QStringLiteral("{}"), QStringLiteral("--ttl"),
                              QStringLiteral("-5m")},
                             {{QStringLiteral("K"), QString(32, u'k')}});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("warning") && r.err.contains("--ttl -5m is negative"), r.err.constData());
        const QJsonObject payload = QJsonDocument::fromJson(jwt({QStringLiteral("decode"), QString::fromLatin1(r.out.trimmed())}).out)
                                        .object()
                                        .value(QStringLiteral("payload"))
                                        .toObject();
        QCOMPARE(payload.value(QStringLiteral("exp")).toInteger() - payload.value(QStringLiteral("iat")).toInteger(), qint64(-300));
        // A positive ttl gives no warning.
        const CliRun fine = jwt({QStringLiteral("sign"), QStringLiteral("--alg"), QStringLiteral("HS256"), QStringLiteral("--secret"),
                                 QStringLiteral("env:K"), QStringLiteral("--claims"), QStringLiteral("{}"), QStringLiteral("--ttl"),
                                 QStringLiteral("5m")},
                                {{QStringLiteral("K"), QString(32, u'k')}});
        QCOMPARE(fine.exitCode, 0);
        QVERIFY2(!fine.err.contains("negative"), fine.err.constData());
    }

    void verify_jwksFile_reportsUnusableEntriesEscaped()
    {
        const QString path = writeFile(m_dir, QStringLiteral("mixed.jwks.json"),
                                       "{\"keys\":[" + OffCurveP256 + "," + GoodP256 + "]}");
        const QString token = QString::fromLatin1(Tokenbench::Test::readData(QStringLiteral("jwt/rfc7515-a3-es256.jwt")).trimmed());
        CliRun r = jwt({QStringLiteral("verify"), token, QStringLiteral("--jwks"), path});
        QCOMPARE(r.exitCode, 6); // the RFC token expired in 2011; its signature is valid
        QVERIFY2(r.out.startsWith("\u2714 signature valid"), r.out.constData());
        QVERIFY2(r.out.contains("not usable: key 1 (kid \"evil\\x1b[2J\"): the EC JWK's point (x, y) is not on curve P-256"),
                 r.out.constData());
        QVERIFY2(!r.out.contains('\x1b') && !r.err.contains('\x1b'), r.out.constData());

        r = jwt({QStringLiteral("verify"), token, QStringLiteral("--jwks"), path, QStringLiteral("--json")});
        const QJsonObject sig = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("signature")).toObject();
        QCOMPARE(sig.value(QStringLiteral("status")).toString(), QStringLiteral("valid"));
        const QJsonArray unusable = sig.value(QStringLiteral("unusable_keys")).toArray();
        QCOMPARE(unusable.size(), 1);
        QVERIFY(unusable.at(0).toString().contains(QStringLiteral("not on curve")));

        // Only broken entries, and the token names one of them: the message says which and why.
        const QString broken = writeFile(m_dir, QStringLiteral("broken.jwks.json"),
                                         "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"k1\",\"x\":\"AA\"},"
                                         "{\"kty\":\"RSA\",\"kid\":\"k2\",\"n\":\"AAAA\",\"e\":\"AQAB\"},"
                                         "{\"kty\":\"OKP\",\"crv\":\"X448\",\"kid\":\"k3\",\"x\":\"AA\"}]}");
        r = jwt({QStringLiteral("verify"), QString::fromLatin1(m_token), QStringLiteral("--jwks"), broken});
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.out.contains("3 entries of the key set could not be used"), r.out.constData());
        for (const char* kid : {"key 1 (kid \"k1\")", "key 2 (kid \"k2\")", "key 3 (kid \"k3\")"})
            QVERIFY2(r.out.contains(kid), r.out.constData());
    }

    void verify_symmetricJwks_neverFromUrl_fromFileWithNote()
    {
        const QByteArray hmacJwks = "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"shared\",\"k\":"
                                    "\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\"}]}";
        const QString token = QString::fromLatin1(Tokenbench::Test::readData(QStringLiteral("jwt/rfc7515-a1-hs256.jwt")).trimmed());

        Tokenbench::Test::RawHttpServer server;
        QVERIFY(server.listen());
        server.setBehaviour(Tokenbench::Test::RawHttpServer::respond(200, "application/json", hmacJwks));
        CliRun r = jwt({QStringLiteral("verify"), token, QStringLiteral("--jwks"), server.url(QStringLiteral("/jwks")).toString(),
                        QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 6);
        QCOMPARE(server.requests().size(), 1);
        QJsonObject sig = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("signature")).toObject();
        QCOMPARE(sig.value(QStringLiteral("status")).toString(), QStringLiteral("no usable key"));
        QVERIFY2(sig.value(QStringLiteral("message")).toString().contains(QStringLiteral("symmetric")), r.out.constData());
        QVERIFY2(sig.value(QStringLiteral("unusable_keys")).toArray().at(0).toString().contains(QStringLiteral("kid \"shared\"")),
                 r.out.constData());

        const QString file = writeFile(m_dir, QStringLiteral("hmac.jwks.json"), hmacJwks);
        r = jwt({QStringLiteral("verify"), token, QStringLiteral("--jwks"), file, QStringLiteral("--json")});
        sig = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("signature")).toObject();
        QCOMPARE(sig.value(QStringLiteral("status")).toString(), QStringLiteral("valid"));
        QCOMPARE(sig.value(QStringLiteral("notes")).toArray().size(), 1);
        QVERIFY2(sig.value(QStringLiteral("notes")).toArray().at(0).toString().contains(QStringLiteral("local file")), r.out.constData());
    }

    void verify_keyOpsWithoutVerify_neverVerifies()
    {
        QByteArray encOnly = GoodP256;
        encOnly.chop(1);
        const QString path = writeFile(m_dir, QStringLiteral("encrypt-only.jwks.json"),
                                       "{\"keys\":[" + encOnly + ",\"key_ops\":[\"encrypt\"]}]}");
        const QString token = QString::fromLatin1(Tokenbench::Test::readData(QStringLiteral("jwt/rfc7515-a3-es256.jwt")).trimmed());
        const CliRun r = jwt({QStringLiteral("verify"), token, QStringLiteral("--jwks"), path});
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.out.startsWith("\u2718 no key in the set can verify ES256"), r.out.constData());
        QVERIFY2(r.out.contains("\"key_ops\" [\"encrypt\"] does not include \"verify\""), r.out.constData());
    }

    void sign_algInHeader_isRefused()
    {
        const CliRun r = jwt({QStringLiteral("sign"), QStringLiteral("--alg"), QStringLiteral("HS256"), QStringLiteral("--secret"),
                              QStringLiteral("env:K"), QStringLiteral("--claims"), QStringLiteral("{}"), QStringLiteral("--header"),
                              QStringLiteral("{\"alg\":\"none\"}")},
                             {{QStringLiteral("K"), QStringLiteral("0123456789abcdef0123456789abcdef")}});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("\"alg\" cannot be set via \"headers\""));
    }
};

QTEST_GUILESS_MAIN(TestJwtCli)
#include "tst_jwtcli.moc"
