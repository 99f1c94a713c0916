#pragma once

#include "model/schema.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

class QSslConfiguration;

namespace Tokenbench::Core {

struct Block;
struct PreparedRequest;
struct Diagnostic;
class ValueResolver;

// A backend's `tls` block and `disable_certificate_validation` (reference section 1.4), with the files read.
struct TlsSettings
{
    QByteArray serverCaCertificate; // PEM or DER, added to the system roots
    QByteArray clientCertificate;   // PEM or DER (mTLS)
    QByteArray clientPrivateKey;    // PEM or DER
    bool disableCertificateValidation = false;

    bool isDefault() const
    {
        return serverCaCertificate.isEmpty() && clientCertificate.isEmpty() && clientPrivateKey.isEmpty() &&
               !disableCertificateValidation;
    }
};

// How a request travels: TLS and the forward proxy of the backend it goes through.
struct TransportSettings
{
    TlsSettings tls;
    QUrl proxy; // http://host:port; empty: none

    bool isDefault() const { return tls.isDefault() && proxy.isEmpty(); }
};

// The TLS configuration a request uses: the system defaults plus the backend's CA (added to the system
// roots, as Couper does), its client certificate and key, or no peer verification at all.
Result<QSslConfiguration> buildSslConfiguration(const TlsSettings& tls);

// A backend's request modifiers (reference section 1.3): header, query and form parameter maps, applied
// to every request sent through the backend, the OAuth2 token request included.
struct RequestModifiers
{
    using Pairs = QList<QPair<QString, QString>>;
    Pairs setHeaders, addHeaders;
    QStringList removeHeaders;
    Pairs setQuery, addQuery;
    QStringList removeQuery;
    Pairs setForm, addForm;
    QStringList removeForm;

    // The field of a Schema::requestModifiers() entry: the map of a set_/add_ one, the names of a remove_ one.
    Pairs* pairs(Schema::ModifierTarget target, Schema::ModifierOperation operation);
    QStringList* names(Schema::ModifierTarget target);
    bool isEmpty() const;
};

// Applies `m` as Couper does: headers remove -> set -> add (names canonicalised, CR/LF/NUL stripped),
// query remove -> set -> add (re-encoded with sorted keys when any applies), and form parameters the same
// way, but only for a POST with an application/x-www-form-urlencoded body (otherwise a warning is
// returned and the body is kept).
QStringList applyModifiers(PreparedRequest& request, const RequestModifiers& m);

// Everything of a backend that shapes the requests sent through it.
struct BackendSettings
{
    QString label;
    QString origin; // replaces scheme, host and port of the request URL when set
    QString path;   // replaces the path when set
    qint64 totalMs = 300'000;
    qint64 connectMs = 10'000;
    qint64 ttfbMs = 60'000;
    TransportSettings transport;
    RequestModifiers modifiers;
    QString basicAuth; // user:pass, sent unencoded (overwrites Authorization)
    QStringList warnings;
};

// The backend's tokens as its modifiers see them at request time (reference section 3.6):
// backend.beta_tokens.LABEL / backend.beta_token, and backends.NAME.beta_tokens.LABEL / .beta_token.
struct BetaTokenBinding
{
    QString backendName;
    QList<QPair<QString, QString>> tokens; // label -> token ("default" is also beta_token)
};

// Reads a backend block's transport-relevant attributes and its tls block. `*_file` paths that are
// relative are taken from `baseDir` (the Couper file's folder) when given. `tokens`, when given, binds
// the backend's tokens for the modifier expressions (otherwise those references are null).
Result<BackendSettings> backendSettingsFromBlock(const Block& backend, const ValueResolver& resolver,
                                                 const QString& baseDir = {},
                                                 const BetaTokenBinding* tokens = nullptr);

// Applies origin, path, modifiers, basic_auth and the transport of `settings` to a request built for it.
QStringList applyBackendSettings(PreparedRequest& request, const BackendSettings& settings);

// The backend the oauth2 block of `backend` sends its token request through: the nested `backend` block,
// the workspace backend named by the `backend` attribute, or nullptr (an anonymous backend with Couper's
// defaults, derived from token_endpoint). A reference that names no backend is an error.
Result<const Block*> tokenBackendOf(const Block& backend, const QList<Block>& workspaceBackends);

} // namespace Tokenbench::Core
