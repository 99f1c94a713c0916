#include "jwt/opensslsupport.h"

#include <openssl/err.h>

#include <QStringList>

namespace Tokenbench::Core::Jwt::Ssl {

QString takeErrors()
{
    QStringList lines;
    unsigned long code = 0;
    while ((code = ERR_get_error()) != 0) {
        char buf[256] = {};
        ERR_error_string_n(code, buf, sizeof buf);
        const char* reason = ERR_reason_error_string(code);
        lines.append(reason ? QString::fromLatin1(reason) : QString::fromLatin1(buf));
    }
    lines.removeDuplicates();
    return lines.join(QStringLiteral("; "));
}

void clearErrors()
{
    ERR_clear_error();
}

BioPtr memoryBio(QByteArrayView data)
{
    return BioPtr(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
}

BnPtr bignum(QByteArrayView bigEndian)
{
    return BnPtr(BN_bin2bn(reinterpret_cast<const unsigned char*>(bigEndian.data()),
                           static_cast<int>(bigEndian.size()), nullptr));
}

QByteArray bignumBytes(const BIGNUM* bn, int width)
{
    const int natural = BN_num_bytes(bn);
    const int size = width > natural ? width : natural;
    QByteArray out(size, '\0');
    BN_bn2binpad(bn, reinterpret_cast<unsigned char*>(out.data()), size);
    return out;
}

} // namespace Tokenbench::Core::Jwt::Ssl
