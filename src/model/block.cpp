#include "model/block.h"

namespace Tokenbench::Core {

void Block::setAttribute(const QString& name, const QString& value)
{
    expressions.remove(name);
    if (value.isEmpty())
        attributes.remove(name);
    else
        attributes.insert(name, value);
}

void Block::setExpression(const QString& name, const QString& source, const QString& value)
{
    if (source.trimmed().isEmpty()) {
        expressions.remove(name);
        attributes.remove(name);
        return;
    }
    expressions.insert(name, source);
    attributes.insert(name, value);
}

bool Block::matches(const QString& selector) const
{
    const qsizetype colon = selector.indexOf(u':');
    if (colon < 0)
        return type == selector;
    if (QStringView(selector).left(colon) != type)
        return false;
    const QStringView wanted = QStringView(selector).mid(colon + 1);
    return label == wanted || (label.isEmpty() && wanted == u"default");
}

QString Block::selector() const
{
    if (type == u"beta_token_request")
        return type + u':' + (label.isEmpty() ? QStringLiteral("default") : label);
    return label.isEmpty() ? type : type + u':' + label;
}

const Block* Block::child(const QString& childType) const
{
    // A path of nested types: "oauth2.jwt_signing_profile".
    if (const qsizetype dot = childType.indexOf(u'.'); dot > 0) {
        const Block* parent = child(childType.left(dot));
        return parent ? parent->child(childType.mid(dot + 1)) : nullptr;
    }
    for (const Block& b : blocks) {
        if (b.matches(childType))
            return &b;
    }
    return nullptr;
}

Block* Block::child(const QString& childType)
{
    if (const qsizetype dot = childType.indexOf(u'.'); dot > 0) {
        Block* parent = child(childType.left(dot));
        return parent ? parent->child(childType.mid(dot + 1)) : nullptr;
    }
    for (Block& b : blocks) {
        if (b.matches(childType))
            return &b;
    }
    return nullptr;
}

Block& Block::ensureChild(const QString& childType)
{
    if (Block* existing = child(childType))
        return *existing;
    blocks.append(Block{childType, {}, {}, {}});
    return blocks.last();
}

bool Block::removeChild(const QString& childType)
{
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        if (blocks.at(i).type == childType) {
            blocks.removeAt(i);
            return true;
        }
    }
    return false;
}

} // namespace Tokenbench::Core
