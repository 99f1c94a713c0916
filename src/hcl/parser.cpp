#include "hcl/parser.h"

#include <cmath>
#include <limits>

#include <QHash>

#include "hcl/document.h"

namespace Tokenbench::Core::Hcl {

Diagnostic makeDiagnostic(const ParseInput& input, Diagnostic::Severity severity, Range range, const QString& message)
{
    Diagnostic d;
    d.severity = severity;
    d.message = message;
    d.file = input.fileName;
    const SourcePos b = input.lines->position(input.source, range.begin);
    const SourcePos e = input.lines->position(input.source, std::max(range.end, range.begin));
    d.line = b.line;
    d.column = b.column;
    d.endLine = e.line;
    d.endColumn = e.column;
    return d;
}

namespace {

constexpr int MaxDepth = 160;
constexpr int MaxDiagnostics = 100;

bool isSpace(QChar c)
{
    return c.isSpace();
}

enum class TplEnd { Close, Else, EndIf, EndFor, Error };

struct Peeked
{
    TokenType type;
    int index;
};

class Parser
{
public:
    Parser(const ParseInput& in, Syntax& syntax, Diagnostics& diags)
        : m_in(in), m_src(in.source), m_toks(*in.tokens), m_syntax(syntax), m_diags(diags)
    {
        m_nl.push_back(true);
    }

    void parseFile()
    {
        checkCharacters();
        parseBody(m_syntax.root, nullptr);
    }

    Expr* parseStandalone()
    {
        m_nl.back() = false;
        checkCharacters();
        Expr* e = parseExpression();
        const Peeked p = peek();
        if (p.type != TokenType::EOF_)
            error(tokRange(p.index), QStringLiteral("Extra characters after expression: an expression was already complete here, "
                                                    "but more text follows."));
        return e;
    }

private:
    // ---- characters -----------------------------------------------------------------------------
    // What HashiCorp's scanner refuses before parsing: bytes that are not UTF-8 (anywhere in the file,
    // reported once per line), a `/*` comment without `*/` (it would silently swallow the rest of the
    // file), and characters in identifiers that are neither letters, digits, marks, '_' nor '-' (such as
    // U+2028 LINE SEPARATOR, which an editor may show as a line break).
    void checkCharacters()
    {
        std::vector<std::pair<Range, QString>> found;
        collectCharacterErrors(found);
        std::stable_sort(found.begin(), found.end(),
                         [](const auto& a, const auto& b) { return a.first.begin < b.first.begin; });
        for (const auto& [range, message] : found)
            error(range, message);
    }

    void collectCharacterErrors(std::vector<std::pair<Range, QString>>& found) const
    {
        const auto n = static_cast<std::int32_t>(m_src.size());
        std::int32_t reportedLineEnd = -1;
        for (std::int32_t i = 0; i < n;) {
            const int len = utf8SequenceLength(i);
            if (len > 0) {
                i += len;
                continue;
            }
            if (i >= reportedLineEnd) {
                found.emplace_back(Range{i, i + 1},
                      QStringLiteral("Invalid character encoding: the byte 0x%1 is not valid UTF-8. All input files "
                                     "must be UTF-8 encoded; save the file as UTF-8.")
                          .arg(hex(static_cast<unsigned char>(m_src[i]), 2)));
                const auto nl = m_src.indexOf('\n', i);
                reportedLineEnd = nl < 0 ? n : static_cast<std::int32_t>(nl);
            }
            ++i;
        }
        for (const Token& t : m_toks) {
            if (t.type == TokenType::Comment && t.size() >= 2 && m_src[t.begin] == '/' && m_src[t.begin + 1] == '*'
                && (t.size() < 4 || m_src[t.end - 2] != '*' || m_src[t.end - 1] != '/')) {
                found.emplace_back(Range{t.begin, t.begin + 2},
                      QStringLiteral("Unterminated comment: the /* comment that starts here has no closing */, so it "
                                     "would hide the rest of the file. Close it with */."));
            } else if (t.type == TokenType::Ident) {
                checkIdentifier(t, found);
            }
        }
    }

