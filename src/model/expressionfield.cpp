#include "model/expressionfield.h"

#include "hcl/couperscope.h"
#include "hcl/document.h"
#include "hcl/evaluator.h"
#include "hcl/expressiondesign.h"
#include "model/couperconfig.h"
#include "model/schema.h"
#include "model/valueresolver.h"

#include <QProcessEnvironment>
#include <QRegularExpression>

namespace Tokenbench::Core::Hcl {

bool isPlainLiteral(const QString& source)
{
    const ExpressionSource src = ExpressionSource::parse(source.trimmed().toUtf8());
    const Expr* e = src.expr();
    if (!e || hasErrors(src.diagnostics()) || e->range.end < src.source().size())
        return false;
    if (e->kind == ExprKind::Literal)
        return e->op != std::uint8_t(LiteralKind::Null);
    if (e->kind != ExprKind::Template)
        return false;
    for (const Expr* part : e->children) {
        if (part->kind != ExprKind::TemplateText)
            return false;
    }
    return true;
}

void keepExpressionSources(Block& block)
{
    for (auto it = block.attributes.cbegin(); it != block.attributes.cend(); ++it) {
        const QString text = it.value().trimmed();
        if (!evaluatedAtStartup(block.type, it.key()) || ValueResolver::isReference(text) || isPlainLiteral(text))
            continue;
        block.expressions.insert(it.key(), it.value());
    }
    for (Block& child : block.blocks)
        keepExpressionSources(child);
}

QString startupValue(const QString& blockType, const QString& attribute, const QString& source, QString* error)
{
    QMap<QString, QString> environment;
    const QProcessEnvironment process = QProcessEnvironment::systemEnvironment();
    for (const QString& name : envReferences(source))
        environment.insert(name, process.value(name));
    const EvalResult r = evaluateExpression(source, couperContext(EvaluationTime::Startup, environment));
    if (!r.ok()) {
        if (error) {
            QStringList messages;
            for (const Diagnostic& d : r.diagnostics)
                messages << d.message;
            *error = messages.join(QStringLiteral("; "));
        }
        return {};
    }
    if (error)
        error->clear();
    const Schema::Attribute* schema = Schema::find(blockType, attribute);
    if (r.value.isObject() || r.value.isCollection())
        return r.value.toJson();
    if (r.value.isBool() && schema && schema->kind == Schema::Kind::Choice &&
        schema->choices.contains(QStringLiteral("true")))
        return r.value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return scalarString(r.value);
}

QString singleLineExpression(const QString& source)
{
    if (!source.contains(u'\n'))
        return source;
    const auto entries = objectEntries(source);
    if (!entries)
        return source;
    QStringList parts;
    for (const auto& [key, value] : *entries) {
        if (value.contains(u'\n'))
            return source;
        static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
        parts << (identifier.match(key).hasMatch() ? key : quoteString(key)) + QStringLiteral(" = ") + value;
    }
    return parts.isEmpty() ? QStringLiteral("{}") : QStringLiteral("{ ") + parts.join(QStringLiteral(", ")) + QStringLiteral(" }");
}

} // namespace Tokenbench::Core::Hcl
