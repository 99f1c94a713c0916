#pragma once

// Internal to the JWT core: RAII holders for OpenSSL objects and error text. Not for use outside
// src/jwt (OpenSSL is a private dependency of the core).

#include <memory>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/x509.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Tokenbench::Core::Jwt::Ssl {

struct Free
{
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
    void operator()(EVP_PKEY_CTX* p) const { EVP_PKEY_CTX_free(p); }
    void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
    void operator()(EVP_MAC* p) const { EVP_MAC_free(p); }
    void operator()(EVP_MAC_CTX* p) const { EVP_MAC_CTX_free(p); }
    void operator()(BIO* p) const { BIO_free(p); }
    void operator()(BIGNUM* p) const { BN_clear_free(p); }
    void operator()(OSSL_PARAM_BLD* p) const { OSSL_PARAM_BLD_free(p); }
    void operator()(OSSL_PARAM* p) const { OSSL_PARAM_free(p); }
    void operator()(X509* p) const { X509_free(p); }
    void operator()(ECDSA_SIG* p) const { ECDSA_SIG_free(p); }
};

using PkeyPtr = std::unique_ptr<EVP_PKEY, Free>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Free>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Free>;
using MacPtr = std::unique_ptr<EVP_MAC, Free>;
using MacCtxPtr = std::unique_ptr<EVP_MAC_CTX, Free>;
using BioPtr = std::unique_ptr<BIO, Free>;
using BnPtr = std::unique_ptr<BIGNUM, Free>;
using ParamBldPtr = std::unique_ptr<OSSL_PARAM_BLD, Free>;
using ParamPtr = std::unique_ptr<OSSL_PARAM, Free>;
using X509Ptr = std::unique_ptr<X509, Free>;
using EcdsaSigPtr = std::unique_ptr<ECDSA_SIG, Free>;

// The queued OpenSSL errors as one line ("" when none); always empties the queue.
QString takeErrors();
// Drops queued errors (after an expected failure, e.g. probing a parameter).
void clearErrors();

BioPtr memoryBio(QByteArrayView data);
BnPtr bignum(QByteArrayView bigEndian);
// Big-endian bytes of `bn`, left-padded with zeros to `width` when width > 0.
QByteArray bignumBytes(const BIGNUM* bn, int width = 0);

} // namespace Tokenbench::Core::Jwt::Ssl
