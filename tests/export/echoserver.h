// An httpbin-style hostile peer for the canary tests: a token endpoint and resource that echo everything
// they receive (headers, form, the decoded Basic credential, the query) into their JSON answers, response
// headers and error_description; and every encoding in which a secret may come back.
#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include "net/formencoding.h"
#include "util/rawhttpserver.h"

namespace Tokenbench::Test::Echo {

namespace Form = Core::Form;

inline const QString ClientId = QStringLiteral("echo client");

inline QByteArray jsonEscaped(const QString& value)
{
    const QByteArray doc = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return doc.mid(2, doc.size() - 4);
}

// Every form in which a secret may be echoed back, each named for the failure message.
inline QList<QPair<QString, QByteArray>> encodings(const QString& secret)
{
    QByteArray slashed = jsonEscaped(secret);
    slashed.replace("/", "\\/");
    return {
        {QStringLiteral("raw"), secret.toUtf8()},
        {QStringLiteral("form-encoded"), Form::escape(secret)},
        {QStringLiteral("form-encoded, lower-case hex"), Form::escape(secret).toLower()},
        {QStringLiteral("percent-encoded"), QUrl::toPercentEncoding(secret)},
        {QStringLiteral("JSON-escaped"), jsonEscaped(secret)},
        {QStringLiteral("JSON-escaped with \\/"), slashed},
        {QStringLiteral("base64 of id:secret"), Form::basicAuthorization(ClientId, secret).mid(6)},
        {QStringLiteral("base64 of raw id:secret"), Form::basicAuthorization(ClientId, secret, true).mid(6)},
        {QStringLiteral("base64"), secret.toUtf8().toBase64()},
    };
}

// Request line, headers and body of a raw request.
struct Request
{
    QByteArray method, target, body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray header(const QByteArray& name) const
    {
        for (const auto& h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

inline Request parse(const QByteArray& raw)
{
    Request r;
    const qsizetype end = raw.indexOf("\r\n\r\n");
    const QList<QByteArray> lines = raw.left(end).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    r.method = first.value(0);
    r.target = first.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            r.headers.append({lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
    }
    r.body = raw.mid(end + 4);
    return r;
}

// httpbin's /anything, plus an OAuth2 error (or a token) on /token.
inline RawHttpServer::Behaviour echo(const QString& issuedToken)
{
    return [issuedToken](QTcpSocket* socket, const QByteArray& raw) {
        const Request r = parse(raw);
        QJsonObject headers;
        for (const auto& h : r.headers)
            headers.insert(QString::fromLatin1(h.first), QString::fromLatin1(h.second));
        QJsonObject form;
        for (const auto& [name, value] : Form::decode(r.body))
            form.insert(name, value);
        QByteArray basic;
        const QByteArray authorization = r.header("Authorization");
        if (authorization.startsWith("Basic "))
            basic = QByteArray::fromBase64(authorization.mid(6));
        QJsonObject o;
        o.insert(QStringLiteral("method"), QString::fromLatin1(r.method));
        o.insert(QStringLiteral("url"), QString::fromLatin1(r.target));
        o.insert(QStringLiteral("headers"), headers);
        o.insert(QStringLiteral("data"), QString::fromUtf8(r.body));
        o.insert(QStringLiteral("form"), form);
        o.insert(QStringLiteral("basic_decoded"), QString::fromUtf8(basic));
        int status = 200;
        if (r.target.startsWith("/token")) {
            if (issuedToken.isEmpty()) {
                status = 401;
                o.insert(QStringLiteral("error"), QStringLiteral("invalid_client"));
                o.insert(QStringLiteral("error_description"),
                         QStringLiteral("client authentication failed for %1 (%2) with %3 at %4")
                             .arg(QString::fromLatin1(authorization), QString::fromUtf8(basic),
                                  QString::fromUtf8(r.body), QString::fromLatin1(r.target)));
            } else {
                o.insert(QStringLiteral("access_token"), issuedToken);
                o.insert(QStringLiteral("token_type"), QStringLiteral("Bearer"));
                o.insert(QStringLiteral("expires_in"), 60);
            }
        }
        const QByteArray body = QJsonDocument(o).toJson(QJsonDocument::Compact);
        QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " Unauthorized") + "\r\n";
        out += "Content-Type: application/json\r\n";
        if (!authorization.isEmpty())
            out += "X-Echo-Authorization: " + authorization + "\r\n";
        if (!r.body.isEmpty())
            out += "X-Echo-Body: " + r.body + "\r\n";
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        socket->write(out);
    };
}


} // namespace Tokenbench::Test::Echo
