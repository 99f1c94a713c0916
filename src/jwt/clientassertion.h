#pragma once

#include "jwt/signer.h"
#include "util/result.h"

#include <functional>

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Tokenbench::Core::Jwt {

// The client assertion of client_secret_jwt / private_key_jwt exactly as Couper builds it
// (reference §1.6): the profile's claims, then
//   iss = sub = client_id (always overwritten),
//   aud = token_endpoint unless the profile claims have "aud" (left out when the endpoint is empty),
//   iat = now, exp = now + ttl, jti = "client_assertion-" + 20 lower-case base32hex characters.
// For client_secret_jwt the profile's key is the client_secret bytes (HS*).
class ClientAssertion
{
public:
    using IdGenerator = std::function<QString()>;

    ClientAssertion(SigningProfile profile, QString clientId, QString tokenEndpoint);

    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setIdGenerator(IdGenerator generator) { m_newId = std::move(generator); }

    [[nodiscard]] const SigningProfile& profile() const { return m_profile; }

    // The claims of an assertion made at `now` with id `jti`.
    [[nodiscard]] QJsonObject claimsAt(const QDateTime& now, const QString& jti) const;
    // The same claim set from its parts, any of which may be a placeholder that is filled in later (the curl
    // export signs the assertion when its script runs): the one place the client-assertion claims are listed.
    [[nodiscard]] static QJsonObject claimsTemplate(QJsonObject profileClaims, const QString& clientId,
                                                    const QString& tokenEndpoint, const QJsonValue& iat,
                                                    const QJsonValue& exp, const QJsonValue& jti);
    // A fresh signed assertion (new jti, clock's now).
    [[nodiscard]] Result<QByteArray> create() const;

    // "client_assertion-" + 20 random characters of [0-9a-v] (^client_assertion-[a-v0-9]{20}$).
    [[nodiscard]] static QString newJti();

private:
    SigningProfile m_profile;
    QString m_clientId;
    QString m_tokenEndpoint;
    Clock m_clock;
    IdGenerator m_newId;
};

} // namespace Tokenbench::Core::Jwt
