#pragma once

#include "util/securebytes.h"

#include <optional>

#include <QHash>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Tokenbench::Core {

struct Block;

// Turns attribute text into the value that is sent. `env.NAME` resolves, in order, from
//   1. explicit overrides (the CLI's --env NAME=VALUE),
//   2. the process environment,
//   3. keychain values: entries of the workspace's keychain namespace, loaded asynchronously by
//      resolveFromKeychain() (secrets/secretresolution.h) and kept here in wiped buffers;
//   4. the Couper file's defaults { environment_variables = { NAME = "..." } } (Couper: the process
//      environment overrides them; the keychain stands in for the environment, so it does too);
// anything else is a literal.
class ValueResolver
{
public:
    enum class Source {
        None,        // not set anywhere (yet)
        Override,    // --env NAME=VALUE
        Environment, // the process environment
        Keychain,    // the workspace's keychain entry NAME
        Default,     // the Couper file's defaults.environment_variables
    };

    ValueResolver() = default;
    void setOverride(const QString& name, const QString& value) { m_overrides.insert(name, value); }
    void setUseProcessEnvironment(bool use) { m_useProcessEnvironment = use; }
    // The third tier. Kept in a SecureBytes buffer; lookup() hands out an (unwiped) QString copy only
    // because the request builder works with QString.
    void setKeychainValue(const QString& name, const SecureBytes& value);
    void removeKeychainValue(const QString& name);
    void clearKeychainValues();
    // The fourth tier (replaces the previous defaults): CouperConfig::defaultEnvironment.
    void setDefaultValues(const QMap<QString, QString>& values) { m_defaults = values; }
    const QMap<QString, QString>& defaultValues() const { return m_defaults; }
    QStringList keychainNames() const;

    // The environment variable named by `text`, if it is a reference ("env.NAME").
    static std::optional<QString> referenceName(const QString& text);
    static bool isReference(const QString& text) { return referenceName(text).has_value(); }
    static QString makeReference(const QString& name) { return QStringLiteral("env.") + name; }
    // An environment variable name derived from a place: ("billing", "client_secret") -> BILLING_CLIENT_SECRET.
    static QString suggestName(const QString& backend, const QString& attribute);

    // The value of an environment variable, or nullopt when it is not set.
    std::optional<QString> lookup(const QString& name) const;
    // Which tier lookup(name) answers from (for a "from keychain" / "from environment" badge).
    Source sourceOf(const QString& name) const;

    struct Resolved
    {
        QString value;
        bool fromReference = false;
        bool missing = false; // a reference whose variable is not set
        QString variable;
        Source source = Source::None;
    };
    Resolved resolve(const QString& text) const;

    // The values of `names` as a run sees them (the `env` of Hcl::couperContext); one that is set nowhere
    // is "", as Couper makes a referenced but unset variable.
    QMap<QString, QString> environment(const QStringList& names) const;

private:
    QHash<QString, QString> m_overrides;
    bool m_useProcessEnvironment = true;
    QHash<QString, SecureBytes> m_keychain;
    QMap<QString, QString> m_defaults;
};

// Every env.NAME the block's own attribute expressions read (Hcl::envReferences: HCL traversals, not text
// matches), each once; nested blocks are not included.
QStringList envReferences(const Block& block);

} // namespace Tokenbench::Core
