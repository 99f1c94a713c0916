#pragma once

#include "export/exporter.h"

namespace Tokenbench::Core::Export {

// A beta_token_request as the command-line formats (curl, .http, oauth2c) write it: one HTTP request
// built as Couper builds it (reference 3.1, the same as betaSpecFromBlock() for a run) plus the token
// extraction. Every value is text and variables: literal parts, env.NAME references, and secrets typed
// in clear in headers / query / form / json maps (moved to variables as the Couper export moves them).
// Expressions a script cannot evaluate (request.*, backends.*, functions of env.NAME) are refused,
// naming the expression.

// One part of a value: literal text, or the value of an environment variable.
struct ScriptPart
{
    QString text;
    QString variable; // set: $variable
    bool urlEncoded = false; // the variable's value is percent-encoded (a query parameter: %20 for spaces)
    static ScriptPart literal(const QString& text);
    static ScriptPart variableOf(const QString& name, bool urlEncoded = false);
};

struct ScriptString
{
    QList<ScriptPart> parts;
    bool isLiteral() const;
    QString literal() const; // the text of the literal parts (all of it when isLiteral())
    QStringList variables() const;
    static ScriptString fromText(const QString& text);
};

struct ScriptField
{
    QString key;
    ScriptString value;
};

// Where the token is in the response, for the token expressions a shell can evaluate.
struct TokenExtraction
{
    enum class Kind { JsonPath, Body, TrimmedBody, Header, Cookie };
    Kind kind = Kind::JsonPath;
    QString jqPath; // JsonPath: a jq path (".access_token", ".data[0][\"a-b\"]")
    QString name;   // Header (lower-case) / Cookie name
};

struct BetaPlan
{
    QString backend;
    QString label; // "default" for an unlabelled block
    QString method;
    ScriptString url; // the whole URL, the query included
    bool urlAbsoluteLiteral = false;
    QList<ScriptField> headers; // canonical names, in send order (Content-Type first when implied)
    enum class Body { None, Form, Json, Text } body = Body::None;
    QList<ScriptField> form; // form_body, sorted by key (the values are form-encoded when sent)
    QString jsonText;        // json_body as Go encodes it, with placeholders...
    QList<QPair<QString, ScriptString>> jsonPlaceholders; // ..."@@TBJ0@@" (quotes included) -> a JSON string value
    ScriptString text;                                    // body
    QList<int> expectedStatus;
    QString tokenExpression;
    TokenExtraction token;
    QString resourceUrl; // set only when given explicitly (ExportInput::resourceUrl or tokenbench_resource_url)
};

// The token request `input.requestLabel` names (or the backend's only / "default" one when empty and the
// backend has no oauth2 block).
Result<BetaPlan> planBetaTokenRequest(const ExportInput& input, const QString& format, ExportOutput* out);

// Whether the script formats export a beta_token_request for this input (else the oauth2 block).
bool exportsBetaTokenRequest(const ExportInput& input);

// The URL the resource step calls with the token: only when set explicitly (the input's resource URL, else
// the backend's tokenbench_resource_url); never derived from the backend's origin.
QString explicitResourceUrl(const ExportInput& input);

} // namespace Tokenbench::Core::Export
