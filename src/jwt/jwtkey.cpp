#include "jwt/jwtkey.h"

#include "jwt/base64url.h"
#include "util/displaytext.h"
#include "jwt/opensslsupport.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/decoder.h>
#include <openssl/pem.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace Tokenbench::Core::Jwt {

struct JwtKey::Material
{
    Ssl::PkeyPtr pkey;
    SecureBytes secret;
    KeyType type = KeyType::None;
    bool hasPrivate = false;
    int bits = 0;
    QString curve;
};

namespace {

Error keyError(const QString& message)
{
    return Error{Error::Code::Format, message, {}};
}

Error withSslDetail(const QString& message)
{
    const QString detail = Ssl::takeErrors();
    return keyError(detail.isEmpty() ? message : message + QStringLiteral(" (OpenSSL: %1)").arg(detail));
}

QString jwkCurveFromGroup(const QString& group)
{
    if (group == u"prime256v1" || group == u"P-256" || group == u"secp256r1")
        return QStringLiteral("P-256");
    if (group == u"secp384r1" || group == u"P-384")
        return QStringLiteral("P-384");
    if (group == u"secp521r1" || group == u"P-521")
        return QStringLiteral("P-521");
    return group;
}

int coordinateSize(const QString& jwkCurve)
{
    if (jwkCurve == u"P-256")
        return 32;
    if (jwkCurve == u"P-384")
        return 48;
    if (jwkCurve == u"P-521")
        return 66;
    return 0;
}

bool hasBnParam(const EVP_PKEY* pkey, const char* name)
{
    BIGNUM* bn = nullptr;
    const bool present = EVP_PKEY_get_bn_param(pkey, name, &bn) == 1 && bn != nullptr;
    BN_clear_free(bn);
    Ssl::clearErrors();
    return present;
}

// Wraps an EVP_PKEY after checking it is a type JWS can use.
Result<std::shared_ptr<JwtKey::Material>> describe(Ssl::PkeyPtr pkey)
{
    auto m = std::make_shared<JwtKey::Material>();
    EVP_PKEY* p = pkey.get();
    if (EVP_PKEY_is_a(p, "RSA") || EVP_PKEY_is_a(p, "RSA-PSS")) {
        m->type = KeyType::Rsa;
        m->hasPrivate = hasBnParam(p, OSSL_PKEY_PARAM_RSA_D);
    } else if (EVP_PKEY_is_a(p, "EC")) {
        m->type = KeyType::Ec;
        char group[80] = {};
        size_t len = 0;
        if (EVP_PKEY_get_utf8_string_param(p, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len) != 1)
            return withSslDetail(QStringLiteral("the EC key has no named curve (explicit curve "
                                                "parameters are not supported)"));
        m->curve = jwkCurveFromGroup(QString::fromLatin1(group, static_cast<qsizetype>(len)));
        m->hasPrivate = hasBnParam(p, OSSL_PKEY_PARAM_PRIV_KEY);
    } else if (EVP_PKEY_is_a(p, "ED25519")) {
        m->type = KeyType::Ed25519;
        m->curve = QStringLiteral("Ed25519");
        size_t len = 0;
        m->hasPrivate = EVP_PKEY_get_raw_private_key(p, nullptr, &len) == 1;
        Ssl::clearErrors();
    } else {
        const char* name = EVP_PKEY_get0_type_name(p);
        return keyError(QStringLiteral("unsupported key type %1: JWS needs RSA, EC (P-256, P-384, "
                                       "P-521) or Ed25519")
                            .arg(name ? QString::fromLatin1(name) : QStringLiteral("(unknown)")));
    }
    m->bits = EVP_PKEY_get_bits(p);
    m->pkey = std::move(pkey);
    return m;
}

struct PassphraseContext
{
    const SecureBytes* passphrase = nullptr;
    bool asked = false;
};

int passphraseCallback(char* buf, int size, int /*rwflag*/, void* userdata)
{
    auto* ctx = static_cast<PassphraseContext*>(userdata);
    ctx->asked = true;
    if (!ctx->passphrase || ctx->passphrase->isEmpty() || ctx->passphrase->size() > size)
        return -1;
    std::memcpy(buf, ctx->passphrase->constData(), static_cast<size_t>(ctx->passphrase->size()));
    return static_cast<int>(ctx->passphrase->size());
}

// The labels of all "-----BEGIN X-----" lines.
QStringList pemLabels(QByteArrayView pem)
{
    QStringList labels;
    static constexpr QByteArrayView Begin("-----BEGIN ");
    qsizetype from = 0;
    while ((from = pem.indexOf(Begin, from)) >= 0) {
        const qsizetype start = from + Begin.size();
        const qsizetype end = pem.indexOf(QByteArrayView("-----"), start);
        if (end < 0)
            break;
        labels.append(QString::fromLatin1(pem.sliced(start, end - start)));
        from = end;
    }
    return labels;
}

Result<QByteArray> b64Member(const QJsonObject& jwk, const char* name, bool required)
{
    const QString key = QString::fromLatin1(name);
    const QJsonValue v = jwk.value(key);
    if (v.isUndefined()) {
        if (required)
            return keyError(QStringLiteral("JWK member \"%1\" is missing").arg(key));
        return QByteArray();
    }
    if (!v.isString())
        return keyError(QStringLiteral("JWK member \"%1\" is not a string").arg(key));
    auto bytes = Base64Url::decode(v.toString().toLatin1());
    if (!bytes)
        return keyError(QStringLiteral("JWK member \"%1\": %2").arg(key, bytes.error().message));
    if (bytes->isEmpty())
        return keyError(QStringLiteral("JWK member \"%1\" is empty").arg(key));
    return bytes;
}

Result<Ssl::PkeyPtr> fromParams(const char* keyType, Ssl::ParamBldPtr& bld, bool isPrivate)
{
    Ssl::ParamPtr params(OSSL_PARAM_BLD_to_param(bld.get()));
    Ssl::PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, keyType, nullptr));
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1)
        return withSslDetail(QStringLiteral("could not prepare the key import"));
    EVP_PKEY* raw = nullptr;
    if (EVP_PKEY_fromdata(ctx.get(), &raw, isPrivate ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY,
                          params.get()) != 1)
        return withSslDetail(QStringLiteral("the JWK's key parameters are not a valid %1 key")
                                 .arg(QString::fromLatin1(keyType)));
    return Ssl::PkeyPtr(raw);
}

