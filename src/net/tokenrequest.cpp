#include "net/tokenrequest.h"

#include "model/block.h"
#include "model/schema.h"
#include "model/validator.h"
#include "model/valueresolver.h"
#include "net/formencoding.h"

namespace Tokenbench::Core {

Result<PreparedRequest> prepareTokenRequest(const TokenRequestSpec& spec)
{
    if (!spec.tokenEndpoint.isValid() || spec.tokenEndpoint.host().isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("token_endpoint must be an absolute http(s) URL"),
                     QStringLiteral("token_endpoint")};
    const QString grant = spec.grantType;
    const QString method = spec.authMethod.isEmpty() ? Schema::AuthMethod::Basic : spec.authMethod;

    PreparedRequest req;
    req.method = QByteArrayLiteral("POST");
    req.url = spec.tokenEndpoint;
    req.purpose = QStringLiteral("token request");
    req.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    req.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")});

    QList<Form::Field> form;
    form.append({QStringLiteral("grant_type"), grant});
    if (!spec.scope.isEmpty())
        form.append({QStringLiteral("scope"), spec.scope});

    if (grant == Schema::Grant::Password) {
        form.append({QStringLiteral("username"), spec.username});
        form.append({QStringLiteral("password"), spec.password});
    }
    if (grant == Schema::Grant::JwtBearer) {
        // No client authentication at all with jwt-bearer.
        form.append({QStringLiteral("assertion"), spec.assertion});
    } else if (method == Schema::AuthMethod::Basic) {
        req.headers.append({QByteArrayLiteral("Authorization"),
                            Form::basicAuthorization(spec.clientId, spec.clientSecret, spec.rawBasicCredentials)});
    } else if (method == Schema::AuthMethod::Post) {
        form.append({QStringLiteral("client_id"), spec.clientId});
        form.append({QStringLiteral("client_secret"), spec.clientSecret});
    } else if (method == Schema::AuthMethod::None) {
        form.append({QStringLiteral("client_id"), spec.clientId});
    } else {
        return Error{Error::Code::Usage,
                     QStringLiteral("token_endpoint_auth_method \"%1\" is not supported yet").arg(method),
                     QStringLiteral("token_endpoint_auth_method")};
    }
    for (const HttpHeader& h : spec.extraHeaders) {
        bool replaced = false;
        for (HttpHeader& existing : req.headers) {
            if (existing.name.compare(h.name, Qt::CaseInsensitive) == 0) {
                existing.value = h.value;
                replaced = true;
            }
        }
        if (!replaced)
            req.headers.append(h);
    }
    req.body = Form::encode(form);
    return req;
}

Result<TokenRequestSpec> specFromBackend(const Block& backend, const ValueResolver& resolver, Diagnostics* problems)
{
    const QString label = backend.label;
    const Block* o = backend.child(BlockType::OAuth2);
    if (!o) {
        return Error{Error::Code::Usage,
                     QStringLiteral("backend \"%1\" has no oauth2 block: add one to request a token").arg(label),
                     label};
    }
    Diagnostics diagnostics = Validator::validateBackend(backend, &resolver);
    if (problems)
        *problems = diagnostics;
    for (const Diagnostic& d : std::as_const(diagnostics)) {
        if (d.severity == Diagnostic::Severity::Error)
            return Error{Error::Code::Usage, d.message, d.path()};
    }
    auto value = [&](const char* name) { return resolver.resolve(o->attribute(QString::fromLatin1(name))).value; };

    TokenRequestSpec spec;
    spec.tokenEndpoint = QUrl(value("token_endpoint"), QUrl::StrictMode);
    if (!spec.tokenEndpoint.isValid() || spec.tokenEndpoint.host().isEmpty()) {
        return Error{Error::Code::Usage,
                     QStringLiteral("token_endpoint \"%1\" is not an absolute URL").arg(value("token_endpoint")),
                     label + QStringLiteral(".oauth2.token_endpoint")};
    }
    spec.grantType = value("grant_type").trimmed();
    spec.authMethod = value("token_endpoint_auth_method").trimmed();
    spec.clientId = value("client_id");
    spec.clientSecret = value("client_secret");
    spec.scope = value("scope");
    spec.username = value("username");
    spec.password = value("password");
    spec.assertion = value("assertion");
    return spec;
}

} // namespace Tokenbench::Core
