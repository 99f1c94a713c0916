#include "net/httpexchange.h"

#include "net/networkaccessmanager.h"
#include "net/tlsconfig.h"
#include "util/logging.h"

#include <algorithm>
#include <atomic>

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace Tokenbench::Core {

namespace {

std::atomic<quint64> g_nextId{1};

QString hostPort(const QUrl& url)
{
    return url.host() + u':' + QString::number(url.port(url.scheme() == u"https" ? 443 : 80));
}

QString seconds(qint64 ms)
{
    if (ms % 1000 == 0)
        return QString::number(ms / 1000) + u's';
    return QString::number(ms) + QStringLiteral("ms");
}

QString mebibytes(qint64 bytes)
{
    const double mib = double(bytes) / (1024 * 1024);
    return (bytes % (1024 * 1024) == 0 ? QString::number(bytes / (1024 * 1024))
                                       : QString::number(mib, 'f', 1)) +
           QStringLiteral(" MiB");
}

// Server text for a message: printable ASCII only (anything else as \xNN), cut to `max` characters.
QString serverText(const QByteArray& raw, int max = 80)
{
    QString out;
    for (const char c : raw.left(max)) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7f)
            out += QLatin1Char(c);
        else
            out += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
    }
    if (raw.size() > max)
        out += QStringLiteral("\u2026");
    return out;
}

QString utcDate(const QDateTime& when)
{
    return when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString certificateNames(const QSslCertificate& cert)
{
    QStringList names;
    const auto alternates = cert.subjectAlternativeNames();
    for (auto it = alternates.cbegin(); it != alternates.cend(); ++it)
        names << it.value();
    if (names.isEmpty())
        names = cert.subjectInfo(QSslCertificate::CommonName);
    names.removeDuplicates();
    return names.isEmpty() ? QStringLiteral("no name") : names.join(QStringLiteral(", "));
}

QString issuerName(const QSslCertificate& cert)
{
    const QStringList cn = cert.issuerInfo(QSslCertificate::CommonName);
    return cn.isEmpty() ? cert.issuerDisplayName() : cn.constFirst();
}

// One certificate problem as "kind\x1fexplanation"; the kind picks the advice in tlsFailureText().
QString describeSslError(const QSslError& e, const QString& host)
{
    const QSslCertificate cert = e.certificate();
    switch (e.error()) {
    case QSslError::HostNameMismatch:
        return QStringLiteral(
                   "hostname\x1fthe certificate is for %1, not for the host name \"%2\" in the URL")
            .arg(certificateNames(cert), host);
    case QSslError::CertificateExpired:
        return QStringLiteral("expired\x1fthe certificate%1 expired on %2")
            .arg(cert.isNull() ? QString() : QStringLiteral(" of ") + certificateNames(cert),
                 utcDate(cert.expiryDate()));
    case QSslError::CertificateNotYetValid:
        return QStringLiteral("notyet\x1fthe certificate is not valid before %1")
            .arg(utcDate(cert.effectiveDate()));
    case QSslError::SelfSignedCertificate:
        return QStringLiteral("untrusted\x1fthe certificate is not trusted: it is self-signed");
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
        return QStringLiteral(
                   "untrusted\x1fthe certificate is not trusted: its issuer \"%1\" is not a certificate "
                   "authority this system trusts")
            .arg(cert.isNull() ? e.errorString() : issuerName(cert));
    case QSslError::CertificateRevoked:
        return QStringLiteral("other\x1fthe certificate has been revoked");
    default:
        return QStringLiteral("other\x1f") + e.errorString();
    }
}

QString tlsAdvice(const QString& kind)
{
    if (kind == u"hostname")
        return QStringLiteral(
            "use a host name the certificate lists, or have the certificate reissued with this host "
            "name in its subjectAltName");
    if (kind == u"expired")
        return QStringLiteral(
            "the server's certificate must be renewed (if it should still be valid, check this "
            "machine's clock)");
    if (kind == u"notyet")
        return QStringLiteral("check this machine's clock, or wait until the certificate is valid");
    if (kind == u"untrusted")
        return QStringLiteral(
            "if the server uses a private CA or a self-signed certificate, trust that CA for this backend: "
            "tls { server_ca_certificate_file = \"ca.pem\" } (the TLS section of the backend form; CLI "
            "--server-ca-certificate FILE), or add it to this system's trust store (e.g. "
            "/usr/local/share/ca-certificates and update-ca-certificates); do not disable certificate validation");
    return QStringLiteral("check the server's TLS configuration");
}

// The peer ended the handshake with an alert about our client certificate (RFC 8446 6.2): which one, or
// empty.
QString clientCertificateAlert(const QString& errorString)
{
    const QString e = errorString.toLower();
    for (const char* alert :
         {"certificate required", "unknown ca", "bad certificate", "certificate unknown",
          "certificate expired", "certificate revoked", "unsupported certificate", "access denied"}) {
        if (e.contains(QLatin1String(alert)))
            return QLatin1String(alert);
    }
    return {};
}

QString tlsFailureText(const QString& where, const QStringList& problems)
{
    QStringList texts, advice;
    for (const QString& p : problems) {
        const qsizetype sep = p.indexOf(u'\x1f');
        texts << p.mid(sep + 1);
        const QString a = tlsAdvice(p.left(sep));
        if (!advice.contains(a))
            advice << a;
    }
    return QStringLiteral("TLS handshake with %1 failed, its certificate was refused: %2. Try: %3")
        .arg(where, texts.join(QStringLiteral("; ")), advice.join(QStringLiteral("; ")));
}

QString clientCertificateText(const QString& where, const QString& alert, const QSslCertificate& presented)
{
    if (presented.isNull()) {
        if (alert == u"certificate required" || alert == u"handshake failure")
            return QStringLiteral(
                       "%1 requires a client certificate (mutual TLS) and none was presented, so it ended "
                       "the "
                       "TLS handshake (alert: %2). Try: configure the client certificate and key the server "
                       "expects for this client")
                .arg(where, alert);
        return QStringLiteral(
                   "%1 ended the TLS handshake (alert: %2) and no client certificate was presented; the "
                   "server may require one (mutual TLS)")
            .arg(where, alert);
    }
    return QStringLiteral(
               "%1 rejected the client certificate \"%2\" issued by \"%3\" (alert: %4). Try: present a "
               "certificate issued by a CA the server trusts for clients, valid now, with its matching key")
        .arg(where, certificateNames(presented), issuerName(presented), alert);
}


// Idle keep-alive connections, per origin and transport, owned by the process's network context (the
// shared QNetworkAccessManager): a later request to the same origin with the same TLS and proxy settings
// takes one instead of connecting again. An idle connection is dropped after IdleMs, when the peer closes
// it, or when more than MaxIdle wait for one key.
class ConnectionPool final : public QObject
{
public:
    static constexpr int IdleMs = 30'000;
    static constexpr int MaxIdle = 4;

    static ConnectionPool* of(QObject* context)
    {
        static const QString name = QStringLiteral("tokenbench-connection-pool");
        auto* pool = context->findChild<ConnectionPool*>(name, Qt::FindDirectChildrenOnly);
        if (!pool) {
            pool = new ConnectionPool(context);
            pool->setObjectName(name);
        }
        return pool;
    }

    QTcpSocket* take(const QString& key)
    {
        QList<QTcpSocket*>& idle = m_idle[key];
        while (!idle.isEmpty()) {
            QTcpSocket* socket = idle.takeLast();
            socket->disconnect(this);
            if (socket->state() == QAbstractSocket::ConnectedState && socket->bytesAvailable() == 0)
                return socket;
            socket->abort();
            socket->deleteLater();
        }
        return nullptr;
    }

    void put(const QString& key, QTcpSocket* socket)
    {
        socket->setParent(this);
        QList<QTcpSocket*>& idle = m_idle[key];
        idle.append(socket);
        const auto drop = [this, key, socket] {
            if (m_idle[key].removeOne(socket)) {
                socket->disconnect(this);
                socket->abort();
                socket->deleteLater();
            }
        };
        // Anything from the peer while idle (data or a close) ends the connection.
        connect(socket, &QAbstractSocket::readyRead, this, drop);
        connect(socket, &QAbstractSocket::disconnected, this, drop);
        connect(socket, &QAbstractSocket::errorOccurred, this, drop);
        auto* timer = new QTimer(socket);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, drop);
        timer->start(IdleMs);
        while (idle.size() > MaxIdle) {
            QTcpSocket* oldest = idle.takeFirst();
            oldest->disconnect(this);
            oldest->abort();
            oldest->deleteLater();
        }
    }

private:
    using QObject::QObject;
    QHash<QString, QList<QTcpSocket*>> m_idle;
};

