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
// `json` receives the "discovery" object of --json (issuer, endpoints, jwks_uri, warnings).
int applyDiscovery(const QCommandLineParser& parser, Core::Block& oauth2, QJsonObject* json = nullptr,
                   const Core::Timeouts& timeouts = {});

// The TLS, proxy, --form, --query and --header flags over the planned token request's token backend (the
// anonymous one Couper derives from token_endpoint when there is none); prints warnings.
int applyTokenBackendFlags(const QCommandLineParser& parser, Core::TokenRequestSpec* spec);
// The top-level "resource" object of --json.
QJsonObject resourceJson(const Core::ResourceResult& result, bool reveal);

} // namespace Tokenbench::Cli
