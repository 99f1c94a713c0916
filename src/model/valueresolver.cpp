#include "model/valueresolver.h"

#include "hcl/couperscope.h"
#include "model/block.h"
#include "util/secretvalues.h"

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

void ValueResolver::setKeychainValue(const QString& name, const SecureBytes& value)
{
    m_keychain.insert(name, value);
}

void ValueResolver::removeKeychainValue(const QString& name)
{
    m_keychain.remove(name);
}

void ValueResolver::clearKeychainValues()
{
    m_keychain.clear();
}

QStringList ValueResolver::keychainNames() const
{
    QStringList names = m_keychain.keys();
    names.sort();
    return names;
}

ValueResolver::Source ValueResolver::sourceOf(const QString& name) const
{
    if (m_overrides.contains(name))
        return Source::Override;
    if (m_useProcessEnvironment && qEnvironmentVariableIsSet(name.toLocal8Bit().constData()))
        return Source::Environment;
    if (m_keychain.contains(name))
        return Source::Keychain;
    if (m_defaults.contains(name))
        return Source::Default;
    return Source::None;
}

std::optional<QString> ValueResolver::lookup(const QString& name) const
{
    // What the run resolves is known to the redactor from here on: every keychain value, and values of
    // --env and the environment whose name looks like a secret (masked by value in every output).
    switch (sourceOf(name)) {
    case Source::Override: {
        const QString v = m_overrides.value(name);
        if (SecretValues::looksLikeSecretName(name))
            SecretValues::add(v);
        return v;
    }
    case Source::Environment: {
        const QString v = qEnvironmentVariable(name.toLocal8Bit().constData());
        if (SecretValues::looksLikeSecretName(name))
            SecretValues::add(v);
        return v;
    }
    case Source::Keychain: {
        const QString v = QString::fromUtf8(m_keychain.value(name).view());
        SecretValues::add(v);
        return v;
    }
    case Source::Default: {
        const QString v = m_defaults.value(name);
        if (SecretValues::looksLikeSecretName(name))
            SecretValues::add(v);
        return v;
    }
    case Source::None:
        break;
    }
    return std::nullopt;
}

ValueResolver::Resolved ValueResolver::resolve(const QString& text) const
{
    Resolved r;
    if (const auto name = referenceName(text)) {
        r.fromReference = true;
        r.variable = *name;
        r.source = sourceOf(*name);
        if (const auto v = lookup(*name))
            r.value = *v;
        else
            r.missing = true;
        return r;
    }
    r.value = text;
    return r;
}

QMap<QString, QString> ValueResolver::environment(const QStringList& names) const
{
    QMap<QString, QString> out;
    for (const QString& name : names)
        out.insert(name, lookup(name).value_or(QString()));
    return out;
}

QStringList envReferences(const Block& block)
{
    QStringList out;
    for (const QString& text : block.attributes) {
        for (const QString& name : Hcl::envReferences(text)) {
            if (!out.contains(name))
                out << name;
        }
    }
    return out;
}

} // namespace Tokenbench::Core
