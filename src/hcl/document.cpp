#include "hcl/document.h"

#include <algorithm>
#include <optional>

#include "hcl/parser.h"

namespace Tokenbench::Core::Hcl {

// ---- LineIndex ------------------------------------------------------------------------------------

namespace {
constexpr std::int32_t CheckpointSpan = 4096;

inline bool isLead(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}
} // namespace

LineIndex::LineIndex(QByteArrayView source)
{
    m_starts.reserve(static_cast<size_t>(source.size() / 24 + 1));
    m_starts.push_back(0);
    const char* d = source.data();
    const auto n = static_cast<std::int32_t>(source.size());
    m_checkpoints.reserve(static_cast<size_t>(n / CheckpointSpan + 1));
    std::int32_t chars = 0;
    for (std::int32_t i = 0; i < n; ++i) {
        if (i % CheckpointSpan == 0)
            m_checkpoints.push_back(chars);
        if (isLead(d[i]))
            ++chars;
        if (d[i] == '\n')
            m_starts.push_back(i + 1);
    }
}

std::int32_t LineIndex::charsBefore(QByteArrayView source, std::int32_t offset) const
{
    const auto block = static_cast<size_t>(offset / CheckpointSpan);
    if (block >= m_checkpoints.size()) {
        std::int32_t chars = 0;
        for (std::int32_t i = 0; i < offset; ++i)
            chars += isLead(source[i]) ? 1 : 0;
        return chars;
    }
    std::int32_t chars = m_checkpoints[block];
    for (std::int32_t i = static_cast<std::int32_t>(block) * CheckpointSpan; i < offset; ++i)
        chars += isLead(source[i]) ? 1 : 0;
    return chars;
}

SourcePos LineIndex::position(QByteArrayView source, std::int32_t offset) const
{
    if (m_starts.empty())
        return {};
    offset = std::clamp<std::int32_t>(offset, 0, static_cast<std::int32_t>(source.size()));
    const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
    const auto line = static_cast<int>(it - m_starts.begin()); // 1-based
    const std::int32_t start = m_starts[static_cast<size_t>(line - 1)];
    int column = 1;
    if (offset - start <= CheckpointSpan) {
        for (std::int32_t i = start; i < offset; ++i)
            if (isLead(source[i]))
                ++column;
    } else {
        column += charsBefore(source, offset) - charsBefore(source, start);
    }
    return {line, column};
}

Range LineIndex::lineRange(QByteArrayView source, int line) const
{
    if (line < 1 || line > lineCount())
        return {};
    const std::int32_t b = m_starts[static_cast<size_t>(line - 1)];
    std::int32_t e = line < lineCount() ? m_starts[static_cast<size_t>(line)] - 1 : static_cast<std::int32_t>(source.size());
    if (e > b && source[e - 1] == '\r')
        --e;
    return {b, std::max(b, e)};
}

// ---- Document -------------------------------------------------------------------------------------

Document::Document() : m_syntax(std::make_unique<Syntax>()) {}
Document::~Document() = default;
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;

Document Document::parse(QByteArray source, QString fileName)
{
    Document d;
    d.m_source = std::move(source);
    d.m_fileName = std::move(fileName);
    d.reparse();
    return d;
}

void Document::reparse()
{
    m_syntax = std::make_unique<Syntax>();
    m_diagnostics.clear();
    m_lines = LineIndex(m_source);
    m_tokens = lex(m_source);
    const ParseInput in{m_source, &m_tokens, &m_lines, m_fileName};
    parseConfig(in, *m_syntax, m_diagnostics);
}

const Body& Document::body() const
{
    return m_syntax->root;
}

bool Document::hasErrors() const
{
    return Core::hasErrors(m_diagnostics);
}

QByteArray Document::toBytes() const
{
    QByteArray out;
    out.reserve(m_source.size());
    std::int32_t pos = 0;
    for (const Token& t : m_tokens) {
        if (t.begin > pos)
            out.append(m_source.constData() + pos, t.begin - pos); // gap: spaces and tabs
        out.append(m_source.constData() + t.begin, t.size());
        pos = t.end;
    }
    if (pos < m_source.size())
        out.append(m_source.constData() + pos, m_source.size() - pos);
    return out;
}

QByteArrayView Document::bytes(Range r) const
{
    r.begin = std::clamp<std::int32_t>(r.begin, 0, static_cast<std::int32_t>(m_source.size()));
    r.end = std::clamp<std::int32_t>(r.end, r.begin, static_cast<std::int32_t>(m_source.size()));
    return QByteArrayView(m_source).sliced(r.begin, r.size());
}

QString Document::text(Range r) const
{
    return QString::fromUtf8(bytes(r));
}

QString Document::labelValue(Range label) const
{
    const QByteArrayView b = bytes(label);
    if (b.size() >= 2 && b.front() == '"' && b.back() == '"' && !b.contains('\\') && !b.contains("${")
        && !b.contains("%{"))
        return QString::fromUtf8(b.sliced(1, b.size() - 2));
    if (b.size() >= 2 && b.front() == '"' && b.back() == '"') {
        // Re-use the expression parser for escapes.
        const ExpressionSource e = ExpressionSource::parse(b.toByteArray());
        QString out;
        if (e.expr() && e.expr()->kind == ExprKind::Template)
            for (const Expr* p : e.expr()->children)
                if (p->kind == ExprKind::TemplateText)
                    out += p->text;
        return out;
    }
    return QString::fromUtf8(b);
}

QString Document::expressionText(const AttributeNode& a) const
{
    return a.expr ? text(a.expr->range) : QString();
}

Diagnostic Document::diagnostic(Diagnostic::Severity severity, Range range, const QString& message) const
{
    const ParseInput in{m_source, &m_tokens, &m_lines, m_fileName};
    return makeDiagnostic(in, severity, range, message);
}

namespace {

bool findPath(const Body& body, const void* target, NodePath& path)
{
    for (int i = 0; i < static_cast<int>(body.items.size()); ++i) {
        const BodyItem& item = body.items[static_cast<size_t>(i)];
        path.append(i);
        if (item.attribute == target || item.block == target)
            return true;
        if (item.block && findPath(item.block->body, target, path))
            return true;
        path.removeLast();
    }
    return false;
}

} // namespace

NodePath Document::pathOf(const AttributeNode* attribute) const
{
    NodePath p;
    if (attribute && findPath(body(), attribute, p))
        return p;
    return {};
}

NodePath Document::pathOf(const BlockNode* block) const
{
    NodePath p;
    if (block && findPath(body(), block, p))
        return p;
    return {};
}

const BodyItem* Document::itemAt(const NodePath& path) const
{
    const Body* b = &body();
    const BodyItem* item = nullptr;
    for (int i : path) {
        if (!b || i < 0 || i >= static_cast<int>(b->items.size()))
            return nullptr;
        item = &b->items[static_cast<size_t>(i)];
        b = item->block ? &item->block->body : nullptr;
    }
    return item;
}

const BlockNode* Document::blockAt(const NodePath& path) const
{
    const BodyItem* i = itemAt(path);
    return i ? i->block : nullptr;
}

const AttributeNode* Document::attributeAt(const NodePath& path) const
{
    const BodyItem* i = itemAt(path);
    return i ? i->attribute : nullptr;
}

void Document::replace(Range range, const QByteArray& text)
{
    range.begin = std::clamp<std::int32_t>(range.begin, 0, static_cast<std::int32_t>(m_source.size()));
    range.end = std::clamp<std::int32_t>(range.end, range.begin, static_cast<std::int32_t>(m_source.size()));
    m_source.replace(range.begin, range.size(), text);
    reparse();
}

QByteArray Document::indentOfLine(std::int32_t offset) const
{
    std::int32_t b = offset;
    while (b > 0 && m_source[b - 1] != '\n')
        --b;
    std::int32_t e = b;
    while (e < m_source.size() && (m_source[e] == ' ' || m_source[e] == '\t'))
        ++e;
    return m_source.mid(b, e - b);
}

QByteArray Document::childIndent(const BlockNode* parent) const
{
    const Body& b = parent ? parent->body : body();
    for (const BodyItem& i : b.items) {
        const Range r = i.range();
        const QByteArray ind = indentOfLine(r.begin);
        // Only a sibling that starts its own line tells the indentation.
        std::int32_t s = r.begin - static_cast<std::int32_t>(ind.size());
        if (s == 0 || m_source[s - 1] == '\n')
            return ind;
    }
    if (!parent)
        return {};
    return indentOfLine(parent->range.begin) + "  ";
}

QByteArray Document::lineEnding() const
{
    const qsizetype nl = m_source.indexOf('\n');
    return nl > 0 && m_source[nl - 1] == '\r' ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
}

Range Document::wholeLines(Range r) const
{
    std::int32_t b = r.begin;
    while (b > 0 && (m_source[b - 1] == ' ' || m_source[b - 1] == '\t'))
        --b;
    if (b > 0 && m_source[b - 1] != '\n')
        return r; // something else precedes it on the line
    std::int32_t e = r.end;
    const auto n = static_cast<std::int32_t>(m_source.size());
    while (e < n && (m_source[e] == ' ' || m_source[e] == '\t'))
        ++e;
    if (e < n && (m_source[e] == '#' || (m_source[e] == '/' && e + 1 < n && m_source[e + 1] == '/'))) {
        while (e < n && m_source[e] != '\n')
            ++e;
    }
    if (e < n && m_source[e] == '\r' && e + 1 < n && m_source[e + 1] == '\n')
        return {b, e + 2};
    if (e < n && m_source[e] == '\n')
        return {b, e + 1};
    if (e == n)
        return {b, e};
    return r; // something follows on the same line
}

Result<void> Document::setAttributeExpression(const AttributeNode* attribute, const QString& expression)
{
    if (!attribute || !attribute->expr)
        return Error{Error::Code::Usage, QStringLiteral("no such attribute"), {}};
    Range r = attribute->expr->range;
    if (attribute->expr->kind == ExprKind::Invalid) {
        // Replace whatever follows the `=` up to the end of the line.
        std::int32_t b = attribute->name.end;
        while (b < m_source.size() && m_source[b] != '=')
            ++b;
        b = std::min<std::int32_t>(b + 1, static_cast<std::int32_t>(m_source.size()));
        while (b < m_source.size() && m_source[b] == ' ')
            ++b;
        std::int32_t e = b;
        while (e < m_source.size() && m_source[e] != '\n' && m_source[e] != '\r' && m_source[e] != '#')
            ++e;
        r = {b, e};
    }
    replace(r, expression.toUtf8());
    return {};
}

Result<void> Document::addAttribute(const BlockNode* parent, const QString& name, const QString& expression)
{
    const QByteArray eol = lineEnding();
    const NodePath parentPath = parent ? pathOf(parent) : NodePath();
    if (parent && parentPath.isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("no such block"), {}};
    const QByteArray line = name.toUtf8() + " = " + expression.toUtf8();
    const Body& b = parent ? parent->body : body();

    // Single-line block: open it up.
    if (parent && parent->closeBrace.size() > 0
        && position(parent->openBrace.begin).line == position(parent->closeBrace.begin).line) {
        const QByteArray inner = bytes(Range{parent->openBrace.end, parent->closeBrace.begin}).trimmed().toByteArray();
        const QByteArray outer = indentOfLine(parent->range.begin);
        const QByteArray ind = outer + "  ";
        QByteArray text = eol;
        if (!inner.isEmpty())
            text += ind + inner + eol;
        text += ind + line + eol + outer;
        replace(Range{parent->openBrace.end, parent->closeBrace.begin}, text);
        return {};
    }

    const AttributeNode* last = nullptr;
    for (const BodyItem& i : b.items)
        if (i.attribute)
            last = i.attribute;
    const QByteArray ind = childIndent(parent);
    if (last) {
        const Range lines = wholeLines(last->range);
        if (lines.end > last->range.end && m_source[lines.end - 1] == '\n') {
            replace(Range{lines.end, lines.end}, ind + line + eol);
        } else {
            replace(Range{last->range.end, last->range.end}, eol + ind + line);
        }
        return {};
    }
    if (parent) {
        std::int32_t at = parent->openBrace.end;
        while (at < m_source.size() && m_source[at] != '\n')
            ++at;
        at = std::min<std::int32_t>(at + 1, static_cast<std::int32_t>(m_source.size()));
        replace(Range{at, at}, ind + line + eol);
        return {};
    }
    replace(Range{0, 0}, line + eol);
    return {};
}

Result<void> Document::removeAttribute(const AttributeNode* attribute)
{
    if (!attribute || pathOf(attribute).isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("no such attribute"), {}};
    replace(wholeLines(attribute->range), {});
    return {};
}

Result<void> Document::addBlock(const BlockNode* parent, const QString& type, const QStringList& labels, const QString& bodyText)
{
    const QByteArray eol = lineEnding();
    const NodePath parentPath = parent ? pathOf(parent) : NodePath();
    if (parent && parentPath.isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("no such block"), {}};
    if (parent && parent->closeBrace.size() == 0)
        return Error{Error::Code::Format, QStringLiteral("the parent block has no closing brace"), {}};

    if (parent && position(parent->openBrace.begin).line == position(parent->closeBrace.begin).line) {
        // Open up a single-line parent first, then add to it.
        const QByteArray inner = bytes(Range{parent->openBrace.end, parent->closeBrace.begin}).trimmed().toByteArray();
        const QByteArray outer = indentOfLine(parent->range.begin);
        QByteArray text = eol;
        if (!inner.isEmpty())
            text += outer + "  " + inner + eol;
        text += outer;
        replace(Range{parent->openBrace.end, parent->closeBrace.begin}, text);
        parent = blockAt(parentPath);
        if (!parent)
            return Error{Error::Code::Format, QStringLiteral("the parent block could not be re-opened"), {}};
    }

    const Body& b = parent ? parent->body : body();
    const QByteArray ind = childIndent(parent);
    QByteArray header = ind + type.toUtf8();
    for (const QString& l : labels)
        header += ' ' + quoteString(l).toUtf8();
    QByteArray text;
    if (!b.items.empty())
        text += eol;
    text += header + " {" + eol;
    const QList<QByteArray> bodyLines = bodyText.toUtf8().split('\n');
    for (QByteArray l : bodyLines) {
        if (l.endsWith('\r'))
            l.chop(1);
        if (l.trimmed().isEmpty())
            continue;
        text += ind + "  " + l + eol;
    }
    text += ind + "}" + eol;

    if (parent) {
        std::int32_t at = parent->closeBrace.begin;
        while (at > 0 && (m_source[at - 1] == ' ' || m_source[at - 1] == '\t'))
            --at;
        replace(Range{at, at}, text);
    } else {
        std::int32_t at = static_cast<std::int32_t>(m_source.size());
        if (at > 0 && m_source[at - 1] != '\n')
            text.prepend(eol);
        replace(Range{at, at}, text);
    }
    return {};
}

Result<void> Document::removeBlock(const BlockNode* block)
{
    if (!block || pathOf(block).isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("no such block"), {}};
    replace(wholeLines(block->range), {});
    return {};
}

// ---- free functions -------------------------------------------------------------------------------

QString renderDiagnostic(const Diagnostic& d, QByteArrayView source, const LineIndex* index)
{
    QString out = d.toString();
    if (d.line <= 0)
        return out;
    std::optional<LineIndex> own;
    if (!index)
        index = &own.emplace(source);
    if (d.line > index->lineCount())
        return out;
    const Range lr = index->lineRange(source, d.line);
    // Columns count code points. A long line (minified or generated input) is cut to a window around
    // the column so that one diagnostic stays one screen line.
    QList<uint> line = QString::fromUtf8(source.sliced(lr.begin, lr.size())).toUcs4();
    // Source text is data: control and format characters (ESC, CR, U+2028, bidi overrides, ...) are shown
    // as U+FFFD so that a file cannot drive the terminal or break the caret line.
    for (uint& c : line) {
        const auto cat = QChar::category(static_cast<char32_t>(c));
        if (c != u'\t' && (cat == QChar::Other_Control || cat == QChar::Other_Format || cat == QChar::Separator_Line
                            || cat == QChar::Separator_Paragraph))
            c = 0xFFFD;
    }
    constexpr qsizetype Window = 120;
    const qsizetype col0 = std::clamp<qsizetype>(d.column - 1, 0, line.size());
    qsizetype first = 0;
    qsizetype last = line.size();
    if (line.size() > Window + Window / 2) {
        first = std::max<qsizetype>(0, col0 - Window / 2);
        last = std::min(line.size(), first + Window);
    }
    const QString lead = first > 0 ? QStringLiteral("\u2026") : QString();
    const QString tail = last < line.size() ? QStringLiteral("\u2026") : QString();
    out += u'\n' + lead + QString::fromUcs4(reinterpret_cast<const char32_t*>(line.constData()) + first, last - first) + tail + u'\n';
    // Caret under the column; tabs are kept so the caret lines up.
    QString caret(lead.size(), u' ');
    for (qsizetype i = first; i < col0 && i < last; ++i)
        caret += line[i] == u'\t' ? u'\t' : u' ';
    caret += u'^';
    const qsizetype lineEnd = last - first; // one past the last shown column, relative to `first`
    qsizetype endCol = d.endLine == d.line ? d.endColumn - 1 - first : lineEnd;
    endCol = std::min(endCol, lineEnd);
    for (qsizetype c = col0 - first + 1; c < endCol; ++c)
        caret += u'~';
    out += caret;
    return out;
}

QString quoteString(const QString& value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += u'"';
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value[i];
        switch (c.unicode()) {
        case u'"': out += QStringLiteral("\\\""); continue;
        case u'\\': out += QStringLiteral("\\\\"); continue;
        case u'\n': out += QStringLiteral("\\n"); continue;
        case u'\r': out += QStringLiteral("\\r"); continue;
        case u'\t': out += QStringLiteral("\\t"); continue;
        default: break;
        }
        if ((c == u'$' || c == u'%') && i + 1 < value.size() && value[i + 1] == u'{') {
            out += c;
            out += c;
            continue;
        }
        if (c.unicode() < 0x20) {
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            continue;
        }
        out += c;
    }
    out += u'"';
    return out;
}

// ---- ExpressionSource -----------------------------------------------------------------------------

ExpressionSource::ExpressionSource() : m_syntax(std::make_unique<Syntax>()) {}
ExpressionSource::~ExpressionSource() = default;
ExpressionSource::ExpressionSource(ExpressionSource&&) noexcept = default;
ExpressionSource& ExpressionSource::operator=(ExpressionSource&&) noexcept = default;

ExpressionSource ExpressionSource::parse(QByteArray text, QString fileName)
{
    ExpressionSource s;
    s.m_source = std::move(text);
    s.m_tokens = lex(s.m_source);
    const LineIndex lines(s.m_source);
    const ParseInput in{s.m_source, &s.m_tokens, &lines, std::move(fileName)};
    s.m_expr = Hcl::parseExpression(in, *s.m_syntax, s.m_diagnostics);
    return s;
}

} // namespace Tokenbench::Core::Hcl
