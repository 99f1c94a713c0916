#include "jwtcommand.h"

#include "clicommon.h"

#include "jwt/claimscheck.h"
#include "jwt/decodedtoken.h"
#include "net/jwkscache.h"
#include "jwt/jwtkey.h"
#include "util/displaytext.h"
#include "jwt/signer.h"
#include "jwt/verifier.h"
#include "net/networkaccessmanager.h"
#include "util/boundedread.h"
#include "util/duration.h"
#include "util/securebytes.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace Tokenbench::Cli {

using namespace Tokenbench::Core;

namespace {

constexpr int Invalid = 6; // jwt verify: the token is not valid

// TOKEN, or "-" / nothing for stdin (at most FileLimits::Token bytes).
bool tokenArgument(const QStringList& positional, QByteArray* token)
{
    if (positional.size() > 1) {
        printError(QStringLiteral("give one TOKEN (or - to read it from stdin)"));
        return false;
    }
    if (positional.isEmpty() || positional.constFirst() == u"-") {
        auto read = readStdinLimited(FileLimits::Token, QStringLiteral("token"));
        if (!read) {
            printError(QStringLiteral("%1: %2").arg(read.error().where, read.error().message));
            return false;
        }
        *token = std::move(read).value();
    } else {
        *token = positional.constFirst().toUtf8();
        if (token->size() > FileLimits::Token) {
            printError(QStringLiteral("the token is larger than %1, the limit for a token")
                           .arg(byteSizeText(FileLimits::Token)));
            return false;
        }
    }
    *token = token->trimmed();
    if (token->isEmpty()) {
        printError(QStringLiteral("no token given: pass it as an argument or on stdin"));
        return false;
    }
    return true;
}

// env:NAME reads the variable; anything else is taken literally (with a warning: argv is visible).
bool secretValue(const QString& raw, const QString& flag, SecureBytes* out)
{
    if (raw.startsWith(QStringLiteral("env:"))) {
        const QString name = raw.mid(4);
        if (!qEnvironmentVariableIsSet(name.toLocal8Bit().constData())) {
            printError(QStringLiteral("environment variable %1 is not set (from --%2 env:%1)").arg(name, flag));
            return false;
        }
        *out = SecureBytes(qgetenv(name.toLocal8Bit().constData()));
        return true;
    }
    printWarning(QStringLiteral("--%1 was given literally and is visible in the process list; prefer --%1 env:NAME")
                     .arg(flag));
    *out = SecureBytes(raw.toUtf8());
    return true;
}

// A key, JWKS or JSON file, at most FileLimits::KeyFile bytes. `flag` names the option it came from.
bool readFile(const QString& flag, const QString& path, const QString& what, QByteArray* out)
{
    auto read = readFileLimited(path, FileLimits::KeyFile, what);
    if (!read) {
        printError(QStringLiteral("--%1 %2: %3").arg(flag, path, read.error().message));
        return false;
    }
    *out = std::move(read).value();
    return true;
}

// JSON object from text, or from a file when written @FILE.
bool jsonObjectArgument(const QString& raw, const QString& flag, QJsonObject* out)
{
    QByteArray text = raw.toUtf8();
    if (raw.startsWith(u'@') && !readFile(flag, raw.mid(1), QStringLiteral("JSON file"), &text))
        return false;
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        printError(QStringLiteral("--%1 must be a JSON object: %2 at byte %3")
                       .arg(flag, err.error != QJsonParseError::NoError ? err.errorString() : QStringLiteral("not an object"))
                       .arg(err.offset));
        return false;
    }
    *out = doc.object();
    return true;
}

int runDecode(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Decode a JWT (JWS or JWE) without verifying it: header, payload "
                                                    "and signature as JSON."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("TOKEN"), QStringLiteral("The token, or - (default) for stdin."),
                                 QStringLiteral("[TOKEN|-]"));
    if (const auto done = parseCommandLine(parser, arguments))
        return *done;
    QByteArray token;
    if (!tokenArgument(parser.positionalArguments(), &token))
        return Usage;
    const auto decoded = Jwt::decodeToken(QByteArrayView(token));
    if (!decoded) {
        printError(decoded.error().message);
        return Usage;
    }
    QJsonObject o;
    o.insert(QStringLiteral("header"), decoded->header);
    o.insert(QStringLiteral("encrypted"), decoded->isEncrypted());
    if (decoded->isEncrypted()) {
        o.insert(QStringLiteral("payload"), QJsonValue::Null);
        o.insert(QStringLiteral("note"), QStringLiteral("a JWE: the payload is encrypted"));
    } else if (decoded->payloadIsObject) {
        o.insert(QStringLiteral("payload"), decoded->payload);
    } else {
        o.insert(QStringLiteral("payload"), QString::fromUtf8(decoded->payloadBytes));
        o.insert(QStringLiteral("note"), decoded->payloadNote);
    }
    if (!decoded->isEncrypted())
        o.insert(QStringLiteral("signature"), QString::fromLatin1(decoded->parts.value(2)));
    out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
    return Ok;
}

