#pragma once

#include "model/block.h"
#include "util/diagnostic.h"
#include "util/result.h"

#include <QByteArray>

namespace Tokenbench::Core::WorkspaceFile {

// The workspace file: JSON, versioned, indented, keys sorted (diff-friendly). It never holds a secret
// value: secret attributes are written as references (env.NAME).
//
//   { "format": "tokenbench-workspace", "version": 1, "id": "6f1c…-uuid",
//     "backends": [ { "label": "billing", "attributes": {...}, "blocks": [ { "type": "oauth2", ... } ] } ] }
//
// Identity: "id" (optional in format version 1) names the workspace's keychain namespace
// (SecretStore keys "tokenbench:<id>:<NAME>"). It is a UUID string for files Tokenbench writes;
// a hand-written id may be any 1-64 characters of [A-Za-z0-9._-]. A file without "id" (every
// file written before it existed) gets a *derived* id: the name-based UUID (v5) of its absolute
// path (derivedId()), so it is stable as long as the file stays where it is. save() keeps the
// derived id by writing it into the file, so secrets stored before the first save stay reachable;
// from then on the id travels with the file.

inline constexpr int CurrentVersion = 1;
inline constexpr const char* FormatName = "tokenbench-workspace";
inline constexpr const char* Suffix = "tbw";

struct Loaded
{
    QList<Block> backends;
    Diagnostics diagnostics; // warnings found while reading (e.g. a literal secret in the file)
    QString id;              // "id" from the file, or derivedId(fileName) when the file has none
    bool idDerived = false;  // true when the file has no "id"
};

// A secret typed for this session that was written to the file as a reference: a secret attribute
// (client_secret = env.NAME), or a literal inside a modifier / beta_token_request map
// (set_request_headers = { authorization = env.NAME }; then `key` names the entry).
struct Substitution
{
    QString backend;
    QString block;
    QString attribute;
    QString variable;
    QString value; // the typed value (in memory only: for the keychain)
    QString key;   // the map entry, empty for a whole attribute
};

struct Serialized
{
    QByteArray bytes;
    QList<Substitution> substitutions;
};

// A fresh random id (UUID v4, without braces) for a new workspace.
QString newId();
// The stable id of a file that has none: UUID v5 of its absolute, cleaned path (the file need not exist).
QString derivedId(const QString& path);
// The id save(path, backends) writes when it is given none: the id already in the file at `path`, else
// derivedId(path). Use it to know a workspace's keychain namespace before (or without) saving.
QString idForPath(const QString& path);
// Whether `id` may be used as a workspace id (1-64 characters of [A-Za-z0-9._-], starting alphanumeric).
bool isValidId(const QString& id);

// Without a file name, an id-less workspace gets the derived id of "" (stable, but shared by all such texts).
Result<Loaded> parse(const QByteArray& bytes, const QString& fileName = {});
Result<Loaded> load(const QString& path);
// Writes "id" when `id` is not empty.
Serialized serialize(const QList<Block>& backends, const QString& id = {});
// Atomic: the new content replaces the file only once completely written (QSaveFile).
// `id` empty: keep the id already in the file at `path`, else write derivedId(path) (see above).
Result<QList<Substitution>> save(const QString& path, const QList<Block>& backends, const QString& id = {});

} // namespace Tokenbench::Core::WorkspaceFile
