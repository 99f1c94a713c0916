#pragma once

#include "model/block.h"
#include "util/result.h"

#include <memory>

#include <QList>
#include <QString>
#include <QStringList>

namespace Tokenbench::Core {
class ValueResolver;
}

namespace Tokenbench::Core::Export {

// What an exporter writes from: one backend of the workspace (the model is the source of truth).
struct ExportInput
{
    Block backend;
    QString requestLabel;        // a beta_token_request label; empty: the oauth2 block (or the only request)
    QString couperVersion = QStringLiteral("1.14"); // target Couper version (attribute names, features)
    bool anonymousBackend = false; // Couper: `backend { }` to paste into a proxy/request block
    QString resourceUrl;           // called with the token when set (else tokenbench_resource_url); never the origin
    QString name;                  // Couper: the label to write (required for an inline backend, anonymous_L_C, in definitions)
    QList<Block> backends;         // the configuration's backends: token backends referenced by name
    // Couper: the blocks around an inline backend in its file, outermost first ("server", {"gw"}), ...,
    // ("proxy", {}): an inline backend without `name` is written inside them, as in its file.
    QList<QPair<QString, QStringList>> context;
};

// One environment variable the exported text reads, and where its value belongs.
struct Variable
{
    QString name;
    QString usedFor; // "oauth2.client_secret"
    bool secret = false;
    friend bool operator==(const Variable&, const Variable&) = default;
};

struct ExportOutput
{
    QString text;
    QList<Variable> variables; // in first-use order, each name once
    QStringList notes;         // what differs, what this format cannot express
    QString language;          // "hcl", "shell", "http", "yaml", "json", "markdown"
    void addVariable(const Variable& v);
    QStringList variableNames() const;
};

// One class per format, all behind this interface.
class Exporter
{
public:
    virtual ~Exporter();
    virtual QString id() const = 0;            // "couper", "curl", "oauth2c", "http" (the CLI's --format)
    virtual QString displayName() const = 0;   // "Couper HCL"
    virtual QString fileExtension() const = 0; // "hcl"
    virtual QString language() const = 0;
    virtual Result<ExportOutput> exportBackend(const ExportInput& input) const = 0;
};

// The formats that export a backend, in menu order.
const QList<std::shared_ptr<const Exporter>>& exporters();
std::shared_ptr<const Exporter> exporterFor(const QString& id);

// An attribute as an exported text needs it: a literal, or a variable (env.NAME, or a secret that must
// not be written and becomes one).
struct ExportValue
{
    QString literal;
    QString variable; // set: read from the environment variable of this name
    bool secret = false;
    bool isVariable() const { return !variable.isEmpty(); }
    bool isEmpty() const { return literal.isEmpty() && variable.isEmpty(); }
};
// `blockPath` is "oauth2" or "oauth2.jwt_signing_profile" (the block whose attribute it is).
ExportValue exportValue(const Block& backend, const Block& block, const QString& blockPath, const QString& name,
                        ExportOutput* out);

// The grant / auth method of an oauth2 block with Couper's defaults.
QString grantOf(const Block& oauth2);
QString authMethodOf(const Block& oauth2);

// Where a secret value of `backends` (pass the exported backend only) would appear literally in `text`:
// the places (e.g. "billing oauth2.client_secret", "billing beta_token_request.form_body.client_secret")
// whose value occurs as a whole token ("pass" is not found in "password"). Secrets are the secret
// attributes' values (references resolved), literals in header / query / form maps (SecretLiterals),
// and credentials in token_endpoint / url queries; expressions (request.headers.x) are not values and
// are not searched. Values shorter than 4 characters are not searched (they would match everywhere);
// they are reported in `tooShort`.
struct SecretScan
{
    QStringList leaks;
    QStringList tooShort;
    bool clean() const { return leaks.isEmpty(); }
};
SecretScan scanForSecrets(const QString& text, const QList<Block>& backends, const ValueResolver& resolver);
// The part of the configuration an export of `formatId` writes, for scanForSecrets(): the whole backend for
// Couper HCL; for the script formats the backend's origin and path with the token source they write (the
// oauth2 block, or the one beta_token_request) and its token backend. Secrets of blocks the export does not
// write are not searched (they may legitimately equal text the export does write).
QList<Block> exportedBlocks(const ExportInput& input, const QString& formatId);
// The scan of an export's text as the CLI and the export dialog run it: the secrets of exportedBlocks() only,
// and only the occurrences the secret values cause. The export is made a second time with every secret value
// replaced by a unique canary: the text leaks when that second text holds a canary (the exporter writes the
// value), or when a value occurs (as a whole token) more often in `text` than in the second text (the other
// occurrences are the export's own words: `password = "password"` exports as password = env.B_PASSWORD).
SecretScan scanExport(const Exporter& exporter, const ExportInput& input, const QString& text,
                      const ValueResolver& resolver);
// The same against explicit values (the canary test, the CLI), also as whole tokens.
QStringList findValues(const QString& text, const QList<QPair<QString, QString>>& placeAndValue);

} // namespace Tokenbench::Core::Export
