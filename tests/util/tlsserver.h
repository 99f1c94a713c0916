#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QStringList>
#include <QTcpServer>
#include <QUrl>

namespace Tokenbench::Test {

// A small real TLS server on 127.0.0.1 for the TLS faults (untrusted, wrong name, expired certificate,
// client certificate missing or refused). Qt 6.4 has no QSslServer: incomingConnection() wraps each
// descriptor in a QSslSocket and starts server-side encryption. Once a request's headers have arrived it
// answers with one canned HTTP response.
//
// With client CA certificates set, the server requires a client certificate issued by one of them and
// fails the handshake with a TLS alert (like nginx, Go or OpenSSL servers) when none or another one is
// presented.
class TlsServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsServer)

public:
    explicit TlsServer(QObject* parent = nullptr);
    ~TlsServer() override;

    void setCertificate(const QSslCertificate& certificate, const QSslKey& key)
    {
        m_certificate = certificate;
        m_key = key;
    }
    void setClientCaCertificates(const QList<QSslCertificate>& cas) { m_clientCas = cas; }
    void setResponse(const QByteArray& rawResponse) { m_response = rawResponse; }

    bool listen(); // 127.0.0.1, a free port
    QUrl url(const QString& path) const;

    int requestCount() const { return m_requests; }
    QStringList handshakeErrors() const { return m_handshakeErrors; } // what the server side saw

Q_SIGNALS:
    void handshakeFailed(const QString& error);
    void requestReceived();

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QSslCertificate m_certificate;
    QSslKey m_key;
    QList<QSslCertificate> m_clientCas;
    QByteArray m_response;
    int m_requests = 0;
    QStringList m_handshakeErrors;
};

} // namespace Tokenbench::Test
