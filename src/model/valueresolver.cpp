#include "model/valueresolver.h"

#include <QRegularExpression>

namespace Tokenbench::Core {

std::optional<QString> ValueResolver::referenceName(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*env\\.([A-Za-z_][A-Za-z0-9_]*)\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1);
}

QString ValueResolver::suggestName(const QString& backend, const QString& attribute)
{
    QString name = backend + u'_' + attribute;
    for (QChar& c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128))
            c = u'_';
    }
    name = name.toUpper();
    if (!name.isEmpty() && name.front().isDigit())
        name.prepend(u'_');
    return name;
}

std::optional<QString> ValueResolver::lookup(const QString& name) const
{
    const auto it = m_overrides.constFind(name);
    if (it != m_overrides.constEnd())
        return *it;
    if (m_useProcessEnvironment && qEnvironmentVariableIsSet(name.toLocal8Bit().constData()))
        return qEnvironmentVariable(name.toLocal8Bit().constData());
    return std::nullopt;
}

ValueResolver::Resolved ValueResolver::resolve(const QString& text) const
{
    Resolved r;
    if (const auto name = referenceName(text)) {
        r.fromReference = true;
        r.variable = *name;
        if (const auto v = lookup(*name))
            r.value = *v;
        else
            r.missing = true;
        return r;
    }
    r.value = text;
    return r;
}

} // namespace Tokenbench::Core
