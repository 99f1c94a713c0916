// PKCE (RFC 7636), state/nonce generation and the authorization URL.
#include "net/formencoding.h"
#include "net/pkce.h"

#include <QSet>
#include <QTest>
#include <QUrlQuery>

using namespace Tokenbench::Core;

class TestPkce : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void s256_matchesRfc7636AppendixB()
    {
        // RFC 7636 Appendix B.
        QCOMPARE(Pkce::challengeS256(QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")),
                 QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }

    void verifier_isFreshAndWellFormed()
    {
        QSet<QString> seen;
        for (int i = 0; i < 50; ++i) {
            const QString v = Pkce::generateVerifier();
            QCOMPARE(v.size(), 43);
            QVERIFY2(Pkce::isValidVerifier(v), qPrintable(v));
            QVERIFY(!seen.contains(v));
            seen.insert(v);
        }
        QVERIFY(!Pkce::isValidVerifier(QStringLiteral("short")));
        QVERIFY(!Pkce::isValidVerifier(QString(43, u'+')));
        QVERIFY(Pkce::isValidVerifier(QString(128, u'~')));
        QVERIFY(!Pkce::isValidVerifier(QString(129, u'a')));
    }

    void stateAndNonce_areUnguessableBase64Url()
    {
        QSet<QString> seen;
        for (int i = 0; i < 100; ++i) {
            const QString t = Pkce::randomToken();
            QCOMPARE(t.size(), 22); // 16 bytes, base64url without padding
            for (QChar c : t)
                QVERIFY(c.isLetterOrNumber() || c == u'-' || c == u'_');
            QVERIFY(!seen.contains(t));
            seen.insert(t);
        }
        QCOMPARE(Pkce::randomToken(32).size(), 43);
    }

    void authorizationUrl_carriesEveryParameterEncoded()
    {
        AuthorizationRequest r;
        r.endpoint = QUrl(QStringLiteral("https://as.example.com/authorize"));
        r.clientId = QStringLiteral("my app");
        r.redirectUri = QStringLiteral("http://127.0.0.1:51234/callback");
        r.scope = QStringLiteral("openid offline_access");
        r.state = QStringLiteral("st");
        r.nonce = QStringLiteral("no");
        r.codeChallenge = QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        const QUrl url = authorizationUrl(r);
        QCOMPARE(url.toString(QUrl::FullyEncoded),
                 QStringLiteral("https://as.example.com/authorize?client_id=my+app&code_challenge="
                                "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&nonce=no"
                                "&redirect_uri=http%3A%2F%2F127.0.0.1%3A51234%2Fcallback&response_type=code"
                                "&scope=openid+offline_access&state=st"));
    }

    void authorizationUrl_keepsTheEndpointsQueryAndLeavesOutEmptyOptionalValues()
    {
        AuthorizationRequest r;
        r.endpoint = QUrl(QStringLiteral("https://as.example.com/authorize?tenant=a%26b"));
        r.clientId = QStringLiteral("c");
        r.redirectUri = QStringLiteral("http://127.0.0.1:1/cb");
        r.state = QStringLiteral("s");
        r.codeChallenge = QStringLiteral("x");
        const QString text = authorizationUrl(r).toString(QUrl::FullyEncoded);
        QVERIFY2(text.startsWith(QStringLiteral("https://as.example.com/authorize?tenant=a%26b&client_id=c&")),
                 qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("scope=")));
        QVERIFY(!text.contains(QStringLiteral("nonce=")));
        const QList<Form::Field> fields = Form::decode(QUrl(text).query(QUrl::FullyEncoded).toLatin1());
        QCOMPARE(fields.constFirst(), Form::Field(QStringLiteral("tenant"), QStringLiteral("a&b")));
    }
};

QTEST_GUILESS_MAIN(TestPkce)
#include "tst_pkce.moc"
