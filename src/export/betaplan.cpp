#include "export/betaplan.h"

#include "hcl/couperscope.h"
#include "hcl/document.h"
#include "hcl/evaluator.h"
#include "hcl/syntax.h"
#include "jwt/gojson.h"
#include "model/schema.h"
#include "model/secretliterals.h"
#include "model/valueresolver.h"
#include "net/betatokenrequest.h"
#include "net/formencoding.h"
#include "net/resourcecheck.h"
#include "run/runplan.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace Tokenbench::Core::Export {

ScriptPart ScriptPart::literal(const QString& text)
{
    ScriptPart p;
    p.text = text;
    return p;
}

ScriptPart ScriptPart::variableOf(const QString& name, bool urlEncoded)
{
    ScriptPart p;
    p.variable = name;
    p.urlEncoded = urlEncoded;
    return p;
}

bool ScriptString::isLiteral() const
{
    for (const ScriptPart& p : parts) {
        if (!p.variable.isEmpty())
            return false;
    }
    return true;
}

QString ScriptString::literal() const
{
    QString s;
    for (const ScriptPart& p : parts)
        s += p.text;
    return s;
}

QStringList ScriptString::variables() const
{
    QStringList names;
    for (const ScriptPart& p : parts) {
        if (!p.variable.isEmpty())
            names << p.variable;
    }
    return names;
}

ScriptString ScriptString::fromText(const QString& text)
{
    ScriptString s;
    if (!text.isEmpty())
        s.parts.append(ScriptPart::literal(text));
    return s;
}

namespace {

using Hcl::Expr;
using Hcl::ExprKind;

// An expression a script cannot evaluate: the message names it.
struct Untranslatable
{
    QString expression;
};

class Translator
{
public:
    Translator(const QString& attributeText, QString where) : m_where(std::move(where))
    {
        QByteArray bytes = attributeText.toUtf8();
        if (attributeText.contains(QStringLiteral("<<")) && !attributeText.endsWith(u'\n'))
            bytes += '\n';
        m_parsed = Hcl::ExpressionSource::parse(bytes);
        m_ok = m_parsed.expr() && !hasErrors(m_parsed.diagnostics());
    }

    bool parsed() const { return m_ok; }
    const Expr* root() const { return strip(m_parsed.expr()); }
    QString text(const Expr* e) const
    {
        return QString::fromUtf8(m_parsed.source().mid(e->range.begin, e->range.end - e->range.begin)).trimmed();
    }
    QString name(const Expr* e) const
    {
        return QString::fromUtf8(m_parsed.source().mid(e->name.begin, e->name.end - e->name.begin));
    }

    static const Expr* strip(const Expr* e)
    {
        while (e && e->kind == ExprKind::Parens && !e->children.empty())
            e = e->children.front();
        return e;
    }

    bool hasVariables(const Expr* e) const
    {
        if (!e)
            return false;
        if (e->kind == ExprKind::Variable)
            return true;
        for (const Expr* c : e->children) {
            if (hasVariables(c))
                return true;
        }
        return false;
    }

    // env.NAME / env["NAME"]: NAME.
    std::optional<QString> envName(const Expr* e) const
    {
        e = strip(e);
        if (!e || e->children.empty() || strip(e->children.front()) == nullptr)
            return std::nullopt;
        const Expr* root = strip(e->children.front());
        if (root->kind != ExprKind::Variable || name(root) != u"env")
            return std::nullopt;
        if (e->kind == ExprKind::GetAttr)
            return name(e);
        if (e->kind == ExprKind::Index && e->children.size() > 1) {
            const Expr* key = strip(e->children.at(1));
            if (key && key->kind == ExprKind::Template && key->children.size() == 1 &&
                key->children.front()->kind == ExprKind::TemplateText)
                return key->children.front()->text;
        }
        return std::nullopt;
    }

