#include "net/httpexchange.h"

#include "net/networkaccessmanager.h"
#include "util/logging.h"

#include <algorithm>
#include <atomic>

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
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

// Status line and headers, once they have arrived (also when the exchange fails later: the trace keeps them).
void recordResponseHead(Exchange& exchange, QNetworkReply* reply)
{
    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (exchange.status > 0 || !statusAttr.isValid())
        return;
    exchange.status = statusAttr.toInt();
    exchange.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    exchange.httpVersion = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool()
                               ? QByteArrayLiteral("HTTP/2")
                               : QByteArrayLiteral("HTTP/1.1");
    for (const auto& pair : reply->rawHeaderPairs())
        exchange.responseHeaders.append({pair.first, pair.second});
}

// A body shorter than its Content-Length (identity encoding only: a decoded body has another length).
bool isTruncated(const QByteArray& method, const Exchange& exchange, QNetworkReply* reply)
{
    if (method == "HEAD" || exchange.status == 204 || exchange.status == 304 || exchange.status < 200)
        return false;
    const QByteArray encoding = reply->rawHeader("Content-Encoding").trimmed().toLower();
    if (!encoding.isEmpty() && encoding != "identity")
        return false;
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    return length.isValid() && exchange.responseBytes < length.toLongLong();
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
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
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
    // Qt's HTTP stack adds these when they are absent; we set them ourselves so the trace is the wire.
    if (!hasUserAgent)
        headers.append({QByteArrayLiteral("User-Agent"), userAgent()});
    headers.append({QByteArrayLiteral("Accept-Encoding"), QByteArrayLiteral("identity")});
    headers.append({QByteArrayLiteral("Accept-Language"), QByteArrayLiteral("*")});
    headers.append({QByteArrayLiteral("Connection"), QByteArrayLiteral("keep-alive")});
    return headers;
}

void HttpExchange::start()
{
    TB_ASSERT(!m_reply && !m_done);
    m_exchange.startedAt = QDateTime::currentDateTimeUtc();
    m_clock.start();
    Q_EMIT started(m_exchange);

    if (!m_nam) {
        fail(Exchange::Failure::Other, tr("internal error: no network access manager"));
        return;
    }
    if (!m_request.url.isValid() || (m_request.url.scheme() != u"http" && m_request.url.scheme() != u"https")) {
        fail(Exchange::Failure::Other,
             tr("\"%1\" is not an http or https URL").arg(m_request.url.toString(QUrl::RemoveUserInfo)));
        return;
    }

    QNetworkRequest req(m_request.url);
    for (const HttpHeader& h : std::as_const(m_exchange.requestHeaders))
        req.setRawHeader(h.name, h.value);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setTransferTimeout(0);

    QNetworkAccessManager* nam = m_nam;
    if (!m_request.transport.isDefault()) {
        auto conf = buildSslConfiguration(m_request.transport.tls);
        if (!conf) {
            fail(Exchange::Failure::Other, conf.error().message);
            return;
        }
        if (m_request.url.scheme() == u"https")
            req.setSslConfiguration(conf.value());
        // The backend's tls block and proxy. Qt's connection cache does not tell TLS settings or proxies
        // apart, so each distinct transport gets its own manager (a child of the shared one, kept for
        // later requests with the same settings): connections are reused, never across settings.
        QCryptographicHash key(QCryptographicHash::Sha256);
        for (const QByteArray& part : {m_request.transport.tls.serverCaCertificate, m_request.transport.tls.clientCertificate,
                                       m_request.transport.tls.clientPrivateKey,
                                       QByteArray(m_request.transport.tls.disableCertificateValidation ? "1" : "0"),
                                       m_request.transport.proxy.toEncoded()}) {
            key.addData(QByteArray::number(part.size()));
            key.addData(part);
        }
        const QString name = QStringLiteral("tokenbench-transport-") + QString::fromLatin1(key.result().toHex().left(32));
        auto* own = m_nam->findChild<QNetworkAccessManager*>(name, Qt::FindDirectChildrenOnly);
        if (!own) {
            own = new NetworkAccessManager(m_nam);
            own->setObjectName(name);
            const QUrl& p = m_request.transport.proxy;
            if (!p.isEmpty())
                own->setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, p.host(), quint16(p.port(80)),
                                            p.userName(QUrl::FullyDecoded), p.password(QUrl::FullyDecoded)));
            else
                own->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        }
        nam = own;
    }

    if (m_request.method == "GET" && m_request.body.isEmpty())
        m_reply = nam->get(req);
    else if (m_request.method == "POST")
        m_reply = nam->post(req, m_request.body);
    else
        m_reply = nam->sendCustomRequest(req, m_request.method, m_request.body);

    m_reply->setParent(this);
    // Bound what Qt's HTTP stack buffers for this reply: without it, it reads the socket as fast as the
    // peer sends and queues everything for us, also what the cap will throw away.
    m_reply->setReadBufferSize(ReadBufferBytes);
    connect(m_reply, &QNetworkReply::requestSent, this, &HttpExchange::onRequestSent);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpExchange::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpExchange::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpExchange::onFinished);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError>& errors) {
        for (const QSslError& e : errors) {
            const QString text = describeSslError(e, m_request.url.host());
            if (!m_sslErrors.contains(text))
                m_sslErrors << text;
        }
    });

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
    const bool viaProxy = !m_request.transport.proxy.isEmpty();
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
        if (m_reply && m_exchange.firstByteMs >= 0) {
            recordResponseHead(m_exchange, m_reply);
            const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
            progress =
                length.isValid()
                    ? tr("the response had started, %1 of %2 bytes received; the server is sending very "
                         "slowly")
                          .arg(m_exchange.responseBytes)
                          .arg(length.toLongLong())
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
}

