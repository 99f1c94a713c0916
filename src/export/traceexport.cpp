#include "export/traceexport.h"

#include "net/formencoding.h"
#include "trace/redactor.h"
#include "util/versions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>
#include <QUrlQuery>

namespace Tokenbench::Core::Export {

namespace {

QJsonArray headersJson(const HttpHeaders& headers)
{
    QJsonArray a;
    for (const HttpHeader& h : headers)
        a.append(QJsonObject{{QStringLiteral("name"), QString::fromLatin1(h.name)},
                             {QStringLiteral("value"), QString::fromLatin1(h.value)}});
    return a;
}

bool isUtf8(const QByteArray& bytes)
{
    auto decoder = QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString s = decoder(bytes);
    return !decoder.hasError();
}

QString mimeOf(const HttpHeaders& headers)
{
    return QString::fromLatin1(headerValue(headers, "Content-Type"));
}

QString httpVersion(const QByteArray& v)
{
    if (v.isEmpty())
        return QStringLiteral("HTTP/1.1");
    return v.startsWith("HTTP/") ? QString::fromLatin1(v) : QStringLiteral("HTTP/") + QString::fromLatin1(v);
}

} // namespace

QByteArray toHar(const QList<Exchange>& exchanges, bool reveal)
{
    QJsonArray entries;
    if (!reveal)
        Redactor::learn(exchanges); // a secret of a later exchange is masked in the earlier ones too
    for (const Exchange& original : exchanges) {
        const Exchange e = reveal ? original : Redactor::redact(original);
        QJsonObject request;
        request.insert(QStringLiteral("method"), QString::fromLatin1(e.method));
        request.insert(QStringLiteral("url"), e.url.toString(QUrl::FullyEncoded));
        request.insert(QStringLiteral("httpVersion"), httpVersion(e.httpVersion));
        request.insert(QStringLiteral("cookies"), QJsonArray());
        request.insert(QStringLiteral("headers"), headersJson(e.requestHeaders));
        QJsonArray query;
        for (const auto& [name, value] : QUrlQuery(e.url).queryItems(QUrl::FullyDecoded))
            query.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});
        request.insert(QStringLiteral("queryString"), query);
        if (!e.requestBody.isEmpty() || e.method == "POST" || e.method == "PUT" || e.method == "PATCH") {
            QJsonObject post;
            post.insert(QStringLiteral("mimeType"), mimeOf(e.requestHeaders));
            post.insert(QStringLiteral("text"), QString::fromUtf8(e.requestBody));
            if (mimeOf(e.requestHeaders).startsWith(QStringLiteral("application/x-www-form-urlencoded"))) {
                QJsonArray params;
                for (const auto& [name, value] : Form::decode(e.requestBody))
                    params.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});
                post.insert(QStringLiteral("params"), params);
            }
            request.insert(QStringLiteral("postData"), post);
        }
        request.insert(QStringLiteral("headersSize"), -1);
        request.insert(QStringLiteral("bodySize"), e.requestBody.size());

        QJsonObject response;
        response.insert(QStringLiteral("status"), e.status);
        response.insert(QStringLiteral("statusText"), QString::fromLatin1(e.reason));
        response.insert(QStringLiteral("httpVersion"), httpVersion(e.httpVersion));
        response.insert(QStringLiteral("cookies"), QJsonArray());
        response.insert(QStringLiteral("headers"), headersJson(e.responseHeaders));
        QJsonObject content;
        content.insert(QStringLiteral("size"), double(qMax<qint64>(e.responseBytes, e.responseBody.size())));
        content.insert(QStringLiteral("mimeType"), mimeOf(e.responseHeaders));
        if (!e.responseBody.isEmpty()) {
            if (isUtf8(e.responseBody)) {
                content.insert(QStringLiteral("text"), QString::fromUtf8(e.responseBody));
            } else {
                content.insert(QStringLiteral("text"), QString::fromLatin1(e.responseBody.toBase64()));
                content.insert(QStringLiteral("encoding"), QStringLiteral("base64"));
            }
        }
        response.insert(QStringLiteral("content"), content);
        response.insert(QStringLiteral("redirectURL"), QString::fromLatin1(headerValue(e.responseHeaders, "Location")));
        response.insert(QStringLiteral("headersSize"), -1);
        response.insert(QStringLiteral("bodySize"), e.hasResponse() ? double(e.responseBody.size()) : -1.0);
        if (e.failure != Exchange::Failure::None)
            response.insert(QStringLiteral("_error"), QString(failureName(e.failure) + QStringLiteral(": ") + e.failureText));

        // Tokenbench measures: request written (connection included), first byte, complete.
        const qint64 sent = qMax<qint64>(e.requestSentMs, 0);
        const qint64 first = e.firstByteMs >= 0 ? e.firstByteMs : sent;
        const qint64 done = e.durationMs >= 0 ? e.durationMs : first;
        QJsonObject timings{{QStringLiteral("blocked"), -1}, {QStringLiteral("dns"), -1},
                            {QStringLiteral("connect"), -1}, {QStringLiteral("ssl"), -1},
                            {QStringLiteral("send"), double(sent)},
                            {QStringLiteral("wait"), double(qMax<qint64>(first - sent, 0))},
                            {QStringLiteral("receive"), double(qMax<qint64>(done - first, 0))}};
        QJsonObject entry;
        entry.insert(QStringLiteral("startedDateTime"),
                     (e.startedAt.isValid() ? e.startedAt : QDateTime::fromSecsSinceEpoch(0)).toUTC().toString(Qt::ISODateWithMs));
        entry.insert(QStringLiteral("time"), double(sent + qMax<qint64>(first - sent, 0) + qMax<qint64>(done - first, 0)));
        entry.insert(QStringLiteral("request"), request);
        entry.insert(QStringLiteral("response"), response);
        entry.insert(QStringLiteral("cache"), QJsonObject());
        entry.insert(QStringLiteral("timings"), timings);
        if (!e.purpose.isEmpty())
            entry.insert(QStringLiteral("comment"), e.purpose);
        entries.append(entry);
    }
    QJsonObject log;
    log.insert(QStringLiteral("version"), QStringLiteral("1.2"));
    log.insert(QStringLiteral("creator"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Tokenbench")},
                                                       {QStringLiteral("version"), applicationVersion()}});
    log.insert(QStringLiteral("entries"), entries);
    if (!reveal)
        log.insert(QStringLiteral("comment"), QStringLiteral("Secrets are redacted (shown as fingerprints)."));
    return QJsonDocument(QJsonObject{{QStringLiteral("log"), log}}).toJson(QJsonDocument::Indented);
}