    Hcl::Value constant(const Expr* e, QString* error) const
    {
        const Hcl::EvalResult r = Hcl::evaluateExpression(text(e), Hcl::couperContext(Hcl::EvaluationTime::PerRequest));
        if (!r.ok()) {
            QStringList messages;
            for (const Diagnostic& d : r.diagnostics)
                messages << d.message;
            *error = messages.join(QStringLiteral("; "));
        }
        return r.value;
    }

    // A value as strings: constants through `convert` (a list may give several), env.NAME and templates of
    // literal text and env.NAME as one script string each.
    std::optional<QList<ScriptString>> values(const Expr* e, const std::function<QStringList(const Hcl::Value&)>& convert,
                                              bool allowList, Untranslatable* bad) const
    {
        e = strip(e);
        if (!e)
            return QList<ScriptString>{};
        if (!hasVariables(e)) {
            QString error;
            const Hcl::Value v = constant(e, &error);
            if (!error.isEmpty()) {
                *bad = {text(e) + QStringLiteral(" (") + error + u')'};
                return std::nullopt;
            }
            QList<ScriptString> out;
            for (const QString& s : convert(v))
                out << ScriptString::fromText(s);
            return out;
        }
        if (const auto env = envName(e)) {
            ScriptString s;
            s.parts.append(ScriptPart::variableOf(*env));
            return QList<ScriptString>{s};
        }
        if (e->kind == ExprKind::Template) {
            ScriptString s;
            for (const Expr* part : e->children) {
                if (part->kind == ExprKind::TemplateText) {
                    s.parts.append(ScriptPart::literal(part->text));
                } else if (const auto env = envName(part)) {
                    s.parts.append(ScriptPart::variableOf(*env));
                } else if (!hasVariables(part)) {
                    QString error;
                    const Hcl::Value v = constant(part, &error);
                    if (!error.isEmpty()) {
                        *bad = {text(part)};
                        return std::nullopt;
                    }
                    s.parts.append(ScriptPart::literal(Hcl::scalarString(v)));
                } else {
                    *bad = {text(part)};
                    return std::nullopt;
                }
            }
            return QList<ScriptString>{s};
        }
        if (allowList && e->kind == ExprKind::Tuple) {
            QList<ScriptString> out;
            for (const Expr* item : e->children) {
                auto one = values(item, convert, false, bad);
                if (!one)
                    return std::nullopt;
                out << *one;
            }
            return out;
        }
        *bad = {text(e)};
        return std::nullopt;
    }

    // The entries of an object expression: key -> values. nullopt with `bad` set when it cannot be translated.
    std::optional<QList<QPair<QString, QList<ScriptString>>>>
    entries(const std::function<QStringList(const Hcl::Value&)>& convert, Untranslatable* bad) const
    {
        QList<QPair<QString, QList<ScriptString>>> out;
        const Expr* e = root();
        if (!e)
            return out;
        if (!hasVariables(e)) {
            QString error;
            const Hcl::Value v = constant(e, &error);
            if (!error.isEmpty() || !v.isObject()) {
                *bad = {text(e) + (error.isEmpty() ? QStringLiteral(" (not an object)") : QStringLiteral(" (") + error + u')')};
                return std::nullopt;
            }
            for (auto it = v.fields().cbegin(); it != v.fields().cend(); ++it) {
                QList<ScriptString> list;
                for (const QString& s : convert(it.value()))
                    list << ScriptString::fromText(s);
                out.append({it.key(), list});
            }
            return out;
        }
        if (e->kind != ExprKind::Object) {
            *bad = {text(e)};
            return std::nullopt;
        }
        for (std::size_t i = 0; i + 1 < e->children.size(); i += 2) {
            const Expr* k = strip(e->children[i]);
            QString key;
            if (k->kind == ExprKind::ObjectKeyIdent) {
                key = name(k);
            } else if (!hasVariables(k)) {
                QString error;
                key = Hcl::scalarString(constant(k, &error));
                if (!error.isEmpty()) {
                    *bad = {text(k)};
                    return std::nullopt;
                }
            } else {
                *bad = {text(k)};
                return std::nullopt;
            }
            auto v = values(e->children[i + 1], convert, true, bad);
            if (!v)
                return std::nullopt;
            out.append({key, *v});
        }
        return out;
    }

