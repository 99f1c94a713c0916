#include "hcl/evaluator.h"

#include <algorithm>
#include <cmath>

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>
#include <QUrl>

#include "hcl/document.h"
#include "hcl/parser.h"
#include "hcl/syntax.h"

namespace Tokenbench::Core::Hcl {

const EvalContext::Function* EvalContext::function(const QString& name) const
{
    const auto it = m_functions.constFind(name);
    return it == m_functions.cend() ? nullptr : &it.value();
}

qint64 EvalContext::now() const
{
    return m_fixedTime ? *m_fixedTime : QDateTime::currentSecsSinceEpoch();
}

QStringList EvalContext::builtinFunctions()
{
    return {QStringLiteral("base64_decode"), QStringLiteral("base64_encode"), QStringLiteral("can"),
            QStringLiteral("coalesce"), QStringLiteral("contains"), QStringLiteral("default"),
            QStringLiteral("join"), QStringLiteral("json_decode"), QStringLiteral("json_encode"),
            QStringLiteral("keys"), QStringLiteral("length"), QStringLiteral("lookup"), QStringLiteral("merge"),
            QStringLiteral("relative_url"), QStringLiteral("set_intersection"), QStringLiteral("split"),
            QStringLiteral("substr"), QStringLiteral("to_lower"), QStringLiteral("to_number"),
            QStringLiteral("to_upper"), QStringLiteral("trim"), QStringLiteral("unixtime"),
            QStringLiteral("url_decode"), QStringLiteral("url_encode"), QStringLiteral("values")};
}

namespace {

constexpr int MaxEvalDepth = 400;

QString article(const Value& v)
{
    return v.typeName();
}

// Couper's deep merge of values that all have the same collection type (`run`, in argument order):
// tuples are concatenated; objects are merged key by key, where a later value replaces the earlier
// ones unless both are collections of the same type, which are merged in turn. Every argument's content
// is visited once per level (merging pairwise would copy the growing result for every argument, which
// is quadratic for merge() of thousands of objects).
Value mergeRun(const QList<Value>& run)
{
    if (run.size() == 1)
        return run.constFirst();
    if (run.constFirst().isTuple()) {
        qsizetype total = 0;
        for (const Value& v : run)
            total += v.items().size();
        Value::List items;
        items.reserve(total);
        for (const Value& v : run)
            items += v.items();
        return Value::tuple(std::move(items));
    }
    // Per key, the values from which its result is built: the last one that cannot be merged with the
    // one before it starts a new run.
    QHash<QString, QList<Value>> runs;
    for (const Value& v : run) {
        for (auto it = v.fields().cbegin(); it != v.fields().cend(); ++it) {
            QList<Value>& r = runs[it.key()];
            if (!r.isEmpty() && !(r.constFirst().isCollection() && it->isCollection() && r.constFirst().type() == it->type()))
                r.clear();
            r.append(*it);
        }
    }
    Value::Map fields;
    for (auto it = runs.cbegin(); it != runs.cend(); ++it)
        fields.insert(it.key(), mergeRun(*it));
    return Value::object(std::move(fields));
}

Value mergeArguments(const QList<Value>& args, QString& error)
{
    QList<Value> run;
    run.reserve(args.size());
    for (const Value& v : args) {
        if (v.isNull())
            continue;
        if (!v.isCollection()) {
            error = QStringLiteral("cannot merge %1: arguments must be objects or tuples").arg(v.typeName());
            return {};
        }
        if (!run.isEmpty() && run.constFirst().type() != v.type()) {
            error = QStringLiteral("cannot merge %1 with %2: arguments must all be objects or all be tuples")
                        .arg(run.constFirst().typeName(), v.typeName());
            return {};
        }
        run.append(v);
    }
    return run.isEmpty() ? Value() : mergeRun(run);
}

QString utf8Decode(const QByteArray& bytes, bool& ok)
{
    const QString s = QString::fromUtf8(bytes);
    ok = s.toUtf8() == bytes;
    return s;
}

} // namespace

class Evaluator::Impl
{
public:
    Impl(const EvalContext& ctx, QByteArrayView src, const LineIndex* lines, QString file)
        : m_ctx(ctx), m_src(src), m_lines(lines), m_file(std::move(file))
    {
    }

