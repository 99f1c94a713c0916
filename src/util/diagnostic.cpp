#include "util/diagnostic.h"

#include "util/displaytext.h"

#include <algorithm>

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
    }
    // Labels, file names and messages may quote a file or a server: control characters are shown escaped.
    const QString text = DisplayText::escapeControl(message, DisplayText::Newlines::Keep);
    where = DisplayText::escapeControl(where);
    if (where.isEmpty())
        return severityName(severity) + QStringLiteral(": ") + text;
    return where + QStringLiteral(": ") + severityName(severity) + QStringLiteral(": ") + text;
}

bool hasErrors(const Diagnostics& diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Error; });
}

} // namespace Tokenbench::Core
