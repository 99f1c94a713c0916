#pragma once

#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include "hcl/document.h"
#include "model/block.h"
#include "util/diagnostic.h"

namespace Tokenbench::Core::Hcl {

// Where a mapped model Block came from, so edits can be written back losslessly through Document's
// editing API. The tree is parallel to Block: links.blocks[i] belongs to block.blocks[i].
struct SyntaxLink
{
    NodePath block;                     // the block in the document
    QMap<QString, NodePath> attributes; // attribute name → its node
    QList<SyntaxLink> blocks;
};

// One backend found in a Couper file: defined in `definitions` or anonymous (`backend { }` inside
// proxy/request/oauth2/beta_token_request, named `anonymous_<line>_<column>` after the opening brace of
// the block that owns it).
struct CouperBackend
{
    Core::Block block; // type "backend", label = name; attributes hold expression source text
    SyntaxLink link;
    bool anonymous = false;
    QString owner; // "definitions", or the type of the owning block ("proxy", "oauth2", ...)
};

struct CouperFile
{
    QList<CouperBackend> backends;
    Diagnostics diagnostics; // the parser's plus Couper's schema checks
    const CouperBackend* backend(const QString& name) const;
};

// Maps a parsed Couper file onto the workspace model and runs the schema checks of the reference
// (§1): labels, required attributes per grant, token request names, backend references.
// `definedElsewhere`: backends defined in the other files of a multi-file configuration (references to them
// are not errors).
CouperFile mapCouperFile(const Document& document, const QSet<QString>& definedElsewhere = {});

// Maps one syntax block (recursively) onto the model, filling `link` when given.
Core::Block toModelBlock(const Document& document, const Hcl::BlockNode& block, SyntaxLink* link = nullptr);

// The value of an attribute that is a plain string literal (no interpolation), if it is one.
bool literalString(const Document& document, const AttributeNode* attribute, QString& out);

} // namespace Tokenbench::Core::Hcl
