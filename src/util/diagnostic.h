#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace Tokenbench::Core {

// One problem found in the configuration: what, and where (block path + attribute, or file:line:col).
struct Diagnostic
{
    enum class Severity { Error, Warning, Info };
    Severity severity = Severity::Error;
    QString backend;   // backend label, empty for file-level problems
    QString block;     // "" for the backend itself, "oauth2", ...
    QString attribute; // attribute name, empty for a whole block
    QString message;
    QString file;
    int line = 0; // 1-based, 0 when unknown
    int column = 0;
    int endLine = 0; // 1-based end of the range (exclusive column), 0 when unknown
    int endColumn = 0;
    // A note that only matters for Couper (a Tokenbench extension Couper's blocks would refuse): shown for
    // workspaces, Couper files and exports, not for a plain run of CLI flags.
    bool couperCompatibility = false;

    // "billing.oauth2.client_secret"
    QString path() const;
    // "file:line:col: error: message" (or "billing.oauth2.scope: error: message")
    QString toString() const;
    static QString severityName(Severity s);

    friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics& diagnostics);

// How messages name a backend: `backend "billing"`, or for one Couper defines inline (anonymous_L_C) where
// it is; control characters in a label are shown escaped.
QString backendDisplayName(const QString& label);

} // namespace Tokenbench::Core

Q_DECLARE_METATYPE(Tokenbench::Core::Diagnostic)