Result<Ssl::PkeyPtr> rsaFromJwk(const QJsonObject& jwk)
{
    auto n = b64Member(jwk, "n", true);
    if (!n)
        return n.error();
    auto e = b64Member(jwk, "e", true);
    if (!e)
        return e.error();
    auto d = b64Member(jwk, "d", false);
    if (!d)
        return d.error();
    if (jwk.contains(QLatin1String("oth")))
        return keyError(QStringLiteral("multi-prime RSA keys (JWK member \"oth\") are not supported"));
    const char* crtNames[] = {"p", "q", "dp", "dq", "qi"};
    QList<QByteArray> crt;
    for (const char* name : crtNames) {
        auto v = b64Member(jwk, name, false);
        if (!v)
            return v.error();
        crt.append(*v);
    }
    {
        // A modulus must be odd and larger than the exponent, the exponent odd and at least 3;
        // anything else is not an RSA key at all (and OpenSSL would import it as one).
        const Ssl::BnPtr nBn = Ssl::bignum(*n);
        const Ssl::BnPtr eBn = Ssl::bignum(*e);
        if (!nBn || !eBn)
            return withSslDetail(QStringLiteral("could not read the RSA JWK's \"n\" and \"e\""));
        if (!BN_is_odd(nBn.get()) || BN_num_bits(nBn.get()) < 2)
            return keyError(QStringLiteral("the RSA JWK's modulus \"n\" is not a valid RSA modulus (it is even "
                                           "or too small)"));
        if (!BN_is_odd(eBn.get()) || BN_num_bits(eBn.get()) < 2 || BN_cmp(eBn.get(), nBn.get()) >= 0)
            return keyError(QStringLiteral("the RSA JWK's exponent \"e\" is not a valid RSA public exponent "
                                           "(it must be odd, at least 3 and smaller than the modulus)"));
    }
    const bool isPrivate = !d->isEmpty();
    const auto present = std::count_if(crt.cbegin(), crt.cend(), [](const QByteArray& b) { return !b.isEmpty(); });
    if (present != 0 && (present != 5 || !isPrivate))
        return keyError(QStringLiteral("an RSA JWK with any of p, q, dp, dq, qi must have d and all five"));

    Ssl::ParamBldPtr bld(OSSL_PARAM_BLD_new());
    std::vector<Ssl::BnPtr> keep;
    auto push = [&](const char* param, const QByteArray& bytes) {
        keep.push_back(Ssl::bignum(bytes));
        return keep.back() && OSSL_PARAM_BLD_push_BN(bld.get(), param, keep.back().get()) == 1;
    };
    bool ok = bld && push(OSSL_PKEY_PARAM_RSA_N, *n) && push(OSSL_PKEY_PARAM_RSA_E, *e);
    if (ok && isPrivate)
        ok = push(OSSL_PKEY_PARAM_RSA_D, *d);
    if (ok && present == 5) {
        ok = push(OSSL_PKEY_PARAM_RSA_FACTOR1, crt.at(0)) && push(OSSL_PKEY_PARAM_RSA_FACTOR2, crt.at(1)) &&
             push(OSSL_PKEY_PARAM_RSA_EXPONENT1, crt.at(2)) &&
             push(OSSL_PKEY_PARAM_RSA_EXPONENT2, crt.at(3)) &&
             push(OSSL_PKEY_PARAM_RSA_COEFFICIENT1, crt.at(4));
    }
    if (!ok)
        return withSslDetail(QStringLiteral("could not build the RSA key parameters"));
    return fromParams("RSA", bld, isPrivate);
}

