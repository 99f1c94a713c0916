#pragma once

#include "model/block.h"

#include <QList>
#include <QString>

#include <optional>

namespace Tokenbench::Core::Templates {

// The starting points a new backend can be made from (the welcome page, Workspace › Add backend): pure
// blocks, no side effects. Each names the attribute the user fills first; what else must be filled is
// what the validator and the editors' required marks say for the block.
enum class Kind {
    ClientCredentials,
    Password,
    PrivateKeyJwt,
    JwtBearer,
    CustomTokenService, // a beta_token_request
    AuthorizationCode,  // a public client with PKCE
    DeviceCode,
};

struct Info
{
    Kind kind;
    QString id;          // stable: client_credentials, password, private_key_jwt, jwt_bearer,
                         // custom_token_service, authorization_code, device_code
    QString title;       // for a button
    QString description; // for a tooltip
};

// Every template, in the order the welcome page shows them.
const QList<Info>& all();
std::optional<Kind> fromId(const QString& id);

// A backend named `name` for `kind`.
Block backend(Kind kind, const QString& name);
// The block the editor opens first (a selector for Block::child) and the attribute it focuses.
QString firstBlock(Kind kind);
QString firstAttribute(Kind kind);

// The nested jwt_signing_profile a client_secret_jwt or private_key_jwt oauth2 block needs (Couper requires
// signature_algorithm and ttl; private_key_jwt also key or key_file, left for the user): HS256 and RS256,
// ttl 1m. An empty block for any other method.
Block signingProfile(const QString& authMethod);
// A beta_token_request labelled `label` (empty: the backend's default one) that POSTs to the backend's
// /token and reads a JSON access_token, valid for 90 % of expires_in (an hour without it).
Block tokenRequest(const QString& label);

} // namespace Tokenbench::Core::Templates
