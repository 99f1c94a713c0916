// libFuzzer target for the form codec and the redactor: the first byte picks a Content-Type, the rest is
// a body. Form::decode/encode must round-trip, and the redactor must never let a sensitive form field or
// JSON member through, whatever the bytes. Built only with clang and -DTOKENBENCH_BUILD_FUZZERS=ON (see
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
#include <QUrl>

#include "net/formencoding.h"
#include "trace/redactor.h"

using namespace Tokenbench::Core;

namespace {

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

    // Headers and URLs take the same path for the values they carry.
    for (const char* header : {"Authorization", "Cookie", "Set-Cookie", "X-Other"})
        (void)Redactor::redactHeaderValue(QByteArrayView(header), body);
    (void)Redactor::redactUrl(QUrl(QStringLiteral("https://as.example/token?") + QString::fromUtf8(body)));
    return 0;
}
