#pragma once

#include <memory>

#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Tokenbench::Core::Hcl {

// A value of HCL's type system (cty), as far as Couper's expressions need it: null, bool, number
// (double), string, tuple/list and object/map. Values are immutable and cheap to copy.
class Value
{
public:
    enum class Type { Null, Bool, Number, String, Tuple, Object };
    using List = QList<Value>;
    using Map = QMap<QString, Value>;

    Value() = default;
    static Value null() { return {}; }
    static Value boolean(bool b);
    static Value number(double n);
    static Value string(const QString& s);
    static Value tuple(List items);
    static Value object(Map fields);
    static Value fromJson(const QJsonValue& json);

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isNumber() const { return m_type == Type::Number; }
    bool isString() const { return m_type == Type::String; }
    bool isTuple() const { return m_type == Type::Tuple; }
    bool isObject() const { return m_type == Type::Object; }
    bool isCollection() const { return isTuple() || isObject(); }

    bool toBool() const { return m_bool; }
    double toNumber() const { return m_number; }
    const QString& toStr() const { return m_string; }
    const List& items() const;
    const Map& fields() const;

    // Member of an object, or null when absent or not an object (Couper's lenient traversal).
    Value attribute(const QString& name) const;

    // JSON text as Couper's json_encode writes it: object keys sorted, compact, `<`, `>`, `&` escaped.
    QString toJson() const;
    QJsonValue toJsonValue() const;

    static QString typeName(Type t);
    QString typeName() const { return typeName(m_type); }

    friend bool operator==(const Value& a, const Value& b);
    friend bool operator!=(const Value& a, const Value& b) { return !(a == b); }

private:
    struct Composite;
    Type m_type = Type::Null;
    bool m_bool = false;
    double m_number = 0;
    QString m_string;
    std::shared_ptr<const Composite> m_c;
};

struct Value::Composite
{
    List items;
    Map fields;
};

// cty's number-to-string conversion: integers without decimals, other numbers in the shortest form
// that reads back to the same double, never in exponent notation.
QString formatNumber(double n);

// HCL's conversion to string: strings as is, numbers per formatNumber, bools "true"/"false".
// Returns false for null, tuples and objects.
bool convertToString(const Value& v, QString& out);
// HCL's conversion to number: numbers as is, strings that parse as a decimal number.
bool convertToNumber(const Value& v, double& out);
// HCL's conversion to bool: bools as is, the strings "true" and "false".
bool convertToBool(const Value& v, bool& out);

// Couper's value-to-string conversions (§5.2 of the reference):
// modifier maps (headers, query and form params): strings as is, bools "true"/"false", numbers
// rounded half-to-even without decimals, lists become repeated values, null is skipped.
QStringList modifierValues(const Value& v);
// scalar attributes and form_body values: strings as is but whitespace-only becomes "", integral
// numbers as integers, others with up to 10 significant digits, bools and null become "".
QString scalarString(const Value& v);

} // namespace Tokenbench::Core::Hcl