// The client certificate a TLS socket presented (none for a plain one).
QSslCertificate localCertificateOf(QTcpSocket* socket)
{
    auto* tls = qobject_cast<QSslSocket*>(socket);
    return tls ? tls->sslConfiguration().localCertificate() : QSslCertificate();
}

// Every value of a field, joined with ", " (RFC 9110 section 5.3).
QByteArray joinedHeader(const HttpHeaders& headers, QByteArrayView name)
{
    QByteArray out;
    for (const HttpHeader& h : headers) {
        if (h.name.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (!out.isEmpty())
            out += ", ";
        out += h.value;
    }
    return out;
}

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

} // namespace


HttpExchange::HttpExchange(QNetworkAccessManager* nam, PreparedRequest request, Timeouts timeouts, QObject* parent)
    : QObject(parent), m_nam(nam), m_request(std::move(request)), m_timeouts(timeouts)
{
    m_exchange.id = g_nextId.fetch_add(1);
    m_exchange.purpose = m_request.purpose;
    m_exchange.method = m_request.method;
    m_exchange.url = m_request.url;
    m_exchange.requestHeaders = wireHeaders(m_request);
    m_exchange.requestBody = m_request.body;
    // The redactor learns the secrets of every exchange (request now, issued tokens when it ends), before
    // anything is shown or printed; connected first, so it runs before every other receiver.
    observeExchange(m_exchange);
    connect(this, &HttpExchange::finished, this, [](const Exchange& e) { observeExchange(e); });
}

HttpExchange::~HttpExchange()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
}

QByteArray HttpExchange::userAgent()
{
    return QByteArrayLiteral("Tokenbench/" TOKENBENCH_VERSION);
}

HttpHeaders HttpExchange::wireHeaders(const PreparedRequest& request)
{
    HttpHeaders headers;
    const QUrl& url = request.url;
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int defaultPort = url.scheme() == u"https" ? 443 : 80;
    if (url.port(defaultPort) != defaultPort)
        host += ':' + QByteArray::number(url.port());
    headers.append({QByteArrayLiteral("Host"), host});
    bool hasUserAgent = false;
    for (const HttpHeader& h : request.headers) {
        headers.append(h);
        hasUserAgent = hasUserAgent || h.name.compare("User-Agent", Qt::CaseInsensitive) == 0;
    }
    if (!request.body.isEmpty() || request.method == "POST" || request.method == "PUT" || request.method == "PATCH")
        headers.append({QByteArrayLiteral("Content-Length"), QByteArray::number(request.body.size())});
    if (!hasUserAgent)
        headers.append({QByteArrayLiteral("User-Agent"), userAgent()});
    headers.append({QByteArrayLiteral("Accept-Encoding"), QByteArrayLiteral("identity")});
    headers.append({QByteArrayLiteral("Accept-Language"), QByteArrayLiteral("*")});
    headers.append({QByteArrayLiteral("Connection"), QByteArrayLiteral("keep-alive")});
    return headers;
}

QString HttpExchange::proxyName() const
{
    return m_request.transport.proxy.toString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery);
}