struct VerifyInputs
{
    std::optional<Jwt::JwtKey> key;
    std::optional<Jwt::JwkSet> keys;
    QString source;
};

int runVerify(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Verify a JWT's signature and claims. Exit 0 when valid, 6 when not (each failed check is "
                       "printed), 2 on usage errors, 3 when the JWKS cannot be fetched."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("TOKEN"), QStringLiteral("The token, or - for stdin."),
                                 QStringLiteral("TOKEN|-"));
    parser.addOption({QStringLiteral("jwks"), QStringLiteral("Keys from a JWKS URL (http/https) or a JWKS/JWK file."),
                      QStringLiteral("URL|FILE")});
    parser.addOption({QStringLiteral("key"), QStringLiteral("A PEM public key or certificate file (or PEM text)."),
                      QStringLiteral("PEM")});
    parser.addOption({QStringLiteral("secret"), QStringLiteral("HMAC secret; write env:NAME to read it from NAME."),
                      QStringLiteral("env:NAME")});
    parser.addOption({QStringLiteral("iss"), QStringLiteral("Expected issuer."), QStringLiteral("X")});
    parser.addOption({QStringLiteral("aud"), QStringLiteral("Expected audience."), QStringLiteral("Y")});
    parser.addOption({QStringLiteral("alg"), QStringLiteral("Allowed algorithm (repeatable); default: any supported."),
                      QStringLiteral("A")});
    parser.addOption({QStringLiteral("skew"), QStringLiteral("Clock skew tolerated for exp/nbf/iat (Go duration, e.g. "
                                                             "30s; default 0)."),
                      QStringLiteral("S")});
    parser.addOption({QStringLiteral("timeout"),
                      QStringLiteral("Total deadline of the --jwks URL fetch (Go duration, default 300s)."),
                      QStringLiteral("DURATION")});
    parser.addOption({QStringLiteral("connect-timeout"),
                      QStringLiteral("Deadline to connect for the --jwks URL, TLS included (default 10s)."),
                      QStringLiteral("DURATION")});
    parser.addOption({QStringLiteral("ttfb-timeout"),
                      QStringLiteral("Deadline from request sent to first response byte of the --jwks URL (default 60s)."),
                      QStringLiteral("DURATION")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
    if (const auto done = parseCommandLine(parser, arguments))
        return *done;
    QByteArray token;
    if (!tokenArgument(parser.positionalArguments(), &token))
        return Usage;
    const int sources = int(parser.isSet(QStringLiteral("jwks"))) + int(parser.isSet(QStringLiteral("key"))) +
                        int(parser.isSet(QStringLiteral("secret")));
    if (sources != 1) {
        printError(QStringLiteral("give exactly one key source: --jwks URL|FILE, --key PEM or --secret env:NAME"));
        return Usage;
    }

    Jwt::VerifyOptions options;
    for (const QString& name : parser.values(QStringLiteral("alg"))) {
        for (const QString& part : name.split(u',', Qt::SkipEmptyParts)) {
            const auto alg = Jwt::algorithmFromName(part.trimmed());
            if (!alg) {
                printError(QStringLiteral("--alg: unknown algorithm \"%1\"").arg(part));
                return Usage;
            }
            options.allowedAlgorithms << *alg;
        }
    }
    Jwt::ClaimExpectations expected;
    if (parser.isSet(QStringLiteral("iss")))
        expected.issuer = parser.value(QStringLiteral("iss"));
    if (parser.isSet(QStringLiteral("aud")))
        expected.audience = parser.value(QStringLiteral("aud"));
    if (parser.isSet(QStringLiteral("skew"))) {
        QString text = parser.value(QStringLiteral("skew"));
        bool plainNumber = false;
        const qint64 seconds = text.toLongLong(&plainNumber);
        if (plainNumber) {
            if (seconds < 0) {
                printError(QStringLiteral("--skew cannot be negative"));
                return Usage;
            }
            expected.clockSkewSeconds = seconds;
        } else {
            const auto d = Duration::parseCouper(text, 0);
            if (!d) {
                printError(QStringLiteral("--skew: %1").arg(d.error().message));
                return Usage;
            }
            expected.clockSkewSeconds = *d / Duration::Second;
        }
    }

    const auto decoded = Jwt::decodeToken(QByteArrayView(token));
    if (!decoded) {
        printError(decoded.error().message);
        return Invalid;
    }

    VerifyInputs inputs;
    if (parser.isSet(QStringLiteral("secret"))) {
        SecureBytes secret;
        if (!secretValue(parser.value(QStringLiteral("secret")), QStringLiteral("secret"), &secret))
            return Usage;
        inputs.key = Jwt::JwtKey::fromSecret(std::move(secret));
        inputs.source = QStringLiteral("HMAC secret");
    } else if (parser.isSet(QStringLiteral("key"))) {
        const QString value = parser.value(QStringLiteral("key"));
        QByteArray pem = value.toUtf8();
        if (!value.contains(QStringLiteral("-----BEGIN")) &&
            !readFile(QStringLiteral("key"), value, QStringLiteral("key file"), &pem))
            return Usage;
        auto key = Jwt::JwtKey::fromPem(pem);
        if (!key) {
            printError(QStringLiteral("--key: %1").arg(key.error().message));
            return Usage;
        }
        inputs.key = key.value();
        inputs.source = value.contains(QStringLiteral("-----BEGIN")) ? QStringLiteral("PEM") : value;
    } else {
        const QString value = parser.value(QStringLiteral("jwks"));
        if (value.startsWith(QStringLiteral("http://")) || value.startsWith(QStringLiteral("https://"))) {
            // The token request's deadlines and body cap (Couper's defaults unless the flags say otherwise).
            Timeouts timeouts;
            for (const auto& [flag, field] : {std::pair{QStringLiteral("timeout"), &timeouts.totalMs},
                                              std::pair{QStringLiteral("connect-timeout"), &timeouts.connectMs},
                                              std::pair{QStringLiteral("ttfb-timeout"), &timeouts.ttfbMs}}) {
                if (!parser.isSet(flag))
                    continue;
                const auto parsed = Duration::parseCouper(parser.value(flag), 0);
                if (!parsed) {
                    printError(QStringLiteral("--%1: %2").arg(flag, parsed.error().message));
                    return Usage;
                }
                *field = *parsed / Duration::Millisecond;
            }
            NetworkAccessManager nam;
            Jwt::JwksCache cache(&nam);
            cache.setTimeouts(timeouts);
            Jwt::JwksFetch fetched;
            QObject::connect(&cache, &Jwt::JwksCache::finished, &cache, [&](const Jwt::JwksFetch& result) {
                fetched = result;
                QCoreApplication::exit(0);
            });
            cache.fetch(QUrl(value));
            QCoreApplication::exec();
            if (fetched.source == Jwt::JwksFetch::Source::Failed) {
                printError(QStringLiteral("--jwks %1: %2").arg(value, fetched.error));
                return Transport;
            }
            inputs.keys = fetched.keys;
        } else {
            QByteArray json;
            if (!readFile(QStringLiteral("jwks"), value, QStringLiteral("JWKS file"), &json))
                return Usage;
            auto set = Jwt::JwkSet::fromJson(json, Jwt::JwkSource::LocalFile);
            if (!set) {
                printError(QStringLiteral("--jwks %1: %2").arg(value, set.error().message));
                return Usage;
            }
            inputs.keys = set.value();
        }
        inputs.source = value;
    }

    const Jwt::Verification v = inputs.key ? Jwt::verifySignature(*decoded, *inputs.key, options)
                                           : Jwt::verifySignature(*decoded, *inputs.keys, options);
    const QList<Jwt::ClaimCheck> checks =
        decoded->isEncrypted() ? QList<Jwt::ClaimCheck>{}
                               : Jwt::checkClaims(*decoded, expected, QDateTime::currentDateTimeUtc());
    const bool valid = v.isValid() && Jwt::allPassed(checks);

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o;
        o.insert(QStringLiteral("valid"), valid);
        QJsonObject sig;
        sig.insert(QStringLiteral("status"), Jwt::statusName(v.status));
        sig.insert(QStringLiteral("message"), v.message);
        sig.insert(QStringLiteral("key_source"), inputs.source);
        sig.insert(QStringLiteral("attempts"), QJsonArray::fromStringList(v.attempts));
        sig.insert(QStringLiteral("unusable_keys"), QJsonArray::fromStringList(v.unusableKeys));
        sig.insert(QStringLiteral("notes"), QJsonArray::fromStringList(v.notes));
        o.insert(QStringLiteral("signature"), sig);
        QJsonArray list;
        for (const Jwt::ClaimCheck& c : checks) {
            QJsonObject line;
            line.insert(QStringLiteral("name"), c.name);
            line.insert(QStringLiteral("passed"), c.passed);
            line.insert(QStringLiteral("reason"), c.reason);
            list.append(line);
        }
        o.insert(QStringLiteral("checks"), list);
        out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        out() << (v.isValid() ? "\u2714 " : "\u2718 ") << v.message << " (key from " << inputs.source
              << ")" << Qt::endl;
        for (const QString& attempt : v.attempts)
            out() << "    " << attempt << Qt::endl;
        for (const QString& unusable : v.unusableKeys)
            out() << "    not usable: " << unusable << Qt::endl;
        for (const QString& note : v.notes)
            out() << "    note: " << note << Qt::endl;
        for (const Jwt::ClaimCheck& c : checks)
            out() << (c.passed ? "\u2714 " : "\u2718 ") << c.name << ": " << c.reason << Qt::endl;
        out() << (valid ? "valid" : "INVALID") << Qt::endl;
    }
    return valid ? Ok : Invalid;
}

