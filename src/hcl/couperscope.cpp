#include "hcl/couperscope.h"

#include "hcl/document.h"
#include "hcl/syntax.h"

namespace Tokenbench::Core::Hcl {

namespace {

const QString Env = QStringLiteral("env");

QString sourceText(QByteArrayView source, Range r)
{
    if (r.begin < 0 || r.end > source.size() || r.isEmpty())
        return {};
    return QString::fromUtf8(source.sliced(r.begin, r.size()));
}

// A constant string index key (`["NAME"]`): a template of one literal part, or an empty one.
bool constantKey(const Expr* key, QString* out)
{
    if (!key || key->kind != ExprKind::Template || (key->op & TemplateFlags::Heredoc))
        return false;
    if (key->children.empty()) {
        out->clear();
        return true;
    }
    if (key->children.size() == 1 && key->children[0] && key->children[0]->kind == ExprKind::TemplateText) {
        *out = key->children[0]->text;
        return true;
    }
    return false;
}

// Every traversal below an expression: its root variable and the constant steps that follow it (cut at the
// first step that is not a name or a constant string index). A root bound by an enclosing `for` is not a
// variable of the scope and is skipped.
class TraversalWalker
{
public:
    TraversalWalker(QByteArrayView source, QList<Traversal>& out) : m_source(source), m_out(out) {}

    // The parser bounds nesting, except along a traversal chain (a.b.c... nests one node a step), which
    // is followed in a loop.
    void walk(const Expr* e, int depth = 0)
    {
        if (!e || depth > 512)
            return;
        QStringList reversed; // the steps from the outside in
        while (e && (e->kind == ExprKind::GetAttr || e->kind == ExprKind::Index) && !e->children.empty()) {
            const Expr* key = e->kind == ExprKind::Index && e->children.size() > 1 ? e->children[1] : nullptr;
            walk(key, depth + 1);
            QString step;
            if (e->kind == ExprKind::GetAttr)
                step = sourceText(m_source, e->name);
            if (e->kind == ExprKind::Index && !constantKey(key, &step))
                reversed.clear(); // what follows a computed index is not a constant path
            else
                reversed.append(step);
            e = e->children[0];
        }
        if (e && e->kind == ExprKind::Variable) {
            const QString root = sourceText(m_source, e->name);
            if (!root.isEmpty() && !m_bound.contains(root)) {
                Traversal t{root, {}, e->name};
                for (auto it = reversed.crbegin(); it != reversed.crend(); ++it)
                    t.steps.append(*it);
                m_out.append(t);
            }
            return;
        }
        if (!e)
            return;
        // `for k, v in ...` / `%{ for k, v in ... }`: inside (not in the collection), k and v are bound.
        const bool loop = e->kind == ExprKind::For || e->kind == ExprKind::TemplateFor;
        for (size_t i = 0; i < e->children.size(); ++i) {
            if (loop && i == 1) {
                m_bound.append(sourceText(m_source, e->name));
                m_bound.append(sourceText(m_source, e->name2));
            }
            walk(e->children[i], depth + 1);
        }
        if (loop && e->children.size() > 1)
            m_bound.resize(m_bound.size() - 2);
    }

private:
    QByteArrayView m_source;
    QList<Traversal>& m_out;
    QStringList m_bound;
};

QStringList envNames(const QList<Traversal>& traversals)
{
    QStringList out;
    for (const Traversal& t : traversals) {
        if (t.root == Env && !t.steps.isEmpty() && !t.steps.first().isEmpty() && !out.contains(t.steps.first()))
            out.append(t.steps.first());
    }
    return out;
}

void walkBody(const Body& body, QByteArrayView source, QList<Traversal>& out, int depth)
{
    if (depth > 256)
        return;
    for (const BodyItem& item : body.items) {
        if (item.attribute)
            TraversalWalker(source, out).walk(item.attribute->expr);
        else if (item.block)
            walkBody(item.block->body, source, out, depth + 1);
    }
}

} // namespace

const QStringList& couperVariables(EvaluationTime time)
{
    static const QStringList startup{Env, QStringLiteral("couper")};
    static const QStringList perRequest =
        startup + QStringList{QStringLiteral("request"),          QStringLiteral("backend_requests"),
                              QStringLiteral("backend_responses"), QStringLiteral("backends"),
                              QStringLiteral("backend"),           QStringLiteral("backend_request"),
                              QStringLiteral("backend_response")};
    static const QStringList tokenResponse = perRequest + QStringList{QStringLiteral("beta_token_response")};
    switch (time) {
    case EvaluationTime::Startup:
        return startup;
    case EvaluationTime::PerRequest:
        return perRequest;
    case EvaluationTime::TokenResponse:
        break;
    }
    return tokenResponse;
}

const QStringList& clientRequestVariables()
{
    static const QStringList names{QStringLiteral("request"), QStringLiteral("backend_requests"),
                                   QStringLiteral("backend_responses"), QStringLiteral("backend_request"),
                                   QStringLiteral("backend_response")};
    return names;
}

const QStringList& contextFunctions()
{
    static const QStringList names{QStringLiteral("jwt_sign"), QStringLiteral("oauth2_authorization_url"),
                                   QStringLiteral("oauth2_verifier"), QStringLiteral("saml_sso_url")};
    return names;
}

QString couperVersion()
{
    return QStringLiteral("1.14.2");
}

QList<VariableUse> variableUses(const Expr* expression, QByteArrayView source)
{
    QList<VariableUse> out;
    for (const Traversal& t : traversals(expression, source))
        out.append(VariableUse{t.root, t.rootRange});
    return out;
}

QStringList variableReferences(const QString& expression)
{
    QStringList names;
    for (const Traversal& t : traversals(expression)) {
        if (!names.contains(t.root))
            names << t.root;
    }
    return names;
}

EvalContext couperContext(EvaluationTime time, const QMap<QString, QString>& environment)
{
    EvalContext ctx;
    for (const QString& name : couperVariables(time))
        ctx.setVariable(name, Value::object({}));
    ctx.setVariable(QStringLiteral("couper"), Value::object({{QStringLiteral("version"), Value::string(couperVersion())},
                                                             {QStringLiteral("environment"), Value::string(QString())}}));
    Value::Map env;
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        env.insert(it.key(), Value::string(it.value()));
    ctx.setVariable(Env, Value::object(env));
    return ctx;
}

QList<Traversal> traversals(const Expr* expression, QByteArrayView source)
{
    QList<Traversal> out;
    TraversalWalker(source, out).walk(expression);
    return out;
}

QList<Traversal> traversals(const QString& expression)
{
    QByteArray bytes = expression.toUtf8();
    if (!bytes.endsWith('\n'))
        bytes += '\n'; // a heredoc's closing marker needs its line end
    const ExpressionSource parsed = ExpressionSource::parse(bytes);
    return traversals(parsed.expr(), parsed.source());
}

QStringList envReferences(const Expr* expression, QByteArrayView source)
{
    return envNames(traversals(expression, source));
}

QStringList envReferences(const QString& expression)
{
    if (!expression.contains(Env))
        return {};
    return envNames(traversals(expression));
}

QStringList envReferences(const Document& document)
{
    QList<Traversal> out;
    walkBody(document.body(), document.source(), out, 0);
    return envNames(out);
}

} // namespace Tokenbench::Core::Hcl
