#include "hcl/formatter.h"

#include <vector>

#include <QTextBoundaryFinder>

#include "hcl/token.h"

namespace Tokenbench::Core::Hcl {

namespace {

struct FTok
{
    TokenType type;
    std::int32_t begin;
    std::int32_t end;
    int spacesBefore;
};

// A half-open index range into the token list.
struct Cell
{
    int begin = 0;
    int end = 0;
    bool present = false;
    int size() const { return end - begin; }
};

struct Line
{
    Cell lead;
    Cell assign;
    Cell comment;
};

class Formatter
{
public:
    explicit Formatter(QByteArrayView src) : m_src(src)
    {
        const Tokens tokens = lex(src);
        m_toks.reserve(tokens.size());
        std::int32_t last = 0;
        for (const Token& t : tokens) {
            if (t.type == TokenType::EOF_) {
                // As in hclwrite, the end-of-file token belongs to no line: the whitespace before it (after
                // the last line break, or at the end of a last line without one) is kept as spaces.
                m_eofSpaces = static_cast<int>(t.begin - last);
                break;
            }
            m_toks.push_back(FTok{t.type, t.begin, t.end, static_cast<int>(t.begin - last)});
            last = t.end;
        }
        m_nil = FTok{TokenType::EOF_, 0, 0, 0};
    }

    QByteArray run()
    {
        linesForFormat();
        formatIndent();
        formatSpaces();
        formatCells();
        QByteArray out;
        out.reserve(m_src.size() + m_src.size() / 8);
        for (const FTok& t : m_toks) {
            if (t.spacesBefore > 0)
                out.append(t.spacesBefore, ' ');
            out.append(m_src.data() + t.begin, t.end - t.begin);
        }
        if (m_eofSpaces > 0)
            out.append(m_eofSpaces, ' ');
        return out;
    }

private:
    bool isNewline(const FTok& t) const
    {
        if (t.type == TokenType::Newline)
            return true;
        return t.type == TokenType::Comment && t.end > t.begin && m_src[t.end - 1] == '\n';
    }

    static int bracketChange(const FTok& t)
    {
        switch (t.type) {
        case TokenType::OBrace:
        case TokenType::OBrack:
        case TokenType::OParen:
        case TokenType::TemplateControl:
        case TokenType::TemplateInterp:
            return 1;
        case TokenType::CBrace:
        case TokenType::CBrack:
        case TokenType::CParen:
        case TokenType::TemplateSeqEnd:
            return -1;
        default:
            return 0;
        }
    }

    int columns(const Cell& c) const
    {
        if (!c.present)
            return 0;
        int n = 0;
        for (int i = c.begin; i < c.end; ++i) {
            const FTok& t = m_toks[static_cast<size_t>(i)];
            n += t.spacesBefore;
            n += graphemes(t);
        }
        return n;
    }

    FTok& tok(int i) { return m_toks[static_cast<size_t>(i)]; }

    // Columns a token occupies: grapheme clusters, like hclwrite (a flag emoji is one column).
    int graphemes(const FTok& t) const
    {
        bool ascii = true;
        for (std::int32_t b = t.begin; b < t.end && ascii; ++b)
            ascii = static_cast<unsigned char>(m_src[b]) < 0x80;
        if (ascii)
            return t.end - t.begin;
        const QString s = QString::fromUtf8(m_src.sliced(t.begin, t.end - t.begin));
        QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, s);
        int n = 0;
        while (finder.toNextBoundary() >= 0)
            ++n;
        return n;
    }

