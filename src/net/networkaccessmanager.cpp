#include "net/networkaccessmanager.h"

#include "util/logging.h"

#include <QNetworkRequest>

namespace Tokenbench::Core {

NetworkAccessManager::NetworkAccessManager(QObject* parent) : QNetworkAccessManager(parent)
{
    setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    setAutoDeleteReplies(false);
}

NetworkAccessManager::~NetworkAccessManager() = default;

QNetworkReply* NetworkAccessManager::createRequest(Operation op, const QNetworkRequest& request,
                                                   QIODevice* outgoingData)
{
    QNetworkRequest req(request);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    qCDebug(lcNet) << "request" << req.url().toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    return QNetworkAccessManager::createRequest(op, req, outgoingData);
}

} // namespace Tokenbench::Core