Result<Ssl::PkeyPtr> ecFromJwk(const QJsonObject& jwk)
{
    const QString crv = jwk.value(QLatin1String("crv")).toString();
    const int size = coordinateSize(crv);
    if (size == 0)
        return keyError(QStringLiteral("unsupported EC curve %1: JWS uses P-256, P-384 or P-521")
                            .arg(jwk.contains(QLatin1String("crv")) ? DisplayText::quoted(crv) : QStringLiteral("(no \"crv\")")));
    auto x = b64Member(jwk, "x", true);
    if (!x)
        return x.error();
    auto y = b64Member(jwk, "y", true);
    if (!y)
        return y.error();
    auto d = b64Member(jwk, "d", false);
    if (!d)
        return d.error();
    if (x->size() != size || y->size() != size)
        return keyError(QStringLiteral("EC JWK coordinates for %1 must be %2 bytes each, but x has %3 "
                                       "and y %4")
                            .arg(crv)
                            .arg(size)
                            .arg(x->size())
                            .arg(y->size()));
    if (!d->isEmpty() && d->size() != size)
        return keyError(QStringLiteral("EC JWK \"d\" for %1 must be %2 bytes, not %3").arg(crv).arg(size).arg(d->size()));
    const QByteArray point = QByteArray(1, '\x04') + *x + *y;
    const QByteArray group = crv.toLatin1();
    Ssl::ParamBldPtr bld(OSSL_PARAM_BLD_new());
    Ssl::BnPtr priv;
    bool ok = bld &&
              OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, group.constData(), 0) == 1 &&
              OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                               static_cast<size_t>(point.size())) == 1;
    if (ok && !d->isEmpty()) {
        priv = Ssl::bignum(*d);
        ok = priv && OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, priv.get()) == 1;
    }
    if (!ok)
        return withSslDetail(QStringLiteral("could not build the EC key parameters"));
    auto pkey = fromParams("EC", bld, !d->isEmpty());
    if (!pkey) {
        if (pkey.error().message.contains(QStringLiteral("not on curve")))
            return keyError(QStringLiteral("the EC JWK's point (x, y) is not on curve %1").arg(crv));
        return pkey.error();
    }
    // The point must lie on the curve (invalid-curve attacks); a private d must match it.
    Ssl::PkeyCtxPtr check(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey->get(), nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1)
        return withSslDetail(QStringLiteral("the EC JWK's point (x, y) is not on curve %1").arg(crv));
    if (!d->isEmpty() && EVP_PKEY_pairwise_check(check.get()) != 1)
        return withSslDetail(QStringLiteral("the EC JWK's private key \"d\" does not match its public point"));
    return pkey;
}

