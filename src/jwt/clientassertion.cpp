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
    return claimsTemplate(m_profile.claims(), m_clientId, m_tokenEndpoint, now.toSecsSinceEpoch(),
                          m_profile.expiryAt(now), jti);
}

QJsonObject ClientAssertion::claimsTemplate(QJsonObject claims, const QString& clientId, const QString& tokenEndpoint,
                                            const QJsonValue& iat, const QJsonValue& exp, const QJsonValue& jti)
{
    claims.insert(QStringLiteral("iss"), clientId);
    claims.insert(QStringLiteral("sub"), clientId);
    if (!claims.contains(QLatin1String("aud")) && !tokenEndpoint.isEmpty())
        claims.insert(QStringLiteral("aud"), tokenEndpoint);
    claims.insert(QStringLiteral("iat"), iat);
    claims.insert(QStringLiteral("exp"), exp);
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
