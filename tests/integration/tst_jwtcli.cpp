// tokenbench-cli jwt decode|verify|sign as scripts use it: against oidc-provider's real tokens and JWKS.
#include "util/authserver.h"
#include "util/clirunner.h"
#include "util/testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using Tokenbench::Test::CliRun;

namespace {
CliRun jwt(const QStringList& args, const QHash<QString, QString>& env = {}, const QByteArray& in = {})
{
    return Tokenbench::Test::runCli(QStringLiteral(TOKENBENCH_CLI_PATH), QStringList{QStringLiteral("jwt")} + args,
                                    env, in);
}

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
    QString jwksUrl() const { return m_server.issuer().toString() + QStringLiteral("/jwks"); }

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
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