Result<Ssl::PkeyPtr> okpFromJwk(const QJsonObject& jwk)
{
    const QString crv = jwk.value(QLatin1String("crv")).toString();
    if (crv != u"Ed25519")
        return keyError(QStringLiteral("unsupported OKP curve %1: JWS EdDSA here uses Ed25519")
                            .arg(jwk.contains(QLatin1String("crv")) ? DisplayText::quoted(crv) : QStringLiteral("(no \"crv\")")));
    auto x = b64Member(jwk, "x", true);
    if (!x)
        return x.error();
    auto d = b64Member(jwk, "d", false);
    if (!d)
        return d.error();
    if (x->size() != 32)
        return keyError(QStringLiteral("an Ed25519 JWK's \"x\" must be 32 bytes, not %1").arg(x->size()));
    if (d->isEmpty()) {
        Ssl::PkeyPtr pkey(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                                      reinterpret_cast<const unsigned char*>(x->constData()), 32));
        if (!pkey)
            return withSslDetail(QStringLiteral("invalid Ed25519 public key"));
        return pkey;
    }
    if (d->size() != 32)
        return keyError(QStringLiteral("an Ed25519 JWK's \"d\" must be 32 bytes, not %1").arg(d->size()));
    Ssl::PkeyPtr pkey(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr,
                                                   reinterpret_cast<const unsigned char*>(d->constData()), 32));
    OPENSSL_cleanse(d->data(), static_cast<size_t>(d->size()));
    if (!pkey)
        return withSslDetail(QStringLiteral("invalid Ed25519 private key"));
    unsigned char pub[32] = {};
    size_t len = sizeof pub;
    if (EVP_PKEY_get_raw_public_key(pkey.get(), pub, &len) != 1 || len != 32 ||
        std::memcmp(pub, x->constData(), 32) != 0)
        return keyError(QStringLiteral("the Ed25519 JWK's \"d\" does not match its \"x\""));
    return pkey;
}

QString b64(const QByteArray& bytes)
{
    return QString::fromLatin1(Base64Url::encode(bytes));
}

Result<QByteArray> bnParam(EVP_PKEY* pkey, const char* name, int width = 0)
{
    BIGNUM* bn = nullptr;
    if (EVP_PKEY_get_bn_param(pkey, name, &bn) != 1 || !bn)
        return withSslDetail(QStringLiteral("could not read key parameter %1").arg(QString::fromLatin1(name)));
    Ssl::BnPtr holder(bn);
    return Ssl::bignumBytes(bn, width);
}

} // namespace

JwtKey::JwtKey() = default;
JwtKey::~JwtKey() = default;
JwtKey::JwtKey(const JwtKey&) = default;
JwtKey::JwtKey(JwtKey&&) noexcept = default;
JwtKey& JwtKey::operator=(const JwtKey&) = default;
JwtKey& JwtKey::operator=(JwtKey&&) noexcept = default;

JwtKey::JwtKey(std::shared_ptr<const Material> material) : m_material(std::move(material)) {}

Result<JwtKey> JwtKey::fromPem(QByteArrayView pem, const SecureBytes& passphrase)
{
    const QStringList labels = pemLabels(pem);
    for (const QString& label : labels) {
        if (label == u"CERTIFICATE" || label == u"TRUSTED CERTIFICATE" || label == u"X509 CERTIFICATE")
            return fromCertificatePem(pem);
        if (label == u"PUBLIC KEY" || label == u"RSA PUBLIC KEY")
            return fromPublicKeyPem(pem);
        if (label.endsWith(u"PRIVATE KEY"))
            return fromPrivateKeyPem(pem, passphrase);
    }
    if (labels.isEmpty())
        return keyError(QStringLiteral("not a PEM text: no \"-----BEGIN ...-----\" line"));
    return keyError(QStringLiteral("unsupported PEM block \"%1\": expected a private key, public key or "
                                   "certificate")
                        .arg(labels.first()));
}

Result<JwtKey> JwtKey::fromPrivateKeyPem(QByteArrayView pem, const SecureBytes& passphrase)
{
    const QStringList labels = pemLabels(pem);
    if (labels.contains(QStringLiteral("OPENSSH PRIVATE KEY")))
        return keyError(QStringLiteral("OpenSSH private keys are not supported; convert with "
                                       "ssh-keygen -p -m PKCS8 -f FILE"));
    Ssl::clearErrors();
    auto bio = Ssl::memoryBio(pem);
    PassphraseContext ctx{&passphrase, false};
    Ssl::PkeyPtr pkey(PEM_read_bio_PrivateKey(bio.get(), nullptr, passphraseCallback, &ctx));
    if (!pkey) {
        if (ctx.asked && passphrase.isEmpty()) {
            Ssl::clearErrors();
            return keyError(QStringLiteral("the private key is encrypted: a passphrase is needed"));
        }
        if (ctx.asked)
            return withSslDetail(QStringLiteral("the private key could not be decrypted: wrong "
                                                "passphrase?"));
        return withSslDetail(QStringLiteral("invalid key: Key must be a PEM encoded PKCS1, PKCS8 or "
                                            "SEC1 private key"));
    }
    auto m = describe(std::move(pkey));
    if (!m)
        return m.error();
    return JwtKey(std::move(m).value());
}