    Value eval(const Expr* e)
    {
        if (!e)
            return {};
        if (m_depth > MaxEvalDepth) {
            fail(e, QStringLiteral("Expression too complex: evaluation is nested too deeply."));
            return {};
        }
        ++m_depth;
        Value v = evalInner(e);
        --m_depth;
        return v;
    }

    Diagnostics m_diags;

private:
    QString text(Range r) const
    {
        if (r.begin < 0 || r.end > m_src.size() || r.end < r.begin)
            return {};
        return QString::fromUtf8(m_src.sliced(r.begin, r.size()));
    }

    void fail(const Expr* e, const QString& message) { failAt(e ? e->range : Range{}, message); }
    void failAt(Range r, const QString& message)
    {
        Diagnostic d;
        d.severity = Diagnostic::Severity::Error;
        d.message = message;
        d.file = m_file;
        if (m_lines) {
            const SourcePos b = m_lines->position(m_src, r.begin);
            const SourcePos en = m_lines->position(m_src, r.end);
            d.line = b.line;
            d.column = b.column;
            d.endLine = en.line;
            d.endColumn = en.column;
        }
        if (m_diags.size() < 200)
            m_diags.append(d);
    }

    bool lookupLocal(const QString& name, Value& out) const
    {
        for (auto it = m_locals.crbegin(); it != m_locals.crend(); ++it)
            if (it->first == name) {
                out = it->second;
                return true;
            }
        return false;
    }

    Value evalInner(const Expr* e)
    {
        switch (e->kind) {
        case ExprKind::Invalid:
            return {};
        case ExprKind::Literal:
            switch (static_cast<LiteralKind>(e->op)) {
            case LiteralKind::Null:
                return {};
            case LiteralKind::Bool:
                return Value::boolean(e->boolValue);
            case LiteralKind::Number:
                return Value::number(e->number);
            }
            return {};
        case ExprKind::Template:
            return evalTemplate(e, true);
        case ExprKind::TemplateText:
            return Value::string(e->text);
        case ExprKind::TemplateIf:
        case ExprKind::TemplateFor: {
            QString out;
            renderPart(e, out);
            return Value::string(out);
        }
        case ExprKind::Variable: {
            const QString name = text(e->name);
            Value v;
            if (lookupLocal(name, v))
                return v;
            if (m_ctx.hasVariable(name))
                return m_ctx.variable(name);
            fail(e, QStringLiteral("Unknown variable: there is no variable named \"%1\".").arg(name));
            return {};
        }
        case ExprKind::GetAttr: {
            const Value src = eval(e->children[0]);
            return src.attribute(text(e->name)); // missing → null (Couper leniency)
        }
        case ExprKind::Index:
            return index(eval(e->children[0]), eval(e->children[1]), e);
        case ExprKind::AnonSymbol:
            return m_anon.isEmpty() ? Value() : m_anon.last();
        case ExprKind::Splat: {
            const Value src = eval(e->children[0]);
            if (src.isNull())
                return Value::tuple({});
            const Value::List items = src.isTuple() ? src.items() : Value::List{src};
            Value::List out;
            out.reserve(items.size());
            for (const Value& i : items) {
                m_anon.append(i);
                out.append(eval(e->children[1]));
                m_anon.removeLast();
            }
            return Value::tuple(std::move(out));
        }
        case ExprKind::FunctionCall:
            return call(e);
        case ExprKind::Tuple: {
            Value::List out;
            out.reserve(static_cast<qsizetype>(e->children.size()));
            for (const Expr* c : e->children)
                out.append(eval(c));
            return Value::tuple(std::move(out));
        }
        case ExprKind::Object: {
            Value::Map out;
            for (size_t i = 0; i + 1 < e->children.size(); i += 2) {
                const Expr* k = e->children[i];
                QString key;
                if (k->kind == ExprKind::ObjectKeyIdent) {
                    key = text(k->name);
                } else {
                    const Value kv = eval(k);
                    if (!kv.isNull() && !convertToString(kv, key)) {
                        fail(k, QStringLiteral("Incorrect key type: can't use this value as a key: string required, "
                                               "got %1.")
                                    .arg(article(kv)));
                        continue;
                    }
                }
                out.insert(key, eval(e->children[i + 1]));
            }
            return Value::object(std::move(out));
        }
        case ExprKind::ObjectKeyIdent:
            return Value::string(text(e->name));
        case ExprKind::For:
            return evalFor(e);
        case ExprKind::Conditional: {
            const qsizetype before = m_diags.size();
            const Value c = eval(e->children[0]);
            if (m_diags.size() > before)
                return {};
            bool b = false;
            if (c.isNull()) {
                fail(e->children[0], QStringLiteral("Null condition: the condition value is null. Conditions must "
                                                    "either be true or false."));
                return {};
            }
            if (!convertToBool(c, b)) {
                fail(e->children[0], QStringLiteral("Incorrect condition type: the condition expression must be of "
                                                    "type bool, got %1.")
                                         .arg(article(c)));
                return {};
            }
            return eval(e->children[b ? 1 : 2]);
        }
        case ExprKind::Binary:
            return binary(e);
        case ExprKind::Unary: {
            const qsizetype before = m_diags.size();
            const Value v = eval(e->children[0]);
            if (m_diags.size() > before)
                return {};
            if (static_cast<UnaryOp>(e->op) == UnaryOp::Not) {
                bool b = false;
                if (!convertToBool(v, b)) {
                    fail(e->children[0], QStringLiteral("Invalid operand: unsuitable value for unary operand: a bool "
                                                        "is required, got %1.")
                                             .arg(article(v)));
                    return {};
                }
                return Value::boolean(!b);
            }
            double n = 0;
            if (!convertToNumber(v, n)) {
                fail(e->children[0], QStringLiteral("Invalid operand: unsuitable value for unary operand: a number is "
                                                    "required, got %1.")
                                         .arg(article(v)));
                return {};
            }
            return Value::number(-n);
        }
        case ExprKind::Parens:
            return eval(e->children[0]);
        }
        return {};
    }