    // json_body as Go JSON text with placeholders for the values that come from variables.
    std::optional<QJsonValue> json(const Expr* e, QList<QPair<QString, ScriptString>>* placeholders,
                                   Untranslatable* bad) const
    {
        e = strip(e);
        if (!e)
            return QJsonValue();
        if (!hasVariables(e)) {
            QString error;
            const Hcl::Value v = constant(e, &error);
            if (!error.isEmpty()) {
                *bad = {text(e)};
                return std::nullopt;
            }
            return v.toJsonValue();
        }
        if (e->kind == ExprKind::Object) {
            QJsonObject o;
            for (std::size_t i = 0; i + 1 < e->children.size(); i += 2) {
                const Expr* k = strip(e->children[i]);
                QString key;
                if (k->kind == ExprKind::ObjectKeyIdent) {
                    key = name(k);
                } else if (!hasVariables(k)) {
                    QString error;
                    key = Hcl::scalarString(constant(k, &error));
                } else {
                    *bad = {text(k)};
                    return std::nullopt;
                }
                auto v = json(e->children[i + 1], placeholders, bad);
                if (!v)
                    return std::nullopt;
                o.insert(key, *v);
            }
            return o;
        }
        if (e->kind == ExprKind::Tuple) {
            QJsonArray a;
            for (const Expr* item : e->children) {
                auto v = json(item, placeholders, bad);
                if (!v)
                    return std::nullopt;
                a.append(*v);
            }
            return a;
        }
        auto v = values(e, [](const Hcl::Value& x) { return QStringList{Hcl::scalarString(x)}; }, false, bad);
        if (!v || v->size() != 1)
            return std::nullopt;
        const QString placeholder = QStringLiteral("@@TBJ%1@@").arg(placeholders->size());
        placeholders->append({u'"' + placeholder + u'"', v->constFirst()});
        return placeholder;
    }

