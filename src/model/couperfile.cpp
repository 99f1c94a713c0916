#include "model/couperfile.h"

#include <functional>

#include <QRegularExpression>
#include <QSet>

namespace Tokenbench::Core::Hcl {

namespace {

using Sev = Diagnostic::Severity;

Core::Block mapBlock(const Document& document, const Hcl::BlockNode& block, const NodePath& path, SyntaxLink* link);

bool validLabel(const QString& label)
{
    static const QRegularExpression re(QStringLiteral("^[a-zA-Z0-9_]+$"));
    return re.match(label).hasMatch();
}

class Mapper
{
public:
    Mapper(const Document& d, const QSet<QString>& elsewhere) : m_doc(d), m_elsewhere(elsewhere) {}

    CouperFile run()
    {
        m_out.diagnostics = m_doc.diagnostics();
        // Pass 1: defined backends.
        const auto& rootItems = m_doc.body().items;
        for (int ri = 0; ri < static_cast<int>(rootItems.size()); ++ri) {
            const BodyItem& item = rootItems[static_cast<size_t>(ri)];
            if (!item.block || type(*item.block) != u"definitions")
                continue;
            const Hcl::BlockNode& defs = *item.block;
            for (int ci = 0; ci < static_cast<int>(defs.body.items.size()); ++ci) {
                const BodyItem& child = defs.body.items[static_cast<size_t>(ci)];
                if (!child.block)
                    continue;
                const Hcl::BlockNode& b = *child.block;
                if (b.labels.empty()) {
                    error(b.type, QStringLiteral("missing label"), {}, type(b));
                    continue;
                }
                if (type(b) != u"backend")
                    continue;
                const QString name = label(b);
                if (!validLabel(name))
                    error(b.labels[0], QStringLiteral("label contains invalid character(s), allowed are 'a-z', "
                                                      "'A-Z', '0-9' and '_'"),
                          name);
                else if (name.startsWith(QStringLiteral("anonymous_")))
                    error(b.labels[0], QStringLiteral("backend label must not start with 'anonymous_'"), name);
                if (m_defined.contains(name))
                    error(b.labels[0], QStringLiteral("backend labels must be unique"), name);
                m_defined.insert(name);
                CouperBackend cb;
                cb.block = mapBlock(m_doc, b, NodePath{ri, ci}, &cb.link);
                cb.owner = QStringLiteral("definitions");
                m_out.backends.append(cb);
                m_syntax.append(&b);
            }
        }
        // Pass 2: anonymous backends anywhere in the file.
        for (int ri = 0; ri < static_cast<int>(rootItems.size()); ++ri)
            if (rootItems[static_cast<size_t>(ri)].block)
                collectAnonymous(*rootItems[static_cast<size_t>(ri)].block, NodePath{ri});
        // Pass 3: checks on every backend (and the token blocks inside).
        for (qsizetype i = 0; i < m_out.backends.size(); ++i)
            checkBackend(*m_syntax[i], m_out.backends[i].block.label);
        checkCycles();
        // Backend references from proxy/request blocks elsewhere, and from access controls in definitions.
        for (const BodyItem& item : m_doc.body().items) {
            if (!item.block)
                continue;
            if (type(*item.block) != u"definitions") {
                checkReferences(*item.block, {});
                continue;
            }
            for (const BodyItem& child : item.block->body.items)
                if (child.block && type(*child.block) != u"backend")
                    checkReferences(*child.block, {});
        }
        checkFileRules();
        return std::move(m_out);
    }

private:
    QString type(const Hcl::BlockNode& b) const { return m_doc.blockType(b); }
    QString label(const Hcl::BlockNode& b) const { return b.labels.empty() ? QString() : m_doc.labelValue(b.labels[0]); }