    Value index(const Value& coll, const Value& key, const Expr* e)
    {
        if (coll.isNull() || key.isNull())
            return {};
        if (coll.isTuple()) {
            double n = 0;
            if (!convertToNumber(key, n)) {
                fail(e->children[1], QStringLiteral("Invalid index: a number is required to index a tuple, got %1.")
                                         .arg(article(key)));
                return {};
            }
            if (n < 0 || n != std::trunc(n) || n >= static_cast<double>(coll.items().size()))
                return {}; // out of range → null (Couper leniency)
            return coll.items().at(static_cast<qsizetype>(n));
        }
        if (coll.isObject()) {
            QString k;
            if (!convertToString(key, k)) {
                fail(e->children[1], QStringLiteral("Invalid index: a string is required to index an object, got %1.")
                                         .arg(article(key)));
                return {};
            }
            return coll.attribute(k);
        }
        return {};
    }

    Value binary(const Expr* e)
    {
        const auto op = static_cast<BinaryOp>(e->op);
        if (op == BinaryOp::And || op == BinaryOp::Or) {
            const qsizetype before = m_diags.size();
            const Value l = eval(e->children[0]);
            const Value r = eval(e->children[1]);
            if (m_diags.size() > before)
                return {};
            bool lb = false, rb = false;
            if (!convertToBool(l, lb)) {
                fail(e->children[0], QStringLiteral("Invalid operand: unsuitable value for left operand: a bool is "
                                                    "required, got %1.")
                                         .arg(article(l)));
                return {};
            }
            if (!convertToBool(r, rb)) {
                fail(e->children[1], QStringLiteral("Invalid operand: unsuitable value for right operand: a bool is "
                                                    "required, got %1.")
                                         .arg(article(r)));
                return {};
            }
            return Value::boolean(op == BinaryOp::And ? (lb && rb) : (lb || rb));
        }
        const qsizetype before = m_diags.size();
        const Value l = eval(e->children[0]);
        const Value r = eval(e->children[1]);
        if (m_diags.size() > before)
            return {}; // an operand already failed; do not pile up follow-up errors
        if (op == BinaryOp::Equal)
            return Value::boolean(l == r);
        if (op == BinaryOp::NotEqual)
            return Value::boolean(l != r);
        double a = 0, b = 0;
        if (!convertToNumber(l, a)) {
            fail(e->children[0], QStringLiteral("Invalid operand: unsuitable value for left operand: a number is "
                                                "required, got %1.")
                                     .arg(article(l)));
            return {};
        }
        if (!convertToNumber(r, b)) {
            fail(e->children[1], QStringLiteral("Invalid operand: unsuitable value for right operand: a number is "
                                                "required, got %1.")
                                     .arg(article(r)));
            return {};
        }
        switch (op) {
        case BinaryOp::Less: return Value::boolean(a < b);
        case BinaryOp::LessEqual: return Value::boolean(a <= b);
        case BinaryOp::Greater: return Value::boolean(a > b);
        case BinaryOp::GreaterEqual: return Value::boolean(a >= b);
        case BinaryOp::Add: return Value::number(a + b);
        case BinaryOp::Subtract: return Value::number(a - b);
        case BinaryOp::Multiply: return Value::number(a * b);
        case BinaryOp::Divide:
            if (b == 0) {
                fail(e, QStringLiteral("Error in function call: can't divide by zero."));
                return {};
            }
            return Value::number(a / b);
        case BinaryOp::Modulo:
            if (b == 0) {
                fail(e, QStringLiteral("Error in function call: can't use modulo by zero."));
                return {};
            }
            return Value::number(std::fmod(a, b));
        case BinaryOp::Or:
        case BinaryOp::And:
        case BinaryOp::Equal:
        case BinaryOp::NotEqual:
            break;
        }
        return {};
    }

