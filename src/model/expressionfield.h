#pragma once

#include "model/block.h"

#include <QString>

namespace Tokenbench::Core::Hcl {

// Attributes of a Couper file whose source is an expression (`scope = join(" ", ["a", "b"])`,
// `claims = { aud = "x", foo = to_lower(env.BAR) }`): the model keeps the source beside the value loading
// evaluated (Block::expressions), forms show and edit the source with the value beside it, and save-back
// writes the source — never the value in its place.

// A literal a form shows as its value: a string without interpolation (quoted or heredoc), a number, a bool.
bool isPlainLiteral(const QString& source);

// Records in `block.expressions` (recursively) the source of every attribute that loading evaluates and
// whose source is neither a plain literal nor an env.NAME reference. Call on the mapped blocks (source
// text) before they are evaluated.
void keepExpressionSources(Block& block);

// The value `source` has at Couper's start-up, in the form loading stores it (objects and lists as JSON,
// scalars as text): `env` from the process environment, an unset variable "". On failure `error` says why
// and the result is empty.
QString startupValue(const QString& blockType, const QString& attribute, const QString& source, QString* error);

// The source on one line for a form field: an object constructor written over several lines becomes
// `{ a = 1, b = to_lower(env.X) }` when each value fits on one line; anything else is returned unchanged.
QString singleLineExpression(const QString& source);

} // namespace Tokenbench::Core::Hcl
