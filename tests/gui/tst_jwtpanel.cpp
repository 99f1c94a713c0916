// The JWT inspector as a user drives it: paste a token issued by a real oidc-provider, read the claims,
// verify against the issuer's keys (discovered from iss), a JWKS URL, a PEM file or an HMAC secret.
#include "jwtpanel.h"

#include "jwt/jwtkey.h"
#include "jwt/signer.h"
#include "net/networkaccessmanager.h"
#include "net/tokenclient.h"
#include "util/authserver.h"
#include "util/testsupport.h"

#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Tokenbench;

class TestJwtPanel : public QObject
{
    Q_OBJECT

private:
    Test::AuthServer m_server;
    Core::NetworkAccessManager m_nam;
    QString m_token;

    bool verifyAndWait(Tokenbench::Ui::JwtPanel& panel)
    {
        QSignalSpy verified(&panel, &Tokenbench::Ui::JwtPanel::verified);
        QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("jwtVerifyPushButton")), Qt::LeftButton);
        if (verified.isEmpty() && !verified.wait(20000))
            return false;
        return verified.constFirst().constFirst().toBool();
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::initTestEnvironment();
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        Core::TokenRequestSpec spec;
        spec.setTokenEndpoint(m_server.tokenEndpoint())
            .setGrantType(QStringLiteral("client_credentials"))
            .setClient(QStringLiteral("basic-client"), QStringLiteral("basic-secret"))
            .setScope(QStringLiteral("api:read"));
        Core::TokenClient client(&m_nam);
        QSignalSpy finished(&client, &Core::TokenClient::finished);
        client.start(spec);
        QVERIFY(finished.wait(20000));
        m_token = finished.constFirst().constFirst().value<Core::TokenResult>().response.accessToken;
        QVERIFY(!m_token.isEmpty());
    }

    void pastedToken_showsClaimsExplained()
    {
        Tokenbench::Ui::JwtPanel panel(&m_nam);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto* input = panel.findChild<QPlainTextEdit*>(QStringLiteral("jwtInputPlainTextEdit"));
        input->setFocus();
        QTest::keyClicks(input, m_token);
        QTRY_COMPARE(panel.claimText(QStringLiteral("client_id"), 1), QStringLiteral("basic-client"));
        QVERIFY(panel.claimText(QStringLiteral("exp"), 2).startsWith(QStringLiteral("expires in")));
        QVERIFY(panel.claimText(QStringLiteral("exp"), 2).contains(QStringLiteral("UTC")));
        QVERIFY(panel.claimText(QStringLiteral("iss"), 2).contains(QStringLiteral("issuer")));
        QVERIFY(panel.errorText().isEmpty());
    }

    void extremeTimes_shownInWords_neverGarbage()
    {
        // exp far beyond year 9999, iat far before year 1, nbf just past int64: each row reads sensibly.
        const QByteArray header = QByteArray("{\"alg\":\"HS256\"}").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QByteArray payload = QByteArray("{\"exp\":1e300,\"iat\":-9e18,\"nbf\":9223372036854775808,\"auth_time\":1700000000}")
                                       .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        Tokenbench::Ui::JwtPanel panel(&m_nam);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setToken(QString::fromLatin1(header + '.' + payload + ".c2ln"));
        QTRY_VERIFY(!panel.claimText(QStringLiteral("exp"), 2).isEmpty());
        const QString exp = panel.claimText(QStringLiteral("exp"), 2);
        QVERIFY2(exp.startsWith(QStringLiteral("expires in more than")) && exp.endsWith(QStringLiteral("after the year 9999")),
                 qPrintable(exp));
        const QString iat = panel.claimText(QStringLiteral("iat"), 2);
        QVERIFY2(iat.contains(QStringLiteral("ago")) && iat.endsWith(QStringLiteral("before the year 1")), qPrintable(iat));
        QVERIFY2(panel.claimText(QStringLiteral("nbf"), 2).endsWith(QStringLiteral("after the year 9999")),
                 qPrintable(panel.claimText(QStringLiteral("nbf"), 2)));
        // An ordinary date keeps its calendar form.
        QVERIFY2(panel.claimText(QStringLiteral("auth_time"), 2).contains(QStringLiteral("2023-11-14 22:13:20 UTC")),
                 qPrintable(panel.claimText(QStringLiteral("auth_time"), 2)));
    }

    void issuerKeys_discoveredFromIss_verify()
    {
        Tokenbench::Ui::JwtPanel panel(&m_nam);
        panel.setToken(m_token);
        panel.setExpectations(m_server.issuer().toString(), QStringLiteral("urn:api"));
        QVERIFY(verifyAndWait(panel));
        const QStringList lines = panel.resultLines();
        QVERIFY2(lines.constFirst().startsWith(QStringLiteral("\u2714")), qPrintable(lines.join(u'\n')));
        QVERIFY(lines.join(u'\n').contains(QStringLiteral("/jwks")));
    }

    void wrongAudience_isReportedWithReason()
    {
        Tokenbench::Ui::JwtPanel panel(&m_nam);
        panel.setToken(m_token);
        panel.setKeySource(Tokenbench::Ui::JwtPanel::KeySource::JwksUrl, m_server.issuer().toString() + QStringLiteral("/jwks"));
        panel.setExpectations({}, QStringLiteral("urn:other"));
        QVERIFY(!verifyAndWait(panel));
        bool sawAud = false;
        for (const QString& line : panel.resultLines())
            sawAud = sawAud || (line.startsWith(QStringLiteral("\u2718 aud")) && line.contains(QStringLiteral("urn:other")));
        QVERIFY(sawAud);
    }

    void hmacSecretFromEnvironment_andPemFile_verify()
    {
        qputenv("JWT_PANEL_TEST_SECRET", "0123456789abcdef0123456789abcdef");
        const auto key = Core::Jwt::JwtKey::fromSecret(Core::SecureBytes(QByteArrayView("0123456789abcdef0123456789abcdef")));
        const auto signer = Core::Jwt::JwtSigner::create(Core::Jwt::Algorithm::HS256, key);
        QVERIFY(signer.ok());
        const auto token = signer->sign(QJsonObject{{QStringLiteral("sub"), QStringLiteral("alice")}});
        QVERIFY(token.ok());
        Tokenbench::Ui::JwtPanel panel(&m_nam);
        panel.setToken(QString::fromLatin1(*token));
        panel.setKeySource(Tokenbench::Ui::JwtPanel::KeySource::HmacSecret, QStringLiteral("JWT_PANEL_TEST_SECRET"));
        QVERIFY(verifyAndWait(panel));

        // A PEM public key that does not fit an HS256 token is refused (no algorithm confusion).
        panel.setKeySource(Tokenbench::Ui::JwtPanel::KeySource::PemFile,
                           Test::dataPath(QStringLiteral("jwt/rsa-2048-public.pem")));
        QVERIFY(!verifyAndWait(panel));
    }

    void malformedToken_namesThePart()
    {
        Tokenbench::Ui::JwtPanel panel(&m_nam);
        panel.setToken(QStringLiteral("eyJhbGciOiJIUzI1NiJ9.e!30.sig"));
        QVERIFY(panel.errorText().contains(QStringLiteral("payload (part 2)")));
        QVERIFY(!panel.findChild<QPushButton*>(QStringLiteral("jwtVerifyPushButton"))->isEnabled());
    }
};

QTEST_MAIN(TestJwtPanel)
#include "tst_jwtpanel.moc"
