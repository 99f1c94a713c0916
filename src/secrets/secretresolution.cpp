#include "secrets/secretresolution.h"

#include "hcl/couperscope.h"
#include "model/block.h"
#include "model/secretliterals.h"
#include "model/valueresolver.h"


namespace Tokenbench::Core {

namespace {

void collect(const Block& block, const QString& backend, const QString& path, QList<SecretReference>& out)
{
    for (auto it = block.attributes.cbegin(); it != block.attributes.cend(); ++it) {
        const QString attribute = path.isEmpty() ? it.key() : path + u'.' + it.key();
        const auto name = ValueResolver::referenceName(it.value());
        if (!name) {
            // Inside a backend's header / query / form modifiers (set_request_headers = { authorization =
            // env.NAME }): where typed credentials are moved to on save.
            if (path.isEmpty() && SecretLiterals::isCredentialMap(block.type, it.key())) {
                for (const QString& variable : Hcl::envReferences(it.value()))
                    out.append(SecretReference{variable, backend, path, it.key(),
                                               QStringLiteral("backend \"%1\" %2").arg(backend, attribute)});
            }
            continue;
        }
        out.append(SecretReference{*name, backend, path, it.key(),
                                   QStringLiteral("backend \"%1\" %2").arg(backend, attribute)});
    }
    for (const Block& child : block.blocks)
        collect(child, backend, path.isEmpty() ? child.type : path + u'.' + child.type, out);
}

} // namespace

QList<SecretReference> secretReferences(const Block& backend)
{
    QList<SecretReference> out;
    collect(backend, backend.label, {}, out);
    return out;
}

QList<SecretReference> unresolvedReferences(const QList<SecretReference>& references, const ValueResolver& resolver)
{
    QList<SecretReference> out;
    for (const SecretReference& r : references) {
        if (!resolver.lookup(r.variable))
            out.append(r);
    }
    return out;
}

QStringList KeychainResolution::messages() const
{
    QStringList lines;
    QString keychain;
    if (!keychainAsked)
        keychain = QStringLiteral("the keychain was not asked");
    else if (keychainStatus == SecretStore::Status::Ok)
        keychain = QStringLiteral("not in the keychain of workspace %1").arg(workspaceId);
    else
        keychain = QStringLiteral("the keychain could not be read: %1").arg(keychainError);
    for (const SecretReference& r : missing) {
        lines << QStringLiteral("%1 is not set (used by %2): not given with --env, not in the environment, %3")
                     .arg(r.variable, r.location, keychain);
    }
    return lines;
}

void resolveFromKeychain(SecretStore* store, const QString& workspaceId, const QList<SecretReference>& references,
                         ValueResolver* resolver, QObject* context, std::function<void(const KeychainResolution&)> done)
{
    const QList<SecretReference> unresolved = unresolvedReferences(references, *resolver);
    QStringList names;
    for (const SecretReference& r : unresolved)
        names << r.variable;
    names.removeDuplicates();

    auto finish = [workspaceId, unresolved, resolver](const SecretStore::BatchResult* batch) {
        KeychainResolution result;
        result.workspaceId = workspaceId;
        if (batch) {
            result.keychainAsked = true;
            for (auto it = batch->values.cbegin(); it != batch->values.cend(); ++it) {
                resolver->setKeychainValue(it.key(), it.value());
                result.fromKeychain << it.key();
            }
            result.fromKeychain.sort();
            if (!batch->errors.isEmpty()) {
                result.keychainStatus = batch->errors.constFirst().status;
                result.keychainError = batch->errors.constFirst().errorText;
            }
        }
        result.missing = unresolvedReferences(unresolved, *resolver);
        return result;
    };

    if (names.isEmpty()) {
        QMetaObject::invokeMethod(
            context, [done, result = finish(nullptr)] { done(result); }, Qt::QueuedConnection);
        return;
    }
    store->readMany(workspaceId, names, context, [done, finish](const SecretStore::BatchResult& batch) {
        done(finish(&batch));
    });
}

} // namespace Tokenbench::Core
