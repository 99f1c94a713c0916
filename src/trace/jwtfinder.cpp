#include "trace/jwtfinder.h"

#include "net/formencoding.h"
#include "net/exchange.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Tokenbench::Core {

bool looksLikeJwt(const QString& text)
{
    static const QRegularExpression re(
        QStringLiteral("^[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*)?$"));
    return text.startsWith(QStringLiteral("eyJ")) && re.match(text).hasMatch();
}

namespace {

void fromJson(const QByteArray& body, const QString& side, QList<FoundJwt>& out)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it->isString() && looksLikeJwt(it->toString()))
            out.append({side + u' ' + it.key(), it->toString()});
    }
}

void fromForm(const QByteArray& body, const QString& side, QList<FoundJwt>& out)
{
    for (const Form::Field& f : Form::decode(body)) {
        if (looksLikeJwt(f.second))
            out.append({side + u' ' + f.first, f.second});
    }
}

} // namespace

QList<FoundJwt> findJwts(const Exchange& e)
{
    QList<FoundJwt> out;
    const QByteArray auth = headerValue(e.requestHeaders, "Authorization");
    if (auth.startsWith("Bearer ") && looksLikeJwt(QString::fromLatin1(auth.mid(7))))
        out.append({QStringLiteral("request Authorization: Bearer"), QString::fromLatin1(auth.mid(7))});
    const QByteArray requestType = headerValue(e.requestHeaders, "Content-Type");
    if (requestType.contains("x-www-form-urlencoded"))
        fromForm(e.requestBody, QStringLiteral("request"), out);
    else if (requestType.contains("json"))
        fromJson(e.requestBody, QStringLiteral("request"), out);
    // A huge body is not parsed as a whole (the trace must stay responsive): its start is scanned instead.
    constexpr qsizetype ParseLimit = 1024 * 1024;
    if (e.responseBody.size() <= ParseLimit) {
        fromJson(e.responseBody, QStringLiteral("response"), out);
    } else {
        static const QRegularExpression jwt(QStringLiteral("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"));
        auto it = jwt.globalMatch(QString::fromLatin1(e.responseBody.left(ParseLimit)));
        while (it.hasNext())
            out.append({QStringLiteral("response body"), it.next().captured(0)});
    }
    return out;
}

} // namespace Tokenbench::Core
