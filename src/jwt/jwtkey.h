#pragma once

#include "jwt/algorithm.h"
#include "util/result.h"
#include "util/securebytes.h"

#include <memory>
#include <optional>

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
    // JWK "key_ops" (RFC 7517 §4.3); nullopt when the JWK has none (no restriction).
    [[nodiscard]] const std::optional<QStringList>& keyOperations() const { return m_keyOps; }
    void setKeyOperations(std::optional<QStringList> ops) { m_keyOps = std::move(ops); }
    // Whether the JWK's "use" and "key_ops" allow verifying ("sig" / "verify") or signing ("sig" /
    // "sign"); when not, `why` says which member forbids it.
    [[nodiscard]] bool allowsVerifying(QString* why = nullptr) const;
    [[nodiscard]] bool allowsSigning(QString* why = nullptr) const;

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

    [[nodiscard]] bool allows(const char* operation, QString* why) const;

    std::shared_ptr<const Material> m_material;
    QString m_keyId;
    QString m_jwkAlgorithm;
    QString m_use;
    std::optional<QStringList> m_keyOps;
};

// Where a JWK set comes from. Symmetric ("oct") keys are secrets: one published at a URL (a
// provider's jwks_uri) is known to everyone who can fetch it, so such keys are never used
// (RFC 8725 §3.1); from a local file the user chose, they are (with a note).
enum class JwkSource {
    Remote,    // a JWKS URL, an issuer's jwks_uri
    LocalFile, // a JWK / JWKS file given explicitly
};

// A JWKS entry that could not be used, and why. `kid` is the entry's own (untrusted) text.
struct UnusableJwk
{
    qsizetype index = 0; // 1-based position in "keys"
    QString kid;         // empty when the entry has none
    QString reason;
    [[nodiscard]] QString label() const; // key 2 (kid "k1"), the kid escaped
    [[nodiscard]] QString text() const;  // key 2 (kid "k1"): the EC point is not on the curve
};

// A JSON Web Key Set (RFC 7517 §5). Entries that cannot be used (unknown or unsupported type or
// curve, missing members, an EC point off its curve, a bad modulus, a symmetric key from a URL) are
// left out, as the RFC asks, and listed in unusable() with their kid and the reason, for every
// report to show.
class JwkSet
{
public:
    JwkSet() = default; // keys added by the program itself count as given explicitly
    // {"keys":[...]} or a single JWK object. The default source is the cautious one.
    [[nodiscard]] static Result<JwkSet> fromJson(QByteArrayView json, JwkSource source = JwkSource::Remote);
    [[nodiscard]] static Result<JwkSet> fromJsonObject(const QJsonObject& object,
                                                       JwkSource source = JwkSource::Remote);

    void addKey(const JwtKey& key) { m_keys.append(key); }
    [[nodiscard]] const QList<JwtKey>& keys() const { return m_keys; }
    [[nodiscard]] const QList<UnusableJwk>& unusable() const { return m_unusable; }
    [[nodiscard]] QStringList skipped() const; // unusable() as text
    // Remarks about keys that are used, e.g. a symmetric key taken from a local file.
    [[nodiscard]] const QStringList& notes() const { return m_notes; }
    [[nodiscard]] JwkSource source() const { return m_source; }
    [[nodiscard]] bool isEmpty() const { return m_keys.isEmpty(); }

    // Keys whose kid equals `kid`.
    [[nodiscard]] QList<JwtKey> keysWithId(const QString& kid) const;

private:
    QList<JwtKey> m_keys;
    QList<UnusableJwk> m_unusable;
    QStringList m_notes;
    JwkSource m_source = JwkSource::LocalFile;
};

} // namespace Tokenbench::Core::Jwt
