#pragma once

#include <QByteArrayView>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "hcl/evaluator.h"
#include "hcl/syntax.h"

namespace Tokenbench::Core::Hcl {

struct Expr;
class Document;

// Couper's evaluation vocabulary (reference "config time" / "request time", sections 1.5, 3.1, 3.2 and 5):
// which root variables an expression sees, and which env.NAME it reads.

// When Couper evaluates an expression.
enum class EvaluationTime {
    // Once at start-up: oauth2 attributes except assertion, timeouts, origin, tls, ... Only env, couper and
    // the functions.
    Startup,
    // While serving a request: request modifiers, oauth2 assertion, beta_token_request attributes. Adds
    // request, backend_requests, backend_responses, backends, backend, backend_request, backend_response.
    PerRequest,
    // token and ttl of a beta_token_request, after its response: PerRequest plus beta_token_response.
    TokenResponse,
};

// The root variables Couper binds at `time` (functions aside), in a stable order.
const QStringList& couperVariables(EvaluationTime time);

// Of the variables Couper binds per request, those whose values only a client request brings (request,
// backend_requests, backend_responses, backend_request, backend_response). A stand-alone run or an export
// has no client request: an attribute that reads one of them is unknown until a request supplies it.
// (backends and backend carry tokens, which a run fetches itself.)
const QStringList& clientRequestVariables();

// Couper's functions that need what only Couper has (its signing profiles, access controls, the client's
// session): jwt_sign, oauth2_authorization_url, oauth2_verifier, saml_sso_url. Known names, not evaluated
// by Tokenbench's evaluator.
const QStringList& contextFunctions();

// The Couper version whose behaviour Tokenbench follows; `couper.version` reads it.
QString couperVersion();

// One read of a root variable in an expression (`request` in request.headers.x), where it is.
struct VariableUse
{
    QString name;
    Range range; // the variable's name in the source
};
// Every root variable an expression reads (not the names a `for` binds inside it), in order of appearance,
// each occurrence (the roots of traversals()). A syntax error stops nothing: what parsed is walked.
QList<VariableUse> variableUses(const Expr* expression, QByteArrayView source);
// The distinct root variable names of expression text.
QStringList variableReferences(const QString& expression);

// The context Couper evaluates in at `time`. `env` holds `environment` (give it every name the expressions
// reference; Couper makes an unset one ""). `couper` has `version` (couperVersion()) and `environment` ("":
// no `-e`); the request-time variables are empty objects: a
// stand-alone evaluation has no client request, so reading from them gives null (Couper's leniency) rather
// than an error; a caller that has values (beta_token_response, backend tokens) sets them afterwards.
EvalContext couperContext(EvaluationTime time, const QMap<QString, QString>& environment = {});

// A variable reference as written: its root (`request`, `backend`, `env`, ...) and the constant steps after
// it (`.name` and `["name"]`), cut at the first step that is not constant (`a[b].c` gives a with no steps).
struct Traversal
{
    QString root;
    QStringList steps;
    Range rootRange; // the root's name in the source the expression was parsed from
};

// Every traversal in an expression, found by parsing it (templates and heredocs included), in order of
// appearance. A root bound by an enclosing `for` is not a variable and is left out. A syntax error stops
// nothing: what parsed is walked.
QList<Traversal> traversals(const QString& expression);
QList<Traversal> traversals(const Expr* expression, QByteArrayView source);

// The environment variables an expression reads: every traversal rooted at `env` (env.NAME, env["NAME"],
// inside templates and heredocs too), found by parsing it; each name once, in order of appearance. Not:
// text in plain strings or comments, other roots (xenv.A, request.env), `env` shadowed by a `for`
// variable, or an index that is not a constant string (env[name]). A syntax error stops nothing: what
// parsed is walked.
QStringList envReferences(const QString& expression);
// The same below one parsed expression whose ranges refer to `source`.
QStringList envReferences(const Expr* expression, QByteArrayView source);
// The same for every attribute of a parsed file.
QStringList envReferences(const Document& document);

} // namespace Tokenbench::Core::Hcl
