#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

// The secret values this process knows (client secrets, passwords, keychain values, issued tokens, ...),
// longest first. Any layer may add to it where a secret is resolved or received; the Redactor (trace/)
// masks every value in it wherever it appears, in every encoding. Values are kept in memory only.
namespace Tokenbench::Core::SecretValues {

// Values shorter than this are not searched for by value (they would mask ordinary text); they are still
// hidden wherever they are known by name.
inline constexpr qsizetype MinLength = 4;

void add(QByteArrayView value);
void add(const QString& value);
QList<QByteArray> values();
// Grows by one with every change, so a consumer can cache what it derives from values().
quint64 generation();
void forget(); // for tests and fuzzers

// Whether a variable name (BILLING_CLIENT_SECRET, API_KEY, ...) looks like it holds a secret.
bool looksLikeSecretName(QStringView name);

} // namespace Tokenbench::Core::SecretValues