QString HttpExchange::poolKey() const
{
    QCryptographicHash key(QCryptographicHash::Sha256);
    const TlsSettings& tls = m_request.transport.tls;
    for (const QByteArray& part :
         {m_request.url.scheme().toUtf8(), m_request.url.host(QUrl::FullyEncoded).toUtf8(),
          QByteArray::number(m_request.url.port(m_request.url.scheme() == u"https" ? 443 : 80)),
          tls.serverCaCertificate, tls.clientCertificate, tls.clientPrivateKey,
          QByteArray(tls.disableCertificateValidation ? "1" : "0"), m_request.transport.proxy.toEncoded()}) {
        key.addData(QByteArray::number(part.size()));
        key.addData(part);
    }
    return QString::fromLatin1(key.result().toHex());
}

void HttpExchange::start()
{
    TB_ASSERT(!m_socket && !m_done);
    m_exchange.startedAt = QDateTime::currentDateTimeUtc();
    m_clock.start();
    Q_EMIT started(m_exchange);

    if (!m_nam) {
        fail(Exchange::Failure::Other, tr("internal error: no network context"));
        return;
    }
    if (!m_request.url.isValid() || (m_request.url.scheme() != u"http" && m_request.url.scheme() != u"https")) {
        fail(Exchange::Failure::Other,
             tr("\"%1\" is not an http or https URL").arg(m_request.url.toString(QUrl::RemoveUserInfo)));
        return;
    }
    if (m_request.url.host().isEmpty()) {
        fail(Exchange::Failure::Other, tr("\"%1\" has no host").arg(m_request.url.toString(QUrl::RemoveUserInfo)));
        return;
    }

    // The request as it goes on the wire: origin form, or absolute form to a forward proxy for http.
    const bool viaProxy = !m_request.transport.proxy.isEmpty();
    const bool tls = m_request.url.scheme() == u"https";
    QByteArray target = m_request.url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (m_request.url.hasQuery())
        target += '?' + m_request.url.query(QUrl::FullyEncoded).toUtf8();
    if (viaProxy && !tls) {
        QUrl absolute = m_request.url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveFragment | QUrl::RemovePath |
                                               QUrl::RemoveQuery);
        target = absolute.toEncoded() + target;
    }
    m_out = m_request.method + ' ' + target + " HTTP/1.1\r\n";
    for (const HttpHeader& h : std::as_const(m_exchange.requestHeaders))
        m_out += h.name + ": " + h.value + "\r\n";
    if (viaProxy && !tls && !m_request.transport.proxy.userName().isEmpty()) {
        const QByteArray credentials = m_request.transport.proxy.userName(QUrl::FullyDecoded).toUtf8() + ':' +
                                       m_request.transport.proxy.password(QUrl::FullyDecoded).toUtf8();
        m_out += "Proxy-Authorization: Basic " + credentials.toBase64() + "\r\n";
    }
    m_out += "\r\n" + m_request.body;

    auto makeTimer = [this](qint64 ms, Exchange::Failure failure, QString text) {
        auto* t = new QTimer(this);
        t->setSingleShot(true);
        t->setTimerType(Qt::PreciseTimer);
        connect(t, &QTimer::timeout, this, [this, failure, text] { fail(failure, text); });
        if (ms > 0)
            t->start(int(qMin<qint64>(ms, std::numeric_limits<int>::max())));
        return t;
    };
    const QString where = hostPort(m_request.url);
    // Through a proxy the connection (and, for https, the tunnel) is the proxy's: name it, not the endpoint.
    m_connectTimer = makeTimer(
        m_timeouts.connectMs, Exchange::Failure::ConnectTimeout,
        viaProxy ? tr("could not reach %1 through the proxy %2 within the connect timeout (%3): the proxy did not "
                      "accept the connection or did not open the tunnel (CONNECT). Check the proxy's address and "
                      "that it may reach %1, or raise connect_timeout")
                       .arg(where, proxyName(), seconds(m_timeouts.connectMs))
                 : tr("could not connect to %1 within the connect timeout (%2); check the host "
                      "and port, a firewall, or raise connect_timeout")
                       .arg(where, seconds(m_timeouts.connectMs)));
    m_ttfbTimer = new QTimer(this);
    m_ttfbTimer->setSingleShot(true);
    connect(m_ttfbTimer, &QTimer::timeout, this, [this, where, viaProxy] {
        fail(Exchange::Failure::TtfbTimeout,
             viaProxy
                 ? tr("no response to the request to %1 came back through the proxy %2 within the "
                      "time-to-first-byte timeout (%3): the proxy or the server behind it is stuck. Check the "
                      "proxy, or raise ttfb_timeout")
                       .arg(where, proxyName(), seconds(m_timeouts.ttfbMs))
                 : tr("%1 accepted the request but sent no response within the time-to-first-byte timeout (%2): "
                      "no complete status line and headers arrived. The server may be stuck, or sending header "
                      "lines without end; check it, or raise ttfb_timeout")
                       .arg(where, seconds(m_timeouts.ttfbMs)));
    });
    m_totalTimer = new QTimer(this);
    m_totalTimer->setSingleShot(true);
    m_totalTimer->setTimerType(Qt::PreciseTimer);
    connect(m_totalTimer, &QTimer::timeout, this, [this, where] {
        // Say how far it got: nothing back at all, or a response arriving too slowly.
        QString progress;
        if (m_exchange.firstByteMs >= 0) {
            progress = m_announced >= 0
                           ? tr("the response had started, %1 of %2 bytes received; the server is sending very "
                                "slowly")
                                 .arg(m_exchange.responseBytes)
                                 .arg(m_announced)
                           : tr("the response had started, %1 bytes received; the server is sending very slowly")
                                 .arg(m_exchange.responseBytes);
        } else if (m_exchange.requestSentMs >= 0) {
            progress = tr("the request was sent but no response came back; the server may be stuck");
        } else {
            progress = tr("the request could not even be sent");
        }
        fail(Exchange::Failure::TotalTimeout, tr("the exchange with %1 did not complete within the timeout "
                                                 "(%2): %3. Check the server, or raise "
                                                 "timeout")
                                                  .arg(where, seconds(m_timeouts.totalMs), progress));
    });
    if (m_timeouts.totalMs > 0)
        m_totalTimer->start(int(qMin<qint64>(m_timeouts.totalMs, std::numeric_limits<int>::max())));

    m_socket = ConnectionPool::of(m_nam)->take(poolKey());
    m_reused = m_socket != nullptr;
    if (m_reused) {
        m_socket->setParent(this);
        connect(m_socket, &QIODevice::readyRead, this, &HttpExchange::onReadyRead);
        connect(m_socket, &QIODevice::bytesWritten, this, &HttpExchange::onBytesWritten);
        connect(m_socket, &QAbstractSocket::errorOccurred, this, &HttpExchange::onSocketError);
        connect(m_socket, &QAbstractSocket::disconnected, this, &HttpExchange::onSocketError);
        writeRequest();
        return;
    }
    connectSocket();
}

