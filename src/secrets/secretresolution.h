#pragma once

#include "secrets/secretstore.h"

#include <functional>

#include <QList>
#include <QString>
#include <QStringList>

namespace Tokenbench::Core {

struct Block;
class ValueResolver;

// Where an env.NAME reference is used.
struct SecretReference
{
    QString variable;  // NAME
    QString backend;   // backend label ("" for a CLI flag)
    QString block;     // "" for the backend's own attributes, else "oauth2" or "oauth2.jwt_signing_profile"
    QString attribute; // attribute name, or the flag ("--client-secret")
    QString location;  // for people: backend "billing" oauth2.client_secret, or --client-secret env:NAME
};

// Every env.NAME reference in a backend and its child blocks, in document order: whole-attribute
// references, and references inside the backend's header / query / form modifier maps.
QList<SecretReference> secretReferences(const Block& backend);
// The references whose variable `resolver` cannot answer (no override, no environment variable,
// no keychain value loaded yet).
QList<SecretReference> unresolvedReferences(const QList<SecretReference>& references, const ValueResolver& resolver);

struct KeychainResolution
{
    QString workspaceId;
    QStringList fromKeychain;             // variables the keychain answered (now in the resolver's keychain tier)
    QList<SecretReference> missing;       // set nowhere: not --env, not the environment, not the keychain
    SecretStore::Status keychainStatus = SecretStore::Status::Ok; // first keychain failure other than NotFound
    QString keychainError;                // its words, if any
    bool keychainAsked = false;           // false when every reference resolved without the keychain
    bool ok() const { return missing.isEmpty(); }
    // One line per missing reference, naming the variable, where it is used and what to do.
    QStringList messages() const;
};

// Third tier of env.NAME resolution (after --env and the environment):
//
//   references ──unresolvedReferences()──> names ──SecretStore::readMany(workspaceId)──> values
//        values ──> resolver->setKeychainValue(name, value) ──> done(KeychainResolution)
//
// Asks the keychain only for names the resolver cannot answer, and not at all when there are none.
// `store` and `resolver` must outlive the call; `done` runs queued on `context` (dropped if it is gone).
void resolveFromKeychain(SecretStore* store, const QString& workspaceId, const QList<SecretReference>& references,
                         ValueResolver* resolver, QObject* context,
                         std::function<void(const KeychainResolution&)> done);

} // namespace Tokenbench::Core
