#include "model/tokenrequestshape.h"

#include "model/schema.h"

namespace Tokenbench::Core {

namespace {

FormSlot attribute(const char* name)
{
    return {QString::fromLatin1(name), SlotSource::Attribute, QString::fromLatin1(name)};
}

FormSlot flowValue(const char* name)
{
    return {QString::fromLatin1(name), SlotSource::FlowValue, QString::fromLatin1(name)};
}

// The client-authentication methods. To add one, add a row here (see CONTRIBUTING.md, "Where to change").
const QList<ClientAuthMethod>& clientAuthTable()
{
    static const QList<FormSlot> clientAssertion = {
        attribute("client_id"),
        {QStringLiteral("client_assertion"), SlotSource::ClientAssertion, {}},
        {QStringLiteral("client_assertion_type"), SlotSource::Fixed,
         QStringLiteral("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")},
    };
    static const QList<ClientAuthMethod> rows = {
        {Schema::AuthMethod::Basic, QStringLiteral("client_id and client_secret in the Authorization header (the default)"),
         true, true, SecretUse::Required, AssertionKey::None, {}},
        {Schema::AuthMethod::Post, QStringLiteral("client_id and client_secret in the form body"), true, false,
         SecretUse::Required, AssertionKey::None, {attribute("client_id"), attribute("client_secret")}},
        {Schema::AuthMethod::SecretJwt,
         QStringLiteral("an HS* client assertion signed with the client secret (needs a jwt_signing_profile block)"),
         true, false, SecretUse::Required, AssertionKey::ClientSecret, clientAssertion},
        {Schema::AuthMethod::PrivateKeyJwt,
         QStringLiteral("a client assertion signed with a private key (needs a jwt_signing_profile block)"), true,
         false, SecretUse::Forbidden, AssertionKey::ProfileKey, clientAssertion},
        {Schema::AuthMethod::None, QStringLiteral("a public client, client_id in the form body and no secret"), false,
         false, SecretUse::Unused, AssertionKey::None, {attribute("client_id")}},
    };
    return rows;
}

// One grant: its own fields after grant_type (and scope, where the grant sends it).
struct GrantRow
{
    QString grant;
    bool scope = true;      // the scope goes in the token request (not in the authorization or device request)
    bool clientAuth = true; // jwt-bearer authenticates by its assertion alone
    QList<FormSlot> fields;
};

GrantRow grantRow(const QString& grant, const ShapeFlags& flags)
{
    if (grant == Schema::Grant::Password)
        return {grant, true, true, {attribute("username"), attribute("password")}};
    if (grant == Schema::Grant::JwtBearer) {
        // The assertion attribute wins over a jwt_signing_profile.
        return {grant, true, false,
                {flags.assertion ? attribute("assertion")
                                 : FormSlot{QStringLiteral("assertion"), SlotSource::JwtBearerAssertion, {}}}};
    }
    if (grant == Schema::Grant::AuthorizationCode) {
        GrantRow row{grant, false, true, {flowValue("code"), flowValue("redirect_uri")}};
        if (flags.codeVerifier)
            row.fields.append(flowValue("code_verifier"));
        return row;
    }
    if (grant == Schema::Grant::RefreshToken)
        return {grant, true, true, {attribute("refresh_token")}};
    if (grant == Schema::Grant::DeviceCode)
        return {grant, false, true, {flowValue("device_code")}};
    // client_credentials, and any other grant: grant_type and scope only.
    return {grant, true, true, {}};
}

} // namespace

bool TokenRequestShape::usesAttribute(QStringView name) const
{
    if (basicCredentials && (name == u"client_id" || name == u"client_secret"))
        return true;
    if (assertionKey == AssertionKey::ClientSecret && name == u"client_secret")
        return true;
    for (const FormSlot& f : fields) {
        if (f.source == SlotSource::Attribute && f.text == name)
            return true;
    }
    return false;
}

bool TokenRequestShape::signs() const
{
    for (const FormSlot& f : fields) {
        if (f.source == SlotSource::ClientAssertion || f.source == SlotSource::JwtBearerAssertion)
            return true;
    }
    return false;
}

Result<TokenRequestShape> tokenRequestShape(const QString& grantType, const QString& authMethod, const ShapeFlags& flags)
{
    const GrantRow grant = grantRow(grantType, flags);
    TokenRequestShape shape;
    shape.grantType = grantType;
    shape.method = QByteArrayLiteral("POST");
    shape.fixedHeaders = {{QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")},
                          {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")}};
    shape.fields.append({QStringLiteral("grant_type"), SlotSource::Fixed, grantType});
    if (grant.scope && flags.scope)
        shape.fields.append(attribute("scope"));
    shape.fields.append(grant.fields);
    if (!grant.clientAuth)
        return shape;

    shape.authMethod = authMethod.isEmpty() ? Schema::AuthMethod::Basic : authMethod;
    if (const ClientAuthMethod* row = clientAuthMethod(shape.authMethod)) {
        shape.basicCredentials = row->basicCredentials;
        shape.rawBasicCredentials = row->basicCredentials && flags.rawBasicCredentials;
        shape.assertionKey = row->assertionKey;
        shape.fields.append(row->fields);
        return shape;
    }
    return Error{Error::Code::Usage,
                 QStringLiteral("token_endpoint_auth_method \"%1\" is not supported yet (Tokenbench knows %2)")
                     .arg(shape.authMethod, clientAuthMethods().join(QStringLiteral(", "))),
                 QStringLiteral("token_endpoint_auth_method")};
}

QStringList clientAuthMethods()
{
    QStringList methods;
    for (const ClientAuthMethod& row : clientAuthTable())
        methods << row.name;
    return methods;
}

const ClientAuthMethod* clientAuthMethod(const QString& name)
{
    const QString method = name.isEmpty() ? Schema::AuthMethod::Basic : name;
    for (const ClientAuthMethod& row : clientAuthTable()) {
        if (row.name == method)
            return &row;
    }
    return nullptr;
}

} // namespace Tokenbench::Core
