// JWT benchmark (issue 8, benchmark 4): signature verifications per second through Tokenbench's verifier
// (Jwt::verifySignature on a decoded token) against the raw OpenSSL primitive (EVP_DigestVerify with the
// same key, signing input and signature), measured in the same process, in alternating rounds.
//
// Prints its figures, then one line per algorithm for scripts/bench.sh:
//   ROW<TAB>benchmark<TAB>tokenbench<TAB>baseline<TAB>ratio<TAB>what it means
#include "benchsupport.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>

#include <openssl/evp.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include "jwt/decodedtoken.h"
#include "jwt/jwtkey.h"
#include "jwt/signature.h"
#include "jwt/signer.h"
#include "jwt/verifier.h"

using namespace Tokenbench::Core;
using namespace Tokenbench::Core::Jwt;

namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void fail(const QString& what)
{
    std::fprintf(stderr, "bench_jwt: %s\n", qPrintable(what));
    std::exit(1);
}

// Calls `op` for about `seconds`; returns operations per second.
double opsPerSecond(const std::function<bool()>& op, double seconds)
{
    const auto start = Clock::now();
    const auto end = start + std::chrono::duration<double>(seconds);
    qint64 n = 0;
    auto now = start;
    do {
        for (int i = 0; i < 16; ++i) {
            if (!op())
                fail(QStringLiteral("a verification failed during the measurement"));
        }
        n += 16;
        now = Clock::now();
    } while (now < end);
    return double(n) / std::chrono::duration<double>(now - start).count();
}

struct Case
{
    Algorithm alg;
    JwtKey key;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const double roundSeconds = qEnvironmentVariableIsSet("BENCH_JWT_ROUND_SECONDS")
                                    ? qEnvironmentVariable("BENCH_JWT_ROUND_SECONDS").toDouble()
                                    : 0.4;
    constexpr int Rounds = 5;

    auto rsa = JwtKey::generateRsa(2048);
    auto ec = JwtKey::generateEc(QStringLiteral("P-256"));
    auto ed = JwtKey::generateEd25519();
    if (!rsa || !ec || !ed)
        fail(QStringLiteral("key generation failed"));
    const QList<Case> cases{{Algorithm::RS256, *rsa}, {Algorithm::ES256, *ec}, {Algorithm::EdDSA, *ed}};

    const QJsonObject claims{{QStringLiteral("iss"), QStringLiteral("https://as.example.com")},
                             {QStringLiteral("sub"), QStringLiteral("billing")},
                             {QStringLiteral("aud"), QStringLiteral("https://api.example.com")},
                             {QStringLiteral("scope"), QStringLiteral("read write")},
                             {QStringLiteral("iat"), 1767225600},
                             {QStringLiteral("exp"), 1767229200}};

    std::printf("JWT verification, %d alternating rounds of %.1f s each per side (median of rounds)\n", Rounds,
                roundSeconds);
    for (const Case& c : cases) {
        const QString name = algorithmName(c.alg);
        auto signer = JwtSigner::create(c.alg, c.key);
        if (!signer)
            fail(signer.error().message);
        auto token = signer->sign(claims);
        if (!token)
            fail(token.error().message);
        auto decoded = decodeToken(*token);
        if (!decoded)
            fail(decoded.error().message);
        const DecodedToken& d = *decoded;

        // The raw primitive gets what OpenSSL wants: ECDSA as DER (JWS carries raw R||S).
        QByteArray sslSignature = d.signature;
        if (c.alg == Algorithm::ES256) {
            auto der = ecdsaRawToDer(d.signature);
            if (!der)
                fail(der.error().message);
            sslSignature = *der;
        }
        const EVP_MD* md = c.alg == Algorithm::EdDSA ? nullptr : EVP_sha256();
        EVP_PKEY* pkey = c.key.nativeHandle();
        const auto* tbs = reinterpret_cast<const unsigned char*>(d.signingInput.constData());
        const auto tbsLen = size_t(d.signingInput.size());
        const auto* sig = reinterpret_cast<const unsigned char*>(sslSignature.constData());
        const auto sigLen = size_t(sslSignature.size());

        auto viaTokenbench = [&] { return verifySignature(d, c.key).isValid(); };
        auto viaOpenSsl = [&] {
            EVP_MD_CTX* ctx = EVP_MD_CTX_new();
            const bool ok = ctx != nullptr && EVP_DigestVerifyInit(ctx, nullptr, md, nullptr, pkey) == 1 &&
                            EVP_DigestVerify(ctx, sig, sigLen, tbs, tbsLen) == 1;
            EVP_MD_CTX_free(ctx);
            return ok;
        };
        if (!viaTokenbench() || !viaOpenSsl())
            fail(QStringLiteral("%1: the token does not verify").arg(name));

        QList<double> ours, theirs;
        for (int round = 0; round < Rounds; ++round) {
            theirs.append(opsPerSecond(viaOpenSsl, roundSeconds));
            ours.append(opsPerSecond(viaTokenbench, roundSeconds));
        }
        const double t = Tokenbench::Bench::median(ours);
        const double o = Tokenbench::Bench::median(theirs);
        const double ratio = t / o;
        std::printf("  %-6s tokenbench %9.0f verifications/s   openssl %9.0f verifications/s   ratio %.2f\n",
                    qPrintable(name), t, o, ratio);
        const QString extra = c.alg == Algorithm::ES256 ? QStringLiteral(", R||S to DER conversion") : QString();
        const QString meaning =
            ratio >= 0.95 ? QStringLiteral("no measurable overhead over raw EVP_DigestVerify (header and key-policy "
                                           "checks%1 are lost in the signature math)")
                                .arg(extra)
                          : QStringLiteral("Tokenbench reaches %1% of raw EVP_DigestVerify's rate; the rest is "
                                           "header and key-policy checks%2")
                                .arg(qRound(ratio * 100))
                                .arg(extra);
        std::printf("ROW\tJWT: %s verifications per second (median of %d rounds)\t%.0f/s\t%.0f/s\t%.2f\t%s\n",
                    qPrintable(name), Rounds, t, o, ratio, qPrintable(meaning));
    }
    return 0;
}
