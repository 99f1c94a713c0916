#pragma once

#include "export/exporter.h"

#include <QMap>

namespace Tokenbench::Core::Export {

// A Couper `backend` block (in `definitions`, or anonymous to paste into a proxy/request) with its
// oauth2 / beta_token_request blocks, nested jwt_signing_profile, tls, and the set_request_headers that
// uses a beta token; laid out as hclwrite does. Secrets are env.NAME references, never literals.
// Attributes and blocks Tokenbench does not model pass through as written.
class CouperExporter final : public Exporter
{
public:
    QString id() const override { return QStringLiteral("couper"); }
    QString displayName() const override { return QStringLiteral("Couper HCL"); }
    QString fileExtension() const override { return QStringLiteral("hcl"); }
    QString language() const override { return QStringLiteral("hcl"); }
    Result<ExportOutput> exportBackend(const ExportInput& input) const override;

    // The Couper versions an export can target, oldest first ("1.9" ... "1.14").
    static QStringList versions();
    // What the target version lacks for this backend (empty when it supports everything used).
    static QStringList versionNotes(const Block& backend, const QString& version);
};

// Where an inline backend (anonymous_L_C) of a Couper file sits: the blocks around it, outermost first
// (("server", {"gw"}), ("api", {}), ("endpoint", {"/x"}), ("proxy", {})), and the outermost backend that
// contains it (an inline token backend lives in an oauth2 / beta_token_request of another backend; empty
// when it is not nested in one).
struct InlinePlace
{
    QList<QPair<QString, QStringList>> context;
    QString outerBackend;
};
QMap<QString, InlinePlace> inlineBackendPlaces(const QByteArray& source, const QString& fileName);

// Couper's backend label rule: letters, digits and '_', not starting with anonymous_ (Couper's own names
// for inline backends).
bool isValidBackendLabel(const QString& label);
bool isInlineBackendLabel(const QString& label);

} // namespace Tokenbench::Core::Export