Result<JwtKey> JwtKey::fromPublicKeyPem(QByteArrayView pem)
{
    Ssl::clearErrors();
    EVP_PKEY* raw = nullptr;
    const bool pkcs1 = pemLabels(pem).contains(QStringLiteral("RSA PUBLIC KEY"));
    OSSL_DECODER_CTX* dctx = OSSL_DECODER_CTX_new_for_pkey(&raw, "PEM", pkcs1 ? "type-specific" : "SubjectPublicKeyInfo",
                                                           pkcs1 ? "RSA" : nullptr, EVP_PKEY_PUBLIC_KEY,
                                                           nullptr, nullptr);
    if (!dctx)
        return withSslDetail(QStringLiteral("could not set up the public key decoder"));
    const auto* data = reinterpret_cast<const unsigned char*>(pem.data());
    size_t len = static_cast<size_t>(pem.size());
    const int ok = OSSL_DECODER_from_data(dctx, &data, &len);
    OSSL_DECODER_CTX_free(dctx);
    Ssl::PkeyPtr pkey(raw);
    if (ok != 1 || !pkey)
        return withSslDetail(QStringLiteral("invalid public key: expected PEM \"BEGIN PUBLIC KEY\" "
                                            "(SubjectPublicKeyInfo) or \"BEGIN RSA PUBLIC KEY\""));
    auto m = describe(std::move(pkey));
    if (!m)
        return m.error();
    return JwtKey(std::move(m).value());
}

Result<JwtKey> JwtKey::fromCertificatePem(QByteArrayView pem)
{
    Ssl::clearErrors();
    auto bio = Ssl::memoryBio(pem);
    Ssl::X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert)
        return withSslDetail(QStringLiteral("invalid certificate: expected PEM \"BEGIN CERTIFICATE\""));
    Ssl::PkeyPtr pkey(X509_get_pubkey(cert.get()));
    if (!pkey)
        return withSslDetail(QStringLiteral("the certificate's public key could not be read"));
    auto m = describe(std::move(pkey));
    if (!m)
        return m.error();
    return JwtKey(std::move(m).value());
}

Result<JwtKey> JwtKey::fromJwk(const QJsonObject& jwk)
{
    const QJsonValue ktyValue = jwk.value(QLatin1String("kty"));
    if (!ktyValue.isString())
        return keyError(QStringLiteral("JWK member \"kty\" is missing"));
    const QString kty = ktyValue.toString();
    Ssl::clearErrors();

    JwtKey key;
    if (kty == u"oct") {
        auto k = b64Member(jwk, "k", true);
        if (!k)
            return k.error();
        key = fromSecret(SecureBytes(*k));
        OPENSSL_cleanse(k->data(), static_cast<size_t>(k->size()));
    } else {
        Result<Ssl::PkeyPtr> pkey = kty == u"RSA" ? rsaFromJwk(jwk)
                                    : kty == u"EC" ? ecFromJwk(jwk)
                                    : kty == u"OKP"
                                        ? okpFromJwk(jwk)
                                        : Result<Ssl::PkeyPtr>(keyError(
                                              QStringLiteral("unsupported JWK key type %1").arg(DisplayText::quoted(kty))));
        if (!pkey)
            return pkey.error();
        auto m = describe(std::move(pkey).value());
        if (!m)
            return m.error();
        key = JwtKey(std::move(m).value());
    }
    for (const char* name : {"kid", "alg", "use"}) {
        const QJsonValue v = jwk.value(QLatin1String(name));
        if (!v.isUndefined() && !v.isString())
            return keyError(QStringLiteral("JWK member \"%1\" is not a string").arg(QLatin1String(name)));
    }
    key.m_keyId = jwk.value(QLatin1String("kid")).toString();
    key.m_jwkAlgorithm = jwk.value(QLatin1String("alg")).toString();
    key.m_use = jwk.value(QLatin1String("use")).toString();
    const QJsonValue ops = jwk.value(QLatin1String("key_ops"));
    if (!ops.isUndefined()) {
        if (!ops.isArray())
            return keyError(QStringLiteral("JWK member \"key_ops\" is not an array"));
        QStringList list;
        const QJsonArray array = ops.toArray();
        for (const QJsonValue& op : array) {
            if (!op.isString())
                return keyError(QStringLiteral("JWK member \"key_ops\" contains a value that is not a string"));
            list.append(op.toString());
        }
        key.m_keyOps = list;
    }
    return key;
}

