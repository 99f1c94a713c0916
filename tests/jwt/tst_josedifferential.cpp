// Differential test against the `jose` npm package (tests/jwt/jose-differential.mjs), for every
// algorithm in both directions: tokens jose signs must verify here, tokens signed here must verify
// in jose.

#include "jwt/base64url.h"
#include "jwt/claimscheck.h"
#include "jwt/clientassertion.h"
#include "jwt/decodedtoken.h"
#include "jwt/jwtkey.h"
#include "jwt/signer.h"
#include "jwt/verifier.h"
#include "util/testsupport.h"
#include "jwttesthelpers.h"

#include "testconfig.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Tokenbench::Core;
using namespace Tokenbench::Core::Jwt;

namespace {

const QString AuthServerDir = QStringLiteral(TOKENBENCH_AUTHSERVER_DIR);
const QString Script = QStringLiteral(TOKENBENCH_SOURCE_DIR "/tests/jwt/jose-differential.mjs");

QJsonArray readArray(const QString& file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).array();
}

} // namespace

class TestJoseDifferential final : public QObject
{
    Q_OBJECT

private:
    QString m_node;
    QTemporaryDir m_dir;

    bool runNode(const QStringList& args)
    {
        QProcess node;
        node.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        node.start(m_node, QStringList{Script, AuthServerDir} + args);
        if (!node.waitForFinished(180000)) {
            node.kill();
            node.waitForFinished();
            qWarning("node did not finish");
            return false;
        }
        return node.exitStatus() == QProcess::NormalExit && node.exitCode() == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (m_node.isEmpty())
            QSKIP("node is not installed");
        if (!QFile::exists(AuthServerDir + QStringLiteral("/node_modules/jose/package.json")))
            QSKIP("jose is not installed: run npm ci in tests/authserver (scripts/test.sh does)");
        QVERIFY(m_dir.isValid());
    }

    void joseSigned_acceptedByTokenbench()
    {
        const QString out = m_dir.filePath(QStringLiteral("jose-signed.json"));
        QVERIFY(runNode({QStringLiteral("sign"), out}));
        const QJsonArray cases = readArray(out);
        QCOMPARE(cases.size(), allAlgorithms().size());

        JwkSet all;
        QStringList seen;
        for (const QJsonValue& value : cases) {
            const QJsonObject c = value.toObject();
            const QString alg = c.value(QStringLiteral("alg")).toString();
            seen.append(alg);
            const QByteArray token = c.value(QStringLiteral("token")).toString().toLatin1();
            auto key = JwtKey::fromJwk(c.value(QStringLiteral("jwk")).toObject());
            QVERIFY2(key.ok(), qPrintable(alg + QStringLiteral(": ") + QString::fromUtf8(Tokenbench::Test::why(key))));
            all.addKey(*key);

            Verification v = verifyToken(token, *key);
            QVERIFY2(v.isValid(), qPrintable(alg + QStringLiteral(" with JWK: ") + v.message));
            QCOMPARE(algorithmName(*v.algorithm), alg);

            if (!c.value(QStringLiteral("pem")).isNull()) {
                auto pemKey = JwtKey::fromPem(c.value(QStringLiteral("pem")).toString().toLatin1());
                QVERIFY2(pemKey.ok(), Tokenbench::Test::why(pemKey).constData());
                v = verifyToken(token, *pemKey);
                QVERIFY2(v.isValid(), qPrintable(alg + QStringLiteral(" with PEM: ") + v.message));
            }

            // The claims jose wrote decode to the same JSON, and the time checks pass now.
            const DecodedToken decoded = *decodeToken(token);
            const QJsonObject claims = c.value(QStringLiteral("claims")).toObject();
            for (auto it = claims.constBegin(); it != claims.constEnd(); ++it)
                QCOMPARE(decoded.payload.value(it.key()), it.value());
            ClaimExpectations expected;
            expected.issuer = QStringLiteral("https://jose.example");
            expected.audience = QStringLiteral("tokenbench");
            expected.type = QStringLiteral("JWT");
            expected.requireExpiry = true;
            const auto checks = checkClaims(decoded, expected, QDateTime::currentDateTimeUtc());
            QVERIFY2(allPassed(checks), qPrintable(alg));

            // Tampered payload: rejected.
            QByteArrayList parts = token.split('.');
            QByteArray payload = decoded.payloadBytes;
            payload.replace("differential", "differentiaL");
            parts[1] = Base64Url::encode(payload);
            QCOMPARE(verifyToken(parts.join('.'), *key).status, Verification::Status::InvalidSignature);
        }
        QCOMPARE(seen.size(), allAlgorithms().size());

        // Through the key set, selected by kid.
        for (const QJsonValue& value : cases) {
            const QJsonObject c = value.toObject();
            const Verification v = verifyToken(c.value(QStringLiteral("token")).toString().toLatin1(), all);
            QVERIFY2(v.isValid(), qPrintable(v.message));
            QCOMPARE(v.key.keyId(), c.value(QStringLiteral("kid")).toString());
            QCOMPARE(v.attempts.size(), 1);
        }
    }

