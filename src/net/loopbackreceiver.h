#pragma once

#include "util/result.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

class QTcpServer;
class QTcpSocket;

namespace Tokenbench::Core {

// The request line of an HTTP request that reached the loopback listener.
struct LoopbackRequest
{
    QByteArray method;
    QString path;    // decoded path, e.g. "/callback"
    QUrlQuery query; // the redirect's parameters (code, state, iss, error, ...)
};

// The browser's redirect back to a native app (RFC 8252 §7.3): a one-shot HTTP listener on the loopback
// interface. It listens on the port of `redirect_uri` (or a random one when the URI has none), answers
// every request with a small HTML page and reports the first request for the configured path.
//
//   listen(redirect_uri) ──► redirectUri() (with the real port) ──► browser GET /callback?code=..
//                                                      └► callbackReceived(query) ──► page for the browser
class LoopbackReceiver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackReceiver)

public:
    static constexpr qsizetype MaxRequestHeadBytes = 16 * 1024;

    explicit LoopbackReceiver(QObject* parent = nullptr);
    ~LoopbackReceiver() override;

    // `configured` is the redirect_uri attribute: empty means http://127.0.0.1:<random>/callback.
    // Fails for anything that is not an http URL on a loopback host, or when the port is taken.
    Result<QUrl> listen(const QString& configured);
    void close();
    bool isListening() const;
    // The redirect_uri to send: the configured one, with the port the listener got.
    QUrl redirectUri() const { return m_redirectUri; }

    // Called from a slot connected to callbackReceived (directly): the page the browser gets back.
    void setPage(bool success, const QString& title, const QString& message);
    // Called from a slot connected to callbackReceived (directly) instead of setPage: the request does not
    // answer this sign-in (a wrong or missing state: any local process can reach the port). The browser gets
    // an error page and the listener keeps waiting for the real redirect.
    void ignoreRequest(const QString& title, const QString& message);

    // Parses a request head ("GET /callback?code=x HTTP/1.1\r\nHost: ...\r\n\r\n").
    static Result<LoopbackRequest> parseRequest(QByteArrayView head);
    // The HTML page answered to the browser.
    static QByteArray page(bool success, const QString& title, const QString& message);
    // True for 127.0.0.0/8, ::1 and "localhost".
    static bool isLoopbackHost(const QString& host);

Q_SIGNALS:
    void callbackReceived(const QUrlQuery& query);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void respond(QTcpSocket* socket, int status, const QByteArray& reason, const QByteArray& body);

    QTcpServer* m_server = nullptr;
    QUrl m_redirectUri;
    QString m_path;
    bool m_done = false;
    struct PageSpec
    {
        bool set = false;
        bool success = false;
        bool ignored = false;
        QString title;
        QString message;
    } m_page;
};

} // namespace Tokenbench::Core
