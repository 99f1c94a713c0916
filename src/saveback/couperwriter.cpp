#include "saveback/couperwriter.h"

#include "model/couperfile.h"
#include "model/couperfilesettings.h"
#include "model/couperconfig.h"
#include "hcl/document.h"
#include "hcl/formatter.h"
#include "model/schema.h"
#include "model/secretliterals.h"
#include "model/valueresolver.h"

#include <algorithm>
#include <functional>
#include <vector>

#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Tokenbench::Core::Hcl {

namespace {

// Attributes of a new block in the order people write them; the rest follow alphabetically.
const QStringList PreferredOrder{
    QStringLiteral("origin"),
    QStringLiteral("hostname"),
    QStringLiteral("path"),
    QStringLiteral("grant_type"),
    QStringLiteral("token_endpoint"),
    QStringLiteral("token_endpoint_auth_method"),
    QStringLiteral("client_id"),
    QStringLiteral("client_secret"),
    QStringLiteral("username"),
    QStringLiteral("password"),
    QStringLiteral("scope"),
    QStringLiteral("backend"),
    QStringLiteral("url"),
    QStringLiteral("method"),
    QStringLiteral("headers"),
    QStringLiteral("query_params"),
    QStringLiteral("body"),
    QStringLiteral("json_body"),
    QStringLiteral("form_body"),
    QStringLiteral("expected_status"),
    QStringLiteral("token"),
    QStringLiteral("ttl"),
};

QStringList orderedNames(const Block& b)
{
    QStringList names = b.attributes.keys();
    std::stable_sort(names.begin(), names.end(), [](const QString& x, const QString& y) {
        const qsizetype ix = PreferredOrder.indexOf(x);
        const qsizetype iy = PreferredOrder.indexOf(y);
        if (ix >= 0 && iy >= 0)
            return ix < iy;
        if ((ix >= 0) != (iy >= 0))
            return ix >= 0;
        return x < y;
    });
    return names;
}

bool isHeredoc(const QString& expression)
{
    return expression.trimmed().startsWith(QStringLiteral("<<"));
}

// Continuation lines of a multi-line expression, moved to `indent` (their common indentation removed
// first, so text from the file and text from a form come out alike).
QByteArray reindent(const QString& expression, const QByteArray& indent)
{
    QByteArray text = expression.toUtf8();
    if (!text.contains('\n') || isHeredoc(expression))
        return text;
    QList<QByteArray> lines = text.split('\n');
    qsizetype common = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray& l = lines[i];
        if (l.trimmed().isEmpty())
            continue;
        qsizetype n = 0;
        while (n < l.size() && (l[n] == ' ' || l[n] == '\t'))
            ++n;
        common = common < 0 ? n : std::min(common, n);
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray& l = lines[i];
        if (l.trimmed().isEmpty()) {
            l.clear();
            continue;
        }
        l = indent + l.mid(std::max<qsizetype>(common, 0));
    }
    return lines.join('\n');
}

QByteArray lineIndent(const Document& d, std::int32_t offset)
{
    const QByteArray& src = d.source();
    std::int32_t start = offset;
    while (start > 0 && src[start - 1] != '\n')
        --start;
    std::int32_t end = start;
    while (end < src.size() && (src[end] == ' ' || src[end] == '\t'))
        ++end;
    return src.mid(start, end - start);
}

// The value of an expression that is a plain quoted string.
bool stringLiteral(const QString& expression, QString* out)
{
    const ExpressionSource e = ExpressionSource::parse(expression.trimmed().toUtf8());
    if (!e.expr() || hasErrors(e.diagnostics()) || e.expr()->kind != ExprKind::Template)
        return false;
    QString text;
    for (const Expr* part : e.expr()->children) {
        if (part->kind != ExprKind::TemplateText)
            return false;
        text += part->text;
    }
    *out = text;
    return true;
}

bool keyAfter(const NodePath& a, const NodePath& b)
{
    return std::lexicographical_compare(b.cbegin(), b.cend(), a.cbegin(), a.cend());
}

// The keys of an object constructor (bare names or plain strings) with their value expressions, in order;
// false when the expression is not such an object.
bool objectItems(const Expr* e, const std::function<QString(Range)>& text, QList<QPair<QString, const Expr*>>* out)
{
    if (!e || e->kind != ExprKind::Object)
        return false;
    for (size_t i = 0; i + 1 < e->children.size(); i += 2) {
        const Expr* key = e->children[i];
        QString name;
        if (key->kind == ExprKind::ObjectKeyIdent) {
            name = text(key->name.isEmpty() ? key->range : key->name);
        } else if (key->kind == ExprKind::Template) {
            for (const Expr* part : key->children) {
                if (part->kind != ExprKind::TemplateText)
                    return false;
                name += part->text;
            }
        } else {
            return false;
        }
        out->append({name, e->children[i + 1]});
    }
    return true;
}