void HttpExchange::connectSocket()
{
    // TLS only where it is spoken: a plain socket for http (no TLS back end to initialise).
    const bool https = m_request.url.scheme() == u"https";
    QSslSocket* tls = https ? new QSslSocket(this) : nullptr;
    m_socket = tls ? tls : new QTcpSocket(this);
    // Bounded: past this the socket stops reading and the rest waits in the kernel.
    m_socket->setReadBufferSize(ReadBufferBytes);
    m_socket->setProxy(QNetworkProxy::NoProxy); // the backend's proxy is spoken here, never the system's
    connect(m_socket, &QAbstractSocket::connected, this, &HttpExchange::onConnected);
    connect(m_socket, &QIODevice::readyRead, this, &HttpExchange::onReadyRead);
    connect(m_socket, &QIODevice::bytesWritten, this, &HttpExchange::onBytesWritten);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &HttpExchange::onSocketError);
    connect(m_socket, &QAbstractSocket::disconnected, this, &HttpExchange::onSocketError);
    if (tls) {
        connect(tls, &QSslSocket::encrypted, this, &HttpExchange::onEncrypted);
        connect(tls, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
            for (const QSslError& e : errors) {
                const QString text = describeSslError(e, m_request.url.host());
                if (!m_sslErrors.contains(text))
                    m_sslErrors << text;
            }
        });
        auto conf = buildSslConfiguration(m_request.transport.tls);
        if (!conf) {
            fail(Exchange::Failure::Other, conf.error().message);
            return;
        }
        QSslConfiguration c = conf.value();
        c.setAllowedNextProtocols({QSslConfiguration::NextProtocolHttp1_1});
        tls->setSslConfiguration(c);
        tls->setPeerVerifyName(m_request.url.host());
    }
    m_stage = Stage::Connecting;
    const QUrl& proxy = m_request.transport.proxy;
    if (!proxy.isEmpty())
        m_socket->connectToHost(proxy.host(), quint16(proxy.port(80)));
    else
        m_socket->connectToHost(m_request.url.host(), quint16(m_request.url.port(m_request.url.scheme() == u"https" ? 443 : 80)));
}

void HttpExchange::onConnected()
{
    if (m_done)
        return;
    const bool tls = m_request.url.scheme() == u"https";
    if (!m_request.transport.proxy.isEmpty() && tls) {
        // A tunnel through the proxy, then TLS with the server inside it.
        const QByteArray authority = m_request.url.host(QUrl::FullyEncoded).toUtf8() + ':' +
                                     QByteArray::number(m_request.url.port(443));
        QByteArray connectRequest = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n";
        const QUrl& proxy = m_request.transport.proxy;
        if (!proxy.userName().isEmpty()) {
            const QByteArray credentials =
                proxy.userName(QUrl::FullyDecoded).toUtf8() + ':' + proxy.password(QUrl::FullyDecoded).toUtf8();
            connectRequest += "Proxy-Authorization: Basic " + credentials.toBase64() + "\r\n";
        }
        connectRequest += "\r\n";
        m_stage = Stage::Tunnelling;
        m_socket->write(connectRequest);
        return;
    }
    if (tls) {
        m_stage = Stage::Handshaking;
        static_cast<QSslSocket*>(m_socket)->startClientEncryption();
        return;
    }
    writeRequest();
}

void HttpExchange::onEncrypted()
{
    if (!m_done)
        writeRequest();
}

void HttpExchange::writeRequest()
{
    m_stage = Stage::Writing;
    m_unwritten = m_out.size();
    m_socket->write(m_out);
}

void HttpExchange::onBytesWritten(qint64 bytes)
{
    if (m_done || m_stage != Stage::Writing)
        return;
    m_unwritten -= bytes;
    if (m_unwritten > 0)
        return;
    m_stage = Stage::Head;
    if (m_exchange.requestSentMs < 0)
        m_exchange.requestSentMs = m_clock.elapsed();
    m_connectTimer->stop();
    if (m_timeouts.ttfbMs > 0 && m_exchange.firstByteMs < 0)
        m_ttfbTimer->start(int(qMin<qint64>(m_timeouts.ttfbMs, std::numeric_limits<int>::max())));
}