    // The token expression as an extraction from the response.
    std::optional<TokenExtraction> token(Untranslatable* bad) const
    {
        const Expr* e = root();
        // "${x}" is x.
        if (e && e->kind == ExprKind::Template && e->children.size() == 1 &&
            e->children.front()->kind != ExprKind::TemplateText)
            e = strip(e->children.front());
        bool trimmed = false;
        if (e && e->kind == ExprKind::FunctionCall && name(e) == u"trim" && e->children.size() == 1) {
            trimmed = true;
            e = strip(e->children.front());
        }
        // The traversal from beta_token_response: its steps, each a name or a constant index.
        QStringList steps;
        QList<bool> numeric;
        const Expr* t = e;
        while (t && (t->kind == ExprKind::GetAttr || t->kind == ExprKind::Index)) {
            if (t->kind == ExprKind::GetAttr) {
                steps.prepend(name(t));
                numeric.prepend(false);
            } else {
                const Expr* key = t->children.size() > 1 ? strip(t->children.at(1)) : nullptr;
                if (!key || hasVariables(key)) {
                    *bad = {text(e)};
                    return std::nullopt;
                }
                QString error;
                const Hcl::Value v = constant(key, &error);
                if (!error.isEmpty() || !(v.isString() || v.isNumber())) {
                    *bad = {text(e)};
                    return std::nullopt;
                }
                steps.prepend(v.isNumber() ? QString::number(qint64(v.toNumber())) : Hcl::scalarString(v));
                numeric.prepend(v.isNumber());
            }
            t = t->children.empty() ? nullptr : strip(t->children.front());
        }
        if (!t || t->kind != ExprKind::Variable || name(t) != u"beta_token_response" || steps.isEmpty()) {
            *bad = {text(root())};
            return std::nullopt;
        }
        TokenExtraction x;
        const QString first = steps.takeFirst();
        numeric.removeFirst();
        if (first == u"body" && steps.isEmpty()) {
            x.kind = trimmed ? TokenExtraction::Kind::TrimmedBody : TokenExtraction::Kind::Body;
            return x;
        }
        if (trimmed) {
            *bad = {text(root())};
            return std::nullopt;
        }
        if ((first == u"headers" || first == u"cookies") && steps.size() == 1 && !numeric.constFirst()) {
            x.kind = first == u"headers" ? TokenExtraction::Kind::Header : TokenExtraction::Kind::Cookie;
            x.name = first == u"headers" ? steps.constFirst().toLower() : steps.constFirst();
            return x;
        }
        if (first == u"json_body" && !steps.isEmpty()) {
            static const QRegularExpression ident(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
            QString path;
            for (qsizetype i = 0; i < steps.size(); ++i) {
                if (numeric.at(i))
                    path += (path.isEmpty() ? QStringLiteral(".[") : QStringLiteral("[")) + steps.at(i) + u']';
                else if (ident.match(steps.at(i)).hasMatch())
                    path += u'.' + steps.at(i);
                else
                    path += (path.isEmpty() ? QStringLiteral(".[") : QStringLiteral("[")) + Hcl::quoteString(steps.at(i)) + u']';
            }
            x.kind = TokenExtraction::Kind::JsonPath;
            x.jqPath = path;
            return x;
        }
        *bad = {text(root())};
        return std::nullopt;
    }

    QString where() const { return m_where; }

private:
    Hcl::ExpressionSource m_parsed;
    bool m_ok = false;
    QString m_where;
};

QStringList modifierStrings(const Hcl::Value& v)
{
    return Hcl::modifierValues(v);
}

QStringList formStrings(const Hcl::Value& v)
{
    QStringList out;
    if (v.isTuple()) {
        for (const Hcl::Value& item : v.items())
            out << Hcl::scalarString(item);
    } else {
        out << Hcl::scalarString(v);
    }
    return out;
}

QString canonicalHeader(const QString& name)
{
    QString n = name.toLower();
    bool upper = true;
    for (QChar& c : n) {
        if (upper && c.isLower())
            c = c.toUpper();
        upper = c == u'-';
    }
    return n;
}

Error untranslatable(const QString& backend, const QString& label, const QString& attribute, const Untranslatable& bad,
                     const QString& format)
{
    return Error{Error::Code::Usage,
                 QStringLiteral("beta_token_request \"%1\" %2: the expression `%3` cannot be evaluated by the %4 "
                                "export (it writes literal values and env.NAME variables only; request.*, backends.* "
                                "and functions of variables exist only in Couper); export it as Couper HCL")
                     .arg(label, attribute, bad.expression, format),
                 backend + QStringLiteral(".beta_token_request \"") + label + QStringLiteral("\".") + attribute};
}

} // namespace

bool exportsBetaTokenRequest(const ExportInput& input)
{
    return !input.requestLabel.isEmpty() || (!input.backend.child(BlockType::OAuth2) && !betaTokenRequests(input.backend).isEmpty());
}

QString explicitResourceUrl(const ExportInput& input)
{
    if (!input.resourceUrl.trimmed().isEmpty())
        return input.resourceUrl.trimmed();
    const QString attr = input.backend.attribute(ResourceUrlAttribute).trimmed();
    return ValueResolver::isReference(attr) ? QString() : attr;
}

Result<BetaPlan> planBetaTokenRequest(const ExportInput& input, const QString& format, ExportOutput* out)
{
    // Secrets typed in clear in the maps become env.NAME first, as the Couper export writes them.
    Block backend = input.backend;
    {
        QList<QPair<QString, QString>> taken;
        SecretLiterals::reserveNames(backend, &taken);
        QList<SecretLiterals::MovedAt> moved;
        backend = SecretLiterals::moveAllToReferences(backend, backend.label, {}, &taken, &moved);
        for (const SecretLiterals::MovedAt& m : std::as_const(moved)) {
            if (!m.block.startsWith(QStringLiteral("beta_token_request")))
                continue;
            const QString where = m.block + u'.' + m.attribute + u'.' + m.entry.key;
            out->addVariable({m.entry.variable, where, true});
            out->notes << QStringLiteral("%1 was a literal credential; it is read from %2 instead (set it before running)")
                              .arg(where, m.entry.variable);
        }
    }
    const auto target = chooseTarget({backend}, backend.label,
                                     input.requestLabel.isEmpty() && !backend.child(BlockType::OAuth2)
                                         ? QString()
                                         : input.requestLabel);
    if (!target)
        return target.error();
    const Block* tr = nullptr;
    for (const Block* b : betaTokenRequests(backend)) {
        if (betaLabel(*b) == target->request)
            tr = b;
    }
    if (!tr)
        return Error{Error::Code::Usage,
                     QStringLiteral("backend \"%1\" has no beta_token_request \"%2\"").arg(backend.label, target->request),
                     backend.label};
    BetaPlan plan;
    plan.backend = backend.label;
    plan.label = betaLabel(*tr);
    const QString label = plan.label;
    auto translator = [&](const QString& attribute) { return Translator(tr->attribute(attribute), attribute); };
    auto scalar = [&](const QString& attribute) -> Result<ScriptString> {
        const QString text = tr->attribute(attribute).trimmed();
        if (text.isEmpty())
            return ScriptString{};
        const Translator t = translator(attribute);
        Untranslatable bad{text};
        if (!t.parsed())
            return untranslatable(backend.label, label, attribute, bad, format);
        auto v = t.values(t.root(), [](const Hcl::Value& x) { return QStringList{Hcl::scalarString(x)}; }, false, &bad);
        if (!v)
            return untranslatable(backend.label, label, attribute, bad, format);
        return v->isEmpty() ? ScriptString{} : v->constFirst();
    };
    auto noteVariables = [&](const ScriptString& s, const QString& where, bool secret) {
        for (const QString& v : s.variables())
            out->addVariable({v, where, secret || SecretLiterals::isCredentialName(where.section(u'.', -1))});
    };

    // Token backend: a nested block, a referenced one (not exported: its origin is not known here), or the
    // backend itself.
    Block tokenBackend = backend;
    bool ownTokenBackend = false;
    const auto defined = [&](const QString& name) -> const Block* {
        for (const Block& b : input.backends) {
            if (b.label == name)
                return &b;
        }
        return nullptr;
    };
    if (const Block* nested = tr->child(QStringLiteral("backend"))) {
        tokenBackend = *nested;
        if (!nested->label.isEmpty()) {
            const Block* base = defined(nested->label);
            if (!base)
                return Error{Error::Code::Usage,
                             QStringLiteral("beta_token_request \"%1\" refines backend \"%2\", which is not defined: the "
                                            "%3 export needs the token backend's origin")
                                 .arg(label, nested->label, format),
                             backend.label};
            tokenBackend = *base;
            for (auto it = nested->attributes.cbegin(); it != nested->attributes.cend(); ++it)
                tokenBackend.attributes.insert(it.key(), it.value());
        }
        ownTokenBackend = true;
    } else if (tr->hasAttribute(QStringLiteral("backend"))) {
        const auto name = SecretLiterals::plainStringLiteral(tr->attribute(QStringLiteral("backend")));
        const Block* base = name ? defined(*name) : nullptr;
        if (!base)
            return Error{Error::Code::Usage,
                         QStringLiteral("beta_token_request \"%1\" sends through the backend %2, which the export "
                                        "does not know: the %3 export needs the token backend's origin")
                             .arg(label, tr->attribute(QStringLiteral("backend")).trimmed(), format),
                         backend.label};
        tokenBackend = *base;
        ownTokenBackend = true;
    }
    for (const QString& unsupported : {QStringLiteral("basic_auth"), QStringLiteral("path_prefix"),
                                       QStringLiteral("set_request_headers"), QStringLiteral("add_request_headers"),
                                       QStringLiteral("set_query_params"), QStringLiteral("proxy")}) {
        if (ownTokenBackend && !tokenBackend.attribute(unsupported).trimmed().isEmpty())
            out->notes << QStringLiteral("the token backend's %1 is not part of the %2 export").arg(unsupported, format);
    }
    ScriptString origin;
    {
        const QString o = tokenBackend.attribute(QStringLiteral("origin")).trimmed();
        if (const auto ref = ValueResolver::referenceName(o)) {
            origin.parts.append(ScriptPart::variableOf(*ref));
            out->addVariable({*ref, QStringLiteral("backend.origin"), false});
        } else if (!o.isEmpty()) {
            const QUrl u(o);
            origin = ScriptString::fromText(u.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                                                       QUrl::StripTrailingSlash)
                                                .toString());
        }
    }

