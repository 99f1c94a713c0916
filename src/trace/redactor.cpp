#include "trace/redactor.h"

#include "net/formencoding.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
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
    for (const char* h : {"authorization", "proxy-authorization", "cookie", "set-cookie"}) {
        if (name.compare(h, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray fingerprint(QByteArrayView secret)
{
    const QByteArray hash = QCryptographicHash::hash(secret, QCryptographicHash::Sha256).toHex().left(8);
    return "[redacted:" + hash + ']';
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

bool looksLikeForm(const QByteArray& body)
{
    if (body.isEmpty() || body.contains('\n') || body.contains(' ') || !body.contains('='))
        return false;
    return true;
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
    if (!url.hasQuery())
        return url;
    const QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    const QByteArray redacted = redactForm(query);
    if (redacted == query)
        return url;
    QUrl out = url;
    out.setQuery(QString::fromLatin1(redacted), QUrl::TolerantMode);
    return out;
}

Exchange redact(const Exchange& exchange)
{
    Exchange out = exchange;
    out.url = redactUrl(exchange.url);
    for (HttpHeader& h : out.requestHeaders)
        h.value = redactHeaderValue(h.name, h.value);
    for (HttpHeader& h : out.responseHeaders)
        h.value = redactHeaderValue(h.name, h.value);
    out.requestBody = redactBody(exchange.requestBody, headerValue(exchange.requestHeaders, "Content-Type"));
    out.responseBody = redactBody(exchange.responseBody, headerValue(exchange.responseHeaders, "Content-Type"));
    for (const QByteArray& secret : exchange.secretValues) {
        if (secret.size() < 4)
            continue; // too short to tell apart from ordinary text
        const QByteArray mark = fingerprint(secret);
        for (HttpHeader& h : out.requestHeaders)
            h.value.replace(secret, mark);
        for (HttpHeader& h : out.responseHeaders)
            h.value.replace(secret, mark);
        out.requestBody.replace(secret, mark);
        out.responseBody.replace(secret, mark);
        const QByteArray url = out.url.toEncoded();
        const QByteArray encoded = QUrl::toPercentEncoding(QString::fromUtf8(secret));
        if (url.contains(secret) || url.contains(encoded)) {
            QByteArray replaced = url;
            replaced.replace(secret, mark).replace(encoded, QUrl::toPercentEncoding(QString::fromLatin1(mark)));
            out.url = QUrl::fromEncoded(replaced);
        }
    }
    return out;
}

} // namespace Tokenbench::Core::Redactor
