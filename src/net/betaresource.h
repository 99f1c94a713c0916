#pragma once

#include "net/betatokenrequest.h"
#include "net/resourcecheck.h"

#include <optional>

namespace Tokenbench::Core {


// Whether one of the backend's modifiers references the token of its request `label`:
// backend.beta_tokens.LABEL, backends.NAME.beta_tokens.LABEL, or (for "default") backend.beta_token /
// backends.NAME.beta_token.
bool modifiersReferenceBetaToken(const Block& backend, const QString& label);

// How the backend's own modifiers reference the token of request `label`: backend.beta_token for
// "default", backend.beta_tokens.LABEL otherwise.
QString betaTokenSelfReference(const QString& label);

// `mapText` (a set_request_headers expression, may be empty) with its authorization entry set to
// "Bearer ${reference}": an existing authorization entry whose value is a plain string is replaced, a
// missing one added; other headers are kept as written. An error when the text is not a plain object
// constructor or its authorization value is not a plain string (the caller may then replace the map).
Result<QString> withBearerAuthorization(const QString& mapText, const QString& reference);

// The resource check after a beta_token_request: the resource spec with the backend's modifiers evaluated
// with the token bound (reference section 3.6), with the bearer added by Tokenbench only when no modifier
// references the token (Couper adds it nowhere on its own: without a reference the resource would get no
// token; the note says so). Never retried (reference section 2.7). nullopt when the backend has no resource
// URL (tokenbench_resource_url) and none is given.
Result<std::optional<ResourceCall>> betaResourcePlan(const Block& backend, const QString& label, const QString& token,
                                                     const ValueResolver& resolver, const QString& overrideUrl = {},
                                                     const QString& baseDir = {});

} // namespace Tokenbench::Core
