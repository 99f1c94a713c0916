#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Tokenbench::Ui {

// Syntax colouring for the export preview, one instance configured per language: "hcl", "shell",
// "http", "yaml", "markdown" (JSON has its own JsonHighlighter). Rules are applied in order; comments
// and strings last so they win. Colours readable in light and dark palettes.
class CodeHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeHighlighter)

public:
    CodeHighlighter(QTextDocument* document, const QString& language);
    ~CodeHighlighter() override;
    QString language() const { return m_language; }

protected:
    void highlightBlock(const QString& text) override;

private:
    struct Rule
    {
        QRegularExpression pattern;
        QTextCharFormat format;
        int group = 0;
    };
    QString m_language;
    QList<Rule> m_rules;
    QTextCharFormat m_heredoc;
};

} // namespace Tokenbench::Ui
