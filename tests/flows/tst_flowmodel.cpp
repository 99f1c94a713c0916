// The interactive grants in the model: the validator's required-ness per grant and its Tokenbench-
// extension warnings, specFromBackend, and the token requests built byte for byte.
#include "model/block.h"
#include "model/schema.h"
#include "model/validator.h"
#include "model/workspacefile.h"
#include "model/valueresolver.h"
#include "net/flowclient.h"
#include "net/idtokencheck.h"
#include "net/tokenrequest.h"
#include "util/testsupport.h"

#include <QJsonObject>
#include <QTest>

using namespace Tokenbench::Core;

namespace {

using M = QMap<QString, QString>;
const QString Ep = QStringLiteral("https://as.example.com/token");

Block backend(const M& oauth2)
{
    Block b{BlockType::Backend, QStringLiteral("be"), {}, {}};
    b.blocks.append(Block{BlockType::OAuth2, {}, oauth2, {}});
    return b;
}

// "severity attribute: message" lines, for readable failures.
QStringList lines(const Diagnostics& ds)
{
    QStringList out;
    for (const Diagnostic& d : ds)
        out << QStringLiteral("%1 %2: %3").arg(int(d.severity)).arg(d.attribute, d.message);
    return out;
}

const Diagnostic* find(const Diagnostics& ds, Diagnostic::Severity s, const QString& attribute)
{
    for (const Diagnostic& d : ds) {
        if (d.severity == s && d.attribute == attribute)
            return &d;
    }
    return nullptr;
}

} // namespace

class TestFlowModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void authorizationCode_needsTheAuthorizationEndpoint_andWarnsThatCouperRefusesIt()
    {
        const auto ds = Validator::validateBackend(backend({{QStringLiteral("grant_type"), Schema::Grant::AuthorizationCode},
                                                            {QStringLiteral("token_endpoint"), Ep},
                                                            {QStringLiteral("client_id"), QStringLiteral("app")},
                                                            {QStringLiteral("token_endpoint_auth_method"), QStringLiteral("none")}}));
        const Diagnostic* missing = find(ds, Diagnostic::Severity::Error, QStringLiteral("authorization_endpoint"));
        QVERIFY2(missing, qPrintable(lines(ds).join(u'\n')));
        QVERIFY(missing->message.contains(QStringLiteral("must not be empty")));
        const Diagnostic* ext = find(ds, Diagnostic::Severity::Warning, QStringLiteral("grant_type"));
        QVERIFY(ext);
        QVERIFY(ext->message.contains(QStringLiteral("Tokenbench extension")));
        QVERIFY(ext->message.contains(QStringLiteral("Couper will not accept")));
        // none: no secret required, and Couper's lack of it said.
        QVERIFY(!find(ds, Diagnostic::Severity::Error, QStringLiteral("client_secret")));
        QVERIFY(find(ds, Diagnostic::Severity::Warning, QStringLiteral("token_endpoint_auth_method")));
    }

    void authorizationCode_complete_hasNoErrors()
    {
        const auto ds = Validator::validateBackend(backend({{QStringLiteral("grant_type"), Schema::Grant::AuthorizationCode},
                                                            {QStringLiteral("token_endpoint"), Ep},
                                                            {QStringLiteral("authorization_endpoint"), QStringLiteral("https://as.example.com/authorize")},
                                                            {QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1:8765/cb")},
                                                            {QStringLiteral("client_id"), QStringLiteral("app")},
                                                            {QStringLiteral("client_secret"), QStringLiteral("s")}}));
        QVERIFY2(!hasErrors(ds), qPrintable(lines(ds).join(u'\n')));
    }

    void redirectUri_mustBeLoopbackHttp_andPkceS256()
    {
        for (const char* bad : {"https://127.0.0.1/cb", "http://example.com/cb", "http://192.168.1.2/cb"}) {
            const auto ds = Validator::validateBackend(backend({{QStringLiteral("grant_type"), Schema::Grant::AuthorizationCode},
                                                                {QStringLiteral("token_endpoint"), Ep},
                                                                {QStringLiteral("authorization_endpoint"), Ep},
                                                                {QStringLiteral("redirect_uri"), QString::fromLatin1(bad)},
                                                                {QStringLiteral("code_challenge_method"), QStringLiteral("plain")},
                                                                {QStringLiteral("client_id"), QStringLiteral("app")},
                                                                {QStringLiteral("client_secret"), QStringLiteral("s")}}));
            const Diagnostic* d = find(ds, Diagnostic::Severity::Error, QStringLiteral("redirect_uri"));
            QVERIFY2(d, bad);
            QVERIFY(d->message.contains(QStringLiteral("RFC 8252")));
            QVERIFY(find(ds, Diagnostic::Severity::Error, QStringLiteral("code_challenge_method")));
        }
    }

    void deviceAndRefresh_requireTheirAttributes()
    {
        auto ds = Validator::validateBackend(backend({{QStringLiteral("grant_type"), Schema::Grant::DeviceCode},
                                                      {QStringLiteral("token_endpoint"), Ep},
                                                      {QStringLiteral("client_id"), QStringLiteral("tv")},
                                                      {QStringLiteral("token_endpoint_auth_method"), QStringLiteral("none")}}));
        QVERIFY(find(ds, Diagnostic::Severity::Error, QStringLiteral("device_authorization_endpoint")));
        ds = Validator::validateBackend(backend({{QStringLiteral("grant_type"), Schema::Grant::RefreshToken},
                                                 {QStringLiteral("token_endpoint"), Ep},
                                                 {QStringLiteral("client_id"), QStringLiteral("c")},
                                                 {QStringLiteral("client_secret"), QStringLiteral("s")},
                                                 {QStringLiteral("authorization_endpoint"), Ep}}));
        QVERIFY(find(ds, Diagnostic::Severity::Error, QStringLiteral("refresh_token")));
        // An attribute of another grant is kept, with a note.
        QVERIFY(find(ds, Diagnostic::Severity::Info, QStringLiteral("authorization_endpoint")));
    }

    void rawBasicCredentials_isExplainedAsATokenbenchToggle()
    {
        const auto ds = Validator::validateBackend(backend({{QStringLiteral("grant_type"), Schema::Grant::ClientCredentials},
                                                            {QStringLiteral("token_endpoint"), Ep},
                                                            {QStringLiteral("client_id"), QStringLiteral("c")},
                                                            {QStringLiteral("client_secret"), QStringLiteral("s")},
                                                            {QStringLiteral("raw_basic_credentials"), QStringLiteral("true")}}));
        const Diagnostic* d = find(ds, Diagnostic::Severity::Warning, QStringLiteral("raw_basic_credentials"));
        QVERIFY(d);
        QVERIFY(d->message.contains(QStringLiteral("Couper always form-encodes")));
        QVERIFY(!hasErrors(ds));
        // And the spec carries it: the Basic header is built from the raw values.
        const ValueResolver resolver;
        auto spec = specFromBackend(backend({{QStringLiteral("grant_type"), Schema::Grant::ClientCredentials},
                                             {QStringLiteral("token_endpoint"), Ep},
                                             {QStringLiteral("client_id"), QStringLiteral("a b")},
                                             {QStringLiteral("client_secret"), QStringLiteral("s+t")},
                                             {QStringLiteral("raw_basic_credentials"), QStringLiteral("true")}}),
                                    resolver);
        QVERIFY(spec);
        QVERIFY(spec->rawBasicCredentials);
        const auto req = prepareTokenRequest(*spec);
        QVERIFY(req);
        QCOMPARE(headerValue(req->headers, "Authorization"), "Basic " + QByteArray("a b:s+t").toBase64());
        auto bad = Validator::validateBackend(backend({{QStringLiteral("raw_basic_credentials"), QStringLiteral("yes")}}));
        QVERIFY(find(bad, Diagnostic::Severity::Error, QStringLiteral("raw_basic_credentials")));
    }

    void tokenRequests_byteForByte()
    {
        TokenRequestSpec s;
        s.setTokenEndpoint(QUrl(Ep)).setClient(QStringLiteral("app"), QString()).setAuthMethod(Schema::AuthMethod::None)
            .setScope(QStringLiteral("openid api"));
        s.grantType = Schema::Grant::AuthorizationCode;
        s.authorizationCode = QStringLiteral("c0de");
        s.redirectUri = QStringLiteral("http://127.0.0.1:5555/callback");
        s.codeVerifier = QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        auto req = prepareTokenRequest(s);
        QVERIFY(req);
        // The scope went with the authorization request, not here; none: client_id, no Authorization.
        QCOMPARE(req->body, QByteArray("client_id=app&code=c0de&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
                                       "&grant_type=authorization_code&redirect_uri=http%3A%2F%2F127.0.0.1%3A5555%2Fcallback"));
        QVERIFY(headerValue(req->headers, "Authorization").isEmpty());

        const TokenRequestSpec refresh = FlowClient::refreshSpec(s, QStringLiteral("rt/1"));
        req = prepareTokenRequest(refresh);
        QVERIFY(req);
        QCOMPARE(req->body, QByteArray("client_id=app&grant_type=refresh_token&refresh_token=rt%2F1"));

        TokenRequestSpec d = s;
        d.grantType = Schema::Grant::DeviceCode;
        d.deviceCode = QStringLiteral("dev");
        d.setAuthMethod(Schema::AuthMethod::Post).setClient(QStringLiteral("tv"), QStringLiteral("sec"));
        req = prepareTokenRequest(d);
        QVERIFY(req);
        QCOMPARE(req->body, QByteArray("client_id=tv&client_secret=sec&device_code=dev&grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code"));
    }

    void idTokenIssuer_isTheIssuerOfTheTokenEndpoint()
    {
        auto token = [](const char* iss) {
            const auto b64 = [](const QByteArray& b) {
                return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
            };
            return QString::fromLatin1(b64("{\"alg\":\"RS256\"}") + '.' +
                                       b64(QByteArray("{\"iss\":\"") + iss + "\"}") + ".sig");
        };
        const QUrl keycloak(QStringLiteral("https://id.example/realms/x/protocol/openid-connect/token"));
        QVERIFY(IdTokenCheck::issuerMatchesEndpoint(token("https://id.example/realms/x"), keycloak).passed);
        QVERIFY(!IdTokenCheck::issuerMatchesEndpoint(token("https://id.example/realms/y"), keycloak).passed);
        QVERIFY(!IdTokenCheck::issuerMatchesEndpoint(token("https://evil.example"), keycloak).passed);
        // An issuer whose token endpoint lives elsewhere: its metadata decides.
        const QUrl google(QStringLiteral("https://oauth2.googleapis.com/token"));
        QJsonObject metadata{{QStringLiteral("issuer"), QStringLiteral("https://accounts.google.com")},
                             {QStringLiteral("token_endpoint"), QStringLiteral("https://oauth2.googleapis.com/token")}};
        const auto ok = IdTokenCheck::issuerMatchesEndpoint(token("https://accounts.google.com"), google, metadata);
        QVERIFY2(ok.passed, qPrintable(ok.reason));
        metadata.insert(QStringLiteral("token_endpoint"), QStringLiteral("https://other.example/token"));
        const auto other = IdTokenCheck::issuerMatchesEndpoint(token("https://accounts.google.com"), google, metadata);
        QVERIFY(!other.passed);
        QVERIFY(other.reason.contains(QStringLiteral("another server")));
        QCOMPARE(IdTokenCheck::issuerMatchesEndpoint(QStringLiteral("not a jwt"), google).passed, false);
    }

    void typedRefreshToken_isNeverWrittenToTheWorkspaceFile()
    {
        const QString secret = QStringLiteral("rt-super-secret-value");
        const auto out = WorkspaceFile::serialize({backend({{QStringLiteral("grant_type"), Schema::Grant::RefreshToken},
                                                            {QStringLiteral("token_endpoint"), Ep},
                                                            {QStringLiteral("refresh_token"), secret}})});
        QVERIFY(!out.bytes.contains(secret.toUtf8()));
        QCOMPARE(out.substitutions.size(), 1);
        QCOMPARE(out.substitutions.constFirst().attribute, QStringLiteral("refresh_token"));
    }

    void specFromBackend_readsTheInteractiveAttributes()
    {
        const ValueResolver resolver;
        auto spec = specFromBackend(backend({{QStringLiteral("grant_type"), Schema::Grant::AuthorizationCode},
                                             {QStringLiteral("token_endpoint"), Ep},
                                             {QStringLiteral("authorization_endpoint"), QStringLiteral("https://as.example.com/authorize")},
                                             {QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1/cb")},
                                             {QStringLiteral("device_authorization_endpoint"), QStringLiteral("https://as.example.com/device")},
                                             {QStringLiteral("client_id"), QStringLiteral("app")},
                                             {QStringLiteral("client_secret"), QStringLiteral("s")}}),
                                    resolver);
        QVERIFY2(spec, spec ? "" : qPrintable(spec.error().message));
        QCOMPARE(spec->authorizationEndpoint, QUrl(QStringLiteral("https://as.example.com/authorize")));
        QCOMPARE(spec->redirectUri, QStringLiteral("http://127.0.0.1/cb"));
        QCOMPARE(spec->deviceAuthorizationEndpoint, QUrl(QStringLiteral("https://as.example.com/device")));
        QVERIFY(FlowClient::isInteractive(spec->grantType));
        QVERIFY(!FlowClient::isInteractive(Schema::Grant::RefreshToken));
        QVERIFY(Schema::isSecret(BlockType::OAuth2, QStringLiteral("refresh_token")));
        QVERIFY(Schema::oauth2AttributeApplies(QStringLiteral("redirect_uri"), Schema::Grant::AuthorizationCode, {}));
        QVERIFY(!Schema::oauth2AttributeApplies(QStringLiteral("redirect_uri"), Schema::Grant::DeviceCode, {}));
        QVERIFY(!Schema::oauth2AttributeApplies(QStringLiteral("client_secret"), Schema::Grant::AuthorizationCode,
                                                Schema::AuthMethod::None));
    }
};

QTEST_GUILESS_MAIN(TestFlowModel)
#include "tst_flowmodel.moc"
