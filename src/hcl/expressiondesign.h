#pragma once

#include "hcl/evaluator.h"
#include "hcl/value.h"

#include <optional>

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Tokenbench::Core::Hcl {

// Every path an expression can read from a value, as HCL traversals from `root`:
// beta_token_response.status, .headers.content-type, .json_body.data.items[0].id, ... (at most `limit`).
QStringList valuePaths(const QString& root, const Value& value, int limit = 2000);

// Why an expression found nothing: the first sub-expression of a traversal that is null, with the names
// that were there one step before ("`beta_token_response.json_body.data` is null; json_body has:
// access_token, expires_in").
struct NullProbe
{
    QString expression; // the null sub-expression, as written
    QString message;    // empty when no traversal step is null
};
NullProbe probeNull(const QString& expression, const EvalContext& context);

// The path (below `root`) of the value the expression reads: the deepest non-null step of its first
// traversal that starts at `root`, e.g. "json_body.data.token" or "headers.content-type".
QString readPath(const QString& expression, const QString& root, const EvalContext& context);

// A response as the preview shows it ("HTTP 200", headers, blank line, the body — JSON pretty-printed
// with two-space indentation) and where each value's text is: "status", "headers.NAME" (lower-case),
// "body", "json_body", "json_body.a.b[0]".
struct ResponsePreview
{
    QString text;
    QHash<QString, QPair<int, int>> spans; // path -> [begin, end) in text
};
ResponsePreview responsePreview(int status, const QList<QPair<QByteArray, QByteArray>>& headers,
                                const QByteArray& body);

// Form fields <-> HCL expressions. A plain string literal is shown without quotes; typed text becomes an
// expression when it is one (env.NAME, a function call, a number, "${...}"), otherwise a quoted string.
QString displayText(const QString& expression);
QString expressionFromTyped(const QString& typed);

// The entries of an object constructor whose keys are names or plain strings: key -> value expression
// text as written. nullopt when the expression is something else (a function call, a variable...).
std::optional<QList<QPair<QString, QString>>> objectEntries(const QString& expression);
// An object constructor in hclwrite layout ("{\n  a   = 1\n  bcd = 2\n}"), "" for no entries.
QString objectExpression(const QList<QPair<QString, QString>>& entries);

} // namespace Tokenbench::Core::Hcl