void HttpExchange::readTunnelAnswer()
{
    m_in += m_socket->readAll();
    const qsizetype end = m_in.indexOf("\r\n\r\n");
    const QString proxy = proxyName();
    const QString where = hostPort(m_request.url);
    if (end < 0) {
        if (m_in.size() > MaxHeaderBytes)
            fail(Exchange::Failure::Protocol,
                 tr("the proxy %1 answered the tunnel (CONNECT) to %2 with a head larger than %3 KiB: not a proxy's "
                    "answer. Check the proxy setting")
                     .arg(proxy, where)
                     .arg(MaxHeaderBytes / 1024));
        return;
    }
    const QByteArray statusLine = m_in.left(m_in.indexOf("\r\n"));
    const QList<QByteArray> parts = statusLine.split(' ');
    const int status = parts.size() >= 2 && parts.at(0).startsWith("HTTP/1.") ? parts.at(1).toInt() : 0;
    if (status >= 200 && status < 300) {
        m_in = m_in.mid(end + 4);
        m_stage = Stage::Handshaking;
        static_cast<QSslSocket*>(m_socket)->startClientEncryption();
        return;
    }
    if (status == 407) {
        fail(Exchange::Failure::Other,
             tr("the proxy %1 requires authentication (407 Proxy Authentication Required)%2: give the proxy's "
                "user and password in the proxy URL (http://USER:PASSWORD@host:port)")
                 .arg(proxy, m_request.transport.proxy.userName().isEmpty() ? QString()
                                                                           : tr(" and did not accept the credentials given")));
    } else if (status == 503) {
        fail(Exchange::Failure::ConnectionRefused,
             tr("the proxy %1 refused the connection or the tunnel (CONNECT) to %2 (%3): is %2 reachable from the "
                "proxy, and may the proxy connect to it?")
                 .arg(proxy, where, serverText(statusLine)));
    } else if (status == 403) {
        fail(Exchange::Failure::Other,
             tr("the proxy %1 denied the tunnel (CONNECT) to %2 (%3): its access rules do not allow this "
                "destination. Check the proxy's configuration")
                 .arg(proxy, where, serverText(statusLine)));
    } else {
        fail(Exchange::Failure::Other,
             tr("the proxy %1 failed the tunnel (CONNECT) to %2 (%3): it answered with an error (a 5xx: "
                "it could not reach %2) or not with valid HTTP. Check the proxy's logs")
                 .arg(proxy, where, serverText(statusLine)));
    }
}

void HttpExchange::onReadyRead()
{
    if (m_done || !m_socket)
        return;
    if (m_stage == Stage::Tunnelling) {
        readTunnelAnswer();
        return;
    }
    if (m_stage != Stage::Head && m_stage != Stage::Body && m_stage != Stage::Writing)
        return;
    // Take what the socket holds (at most ReadBufferBytes), parse it, and repeat while it has more.
    while (!m_done && m_socket && m_socket->bytesAvailable() > 0) {
        if (m_stage == Stage::Body && m_framing != Framing::Chunked && m_in.isEmpty()) {
            // The body straight from the socket into the exchange, up to the cap.
            char buffer[16 * 1024];
            const qint64 n = m_socket->read(buffer, qMin<qint64>(sizeof buffer, m_framing == Framing::Length
                                                                                     ? m_announced - m_exchange.responseBytes
                                                                                     : qint64(sizeof buffer)));
            if (n <= 0)
                break;
            if (!takeBody(buffer, n))
                return;
            if (m_framing == Framing::Length && m_exchange.responseBytes >= m_announced) {
                complete();
                return;
            }
            continue;
        }
        m_in += m_socket->read(ReadBufferBytes);
        if (m_stage != Stage::Body && !readHead())
            return;
        if (m_stage == Stage::Body && !readBody())
            return;
    }
}

// The status line and header fields, once complete (1xx interim responses are skipped). False when the
// exchange failed or needs more bytes.
bool HttpExchange::readHead()
{
    const QString where = hostPort(m_request.url);
    for (;;) {
        const qsizetype end = m_in.indexOf("\r\n\r\n");
        if (end < 0) {
            const qsizetype lines = m_in.count('\n');
            if (m_in.size() > MaxHeaderBytes + 1024 || lines > MaxHeaderCount + 1) {
                fail(Exchange::Failure::TooLarge,
                     tr("the response headers from %1 are too large (%2 header fields and %3 bytes so far, no end "
                        "yet; Tokenbench accepts at most %4 fields and %5 KiB) and Tokenbench stopped reading. A token "
                        "endpoint sends a handful of headers: check the URL, or a proxy in between")
                         .arg(where)
                         .arg(qMax<qsizetype>(0, lines - 1))
                         .arg(m_in.size())
                         .arg(MaxHeaderCount)
                         .arg(MaxHeaderBytes / 1024));
                return false;
            }
            if (m_in.size() >= 5 && !m_in.startsWith("HTTP/")) {
                fail(Exchange::Failure::Protocol,
                     tr("%1 did not answer with HTTP: its first bytes are \"%2\". Check that it speaks HTTP%3 on "
                        "this port")
                         .arg(where, serverText(m_in.left(40)),
                              m_request.url.scheme() == u"https" ? QStringLiteral("S") : QString()));
                return false;
            }
            return false;
        }
        const QByteArray head = m_in.left(end);
        m_in.remove(0, end + 4);
        QList<QByteArray> lines = head.split('\n');
        for (QByteArray& l : lines) {
            if (l.endsWith('\r'))
                l.chop(1);
        }
        const QByteArray statusLine = lines.takeFirst();
        // HTTP-version SP 3DIGIT SP [reason]
        const bool versionOk = statusLine.size() >= 12 && statusLine.startsWith("HTTP/1.") &&
                               (statusLine.at(7) == '0' || statusLine.at(7) == '1') && statusLine.at(8) == ' ';
        const QByteArray code = versionOk ? statusLine.mid(9, 3) : QByteArray();
        const bool codeOk = code.size() == 3 && std::all_of(code.cbegin(), code.cend(), [](char c) { return c >= '0' && c <= '9'; }) &&
                            (statusLine.size() == 12 || statusLine.at(12) == ' ');
        if (versionOk && !codeOk) {
            // A number, but not three digits: say which.
            const QByteArray token = statusLine.mid(9).split(' ').constFirst();
            bool isNumber = false;
            const qlonglong number = token.toLongLong(&isNumber);
            if (isNumber) {
                fail(Exchange::Failure::Protocol,
                     tr("%1 answered with an impossible status line (status code %2): an HTTP status code has three "
                        "digits, 100 to 599. This is not a working HTTP server; check the URL and port")
                         .arg(where, QString::number(number)));
                return false;
            }
        }
        if (!versionOk || !codeOk) {
            fail(Exchange::Failure::Protocol,
                 tr("%1 answered with a status line that is not HTTP/1.x (\"%2\"): a status line reads "
                    "\"HTTP/1.1 200 OK\". This is not a working HTTP server; check the URL and port")
                     .arg(where, serverText(statusLine)));
            return false;
        }
        const int status = code.toInt();
        if (status < 100 || status > 599) {
            fail(Exchange::Failure::Protocol,
                 tr("%1 answered with an impossible status line (status code %2, reason \"%3\"): an HTTP status code "
                    "has three digits, 100 to 599. This is not a working HTTP server; check the URL and port")
                     .arg(where, QString::number(status), serverText(statusLine.mid(13))));
            return false;
        }
        HttpHeaders headers;
        qint64 headBytes = 0;
        for (const QByteArray& line : std::as_const(lines)) {
            headBytes += line.size() + 2;
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = colon > 0 ? line.left(colon) : QByteArray();
            if (name.isEmpty() || !std::all_of(name.cbegin(), name.cend(), isTokenChar)) {
                fail(Exchange::Failure::Protocol,
                     tr("%1 answered HTTP %2 with a malformed header line (\"%3\"): a header line reads "
                        "\"Name: value\". Check the URL, or a proxy in between")
                         .arg(where)
                         .arg(status)
                         .arg(serverText(line)));
                return false;
            }
            headers.append({name, line.mid(colon + 1).trimmed()});
        }
        if (headers.size() > MaxHeaderCount || headBytes > MaxHeaderBytes) {
            fail(Exchange::Failure::TooLarge,
                 tr("the response headers from %1 are too large (%2 header fields, %3 bytes; Tokenbench accepts at "
                    "most %4 fields and %5 KiB) and Tokenbench stopped reading. A token endpoint sends a handful of "
                    "headers: check the URL, or a proxy in between")
                     .arg(where)
                     .arg(headers.size())
                     .arg(headBytes)
                     .arg(MaxHeaderCount)
                     .arg(MaxHeaderBytes / 1024));
            return false;
        }
        if (status >= 100 && status < 200 && status != 101)
            continue; // an interim response (100 Continue, 103 Early Hints): the real one follows
        if (status == 407 && !m_request.transport.proxy.isEmpty()) {
            // Through a forward proxy (http), 407 is the proxy's answer, not the server's.
            fail(Exchange::Failure::Other,
                 tr("the proxy %1 requires authentication (407 Proxy Authentication Required)%2: give the proxy's "
                    "user and password in the proxy URL (http://USER:PASSWORD@host:port)")
                     .arg(proxyName(), m_request.transport.proxy.userName().isEmpty()
                                           ? QString()
                                           : tr(" and did not accept the credentials given")));
            return false;
        }
        if (m_exchange.firstByteMs < 0)
            m_exchange.firstByteMs = m_clock.elapsed();
        if (m_exchange.requestSentMs < 0)
            m_exchange.requestSentMs = m_exchange.firstByteMs;
        m_connectTimer->stop();
        m_ttfbTimer->stop();
        m_exchange.status = status;
        m_exchange.reason = statusLine.mid(13);
        m_exchange.httpVersion = statusLine.left(8);
        m_exchange.responseHeaders = headers;
        m_closeAfter = statusLine.startsWith("HTTP/1.0") ||
                       joinedHeader(headers, "Connection").toLower().contains("close");
        if (!checkResponseHead())
            return false;
        m_stage = Stage::Body;
        if (m_framing == Framing::None || (m_framing == Framing::Length && m_announced == 0)) {
            complete();
            return false;
        }
        return true;
    }
}

