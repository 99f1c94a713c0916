#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QByteArrayView>
#include <QMap>
#include <QString>
#include <QStringList>

#include "hcl/value.h"
#include "util/diagnostic.h"

namespace Tokenbench::Core::Hcl {

struct Expr;
class Document;
class ExpressionSource;
class LineIndex;

// The variables and functions an expression can see. Root names map to values (`env`,
// `beta_token_response`, `backends`, `backend`, ...); Couper's gateway-free built-in functions are
// always available.
class EvalContext
{
public:
    using Function = std::function<Value(const QList<Value>& args, QString& error)>;

    void setVariable(const QString& name, const Value& value) { m_variables.insert(name, value); }
    void removeVariable(const QString& name) { m_variables.remove(name); }
    bool hasVariable(const QString& name) const { return m_variables.contains(name); }
    Value variable(const QString& name) const { return m_variables.value(name); }
    const QMap<QString, Value>& variables() const { return m_variables; }

    // Extra functions (for example jwt_sign once a signer exists); a non-empty error fails the call.
    void setFunction(const QString& name, Function f) { m_functions.insert(name, std::move(f)); }
    const Function* function(const QString& name) const;

    // Fixes the clock of unixtime() (tests); otherwise the current time is used.
    void setFixedTime(qint64 unixSeconds) { m_fixedTime = unixSeconds; }
    qint64 now() const;

    // Names of the built-in functions.
    static QStringList builtinFunctions();

private:
    QMap<QString, Value> m_variables;
    QMap<QString, Function> m_functions;
    std::optional<qint64> m_fixedTime;
};

struct EvalResult
{
    Value value;
    Diagnostics diagnostics;
    bool ok() const { return !hasErrors(diagnostics); }
};

// Evaluates an expression tree whose byte ranges refer to `source`. Errors become diagnostics at the
// offending sub-expression; evaluation never throws and never crashes.
class Evaluator
{
public:
    Evaluator(const EvalContext& context, QByteArrayView source, const LineIndex* lines, QString fileName);
    ~Evaluator();
    Evaluator(const Evaluator&) = delete;
    Evaluator& operator=(const Evaluator&) = delete;

    EvalResult evaluate(const Expr* expr);

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

EvalResult evaluate(const Document& document, const Expr* expr, const EvalContext& context);
EvalResult evaluate(const ExpressionSource& expression, const EvalContext& context);
// Parses and evaluates expression text (syntax errors are returned as diagnostics). A heredoc needs no line
// end after its closing marker.
EvalResult evaluateExpression(const QString& text, const EvalContext& context);

} // namespace Tokenbench::Core::Hcl
