#include "jwt/clientassertion.h"

#include <openssl/rand.h>

namespace Tokenbench::Core::Jwt {

ClientAssertion::ClientAssertion(SigningProfile profile, QString clientId, QString tokenEndpoint)
    : m_profile(std::move(profile)),
      m_clientId(std::move(clientId)),
      m_tokenEndpoint(std::move(tokenEndpoint)),
      m_clock(systemClock()),
      m_newId(&ClientAssertion::newJti)
{
}

QJsonObject ClientAssertion::claimsAt(const QDateTime& now, const QString& jti) const
{
    QJsonObject claims = m_profile.claims();
    claims.insert(QStringLiteral("iss"), m_clientId);
    claims.insert(QStringLiteral("sub"), m_clientId);
    if (!claims.contains(QLatin1String("aud")) && !m_tokenEndpoint.isEmpty())
        claims.insert(QStringLiteral("aud"), m_tokenEndpoint);
    claims.insert(QStringLiteral("iat"), now.toSecsSinceEpoch());
    claims.insert(QStringLiteral("exp"), m_profile.expiryAt(now));
    claims.insert(QStringLiteral("jti"), jti);
    return claims;
}

Result<QByteArray> ClientAssertion::create() const
{
    return m_profile.signer().sign(claimsAt(m_clock(), m_newId()));
}

QString ClientAssertion::newJti()
{
    static constexpr char Alphabet[] = "0123456789abcdefghijklmnopqrstuv"; // base32hex, lower case
    unsigned char random[13] = {};
    if (RAND_bytes(random, sizeof random) != 1)
        qFatal("RAND_bytes failed: no randomness for the client assertion id");
    QString id = QStringLiteral("client_assertion-");
    // 20 characters of 5 bits each = 100 bits, taken from the 104 random bits.
    quint64 acc = 0;
    int bits = 0;
    size_t next = 0;
    for (int i = 0; i < 20; ++i) {
        if (bits < 5) {
            acc = (acc << 8) | random[next++];
            bits += 8;
        }
        bits -= 5;
        id += QLatin1Char(Alphabet[(acc >> bits) & 31]);
    }
    return id;
}

} // namespace Tokenbench::Core::Jwt
