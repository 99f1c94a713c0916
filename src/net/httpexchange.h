#pragma once

#include "net/preparedrequest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Tokenbench::Core {

// Sends one PreparedRequest through a shared QNetworkAccessManager (connections are reused) and records
// the Exchange. Adds the transport headers Qt would add on its own, explicitly, so the trace lists every
// header that was sent. Enforces Couper's three deadlines and a cap on the response body. Never follows
// redirects, never sends or stores cookies, HTTP/1.1 only (Couper's default).
//
//   start() ──► connecting/writing ──requestSent──► waiting ──metaData──► reading ──► finished()
//                 └ connect timeout        └ ttfb timeout      (body cap)   └ total timeout anywhere
class HttpExchange final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpExchange)

public:
    static constexpr qint64 DefaultMaxBodyBytes = 16 * 1024 * 1024;
    // Response head limits: more header fields or more header bytes than this fail the exchange at once.
    static constexpr int MaxHeaderCount = 100;
    static constexpr qint64 MaxHeaderBytes = 64 * 1024;
    // What Qt's HTTP stack may hold for a reply before it stops reading the socket (the rest waits in the
    // kernel): the body is read from it chunk by chunk and anything past the cap is never buffered.
    static constexpr qint64 ReadBufferBytes = 256 * 1024;

    HttpExchange(QNetworkAccessManager* nam, PreparedRequest request, Timeouts timeouts,
                 QObject* parent = nullptr);
    ~HttpExchange() override;

    void setMaxBodyBytes(qint64 bytes) { m_maxBody = bytes; }
    void start();
    void cancel();
    bool isRunning() const { return m_reply != nullptr; }
    const Exchange& exchange() const { return m_exchange; }

    // The headers that go on the wire for `request` (the request's own plus the transport's).
    static HttpHeaders wireHeaders(const PreparedRequest& request);
    static QByteArray userAgent();

Q_SIGNALS:
    void started(const Tokenbench::Core::Exchange& exchange);
    void finished(const Tokenbench::Core::Exchange& exchange);

private:
    void onRequestSent();
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void fail(Exchange::Failure failure, const QString& text);
    bool checkResponseHead();
    QString proxyName() const;
    void stopTimers();

    QPointer<QNetworkAccessManager> m_nam;
    PreparedRequest m_request;
    Timeouts m_timeouts;
    qint64 m_maxBody = DefaultMaxBodyBytes;
    Exchange m_exchange;
    QNetworkReply* m_reply = nullptr;
    QTimer* m_connectTimer = nullptr;
    QTimer* m_ttfbTimer = nullptr;
    QTimer* m_totalTimer = nullptr;
    QElapsedTimer m_clock;
    QStringList m_sslErrors;
    bool m_done = false;
    bool m_headChecked = false;
};

} // namespace Tokenbench::Core
