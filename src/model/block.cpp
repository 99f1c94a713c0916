#include "model/block.h"

namespace Tokenbench::Core {

void Block::setAttribute(const QString& name, const QString& value)
{
    if (value.isEmpty())
        attributes.remove(name);
    else
        attributes.insert(name, value);
}

const Block* Block::child(const QString& childType) const
{
    // A path of nested types: "oauth2.jwt_signing_profile".
    if (const qsizetype dot = childType.indexOf(u'.'); dot > 0) {
        const Block* parent = child(childType.left(dot));
        return parent ? parent->child(childType.mid(dot + 1)) : nullptr;
    }
    for (const Block& b : blocks) {
        if (b.type == childType)
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
        if (b.type == childType)
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
