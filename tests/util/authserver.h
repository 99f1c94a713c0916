#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QUrl>

namespace Tokenbench::Test {

// A real authorization server for a test: oidc-provider (tests/authserver/server.mjs) on 127.0.0.1 with
// a random port, started in the constructor's caller via start() and stopped on destruction.
class AuthServer
{
public:
    AuthServer();
    ~AuthServer();
    AuthServer(const AuthServer&) = delete;
    AuthServer& operator=(const AuthServer&) = delete;

    // Starts node and waits for "LISTENING <issuer>". Returns false with `error` set on failure.
    bool start(QString* error, const QStringList& extraArgs = {});
    QUrl issuer() const { return m_issuer; }
    QUrl tokenEndpoint() const;
    // What the server saw in the headers of the last /token request.
    QJsonObject lastTokenRequest() const;
    QByteArray log() const { return m_log; }

private:
    QProcess m_process;
    QUrl m_issuer;
    QByteArray m_log;
};

} // namespace Tokenbench::Test
