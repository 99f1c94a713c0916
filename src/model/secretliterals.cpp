#include "model/secretliterals.h"

#include "hcl/couperscope.h"
#include "hcl/document.h"
#include "model/schema.h"
#include "model/valueresolver.h"

#include <cmath>

#include <QHash>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace Tokenbench::Core::SecretLiterals {

namespace {

QString normalized(const QString& name)
{
    QString n = name.trimmed().toLower();
    n.replace(u'-', u'_');
    return n;
}

// The decoded text of a plain quoted string or heredoc (no interpolation, no directive), else false.
bool plainString(const Hcl::Expr* e, QString* out)
{
    if (!e || e->kind != Hcl::ExprKind::Template)
        return false;
    QString text;
    for (const Hcl::Expr* part : e->children) {
        if (!part || part->kind != Hcl::ExprKind::TemplateText)
            return false;
        text += part->text;
    }
    *out = text;
    return true;
}

QString keyText(const Hcl::Expr* key, const QByteArray& source)
{
    if (!key)
        return {};
    if (key->kind == Hcl::ExprKind::ObjectKeyIdent)
        return QString::fromUtf8(source.mid(key->name.begin, key->name.size()));
    const Hcl::Expr* k = key;
    while (k && k->kind == Hcl::ExprKind::Parens && !k->children.empty())
        k = k->children.front();
    QString text;
    if (plainString(k, &text))
        return text;
    return {};
}

void collect(const Hcl::Expr* e, const QString& key, const QByteArray& source, QList<Literal>* out, int depth)
{
    if (!e || depth > 64)
        return;
    switch (e->kind) {
    case Hcl::ExprKind::Object:
        for (std::size_t i = 0; i + 1 < e->children.size(); i += 2) {
            const QString k = keyText(e->children[i], source);
            if (k.isEmpty())
                continue; // a computed key: not a literal entry
            collect(e->children[i + 1], key.isEmpty() ? k : key + u'.' + k, source, out, depth + 1);
        }
        return;
    case Hcl::ExprKind::Tuple:
        // Query and form parameters may have several values: each is checked under the same key.
        for (const Hcl::Expr* item : e->children)
            collect(item, key, source, out, depth + 1);
        return;
    case Hcl::ExprKind::Parens:
        if (!e->children.empty())
            collect(e->children.front(), key, source, out, depth + 1);
        return;
    case Hcl::ExprKind::Template: {
        QString value;
        if (key.isEmpty() || !plainString(e, &value) || value.trimmed().isEmpty())
            return;
        const bool byName = isCredentialName(key.section(u'.', -1));
        if (!byName && !looksLikeCredential(value))
            return;
        out->append(Literal{key, value, e->range.begin, e->range.end, byName});
        return;
    }
    default:
        // Expressions (request.headers.x, env.X, function calls, conditionals) are not values to move.
        return;
    }
}

double entropyPerChar(const QString& s)
{
    QHash<QChar, int> counts;
    for (QChar c : s)
        ++counts[c];
    double h = 0;
    for (int n : std::as_const(counts)) {
        const double p = double(n) / double(s.size());
        h -= p * std::log2(p);
    }
    return h;
}

// The bytes an expression is parsed from (a heredoc's closing marker needs its line end).
QByteArray sourceBytes(const QString& text)
{
    QByteArray bytes = text.toUtf8();
    if (text.contains(QStringLiteral("<<")) && !text.endsWith(u'\n'))
        bytes += '\n';
    return bytes;
}

} // namespace

bool isCredentialMap(const QString& blockType, const QString& attribute)
{
    const QString type = blockType.section(u'.', -1);
    if (type == BlockType::Backend)
        return Schema::requestModifierMaps().contains(attribute);
    if (type == u"beta_token_request") {
        static const QStringList maps = {QStringLiteral("headers"), QStringLiteral("form_body"),
                                         QStringLiteral("query_params"), QStringLiteral("json_body")};
        return maps.contains(attribute);
    }
    return false;
}