    void linesForFormat()
    {
        const int n = static_cast<int>(m_toks.size());
        int lineStart = 0;
        for (int i = 0; i < n; ++i) {
            if (isNewline(tok(i))) {
                m_lines.push_back(Line{Cell{lineStart, i + 1, true}, {}, {}});
                lineStart = i + 1;
            }
        }
        // The last line (possibly empty) is always present, as in hclwrite.
        m_lines.push_back(Line{Cell{lineStart, n, true}, {}, {}});

        for (Line& line : m_lines) {
            if (line.lead.size() == 0)
                continue;
            if (line.lead.size() > 1 && tok(line.lead.end - 1).type == TokenType::Comment) {
                line.comment = Cell{line.lead.end - 1, line.lead.end, true};
                line.lead.end -= 1;
            }
            for (int i = line.lead.begin; i < line.lead.end; ++i) {
                if (i > line.lead.begin && tok(i).type == TokenType::Equal) {
                    int net = 0;
                    for (int j = i; j < line.lead.end; ++j)
                        net += bracketChange(tok(j));
                    if (net == 0) {
                        line.assign = Cell{i, line.lead.end, true};
                        line.lead.end = i;
                    }
                    break;
                }
            }
        }
    }

    void formatIndent()
    {
        std::vector<int> indents;
        for (Line& line : m_lines) {
            if (line.lead.size() == 0)
                continue;
            FTok& first = tok(line.lead.begin);
            if (first.type == TokenType::Newline) {
                first.spacesBefore = 0;
                continue;
            }
            int net = 0;
            for (int i = line.lead.begin; i < line.lead.end; ++i) {
                net += bracketChange(tok(i));
                if (tok(i).type == TokenType::OHeredoc)
                    break;
            }
            if (line.assign.present)
                for (int i = line.assign.begin; i < line.assign.end; ++i)
                    net += bracketChange(tok(i));
            if (net > 0) {
                first.spacesBefore = 2 * static_cast<int>(indents.size());
                indents.push_back(net);
            } else if (net < 0) {
                int closed = -net;
                while (closed > 0 && !indents.empty()) {
                    if (closed > indents.back()) {
                        closed -= indents.back();
                        indents.pop_back();
                    } else if (closed < indents.back()) {
                        indents.back() -= closed;
                        closed = 0;
                    } else {
                        indents.pop_back();
                        closed = 0;
                    }
                }
                first.spacesBefore = 2 * static_cast<int>(indents.size());
            } else {
                first.spacesBefore = 2 * static_cast<int>(indents.size());
            }
        }
    }

    bool isKeywordIn(const FTok& t) const
    {
        return t.type == TokenType::Ident && t.end - t.begin == 2 && m_src[t.begin] == 'i' && m_src[t.begin + 1] == 'n';
    }

    bool spaceAfter(const FTok& subject, const FTok& before, const FTok& after) const
    {
        const TokenType s = subject.type;
        const TokenType a = after.type;
        if (a == TokenType::Newline || a == TokenType::EOF_)
            return false;
        if (s == TokenType::Ident && a == TokenType::OParen)
            return false;
        if ((s == TokenType::Ident && a == TokenType::DoubleColon) || (s == TokenType::DoubleColon && a == TokenType::Ident))
            return false;
        if (s == TokenType::Dot || a == TokenType::Dot)
            return false;
        if (a == TokenType::Comma || a == TokenType::Ellipsis)
            return false;
        if (s == TokenType::Comma)
            return true;
        if (s == TokenType::QuotedLit || s == TokenType::StringLit || s == TokenType::OQuote || s == TokenType::OHeredoc
            || a == TokenType::QuotedLit || a == TokenType::StringLit || a == TokenType::CQuote || a == TokenType::CHeredoc)
            return false;
        if (isKeywordIn(subject) && before.type == TokenType::Ident)
            return true;
        if (a == TokenType::OBrack && (s == TokenType::Ident || s == TokenType::NumberLit || bracketChange(subject) < 0))
            return false;
        if (s == TokenType::Bang)
            return false;
        if (s == TokenType::Minus) {
            switch (before.type) {
            case TokenType::EOF_: // nil
            case TokenType::OParen:
            case TokenType::OBrace:
            case TokenType::OBrack:
            case TokenType::Equal:
            case TokenType::Colon:
            case TokenType::Comma:
            case TokenType::Question:
            case TokenType::Plus:
            case TokenType::Star:
            case TokenType::Slash:
            case TokenType::Percent:
            case TokenType::Minus:
            case TokenType::EqualOp:
            case TokenType::NotEqual:
            case TokenType::GreaterThan:
            case TokenType::GreaterThanEq:
            case TokenType::LessThan:
            case TokenType::LessThanEq:
            case TokenType::And:
            case TokenType::Or:
            case TokenType::Bang:
                return false;
            default:
                return true;
            }
        }
        if (s == TokenType::OBrace || a == TokenType::CBrace)
            return !(s == TokenType::OBrace && a == TokenType::CBrace);
        if ((s == TokenType::TemplateInterp || s == TokenType::TemplateControl) && a == TokenType::OBrace)
            return true;
        if (s == TokenType::CBrace && a == TokenType::TemplateSeqEnd)
            return true;
        if (s == TokenType::TemplateSeqEnd && (a == TokenType::TemplateInterp || a == TokenType::TemplateControl))
            return false;
        if (bracketChange(subject) > 0)
            return false;
        if (bracketChange(after) < 0)
            return false;
        return true;
    }

