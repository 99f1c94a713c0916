#pragma once

#include <QByteArrayView>
#include <QString>

#include "hcl/syntax.h"
#include "hcl/token.h"
#include "util/diagnostic.h"

namespace Tokenbench::Core::Hcl {

class LineIndex;

struct ParseInput
{
    QByteArrayView source;
    const Tokens* tokens = nullptr;
    const LineIndex* lines = nullptr;
    QString fileName;
};

// Parses a whole configuration file into syntax.root. Recovers after errors; never loops or crashes.
void parseConfig(const ParseInput& input, Syntax& syntax, Diagnostics& diagnostics);

// Parses a single expression spanning the whole input (trailing newlines and comments allowed).
Expr* parseExpression(const ParseInput& input, Syntax& syntax, Diagnostics& diagnostics);

Diagnostic makeDiagnostic(const ParseInput& input, Diagnostic::Severity severity, Range range,
                          const QString& message);

} // namespace Tokenbench::Core::Hcl
