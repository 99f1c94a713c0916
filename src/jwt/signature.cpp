#include "jwt/signature.h"

#include "jwt/jwtkey.h"
#include "util/displaytext.h"
#include "jwt/opensslsupport.h"

#include <openssl/crypto.h>
#include <openssl/rsa.h>

namespace Tokenbench::Core::Jwt {

namespace {

Error refused(const QString& message)
{
    return Error{Error::Code::Usage, message, {}};
}

Error sslFailure(const QString& what)
{
    const QString detail = Ssl::takeErrors();
    return Error{Error::Code::Format, detail.isEmpty() ? what : what + QStringLiteral(" (OpenSSL: %1)").arg(detail), {}};
}

const EVP_MD* digestFor(Algorithm alg)
{
    if (alg == Algorithm::EdDSA)
        return nullptr;
    switch (hashSize(alg)) {
    case 32:
        return EVP_sha256();
    case 48:
        return EVP_sha384();
    default:
        return EVP_sha512();
    }
}

const char* hmacDigestName(Algorithm alg)
{
    switch (hashSize(alg)) {
    case 32:
        return "SHA256";
    case 48:
        return "SHA384";
    default:
        return "SHA512";
    }
}

int ecCoordinateSize(Algorithm alg)
{
    switch (alg) {
    case Algorithm::ES256:
        return 32;
    case Algorithm::ES384:
        return 48;
    case Algorithm::ES512:
        return 66;
    default:
        return 0;
    }
}

bool isPss(Algorithm alg)
{
    return alg == Algorithm::PS256 || alg == Algorithm::PS384 || alg == Algorithm::PS512;
}

QString article(const JwtKey& key)
{
    switch (key.type()) {
    case KeyType::Rsa:
        return key.hasPrivateKey() ? QStringLiteral("an RSA private key") : QStringLiteral("an RSA public key");
    case KeyType::Ec:
        return QStringLiteral("an EC %1 key").arg(key.curve());
    case KeyType::Ed25519:
        return QStringLiteral("an Ed25519 key");
    case KeyType::Hmac:
        return QStringLiteral("an HMAC secret");
    case KeyType::None:
        return QStringLiteral("no key");
    }
    return {};
}

Result<QByteArray> hmac(Algorithm alg, const JwtKey& key, QByteArrayView input)
{
    QByteArray out(EVP_MAX_MD_SIZE, '\0');
    size_t len = 0;
    Ssl::clearErrors();
    if (!EVP_Q_mac(nullptr, "HMAC", nullptr, hmacDigestName(alg), nullptr, key.secret().bytes(),
                   static_cast<size_t>(key.secret().size()), reinterpret_cast<const unsigned char*>(input.data()),
                   static_cast<size_t>(input.size()), reinterpret_cast<unsigned char*>(out.data()),
                   static_cast<size_t>(out.size()), &len))
        return sslFailure(QStringLiteral("HMAC computation failed"));
    out.truncate(static_cast<qsizetype>(len));
    return out;
}

Result<Ssl::MdCtxPtr> digestContext(Algorithm alg, const JwtKey& key, bool sign)
{
    Ssl::MdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX* pctx = nullptr;
    const EVP_MD* md = digestFor(alg);
    const int ok = sign ? EVP_DigestSignInit(ctx.get(), &pctx, md, nullptr, key.nativeHandle())
                        : EVP_DigestVerifyInit(ctx.get(), &pctx, md, nullptr, key.nativeHandle());
    if (ok != 1)
        return sslFailure(QStringLiteral("could not set up %1 with this key").arg(algorithmName(alg)));
    if (isPss(alg)) {
        if (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1 ||
            EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) != 1 ||
            EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, md) != 1)
            return sslFailure(QStringLiteral("could not set up RSA-PSS"));
    } else if (keyTypeFor(alg) == KeyType::Rsa) {
        if (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1)
            return sslFailure(QStringLiteral("could not set up RSASSA-PKCS1-v1_5"));
    }
    return ctx;
}

} // namespace