    void error(Range r, const QString& message, const QString& backend = {}, const QString& block = {},
               const QString& attribute = {}, Sev sev = Sev::Error)
    {
        // Like the parser: a file that breaks a rule thousands of times gets the first 100 and one note.
        constexpr int MaxReported = 100;
        if (m_reported > MaxReported)
            return;
        if (m_reported++ == MaxReported) {
            m_out.diagnostics.append(m_doc.diagnostic(Sev::Error, r,
                                                      QStringLiteral("Too many errors: only the first %1 Couper "
                                                                     "configuration errors are reported; fix these and "
                                                                     "check the file again.")
                                                          .arg(MaxReported)));
            return;
        }
        Diagnostic d = m_doc.diagnostic(sev, r, message);
        d.backend = backend;
        d.block = block;
        d.attribute = attribute;
        m_out.diagnostics.append(d);
    }
    int m_reported = 0;

    static bool ownsBackends(const QString& t)
    {
        return t == u"proxy" || t == u"request" || t == u"oauth2" || t == u"beta_token_request";
    }

    void collectAnonymous(const Hcl::BlockNode& b, const NodePath& path)
    {
        const QString t = type(b);
        for (int ci = 0; ci < static_cast<int>(b.body.items.size()); ++ci) {
            const BodyItem& child = b.body.items[static_cast<size_t>(ci)];
            if (!child.block)
                continue;
            const Hcl::BlockNode& c = *child.block;
            NodePath childPath = path;
            childPath.append(ci);
            if (ownsBackends(t) && type(c) == u"backend" && c.labels.empty()) {
                const SourcePos p = m_doc.position(b.openBrace.begin);
                CouperBackend cb;
                cb.block = mapBlock(m_doc, c, childPath, &cb.link);
                cb.block.label = QStringLiteral("anonymous_%1_%2").arg(p.line).arg(p.column);
                cb.anonymous = true;
                cb.owner = t;
                m_out.backends.append(cb);
                m_syntax.append(&c);
            }
            collectAnonymous(c, childPath);
        }
    }

    const AttributeNode* attr(const Hcl::BlockNode& b, const char* name) const
    {
        return b.body.attribute(QByteArrayView(name), m_doc.source());
    }

    std::vector<const Hcl::BlockNode*> children(const Hcl::BlockNode& b, const char* t) const
    {
        std::vector<const Hcl::BlockNode*> out;
        for (const BodyItem& i : b.body.items)
            if (i.block && m_doc.bytes(i.block->type) == QByteArrayView(t))
                out.push_back(i.block);
        return out;
    }

    void missing(const Hcl::BlockNode& b, const QString& name, const QString& backend)
    {
        error(b.openBrace,
              QStringLiteral("Missing required argument: The argument \"%1\" is required, but no definition was found.")
                  .arg(name),
              backend, type(b), name);
    }

    // `backend = "x"` attribute and/or nested backend blocks of proxy/request/oauth2/beta_token_request.
    void checkBackendReference(const Hcl::BlockNode& b, const QString& backend)
    {
        const AttributeNode* ref = attr(b, "backend");
        const auto nested = children(b, "backend");
        if (ref && !nested.empty())
            error(nested.front()->type, QStringLiteral("Multiple definitions of backend are not allowed in %1.").arg(type(b)),
                  backend, type(b), QStringLiteral("backend"));
        QString name;
        if (ref && literalString(m_doc, ref, name) && !defined(name))
            error(ref->expr->range, QStringLiteral("referenced backend \"%1\" is not defined").arg(name), backend, type(b),
                  QStringLiteral("backend"));
        for (const Hcl::BlockNode* n : nested) {
            if (n->labels.empty())
                continue;
            const QString refined = label(*n);
            if (!defined(refined))
                error(n->labels[0], QStringLiteral("referenced backend \"%1\" is not defined").arg(refined), backend,
                      type(b), QStringLiteral("backend"));
            for (const BodyItem& i : n->body.items) {
                const QString what = i.block ? type(*i.block) : m_doc.attributeName(*i.attribute);
                static const QSet<QString> forbidden{QStringLiteral("disable_certificate_validation"),
                                                     QStringLiteral("disable_connection_reuse"), QStringLiteral("http2"),
                                                     QStringLiteral("http2_prior_knowledge"),
                                                     QStringLiteral("max_connections")};
                if (i.block || forbidden.contains(what))
                    error(i.block ? i.block->type : i.attribute->name,
                          QStringLiteral("backend reference: refinement for \"%1\" is not permitted").arg(what), backend,
                          QStringLiteral("backend"), i.block ? QString() : what);
                else if (what == u"origin")
                    error(i.attribute->name, QStringLiteral("backend reference: origin must be equal"), backend,
                          QStringLiteral("backend"), what);
            }
        }
    }

