#pragma once

#include <optional>

#include <QHash>
#include <QString>

namespace Tokenbench::Core {

// Turns attribute text into the value that is sent. `env.NAME` resolves from explicit overrides
// (the CLI's --env NAME=VALUE) and then the process environment; anything else is a literal.
class ValueResolver
{
public:
    ValueResolver() = default;
    void setOverride(const QString& name, const QString& value) { m_overrides.insert(name, value); }
    void setUseProcessEnvironment(bool use) { m_useProcessEnvironment = use; }

    // The environment variable named by `text`, if it is a reference ("env.NAME").
    static std::optional<QString> referenceName(const QString& text);
    static bool isReference(const QString& text) { return referenceName(text).has_value(); }
    static QString makeReference(const QString& name) { return QStringLiteral("env.") + name; }
    // An environment variable name derived from a place: ("billing", "client_secret") -> BILLING_CLIENT_SECRET.
    static QString suggestName(const QString& backend, const QString& attribute);

    // The value of an environment variable, or nullopt when it is not set.
    std::optional<QString> lookup(const QString& name) const;

    struct Resolved
    {
        QString value;
        bool fromReference = false;
        bool missing = false; // a reference whose variable is not set
        QString variable;
    };
    Resolved resolve(const QString& text) const;

private:
    QHash<QString, QString> m_overrides;
    bool m_useProcessEnvironment = true;
};

} // namespace Tokenbench::Core