// The response head, checked before any of the body is read: framing, length, encoding, cap. Fails the
// exchange (and returns false) for a head Tokenbench refuses to interpret.
bool HttpExchange::checkResponseHead()
{
    const QString where = hostPort(m_request.url);
    const int status = m_exchange.status;
    const QByteArray lengthHeader = joinedHeader(m_exchange.responseHeaders, "Content-Length");
    qint64 announced = -1;
    if (!lengthHeader.isEmpty()) {
        // Several equal values are one length (RFC 9110 section 8.6).
        bool valid = true;
        for (const QByteArray& part : lengthHeader.split(',')) {
            bool ok = false;
            const QByteArray digits = part.trimmed();
            const qint64 value = digits.toLongLong(&ok);
            const bool allDigits =
                !digits.isEmpty() && std::all_of(digits.cbegin(), digits.cend(), [](char c) { return c >= '0' && c <= '9'; });
            if (!ok || !allDigits || (announced >= 0 && value != announced)) {
                valid = false;
                break;
            }
            announced = value;
        }
        if (!valid) {
            fail(Exchange::Failure::Protocol,
                 tr("%1 sent conflicting or invalid Content-Length headers (%2): the length of the body is "
                    "ambiguous, which a broken server or a request-smuggling attempt produces. Tokenbench does not "
                    "guess; fix the server or the proxy in between")
                     .arg(where, serverText(lengthHeader)));
            return false;
        }
    }
    const bool expectsBody = m_request.method != "HEAD" && status != 204 && status != 304 && status >= 200;
    const QByteArray transfer = joinedHeader(m_exchange.responseHeaders, "Transfer-Encoding").trimmed().toLower();
    const QByteArray encoding = headerValue(m_exchange.responseHeaders, "Content-Encoding").trimmed();
    if (expectsBody && !encoding.isEmpty() && encoding.toLower() != "identity") {
        fail(Exchange::Failure::Protocol,
             tr("%1 sent a compressed body (Content-Encoding: %2) although Tokenbench asked for an uncompressed "
                "one (Accept-Encoding: identity) and does not decode it. The server or a proxy in between ignores "
                "Accept-Encoding: configure it to send identity")
                 .arg(where, serverText(encoding)));
        return false;
    }
    if (!expectsBody) {
        m_framing = Framing::None;
    } else if (!transfer.isEmpty()) {
        if (!transfer.endsWith("chunked")) {
            fail(Exchange::Failure::Protocol,
                 tr("%1 sent a body with Transfer-Encoding: %2, which Tokenbench does not decode (it reads "
                    "chunked and plain bodies). Check the server or the proxy in between")
                     .arg(where, serverText(transfer)));
            return false;
        }
        // Transfer-Encoding wins over Content-Length (RFC 9112 section 6.3).
        m_framing = Framing::Chunked;
        m_chunkState = ChunkState::Size;
        m_closeAfter = m_closeAfter || announced >= 0;
    } else if (announced >= 0) {
        m_framing = Framing::Length;
    } else {
        m_framing = Framing::UntilClose;
        m_closeAfter = true;
    }
    m_announced = m_framing == Framing::Length ? announced : (announced >= 0 ? announced : -1);
    if (m_framing == Framing::Length && announced > m_maxBody) {
        fail(Exchange::Failure::TooLarge,
             tr("the response body from %1 exceeded %2 MiB (it announced %3) and Tokenbench stopped reading before "
                "the body. A token response is small: check that the URL points at the token endpoint")
                 .arg(where)
                 .arg(m_maxBody / (1024 * 1024))
                 .arg(mebibytes(announced)));
        return false;
    }
    if (m_framing == Framing::Length && announced > 0)
        m_exchange.responseBody.reserve(announced);
    return true;
}