    void rfc7797Vectors_sameVerdictAsJose()
    {
        const QString out = m_dir.filePath(QStringLiteral("jose-b64.json"));
        QVERIFY(runNode({QStringLiteral("b64"), out}));
        const QJsonArray cases = readArray(out);
        QCOMPARE(cases.size(), 20);
        for (const QJsonValue& value : cases) {
            const QJsonObject c = value.toObject();
            const QString name = c.value(QStringLiteral("name")).toString();
            const QByteArray token = c.value(QStringLiteral("token")).toString().toUtf8();
            auto set = JwkSet::fromJsonObject(c.value(QStringLiteral("jwk")).toObject(), JwkSource::LocalFile);
            QVERIFY2(set.ok(), qPrintable(name));
            const Verification v = verifyToken(token, *set);
            if (c.value(QStringLiteral("expect")).toString() == u"valid") {
                QVERIFY2(v.isValid(), qPrintable(name + QStringLiteral(": ") + v.message));
                const DecodedToken decoded = *decodeToken(token);
                QCOMPARE(QString::fromUtf8(decoded.payloadBytes), c.value(QStringLiteral("payload")).toString());
                // A changed payload byte breaks it.
                QByteArray tampered = token;
                const qsizetype dot = tampered.indexOf('.');
                tampered[dot + 1] = tampered.at(dot + 1) == '$' ? '%' : (tampered.at(dot + 1) == 'e' ? 'f' : 'e');
                QCOMPARE(verifyToken(tampered, *set).status, Verification::Status::InvalidSignature);
            } else {
                QCOMPARE(v.status, Verification::Status::Refused);
                QVERIFY2(v.message.contains(QStringLiteral("crit")), qPrintable(name + QStringLiteral(": ") + v.message));
            }
        }
    }

