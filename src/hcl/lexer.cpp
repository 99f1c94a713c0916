#include "hcl/token.h"

namespace Tokenbench::Core::Hcl {

bool isIdentStart(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || u >= 0x80;
}

bool isIdentContinue(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return isIdentStart(c) || (u >= '0' && u <= '9') || u == '-';
}

namespace {

enum class FrameKind : std::uint8_t { Top, Brace, Interp, Quoted, Heredoc };

struct Frame
{
    FrameKind kind = FrameKind::Top;
    std::int32_t markerBegin = 0; // heredoc marker identifier
    std::int32_t markerEnd = 0;
    bool atLineStart = false; // heredoc: next byte starts a line
};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

class Lexer
{
public:
    explicit Lexer(QByteArrayView src) : m_src(src), m_n(static_cast<std::int32_t>(src.size())) {}

    Tokens run()
    {
        m_tokens.reserve(static_cast<size_t>(m_n / 4 + 16));
        m_stack.push_back(Frame{});
        if (m_n >= 3 && m_src.first(3) == QByteArrayView("\xEF\xBB\xBF"))
            m_pos = 3; // UTF-8 byte order mark: kept as a gap, like hclsyntax skips it
        while (m_pos < m_n) {
            switch (m_stack.back().kind) {
            case FrameKind::Top:
            case FrameKind::Brace:
            case FrameKind::Interp:
                lexNormal();
                break;
            case FrameKind::Quoted:
                lexQuoted();
                break;
            case FrameKind::Heredoc:
                lexHeredoc();
                break;
            }
        }
        m_tokens.push_back(Token{TokenType::EOF_, m_n, m_n});
        return std::move(m_tokens);
    }

private:
    char at(std::int32_t i) const { return i < m_n ? m_src[i] : '\0'; }
    void emit(TokenType t, std::int32_t begin, std::int32_t end)
    {
        m_tokens.push_back(Token{t, begin, end});
        m_pos = end;
    }
    bool startsWith(std::int32_t i, const char* s) const
    {
        for (; *s; ++s, ++i)
            if (i >= m_n || m_src[i] != *s)
                return false;
        return true;
    }

    // `<<EOT\n` or `<<-EOT\n`: returns the end of the opener (after the newline) or -1.
    std::int32_t heredocOpener(std::int32_t i, std::int32_t& markBegin, std::int32_t& markEnd) const
    {
        i += 2;
        if (at(i) == '-')
            ++i;
        if (!isIdentStart(at(i)))
            return -1;
        markBegin = i;
        while (i < m_n && isIdentContinue(m_src[i]))
            ++i;
        markEnd = i;
        if (at(i) == '\n')
            return i + 1;
        if (at(i) == '\r' && at(i + 1) == '\n')
            return i + 2;
        return -1;
    }

