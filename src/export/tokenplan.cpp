#include "export/tokenplan.h"

#include "export/betaplan.h"
#include "model/couperconfig.h"
#include "model/schema.h"
#include "model/secretliterals.h"
#include "net/tokenrequest.h"
#include "model/tokenrequestshape.h"
#include "util/duration.h"

#include <algorithm>

namespace Tokenbench::Core::Export {

namespace {

// The nested jwt_signing_profile of a plan that signs: algorithm, ttl, claims, headers, key or key_file.
Result<void> takeProfile(const Block& backend, const Block& o, TokenPlan& plan, ExportOutput* out)
{
    const Block* profile = o.child(QStringLiteral("jwt_signing_profile"));
    if (!profile)
        return Error{Error::Code::Usage,
                     plan.grant == Schema::Grant::JwtBearer
                         ? QStringLiteral("jwt_signing_profile block or assertion must be set with grant_type %1")
                               .arg(plan.grant)
                         : QStringLiteral("jwt_signing_profile block must be set with %1").arg(plan.method),
                     backend.label + QStringLiteral(".oauth2.jwt_signing_profile")};
    plan.signs = true;
    plan.algorithm = profile->attribute(QStringLiteral("signature_algorithm")).trimmed();
    const QString ppath = QStringLiteral("oauth2.jwt_signing_profile");
    const auto ttl = Duration::parseGo(profile->attribute(QStringLiteral("ttl")).trimmed());
    if (!ttl)
        return Error{Error::Code::Usage, QStringLiteral("jwt_signing_profile.ttl: ") + ttl.error().message,
                     backend.label + QStringLiteral(".oauth2.jwt_signing_profile.ttl")};
    plan.ttlSeconds = *ttl / Duration::Second;
    for (const char* name : {"claims", "headers"}) {
        auto parsed = parseObjectText(profile->attribute(QString::fromLatin1(name)));
        if (!parsed)
            return Error{Error::Code::Usage, parsed.error().message,
                         backend.label + QStringLiteral(".oauth2.jwt_signing_profile.") + QString::fromLatin1(name)};
        (qstrcmp(name, "claims") == 0 ? plan.claims : plan.headers) = parsed.value();
    }
    plan.key = exportValue(backend, *profile, ppath, QStringLiteral("key"), out);
    plan.keyFile = exportValue(backend, *profile, ppath, QStringLiteral("key_file"), out);
    return {};
}

} // namespace

Result<TokenPlan> planTokenRequest(const ExportInput& input, const QString& format, ExportOutput* out)
{
    const Block& backend = input.backend;
    const Block* o = backend.child(BlockType::OAuth2);
    if (!input.requestLabel.isEmpty() || !o) {
        return Error{Error::Code::Usage,
                     o ? QStringLiteral("beta_token_request is not supported by the %1 export yet; export it as "
                                        "Couper HCL")
                             .arg(format)
                       : QStringLiteral("backend \"%1\" has no oauth2 block: the %2 export writes an oauth2 token "
                                        "request (beta_token_request: export as Couper HCL)")
                             .arg(backend.label, format),
                     backend.label};
    }
    TokenPlan plan;
    plan.backend = backend.label;
    const QString path = QStringLiteral("oauth2");
    plan.endpoint = exportValue(backend, *o, path, QStringLiteral("token_endpoint"), out);
    if (plan.endpoint.isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("oauth2.token_endpoint is not set"),
                     backend.label + QStringLiteral(".oauth2.token_endpoint")};
    if (!plan.endpoint.isVariable()) {
        // A credential in the URL would be written in clear (and end up in shell history and logs).
        QStringList names;
        for (const auto& secret : SecretLiterals::urlSecrets(plan.endpoint.literal))
            names << secret.first;
        if (!names.isEmpty())
            return Error{Error::Code::Usage,
                         QStringLiteral("oauth2.token_endpoint carries a credential (%1) in its URL: the %2 export "
                                        "would write it in clear. Send it in the body instead (client_secret with "
                                        "token_endpoint_auth_method client_secret_post, as env.NAME), or export as "
                                        "Couper HCL, which reads it from env.NAME")
                             .arg(names.join(QStringLiteral(", ")), format),
                         backend.label + QStringLiteral(".oauth2.token_endpoint")};
    }
    plan.grant = grantOf(*o);
    plan.method = authMethodOf(*o);
    if (plan.grant != Schema::Grant::ClientCredentials && plan.grant != Schema::Grant::Password &&
        plan.grant != Schema::Grant::JwtBearer) {
        return Error{Error::Code::Usage,
                     QStringLiteral("grant_type \"%1\" is not supported by the %2 export yet (client_credentials, "
                                    "password and jwt-bearer are); export it as Couper HCL")
                         .arg(plan.grant.isEmpty() ? QStringLiteral("(none)") : plan.grant, format),
                     backend.label + QStringLiteral(".oauth2.grant_type")};
    }
    // The same shape prepareTokenRequest() fills, each slot mapped to a literal or a variable.
    ShapeFlags flags;
    flags.scope = !o->attribute(QStringLiteral("scope")).isEmpty();
    flags.assertion = !o->attribute(QStringLiteral("assertion")).isEmpty();
    flags.rawBasicCredentials = o->attribute(QStringLiteral("raw_basic_credentials")).trimmed() == u"true";
    auto shaped = tokenRequestShape(plan.grant, plan.method, flags);
    if (!shaped) {
        return Error{Error::Code::Usage,
                     QStringLiteral("token_endpoint_auth_method \"%1\" is not supported by the %2 export")
                         .arg(plan.method, format),
                     backend.label + QStringLiteral(".oauth2.token_endpoint_auth_method")};
    }
    const TokenRequestShape& shape = shaped.value();
    plan.basic = shape.basicCredentials;
    plan.rawBasic = shape.rawBasicCredentials;
    plan.clientAssertion = shape.assertionKey != AssertionKey::None;
    // Variables are named in this order: the grant's attributes, the signing key, the client credentials.
    QHash<QString, ExportValue> values;
    auto take = [&](const QString& name) {
        if (!values.contains(name))
            values.insert(name, exportValue(backend, *o, path, name, out));
        return values.value(name);
    };
    const QStringList credentials = {QStringLiteral("client_id"), QStringLiteral("client_secret")};
    for (const FormSlot& slot : shape.fields) {
        if (slot.source == SlotSource::Attribute && !credentials.contains(slot.text))
            take(slot.text);
    }
    if (shape.signs()) {
        if (auto r = takeProfile(backend, *o, plan, out); !r)
            return r.error();
    }
    if (shape.usesAttribute(QStringLiteral("client_id")))
        plan.clientId = take(QStringLiteral("client_id"));
    if (shape.usesAttribute(QStringLiteral("client_secret")))
        plan.clientSecret = take(QStringLiteral("client_secret"));
    if (shape.assertionKey == AssertionKey::ClientSecret) {
        plan.key = plan.clientSecret;
        plan.keyFile = {};
    }
    plan.profileKey = plan.signs && shape.assertionKey != AssertionKey::ClientSecret;
    QList<FormPart> form;
    for (const FormSlot& slot : shape.fields) {
        switch (slot.source) {
        case SlotSource::Fixed:
            form.append({slot.field, ExportValue{slot.text, {}, false}, false});
            break;
        case SlotSource::Attribute:
            form.append({slot.field, take(slot.text), false});
            break;
        case SlotSource::ClientAssertion:
        case SlotSource::JwtBearerAssertion:
            form.append({slot.field, {}, true});
            break;
        case SlotSource::FlowValue: // the interactive grants are refused above
            return Error{Error::Code::Usage,
                         QStringLiteral("%1 is obtained by an interactive flow the %2 export cannot run")
                             .arg(slot.field, format),
                         backend.label + QStringLiteral(".oauth2.grant_type")};
        }
    }
    // url.Values.Encode(): keys sorted by their bytes, values of one key in insertion order.
    std::stable_sort(form.begin(), form.end(),
                     [](const FormPart& a, const FormPart& b) { return a.key.toUtf8() < b.key.toUtf8(); });
    plan.fields = form;

    // Called only when set explicitly: without it the script prints the token.
    plan.resourceUrl = explicitResourceUrl(input);
    // Attributes this format cannot express: say so rather than drop them silently.
    static const QStringList handled = {
        QStringLiteral("token_endpoint"), QStringLiteral("grant_type"), QStringLiteral("token_endpoint_auth_method"),
        QStringLiteral("client_id"),      QStringLiteral("client_secret"), QStringLiteral("scope"),
        QStringLiteral("username"),       QStringLiteral("password"),  QStringLiteral("assertion"),
        QStringLiteral("retries"),        QStringLiteral("raw_basic_credentials"),
    };
    if (out) {
        for (auto it = o->attributes.cbegin(); it != o->attributes.cend(); ++it) {
            if (!handled.contains(it.key()) && !it.value().isEmpty())
                out->notes << QStringLiteral("oauth2.%1 is not supported by the %2 export and is left out").arg(it.key(), format);
        }
        for (const Block& child : o->blocks) {
            if (child.type != u"jwt_signing_profile")
                out->notes << QStringLiteral("oauth2 %1 block is not supported by the %2 export and is left out")
                                  .arg(child.type, format);
        }
        for (const Block& child : backend.blocks) {
            if (child.type != BlockType::OAuth2 && child.type != u"beta_token_request")
                out->notes << QStringLiteral("backend %1 block is not supported by the %2 export and is left out")
                                  .arg(child.type, format);
        }
    }
    return plan;
}

} // namespace Tokenbench::Core::Export
