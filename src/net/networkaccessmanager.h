#pragma once

#include <QNetworkAccessManager>

namespace Tokenbench::Core {

// The one QNetworkAccessManager of a process (connections are reused across runs). Applies request-wide
// policy to every request, whoever sends it: no cookie jar, no redirects followed, HTTP/1.1, no cache.
class NetworkAccessManager final : public QNetworkAccessManager
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkAccessManager)

public:
    explicit NetworkAccessManager(QObject* parent = nullptr);
    ~NetworkAccessManager() override;

protected:
    QNetworkReply* createRequest(Operation op, const QNetworkRequest& request, QIODevice* outgoingData) override;
};

} // namespace Tokenbench::Core