    // A template made of one interpolation only yields the value itself (HCL's template wrap).
    Value evalTemplate(const Expr* e, bool allowWrap)
    {
        if (allowWrap && e->children.size() == 1) {
            const Expr* only = e->children[0];
            if (only->kind != ExprKind::TemplateText && only->kind != ExprKind::TemplateIf
                && only->kind != ExprKind::TemplateFor)
                return eval(only);
        }
        QString out;
        for (const Expr* p : e->children)
            renderPart(p, out);
        return Value::string(out);
    }

    void renderPart(const Expr* p, QString& out)
    {
        switch (p->kind) {
        case ExprKind::TemplateText:
            out += p->text;
            return;
        case ExprKind::TemplateIf: {
            const Value c = eval(p->children[0]);
            bool b = false;
            if (!convertToBool(c, b)) {
                fail(p->children[0], QStringLiteral("Invalid template if condition: the condition must be a bool, got "
                                                    "%1.")
                                         .arg(article(c)));
                return;
            }
            const Expr* branch = p->children[b ? 1 : 2];
            if (branch)
                for (const Expr* part : branch->children)
                    renderPart(part, out);
            return;
        }
        case ExprKind::TemplateFor: {
            const Value coll = eval(p->children[0]);
            if (!coll.isCollection()) {
                fail(p->children[0], QStringLiteral("Invalid template for collection: a tuple or object is required, "
                                                    "got %1.")
                                         .arg(article(coll)));
                return;
            }
            iterate(p, coll, [&]() {
                for (const Expr* part : p->children[1]->children)
                    renderPart(part, out);
                return true;
            });
            return;
        }
        default:
            break;
        }
        const qsizetype before = m_diags.size();
        const Value v = eval(p);
        if (v.isNull() || m_diags.size() > before)
            return; // Couper renders null as nothing
        QString s;
        if (!convertToString(v, s)) {
            fail(p, QStringLiteral("Invalid template interpolation value: cannot include the given value in a string "
                                   "template: string required, got %1.")
                        .arg(article(v)));
            return;
        }
        out += s;
    }

