#pragma once

#include <cstdint>
#include <vector>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Tokenbench::Core::Hcl {

// Token types of HCL's native syntax, named after hclsyntax's so the formatter can follow hclwrite's rules.
enum class TokenType : std::uint8_t {
    OBrace, CBrace, OBrack, CBrack, OParen, CParen,
    OQuote, CQuote, OHeredoc, CHeredoc,
    Star, Slash, Plus, Minus, Percent,
    Equal, EqualOp, NotEqual, LessThan, LessThanEq, GreaterThan, GreaterThanEq,
    And, Or, Bang, Dot, Comma, DoubleColon, Ellipsis, FatArrow, Question, Colon,
    TemplateInterp, TemplateControl, TemplateSeqEnd,
    QuotedLit, StringLit, NumberLit, Ident,
    Comment, Newline, EOF_,
    Invalid,
};

// A token is a byte range of the source; the bytes between two tokens are spaces or tabs only, so
// concatenating gaps and tokens reproduces the source exactly.
struct Token
{
    TokenType type = TokenType::Invalid;
    std::int32_t begin = 0;
    std::int32_t end = 0;

    int size() const { return end - begin; }
};

using Tokens = std::vector<Token>;

// Splits source into tokens (always ending with EOF_). Never fails: malformed input yields Invalid
// tokens or unterminated strings that the parser reports.
Tokens lex(QByteArrayView source);

// True for identifier bytes (letters, digits, '_', '-', and any non-ASCII byte).
bool isIdentStart(char c);
bool isIdentContinue(char c);

} // namespace Tokenbench::Core::Hcl
