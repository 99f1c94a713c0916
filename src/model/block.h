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

    QString attribute(const QString& name) const { return attributes.value(name); }
    bool hasAttribute(const QString& name) const { return attributes.contains(name); }
    // An empty value removes the attribute.
    void setAttribute(const QString& name, const QString& value);

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
