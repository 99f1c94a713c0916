#pragma once

#include "run/runsession.h"
#include "secrets/secretresolution.h"
#include "util/diagnostic.h"

#include <optional>

namespace Tokenbench::Core {

class Block;
class ValueResolver;

// What to run: a backend and its token source (the oauth2 block, or a beta_token_request by label).
struct RunTarget
{
    QString backend; // the backend's label
    QString request; // a beta_token_request's label; empty: the backend's oauth2 block
};

// The one rule for "which backend, which token source", for the GUI and the CLI alike.
// Backend: `backend` when given; else the only backend with an oauth2 block or a beta_token_request.
// Source: `request` when given (a beta_token_request label, or "oauth2" for the oauth2 block); else the
// oauth2 block when the backend has one; else its only token request; else its "default" one (the
// unlabelled block, as backend.beta_token names it). `where` names the file in messages.
Result<RunTarget> chooseTarget(const QList<Block>& backends, const QString& backend, const QString& request,
                               const QString& where = {});

// The env.NAME values a run of `target` needs (to be found in the environment or the keychain before
// planning): the token source's — the oauth2 block's references, or every env.NAME in the token request's
// expressions — and the backend's own (modifiers always; basic_auth, tls and the rest when `resourceStep`:
// the resource call goes through the backend).
QList<SecretReference> neededSecrets(const Block& backend, const RunTarget& target, bool resourceStep);

// What the caller adds to a workspace's run (the CLI's flags that are not block attributes).
struct RunOptions
{
    QString baseDir;                 // relative *_file paths, as Couper reads them: the configuration's folder
    QString resourceUrl;             // overrides tokenbench_resource_url
    std::optional<int> retries;      // overrides the oauth2 block's retries (a token request never retries)
    std::optional<qint64> totalMs;   // override the token backend's deadlines
    std::optional<qint64> connectMs;
    std::optional<qint64> ttfbMs;
};

// Plans the run of `target` over `backends` (the workspace or Couper file as blocks), with `resolver`
// answering env.NAME: resolves the token request (validation included), its token backend and the resource
// step. Pure: no network, no keychain. `diagnostics` receives every finding (warnings included).
Result<RunPlan> planRun(const QList<Block>& backends, const RunTarget& target, const ValueResolver& resolver,
                        const RunOptions& options = {}, Diagnostics* diagnostics = nullptr);

} // namespace Tokenbench::Core