namespace {

QString fence(const QByteArray& text)
{
    QString body = QString::fromUtf8(text);
    QString marker = QStringLiteral("```");
    while (body.contains(marker))
        marker += u'`';
    if (!body.endsWith(u'\n'))
        body += u'\n';
    return marker + u'\n' + body + marker + u'\n';
}

QByteArray headerText(const HttpHeaders& headers)
{
    QByteArray s;
    for (const HttpHeader& h : headers)
        s += h.name + ": " + h.value + '\n';
    return s;
}

} // namespace

QString toMarkdown(const QList<Exchange>& exchanges, bool reveal, const QString& title)
{
    QString s = QStringLiteral("# %1\n\n").arg(title.isEmpty() ? QStringLiteral("Tokenbench trace") : title);
    s += QStringLiteral("%1 exchange(s)%2. Generated by Tokenbench %3.\n")
             .arg(exchanges.size())
             .arg(reveal ? QString() : QStringLiteral("; secrets redacted (shown as fingerprints)"))
             .arg(applicationVersion());
    int n = 0;
    if (!reveal)
        Redactor::learn(exchanges);
    for (const Exchange& original : exchanges) {
        const Exchange e = reveal ? original : Redactor::redact(original);
        ++n;
        s += QStringLiteral("\n## %1. %2\n\n").arg(n).arg(e.purpose.isEmpty() ? QStringLiteral("exchange") : e.purpose);
        s += QStringLiteral("- **Request:** `%1 %2`\n").arg(QString::fromLatin1(e.method), e.url.toString());
        if (e.hasResponse())
            s += QStringLiteral("- **Response:** %1 %2\n").arg(e.status).arg(QString::fromLatin1(e.reason));
        if (e.failure != Exchange::Failure::None)
            s += QStringLiteral("- **Failed:** %1 — %2\n").arg(failureName(e.failure), e.failureText);
        if (e.startedAt.isValid())
            s += QStringLiteral("- **Started:** %1\n").arg(e.startedAt.toUTC().toString(Qt::ISODateWithMs));
        s += QStringLiteral("- **Timing:** request sent %1 ms, first byte %2 ms, complete %3 ms\n")
                 .arg(e.requestSentMs)
                 .arg(e.firstByteMs)
                 .arg(e.durationMs);
        s += QStringLiteral("\n### Request\n\n") + fence(headerText(e.requestHeaders));
        if (!e.requestBody.isEmpty())
            s += u'\n' + fence(e.requestBody);
        if (e.hasResponse()) {
            s += QStringLiteral("\n### Response\n\n") +
                 fence("HTTP/" + (e.httpVersion.isEmpty() ? QByteArray("1.1") : e.httpVersion) + ' ' +
                       QByteArray::number(e.status) + ' ' + e.reason + '\n' + headerText(e.responseHeaders));
            if (!e.responseBody.isEmpty())
                s += u'\n' + fence(isUtf8(e.responseBody) ? e.responseBody
                                                         : QByteArray("(binary, ") + QByteArray::number(e.responseBody.size()) + " bytes)");
        }
    }
    return s;
}

} // namespace Tokenbench::Core::Export
