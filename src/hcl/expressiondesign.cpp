#include "hcl/expressiondesign.h"

#include "hcl/couperscope.h"
#include "hcl/document.h"
#include "hcl/formatter.h"
#include "hcl/syntax.h"

#include <functional>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Tokenbench::Core::Hcl {

namespace {

bool isIdentifier(const QString& s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
    return re.match(s).hasMatch();
}

QString attributeStep(const QString& key)
{
    return isIdentifier(key) ? QString(u'.' + key) : QString(u'[' + quoteString(key) + u']');
}

QString sourceText(const ExpressionSource& e, Range r)
{
    return QString::fromUtf8(e.source().mid(r.begin, r.size()));
}

// Maximal traversal chains (root Variable first) anywhere in an expression.
void collectChains(const Expr* e, bool isSourceOfTraversal, QList<QList<const Expr*>>& out)
{
    if (!e)
        return;
    const bool traversal =
        e->kind == ExprKind::GetAttr || e->kind == ExprKind::Index || e->kind == ExprKind::Variable;
    if (traversal && !isSourceOfTraversal) {
        QList<const Expr*> chain;
        const Expr* n = e;
        while (n && (n->kind == ExprKind::GetAttr || n->kind == ExprKind::Index)) {
            chain.prepend(n);
            n = n->children.empty() ? nullptr : n->children[0];
        }
        if (n && n->kind == ExprKind::Variable) {
            chain.prepend(n);
            out.append(chain);
        }
    }
    for (size_t i = 0; i < e->children.size(); ++i) {
        const bool source = (e->kind == ExprKind::GetAttr || e->kind == ExprKind::Index) && i == 0;
        collectChains(e->children[i], source, out);
    }
}

Value evaluateText(const QString& text, const EvalContext& context, bool* ok)
{
    const EvalResult r = evaluateExpression(text, context);
    *ok = r.ok();
    return r.value;
}

// A step's key: the attribute name or the index value.
QString stepKey(const ExpressionSource& src, const Expr* step, const EvalContext& context, bool* isIndex)
{
    *isIndex = false;
    if (step->kind == ExprKind::GetAttr)
        return sourceText(src, step->name);
    if (step->kind == ExprKind::Index && step->children.size() > 1) {
        bool ok = false;
        const Value k = evaluateText(sourceText(src, step->children[1]->range), context, &ok);
        if (k.isNumber()) {
            *isIndex = true;
            return formatNumber(k.toNumber());
        }
        return k.toStr();
    }
    return {};
}

void appendJson(const QJsonValue& v, const QString& path, int depth, QString& out,
                QHash<QString, QPair<int, int>>& spans)
{
    const int begin = int(out.size());
    const QString ind(depth * 2, u' ');
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.isEmpty()) {
            out += QStringLiteral("{}");
        } else {
            out += QStringLiteral("{\n");
            int i = 0;
            for (auto it = o.begin(); it != o.end(); ++it, ++i) {
                out += ind + QStringLiteral("  ") +
                       QString::fromUtf8(QJsonDocument(QJsonArray{it.key()})
                                             .toJson(QJsonDocument::Compact)
                                             .sliced(1)
                                             .chopped(1)) +
                       QStringLiteral(": ");
                appendJson(it.value(), path + attributeStep(it.key()), depth + 1, out, spans);
                out += i + 1 < o.size() ? QStringLiteral(",\n") : QStringLiteral("\n");
            }
            out += ind + u'}';
        }
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        if (a.isEmpty()) {
            out += QStringLiteral("[]");
        } else {
            out += QStringLiteral("[\n");
            for (qsizetype i = 0; i < a.size(); ++i) {
                out += ind + QStringLiteral("  ");
                appendJson(a.at(i), path + QStringLiteral("[%1]").arg(i), depth + 1, out, spans);
                out += i + 1 < a.size() ? QStringLiteral(",\n") : QStringLiteral("\n");
            }
            out += ind + u']';
        }
    } else {
        // Scalars exactly as JSON writes them.
        out += QString::fromUtf8(
            QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).sliced(1).chopped(1));
    }
    spans.insert(path, {begin, int(out.size())});
}

} // namespace