    // Couper's PrepareBackend: every block that takes a backend (proxy, request, jwt, oidc, beta_oauth2, …)
    // by `backend = "name"`, a labelled `backend "name" { }` refinement, or an attribute `*_backend = "name"`.
    void checkReferences(const Hcl::BlockNode& b, const QString& backend)
    {
        const QString t = type(b);
        if (t != u"backend" && t != u"oauth2" && t != u"beta_token_request" &&
            (attr(b, "backend") || !children(b, "backend").empty()))
            checkBackendReference(b, backend);
        for (const BodyItem& i : b.body.items) {
            if (!i.attribute)
                continue;
            const QString name = m_doc.attributeName(*i.attribute);
            QString ref;
            if (name.endsWith(QStringLiteral("_backend")) && literalString(m_doc, i.attribute, ref) && !ref.isEmpty() &&
                !m_defined.contains(ref))
                error(i.attribute->expr->range, QStringLiteral("referenced backend \"%1\" is not defined").arg(ref),
                      backend, t, name);
        }
        for (const BodyItem& i : b.body.items)
            if (i.block && !(type(*i.block) == u"backend" && i.block->labels.empty() && ownsBackends(t)))
                checkReferences(*i.block, backend);
    }

    // A literal string (or a literal tuple of them): the strings; false when computed.
    bool literalStrings(const AttributeNode* a, QStringList& out) const
    {
        QString one;
        if (literalString(m_doc, a, one)) {
            out << one;
            return true;
        }
        if (!a || !a->expr || a->expr->kind != ExprKind::Tuple)
            return false;
        for (const Expr* e : a->expr->children) {
            if (e->kind != ExprKind::Template)
                return false;
            QString s;
            for (const Expr* p : e->children) {
                if (p->kind != ExprKind::TemplateText)
                    return false;
                s += p->text;
            }
            out << s;
        }
        return true;
    }