    void tokenbenchSigned_acceptedByJose()
    {
        QJsonArray cases;
        QList<QJsonObject> claimsSent;
        const JwtKey rsa = *JwtKey::generateRsa(2048);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (Algorithm alg : allAlgorithms()) {
            JwtKey key;
            QJsonObject jwk;
            switch (keyTypeFor(alg)) {
            case KeyType::Hmac: {
                QByteArray secret(hashSize(alg), '\0');
                for (qsizetype i = 0; i < secret.size(); ++i)
                    secret[i] = static_cast<char>((i * 37 + 11) & 0xff);
                key = JwtKey::fromSecret(SecureBytes(QByteArrayView(secret)));
                jwk = {{QStringLiteral("kty"), QStringLiteral("oct")},
                       {QStringLiteral("k"), QString::fromLatin1(Base64Url::encode(secret))}};
                break;
            }
            case KeyType::Rsa:
                key = rsa;
                break;
            case KeyType::Ec:
                key = *JwtKey::generateEc(requiredCurve(alg));
                break;
            case KeyType::Ed25519:
                key = *JwtKey::generateEd25519();
                break;
            case KeyType::None:
                QFAIL("no key type");
            }
            if (jwk.isEmpty())
                jwk = *key.toPublicJwk();

            const QString name = algorithmName(alg);
            auto signer = JwtSigner::create(alg, key, {{QStringLiteral("kid"), QString(QStringLiteral("tb-") + name)}});
            QVERIFY2(signer.ok(), Tokenbench::Test::why(signer).constData());
            const QJsonObject claims{{QStringLiteral("sub"), QStringLiteral("differential")},
                                     {QStringLiteral("alg_under_test"), name},
                                     {QStringLiteral("exp"), now.toSecsSinceEpoch() + 600},
                                     {QStringLiteral("html"), QStringLiteral("<a>&\u00e9\u2028")},
                                     {QStringLiteral("ratio"), 0.0000001}};
            auto token = signer->sign(claims);
            QVERIFY2(token.ok(), Tokenbench::Test::why(token).constData());
            cases.append(QJsonObject{{QStringLiteral("alg"), name},
                                     {QStringLiteral("token"), QString::fromLatin1(*token)},
                                     {QStringLiteral("jwk"), jwk}});
            claimsSent.append(claims);

            // A client assertion per algorithm family, as the token client will send it.
            if (keyTypeFor(alg) != KeyType::Hmac && alg != Algorithm::RS256 && alg != Algorithm::PS256
                && alg != Algorithm::ES256 && alg != Algorithm::EdDSA)
                continue;
            auto profile = SigningProfile::create(name, key, QStringLiteral("2m"));
            QVERIFY2(profile.ok(), Tokenbench::Test::why(profile).constData());
            ClientAssertion assertion(*profile, QStringLiteral("client-") + name, QStringLiteral("https://as.example/token"));
            auto signedAssertion = assertion.create();
            QVERIFY(signedAssertion.ok());
            cases.append(QJsonObject{{QStringLiteral("alg"), name},
                                     {QStringLiteral("token"), QString::fromLatin1(*signedAssertion)},
                                     {QStringLiteral("jwk"), jwk}});
            claimsSent.append(decodeToken(*signedAssertion)->payload);
        }
        // Harness sanity: a tampered token must be rejected by jose.
        QByteArray tampered = cases.at(0).toObject().value(QStringLiteral("token")).toString().toLatin1();
        tampered[tampered.size() - 2] = tampered.at(tampered.size() - 2) == 'A' ? 'B' : 'A';
        cases.append(QJsonObject{{QStringLiteral("alg"), cases.at(0).toObject().value(QStringLiteral("alg"))},
                                 {QStringLiteral("token"), QString::fromLatin1(tampered)},
                                 {QStringLiteral("jwk"), cases.at(0).toObject().value(QStringLiteral("jwk"))}});

        const QString in = m_dir.filePath(QStringLiteral("tokenbench-signed.json"));
        const QString out = m_dir.filePath(QStringLiteral("jose-verified.json"));
        {
            QFile f(in);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(cases).toJson());
        }
        QVERIFY(runNode({QStringLiteral("verify"), in, out}));
        const QJsonArray results = readArray(out);
        QCOMPARE(results.size(), cases.size());
        for (qsizetype i = 0; i + 1 < results.size(); ++i) {
            const QJsonObject r = results.at(i).toObject();
            QVERIFY2(r.value(QStringLiteral("ok")).toBool(),
                     qPrintable(r.value(QStringLiteral("alg")).toString() + QStringLiteral(": ") +
                                r.value(QStringLiteral("error")).toString()));
            QCOMPARE(r.value(QStringLiteral("payload")).toObject(), claimsSent.at(i));
            QCOMPARE(r.value(QStringLiteral("header")).toObject().value(QStringLiteral("typ")).toString(), QStringLiteral("JWT"));
        }
        QVERIFY2(!results.last().toObject().value(QStringLiteral("ok")).toBool(), "jose accepted a tampered token");
    }
};

QTEST_GUILESS_MAIN(TestJoseDifferential)
#include "tst_josedifferential.moc"