void HttpExchange::onRequestSent()
{
    if (m_exchange.requestSentMs < 0)
        m_exchange.requestSentMs = m_clock.elapsed();
    m_connectTimer->stop();
    if (m_timeouts.ttfbMs > 0 && m_exchange.firstByteMs < 0)
        m_ttfbTimer->start(int(qMin<qint64>(m_timeouts.ttfbMs, std::numeric_limits<int>::max())));
}

void HttpExchange::onMetaData()
{
    if (!m_reply)
        return;
    if (m_exchange.firstByteMs < 0)
        m_exchange.firstByteMs = m_clock.elapsed();
    if (m_exchange.requestSentMs < 0)
        m_exchange.requestSentMs = m_exchange.firstByteMs;
    m_connectTimer->stop();
    m_ttfbTimer->stop();
    checkResponseHead();
}

// The response head as Qt parsed it, checked before any of the body is read. Fails the exchange (and
// returns false) for a head Tokenbench refuses to interpret.
bool HttpExchange::checkResponseHead()
{
    if (m_headChecked || !m_reply || m_done)
        return !m_done;
    const QVariant statusAttr = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttr.isValid())
        return true;
    m_headChecked = true;
    recordResponseHead(m_exchange, m_reply);
    const QString where = hostPort(m_request.url);
    const int status = statusAttr.toInt();
    if (status < 100 || status > 599) {
        fail(Exchange::Failure::Protocol,
             tr("%1 answered with an impossible status line (status code %2, reason \"%3\"): an HTTP status code "
                "has three digits, 100 to 599. This is not a working HTTP server; check the URL and port")
                 .arg(where, QString::number(status), serverText(m_exchange.reason)));
        return false;
    }
    const auto pairs = m_reply->rawHeaderPairs();
    qint64 headBytes = 0;
    for (const auto& pair : pairs)
        headBytes += pair.first.size() + pair.second.size() + 4;
    if (pairs.size() > MaxHeaderCount || headBytes > MaxHeaderBytes) {
        fail(Exchange::Failure::TooLarge,
             tr("the response headers from %1 are too large (%2 header fields, %3 bytes; Tokenbench accepts at "
                "most %4 fields and %5 KiB) and Tokenbench stopped reading. A token endpoint sends a handful of "
                "headers: check the URL, or a proxy in between")
                 .arg(where)
                 .arg(pairs.size())
                 .arg(headBytes)
                 .arg(MaxHeaderCount)
                 .arg(MaxHeaderBytes / 1024));
        return false;
    }
    if (pairs.isEmpty()) {
        // Qt's parser drops the whole head when it has more than 100 fields or a malformed one.
        fail(Exchange::Failure::Protocol,
             tr("%1 answered HTTP %2 but its response headers could not be read: more than %3 header fields, "
                "or malformed header lines. Check the URL, or a proxy in between")
                 .arg(where)
                 .arg(status)
                 .arg(MaxHeaderCount));
        return false;
    }
    const QByteArray lengthHeader = m_reply->rawHeader("Content-Length");
    qint64 announced = -1;
    if (!lengthHeader.isEmpty()) {
        // Qt joins repeated fields with ", ": several equal values are one length (RFC 9110 section 8.6).
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
    const QByteArray encoding = m_reply->rawHeader("Content-Encoding").trimmed();
    if (expectsBody && !encoding.isEmpty() && encoding.toLower() != "identity") {
        fail(Exchange::Failure::Protocol,
             tr("%1 sent a compressed body (Content-Encoding: %2) although Tokenbench asked for an uncompressed "
                "one (Accept-Encoding: identity) and does not decode it. The server or a proxy in between ignores "
                "Accept-Encoding: configure it to send identity")
                 .arg(where, serverText(encoding)));
        return false;
    }
    if (announced > m_maxBody) {
        fail(Exchange::Failure::TooLarge,
             tr("the response body from %1 exceeded %2 MiB (it announced %3) and Tokenbench stopped reading before "
                "the body. A token response is small: check that the URL points at the token endpoint")
                 .arg(where)
                 .arg(m_maxBody / (1024 * 1024))
                 .arg(mebibytes(announced)));
        return false;
    }
    return true;
}