    // Length of the valid UTF-8 sequence at i, or 0 (overlong forms, surrogates and values above
    // U+10FFFF are invalid, as in Go's utf8.Valid).
    int utf8SequenceLength(std::int32_t i) const
    {
        const auto n = static_cast<std::int32_t>(m_src.size());
        const auto b = [&](std::int32_t k) { return k < n ? static_cast<unsigned char>(m_src[k]) : 0u; };
        const unsigned c = b(i);
        if (c < 0x80)
            return 1;
        const auto cont = [&](std::int32_t k) { return (b(k) & 0xC0u) == 0x80u; };
        if (c >= 0xC2 && c <= 0xDF)
            return cont(i + 1) ? 2 : 0;
        if (c >= 0xE0 && c <= 0xEF) {
            const unsigned c1 = b(i + 1);
            if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F))
                return 0;
            return cont(i + 1) && cont(i + 2) ? 3 : 0;
        }
        if (c >= 0xF0 && c <= 0xF4) {
            const unsigned c1 = b(i + 1);
            if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F))
                return 0;
            return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
        }
        return 0;
    }

    static QString hex(uint value, int width)
    {
        return QString::number(value, 16).toUpper().rightJustified(width, u'0');
    }

    static bool isIdChar(char32_t c, bool first)
    {
        if (c == U'_' || (!first && c == U'-'))
            return true;
        switch (QChar::category(c)) {
        case QChar::Letter_Uppercase:
        case QChar::Letter_Lowercase:
        case QChar::Letter_Titlecase:
        case QChar::Letter_Modifier:
        case QChar::Letter_Other:
        case QChar::Number_Letter:
            return true;
        case QChar::Mark_NonSpacing:
        case QChar::Mark_SpacingCombining:
        case QChar::Number_DecimalDigit:
        case QChar::Punctuation_Connector:
            return !first;
        default:
            return false;
        }
    }

    void checkIdentifier(const Token& t, std::vector<std::pair<Range, QString>>& found) const
    {
        bool ascii = true;
        for (std::int32_t i = t.begin; i < t.end && ascii; ++i)
            ascii = static_cast<unsigned char>(m_src[i]) < 0x80;
        if (ascii)
            return;
        for (std::int32_t i = t.begin; i < t.end;) {
            const int len = utf8SequenceLength(i);
            if (len == 0 || i + len > t.end)
                return; // reported as an encoding error
            const QString ch = QString::fromUtf8(m_src.sliced(i, len));
            if (ch.isEmpty())
                return;
            const char32_t c = ch.size() == 2 ? QChar::surrogateToUcs4(ch[0], ch[1]) : ch[0].unicode();
            if (!isIdChar(c, i == t.begin)) {
                found.emplace_back(Range{i, i + len},
                      QStringLiteral("Invalid character: U+%1 cannot be used in a name; names consist of letters, "
                                     "digits, underscores and dashes.")
                          .arg(hex(static_cast<uint>(c), 4)));
                return;
            }
            i += len;
        }
    }

    // ---- tokens ---------------------------------------------------------------------------------
    const Token& tok(int i) const { return m_toks[static_cast<size_t>(i)]; }
    Range tokRange(int i) const { return Range{tok(i).begin, tok(i).end}; }
    QByteArrayView bytes(Range r) const { return m_src.sliced(r.begin, r.size()); }
    QByteArrayView tokBytes(int i) const { return bytes(tokRange(i)); }

    bool isLineComment(const Token& t) const { return t.type == TokenType::Comment && t.size() > 0 && m_src[t.end - 1] == '\n'; }

    Peeked peek() const
    {
        const bool nl = m_nl.back();
        for (int i = m_pos;; ++i) {
            const Token& t = tok(i);
            if (t.type == TokenType::Comment) {
                if (nl && isLineComment(t))
                    return {TokenType::Newline, i};
                continue;
            }
            if (t.type == TokenType::Newline && !nl)
                continue;
            return {t.type, i};
        }
    }

    int next()
    {
        const Peeked p = peek();
        m_pos = p.type == TokenType::EOF_ ? p.index : p.index + 1;
        return p.index;
    }

    // The token after the next one (same newline rules).
    Peeked peekSecond()
    {
        const int saved = m_pos;
        next();
        const Peeked p = peek();
        m_pos = saved;
        return p;
    }

    bool peekKeyword(const char* kw) const
    {
        const Peeked p = peek();
        return p.type == TokenType::Ident && tokBytes(p.index) == QByteArrayView(kw);
    }

    void pushNl(bool significant) { m_nl.push_back(significant); }
    void popNl()
    {
        if (m_nl.size() > 1)
            m_nl.pop_back();
    }

    void error(Range r, const QString& message)
    {
        // After a nesting limit the rest of the input is skipped: whatever would follow (unterminated
        // brackets, strings, blocks) is a consequence of stopping, not a problem of its own.
        if (m_stopped)
            return;
        if (static_cast<int>(m_diags.size()) >= MaxDiagnostics) {
            if (static_cast<int>(m_diags.size()) == MaxDiagnostics)
                m_diags.append(makeDiagnostic(m_in, Diagnostic::Severity::Error, r,
                                              QStringLiteral("Too many errors: only the first %1 are reported; fix "
                                                             "these and check the file again.")
                                                  .arg(MaxDiagnostics)));
            return;
        }
        if (!m_diags.isEmpty() && m_diags.size() >= 1) {
            // Avoid piling up identical errors at the same place during recovery.
            const Diagnostic& last = m_diags.constLast();
            const SourcePos p = m_in.lines->position(m_src, r.begin);
            if (last.line == p.line && last.column == p.column && last.message == message)
                return;
        }
        m_diags.append(makeDiagnostic(m_in, Diagnostic::Severity::Error, r, message));
    }

    QString posText(std::int32_t offset) const
    {
        const SourcePos p = m_in.lines->position(m_src, offset);
        return QString::number(p.line) + u':' + QString::number(p.column);
    }

    static bool opens(TokenType t)
    {
        return t == TokenType::OBrace || t == TokenType::OBrack || t == TokenType::OParen || t == TokenType::TemplateInterp
            || t == TokenType::TemplateControl || t == TokenType::OQuote || t == TokenType::OHeredoc;
    }
    static bool closes(TokenType t)
    {
        return t == TokenType::CBrace || t == TokenType::CBrack || t == TokenType::CParen || t == TokenType::TemplateSeqEnd
            || t == TokenType::CQuote || t == TokenType::CHeredoc;
    }

    // Skips raw tokens until `close` at nesting depth 0 (not consumed) or EOF. Returns true if found.
    bool skipUntilClose(TokenType close)
    {
        int depth = 0;
        for (;;) {
            const Token& t = tok(m_pos);
            if (t.type == TokenType::EOF_)
                return false;
            if (depth == 0 && t.type == close)
                return true;
            if (opens(t.type))
                ++depth;
            else if (closes(t.type) && depth > 0)
                --depth;
            else if (closes(t.type) && depth == 0 && t.type == TokenType::CBrace)
                return false; // do not run out of the enclosing block
            ++m_pos;
        }
    }

    // Body-level recovery: skip to the end of the line (consumed), or to a `}` closing the block.
    void recoverToNewline(bool inBlock)
    {
        int depth = 0;
        for (;;) {
            const Token& t = tok(m_pos);
            if (t.type == TokenType::EOF_)
                return;
            if (depth == 0 && (t.type == TokenType::Newline || isLineComment(t))) {
                ++m_pos;
                return;
            }
            if (depth == 0 && t.type == TokenType::CBrace && inBlock)
                return;
            if (opens(t.type))
                ++depth;
            else if (closes(t.type) && depth > 0)
                --depth;
            ++m_pos;
        }
    }

    struct DepthGuard
    {
        explicit DepthGuard(int& d) : m_d(d) { ++m_d; }
        ~DepthGuard() { --m_d; }
        int& m_d;
    };

    // ---- bodies ---------------------------------------------------------------------------------
    void parseBody(Body& body, const BlockNode* owner)
    {
        const bool inBlock = owner != nullptr;
        QHash<QByteArrayView, std::int32_t> names;
        QHash<QByteArrayView, std::int32_t>* savedNames = m_names;
        m_names = &names;
        struct Restore
        {
            QHash<QByteArrayView, std::int32_t>*& slot;
            QHash<QByteArrayView, std::int32_t>* value;
            ~Restore() { slot = value; }
        } restore{m_names, savedNames};
        int lastPos = -1;
        for (;;) {
            if (m_pos == lastPos && tok(m_pos).type != TokenType::EOF_)
                ++m_pos; // safety net: every round must consume something
            lastPos = m_pos;
            const Peeked p = peek();
            switch (p.type) {
            case TokenType::Newline:
                next();
                continue;
            case TokenType::EOF_:
                return;
            case TokenType::CBrace:
                if (inBlock)
                    return;
                error(tokRange(p.index), QStringLiteral("Argument or block definition required: this '}' closes no block."));
                next();
                continue;
            case TokenType::Ident:
                parseBodyItem(body, inBlock);
                continue;
            default:
                error(tokRange(p.index), QStringLiteral("Argument or block definition required: an argument or block "
                                                        "definition is required here."));
                recoverToNewline(inBlock);
                continue;
            }
        }
    }

    void endOfItem(bool inBlock, const char* what)
    {
        const Peeked p = peek();
        if (p.type == TokenType::Newline) {
            next();
            return;
        }
        if (p.type == TokenType::EOF_)
            return;
        if (p.type == TokenType::CBrace && !inBlock) {
            return; // the stray brace is reported by the body loop
        }
        error(tokRange(p.index), QString::fromLatin1(what));
        recoverToNewline(inBlock);
    }

    void parseBodyItem(Body& body, bool inBlock)
    {
        const int nameIdx = next();
        const Peeked p = peek();
        if (p.type == TokenType::Equal) {
            next();
            AttributeNode* a = m_syntax.newAttribute();
            a->name = tokRange(nameIdx);
            checkRedefined(a->name);
            a->expr = parseExpression();
            a->range = Range{a->name.begin, std::max(a->expr->range.end, tokRange(p.index).end)};
            body.items.push_back(BodyItem{a, nullptr});
            endOfItem(inBlock, "Missing newline after argument: an argument definition must end with a newline.");
            return;
        }
        if (p.type == TokenType::OQuote || p.type == TokenType::Ident || p.type == TokenType::OBrace) {
            parseBlock(body, nameIdx, inBlock);
            return;
        }
        const QString name = QString::fromUtf8(tokBytes(nameIdx));
        error(Range{tok(nameIdx).begin, tok(p.index).end},
              QStringLiteral("Argument or block definition required: to set an argument, use the equals sign \"=\" to "
                             "introduce the argument value; to define a block \"%1\", add a label or an opening brace.")
                  .arg(name));
        recoverToNewline(inBlock);
    }

    // HCL: each argument may be set only once per body.
    void checkRedefined(Range name)
    {
        if (!m_names)
            return;
        const QByteArrayView n = bytes(name);
        const auto it = m_names->constFind(n);
        if (it == m_names->cend()) {
            m_names->insert(n, name.begin);
            return;
        }
        error(name, QStringLiteral("Attribute redefined: the argument \"%1\" was already set at %2. Each argument may "
                                   "be set only once.")
                        .arg(QString::fromUtf8(n), posText(it.value())));
    }

    void parseBlock(Body& body, int typeIdx, bool inBlock)
    {
        BlockNode* b = m_syntax.newBlock();
        b->type = tokRange(typeIdx);
        b->range = b->type;
        for (;;) {
            const Peeked p = peek();
            if (p.type == TokenType::Ident) {
                next();
                b->labels.push_back(tokRange(p.index));
            } else if (p.type == TokenType::OQuote) {
                Expr* t = parseQuotedTemplate();
                bool literal = true;
                for (const Expr* part : t->children)
                    literal = literal && part->kind == ExprKind::TemplateText;
                if (!literal)
                    error(t->range, QStringLiteral("Invalid string literal: template sequences are not allowed in a block "
                                                   "label. To include a literal \"$\", double it (as \"$$\") to escape it."));
                b->labels.push_back(t->range);
            } else {
                break;
            }
        }
        const Peeked ob = peek();
        if (ob.type != TokenType::OBrace) {
            error(tokRange(ob.index), QStringLiteral("Invalid block definition: a block definition must have block content "
                                                     "delimited by \"{\" and \"}\", starting on the same line as the block "
                                                     "header."));
            recoverToNewline(inBlock);
            return;
        }
        next();
        b->openBrace = tokRange(ob.index);
        body.items.push_back(BodyItem{nullptr, b});

        if (m_depth > MaxDepth) {
            error(b->openBrace, QStringLiteral("Nesting too deep: blocks are nested more than %1 levels.").arg(MaxDepth));
            skipUntilClose(TokenType::CBrace);
            finishBlock(b, inBlock);
            return;
        }
        DepthGuard guard(m_depth);

        const Peeked first = peek();
        if (first.type == TokenType::Newline) {
            next();
            parseBody(b->body, b);
            finishBlock(b, inBlock);
            return;
        }
        if (first.type == TokenType::CBrace) {
            finishBlock(b, inBlock);
            return;
        }
        // Single-line block: at most one argument.
        if (first.type == TokenType::Ident) {
            const Peeked second = peekSecond();
            if (second.type == TokenType::Equal) {
                const int nameIdx = next();
                next();
                AttributeNode* a = m_syntax.newAttribute();
                a->name = tokRange(nameIdx);
                a->expr = parseExpression();
                a->range = Range{a->name.begin, std::max(a->expr->range.end, tokRange(second.index).end)};
                b->body.items.push_back(BodyItem{a, nullptr});
                const Peeked c = peek();
                if (c.type != TokenType::CBrace) {
                    error(tokRange(c.index),
                          QStringLiteral("Invalid single-argument block definition: a single-line block definition must "
                                         "end with a closing brace immediately after its single argument definition."));
                    skipUntilClose(TokenType::CBrace);
                }
                finishBlock(b, inBlock);
                return;
            }
            const QString name = QString::fromUtf8(tokBytes(first.index));
            error(Range{tok(first.index).begin, tok(second.index).end},
                  QStringLiteral("Argument definition required: a single-line block definition can contain only a single "
                                 "argument. If you meant to define argument \"%1\", use an equals sign to assign it a "
                                 "value. To define a nested block, place it on a line of its own within its parent block.")
                      .arg(name));
            skipUntilClose(TokenType::CBrace);
            finishBlock(b, inBlock);
            return;
        }
        error(tokRange(first.index), QStringLiteral("Argument or block definition required: an argument or block "
                                                    "definition is required here."));
        skipUntilClose(TokenType::CBrace);
        finishBlock(b, inBlock);
    }

    void finishBlock(BlockNode* b, bool inBlock)
    {
        const Peeked c = peek();
        if (c.type == TokenType::CBrace) {
            next();
            b->closeBrace = tokRange(c.index);
            b->range.end = b->closeBrace.end;
            endOfItem(inBlock, "Missing newline after block definition: a block definition must end with a newline.");
            return;
        }
        b->range.end = tok(std::max(0, m_pos - 1)).end;
        b->range.end = std::max(b->range.end, b->openBrace.end);
        error(b->openBrace, QStringLiteral("Missing closing brace: this block opened at %1 has no matching '}'.")
                                .arg(posText(b->openBrace.begin)));
    }

    // ---- expressions ----------------------------------------------------------------------------
    Expr* invalidAt(Range r) { return m_syntax.newExpr(ExprKind::Invalid, r); }

    // One error for an over-deep expression or template, then the rest of the input is consumed (no
    // recursion, guaranteed termination) and no further errors are reported.
    void stopTooDeep(Range at, const QString& what)
    {
        error(at, QStringLiteral("Nesting too deep: %1 are nested more than %2 levels; the rest of the file is not "
                                 "read.")
                      .arg(what)
                      .arg(MaxDepth));
        m_stopped = true;
        while (tok(m_pos).type != TokenType::EOF_)
            ++m_pos;
    }

    Expr* parseExpression()
    {
        if (m_depth > MaxDepth) {
            const Peeked p = peek();
            stopTooDeep(tokRange(p.index), QStringLiteral("expressions"));
            return invalidAt(tokRange(p.index));
        }
        DepthGuard guard(m_depth);
        return parseTernary();
    }

    Expr* parseTernary()
    {
        Expr* cond = parseBinary(0);
        if (peek().type != TokenType::Question)
            return cond;
        next();
        Expr* t = parseExpression();
        Expr* f = nullptr;
        const Peeked c = peek();
        if (c.type == TokenType::Colon) {
            next();
            f = parseExpression();
        } else {
            error(tokRange(c.index), QStringLiteral("Missing false expression in conditional: the conditional operator "
                                                    "(...?...:...) requires a false expression, delimited by a colon."));
            f = invalidAt(tokRange(c.index));
        }
        Expr* e = m_syntax.newExpr(ExprKind::Conditional, Range{cond->range.begin, std::max(f->range.end, t->range.end)});
        e->children = {cond, t, f};
        return e;
    }

    static bool binaryOp(int level, TokenType t, BinaryOp& op)
    {
        switch (level) {
        case 0:
            if (t == TokenType::Or) { op = BinaryOp::Or; return true; }
            return false;
        case 1:
            if (t == TokenType::And) { op = BinaryOp::And; return true; }
            return false;
        case 2:
            if (t == TokenType::EqualOp) { op = BinaryOp::Equal; return true; }
            if (t == TokenType::NotEqual) { op = BinaryOp::NotEqual; return true; }
            return false;
        case 3:
            if (t == TokenType::LessThan) { op = BinaryOp::Less; return true; }
            if (t == TokenType::LessThanEq) { op = BinaryOp::LessEqual; return true; }
            if (t == TokenType::GreaterThan) { op = BinaryOp::Greater; return true; }
            if (t == TokenType::GreaterThanEq) { op = BinaryOp::GreaterEqual; return true; }
            return false;
        case 4:
            if (t == TokenType::Plus) { op = BinaryOp::Add; return true; }
            if (t == TokenType::Minus) { op = BinaryOp::Subtract; return true; }
            return false;
        case 5:
            if (t == TokenType::Star) { op = BinaryOp::Multiply; return true; }
            if (t == TokenType::Slash) { op = BinaryOp::Divide; return true; }
            if (t == TokenType::Percent) { op = BinaryOp::Modulo; return true; }
            return false;
        default:
            return false;
        }
    }

    Expr* parseBinary(int level)
    {
        if (level == 6)
            return parseUnary();
        Expr* lhs = parseBinary(level + 1);
        for (;;) {
            BinaryOp op;
            if (!binaryOp(level, peek().type, op))
                return lhs;
            next();
            Expr* rhs = parseBinary(level + 1);
            Expr* e = m_syntax.newExpr(ExprKind::Binary, Range{lhs->range.begin, std::max(rhs->range.end, lhs->range.end)});
            e->op = static_cast<std::uint8_t>(op);
            e->children = {lhs, rhs};
            lhs = e;
        }
    }

    Expr* parseUnary()
    {
        const Peeked p = peek();
        if (p.type == TokenType::Minus || p.type == TokenType::Bang) {
            next();
            if (m_depth > MaxDepth)
                return parseExpression(); // reports and stops
            DepthGuard guard(m_depth);
            Expr* operand = parseUnary();
            Expr* e = m_syntax.newExpr(ExprKind::Unary, Range{tok(p.index).begin, std::max(operand->range.end, tok(p.index).end)});
            e->op = static_cast<std::uint8_t>(p.type == TokenType::Minus ? UnaryOp::Negate : UnaryOp::Not);
            e->children = {operand};
            return e;
        }
        return parseTraversalChain(parsePrimary());
    }

    Expr* getAttr(Expr* source, int nameIdx)
    {
        Expr* e = m_syntax.newExpr(ExprKind::GetAttr, Range{source->range.begin, tok(nameIdx).end});
        e->name = tokRange(nameIdx);
        e->children = {source};
        return e;
    }

    Expr* indexLiteral(Expr* source, int numIdx)
    {
        // Legacy index syntax `a.0`; `a.0.1` is lexed as one number and means two indexes.
        Expr* e = source;
        const QByteArrayView digits = tokBytes(numIdx);
        std::int32_t partBegin = tok(numIdx).begin;
        const auto emitIndex = [&](std::int32_t b, std::int32_t en) {
            Expr* key = m_syntax.newExpr(ExprKind::Literal, Range{b, en});
            key->op = static_cast<std::uint8_t>(LiteralKind::Number);
            key->number = QByteArray(m_src.sliced(b, en - b).data(), en - b).toDouble();
            Expr* ix = m_syntax.newExpr(ExprKind::Index, Range{source->range.begin, en});
            ix->children = {e, key};
            e = ix;
        };
        const qsizetype dot = digits.indexOf('.');
        if (dot >= 0) {
            emitIndex(partBegin, partBegin + static_cast<std::int32_t>(dot));
            partBegin += static_cast<std::int32_t>(dot) + 1;
        }
        emitIndex(partBegin, tok(numIdx).end);
        return e;
    }

    // Parses `[` ... `]` of an index after the `[` was consumed. Returns nullptr for `[*]` (consumed).
    Expr* parseIndexKey(bool& splat, std::int32_t& end)
    {
        splat = false;
        pushNl(false);
        if (peek().type == TokenType::Star && peekSecond().type == TokenType::CBrack) {
            next();
            end = tok(next()).end;
            popNl();
            splat = true;
            return nullptr;
        }
        Expr* key = parseExpression();
        const Peeked c = peek();
        if (c.type == TokenType::CBrack) {
            next();
            end = tok(c.index).end;
        } else {
            error(tokRange(c.index), QStringLiteral("Missing close bracket on index: the index operator must end with a "
                                                    "closing bracket (\"]\")."));
            if (skipUntilClose(TokenType::CBrack))
                ++m_pos;
            end = tok(std::max(0, m_pos - 1)).end;
        }
        popNl();
        return key;
    }

    Expr* parseTraversalChain(Expr* e)
    {
        for (;;) {
            const Peeked p = peek();
            if (p.type == TokenType::Dot) {
                next();
                const Peeked q = peek();
                if (q.type == TokenType::Ident) {
                    next();
                    e = getAttr(e, q.index);
                } else if (q.type == TokenType::NumberLit) {
                    next();
                    e = indexLiteral(e, q.index);
                } else if (q.type == TokenType::Star) {
                    next();
                    e = parseSplat(e, true, tok(q.index).end);
                } else {
                    error(tokRange(q.index), QStringLiteral("Invalid attribute name: an attribute name is required after a dot."));
                    Expr* bad = invalidAt(Range{e->range.begin, tok(p.index).end});
                    return bad;
                }
            } else if (p.type == TokenType::OBrack) {
                next();
                bool splat = false;
                std::int32_t end = 0;
                Expr* key = parseIndexKey(splat, end);
                if (splat) {
                    e = parseSplat(e, false, end);
                } else {
                    Expr* ix = m_syntax.newExpr(ExprKind::Index, Range{e->range.begin, end});
                    ix->children = {e, key};
                    e = ix;
                }
            } else {
                return e;
            }
        }
    }

    Expr* parseSplat(Expr* source, bool attrOnly, std::int32_t splatEnd)
    {
        Expr* sym = m_syntax.newExpr(ExprKind::AnonSymbol, Range{splatEnd, splatEnd});
        Expr* each = sym;
        std::int32_t end = splatEnd;
        for (;;) {
            const Peeked p = peek();
            if (p.type == TokenType::Dot) {
                const Peeked q = peekSecond();
                if (q.type == TokenType::Ident) {
                    next();
                    next();
                    each = getAttr(each, q.index);
                    end = tok(q.index).end;
                    continue;
                }
                if (q.type == TokenType::NumberLit && !attrOnly) {
                    next();
                    next();
                    each = indexLiteral(each, q.index);
                    end = tok(q.index).end;
                    continue;
                }
                break;
            }
            if (p.type == TokenType::OBrack && !attrOnly) {
                const int saved = m_pos;
                next();
                pushNl(false);
                const bool isSplat = peek().type == TokenType::Star && peekSecond().type == TokenType::CBrack;
                popNl();
                if (isSplat) {
                    m_pos = saved;
                    break;
                }
                bool dummy = false;
                Expr* key = parseIndexKey(dummy, end);
                Expr* ix = m_syntax.newExpr(ExprKind::Index, Range{each->range.begin, end});
                ix->children = {each, key};
                each = ix;
                continue;
            }
            break;
        }
        Expr* s = m_syntax.newExpr(ExprKind::Splat, Range{source->range.begin, end});
        s->op = attrOnly ? 0 : 1;
        s->children = {source, each};
        return s;
    }

    Expr* literal(LiteralKind k, int idx)
    {
        Expr* e = m_syntax.newExpr(ExprKind::Literal, tokRange(idx));
        e->op = static_cast<std::uint8_t>(k);
        return e;
    }

    Expr* parsePrimary()
    {
        const Peeked p = peek();
        switch (p.type) {
        case TokenType::NumberLit: {
            next();
            Expr* e = literal(LiteralKind::Number, p.index);
            const QByteArrayView b = tokBytes(p.index);
            e->number = QByteArray(b.data(), b.size()).toDouble();
            return e;
        }
        case TokenType::Ident: {
            const QByteArrayView b = tokBytes(p.index);
            if (b == "true" || b == "false") {
                next();
                Expr* e = literal(LiteralKind::Bool, p.index);
                e->boolValue = b == "true";
                return e;
            }
            if (b == "null") {
                next();
                return literal(LiteralKind::Null, p.index);
            }
            const Peeked q = peekSecond();
            if (q.type == TokenType::OParen || q.type == TokenType::DoubleColon)
                return parseFunctionCall();
            next();
            Expr* e = m_syntax.newExpr(ExprKind::Variable, tokRange(p.index));
            e->name = tokRange(p.index);
            return e;
        }
        case TokenType::OQuote:
            return parseQuotedTemplate();
        case TokenType::OHeredoc:
            return parseHeredoc();
        case TokenType::OParen: {
            next();
            pushNl(false);
            Expr* inner = parseExpression();
            const Peeked c = peek();
            std::int32_t end = inner->range.end;
            if (c.type == TokenType::CParen) {
                next();
                end = tok(c.index).end;
            } else {
                error(tokRange(c.index), QStringLiteral("Unbalanced parentheses: expected a closing parenthesis to "
                                                        "terminate the expression."));
                if (skipUntilClose(TokenType::CParen)) {
                    end = tok(m_pos).end;
                    ++m_pos;
                }
            }
            popNl();
            Expr* e = m_syntax.newExpr(ExprKind::Parens, Range{tok(p.index).begin, end});
            e->children = {inner};
            return e;
        }
        case TokenType::OBrack:
            return parseTuple();
        case TokenType::OBrace:
            return parseObject();
        default:
            break;
        }
        error(tokRange(p.index), QStringLiteral("Invalid expression: expected the start of an expression, but found %1.")
                                     .arg(describe(p)));
        const bool consume = !(p.type == TokenType::Newline || p.type == TokenType::EOF_ || closes(p.type)
                               || p.type == TokenType::Comma || p.type == TokenType::Colon || p.type == TokenType::Equal
                               || p.type == TokenType::FatArrow || opens(p.type));
        if (consume)
            next();
        return invalidAt(tokRange(p.index));
    }

    QString describe(const Peeked& p) const
    {
        switch (p.type) {
        case TokenType::Newline:
            return QStringLiteral("the end of the line");
        case TokenType::EOF_:
            return QStringLiteral("the end of the file");
        default:
            return u'"' + QString::fromUtf8(tokBytes(p.index)) + u'"';
        }
    }

    Expr* parseFunctionCall()
    {
        const int first = next();
        Range name = tokRange(first);
        while (peek().type == TokenType::DoubleColon) {
            next();
            const Peeked id = peek();
            if (id.type != TokenType::Ident) {
                error(tokRange(id.index), QStringLiteral("Missing function name: a function name is required after \"::\"."));
                return invalidAt(name);
            }
            next();
            name.end = tok(id.index).end;
        }
        const Peeked op = peek();
        if (op.type != TokenType::OParen) {
            error(tokRange(op.index), QStringLiteral("Missing open parenthesis: a function call needs \"(\" after its name."));
            return invalidAt(name);
        }
        next();
        Expr* call = m_syntax.newExpr(ExprKind::FunctionCall, name);
        call->name = name;
        pushNl(false);
        for (;;) {
            const Peeked p = peek();
            if (p.type == TokenType::CParen || p.type == TokenType::EOF_)
                break;
            call->children.push_back(parseExpression());
            const Peeked s = peek();
            if (s.type == TokenType::Ellipsis) {
                next();
                call->op = 1;
                if (peek().type != TokenType::CParen) {
                    error(tokRange(peek().index), QStringLiteral("Missing closing parenthesis: an expanded function "
                                                                 "argument (with ...) must be immediately followed by "
                                                                 "closing parentheses."));
                    skipUntilClose(TokenType::CParen);
                }
                break;
            }
            if (s.type == TokenType::Comma) {
                next();
                continue;
            }
            if (s.type == TokenType::CParen)
                break;
            error(tokRange(s.index), QStringLiteral("Missing argument separator: a comma is required to separate each "
                                                    "function argument from the next."));
            skipUntilClose(TokenType::CParen);
            break;
        }
        const Peeked c = peek();
        if (c.type == TokenType::CParen) {
            next();
            call->range.end = tok(c.index).end;
        } else {
            error(Range{name.begin, tok(c.index).end},
                  QStringLiteral("Unterminated function call: there is no closing parenthesis for this call of \"%1\".")
                      .arg(QString::fromUtf8(bytes(name))));
            call->range.end = tok(std::max(0, m_pos - 1)).end;
        }
        popNl();
        return call;
    }

    bool atForKeyword()
    {
        return peekKeyword("for") && peekSecond().type == TokenType::Ident;
    }

    Expr* parseTuple()
    {
        const int open = next();
        pushNl(false);
        if (atForKeyword()) {
            Expr* e = parseFor(false, open);
            popNl();
            return e;
        }
        Expr* t = m_syntax.newExpr(ExprKind::Tuple, tokRange(open));
        for (;;) {
            const Peeked p = peek();
            if (p.type == TokenType::CBrack || p.type == TokenType::EOF_)
                break;
            t->children.push_back(parseExpression());
            const Peeked s = peek();
            if (s.type == TokenType::Comma) {
                next();
                continue;
            }
            if (s.type == TokenType::CBrack)
                break;
            error(tokRange(s.index), QStringLiteral("Missing item separator: expected a comma to mark the beginning of "
                                                    "the next item."));
            skipUntilClose(TokenType::CBrack);
            break;
        }
        closeCollection(t, TokenType::CBrack, open, "tuple", "]");
        popNl();
        return t;
    }

    void closeCollection(Expr* e, TokenType close, int open, const char* what, const char* closer)
    {
        const Peeked c = peek();
        if (c.type == close) {
            next();
            e->range.end = tok(c.index).end;
            return;
        }
        error(tokRange(open), QStringLiteral("Unterminated %1: the %1 opened at %2 has no matching '%3'.")
                                  .arg(QString::fromLatin1(what), posText(tok(open).begin), QString::fromLatin1(closer)));
        e->range.end = std::max(e->range.end, tok(std::max(0, m_pos - 1)).end);
    }

    Expr* parseObject()
    {
        const int open = next();
        pushNl(true);
        {
            const int saved = m_pos;
            pushNl(false);
            const bool isFor = atForKeyword();
            if (isFor) {
                Expr* e = parseFor(true, open);
                popNl();
                popNl();
                return e;
            }
            popNl();
            m_pos = saved;
        }
        Expr* o = m_syntax.newExpr(ExprKind::Object, tokRange(open));
        int lastPos = -1;
        for (;;) {
            if (m_pos == lastPos && tok(m_pos).type != TokenType::EOF_)
                ++m_pos; // no progress in the previous round: skip the offending token
            lastPos = m_pos;
            Peeked p = peek();
            while (p.type == TokenType::Newline) {
                next();
                p = peek();
            }
            if (p.type == TokenType::CBrace || p.type == TokenType::EOF_)
                break;
            Expr* key = nullptr;
            const Peeked after = peekSecond();
            if (p.type == TokenType::Ident && (after.type == TokenType::Equal || after.type == TokenType::Colon)) {
                next();
                key = m_syntax.newExpr(ExprKind::ObjectKeyIdent, tokRange(p.index));
                key->name = tokRange(p.index);
            } else {
                key = parseExpression();
            }
            const Peeked sep = peek();
            if (sep.type != TokenType::Equal && sep.type != TokenType::Colon) {
                error(tokRange(sep.index), QStringLiteral("Missing key/value separator: expected an equals sign (\"=\") to "
                                                          "mark the beginning of the attribute value."));
                skipObjectItem();
                continue;
            }
            next();
            Expr* value = parseExpression();
            o->children.push_back(key);
            o->children.push_back(value);
            const Peeked s = peek();
            if (s.type == TokenType::Comma || s.type == TokenType::Newline) {
                next();
                continue;
            }
            if (s.type == TokenType::CBrace || s.type == TokenType::EOF_)
                break;
            error(tokRange(s.index), QStringLiteral("Missing attribute separator: expected a newline or comma to mark the "
                                                    "beginning of the next attribute."));
            skipObjectItem();
        }
        closeCollection(o, TokenType::CBrace, open, "object", "}");
        popNl();
        return o;
    }

    // Object recovery: skip to the next newline or comma at depth 0 (consumed), or the closing brace.
    void skipObjectItem()
    {
        int depth = 0;
        for (;;) {
            const Token& t = tok(m_pos);
            if (t.type == TokenType::EOF_)
                return;
            if (depth == 0 && (t.type == TokenType::Newline || t.type == TokenType::Comma || isLineComment(t))) {
                ++m_pos;
                return;
            }
            if (depth == 0 && t.type == TokenType::CBrace)
                return;
            if (opens(t.type))
                ++depth;
            else if (closes(t.type) && depth > 0)
                --depth;
            ++m_pos; // stray closers at depth 0 are skipped too
        }
    }

    Expr* parseFor(bool isObject, int open)
    {
        pushNl(false);
        const TokenType close = isObject ? TokenType::CBrace : TokenType::CBrack;
        next(); // for
        Expr* e = m_syntax.newExpr(ExprKind::For, tokRange(open));
        e->op = isObject ? ForFlags::Object : 0;
        e->children = {nullptr, nullptr, nullptr, nullptr};
        const auto fail = [&](const QString& msg) {
            error(tokRange(peek().index), QStringLiteral("Invalid 'for' expression: ") + msg);
            if (skipUntilClose(close))
                ++m_pos;
            e->range.end = tok(std::max(0, m_pos - 1)).end;
            for (Expr*& c : e->children)
                if (!c && &c != &e->children[1] && &c != &e->children[3])
                    c = invalidAt(e->range);
            if (isObject && !e->children[1])
                e->children[1] = invalidAt(e->range);
            popNl();
            return e;
        };
        Peeked id = peek();
        if (id.type != TokenType::Ident)
            return fail(QStringLiteral("a variable name is required after 'for'."));
        next();
        e->name2 = tokRange(id.index);
        if (peek().type == TokenType::Comma) {
            next();
            const Peeked id2 = peek();
            if (id2.type != TokenType::Ident)
                return fail(QStringLiteral("a value variable name is required after the comma."));
            next();
            e->name = e->name2;
            e->name2 = tokRange(id2.index);
        }
        if (!peekKeyword("in"))
            return fail(QStringLiteral("the 'in' keyword is required after the variable names."));
        next();
        e->children[0] = parseExpression();
        if (peek().type != TokenType::Colon)
            return fail(QStringLiteral("a colon is required after the collection expression."));
        next();
        if (isObject) {
            e->children[1] = parseExpression();
            if (peek().type != TokenType::FatArrow)
                return fail(QStringLiteral("the key expression must be followed by '=>' and the value expression."));
            next();
        }
        e->children[2] = parseExpression();
        if (isObject && peek().type == TokenType::Ellipsis) {
            next();
            e->op |= ForFlags::Grouping;
        }
        if (peekKeyword("if")) {
            next();
            e->children[3] = parseExpression();
        }
        if (peek().type != close)
            return fail(QStringLiteral("extra characters after the end of the 'for' expression."));
        e->range.end = tok(next()).end;
        popNl();
        return e;
    }

    // ---- templates ------------------------------------------------------------------------------
    QString decodeLiteral(const Token& t, bool quoted)
    {
        const QByteArrayView b = m_src.sliced(t.begin, t.size());
        if (!quoted && !b.contains("${") && !b.contains("%{"))
            return QString::fromUtf8(b);
        if (quoted && !b.contains('\\') && !b.contains("${") && !b.contains("%{"))
            return QString::fromUtf8(b);
        QByteArray out;
        out.reserve(b.size());
        QString result;
        const auto flush = [&] {
            result += QString::fromUtf8(out);
            out.clear();
        };
        for (qsizetype i = 0; i < b.size(); ++i) {
            const char c = b[i];
            if ((c == '$' || c == '%') && i + 2 < b.size() && b[i + 1] == c && b[i + 2] == '{') {
                out += c;
                out += '{';
                i += 2;
                continue;
            }
            if (c == '\\' && quoted) {
                if (i + 1 >= b.size()) {
                    error(Range{t.begin + static_cast<std::int32_t>(i), t.end},
                          QStringLiteral("Invalid escape sequence: a backslash must be followed by an escape character."));
                    break;
                }
                const char e = b[i + 1];
                switch (e) {
                case 'n': out += '\n'; ++i; continue;
                case 'r': out += '\r'; ++i; continue;
                case 't': out += '\t'; ++i; continue;
                case '"': out += '"'; ++i; continue;
                case '\\': out += '\\'; ++i; continue;
                case 'u':
                case 'U': {
                    const int digits = e == 'u' ? 4 : 8;
                    bool ok = i + 2 + digits <= b.size();
                    uint cp = 0;
                    if (ok) {
                        const QByteArray hex(b.sliced(i + 2, digits).data(), digits);
                        cp = hex.toUInt(&ok, 16);
                    }
                    if (!ok || cp > 0x10FFFF) {
                        error(Range{t.begin + static_cast<std::int32_t>(i), t.begin + static_cast<std::int32_t>(std::min<qsizetype>(i + 2, b.size()))},
                              QStringLiteral("Invalid escape sequence: \\%1 must be followed by %2 hexadecimal digits.")
                                  .arg(QLatin1Char(e))
                                  .arg(digits));
                        i += 1;
                        continue;
                    }
                    flush();
                    const char32_t ch = cp;
                    result += QString::fromUcs4(&ch, 1);
                    i += 1 + digits;
                    continue;
                }
                default:
                    error(Range{t.begin + static_cast<std::int32_t>(i), t.begin + static_cast<std::int32_t>(i + 2)},
                          QStringLiteral("Invalid escape sequence: the symbol \"%1\" is not a valid escape sequence "
                                         "selector.")
                              .arg(QString::fromUtf8(b.sliced(i + 1, 1))));
                    ++i;
                    continue;
                }
            }
            out += c;
        }
        flush();
        return result;
    }

    static void trimTrailing(QString& s)
    {
        qsizetype n = s.size();
        while (n > 0 && isSpace(s[n - 1]))
            --n;
        s.truncate(n);
    }
    static void trimLeading(QString& s)
    {
        qsizetype n = 0;
        while (n < s.size() && isSpace(s[n]))
            ++n;
        s.remove(0, n);
    }

    // Expects a `}` ending an interpolation or directive; consumes it and notes a `~}` strip marker.
    void expectSeqEnd()
    {
        const Peeked p = peek();
        if (p.type == TokenType::TemplateSeqEnd) {
            next();
            m_stripNext = tok(p.index).size() == 2;
            return;
        }
        error(tokRange(p.index), QStringLiteral("Extra characters in template sequence: expected a closing brace to end "
                                                "the sequence, but found %1.")
                                     .arg(describe(p)));
        if (skipUntilClose(TokenType::TemplateSeqEnd)) {
            m_stripNext = tok(m_pos).size() == 2;
            ++m_pos;
        }
    }

    void trackHeredoc(Expr* lit)
    {
        if (m_heredocParts)
            m_heredocParts->push_back(lit);
    }

    TplEnd parseTemplateParts(std::vector<Expr*>& out, bool heredoc, TokenType closeType)
    {
        for (;;) {
            const Token& t = tok(m_pos);
            const int idx = m_pos;
            if (t.type == closeType)
                return TplEnd::Close;
            switch (t.type) {
            case TokenType::QuotedLit:
            case TokenType::StringLit: {
                ++m_pos;
                Expr* lit = m_syntax.newExpr(ExprKind::TemplateText, tokRange(idx));
                lit->text = decodeLiteral(t, !heredoc);
                if (m_stripNext) {
                    trimLeading(lit->text);
                    m_stripNext = false;
                }
                out.push_back(lit);
                trackHeredoc(lit);
                continue;
            }
            case TokenType::TemplateInterp: {
                ++m_pos;
                m_stripNext = false;
                if (t.size() == 3 && !out.empty() && out.back()->kind == ExprKind::TemplateText)
                    trimTrailing(out.back()->text);
                trackHeredoc(nullptr);
                pushNl(false);
                Expr* e = parseExpression();
                expectSeqEnd();
                popNl();
                out.push_back(e);
                continue;
            }
            case TokenType::TemplateControl: {
                ++m_pos;
                m_stripNext = false;
                if (t.size() == 3 && !out.empty() && out.back()->kind == ExprKind::TemplateText)
                    trimTrailing(out.back()->text);
                trackHeredoc(nullptr);
                pushNl(false);
                const Peeked kw = peek();
                const QByteArrayView word = kw.type == TokenType::Ident ? tokBytes(kw.index) : QByteArrayView();
                if ((word == "if" || word == "for") && m_depth >= MaxDepth) {
                    stopTooDeep(tokRange(idx), QStringLiteral("template directives"));
                    return TplEnd::Error;
                }
                if (word == "if") {
                    DepthGuard guard(m_depth);
                    next();
                    Expr* ifx = m_syntax.newExpr(ExprKind::TemplateIf, tokRange(idx));
                    Expr* cond = parseExpression();
                    expectSeqEnd();
                    popNl();
                    Expr* yes = m_syntax.newExpr(ExprKind::Template, tokRange(idx));
                    Expr* no = nullptr;
                    ++m_directiveDepth;
                    TplEnd r = parseTemplateParts(yes->children, heredoc, closeType);
                    if (r == TplEnd::Else) {
                        no = m_syntax.newExpr(ExprKind::Template, tokRange(idx));
                        r = parseTemplateParts(no->children, heredoc, closeType);
                    }
                    --m_directiveDepth;
                    ifx->children = {cond, yes, no};
                    ifx->range.end = tok(std::max(0, m_pos - 1)).end;
                    out.push_back(ifx);
                    if (r != TplEnd::EndIf) {
                        error(tokRange(idx), QStringLiteral("Unterminated template directive: the %{if} at %1 has no "
                                                            "matching %{endif}.")
                                                 .arg(posText(t.begin)));
                        if (r == TplEnd::Close || r == TplEnd::Error)
                            return r;
                    }
                    continue;
                }
                if (word == "for") {
                    DepthGuard guard(m_depth);
                    next();
                    Expr* f = m_syntax.newExpr(ExprKind::TemplateFor, tokRange(idx));
                    f->children = {nullptr, nullptr};
                    const Peeked id = peek();
                    bool ok = id.type == TokenType::Ident;
                    if (ok) {
                        next();
                        f->name2 = tokRange(id.index);
                        if (peek().type == TokenType::Comma) {
                            next();
                            const Peeked id2 = peek();
                            ok = id2.type == TokenType::Ident;
                            if (ok) {
                                next();
                                f->name = f->name2;
                                f->name2 = tokRange(id2.index);
                            }
                        }
                    }
                    ok = ok && peekKeyword("in");
                    if (ok) {
                        next();
                        f->children[0] = parseExpression();
                    } else {
                        error(tokRange(peek().index), QStringLiteral("Invalid template directive: expected "
                                                                     "\"%{for NAME in COLLECTION}\"."));
                        f->children[0] = invalidAt(tokRange(idx));
                    }
                    expectSeqEnd();
                    popNl();
                    Expr* body = m_syntax.newExpr(ExprKind::Template, tokRange(idx));
                    f->children[1] = body;
                    ++m_directiveDepth;
                    const TplEnd r = parseTemplateParts(body->children, heredoc, closeType);
                    --m_directiveDepth;
                    f->range.end = tok(std::max(0, m_pos - 1)).end;
                    out.push_back(f);
                    if (r != TplEnd::EndFor) {
                        error(tokRange(idx), QStringLiteral("Unterminated template directive: the %{for} at %1 has no "
                                                            "matching %{endfor}.")
                                                 .arg(posText(t.begin)));
                        if (r == TplEnd::Close || r == TplEnd::Error)
                            return r;
                    }
                    continue;
                }
                if (word == "else" || word == "endif" || word == "endfor") {
                    next();
                    expectSeqEnd();
                    popNl();
                    const TplEnd r = word == "else" ? TplEnd::Else : word == "endif" ? TplEnd::EndIf : TplEnd::EndFor;
                    if (m_directiveDepth == 0) {
                        error(tokRange(idx), QStringLiteral("Unexpected template directive: there is no open %1 for "
                                                            "this %{%2}.")
                                                 .arg(word == "endfor" ? QStringLiteral("%{for}") : QStringLiteral("%{if}"),
                                                      QString::fromUtf8(word)));
                        continue;
                    }
                    return r;
                }
                error(tokRange(kw.index), QStringLiteral("Invalid template directive: a template directive keyword "
                                                         "(\"if\", \"for\", etc) is expected at the beginning of a %{ "
                                                         "sequence."));
                if (skipUntilClose(TokenType::TemplateSeqEnd))
                    ++m_pos;
                popNl();
                continue;
            }
            default:
                return TplEnd::Error;
            }
        }
    }

    // A template inside an expression starts with a fresh template state (strip marker, directive depth,
    // heredoc part tracking) and hands the enclosing template's state back afterwards.
    void parseNestedTemplate(std::vector<Expr*>& parts, bool heredoc, TokenType closer, std::vector<Expr*>* track)
    {
        std::vector<Expr*>* savedTrack = m_heredocParts;
        const bool savedStrip = m_stripNext;
        const int savedDirective = m_directiveDepth;
        m_heredocParts = track;
        m_stripNext = false;
        m_directiveDepth = 0;
        parseTemplateParts(parts, heredoc, closer);
        m_directiveDepth = savedDirective;
        m_stripNext = savedStrip;
        m_heredocParts = savedTrack;
    }

    Expr* parseQuotedTemplate()
    {
        const int open = next();
        Expr* t = m_syntax.newExpr(ExprKind::Template, tokRange(open));
        if (m_depth > MaxDepth)
            return parseExpression();
        DepthGuard guard(m_depth);
        parseNestedTemplate(t->children, false, TokenType::CQuote, nullptr);
        const Token& c = tok(m_pos);
        if (c.type == TokenType::CQuote) {
            t->range.end = c.end;
            ++m_pos;
        } else {
            t->range.end = std::max(t->range.end, tok(std::max(0, m_pos - 1)).end);
            error(Range{tok(open).begin, t->range.end},
                  QStringLiteral("Unterminated string: the string that starts at %1 has no closing quote on the same "
                                 "line. To produce a multi-line string, use the \\n escape or a heredoc.")
                      .arg(posText(tok(open).begin)));
        }
        return t;
    }

    Expr* parseHeredoc()
    {
        const int open = next();
        const QByteArrayView opener = tokBytes(open);
        const bool flush = opener.size() > 2 && opener[2] == '-';
        Expr* t = m_syntax.newExpr(ExprKind::Template, tokRange(open));
        t->op = TemplateFlags::Heredoc | (flush ? TemplateFlags::Flush : 0);
        if (m_depth > MaxDepth)
            return parseExpression();
        DepthGuard guard(m_depth);
        std::vector<Expr*> track;
        parseNestedTemplate(t->children, true, TokenType::CHeredoc, &track);
        const Token& c = tok(m_pos);
        if (c.type == TokenType::CHeredoc) {
            t->range.end = c.end;
            ++m_pos;
        } else {
            t->range.end = std::max(t->range.end, tok(std::max(0, m_pos - 1)).end);
            const QByteArrayView marker = opener.sliced(flush ? 3 : 2).trimmed();
            error(tokRange(open), QStringLiteral("Unterminated heredoc: the heredoc opened at %1 has no closing marker "
                                                 "\"%2\" on a line of its own.")
                                      .arg(posText(tok(open).begin), QString::fromUtf8(marker)));
        }
        if (flush)
            flushHeredoc(track);
        return t;
    }

    // `<<-`: remove the smallest common leading whitespace of all lines (as HCL does).
    static void flushHeredoc(const std::vector<Expr*>& parts)
    {
        int minSpaces = std::numeric_limits<int>::max();
        bool newline = true;
        std::vector<Expr*> adjust;
        for (Expr* p : parts) {
            if (newline) {
                newline = false;
                int spaces = 0;
                if (p) {
                    const QString& v = p->text;
                    qsizetype n = 0;
                    while (n < v.size() && v[n].isSpace())
                        ++n;
                    if (n == v.size() && v.endsWith(u'\n')) {
                        spaces = std::numeric_limits<int>::max();
                    } else {
                        spaces = static_cast<int>(n);
                        adjust.push_back(p);
                    }
                }
                minSpaces = std::min(minSpaces, spaces);
            }
            if (p && p->text.endsWith(u'\n'))
                newline = true;
        }
        if (minSpaces == std::numeric_limits<int>::max())
            return;
        for (Expr* p : adjust)
            p->text.remove(0, std::min<qsizetype>(minSpaces, p->text.size()));
    }

    const ParseInput& m_in;
    QByteArrayView m_src;
    const Tokens& m_toks;
    Syntax& m_syntax;
    Diagnostics& m_diags;
    int m_pos = 0;
    int m_depth = 0;
    bool m_stopped = false;
    int m_directiveDepth = 0;
    bool m_stripNext = false;
    std::vector<Expr*>* m_heredocParts = nullptr;
    std::vector<bool> m_nl;
    QHash<QByteArrayView, std::int32_t>* m_names = nullptr; // attribute names of the body being parsed
};

} // namespace

void parseConfig(const ParseInput& input, Syntax& syntax, Diagnostics& diagnostics)
{
    Parser(input, syntax, diagnostics).parseFile();
}

Expr* parseExpression(const ParseInput& input, Syntax& syntax, Diagnostics& diagnostics)
{
    return Parser(input, syntax, diagnostics).parseStandalone();
}

} // namespace Tokenbench::Core::Hcl
