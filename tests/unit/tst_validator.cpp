#include "model/validator.h"
#include "model/valueresolver.h"
#include "util/testsupport.h"

#include <QTest>

using namespace Tokenbench::Core;

namespace {
Block backend(const QString& label, const QMap<QString, QString>& oauth2, const QMap<QString, QString>& attrs = {})
{
    Block b{BlockType::Backend, label, attrs, {}};
    b.blocks.append(Block{BlockType::OAuth2, {}, oauth2, {}});
    return b;
}

QStringList messages(const Diagnostics& ds, Diagnostic::Severity severity = Diagnostic::Severity::Error)
{
    QStringList out;
    for (const Diagnostic& d : ds) {
        if (d.severity == severity)
            out << d.message;
    }
    return out;
}

const QString Ep = QStringLiteral("https://as.example.com/token");
} // namespace

class TestValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messages_nameInlineBackendsByPlace_escapeControlCharacters()
    {
        // Issue 13.23: Couper's anonymous_L_C label is not a name a user wrote; say where the backend is.
        const QString anonymous = insecureWarning(QStringLiteral("anonymous_35_12"));
        QVERIFY2(anonymous.contains(QStringLiteral("the inline backend at line 35, column 12")), qPrintable(anonymous));
        QVERIFY(!anonymous.contains(QStringLiteral("anonymous_")));
        QVERIFY(insecureWarning(QStringLiteral("billing")).contains(QStringLiteral("backend \"billing\"")));
        // A label with an ESC never reaches the terminal as one.
        const QString hostile = insecureWarning(QStringLiteral("a\x1b[2Jb"));
        QVERIFY(!hostile.contains(QChar(0x1b)));
        QVERIFY2(hostile.contains(QStringLiteral("a\\x1b[2Jb")), qPrintable(hostile));
        const Diagnostic d{Diagnostic::Severity::Error, QStringLiteral("x\x07y"), {}, QStringLiteral("origin"),
                           QStringLiteral("bad \x1b]0;title\x07"), {}, 0, 0};
        const QString text = d.toString();
        QVERIFY2(!text.contains(QChar(0x1b)) && !text.contains(QChar(0x07)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("x\\x07y.origin")), qPrintable(text));
        const Diagnostic inline_{Diagnostic::Severity::Error, QStringLiteral("anonymous_3_5"), QStringLiteral("oauth2"),
                                 QStringLiteral("client_id"), QStringLiteral("client_id must not be empty"), {}, 0, 0};
        QCOMPARE(inline_.toString(), QStringLiteral("oauth2.client_id of the inline backend at line 3, column 5: error: "
                                                    "client_id must not be empty"));
    }

    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void complete_clientCredentials_hasNoErrors()
    {
        const auto ds = Validator::validateBackend(backend(QStringLiteral("be"), {
            {QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
            {QStringLiteral("token_endpoint"), Ep},
            {QStringLiteral("client_id"), QStringLiteral("id")},
            {QStringLiteral("client_secret"), QStringLiteral("s")}}));
        QVERIFY2(!hasErrors(ds), qPrintable(messages(ds).join(u'\n')));
    }

    // Couper's config-time messages (reference section 1.5).
    void couperRules_giveCouperMessages_data()
    {
        QTest::addColumn<QMap<QString, QString>>("oauth2");
        QTest::addColumn<QString>("attribute");
        QTest::addColumn<QString>("message");
        using M = QMap<QString, QString>;
        const QString g = QStringLiteral("grant_type");
        const QString cc = QStringLiteral("client_credentials");
        QTest::newRow("missing client_id") << M{{g, cc}, {QStringLiteral("token_endpoint"), Ep}, {QStringLiteral("client_secret"), QStringLiteral("s")}}
                                           << QStringLiteral("client_id") << QStringLiteral("client_id must not be empty");
        QTest::newRow("missing secret") << M{{g, cc}, {QStringLiteral("token_endpoint"), Ep}, {QStringLiteral("client_id"), QStringLiteral("i")}}
                                        << QStringLiteral("client_secret")
                                        << QStringLiteral("client_secret must not be empty with client_secret_basic");
        QTest::newRow("unknown method") << M{{g, cc}, {QStringLiteral("token_endpoint"), Ep}, {QStringLiteral("client_id"), QStringLiteral("i")},
                                             {QStringLiteral("client_secret"), QStringLiteral("s")},
                                             {QStringLiteral("token_endpoint_auth_method"), QStringLiteral("magic")}}
                                        << QStringLiteral("token_endpoint_auth_method")
                                        << QStringLiteral("token_endpoint_auth_method \"magic\" not supported");
        QTest::newRow("unknown grant") << M{{g, QStringLiteral("implicit")}, {QStringLiteral("token_endpoint"), Ep}}
                                       << QStringLiteral("grant_type") << QStringLiteral("grant_type implicit not supported");
        QTest::newRow("username with cc") << M{{g, cc}, {QStringLiteral("token_endpoint"), Ep}, {QStringLiteral("client_id"), QStringLiteral("i")},
                                               {QStringLiteral("client_secret"), QStringLiteral("s")}, {QStringLiteral("username"), QStringLiteral("u")}}
                                          << QStringLiteral("username")
                                          << QStringLiteral("username attribute must not be set with grant_type=client_credentials");
        QTest::newRow("password grant without password")
            << M{{g, QStringLiteral("password")}, {QStringLiteral("token_endpoint"), Ep}, {QStringLiteral("client_id"), QStringLiteral("i")},
                 {QStringLiteral("client_secret"), QStringLiteral("s")}, {QStringLiteral("username"), QStringLiteral("u")}}
            << QStringLiteral("password") << QStringLiteral("password must not be empty with grant_type=password");
        QTest::newRow("jwt-bearer without assertion")
            << M{{g, QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer")}, {QStringLiteral("token_endpoint"), Ep}}
            << QStringLiteral("assertion")
            << QStringLiteral("missing assertion attribute or jwt_signing_profile block with "
                              "grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer");
        QTest::newRow("assertion with cc") << M{{g, cc}, {QStringLiteral("token_endpoint"), Ep}, {QStringLiteral("client_id"), QStringLiteral("i")},
                                                {QStringLiteral("client_secret"), QStringLiteral("s")}, {QStringLiteral("assertion"), QStringLiteral("a")}}
                                           << QStringLiteral("assertion")
                                           << QStringLiteral("assertion attribute must not be set with grant_type=client_credentials");
        QTest::newRow("retries out of range") << M{{g, cc}, {QStringLiteral("token_endpoint"), Ep}, {QStringLiteral("client_id"), QStringLiteral("i")},
                                                   {QStringLiteral("client_secret"), QStringLiteral("s")}, {QStringLiteral("retries"), QStringLiteral("300")}}
                                              << QStringLiteral("retries") << QStringLiteral("retries must be a whole number from 0 to 255");
    }
    void couperRules_giveCouperMessages()
    {
        using QMapStringString = QMap<QString, QString>;
        QFETCH(QMapStringString, oauth2);
        QFETCH(QString, attribute);
        QFETCH(QString, message);
        const auto ds = Validator::validateBackend(backend(QStringLiteral("be"), oauth2));
        bool found = false;
        for (const Diagnostic& d : ds) {
            if (d.attribute == attribute && d.message == message && d.block == BlockType::OAuth2 && d.backend == u"be")
                found = true;
        }
        QVERIFY2(found, qPrintable(messages(ds).join(u'\n')));
    }

    void signingProfile_followsCouperRules()
    {
        auto withProfile = [](const QString& method, const QMap<QString, QString>& profile) {
            Block b = backend(QStringLiteral("be"), {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                                    {QStringLiteral("token_endpoint"), Ep},
                                                    {QStringLiteral("client_id"), QStringLiteral("id")},
                                                    {QStringLiteral("client_secret"), QStringLiteral("s")},
                                                    {QStringLiteral("token_endpoint_auth_method"), method}});
            b.blocks[0].blocks.append(Block{QStringLiteral("jwt_signing_profile"), {}, profile, {}});
            return messages(Validator::validateBackend(b));
        };
        const QStringList csj = withProfile(QStringLiteral("client_secret_jwt"),
                                            {{QStringLiteral("signature_algorithm"), QStringLiteral("RS256")},
                                             {QStringLiteral("ttl"), QStringLiteral("10")},
                                             {QStringLiteral("key_file"), QStringLiteral("k.pem")}});
        QVERIFY(csj.contains(QStringLiteral("inappropriate signature algorithm with client_secret_jwt")));
        QVERIFY(csj.contains(QStringLiteral("time: missing unit in duration \"10\"") + Validator::durationHint()));
        QVERIFY(csj.contains(QStringLiteral("key_file must not be set with client_secret_jwt")));
        const QStringList basic = withProfile(QStringLiteral("client_secret_basic"),
                                              {{QStringLiteral("signature_algorithm"), QStringLiteral("HS256")},
                                               {QStringLiteral("ttl"), QStringLiteral("10s")}});
        QVERIFY(basic.contains(QStringLiteral("jwt_signing_profile block must not be set with client_secret_basic")));
    }

    void backendLabels_followCouperRules()
    {
        const Block dash{BlockType::Backend, QStringLiteral("my-be"), {}, {}};
        QVERIFY(messages(Validator::validateBackend(dash)).constFirst().contains(QStringLiteral("invalid character")));
        const Block anon{BlockType::Backend, QStringLiteral("anonymous_1_2"), {}, {}};
        QVERIFY(hasErrors(Validator::validateBackend(anon)));
        const Block a{BlockType::Backend, QStringLiteral("a"), {}, {}};
        QVERIFY(messages(Validator::validateBackends({a, a})).contains(QStringLiteral("backend labels must be unique")));
    }

    void durations_areChecked()
    {
        const Block b{BlockType::Backend, QStringLiteral("be"), {{QStringLiteral("timeout"), QStringLiteral("10")}}, {}};
        const QStringList ms = messages(Validator::validateBackend(b));
        // Couper's words, then what a duration looks like (issue 15.6).
        QCOMPARE(ms, QStringList{QStringLiteral("timeout: time: missing unit in duration \"10\" (a Couper duration is a "
                                                "number with a unit and no space, e.g. \"5s\", \"1m30s\", \"500ms\", "
                                                "\"1.5h\"; units ns, us, ms, s, m, h; no days)")});
    }

    void unsetEnvironmentReference_isAWarning()
    {
        ValueResolver resolver;
        resolver.setUseProcessEnvironment(false);
        const auto ds = Validator::validateBackend(backend(QStringLiteral("be"), {
            {QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
            {QStringLiteral("token_endpoint"), Ep},
            {QStringLiteral("client_id"), QStringLiteral("id")},
            {QStringLiteral("client_secret"), QStringLiteral("env.NOT_SET_ANYWHERE")}}), &resolver);
        QVERIFY(!hasErrors(ds));
        QCOMPARE(messages(ds, Diagnostic::Severity::Warning),
                 QStringList{QStringLiteral("environment variable NOT_SET_ANYWHERE is not set; Couper would use an empty string")});
    }
};

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
