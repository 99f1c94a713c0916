#include "net/betatokenrequest.h"

#include "hcl/couperscope.h"
#include "hcl/expressiondesign.h"
#include "hcl/evaluator.h"
#include "jwt/gojson.h"
#include "model/valueresolver.h"
#include "net/formencoding.h"
#include "net/httpexchange.h"
#include "util/duration.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrlQuery>

namespace Tokenbench::Core {

namespace {

using Hcl::Value;

Result<Value> eval(const Block& block, const char* attribute, const Hcl::EvalContext& ctx)
{
    const QString name = QString::fromLatin1(attribute);
    const QString text = block.attribute(name).trimmed();
    if (text.isEmpty())
        return Value();
    const Hcl::EvalResult r = Hcl::evaluateExpression(text, ctx);
    if (!r.ok()) {
        QStringList messages;
        for (const Diagnostic& d : r.diagnostics)
            messages << d.message;
        return Error{Error::Code::Usage, messages.join(QStringLiteral("; ")), name};
    }
    return r.value;
}

} // namespace

QString betaLabel(const Block& block)
{
    return block.label.isEmpty() ? QStringLiteral("default") : block.label;
}

QList<const Block*> betaTokenRequests(const Block& backend)
{
    QList<const Block*> out;
    for (const Block& b : backend.blocks) {
        if (b.type == u"beta_token_request")
            out.append(&b);
    }
    return out;
}

Result<BetaTokenRequestSpec> betaSpecFromBlock(const Block& backend, const Block& tr, const ValueResolver& resolver,
                                               const QList<Block>* allBackends)
{
    BetaTokenRequestSpec spec;
    spec.label = betaLabel(tr);
    spec.environment = resolver.environment(envReferences(tr));
    for (auto it = backend.attributes.cbegin(); it != backend.attributes.cend(); ++it) {
        if (ValueResolver::isReference(it.value()))
            spec.environment.insert(*ValueResolver::referenceName(it.value()), resolver.resolve(it.value()).value);
    }
    const Hcl::EvalContext ctx = Hcl::couperContext(Hcl::EvaluationTime::PerRequest, spec.environment);
    auto where = [&](const Error& e) {
        return Error{e.code, e.message, backend.label + QStringLiteral(".beta_token_request \"") + spec.label +
                                            QStringLiteral("\".") + e.where};
    };
    spec.tokenExpression = tr.attribute(QStringLiteral("token")).trimmed();
    spec.ttlExpression = tr.attribute(QStringLiteral("ttl")).trimmed();
    if (spec.tokenExpression.isEmpty())
        return where(Error{Error::Code::Usage, QStringLiteral("The argument \"token\" is required"), QStringLiteral("token")});
    if (spec.ttlExpression.isEmpty())
        return where(Error{Error::Code::Usage, QStringLiteral("The argument \"ttl\" is required"), QStringLiteral("ttl")});

    // URL: absolute, or an absolute path relative to the backend's origin. Couper's implementation lets
    // the backend's origin replace scheme and host of an absolute url.
    auto urlValue = eval(tr, "url", ctx);
    if (!urlValue)
        return where(urlValue.error());
    // The token backend: nested block (a labelled one refines a defined backend), `backend = "name"`, or
    // the backend this block is in.
    Block tokenBackend = backend;
    const auto defined = [&](const QString& name) -> const Block* {
        if (!allBackends)
            return nullptr;
        for (const Block& b : *allBackends) {
            if (b.label == name)
                return &b;
        }
        return nullptr;
    };
    if (const Block* nested = tr.child(QStringLiteral("backend"))) {
        if (const Block* base = nested->label.isEmpty() ? nullptr : defined(nested->label)) {
            tokenBackend = *base;
            for (auto it = nested->attributes.cbegin(); it != nested->attributes.cend(); ++it)
                tokenBackend.attributes.insert(it.key(), it.value());
        } else {
            tokenBackend = *nested;
        }
    } else if (tr.hasAttribute(QStringLiteral("backend")) && allBackends) {
        auto name = eval(tr, "backend", ctx);
        if (!name)
            return where(name.error());
        const QString wanted = Hcl::scalarString(*name);
        const Block* base = defined(wanted);
        if (!base)
            return where(Error{Error::Code::Usage, QStringLiteral("referenced backend \"%1\" is not defined").arg(wanted),
                               QStringLiteral("backend")});
        tokenBackend = *base;
    }
    for (auto it = tokenBackend.attributes.cbegin(); it != tokenBackend.attributes.cend(); ++it) {
        if (ValueResolver::isReference(it.value()))
            spec.environment.insert(*ValueResolver::referenceName(it.value()), resolver.resolve(it.value()).value);
    }
    const QString origin = resolver.resolve(tokenBackend.attribute(QStringLiteral("origin"))).value.trimmed();
    const QString urlText = Hcl::scalarString(*urlValue);
    QUrl url;
    if (urlText.isEmpty()) {
        url = QUrl(origin);
        const QString path = tokenBackend.attribute(QStringLiteral("path"));
        if (!path.isEmpty())
            url.setPath(path);
    } else if (urlText.startsWith(u'/')) {
        if (origin.isEmpty())
            return where(Error{Error::Code::Usage,
                               QStringLiteral("the origin attribute must not be empty: a relative url needs the "
                                              "backend's origin"),
                               QStringLiteral("url")});
        url = QUrl(origin);
        const QUrl relative(urlText);
        url.setPath(relative.path());
        url.setQuery(relative.query());
    } else {
        url = QUrl(urlText);
        if (!origin.isEmpty()) {
            const QUrl o(origin);
            if (o.scheme() != url.scheme() || o.host() != url.host() || o.port() != url.port())
                spec.warnings << QStringLiteral("url %1 has another origin than the backend (%2): Couper sends it to "
                                                "the backend's origin")
                                     .arg(urlText, origin);
            url.setScheme(o.scheme());
            url.setHost(o.host());
            url.setPort(o.port());
        }
    }
    if (!url.isValid() || url.host().isEmpty())
        return where(Error{Error::Code::Usage, QStringLiteral("the origin attribute must not be empty"), QStringLiteral("url")});

    // Body: only one of body, json_body, form_body; each implies a content type.
    int bodies = 0;
    QByteArray body, contentType;
    if (tr.hasAttribute(QStringLiteral("json_body"))) {
        ++bodies;
        auto v = eval(tr, "json_body", ctx);
        if (!v)
            return where(v.error());
        body = Jwt::encodeGoJson(v->toJsonValue());
        contentType = "application/json";
    }
    if (tr.hasAttribute(QStringLiteral("form_body"))) {
        ++bodies;
        auto v = eval(tr, "form_body", ctx);
        if (!v)
            return where(v.error());
        if (!v->isObject())
            return where(Error{Error::Code::Usage, QStringLiteral("value of form_body must be an object"),
                               QStringLiteral("form_body")});
        QList<Form::Field> fields;
        for (auto it = v->fields().cbegin(); it != v->fields().cend(); ++it) {
            if (it.value().isTuple()) {
                for (const Value& item : it.value().items())
                    fields.append({it.key(), Hcl::scalarString(item)});
            } else {
                fields.append({it.key(), Hcl::scalarString(it.value())});
            }
        }
        body = Form::encode(fields);
        contentType = "application/x-www-form-urlencoded";
    }
    if (tr.hasAttribute(QStringLiteral("body"))) {
        ++bodies;
        auto v = eval(tr, "body", ctx);
        if (!v)
            return where(v.error());
        body = Hcl::scalarString(*v).toUtf8();
        contentType = "text/plain";
    }
    if (bodies > 1)
        return where(Error{Error::Code::Usage,
                           QStringLiteral("beta_token_request can only have one of body, form_body or json_body attributes"),
                           QString()});

    // Method: as evaluated, upper-cased; empty means GET, or POST when there is a body.
    auto methodValue = eval(tr, "method", ctx);
    if (!methodValue)
        return where(methodValue.error());
    QByteArray method = Hcl::scalarString(*methodValue).toUpper().toLatin1();
    if (method.isEmpty())
        method = body.isEmpty() ? QByteArrayLiteral("GET") : QByteArrayLiteral("POST");

    PreparedRequest& req = spec.request;
    req.method = method;
    req.purpose = QStringLiteral("beta_token_request \"%1\"").arg(spec.label);
    if (!contentType.isEmpty())
        req.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    auto headers = eval(tr, "headers", ctx);
    if (!headers)
        return where(headers.error());
    if (headers->isObject()) {
        for (auto it = headers->fields().cbegin(); it != headers->fields().cend(); ++it) {
            // Canonical header names, as Go's textproto does: x-sub -> X-Sub.
            QByteArray name = it.key().toLatin1().toLower();
            bool upper = true;
            for (char& c : name) {
                if (upper && c >= 'a' && c <= 'z')
                    c = char(c - 'a' + 'A');
                upper = c == '-';
            }
            req.headers.removeIf([&](const HttpHeader& h) { return h.name.compare(name, Qt::CaseInsensitive) == 0; });
            for (const QString& value : Hcl::modifierValues(it.value())) {
                QString clean = value;
                clean.remove(u'\r').remove(u'\n').remove(QChar(0));
                req.headers.append({name, clean.toUtf8()});
            }
        }
    }
    auto query = eval(tr, "query_params", ctx);
    if (!query)
        return where(query.error());
    if (query->isObject() && !query->fields().isEmpty()) {
        // Set-semantics: replace same-named parameters; the query is re-encoded with sorted keys, %20 for spaces.
        QMap<QString, QStringList> params;
        for (const auto& item : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
            params[item.first].append(item.second);
        for (auto it = query->fields().cbegin(); it != query->fields().cend(); ++it)
            params[it.key()] = Hcl::modifierValues(it.value());
        QStringList parts;
        for (auto it = params.cbegin(); it != params.cend(); ++it) {
            for (const QString& v : it.value())
                parts << QString::fromLatin1(QUrl::toPercentEncoding(it.key()) + '=' + QUrl::toPercentEncoding(v));
        }
        url.setQuery(parts.join(u'&'), QUrl::StrictMode);
    }
    req.url = url;
    req.body = body;

    auto expected = eval(tr, "expected_status", ctx);
    if (!expected)
        return where(expected.error());
    if (expected->isTuple()) {
        for (const Value& v : expected->items())
            spec.expectedStatus.append(int(v.toNumber()));
    }
    return spec;
}

Value betaTokenResponse(const Exchange& e)
{
    Value::Map headers, cookies;
    for (const HttpHeader& h : e.responseHeaders) {
        const QString name = QString::fromLatin1(h.name).toLower();
        if (!headers.contains(name))
            headers.insert(name, Value::string(QString::fromLatin1(h.value)));
        if (name == u"set-cookie") {
            const QByteArray pair = h.value.split(';').constFirst();
            const qsizetype eq = pair.indexOf('=');
            if (eq > 0)
                cookies.insert(QString::fromLatin1(pair.left(eq).trimmed()), Value::string(QString::fromLatin1(pair.mid(eq + 1))));
        }
    }
    Value json = Value::object({});
    const QByteArray type = headerValue(e.responseHeaders, "Content-Type").toLower();
    const QByteArray mime = type.split(';').constFirst().trimmed();
    if (mime == "application/json" || (mime.startsWith("application/") && mime.endsWith("+json"))) {
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(e.responseBody, &err);
        if (err.error == QJsonParseError::NoError)
            json = doc.isObject() ? Value::fromJson(doc.object()) : Value::fromJson(QJsonValue(doc.array()));
    }
    Value::Map response{{QStringLiteral("status"), Value::number(e.status)},
                        {QStringLiteral("headers"), Value::object(headers)},
                        {QStringLiteral("cookies"), Value::object(cookies)},
                        {QStringLiteral("body"), Value::string(QString::fromUtf8(e.responseBody))},
                        {QStringLiteral("json_body"), json},
                        {QStringLiteral("context"), Value::object({})}};
    return Value::object(response);
}

Hcl::EvalContext betaTokenContext(const BetaTokenRequestSpec& spec, const Exchange& response)
{
    Hcl::EvalContext ctx = Hcl::couperContext(Hcl::EvaluationTime::TokenResponse, spec.environment);
    ctx.setVariable(QStringLiteral("beta_token_response"), betaTokenResponse(response));
    return ctx;
}

BetaEvaluation evaluateBetaToken(const BetaTokenRequestSpec& spec, const Exchange& e)
{
    BetaEvaluation out;
    const Hcl::EvalContext ctx = betaTokenContext(spec, e);

    // Couper's strict string check (reference section 3.3): an error message, or "" and *result set.
    auto evaluateString = [&](const QString& what, const QString& expression, QString* result) -> QString {
        const QString text = expression.trimmed();
        if (text.isEmpty())
            return QStringLiteral("The argument \"%1\" is required").arg(what);
        const Hcl::EvalResult r = Hcl::evaluateExpression(text, ctx);
        if (!r.ok()) {
            QStringList messages;
            for (const Diagnostic& d : r.diagnostics)
                messages << d.message;
            return QStringLiteral("%1: %2").arg(what, messages.join(QStringLiteral("; ")));
        }
        if (r.value.isNull()) {
            // Name the step that found nothing: "`beta_token_response.json_body.data` is null; ... has: ...".
            const Hcl::NullProbe probe = Hcl::probeNull(text, ctx);
            return probe.message.isEmpty()
                       ? QStringLiteral("%1 expression evaluates to null: `%2` found nothing in the response (status %3)")
                             .arg(what, text)
                             .arg(e.status)
                       : QStringLiteral("%1 expression evaluates to null: %2 (status %3)")
                             .arg(what, probe.message)
                             .arg(e.status);
        }
        if (!r.value.isString())
            return QStringLiteral("%1 expression must evaluate to a string: `%2` is a %3")
                .arg(what, text, r.value.typeName());
        *result = r.value.toStr();
        return {};
    };
    out.tokenError = evaluateString(QStringLiteral("token"), spec.tokenExpression, &out.token);
    if (out.tokenError.isEmpty()) {
        // The token goes into headers, queries and forms of the backend's requests: one with control
        // characters (CR, LF, NUL) could inject into them.
        const QString problem = tokenSyntaxProblem(out.token, TokenSyntax::Opaque);
        if (!problem.isEmpty())
            out.tokenError =
                QStringLiteral("the token is not well-formed: %1; Tokenbench refuses it and sends it nowhere").arg(problem);
    }
    out.ttlError = evaluateString(QStringLiteral("ttl"), spec.ttlExpression, &out.ttlText);
    if (out.ttlError.isEmpty()) {
        const auto ttl = Duration::parseCouper(out.ttlText, 0);
        if (ttl)
            out.ttlSeconds = qMin<qint64>(*ttl / Duration::Second, MaxTokenTtlSeconds);
        else
            out.ttlError = QStringLiteral("ttl: %1").arg(ttl.error().message);
    }
    out.error = out.tokenError.isEmpty() ? out.ttlError : out.tokenError;
    out.ok = out.error.isEmpty();
    if (out.tokenError.isEmpty()) {
        // The token's siblings: the object the token expression read it from.
        const QString root = QStringLiteral("beta_token_response");
        const QString path = Hcl::readPath(spec.tokenExpression.trimmed(), root, ctx);
        const qsizetype dot = path.lastIndexOf(u'.');
        if (path.startsWith(QStringLiteral("json_body.")) && dot > 0) {
            const Hcl::EvalResult parent = Hcl::evaluateExpression(root + u'.' + path.left(dot), ctx);
            if (parent.ok() && parent.value.isObject()) {
                const Hcl::Value type = parent.value.attribute(QStringLiteral("token_type"));
                if (type.isString())
                    out.tokenType = type.toStr();
                const Hcl::Value expires = parent.value.attribute(QStringLiteral("expires_in"));
                if (expires.isNumber())
                    out.expiresIn = expires.toNumber();
                else if (bool ok = false; expires.isString()) {
                    const double n = expires.toStr().toDouble(&ok);
                    if (ok)
                        out.expiresIn = n;
                }
            }
        }
    }
    return out;
}

BetaTokenClient::BetaTokenClient(QNetworkAccessManager* nam, QObject* parent) : QObject(parent), m_nam(nam) {}

BetaTokenClient::~BetaTokenClient() = default;

void BetaTokenClient::cancel()
{
    if (m_exchange && m_exchange->isRunning())
        m_exchange->cancel();
}

void BetaTokenClient::start(const BetaTokenRequestSpec& spec)
{
    cancel();
    m_spec = spec;
    auto* exchange = new HttpExchange(m_nam, spec.request, spec.timeouts, this);
    m_exchange = exchange;
    connect(exchange, &HttpExchange::started, this, &BetaTokenClient::exchangeStarted);
    connect(exchange, &HttpExchange::finished, this, [this, exchange](const Exchange& e) {
        Q_EMIT exchangeFinished(e);
        exchange->deleteLater();
        TokenResult r;
        r.authMethod = QStringLiteral("beta_token_request"); // how the token was obtained (for the token card)
        r.exchanges.append(e);
        r.response.status = e.status;
        if (e.failure == Exchange::Failure::Canceled) {
            r.status = TokenResult::Status::Canceled;
            r.errorText = tr("canceled");
        } else if (e.failure != Exchange::Failure::None) {
            r.status = TokenResult::Status::TransportError;
            r.errorText = e.failureText;
        } else if (!m_spec.expectedStatus.isEmpty() && !m_spec.expectedStatus.contains(e.status)) {
            QStringList expected;
            for (int s : std::as_const(m_spec.expectedStatus))
                expected << QString::number(s);
            r.status = TokenResult::Status::ServerRefused;
            r.errorText = tr("unexpected status %1 (expected_status is [%2])").arg(e.status).arg(expected.join(QStringLiteral(", ")));
        } else {
            const BetaEvaluation ev = evaluateBetaToken(m_spec, e);
            if (!ev.ok) {
                r.status = TokenResult::Status::NoToken;
                r.errorText = ev.error;
            } else {
                r.status = TokenResult::Status::Success;
                r.response.outcome = TokenResponse::Outcome::Token;
                r.response.accessToken = ev.token;
                r.response.ttlSeconds = ev.ttlSeconds;
                r.response.tokenType = ev.tokenType;
                r.response.expiresIn = ev.expiresIn;
                r.obtainedAt = e.startedAt.addMSecs(qMax<qint64>(e.durationMs, 0));
            }
        }
        Q_EMIT finished(r);
    });
    exchange->start();
}

} // namespace Tokenbench::Core
