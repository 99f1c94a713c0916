#include "util/secretvalues.h"

#include <algorithm>

#include <QMutex>
#include <QRegularExpression>
#include <QSet>

namespace Tokenbench::Core::SecretValues {

namespace {

struct Store
{
    QMutex mutex;
    QList<QByteArray> values; // longest first: where one secret contains another, the longer is masked whole
    QSet<QByteArray> seen;
    quint64 generation = 0;
};

Store& store()
{
    static Store s;
    return s;
}

} // namespace

void add(QByteArrayView value)
{
    if (value.size() < MinLength)
        return;
    Store& s = store();
    QMutexLocker lock(&s.mutex);
    const QByteArray v = value.toByteArray();
    if (s.seen.contains(v))
        return;
    s.seen.insert(v);
    const auto at = std::find_if(s.values.begin(), s.values.end(), [&](const QByteArray& e) { return e.size() < v.size(); });
    s.values.insert(at, v);
    ++s.generation;
}

void add(const QString& value)
{
    add(QByteArrayView(value.toUtf8()));
}

QList<QByteArray> values()
{
    Store& s = store();
    QMutexLocker lock(&s.mutex);
    return s.values;
}

quint64 generation()
{
    Store& s = store();
    QMutexLocker lock(&s.mutex);
    return s.generation;
}

void forget()
{
    Store& s = store();
    QMutexLocker lock(&s.mutex);
    s.values.clear();
    s.seen.clear();
    ++s.generation;
}

bool looksLikeSecretName(QStringView name)
{
    const QString upper = name.toString().toUpper();
    for (const char* part : {"SECRET", "PASSWORD", "PASSWD", "TOKEN", "CREDENTIAL", "PRIVATE", "APIKEY", "API_KEY"}) {
        if (upper.contains(QLatin1String(part)))
            return true;
    }
    static const QRegularExpression parts(QStringLiteral("[_\\-.]"));
    for (const QString& p : upper.split(parts, Qt::SkipEmptyParts)) {
        for (const char* word : {"KEY", "PASS", "PWD", "PW", "AUTH", "PIN", "COOKIE", "SESSION", "JWT"}) {
            if (p == QLatin1String(word))
                return true;
        }
    }
    return false;
}

} // namespace Tokenbench::Core::SecretValues
