#pragma once

#include "model/block.h"
#include "util/diagnostic.h"

#include <QSet>

namespace Tokenbench::Core {

class ValueResolver;

// Couper's configuration rules for the blocks Tokenbench models (reference sections 1.3 and 1.5), with
// Couper's own messages where it has one. With a resolver, env.NAME references that are not set are
// reported too.
// The loud warning for disable_certificate_validation (the validator, the transport, the CLI and the GUI
// banner all say the same).
QString insecureWarning(const QString& backendLabel);

namespace Validator {

// What the rules may know beyond the one backend they look at.
struct Context
{
    // Every backend of the configuration: resolves `backend = "name"` (an oauth2 block's token backend).
    // Without it a named token backend is assumed to supply what it must.
    const QList<Block>* backends = nullptr;
    // The blocks come from a Couper file: its labels were checked on the syntax (with positions, and
    // inline backends carry Couper's anonymous_L_C names), so the label rules are not repeated here.
    bool couperFile = false;
    // Where a relative jwt_signing_profile key_file is found (Couper: the directory of the .hcl file).
    // Empty: key files are not read.
    QString baseDirectory;
    // The env.NAME names the keychain holds for this configuration (its index of names, no keychain round
    // trip): not reported as unset. `keychainNotAsked`: nothing is known about the keychain, so a variable
    // missing from the environment "may be in the keychain".
    bool keychainNotAsked = false;
    QSet<QString> keychainNames;
};

// A Couper duration (timeout, ttl): what one looks like, appended to a parse error.
QString durationHint();

Diagnostics validateBackends(const QList<Block>& backends, const ValueResolver* resolver = nullptr,
                             const Context& context = {});
Diagnostics validateBackend(const Block& backend, const ValueResolver* resolver = nullptr,
                            const Context& context = {});
// A labelled jwt_signing_profile of definitions (used by jwt_sign()): Couper's start-up rules for it
// (algorithm, ttl, key or key_file read and parsed, no alg in headers). Diagnostics name block
// "jwt_signing_profile" and the attribute; computed values (env.NAME) are not judged.
Diagnostics validateSigningProfile(const Block& profile, const Context& context = {});
} // namespace Validator

} // namespace Tokenbench::Core