    // The start-up checks of Couper's config/configload (validate.go, schema.go, merge.go) beyond backends
    // and token blocks, as far as they concern one file: top-level block types, label uniqueness per kind,
    // endpoint patterns and base paths, proxy and access-control references, header-map keys.
    void checkFileRules()
    {
        QSet<QString> acs;     // access controls defined in definitions
        QSet<QString> proxies; // proxy labels in definitions
        QSet<QString> profiles;
        static const QSet<QString> acTypes{QStringLiteral("basic_auth"), QStringLiteral("beta_oauth2"),
                                           QStringLiteral("oidc"), QStringLiteral("saml"), QStringLiteral("jwt")};
        static const QSet<QString> definedAcTypes{QStringLiteral("basic_auth"), QStringLiteral("beta_oauth2"),
                                                  QStringLiteral("oidc"), QStringLiteral("saml"), QStringLiteral("jwt"),
                                                  QStringLiteral("beta_external_authz"),
                                                  QStringLiteral("beta_rate_limiter")};
        QSet<QString> definedAcs;
        for (const BodyItem& item : m_doc.body().items) {
            if (!item.block)
                continue;
            const Hcl::BlockNode& top = *item.block;
            const QString t = type(top);
            if (t == u"definitions") {
                for (const BodyItem& ci : top.body.items) {
                    if (!ci.block || ci.block->labels.empty())
                        continue;
                    const Hcl::BlockNode& c = *ci.block;
                    const QString ct = type(c);
                    const QString lbl = label(c).trimmed();
                    if (definedAcTypes.contains(ct))
                        definedAcs.insert(lbl);
                    if (acTypes.contains(ct)) {
                        if (lbl == u"granted_permissions" || lbl == u"required_permission")
                            error(c.labels[0], QStringLiteral("accessControl uses reserved name as label"), {}, ct);
                        else if (acs.contains(lbl))
                            error(c.labels[0], QStringLiteral("AC labels must be unique"), {}, ct);
                        acs.insert(lbl);
                    }
                    if (ct == u"jwt_signing_profile" || (ct == u"jwt" && attr(c, "signing_ttl"))) {
                        if (profiles.contains(lbl))
                            error(c.labels[0], QStringLiteral("JWT signing profile labels must be unique"), {}, ct);
                        profiles.insert(lbl);
                    }
                    if (ct == u"proxy") {
                        if (proxies.contains(lbl))
                            error(c.labels[0], QStringLiteral("proxy labels must be unique"), {}, ct);
                        proxies.insert(lbl);
                    }
                }
            } else if (t != u"server" && t != u"defaults" && t != u"settings" && t != u"environment") {
                error(top.type, QStringLiteral("unknown block type \"%1\": a Couper file has server, definitions, "
                                               "defaults and settings blocks")
                                    .arg(t),
                      {}, t);
            }
        }
        for (const BodyItem& item : m_doc.body().items) {
            if (!item.block || type(*item.block) != u"server")
                continue;
            const Hcl::BlockNode& server = *item.block;
            QSet<QString> endpoints;
            const QString serverBase = cleanPath(QStringLiteral("/") + basePath(server));
            for (const BodyItem& ci : server.body.items) {
                if (!ci.block)
                    continue;
                if (type(*ci.block) == u"endpoint") {
                    checkEndpoint(*ci.block, serverBase, endpoints);
                } else if (type(*ci.block) == u"api") {
                    const QString apiBase = cleanPath(serverBase + u'/' + basePath(*ci.block));
                    for (const BodyItem& ei : ci.block->body.items)
                        if (ei.block && type(*ei.block) == u"endpoint")
                            checkEndpoint(*ei.block, apiBase, endpoints);
                }
            }
        }
        for (const BodyItem& item : m_doc.body().items)
            if (item.block)
                checkBodyRules(*item.block, proxies, definedAcs);
    }

    // Go's path.Clean for the base paths Couper joins.
    static QString cleanPath(const QString& p)
    {
        QStringList out;
        for (const QString& seg : p.split(u'/', Qt::SkipEmptyParts)) {
            if (seg == u".")
                continue;
            if (seg == u"..") {
                if (!out.isEmpty())
                    out.removeLast();
                continue;
            }
            out << seg;
        }
        return QStringLiteral("/") + out.join(u'/');
    }

    static bool hasDotSegment(const QString& p)
    {
        for (const QString& seg : p.split(u'/'))
            if (seg == u"." || seg == u"..")
                return true;
        return false;
    }

    QString basePath(const Hcl::BlockNode& b)
    {
        const AttributeNode* a = attr(b, "base_path");
        QString value;
        if (!a || !literalString(m_doc, a, value))
            return {};
        if (hasDotSegment(value))
            error(a->expr->range, QStringLiteral("base_path must not contain \".\" or \"..\" segments"), {},
                  type(b), QStringLiteral("base_path"));
        return value;
    }

    // Couper's utils.JoinOpenAPIPath.
    static QString joinPattern(const QString& base, const QString& pattern)
    {
        QStringList elements{base, pattern};
        if (elements.constLast() == u"/")
            elements.removeLast();
        QString result;
        for (QString e : elements) {
            if (e.isEmpty())
                e = QStringLiteral("/");
            if (e.startsWith(u'/') && !(!result.isEmpty() && result.endsWith(u'/')))
                result += u'/';
            result += e.startsWith(u'/') ? e.mid(1) : e;
        }
        return result;
    }