Result<void> checkKeyForAlgorithm(Algorithm alg, const JwtKey& key, KeyUse use, const KeyPolicy& policy)
{
    const QString name = algorithmName(alg);
    if (key.isNull())
        return refused(QStringLiteral("no key was given for %1").arg(name));
    const KeyType needed = keyTypeFor(alg);
    if (key.type() != needed) {
        if (needed == KeyType::Hmac)
            return refused(QStringLiteral("refused: %1 is an HMAC algorithm but the key is %2; using a "
                                          "public key as an HMAC secret is the algorithm-confusion "
                                          "attack (RFC 8725 §2.1)")
                               .arg(name, article(key)));
        return refused(QStringLiteral("refused: %1 needs %2 key, but the key is %3")
                           .arg(name,
                                needed == KeyType::Rsa  ? QStringLiteral("an RSA")
                                : needed == KeyType::Ec ? QStringLiteral("an EC %1").arg(requiredCurve(alg))
                                                        : QStringLiteral("an Ed25519"),
                                article(key)));
    }
    if (needed == KeyType::Ec && key.curve() != requiredCurve(alg))
        return refused(QStringLiteral("refused: %1 needs a key on curve %2, but the key is on %3")
                           .arg(name, requiredCurve(alg), key.curve()));
    if (needed == KeyType::Rsa && key.bits() < 2048 && !policy.allowShortRsaKey)
        return refused(QStringLiteral("refused: the RSA key has %1 bits; at least 2048 are required "
                                      "(RFC 7518 §3.3, RFC 8725 §3.5)")
                           .arg(key.bits()));
    if (needed == KeyType::Hmac) {
        if (key.secret().isEmpty())
            return refused(QStringLiteral("refused: the HMAC secret is empty"));
        if (key.secret().size() < hashSize(alg) && !policy.allowShortHmacSecret)
            return refused(QStringLiteral("refused: %1 needs a secret of at least %2 bytes (the size of "
                                          "its hash, RFC 7518 §3.2), but this one has %3")
                               .arg(name)
                               .arg(hashSize(alg))
                               .arg(key.secret().size()));
    }
    if (use == KeyUse::Sign && !key.hasPrivateKey())
        return refused(QStringLiteral("signing with %1 needs a private key, but this is %2").arg(name, article(key)));
    if (!key.jwkAlgorithm().isEmpty() && key.jwkAlgorithm() != name)
        return refused(QStringLiteral("refused: the key is meant for %1 (its JWK \"alg\"), not %2")
                           .arg(DisplayText::excerpt(key.jwkAlgorithm()), name));
    QString why;
    if (!(use == KeyUse::Sign ? key.allowsSigning(&why) : key.allowsVerifying(&why)))
        return refused(QStringLiteral("refused: the key may not be used to %1: %2")
                           .arg(use == KeyUse::Sign ? QStringLiteral("sign") : QStringLiteral("verify"), why));
    return {};
}

Result<QByteArray> createSignature(Algorithm alg, const JwtKey& key, QByteArrayView signingInput,
                                   const KeyPolicy& policy)
{
    if (auto ok = checkKeyForAlgorithm(alg, key, KeyUse::Sign, policy); !ok)
        return ok.error();
    if (keyTypeFor(alg) == KeyType::Hmac)
        return hmac(alg, key, signingInput);

    Ssl::clearErrors();
    auto ctx = digestContext(alg, key, true);
    if (!ctx)
        return ctx.error();
    const auto* tbs = reinterpret_cast<const unsigned char*>(signingInput.data());
    size_t len = 0;
    if (EVP_DigestSign(ctx->get(), nullptr, &len, tbs, static_cast<size_t>(signingInput.size())) != 1)
        return sslFailure(QStringLiteral("%1 signing failed").arg(algorithmName(alg)));
    QByteArray sig(static_cast<qsizetype>(len), '\0');
    if (EVP_DigestSign(ctx->get(), reinterpret_cast<unsigned char*>(sig.data()), &len, tbs,
                       static_cast<size_t>(signingInput.size())) != 1)
        return sslFailure(QStringLiteral("%1 signing failed").arg(algorithmName(alg)));
    sig.truncate(static_cast<qsizetype>(len));
    if (keyTypeFor(alg) == KeyType::Ec)
        return ecdsaDerToRaw(sig, ecCoordinateSize(alg));
    return sig;
}

