#include "export/couperexporter.h"

#include "model/couperconfig.h"
#include "model/couperfile.h"
#include "hcl/couperscope.h"
#include "hcl/document.h"
#include "hcl/formatter.h"
#include "model/schema.h"
#include "model/secretliterals.h"
#include "model/valueresolver.h"
#include "net/tokenrequest.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QHash>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>
#include <QVersionNumber>

namespace Tokenbench::Core::Export {

namespace {

// Whether `text` is an expression made of references to Couper's variables (request.headers.x, env.X,
// backends.b.beta_tokens.t …, each with at least one step), found by walking its traversals: a model value
// (an unquoted literal such as a password) is not.
bool readsOnlyCouperVariables(const QString& text)
{
    const QList<Hcl::Traversal> traversals = Hcl::traversals(text.trimmed());
    if (traversals.isEmpty())
        return false;
    for (const Hcl::Traversal& t : traversals) {
        if (t.steps.isEmpty() || !Hcl::couperVariables(Hcl::EvaluationTime::TokenResponse).contains(t.root))
            return false;
    }
    return true;
}

QString hclJson(const QJsonValue& v, int indent);

QString hclKey(const QString& key)
{
    static const QRegularExpression ident(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
    return ident.match(key).hasMatch() ? key : Hcl::quoteString(key);
}

QString hclJson(const QJsonValue& v, int indent)
{
    const QString pad(indent * 2, u' ');
    switch (v.type()) {
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        if (o.isEmpty())
            return QStringLiteral("{}");
        QString s = QStringLiteral("{\n");
        for (auto it = o.begin(); it != o.end(); ++it)
            s += pad + QStringLiteral("  ") + hclKey(it.key()) + QStringLiteral(" = ") + hclJson(it.value(), indent + 1) + u'\n';
        return s + pad + u'}';
    }
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue& item : v.toArray())
            items << hclJson(item, indent);
        return u'[' + items.join(QStringLiteral(", ")) + u']';
    }
    case QJsonValue::String:
        return Hcl::quoteString(v.toString());
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return QStringLiteral("null");
    }
}

// A string literal; multi-line values (PEM) as a heredoc.
QString hclString(const QString& value)
{
    if (value.contains(u'\n') && !value.contains(QStringLiteral("${")) && !value.contains(QStringLiteral("%{"))) {
        QString body = value;
        if (!body.endsWith(u'\n'))
            body += u'\n';
        QString marker = QStringLiteral("EOT");
        while (body.contains(marker))
            marker += u'X';
        return QStringLiteral("<<%1\n%2%1").arg(marker, body);
    }
    return Hcl::quoteString(value);
}

// Whether text (kept as written: request-time attributes, unknown attributes) is a valid expression.
bool isExpression(const QString& text)
{
    if (text.trimmed().isEmpty())
        return false;
    QByteArray bytes = text.toUtf8();
    if (text.trimmed().startsWith(QStringLiteral("<<")))
        bytes += '\n';
    const auto parsed = Hcl::ExpressionSource::parse(bytes);
    if (!parsed.expr())
        return false;
    for (const Diagnostic& d : parsed.diagnostics()) {
        if (d.severity == Diagnostic::Severity::Error)
            return false;
    }
    return true;
}

// Attributes whose model text is a value (Tokenbench evaluated or the user typed it); all others hold
// HCL expression source (as written in a .hcl file).
// Whether the model holds the attribute's value (evaluated as Couper does at startup) rather than the
// expression as written (request-time attributes such as the modifier maps, and unknown ones).
bool holdsValue(const Block& block, const QString& name)
{
    return Hcl::holdsValue(block.type, name, block.attribute(name));
}

// Attributes of Tokenbench's own (the resource check, the interactive grants' settings, the raw Basic
// toggle): Couper refuses unknown attributes, so they never reach a Couper file.
bool isTokenbenchOnly(const QString& blockType, const QString& name)
{
    if (name.startsWith(QStringLiteral("tokenbench_")))
        return true;
    static const QStringList oauth2Extensions = {
        QStringLiteral("authorization_endpoint"), QStringLiteral("redirect_uri"),
        QStringLiteral("code_challenge_method"),  QStringLiteral("device_authorization_endpoint"),
        QStringLiteral("refresh_token"),          QStringLiteral("raw_basic_credentials"),
    };
    return blockType == BlockType::OAuth2 && oauth2Extensions.contains(name);
}

