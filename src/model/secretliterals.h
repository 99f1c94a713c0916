#pragma once

#include "model/block.h"

#include <optional>

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Tokenbench::Core::SecretLiterals {

// Secrets typed as literals inside object expressions: header, query and form modifiers
// (`set_request_headers = { authorization = "Bearer …" }`) and a beta_token_request's `headers`,
// `query_params`, `form_body` and `json_body`. A literal counts as a secret when its key is a
// credential name (authorization, x-api-key, cookie, client_secret, password, api_key, access_token,
// token, …) or its value looks like a credential (a "Bearer …"/"Basic …" header value, a JWT, a long
// high-entropy string). Expressions (request.headers.x, env.X, "Bearer ${env.T}") are never secrets:
// only plain quoted strings without interpolation are.
//
// Workspace files, crash-recovery files, Couper save-back and exports write such a literal as an
// env.NAME reference; its value belongs in the keychain.

// Whether `attribute` of a block of `blockType` holds such an object expression.
bool isCredentialMap(const QString& blockType, const QString& attribute);
// Header / parameter / field names that carry credentials (case-insensitive, '-' and '_' alike).
bool isCredentialName(const QString& name);
// Values that look like credentials whatever their name.
bool looksLikeCredential(const QString& value);

struct Literal
{
    QString key;      // the entry's key ("authorization"; "user.password" inside a nested json_body object)
    QString value;    // the decoded string
    qsizetype begin = 0; // the quoted literal (or heredoc) in the expression text, as UTF-8 byte offsets
    qsizetype end = 0;
    bool byName = false; // found by its key (else by its value's shape)
};

// The secret literals of an object expression, in text order. Not an object, or not parseable: none.
QList<Literal> find(const QString& expressionText);
// The same, for an attribute: none unless isCredentialMap(blockType, attribute).
QList<Literal> find(const QString& blockType, const QString& attribute, const QString& expressionText);

// One secret literal replaced by a reference.
struct Moved
{
    QString key;
    QString variable;
    QString value;
};

struct Rewritten
{
    QString text;       // the expression with env.NAME in place of each secret literal
    QList<Moved> moved; // in text order
};

// Replaces each secret literal of the attribute by env.NAME. Names are
// ValueResolver::suggestName(variablePrefix, key) ("BILLING_AUTHORIZATION"); `taken` holds
// (variable, value) pairs already given out in this file: a name with another value gets _2, _3, …,
// the same value reuses its name. Moved pairs are appended to `taken`.
Rewritten moveToReferences(const QString& blockType, const QString& attribute, const QString& expressionText,
                           const QString& variablePrefix, QList<QPair<QString, QString>>* taken);

// Fills `taken` with the names a backend already uses, so moveToReferences() never gives one of them to
// another value: every env.NAME it references (with an empty value, which no moved literal has) and the
// names its literal secret attributes will get (BILLING_CLIENT_SECRET, with their values).
void reserveNames(const Block& backend, QList<QPair<QString, QString>>* taken);

// A block copy in which every credential-map attribute (recursively, child blocks included) has its
// secret literals replaced. `backendLabel` prefixes the names (a labelled beta_token_request adds its
// label). Moved pairs are appended to `taken` (with where they were: "backend \"b\" set_request_headers.authorization").
struct MovedAt
{
    QString backend;
    QString block;     // "" for the backend itself, else the block path ("beta_token_request")
    QString attribute; // "set_request_headers"
    Moved entry;
};
Block moveAllToReferences(const Block& block, const QString& backendLabel, const QString& blockPath,
                          QList<QPair<QString, QString>>* taken, QList<MovedAt>* moved);

// The decoded text of an expression that is a plain quoted string ("abc": no interpolation), else nullopt.
std::optional<QString> plainStringLiteral(const QString& expressionText);

// A URL's query parameters that hold secrets (by name or by value), as (name, value), and userinfo
// (user:password@) as ("password", value) when it has a password.
QList<QPair<QString, QString>> urlSecrets(const QString& url);

} // namespace Tokenbench::Core::SecretLiterals
