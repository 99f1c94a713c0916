#include "requestoptions.h"

#include "clicommon.h"

#include "model/block.h"
#include "model/schema.h"
#include "model/validator.h"
#include "model/valueresolver.h"
#include "net/discovery.h"
#include "net/networkaccessmanager.h"
#include "export/resultjson.h"
#include "trace/redactor.h"
#include "util/boundedread.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace Tokenbench::Cli {

using namespace Tokenbench::Core;

namespace {

bool readFile(const QString& flag, const QString& path, QByteArray* data)
{
    auto read = readFileLimited(path, FileLimits::KeyFile,
                                flag.contains(QStringLiteral("key")) ? QStringLiteral("key file")
                                                                     : QStringLiteral("certificate file"));
    if (!read) {
        printError(QStringLiteral("--%1 %2: %3").arg(flag, path, read.error().message));
        return false;
    }
    *data = std::move(read).value();
    if (data->trimmed().isEmpty()) {
        printError(QStringLiteral("--%1: the file %2 is empty").arg(flag, path));
        return false;
    }
    return true;
}

bool pairs(const QCommandLineParser& parser, const QString& flag, QChar separator, RequestModifiers::Pairs* out)
{
    for (const QString& item : parser.values(flag)) {
        const qsizetype at = item.indexOf(separator);
        const QString name = at > 0 ? item.left(at).trimmed() : QString();
        if (name.isEmpty()) {
            printError(QStringLiteral("--%1 expects NAME%2VALUE, got \"%3\"")
                           .arg(flag, separator == u':' ? QStringLiteral(": ") : QStringLiteral("="), item));
            return false;
        }
        out->append({name, item.mid(at + 1).trimmed()});
    }
    return true;
}

// The TLS and proxy flags, over `base`.
int transportFromFlags(const QCommandLineParser& parser, TransportSettings* t, bool warnInsecure = true)
{
    const struct
    {
        const char* flag;
        QByteArray* field;
    } files[] = {{"client-certificate", &t->tls.clientCertificate},
                 {"client-private-key", &t->tls.clientPrivateKey},
                 {"server-ca-certificate", &t->tls.serverCaCertificate}};
    for (const auto& f : files) {
        const QString flag = QString::fromLatin1(f.flag);
        if (parser.isSet(flag) && !readFile(flag, parser.value(flag), f.field))
            return Usage;
    }
    if (parser.isSet(QStringLiteral("disable-certificate-validation")))
        t->tls.disableCertificateValidation = true;
    if (parser.isSet(QStringLiteral("proxy"))) {
        const QUrl url(parser.value(QStringLiteral("proxy")), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || url.scheme() != u"http") {
            printError(QStringLiteral("--proxy expects an http proxy URL such as http://proxy.example:3128, got \"%1\"")
                           .arg(parser.value(QStringLiteral("proxy"))));
            return Usage;
        }
        t->proxy = url;
    }
    if (!t->tls.clientPrivateKey.isEmpty() && t->tls.clientCertificate.isEmpty()) {
        printError(QStringLiteral("--client-private-key needs --client-certificate"));
        return Usage;
    }
    if (!t->tls.clientCertificate.isEmpty() && t->tls.clientPrivateKey.isEmpty()) {
        printError(QStringLiteral("--client-certificate needs --client-private-key (tls: missing client private key)"));
        return Usage;
    }
    if (auto conf = buildSslConfiguration(t->tls); !conf) {
        printError(QStringLiteral("%1: %2").arg(conf.error().where, conf.error().message));
        return Usage;
    }
    if (t->tls.disableCertificateValidation && !t->tls.serverCaCertificate.isEmpty())
        printWarning(QStringLiteral("--disable-certificate-validation is ignored with --server-ca-certificate (as "
                                    "Couper does)"));
    else if (t->tls.disableCertificateValidation && warnInsecure)
        printWarning(insecureWarning(QStringLiteral("cli")));
    return Ok;
}

// `text` as an HCL string literal: quoted, with escapes, and template sequences made literal.
QString hclString(const QString& text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'\\':
            out += QStringLiteral("\\\\");
            break;
        case u'"':
            out += QStringLiteral("\\\"");
            break;
        case u'\n':
            out += QStringLiteral("\\n");
            break;
        case u'\r':
            out += QStringLiteral("\\r");
            break;
        case u'\t':
            out += QStringLiteral("\\t");
            break;
        default:
            out += c;
        }
    }
    out.replace(QStringLiteral("${"), QStringLiteral("$${")).replace(QStringLiteral("%{"), QStringLiteral("%%{"));
    return out + u'"';
}

