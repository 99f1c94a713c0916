#include "net/betaresource.h"

#include "hcl/couperscope.h"
#include "model/block.h"
#include "model/schema.h"
#include "model/valueresolver.h"

#include <QRegularExpression>

namespace Tokenbench::Core {

bool modifiersReferenceBetaToken(const Block& backend, const QString& label)
{
    // backend.beta_tokens.LABEL / backend.beta_tokens["LABEL"] (and backend.beta_token for the default), or
    // the same below backends.BACKEND.
    const auto refersToToken = [&](const QStringList& steps) {
        if (steps.size() >= 2 && steps.at(0) == u"beta_tokens" && steps.at(1) == label)
            return true;
        return label == u"default" && !steps.isEmpty() && steps.at(0) == u"beta_token";
    };
    for (const QString& name : Schema::requestModifierMaps()) {
        const QString text = backend.attribute(name);
        if (!text.contains(QStringLiteral("beta_token")))
            continue;
        for (const Hcl::Traversal& t : Hcl::traversals(text)) {
            if (t.root == u"backend" && refersToToken(t.steps))
                return true;
            if (t.root == u"backends" && !t.steps.isEmpty() && t.steps.first() == backend.label
                && refersToToken(t.steps.mid(1)))
                return true;
        }
    }
    return false;
}

QString betaTokenSelfReference(const QString& label)
{
    return label == u"default" ? QStringLiteral("backend.beta_token") : QStringLiteral("backend.beta_tokens.") + label;
}

Result<QString> withBearerAuthorization(const QString& mapText, const QString& reference)
{
    const QString value = QStringLiteral("\"Bearer ${%1}\"").arg(reference);
    const QString text = mapText.trimmed();
    if (text.isEmpty())
        return QStringLiteral("{ authorization = %1 }").arg(value);
    const auto cannot = [](const QString& why) {
        return Error{Error::Code::Usage, why, QStringLiteral("set_request_headers")};
    };
    if (!text.startsWith(u'{') || !text.endsWith(u'}'))
        return cannot(QStringLiteral("set_request_headers is not a { name = value } map"));
    // An existing entry: the key (bare or quoted, any case) at the start of the map, of a line or after
    // a comma, and a plain string value (templates without nested quotes).
    static const QRegularExpression entry(
        QStringLiteral("(^|[{,\\n]\\s*)(\"?authorization\"?\\s*[=:]\\s*)(\"(?:[^\"\\\\$]|\\\\.|\\$\\{[^\"}]*\\}|\\$(?!\\{))*\")?"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = entry.match(text);
    if (m.hasMatch()) {
        if (m.capturedLength(3) == 0)
            return cannot(QStringLiteral("its authorization value is an expression Tokenbench does not rewrite"));
        QString out = text;
        out.replace(m.capturedStart(3), m.capturedLength(3), value);
        return out;
    }
    const QString inner = text.mid(1, text.size() - 2);
    if (inner.trimmed().isEmpty())
        return QStringLiteral("{ authorization = %1 }").arg(value);
    if (!inner.contains(u'\n')) {
        QString body = inner.trimmed();
        if (body.endsWith(u','))
            body.chop(1);
        return QStringLiteral("{ %1, authorization = %2 }").arg(body, value);
    }
    // Multi-line: a new line before the closing brace, indented like the first entry.
    static const QRegularExpression indentRe(QStringLiteral("\\n([ \\t]+)\\S"));
    const QRegularExpressionMatch im = indentRe.match(inner);
    const QString indent = im.hasMatch() ? im.captured(1) : QStringLiteral("  ");
    QString head = text.left(text.size() - 1);
    while (head.endsWith(u' ') || head.endsWith(u'\t'))
        head.chop(1);
    if (!head.endsWith(u'\n'))
        head += u'\n';
    return QString(head + indent + QStringLiteral("authorization = ") + value + QStringLiteral("\n}"));
}

Result<std::optional<ResourceCall>> betaResourcePlan(const Block& backend, const QString& label, const QString& token,
                                                     const ValueResolver& resolver, const QString& overrideUrl,
                                                     const QString& baseDir)
{
    auto spec = resourceSpecFromBackend(backend, resolver, overrideUrl, baseDir);
    if (!spec)
        return spec.error();
    if (!spec->has_value())
        return std::optional<ResourceCall>();
    ResourceCall plan;
    plan.bearer = false;
    plan.resource = **spec;
    plan.resource.retries = 0; // beta_token_request never retries (reference section 2.7)
    // The modifiers again, now with the token bound as Couper binds it before evaluating them.
    BetaTokenBinding binding;
    binding.backendName = backend.label;
    binding.tokens.append({label, token});
    auto settings = backendSettingsFromBlock(backend, resolver, baseDir, &binding);
    if (!settings)
        return Error{settings.error().code, settings.error().message, backend.label + u'.' + settings.error().where};
    plan.resource.backend.modifiers = settings->modifiers;
    if (!modifiersReferenceBetaToken(backend, label)) {
        plan.bearer = true;
        plan.note = QStringLiteral("no modifier of backend \"%1\" references this token, so Tokenbench sent it as "
                                   "\"Authorization: Bearer\" (Couper would send no token: add set_request_headers = "
                                   "{ authorization = \"Bearer ${backend.beta_tokens.%2}\" })")
                        .arg(backend.label, label);
    }
    return std::optional<ResourceCall>(plan);
}

} // namespace Tokenbench::Core