// A URL with credentials in its userinfo or query (token_endpoint = "https://as/token?client_secret=…"):
// a template that reads each from env.NAME instead. nullopt when it holds none.
std::optional<QString> urlWithReferences(const QString& text, const QString& backendLabel, const QString& where,
                                         ExportOutput* out)
{
    if (SecretLiterals::urlSecrets(text).isEmpty())
        return std::nullopt;
    QUrl url(text.trimmed());
    QHash<QString, QString> variables; // placeholder -> variable
    auto placeholder = [&](const QString& part) {
        const QString variable = ValueResolver::suggestName(backendLabel, where.section(u'.', -1) + u'_' + part);
        const QString p = QStringLiteral("TOKENBENCHREF%1X").arg(variables.size());
        variables.insert(p, variable);
        out->addVariable({variable, where + u'.' + part, true});
        out->notes << QStringLiteral("%1 carried a credential (%2) in clear; it is read from %3 instead (set it, "
                                     "URL-encoded, before running)")
                          .arg(where, part, variable);
        return p;
    };
    if (!url.password().isEmpty())
        url.setPassword(placeholder(QStringLiteral("password")));
    if (url.hasQuery()) {
        QUrlQuery query(url);
        QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyDecoded);
        for (auto& [name, value] : items) {
            if (!value.isEmpty() && (SecretLiterals::isCredentialName(name) || SecretLiterals::looksLikeCredential(value)))
                value = placeholder(name);
        }
        query.setQueryItems(items);
        url.setQuery(query);
    }
    QString quoted = Hcl::quoteString(url.toString(QUrl::FullyEncoded));
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        quoted.replace(it.key(), QStringLiteral("${env.") + it.value() + u'}');
    return quoted;
}

class Writer
{
public:
    Writer(const Block& backend, ExportOutput* out) : m_backend(backend), m_out(out) {}

    QString attribute(const Block& block, const QString& path, const QString& name) const
    {
        const QString text = block.attribute(name);
        const Schema::Attribute* spec = Schema::find(block.type, name);
        if (const auto ref = ValueResolver::referenceName(text.trimmed())) {
            m_out->addVariable({*ref, path + u'.' + name, spec && spec->kind == Schema::Kind::Secret});
            return ValueResolver::makeReference(*ref);
        }
        if (!holdsValue(block, name)) {
            // A beta_token_request's url with a credential in its query: read from env.NAME.
            if (block.type == u"beta_token_request" && name == u"url") {
                if (const auto url = SecretLiterals::plainStringLiteral(text)) {
                    if (const auto rewritten = urlWithReferences(*url, m_backend.label, path + u'.' + name, m_out))
                        return *rewritten;
                }
            }
            // Kept as written (request-time expressions, attributes Tokenbench does not model).
            collectReferences(text, path + u'.' + name);
            if (isExpression(text))
                return text.trimmed();
            m_out->notes << QStringLiteral("%1.%2 is not a valid HCL expression; written as a string").arg(path, name);
            return Hcl::quoteString(text);
        }
        if (spec->kind == Schema::Kind::Secret) {
            // An expression (oauth2.assertion = request.headers.x) stays; a literal becomes env.NAME.
            if (readsOnlyCouperVariables(text))
                return text.trimmed();
            const ExportValue v = exportValue(m_backend, block, path, name, m_out);
            return ValueResolver::makeReference(v.variable);
        }
        if (spec->kind == Schema::Kind::Integer) {
            bool ok = false;
            text.trimmed().toLongLong(&ok);
            if (ok)
                return text.trimmed();
        }
        if (block.type == BlockType::OAuth2 && name == u"token_endpoint") {
            if (const auto rewritten = urlWithReferences(text, m_backend.label, path + u'.' + name, m_out))
                return *rewritten;
        }
        if (name == u"claims" || name == u"headers" || name == u"set_request_headers") {
            auto parsed = parseObjectText(text);
            if (parsed)
                return hclJson(parsed.value(), 0);
        }
        return hclString(text);
    }

