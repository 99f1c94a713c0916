#include "jwt/verifier.h"

#include "util/displaytext.h"

#include <QJsonArray>
#include <QSet>

namespace Tokenbench::Core::Jwt {

namespace {

Verification outcome(Verification::Status status, const QString& message)
{
    Verification v;
    v.status = status;
    v.message = message;
    return v;
}

// Header parameters registered by RFC 7515/7516; they may not appear in "crit".
const QSet<QString>& registeredHeaders()
{
    static const QSet<QString> names{
        QStringLiteral("alg"), QStringLiteral("jku"), QStringLiteral("jwk"), QStringLiteral("kid"),
        QStringLiteral("x5u"), QStringLiteral("x5c"), QStringLiteral("x5t"), QStringLiteral("x5t#S256"),
        QStringLiteral("typ"), QStringLiteral("cty"), QStringLiteral("crit"), QStringLiteral("enc"),
        QStringLiteral("zip")};
    return names;
}

// Header parameters Tokenbench itself implements and so may appear in "crit".
const QSet<QString>& implementedCriticalHeaders()
{
    static const QSet<QString> names{QStringLiteral("b64")}; // RFC 7797
    return names;
}

QString kidText(const DecodedToken& token)
{
    return token.keyId().isEmpty() ? QString() : QStringLiteral(" (kid %1)").arg(DisplayText::quoted(token.keyId()));
}

bool compatible(Algorithm alg, const JwtKey& key, JwkSource source, QString* why)
{
    if (key.type() == KeyType::Hmac && source == JwkSource::Remote) {
        *why = QStringLiteral("a symmetric key from a URL is never used (RFC 8725 §3.1)");
        return false;
    }
    if (key.type() != keyTypeFor(alg)) {
        *why = QStringLiteral("a %1 key cannot verify %2").arg(keyTypeName(key.type()), algorithmName(alg));
        return false;
    }
    if (key.type() == KeyType::Ec && key.curve() != requiredCurve(alg)) {
        *why = QStringLiteral("curve %1 does not fit %2").arg(key.curve(), algorithmName(alg));
        return false;
    }
    if (!key.allowsVerifying(why))
        return false;
    if (!key.jwkAlgorithm().isEmpty() && key.jwkAlgorithm() != algorithmName(alg)) {
        *why = QStringLiteral("it is meant for %1").arg(DisplayText::excerpt(key.jwkAlgorithm()));
        return false;
    }
    return true;
}

// " — 2 entries of the key set could not be used: key 1 (kid "a"): ...; key 3: ..." (at most three).
QString unusableSummary(const JwkSet& keys)
{
    const QList<UnusableJwk>& unusable = keys.unusable();
    if (unusable.isEmpty())
        return {};
    QStringList texts;
    for (qsizetype i = 0; i < unusable.size() && i < 3; ++i)
        texts.append(unusable.at(i).text());
    if (unusable.size() > 3)
        texts.append(QStringLiteral("and %1 more").arg(unusable.size() - 3));
    return QStringLiteral(" \u2014 %1 of the key set could not be used: %2")
        .arg(unusable.size() == 1 ? QStringLiteral("1 entry") : QStringLiteral("%1 entries").arg(unusable.size()),
             texts.join(QStringLiteral("; ")));
}

} // namespace

Verification checkHeader(const DecodedToken& token, const VerifyOptions& options)
{
    using S = Verification::Status;
    if (token.isEncrypted()) {
        const QString enc = token.header.value(QLatin1String("enc")).toString();
        return outcome(S::Encrypted, QStringLiteral("the token is encrypted (JWE, alg %1, enc %2): its "
                                                    "contents and signature cannot be checked without "
                                                    "the recipient's private key")
                                         .arg(DisplayText::quoted(token.algorithm()), DisplayText::quoted(enc)));
    }
    const QJsonValue algValue = token.header.value(QLatin1String("alg"));
    if (algValue.isUndefined())
        return outcome(S::Refused, QStringLiteral("the header has no \"alg\" (RFC 7515 §4.1.1 requires it)"));
    if (!algValue.isString())
        return outcome(S::Refused, QStringLiteral("the header's \"alg\" is not a string"));
    const QString algName = algValue.toString();
    if (algName.compare(u"none", Qt::CaseInsensitive) == 0)
        return outcome(S::Refused, QStringLiteral("refused: alg %1 means the token is unsigned, and an "
                                                  "unsigned token proves nothing (RFC 8725 §3.1)")
                                       .arg(DisplayText::quoted(algName)));
    const auto alg = algorithmFromName(algName);
    if (!alg)
        return outcome(S::Refused, QStringLiteral("unsupported algorithm %1").arg(DisplayText::quoted(algName)));
    if (!options.allowedAlgorithms.isEmpty() && !options.allowedAlgorithms.contains(*alg)) {
        QStringList allowed;
        for (Algorithm a : options.allowedAlgorithms)
            allowed.append(algorithmName(a));
        auto v = outcome(S::Refused, QStringLiteral("refused: the token is signed with %1, but only %2 is "
                                                    "expected here")
                                         .arg(DisplayText::excerpt(algName), allowed.join(QStringLiteral(", "))));
        v.algorithm = alg;
        return v;
    }

    auto refusal = [&](const QString& message) {
        auto v = outcome(S::Refused, message);
        v.algorithm = alg;
        return v;
    };
    auto critRefusal = refusal;

    // RFC 7797: "b64" is a boolean; false (an unencoded payload) only counts when "crit" lists it,
    // since a verifier that does not know RFC 7797 would read the token differently.
    const QJsonValue b64 = token.header.value(QLatin1String("b64"));
    const QJsonArray critArray = token.header.value(QLatin1String("crit")).toArray();
    if (!b64.isUndefined() && !b64.isBool())
        return refusal(QStringLiteral("refused: the header's \"b64\" must be true or false (RFC 7797 §3)"));
    if (b64 == QJsonValue(false)) {
        if (!critArray.contains(QJsonValue(QStringLiteral("b64"))))
            return refusal(QStringLiteral("refused: the header says \"b64\": false (an unencoded payload, RFC 7797) "
                                          "but \"crit\" does not list \"b64\", as RFC 7797 §6 requires; "
                                          "verifiers that do not know RFC 7797 would read another payload"));
        if (token.parts.value(1).isEmpty())
            return refusal(QStringLiteral("refused: the payload is detached (\"b64\": false with an empty payload "
                                          "part, RFC 7797 §5.2); Tokenbench verifies only tokens that carry "
                                          "their payload"));
    }

    if (token.header.contains(QLatin1String("crit"))) {
        const QJsonValue crit = token.header.value(QLatin1String("crit"));
        if (!crit.isArray() || crit.toArray().isEmpty())
            return critRefusal(QStringLiteral("refused: \"crit\" must be a non-empty array of header names "
                                              "(RFC 7515 §4.1.11)"));
        const QJsonArray names = crit.toArray();
        for (const QJsonValue& entry : names) {
            if (!entry.isString())
                return critRefusal(QStringLiteral("refused: \"crit\" contains a value that is not a string"));
            const QString name = entry.toString();
            if (registeredHeaders().contains(name))
                return critRefusal(QStringLiteral("refused: \"crit\" lists %1, a header defined by the JWS "
                                                  "specification itself, which it must not (RFC 7515 "
                                                  "§4.1.11)")
                                       .arg(DisplayText::quoted(name)));
            if (!token.header.contains(name))
                return critRefusal(QStringLiteral("refused: \"crit\" lists %1, but the header has no such "
                                                  "parameter")
                                       .arg(DisplayText::quoted(name)));
            if (!implementedCriticalHeaders().contains(name) && !options.understoodCriticalHeaders.contains(name))
                return critRefusal(QStringLiteral("refused: the critical header parameter %1 is not "
                                                  "understood, and RFC 7515 §4.1.11 requires rejecting such "
                                                  "tokens")
                                       .arg(DisplayText::quoted(name)));
        }
    }
    auto v = outcome(S::Valid, QString());
    v.algorithm = alg;
    return v;
}

Verification verifySignature(const DecodedToken& token, const JwtKey& key, const VerifyOptions& options)
{
    using S = Verification::Status;
    Verification header = checkHeader(token, options);
    if (!header.isValid())
        return header;
    const Algorithm alg = *header.algorithm;
    auto result = checkSignature(alg, key, token.signingInput, token.signature, options.keyPolicy);
    Verification v;
    v.algorithm = alg;
    if (!result) {
        v.status = S::Refused;
        v.message = result.error().message;
    } else if (*result) {
        v.status = S::Valid;
        v.key = key;
        v.message = QStringLiteral("signature valid (%1, %2)").arg(algorithmName(alg), key.description());
    } else {
        v.status = S::InvalidSignature;
        v.message = QStringLiteral("the %1 signature does not match: the token was altered or signed with "
                                   "another key (checked with %2)")
                        .arg(algorithmName(alg), key.description());
    }
    return v;
}

Verification verifySignature(const DecodedToken& token, const JwkSet& keys, const VerifyOptions& options)
{
    using S = Verification::Status;
    Verification header = checkHeader(token, options);
    if (!header.isValid())
        return header;
    const Algorithm alg = *header.algorithm;

    Verification result;
    result.algorithm = alg;
    result.unusableKeys = keys.skipped();
    result.notes = keys.notes();
    QList<JwtKey> candidates = keys.keys();
    const QString kid = token.keyId();
    // The entry the token names by its kid, when that entry could not be used.
    QString unusableNamed;
    if (!kid.isEmpty()) {
        const QList<JwtKey> byId = keys.keysWithId(kid);
        for (const UnusableJwk& entry : keys.unusable()) {
            if (byId.isEmpty() && entry.kid == kid && unusableNamed.isEmpty())
                unusableNamed = entry.text();
        }
        if (!byId.isEmpty())
            candidates = byId;
        else if (!unusableNamed.isEmpty())
            result.attempts.append(QStringLiteral("the key set's entry for kid %1 could not be used (%2); trying every "
                                                  "compatible key")
                                       .arg(DisplayText::quoted(kid), unusableNamed));
        else
            result.attempts.append(QStringLiteral("no key has kid %1; trying every compatible key").arg(DisplayText::quoted(kid)));
    }

    bool anyTried = false;
    QString lastRefusal;
    QStringList skippedWhy;
    for (const JwtKey& key : std::as_const(candidates)) {
        QString why;
        if (!compatible(alg, key, keys.source(), &why)) {
            result.attempts.append(QStringLiteral("%1: skipped, %2").arg(key.description(), why));
            skippedWhy.append(QStringLiteral("%1: %2").arg(key.description(), why));
            continue;
        }
        Verification one = verifySignature(token, key, options);
        if (one.isValid()) {
            result.attempts.append(QStringLiteral("%1: signature valid").arg(key.description()));
            result.status = S::Valid;
            result.key = key;
            result.message = one.message;
            if (key.type() == KeyType::Hmac && !keys.notes().isEmpty())
                result.message += QStringLiteral("; note: ") + keys.notes().join(QStringLiteral("; "));
            result.message += unusableSummary(keys);
            return result;
        }
        if (one.status == S::Refused) {
            lastRefusal = one.message;
            result.attempts.append(QStringLiteral("%1: %2").arg(key.description(), one.message));
        } else {
            anyTried = true;
            result.attempts.append(QStringLiteral("%1: signature does not match").arg(key.description()));
        }
    }
    if (anyTried) {
        result.status = S::InvalidSignature;
        result.message = QStringLiteral("the %1 signature%2 matches none of the keys tried")
                             .arg(algorithmName(alg), kidText(token));
    } else if (!lastRefusal.isEmpty()) {
        result.status = S::Refused;
        result.message = lastRefusal;
    } else if (!unusableNamed.isEmpty()) {
        result.status = S::NoUsableKey;
        result.message = QStringLiteral("the token names kid %1, but that entry of the key set could not be used: %2")
                             .arg(DisplayText::quoted(kid), unusableNamed);
    } else {
        result.status = S::NoUsableKey;
        result.message = QStringLiteral("no key in the set can verify %1%2 (%3 key(s) in the set)")
                             .arg(algorithmName(alg), kidText(token))
                             .arg(keys.keys().size());
        if (!skippedWhy.isEmpty() && skippedWhy.size() <= 3)
            result.message += QStringLiteral(": ") + skippedWhy.join(QStringLiteral("; "));
    }
    if (unusableNamed.isEmpty() || result.status != S::NoUsableKey)
        result.message += unusableSummary(keys);
    return result;
}

Verification verifyToken(QByteArrayView compact, const JwtKey& key, const VerifyOptions& options)
{
    auto decoded = decodeToken(compact);
    if (!decoded)
        return outcome(Verification::Status::Malformed, decoded.error().message);
    return verifySignature(*decoded, key, options);
}

Verification verifyToken(QByteArrayView compact, const JwkSet& keys, const VerifyOptions& options)
{
    auto decoded = decodeToken(compact);
    if (!decoded)
        return outcome(Verification::Status::Malformed, decoded.error().message);
    return verifySignature(*decoded, keys, options);
}

QString statusName(Verification::Status status)
{
    switch (status) {
    case Verification::Status::Valid:
        return QStringLiteral("valid");
    case Verification::Status::Malformed:
        return QStringLiteral("malformed");
    case Verification::Status::Encrypted:
        return QStringLiteral("encrypted");
    case Verification::Status::Refused:
        return QStringLiteral("refused");
    case Verification::Status::NoUsableKey:
        return QStringLiteral("no usable key");
    case Verification::Status::InvalidSignature:
        return QStringLiteral("invalid signature");
    }
    return {};
}

} // namespace Tokenbench::Core::Jwt
