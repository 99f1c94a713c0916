#include "trace/redactor.h"

#include "util/secretvalues.h"

#include "net/formencoding.h"

#include <algorithm>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QMutex>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>

namespace Tokenbench::Core::Redactor {

const QStringList& sensitiveFields()
{
    static const QStringList fields = {
        QStringLiteral("client_secret"), QStringLiteral("password"),      QStringLiteral("assertion"),
        QStringLiteral("client_assertion"), QStringLiteral("code"),       QStringLiteral("code_verifier"),
        QStringLiteral("refresh_token"), QStringLiteral("access_token"),  QStringLiteral("id_token"),
        QStringLiteral("device_code"),   QStringLiteral("subject_token"), QStringLiteral("actor_token"),
    };
    return fields;
}

bool isSensitiveField(QStringView name)
{
    for (const QString& f : sensitiveFields()) {
        if (name.compare(f, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool isSensitiveHeader(QByteArrayView name)
{
    for (const char* h : {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key",
                          "x-auth-token", "x-access-token"}) {
        if (name.compare(h, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool isSensitiveParameter(QStringView name)
{
    if (isSensitiveField(name))
        return true;
    static const QStringList exact = {
        QStringLiteral("api_key"), QStringLiteral("apikey"),  QStringLiteral("api-key"), QStringLiteral("key"),
        QStringLiteral("token"),   QStringLiteral("secret"),  QStringLiteral("sig"),     QStringLiteral("signature"),
        QStringLiteral("passwd"),  QStringLiteral("pwd"),     QStringLiteral("pass"),    QStringLiteral("auth"),
        QStringLiteral("session"), QStringLiteral("sessionid"), QStringLiteral("jwt"),   QStringLiteral("credential"),
        QStringLiteral("credentials"), QStringLiteral("private_key"),
    };
    for (const QString& e : exact) {
        if (name.compare(e, Qt::CaseInsensitive) == 0)
            return true;
    }
    const QString lower = name.toString().toLower();
    for (const char* part : {"secret", "password", "token", "api_key", "apikey", "signature", "credential"}) {
        if (lower.contains(QLatin1String(part)))
            return true;
    }
    return false;
}

bool looksLikeSecretName(QStringView name)
{
    return SecretValues::looksLikeSecretName(name);
}

namespace {

const QByteArray& fingerprintKey()
{
    // Random per process: fingerprints compare within one run or session, and cannot be guessed from a file.
    static const QByteArray key = [] {
        QByteArray k(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(k.data()), 8);
        return k;
    }();
    return key;
}

} // namespace

QByteArray fingerprint(QByteArrayView secret)
{
    const QByteArray mac = QMessageAuthenticationCode::hash(secret.toByteArray(), fingerprintKey(),
                                                            QCryptographicHash::Sha256);
    return "[redacted:" + mac.toHex().left(8) + ']';
}

namespace {

// ---- known secret values and the patterns they are searched by ------------------------------------------------

struct Pattern
{
    QByteArray text; // an encoding of the secret, searched exactly
    QByteArray mark; // its fingerprint
};

// The values live in util/secretvalues (any layer may add to them); the patterns derived from them here.
struct Known
{
    QMutex mutex;
    quint64 patternsGeneration = ~quint64(0);
    QList<Pattern> patterns;
};

Known& known()
{
    static Known k;
    return k;
}

const QRegularExpression& fingerprintPattern()
{
    static const QRegularExpression re(QStringLiteral("\\[redacted:[0-9a-f]{8}\\]"));
    return re;
}

bool isFingerprintText(QByteArrayView v)
{
    if (v.size() != 19 || !v.startsWith("[redacted:") || !v.endsWith("]"))
        return false;
    return std::all_of(v.begin() + 10, v.begin() + 18, [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

using Form::hexValue;
using Form::percentDecode;
using Form::percentEncode;

// The JSON string form of `s` without the quotes. `slash`: '/' as "\/"; `ascii`: every non-ASCII UTF-16 unit
// as \uXXXX (with `upper` hex digits).
QByteArray jsonEscape(QByteArrayView s, bool slash, bool ascii, bool upper)
{
    const QByteArray doc = QJsonDocument(QJsonArray{QString::fromUtf8(s)}).toJson(QJsonDocument::Compact);
    QByteArray out = doc.mid(2, doc.size() - 4);
    if (slash)
        out.replace("/", "\\/");
    if (ascii) {
        const QString text = QString::fromUtf8(out);
        QByteArray a;
        for (const QChar c : text) {
            if (c.unicode() < 0x80) {
                a.append(char(c.unicode()));
            } else {
                QByteArray h = QByteArray::number(c.unicode(), 16).rightJustified(4, '0');
                a.append("\\u" + (upper ? h.toUpper() : h));
            }
        }
        out = a;
    }
    return out;
}

// The base64 text of `s` as it appears inside a longer base64 text at each of the three byte alignments:
// only the characters that depend on `s` alone.
QList<QByteArray> base64Fragments(const QByteArray& s, QByteArray::Base64Options alphabet)
{
    QList<QByteArray> out;
    out << s.toBase64(alphabet);                                   // the whole value, padded
    out << s.toBase64(alphabet | QByteArray::OmitTrailingEquals);  // unpadded
    for (int k = 0; k < 3; ++k) {
        const QByteArray padded = QByteArray(k, '\0') + s;
        QByteArray enc = padded.toBase64(alphabet | QByteArray::OmitTrailingEquals);
        const qsizetype bits = padded.size() * 8;
        if (bits % 6 != 0)
            enc.chop(1); // the last character also depends on the byte after the value
        const qsizetype skip = k == 0 ? 0 : k + 1; // characters that depend on the bytes before the value
        enc = enc.mid(skip);
        if (enc.size() >= 8)
            out << enc;
    }
    return out;
}

QList<Pattern> patternsFor(const QByteArray& s)
{
    const QByteArray mark = fingerprint(s);
    QList<QByteArray> texts;
    texts << s;
    for (bool plus : {true, false}) {
        for (bool upper : {true, false})
            texts << percentEncode(s, plus, upper);
    }
    for (bool slash : {false, true}) {
        texts << jsonEscape(s, slash, false, false);
        for (bool upper : {false, true})
            texts << jsonEscape(s, slash, true, upper);
    }
    // base64 of the value, and of its form encoding (a Basic credential is base64(escape(id):escape(secret))).
    for (const QByteArray& b : {s, percentEncode(s, true, true)}) {
        texts << base64Fragments(b, QByteArray::Base64Encoding);
        texts << base64Fragments(b, QByteArray::Base64UrlEncoding);
    }
    QList<Pattern> out;
    QSet<QByteArray> seen;
    for (const QByteArray& t : std::as_const(texts)) {
        if (t.size() < MinValueLength || seen.contains(t))
            continue;
        seen.insert(t);
        out.append({t, mark});
    }
    return out;
}

QList<Pattern> knownPatterns()
{
    Known& k = known();
    QMutexLocker lock(&k.mutex);
    const quint64 generation = SecretValues::generation();
    if (k.patternsGeneration != generation) {
        k.patterns.clear();
        for (const QByteArray& v : SecretValues::values()) {
            if (!isFingerprintText(v))
                k.patterns += patternsFor(v);
        }
        k.patternsGeneration = generation;
    }
    return k.patterns;
}

// One unit of `text` at `i` decoded as a %XX escape, '+' (a space) or a JSON escape; 0 when it is none.
int decodeUnit(QByteArrayView text, qsizetype i, char* buf, qsizetype* used)
{
    const char c = text[i];
    const qsizetype n = text.size();
    if (c == '%' && i + 2 < n && hexValue(text[i + 1]) >= 0 && hexValue(text[i + 2]) >= 0) {
        buf[0] = char(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
        *used = 3;
        return 1;
    }
    if (c == '+') {
        buf[0] = ' ';
        *used = 1;
        return 1;
    }
    if (c != '\\' || i + 1 >= n)
        return 0;
    const char e = text[i + 1];
    *used = 2;
    switch (e) {
    case '"':
    case '\\':
    case '/':
        buf[0] = e;
        return 1;
    case 'n':
        buf[0] = '\n';
        return 1;
    case 't':
        buf[0] = '\t';
        return 1;
    case 'r':
        buf[0] = '\r';
        return 1;
    case 'b':
        buf[0] = '\b';
        return 1;
    case 'f':
        buf[0] = '\f';
        return 1;
    case 'u':
        break;
    default:
        return 0;
    }
    auto hex4 = [&](qsizetype at) -> int {
        if (at + 4 > n)
            return -1;
        int v = 0;
        for (qsizetype j = at; j < at + 4; ++j) {
            const int h = hexValue(text[j]);
            if (h < 0)
                return -1;
            v = v * 16 + h;
        }
        return v;
    };
    char32_t cp = 0;
    const int first = hex4(i + 2);
    if (first < 0)
        return 0;
    *used = 6;
    cp = char32_t(first);
    if (first >= 0xD800 && first < 0xDC00 && i + 7 < n && text[i + 6] == '\\' && text[i + 7] == 'u') {
        const int second = hex4(i + 8);
        if (second >= 0xDC00 && second < 0xE000) {
            cp = 0x10000 + ((char32_t(first) - 0xD800) << 10) + (char32_t(second) - 0xDC00);
            *used = 12;
        }
    }
    const QByteArray utf8 = QString::fromUcs4(&cp, 1).toUtf8();
    if (utf8.size() > 4)
        return 0;
    std::copy(utf8.cbegin(), utf8.cend(), buf);
    return int(utf8.size());
}

// Matches `s` at `i` where each byte of it may be written as itself, %XX (any case), '+' (for a space) or a
// JSON escape: the end of the match, or -1.
qsizetype matchLenient(QByteArrayView text, qsizetype i, QByteArrayView s)
{
    qsizetype j = 0;
    while (j < s.size()) {
        if (i >= text.size())
            return -1;
        char buf[4];
        qsizetype used = 0;
        const int n = decodeUnit(text, i, buf, &used);
        if (n > 0 && j + n <= s.size() && std::equal(buf, buf + n, s.data() + j)) {
            i += used;
            j += n;
            continue;
        }
        if (text[i] != s[j])
            return -1;
        ++i;
        ++j;
    }
    return i;
}

struct Match
{
    qsizetype start;
    qsizetype end;
    QByteArray mark;
};

QByteArray maskValues(QByteArrayView text, const QList<QByteArray>& extra)
{
    if (text.isEmpty())
        return text.toByteArray();
    QList<Pattern> patterns = knownPatterns();
    QList<QPair<QByteArray, QByteArray>> lenient; // secret, mark
    for (const QByteArray& v : SecretValues::values()) {
        if (!isFingerprintText(v))
            lenient.append({v, QByteArray()});
    }
    for (const QByteArray& v : extra) {
        if (v.size() >= MinValueLength && !isFingerprintText(v)) {
            patterns += patternsFor(v);
            lenient.append({v, QByteArray()});
        }
    }
    if (patterns.isEmpty())
        return text.toByteArray();

    QList<Match> matches;
    for (const Pattern& p : std::as_const(patterns)) {
        for (qsizetype at = text.indexOf(p.text); at >= 0; at = text.indexOf(p.text, at + 1))
            matches.append({at, at + p.text.size(), p.mark});
    }
    // Escaped forms need an escape character; without one, the exact search above found everything.
    const bool escaped = text.contains('%') || text.contains('+') || text.contains('\\');
    for (auto& [secret, mark] : lenient) {
        if (!escaped)
            break;
        const char first = secret.at(0);
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (c != first && c != '%' && c != '+' && c != '\\')
                continue;
            const qsizetype end = matchLenient(text, i, secret);
            if (end < 0)
                continue;
            if (mark.isEmpty())
                mark = fingerprint(secret);
            matches.append({i, end, mark});
        }
    }
    if (matches.isEmpty())
        return text.toByteArray();

    // Fingerprints already in the text stay as they are (a short secret may occur inside one).
    QList<QPair<qsizetype, qsizetype>> kept;
    const QString latin = QString::fromLatin1(text.data(), text.size());
    for (auto it = fingerprintPattern().globalMatch(latin); it.hasNext();) {
        const auto m = it.next();
        kept.append({m.capturedStart(), m.capturedEnd()});
    }
    auto insideFingerprint = [&](const Match& m) {
        return std::any_of(kept.cbegin(), kept.cend(),
                           [&](const auto& k) { return m.start >= k.first && m.end <= k.second; });
    };

    std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    QByteArray out;
    out.reserve(text.size());
    qsizetype pos = 0;       // first byte not yet copied or masked
    qsizetype regionEnd = -1; // end of the masked region being extended
    for (const Match& m : std::as_const(matches)) {
        if (insideFingerprint(m))
            continue;
        if (m.start < regionEnd) {
            regionEnd = std::max(regionEnd, m.end); // overlaps: the region grows, one mark for it
            pos = regionEnd;
            continue;
        }
        out.append(text.sliced(pos, m.start - pos));
        out.append(m.mark);
        regionEnd = m.end;
        pos = m.end;
    }
    out.append(text.sliced(pos));
    return out;
}

// ---- URLs in text ----------------------------------------------------------------------------------------------

// "name=value&..." with the values of sensitive names replaced by their fingerprint; `valueMark` writes it.
QByteArray redactParameters(QByteArrayView params, bool* changed)
{
    QList<QByteArray> pairs = params.toByteArray().split('&');
    for (QByteArray& pair : pairs) {
        const qsizetype eq = pair.indexOf('=');
        if (eq <= 0)
            continue;
        const QString name = QString::fromUtf8(percentDecode(QByteArrayView(pair).first(eq), true));
        if (!isSensitiveParameter(name))
            continue;
        const QByteArray value = percentDecode(QByteArrayView(pair).sliced(eq + 1), true);
        if (value.isEmpty() || isFingerprintText(value))
            continue;
        pair = pair.left(eq + 1) + fingerprint(value);
        *changed = true;
    }
    return pairs.join('&');
}

// One URL's text (scheme://...): the password of user:password@ and sensitive query and fragment parameters.
QByteArray redactUrlBytes(QByteArrayView url, bool encodeMarks)
{
    QByteArray out = url.toByteArray();
    const qsizetype schemeEnd = out.indexOf("://");
    bool changed = false;
    if (schemeEnd > 0) {
        const qsizetype authStart = schemeEnd + 3;
        qsizetype authEnd = out.size();
        for (const char c : {'/', '?', '#'}) {
            const qsizetype at = out.indexOf(c, authStart);
            if (at >= 0)
                authEnd = std::min(authEnd, at);
        }
        const qsizetype atSign = out.lastIndexOf('@', authEnd - 1);
        if (atSign >= authStart) {
            const qsizetype colon = out.indexOf(':', authStart);
            if (colon >= 0 && colon < atSign) {
                const QByteArray password = percentDecode(QByteArrayView(out).sliced(colon + 1, atSign - colon - 1), false);
                if (!password.isEmpty()) {
                    QByteArray mark = fingerprint(password);
                    if (encodeMarks)
                        mark = "%5Bredacted%3A" + mark.mid(10, 8) + "%5D";
                    out = out.left(colon + 1) + mark + out.mid(atSign);
                    changed = true;
                }
            }
        }
    }
    const qsizetype q = out.indexOf('?');
    const qsizetype hash = out.indexOf('#');
    if (q >= 0 && (hash < 0 || q < hash)) {
        const qsizetype end = hash < 0 ? out.size() : hash;
        const QByteArray params = redactParameters(QByteArrayView(out).sliced(q + 1, end - q - 1), &changed);
        out = out.left(q + 1) + params + out.mid(end);
    }
    const qsizetype frag = out.indexOf('#');
    if (frag >= 0 && out.indexOf('=', frag) > 0) {
        const QByteArray params = redactParameters(QByteArrayView(out).sliced(frag + 1), &changed);
        out = out.left(frag + 1) + params;
    }
    return changed ? out : url.toByteArray();
}

QByteArray redactUrlsInText(QByteArrayView text)
{
    static const QRegularExpression url(QStringLiteral("[A-Za-z][A-Za-z0-9+.\\-]*://[^\\s\"'<>`]+"));
    const QString latin = QString::fromLatin1(text.data(), text.size());
    QByteArray out;
    qsizetype last = 0;
    bool changed = false;
    for (auto it = url.globalMatch(latin); it.hasNext();) {
        const auto m = it.next();
        const QByteArray original = text.sliced(m.capturedStart(), m.capturedLength()).toByteArray();
        const QByteArray redacted = redactUrlBytes(original, false);
        if (redacted == original)
            continue;
        out.append(text.sliced(last, m.capturedStart() - last));
        out.append(redacted);
        last = m.capturedEnd();
        changed = true;
    }
    if (!changed)
        return text.toByteArray();
    out.append(text.sliced(last));
    return out;
}

// ---- learning secrets by name -----------------------------------------------------------------------------------

bool isIssuedTokenField(QStringView name)
{
    for (const char* f : {"access_token", "id_token", "refresh_token", "device_code", "issued_token",
                          "client_secret", "registration_access_token"}) {
        if (name.compare(QLatin1String(f), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void learnJson(const QJsonValue& v, bool response)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const bool named = response ? isIssuedTokenField(it.key()) : isSensitiveField(it.key());
            if (named && it->isString())
                addSecretValue(it->toString());
            else
                learnJson(*it, response);
        }
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (const QJsonValue& c : a)
            learnJson(c, response);
    }
}

void learnParameters(QByteArrayView params, bool response)
{
    for (const QByteArray& pair : params.toByteArray().split('&')) {
        const qsizetype eq = pair.indexOf('=');
        if (eq <= 0)
            continue;
        const QString name = QString::fromUtf8(percentDecode(QByteArrayView(pair).first(eq), true));
        const bool named = response ? isIssuedTokenField(name) : isSensitiveParameter(name);
        if (named)
            addSecretValue(percentDecode(QByteArrayView(pair).sliced(eq + 1), true));
    }
}

bool looksLikeForm(const QByteArray& body)
{
    if (body.isEmpty() || body.contains('\n') || body.contains(' ') || !body.contains('='))
        return false;
    return true;
}

void learnBody(const QByteArray& body, const HttpHeaders& headers, bool response)
{
    if (body.isEmpty())
        return;
    const QByteArray type = headerValue(headers, "Content-Type").toLower();
    const QByteArray trimmed = body.trimmed();
    if (type.contains("json") || trimmed.startsWith('{') || trimmed.startsWith('[')) {
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
        if (err.error == QJsonParseError::NoError) {
            learnJson(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()), response);
            return;
        }
    }
    if (type.contains("x-www-form-urlencoded") || ((type.isEmpty() || type.startsWith("text/plain")) && looksLikeForm(trimmed)))
        learnParameters(trimmed, response);
}

void learnHeader(const HttpHeader& h)
{
    if (!isSensitiveHeader(h.name))
        return;
    const QByteArray value = h.value.trimmed();
    if (h.name.compare("authorization", Qt::CaseInsensitive) == 0 ||
        h.name.compare("proxy-authorization", Qt::CaseInsensitive) == 0) {
        addSecretValue(value);
        const qsizetype space = value.indexOf(' ');
        if (space <= 0)
            return;
        const QByteArray credentials = value.mid(space + 1).trimmed();
        addSecretValue(credentials);
        if (value.left(space).compare("basic", Qt::CaseInsensitive) == 0) {
            const auto decoded = QByteArray::fromBase64Encoding(credentials);
            if (decoded) {
                const QByteArray pair = *decoded;
                addSecretValue(pair);
                const qsizetype colon = pair.indexOf(':');
                if (colon >= 0) {
                    addSecretValue(pair.mid(colon + 1));
                    addSecretValue(percentDecode(QByteArrayView(pair).sliced(colon + 1), true));
                }
            }
        }
        return;
    }
    if (h.name.compare("cookie", Qt::CaseInsensitive) == 0 || h.name.compare("set-cookie", Qt::CaseInsensitive) == 0) {
        const QList<QByteArray> parts = value.split(';');
        for (qsizetype i = 0; i < parts.size(); ++i) {
            if (h.name.compare("set-cookie", Qt::CaseInsensitive) == 0 && i > 0)
                break; // attributes
            const qsizetype eq = parts.at(i).indexOf('=');
            if (eq > 0)
                addSecretValue(parts.at(i).mid(eq + 1).trimmed());
        }
        return;
    }
    addSecretValue(value);
}

void learnUrl(const QUrl& url)
{
    if (!url.password().isEmpty())
        addSecretValue(url.password(QUrl::FullyDecoded));
    if (url.hasQuery())
        learnParameters(url.query(QUrl::FullyEncoded).toLatin1(), false);
    if (url.hasFragment() && url.fragment().contains(u'='))
        learnParameters(url.fragment(QUrl::FullyEncoded).toLatin1(), false);
}

} // namespace

void addSecretValue(QByteArrayView value)
{
    if (value.size() < MinValueLength || isFingerprintText(value))
        return;
    SecretValues::add(value);
}

void addSecretValue(const QByteArray& value)
{
    addSecretValue(QByteArrayView(value));
}

void addSecretValue(const QString& value)
{
    addSecretValue(QByteArrayView(value.toUtf8()));
}

void learn(const Exchange& e)
{
    learnUrl(e.url);
    for (const HttpHeader& h : e.requestHeaders)
        learnHeader(h);
    for (const HttpHeader& h : e.responseHeaders)
        learnHeader(h);
    learnBody(e.requestBody, e.requestHeaders, false);
    learnBody(e.responseBody, e.responseHeaders, true);
    for (const QByteArray& v : e.secretValues)
        addSecretValue(v);
}

namespace {
// Every HttpExchange reports its record here when it is built and when it ends (net/exchange.h), so the
// secrets of every exchange are known before anything is shown or printed. Installed when this file is
// linked, i.e. by every program that redacts.
const bool exchangeObserverInstalled = [] {
    setExchangeObserver([](const Exchange& e) { learn(e); });
    return true;
}();
} // namespace

void learn(const QList<Exchange>& exchanges)
{
    for (const Exchange& e : exchanges)
        learn(e);
}

QList<QByteArray> secretValues()
{
    return SecretValues::values();
}

void forgetSecretValues()
{
    SecretValues::forget();
}

QByteArray redactHeaderValue(QByteArrayView name, const QByteArray& value)
{
    if (!isSensitiveHeader(name))
        return value;
    if (name.compare("authorization", Qt::CaseInsensitive) == 0 ||
        name.compare("proxy-authorization", Qt::CaseInsensitive) == 0) {
        const qsizetype space = value.indexOf(' ');
        if (space > 0)
            return value.left(space + 1) + fingerprint(QByteArrayView(value).sliced(space + 1));
        return fingerprint(value);
    }
    if (name.compare("set-cookie", Qt::CaseInsensitive) == 0) {
        // name=value; attributes -> name=[redacted]; attributes
        const qsizetype eq = value.indexOf('=');
        const qsizetype semi = value.indexOf(';');
        if (eq > 0 && (semi < 0 || eq < semi)) {
            const qsizetype end = semi < 0 ? value.size() : semi;
            return value.left(eq + 1) + fingerprint(QByteArrayView(value).sliced(eq + 1, end - eq - 1)) + value.mid(end);
        }
        return fingerprint(value);
    }
    if (name.compare("cookie", Qt::CaseInsensitive) != 0)
        return fingerprint(value); // an API key header: the whole value
    // Cookie: a=1; b=2
    QList<QByteArray> parts = value.split(';');
    for (QByteArray& p : parts) {
        const qsizetype eq = p.indexOf('=');
        if (eq > 0)
            p = p.left(eq + 1) + fingerprint(QByteArrayView(p).sliced(eq + 1));
    }
    return parts.join(';');
}

namespace {

bool redactJson(QJsonValue& v)
{
    bool changed = false;
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (isSensitiveField(it.key()) && it->isString()) {
                *it = QString::fromLatin1(fingerprint(it->toString().toUtf8()));
                changed = true;
            } else {
                QJsonValue child = *it;
                if (redactJson(child)) {
                    *it = child;
                    changed = true;
                }
            }
        }
        v = o;
    } else if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            QJsonValue child = a.at(i);
            if (redactJson(child)) {
                a[i] = child;
                changed = true;
            }
        }
        v = a;
    }
    return changed;
}

QByteArray redactForm(const QByteArray& body)
{
    QList<QByteArray> pairs = body.split('&');
    bool changed = false;
    for (QByteArray& pair : pairs) {
        const qsizetype eq = pair.indexOf('=');
        if (eq <= 0)
            continue;
        if (isSensitiveField(Form::unescape(QByteArrayView(pair).first(eq)))) {
            const QString value = Form::unescape(QByteArrayView(pair).sliced(eq + 1));
            pair = pair.left(eq + 1) + fingerprint(value.toUtf8());
            changed = true;
        }
    }
    return changed ? pairs.join('&') : body;
}

} // namespace

QByteArray redactBody(const QByteArray& body, QByteArrayView contentType)
{
    if (body.isEmpty())
        return body;
    const QByteArray type = contentType.toByteArray().toLower();
    QByteArray trimmed = body.trimmed();
    if (trimmed.startsWith("\xEF\xBB\xBF")) // QJsonDocument reads JSON after a UTF-8 byte order mark too
        trimmed = trimmed.sliced(3).trimmed();
    if (type.contains("json") || trimmed.startsWith('{') || trimmed.startsWith('[')) {
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
        if (err.error == QJsonParseError::NoError) {
            QJsonValue root = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
            if (!redactJson(root))
                return body;
            return root.isObject() ? QJsonDocument(root.toObject()).toJson(QJsonDocument::Compact)
                                   : QJsonDocument(root.toArray()).toJson(QJsonDocument::Compact);
        }
    }
    if (type.contains("x-www-form-urlencoded") || (type.isEmpty() && looksLikeForm(body)))
        return redactForm(body);
    return body;
}

// For JSON that does not parse (cut off for display, or malformed): redact "key": "value" pairs of the
// sensitive fields in the text itself, including a value cut off at the end.
QByteArray redactJsonText(const QByteArray& body)
{
    static const QRegularExpression pair(
        QStringLiteral("\"([A-Za-z_]+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)(\"|$)"));
    const QString text = QString::fromLatin1(body); // one char per byte: bytes outside a secret stay as they are
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    bool changed = false;
    auto it = pair.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        if (!isSensitiveField(m.captured(1)))
            continue;
        out += QStringView(text).sliced(last, m.capturedStart(2) - last);
        out += QString::fromLatin1(fingerprint(m.captured(2).toLatin1()));
        last = m.capturedEnd(2);
        changed = true;
    }
    if (!changed)
        return body;
    out += QStringView(text).sliced(last);
    return out.toLatin1();
}

QUrl redactUrl(const QUrl& url)
{
    if (!url.hasQuery() && !url.hasFragment() && url.password().isEmpty())
        return url;
    const QByteArray encoded = url.toEncoded();
    const QByteArray redacted = redactUrlBytes(encoded, true);
    if (redacted == encoded)
        return url;
    return QUrl::fromEncoded(redacted, QUrl::TolerantMode);
}

QByteArray redactText(QByteArrayView text, const QList<QByteArray>& extra)
{
    return maskValues(redactUrlsInText(text), extra);
}

QString redactText(const QString& text, const QList<QByteArray>& extra)
{
    if (text.isEmpty())
        return text;
    const QByteArray utf8 = text.toUtf8();
    const QByteArray out = redactText(QByteArrayView(utf8), extra);
    return out == utf8 ? text : QString::fromUtf8(out);
}

Exchange redact(const Exchange& exchange)
{
    learn(exchange);
    const QList<QByteArray>& extra = exchange.secretValues;
    Exchange out = exchange;
    // By value first on the URL as sent (a secret may sit anywhere in it), then by name.
    const QByteArray encodedUrl = exchange.url.toEncoded();
    const QByteArray maskedUrl = maskValues(encodedUrl, extra);
    out.url = redactUrl(maskedUrl == encodedUrl ? exchange.url : QUrl::fromEncoded(maskedUrl, QUrl::TolerantMode));
    for (HttpHeader& h : out.requestHeaders)
        h.value = maskValues(redactHeaderValue(h.name, h.value), extra);
    for (HttpHeader& h : out.responseHeaders)
        h.value = maskValues(redactHeaderValue(h.name, h.value), extra);
    out.requestBody = maskValues(redactBody(exchange.requestBody, headerValue(exchange.requestHeaders, "Content-Type")), extra);
    out.responseBody =
        maskValues(redactBody(exchange.responseBody, headerValue(exchange.responseHeaders, "Content-Type")), extra);
    out.reason = redactText(QByteArrayView(exchange.reason), extra);
    out.failureText = redactText(exchange.failureText, extra);
    return out;
}

} // namespace Tokenbench::Core::Redactor
