#include "util/tlsserver.h"

#include <memory>

#include <QHostAddress>
#include <QSslConfiguration>
#include <QSslSocket>

namespace Tokenbench::Test {

TlsServer::TlsServer(QObject* parent) : QTcpServer(parent)
{
    const QByteArray body = QByteArrayLiteral("{\"access_token\":\"tls-server-token\",\"expires_in\":60}");
    m_response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

TlsServer::~TlsServer() = default;

bool TlsServer::listen()
{
    return QTcpServer::listen(QHostAddress::LocalHost, 0);
}

QUrl TlsServer::url(const QString& path) const
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1%2").arg(serverPort()).arg(path));
}

void TlsServer::incomingConnection(qintptr descriptor)
{
    auto* socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(m_certificate);
    config.setPrivateKey(m_key);
    if (!m_clientCas.isEmpty()) {
        config.setCaCertificates(m_clientCas);
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
        // Fail inside the handshake with an alert, as real servers do, instead of closing afterwards.
        config.setMissingCertificateIsFatal(true);
        config.setHandshakeMustInterruptOnError(true);
    } else {
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
    }
    socket->setSslConfiguration(config);

    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
        for (const QSslError& e : errors)
            m_handshakeErrors << e.errorString();
    });
    connect(socket, &QSslSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError && !socket->isEncrypted()) {
            m_handshakeErrors << socket->errorString();
            Q_EMIT handshakeFailed(socket->errorString());
        }
    });
    connect(socket, &QSslSocket::readyRead, this, [this, socket, buffer] {
        buffer->append(socket->readAll());
        if (!buffer->contains("\r\n\r\n"))
            return;
        buffer->clear();
        ++m_requests;
        Q_EMIT requestReceived();
        socket->write(m_response);
    });
    socket->startServerEncryption();
}

} // namespace Tokenbench::Test
