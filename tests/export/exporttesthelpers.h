#pragma once

// Shared by the export tests: run an exported script with a real shell, check a HAR document against the
// required fields of the HAR 1.2 specification.

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace Tokenbench::Test {

struct ScriptRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline ScriptRun runScript(const QString& shell, const QString& scriptPath, const QHash<QString, QString>& env)
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.remove(QStringLiteral("RESOURCE_URL"));
    e.insert(QStringLiteral("RESOURCE_URL"), QString());
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    p.start(shell, {scriptPath});
    ScriptRun r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// The fields HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) requires, with their types.
inline QStringList harProblems(const QJsonObject& root)
{
    QStringList problems;
    auto need = [&](const QJsonObject& o, const QString& where, const QString& key, QJsonValue::Type type) {
        if (!o.contains(key))
            problems << where + u'.' + key + QStringLiteral(" is missing");
        else if (o.value(key).type() != type)
            problems << where + u'.' + key + QStringLiteral(" has the wrong type");
    };
    auto nameValues = [&](const QJsonObject& o, const QString& where, const QString& key) {
        need(o, where, key, QJsonValue::Array);
        const QJsonArray a = o.value(key).toArray();
        for (int i = 0; i < a.size(); ++i) {
            const QString w = QStringLiteral("%1.%2[%3]").arg(where, key).arg(i);
            need(a.at(i).toObject(), w, QStringLiteral("name"), QJsonValue::String);
            need(a.at(i).toObject(), w, QStringLiteral("value"), QJsonValue::String);
        }
    };
    need(root, QStringLiteral("$"), QStringLiteral("log"), QJsonValue::Object);
    const QJsonObject log = root.value(QStringLiteral("log")).toObject();
    need(log, QStringLiteral("log"), QStringLiteral("version"), QJsonValue::String);
    need(log, QStringLiteral("log"), QStringLiteral("creator"), QJsonValue::Object);
    need(log.value(QStringLiteral("creator")).toObject(), QStringLiteral("log.creator"), QStringLiteral("name"), QJsonValue::String);
    need(log.value(QStringLiteral("creator")).toObject(), QStringLiteral("log.creator"), QStringLiteral("version"), QJsonValue::String);
    need(log, QStringLiteral("log"), QStringLiteral("entries"), QJsonValue::Array);
    const QJsonArray entries = log.value(QStringLiteral("entries")).toArray();
    for (int i = 0; i < entries.size(); ++i) {
        const QJsonObject e = entries.at(i).toObject();
        const QString w = QStringLiteral("log.entries[%1]").arg(i);
        need(e, w, QStringLiteral("startedDateTime"), QJsonValue::String);
        if (!QDateTime::fromString(e.value(QStringLiteral("startedDateTime")).toString(), Qt::ISODateWithMs).isValid())
            problems << w + QStringLiteral(".startedDateTime is not ISO 8601");
        need(e, w, QStringLiteral("time"), QJsonValue::Double);
        need(e, w, QStringLiteral("request"), QJsonValue::Object);
        need(e, w, QStringLiteral("response"), QJsonValue::Object);
        need(e, w, QStringLiteral("cache"), QJsonValue::Object);
        need(e, w, QStringLiteral("timings"), QJsonValue::Object);
        const QJsonObject req = e.value(QStringLiteral("request")).toObject();
        const QString rw = w + QStringLiteral(".request");
        for (const char* k : {"method", "url", "httpVersion"})
            need(req, rw, QString::fromLatin1(k), QJsonValue::String);
        nameValues(req, rw, QStringLiteral("cookies"));
        nameValues(req, rw, QStringLiteral("headers"));
        nameValues(req, rw, QStringLiteral("queryString"));
        need(req, rw, QStringLiteral("headersSize"), QJsonValue::Double);
        need(req, rw, QStringLiteral("bodySize"), QJsonValue::Double);
        if (req.contains(QStringLiteral("postData"))) {
            const QJsonObject pd = req.value(QStringLiteral("postData")).toObject();
            need(pd, rw + QStringLiteral(".postData"), QStringLiteral("mimeType"), QJsonValue::String);
            if (!pd.contains(QStringLiteral("text")) && !pd.contains(QStringLiteral("params")))
                problems << rw + QStringLiteral(".postData has neither text nor params");
            if (pd.contains(QStringLiteral("params")))
                nameValues(pd, rw + QStringLiteral(".postData"), QStringLiteral("params"));
        }
        const QJsonObject res = e.value(QStringLiteral("response")).toObject();
        const QString sw = w + QStringLiteral(".response");
        need(res, sw, QStringLiteral("status"), QJsonValue::Double);
        for (const char* k : {"statusText", "httpVersion", "redirectURL"})
            need(res, sw, QString::fromLatin1(k), QJsonValue::String);
        nameValues(res, sw, QStringLiteral("cookies"));
        nameValues(res, sw, QStringLiteral("headers"));
        need(res, sw, QStringLiteral("content"), QJsonValue::Object);
        const QJsonObject content = res.value(QStringLiteral("content")).toObject();
        need(content, sw + QStringLiteral(".content"), QStringLiteral("size"), QJsonValue::Double);
        need(content, sw + QStringLiteral(".content"), QStringLiteral("mimeType"), QJsonValue::String);
        need(res, sw, QStringLiteral("headersSize"), QJsonValue::Double);
        need(res, sw, QStringLiteral("bodySize"), QJsonValue::Double);
        const QJsonObject t = e.value(QStringLiteral("timings")).toObject();
        double sum = 0;
        for (const char* k : {"send", "wait", "receive"}) {
            need(t, w + QStringLiteral(".timings"), QString::fromLatin1(k), QJsonValue::Double);
            if (t.value(QString::fromLatin1(k)).toDouble() < 0)
                problems << w + QStringLiteral(".timings.") + QString::fromLatin1(k) + QStringLiteral(" is negative");
            sum += t.value(QString::fromLatin1(k)).toDouble();
        }
        for (const char* k : {"blocked", "dns", "connect", "ssl"}) {
            if (t.contains(QString::fromLatin1(k)) && t.value(QString::fromLatin1(k)).toDouble() < -1)
                problems << w + QStringLiteral(".timings.") + QString::fromLatin1(k) + QStringLiteral(" is below -1");
        }
        if (qAbs(sum - e.value(QStringLiteral("time")).toDouble()) > 0.5)
            problems << w + QStringLiteral(".time is not the sum of the timings");
    }
    return problems;
}

} // namespace Tokenbench::Test
