// libFuzzer entry point for the JWT core: decodes any input as a compact JWS/JWE, then runs the
// header checks, a verification against a fixed key set (HMAC, RSA, EC, Ed25519) and the claims
// checks. Nothing may crash, hang or leak, whatever the bytes.

#include "jwt/claimscheck.h"
#include "jwt/decodedtoken.h"
#include "jwt/jwtkey.h"
#include "jwt/verifier.h"

#include <cstddef>
#include <cstdint>

#include <QByteArrayView>
#include <QDateTime>

namespace {

using namespace Tokenbench::Core;

const Jwt::JwkSet& keys()
{
    static const Jwt::JwkSet set = [] {
        Jwt::JwkSet s;
        s.addKey(Jwt::JwtKey::fromSecret(SecureBytes(QByteArrayView("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"))));
        if (auto rsa = Jwt::JwtKey::generateRsa(2048))
            s.addKey(*rsa);
        for (const char* curve : {"P-256", "P-384", "P-521"}) {
            if (auto ec = Jwt::JwtKey::generateEc(QString::fromLatin1(curve)))
                s.addKey(*ec);
        }
        if (auto ed = Jwt::JwtKey::generateEd25519())
            s.addKey(*ed);
        return s;
    }();
    return set;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto decoded = Jwt::decodeToken(input);
    if (!decoded)
        return 0;
    (void)Jwt::verifySignature(*decoded, keys());
    Jwt::ClaimExpectations expected;
    expected.issuer = QStringLiteral("https://issuer.example");
    expected.audience = QStringLiteral("client");
    expected.accessToken = QStringLiteral("access-token");
    (void)Jwt::checkClaims(*decoded, expected, QDateTime::fromSecsSinceEpoch(1700000000));
    // A JWK set parsed from the payload bytes exercises the JWK importers too.
    (void)Jwt::JwkSet::fromJson(decoded->payloadBytes);
    return 0;
}