Result<JwtKey> JwtKey::fromJwkJson(QByteArrayView json)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &err);
    if (err.error != QJsonParseError::NoError)
        return keyError(QStringLiteral("the JWK is not valid JSON: %1 at byte %2").arg(err.errorString()).arg(err.offset));
    if (!doc.isObject())
        return keyError(QStringLiteral("a JWK must be a JSON object"));
    return fromJwk(doc.object());
}

JwtKey JwtKey::fromSecret(SecureBytes secret)
{
    auto m = std::make_shared<Material>();
    m->type = KeyType::Hmac;
    m->hasPrivate = true;
    m->bits = static_cast<int>(secret.size() * 8);
    m->secret = std::move(secret);
    return JwtKey(std::move(m));
}

Result<JwtKey> JwtKey::generateRsa(int bits)
{
    Ssl::clearErrors();
    Ssl::PkeyPtr pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(bits)));
    if (!pkey)
        return withSslDetail(QStringLiteral("RSA key generation failed"));
    auto m = describe(std::move(pkey));
    if (!m)
        return m.error();
    return JwtKey(std::move(m).value());
}

Result<JwtKey> JwtKey::generateEc(const QString& curve)
{
    if (coordinateSize(curve) == 0)
        return keyError(QStringLiteral("unsupported EC curve \"%1\"").arg(curve));
    Ssl::clearErrors();
    const QByteArray name = curve.toLatin1();
    Ssl::PkeyPtr pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", name.constData()));
    if (!pkey)
        return withSslDetail(QStringLiteral("EC key generation failed"));
    auto m = describe(std::move(pkey));
    if (!m)
        return m.error();
    return JwtKey(std::move(m).value());
}

Result<JwtKey> JwtKey::generateEd25519()
{
    Ssl::clearErrors();
    Ssl::PkeyPtr pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    if (!pkey)
        return withSslDetail(QStringLiteral("Ed25519 key generation failed"));
    auto m = describe(std::move(pkey));
    if (!m)
        return m.error();
    return JwtKey(std::move(m).value());
}

bool JwtKey::isNull() const
{
    return !m_material || m_material->type == KeyType::None;
}

KeyType JwtKey::type() const
{
    return m_material ? m_material->type : KeyType::None;
}

bool JwtKey::hasPrivateKey() const
{
    return m_material && m_material->hasPrivate;
}

int JwtKey::bits() const
{
    return m_material ? m_material->bits : 0;
}

QString JwtKey::curve() const
{
    return m_material ? m_material->curve : QString();
}

QString JwtKey::description() const
{
    QString text;
    switch (type()) {
    case KeyType::None:
        return QStringLiteral("no key");
    case KeyType::Hmac:
        text = QStringLiteral("HMAC secret of %1 bytes").arg(bits() / 8);
        break;
    case KeyType::Rsa:
        text = QStringLiteral("RSA %1-bit %2 key").arg(bits()).arg(hasPrivateKey() ? u"private" : u"public");
        break;
    case KeyType::Ec:
        text = QStringLiteral("EC %1 %2 key").arg(curve(), hasPrivateKey() ? u"private" : u"public");
        break;
    case KeyType::Ed25519:
        text = QStringLiteral("Ed25519 %1 key").arg(hasPrivateKey() ? u"private" : u"public");
        break;
    }
    if (!m_keyId.isEmpty())
        text += QStringLiteral(" (kid %1)").arg(DisplayText::quoted(m_keyId));
    return text;
}

bool JwtKey::allows(const char* operation, QString* why) const
{
    const QString op = QString::fromLatin1(operation);
    if (!m_use.isEmpty() && m_use != u"sig") {
        if (why)
            *why = QStringLiteral("its JWK \"use\" is %1, not \"sig\"").arg(DisplayText::quoted(m_use));
        return false;
    }
    if (m_keyOps && !m_keyOps->contains(op)) {
        if (why) {
            QStringList quoted;
            for (const QString& o : std::as_const(*m_keyOps))
                quoted.append(DisplayText::quoted(o, 40));
            *why = m_keyOps->isEmpty()
                       ? QStringLiteral("its JWK \"key_ops\" is empty, so it allows no operation, not \"%1\"").arg(op)
                       : QStringLiteral("its JWK \"key_ops\" [%1] does not include \"%2\"")
                             .arg(quoted.join(QStringLiteral(", ")), op);
        }
        return false;
    }
    return true;
}

bool JwtKey::allowsVerifying(QString* why) const
{
    return allows("verify", why);
}

bool JwtKey::allowsSigning(QString* why) const
{
    return allows("sign", why);
}

