#pragma once

#include "net/resourcecheck.h"


#include <QJsonObject>

class QCommandLineParser;

namespace Tokenbench::Core {
struct Block;
class ValueResolver;
} // namespace Tokenbench::Core

namespace Tokenbench::Cli {

// The token command's options around the request (issue 3): discovery, the token backend's TLS, proxy and
// modifiers, and the resource check.
void addRequestOptions(QCommandLineParser& parser);

// --discovery URL: fetches the metadata (with the TLS and proxy flags) and fills the endpoints the oauth2
// block lacks; prints one warning per mismatch between the configuration and what the server advertises.
// `json` receives the "discovery" object of --json (issuer, endpoints, jwks_uri, warnings); `exchanges` the
// metadata requests as sent (one per well-known URL tried), which go first in the run's exchanges.
int applyDiscovery(const QCommandLineParser& parser, Core::Block& oauth2, QJsonObject* json = nullptr,
                   const Core::Timeouts& timeouts = {}, QList<Core::Exchange>* exchanges = nullptr);

// The TLS, proxy, --form, --query and --header flags written into the oauth2 block's token backend (its
// nested backend block, the named backend in `backends`, or a new nested block for the anonymous one Couper
// derives from token_endpoint): tls attributes, proxy, disable_certificate_validation and set_* modifiers
// over what the block sets. Checked as flags first (files read within their limits); prints warnings.
int writeTokenBackendFlags(const QCommandLineParser& parser, Core::Block& backend, QList<Core::Block>& backends);
// The top-level "resource" object of --json.
QJsonObject resourceJson(const Core::ResourceResult& result, bool reveal);

} // namespace Tokenbench::Cli
