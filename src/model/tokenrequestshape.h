#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Tokenbench::Core {

// Where the value of one form field of the token request comes from.
enum class SlotSource {
    Fixed,              // the slot's `text` itself (grant_type, client_assertion_type)
    Attribute,          // the oauth2 attribute named `text` (client_id, client_secret, scope, username, ...)
    FlowValue,          // obtained by the interactive flow, named by `text` (code, redirect_uri, code_verifier, device_code)
    ClientAssertion,    // a client assertion (jwt/clientassertion) signed when the request is made; key: assertionKey
    JwtBearerAssertion, // the jwt-bearer assertion signed from the jwt_signing_profile when the request is made
};

struct FormSlot
{
    QString field; // the form field's name
    SlotSource source = SlotSource::Fixed;
    QString text;  // Fixed: the value; Attribute and FlowValue: which one
};

// What signs a client assertion.
enum class AssertionKey {
    None,         // no client assertion
    ClientSecret, // client_secret_jwt: HMAC with the client_secret bytes
    ProfileKey,   // private_key_jwt: the jwt_signing_profile's key or key_file
};

// The client_secret with a client-authentication method.
enum class SecretUse {
    Required,  // sent (Basic credentials, form) or signs the client assertion: must not be empty
    Forbidden, // must not be set (private_key_jwt: the key signs)
    Unused,    // not sent; set anyway it is only a warning (none)
};

// One client-authentication method (token_endpoint_auth_method): a row of the table in tokenrequestshape.cpp.
// The request builder, every exporter, the validator, the schema's choices and the editor read it.
struct ClientAuthMethod
{
    QString name;
    QString summary;               // how it authenticates, for the attribute's documentation
    bool couper = true;            // Couper's oauth2 block accepts it (else: a Tokenbench extension)
    bool basicCredentials = false; // Authorization: Basic client_id:client_secret
    SecretUse secret = SecretUse::Required;
    AssertionKey assertionKey = AssertionKey::None; // a client assertion needs a jwt_signing_profile
    QList<FormSlot> fields;        // what it adds to the form body
};

// The token request of one grant and client-authentication method, before any value is known: the single
// description prepareTokenRequest() fills and the exporters (curl, .http, oauth2c) write. A new method is a
// row of the table in tokenrequestshape.cpp.
struct TokenRequestShape
{
    QString grantType;
    QString authMethod; // the effective method (client_secret_basic when none is given); empty: no client authentication
    QByteArray method;  // POST
    QList<QPair<QByteArray, QByteArray>> fixedHeaders; // in this order: Accept, Content-Type
    // Authorization: Basic base64(client_id ":" client_secret), both form-encoded unless rawBasicCredentials.
    bool basicCredentials = false;
    bool rawBasicCredentials = false;
    AssertionKey assertionKey = AssertionKey::None;
    // In the order prepareTokenRequest adds them (the body sorts them by name, as url.Values.Encode()).
    QList<FormSlot> fields;

    [[nodiscard]] bool usesAttribute(QStringView attribute) const; // in a form slot, Basic credentials or as signing key
    [[nodiscard]] bool signs() const; // a slot is signed when sent (client assertion, jwt-bearer assertion)
};

// What of the request's values decides its shape.
struct ShapeFlags
{
    bool scope = false;               // a scope is set (sent with the grants that carry it in the token request)
    bool assertion = false;           // jwt-bearer: the assertion attribute is set (else signed from the profile)
    bool codeVerifier = false;        // authorization_code: PKCE was used
    bool rawBasicCredentials = false; // client_secret_basic without form-encoding
};

// The shape of the token request of `grantType` with `authMethod` (client_secret_basic when empty; ignored with
// jwt-bearer, which sends no client authentication). Fails for a method the table does not know.
[[nodiscard]] Result<TokenRequestShape> tokenRequestShape(const QString& grantType, const QString& authMethod,
                                                          const ShapeFlags& flags);

// The client-authentication methods of the table, in table order.
[[nodiscard]] QStringList clientAuthMethods();
// The row of `name` (client_secret_basic when empty); nullptr for a method the table does not know.
[[nodiscard]] const ClientAuthMethod* clientAuthMethod(const QString& name);

} // namespace Tokenbench::Core
