#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Tokenbench::Core::Hcl {

// Canonical layout, byte-identical to hclwrite.Format (what `terraform fmt` and `hclfmt` do): only
// whitespace between tokens changes. Two-space indentation by bracket nesting, `=` aligned within a
// run of consecutive single-line attributes, trailing comments aligned, normalized spacing around
// operators and after commas, no trailing spaces.
QByteArray format(QByteArrayView source);

} // namespace Tokenbench::Core::Hcl
