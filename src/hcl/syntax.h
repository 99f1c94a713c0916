#pragma once

#include <cstdint>
#include <deque>
#include <vector>

#include <QString>

#include "hcl/token.h"

namespace Tokenbench::Core::Hcl {

enum class ExprKind : std::uint8_t {
    Invalid,        // a syntax error; evaluates to null with no further diagnostic
    Literal,        // number, bool or null (see LiteralKind)
    Template,       // quoted string or heredoc: children are parts
    TemplateText,   // literal part: `text` holds the decoded text
    TemplateIf,     // children: condition, true-part Template, false-part Template (or nullptr)
    TemplateFor,    // children: collection, body Template; names: key (optional), value
    Variable,       // root of a traversal: name
    GetAttr,        // children: source; name
    Index,          // children: source, key
    Splat,          // children: source, each (which refers to an AnonSymbol); op: 0 = `.*`, 1 = `[*]`
    AnonSymbol,     // the current element inside a splat's `each`
    FunctionCall,   // children: arguments; name; op = 1 when the last argument is expanded with `...`
    Tuple,          // children: elements
    Object,         // children: key, value, key, value ...
    ObjectKeyIdent, // a bare identifier object key: name
    For,            // children: collection, key result (object form) or nullptr, value result, condition
                    // or nullptr; names: key variable (optional), value variable; op flags: ForObject,
                    // ForGrouping
    Conditional,    // children: condition, true, false
    Binary,         // children: left, right; op: BinaryOp
    Unary,          // children: operand; op: UnaryOp
    Parens,         // children: inner
};

enum class LiteralKind : std::uint8_t { Null, Bool, Number };

enum class BinaryOp : std::uint8_t {
    Or, And, Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual, Add, Subtract, Multiply, Divide, Modulo
};
enum class UnaryOp : std::uint8_t { Negate, Not };

namespace ForFlags {
constexpr std::uint8_t Object = 1;
constexpr std::uint8_t Grouping = 2;
} // namespace ForFlags

namespace TemplateFlags {
constexpr std::uint8_t Heredoc = 1;
constexpr std::uint8_t Flush = 2; // `<<-`
} // namespace TemplateFlags

// A byte range of the source.
struct Range
{
    std::int32_t begin = 0;
    std::int32_t end = 0;
    int size() const { return end - begin; }
    bool isEmpty() const { return end <= begin; }
};

// One expression node. Nodes live in the Syntax arena and point at each other; ranges are byte offsets
// into the document source (no copies except decoded template text).
struct Expr
{
    ExprKind kind = ExprKind::Invalid;
    std::uint8_t op = 0;           // BinaryOp, UnaryOp, LiteralKind, flags (per kind)
    bool boolValue = false;        // Literal Bool
    Range range;                   // the whole expression
    Range name;                    // Variable, GetAttr, FunctionCall, ObjectKeyIdent; For/TemplateFor key var
    Range name2;                   // For/TemplateFor value var
    double number = 0;             // Literal Number
    QString text;                  // TemplateText decoded text
    std::vector<Expr*> children;
};

struct BlockNode;
struct AttributeNode;

struct BodyItem
{
    AttributeNode* attribute = nullptr;
    BlockNode* block = nullptr;
    Range range() const;
};

struct Body
{
    std::vector<BodyItem> items;
    std::vector<const AttributeNode*> attributes() const;
    std::vector<const BlockNode*> blocks() const;
    const AttributeNode* attribute(QByteArrayView name, QByteArrayView source) const;
};

struct AttributeNode
{
    Range range; // from the name to the end of the expression
    Range name;
    Expr* expr = nullptr;
};

struct BlockNode
{
    Range range; // from the type to the closing brace (inclusive)
    Range type;
    std::vector<Range> labels; // raw label tokens, with quotes when quoted
    Range openBrace;
    Range closeBrace; // empty when missing
    Body body;
};

// Owns every node of one parsed document.
class Syntax
{
public:
    Expr* newExpr(ExprKind kind, Range range);
    AttributeNode* newAttribute();
    BlockNode* newBlock();

    Body root;

private:
    std::deque<Expr> m_exprs;
    std::deque<AttributeNode> m_attributes;
    std::deque<BlockNode> m_blocks;
};

} // namespace Tokenbench::Core::Hcl
