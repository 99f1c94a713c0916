#include "jwt/decodedtoken.h"

#include "jwt/base64url.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace Tokenbench::Core::Jwt {

namespace {

const char16_t* const JwsPartNames[] = {u"header (part 1)", u"payload (part 2)", u"signature (part 3)"};
const char16_t* const JwePartNames[] = {u"protected header (part 1)", u"encrypted key (part 2)",
                                        u"initialization vector (part 3)", u"ciphertext (part 4)",
                                        u"authentication tag (part 5)"};

Error malformed(const QString& message, qsizetype tokenOffset)
{
    return Error{Error::Code::Format, message,
                 tokenOffset >= 0 ? QStringLiteral("byte %1").arg(tokenOffset) : QString()};
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

Result<QJsonObject> parseObject(const QByteArray& bytes, const QString& partName)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError)
        return Error{Error::Code::Format,
                     QStringLiteral("%1 is not valid JSON: %2 at byte %3 of its decoded text")
                         .arg(partName, err.errorString())
                         .arg(err.offset),
                     {}};
    if (!doc.isObject())
        return Error{Error::Code::Format, QStringLiteral("%1 is JSON but not an object").arg(partName), {}};
    return doc.object();
}

QString stringMember(const QJsonObject& object, QLatin1String key)
{
    const QJsonValue v = object.value(key);
    return v.isString() ? v.toString() : QString();
}

} // namespace

QString DecodedToken::algorithm() const
{
    return stringMember(header, QLatin1String("alg"));
}

QString DecodedToken::keyId() const
{
    return stringMember(header, QLatin1String("kid"));
}

QString DecodedToken::type() const
{
    return stringMember(header, QLatin1String("typ"));
}

Result<DecodedToken> decodeToken(QByteArrayView token)
{
    qsizetype begin = 0;
    qsizetype end = token.size();
    while (begin < end && isSpace(token.at(begin)))
        ++begin;
    while (end > begin && isSpace(token.at(end - 1)))
        --end;
    const QByteArrayView text = token.sliced(begin, end - begin);
    if (text.isEmpty())
        return malformed(QStringLiteral("the token is empty"), -1);

    QList<qsizetype> starts{0};
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == '.')
            starts.append(i + 1);
    }
    const qsizetype partCount = starts.size();
    if (partCount != 3 && partCount != 5)
        return malformed(QStringLiteral("a compact JWS has 3 parts separated by '.' and a JWE 5, but "
                                        "this token has %1")
                             .arg(partCount),
                         -1);

    DecodedToken result;
    result.kind = partCount == 5 ? DecodedToken::Kind::Jwe : DecodedToken::Kind::Jws;
    const auto* names = partCount == 5 ? JwePartNames : JwsPartNames;
    QList<QByteArray> decoded;
    for (qsizetype p = 0; p < partCount; ++p) {
        const qsizetype start = starts.at(p);
        const qsizetype stop = p + 1 < partCount ? starts.at(p + 1) - 1 : text.size();
        const QByteArrayView part = text.sliced(start, stop - start);
        result.parts.append(part.toByteArray());
        const QString name = QString::fromUtf16(names[p]);
        if (p == 0 && part.isEmpty())
            return malformed(QStringLiteral("%1 is empty").arg(name), begin + start);
        if (p == 1 && result.kind == DecodedToken::Kind::Jws) {
            // RFC 7797: with "b64": false the payload part is the payload's own bytes.
            QJsonParseError err{};
            const QJsonDocument header = QJsonDocument::fromJson(decoded.at(0), &err);
            if (err.error == QJsonParseError::NoError &&
                header.object().value(QLatin1String("b64")) == QJsonValue(false)) {
                result.unencodedPayload = true;
                decoded.append(part.toByteArray());
                continue;
            }
        }
        qsizetype offset = -1;
        auto bytes = Base64Url::decode(part, &offset);
        if (!bytes)
            return malformed(QStringLiteral("%1: %2 of the part (byte %3 of the token)")
                                 .arg(name, bytes.error().message)
                                 .arg(begin + start + offset),
                             begin + start + offset);
        decoded.append(std::move(bytes).value());
    }

    auto header = parseObject(decoded.at(0), QString::fromUtf16(names[0]));
    if (!header)
        return header.error();
    result.header = std::move(header).value();
    result.headerBytes = decoded.at(0);

    if (result.kind == DecodedToken::Kind::Jwe) {
        result.payloadNote = QStringLiteral("the payload is encrypted (JWE); it cannot be shown "
                                            "without the recipient's key");
        return result;
    }

    result.payloadBytes = decoded.at(1);
    result.signature = decoded.at(2);
    result.signingInput = result.parts.at(0) + '.' + result.parts.at(1);
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(result.payloadBytes, &err);
    if (err.error != QJsonParseError::NoError) {
        result.payloadNote = QStringLiteral("the payload is not JSON (%1 at byte %2 of the decoded "
                                            "payload); it is shown as bytes")
                                 .arg(err.errorString())
                                 .arg(err.offset);
    } else if (!doc.isObject()) {
        result.payloadNote = QStringLiteral("the payload is JSON but not an object, so it is not a "
                                            "JWT claims set");
    } else {
        result.payload = doc.object();
        result.payloadIsObject = true;
    }
    return result;
}

Result<DecodedToken> decodeToken(const QByteArray& token)
{
    return decodeToken(QByteArrayView(token));
}

Result<DecodedToken> decodeToken(const QString& token)
{
    const QByteArray utf8 = token.toUtf8();
    return decodeToken(QByteArrayView(utf8));
}

QString toPrettyJson(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

} // namespace Tokenbench::Core::Jwt