    void block(const Block& b, const QString& path, const QStringList& labels, int indent, QString* s) const
    {
        const QString pad(indent * 2, u' ');
        *s += pad + b.type;
        for (const QString& l : labels)
            *s += u' ' + Hcl::quoteString(l);
        *s += QStringLiteral(" {\n");
        // Modelled attributes first, in the schema's form order, then the rest in name order.
        QStringList order;
        for (const Schema::Attribute& a : Schema::attributes(b.type)) {
            if (b.hasAttribute(a.name) && !b.attribute(a.name).isEmpty())
                order << a.name;
        }
        for (auto it = b.attributes.cbegin(); it != b.attributes.cend(); ++it) {
            if (!order.contains(it.key()) && !it.value().isEmpty())
                order << it.key();
        }
        order.removeIf([&](const QString& name) {
            if (!isTokenbenchOnly(b.type, name))
                return false;
            m_out->notes << QStringLiteral("%1.%2 is a Tokenbench setting, not a Couper attribute: left out").arg(path, name);
            return true;
        });
        for (const QString& name : std::as_const(order)) {
            // Indentation is the formatter's job (heredoc bodies stay as they are).
            const QString value = attribute(b, path, name);
            *s += pad + QStringLiteral("  ") + name + QStringLiteral(" = ") + value + u'\n';
        }
        bool first = order.isEmpty();
        for (const Block& child : b.blocks) {
            QStringList childLabels;
            if (!child.label.isEmpty())
                childLabels << child.label;
            if (!first)
                *s += u'\n';
            first = false;
            block(child, path + u'.' + child.type, childLabels, indent + 1, s);
        }
        *s += pad + QStringLiteral("}\n");
    }

private:
    void collectReferences(const QString& text, const QString& where) const
    {
        for (const QString& name : Hcl::envReferences(text))
            m_out->addVariable({name, where, false});
    }

    const Block& m_backend;
    ExportOutput* m_out;
};

bool atLeast(const QString& version, int major, int minor)
{
    const QVersionNumber v = QVersionNumber::fromString(version);
    return QVersionNumber::compare(v, QVersionNumber(major, minor)) >= 0;
}

} // namespace

bool isValidBackendLabel(const QString& label)
{
    static const QRegularExpression re(QStringLiteral("^[a-zA-Z0-9_]+$"));
    return re.match(label).hasMatch() && !isInlineBackendLabel(label);
}

bool isInlineBackendLabel(const QString& label)
{
    return label.startsWith(QStringLiteral("anonymous_"));
}

QMap<QString, InlinePlace> inlineBackendPlaces(const QByteArray& source, const QString& fileName)
{
    QMap<QString, InlinePlace> places;
    const Hcl::Document doc = Hcl::Document::parse(source, fileName);
    const Hcl::CouperFile mapped = Hcl::mapCouperFile(doc);
    QMap<Hcl::NodePath, QString> labelAt;
    for (const Hcl::CouperBackend& b : mapped.backends)
        labelAt.insert(b.link.block, b.block.label);
    for (const Hcl::CouperBackend& b : mapped.backends) {
        if (!b.anonymous)
            continue;
        InlinePlace place;
        const Hcl::NodePath& path = b.link.block;
        for (qsizetype n = 1; n < path.size(); ++n) {
            const Hcl::NodePath prefix = path.first(n);
            const Hcl::BlockNode* block = doc.blockAt(prefix);
            if (!block)
                break;
            const QString type = doc.blockType(*block);
            if (type == u"backend" && place.outerBackend.isEmpty() && labelAt.contains(prefix))
                place.outerBackend = labelAt.value(prefix);
            QStringList labels;
            for (const Hcl::Range& l : block->labels)
                labels << doc.labelValue(l);
            place.context.append({type, labels});
        }
        places.insert(b.block.label, place);
    }
    return places;
}

QStringList CouperExporter::versions()
{
    return {QStringLiteral("1.9"), QStringLiteral("1.10"), QStringLiteral("1.11"), QStringLiteral("1.12"),
            QStringLiteral("1.13"), QStringLiteral("1.14")};
}