QString HttpExchange::proxyName() const
{
    return m_request.transport.proxy.toString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery);
}

void HttpExchange::onReadyRead()
{
    if (!m_reply || m_done)
        return;
    if (m_exchange.firstByteMs < 0)
        onMetaData();
    if (!checkResponseHead())
        return;
    const qint64 available = m_reply->bytesAvailable();
    m_exchange.responseBytes += available;
    const qint64 room = m_maxBody - m_exchange.responseBody.size();
    if (room > 0) {
        if (m_exchange.responseBody.isEmpty()) {
            // One allocation up to the cap when the length is announced, instead of growing (and copying) a
            // large body step by step.
            const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
            if (length.isValid() && length.toLongLong() > 0)
                m_exchange.responseBody.reserve(qMin(length.toLongLong(), m_maxBody));
        }
        const qint64 n = qMin(room, available);
        const qsizetype at = m_exchange.responseBody.size();
        m_exchange.responseBody.resize(at + n);
        const qint64 got = m_reply->read(m_exchange.responseBody.data() + at, n);
        m_exchange.responseBody.resize(at + qMax<qint64>(got, 0));
    }
    m_reply->skip(m_reply->bytesAvailable());
    if (m_exchange.responseBytes > m_maxBody) {
        recordResponseHead(m_exchange, m_reply);
        const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
        const QString announced =
            length.isValid() ? tr(" (it announced %1)").arg(mebibytes(length.toLongLong())) : QString();
        fail(Exchange::Failure::TooLarge,
             tr("the response body from %1 exceeded %2 MiB%3 and Tokenbench stopped reading; the first %2 "
                "MiB are "
                "kept. A token response is small: check that the URL points at the token endpoint")
                 .arg(hostPort(m_request.url))
                 .arg(m_maxBody / (1024 * 1024))
                 .arg(announced));
    }
}

