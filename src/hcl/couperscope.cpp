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

class EnvWalker
{
public:
    EnvWalker(QByteArrayView source, QStringList& out) : m_source(source), m_out(out) {}

    // The parser bounds nesting, except along a traversal chain (a.b.c... nests one node a step), which
    // is followed in a loop.
    void walk(const Expr* e, bool shadowed, int depth = 0)
    {
        if (!e || depth > 512)
            return;
        while (e && (e->kind == ExprKind::GetAttr || e->kind == ExprKind::Index) && !e->children.empty()) {
            const Expr* key = e->kind == ExprKind::Index && e->children.size() > 1 ? e->children[1] : nullptr;
            walk(key, shadowed, depth + 1);
            // The step right above the root: env.NAME or env["NAME"].
            if (!shadowed && isEnvRoot(e->children[0])) {
                QString name;
                if (e->kind == ExprKind::GetAttr)
                    name = sourceText(m_source, e->name);
                else if (!constantKey(key, &name))
                    name.clear();
                if (!name.isEmpty() && !m_out.contains(name))
                    m_out.append(name);
            }
            e = e->children[0];
        }
        if (!e)
            return;
        // `for env in ...` / `%{ for k, env in ... }`: inside, env is the loop variable.
        const bool loop = e->kind == ExprKind::For || e->kind == ExprKind::TemplateFor;
        const bool binds = loop && (sourceText(m_source, e->name) == Env || sourceText(m_source, e->name2) == Env);
        for (size_t i = 0; i < e->children.size(); ++i)
            walk(e->children[i], shadowed || (binds && i > 0), depth + 1);
    }

private:
    bool isEnvRoot(const Expr* e) const
    {
        return e && e->kind == ExprKind::Variable && sourceText(m_source, e->name) == Env;
    }

    QByteArrayView m_source;
    QStringList& m_out;
};

// Root variables read by an expression, minus the names `for` binds inside it.
class VariableWalker
{
public:
    VariableWalker(QByteArrayView source, QList<VariableUse>& out) : m_source(source), m_out(out) {}

    void walk(const Expr* e, int depth = 0)
    {
        if (!e || depth > 512)
            return;
        while (e && (e->kind == ExprKind::GetAttr || e->kind == ExprKind::Index) && !e->children.empty()) {
            if (e->kind == ExprKind::Index && e->children.size() > 1)
                walk(e->children[1], depth + 1);
            e = e->children[0];
        }
        if (!e)
            return;
        if (e->kind == ExprKind::Variable) {
            const QString name = sourceText(m_source, e->name);
            if (!name.isEmpty() && !m_bound.contains(name))
                m_out.append(VariableUse{name, e->name});
            return;
        }
        const bool loop = e->kind == ExprKind::For || e->kind == ExprKind::TemplateFor;
        if (!loop) {
            for (const Expr* child : e->children)
                walk(child, depth + 1);
            return;
        }
        // The collection sees the outer scope; the rest sees the loop's key and value names too.
        if (!e->children.empty())
            walk(e->children[0], depth + 1);
        const qsizetype before = m_bound.size();
        for (const Range r : {e->name, e->name2}) {
            const QString bound = sourceText(m_source, r);
            if (!bound.isEmpty())
                m_bound.append(bound);
        }
        for (size_t i = 1; i < e->children.size(); ++i)
            walk(e->children[i], depth + 1);
        m_bound.resize(before);
    }

private:
    QByteArrayView m_source;
    QList<VariableUse>& m_out;
    QStringList m_bound;
};

void walkBody(const Body& body, QByteArrayView source, QStringList& out, int depth)
{
    if (depth > 256)
        return;
    for (const BodyItem& item : body.items) {
        if (item.attribute)
            EnvWalker(source, out).walk(item.attribute->expr, false);
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

QString couperVersion()
{
    return QStringLiteral("1.14.2");
}

QList<VariableUse> variableUses(const Expr* expression, QByteArrayView source)
{
    QList<VariableUse> out;
    VariableWalker(source, out).walk(expression);
    return out;
}

QStringList variableReferences(const QString& expression)
{
    QByteArray bytes = expression.toUtf8();
    if (!bytes.endsWith('\n'))
        bytes += '\n'; // a heredoc's closing marker needs its line end
    const ExpressionSource parsed = ExpressionSource::parse(bytes);
    QStringList names;
    for (const VariableUse& use : variableUses(parsed.expr(), parsed.source())) {
        if (!names.contains(use.name))
            names << use.name;
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

QStringList envReferences(const Expr* expression, QByteArrayView source)
{
    QStringList out;
    EnvWalker(source, out).walk(expression, false);
    return out;
}

QStringList envReferences(const QString& expression)
{
    if (!expression.contains(Env))
        return {};
    QByteArray bytes = expression.toUtf8();
    if (!bytes.endsWith('\n'))
        bytes += '\n'; // a heredoc's closing marker needs its line end
    const ExpressionSource parsed = ExpressionSource::parse(bytes);
    return envReferences(parsed.expr(), parsed.source());
}

QStringList envReferences(const Document& document)
{
    QStringList out;
    walkBody(document.body(), document.source(), out, 0);
    return out;
}

} // namespace Tokenbench::Core::Hcl
