#pragma once

#include "model/block.h"
#include "model/workspacefile.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Tokenbench::Core::Hcl {

// Saving a workspace back into the Couper file it was opened from, losslessly: the differences between
// the backends as they were loaded and as they are now become Document edits (set/add/remove an
// attribute, add/remove a block, change a label), so every byte outside the edited attributes and blocks
// stays as it was — comments, alignment, blank lines, unknown blocks. New blocks are written in
// hclwrite layout (two-space indent, `=` aligned). Secret attributes typed for this session become
// env.NAME references; the values go to the keychain (substitutions). An attribute whose source is an
// expression (Block::expressions) is written as that source, never as its value; when it is an object
// constructor that keeps its keys, only the changed values' bytes change. Tokenbench-only attributes
// (Schema::isTokenbenchOnly) are never written — one already in the file is removed; they live in the
// file's sidecar (model/couperfilesettings).
struct CouperWrite
{
    QByteArray text; // the new file content
    QList<WorkspaceFile::Substitution> substitutions;
    QList<QPair<QString, QString>> secrets; // (variable, typed value) of each substitution, for the keychain
    QStringList notes; // what could not be written as asked (e.g. renaming an anonymous backend)
    int edits = 0;     // how many edits were applied (0: nothing changed)
};

// `original` must be the backends as loadCouperConfig/parseCouperConfig produced them from `source`.
Result<CouperWrite> writeBack(const QByteArray& source, const QString& fileName, const QList<Block>& original,
                              const QList<Block>& edited);

// The HCL expression written for a model value: literals for attributes evaluated at load time (quoted
// strings, bare integers), the text as is for expressions and env.NAME references.
QString expressionFor(const QString& blockType, const QString& attribute, const QString& value);

// A new block in hclwrite layout, `type "label" {` ... `}` with a final line break.
QString formatBlock(const Block& block);

} // namespace Tokenbench::Core::Hcl