    void checkEndpoint(const Hcl::BlockNode& e, const QString& base, QSet<QString>& seen)
    {
        if (e.labels.empty()) {
            error(e.openBrace, QStringLiteral("missing label: an endpoint needs its path pattern, e.g. endpoint \"/api/**\""),
                  {}, QStringLiteral("endpoint"));
            return;
        }
        const QString pattern = label(e);
        if (!pattern.startsWith(u'/')) {
            error(e.labels[0], QStringLiteral("endpoint path pattern must start with \"/\""), {},
                  QStringLiteral("endpoint"));
            return;
        }
        if (hasDotSegment(pattern)) {
            error(e.labels[0], QStringLiteral("endpoint path pattern must not contain \".\" or \"..\" segments"), {},
                  QStringLiteral("endpoint"));
            return;
        }
        static const QRegularExpression params(QStringLiteral("\\{([^}]+)\\}"));
        QString key = joinPattern(base, pattern);
        key.replace(params, QStringLiteral("{}"));
        if (seen.contains(key))
            error(e.labels[0], QStringLiteral("duplicate endpoint"), {}, QStringLiteral("endpoint"));
        seen.insert(key);
    }

    // Per block, recursively: proxy and access-control references, unique proxy/request names in an
    // endpoint, and header-map keys (Couper compares those case-insensitively).
    void checkBodyRules(const Hcl::BlockNode& b, const QSet<QString>& proxies, const QSet<QString>& acs)
    {
        const QString t = type(b);
        if (const AttributeNode* p = attr(b, "proxy"); p && t == u"endpoint") {
            QString ref;
            if (literalString(m_doc, p, ref) && !proxies.contains(ref))
                error(p->expr->range, QStringLiteral("referenced proxy \"%1\" is not defined").arg(ref), {}, t,
                      QStringLiteral("proxy"));
        }
        if (t == u"server" || t == u"api" || t == u"endpoint" || t == u"files" || t == u"spa") {
            for (const char* name : {"access_control", "disable_access_control"}) {
                QStringList refs;
                const AttributeNode* a = attr(b, name);
                if (!literalStrings(a, refs))
                    continue;
                for (const QString& r : std::as_const(refs)) {
                    if (!r.trimmed().isEmpty() && !acs.contains(r.trimmed())) {
                        error(a->expr->range, QStringLiteral("referenced access control \"%1\" is not defined").arg(r),
                              {}, t, QString::fromLatin1(name));
                        break;
                    }
                }
            }
        }
        if (t == u"endpoint") {
            // proxy and request blocks share one name space per endpoint; unlabelled is "default".
            QSet<QString> names;
            for (const BodyItem& i : b.body.items) {
                if (!i.block || (type(*i.block) != u"proxy" && type(*i.block) != u"request"))
                    continue;
                const QString n = i.block->labels.empty() ? QStringLiteral("default") : label(*i.block);
                if (names.contains(n))
                    error(i.block->labels.empty() ? i.block->type : i.block->labels[0],
                          QStringLiteral("proxy and request names (either default or explicitly set via label) must "
                                         "be unique: \"%1\"")
                              .arg(n),
                          {}, type(*i.block));
                names.insert(n);
            }
        }
        static const QSet<QString> headerMaps{QStringLiteral("add_request_headers"), QStringLiteral("add_response_headers"),
                                              QStringLiteral("required_permission"), QStringLiteral("headers"),
                                              QStringLiteral("set_request_headers"), QStringLiteral("set_response_headers")};
        for (const BodyItem& i : b.body.items) {
            if (i.block) {
                checkBodyRules(*i.block, proxies, acs);
                continue;
            }
            const QString name = m_doc.attributeName(*i.attribute);
            const Expr* e = i.attribute->expr;
            if (!headerMaps.contains(name) || !e || e->kind != ExprKind::Object)
                continue;
            QSet<QString> keys;
            for (size_t k = 0; k + 1 < e->children.size(); k += 2) {
                const Expr* key = e->children[k];
                QString text;
                if (key->kind == ExprKind::ObjectKeyIdent) {
                    text = QString::fromUtf8(m_doc.bytes(key->name));
                } else if (key->kind == ExprKind::Template) {
                    bool literal = true;
                    for (const Expr* p : key->children) {
                        literal = literal && p->kind == ExprKind::TemplateText;
                        if (literal)
                            text += p->text;
                    }
                    if (!literal)
                        continue;
                } else {
                    continue;
                }
                const QString lower = text.toLower();
                if (keys.contains(lower))
                    error(e->range, QStringLiteral("key in an attribute must be unique: '%1' (header names and "
                                                   "methods are compared case-insensitively)")
                                        .arg(lower),
                          {}, t, name);
                keys.insert(lower);
            }
        }
    }