void HttpExchange::onFinished()
{
    if (!m_reply || m_done)
        return;
    QNetworkReply* reply = m_reply;
    onReadyRead();
    if (m_done)
        return;
    if (reply->error() == QNetworkReply::NoError && !checkResponseHead())
        return;

    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    recordResponseHead(m_exchange, reply);

    const QNetworkReply::NetworkError error = reply->error();
    const QString where = hostPort(m_request.url);
    auto failClosedMidBody = [this](QNetworkReply* r, const QString& at) {
        const QVariant length = r->header(QNetworkRequest::ContentLengthHeader);
        const QString received =
            length.isValid()
                ? tr("%1 of %2 bytes received").arg(m_exchange.responseBytes).arg(length.toLongLong())
                : tr("%1 bytes received").arg(m_exchange.responseBytes);
        fail(Exchange::Failure::ClosedEarly,
             tr("%1 closed the connection in the middle of the response body (%2). The server or a proxy in "
                "between dropped it: try again, and check the server's logs")
                 .arg(at, received));
    };
    const bool transportError = error != QNetworkReply::NoError && (error < 201 || error > 499 || !statusAttr.isValid());
    if (!transportError && isTruncated(m_request.method, m_exchange, reply)) {
        // Qt may report a connection closed before Content-Length as a normal end: it is not.
        failClosedMidBody(reply, where);
        return;
    }
    if (!transportError && m_exchange.responseBytes == 0 && m_request.method != "HEAD" && m_exchange.status >= 200 &&
        m_exchange.status != 204 && m_exchange.status != 304 &&
        reply->rawHeader("Transfer-Encoding").toLower().contains("chunked")) {
        // Qt reads a chunk size that is not hexadecimal as 0, the last chunk: the body silently ends there.
        fail(Exchange::Failure::Protocol,
             tr("%1 sent a chunked body (Transfer-Encoding: chunked) that ended without any data: its chunked "
                "encoding is invalid (a chunk size that is not a hexadecimal number) or the body is empty. Check "
                "the server or the proxy in between")
                 .arg(where));
        return;
    }
    if (!transportError) {
        stopTimers();
        m_exchange.durationMs = m_clock.elapsed();
        m_done = true;
        m_reply = nullptr;
        reply->deleteLater();
        Q_EMIT finished(m_exchange);
        return;
    }

    if (!m_request.transport.proxy.isEmpty()) {
        // The connection goes to the proxy: name it, not the endpoint behind it.
        const QString proxy = proxyName();
        const bool tunnel = m_request.url.scheme() == u"https";
        switch (error) {
        case QNetworkReply::ConnectionRefusedError:
            fail(Exchange::Failure::ConnectionRefused,
                 tunnel ? tr("the proxy %1 refused the connection or the tunnel (CONNECT) to %2: is the proxy running "
                             "and its address right, and may it connect to %2?")
                              .arg(proxy, where)
                        : tr("connection refused by the proxy %1 (the request to %2 goes through it): nothing is "
                             "listening there. Is the proxy running, and is its address right?")
                              .arg(proxy, where));
            return;
        case QNetworkReply::ProxyConnectionRefusedError:
            fail(Exchange::Failure::ConnectionRefused,
                 tr("the proxy %1 refused the connection%2: is the proxy running, and may it connect to %3?")
                     .arg(proxy, tunnel ? tr(" or the tunnel (CONNECT) to %1").arg(where) : QString(), where));
            return;
        case QNetworkReply::ProxyNotFoundError:
            fail(Exchange::Failure::HostNotFound,
                 tr("the proxy host of %1 was not found (DNS): check the proxy setting").arg(proxy));
            return;
        case QNetworkReply::ProxyAuthenticationRequiredError:
            fail(Exchange::Failure::Other,
                 tr("the proxy %1 requires authentication (407 Proxy Authentication Required)%2: give the proxy's "
                    "user and password in the proxy URL (http://USER:PASSWORD@host:port)")
                     .arg(proxy, m_request.transport.proxy.userName().isEmpty()
                                     ? QString()
                                     : tr(" and did not accept the credentials given")));
            return;
        case QNetworkReply::ProxyTimeoutError:
            fail(Exchange::Failure::ConnectTimeout, tr("the proxy %1 did not answer in time").arg(proxy));
            return;
        case QNetworkReply::ProxyConnectionClosedError:
            fail(Exchange::Failure::ClosedEarly,
                 tr("the proxy %1 closed the connection before the exchange with %2 was complete").arg(proxy, where));
            return;
        case QNetworkReply::UnknownProxyError:
            fail(Exchange::Failure::Other,
                 tr("the proxy %1 refused the tunnel (CONNECT) to %2 with an error answer (%3): the proxy could not "
                    "or would not reach %2. Check the proxy's logs and its access rules")
                     .arg(proxy, where, reply->errorString()));
            return;
        default:
            // Qt 6.4 reports a refused proxy connection and a refused or failed CONNECT as UnknownNetworkError
            // with a text that names the proxy.
            if (reply->errorString().contains(QStringLiteral("proxy"), Qt::CaseInsensitive)) {
                const QString e = reply->errorString();
                if (e.contains(QStringLiteral("connection refused"), Qt::CaseInsensitive))
                    fail(Exchange::Failure::ConnectionRefused,
                         tr("connection refused by the proxy %1 (the request to %2 goes through it): nothing is "
                            "listening there. Is the proxy running, and is its address right?")
                             .arg(proxy, where));
                else if (e.contains(QStringLiteral("denied"), Qt::CaseInsensitive))
                    fail(Exchange::Failure::Other,
                         tr("the proxy %1 denied the tunnel (CONNECT) to %2 (%3): its access rules do not allow this "
                            "destination. Check the proxy's configuration")
                             .arg(proxy, where, e));
                else
                    fail(Exchange::Failure::Other,
                         tr("the proxy %1 failed the tunnel (CONNECT) to %2 (%3): it answered with an error (a 5xx: "
                            "it could not reach %2) or not with valid HTTP. Check the proxy's logs")
                             .arg(proxy, where, e));
                return;
            }
            break;
        }
    }

    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        fail(Exchange::Failure::ConnectionRefused,
             tr("connection refused by %1: nothing is listening there. Is the server running, and are the host "
                "and port right?")
                 .arg(where));
        return;
    case QNetworkReply::HostNotFoundError:
        fail(Exchange::Failure::HostNotFound,
             tr("host \"%1\" not found (DNS): check the spelling of the host name, or your network and DNS "
                "settings")
                 .arg(m_request.url.host()));
        return;
    case QNetworkReply::SslHandshakeFailedError: {
        if (!m_sslErrors.isEmpty()) {
            fail(Exchange::Failure::Tls, tlsFailureText(where, m_sslErrors));
            return;
        }
        const QString alert = clientCertificateAlert(reply->errorString());
        if (!alert.isEmpty() || reply->errorString().contains(QStringLiteral("handshake failure"))) {
            fail(Exchange::Failure::Tls,
                 clientCertificateText(where, alert.isEmpty() ? QStringLiteral("handshake failure") : alert,
                                       reply->sslConfiguration().localCertificate()));
            return;
        }
        fail(
            Exchange::Failure::Tls,
            tr("TLS handshake with %1 failed: %2. Check that the server speaks TLS on this port and shares a "
               "protocol version with Tokenbench")
                .arg(where, reply->errorString()));
        return;
    }
    case QNetworkReply::RemoteHostClosedError: {
        if (m_exchange.status > 0 || m_exchange.responseBytes > 0) {
            failClosedMidBody(reply, where);
            return;
        }
        fail(Exchange::Failure::ClosedEarly,
             tr("%1 closed the connection without answering, or answered with a status line that is not HTTP "
                "(garbage such as \"HTTP/1.1 abc\", which Qt drops with the connection); check that it speaks "
                "HTTP%2 on this port%3")
                 .arg(where, m_request.url.scheme() == u"https" ? QStringLiteral("S") : QString(),
                      m_request.url.scheme() == u"https"
                          ? tr(", and whether it requires a client certificate (mutual TLS)")
                          : QString()));
        return;
    }
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProtocolUnknownError:
        fail(Exchange::Failure::Protocol,
             tr("%1 did not answer with valid HTTP (%2); is this the right port and scheme?")
                 .arg(where, reply->errorString()));
        return;
    case QNetworkReply::OperationCanceledError:
        fail(Exchange::Failure::Canceled, tr("canceled"));
        return;
    case QNetworkReply::TimeoutError:
        fail(Exchange::Failure::TotalTimeout, tr("the exchange with %1 timed out").arg(where));
        return;
    default:
        if (error >= QNetworkReply::SslHandshakeFailedError && error <= QNetworkReply::UnknownNetworkError &&
            !m_sslErrors.isEmpty()) {
            fail(Exchange::Failure::Tls, tlsFailureText(where, m_sslErrors));
            return;
        }
        if (m_request.url.scheme() == u"https") {
            // TLS 1.3: the server checks the client certificate after the client considers the handshake
            // done, so its alert arrives as an error on the first read.
            if (const QString alert = clientCertificateAlert(reply->errorString()); !alert.isEmpty()) {
                fail(Exchange::Failure::Tls,
                     clientCertificateText(where, alert, reply->sslConfiguration().localCertificate()));
                return;
            }
        }
        if (m_exchange.status > 0 && m_exchange.responseBytes > 0) {
            fail(Exchange::Failure::ClosedEarly,
                 tr("the response from %1 ended early: %2").arg(where, reply->errorString()));
            return;
        }
        fail(Exchange::Failure::Other, tr("request to %1 failed: %2").arg(where, reply->errorString()));
        return;
    }
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
    stopTimers();
    m_exchange.failure = failure;
    m_exchange.failureText = text;
    m_exchange.durationMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    if (m_reply) {
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
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