    // URL: as betaSpecFromBlock() builds it.
    auto url = scalar(QStringLiteral("url"));
    if (!url)
        return url.error();
    ScriptString u = *url;
    noteVariables(u, QStringLiteral("beta_token_request.url"), false);
    if (u.parts.isEmpty()) {
        if (origin.parts.isEmpty())
            return Error{Error::Code::Usage,
                         QStringLiteral("beta_token_request \"%1\" has no url and its token backend no origin").arg(label),
                         backend.label + QStringLiteral(".beta_token_request.url")};
        u = origin;
        const QString path = tokenBackend.attribute(QStringLiteral("path")).trimmed();
        if (!path.isEmpty() && !ValueResolver::isReference(path))
            u.parts.append(ScriptPart::literal(path.startsWith(u'/') ? path : u'/' + path));
    } else if (u.isLiteral() && u.literal().startsWith(u'/')) {
        if (origin.parts.isEmpty())
            return Error{Error::Code::Usage,
                         QStringLiteral("the origin attribute must not be empty: beta_token_request \"%1\"'s relative "
                                        "url needs the backend's origin")
                             .arg(label),
                         backend.label + QStringLiteral(".beta_token_request.url")};
        ScriptString joined = origin;
        joined.parts.append(ScriptPart::literal(u.literal()));
        u = joined;
    } else if (u.isLiteral() && origin.isLiteral() && !origin.parts.isEmpty()) {
        QUrl abs(u.literal());
        const QUrl o(origin.literal());
        if (o.scheme() != abs.scheme() || o.host() != abs.host() || o.port() != abs.port())
            out->notes << QStringLiteral("url %1 has another origin than the backend (%2): Couper sends it to the "
                                         "backend's origin, and so does this export")
                              .arg(u.literal(), origin.literal());
        abs.setScheme(o.scheme());
        abs.setHost(o.host());
        abs.setPort(o.port());
        u = ScriptString::fromText(abs.toString(QUrl::FullyEncoded));
    }
    if (u.isLiteral()) {
        const QUrl check(u.literal());
        if (!check.isValid() || check.host().isEmpty())
            return Error{Error::Code::Usage,
                         QStringLiteral("beta_token_request \"%1\": %2 is not an absolute URL").arg(label, u.literal()),
                         backend.label + QStringLiteral(".beta_token_request.url")};
        if (!SecretLiterals::urlSecrets(u.literal()).isEmpty())
            return Error{Error::Code::Usage,
                         QStringLiteral("beta_token_request \"%1\" url carries a credential in its query: the %2 export "
                                        "would write it in clear; put it in query_params as env.NAME")
                             .arg(label, format),
                         backend.label + QStringLiteral(".beta_token_request.url")};
    }

