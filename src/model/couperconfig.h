#pragma once

#include "model/block.h"
#include "util/diagnostic.h"
#include "util/result.h"

#include <QMap>
#include <QSet>

namespace Tokenbench::Core {
class ValueResolver;
}

namespace Tokenbench::Core::Hcl {

// One file of a Couper configuration, as read.
struct CouperSource
{
    QString fileName;
    QByteArray source;
};

// A Couper configuration opened for running: its backends as model blocks whose attribute values are
// evaluated (literals, functions, env.NAME) the way Couper does, with env.NAME references kept as
// references so the resolver (--env, environment, keychain, the file's defaults) supplies them.
struct CouperConfig
{
    QString fileName;  // the first (for one file: the only) file
    QByteArray source; // its text
    QList<CouperSource> files; // every file in Couper's load order (one entry for a single file)
    QList<Block> backends;     // named (definitions) and anonymous backends, merged as Couper merges files
    // Everything `check` reports, each with file:line:col: the parser, the file's Couper rules (labels,
    // references, ...), evaluation problems and the Validator's rules on the backends (the same rules as
    // for a workspace; a Tokenbench extension Couper refuses is an error here).
    Diagnostics diagnostics;
    // The same without the Validator's rules, for a workspace that re-runs those itself as blocks change.
    Diagnostics loadDiagnostics;
    // defaults { environment_variables = { NAME = "value" } } of every file merged (a later file's NAME
    // wins), evaluated: the lowest tier of env.NAME (the process environment, --env and the keychain
    // override it; ValueResolver::setDefaultValues).
    QMap<QString, QString> defaultEnvironment;
    // Where each attribute that reads the client request is (file, line, column), by the path a run's
    // error names it with: "billing.path", "billing.oauth2.assertion", "be.beta_token_request \"tr\".headers".
    QMap<QString, Diagnostic> requestReads;

    bool multiFile() const { return files.size() > 1; }
    // The text of the file a diagnostic names (empty when it names none of them).
    QByteArray sourceOf(const QString& file) const;
    // The Validator's rules again, placed in the files, with env.NAME checked against `resolver` and the
    // names `keychainNames` (the keychain's index for this configuration; nullptr: not known).
    Diagnostics ruleDiagnostics(const ValueResolver* resolver, const QSet<QString>* keychainNames) const;
};

bool isHclFile(const QString& path);
Result<CouperConfig> loadCouperConfig(const QString& path);
// The same for text already read (`path` names it in diagnostics).
CouperConfig parseCouperConfig(const QByteArray& source, const QString& path);

// The files Couper reads for `-f FILE` / `-d DIR` arguments in command-line order: a file as it is, a
// directory's *.hcl files (not its subdirectories), sorted by name (bytes), as Couper's -d does.
Result<QStringList> couperFileList(const QStringList& paths);
// Couper's multi-file configuration (`couper run -f a.hcl -f b.hcl -d couper.d/`): every file parsed and
// checked on its own (diagnostics name the file each block came from), then merged in order as
// Couper's configload does: a `definitions` block (backend, ...) replaces one of the same type and label
// from an earlier file; `defaults` environment_variables merge key by key, a later file winning. One path
// behaves exactly as loadCouperConfig.
Result<CouperConfig> loadCouperFiles(const QStringList& paths);
// The same for texts already read, in order.
CouperConfig parseCouperFiles(const QList<CouperSource>& files);

// Whether loading evaluates an attribute into the model (its model value is then the evaluated text, e.g.
// the URL without quotes), unless its expression reads a client request (readsClientRequest); otherwise
// the model keeps the expression exactly as written. env.NAME references always stay references.
bool evaluatedAtStartup(const QString& blockType, const QString& attribute);

// Whether `text`, the model text of an attribute Couper evaluates per request (Schema::couperEvaluationTime),
// is an expression that reads a client request (request.*, backend_responses.*, ...): unknown until a
// request supplies it. A run refuses it (requestValueError) and exports keep the expression as written.
bool readsClientRequest(const QString& blockType, const QString& attribute, const QString& text);
// The client-request variables `text` reads (request, backend_responses, ...), each once.
QStringList clientRequestReads(const QString& text);
// Whether the model text of an attribute is a value (evaluated at load or typed) rather than HCL source.
bool holdsValue(const QString& blockType, const QString& attribute, const QString& text);

} // namespace Tokenbench::Core::Hcl
