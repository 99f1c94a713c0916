#pragma once

#include "net/resourcecheck.h"

#include <optional>

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

// Applies the workspace's token backend and then the flags to the spec; prints warnings.
int applyTokenBackendOptions(const QCommandLineParser& parser, const Core::Block& backend,
                             const QList<Core::Block>& workspaceBackends, const Core::ValueResolver& resolver,
                             Core::TokenRequestSpec* spec, const QString& baseDir = {});

// --resource URL (or the backend's tokenbench_resource_url): what the resource check calls; nullopt without.
int resourceOption(const QCommandLineParser& parser, const Core::Block& backend, const Core::ValueResolver& resolver,
                   std::optional<Core::ResourceSpec>* resource, const QString& baseDir = {});

// The top-level "resource" object of --json.
QJsonObject resourceJson(const Core::ResourceResult& result, bool reveal);

} // namespace Tokenbench::Cli