    // Query parameters (set semantics, keys sorted, %20 for spaces), appended to the URL.
    {
        const Translator t = translator(QStringLiteral("query_params"));
        Untranslatable bad{tr->attribute(QStringLiteral("query_params"))};
        if (!tr->attribute(QStringLiteral("query_params")).trimmed().isEmpty()) {
            if (!t.parsed())
                return untranslatable(backend.label, label, QStringLiteral("query_params"), bad, format);
            auto entries = t.entries(modifierStrings, &bad);
            if (!entries)
                return untranslatable(backend.label, label, QStringLiteral("query_params"), bad, format);
            QMap<QString, QList<ScriptString>> params;
            ScriptString base = u;
            if (u.isLiteral()) {
                QUrl parsed(u.literal());
                for (const auto& item : QUrlQuery(parsed).queryItems(QUrl::FullyDecoded))
                    params[item.first].append(ScriptString::fromText(item.second));
                parsed.setQuery(QString());
                base = ScriptString::fromText(parsed.toString(QUrl::FullyEncoded));
            } else if (!entries->isEmpty()) {
                out->notes << QStringLiteral("query_params are appended to the url (Couper replaces same-named "
                                             "parameters of the url)");
            }
            for (const auto& [key, list] : std::as_const(*entries)) {
                params[key] = list;
                for (const ScriptString& s : list)
                    noteVariables(s, QStringLiteral("beta_token_request.query_params.") + key, false);
            }
            bool first = !base.literal().contains(u'?');
            for (auto it = params.cbegin(); it != params.cend(); ++it) {
                for (const ScriptString& v : it.value()) {
                    base.parts.append(ScriptPart::literal(QString(first ? QChar(u'?') : QChar(u'&')) + QString::fromLatin1(QUrl::toPercentEncoding(it.key())) + u'='));
                    first = false;
                    for (const ScriptPart& p : v.parts) {
                        if (p.variable.isEmpty())
                            base.parts.append(ScriptPart::literal(QString::fromLatin1(QUrl::toPercentEncoding(p.text))));
                        else
                            base.parts.append(ScriptPart::variableOf(p.variable, true));
                    }
                }
            }
            u = base;
        }
    }
    plan.url = u;
    plan.urlAbsoluteLiteral = u.isLiteral();