// When the attribute and `expression` are object constructors with the same keys in the same order,
// replaces only the values that differ (comments, layout and the other entries stay byte for byte).
bool replaceObjectValues(Document& d, const AttributeNode* a, const QString& expression)
{
    const ExpressionSource next = ExpressionSource::parse(expression.trimmed().toUtf8());
    if (!a->expr || !next.expr() || hasErrors(next.diagnostics()))
        return false;
    QList<QPair<QString, const Expr*>> before;
    QList<QPair<QString, const Expr*>> after;
    const auto docText = [&d](Range r) { return d.text(r); };
    const auto nextText = [&next](Range r) {
        return QString::fromUtf8(next.source().mid(r.begin, r.end - r.begin));
    };
    if (!objectItems(a->expr, docText, &before) || !objectItems(next.expr(), nextText, &after) ||
        before.size() != after.size() || before.isEmpty())
        return false;
    QList<QPair<Range, QByteArray>> edits;
    for (qsizetype i = 0; i < before.size(); ++i) {
        if (before[i].first != after[i].first)
            return false;
        const QString old = docText(before[i].second->range);
        const QString now = nextText(after[i].second->range);
        if (old != now)
            edits.append({before[i].second->range, reindent(now, lineIndent(d, before[i].second->range.begin))});
    }
    // Back to front: an edit moves only the bytes after it.
    for (qsizetype i = edits.size() - 1; i >= 0; --i)
        d.replace(edits[i].first, edits[i].second);
    return true;
}

struct Op
{
    NodePath key;
    std::function<Result<void>(Document&)> apply;
};

Error gone(const QString& what)
{
    return Error{Error::Code::Format, QStringLiteral("%1 is no longer where the file had it").arg(what), {}};
}

class Writer
{
public:
    std::vector<Op> ops;
    QList<WorkspaceFile::Substitution> substitutions;
    QList<QPair<QString, QString>> secrets;
    QStringList notes;
    QHash<QString, QList<QPair<QString, QString>>> taken; // per backend: env names in use, with their values

    // The text an attribute gets; typed secrets become env.NAME references.
    QString valueText(const QString& blockType, const QString& name, const QString& value,
                      const QString& backend, const QString& blockPath)
    {
        if (Schema::isSecret(blockType, name) && !value.isEmpty() &&
            !ValueResolver::isReference(value.trimmed())) {
            // An expression (assertion = jwt_sign(...)) stays; a literal is the secret itself.
            QString secret = value;
            if (!holdsValue(blockType, name, value) && !stringLiteral(value, &secret))
                return value;
            const QString variable = ValueResolver::suggestName(backend, name);
            substitutions.append(WorkspaceFile::Substitution{backend, blockPath, name, variable, secret, {}});
            secrets.append({variable, secret});
            return ValueResolver::makeReference(variable);
        }
        if (SecretLiterals::isCredentialMap(blockType, name)) {
            // Credentials typed into a header / query / form map: env.NAME in the file, values to the keychain.
            const SecretLiterals::Rewritten r =
                SecretLiterals::moveToReferences(blockType, name, value, backend, &taken[backend]);
            for (const SecretLiterals::Moved& m : r.moved) {
                substitutions.append(WorkspaceFile::Substitution{backend, blockPath, name, m.variable, m.value, m.key});
                if (!secrets.contains(QPair<QString, QString>{m.variable, m.value}))
                    secrets.append({m.variable, m.value});
            }
            return expressionFor(blockType, name, r.text);
        }
        return expressionFor(blockType, name, value);
    }

    QString bodyText(const Block& b, const QString& backend, const QString& blockPath)
    {
        // Formatted as a whole block, then the body taken out (addBlock indents it).
        const QString text = formatBlockWith(b, backend, blockPath);
        QStringList lines = text.split(u'\n');
        if (lines.size() < 3)
            return {};
        lines.removeFirst();
        while (!lines.isEmpty() && lines.constLast().trimmed() != u"}")
            lines.removeLast();
        if (!lines.isEmpty())
            lines.removeLast();
        for (QString& l : lines) {
            if (l.startsWith(QStringLiteral("  ")))
                l.remove(0, 2);
        }
        return lines.join(u'\n');
    }

