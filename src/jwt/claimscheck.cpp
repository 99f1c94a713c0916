#include "jwt/claimscheck.h"

#include "jwt/algorithm.h"
#include "jwt/base64url.h"
#include "util/displaytext.h"

#include <cmath>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QStringList>
#include <QTimeZone>

namespace Tokenbench::Core::Jwt {

namespace {

QString duration(qint64 seconds)
{
    constexpr qint64 Year = 365 * 86400;
    if (seconds >= 2 * Year)
        return QStringLiteral("%1 years").arg(seconds / Year);
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds);
    if (seconds < 3600)
        return QStringLiteral("%1 min").arg(seconds / 60);
    if (seconds < 86400) {
        const qint64 minutes = (seconds % 3600) / 60;
        return minutes == 0 ? QStringLiteral("%1 h").arg(seconds / 3600)
                            : QStringLiteral("%1 h %2 min").arg(seconds / 3600).arg(minutes);
    }
    const qint64 days = seconds / 86400;
    return days == 1 ? QStringLiteral("1 day") : QStringLiteral("%1 days").arg(days);
}

QString quoted(const QString& text)
{
    return DisplayText::quoted(text);
}

QString jsonText(const QJsonValue& value)
{
    if (value.isString())
        return quoted(value.toString());
    if (value.isArray()) {
        QStringList items;
        const QJsonArray array = value.toArray();
        for (const QJsonValue& item : array)
            items.append(jsonText(item));
        return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QStringLiteral("null");
}

qint64 clampedSkew(qint64 skew)
{
    return qBound<qint64>(0, skew, NumericDate::MaxSpan);
}

ClaimCheck line(const char* name, bool passed, const QString& reason)
{
    return ClaimCheck{QString::fromLatin1(name), passed, reason};
}

ClaimCheck checkExp(const QJsonObject& claims, const ClaimExpectations& expected, qint64 now)
{
    const QJsonValue v = claims.value(QLatin1String("exp"));
    if (v.isUndefined())
        return line("exp", !expected.requireExpiry,
                    expected.requireExpiry ? QStringLiteral("no \"exp\": the token never expires, but an expiry "
                                                            "is required")
                                           : QStringLiteral("no \"exp\": the token does not expire"));
    const auto date = NumericDate::fromJson(v);
    if (!date)
        return line("exp", false, QStringLiteral("\"exp\" is not a number of seconds: %1").arg(jsonText(v)));
    const qint64 exp = date->seconds;
    const qint64 skew = clampedSkew(expected.clockSkewSeconds);
    const QString when = date->isoText();
    const QString distance = date->relativeText(now);
    if (now < exp)
        return line("exp", true, QStringLiteral("expires %1 (%2)").arg(distance, when));
    if (now < exp + skew)
        return line("exp", true, QStringLiteral("expired %1 (%2), within the allowed clock skew of %3")
                                     .arg(distance, when, duration(skew)));
    return line("exp", false, QStringLiteral("expired %1 (%2)").arg(distance, when));
}

ClaimCheck checkNbf(const QJsonObject& claims, const ClaimExpectations& expected, qint64 now)
{
    const QJsonValue v = claims.value(QLatin1String("nbf"));
    const auto date = NumericDate::fromJson(v);
    if (!date)
        return line("nbf", false, QStringLiteral("\"nbf\" is not a number of seconds: %1").arg(jsonText(v)));
    const qint64 nbf = date->seconds;
    const qint64 skew = clampedSkew(expected.clockSkewSeconds);
    const QString when = date->isoText();
    const QString distance = date->relativeText(now);
    if (now >= nbf)
        return line("nbf", true, QStringLiteral("valid since %1 (%2)").arg(distance, when));
    if (now + skew >= nbf)
        return line("nbf", true, QStringLiteral("becomes valid %1 (%2), within the allowed clock skew of %3")
                                     .arg(distance, when, duration(skew)));
    return line("nbf", false, QStringLiteral("not valid yet: becomes valid %1 (%2)").arg(distance, when));
}

ClaimCheck checkIat(const QJsonObject& claims, const ClaimExpectations& expected, qint64 now)
{
    const QJsonValue v = claims.value(QLatin1String("iat"));
    const auto date = NumericDate::fromJson(v);
    if (!date)
        return line("iat", false, QStringLiteral("\"iat\" is not a number of seconds: %1").arg(jsonText(v)));
    const qint64 iat = date->seconds;
    const qint64 skew = clampedSkew(expected.clockSkewSeconds);
    const QString when = date->isoText();
    const QString distance = date->relativeText(now);
    if (iat <= now)
        return line("iat", true, QStringLiteral("issued %1 (%2)").arg(distance, when));
    if (iat <= now + skew)
        return line("iat", true, QStringLiteral("issued %1 (%2), within the allowed clock skew of %3")
                                     .arg(distance, when, duration(skew)));
    return line("iat", false, QStringLiteral("issued in the future: %1 (%2); the issuer's clock or this "
                                             "computer's is wrong")
                                  .arg(distance, when));
}

ClaimCheck checkEquals(const char* name, const QJsonObject& claims, const QString& expected, const char* what)
{
    const QString key = QString::fromLatin1(name);
    const QJsonValue v = claims.value(key);
    if (v.isUndefined())
        return line(name, false, QStringLiteral("no \"%1\" in the token, but %2 %3 is expected")
                                     .arg(key, QString::fromLatin1(what), quoted(expected)));
    if (!v.isString())
        return line(name, false, QStringLiteral("\"%1\" is not a string: %2").arg(key, jsonText(v)));
    if (v.toString() == expected)
        return line(name, true, QStringLiteral("%1 is %2, as expected").arg(QString::fromLatin1(what), quoted(expected)));
    return line(name, false, QStringLiteral("%1 is %2, but %3 is expected")
                                 .arg(QString::fromLatin1(what), quoted(v.toString()), quoted(expected)));
}

QStringList audiences(const QJsonValue& aud)
{
    QStringList list;
    if (aud.isString())
        list.append(aud.toString());
    const QJsonArray array = aud.toArray();
    for (const QJsonValue& entry : array) {
        if (entry.isString())
            list.append(entry.toString());
    }
    return list;
}

ClaimCheck checkAud(const QJsonObject& claims, const QString& expected)
{
    const QJsonValue v = claims.value(QLatin1String("aud"));
    if (v.isUndefined())
        return line("aud", false, QStringLiteral("no \"aud\" in the token, but audience %1 is expected").arg(quoted(expected)));
    if (!v.isString() && !v.isArray())
        return line("aud", false, QStringLiteral("\"aud\" is neither a string nor an array: %1").arg(jsonText(v)));
    if (audiences(v).contains(expected))
        return line("aud", true, v.isString() ? QStringLiteral("audience is %1, as expected").arg(quoted(expected))
                                              : QStringLiteral("audience %1 is among %2").arg(quoted(expected), jsonText(v)));
    return line("aud", false, QStringLiteral("the token is meant for %1, not for %2").arg(jsonText(v), quoted(expected)));
}

QString normalizedMediaType(const QString& type)
{
    QString t = type.trimmed().toLower();
    if (t.startsWith(u"application/") && !t.mid(12).contains(u'/'))
        t = t.mid(12);
    return t;
}

ClaimCheck checkTyp(const DecodedToken& token, const QString& expected)
{
    const QJsonValue v = token.header.value(QLatin1String("typ"));
    if (v.isUndefined())
        return line("typ", false, QStringLiteral("the header has no \"typ\", but %1 is expected").arg(quoted(expected)));
    if (!v.isString())
        return line("typ", false, QStringLiteral("the header's \"typ\" is not a string: %1").arg(jsonText(v)));
    if (normalizedMediaType(v.toString()) == normalizedMediaType(expected))
        return line("typ", true, QStringLiteral("type is %1, as expected").arg(quoted(v.toString())));
    return line("typ", false, QStringLiteral("type is %1, but %2 is expected").arg(quoted(v.toString()), quoted(expected)));
}

ClaimCheck checkAzp(const QJsonObject& claims, const QString& expected)
{
    const QJsonValue v = claims.value(QLatin1String("azp"));
    if (v.isUndefined()) {
        const QStringList aud = audiences(claims.value(QLatin1String("aud")));
        if (aud.size() > 1)
            return line("azp", false, QStringLiteral("no \"azp\", although the token has %1 audiences; OpenID "
                                                     "Connect then needs azp to name the client")
                                          .arg(aud.size()));
        return line("azp", true, QStringLiteral("no \"azp\"; not needed with a single audience"));
    }
    return checkEquals("azp", claims, expected, "authorized party");
}

ClaimCheck checkHash(const char* name, const DecodedToken& token, const QString& value, const char* what)
{
    const QString key = QString::fromLatin1(name);
    const QJsonValue v = token.payload.value(key);
    if (v.isUndefined())
        return line(name, true, QStringLiteral("no \"%1\" in the token; nothing to compare with the %2")
                                    .arg(key, QString::fromLatin1(what)));
    auto expected = oidcTokenHash(token.algorithm(), value.toUtf8());
    if (!expected)
        return line(name, false, expected.error().message);
    if (v.toString() == *expected)
        return line(name, true, QStringLiteral("matches the %1 (left half of its %2 hash)")
                                    .arg(QString::fromLatin1(what), token.algorithm()));
    return line(name, false, QStringLiteral("does not match the %1: the token says %2, the %1 hashes to %3")
                                 .arg(QString::fromLatin1(what), jsonText(v), quoted(*expected)));
}

} // namespace

QList<ClaimCheck> checkClaims(const DecodedToken& token, const ClaimExpectations& expected, const QDateTime& now)
{
    QList<ClaimCheck> checks;
    if (token.isEncrypted() || !token.payloadIsObject) {
        checks.append(line("claims", false, token.payloadNote.isEmpty() ? QStringLiteral("the payload is not a "
                                                                                       "JSON object")
                                                                        : token.payloadNote));
        return checks;
    }
    const QJsonObject& claims = token.payload;
    const qint64 nowSeconds = qBound(-NumericDate::MaxSpan, now.toSecsSinceEpoch(), NumericDate::MaxSpan);
    checks.append(checkExp(claims, expected, nowSeconds));
    if (claims.contains(QLatin1String("nbf")))
        checks.append(checkNbf(claims, expected, nowSeconds));
    if (claims.contains(QLatin1String("iat")))
        checks.append(checkIat(claims, expected, nowSeconds));
    if (expected.issuer)
        checks.append(checkEquals("iss", claims, *expected.issuer, "issuer"));
    if (expected.audience)
        checks.append(checkAud(claims, *expected.audience));
    if (expected.type)
        checks.append(checkTyp(token, *expected.type));
    if (expected.authorizedParty)
        checks.append(checkAzp(claims, *expected.authorizedParty));
    if (expected.nonce)
        checks.append(checkEquals("nonce", claims, *expected.nonce, "nonce"));
    if (expected.accessToken)
        checks.append(checkHash("at_hash", token, *expected.accessToken, "access token"));
    if (expected.authorizationCode)
        checks.append(checkHash("c_hash", token, *expected.authorizationCode, "authorization code"));
    return checks;
}

bool allPassed(const QList<ClaimCheck>& checks)
{
    for (const ClaimCheck& check : checks) {
        if (!check.passed)
            return false;
    }
    return true;
}

Result<QString> oidcTokenHash(const QString& alg, QByteArrayView value)
{
    const auto algorithm = algorithmFromName(alg);
    if (!algorithm)
        return Error{Error::Code::Usage,
                     QStringLiteral("cannot compute a token hash for algorithm %1").arg(quoted(alg)), {}};
    QCryptographicHash::Algorithm hash = QCryptographicHash::Sha512;
    if (hashSize(*algorithm) == 32 && *algorithm != Algorithm::EdDSA)
        hash = QCryptographicHash::Sha256;
    else if (hashSize(*algorithm) == 48)
        hash = QCryptographicHash::Sha384;
    const QByteArray digest = QCryptographicHash::hash(value, hash);
    return QString::fromLatin1(Base64Url::encode(QByteArrayView(digest).first(digest.size() / 2)));
}

QString relativeTime(qint64 secondsFromNow)
{
    if (secondsFromNow == 0)
        return QStringLiteral("now");
    // Clamped first: -INT64_MIN does not exist.
    const bool beyond = secondsFromNow > NumericDate::MaxSpan || secondsFromNow < -NumericDate::MaxSpan;
    const qint64 distance = qBound(-NumericDate::MaxSpan, secondsFromNow, NumericDate::MaxSpan);
    const QString more = beyond ? QStringLiteral("more than ") : QString();
    if (distance > 0)
        return QStringLiteral("in %1%2").arg(more, duration(distance));
    return QStringLiteral("%1%2 ago").arg(more, duration(-distance));
}

std::optional<NumericDate> NumericDate::fromJson(const QJsonValue& value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double raw = value.toDouble();
    if (!std::isfinite(raw))
        return std::nullopt;
    NumericDate date;
    date.raw = raw;
    const double floored = std::floor(raw);
    // Compare as doubles before converting: a cast of 1e300 to qint64 is undefined behaviour.
    if (floored > double(MaxSpan)) {
        date.seconds = MaxSpan;
        date.clamped = true;
    } else if (floored < -double(MaxSpan)) {
        date.seconds = -MaxSpan;
        date.clamped = true;
    } else {
        date.seconds = static_cast<qint64>(floored);
    }
    return date;
}

QString NumericDate::isoText() const
{
    if (seconds > LastIsoSecond)
        return QStringLiteral("after the year 9999");
    if (seconds < FirstIsoSecond)
        return QStringLiteral("before the year 1");
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QString NumericDate::relativeText(qint64 nowSeconds) const
{
    const qint64 now = qBound(-MaxSpan, nowSeconds, MaxSpan);
    const QString text = relativeTime(seconds - now);
    if (!clamped || text.contains(QStringLiteral("more than ")))
        return text;
    return seconds > 0 ? QStringLiteral("in more than %1").arg(text.mid(3))
                       : QStringLiteral("more than %1").arg(text);
}

} // namespace Tokenbench::Core::Jwt