    // Binds the for variables for each element of coll and calls body; stops when body returns false.
    template<typename F>
    void iterate(const Expr* e, const Value& coll, F body)
    {
        const QString keyName = e->name.isEmpty() ? QString() : text(e->name);
        const QString valueName = text(e->name2);
        const auto run = [&](const Value& k, const Value& v) {
            if (!keyName.isEmpty())
                m_locals.append({keyName, k});
            m_locals.append({valueName, v});
            const bool go = body();
            m_locals.removeLast();
            if (!keyName.isEmpty())
                m_locals.removeLast();
            return go;
        };
        if (coll.isTuple()) {
            for (qsizetype i = 0; i < coll.items().size(); ++i)
                if (!run(Value::number(static_cast<double>(i)), coll.items()[i]))
                    return;
        } else {
            for (auto it = coll.fields().cbegin(); it != coll.fields().cend(); ++it)
                if (!run(Value::string(it.key()), it.value()))
                    return;
        }
    }

    Value evalFor(const Expr* e)
    {
        const Value coll = eval(e->children[0]);
        if (coll.isNull()) {
            fail(e->children[0], QStringLiteral("Iteration over null value: a null value cannot be used as the "
                                                "collection in a 'for' expression."));
            return {};
        }
        if (!coll.isCollection()) {
            fail(e->children[0], QStringLiteral("Iteration over non-iterable value: a value of type %1 cannot be used as "
                                                "the collection in a 'for' expression.")
                                     .arg(coll.typeName()));
            return {};
        }
        const bool isObject = e->op & ForFlags::Object;
        const bool grouping = e->op & ForFlags::Grouping;
        Value::List tupleOut;
        Value::Map objOut;
        QMap<QString, Value::List> groups;
        iterate(e, coll, [&]() {
            if (e->children[3]) {
                const Value c = eval(e->children[3]);
                bool b = false;
                if (!convertToBool(c, b)) {
                    fail(e->children[3], QStringLiteral("Invalid 'for' condition: the filter expression must be a bool, "
                                                        "got %1.")
                                             .arg(article(c)));
                    return false;
                }
                if (!b)
                    return true;
            }
            if (!isObject) {
                tupleOut.append(eval(e->children[2]));
                return true;
            }
            const Value k = eval(e->children[1]);
            QString key;
            if (!convertToString(k, key)) {
                fail(e->children[1], QStringLiteral("Invalid object key: the key expression produced %1, but a string is "
                                                    "required.")
                                         .arg(article(k)));
                return false;
            }
            const Value v = eval(e->children[2]);
            if (grouping) {
                groups[key].append(v);
            } else if (objOut.contains(key)) {
                fail(e->children[1], QStringLiteral("Duplicate object key: two different items produced the key \"%1\" "
                                                    "in this 'for' expression. If duplicates are expected, use the "
                                                    "ellipsis (...) after the value expression to enable grouping by key.")
                                         .arg(key));
                return false;
            } else {
                objOut.insert(key, v);
            }
            return true;
        });
        if (!isObject)
            return Value::tuple(std::move(tupleOut));
        if (grouping)
            for (auto it = groups.cbegin(); it != groups.cend(); ++it)
                objOut.insert(it.key(), Value::tuple(it.value()));
        return Value::object(std::move(objOut));
    }

    // ---- functions ------------------------------------------------------------------------------

    Value call(const Expr* e)
    {
        const QString name = text(e->name);
        if (name == u"can") {
            if (e->children.size() != 1) {
                fail(e, QStringLiteral("Wrong number of function arguments: function \"can\" expects 1 argument."));
                return {};
            }
            const qsizetype before = m_diags.size();
            eval(e->children[0]);
            const bool ok = m_diags.size() == before;
            m_diags.resize(before);
            return Value::boolean(ok);
        }
        QList<Value> args;
        args.reserve(static_cast<qsizetype>(e->children.size()));
        const qsizetype before = m_diags.size();
        for (const Expr* a : e->children)
            args.append(eval(a));
        if (m_diags.size() > before)
            return {};
        if (e->op == 1 && !args.isEmpty()) {
            const Value last = args.takeLast();
            if (!last.isTuple() && !last.isNull()) {
                fail(e->children.back(), QStringLiteral("Invalid expanding argument value: the expanding argument (...) "
                                                        "must be a tuple, got %1.")
                                             .arg(article(last)));
                return {};
            }
            args += last.items();
        }
        if (const EvalContext::Function* f = m_ctx.function(name)) {
            QString error;
            Value v = (*f)(args, error);
            if (!error.isEmpty()) {
                fail(e, QStringLiteral("Error in function call: call to function \"%1\" failed: %2.").arg(name, error));
                return {};
            }
            return v;
        }
        QString error;
        bool known = true;
        Value v = builtin(name, args, error, known);
        if (!known) {
            failAt(e->name, QStringLiteral("Call to unknown function: there is no function named \"%1\".").arg(name));
            return {};
        }
        if (!error.isEmpty()) {
            fail(e, QStringLiteral("Error in function call: call to function \"%1\" failed: %2.").arg(name, error));
            return {};
        }
        return v;
    }