    void lexNormal()
    {
        const std::int32_t s = m_pos;
        const char c = m_src[s];
        switch (c) {
        case ' ':
        case '\t':
            ++m_pos; // gap
            return;
        case '\n':
            emit(TokenType::Newline, s, s + 1);
            return;
        case '\r':
            if (at(s + 1) == '\n')
                emit(TokenType::Newline, s, s + 2);
            else
                emit(TokenType::Invalid, s, s + 1);
            return;
        case '#':
            lineComment(s);
            return;
        case '/':
            if (at(s + 1) == '/') {
                lineComment(s);
            } else if (at(s + 1) == '*') {
                std::int32_t i = s + 2;
                while (i < m_n && !(m_src[i] == '*' && at(i + 1) == '/'))
                    ++i;
                emit(TokenType::Comment, s, i < m_n ? i + 2 : m_n);
            } else {
                emit(TokenType::Slash, s, s + 1);
            }
            return;
        case '"':
            emit(TokenType::OQuote, s, s + 1);
            m_stack.push_back(Frame{FrameKind::Quoted});
            return;
        case '{':
            emit(TokenType::OBrace, s, s + 1);
            m_stack.push_back(Frame{FrameKind::Brace});
            return;
        case '}':
            closeBrace(s, s + 1);
            return;
        case '~':
            if (at(s + 1) == '}' && m_stack.back().kind == FrameKind::Interp)
                closeBrace(s, s + 2);
            else
                emit(TokenType::Invalid, s, s + 1);
            return;
        case '[': emit(TokenType::OBrack, s, s + 1); return;
        case ']': emit(TokenType::CBrack, s, s + 1); return;
        case '(': emit(TokenType::OParen, s, s + 1); return;
        case ')': emit(TokenType::CParen, s, s + 1); return;
        case ',': emit(TokenType::Comma, s, s + 1); return;
        case '?': emit(TokenType::Question, s, s + 1); return;
        case '*': emit(TokenType::Star, s, s + 1); return;
        case '+': emit(TokenType::Plus, s, s + 1); return;
        case '-': emit(TokenType::Minus, s, s + 1); return;
        case '%': emit(TokenType::Percent, s, s + 1); return;
        case '.':
            if (at(s + 1) == '.' && at(s + 2) == '.')
                emit(TokenType::Ellipsis, s, s + 3);
            else
                emit(TokenType::Dot, s, s + 1);
            return;
        case ':':
            if (at(s + 1) == ':')
                emit(TokenType::DoubleColon, s, s + 2);
            else
                emit(TokenType::Colon, s, s + 1);
            return;
        case '=':
            if (at(s + 1) == '=')
                emit(TokenType::EqualOp, s, s + 2);
            else if (at(s + 1) == '>')
                emit(TokenType::FatArrow, s, s + 2);
            else
                emit(TokenType::Equal, s, s + 1);
            return;
        case '!':
            emit(at(s + 1) == '=' ? TokenType::NotEqual : TokenType::Bang, s, at(s + 1) == '=' ? s + 2 : s + 1);
            return;
        case '<': {
            if (at(s + 1) == '<') {
                std::int32_t mb = 0, me = 0;
                const std::int32_t e = heredocOpener(s, mb, me);
                if (e > 0) {
                    emit(TokenType::OHeredoc, s, e);
                    Frame f{FrameKind::Heredoc, mb, me, true};
                    m_stack.push_back(f);
                    return;
                }
            }
            emit(at(s + 1) == '=' ? TokenType::LessThanEq : TokenType::LessThan, s, at(s + 1) == '=' ? s + 2 : s + 1);
            return;
        }
        case '>':
            emit(at(s + 1) == '=' ? TokenType::GreaterThanEq : TokenType::GreaterThan, s,
                 at(s + 1) == '=' ? s + 2 : s + 1);
            return;
        case '&':
            emit(at(s + 1) == '&' ? TokenType::And : TokenType::Invalid, s, at(s + 1) == '&' ? s + 2 : s + 1);
            return;
        case '|':
            emit(at(s + 1) == '|' ? TokenType::Or : TokenType::Invalid, s, at(s + 1) == '|' ? s + 2 : s + 1);
            return;
        default:
            break;
        }
        if (isDigit(c)) {
            std::int32_t i = s;
            while (i < m_n && isDigit(m_src[i]))
                ++i;
            if (at(i) == '.' && isDigit(at(i + 1))) {
                ++i;
                while (i < m_n && isDigit(m_src[i]))
                    ++i;
            }
            if (at(i) == 'e' || at(i) == 'E') {
                std::int32_t j = i + 1;
                if (at(j) == '+' || at(j) == '-')
                    ++j;
                if (isDigit(at(j))) {
                    while (j < m_n && isDigit(m_src[j]))
                        ++j;
                    i = j;
                }
            }
            emit(TokenType::NumberLit, s, i);
            return;
        }
        if (isIdentStart(c)) {
            std::int32_t i = s + 1;
            while (i < m_n && isIdentContinue(m_src[i]))
                ++i;
            emit(TokenType::Ident, s, i);
            return;
        }
        emit(TokenType::Invalid, s, s + 1);
    }

    void lineComment(std::int32_t s)
    {
        std::int32_t i = s;
        while (i < m_n && m_src[i] != '\n')
            ++i;
        emit(TokenType::Comment, s, i < m_n ? i + 1 : m_n);
    }

