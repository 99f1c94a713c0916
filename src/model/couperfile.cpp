#include "model/couperfile.h"

#include "model/tokenrequestshape.h"

#include <functional>

#include <QRegularExpression>
#include <QSet>

namespace Tokenbench::Core::Hcl {

namespace {

using Sev = Diagnostic::Severity;

Core::Block mapBlock(const Document& document, const Hcl::BlockNode& block, const NodePath& path, SyntaxLink* link);

const QString GrantClientCredentials = QStringLiteral("client_credentials");
const QString GrantPassword = QStringLiteral("password");
const QString GrantJwtBearer = QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer");

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
                    error(b.labels[0], QStringLiteral("backend label contains invalid character(s), allowed are 'a-z', "
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
        // Backend references from proxy/request blocks elsewhere.
        for (const BodyItem& item : m_doc.body().items)
            if (item.block && type(*item.block) != u"definitions")
                checkReferences(*item.block, {});
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

    void checkReferences(const Hcl::BlockNode& b, const QString& backend)
    {
        const QString t = type(b);
        if (t == u"proxy" || t == u"request")
            checkBackendReference(b, backend);
        for (const BodyItem& i : b.body.items)
            if (i.block && !(type(*i.block) == u"backend" && i.block->labels.empty() && ownsBackends(t)))
                checkReferences(*i.block, backend);
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

    void checkOAuth2(const Hcl::BlockNode& o, const QString& backend)
    {
        const QString block = QStringLiteral("oauth2");
        const auto fail = [&](const AttributeNode* a, const QString& msg, const QString& attribute = {}) {
            error(a ? a->name : o.openBrace, QStringLiteral("configuration error: %1: %2").arg(backend, msg), backend, block,
                  attribute);
        };
        checkBackendReference(o, backend);
        const AttributeNode* grantAttr = attr(o, "grant_type");
        if (!grantAttr) {
            missing(o, QStringLiteral("grant_type"), backend);
            return;
        }
        QString grant;
        if (!literalString(m_doc, grantAttr, grant))
            return; // computed: cannot check statically
        if (grant != GrantClientCredentials && grant != GrantPassword && grant != GrantJwtBearer) {
            fail(grantAttr, QStringLiteral("grant_type %1 not supported").arg(grant), QStringLiteral("grant_type"));
            return;
        }
        const AttributeNode* clientId = attr(o, "client_id");
        const AttributeNode* secret = attr(o, "client_secret");
        const AttributeNode* username = attr(o, "username");
        const AttributeNode* password = attr(o, "password");
        const AttributeNode* assertion = attr(o, "assertion");
        const bool profile = !children(o, "jwt_signing_profile").empty();
        const auto emptyOrMissing = [&](const AttributeNode* a) {
            QString v;
            return !a || (literalString(m_doc, a, v) && v.isEmpty());
        };

        if (grant != GrantPassword) {
            if (username)
                fail(username, QStringLiteral("username attribute must not be set with grant_type=%1").arg(grant),
                     QStringLiteral("username"));
            if (password)
                fail(password, QStringLiteral("password attribute must not be set with grant_type=%1").arg(grant),
                     QStringLiteral("password"));
        }
        if (grant != GrantJwtBearer && assertion)
            fail(assertion, QStringLiteral("assertion attribute must not be set with grant_type=%1").arg(grant),
                 QStringLiteral("assertion"));
        if (grant == GrantJwtBearer) {
            if (!assertion && !profile)
                fail(nullptr, QStringLiteral("missing assertion attribute or jwt_signing_profile block with "
                                             "grant_type=%1")
                                  .arg(GrantJwtBearer));
            return; // client authentication is not used for jwt-bearer
        }
        if (emptyOrMissing(clientId))
            fail(clientId, QStringLiteral("client_id must not be empty"), QStringLiteral("client_id"));
        if (grant == GrantPassword) {
            if (emptyOrMissing(username))
                fail(username, QStringLiteral("username must not be empty with grant_type=password"),
                     QStringLiteral("username"));
            if (emptyOrMissing(password))
                fail(password, QStringLiteral("password must not be empty with grant_type=password"),
                     QStringLiteral("password"));
        }
        QString method = QStringLiteral("client_secret_basic");
        const AttributeNode* methodAttr = attr(o, "token_endpoint_auth_method");
        if (methodAttr && !literalString(m_doc, methodAttr, method))
            return;
        const ClientAuthMethod* known = clientAuthMethod(method);
        if (!known || !known->couper) {
            fail(methodAttr, QStringLiteral("token_endpoint_auth_method \"%1\" not supported").arg(method),
                 QStringLiteral("token_endpoint_auth_method"));
            return;
        }
        if (known->secret == SecretUse::Forbidden) {
            if (secret)
                fail(secret, QStringLiteral("client_secret must not be set with %1").arg(method),
                     QStringLiteral("client_secret"));
        } else if (known->secret == SecretUse::Required && emptyOrMissing(secret)) {
            fail(secret, QStringLiteral("client_secret must not be empty with %1").arg(method), QStringLiteral("client_secret"));
        }
        const bool jwtAuth = known->assertionKey != AssertionKey::None;
        if (profile && !jwtAuth)
            fail(nullptr, QStringLiteral("jwt_signing_profile block must not be set with %1").arg(method));
        if (!profile && jwtAuth)
            fail(nullptr, QStringLiteral("jwt_signing_profile block must be set with %1").arg(method));
    }

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