    // Body: one of json_body, form_body, body.
    int bodies = 0;
    QString contentType;
    if (!tr->attribute(QStringLiteral("json_body")).trimmed().isEmpty()) {
        ++bodies;
        const Translator t = translator(QStringLiteral("json_body"));
        Untranslatable bad{tr->attribute(QStringLiteral("json_body"))};
        if (!t.parsed())
            return untranslatable(backend.label, label, QStringLiteral("json_body"), bad, format);
        auto json = t.json(t.root(), &plan.jsonPlaceholders, &bad);
        if (!json)
            return untranslatable(backend.label, label, QStringLiteral("json_body"), bad, format);
        plan.jsonText = QString::fromUtf8(Jwt::encodeGoJson(*json));
        for (const auto& [placeholder, value] : std::as_const(plan.jsonPlaceholders))
            noteVariables(value, QStringLiteral("beta_token_request.json_body"), false);
        plan.body = BetaPlan::Body::Json;
        contentType = QStringLiteral("application/json");
    }
    if (!tr->attribute(QStringLiteral("form_body")).trimmed().isEmpty()) {
        ++bodies;
        const Translator t = translator(QStringLiteral("form_body"));
        Untranslatable bad{tr->attribute(QStringLiteral("form_body"))};
        if (!t.parsed())
            return untranslatable(backend.label, label, QStringLiteral("form_body"), bad, format);
        auto entries = t.entries(formStrings, &bad);
        if (!entries)
            return untranslatable(backend.label, label, QStringLiteral("form_body"), bad, format);
        QMap<QByteArray, QList<ScriptField>> sorted;
        for (const auto& [key, list] : std::as_const(*entries)) {
            for (const ScriptString& s : list) {
                sorted[key.toUtf8()].append({key, s});
                noteVariables(s, QStringLiteral("beta_token_request.form_body.") + key, false);
            }
        }
        for (const auto& fields : std::as_const(sorted))
            plan.form << fields;
        plan.body = BetaPlan::Body::Form;
        contentType = QStringLiteral("application/x-www-form-urlencoded");
    }
    if (!tr->attribute(QStringLiteral("body")).trimmed().isEmpty()) {
        ++bodies;
        auto text = scalar(QStringLiteral("body"));
        if (!text)
            return text.error();
        plan.text = *text;
        noteVariables(plan.text, QStringLiteral("beta_token_request.body"), false);
        plan.body = BetaPlan::Body::Text;
        contentType = QStringLiteral("text/plain");
    }
    if (bodies > 1)
        return Error{Error::Code::Usage,
                     QStringLiteral("beta_token_request can only have one of body, form_body or json_body attributes"),
                     backend.label + QStringLiteral(".beta_token_request")};