// Body bytes into the exchange, up to the cap; false when the cap is passed (the exchange failed).
bool HttpExchange::takeBody(const char* data, qint64 size)
{
    m_exchange.responseBytes += size;
    const qint64 room = m_maxBody - m_exchange.responseBody.size();
    if (room > 0)
        m_exchange.responseBody.append(data, qMin(room, size));
    if (m_exchange.responseBytes > m_maxBody) {
        const QString announced = m_announced >= 0 ? tr(" (it announced %1)").arg(mebibytes(m_announced)) : QString();
        fail(Exchange::Failure::TooLarge,
             tr("the response body from %1 exceeded %2 MiB%3 and Tokenbench stopped reading; the first %2 "
                "MiB are "
                "kept. A token response is small: check that the URL points at the token endpoint")
                 .arg(hostPort(m_request.url))
                 .arg(m_maxBody / (1024 * 1024))
                 .arg(announced));
        return false;
    }
    return true;
}

// The body from m_in (what came with the head, and chunked bodies). False when the exchange ended or failed.
bool HttpExchange::readBody()
{
    const QString where = hostPort(m_request.url);
    if (m_framing == Framing::Length || m_framing == Framing::UntilClose) {
        qint64 n = m_in.size();
        if (m_framing == Framing::Length)
            n = qMin(n, m_announced - m_exchange.responseBytes);
        const QByteArray part = m_in.left(n);
        m_in.remove(0, n);
        if (!takeBody(part.constData(), part.size()))
            return false;
        if (m_framing == Framing::Length && m_exchange.responseBytes >= m_announced) {
            complete();
            return false;
        }
        return true;
    }
    // Chunked: size line, data, CRLF; a zero size ends it, then trailer fields up to an empty line.
    for (;;) {
        if (m_chunkState == ChunkState::Data) {
            const qint64 n = qMin<qint64>(m_chunkLeft, m_in.size());
            if (n > 0) {
                const QByteArray part = m_in.left(n);
                m_in.remove(0, n);
                m_chunkLeft -= n;
                if (!takeBody(part.constData(), part.size()))
                    return false;
            }
            if (m_chunkLeft > 0)
                return true;
            m_chunkState = ChunkState::DataEnd;
        }
        const qsizetype eol = m_in.indexOf("\r\n");
        if (eol < 0) {
            if (m_in.size() > 4096) {
                fail(Exchange::Failure::Protocol,
                     tr("%1 sent a chunked body with a line longer than 4 KiB where a chunk size belongs: its "
                        "chunked encoding is invalid. Check the server or the proxy in between")
                         .arg(where));
                return false;
            }
            return true;
        }
        const QByteArray line = m_in.left(eol);
        m_in.remove(0, eol + 2);
        switch (m_chunkState) {
        case ChunkState::DataEnd:
            if (!line.isEmpty()) {
                fail(Exchange::Failure::Protocol,
                     tr("%1 sent a chunked body whose chunk is longer than its size says (\"%2\" follows it): its "
                        "chunked encoding is invalid. Check the server or the proxy in between")
                         .arg(where, serverText(line, 20)));
                return false;
            }
            m_chunkState = ChunkState::Size;
            break;
        case ChunkState::Size: {
            const qsizetype extension = line.indexOf(';');
            const QByteArray digits = (extension < 0 ? line : line.left(extension)).trimmed();
            bool ok = !digits.isEmpty() && digits.size() <= 15 &&
                      std::all_of(digits.cbegin(), digits.cend(), [](char c) { return std::isxdigit(uchar(c)) != 0; });
            const qint64 size = ok ? digits.toLongLong(&ok, 16) : 0;
            if (!ok) {
                fail(Exchange::Failure::Protocol,
                     tr("%1 sent a chunked body (Transfer-Encoding: chunked) with a chunk size that is not a "
                        "hexadecimal number (\"%2\"): its chunked encoding is invalid. Check the server or the proxy "
                        "in between")
                         .arg(where, serverText(line, 20)));
                return false;
            }
            if (size == 0) {
                m_chunkState = ChunkState::Trailer;
                break;
            }
            m_chunkLeft = size;
            m_chunkState = ChunkState::Data;
            break;
        }
        case ChunkState::Trailer:
            if (line.isEmpty()) {
                complete();
                return false;
            }
            break;
        case ChunkState::Data:
            break;
        }
    }
}

void HttpExchange::complete()
{
    if (m_done)
        return;
    stopTimers();
    m_exchange.durationMs = m_clock.elapsed();
    m_done = true;
    m_stage = Stage::Done;
    releaseSocket(!m_closeAfter && m_in.isEmpty() && m_socket && m_socket->bytesAvailable() == 0);
    Q_EMIT finished(m_exchange);
}

void HttpExchange::releaseSocket(bool keepAlive)
{
    if (!m_socket)
        return;
    QTcpSocket* socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    if (keepAlive && m_nam && socket->state() == QAbstractSocket::ConnectedState) {
        ConnectionPool::of(m_nam)->put(poolKey(), socket);
        return;
    }
    socket->abort();
    socket->deleteLater();
}

