#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace Tokenbench::Core {

struct HttpHeader
{
    QByteArray name;
    QByteArray value;
    friend bool operator==(const HttpHeader&, const HttpHeader&) = default;
};
using HttpHeaders = QList<HttpHeader>;

QByteArray headerValue(const HttpHeaders& headers, QByteArrayView name); // first match, case-insensitive

// One HTTP exchange as it went over the wire: the request exactly as sent (every header, including those
// the transport adds), the response as received, and the timing of each phase.
struct Exchange
{
    enum class Failure {
        None,
        ConnectionRefused,
        HostNotFound,
        Tls,
        ConnectTimeout,
        TtfbTimeout,
        TotalTimeout,
        ClosedEarly,  // the server closed the connection before the response was complete
        TooLarge,     // the body exceeded the cap; what arrived up to the cap is kept
        Protocol,     // the server's answer was not valid HTTP
        Canceled,
        Other,
    };

    quint64 id = 0;
    QString purpose; // "token request", "resource check", ...
    QString backend; // the workspace backend it was sent for (set by whoever runs it); empty when none
    QByteArray method;
    QUrl url;
    HttpHeaders requestHeaders;
    QByteArray requestBody;

    int status = 0; // 0 when no response arrived
    QByteArray reason;
    QByteArray httpVersion;
    HttpHeaders responseHeaders;
    QByteArray responseBody;
    qint64 responseBytes = 0; // bytes received, even beyond the cap

    QDateTime startedAt;
    qint64 requestSentMs = -1; // connection (if new) established and request written
    qint64 firstByteMs = -1;   // response headers arrived
    qint64 durationMs = -1;    // complete

    Failure failure = Failure::None;
    QString failureText; // what happened and what to try
    // Values the redactor hides wherever they appear (e.g. a beta token that a modifier put into a custom
    // header or the query), beyond the sensitive fields and headers it knows by name.
    QList<QByteArray> secretValues;

    bool hasResponse() const { return status > 0; }
    bool isComplete() const { return durationMs >= 0; }
};

QString failureName(Exchange::Failure failure);

// Whoever must see every exchange as soon as it exists (the Redactor, which learns its secrets) registers
// here; HttpExchange reports each exchange when it is built and when it ends. One observer per process.
using ExchangeObserver = void (*)(const Exchange& exchange);
void setExchangeObserver(ExchangeObserver observer);
void observeExchange(const Exchange& exchange);

} // namespace Tokenbench::Core

Q_DECLARE_METATYPE(Tokenbench::Core::Exchange)
