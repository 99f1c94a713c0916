#include "browserplayer.h"

#include "net/formencoding.h"

#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>

namespace Tokenbench::Test {

BrowserPlayer::BrowserPlayer()
{
    m_nam.setCookieJar(new QNetworkCookieJar(&m_nam));
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

BrowserPlayer::Page BrowserPlayer::wait(QNetworkReply* reply)
{
    Page page;
    page.url = reply->url();
    if (!reply->isFinished()) {
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(20000)) {
            page.error = QStringLiteral("no answer from %1").arg(page.url.toString());
            reply->abort();
            reply->deleteLater();
            return page;
        }
    }
    page.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    page.body = reply->readAll();
    const QByteArray location = reply->rawHeader("Location");
    if (!location.isEmpty())
        page.location = page.url.resolved(QUrl::fromEncoded(location));
    if (reply->error() != QNetworkReply::NoError && page.status == 0)
        page.error = reply->errorString();
    reply->deleteLater();
    return page;
}

BrowserPlayer::Page BrowserPlayer::get(const QUrl& url)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "text/html");
    return wait(m_nam.get(request));
}

BrowserPlayer::Page BrowserPlayer::post(const QUrl& url, const QList<QPair<QString, QString>>& form)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    return wait(m_nam.post(request, Core::Form::encode(form)));
}

BrowserPlayer::Page BrowserPlayer::follow(Page page, const QUrl& stopAtPrefix)
{
    for (int hops = 0; hops < 20 && page.error.isEmpty() && page.location.isValid() && !page.location.isEmpty();
         ++hops) {
        if (!stopAtPrefix.isEmpty() && page.location.toString().startsWith(stopAtPrefix.toString()))
            return page;
        page = get(page.location);
    }
    return page;
}

QString BrowserPlayer::hiddenValue(const QByteArray& html, const QString& name)
{
    const QRegularExpression re(QStringLiteral("name=\"%1\" value=\"([^\"]*)\"").arg(name));
    return re.match(QString::fromUtf8(html)).captured(1);
}

QUrl BrowserPlayer::signInUntilRedirect(const QUrl& authorizationUrl)
{
    const QString origin = authorizationUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString();
    Page page = get(authorizationUrl);
    // login and consent prompts: /interaction/{uid}
    for (int step = 0; step < 6 && page.error.isEmpty(); ++step) {
        if (page.location.isValid() && !page.location.toString().startsWith(origin))
            return page.location; // the redirect to the client
        if (page.location.isValid() && page.location.path().startsWith(QStringLiteral("/interaction/"))) {
            const QUrl interaction = page.location;
            const Page prompt = get(interaction);
            const bool login = prompt.body.contains("name=\"login\"");
            page = login ? post(interaction, {{QStringLiteral("prompt"), QStringLiteral("login")},
                                              {QStringLiteral("login"), QStringLiteral("alice")},
                                              {QStringLiteral("password"), QStringLiteral("x")}})
                         : post(interaction, {{QStringLiteral("prompt"), QStringLiteral("consent")}});
            continue;
        }
        if (page.location.isValid()) {
            page = get(page.location);
            continue;
        }
        break;
    }
    return {};
}

BrowserPlayer::Page BrowserPlayer::signIn(const QUrl& authorizationUrl, bool abort)
{
    if (abort) {
        Page page = get(authorizationUrl);
        if (!page.location.path().startsWith(QStringLiteral("/interaction/"))) {
            page.error = QStringLiteral("expected a redirect to /interaction, got HTTP %1").arg(page.status);
            return page;
        }
        QUrl abortUrl = page.location;
        abortUrl.setPath(abortUrl.path() + QStringLiteral("/abort"));
        page = get(abortUrl);
        return follow(page);
    }
    const QUrl redirect = signInUntilRedirect(authorizationUrl);
    if (redirect.isEmpty()) {
        Page p;
        p.error = QStringLiteral("the sign-in did not end in a redirect to the client");
        return p;
    }
    return get(redirect);
}

bool BrowserPlayer::approveDevice(const QUrl& verificationUri, const QString& userCode, QString* error)
{
    const Page form = get(verificationUri);
    const QString xsrf = hiddenValue(form.body, QStringLiteral("xsrf"));
    if (xsrf.isEmpty()) {
        *error = QStringLiteral("no xsrf field on %1 (HTTP %2)").arg(verificationUri.toString()).arg(form.status);
        return false;
    }
    const Page confirm = post(verificationUri, {{QStringLiteral("xsrf"), xsrf}, {QStringLiteral("user_code"), userCode}});
    const QString xsrf2 = hiddenValue(confirm.body, QStringLiteral("xsrf"));
    if (xsrf2.isEmpty() || !confirm.body.contains("name=\"confirm\"")) {
        *error = QStringLiteral("the user code was not accepted: %1").arg(QString::fromUtf8(confirm.body.left(300)));
        return false;
    }
    Page page = post(verificationUri, {{QStringLiteral("xsrf"), xsrf2},
                                       {QStringLiteral("user_code"), userCode},
                                       {QStringLiteral("confirm"), QStringLiteral("yes")}});
    for (int step = 0; step < 8 && page.error.isEmpty() && page.location.isValid() && !page.location.isEmpty(); ++step) {
        if (page.location.path().startsWith(QStringLiteral("/interaction/"))) {
            const QUrl interaction = page.location;
            const Page prompt = get(interaction);
            const bool login = prompt.body.contains("name=\"login\"");
            page = login ? post(interaction, {{QStringLiteral("prompt"), QStringLiteral("login")},
                                              {QStringLiteral("login"), QStringLiteral("alice")},
                                              {QStringLiteral("password"), QStringLiteral("x")}})
                         : post(interaction, {{QStringLiteral("prompt"), QStringLiteral("consent")}});
        } else {
            page = get(page.location);
        }
    }
    if (page.status != 200) {
        *error = QStringLiteral("the device sign-in ended with HTTP %1 %2").arg(page.status).arg(page.error);
        return false;
    }
    return true;
}

} // namespace Tokenbench::Test