bool isCredentialName(const QString& name)
{
    const QString n = normalized(name);
    if (n.isEmpty())
        return false;
    static const QStringList exact = {
        QStringLiteral("authorization"),  QStringLiteral("proxy_authorization"), QStringLiteral("cookie"),
        QStringLiteral("set_cookie"),     QStringLiteral("x_api_key"),           QStringLiteral("api_key"),
        QStringLiteral("apikey"),         QStringLiteral("x_apikey"),            QStringLiteral("key"),
        QStringLiteral("token"),          QStringLiteral("access_token"),        QStringLiteral("refresh_token"),
        QStringLiteral("id_token"),       QStringLiteral("x_auth_token"),        QStringLiteral("auth_token"),
        QStringLiteral("client_secret"),  QStringLiteral("password"),            QStringLiteral("passwd"),
        QStringLiteral("pwd"),            QStringLiteral("secret"),              QStringLiteral("assertion"),
        QStringLiteral("client_assertion"), QStringLiteral("private_key"),       QStringLiteral("session"),
        QStringLiteral("sessionid"),      QStringLiteral("session_id"),          QStringLiteral("credentials"),
        QStringLiteral("x_amz_security_token"), QStringLiteral("ocp_apim_subscription_key"),
    };
    if (exact.contains(n))
        return true;
    if (n.contains(QStringLiteral("secret")) || n.contains(QStringLiteral("password")) ||
        n.contains(QStringLiteral("passwd")) || n.contains(QStringLiteral("cookie")))
        return true;
    // x_access_token, xsrf_token, subscription_key, x_functions_key, x-goog-api-key, ...
    return n.endsWith(QStringLiteral("_token")) || n.endsWith(QStringLiteral("_key")) ||
           n.endsWith(QStringLiteral("apikey")) || n.endsWith(QStringLiteral("_auth"));
}

