#pragma once

#include "model/block.h"
#include "model/diagnostic.h"
#include "util/result.h"

#include <QByteArray>

namespace Tokenbench::Core::WorkspaceFile {

// The workspace file: JSON, versioned, indented, keys sorted (diff-friendly). It never holds a secret
// value: secret attributes are written as references (env.NAME).
//
//   { "format": "tokenbench-workspace", "version": 1,
//     "backends": [ { "label": "billing", "attributes": {...}, "blocks": [ { "type": "oauth2", ... } ] } ] }

inline constexpr int CurrentVersion = 1;
inline constexpr const char* FormatName = "tokenbench-workspace";
inline constexpr const char* Suffix = "tbw";

struct Loaded
{
    QList<Block> backends;
    Diagnostics diagnostics; // warnings found while reading (e.g. a literal secret in the file)
};

// A secret typed for this session that was written to the file as a reference.
struct Substitution
{
    QString backend;
    QString block;
    QString attribute;
    QString variable;
};

struct Serialized
{
    QByteArray bytes;
    QList<Substitution> substitutions;
};

Result<Loaded> parse(const QByteArray& bytes, const QString& fileName = {});
Result<Loaded> load(const QString& path);
Serialized serialize(const QList<Block>& backends);
// Atomic: the new content replaces the file only once completely written (QSaveFile).
Result<QList<Substitution>> save(const QString& path, const QList<Block>& backends);

} // namespace Tokenbench::Core::WorkspaceFile