QStringList valuePaths(const QString& root, const Value& value, int limit)
{
    QStringList out;
    const std::function<void(const QString&, const Value&, int)> walk = [&](const QString& path,
                                                                            const Value& v, int depth) {
        if (out.size() >= limit)
            return;
        out << path;
        if (depth > 8)
            return;
        if (v.isObject()) {
            for (auto it = v.fields().cbegin(); it != v.fields().cend(); ++it)
                walk(path + attributeStep(it.key()), it.value(), depth + 1);
        } else if (v.isTuple() && !v.items().isEmpty()) {
            walk(path + QStringLiteral("[0]"), v.items().constFirst(), depth + 1);
        }
    };
    if (value.isObject()) {
        for (auto it = value.fields().cbegin(); it != value.fields().cend(); ++it)
            walk(root + attributeStep(it.key()), it.value(), 1);
    } else {
        walk(root, value, 0);
    }
    return out;
}

NullProbe probeNull(const QString& expression, const EvalContext& context)
{
    NullProbe probe;
    const ExpressionSource src = ExpressionSource::parse(expression.toUtf8());
    QList<QList<const Expr*>> chains;
    collectChains(src.expr(), false, chains);
    for (const QList<const Expr*>& chain : std::as_const(chains)) {
        const std::int32_t begin = chain.constFirst()->range.begin;
        Value previous;
        QString previousText;
        for (qsizetype i = 0; i < chain.size(); ++i) {
            const QString text = sourceText(src, Range{begin, chain[i]->range.end});
            bool ok = false;
            const Value v = evaluateText(text, context, &ok);
            if (!ok)
                break;
            if (v.isNull()) {
                probe.expression = text;
                probe.message = QStringLiteral("`%1` is null").arg(text);
                if (i > 0 && previous.isObject())
                    probe.message +=
                        QStringLiteral("; `%1` has: %2")
                            .arg(previousText, previous.fields().keys().join(QStringLiteral(", ")));
                else if (i > 0 && previous.isTuple())
                    probe.message += QStringLiteral("; `%1` has %2 element(s)")
                                         .arg(previousText)
                                         .arg(previous.items().size());
                else if (i > 0)
                    probe.message += QStringLiteral("; `%1` is a %2, not an object")
                                         .arg(previousText, previous.typeName());
                return probe;
            }
            previous = v;
            previousText = text;
        }
    }
    return probe;
}

QString readPath(const QString& expression, const QString& root, const EvalContext& context)
{
    const ExpressionSource src = ExpressionSource::parse(expression.toUtf8());
    QList<QList<const Expr*>> chains;
    collectChains(src.expr(), false, chains);
    for (const QList<const Expr*>& chain : std::as_const(chains)) {
        if (sourceText(src, chain.constFirst()->name) != root || chain.size() < 2)
            continue;
        QString path;
        const std::int32_t begin = chain.constFirst()->range.begin;
        for (qsizetype i = 1; i < chain.size(); ++i) {
            bool ok = false;
            const Value v = evaluateText(sourceText(src, Range{begin, chain[i]->range.end}), context, &ok);
            if (!ok || v.isNull())
                break;
            bool isIndex = false;
            const QString key = stepKey(src, chain[i], context, &isIndex);
            if (path.isEmpty())
                path = key;
            else
                path += isIndex ? QStringLiteral("[%1]").arg(key) : attributeStep(key);
        }
        if (!path.isEmpty())
            return path;
    }
    return {};
}

