#include "util/diagnostic.h"

#include "util/displaytext.h"

#include <algorithm>

#include <QRegularExpression>

namespace Tokenbench::Core {

QString Diagnostic::path() const
{
    QStringList parts;
    if (!backend.isEmpty())
        parts << backend;
    if (!block.isEmpty())
        parts << block;
    if (!attribute.isEmpty())
        parts << attribute;
    return parts.join(u'.');
}

QString Diagnostic::severityName(Severity s)
{
    switch (s) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("info");
    }
    return {};
}

QString Diagnostic::toString() const
{
    QString where;
    if (!file.isEmpty()) {
        where = file;
        if (line > 0)
            where += u':' + QString::number(line) + u':' + QString::number(std::max(column, 1));
    } else {
        where = path();
        // Couper's name for an inline backend is not one the user wrote: say where it is.
        if (backend.startsWith(QStringLiteral("anonymous_"))) {
            const QString rest = where.mid(backend.size() + 1);
            where = rest.isEmpty() ? backendDisplayName(backend) : rest + QStringLiteral(" of ") + backendDisplayName(backend);
        }
    }
    // Labels, file names and messages may quote a file or a server: control characters are shown escaped.
    const QString text = DisplayText::escapeControl(message, DisplayText::Newlines::Keep);
    where = DisplayText::escapeControl(where);
    if (where.isEmpty())
        return severityName(severity) + QStringLiteral(": ") + text;
    return where + QStringLiteral(": ") + severityName(severity) + QStringLiteral(": ") + text;
}

QString backendDisplayName(const QString& label)
{
    static const QRegularExpression anonymous(QStringLiteral("^anonymous_(\\d+)_(\\d+)$"));
    const auto m = anonymous.match(label);
    if (m.hasMatch())
        return QStringLiteral("the inline backend at line %1, column %2").arg(m.captured(1), m.captured(2));
    if (label.isEmpty())
        return QStringLiteral("the inline token backend"); // an oauth2 block's nested backend { } without a file
    return QStringLiteral("backend \"%1\"").arg(DisplayText::escapeControl(label));
}

bool hasErrors(const Diagnostics& diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Error; });
}

} // namespace Tokenbench::Core