    QString formatBlockWith(const Block& b, const QString& backend, const QString& blockPath)
    {
        QString text = rawBlock(b, backend, blockPath, 0);
        return QString::fromUtf8(format(text.toUtf8()));
    }

    QString rawBlock(const Block& b, const QString& backend, const QString& blockPath, int depth)
    {
        const QString ind(depth * 2, u' ');
        QString header = ind + b.type;
        if (!b.label.isEmpty())
            header += u' ' + quoteString(b.label);
        QString out = header + QStringLiteral(" {\n");
        for (const QString& name : orderedNames(b)) {
            const QString expr = valueText(b.type, name, b.attributes.value(name), backend, blockPath);
            out += ind + QStringLiteral("  ") + name + QStringLiteral(" = ") +
                   QString::fromUtf8(reindent(expr, (ind + QStringLiteral("  ")).toUtf8())) + u'\n';
        }
        for (const Block& child : b.blocks) {
            if (!b.attributes.isEmpty() || &child != &b.blocks.constFirst())
                out += u'\n';
            out += rawBlock(child, backend, blockPath.isEmpty() ? child.type : blockPath + u'.' + child.type,
                            depth + 1);
        }
        out += ind + QStringLiteral("}\n");
        return out;
    }

    void diffBlock(const SyntaxLink& link, const Block& o, const Block& e, const QString& backend,
                   const QString& blockPath)
    {
        const QString schemaType = o.type;
        // Attributes.
        QStringList names = o.attributes.keys();
        for (const QString& n : e.attributes.keys()) {
            if (!names.contains(n))
                names << n;
        }
        for (const QString& name : std::as_const(names)) {
            const bool inO = o.attributes.contains(name);
            const bool inE = e.attributes.contains(name);
            if (inO && inE && o.attributes.value(name) == e.attributes.value(name) &&
                o.expressions.value(name) == e.expressions.value(name))
                continue;
            const NodePath path = link.attributes.value(name);
            if (inE) {
                // An expression is written as its source, never as the value it had.
                const QString expr = e.hasExpression(name)
                                         ? e.expression(name)
                                         : valueText(schemaType, name, e.attributes.value(name), backend, blockPath);
                if (inO && !path.isEmpty()) {
                    ops.push_back({path, [path, expr, name](Document& d) -> Result<void> {
                                       const AttributeNode* a = d.attributeAt(path);
                                       if (!a)
                                           return gone(name);
                                       // An object whose keys stay: only the changed values' bytes change.
                                       if (replaceObjectValues(d, a, expr))
                                           return {};
                                       return d.setAttributeExpression(
                                           a,
                                           QString::fromUtf8(reindent(expr, lineIndent(d, a->range.begin))));
                                   }});
                } else {
                    const NodePath parent = link.block;
                    ops.push_back({parent + NodePath{-1}, [parent, expr, name](Document& d) -> Result<void> {
                                       const BlockNode* b = d.blockAt(parent);
                                       if (!b)
                                           return gone(name);
                                       const QByteArray ind = lineIndent(d, b->range.begin) + "  ";
                                       return d.addAttribute(b, name, QString::fromUtf8(reindent(expr, ind)));
                                   }});
                }
            } else if (!path.isEmpty()) {
                ops.push_back({path, [path, name](Document& d) -> Result<void> {
                                   const AttributeNode* a = d.attributeAt(path);
                                   if (!a)
                                       return gone(name);
                                   return d.removeAttribute(a);
                               }});
            }
        }

        // Child blocks: the same type and label first, then the same type in order (a changed label).
        QList<int> matchOfE(e.blocks.size(), -1);
        QList<bool> usedO(o.blocks.size(), false);
        for (int pass = 0; pass < 2; ++pass) {
            for (qsizetype ei = 0; ei < e.blocks.size(); ++ei) {
                if (matchOfE[ei] >= 0)
                    continue;
                for (qsizetype oi = 0; oi < o.blocks.size(); ++oi) {
                    if (usedO[oi] || o.blocks[oi].type != e.blocks[ei].type ||
                        (pass == 0 && o.blocks[oi].label != e.blocks[ei].label))
                        continue;
                    matchOfE[ei] = int(oi);
                    usedO[oi] = true;
                    break;
                }
            }
        }
        for (qsizetype ei = 0; ei < e.blocks.size(); ++ei) {
            const Block& eb = e.blocks[ei];
            const QString childPath = blockPath.isEmpty() ? eb.type : blockPath + u'.' + eb.type;
            if (matchOfE[ei] >= 0) {
                const int oi = matchOfE[ei];
                if (oi >= link.blocks.size())
                    continue;
                const SyntaxLink& childLink = link.blocks[oi];
                if (o.blocks[oi].label != eb.label)
                    relabel(childLink.block, eb.label);
                if (o.blocks[oi] != eb)
                    diffBlock(childLink, o.blocks[oi], eb, backend, childPath);
                continue;
            }
            const QString body = bodyText(eb, backend, childPath);
            const NodePath parent = link.block;
            const QString type = eb.type;
            const QStringList labels = eb.label.isEmpty() ? QStringList() : QStringList{eb.label};
            ops.push_back({parent + NodePath{-1}, [parent, type, labels, body](Document& d) -> Result<void> {
                               const BlockNode* b = d.blockAt(parent);
                               if (!b)
                                   return gone(type);
                               return d.addBlock(b, type, labels, body);
                           }});
        }
        for (qsizetype oi = 0; oi < o.blocks.size(); ++oi) {
            if (usedO[oi] || oi >= link.blocks.size())
                continue;
            const NodePath path = link.blocks[oi].block;
            const QString type = o.blocks[oi].type;
            ops.push_back({path, [path, type](Document& d) -> Result<void> {
                               const BlockNode* b = d.blockAt(path);
                               if (!b)
                                   return gone(type);
                               return d.removeBlock(b);
                           }});
        }
    }