bool looksLikeCredential(const QString& value)
{
    const QString v = value.trimmed();
    if (v.isEmpty())
        return false;
    // An Authorization header value: a scheme and its credentials.
    static const QRegularExpression scheme(
        QStringLiteral("^(bearer|basic|digest|negotiate|dpop|mac|hoba|ntlm|token|aws4-hmac-sha256|"
                       "sharedaccesssignature|sso-key)\\s+\\S"),
        QRegularExpression::CaseInsensitiveOption);
    if (scheme.match(v).hasMatch())
        return true;
    // A JWT (JWS: three parts, JWE: five), base64url JSON header first.
    static const QRegularExpression jwt(QStringLiteral("^eyJ[A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]*){2,4}$"));
    if (jwt.match(v).hasMatch())
        return true;
    // A long random token (API key, opaque access token). Identifiers people put in headers (UUIDs,
    // host names, numbers, words) are not.
    static const QRegularExpression tokenChars(QStringLiteral("^[A-Za-z0-9+/=_.~-]{20,}$"));
    static const QRegularExpression uuid(
        QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    if (!tokenChars.match(v).hasMatch() || uuid.match(v).hasMatch())
        return false;
    bool digit = false, lower = false, upper = false;
    for (QChar c : v) {
        digit = digit || c.isDigit();
        lower = lower || c.isLower();
        upper = upper || c.isUpper();
    }
    if (!digit || !(lower || upper))
        return false;
    return entropyPerChar(v) >= 3.5;
}

QList<Literal> find(const QString& expressionText)
{
    QList<Literal> out;
    if (expressionText.trimmed().isEmpty())
        return out;
    const Hcl::ExpressionSource parsed = Hcl::ExpressionSource::parse(sourceBytes(expressionText));
    const Hcl::Expr* e = parsed.expr();
    while (e && e->kind == Hcl::ExprKind::Parens && !e->children.empty())
        e = e->children.front();
    if (!e || e->kind != Hcl::ExprKind::Object)
        return out;
    collect(e, {}, parsed.source(), &out, 0);
    return out;
}

QList<Literal> find(const QString& blockType, const QString& attribute, const QString& expressionText)
{
    if (!isCredentialMap(blockType, attribute))
        return {};
    return find(expressionText);
}

Rewritten moveToReferences(const QString& blockType, const QString& attribute, const QString& expressionText,
                           const QString& variablePrefix, QList<QPair<QString, QString>>* taken)
{
    Rewritten r;
    r.text = expressionText;
    const QList<Literal> literals = find(blockType, attribute, expressionText);
    if (literals.isEmpty())
        return r;
    QByteArray bytes = sourceBytes(expressionText);
    // From the end, so earlier offsets stay valid.
    QList<Moved> moved;
    for (qsizetype i = literals.size() - 1; i >= 0; --i) {
        const Literal& l = literals.at(i);
        if (l.begin < 0 || l.end > bytes.size() || l.end <= l.begin)
            continue;
        const QString base = ValueResolver::suggestName(variablePrefix, l.key);
        QString variable;
        for (int n = 1; variable.isEmpty(); ++n) {
            const QString candidate = n == 1 ? base : base + u'_' + QString::number(n);
            bool clash = false;
            bool same = false;
            for (const auto& [name, value] : std::as_const(*taken)) {
                if (name == candidate) {
                    (value == l.value ? same : clash) = true;
                }
            }
            // Within this attribute, entries handled so far (later in the text) are not in `taken` yet.
            for (const Moved& m : std::as_const(moved)) {
                if (m.variable == candidate)
                    (m.value == l.value ? same : clash) = true;
            }
            if (same || !clash)
                variable = candidate;
        }
        bytes.replace(l.begin, l.end - l.begin, ValueResolver::makeReference(variable).toUtf8());
        moved.prepend(Moved{l.key, variable, l.value});
    }
    r.text = QString::fromUtf8(bytes);
    const bool addedLineEnd = expressionText.contains(QStringLiteral("<<")) && !expressionText.endsWith(u'\n');
    if (addedLineEnd && r.text.endsWith(u'\n'))
        r.text.chop(1);
    for (const Moved& m : std::as_const(moved)) {
        bool known = false;
        for (const auto& [name, value] : std::as_const(*taken))
            known = known || (name == m.variable && value == m.value);
        if (!known)
            taken->append({m.variable, m.value});
    }
    r.moved = moved;
    return r;
}

namespace {

void reserve(const Block& b, const QString& backendLabel, QList<QPair<QString, QString>>* taken)
{
    for (auto it = b.attributes.cbegin(); it != b.attributes.cend(); ++it) {
        const QString& text = it.value();
        if (Schema::isSecret(b.type, it.key()) && !text.isEmpty() && !ValueResolver::isReference(text.trimmed()))
            taken->append({ValueResolver::suggestName(backendLabel, it.key()), text});
        for (const QString& name : Hcl::envReferences(text))
            taken->append({name, QString()});
    }
    for (const Block& c : b.blocks)
        reserve(c, backendLabel, taken);
}

} // namespace

void reserveNames(const Block& backend, QList<QPair<QString, QString>>* taken)
{
    reserve(backend, backend.label, taken);
}

Block moveAllToReferences(const Block& block, const QString& backendLabel, const QString& blockPath,
                          QList<QPair<QString, QString>>* taken, QList<MovedAt>* moved)
{
    Block copy = block;
    QString prefix = backendLabel;
    if (block.type == u"beta_token_request" && !block.label.isEmpty() && block.label != u"default")
        prefix += u'_' + block.label;
    for (auto it = copy.attributes.begin(); it != copy.attributes.end(); ++it) {
        if (!isCredentialMap(block.type, it.key()))
            continue;
        const Rewritten r = moveToReferences(block.type, it.key(), it.value(), prefix, taken);
        if (r.moved.isEmpty())
            continue;
        it.value() = r.text;
        if (moved) {
            for (const Moved& m : r.moved)
                moved->append(MovedAt{backendLabel, blockPath, it.key(), m});
        }
    }
    for (Block& child : copy.blocks) {
        const QString childPath = blockPath.isEmpty() ? child.type : blockPath + u'.' + child.type;
        child = moveAllToReferences(child, backendLabel, childPath, taken, moved);
    }
    return copy;
}

std::optional<QString> plainStringLiteral(const QString& expressionText)
{
    const QString t = expressionText.trimmed();
    if (!t.startsWith(u'"'))
        return std::nullopt;
    const Hcl::ExpressionSource e = Hcl::ExpressionSource::parse(t.toUtf8());
    if (hasErrors(e.diagnostics()))
        return std::nullopt;
    QString out;
    if (!plainString(e.expr(), &out))
        return std::nullopt;
    return out;
}

QList<QPair<QString, QString>> urlSecrets(const QString& url)
{
    QList<QPair<QString, QString>> out;
    const QUrl u(url.trimmed());
    if (!u.isValid())
        return out;
    if (!u.password().isEmpty())
        out.append({QStringLiteral("password"), u.password(QUrl::FullyDecoded)});
    const QUrlQuery query(u);
    for (const auto& [name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!value.isEmpty() && (isCredentialName(name) || looksLikeCredential(value)))
            out.append({name, value});
    }
    return out;
}

} // namespace Tokenbench::Core::SecretLiterals
