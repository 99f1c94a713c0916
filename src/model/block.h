#pragma once

#include <QList>
#include <QMap>
#include <QString>

namespace Tokenbench::Core {

// A configuration block as Couper names it: `backend "billing" { origin = ... oauth2 { ... } }`.
// Attribute values are kept as the user wrote them (text); an absent attribute is unset.
// Blocks and attributes the model does not know are kept untouched.
struct Block
{
    QString type;
    QString label;
    QMap<QString, QString> attributes;
    QList<Block> blocks;
    // Attributes of a Couper file that Tokenbench evaluates at load time (`attributes` then holds the value)
    // but whose source is an expression other than a literal or env.NAME (`scope = join(" ", ["a", "b"])`,
    // `claims = { foo = to_lower(env.BAR) }`): the source text as written. Forms show and edit this text,
    // save-back writes it; the value is never written in its place.
    QMap<QString, QString> expressions{};

    QString attribute(const QString& name) const { return attributes.value(name); }
    bool hasAttribute(const QString& name) const { return attributes.contains(name); }
    // An empty value removes the attribute. A plain value replaces an expression the attribute had.
    void setAttribute(const QString& name, const QString& value);
    // The attribute as an expression (`source`) with its evaluated `value`; an empty source removes both.
    void setExpression(const QString& name, const QString& source, const QString& value);
    QString expression(const QString& name) const { return expressions.value(name); }
    bool hasExpression(const QString& name) const { return expressions.contains(name); }

    // `childType` is a block type (the first block of it), a selector "type:label" for one of several
    // labelled blocks of a type ("beta_token_request:default" also finds the unlabelled one), or a path of
    // those ("oauth2.jwt_signing_profile").
    const Block* child(const QString& childType) const;
    Block* child(const QString& childType);
    bool matches(const QString& selector) const;
    // The selector that finds this block among its siblings.
    QString selector() const;
    Block& ensureChild(const QString& childType);
    bool removeChild(const QString& childType);

    friend bool operator==(const Block&, const Block&) = default;
};

namespace BlockType {
inline const QString Backend = QStringLiteral("backend");
inline const QString OAuth2 = QStringLiteral("oauth2");
} // namespace BlockType

} // namespace Tokenbench::Core