Result<QJsonObject> JwtKey::toPublicJwk() const
{
    QJsonObject jwk;
    EVP_PKEY* p = nativeHandle();
    Ssl::clearErrors();
    switch (type()) {
    case KeyType::None:
        return keyError(QStringLiteral("no key to export"));
    case KeyType::Hmac:
        return keyError(QStringLiteral("an HMAC secret has no public part to export as a JWK"));
    case KeyType::Rsa: {
        auto n = bnParam(p, OSSL_PKEY_PARAM_RSA_N);
        auto e = bnParam(p, OSSL_PKEY_PARAM_RSA_E);
        if (!n)
            return n.error();
        if (!e)
            return e.error();
        jwk.insert(QStringLiteral("kty"), QStringLiteral("RSA"));
        jwk.insert(QStringLiteral("n"), b64(*n));
        jwk.insert(QStringLiteral("e"), b64(*e));
        break;
    }
    case KeyType::Ec: {
        const int size = coordinateSize(curve());
        if (size == 0)
            return keyError(QStringLiteral("curve %1 has no JWK representation").arg(curve()));
        auto x = bnParam(p, OSSL_PKEY_PARAM_EC_PUB_X, size);
        auto y = bnParam(p, OSSL_PKEY_PARAM_EC_PUB_Y, size);
        if (!x)
            return x.error();
        if (!y)
            return y.error();
        jwk.insert(QStringLiteral("kty"), QStringLiteral("EC"));
        jwk.insert(QStringLiteral("crv"), curve());
        jwk.insert(QStringLiteral("x"), b64(*x));
        jwk.insert(QStringLiteral("y"), b64(*y));
        break;
    }
    case KeyType::Ed25519: {
        QByteArray pub(32, '\0');
        size_t len = 32;
        if (EVP_PKEY_get_raw_public_key(p, reinterpret_cast<unsigned char*>(pub.data()), &len) != 1)
            return withSslDetail(QStringLiteral("could not read the Ed25519 public key"));
        pub.truncate(static_cast<qsizetype>(len));
        jwk.insert(QStringLiteral("kty"), QStringLiteral("OKP"));
        jwk.insert(QStringLiteral("crv"), QStringLiteral("Ed25519"));
        jwk.insert(QStringLiteral("x"), b64(pub));
        break;
    }
    }
    if (!m_keyId.isEmpty())
        jwk.insert(QStringLiteral("kid"), m_keyId);
    if (!m_jwkAlgorithm.isEmpty())
        jwk.insert(QStringLiteral("alg"), m_jwkAlgorithm);
    if (!m_use.isEmpty())
        jwk.insert(QStringLiteral("use"), m_use);
    if (m_keyOps)
        jwk.insert(QStringLiteral("key_ops"), QJsonArray::fromStringList(*m_keyOps));
    return jwk;
}

Result<QString> JwtKey::thumbprint() const
{
    auto jwk = toPublicJwk();
    if (!jwk)
        return jwk.error();
    // RFC 7638 §3: the required members only, in lexicographic order, no whitespace.
    QStringList required;
    switch (type()) {
    case KeyType::Rsa:
        required = {QStringLiteral("e"), QStringLiteral("kty"), QStringLiteral("n")};
        break;
    case KeyType::Ec:
        required = {QStringLiteral("crv"), QStringLiteral("kty"), QStringLiteral("x"), QStringLiteral("y")};
        break;
    case KeyType::Ed25519:
        required = {QStringLiteral("crv"), QStringLiteral("kty"), QStringLiteral("x")};
        break;
    case KeyType::None:
    case KeyType::Hmac:
        return keyError(QStringLiteral("no thumbprint for this key"));
    }
    QByteArray canonical = "{";
    for (const QString& name : required) {
        if (canonical.size() > 1)
            canonical += ',';
        canonical += '"' + name.toLatin1() + "\":\"" + jwk->value(name).toString().toLatin1() + '"';
    }
    canonical += '}';
    return QString::fromLatin1(Base64Url::encode(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256)));
}

Result<QByteArray> JwtKey::toPublicKeyPem() const
{
    if (!nativeHandle())
        return keyError(QStringLiteral("only RSA, EC and Ed25519 keys have a public key PEM"));
    Ssl::clearErrors();
    Ssl::BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), nativeHandle()) != 1)
        return withSslDetail(QStringLiteral("could not write the public key"));
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, static_cast<qsizetype>(len));
}