    // Token backends referenced by name from a backend's oauth2 / beta_token_request blocks.
    QStringList tokenBackendRefs(const Hcl::BlockNode& b) const
    {
        QStringList out;
        for (const BodyItem& i : b.body.items) {
            if (!i.block || (type(*i.block) != u"oauth2" && type(*i.block) != u"beta_token_request"))
                continue;
            QString name;
            if (literalString(m_doc, attr(*i.block, "backend"), name))
                out << name;
            for (const Hcl::BlockNode* n : children(*i.block, "backend"))
                if (!n->labels.empty())
                    out << label(*n);
        }
        return out;
    }

    // Couper refuses to start when token backends refer to each other in a circle.
    void checkCycles()
    {
        QMap<QString, qsizetype> index;
        for (qsizetype i = 0; i < m_out.backends.size(); ++i)
            if (!m_out.backends[i].anonymous)
                index.insert(m_out.backends[i].block.label, i);
        QMap<QString, int> state; // 1 = on the stack, 2 = done
        QStringList stack;
        const std::function<void(const QString&)> visit = [&](const QString& name) {
            state[name] = 1;
            stack << name;
            for (const QString& next : tokenBackendRefs(*m_syntax[index.value(name)])) {
                if (!index.contains(next))
                    continue;
                if (state.value(next) == 1) {
                    const QStringList cycle = stack.mid(stack.indexOf(next)) << next;
                    const Hcl::BlockNode& start = *m_syntax[index.value(next)];
                    error(start.labels.empty() ? start.type : start.labels[0],
                          QStringLiteral("configuration error: circular reference: backend %1")
                              .arg(cycle.join(QStringLiteral(" -> "))),
                          next);
                } else if (state.value(next) == 0) {
                    visit(next);
                }
            }
            stack.removeLast();
            state[name] = 2;
        };
        for (auto it = index.cbegin(); it != index.cend(); ++it)
            if (state.value(it.key()) == 0)
                visit(it.key());
    }

    void checkBackend(const Hcl::BlockNode& b, const QString& name)
    {
        const auto oauth2 = children(b, "oauth2");
        for (const Hcl::BlockNode* o : oauth2)
            checkOAuth2(*o, name);
        if (oauth2.size() > 1)
            error(oauth2[1]->type, QStringLiteral("Duplicate oauth2 block: only one oauth2 block is allowed in a backend."),
                  name, QStringLiteral("oauth2"));
        QMap<QString, int> seen;
        for (const Hcl::BlockNode* tr : children(b, "beta_token_request"))
            checkTokenRequest(*tr, name, seen);
        for (const BodyItem& i : b.body.items)
            if (i.block && (type(*i.block) == u"proxy" || type(*i.block) == u"request"))
                checkReferences(*i.block, name);
    }

