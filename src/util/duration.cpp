#include "util/duration.h"

#include <cmath>

#include <QString>

namespace Tokenbench::Core::Duration {

namespace {

Error invalid(const QString& text)
{
    return Error{Error::Code::Usage, QStringLiteral("time: invalid duration \"%1\"").arg(text), {}};
}

qint64 unitScale(QStringView unit)
{
    if (unit == u"ns")
        return Nanosecond;
    if (unit == u"us" || unit == u"\u00b5s" || unit == u"\u03bcs")
        return Microsecond;
    if (unit == u"ms")
        return Millisecond;
    if (unit == u"s")
        return Second;
    if (unit == u"m")
        return Minute;
    if (unit == u"h")
        return Hour;
    return 0;
}

} // namespace

Result<qint64> parseGo(const QString& text)
{
    QStringView s(text);
    bool negative = false;
    if (!s.isEmpty() && (s.front() == u'-' || s.front() == u'+')) {
        negative = s.front() == u'-';
        s = s.mid(1);
    }
    if (s == u"0")
        return qint64(0);
    if (s.isEmpty())
        return invalid(text);

    // Accumulate in long double: Go keeps exact integers and scales the fraction; for the ranges a
    // token tool sees (up to years) this is exact to the nanosecond.
    long double total = 0;
    while (!s.isEmpty()) {
        qsizetype i = 0;
        const qsizetype intStart = i;
        while (i < s.size() && s[i].isDigit())
            ++i;
        const QStringView intPart = s.mid(intStart, i - intStart);
        QStringView fracPart;
        if (i < s.size() && s[i] == u'.') {
            ++i;
            const qsizetype fracStart = i;
            while (i < s.size() && s[i].isDigit())
                ++i;
            fracPart = s.mid(fracStart, i - fracStart);
        }
        if (intPart.isEmpty() && fracPart.isEmpty())
            return invalid(text);
        const qsizetype unitStart = i;
        while (i < s.size() && s[i] != u'.' && !s[i].isDigit())
            ++i;
        const QStringView unit = s.mid(unitStart, i - unitStart);
        if (unit.isEmpty())
            return Error{Error::Code::Usage, QStringLiteral("time: missing unit in duration \"%1\"").arg(text), {}};
        const qint64 scale = unitScale(unit);
        if (scale == 0)
            return Error{Error::Code::Usage,
                         QStringLiteral("time: unknown unit \"%1\" in duration \"%2\"").arg(unit.toString(), text),
                         {}};
        long double value = 0;
        for (QChar c : intPart)
            value = value * 10 + (c.unicode() - u'0');
        long double frac = 0, place = 1;
        for (QChar c : fracPart) {
            place /= 10;
            frac += (c.unicode() - u'0') * place;
        }
        total += (value + frac) * static_cast<long double>(scale);
        if (total > static_cast<long double>(std::numeric_limits<qint64>::max()))
            return invalid(text);
        s = s.mid(i);
    }
    const qint64 ns = static_cast<qint64>(std::floor(total));
    return negative ? -ns : ns;
}

Result<qint64> parseCouper(const QString& text, qint64 emptyDefault)
{
    if (text.isEmpty())
        return emptyDefault;
    auto parsed = parseGo(text);
    if (!parsed)
        return parsed;
    if (*parsed < 0)
        return Error{Error::Code::Usage, QStringLiteral("cannot be negative: '%1'").arg(text), {}};
    return parsed;
}

QString formatGo(qint64 ns)
{
    if (ns == 0)
        return QStringLiteral("0s");
    QString sign;
    quint64 u = ns < 0 ? quint64(-(ns + 1)) + 1 : quint64(ns);
    if (ns < 0)
        sign = QStringLiteral("-");
    auto fraction = [](quint64 v, int digits) {
        // v has `digits` decimal places; trim trailing zeros.
        QString s = QString::number(v % quint64(std::pow(10, digits))).rightJustified(digits, u'0');
        while (s.endsWith(u'0'))
            s.chop(1);
        return s.isEmpty() ? QString() : QStringLiteral(".") + s;
    };
    if (u < quint64(Second)) {
        if (u < quint64(Microsecond))
            return sign + QString::number(u) + QStringLiteral("ns");
        if (u < quint64(Millisecond))
            return sign + QString::number(u / 1000) + fraction(u, 3) + QStringLiteral("\u00b5s");
        return sign + QString::number(u / 1000000) + fraction(u, 6) + QStringLiteral("ms");
    }
    QString out;
    const quint64 h = u / quint64(Hour);
    u -= h * quint64(Hour);
    const quint64 m = u / quint64(Minute);
    u -= m * quint64(Minute);
    const QString secs = QString::number(u / quint64(Second)) + fraction(u, 9) + QStringLiteral("s");
    if (h > 0)
        out = QString::number(h) + QStringLiteral("h") + QString::number(m) + QStringLiteral("m") + secs;
    else if (m > 0)
        out = QString::number(m) + QStringLiteral("m") + secs;
    else
        out = secs;
    return sign + out;
}

} // namespace Tokenbench::Core::Duration