Result<SecureBytes> JwtKey::toPrivateKeyPem() const
{
    if (!nativeHandle() || !hasPrivateKey())
        return keyError(QStringLiteral("no private key to export"));
    Ssl::clearErrors();
    Ssl::BioPtr bio(BIO_new(BIO_s_secmem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), nativeHandle(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return withSslDetail(QStringLiteral("could not write the private key"));
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return SecureBytes(QByteArrayView(data, static_cast<qsizetype>(len)));
}

const SecureBytes& JwtKey::secret() const
{
    static const SecureBytes empty;
    return m_material ? m_material->secret : empty;
}

evp_pkey_st* JwtKey::nativeHandle() const
{
    return m_material ? m_material->pkey.get() : nullptr;
}

// --- JwkSet ---------------------------------------------------------------------------------

QString UnusableJwk::label() const
{
    return kid.isEmpty() ? QStringLiteral("key %1").arg(index)
                         : QStringLiteral("key %1 (kid %2)").arg(index).arg(DisplayText::quoted(kid, 80));
}

QString UnusableJwk::text() const
{
    return QStringLiteral("%1: %2").arg(label(), reason);
}

Result<JwkSet> JwkSet::fromJson(QByteArrayView json, JwkSource source)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &err);
    if (err.error != QJsonParseError::NoError)
        return keyError(QStringLiteral("the JWKS is not valid JSON: %1 at byte %2").arg(err.errorString()).arg(err.offset));
    if (!doc.isObject())
        return keyError(QStringLiteral("a JWKS must be a JSON object with a \"keys\" array"));
    return fromJsonObject(doc.object(), source);
}

namespace {

const QString& remoteSymmetricReason()
{
    static const QString reason = QStringLiteral(
        "a symmetric (\"oct\") key from a URL is never used: whoever can fetch the key set knows it and could "
        "sign tokens with it (RFC 8725 §3.1); give it as a local file if it really is your HMAC secret");
    return reason;
}

QString localSymmetricNote(const QString& label)
{
    return QStringLiteral("%1 is a symmetric (\"oct\") key; it is used because it came from a local file "
                          "(symmetric keys from a JWKS URL never are)")
        .arg(label);
}

} // namespace

Result<JwkSet> JwkSet::fromJsonObject(const QJsonObject& object, JwkSource source)
{
    JwkSet set;
    set.m_source = source;
    if (!object.contains(QLatin1String("keys"))) {
        if (!object.contains(QLatin1String("kty")))
            return keyError(QStringLiteral("neither a JWKS (no \"keys\") nor a JWK (no \"kty\")"));
        const bool symmetric = object.value(QLatin1String("kty")) == QJsonValue(QStringLiteral("oct"));
        if (symmetric && source == JwkSource::Remote)
            return keyError(QStringLiteral("the JWK is unusable: ") + remoteSymmetricReason());
        auto key = JwtKey::fromJwk(object);
        if (!key)
            return key.error();
        if (symmetric)
            set.m_notes.append(localSymmetricNote(QStringLiteral("the JWK")));
        set.m_keys.append(*key);
        return set;
    }
    const QJsonValue keys = object.value(QLatin1String("keys"));
    if (!keys.isArray())
        return keyError(QStringLiteral("the JWKS member \"keys\" is not an array"));
    const QJsonArray array = keys.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject jwk = array.at(i).toObject();
        UnusableJwk entry;
        entry.index = i + 1;
        entry.kid = jwk.value(QLatin1String("kid")).toString();
        if (!array.at(i).isObject()) {
            entry.reason = QStringLiteral("not a JSON object");
            set.m_unusable.append(entry);
            continue;
        }
        const bool symmetric = jwk.value(QLatin1String("kty")) == QJsonValue(QStringLiteral("oct"));
        if (symmetric && source == JwkSource::Remote) {
            entry.reason = remoteSymmetricReason();
            set.m_unusable.append(entry);
            continue;
        }
        auto key = JwtKey::fromJwk(jwk);
        if (!key) {
            entry.reason = key.error().message;
            set.m_unusable.append(entry);
            continue;
        }
        if (symmetric)
            set.m_notes.append(localSymmetricNote(entry.label()));
        set.m_keys.append(*key);
    }
    return set;
}

QStringList JwkSet::skipped() const
{
    QStringList texts;
    for (const UnusableJwk& entry : m_unusable)
        texts.append(entry.text());
    return texts;
}

QList<JwtKey> JwkSet::keysWithId(const QString& kid) const
{
    QList<JwtKey> found;
    for (const JwtKey& key : m_keys) {
        if (key.keyId() == kid)
            found.append(key);
    }
    return found;
}

} // namespace Tokenbench::Core::Jwt
