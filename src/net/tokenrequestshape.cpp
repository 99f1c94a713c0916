#include "net/tokenrequestshape.h"

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

// One client-authentication method: what it adds to the request. To add a method, add a row here.
struct ClientAuthRow
{
    QString method;
    bool basicCredentials = false; // Authorization: Basic client_id:client_secret
    AssertionKey assertionKey = AssertionKey::None;
    QList<FormSlot> fields;
};

const QList<ClientAuthRow>& clientAuthTable()
{
    static const QList<FormSlot> clientAssertion = {
        attribute("client_id"),
        {QStringLiteral("client_assertion"), SlotSource::ClientAssertion, {}},
        {QStringLiteral("client_assertion_type"), SlotSource::Fixed,
         QStringLiteral("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")},
    };
    static const QList<ClientAuthRow> rows = {
        {Schema::AuthMethod::Basic, true, AssertionKey::None, {}},
        {Schema::AuthMethod::Post, false, AssertionKey::None, {attribute("client_id"), attribute("client_secret")}},
        {Schema::AuthMethod::SecretJwt, false, AssertionKey::ClientSecret, clientAssertion},
        {Schema::AuthMethod::PrivateKeyJwt, false, AssertionKey::ProfileKey, clientAssertion},
        {Schema::AuthMethod::None, false, AssertionKey::None, {attribute("client_id")}},
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

const FormSlot* TokenRequestShape::field(QStringView name) const
{
    for (const FormSlot& f : fields) {
        if (f.field == name)
            return &f;
    }
    return nullptr;
}

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
    for (const ClientAuthRow& row : clientAuthTable()) {
        if (row.method != shape.authMethod)
            continue;
        shape.basicCredentials = row.basicCredentials;
        shape.rawBasicCredentials = row.basicCredentials && flags.rawBasicCredentials;
        shape.assertionKey = row.assertionKey;
        shape.fields.append(row.fields);
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
    for (const ClientAuthRow& row : clientAuthTable())
        methods << row.method;
    return methods;
}

} // namespace Tokenbench::Core