    // Method: as written, upper-cased; empty: GET, or POST with a body that is not empty.
    auto method = scalar(QStringLiteral("method"));
    if (!method)
        return method.error();
    if (!method->isLiteral())
        return untranslatable(backend.label, label, QStringLiteral("method"), {tr->attribute(QStringLiteral("method"))}, format);
    plan.method = method->literal().toUpper();
    if (plan.method.isEmpty()) {
        const bool empty = plan.body == BetaPlan::Body::None || (plan.body == BetaPlan::Body::Form && plan.form.isEmpty()) ||
                           (plan.body == BetaPlan::Body::Text && plan.text.isLiteral() && plan.text.literal().trimmed().isEmpty());
        plan.method = empty ? QStringLiteral("GET") : QStringLiteral("POST");
    }
    if (!contentType.isEmpty())
        plan.headers.append({QStringLiteral("Content-Type"), ScriptString::fromText(contentType)});
    if (!tr->attribute(QStringLiteral("headers")).trimmed().isEmpty()) {
        const Translator t = translator(QStringLiteral("headers"));
        Untranslatable bad{tr->attribute(QStringLiteral("headers"))};
        if (!t.parsed())
            return untranslatable(backend.label, label, QStringLiteral("headers"), bad, format);
        auto entries = t.entries(modifierStrings, &bad);
        if (!entries)
            return untranslatable(backend.label, label, QStringLiteral("headers"), bad, format);
        for (const auto& [key, list] : std::as_const(*entries)) {
            const QString name = canonicalHeader(key);
            plan.headers.removeIf([&](const ScriptField& f) { return f.key.compare(name, Qt::CaseInsensitive) == 0; });
            for (const ScriptString& s : list) {
                plan.headers.append({name, s});
                noteVariables(s, QStringLiteral("beta_token_request.headers.") + key, false);
            }
        }
    }
    {
        const QString text = tr->attribute(QStringLiteral("expected_status")).trimmed();
        if (!text.isEmpty()) {
            const Hcl::EvalResult r = Hcl::evaluateExpression(text, Hcl::couperContext(Hcl::EvaluationTime::PerRequest));
            if (!r.ok() || !r.value.isTuple())
                return untranslatable(backend.label, label, QStringLiteral("expected_status"), {text}, format);
            for (const Hcl::Value& v : r.value.items())
                plan.expectedStatus.append(int(v.toNumber()));
        }
    }
    plan.tokenExpression = tr->attribute(QStringLiteral("token")).trimmed();
    if (plan.tokenExpression.isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("beta_token_request \"%1\": the argument \"token\" is required").arg(label),
                     backend.label + QStringLiteral(".beta_token_request.token")};
    {
        const Translator t = translator(QStringLiteral("token"));
        Untranslatable bad{plan.tokenExpression};
        const auto x = t.parsed() ? t.token(&bad) : std::nullopt;
        if (!x)
            return Error{Error::Code::Usage,
                         QStringLiteral("beta_token_request \"%1\" token: the expression `%2` cannot be evaluated by "
                                        "the %3 export; it reads beta_token_response.json_body.PATH, .body, "
                                        "trim(beta_token_response.body), .headers.NAME or .cookies.NAME; export it as "
                                        "Couper HCL")
                             .arg(label, bad.expression, format),
                         backend.label + QStringLiteral(".beta_token_request \"") + label + QStringLiteral("\".token")};
        plan.token = *x;
    }
    if (!tr->attribute(QStringLiteral("ttl")).trimmed().isEmpty())
        out->notes << QStringLiteral("ttl is not used: the %1 export fetches a fresh token every time").arg(format);
    plan.resourceUrl = explicitResourceUrl(input);
    return plan;
}

} // namespace Tokenbench::Core::Export
