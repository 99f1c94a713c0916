#include "hcl/value.h"

#include <cmath>

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace Tokenbench::Core::Hcl {

namespace {

const Value::List& emptyList()
{
    static const Value::List l;
    return l;
}

const Value::Map& emptyMap()
{
    static const Value::Map m;
    return m;
}

void appendJsonString(QString& out, const QString& s)
{
    out += u'"';
    for (const QChar c : s) {
        switch (c.unicode()) {
        case u'"': out += QStringLiteral("\\\""); break;
        case u'\\': out += QStringLiteral("\\\\"); break;
        case u'\n': out += QStringLiteral("\\n"); break;
        case u'\r': out += QStringLiteral("\\r"); break;
        case u'\t': out += QStringLiteral("\\t"); break;
        case u'<': out += QStringLiteral("\\u003c"); break;
        case u'>': out += QStringLiteral("\\u003e"); break;
        case u'&': out += QStringLiteral("\\u0026"); break;
        case 0x2028: out += QStringLiteral("\\u2028"); break;
        case 0x2029: out += QStringLiteral("\\u2029"); break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += u'"';
}

void appendJson(QString& out, const Value& v)
{
    switch (v.type()) {
    case Value::Type::Null:
        out += QStringLiteral("null");
        return;
    case Value::Type::Bool:
        out += v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        return;
    case Value::Type::Number:
        out += formatNumber(v.toNumber());
        return;
    case Value::Type::String:
        appendJsonString(out, v.toStr());
        return;
    case Value::Type::Tuple: {
        out += u'[';
        bool first = true;
        for (const Value& i : v.items()) {
            if (!first)
                out += u',';
            first = false;
            appendJson(out, i);
        }
        out += u']';
        return;
    }
    case Value::Type::Object: {
        out += u'{';
        bool first = true;
        for (auto it = v.fields().cbegin(); it != v.fields().cend(); ++it) {
            if (!first)
                out += u',';
            first = false;
            appendJsonString(out, it.key());
            out += u':';
            appendJson(out, it.value());
        }
        out += u'}';
        return;
    }
    }
}

bool isIntegral(double n)
{
    return std::isfinite(n) && n == std::trunc(n) && std::fabs(n) < 9.2e18;
}

} // namespace

Value Value::boolean(bool b)
{
    Value v;
    v.m_type = Type::Bool;
    v.m_bool = b;
    return v;
}

Value Value::number(double n)
{
    Value v;
    v.m_type = Type::Number;
    v.m_number = n;
    return v;
}

Value Value::string(const QString& s)
{
    Value v;
    v.m_type = Type::String;
    v.m_string = s;
    return v;
}

Value Value::tuple(List items)
{
    Value v;
    v.m_type = Type::Tuple;
    auto c = std::make_shared<Composite>();
    c->items = std::move(items);
    v.m_c = std::move(c);
    return v;
}

Value Value::object(Map fields)
{
    Value v;
    v.m_type = Type::Object;
    auto c = std::make_shared<Composite>();
    c->fields = std::move(fields);
    v.m_c = std::move(c);
    return v;
}

Value Value::fromJson(const QJsonValue& json)
{
    switch (json.type()) {
    case QJsonValue::Bool:
        return boolean(json.toBool());
    case QJsonValue::Double:
        return number(json.toDouble());
    case QJsonValue::String:
        return string(json.toString());
    case QJsonValue::Array: {
        List l;
        const QJsonArray a = json.toArray();
        l.reserve(a.size());
        for (const QJsonValue& i : a)
            l.append(fromJson(i));
        return tuple(std::move(l));
    }
    case QJsonValue::Object: {
        Map m;
        const QJsonObject o = json.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            m.insert(it.key(), fromJson(it.value()));
        return object(std::move(m));
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    }
    return {};
}

const Value::List& Value::items() const
{
    return m_type == Type::Tuple && m_c ? m_c->items : emptyList();
}

const Value::Map& Value::fields() const
{
    return m_type == Type::Object && m_c ? m_c->fields : emptyMap();
}

Value Value::attribute(const QString& name) const
{
    if (m_type != Type::Object || !m_c)
        return {};
    return m_c->fields.value(name);
}

QString Value::toJson() const
{
    QString out;
    appendJson(out, *this);
    return out;
}

QJsonValue Value::toJsonValue() const
{
    switch (m_type) {
    case Type::Null:
        return QJsonValue(QJsonValue::Null);
    case Type::Bool:
        return m_bool;
    case Type::Number:
        return m_number;
    case Type::String:
        return m_string;
    case Type::Tuple: {
        QJsonArray a;
        for (const Value& v : items())
            a.append(v.toJsonValue());
        return a;
    }
    case Type::Object: {
        QJsonObject o;
        for (auto it = fields().cbegin(); it != fields().cend(); ++it)
            o.insert(it.key(), it.value().toJsonValue());
        return o;
    }
    }
    return {};
}

QString Value::typeName(Type t)
{
    switch (t) {
    case Type::Null:
        return QStringLiteral("null");
    case Type::Bool:
        return QStringLiteral("bool");
    case Type::Number:
        return QStringLiteral("number");
    case Type::String:
        return QStringLiteral("string");
    case Type::Tuple:
        return QStringLiteral("tuple");
    case Type::Object:
        return QStringLiteral("object");
    }
    return {};
}

bool operator==(const Value& a, const Value& b)
{
    if (a.m_type != b.m_type)
        return false;
    switch (a.m_type) {
    case Value::Type::Null:
        return true;
    case Value::Type::Bool:
        return a.m_bool == b.m_bool;
    case Value::Type::Number:
        return a.m_number == b.m_number;
    case Value::Type::String:
        return a.m_string == b.m_string;
    case Value::Type::Tuple:
        return a.items() == b.items();
    case Value::Type::Object:
        return a.fields() == b.fields();
    }
    return false;
}

QString formatNumber(double n)
{
    if (std::isnan(n))
        return QStringLiteral("NaN");
    if (std::isinf(n))
        return n > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    if (n == 0)
        return QStringLiteral("0");
    if (isIntegral(n))
        return QString::number(static_cast<qint64>(n));
    return QString::number(n, 'f', QLocale::FloatingPointShortest);
}

bool convertToString(const Value& v, QString& out)
{
    switch (v.type()) {
    case Value::Type::String:
        out = v.toStr();
        return true;
    case Value::Type::Number:
        out = formatNumber(v.toNumber());
        return true;
    case Value::Type::Bool:
        out = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        return true;
    case Value::Type::Null:
    case Value::Type::Tuple:
    case Value::Type::Object:
        return false;
    }
    return false;
}

bool convertToNumber(const Value& v, double& out)
{
    if (v.isNumber()) {
        out = v.toNumber();
        return true;
    }
    if (!v.isString())
        return false;
    const QString s = v.toStr();
    // cty accepts decimal numbers (with optional sign, fraction and exponent) only.
    static const auto valid = [](const QString& t) {
        qsizetype i = 0;
        if (i < t.size() && (t[i] == u'-' || t[i] == u'+'))
            ++i;
        qsizetype digits = 0;
        while (i < t.size() && t[i].isDigit() && t[i].unicode() < 128) {
            ++i;
            ++digits;
        }
        if (i < t.size() && t[i] == u'.') {
            ++i;
            while (i < t.size() && t[i].isDigit() && t[i].unicode() < 128) {
                ++i;
                ++digits;
            }
        }
        if (digits == 0)
            return false;
        if (i < t.size() && (t[i] == u'e' || t[i] == u'E')) {
            ++i;
            if (i < t.size() && (t[i] == u'-' || t[i] == u'+'))
                ++i;
            qsizetype exp = 0;
            while (i < t.size() && t[i].isDigit() && t[i].unicode() < 128) {
                ++i;
                ++exp;
            }
            if (exp == 0)
                return false;
        }
        return i == t.size();
    };
    if (!valid(s))
        return false;
    bool ok = false;
    out = QLocale::c().toDouble(s, &ok);
    return ok;
}

bool convertToBool(const Value& v, bool& out)
{
    if (v.isBool()) {
        out = v.toBool();
        return true;
    }
    if (v.isString() && (v.toStr() == u"true" || v.toStr() == u"false")) {
        out = v.toStr() == u"true";
        return true;
    }
    return false;
}

QStringList modifierValues(const Value& v)
{
    switch (v.type()) {
    case Value::Type::Null:
        return {};
    case Value::Type::String:
        return {v.toStr()};
    case Value::Type::Bool:
        return {v.toBool() ? QStringLiteral("true") : QStringLiteral("false")};
    case Value::Type::Number: {
        const double r = std::nearbyint(v.toNumber()); // ties to even in the default rounding mode
        return {isIntegral(r) ? QString::number(static_cast<qint64>(r)) : QString::number(r, 'f', 0)};
    }
    case Value::Type::Tuple: {
        QStringList out;
        for (const Value& i : v.items())
            out += modifierValues(i);
        return out;
    }
    case Value::Type::Object:
        return {};
    }
    return {};
}

QString scalarString(const Value& v)
{
    switch (v.type()) {
    case Value::Type::String:
        return v.toStr().trimmed().isEmpty() ? QString() : v.toStr();
    case Value::Type::Number: {
        const double n = v.toNumber();
        if (isIntegral(n))
            return QString::number(static_cast<qint64>(n));
        return QString::number(n, 'g', 10);
    }
    case Value::Type::Bool:
    case Value::Type::Null:
    case Value::Type::Tuple:
    case Value::Type::Object:
        return {};
    }
    return {};
}

} // namespace Tokenbench::Core::Hcl