// The oauth2 block's token backend, to be edited: its nested backend block, or the named backend in
// `backends`, or (the anonymous one Couper derives from token_endpoint) a new nested block.
Block* editableTokenBackend(Block& backend, QList<Block>& backends)
{
    Block& o = backend.ensureChild(BlockType::OAuth2);
    Block* nested = o.child(BlockType::Backend);
    if (nested && nested->label.isEmpty())
        return nested;
    const QString name = nested ? nested->label : o.attribute(QStringLiteral("backend")).trimmed();
    if (name.isEmpty())
        return &o.ensureChild(BlockType::Backend);
    for (Block& b : backends) {
        if (b.label == name && b.label != backend.label)
            return &b;
    }
    return nullptr; // planning names the missing or circular reference
}

} // namespace

void addRequestOptions(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("discovery"),
                      QStringLiteral("Read the authorization server's metadata from an issuer URL or a .well-known "
                                     "URL (OpenID Connect or RFC 8414), fill the endpoints the configuration lacks, "
                                     "and warn (on stderr) about each setting the server does not advertise."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("client-certificate"),
                      QStringLiteral("Client certificate (PEM or DER) for mutual TLS with the token endpoint: "
                                     "the token backend's tls client_certificate_file."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("client-private-key"),
                      QStringLiteral("Private key (PEM or DER) of --client-certificate: tls client_private_key_file."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("server-ca-certificate"),
                      QStringLiteral("A CA certificate (PEM or DER) trusted for the token endpoint in addition to "
                                     "the system's: tls server_ca_certificate_file."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("disable-certificate-validation"),
                      QStringLiteral("Do not check the token endpoint's certificate (insecure; for tests only). "
                                     "Ignored with --server-ca-certificate, as in Couper.")});
    parser.addOption({QStringLiteral("proxy"),
                      QStringLiteral("Send the token request through this forward proxy (http://host:port)."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("form"),
                      QStringLiteral("Set a form parameter on the token request, e.g. resource=https://api.example "
                                     "or audience=api (the token backend's set_form_params). Repeatable."),
                      QStringLiteral("NAME=VALUE")});
    parser.addOption({QStringLiteral("query"),
                      QStringLiteral("Set a query parameter on the token request (set_query_params). Repeatable."),
                      QStringLiteral("NAME=VALUE")});
    parser.addOption({QStringLiteral("header"),
                      QStringLiteral("Set a header on the token request (set_request_headers). Repeatable."),
                      QStringLiteral("NAME: VALUE")});
    parser.addOption({QStringLiteral("resource"),
                      QStringLiteral("After the token, call this URL with Authorization: Bearer <token>; on 401 fetch "
                                     "a new token and call again, up to the oauth2 block's retries (default 1), as "
                                     "Couper does. Its final status, headers and body go to --json as \"resource\"; "
                                     "exit 4 when it does not answer 2xx, 3 when it cannot be reached. With --request, the token "
                                     "goes as the backend's set_request_headers say (backend.beta_tokens.LABEL), "
                                     "else as a Bearer header (with a note); a 401 is not retried."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("retries"),
                      QStringLiteral("The oauth2 block's retries for --resource: how many new tokens a 401 may "
                                     "cause (0-255, default 1)."),
                      QStringLiteral("N")});
}

int applyDiscovery(const QCommandLineParser& parser, Block& o, QJsonObject* json, const Timeouts& timeouts,
                   QList<Exchange>* exchanges)
{
    if (!parser.isSet(QStringLiteral("discovery")))
        return Ok;
    TransportSettings transport;
    if (const int rc = transportFromFlags(parser, &transport); rc != Ok)
        return rc;
    const QUrl input(parser.value(QStringLiteral("discovery")), QUrl::StrictMode);
    NetworkAccessManager nam;
    DiscoveryClient client(&nam);
    client.setTransport(transport);
    client.setTimeouts(timeouts); // the token request's deadlines: --timeout, --connect-timeout, --ttfb-timeout
    DiscoveryClient::Outcome outcome;
    QEventLoop loop;
    QObject::connect(&client, &DiscoveryClient::finished, &loop, [&](const DiscoveryClient::Outcome& o2) {
        outcome = o2;
        loop.quit();
    });
    client.start(input);
    loop.exec();
    if (exchanges)
        *exchanges = outcome.exchanges;
    if (!outcome.ok) {
        printError(QStringLiteral("--discovery: %1").arg(outcome.errorText));
        const bool transportFailure = !outcome.exchanges.isEmpty() &&
                                      outcome.exchanges.constLast().failure != Exchange::Failure::None;
        return transportFailure ? Transport : Usage;
    }
    const DiscoveryDocument& doc = outcome.document;
    for (const auto& [attr, url] : {std::pair{QStringLiteral("token_endpoint"), doc.tokenEndpoint},
                                    std::pair{QStringLiteral("authorization_endpoint"), doc.authorizationEndpoint},
                                    std::pair{QStringLiteral("device_authorization_endpoint"),
                                              doc.deviceAuthorizationEndpoint}}) {
        // Only what is missing: flags and the workspace win.
        if (!url.isEmpty() && o.attribute(attr).trimmed().isEmpty() &&
            (attr == u"token_endpoint" || Schema::find(BlockType::OAuth2, attr)))
            o.setAttribute(attr, url.toString());
    }
    QJsonArray warnings;
    for (const Diagnostic& d : checkDiscovery(doc, discoveryCheckFor(o, expectedIssuer(input)))) {
        printWarning(QStringLiteral("discovery: %1: %2").arg(d.attribute, d.message));
        warnings.append(QString(d.attribute + QStringLiteral(": ") + d.message));
    }
    if (json) {
        // Server-given URLs: a password or a secret-looking query parameter in them is redacted.
        auto url = [](const QUrl& u) {
            return u.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(Redactor::redactUrl(u).toString());
        };
        json->insert(QStringLiteral("metadata_url"), Redactor::redactUrl(doc.fetchedFrom).toString());
        json->insert(QStringLiteral("issuer"), doc.issuer);
        json->insert(QStringLiteral("token_endpoint"), url(doc.tokenEndpoint));
        json->insert(QStringLiteral("authorization_endpoint"), url(doc.authorizationEndpoint));
        json->insert(QStringLiteral("device_authorization_endpoint"), url(doc.deviceAuthorizationEndpoint));
        json->insert(QStringLiteral("jwks_uri"), url(doc.jwksUri));
        json->insert(QStringLiteral("warnings"), warnings);
    }
    return Ok;
}

int writeTokenBackendFlags(const QCommandLineParser& parser, Block& backend, QList<Block>& backends)
{
    const bool transportFlag = parser.isSet(QStringLiteral("client-certificate")) ||
                               parser.isSet(QStringLiteral("client-private-key")) ||
                               parser.isSet(QStringLiteral("server-ca-certificate")) ||
                               parser.isSet(QStringLiteral("disable-certificate-validation")) ||
                               parser.isSet(QStringLiteral("proxy"));
    const bool modifierFlag =
        parser.isSet(QStringLiteral("form")) || parser.isSet(QStringLiteral("query")) || parser.isSet(QStringLiteral("header"));
    if (!transportFlag && !modifierFlag)
        return Ok;
    // Checked (and the files read, within their limits) as flags first, so that messages name the flag.
    TransportSettings t;
    if (const int rc = transportFromFlags(parser, &t, false); rc != Ok)
        return rc;
    RequestModifiers::Pairs form, query, headers;
    if (!pairs(parser, QStringLiteral("form"), u'=', &form) || !pairs(parser, QStringLiteral("query"), u'=', &query) ||
        !pairs(parser, QStringLiteral("header"), u':', &headers))
        return Usage;
    Block* tb = editableTokenBackend(backend, backends);
    if (!tb)
        return Ok;
    if (!t.proxy.isEmpty())
        tb->setAttribute(QStringLiteral("proxy"), t.proxy.toString());
    if (t.tls.disableCertificateValidation)
        tb->setAttribute(QStringLiteral("disable_certificate_validation"), QStringLiteral("true"));
    for (const auto& [flag, attribute, value] :
         {std::tuple{"server-ca-certificate", "server_ca_certificate", &t.tls.serverCaCertificate},
          std::tuple{"client-certificate", "client_certificate", &t.tls.clientCertificate},
          std::tuple{"client-private-key", "client_private_key", &t.tls.clientPrivateKey}}) {
        if (!parser.isSet(QString::fromLatin1(flag)))
            continue;
        Block& tls = tb->ensureChild(QStringLiteral("tls"));
        const QString name = QString::fromLatin1(attribute);
        tls.attributes.remove(name + QStringLiteral("_file")); // the flag replaces the file
        tls.setAttribute(name, QString::fromUtf8(*value));
    }
    // --form, --query, --header: set_* modifiers of the token backend, over what it sets already.
    for (const auto& [attribute, values] : {std::pair{"set_form_params", &form}, std::pair{"set_query_params", &query},
                                            std::pair{"set_request_headers", &headers}}) {
        if (values->isEmpty())
            continue;
        QStringList entries;
        for (const auto& [name, value] : std::as_const(*values))
            entries << hclString(name) + QStringLiteral(" = ") + hclString(value);
        const QString object = QStringLiteral("{ ") + entries.join(QStringLiteral(", ")) + QStringLiteral(" }");
        const QString name = QString::fromLatin1(attribute);
        const QString existing = tb->attribute(name).trimmed();
        tb->setAttribute(name, existing.isEmpty() ? object : QStringLiteral("merge(%1, %2)").arg(existing, object));
    }
    return Ok;
}

QJsonObject resourceJson(const ResourceResult& r, bool reveal)
{
    const QJsonObject e = ResultJson::exchange(r.final, reveal);
    QJsonObject o;
    o.insert(QStringLiteral("url"), e.value(QStringLiteral("request")).toObject().value(QStringLiteral("url")));
    o.insert(QStringLiteral("ok"), r.ok());
    const QJsonObject response = e.value(QStringLiteral("response")).toObject();
    if (r.final.hasResponse()) {
        o.insert(QStringLiteral("status"), r.final.status);
        o.insert(QStringLiteral("headers"), response.value(QStringLiteral("headers")));
        o.insert(QStringLiteral("body"), response.value(QStringLiteral("body")));
        if (response.contains(QStringLiteral("body_encoding")))
            o.insert(QStringLiteral("body_encoding"), response.value(QStringLiteral("body_encoding")));
    } else {
        o.insert(QStringLiteral("status"), QJsonValue::Null);
    }
    o.insert(QStringLiteral("resource_requests"), r.resourceRequests);
    o.insert(QStringLiteral("token_requests"), r.tokenRequests);
    o.insert(QStringLiteral("retries_used"), r.retriesUsed);
    o.insert(QStringLiteral("error"), r.errorText.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.errorText));
    o.insert(QStringLiteral("note"), r.note.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.note));
    return o;
}

} // namespace Tokenbench::Cli