Result<bool> checkSignature(Algorithm alg, const JwtKey& key, QByteArrayView signingInput,
                            QByteArrayView signature, const KeyPolicy& policy)
{
    if (auto ok = checkKeyForAlgorithm(alg, key, KeyUse::Verify, policy); !ok)
        return ok.error();
    if (keyTypeFor(alg) == KeyType::Hmac) {
        auto expected = hmac(alg, key, signingInput);
        if (!expected)
            return expected.error();
        const bool same = expected->size() == signature.size() &&
                          CRYPTO_memcmp(expected->constData(), signature.data(),
                                        static_cast<size_t>(signature.size())) == 0;
        return same;
    }
    QByteArray sig = signature.toByteArray();
    if (keyTypeFor(alg) == KeyType::Ec) {
        if (signature.size() != 2 * ecCoordinateSize(alg))
            return false;
        auto der = ecdsaRawToDer(signature);
        if (!der)
            return false;
        sig = std::move(der).value();
    }
    Ssl::clearErrors();
    auto ctx = digestContext(alg, key, false);
    if (!ctx)
        return ctx.error();
    const int rc = EVP_DigestVerify(ctx->get(), reinterpret_cast<const unsigned char*>(sig.constData()),
                                    static_cast<size_t>(sig.size()),
                                    reinterpret_cast<const unsigned char*>(signingInput.data()),
                                    static_cast<size_t>(signingInput.size()));
    Ssl::clearErrors();
    return rc == 1;
}

Result<QByteArray> ecdsaDerToRaw(QByteArrayView der, int coordinateSize)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    Ssl::EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size())));
    if (!sig)
        return sslFailure(QStringLiteral("not a DER ECDSA signature"));
    const BIGNUM* r = nullptr;
    const BIGNUM* s = nullptr;
    ECDSA_SIG_get0(sig.get(), &r, &s);
    if (BN_num_bytes(r) > coordinateSize || BN_num_bytes(s) > coordinateSize)
        return Error{Error::Code::Format, QStringLiteral("ECDSA signature values are too large"), {}};
    return QByteArray(Ssl::bignumBytes(r, coordinateSize) + Ssl::bignumBytes(s, coordinateSize));
}

Result<QByteArray> ecdsaRawToDer(QByteArrayView raw)
{
    if (raw.isEmpty() || raw.size() % 2 != 0)
        return Error{Error::Code::Format, QStringLiteral("a raw ECDSA signature has an even, non-zero length"), {}};
    const qsizetype half = raw.size() / 2;
    Ssl::BnPtr r = Ssl::bignum(raw.first(half));
    Ssl::BnPtr s = Ssl::bignum(raw.sliced(half));
    Ssl::EcdsaSigPtr sig(ECDSA_SIG_new());
    if (!r || !s || !sig || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1)
        return sslFailure(QStringLiteral("could not build the ECDSA signature"));
    (void)r.release(); // owned by sig now
    (void)s.release();
    unsigned char* der = nullptr;
    const int len = i2d_ECDSA_SIG(sig.get(), &der);
    if (len <= 0)
        return sslFailure(QStringLiteral("could not encode the ECDSA signature"));
    QByteArray out(reinterpret_cast<const char*>(der), len);
    OPENSSL_free(der);
    return out;
}

} // namespace Tokenbench::Core::Jwt
