#include "hcl/syntax.h"

namespace Tokenbench::Core::Hcl {

Range BodyItem::range() const
{
    return attribute ? attribute->range : block->range;
}

std::vector<const AttributeNode*> Body::attributes() const
{
    std::vector<const AttributeNode*> out;
    for (const BodyItem& i : items)
        if (i.attribute)
            out.push_back(i.attribute);
    return out;
}

std::vector<const BlockNode*> Body::blocks() const
{
    std::vector<const BlockNode*> out;
    for (const BodyItem& i : items)
        if (i.block)
            out.push_back(i.block);
    return out;
}

const AttributeNode* Body::attribute(QByteArrayView name, QByteArrayView source) const
{
    for (const BodyItem& i : items)
        if (i.attribute && source.sliced(i.attribute->name.begin, i.attribute->name.size()) == name)
            return i.attribute;
    return nullptr;
}

Expr* Syntax::newExpr(ExprKind kind, Range range)
{
    Expr& e = m_exprs.emplace_back();
    e.kind = kind;
    e.range = range;
    return &e;
}

AttributeNode* Syntax::newAttribute()
{
    return &m_attributes.emplace_back();
}

BlockNode* Syntax::newBlock()
{
    return &m_blocks.emplace_back();
}

} // namespace Tokenbench::Core::Hcl
