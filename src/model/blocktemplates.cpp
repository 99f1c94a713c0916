#include "model/blocktemplates.h"

#include "model/schema.h"

#include <QCoreApplication>

namespace Tokenbench::Core::Templates {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Tokenbench::Core::Templates", text);
}

} // namespace

const QList<Info>& all()
{
    static const QList<Info> templates = {
        {Kind::ClientCredentials, QStringLiteral("client_credentials"), tr("Client credentials"),
         tr("A backend whose oauth2 block gets a token with the client credentials grant")},
        {Kind::Password, QStringLiteral("password"), tr("Password"),
         tr("A backend whose oauth2 block gets a token with the resource owner's user name and password")},
        {Kind::PrivateKeyJwt, QStringLiteral("private_key_jwt"), tr("Private key JWT"),
         tr("Client credentials with a signed client assertion (private_key_jwt, RS256): choose the key file")},
        {Kind::JwtBearer, QStringLiteral("jwt_bearer"), tr("JWT bearer"),
         tr("A backend whose oauth2 block exchanges a JWT assertion for a token (RFC 7523)")},
        {Kind::CustomTokenService, QStringLiteral("custom_token_service"), tr("Custom token service"),
         tr("A beta_token_request: any HTTP request that returns a token, and where in the response it is")},
        {Kind::AuthorizationCode, QStringLiteral("authorization_code"), tr("Authorization code + PKCE"),
         tr("Sign in through the system browser as a public client (PKCE, no client secret); the redirect "
            "comes back to 127.0.0.1")},
        {Kind::DeviceCode, QStringLiteral("device_code"), tr("Device code"),
         tr("Sign in on another device with a user code (RFC 8628)")},
    };
    return templates;
}

std::optional<Kind> fromId(const QString& id)
{
    for (const Info& info : all()) {
        if (info.id == id)
            return info.kind;
    }
    return std::nullopt;
}

Block signingProfile(const QString& authMethod)
{
    Block profile{QStringLiteral("jwt_signing_profile"), {}, {}, {}};
    if (authMethod == Schema::AuthMethod::SecretJwt)
        profile.setAttribute(QStringLiteral("signature_algorithm"), QStringLiteral("HS256"));
    else if (authMethod == Schema::AuthMethod::PrivateKeyJwt)
        profile.setAttribute(QStringLiteral("signature_algorithm"), QStringLiteral("RS256"));
    else
        return profile;
    profile.setAttribute(QStringLiteral("ttl"), QStringLiteral("1m"));
    return profile;
}

Block tokenRequest(const QString& label)
{
    Block request{QStringLiteral("beta_token_request"), label, {}, {}};
    request.setAttribute(QStringLiteral("url"), QStringLiteral("\"/token\""));
    request.setAttribute(QStringLiteral("token"), QStringLiteral("beta_token_response.json_body.access_token"));
    request.setAttribute(QStringLiteral("ttl"),
                         QStringLiteral("\"${default(beta_token_response.json_body.expires_in, 3600) * 0.9}s\""));
    return request;
}

Block backend(Kind kind, const QString& name)
{
    Block b{BlockType::Backend, name, {}, {}};
    if (kind == Kind::CustomTokenService) {
        b.blocks.append(tokenRequest({}));
        return b;
    }
    Block o{BlockType::OAuth2, {}, {}, {}};
    namespace Grant = Schema::Grant;
    switch (kind) {
    case Kind::ClientCredentials:
        o.setAttribute(QStringLiteral("grant_type"), Grant::ClientCredentials);
        break;
    case Kind::Password:
        o.setAttribute(QStringLiteral("grant_type"), Grant::Password);
        break;
    case Kind::PrivateKeyJwt:
        o.setAttribute(QStringLiteral("grant_type"), Grant::ClientCredentials);
        o.setAttribute(QStringLiteral("token_endpoint_auth_method"), Schema::AuthMethod::PrivateKeyJwt);
        o.blocks.append(signingProfile(Schema::AuthMethod::PrivateKeyJwt));
        break;
    case Kind::JwtBearer:
        o.setAttribute(QStringLiteral("grant_type"), Grant::JwtBearer);
        break;
    case Kind::AuthorizationCode:
        // A public client: PKCE protects the code, there is no secret to keep.
        o.setAttribute(QStringLiteral("grant_type"), Grant::AuthorizationCode);
        o.setAttribute(QStringLiteral("token_endpoint_auth_method"), Schema::AuthMethod::None);
        o.setAttribute(QStringLiteral("scope"), QStringLiteral("openid")); // an OpenID sign-in: an ID token
        break;
    case Kind::DeviceCode:
        o.setAttribute(QStringLiteral("grant_type"), Grant::DeviceCode);
        o.setAttribute(QStringLiteral("scope"), QStringLiteral("openid"));
        break;
    case Kind::CustomTokenService:
        break;
    }
    b.blocks.append(o);
    return b;
}

QString firstBlock(Kind kind)
{
    return kind == Kind::CustomTokenService ? QStringLiteral("beta_token_request:default") : BlockType::OAuth2;
}

QString firstAttribute(Kind kind)
{
    return kind == Kind::CustomTokenService ? QStringLiteral("url") : QStringLiteral("token_endpoint");
}

} // namespace Tokenbench::Core::Templates