ResponsePreview responsePreview(int status, const QList<QPair<QByteArray, QByteArray>>& headers,
                                const QByteArray& body)
{
    ResponsePreview p;
    p.text = QStringLiteral("HTTP ");
    p.spans.insert(QStringLiteral("status"),
                   {int(p.text.size()), int(p.text.size() + QString::number(status).size())});
    p.text += QString::number(status) + u'\n';
    for (const auto& [name, value] : headers) {
        const int begin = int(p.text.size());
        p.text += QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromLatin1(value);
        const QString key = QStringLiteral("headers") + attributeStep(QString::fromLatin1(name).toLower());
        if (!p.spans.contains(key))
            p.spans.insert(key, {begin, int(p.text.size())});
        p.text += u'\n';
    }
    p.text += u'\n';
    const int bodyBegin = int(p.text.size());
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error == QJsonParseError::NoError && !body.trimmed().isEmpty()) {
        appendJson(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()),
                   QStringLiteral("json_body"), 0, p.text, p.spans);
        p.text += u'\n';
    } else {
        p.text += QString::fromUtf8(body);
    }
    p.spans.insert(QStringLiteral("body"), {bodyBegin, int(p.text.size())});
    return p;
}

QString displayText(const QString& expression)
{
    const ExpressionSource src = ExpressionSource::parse(expression.trimmed().toUtf8());
    const Expr* e = src.expr();
    if (!e || hasErrors(src.diagnostics()) || e->kind != ExprKind::Template ||
        expression.trimmed().startsWith(u'<'))
        return expression;
    QString text;
    for (const Expr* part : e->children) {
        if (part->kind != ExprKind::TemplateText)
            return expression;
        text += part->text;
    }
    return text;
}

QString expressionFromTyped(const QString& typed)
{
    if (typed.trimmed().isEmpty())
        return {};
    const ExpressionSource src = ExpressionSource::parse(typed.toUtf8());
    const Expr* e = src.expr();
    if (!e || hasErrors(src.diagnostics()) || e->range.end < src.source().trimmed().size())
        return quoteString(typed);
    // A bare word (POST, client_credentials) is meant as text unless it starts at a variable Couper knows.
    QList<QList<const Expr*>> chains;
    collectChains(e, false, chains);
    if (e->kind == ExprKind::Variable || e->kind == ExprKind::GetAttr || e->kind == ExprKind::Index) {
        const QString root =
            chains.isEmpty() ? QString() : sourceText(src, chains.constFirst().constFirst()->name);
        if (!couperVariables(EvaluationTime::TokenResponse).contains(root))
            return quoteString(typed);
    }
    return typed;
}

std::optional<QList<QPair<QString, QString>>> objectEntries(const QString& expression)
{
    QList<QPair<QString, QString>> out;
    if (expression.trimmed().isEmpty())
        return out;
    const ExpressionSource src = ExpressionSource::parse(expression.toUtf8());
    const Expr* e = src.expr();
    if (!e || hasErrors(src.diagnostics()) || e->kind != ExprKind::Object)
        return std::nullopt;
    for (size_t i = 0; i + 1 < e->children.size(); i += 2) {
        const Expr* key = e->children[i];
        const Expr* value = e->children[i + 1];
        QString name;
        if (key->kind == ExprKind::ObjectKeyIdent) {
            name = sourceText(src, key->name.isEmpty() ? key->range : key->name);
        } else {
            const QString text = displayText(sourceText(src, key->range));
            if (text == sourceText(src, key->range))
                return std::nullopt; // a computed key
            name = text;
        }
        out.append({name, sourceText(src, value->range)});
    }
    return out;
}

QString objectExpression(const QList<QPair<QString, QString>>& entries)
{
    if (entries.isEmpty())
        return {};
    QString text = QStringLiteral("x = {\n");
    for (const auto& [key, value] : entries)
        text += QStringLiteral("  ") + (isIdentifier(key) ? key : quoteString(key)) + QStringLiteral(" = ") +
                value + u'\n';
    text += QStringLiteral("}\n");
    QString formatted = QString::fromUtf8(format(text.toUtf8()));
    formatted.remove(0, formatted.indexOf(u'{'));
    while (formatted.endsWith(u'\n'))
        formatted.chop(1);
    return formatted;
}

} // namespace Tokenbench::Core::Hcl