    void checkTokenRequest(const Hcl::BlockNode& tr, const QString& backend, QMap<QString, int>& seen)
    {
        const QString block = QStringLiteral("beta_token_request");
        QString lbl = QStringLiteral("default");
        Range where = tr.type;
        if (!tr.labels.empty()) {
            lbl = label(tr);
            where = tr.labels[0];
            if (!validLabel(lbl))
                error(where, QStringLiteral("label contains invalid character(s), allowed are 'a-z', 'A-Z', '0-9' and '_'"),
                      backend, block);
        }
        if (seen.contains(lbl))
            error(where, QStringLiteral("token request names (either default or explicitly set via label) must be unique: "
                                        "\"%1\"")
                             .arg(lbl),
                  backend, block);
        seen[lbl] += 1;
        for (const char* required : {"token", "ttl"})
            if (!attr(tr, required))
                missing(tr, QString::fromLatin1(required), backend);
        int bodies = 0;
        for (const char* b : {"body", "form_body", "json_body"})
            bodies += attr(tr, b) ? 1 : 0;
        if (bodies > 1)
            error(tr.openBrace, QStringLiteral("beta_token_request can only have one of body, form_body or json_body "
                                               "attributes"),
                  backend, block);
        if (const AttributeNode* fb = attr(tr, "form_body")) {
            const ExprKind k = fb->expr->kind;
            if (k == ExprKind::Template || k == ExprKind::Tuple || k == ExprKind::Literal)
                error(fb->expr->range, QStringLiteral("value of form_body must be an object"), backend, block,
                      QStringLiteral("form_body"));
        }
        checkBackendReference(tr, backend);
    }

    // The oauth2 rules themselves (grant, client authentication, signing profile, token endpoint) are the
    // Validator's, run on the evaluated blocks (model/couperconfig): one rule set for workspaces and files.
    void checkOAuth2(const Hcl::BlockNode& o, const QString& backend) { checkBackendReference(o, backend); }

    const Document& m_doc;
    CouperFile m_out;
    QList<const Hcl::BlockNode*> m_syntax; // parallel to m_out.backends
    QSet<QString> m_defined;
    QSet<QString> m_elsewhere; // defined in the other files of the configuration
    bool defined(const QString& name) const { return m_defined.contains(name) || m_elsewhere.contains(name); }
};

} // namespace

const CouperBackend* CouperFile::backend(const QString& name) const
{
    for (const CouperBackend& b : backends)
        if (b.block.label == name)
            return &b;
    return nullptr;
}

bool literalString(const Document& document, const AttributeNode* attribute, QString& out)
{
    if (!attribute || !attribute->expr || attribute->expr->kind != ExprKind::Template)
        return false;
    QString s;
    for (const Expr* p : attribute->expr->children) {
        if (p->kind != ExprKind::TemplateText)
            return false;
        s += p->text;
    }
    Q_UNUSED(document);
    out = s;
    return true;
}

namespace {

Core::Block mapBlock(const Document& document, const Hcl::BlockNode& block, const NodePath& path, SyntaxLink* link)
{
    Core::Block out;
    out.type = document.blockType(block);
    if (!block.labels.empty())
        out.label = document.labelValue(block.labels[0]);
    if (link)
        link->block = path;
    for (int idx = 0; idx < static_cast<int>(block.body.items.size()); ++idx) {
        const BodyItem& i = block.body.items[static_cast<size_t>(idx)];
        NodePath childPath = path;
        childPath.append(idx);
        if (i.attribute) {
            const QString name = document.attributeName(*i.attribute);
            out.attributes.insert(name, document.expressionText(*i.attribute));
            if (link)
                link->attributes.insert(name, childPath);
        } else if (i.block) {
            SyntaxLink childLink;
            out.blocks.append(mapBlock(document, *i.block, childPath, link ? &childLink : nullptr));
            if (link)
                link->blocks.append(childLink);
        }
    }
    return out;
}

} // namespace

Core::Block toModelBlock(const Document& document, const Hcl::BlockNode& block, SyntaxLink* link)
{
    return mapBlock(document, block, link ? document.pathOf(&block) : NodePath(), link);
}

CouperFile mapCouperFile(const Document& document, const QSet<QString>& definedElsewhere)
{
    return Mapper(document, definedElsewhere).run();
}

} // namespace Tokenbench::Core::Hcl
