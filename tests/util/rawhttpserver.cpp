#include "util/rawhttpserver.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace Tokenbench::Test {

namespace {

// Length of a complete request at the start of `buffer`, or -1 when more bytes are needed.
qsizetype completeRequestLength(const QByteArray& buffer)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return -1;
    qsizetype length = 0;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    for (const QByteArray& raw : lines) {
        const QByteArray line = raw.trimmed();
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    const qsizetype total = headerEnd + 4 + length;
    return buffer.size() >= total ? total : -1;
}

QByteArray statusLine(int status)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " Status\r\n";
}

} // namespace

RawHttpServer::RawHttpServer(QObject* parent) : QObject(parent)
{
    m_behaviour = respond(200, "application/json", R"({"access_token":"raw-server-token","expires_in":60})");
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            ++m_connections;
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                buffer->append(socket->readAll());
                for (;;) {
                    const qsizetype n = completeRequestLength(*buffer);
                    if (n < 0)
                        return;
                    const QByteArray request = buffer->left(n);
                    buffer->remove(0, n);
                    m_requests.append(request);
                    Q_EMIT requestReceived(request);
                    m_behaviour(socket, request);
                }
            });
        }
    });
}

RawHttpServer::~RawHttpServer() = default;

bool RawHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl RawHttpServer::url(const QString& path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path));
}

RawHttpServer::Behaviour RawHttpServer::respond(int status, const QByteArray& contentType, const QByteArray& body,
                                                const QList<QPair<QByteArray, QByteArray>>& extraHeaders)
{
    return [=](QTcpSocket* socket, const QByteArray&) {
        QByteArray out = statusLine(status);
        if (!contentType.isEmpty())
            out += "Content-Type: " + contentType + "\r\n";
        for (const auto& h : extraHeaders)
            out += h.first + ": " + h.second + "\r\n";
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        socket->write(out);
    };
}

RawHttpServer::Behaviour RawHttpServer::hang()
{
    return [](QTcpSocket*, const QByteArray&) {};
}

RawHttpServer::Behaviour RawHttpServer::closeMidBody(const QByteArray& partialBody, int announcedLength)
{
    return [=](QTcpSocket* socket, const QByteArray&) {
        socket->write(statusLine(200) + "Content-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(announcedLength) + "\r\n\r\n" + partialBody);
        socket->flush();
        socket->disconnectFromHost();
    };
}

RawHttpServer::Behaviour RawHttpServer::drip(const QByteArray& body, int bytesPerTick, int tickMs)
{
    return [=](QTcpSocket* socket, const QByteArray&) {
        socket->write(statusLine(200) + "Content-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n");
        auto* timer = new QTimer(socket);
        auto offset = std::make_shared<qsizetype>(0);
        QObject::connect(timer, &QTimer::timeout, socket, [=] {
            socket->write(body.mid(*offset, bytesPerTick));
            *offset += bytesPerTick;
            if (*offset >= body.size())
                timer->stop();
        });
        timer->start(tickMs);
    };
}

RawHttpServer::Behaviour RawHttpServer::garbage(const QByteArray& bytes)
{
    return [=](QTcpSocket* socket, const QByteArray&) {
        socket->write(bytes);
        socket->flush();
        socket->disconnectFromHost();
    };
}

RawHttpServer::Behaviour RawHttpServer::stream(qint64 totalBytes, const QByteArray& contentType,
                                               std::shared_ptr<qint64> streamed)
{
    return [=](QTcpSocket* socket, const QByteArray&) {
        socket->write(statusLine(200) + "Content-Type: " + contentType +
                      "\r\nContent-Length: " + QByteArray::number(totalBytes) + "\r\n\r\n");
        static constexpr qint64 Chunk = 64 * 1024;
        const QByteArray chunk(Chunk, 'x');
        auto sent = std::make_shared<qint64>(0);
        QPointer<QTcpSocket> guard(socket);
        auto pump = [guard, sent, streamed, totalBytes, chunk] {
            // Keep at most a few chunks queued: the next ones are written as the peer reads.
            while (guard && guard->state() == QAbstractSocket::ConnectedState && *sent < totalBytes &&
                   guard->bytesToWrite() < 4 * Chunk) {
                const qint64 n = qMin<qint64>(Chunk, totalBytes - *sent);
                if (guard->write(chunk.constData(), n) != n)
                    return;
                *sent += n;
                if (streamed)
                    *streamed = *sent;
            }
        };
        QObject::connect(socket, &QTcpSocket::bytesWritten, socket, pump);
        pump();
    };
}

} // namespace Tokenbench::Test
