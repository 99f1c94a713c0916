#include "net/idtokencheck.h"

#include "jwt/jwtpeek.h"

#include <QJsonObject>

namespace Tokenbench::Core::IdTokenCheck {

Jwt::ClaimExpectations expectations(const TokenResult& result, const TokenRequestSpec& spec,
                                    const QString& expectedIssuer)
{
    Jwt::ClaimExpectations e;
    e.clockSkewSeconds = 60;
    e.requireExpiry = true;
    if (!spec.clientId.isEmpty())
        e.audience = spec.clientId;
    if (!result.nonce.isEmpty())
        e.nonce = result.nonce;
    if (!result.response.accessToken.isEmpty())
        e.accessToken = result.response.accessToken;
    if (!expectedIssuer.isEmpty())
        e.issuer = expectedIssuer;
    return e;
}

Jwt::ClaimCheck issuerMatchesEndpoint(const QString& idToken, const QUrl& tokenEndpoint,
                                      const QJsonObject& issuerMetadata)
{
    Jwt::ClaimCheck c;
    c.name = QStringLiteral("iss");
    const auto payload = JwtPeek::payload(idToken);
    const QString iss = payload ? payload->value(QStringLiteral("iss")).toString() : QString();
    if (iss.isEmpty()) {
        c.reason = QStringLiteral("the ID token has no \"iss\"");
        return c;
    }
    QString base = iss;
    while (base.endsWith(u'/'))
        base.chop(1);
    const QString endpoint = tokenEndpoint.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    const QString advertised = issuerMetadata.value(QStringLiteral("token_endpoint")).toString();
    if (!advertised.isEmpty() && issuerMetadata.value(QStringLiteral("issuer")).toString() == iss) {
        c.passed = QUrl(advertised).adjusted(QUrl::StripTrailingSlash) ==
                   QUrl(endpoint).adjusted(QUrl::StripTrailingSlash);
        c.reason = c.passed ? QStringLiteral("\"%1\" is the issuer of the token endpoint %2 (its metadata says so)")
                                  .arg(iss, endpoint)
                            : QStringLiteral("\"%1\" names another token endpoint (%2) than the one this run used "
                                             "(%3): the ID token comes from another server")
                                  .arg(iss, advertised, endpoint);
        return c;
    }
    c.passed = endpoint == base || endpoint.startsWith(base + u'/');
    c.reason = c.passed ? QStringLiteral("\"%1\" is the issuer of the token endpoint %2").arg(iss, endpoint)
                        : QStringLiteral("\"%1\" is not the issuer of the token endpoint %2: the ID token names "
                                         "another server")
                              .arg(iss, endpoint);
    return c;
}

IdTokenReport report(const Jwt::IssuerVerifier::Result& v, const QList<Jwt::ClaimCheck>& extra)
{
    IdTokenReport r;
    r.checked = true;
    r.error = v.error;
    r.keySource = v.keySource;
    r.signature = v.attempted ? v.signature.message : QString();
    r.checks = v.checks + extra;
    r.valid = v.valid() && Jwt::allPassed(extra);
    return r;
}

} // namespace Tokenbench::Core::IdTokenCheck
