#include "net/tlsconfig.h"

#include "hcl/couperscope.h"
#include "hcl/evaluator.h"
#include "hcl/value.h"
#include "model/block.h"
#include "model/schema.h"
#include "model/validator.h"
#include "model/valueresolver.h"
#include "util/boundedread.h"
#include "net/formencoding.h"
#include "net/preparedrequest.h"
#include "util/duration.h"

#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QUrlQuery>

namespace Tokenbench::Core {

namespace {

QList<QSslCertificate> readCertificates(const QByteArray& data)
{
    QList<QSslCertificate> certs = QSslCertificate::fromData(data, QSsl::Pem);
    if (certs.isEmpty())
        certs = QSslCertificate::fromData(data, QSsl::Der);
    return certs;
}

QSslKey readKey(const QByteArray& data)
{
    for (QSsl::EncodingFormat format : {QSsl::Pem, QSsl::Der}) {
        for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
            QSslKey key(data, algorithm, format, QSsl::PrivateKey);
            if (!key.isNull())
                return key;
        }
    }
    return {};
}

QByteArray canonicalHeaderName(const QString& name)
{
    QByteArray out = name.toLatin1().toLower();
    bool upper = true;
    for (char& c : out) {
        if (upper && c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
        upper = c == '-';
    }
    return out;
}

Result<RequestModifiers::Pairs> evalMap(const Block& block, const QString& name, const Hcl::EvalContext& ctx)
{
    RequestModifiers::Pairs out;
    const QString text = block.attribute(name).trimmed();
    if (text.isEmpty())
        return out;
    const Hcl::EvalResult r = Hcl::evaluateExpression(text, ctx);
    if (!r.ok()) {
        QStringList messages;
        for (const Diagnostic& d : r.diagnostics)
            messages << d.message;
        return Error{Error::Code::Usage, messages.join(QStringLiteral("; ")), name};
    }
    if (!r.value.isObject())
        return Error{Error::Code::Usage, QStringLiteral("%1 must be an object such as { name = \"value\" }").arg(name),
                     name};
    for (auto it = r.value.fields().cbegin(); it != r.value.fields().cend(); ++it) {
        for (const QString& v : Hcl::modifierValues(it.value()))
            out.append({it.key(), v});
    }
    return out;
}

Result<QStringList> evalList(const Block& block, const QString& name, const Hcl::EvalContext& ctx)
{
    QStringList out;
    const QString text = block.attribute(name).trimmed();
    if (text.isEmpty())
        return out;
    const Hcl::EvalResult r = Hcl::evaluateExpression(text, ctx);
    if (!r.ok() || !r.value.isTuple())
        return Error{Error::Code::Usage, QStringLiteral("%1 must be a list of names such as [\"x-debug\"]").arg(name),
                     name};
    for (const Hcl::Value& v : r.value.items())
        out << Hcl::scalarString(v);
    return out;
}

// Inline value or *_file content; both is Couper's "configured attribute and file".
Result<QByteArray> material(const Block& tls, const QString& name, const ValueResolver& resolver,
                            const QString& baseDir)
{
    const QString inline_ = resolver.resolve(tls.attribute(name)).value;
    const QString file = resolver.resolve(tls.attribute(name + QStringLiteral("_file"))).value.trimmed();
    if (!inline_.trimmed().isEmpty() && !file.isEmpty())
        return Error{Error::Code::Usage,
                     QStringLiteral("configured attribute and file: give %1 or %1_file, not both").arg(name),
                     QStringLiteral("tls.") + name + QStringLiteral("_file")};
    if (file.isEmpty())
        return inline_.toUtf8();
    const QString path = QFileInfo(file).isRelative() && !baseDir.isEmpty() ? baseDir + u'/' + file : file;
    auto read = readFileLimited(path, FileLimits::KeyFile,
                                name.contains(QStringLiteral("key")) ? QStringLiteral("key file")
                                                                     : QStringLiteral("certificate file"));
    if (!read)
        return Error{Error::Code::Usage, QStringLiteral("tls: %1_file: read error: %2: %3").arg(name, path, read.error().message),
                     QStringLiteral("tls.") + name + QStringLiteral("_file")};
    const QByteArray data = std::move(read).value();
    if (data.trimmed().isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("tls: %1_file: the file %2 is empty").arg(name, path),
                     QStringLiteral("tls.") + name + QStringLiteral("_file")};
    return data;
}

void applyPairs(QMap<QString, QStringList>& values, const RequestModifiers::Pairs& pairs, bool set)
{
    QMap<QString, QStringList> fresh;
    for (const auto& [k, v] : pairs)
        fresh[k].append(v);
    for (auto it = fresh.cbegin(); it != fresh.cend(); ++it) {
        if (set)
            values[it.key()] = it.value();
        else
            values[it.key()] += it.value();
    }
}

} // namespace

Result<QSslConfiguration> buildSslConfiguration(const TlsSettings& tls)
{
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setProtocol(QSsl::TlsV1_2OrLater);
    if (!tls.serverCaCertificate.isEmpty()) {
        const QList<QSslCertificate> cas = readCertificates(tls.serverCaCertificate);
        if (cas.isEmpty())
            return Error{Error::Code::Usage,
                         QStringLiteral("tls: server_ca_certificate is neither a PEM nor a DER certificate"),
                         QStringLiteral("tls.server_ca_certificate")};
        conf.addCaCertificates(cas);
    }
    if (!tls.clientCertificate.isEmpty() || !tls.clientPrivateKey.isEmpty()) {
        if (tls.clientCertificate.isEmpty())
            return Error{Error::Code::Usage,
                         QStringLiteral("tls: client_private_key is set without client_certificate"),
                         QStringLiteral("tls.client_certificate")};
        if (tls.clientPrivateKey.isEmpty())
            return Error{Error::Code::Usage, QStringLiteral("tls: missing client private key"),
                         QStringLiteral("tls.client_private_key")};
        const QList<QSslCertificate> certs = readCertificates(tls.clientCertificate);
        if (certs.isEmpty())
            return Error{Error::Code::Usage,
                         QStringLiteral("tls: client_certificate is neither a PEM nor a DER certificate"),
                         QStringLiteral("tls.client_certificate")};
        const QSslKey key = readKey(tls.clientPrivateKey);
        if (key.isNull())
            return Error{Error::Code::Usage,
                         QStringLiteral("tls: client_private_key is not an unencrypted RSA, EC or DSA private key "
                                        "(PEM or DER)"),
                         QStringLiteral("tls.client_private_key")};
        conf.setLocalCertificate(certs.constFirst());
        if (certs.size() > 1)
            conf.setLocalCertificateChain(certs);
        conf.setPrivateKey(key);
    }
    // Couper ignores disable_certificate_validation when a CA is configured.
    if (tls.disableCertificateValidation && tls.serverCaCertificate.isEmpty())
        conf.setPeerVerifyMode(QSslSocket::VerifyNone);
    return conf;
}

RequestModifiers::Pairs* RequestModifiers::pairs(Schema::ModifierTarget target, Schema::ModifierOperation operation)
{
    const bool add = operation == Schema::ModifierOperation::Add;
    switch (target) {
    case Schema::ModifierTarget::Headers:
        return add ? &addHeaders : &setHeaders;
    case Schema::ModifierTarget::Query:
        return add ? &addQuery : &setQuery;
    case Schema::ModifierTarget::Form:
        break;
    }
    return add ? &addForm : &setForm;
}

QStringList* RequestModifiers::names(Schema::ModifierTarget target)
{
    switch (target) {
    case Schema::ModifierTarget::Headers:
        return &removeHeaders;
    case Schema::ModifierTarget::Query:
        return &removeQuery;
    case Schema::ModifierTarget::Form:
        break;
    }
    return &removeForm;
}

bool RequestModifiers::isEmpty() const
{
    return setHeaders.isEmpty() && addHeaders.isEmpty() && removeHeaders.isEmpty() && setQuery.isEmpty() &&
           addQuery.isEmpty() && removeQuery.isEmpty() && setForm.isEmpty() && addForm.isEmpty() &&
           removeForm.isEmpty();
}

QStringList applyModifiers(PreparedRequest& req, const RequestModifiers& m)
{
    QStringList warnings;
    // Headers: remove, set, add.
    for (const QString& name : m.removeHeaders) {
        const QByteArray n = name.toLatin1();
        req.headers.removeIf([&](const HttpHeader& h) { return h.name.compare(n, Qt::CaseInsensitive) == 0; });
    }
    auto clean = [](const QString& v) {
        QString c = v;
        c.remove(u'\r').remove(u'\n').remove(QChar(0));
        return c.toUtf8();
    };
    QList<QByteArray> setNames;
    for (const auto& [name, value] : m.setHeaders) {
        const QByteArray n = canonicalHeaderName(name);
        if (!setNames.contains(n)) {
            req.headers.removeIf([&](const HttpHeader& h) { return h.name.compare(n, Qt::CaseInsensitive) == 0; });
            setNames << n;
        }
        req.headers.append({n, clean(value)});
    }
    for (const auto& [name, value] : m.addHeaders)
        req.headers.append({canonicalHeaderName(name), clean(value)});

    // Query: remove, set, add; re-encoded with sorted keys, %20 for spaces.
    if (!m.removeQuery.isEmpty() || !m.setQuery.isEmpty() || !m.addQuery.isEmpty()) {
        QMap<QString, QStringList> params;
        for (const auto& item : QUrlQuery(req.url).queryItems(QUrl::FullyDecoded))
            params[item.first].append(item.second);
        for (const QString& name : m.removeQuery)
            params.remove(name);
        applyPairs(params, m.setQuery, true);
        applyPairs(params, m.addQuery, false);
        QStringList parts;
        for (auto it = params.cbegin(); it != params.cend(); ++it) {
            for (const QString& v : it.value())
                parts << QString::fromLatin1(QUrl::toPercentEncoding(it.key()) + '=' + QUrl::toPercentEncoding(v));
        }
        req.url.setQuery(parts.isEmpty() ? QString() : parts.join(u'&'), QUrl::StrictMode);
    }

    // Form parameters: only for a form-encoded POST.
    if (!m.removeForm.isEmpty() || !m.setForm.isEmpty() || !m.addForm.isEmpty()) {
        const QByteArray type = headerValue(req.headers, "Content-Type").toLower();
        if (req.method != "POST" || !type.startsWith("application/x-www-form-urlencoded")) {
            warnings << QStringLiteral("form parameters are only applied to a POST with an "
                                       "application/x-www-form-urlencoded body; this request is left as it is");
        } else {
            QMap<QString, QStringList> params;
            for (const Form::Field& f : Form::decode(req.body))
                params[f.first].append(f.second);
            for (const QString& name : m.removeForm)
                params.remove(name);
            applyPairs(params, m.setForm, true);
            applyPairs(params, m.addForm, false);
            QList<Form::Field> fields;
            for (auto it = params.cbegin(); it != params.cend(); ++it) {
                for (const QString& v : it.value())
                    fields.append({it.key(), v});
            }
            req.body = Form::encode(fields);
        }
    }
    return warnings;
}

Result<BackendSettings> backendSettingsFromBlock(const Block& backend, const ValueResolver& resolver,
                                                 const QString& baseDir, const BetaTokenBinding* tokens)
{
    BackendSettings s;
    s.label = backend.label;
    auto value = [&](const char* name) {
        return resolver.resolve(backend.attribute(QString::fromLatin1(name))).value.trimmed();
    };
    s.origin = value("origin");
    s.path = backend.attribute(QStringLiteral("path")).trimmed();
    s.basicAuth = resolver.resolve(backend.attribute(QStringLiteral("basic_auth"))).value;
    for (const auto& [name, field] : {std::pair{"timeout", &s.totalMs}, std::pair{"connect_timeout", &s.connectMs},
                                      std::pair{"ttfb_timeout", &s.ttfbMs}}) {
        const QString text = value(name);
        if (text.isEmpty())
            continue;
        const auto parsed = Duration::parseCouper(text, 0);
        if (!parsed) {
            // Couper logs a warning and uses the default.
            s.warnings << QStringLiteral("%1: %2; the default is used").arg(QString::fromLatin1(name), parsed.error().message);
            continue;
        }
        *field = *parsed / Duration::Millisecond;
    }
    const QString proxy = value("proxy");
    if (!proxy.isEmpty()) {
        const QUrl url(proxy, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http" && url.scheme() != u"https"))
            return Error{Error::Code::Usage,
                         QStringLiteral("proxy \"%1\" is not a proxy URL such as http://proxy.example:3128").arg(proxy),
                         QStringLiteral("proxy")};
        s.transport.proxy = url;
    }
    const QString insecure = value("disable_certificate_validation");
    s.transport.tls.disableCertificateValidation = insecure == u"true";

    if (const Block* tls = backend.child(QStringLiteral("tls"))) {
        for (const auto& [name, field] :
             {std::pair{"server_ca_certificate", &s.transport.tls.serverCaCertificate},
              std::pair{"client_certificate", &s.transport.tls.clientCertificate},
              std::pair{"client_private_key", &s.transport.tls.clientPrivateKey}}) {
            auto m = material(*tls, QString::fromLatin1(name), resolver, baseDir);
            if (!m)
                return m.error();
            *field = m.value();
        }
        if (!s.transport.tls.clientCertificate.isEmpty() && s.transport.tls.clientPrivateKey.isEmpty())
            return Error{Error::Code::Usage, QStringLiteral("tls: missing client private key"),
                         QStringLiteral("tls.client_private_key")};
    }
    if (s.transport.tls.disableCertificateValidation)
        s.warnings << insecureWarning(backend.label);

    // Modifiers: Couper's per-request expressions (env.NAME allowed; request-time variables a stand-alone
    // run does not have are empty, so references to them are null).
    Hcl::EvalContext ctx =
        Hcl::couperContext(Hcl::EvaluationTime::PerRequest, resolver.environment(envReferences(backend)));
    if (tokens) {
        Hcl::Value::Map beta;
        Hcl::Value::Map self{{QStringLiteral("name"), Hcl::Value::string(tokens->backendName)}};
        for (const auto& [label, token] : tokens->tokens) {
            if (token.isEmpty())
                continue; // Couper: only cached, non-empty tokens are visible
            beta.insert(label, Hcl::Value::string(token));
            if (label == u"default")
                self.insert(QStringLiteral("beta_token"), Hcl::Value::string(token));
        }
        self.insert(QStringLiteral("beta_tokens"), Hcl::Value::object(beta));
        ctx.setVariable(QStringLiteral("backend"), Hcl::Value::object(self));
        if (!tokens->backendName.isEmpty())
            ctx.setVariable(QStringLiteral("backends"),
                            Hcl::Value::object({{tokens->backendName, Hcl::Value::object(self)}}));
    }
    for (const Schema::RequestModifier& m : Schema::requestModifiers()) {
        if (m.operation == Schema::ModifierOperation::Remove) {
            auto list = evalList(backend, m.attribute, ctx);
            if (!list)
                return list.error();
            *s.modifiers.names(m.target) = list.value();
        } else {
            auto pairs = evalMap(backend, m.attribute, ctx);
            if (!pairs)
                return pairs.error();
            *s.modifiers.pairs(m.target, m.operation) = pairs.value();
        }
    }
    return s;
}

QStringList applyBackendSettings(PreparedRequest& request, const BackendSettings& s)
{
    if (!s.origin.isEmpty()) {
        const QUrl origin(s.origin);
        request.url.setScheme(origin.scheme());
        request.url.setHost(origin.host());
        request.url.setPort(origin.port());
    }
    if (!s.path.isEmpty())
        request.url.setPath(s.path.startsWith(u'/') ? s.path : u'/' + s.path);
    QStringList warnings = applyModifiers(request, s.modifiers);
    if (!s.basicAuth.isEmpty()) {
        request.headers.removeIf([](const HttpHeader& h) { return h.name.compare("Authorization", Qt::CaseInsensitive) == 0; });
        request.headers.append({QByteArrayLiteral("Authorization"), "Basic " + s.basicAuth.toUtf8().toBase64()});
    }
    request.transport = s.transport;
    return warnings;
}

Result<const Block*> tokenBackendOf(const Block& backend, const QList<Block>& workspaceBackends)
{
    const Block* o = backend.child(BlockType::OAuth2);
    if (!o)
        return static_cast<const Block*>(nullptr);
    const Block* nested = o->child(BlockType::Backend);
    const QString ref = o->attribute(QStringLiteral("backend")).trimmed();
    if (nested && !ref.isEmpty() && nested->label.isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("Multiple definitions of backend are not allowed in oauth2."),
                     QStringLiteral("oauth2.backend")};
    if (nested && nested->label.isEmpty())
        return nested;
    const QString name = nested ? nested->label : ref;
    if (name.isEmpty())
        return static_cast<const Block*>(nullptr);
    if (name == backend.label)
        return Error{Error::Code::Usage,
                     QStringLiteral("circular reference: backend \"%1\" cannot send its own token request").arg(name),
                     QStringLiteral("oauth2.backend")};
    for (const Block& b : workspaceBackends) {
        if (b.label == name)
            return &b;
    }
    return Error{Error::Code::Usage, QStringLiteral("referenced backend \"%1\" is not defined").arg(name),
                 QStringLiteral("oauth2.backend")};
}

} // namespace Tokenbench::Core
