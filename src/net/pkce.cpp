#include "net/pkce.h"

#include "net/formencoding.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace Tokenbench::Core::Pkce {

namespace {

QString base64Url(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    // QRandomGenerator::system() reads the operating system's CSPRNG.
    for (int i = 0; i < count; ++i)
        bytes[i] = char(QRandomGenerator::system()->bounded(256));
    return bytes;
}

} // namespace

QString generateVerifier()
{
    return base64Url(randomBytes(32));
}

QString challengeS256(const QString& verifier)
{
    return base64Url(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256));
}

bool isValidVerifier(const QString& verifier)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._~-]{43,128}$"));
    return re.match(verifier).hasMatch();
}

QString randomToken(int bytes)
{
    return base64Url(randomBytes(qMax(bytes, 8)));
}

} // namespace Tokenbench::Core::Pkce

namespace Tokenbench::Core {

QUrl authorizationUrl(const AuthorizationRequest& request)
{
    QList<Form::Field> fields;
    fields.append({QStringLiteral("response_type"), QStringLiteral("code")});
    fields.append({QStringLiteral("client_id"), request.clientId});
    fields.append({QStringLiteral("redirect_uri"), request.redirectUri});
    if (!request.scope.isEmpty())
        fields.append({QStringLiteral("scope"), request.scope});
    fields.append({QStringLiteral("state"), request.state});
    if (!request.nonce.isEmpty())
        fields.append({QStringLiteral("nonce"), request.nonce});
    fields.append({QStringLiteral("code_challenge"), request.codeChallenge});
    fields.append({QStringLiteral("code_challenge_method"),
                   request.codeChallengeMethod.isEmpty() ? QStringLiteral("S256") : request.codeChallengeMethod});
    QUrl url = request.endpoint;
    QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    if (!query.isEmpty())
        query += '&';
    query += Form::encode(fields);
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

} // namespace Tokenbench::Core
