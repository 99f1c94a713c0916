#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QUrl>

namespace Tokenbench::Test {

// The test plays the user's browser against oidc-provider's devInteractions: a real HTTP client with a
// cookie jar that follows redirects one by one, signs in (login=alice), consents, and finally lands on
// the loopback listener of the flow under test — exactly the requests a browser would make.
class BrowserPlayer
{
public:
    struct Page
    {
        int status = 0;
        QUrl url;
        QUrl location; // of a redirect
        QByteArray body;
        QString error; // transport error
    };

    BrowserPlayer();

    // From the authorization URL through login and consent to the redirect_uri. With `abort` the user
    // cancels at the login prompt (oidc-provider redirects with error=access_denied). Returns the page
    // the loopback listener answered, or one with `error` set.
    Page signIn(const QUrl& authorizationUrl, bool abort = false);
    // Stops at the redirect to the loopback listener without following it; returns its URL.
    QUrl signInUntilRedirect(const QUrl& authorizationUrl);
    // The device flow's user side: enters `userCode` on the verification page, confirms, signs in and
    // consents. True when oidc-provider reports success.
    bool approveDevice(const QUrl& verificationUri, const QString& userCode, QString* error);

    Page get(const QUrl& url);
    Page post(const QUrl& url, const QList<QPair<QString, QString>>& form);

private:
    Page wait(class QNetworkReply* reply);
    // Follows redirects from `page` until one leaves the server or an HTML page arrives.
    Page follow(Page page, const QUrl& stopAtPrefix = {});
    static QString hiddenValue(const QByteArray& html, const QString& name);

    QNetworkAccessManager m_nam;
};

} // namespace Tokenbench::Test