    static bool arity(const QList<Value>& args, int min, int max, QString& error)
    {
        if (args.size() < min) {
            error = QStringLiteral("not enough arguments (%1 required)").arg(min);
            return false;
        }
        if (max >= 0 && args.size() > max) {
            error = QStringLiteral("too many arguments (at most %1)").arg(max);
            return false;
        }
        return true;
    }

    static bool str(const Value& v, QString& out, QString& error, int index)
    {
        if (convertToString(v, out))
            return true;
        error = QStringLiteral("argument %1: a string is required, got %2").arg(index + 1).arg(v.typeName());
        return false;
    }

    Value builtin(const QString& name, const QList<Value>& a, QString& err, bool& known)
    {
        QString s, t;
        if (name == u"default" || name == u"coalesce") {
            if (!arity(a, 1, -1, err))
                return {};
            for (const Value& v : a)
                if (!v.isNull() && !(v.isString() && v.toStr().isEmpty()))
                    return v;
            return a.last();
        }
        if (name == u"base64_encode") {
            if (!arity(a, 1, 1, err) || !str(a[0], s, err, 0))
                return {};
            return Value::string(QString::fromLatin1(s.toUtf8().toBase64()));
        }
        if (name == u"base64_decode") {
            if (!arity(a, 1, 1, err) || !str(a[0], s, err, 0))
                return {};
            const auto r = QByteArray::fromBase64Encoding(s.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (!r) {
                err = QStringLiteral("failed to decode base64 data \"%1\"").arg(s);
                return {};
            }
            bool ok = false;
            const QString decoded = utf8Decode(*r, ok);
            if (!ok) {
                err = QStringLiteral("the result of decoding the provided string is not valid UTF-8");
                return {};
            }
            return Value::string(decoded);
        }
        if (name == u"json_encode") {
            if (!arity(a, 1, 1, err))
                return {};
            return Value::string(a[0].toJson());
        }
        if (name == u"json_decode") {
            if (!arity(a, 1, 1, err) || !str(a[0], s, err, 0))
                return {};
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson('[' + s.toUtf8() + ']', &pe);
            if (pe.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1) {
                err = QStringLiteral("invalid JSON: %1").arg(pe.errorString());
                return {};
            }
            return Value::fromJson(doc.array().at(0));
        }
        if (name == u"url_encode") {
            if (!arity(a, 1, 1, err) || !str(a[0], s, err, 0))
                return {};
            return Value::string(QString::fromLatin1(QUrl::toPercentEncoding(s)));
        }
        if (name == u"url_decode") {
            if (!arity(a, 1, 1, err) || !str(a[0], s, err, 0))
                return {};
            QByteArray in = s.toUtf8();
            QByteArray out;
            for (qsizetype i = 0; i < in.size(); ++i) {
                const char c = in[i];
                if (c == '+') {
                    out += ' ';
                } else if (c == '%') {
                    bool ok = false;
                    const int v = i + 2 < in.size() ? in.mid(i + 1, 2).toInt(&ok, 16) : 0;
                    if (!ok) {
                        err = QStringLiteral("invalid URL escape \"%1\"").arg(QString::fromUtf8(in.mid(i, 3)));
                        return {};
                    }
                    out += static_cast<char>(v);
                    i += 2;
                } else {
                    out += c;
                }
            }
            return Value::string(QString::fromUtf8(out));
        }
        if (name == u"to_lower" || name == u"to_upper") {
            if (!arity(a, 1, 1, err) || !str(a[0], s, err, 0))
                return {};
            return Value::string(name == u"to_lower" ? s.toLower() : s.toUpper());
        }
        if (name == u"to_number") {
            if (!arity(a, 1, 1, err))
                return {};
            double n = 0;
            if (!convertToNumber(a[0], n)) {
                err = QStringLiteral("cannot convert %1 to number").arg(a[0].isString() ? quoteString(a[0].toStr()) : a[0].typeName());
                return {};
            }
            return Value::number(n);
        }
        if (name == u"split") {
            if (!arity(a, 2, 2, err) || !str(a[0], s, err, 0) || !str(a[1], t, err, 1))
                return {};
            Value::List out;
            if (s.isEmpty()) {
                // Go's strings.Split with an empty separator splits into characters.
                for (const char32_t c : t.toUcs4())
                    out.append(Value::string(QString::fromUcs4(&c, 1)));
                return Value::tuple(std::move(out));
            }
            for (const QString& part : t.split(s))
                out.append(Value::string(part));
            return Value::tuple(std::move(out));
        }
        if (name == u"join") {
            if (!arity(a, 2, -1, err) || !str(a[0], s, err, 0))
                return {};
            QStringList parts;
            for (int i = 1; i < a.size(); ++i) {
                if (!a[i].isTuple()) {
                    err = QStringLiteral("argument %1: a list is required, got %2").arg(i + 1).arg(a[i].typeName());
                    return {};
                }
                for (const Value& v : a[i].items()) {
                    QString p;
                    if (!convertToString(v, p)) {
                        err = QStringLiteral("element of argument %1: a string is required, got %2").arg(i + 1).arg(v.typeName());
                        return {};
                    }
                    parts << p;
                }
            }
            return Value::string(parts.join(s));
        }
        if (name == u"merge")
            return mergeArguments(a, err);
        if (name == u"contains") {
            if (!arity(a, 2, 2, err))
                return {};
            if (!a[0].isTuple()) {
                err = QStringLiteral("argument 1: a list is required, got %1").arg(a[0].typeName());
                return {};
            }
            return Value::boolean(a[0].items().contains(a[1]));
        }
        if (name == u"length") {
            if (!arity(a, 1, 1, err))
                return {};
            if (a[0].isTuple())
                return Value::number(static_cast<double>(a[0].items().size()));
            err = QStringLiteral("collection must be a list, tuple, set or map, got %1").arg(a[0].typeName());
            return {};
        }
        if (name == u"keys" || name == u"values") {
            if (!arity(a, 1, 1, err))
                return {};
            if (!a[0].isObject()) {
                err = QStringLiteral("an object or map is required, got %1").arg(a[0].typeName());
                return {};
            }
            Value::List out;
            for (auto it = a[0].fields().cbegin(); it != a[0].fields().cend(); ++it)
                out.append(name == u"keys" ? Value::string(it.key()) : it.value());
            return Value::tuple(std::move(out));
        }
        if (name == u"lookup") {
            if (!arity(a, 2, 3, err) || !str(a[1], s, err, 1))
                return {};
            if (!a[0].isObject()) {
                err = QStringLiteral("argument 1: an object or map is required, got %1").arg(a[0].typeName());
                return {};
            }
            if (a[0].fields().contains(s))
                return a[0].fields().value(s);
            if (a.size() == 3)
                return a[2];
            err = QStringLiteral("the given key \"%1\" does not exist").arg(s);
            return {};
        }
        if (name == u"substr") {
            if (!arity(a, 3, 3, err) || !str(a[0], s, err, 0))
                return {};
            double off = 0, len = 0;
            if (!convertToNumber(a[1], off) || !convertToNumber(a[2], len)) {
                err = QStringLiteral("offset and length must be numbers");
                return {};
            }
            const QList<uint> chars = s.toUcs4();
            const auto n = static_cast<qint64>(chars.size());
            if (!std::isfinite(off) || !std::isfinite(len)) {
                err = QStringLiteral("offset and length must be finite numbers");
                return {};
            }
            // Clamp before converting: out-of-range double → integer conversions are undefined.
            auto o = static_cast<qint64>(std::clamp(off, -1e15, 1e15));
            auto l = static_cast<qint64>(std::clamp(len, -1e15, 1e15));
            if (o < 0)
                o += n;
            if (o < 0 || o > n) {
                err = QStringLiteral("offset %1 is out of range").arg(formatNumber(off));
                return {};
            }
            if (l < 0 || o + l > n)
                l = n - o;
            QString out;
            for (qint64 i = o; i < o + l; ++i) {
                const char32_t c = chars[static_cast<qsizetype>(i)];
                out += QString::fromUcs4(&c, 1);
            }
            return Value::string(out);
        }
        if (name == u"trim") {
            if (!arity(a, 1, 1, err) || !str(a[0], s, err, 0))
                return {};
            return Value::string(s.trimmed());
        }
        if (name == u"unixtime") {
            if (!arity(a, 0, 0, err))
                return {};
            return Value::number(static_cast<double>(m_ctx.now()));
        }
        if (name == u"set_intersection") {
            if (!arity(a, 1, -1, err))
                return {};
            for (const Value& v : a)
                if (!v.isTuple()) {
                    err = QStringLiteral("arguments must be lists or sets, got %1").arg(v.typeName());
                    return {};
                }
            Value::List out;
            for (const Value& candidate : a[0].items()) {
                if (out.contains(candidate))
                    continue;
                bool everywhere = true;
                for (int i = 1; i < a.size() && everywhere; ++i)
                    everywhere = a[i].items().contains(candidate);
                if (everywhere)
                    out.append(candidate);
            }
            return Value::tuple(std::move(out));
        }
        if (name == u"relative_url") {
            if (!arity(a, 1, 1, err) || !str(a[0], s, err, 0))
                return {};
            if (s.startsWith(u'/') && !s.startsWith(QStringLiteral("//")))
                return Value::string(s);
            const QUrl u(s, QUrl::StrictMode);
            if (!u.isValid() || u.scheme().isEmpty()) {
                err = QStringLiteral("invalid url given: %1").arg(quoteString(s));
                return {};
            }
            QString out = u.path(QUrl::FullyEncoded);
            if (!out.startsWith(u'/'))
                out.prepend(u'/');
            if (u.hasQuery())
                out += u'?' + u.query(QUrl::FullyEncoded);
            if (u.hasFragment())
                out += u'#' + u.fragment(QUrl::FullyEncoded);
            return Value::string(out);
        }
        known = false;
        return {};
    }

    const EvalContext& m_ctx;
    QByteArrayView m_src;
    const LineIndex* m_lines;
    QString m_file;
    int m_depth = 0;
    QList<std::pair<QString, Value>> m_locals;
    QList<Value> m_anon;
};

Evaluator::Evaluator(const EvalContext& context, QByteArrayView source, const LineIndex* lines, QString fileName)
    : m_impl(std::make_unique<Impl>(context, source, lines, std::move(fileName)))
{
}

Evaluator::~Evaluator() = default;

EvalResult Evaluator::evaluate(const Expr* expr)
{
    m_impl->m_diags.clear();
    EvalResult r;
    r.value = m_impl->eval(expr);
    r.diagnostics = m_impl->m_diags;
    return r;
}

EvalResult evaluate(const Document& document, const Expr* expr, const EvalContext& context)
{
    Evaluator ev(context, document.source(), &document.lines(), document.fileName());
    return ev.evaluate(expr);
}

EvalResult evaluate(const ExpressionSource& expression, const EvalContext& context)
{
    const LineIndex lines(expression.source());
    Evaluator ev(context, expression.source(), &lines, {});
    EvalResult r = ev.evaluate(expression.expr());
    r.diagnostics = expression.diagnostics() + r.diagnostics;
    return r;
}

EvalResult evaluateExpression(const QString& text, const EvalContext& context)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.contains("<<") && !bytes.endsWith('\n'))
        bytes += '\n'; // a heredoc's closing marker needs its line end (attribute text is kept without it)
    const ExpressionSource src = ExpressionSource::parse(bytes);
    if (hasErrors(src.diagnostics()))
        return EvalResult{{}, src.diagnostics()};
    return evaluate(src, context);
}

} // namespace Tokenbench::Core::Hcl