    void relabel(const NodePath& path, const QString& label)
    {
        ops.push_back({path, [path, label](Document& d) -> Result<void> {
                           const BlockNode* b = d.blockAt(path);
                           if (!b)
                               return gone(QStringLiteral("a block"));
                           if (!b->labels.empty()) {
                               if (label.isEmpty())
                                   d.replace(Range{b->type.end, b->labels[0].end}, {});
                               else
                                   d.replace(b->labels[0], quoteString(label).toUtf8());
                           } else if (!label.isEmpty()) {
                               d.replace(Range{b->type.end, b->type.end}, ' ' + quoteString(label).toUtf8());
                           }
                           return {};
                       }});
    }

};

int errorCount(const Diagnostics& diagnostics)
{
    int n = 0;
    for (const Diagnostic& d : diagnostics)
        n += d.severity == Diagnostic::Severity::Error ? 1 : 0;
    return n;
}

} // namespace

QString expressionFor(const QString& blockType, const QString& attribute, const QString& value)
{
    // A value Couper evaluates per request that reads the client request was kept as written.
    if (ValueResolver::isReference(value.trimmed()) || !holdsValue(blockType, attribute, value))
        return value;
    if (const Schema::Attribute* spec = Schema::find(blockType, attribute);
        spec && spec->kind == Schema::Kind::Integer) {
        static const QRegularExpression integer(QStringLiteral("^-?[0-9]+$"));
        if (integer.match(value).hasMatch())
            return value;
    }
    // Objects and lists were loaded as JSON text, which is valid HCL.
    const QString t = value.trimmed();
    if ((t.startsWith(u'{') && t.endsWith(u'}')) || (t.startsWith(u'[') && t.endsWith(u']'))) {
        QJsonParseError err{};
        QJsonDocument::fromJson(t.toUtf8(), &err);
        if (err.error == QJsonParseError::NoError)
            return t;
    }
    return quoteString(value);
}

QString formatBlock(const Block& block)
{
    Writer w;
    return w.formatBlockWith(block, block.type == u"backend" ? block.label : QString(), QString());
}

