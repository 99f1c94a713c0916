#include "util/versions.h"

#include <openssl/crypto.h>

#include <QtGlobal>

namespace Tokenbench::Core {

QString applicationVersion()
{
    return QStringLiteral(TOKENBENCH_VERSION);
}

QList<QPair<QString, QString>> libraryVersions()
{
    return {
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion())},
        {QStringLiteral("OpenSSL"), QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION))},
        {QStringLiteral("QtKeychain"), QStringLiteral(TOKENBENCH_QTKEYCHAIN_VERSION)},
    };
}

} // namespace Tokenbench::Core
