#include "claimtable.h"

#include "jwt/claimscheck.h"

#include <cmath>

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTableWidget>

namespace Tokenbench::Ui::ClaimTable {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("Tokenbench::Ui::ClaimTable", text);
}
} // namespace

QString valueText(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d == std::floor(d) && std::abs(d) < 1e15 ? QString::number(qint64(d)) : QString::number(d);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull())
        return QStringLiteral("null");
    return QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

QString meaning(const QString& claim, const QJsonValue& v)
{
    static const QHash<QString, const char*> names = {
        {QStringLiteral("iss"), QT_TRANSLATE_NOOP("Tokenbench::Ui::ClaimTable", "issuer: who made the token")},
        {QStringLiteral("sub"), QT_TRANSLATE_NOOP("Tokenbench::Ui::ClaimTable", "subject: whom the token is about")},
        {QStringLiteral("aud"), QT_TRANSLATE_NOOP("Tokenbench::Ui::ClaimTable", "audience: who the token is meant for")},
        {QStringLiteral("jti"), QT_TRANSLATE_NOOP("Tokenbench::Ui::ClaimTable", "token id, unique per token")},
        {QStringLiteral("scope"), QT_TRANSLATE_NOOP("Tokenbench::Ui::ClaimTable", "granted scopes")},
        {QStringLiteral("client_id"), QT_TRANSLATE_NOOP("Tokenbench::Ui::ClaimTable", "the client the token was issued to")},
        {QStringLiteral("azp"), QT_TRANSLATE_NOOP("Tokenbench::Ui::ClaimTable", "authorized party: the client that asked for it")},
        {QStringLiteral("nonce"), QT_TRANSLATE_NOOP("Tokenbench::Ui::ClaimTable", "ties an ID token to its authorization request")},
        {QStringLiteral("at_hash"), QT_TRANSLATE_NOOP("Tokenbench::Ui::ClaimTable", "hash of the access token issued with this ID token")},
        {QStringLiteral("c_hash"), QT_TRANSLATE_NOOP("Tokenbench::Ui::ClaimTable", "hash of the authorization code")},
        {QStringLiteral("sid"), QT_TRANSLATE_NOOP("Tokenbench::Ui::ClaimTable", "session id")},
        {QStringLiteral("cnf"), QT_TRANSLATE_NOOP("Tokenbench::Ui::ClaimTable", "confirmation: the key the token is bound to")},
    };
    static const QHash<QString, const char*> times = {
        {QStringLiteral("exp"), QT_TRANSLATE_NOOP("Tokenbench::Ui::ClaimTable", "expires")},
        {QStringLiteral("iat"), QT_TRANSLATE_NOOP("Tokenbench::Ui::ClaimTable", "issued")},
        {QStringLiteral("nbf"), QT_TRANSLATE_NOOP("Tokenbench::Ui::ClaimTable", "not valid before")},
        {QStringLiteral("auth_time"), QT_TRANSLATE_NOOP("Tokenbench::Ui::ClaimTable", "authenticated")},
    };
    if (const auto date = times.contains(claim) ? Core::Jwt::NumericDate::fromJson(v) : std::nullopt) {
        // Any number may stand here (1e300, -9e18): clamped, and dates outside the years 1..9999 in words.
        const QString relative = date->relativeText(QDateTime::currentSecsSinceEpoch());
        if (date->seconds > Core::Jwt::NumericDate::LastIsoSecond - 86400 ||
            date->seconds < Core::Jwt::NumericDate::FirstIsoSecond + 86400)
            return QStringLiteral("%1 %2 \u2014 %3").arg(tr(times.value(claim)), relative, date->isoText());
        const QDateTime t = QDateTime::fromSecsSinceEpoch(date->seconds, QTimeZone::utc());
        return QStringLiteral("%1 %2 \u2014 %3 (%4 UTC)")
            .arg(tr(times.value(claim)), relative, QLocale().toString(t.toLocalTime(), QLocale::ShortFormat),
                 t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    }
    const char* name = names.value(claim);
    return name ? tr(name) : QString();
}

void fill(QTableWidget* table, const QJsonObject& claims)
{
    table->setRowCount(int(claims.size()));
    int row = 0;
    for (auto it = claims.begin(); it != claims.end(); ++it, ++row) {
        table->setItem(row, 0, new QTableWidgetItem(it.key()));
        table->setItem(row, 1, new QTableWidgetItem(valueText(it.value())));
        table->setItem(row, 2, new QTableWidgetItem(meaning(it.key(), it.value())));
    }
    table->resizeColumnToContents(0);
}

} // namespace Tokenbench::Ui::ClaimTable
