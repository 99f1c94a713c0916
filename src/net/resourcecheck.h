#pragma once

#include "net/flowclient.h"
#include "net/tlsconfig.h"

#include <optional>


namespace Tokenbench::Core {

// The Tokenbench-only backend attribute naming the URL the resource check calls (not a Couper attribute:
// exporters leave attributes starting with "tokenbench_" out of Couper files).
inline const QString ResourceUrlAttribute = QStringLiteral("tokenbench_resource_url");

// Sets spec.tokenBackend and spec.timeouts from the backend the oauth2 block sends its token request
// through (tokenBackendOf()); Couper's defaults when there is none. `warnings` receives what the user
// should know (e.g. disable_certificate_validation).
Result<void> applyTokenBackend(TokenRequestSpec& spec, const Block& backend, const QList<Block>& workspaceBackends,
                               const ValueResolver& resolver, QStringList* warnings = nullptr,
                               const QString& baseDir = {});

// What the resource check calls: `url` with the token as a Bearer header, sent through the resource
// backend (its modifiers, basic_auth, TLS, proxy and timeouts apply; its origin replaces scheme and host
// only when `url` is a path). `retries` is the oauth2 block's (Couper's default 1).
struct ResourceSpec
{
    QUrl url;
    QByteArray method = QByteArrayLiteral("GET");
    BackendSettings backend;
    int retries = 1;
};

// Reads the resource check of a backend: tokenbench_resource_url (or `overrideUrl`), retries of its oauth2
// block, and the backend's own settings. nullopt when no resource URL is configured.
Result<std::optional<ResourceSpec>> resourceSpecFromBackend(const Block& backend, const ValueResolver& resolver,
                                                            const QString& overrideUrl = {},
                                                            const QString& baseDir = {});

struct ResourceResult
{
    bool attempted = false;
    Exchange final; // the last resource exchange (status, headers, body)
    int resourceRequests = 0;
    int tokenRequests = 0; // including the first one (0 when the cached token was used throughout)
    int retriesUsed = 0;
    QString errorText;
    QString note; // e.g. how the token was applied when no modifier referenced it

    bool ok() const { return attempted && final.failure == Exchange::Failure::None && final.status >= 200 && final.status < 300; }
};

// The resource call after a token, as planned for that token: a beta_token_request's modifiers see the token
// (reference section 3.6), so its call is planned once the token is there; an oauth2 block's is fixed.
struct ResourceCall
{
    ResourceSpec resource;
    bool bearer = true; // send "Authorization: Bearer <token>" before the backend's own modifiers
    QString note;       // said with the result (e.g. why Tokenbench added the bearer itself)
};

} // namespace Tokenbench::Core