    void spaceCell(const Cell& c, bool assign)
    {
        if (!c.present)
            return;
        for (int i = c.begin; i < c.end; ++i) {
            if (assign && i == c.begin)
                tok(i).spacesBefore = 1;
            const FTok& before = i > c.begin ? tok(i - 1) : m_nil;
            if (i + 1 >= c.end)
                continue;
            FTok& after = tok(i + 1);
            after.spacesBefore = spaceAfter(tok(i), before, after) ? 1 : 0;
        }
    }

    void formatSpaces()
    {
        for (const Line& line : m_lines) {
            spaceCell(line.lead, false);
            spaceCell(line.assign, true);
        }
    }

    void formatCells()
    {
        int chainStart = -1;
        int maxColumns = 0;
        const int n = static_cast<int>(m_lines.size());
        const auto closeAssign = [&](int end) {
            for (int i = chainStart; i < end; ++i) {
                const Line& l = m_lines[static_cast<size_t>(i)];
                tok(l.assign.begin).spacesBefore = maxColumns - columns(l.lead) + 1;
            }
            chainStart = -1;
            maxColumns = 0;
        };
        for (int i = 0; i < n; ++i) {
            const Line& l = m_lines[static_cast<size_t>(i)];
            if (!l.assign.present) {
                if (chainStart != -1)
                    closeAssign(i);
            } else {
                if (chainStart == -1)
                    chainStart = i;
                maxColumns = std::max(maxColumns, columns(l.lead));
            }
        }
        if (chainStart != -1)
            closeAssign(n);

        const auto closeComment = [&](int end) {
            for (int i = chainStart; i < end; ++i) {
                const Line& l = m_lines[static_cast<size_t>(i)];
                tok(l.comment.begin).spacesBefore = maxColumns - (columns(l.lead) + columns(l.assign)) + 1;
            }
            chainStart = -1;
            maxColumns = 0;
        };
        for (int i = 0; i < n; ++i) {
            const Line& l = m_lines[static_cast<size_t>(i)];
            if (!l.comment.present) {
                if (chainStart != -1)
                    closeComment(i);
            } else {
                if (chainStart == -1)
                    chainStart = i;
                maxColumns = std::max(maxColumns, columns(l.lead) + columns(l.assign));
            }
        }
        if (chainStart != -1)
            closeComment(n);
    }

    QByteArrayView m_src;
    std::vector<FTok> m_toks;
    std::vector<Line> m_lines;
    FTok m_nil{};
    int m_eofSpaces = 0;
};

} // namespace

QByteArray format(QByteArrayView source)
{
    return Formatter(source).run();
}

} // namespace Tokenbench::Core::Hcl
