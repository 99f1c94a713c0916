#include "net/tokenresponse.h"
#include "util/testsupport.h"

#include <QTest>

using namespace Tokenbench::Core;

class TestTokenResponse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void ttl_isNinetyPercentFloored_data()
    {
        QTest::addColumn<double>("expiresIn");
        QTest::addColumn<qint64>("ttl");
        QTest::newRow("3600") << 3600.0 << qint64(3240);
        QTest::newRow("3599") << 3599.0 << qint64(3239);
        QTest::newRow("3 (Couper locking test: cache 2 s)") << 3.0 << qint64(2);
        QTest::newRow("1") << 1.0 << qint64(0);
        QTest::newRow("capped at one day") << 200000.0 << qint64(86400);
        QTest::newRow("negative") << -5.0 << qint64(0);
    }
    void ttl_isNinetyPercentFloored()
    {
        QFETCH(double, expiresIn);
        QFETCH(qint64, ttl);
        QCOMPARE(couperTtlSeconds(expiresIn), ttl);
    }

    void tokenSyntax_bearerJwtOpaque()
    {
        QVERIFY(tokenSyntaxProblem(u"abc-._~+/9==", TokenSyntax::Bearer).isEmpty());
        QVERIFY(!tokenSyntaxProblem(u"a\r\nb", TokenSyntax::Bearer).isEmpty());
        QVERIFY(tokenSyntaxProblem(u"a\r\nb", TokenSyntax::Bearer).contains(QStringLiteral("\\r")));
        QVERIFY(!tokenSyntaxProblem(u"a b", TokenSyntax::Bearer).isEmpty());
        QVERIFY(!tokenSyntaxProblem(u"a=b", TokenSyntax::Bearer).isEmpty());
        QVERIFY(!tokenSyntaxProblem(u"==", TokenSyntax::Bearer).isEmpty());
        QVERIFY(!tokenSyntaxProblem(u"caf\u00e9", TokenSyntax::Bearer).isEmpty());
        QVERIFY(tokenSyntaxProblem(u"eyJh.eyJ-_.sig", TokenSyntax::Jwt).isEmpty());
        QVERIFY(!tokenSyntaxProblem(u"eyJh.e+J.sig", TokenSyntax::Jwt).isEmpty());
        QVERIFY(tokenSyntaxProblem(u"opaque refresh:token/1", TokenSyntax::Opaque).isEmpty());
        QVERIFY(!tokenSyntaxProblem(u"r\u001b[2J", TokenSyntax::Opaque).isEmpty());
        QVERIFY(!tokenSyntaxProblem(QStringView(u"r\u0000x", 3), TokenSyntax::Opaque).isEmpty());
        // The problem never contains the token.
        QVERIFY(!tokenSyntaxProblem(u"SECRETVALUE\n", TokenSyntax::Bearer).contains(QStringLiteral("SECRET")));
        const TokenResponse r = parseTokenResponse(200, "{\"access_token\":\"ok\",\"refresh_token\":\"x\\ny\"}");
        QCOMPARE(r.outcome, TokenResponse::Outcome::NoToken);
        QVERIFY2(r.summary().contains(QStringLiteral("refresh_token is not well-formed")), qPrintable(r.summary()));
    }

    void parse_success()
    {
        const auto r = parseTokenResponse(
            200, "{\"access_token\":\"abc\",\"token_type\":\"Bearer\",\"expires_in\":60,\"scope\":\"a b\",\"refresh_token\":\"r\"}");
        QCOMPARE(r.outcome, TokenResponse::Outcome::Token);
        QCOMPARE(r.accessToken, QStringLiteral("abc"));
        QCOMPARE(r.ttlSeconds, qint64(54));
        QCOMPARE(r.refreshToken, QStringLiteral("r"));
        QCOMPARE(r.scope, QStringLiteral("a b"));
    }

    void parse_expiresInAsStringMeansNoCaching()
    {
        const auto r = parseTokenResponse(200, "{\"access_token\":\"abc\",\"expires_in\":\"1h\"}");
        QCOMPARE(r.outcome, TokenResponse::Outcome::Token);
        QVERIFY(!r.expiresIn.has_value());
        QCOMPARE(r.ttlSeconds, qint64(0));
    }

    void parse_onlyExactly200Succeeds()
    {
        const auto r = parseTokenResponse(201, "{\"access_token\":\"abc\"}");
        QCOMPARE(r.outcome, TokenResponse::Outcome::ServerRefused);
    }

    void parse_oauthErrorIsSurfaced()
    {
        const auto r = parseTokenResponse(
            400, "{\"error\":\"the_error\",\"error_description\":\"the error description\",\"error_uri\":\"https://as/error/uri\"}");
        QCOMPARE(r.outcome, TokenResponse::Outcome::ServerRefused);
        // Couper log text for this case (TestOAuth2_Runtime_Errors).
        QCOMPARE(r.couperErrorText(),
                 QStringLiteral("error=the_error, error_description=the error description, error_uri=https://as/error/uri"));
    }

    void parse_200WithoutTokenOrJson_isNoToken_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not JSON") << QByteArray("<html>hello</html>");
        QTest::newRow("truncated JSON") << QByteArray("{\"access_token\":\"ab");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no access_token") << QByteArray("{\"token_type\":\"Bearer\"}");
        QTest::newRow("access_token not a string") << QByteArray("{\"access_token\":42}");
        QTest::newRow("JSON array") << QByteArray("[1,2]");
    }
    void parse_200WithoutTokenOrJson_isNoToken()
    {
        QFETCH(QByteArray, body);
        const auto r = parseTokenResponse(200, body);
        QCOMPARE(r.outcome, TokenResponse::Outcome::NoToken);
        QVERIFY(!r.summary().isEmpty());
    }

    void explain_knownErrorsHaveAdvice()
    {
        for (const char* e : {"invalid_client", "invalid_grant", "invalid_scope", "unsupported_grant_type"})
            QVERIFY2(!explainOAuthError(QString::fromLatin1(e)).isEmpty(), e);
        QVERIFY(explainOAuthError(QStringLiteral("invalid_client"), QStringLiteral("client_secret_basic"))
                    .contains(QStringLiteral("client_secret_post")));
        QVERIFY(explainOAuthError(QStringLiteral("something_else")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTokenResponse)
#include "tst_tokenresponse.moc"
