#pragma once

#include <functional>
#include <memory>

#include <QList>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace Tokenbench::Test {

// A small real socket server for what an authorization server will not do on demand: capture the exact
// bytes a client sends, answer with fixed bytes, hang, close mid-body, drip slowly, speak garbage.
class RawHttpServer final : public QObject
{
    Q_OBJECT

public:
    // Called once a complete request (headers + Content-Length body) has arrived on a connection.
    using Behaviour = std::function<void(QTcpSocket* socket, const QByteArray& request)>;

    explicit RawHttpServer(QObject* parent = nullptr);
    ~RawHttpServer() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString& path) const;
    void setBehaviour(Behaviour behaviour) { m_behaviour = std::move(behaviour); }

    QList<QByteArray> requests() const { return m_requests; } // raw bytes of each complete request
    int connectionCount() const { return m_connections; }

    // Ready-made behaviours.
    static Behaviour respond(int status, const QByteArray& contentType, const QByteArray& body,
                             const QList<QPair<QByteArray, QByteArray>>& extraHeaders = {});
    static Behaviour hang();
    static Behaviour closeMidBody(const QByteArray& partialBody, int announcedLength);
    static Behaviour drip(const QByteArray& body, int bytesPerTick, int tickMs);
    static Behaviour garbage(const QByteArray& bytes);
    // A 200 response of `totalBytes` (announced in Content-Length), produced lazily in 64 KiB chunks as the
    // socket drains, so a body of hundreds of MB never sits in memory on either side of the test.
    // `streamed`, when given, counts the bytes handed to the socket.
    static Behaviour stream(qint64 totalBytes, const QByteArray& contentType,
                            std::shared_ptr<qint64> streamed = {});

Q_SIGNALS:
    void requestReceived(const QByteArray& request);

private:
    QTcpServer m_server;
    Behaviour m_behaviour;
    QList<QByteArray> m_requests;
    int m_connections = 0;
};

} // namespace Tokenbench::Test