    void closeBrace(std::int32_t s, std::int32_t e)
    {
        const FrameKind k = m_stack.back().kind;
        if (k == FrameKind::Interp) {
            m_stack.pop_back();
            emit(TokenType::TemplateSeqEnd, s, e);
            return;
        }
        if (k == FrameKind::Brace)
            m_stack.pop_back();
        emit(TokenType::CBrace, s, e);
    }

    // `${` / `%{` (with optional `~`) at i, not escaped: returns the token length or 0.
    std::int32_t templateIntro(std::int32_t i, TokenType& type) const
    {
        const char c = m_src[i];
        if ((c != '$' && c != '%') || at(i + 1) != '{')
            return 0;
        type = c == '$' ? TokenType::TemplateInterp : TokenType::TemplateControl;
        return at(i + 2) == '~' ? 3 : 2;
    }

    void lexQuoted()
    {
        const std::int32_t s = m_pos;
        const char c = m_src[s];
        if (c == '"') {
            m_stack.pop_back();
            emit(TokenType::CQuote, s, s + 1);
            return;
        }
        if (c == '\n' || (c == '\r' && at(s + 1) == '\n')) {
            // Unterminated: leave the string so the newline ends the line as usual.
            m_stack.pop_back();
            return;
        }
        TokenType t;
        if (const std::int32_t len = templateIntro(s, t)) {
            emit(t, s, s + len);
            m_stack.push_back(Frame{FrameKind::Interp});
            return;
        }
        std::int32_t i = s;
        while (i < m_n) {
            const char ch = m_src[i];
            if (ch == '"' || ch == '\n' || (ch == '\r' && at(i + 1) == '\n'))
                break;
            if (ch == '\\') {
                i += (at(i + 1) == '\n' || i + 1 >= m_n) ? 1 : 2;
                continue;
            }
            if ((ch == '$' || ch == '%') && at(i + 1) == ch && at(i + 2) == '{') {
                i += 3;
                continue;
            }
            if ((ch == '$' || ch == '%') && at(i + 1) == '{')
                break;
            ++i;
        }
        emit(TokenType::QuotedLit, s, i);
    }

    void lexHeredoc()
    {
        Frame& f = m_stack.back();
        const std::int32_t s = m_pos;
        if (f.atLineStart) {
            std::int32_t i = s;
            while (i < m_n && (m_src[i] == ' ' || m_src[i] == '\t'))
                ++i;
            const std::int32_t mlen = f.markerEnd - f.markerBegin;
            if (i + mlen <= m_n && m_src.sliced(i, mlen) == m_src.sliced(f.markerBegin, mlen)) {
                // Like hclsyntax: the whole line, trimmed, must be the marker; the token keeps the
                // surrounding spaces and the newline becomes its own token.
                std::int32_t e = i + mlen;
                while (e < m_n && (m_src[e] == ' ' || m_src[e] == '\t'))
                    ++e;
                // A marker at the very end of the file without a newline does not close (as in HCL).
                if ((e < m_n && m_src[e] == '\n') || (e + 1 < m_n && m_src[e] == '\r' && m_src[e + 1] == '\n')) {
                    m_stack.pop_back();
                    emit(TokenType::CHeredoc, s, e);
                    return;
                }
            }
        }
        TokenType t;
        if (const std::int32_t len = templateIntro(s, t)) {
            f.atLineStart = false;
            emit(t, s, s + len);
            m_stack.push_back(Frame{FrameKind::Interp});
            return;
        }
        std::int32_t i = s;
        while (i < m_n) {
            const char ch = m_src[i];
            if (ch == '\n') {
                ++i;
                break;
            }
            if ((ch == '$' || ch == '%') && at(i + 1) == ch && at(i + 2) == '{') {
                i += 3;
                continue;
            }
            if ((ch == '$' || ch == '%') && at(i + 1) == '{')
                break;
            ++i;
        }
        f.atLineStart = i > s && m_src[i - 1] == '\n';
        emit(TokenType::StringLit, s, i);
    }

    QByteArrayView m_src;
    std::int32_t m_n = 0;
    std::int32_t m_pos = 0;
    Tokens m_tokens;
    std::vector<Frame> m_stack;
};

} // namespace

Tokens lex(QByteArrayView source)
{
    return Lexer(source).run();
}

} // namespace Tokenbench::Core::Hcl
