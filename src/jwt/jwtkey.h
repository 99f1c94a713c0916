#pragma once

#include "jwt/algorithm.h"
#include "util/result.h"
#include "util/securebytes.h"

#include <memory>

#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

struct evp_pkey_st; // OpenSSL's EVP_PKEY

namespace Tokenbench::Core::Jwt {

// A key for signing or verifying JWS: an OpenSSL EVP_PKEY (RSA, EC P-256/384/521, Ed25519; public
// or private) or the bytes of an HMAC secret (held in SecureBytes). Cheap to copy: the key material
// is shared and immutable; the JWK attributes (kid, alg, use) belong to each copy.
class JwtKey
{
public:
    JwtKey();
    ~JwtKey();
    JwtKey(const JwtKey&);
    JwtKey(JwtKey&&) noexcept;
    JwtKey& operator=(const JwtKey&);
    JwtKey& operator=(JwtKey&&) noexcept;

    // Any PEM the functions below read, chosen by its BEGIN line.
    [[nodiscard]] static Result<JwtKey> fromPem(QByteArrayView pem, const SecureBytes& passphrase = {});
    // PKCS#1 (BEGIN RSA PRIVATE KEY), SEC1 (BEGIN EC PRIVATE KEY), PKCS#8 (BEGIN PRIVATE KEY,
    // BEGIN ENCRYPTED PRIVATE KEY). Encrypted keys need `passphrase`.
    [[nodiscard]] static Result<JwtKey> fromPrivateKeyPem(QByteArrayView pem,
                                                          const SecureBytes& passphrase = {});
    // SubjectPublicKeyInfo (BEGIN PUBLIC KEY) or PKCS#1 (BEGIN RSA PUBLIC KEY).
    [[nodiscard]] static Result<JwtKey> fromPublicKeyPem(QByteArrayView pem);
    // The public key of an X.509 certificate (BEGIN CERTIFICATE).
    [[nodiscard]] static Result<JwtKey> fromCertificatePem(QByteArrayView pem);
    // RFC 7517 JWK: kty RSA, EC (P-256/384/521), OKP (Ed25519), oct. Private when "d" (or "k").
    [[nodiscard]] static Result<JwtKey> fromJwk(const QJsonObject& jwk);
    [[nodiscard]] static Result<JwtKey> fromJwkJson(QByteArrayView json);
    // An HMAC secret: the bytes as given (a key_file's trailing newline stays part of it).
    [[nodiscard]] static JwtKey fromSecret(SecureBytes secret);

    // Fresh key pairs (tests, registration): RSA of `bits`, EC on "P-256"/"P-384"/"P-521", Ed25519.
    [[nodiscard]] static Result<JwtKey> generateRsa(int bits = 2048);
    [[nodiscard]] static Result<JwtKey> generateEc(const QString& curve);
    [[nodiscard]] static Result<JwtKey> generateEd25519();

    [[nodiscard]] bool isNull() const;
    [[nodiscard]] KeyType type() const;
    [[nodiscard]] bool hasPrivateKey() const; // HMAC secrets count as private
    [[nodiscard]] int bits() const;           // RSA modulus, EC field, Ed25519 256, HMAC secret bits
    [[nodiscard]] QString curve() const;      // "P-256", "P-384", "P-521", "Ed25519", or other
                                              // OpenSSL group name; empty for RSA/HMAC
    [[nodiscard]] QString description() const; // "RSA 2048-bit public key (kid \"k1\")"

    // JWK attributes, kept when loading a JWK and written by toPublicJwk().
    [[nodiscard]] QString keyId() const { return m_keyId; }
    void setKeyId(const QString& kid) { m_keyId = kid; }
    [[nodiscard]] QString jwkAlgorithm() const { return m_jwkAlgorithm; }
    void setJwkAlgorithm(const QString& alg) { m_jwkAlgorithm = alg; }
    [[nodiscard]] QString use() const { return m_use; }
    void setUse(const QString& use) { m_use = use; }

    // The public part as a JWK (kty and key members, plus kid/alg/use when set). Members come out
    // in the object's (alphabetical) order. HMAC secrets have no public part: error.
    [[nodiscard]] Result<QJsonObject> toPublicJwk() const;
    // RFC 7638 SHA-256 thumbprint of the public JWK, base64url.
    [[nodiscard]] Result<QString> thumbprint() const;
    [[nodiscard]] Result<QByteArray> toPublicKeyPem() const;   // BEGIN PUBLIC KEY
    [[nodiscard]] Result<SecureBytes> toPrivateKeyPem() const; // BEGIN PRIVATE KEY (PKCS#8)

    [[nodiscard]] const SecureBytes& secret() const; // the HMAC secret; empty for other keys
    [[nodiscard]] evp_pkey_st* nativeHandle() const; // borrowed; nullptr for HMAC / null keys

    struct Material; // opaque: the OpenSSL key or the secret, shared between copies

private:
    explicit JwtKey(std::shared_ptr<const Material> material);

    std::shared_ptr<const Material> m_material;
    QString m_keyId;
    QString m_jwkAlgorithm;
    QString m_use;
};

// A JSON Web Key Set (RFC 7517 §5). Keys of unknown or unsupported type are skipped, as the RFC
// asks, and listed in skipped() with the reason.
class JwkSet
{
public:
    JwkSet() = default;
    // {"keys":[...]} or a single JWK object.
    [[nodiscard]] static Result<JwkSet> fromJson(QByteArrayView json);
    [[nodiscard]] static Result<JwkSet> fromJsonObject(const QJsonObject& object);

    void addKey(const JwtKey& key) { m_keys.append(key); }
    [[nodiscard]] const QList<JwtKey>& keys() const { return m_keys; }
    [[nodiscard]] const QStringList& skipped() const { return m_skipped; }
    [[nodiscard]] bool isEmpty() const { return m_keys.isEmpty(); }

    // Keys whose kid equals `kid`.
    [[nodiscard]] QList<JwtKey> keysWithId(const QString& kid) const;

private:
    QList<JwtKey> m_keys;
    QStringList m_skipped;
};

} // namespace Tokenbench::Core::Jwt
