#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Tokenbench::Core {
class ValueResolver;
struct SecretReference;
} // namespace Tokenbench::Core

namespace Tokenbench::Cli {

// tokenbench-cli secret set NAME [--workspace W]        value from stdin (never argv)
// tokenbench-cli secret list [--workspace W]            names only
// tokenbench-cli secret forget NAME [--workspace W]
// tokenbench-cli secret forget --all --workspace W
// Exit codes: 0 ok, 2 usage, 3 keychain unavailable (or failing).
int runSecret(const QStringList& arguments);
QString secretHelp();

// The keychain namespace named by --workspace: a workspace file's id (derived from its path when the
// file has none), a bare workspace id, or SecretStore::defaultWorkspace() when `workspace` is empty.
// Returns false after printing the problem.
bool workspaceIdFor(const QString& workspace, QString* id);

// For `token`: reads the `references` that --env and the environment leave unresolved from the keychain
// namespace `workspaceId` into `resolver`'s keychain tier (waiting in a local event loop). Returns Ok, or
// Usage after naming every variable that is set nowhere and where it is used. `workspaceHint` is what
// the user passed as WORKSPACE (for the "store it with" hint), empty without one.
int resolveFromKeychainOrExplain(const QString& workspaceId, const QString& workspaceHint,
                                 const QList<Core::SecretReference>& references, Core::ValueResolver* resolver);

} // namespace Tokenbench::Cli
