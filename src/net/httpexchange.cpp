#include "net/httpexchange.h"

#include "util/logging.h"

#include <atomic>

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
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

    if (m_request.method == "GET" && m_request.body.isEmpty())
        m_reply = m_nam->get(req);
    else if (m_request.method == "POST")
        m_reply = m_nam->post(req, m_request.body);
    else
        m_reply = m_nam->sendCustomRequest(req, m_request.method, m_request.body);

    m_reply->setParent(this);
    connect(m_reply, &QNetworkReply::requestSent, this, &HttpExchange::onRequestSent);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpExchange::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpExchange::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpExchange::onFinished);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError>& errors) {
        for (const QSslError& e : errors)
            m_sslErrors << e.errorString();
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
    m_connectTimer = makeTimer(m_timeouts.connectMs, Exchange::Failure::ConnectTimeout,
                               tr("could not connect to %1 within the connect timeout (%2); check the host "
                                  "and port, a firewall, or raise connect_timeout")
                                   .arg(where, seconds(m_timeouts.connectMs)));
    m_ttfbTimer = new QTimer(this);
    m_ttfbTimer->setSingleShot(true);
    connect(m_ttfbTimer, &QTimer::timeout, this, [this, where] {
        fail(Exchange::Failure::TtfbTimeout,
             tr("%1 accepted the request but sent no response within the time-to-first-byte timeout (%2); the "
                "server may be stuck, or raise ttfb_timeout")
                 .arg(where, seconds(m_timeouts.ttfbMs)));
    });
    m_totalTimer = makeTimer(m_timeouts.totalMs, Exchange::Failure::TotalTimeout,
                             tr("the exchange with %1 did not complete within the timeout (%2); the server "
                                "may be sending very slowly, or raise timeout")
                                 .arg(where, seconds(m_timeouts.totalMs)));
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
}

void HttpExchange::onReadyRead()
{
    if (!m_reply)
        return;
    if (m_exchange.firstByteMs < 0)
        onMetaData();
    const qint64 available = m_reply->bytesAvailable();
    m_exchange.responseBytes += available;
    const qint64 room = m_maxBody - m_exchange.responseBody.size();
    if (room > 0)
        m_exchange.responseBody.append(m_reply->read(qMin(room, available)));
    m_reply->skip(m_reply->bytesAvailable());
    if (m_exchange.responseBytes > m_maxBody) {
        fail(Exchange::Failure::TooLarge,
             tr("the response body exceeded %1 MiB and Tokenbench stopped reading; the first %1 MiB are kept. "
                "A token response is small: check that the URL points at the token endpoint")
                 .arg(m_maxBody / (1024 * 1024)));
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

    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (statusAttr.isValid()) {
        m_exchange.status = statusAttr.toInt();
        m_exchange.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
        m_exchange.httpVersion = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool()
                                     ? QByteArrayLiteral("HTTP/2")
                                     : QByteArrayLiteral("HTTP/1.1");
        for (const auto& pair : reply->rawHeaderPairs())
            m_exchange.responseHeaders.append({pair.first, pair.second});
    }

    const QNetworkReply::NetworkError error = reply->error();
    const QString where = hostPort(m_request.url);
    const bool transportError = error != QNetworkReply::NoError && (error < 201 || error > 499 || !statusAttr.isValid());
    if (!transportError) {
        stopTimers();
        m_exchange.durationMs = m_clock.elapsed();
        m_done = true;
        m_reply = nullptr;
        reply->deleteLater();
        Q_EMIT finished(m_exchange);
        return;
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
    case QNetworkReply::SslHandshakeFailedError:
        fail(Exchange::Failure::Tls,
             tr("TLS handshake with %1 failed: %2. If the server uses a private CA, configure it as server CA; "
                "check that the host name matches the certificate")
                 .arg(where, m_sslErrors.isEmpty() ? reply->errorString() : m_sslErrors.join(QStringLiteral("; "))));
        return;
    case QNetworkReply::RemoteHostClosedError:
        fail(Exchange::Failure::ClosedEarly,
             m_exchange.status > 0
                 ? tr("%1 closed the connection in the middle of the response body (%2 bytes received)")
                       .arg(where)
                       .arg(m_exchange.responseBytes)
                 : tr("%1 closed the connection without answering; check that it speaks HTTP%2 on this port")
                       .arg(where, m_request.url.scheme() == u"https" ? QStringLiteral("S") : QString()));
        return;
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
            fail(Exchange::Failure::Tls, tr("TLS error with %1: %2").arg(where, m_sslErrors.join(QStringLiteral("; "))));
            return;
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
