#include "net/loopbackreceiver.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace Tokenbench::Core {

LoopbackReceiver::LoopbackReceiver(QObject* parent) : QObject(parent) {}

LoopbackReceiver::~LoopbackReceiver()
{
    close();
}

bool LoopbackReceiver::isLoopbackHost(const QString& host)
{
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Result<QUrl> LoopbackReceiver::listen(const QString& configured)
{
    close();
    m_done = false;
    const QString text = configured.trimmed().isEmpty() ? QStringLiteral("http://127.0.0.1/callback") : configured.trimmed();
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"http" || url.host().isEmpty())
        return Error{Error::Code::Usage,
                     QStringLiteral("redirect_uri \"%1\" must be an http URL on the loopback interface, e.g. "
                                    "http://127.0.0.1/callback (RFC 8252 §7.3)")
                         .arg(text),
                     QStringLiteral("redirect_uri")};
    if (!isLoopbackHost(url.host()))
        return Error{Error::Code::Usage,
                     QStringLiteral("redirect_uri host \"%1\" is not a loopback address: Tokenbench receives the "
                                    "redirect on 127.0.0.1 (or [::1], localhost) only")
                         .arg(url.host()),
                     QStringLiteral("redirect_uri")};
    if (url.hasFragment())
        return Error{Error::Code::Usage, QStringLiteral("redirect_uri must not contain a fragment (#...)"),
                     QStringLiteral("redirect_uri")};
    const QHostAddress address = url.host().compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0
                                     ? QHostAddress(QHostAddress::LocalHost)
                                     : QHostAddress(url.host());
    m_server = new QTcpServer(this);
    const int port = url.port(0);
    if (!m_server->listen(address, quint16(port))) {
        const QString why = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return Error{Error::Code::Transport,
                     port ? QStringLiteral("cannot listen on %1 port %2 for the redirect: %3; free the port or "
                                           "leave the port out of redirect_uri for a random one")
                                .arg(address.toString())
                                .arg(port)
                                .arg(why)
                          : QStringLiteral("cannot listen on %1 for the redirect: %2").arg(address.toString(), why),
                     QStringLiteral("redirect_uri")};
    }
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackReceiver::onNewConnection);
    url.setPort(m_server->serverPort());
    m_path = url.path().isEmpty() ? QStringLiteral("/") : url.path();
    if (url.path().isEmpty())
        url.setPath(QStringLiteral("/"));
    m_redirectUri = url;
    return url;
}

void LoopbackReceiver::close()
{
    if (m_server) {
        m_server->close();
        m_server->deleteLater();
        m_server = nullptr;
    }
}

bool LoopbackReceiver::isListening() const
{
    return m_server && m_server->isListening();
}

void LoopbackReceiver::setPage(bool success, const QString& title, const QString& message)
{
    m_page = PageSpec{true, success, false, title, message};
}

void LoopbackReceiver::ignoreRequest(const QString& title, const QString& message)
{
    m_page = PageSpec{true, false, true, title, message};
}

Result<LoopbackRequest> LoopbackReceiver::parseRequest(QByteArrayView head)
{
    const qsizetype lineEnd = head.indexOf("\r\n");
    if (lineEnd < 0)
        return Error{Error::Code::Usage, QStringLiteral("incomplete request line"), {}};
    const QByteArrayView line = head.first(lineEnd);
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.sliced(sp1 + 1).indexOf(' ');
    if (sp1 <= 0 || sp2 <= 0)
        return Error{Error::Code::Usage, QStringLiteral("malformed request line"), {}};
    LoopbackRequest r;
    r.method = line.first(sp1).toByteArray();
    const QByteArrayView target = line.sliced(sp1 + 1, sp2);
    const QByteArrayView version = line.sliced(sp1 + 1 + sp2 + 1);
    if (!version.startsWith("HTTP/1."))
        return Error{Error::Code::Usage, QStringLiteral("unsupported HTTP version"), {}};
    if (!target.startsWith('/'))
        return Error{Error::Code::Usage, QStringLiteral("the request target must be a path"), {}};
    const qsizetype q = target.indexOf('?');
    const QByteArrayView rawPath = q < 0 ? target : target.first(q);
    r.path = QUrl::fromPercentEncoding(rawPath.toByteArray());
    if (q >= 0) {
        // Form-style decoding: '+' is a space in a query built by a server's redirect.
        QByteArray query = target.sliced(q + 1).toByteArray();
        query.replace('+', "%20");
        r.query.setQuery(QString::fromLatin1(query));
    }
    return r;
}

QByteArray LoopbackReceiver::page(bool success, const QString& title, const QString& message)
{
    const QString colour = success ? QStringLiteral("#2ea043") : QStringLiteral("#cf222e");
    const QString html =
        QStringLiteral("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Tokenbench: %1</title>"
                       "<style>body{font-family:sans-serif;margin:4em auto;max-width:36em;color:#1f2328}"
                       "h1{color:%3;font-size:1.4em}</style></head><body><h1>%1</h1><p>%2</p>"
                       "<p>You can close this tab and return to Tokenbench.</p></body></html>")
            .arg(title.toHtmlEscaped(), message.toHtmlEscaped(), colour);
    return html.toUtf8();
}

void LoopbackReceiver::onNewConnection()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket* socket = m_server->nextPendingConnection();
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void LoopbackReceiver::onReadyRead(QTcpSocket* socket)
{
    QByteArray buffer = socket->property("tbBuffer").toByteArray() + socket->readAll();
    if (buffer.size() > MaxRequestHeadBytes) {
        respond(socket, 431, "Request Header Fields Too Large",
                page(false, tr("Request too large"), tr("The request to the loopback listener was too large.")));
        return;
    }
    if (!buffer.contains("\r\n\r\n")) {
        socket->setProperty("tbBuffer", buffer);
        return;
    }
    socket->setProperty("tbBuffer", QByteArray());
    auto request = parseRequest(QByteArrayView(buffer));
    if (!request) {
        respond(socket, 400, "Bad Request", page(false, tr("Bad request"), request.error().message));
        return;
    }
    if (request->path != m_path) {
        respond(socket, 404, "Not Found",
                page(false, tr("Not found"), tr("Tokenbench waits for the redirect at %1.").arg(m_path)));
        return;
    }
    if (request->method != "GET") {
        respond(socket, 405, "Method Not Allowed",
                page(false, tr("Method not allowed"), tr("The redirect must arrive as a GET request.")));
        return;
    }
    if (m_done) {
        respond(socket, 410, "Gone",
                page(false, tr("Already received"),
                     tr("Tokenbench already received a redirect for this sign-in; start a new run to sign in "
                        "again.")));
        return;
    }
    m_done = true;
    m_page = {};
    Q_EMIT callbackReceived(request->query);
    if (m_page.ignored)
        m_done = false; // not this sign-in's redirect: keep waiting for it
    if (!m_page.set)
        m_page = PageSpec{true, true, false, tr("Signed in"), tr("Tokenbench received the authorization response.")};
    respond(socket, m_page.success ? 200 : 400, m_page.success ? QByteArrayLiteral("OK") : QByteArrayLiteral("Bad Request"),
            page(m_page.success, m_page.title, m_page.message));
}

void LoopbackReceiver::respond(QTcpSocket* socket, int status, const QByteArray& reason, const QByteArray& body)
{
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    response += "Content-Type: text/html; charset=utf-8\r\n";
    response += "Cache-Control: no-store\r\n";
    response += "Connection: close\r\n";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    response += body;
    socket->write(response);
    socket->disconnectFromHost();
}

} // namespace Tokenbench::Core
