#pragma once

#include <optional>

#include <QList>
#include <QString>
#include <QStringList>

#include "hcl/couperscope.h"

namespace Tokenbench::Core::Schema {

enum class Kind {
    String,
    Url,
    Secret,   // never written to disk as a value; a reference (env.NAME) instead
    Duration, // Go duration ("10s")
    Integer,
    Choice,
};

struct Attribute
{
    QString name;
    Kind kind = Kind::String;
    QString defaultValue; // Couper's default, shown as placeholder
    QStringList choices;  // for Kind::Choice
    QString help;         // Couper's meaning, for tooltips and `--help`
    // Not a Couper attribute: a Tokenbench setting kept out of Couper files (in the file's sidecar,
    // model/couperfilesettings).
    bool tokenbenchOnly = false;
};

// The attributes Tokenbench models for a block type, in form order.
const QList<Attribute>& attributes(const QString& blockType);
const Attribute* find(const QString& blockType, const QString& name);
bool isSecret(const QString& blockType, const QString& name);
// A Tokenbench setting Couper does not know (Attribute::tokenbenchOnly, or a name starting with tokenbench_).
bool isTokenbenchOnly(const QString& blockType, const QString& name);

// When Couper evaluates an attribute of a token-related block type ("backend", "oauth2", "tls",
// "jwt_signing_profile" nested in oauth2, "beta_token_request"; a path such as
// "oauth2.jwt_signing_profile" names its last type), following Couper's config structs: what they decode
// is evaluated once at start-up (only env, couper and functions), the rest (Couper's `Remain`/`Inline`
// bodies) for every request; a beta_token_request's token and ttl after its response. The one table the
// loader, `check`, the run and the exports follow (reference sections 1.3-1.7, 3.1, 3.2, 5). nullopt: an
// attribute the table does not know.
std::optional<Hcl::EvaluationTime> couperEvaluationTime(const QString& blockType, const QString& attribute);

namespace Grant {
inline const QString ClientCredentials = QStringLiteral("client_credentials");
inline const QString Password = QStringLiteral("password");
inline const QString JwtBearer = QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer");
// Tokenbench extensions (interactive grants Couper's oauth2 block does not accept):
inline const QString AuthorizationCode = QStringLiteral("authorization_code");
inline const QString RefreshToken = QStringLiteral("refresh_token");
inline const QString DeviceCode = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");
// True for the grants Couper's oauth2 block knows.
inline bool isCouperGrant(const QString& g) { return g == ClientCredentials || g == Password || g == JwtBearer; }
} // namespace Grant

namespace AuthMethod {
inline const QString Basic = QStringLiteral("client_secret_basic");
inline const QString Post = QStringLiteral("client_secret_post");
inline const QString SecretJwt = QStringLiteral("client_secret_jwt");
inline const QString PrivateKeyJwt = QStringLiteral("private_key_jwt");
inline const QString None = QStringLiteral("none");
} // namespace AuthMethod

// A backend's request modifiers (reference section 1.3): header, query and form parameter maps and name
// lists, evaluated per request and applied to every request through the backend (the OAuth2 token
// request included). The one list the validator, the run, the secret handling and the token wiring share.
enum class ModifierTarget { Headers, Query, Form };
enum class ModifierOperation { Remove, Set, Add }; // Couper applies them in this order, per target
struct RequestModifier
{
    QString attribute; // remove_request_headers, set_query_params, ...
    ModifierTarget target = ModifierTarget::Headers;
    ModifierOperation operation = ModifierOperation::Set;
};
// All nine, by target (headers, query, form), each remove -> set -> add.
const QList<RequestModifier>& requestModifiers();
// The object-valued ones (set_* and add_*): { name = value } maps, where expressions, credentials and
// tokens go.
const QStringList& requestModifierMaps();
bool isRequestModifier(const QString& attribute);

// Which oauth2 attributes apply to a grant and client-authentication method (Couper's matrix, section 1.5).
bool oauth2AttributeApplies(const QString& attribute, const QString& grantType, const QString& authMethod);
// Which oauth2 attributes must not be empty for a grant and client-authentication method (empty method:
// client_secret_basic). The validator's errors and the editor's required marks both follow it.
bool oauth2AttributeRequired(const QString& attribute, const QString& grantType, const QString& authMethod);

} // namespace Tokenbench::Core::Schema