QStringList CouperExporter::versionNotes(const Block& backend, const QString& version)
{
    QStringList notes;
    const Block* o = backend.child(BlockType::OAuth2);
    bool hasBeta = false;
    for (const Block& b : backend.blocks)
        hasBeta = hasBeta || b.type == u"beta_token_request";
    if (hasBeta && !atLeast(version, 1, 10))
        notes << QStringLiteral("Couper %1 has no beta_token_request (since 1.10)").arg(version);
    if (o) {
        const QString grant = grantOf(*o);
        const QString method = authMethodOf(*o);
        if ((grant == Schema::Grant::Password || grant == Schema::Grant::JwtBearer) && !atLeast(version, 1, 10))
            notes << QStringLiteral("Couper %1 supports only grant_type client_credentials (%2 since 1.10)").arg(version, grant);
        if (method == Schema::AuthMethod::Basic && !atLeast(version, 1, 10))
            notes << QStringLiteral("Couper %1 sends Basic credentials without form-encoding them (1.10 and later "
                                    "encode client_id and client_secret as RFC 6749 §2.3.1 asks); a secret with "
                                    "special characters is sent differently than Tokenbench sends it")
                         .arg(version);
        if ((method == Schema::AuthMethod::SecretJwt || method == Schema::AuthMethod::PrivateKeyJwt) &&
            !atLeast(version, 1, 11))
            notes << QStringLiteral("Couper %1 has no %2 nor the nested jwt_signing_profile (since 1.11)").arg(version, method);
        if (grant == Schema::Grant::JwtBearer && o->child(QStringLiteral("jwt_signing_profile")) &&
            !atLeast(version, 1, 12))
            notes << QStringLiteral("Couper %1 cannot sign the jwt-bearer assertion with a nested "
                                    "jwt_signing_profile (since 1.12): set assertion instead")
                         .arg(version);
        if (o->child(QStringLiteral("jwt_signing_profile")) &&
            o->child(QStringLiteral("jwt_signing_profile"))->hasAttribute(QStringLiteral("headers")) && !atLeast(version, 1, 5))
            notes << QStringLiteral("Couper %1 ignores jwt_signing_profile headers (since 1.5)").arg(version);
    }
    if (backend.child(QStringLiteral("tls")) && !atLeast(version, 1, 11))
        notes << QStringLiteral("Couper %1 has no backend tls block (since 1.11)").arg(version);
    return notes;
}

