#pragma once

#include <memory>
#include <vector>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "hcl/syntax.h"
#include "hcl/token.h"
#include "util/diagnostic.h"
#include "util/result.h"

namespace Tokenbench::Core::Hcl {

// 1-based line and column; the column counts characters (UTF-8 sequences), not bytes.
struct SourcePos
{
    int line = 1;
    int column = 1;
};

// Line starts of a source, for offset → line/column.
class LineIndex
{
public:
    LineIndex() = default;
    explicit LineIndex(QByteArrayView source);
    SourcePos position(QByteArrayView source, std::int32_t offset) const;
    // Byte range of line (1-based) without its line break.
    Range lineRange(QByteArrayView source, int line) const;
    int lineCount() const { return static_cast<int>(m_starts.size()); }

private:
    // Characters (UTF-8 sequences) before every 4 KiB boundary, so a column costs at most 4 KiB of
    // scanning even on very long lines.
    std::int32_t charsBefore(QByteArrayView source, std::int32_t offset) const;

    std::vector<std::int32_t> m_starts;
    std::vector<std::int32_t> m_checkpoints;
};

// Index path of a body item from the root body: {2, 0} = the first item inside the third root item.
using NodePath = QList<int>;

// A parsed HCL file. The token list and the syntax tree cover every byte of the source: toBytes() on an
// unedited document returns the input unchanged. Edits splice the source text and re-parse, so only the
// edited bytes change; node pointers are invalid after an edit (use NodePath to find nodes again).
class Document
{
public:
    Document();
    ~Document();
    Document(Document&&) noexcept;
    Document& operator=(Document&&) noexcept;
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    static Document parse(QByteArray source, QString fileName = {});

    const QByteArray& source() const { return m_source; }
    const QString& fileName() const { return m_fileName; }
    const Tokens& tokens() const { return m_tokens; }
    const Body& body() const;
    const Diagnostics& diagnostics() const { return m_diagnostics; }
    bool hasErrors() const;

    // The file re-emitted from tokens and the gaps between them.
    QByteArray toBytes() const;

    SourcePos position(std::int32_t offset) const { return m_lines.position(m_source, offset); }
    const LineIndex& lines() const { return m_lines; }
    QByteArrayView bytes(Range r) const;
    QString text(Range r) const;
    // A block label's value: the unquoted, unescaped string (or the identifier).
    QString labelValue(Range label) const;
    QString blockType(const BlockNode& b) const { return text(b.type); }
    QString attributeName(const AttributeNode& a) const { return text(a.name); }
    // Expression source text of an attribute, exactly as written.
    QString expressionText(const AttributeNode& a) const;

    // Makes a diagnostic for a byte range of this document.
    Diagnostic diagnostic(Diagnostic::Severity severity, Range range, const QString& message) const;

    // Tree navigation.
    NodePath pathOf(const AttributeNode* attribute) const;
    NodePath pathOf(const BlockNode* block) const;
    const BodyItem* itemAt(const NodePath& path) const;
    const BlockNode* blockAt(const NodePath& path) const;
    const AttributeNode* attributeAt(const NodePath& path) const;

    // Edits. `parent` nullptr = the root body. Each changes only the bytes of the edited node (plus the
    // line it sits on for additions/removals) and re-parses.
    Result<void> setAttributeExpression(const AttributeNode* attribute, const QString& expression);
    Result<void> addAttribute(const BlockNode* parent, const QString& name, const QString& expression);
    Result<void> removeAttribute(const AttributeNode* attribute);
    // `body` is inserted verbatim between the braces, re-indented one level deeper than the new block.
    Result<void> addBlock(const BlockNode* parent, const QString& type, const QStringList& labels,
                          const QString& body = {});
    Result<void> removeBlock(const BlockNode* block);
    // Replaces a byte range and re-parses.
    void replace(Range range, const QByteArray& text);

private:
    void reparse();
    QByteArray indentOfLine(std::int32_t offset) const;
    QByteArray childIndent(const BlockNode* parent) const;
    Range wholeLines(Range r) const;
    QByteArray lineEnding() const; // "\r\n" when the file uses it, else "\n"

    QByteArray m_source;
    QString m_fileName;
    Tokens m_tokens;
    std::unique_ptr<Syntax> m_syntax;
    Diagnostics m_diagnostics;
    LineIndex m_lines;
};

// Renders `file:line:col: error: message`, then the source line and a caret line under the range (a
// line longer than about 180 characters is shown as a window of 120 around the column, cut ends marked
// with `…`). Pass the source's LineIndex when rendering many diagnostics of one file.
QString renderDiagnostic(const Diagnostic& diagnostic, QByteArrayView source, const LineIndex* index = nullptr);

// Quotes a string as an HCL string literal (escaping `"`, `\`, control characters, `${` and `%{`).
QString quoteString(const QString& value);

// Parses one expression (for evaluating text from a form field). Diagnostics positions are relative to
// the expression text, reported as line 1.
class ExpressionSource
{
public:
    ExpressionSource();
    ~ExpressionSource();
    ExpressionSource(ExpressionSource&&) noexcept;
    ExpressionSource& operator=(ExpressionSource&&) noexcept;

    static ExpressionSource parse(QByteArray text, QString fileName = {});
    const Expr* expr() const { return m_expr; }
    const QByteArray& source() const { return m_source; }
    const Diagnostics& diagnostics() const { return m_diagnostics; }

private:
    QByteArray m_source;
    Tokens m_tokens;
    std::unique_ptr<Syntax> m_syntax;
    const Expr* m_expr = nullptr;
    Diagnostics m_diagnostics;
};

} // namespace Tokenbench::Core::Hcl
