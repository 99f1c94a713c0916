// libFuzzer target for the form codec and the redactor: the first byte picks a Content-Type, the rest is
// a body. Form::decode/encode must round-trip, and the redactor must never let a sensitive form field or
// JSON member through, whatever the bytes. A secret value is also cut from the input (where and how long
// follows from the first byte and the size); the body with that value appended raw, form-encoded (upper-
// and lower-case hex), percent-encoded and JSON-escaped goes through redactText() and redact(): no form of
// the secret (at least Redactor::MinValueLength bytes) may survive outside a fingerprint. Lines of the
// input also become response headers: a credential header never keeps its value. Built only with clang and -DTOKENBENCH_BUILD_FUZZERS=ON (see
// tests/fuzz/tests.cmake).
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QString>
#include <QStringDecoder>
#include <QUrl>

#include "net/formencoding.h"
#include "trace/redactor.h"

using namespace Tokenbench::Core;

namespace {

// The output split at its fingerprints: a secret must not occur in any piece.
QList<QByteArray> outsideFingerprints(const QByteArray& text)
{
    static const QRegularExpression re(QStringLiteral("\\[redacted:[0-9a-f]{8}\\]"));
    const QString latin = QString::fromLatin1(text);
    QList<QByteArray> pieces;
    qsizetype last = 0;
    for (auto it = re.globalMatch(latin); it.hasNext();) {
        const auto m = it.next();
        pieces << text.mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
    }
    pieces << text.mid(last);
    return pieces;
}

QByteArray jsonEscaped(const QByteArray& value)
{
    const QByteArray doc = QJsonDocument(QJsonArray{QString::fromUtf8(value)}).toJson(QJsonDocument::Compact);
    return doc.mid(2, doc.size() - 4);
}

QByteArray lowerHex(QByteArray escaped)
{
    for (qsizetype i = 0; i + 2 < escaped.size(); ++i) {
        if (escaped[i] == '%') {
            escaped[i + 1] = char(QChar::toLower(uint(uchar(escaped[i + 1]))));
            escaped[i + 2] = char(QChar::toLower(uint(uchar(escaped[i + 2]))));
        }
    }
    return escaped;
}

bool isUtf8(const QByteArray& bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    (void)decoder.decode(bytes);
    return !decoder.hasError();
}

// application/x-www-form-urlencoded of the bytes: unreserved bytes stay, a space is '+', the rest %XX.
QByteArray formEncoded(const QByteArray& secret)
{
    return secret.toPercentEncoding().replace("%20", "+");
}

// No encoding of `secret` in `text` outside fingerprints (the JSON form only for UTF-8: of other bytes it is lossy).
void checkNoSecret(const QByteArray& text, const QByteArray& secret)
{
    const QByteArray form = formEncoded(secret);
    QList<QByteArray> forms = {secret, form, lowerHex(form), secret.toPercentEncoding()};
    if (isUtf8(secret))
        forms << jsonEscaped(secret);
    for (const QByteArray& piece : outsideFingerprints(text)) {
        for (const QByteArray& f : forms) {
            if (f.size() >= Redactor::MinValueLength && piece.contains(f))
                std::abort();
        }
    }
}

bool isFingerprint(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^\\[redacted:[0-9a-f]{8}\\]$"));
    return re.match(text).hasMatch();
}

// Every sensitive member holding a string, at any depth, holds a fingerprint.
bool jsonRedacted(const QJsonValue& v)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (Redactor::isSensitiveField(it.key()) && it->isString() && !isFingerprint(it->toString()))
                return false;
            if (!jsonRedacted(*it))
                return false;
        }
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        return std::all_of(a.begin(), a.end(), [](const QJsonValue& c) { return jsonRedacted(c); });
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static constexpr std::array<const char*, 6> contentTypes = {
        "", "application/x-www-form-urlencoded", "application/json", "text/plain",
        "application/x-www-form-urlencoded; charset=UTF-8", "application/problem+json",
    };
    if (size == 0)
        return 0;
    const QByteArrayView contentType(contentTypes.at(data[0] % contentTypes.size()));
    const QByteArray body(reinterpret_cast<const char*>(data + 1), static_cast<qsizetype>(size - 1));

    // Form codec: decoding what encode() wrote gives the fields back, in encode()'s order.
    const QList<Form::Field> fields = Form::decode(body);
    const QByteArray encoded = Form::encode(fields);
    QList<Form::Field> sorted = fields;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Form::Field& a, const Form::Field& b) { return a.first.toUtf8() < b.first.toUtf8(); });
    const QList<Form::Field> decodedAgain = Form::decode(encoded);
    if (decodedAgain != sorted)
        std::abort();
    for (const Form::Field& f : fields) {
        if (Form::unescape(Form::escape(f.second)) != f.second)
            std::abort();
    }

    // Redactor: nothing sensitive survives in a form or JSON body it recognises.
    const QByteArray redacted = Redactor::redactBody(body, contentType);
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    const bool isJson = error.error == QJsonParseError::NoError;
    if (!isJson && contentType.startsWith("application/x-www-form-urlencoded")) {
        for (const Form::Field& f : Form::decode(redacted)) {
            if (Redactor::isSensitiveField(f.first) && !f.second.isEmpty() && !isFingerprint(f.second))
                std::abort();
        }
    }
    if (isJson) {
        const QJsonDocument after = QJsonDocument::fromJson(redacted, &error);
        if (error.error != QJsonParseError::NoError)
            std::abort(); // redaction keeps valid JSON valid
        const QJsonValue root = after.isObject() ? QJsonValue(after.object()) : QJsonValue(after.array());
        if (!jsonRedacted(root))
            std::abort();
    }

    // By value: a secret cut from the input, appended in every encoding, never survives.
    Redactor::forgetSecretValues(); // redact() learns what the input carries by name: keep it to this input
    if (body.size() >= Redactor::MinValueLength) {
        const qsizetype length = Redactor::MinValueLength + qsizetype(size % 29);
        const qsizetype start = qsizetype(data[0] / 6) % body.size();
        const QByteArray secret = body.mid(start, length);
        // A value that is itself a fingerprint is not taken as a secret (it is what redaction writes).
        if (secret.size() >= Redactor::MinValueLength && !isFingerprint(QString::fromLatin1(secret))) {
            const QByteArray form = formEncoded(secret);
            const QByteArray text = body + ' ' + secret + '&' + form + '&' + lowerHex(form) + ' ' +
                                    secret.toPercentEncoding() + " \"" + jsonEscaped(secret) + '"';
            checkNoSecret(Redactor::redactText(QByteArrayView(text), {secret}), secret);
            Exchange e;
            e.requestHeaders = {{"Content-Type", QByteArray(contentType.data(), contentType.size())}, {"X-Echo", text}};
            e.requestBody = text;
            e.responseHeaders = e.requestHeaders;
            e.responseBody = body;
            e.failureText = QString::fromUtf8(text);
            e.secretValues = {secret};
            const Exchange r = Redactor::redact(e);
            checkNoSecret(r.requestBody, secret);
            checkNoSecret(r.responseBody, secret);
            checkNoSecret(r.requestHeaders.at(1).value, secret);
            if (isUtf8(text))
                checkNoSecret(r.failureText.toUtf8(), secret);
        }
        Redactor::forgetSecretValues();
    }

    // Response headers from the input, one "Name: value" a line (a hostile server chooses them all): a
    // credential header never keeps its value, and nothing else breaks.
    {
        Exchange e;
        for (const QByteArray& line : body.split('\n').mid(0, 64)) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                e.responseHeaders.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
        const Exchange r = Redactor::redact(e);
        if (r.responseHeaders.size() != e.responseHeaders.size())
            std::abort();
        for (qsizetype i = 0; i < e.responseHeaders.size(); ++i) {
            const QByteArray& name = e.responseHeaders.at(i).name;
            QByteArray secret = e.responseHeaders.at(i).value;
            const QByteArray& after = r.responseHeaders.at(i).value;
            // Cookies keep their names; credentials after the scheme of an Authorization value are the secret.
            if (!Redactor::isSensitiveHeader(name) || name.toLower().contains("cookie"))
                continue;
            if (name.toLower().endsWith("authorization")) {
                const qsizetype space = secret.indexOf(' ');
                if (space < 0)
                    continue;
                secret = secret.mid(space + 1).trimmed();
            }
            if (secret.size() >= Redactor::MinValueLength && !secret.contains("[redacted:") && after.contains(secret))
                std::abort();
        }
        Redactor::forgetSecretValues();
    }

    // Headers and URLs take the same path for the values they carry.
    for (const char* header : {"Authorization", "Cookie", "Set-Cookie", "X-Other"})
        (void)Redactor::redactHeaderValue(QByteArrayView(header), body);
    (void)Redactor::redactUrl(QUrl(QStringLiteral("https://as.example/token?") + QString::fromUtf8(body)));
    return 0;
}