Result<CouperWrite> writeBack(const QByteArray& source, const QString& fileName, const QList<Block>& original,
                              const QList<Block>& editedWithSettings)
{
    // Tokenbench-only settings never go into a Couper file (they live in its sidecar); one written there
    // by an older Tokenbench is taken out.
    const QList<Block> edited = CouperFileSettings::withoutTokenbenchOnly(editedWithSettings);
    const Document doc = Document::parse(source, fileName);
    const CouperFile mapped = mapCouperFile(doc);
    if (mapped.backends.size() != original.size())
        return Error{Error::Code::Format,
                     QStringLiteral(
                         "the file's backends no longer match the ones that were opened (%1 in the file, %2 "
                         "opened)")
                         .arg(mapped.backends.size())
                         .arg(original.size()),
                     fileName};
    for (qsizetype i = 0; i < original.size(); ++i) {
        if (mapped.backends[i].block.label != original[i].label)
            return Error{Error::Code::Format,
                         QStringLiteral("backend \"%1\" is not where it was when the file was opened")
                             .arg(original[i].label),
                         fileName};
    }

    // Which edited backend is which original one: the same name; anonymous ones in order; then renames in
    // order; the rest are new or removed.
    QList<int> originOf(edited.size(), -1);
    QList<bool> used(original.size(), false);
    const auto isAnonymousName = [](const QString& l) { return l.startsWith(QStringLiteral("anonymous_")); };
    for (qsizetype e = 0; e < edited.size(); ++e) {
        for (qsizetype o = 0; o < original.size(); ++o) {
            if (!used[o] && original[o].label == edited[e].label) {
                originOf[e] = int(o);
                used[o] = true;
                break;
            }
        }
    }
    for (int pass = 0; pass < 2; ++pass) {
        for (qsizetype e = 0; e < edited.size(); ++e) {
            if (originOf[e] >= 0 || (pass == 0) != isAnonymousName(edited[e].label))
                continue;
            for (qsizetype o = 0; o < original.size(); ++o) {
                if (!used[o] && mapped.backends[o].anonymous == (pass == 0)) {
                    originOf[e] = int(o);
                    used[o] = true;
                    break;
                }
            }
        }
    }

    Writer w;
    for (const Block& b : edited)
        SecretLiterals::reserveNames(b, &w.taken[b.label]);
    for (const Block& b : original)
        SecretLiterals::reserveNames(b, &w.taken[b.label]);
    NodePath definitions;
    for (int i = 0; i < int(doc.body().items.size()); ++i) {
        const BodyItem& item = doc.body().items[size_t(i)];
        if (item.block && doc.blockType(*item.block) == u"definitions") {
            definitions = NodePath{i};
            break;
        }
    }
    QString newDefinitions;
    for (qsizetype e = 0; e < edited.size(); ++e) {
        const Block& eb = edited[e];
        if (originOf[e] < 0) {
            if (definitions.isEmpty()) {
                newDefinitions += w.formatBlockWith(eb, eb.label, QString());
                continue;
            }
            const QString body = w.bodyText(eb, eb.label, QString());
            const QString label = eb.label;
            const NodePath parent = definitions;
            w.ops.push_back({parent + NodePath{-1}, [parent, label, body](Document& d) -> Result<void> {
                                 return d.addBlock(d.blockAt(parent), QStringLiteral("backend"), {label},
                                                   body);
                             }});
            continue;
        }
        const int o = originOf[e];
        const CouperBackend& cb = mapped.backends[o];
        if (original[o].label != eb.label) {
            if (cb.anonymous)
                w.notes << QStringLiteral(
                               "backend %1 is anonymous (defined inside a %2 block); it keeps having no name "
                               "in the file, not \"%3\"")
                               .arg(original[o].label, cb.owner, eb.label);
            else
                w.relabel(cb.link.block, eb.label);
        }
        if (original[o] != eb)
            w.diffBlock(cb.link, original[o], eb, eb.label, QString());
    }
    for (qsizetype o = 0; o < original.size(); ++o) {
        if (used[o])
            continue;
        const NodePath path = mapped.backends[o].link.block;
        const QString label = original[o].label;
        w.ops.push_back({path, [path, label](Document& d) -> Result<void> {
                             const BlockNode* b = d.blockAt(path);
                             if (!b)
                                 return gone(QStringLiteral("backend %1").arg(label));
                             return d.removeBlock(b);
                         }});
    }
    if (!newDefinitions.isEmpty()) {
        QString body = newDefinitions;
        w.ops.push_back({NodePath{-1}, [body](Document& d) -> Result<void> {
                             return d.addBlock(nullptr, QStringLiteral("definitions"), {}, body);
                         }});
    }

    // Bottom-up: an edit only moves the items after it in the same body, so later paths go first and the
    // additions to a body come after every edit inside it.
    std::stable_sort(w.ops.begin(), w.ops.end(),
                     [](const Op& a, const Op& b) { return keyAfter(a.key, b.key); });
    Document out = Document::parse(source, fileName);
    for (const Op& op : w.ops) {
        auto r = op.apply(out);
        if (!r)
            return Error{r.error().code, r.error().message, fileName};
    }
    CouperWrite result;
    result.text = out.toBytes();
    result.substitutions = w.substitutions;
    result.secrets = w.secrets;
    result.notes = w.notes;
    result.edits = int(w.ops.size());
    if (errorCount(out.diagnostics()) > errorCount(doc.diagnostics())) {
        QStringList problems;
        for (const Diagnostic& d : out.diagnostics()) {
            if (d.severity == Diagnostic::Severity::Error)
                problems << d.toString();
        }
        return Error{Error::Code::Format,
                     QStringLiteral("the edits would make the file invalid: %1")
                         .arg(problems.join(QStringLiteral("; "))),
                     fileName};
    }
    return result;
}

} // namespace Tokenbench::Core::Hcl