void HttpExchange::onSocketError()
{
    if (m_done || !m_socket)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    const bool closed = error == QAbstractSocket::RemoteHostClosedError ||
                        m_socket->state() == QAbstractSocket::UnconnectedState;
    // A body that lasts until the connection closes ends here.
    if (closed && m_stage == Stage::Body && m_framing == Framing::UntilClose) {
        if (m_socket->bytesAvailable() > 0) {
            onReadyRead();
            if (m_done)
                return;
        }
        complete();
        return;
    }
    // A kept-alive connection the server had closed: once more on a new one, before anything came back.
    if (closed && m_reused && !m_retried && m_exchange.firstByteMs < 0 && m_in.isEmpty()) {
        m_retried = true;
        m_reused = false;
        QTcpSocket* stale = m_socket;
        m_socket = nullptr;
        stale->disconnect(this);
        stale->abort();
        stale->deleteLater();
        m_stage = Stage::Connecting;
        connectSocket();
        return;
    }
    failTransport();
}

void HttpExchange::failTransport()
{
    const QAbstractSocket::SocketError error = m_socket->error();
    const QString errorString = m_socket->errorString();
    const QString where = hostPort(m_request.url);
    const bool viaProxy = !m_request.transport.proxy.isEmpty();
    const bool https = m_request.url.scheme() == u"https";
    const bool beforeServer = m_stage == Stage::Connecting || m_stage == Stage::Tunnelling;
    if (viaProxy && beforeServer) {
        const QString proxy = proxyName();
        switch (error) {
        case QAbstractSocket::ConnectionRefusedError:
            fail(Exchange::Failure::ConnectionRefused,
                 tr("connection refused by the proxy %1 (the request to %2 goes through it): nothing is "
                    "listening there. Is the proxy running, and is its address right?")
                     .arg(proxy, where));
            return;
        case QAbstractSocket::HostNotFoundError:
            fail(Exchange::Failure::HostNotFound,
                 tr("the proxy host of %1 was not found (DNS): check the proxy setting").arg(proxy));
            return;
        default:
            fail(Exchange::Failure::ClosedEarly,
                 tr("the proxy %1 closed the connection before the exchange with %2 was complete (%3)")
                     .arg(proxy, where, errorString));
            return;
        }
    }
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        fail(Exchange::Failure::ConnectionRefused,
             tr("connection refused by %1: nothing is listening there. Is the server running, and are the host "
                "and port right?")
                 .arg(where));
        return;
    case QAbstractSocket::HostNotFoundError:
        fail(Exchange::Failure::HostNotFound,
             tr("host \"%1\" not found (DNS): check the spelling of the host name, or your network and DNS "
                "settings")
                 .arg(m_request.url.host()));
        return;
    default:
        break;
    }
    if (https && (m_stage == Stage::Handshaking || !m_sslErrors.isEmpty())) {
        if (!m_sslErrors.isEmpty()) {
            fail(Exchange::Failure::Tls, tlsFailureText(where, m_sslErrors));
            return;
        }
        const QString alert = clientCertificateAlert(errorString);
        if (!alert.isEmpty() || errorString.contains(QStringLiteral("handshake failure"))) {
            fail(Exchange::Failure::Tls,
                 clientCertificateText(where, alert.isEmpty() ? QStringLiteral("handshake failure") : alert,
                                       localCertificateOf(m_socket)));
            return;
        }
        fail(Exchange::Failure::Tls,
             tr("TLS handshake with %1 failed: %2. Check that the server speaks TLS on this port and shares a "
                "protocol version with Tokenbench")
                 .arg(where, errorString));
        return;
    }
    if (https) {
        // TLS 1.3: the server checks the client certificate after the client considers the handshake done,
        // so its alert arrives as an error on the first read.
        if (const QString alert = clientCertificateAlert(errorString); !alert.isEmpty()) {
            fail(Exchange::Failure::Tls,
                 clientCertificateText(where, alert, localCertificateOf(m_socket)));
            return;
        }
    }
    if (m_stage == Stage::Body) {
        const QString received = m_announced >= 0
                                     ? tr("%1 of %2 bytes received").arg(m_exchange.responseBytes).arg(m_announced)
                                     : tr("%1 bytes received").arg(m_exchange.responseBytes);
        fail(Exchange::Failure::ClosedEarly,
             tr("%1 closed the connection in the middle of the response body (%2). The server or a proxy in "
                "between dropped it: try again, and check the server's logs")
                 .arg(where, received));
        return;
    }
    if (m_stage == Stage::Head && !m_in.isEmpty()) {
        fail(Exchange::Failure::ClosedEarly,
             tr("%1 closed the connection in the middle of the response head (%2 bytes received, no complete status "
                "line and headers). The server or a proxy in between dropped it: check the server's logs")
                 .arg(where)
                 .arg(m_in.size()));
        return;
    }
    if (error == QAbstractSocket::RemoteHostClosedError || m_socket->state() == QAbstractSocket::UnconnectedState) {
        fail(Exchange::Failure::ClosedEarly,
             tr("%1 closed the connection without answering; check that it speaks HTTP%2 on this port%3")
                 .arg(where, https ? QStringLiteral("S") : QString(),
                      https ? tr(", and whether it requires a client certificate (mutual TLS)") : QString()));
        return;
    }
    fail(Exchange::Failure::Other, tr("request to %1 failed: %2").arg(where, errorString));
}

void HttpExchange::cancel()
{
    if (!m_done)
        fail(Exchange::Failure::Canceled, tr("canceled"));
}

void HttpExchange::fail(Exchange::Failure failure, const QString& text)
{
    if (m_done)
        return;
    m_done = true;
    m_stage = Stage::Done;
    stopTimers();
    m_exchange.failure = failure;
    m_exchange.failureText = text;
    m_exchange.durationMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    releaseSocket(false);
    qCDebug(lcNet) << "exchange" << m_exchange.id << "failed:" << text;
    Q_EMIT finished(m_exchange);
}

void HttpExchange::stopTimers()
{
    for (QTimer* t : {m_connectTimer, m_ttfbTimer, m_totalTimer}) {
        if (t)
            t->stop();
    }
}

} // namespace Tokenbench::Core