Result<ExportOutput> CouperExporter::exportBackend(const ExportInput& input) const
{
    if (!versions().contains(input.couperVersion))
        return Error{Error::Code::Usage,
                     QStringLiteral("unknown Couper version \"%1\" (choose one of %2)")
                         .arg(input.couperVersion, versions().join(QStringLiteral(", "))),
                     QStringLiteral("version")};
    ExportOutput out;
    out.language = language();
    Block backend = input.backend;
    // Couper names an inline backend anonymous_L_C itself and refuses that label in definitions: an inline
    // backend is written under the name the user chose, or inline (in its place in the file, or as a block to
    // paste).
    const bool inlineBackend = isInlineBackendLabel(backend.label);
    if (!input.name.isEmpty()) {
        if (input.anonymousBackend)
            return Error{Error::Code::Usage,
                         QStringLiteral("a name and an anonymous backend block exclude each other: choose one"),
                         QStringLiteral("name")};
        if (!isValidBackendLabel(input.name))
            return Error{Error::Code::Usage,
                         QStringLiteral("\"%1\" is not a Couper backend label: use letters, digits and '_' (not "
                                        "starting with anonymous_)")
                             .arg(input.name),
                         QStringLiteral("name")};
        if (input.name != backend.label)
            out.notes << (inlineBackend ? QStringLiteral("the inline backend %1 is written as backend \"%2\" in definitions: "
                                                         "reference it with backend = \"%2\"")
                                              .arg(backend.label, input.name)
                                        : QStringLiteral("backend \"%1\" is written as \"%2\"").arg(backend.label, input.name));
        backend.label = input.name;
    }
    const bool inPlace = inlineBackend && input.name.isEmpty() && !input.anonymousBackend;
    if (inPlace && input.context.isEmpty())
        return Error{Error::Code::Usage,
                     QStringLiteral("backend %1 is defined inline (Couper names it anonymous_L_C itself) and Couper "
                                    "refuses an anonymous_ label in definitions: give it a name, or export it as an "
                                    "inline backend block")
                         .arg(backend.label),
                     QStringLiteral("name")};
    // Credentials typed into header / query / form maps (modifiers, beta_token_request headers, form_body,
    // query_params, json_body) are never written: each becomes an env.NAME the user sets.
    {
        QList<QPair<QString, QString>> taken;
        SecretLiterals::reserveNames(backend, &taken);
        QList<SecretLiterals::MovedAt> moved;
        backend = SecretLiterals::moveAllToReferences(backend, backend.label, {}, &taken, &moved);
        for (const SecretLiterals::MovedAt& m : std::as_const(moved)) {
            const QString where = QStringLiteral("backend") + (m.block.isEmpty() ? QString() : u'.' + m.block) + u'.' +
                                  m.attribute + u'.' + m.entry.key;
            out.addVariable({m.entry.variable, where, true});
            out.notes << QStringLiteral("%1 was a literal credential; it is read from %2 instead (set it before running)")
                             .arg(where, m.entry.variable);
        }
    }

    // The beta token is not sent by itself: reference it where the resource request is made.
    QList<const Block*> betas;
    for (const Block& b : backend.blocks) {
        if (b.type == u"beta_token_request")
            betas << &b;
    }
    if (!betas.isEmpty() && !backend.hasAttribute(QStringLiteral("set_request_headers"))) {
        const QString label = betas.constFirst()->label;
        const QString ref = label.isEmpty() || label == u"default"
                                ? QStringLiteral("backend.beta_token")
                                : QStringLiteral("backend.beta_tokens.") + label;
        backend.setAttribute(QStringLiteral("set_request_headers"),
                             QStringLiteral("{\n  authorization = \"Bearer ${%1}\"\n}").arg(ref));
        out.notes << QStringLiteral("added set_request_headers: the token of beta_token_request \"%1\" is sent as "
                                    "Authorization: Bearer")
                         .arg(label.isEmpty() ? QStringLiteral("default") : label);
    }
    if (const Block* o = backend.child(BlockType::OAuth2)) {
        static const QStringList couperGrants = {
            QStringLiteral("client_credentials"), QStringLiteral("password"),
            QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer"),
        };
        const QString grant = o->attribute(QStringLiteral("grant_type")).trimmed();
        if (!grant.isEmpty() && !couperGrants.contains(grant))
            out.notes << QStringLiteral("Couper's oauth2 block accepts the grants client_credentials, password and "
                                        "jwt-bearer only: Couper will refuse grant_type \"%1\" (a Tokenbench flow)")
                             .arg(grant);
        if (o->attribute(QStringLiteral("token_endpoint_auth_method")).trimmed() == u"none")
            out.notes << QStringLiteral("Couper has no token_endpoint_auth_method \"none\": Couper will refuse it");
    }
    if (backend.child(BlockType::OAuth2))
        out.notes << QStringLiteral("Couper sets Authorization: Bearer with the oauth2 token on every request of "
                                    "this backend by itself; no set_request_headers is needed");

    const Writer writer(backend, &out);
    QString body;
    if (input.anonymousBackend) {
        writer.block(backend, QStringLiteral("backend"), {}, 0, &body);
    } else if (inPlace) {
        // In its place: the blocks around it, with their labels (their other content is not part of the export).
        int depth = 0;
        for (const auto& [type, labels] : input.context) {
            body += QString(depth * 2, u' ') + type;
            for (const QString& l : labels)
                body += u' ' + Hcl::quoteString(l);
            body += QStringLiteral(" {\n");
            ++depth;
        }
        writer.block(backend, QStringLiteral("backend"), {}, depth, &body);
        while (depth-- > 0)
            body += QString(depth * 2, u' ') + QStringLiteral("}\n");
        out.notes << QStringLiteral("%1 is an inline backend: it is written inside its %2 block, as in its file")
                         .arg(input.backend.label, input.context.constLast().first);
    } else {
        body = QStringLiteral("definitions {\n");
        writer.block(backend, QStringLiteral("backend"), {backend.label}, 1, &body);
        body += QStringLiteral("}\n");
    }
    out.notes << versionNotes(backend, input.couperVersion);

    QString header = QStringLiteral("# Generated by Tokenbench for Couper %1.\n").arg(input.couperVersion);
    if (input.anonymousBackend)
        header += QStringLiteral("# Paste this backend block into a proxy or request block.\n");
    else if (inPlace)
        header += QStringLiteral("# The inline backend %1 in its place; copy its backend block, or the whole file.\n")
                      .arg(input.backend.label);
    if (!out.variables.isEmpty())
        header += QStringLiteral("# Environment variables: %1\n").arg(out.variableNames().join(QStringLiteral(", ")));
    const QByteArray formatted = Hcl::format((header + body).toUtf8());
    out.text = QString::fromUtf8(formatted);
    return out;
}

} // namespace Tokenbench::Core::Export