int runSign(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sign a JWT as Couper's jwt_signing_profile does (header and claims "
                                                    "with sorted keys, typ JWT unless overridden)."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("alg"), QStringLiteral("Algorithm: HS256/384/512, RS*, PS*, ES256/384/512, EdDSA."),
                      QStringLiteral("A")});
    parser.addOption({QStringLiteral("key-file"), QStringLiteral("PEM private key (RS*/PS*/ES*/EdDSA), or the raw HMAC "
                                                                 "secret for HS* (used exactly as read)."),
                      QStringLiteral("F")});
    parser.addOption({QStringLiteral("secret"), QStringLiteral("HMAC secret for HS*; write env:NAME."),
                      QStringLiteral("env:NAME")});
    parser.addOption({QStringLiteral("kid"), QStringLiteral("Key id for the header."), QStringLiteral("K")});
    parser.addOption({QStringLiteral("claims"), QStringLiteral("Claims as a JSON object, or @FILE."),
                      QStringLiteral("JSON")});
    parser.addOption({QStringLiteral("header"), QStringLiteral("Extra header fields as a JSON object, or @FILE (alg "
                                                               "cannot be set here)."),
                      QStringLiteral("JSON")});
    parser.addOption({QStringLiteral("ttl"), QStringLiteral("Add iat = now and exp = now + ttl (Go duration)."),
                      QStringLiteral("DURATION")});
    if (const auto done = parseCommandLine(parser, arguments))
        return *done;
    if (!parser.isSet(QStringLiteral("alg")) || !parser.isSet(QStringLiteral("claims"))) {
        printError(QStringLiteral("jwt sign needs --alg and --claims"));
        return Usage;
    }
    if (parser.isSet(QStringLiteral("key-file")) == parser.isSet(QStringLiteral("secret"))) {
        printError(QStringLiteral("give exactly one of --key-file F and --secret env:NAME"));
        return Usage;
    }
    const QString algName = parser.value(QStringLiteral("alg"));
    if (algName.trimmed().compare(u"none", Qt::CaseInsensitive) == 0) {
        printError(QStringLiteral("--alg none: refused: an unsigned token proves nothing, and jwt verify refuses it "
                                  "(RFC 8725 §3.1)"));
        return Usage;
    }
    const auto alg = Jwt::algorithmFromName(algName);
    if (!alg) {
        printError(QStringLiteral("--alg: algorithm is not supported: %1").arg(DisplayText::quoted(algName)));
        return Usage;
    }
    QJsonObject claims, header;
    if (!jsonObjectArgument(parser.value(QStringLiteral("claims")), QStringLiteral("claims"), &claims))
        return Usage;
    if (parser.isSet(QStringLiteral("header")) &&
        !jsonObjectArgument(parser.value(QStringLiteral("header")), QStringLiteral("header"), &header))
        return Usage;
    if (parser.isSet(QStringLiteral("kid")))
        header.insert(QStringLiteral("kid"), parser.value(QStringLiteral("kid")));
    if (header.value(QStringLiteral("b64")) == QJsonValue(false)) {
        printError(QStringLiteral("--header: jwt sign does not write unencoded payloads (\"b64\": false, RFC 7797); "
                                  "the payload is always base64url-encoded"));
        return Usage;
    }

    SecureBytes material;
    if (parser.isSet(QStringLiteral("secret"))) {
        if (!secretValue(parser.value(QStringLiteral("secret")), QStringLiteral("secret"), &material))
            return Usage;
    } else {
        QByteArray bytes;
        if (!readFile(QStringLiteral("key-file"), parser.value(QStringLiteral("key-file")), QStringLiteral("key file"),
                      &bytes))
            return Usage;
        material = SecureBytes(bytes);
    }
    // An HMAC algorithm with a PEM key is the algorithm-confusion mix-up (RFC 8725 §2.1).
    if (Jwt::keyTypeFor(*alg) == Jwt::KeyType::Hmac && material.view().contains(QByteArrayView("-----BEGIN "))) {
        printError(QStringLiteral("refused: %1 is an HMAC algorithm and needs a raw secret, but the key is a PEM "
                                  "key; use RS*, PS*, ES* or EdDSA with a key pair (jwt verify would refuse a "
                                  "public key as an HMAC secret)")
                       .arg(Jwt::algorithmName(*alg)));
        return Usage;
    }
    const auto key = Jwt::profileKey(*alg, material);
    if (!key) {
        printError(key.error().message);
        return Usage;
    }
    if (parser.isSet(QStringLiteral("ttl"))) {
        const auto ttl = Duration::parseGo(parser.value(QStringLiteral("ttl")));
        if (!ttl) {
            printError(QStringLiteral("--ttl: %1").arg(ttl.error().message));
            return Usage;
        }
        if (*ttl < 0)
            printWarning(QStringLiteral("--ttl %1 is negative: the token has expired before it is used")
                             .arg(parser.value(QStringLiteral("ttl"))));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        claims.insert(QStringLiteral("iat"), now);
        claims.insert(QStringLiteral("exp"), now + *ttl / Duration::Second);
    }
    // The key rules of jwt verify (RFC 8725 §3.5, RFC 7518 §3.2): no HMAC secret shorter than the
    // hash, no RSA key under 2048 bits. (Couper's jwt_signing_profile is more lenient; emulating it
    // is the token command's job, not this one.)
    const auto signer = Jwt::JwtSigner::create(*alg, key.value(), header, Jwt::KeyPolicy{});
    if (!signer) {
        printError(signer.error().message);
        return Usage;
    }
    const auto token = signer->sign(claims);
    if (!token) {
        printError(token.error().message);
        return Usage;
    }
    // Nothing jwt verify would refuse leaves here: the header (crit, b64, ...) is checked as verify does.
    if (const auto decoded = Jwt::decodeToken(QByteArrayView(*token)); decoded) {
        const Jwt::Verification v = Jwt::checkHeader(*decoded);
        if (!v.isValid()) {
            printError(QStringLiteral("--header: %1").arg(v.message));
            return Usage;
        }
    }
    out() << QString::fromLatin1(*token) << Qt::endl;
    return Ok;
}

} // namespace

int runJwt(const QStringList& arguments)
{
    const QString usage = QStringLiteral(
        "Usage: tokenbench-cli jwt <decode|verify|sign> ...\n"
        "  jwt decode [TOKEN|-]\n"
        "  jwt verify TOKEN (--jwks URL|FILE | --key PEM | --secret env:NAME) [--iss X] [--aud Y] [--alg A] [--skew S]\n"
        "  jwt sign --alg A (--key-file F | --secret env:NAME) [--kid K] --claims JSON [--header JSON] [--ttl D]\n");
    if (arguments.size() < 2) {
        err() << usage;
        return Usage;
    }
    const QString sub = arguments.at(1);
    QStringList rest = arguments;
    rest.removeAt(1);
    rest[0] = QStringLiteral("tokenbench-cli jwt ") + sub;
    if (sub == u"decode")
        return runDecode(rest);
    if (sub == u"verify")
        return runVerify(rest);
    if (sub == u"sign")
        return runSign(rest);
    if (sub == u"--help" || sub == u"-h") {
        out() << usage;
        return Ok;
    }
    printError(QStringLiteral("unknown jwt command \"%1\"\n").arg(sub) + usage);
    return Usage;
}

} // namespace Tokenbench::Cli
