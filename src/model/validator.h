#pragma once

#include "model/block.h"
#include "util/diagnostic.h"

namespace Tokenbench::Core {

class ValueResolver;

// Couper's configuration rules for the blocks Tokenbench models (reference sections 1.3 and 1.5), with
// Couper's own messages where it has one. With a resolver, env.NAME references that are not set are
// reported too.
// The loud warning for disable_certificate_validation (the validator, the transport, the CLI and the GUI
// banner all say the same).
QString insecureWarning(const QString& backendLabel);

namespace Validator {
Diagnostics validateBackends(const QList<Block>& backends, const ValueResolver* resolver = nullptr);
Diagnostics validateBackend(const Block& backend, const ValueResolver* resolver = nullptr);
} // namespace Validator

} // namespace Tokenbench::Core
