// The templates a new backend starts from (welcome page): each is a block Couper's rules accept once the
// user fills what the validator names — and it names exactly those fields, no more (issue 16, item 10).
#include "model/blocktemplates.h"
#include "model/schema.h"
#include "model/validator.h"
#include "util/testsupport.h"

#include <QSet>
#include <QTest>

using namespace Tokenbench::Core;

class TestBlockTemplates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void everyKindHasOneTemplate_withAStableId()
    {
        QSet<QString> ids;
        for (const Templates::Info& info : Templates::all()) {
            QVERIFY(!info.title.isEmpty());
            QVERIFY(!info.description.isEmpty());
            ids.insert(info.id);
            QCOMPARE(Templates::fromId(info.id), std::optional<Templates::Kind>(info.kind));
        }
        QCOMPARE(ids, (QSet<QString>{QStringLiteral("client_credentials"), QStringLiteral("password"),
                                     QStringLiteral("private_key_jwt"), QStringLiteral("jwt_bearer"),
                                     QStringLiteral("custom_token_service"), QStringLiteral("authorization_code"),
                                     QStringLiteral("device_code")}));
        QVERIFY(!Templates::fromId(QStringLiteral("client_secret_basic")));
    }

    void templates_askForWhatTheUserMustFill_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("toFill"); // the attributes the validator names
        QTest::newRow("client credentials") << QStringLiteral("client_credentials")
                                            << QStringList{QStringLiteral("client_id"), QStringLiteral("client_secret"),
                                                           QStringLiteral("token_endpoint")};
        QTest::newRow("password") << QStringLiteral("password")
                                  << QStringList{QStringLiteral("client_id"), QStringLiteral("client_secret"),
                                                 QStringLiteral("password"), QStringLiteral("token_endpoint"),
                                                 QStringLiteral("username")};
        // No client secret: the signing key is what the user chooses.
        QTest::newRow("private key JWT") << QStringLiteral("private_key_jwt")
                                         << QStringList{QStringLiteral("client_id"), QStringLiteral("key"), // or key_file
                                                        QStringLiteral("token_endpoint")};
        // A public client: no secret is asked for.
        QTest::newRow("authorization code + PKCE")
            << QStringLiteral("authorization_code")
            << QStringList{QStringLiteral("authorization_endpoint"), QStringLiteral("client_id"),
                           QStringLiteral("token_endpoint")};
    }

    void templates_askForWhatTheUserMustFill()
    {
        QFETCH(QString, id);
        QFETCH(QStringList, toFill);
        const Block backend = Templates::backend(*Templates::fromId(id), QStringLiteral("b"));
        QStringList named;
        for (const Diagnostic& d : Validator::validateBackend(backend)) {
            if (d.severity != Diagnostic::Severity::Error)
                continue;
            if (!named.contains(d.attribute))
                named << d.attribute;
        }
        named.sort();
        QCOMPARE(named, toFill);
    }

    void privateKeyJwt_hasTheSigningProfileCouperRequires()
    {
        const Block b = Templates::backend(Templates::Kind::PrivateKeyJwt, QStringLiteral("b"));
        const Block* o = b.child(BlockType::OAuth2);
        QVERIFY(o);
        QCOMPARE(o->attribute(QStringLiteral("token_endpoint_auth_method")), Schema::AuthMethod::PrivateKeyJwt);
        const Block* profile = o->child(QStringLiteral("jwt_signing_profile"));
        QVERIFY(profile);
        QCOMPARE(profile->attribute(QStringLiteral("signature_algorithm")), QStringLiteral("RS256"));
        QCOMPARE(profile->attribute(QStringLiteral("ttl")), QStringLiteral("1m"));
        QCOMPARE(Templates::signingProfile(Schema::AuthMethod::SecretJwt).attribute(QStringLiteral("signature_algorithm")),
                 QStringLiteral("HS256"));
        QVERIFY(Templates::signingProfile(Schema::AuthMethod::Basic).attributes.isEmpty());
    }

    void customTokenService_isABetaTokenRequest()
    {
        const Block b = Templates::backend(Templates::Kind::CustomTokenService, QStringLiteral("b"));
        QVERIFY(!b.child(BlockType::OAuth2));
        const Block* request = b.child(Templates::firstBlock(Templates::Kind::CustomTokenService));
        QVERIFY(request);
        QCOMPARE(request->attribute(QStringLiteral("token")), QStringLiteral("beta_token_response.json_body.access_token"));
    }
};

QTEST_GUILESS_MAIN(TestBlockTemplates)
#include "tst_blocktemplates.moc"
