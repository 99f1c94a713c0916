#pragma once

#include "net/preparedrequest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QTcpSocket;
class QTimer;

namespace Tokenbench::Core {

// Sends one PreparedRequest over HTTP/1.1 and records the Exchange: Tokenbench's own small client on a
// QTcpSocket (a QSslSocket for https), so every byte that goes out is one the trace lists and every byte that comes
// in passes through a bounded buffer. Connections are kept alive and reused per origin and transport (TLS
// and proxy settings) in a pool owned by the shared QNetworkAccessManager, which here only serves as the
// process's network context. Enforces Couper's three deadlines, caps the response head and body, never
// follows redirects, never sends or stores cookies; a forward proxy gets absolute-form requests (http) or
// a CONNECT tunnel (https).
//
//   start() ──► connecting (proxy, tunnel, TLS) / writing ──requestSent──► waiting ──head──► reading ──► finished()
//                 └ connect timeout                              └ ttfb timeout    (caps)      └ total timeout anywhere
class HttpExchange final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpExchange)

public:
    static constexpr qint64 DefaultMaxBodyBytes = 16 * 1024 * 1024;
    // Response head limits: more header fields or more header bytes than this fail the exchange at once.
    static constexpr int MaxHeaderCount = 100;
    static constexpr qint64 MaxHeaderBytes = 64 * 1024;
    // What the socket may hold before it stops reading (the rest waits in the kernel): the body is taken
    // from it as it comes and anything past the cap is never buffered.
    static constexpr qint64 ReadBufferBytes = 64 * 1024;

    HttpExchange(QNetworkAccessManager* nam, PreparedRequest request, Timeouts timeouts,
                 QObject* parent = nullptr);
    ~HttpExchange() override;

    void setMaxBodyBytes(qint64 bytes) { m_maxBody = bytes; }
    void start();
    void cancel();
    bool isRunning() const { return m_socket != nullptr && !m_done; }
    const Exchange& exchange() const { return m_exchange; }

    // The headers that go on the wire for `request` (the request's own plus the transport's).
    static HttpHeaders wireHeaders(const PreparedRequest& request);
    static QByteArray userAgent();

Q_SIGNALS:
    void started(const Tokenbench::Core::Exchange& exchange);
    void finished(const Tokenbench::Core::Exchange& exchange);

private:
    enum class Stage {
        Connecting,    // TCP to the server or the proxy
        Tunnelling,    // CONNECT sent to the proxy, waiting for its answer
        Handshaking,   // TLS
        Writing,       // the request
        Head,          // waiting for / reading the status line and headers
        Body,          // reading the body
        Done,
    };
    enum class Framing { None, Length, Chunked, UntilClose };
    enum class ChunkState { Size, Data, DataEnd, Trailer };

    void connectSocket();
    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onBytesWritten(qint64 bytes);
    void onSocketError();
    void writeRequest();
    void readTunnelAnswer();
    bool readHead();
    bool readBody();
    bool takeBody(const char* data, qint64 size);
    bool checkResponseHead();
    void complete();
    void fail(Exchange::Failure failure, const QString& text);
    void failTransport();
    void releaseSocket(bool keepAlive);
    QString proxyName() const;
    QString poolKey() const;
    void stopTimers();

    QPointer<QNetworkAccessManager> m_nam;
    PreparedRequest m_request;
    Timeouts m_timeouts;
    qint64 m_maxBody = DefaultMaxBodyBytes;
    Exchange m_exchange;
    QTcpSocket* m_socket = nullptr; // a QSslSocket for https
    bool m_reused = false; // the socket came from the pool (a stale one is retried once on a new one)
    bool m_retried = false;
    Stage m_stage = Stage::Connecting;
    QByteArray m_out;     // request bytes to write
    qint64 m_unwritten = 0;
    QByteArray m_in;      // unparsed response bytes (head, chunk lines)
    qint64 m_announced = -1;
    Framing m_framing = Framing::None;
    ChunkState m_chunkState = ChunkState::Size;
    qint64 m_chunkLeft = 0;
    bool m_closeAfter = false;
    QTimer* m_connectTimer = nullptr;
    QTimer* m_ttfbTimer = nullptr;
    QTimer* m_totalTimer = nullptr;
    QElapsedTimer m_clock;
    QStringList m_sslErrors;
    bool m_done = false;
};

} // namespace Tokenbench::Core
