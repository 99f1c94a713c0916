#include "run/runplan.h"

#include "hcl/couperscope.h"
#include "model/block.h"
#include "model/couperconfig.h"
#include "model/secretliterals.h"
#include "model/valueresolver.h"
#include "net/betaresource.h"

#include <QSet>

namespace Tokenbench::Core {

namespace {

bool hasTokenSource(const Block& b)
{
    return b.child(BlockType::OAuth2) || !betaTokenRequests(b).isEmpty();
}

QString listOrNone(const QStringList& names)
{
    return names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "));
}

const Block* findBackend(const QList<Block>& backends, const QString& label)
{
    for (const Block& b : backends) {
        if (b.label == label)
            return &b;
    }
    return nullptr;
}

const Block* findRequest(const Block& backend, const QString& label)
{
    for (const Block* b : betaTokenRequests(backend)) {
        if (betaLabel(*b) == label)
            return b;
    }
    return nullptr;
}

// env.NAME anywhere in a block's expressions (and its nested blocks'), once per name.
void collectEnvironment(const Block& block, const QString& backend, const QString& path, const QString& place,
                        QSet<QString>& seen, QList<SecretReference>& out)
{
    for (auto it = block.attributes.cbegin(); it != block.attributes.cend(); ++it) {
        for (const QString& name : Hcl::envReferences(it.value())) {
            if (seen.contains(name))
                continue;
            seen.insert(name);
            out.append(SecretReference{name, backend, path, it.key(), QStringLiteral("%1 %2").arg(place, it.key())});
        }
    }
    for (const Block& child : block.blocks)
        collectEnvironment(child, backend, path + u'.' + child.type, place + u' ' + child.type, seen, out);
}

// The attributes of one block (and its tls block) that read a client request: "path.attribute" and what
// each reads.
using RequestReads = QList<QPair<QString, QStringList>>;
void ownRequestReads(const Block& block, const QString& path, RequestReads& out)
{
    for (auto it = block.attributes.cbegin(); it != block.attributes.cend(); ++it) {
        if (Hcl::readsClientRequest(block.type, it.key(), it.value()))
            out.append({path + u'.' + it.key(), Hcl::clientRequestReads(it.value())});
    }
    if (const Block* tls = block.child(QStringLiteral("tls")))
        ownRequestReads(*tls, path + QStringLiteral(".tls"), out);
}

// The token backend of a token source as the run uses it, and the path that names it in messages.
std::pair<const Block*, QString> tokenBackendFor(const QList<Block>& backends, const Block& backend, const Block& source,
                                                 const QString& sourcePath)
{
    if (const Block* nested = source.child(BlockType::Backend)) {
        if (nested->label.isEmpty())
            return {nested, backend.label + u'.' + sourcePath + QStringLiteral(".backend")};
        if (const Block* defined = findBackend(backends, nested->label))
            return {defined, nested->label};
    }
    QString ref = source.attribute(QStringLiteral("backend")).trimmed();
    if (!Hcl::evaluatedAtStartup(source.type, QStringLiteral("backend"))) // kept as written: "as"
        ref = Hcl::scalarString(Hcl::evaluateExpression(ref, Hcl::couperContext(Hcl::EvaluationTime::Startup)).value);
    if (const Block* defined = ref.isEmpty() ? nullptr : findBackend(backends, ref))
        return {defined, defined->label};
    return {nullptr, {}};
}

// Reference sections 1.3, 1.5, 3.1: attributes Couper evaluates per request may read the client request
// (request.*, backend_responses.*, ...). A run has no client request, so such a value is unknown: the run
// names every attribute it would send that reads one, rather than send what null makes of it.
Result<void> requireNoClientRequest(const QList<Block>& backends, const Block& backend, const RunTarget& target,
                                    bool resourceStep)
{
    RequestReads reads;
    if (target.request.isEmpty()) {
        if (const Block* o = backend.child(BlockType::OAuth2)) {
            const QString path = backend.label + QStringLiteral(".oauth2");
            ownRequestReads(*o, path, reads);
            if (const Block* profile = o->child(QStringLiteral("jwt_signing_profile")))
                ownRequestReads(*profile, path + QStringLiteral(".jwt_signing_profile"), reads);
            const auto [tokenBackend, where] = tokenBackendFor(backends, backend, *o, QStringLiteral("oauth2"));
            if (tokenBackend)
                ownRequestReads(*tokenBackend, where, reads);
        }
    } else if (const Block* tr = findRequest(backend, target.request)) {
        const QString sourcePath = QStringLiteral("beta_token_request \"%1\"").arg(target.request);
        ownRequestReads(*tr, backend.label + u'.' + sourcePath, reads);
        const auto [tokenBackend, where] = tokenBackendFor(backends, backend, *tr, sourcePath);
        if (tokenBackend)
            ownRequestReads(*tokenBackend, where, reads);
        else
            ownRequestReads(backend, backend.label, reads); // the token request goes through this backend
    }
    if (resourceStep)
        ownRequestReads(backend, backend.label, reads);
    if (reads.isEmpty())
        return {};
    QStringList places;
    for (const auto& [place, variables] : std::as_const(reads)) {
        if (!places.contains(place))
            places << place;
    }
    const auto& [first, variables] = reads.constFirst();
    const QString attribute = first.section(u'.', -1);
    QString hint = QStringLiteral("write a value a run can use there (a literal, or env.NAME)");
    if (attribute == u"assertion")
        hint += QStringLiteral(", or give the assertion with --assertion (tokenbench-cli token)");
    return Error{Error::Code::Usage,
                 QStringLiteral("%1 reads the client request (%2), which a run does not have: Couper evaluates it "
                                "for every request, so its value is unknown until a request supplies it%3. To run, %4")
                     .arg(first, variables.join(QStringLiteral(", ")),
                          places.size() > 1 ? QStringLiteral(" (the same for %1)").arg(places.mid(1).join(QStringLiteral(", ")))
                                            : QString(),
                          hint),
                 first};
}

} // namespace

Result<RunTarget> chooseTarget(const QList<Block>& backends, const QString& backend, const QString& request,
                               const QString& where)
{
    const QString in = where.isEmpty() ? QString() : where + QStringLiteral(": ");
    QStringList candidates;
    for (const Block& b : backends) {
        if (hasTokenSource(b))
            candidates << b.label;
    }
    RunTarget target;
    target.backend = backend;
    if (target.backend.isEmpty()) {
        if (candidates.size() != 1)
            return Error{Error::Code::Usage,
                         candidates.isEmpty()
                             ? in + QStringLiteral("no backend has an oauth2 block or a beta_token_request")
                             : in + QStringLiteral("several backends have an oauth2 block or a beta_token_request; "
                                                   "choose one (%1)")
                                        .arg(candidates.join(QStringLiteral(", "))),
                         QStringLiteral("backend")};
        target.backend = candidates.constFirst();
    }
    const Block* b = findBackend(backends, target.backend);
    if (!b)
        return Error{Error::Code::Usage,
                     in + QStringLiteral("no backend \"%1\" (backends with oauth2 or beta_token_request: %2)")
                              .arg(target.backend, listOrNone(candidates)),
                     QStringLiteral("backend")};
    if (!hasTokenSource(*b))
        return Error{Error::Code::Usage,
                     in + QStringLiteral("backend \"%1\" has no oauth2 or beta_token_request block").arg(target.backend),
                     QStringLiteral("backend")};
    QStringList labels;
    for (const Block* r : betaTokenRequests(*b))
        labels << betaLabel(*r);
    if (request == BlockType::OAuth2) {
        if (!b->child(BlockType::OAuth2))
            return Error{Error::Code::Usage, in + QStringLiteral("backend \"%1\" has no oauth2 block").arg(target.backend),
                         QStringLiteral("request")};
        return target;
    }
    if (!request.isEmpty()) {
        if (!findRequest(*b, request))
            return Error{Error::Code::Usage,
                         in + QStringLiteral("backend \"%1\" has no beta_token_request \"%2\" (it has: %3)")
                                  .arg(target.backend, request, listOrNone(labels)),
                         QStringLiteral("request")};
        target.request = request;
        return target;
    }
    if (b->child(BlockType::OAuth2))
        return target;
    if (labels.size() == 1)
        target.request = labels.constFirst();
    else if (labels.contains(QStringLiteral("default")))
        target.request = QStringLiteral("default");
    else
        return Error{Error::Code::Usage,
                     in + QStringLiteral("backend \"%1\" has several token requests and none is \"default\"; "
                                         "choose one (%2)")
                              .arg(target.backend, labels.join(QStringLiteral(", "))),
                     QStringLiteral("request")};
    return target;
}

QList<SecretReference> neededSecrets(const Block& backend, const RunTarget& target, bool resourceStep)
{
    QList<SecretReference> out;
    QSet<QString> seen;
    for (const SecretReference& r : secretReferences(backend)) {
        if (seen.contains(r.variable))
            continue;
        const bool ofOAuth2 = r.block.startsWith(BlockType::OAuth2);
        const bool ofRequest = r.block.startsWith(QStringLiteral("beta_token_request")); // scanned below
        // The backend's header/query/form modifiers, where typed credentials are kept as env.NAME.
        const bool modifier = r.block.isEmpty() && SecretLiterals::isCredentialMap(BlockType::Backend, r.attribute);
        // The token source's references; the backend's own settings (basic_auth, tls, modifiers) when the
        // resource step is sent through it.
        const bool needed = ofOAuth2 ? target.request.isEmpty() : !ofRequest && (modifier || resourceStep);
        if (needed) {
            seen.insert(r.variable);
            out.append(r);
        }
    }
    if (!target.request.isEmpty()) {
        if (const Block* request = findRequest(backend, target.request))
            collectEnvironment(*request, backend.label, request->type,
                               QStringLiteral("beta_token_request \"%1\"").arg(target.request), seen, out);
    }
    return out;
}

Result<RunPlan> planRun(const QList<Block>& backends, const RunTarget& target, const ValueResolver& resolver,
                        const RunOptions& options, Diagnostics* diagnostics)
{
    const Block* found = findBackend(backends, target.backend);
    if (!found)
        return Error{Error::Code::Usage, QStringLiteral("no backend \"%1\"").arg(target.backend), QStringLiteral("backend")};
    const Block backend = *found; // the plan's resource step keeps its own copy
    const bool resourceStep = !options.resourceUrl.isEmpty() ||
                              !backend.attribute(QStringLiteral("tokenbench_resource_url")).trimmed().isEmpty();
    if (auto unknown = requireNoClientRequest(backends, backend, target, resourceStep); !unknown)
        return unknown.error();
    RunPlan plan;
    plan.backend = backend.label;
    plan.request = target.request;

    if (!target.request.isEmpty()) {
        const Block* request = findRequest(backend, target.request);
        if (!request)
            return Error{Error::Code::Usage,
                         QStringLiteral("the backend has no beta_token_request \"%1\"").arg(target.request),
                         QStringLiteral("request")};
        if (options.retries)
            return Error{Error::Code::Usage,
                         QStringLiteral("retries does not apply to a beta_token_request: Couper never retries it"),
                         QStringLiteral("retries")};
        auto spec = betaSpecFromBlock(backend, *request, resolver, &backends);
        if (!spec)
            return spec.error();
        plan.warnings += spec->warnings;
        for (const auto& [value, field] : {std::pair{options.totalMs, &spec->timeouts.totalMs},
                                           std::pair{options.connectMs, &spec->timeouts.connectMs},
                                           std::pair{options.ttfbMs, &spec->timeouts.ttfbMs}}) {
            if (value)
                *field = *value;
        }
        plan.beta = spec.value();
        // The resource step: checked now, planned with the token (the backend's modifiers see it).
        auto check = betaResourcePlan(backend, target.request, QString(), resolver, options.resourceUrl, options.baseDir);
        if (!check)
            return check.error();
        if (check->has_value()) {
            const QString label = target.request;
            const ValueResolver values = resolver;
            const QString url = options.resourceUrl;
            const QString baseDir = options.baseDir;
            plan.resource = [backend, label, values, url, baseDir](const QString& token) {
                return betaResourcePlan(backend, label, token, values, url, baseDir);
            };
        }
        plan.policy = ResourcePolicy{0, false}; // reference section 2.7: never retried, the token stays
        return plan;
    }

    Diagnostics problems;
    auto spec = specFromBackend(backend, resolver, &problems);
    if (diagnostics)
        *diagnostics += problems;
    if (!spec)
        return spec.error();
    // The token backend (oauth2's backend): its TLS, proxy, modifiers and deadlines.
    if (auto applied = applyTokenBackend(spec.value(), backend, backends, resolver, &plan.warnings, options.baseDir);
        !applied)
        return applied.error();
    for (const auto& [value, field] : {std::pair{options.totalMs, &spec->timeouts.totalMs},
                                       std::pair{options.connectMs, &spec->timeouts.connectMs},
                                       std::pair{options.ttfbMs, &spec->timeouts.ttfbMs}}) {
        if (value)
            *field = *value;
    }
    plan.oauth2 = spec.value();
    plan.cacheKey = backend.label;
    auto resource = resourceSpecFromBackend(backend, resolver, options.resourceUrl, options.baseDir);
    if (!resource)
        return resource.error();
    if (resource->has_value()) {
        ResourceSpec call = **resource;
        if (options.retries)
            call.retries = *options.retries;
        plan.policy = ResourcePolicy{call.retries, true}; // reference section 2.7
        plan.resource = fixedResourceStep(call);
    } else if (options.retries) {
        return Error{Error::Code::Usage,
                     QStringLiteral("retries needs a resource URL (tokenbench_resource_url, or --resource)"),
                     QStringLiteral("retries")};
    }
    return plan;
}

} // namespace Tokenbench::Core
