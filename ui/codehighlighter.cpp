#include "codehighlighter.h"

namespace Tokenbench::Ui {

namespace {

QTextCharFormat colour(const QColor& c, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(c);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

} // namespace

CodeHighlighter::CodeHighlighter(QTextDocument* document, const QString& language)
    : QSyntaxHighlighter(document), m_language(language)
{
    const QTextCharFormat keyword = colour(QColor(0x3b, 0x7d, 0xd8), true);
    const QTextCharFormat string = colour(QColor(0x2e, 0x9d, 0x4f));
    const QTextCharFormat variable = colour(QColor(0xc0, 0x6b, 0x00), true);
    const QTextCharFormat comment = colour(QColor(0x88, 0x88, 0x88), false, true);
    const QTextCharFormat number = colour(QColor(0xa3, 0x4e, 0xc2));
    const QTextCharFormat key = colour(QColor(0x2b, 0x8a, 0x9e));
    m_heredoc = string;
    auto add = [this](const QString& re, const QTextCharFormat& f, int group = 0) {
        m_rules.append({QRegularExpression(re), f, group});
    };
    if (language == u"hcl") {
        add(QStringLiteral("^\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*(?=\"|\\{|[A-Za-z_]+\\s*\\{)"), keyword, 1);
        add(QStringLiteral("^\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*="), key, 1);
        add(QStringLiteral("\\b-?[0-9]+(\\.[0-9]+)?\\b"), number);
        add(QStringLiteral("\\b(true|false|null)\\b"), number);
        add(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\""), string);
        add(QStringLiteral("\\benv\\.[A-Za-z_][A-Za-z0-9_]*"), variable);
        add(QStringLiteral("\\$\\{[^}]*\\}"), variable);
        add(QStringLiteral("(#|//).*$"), comment);
    } else if (language == u"shell") {
        add(QStringLiteral("\\b(if|then|else|fi|for|while|do|done|case|esac|in|set|exit|trap|umask|printf|echo|local)\\b"), keyword);
        add(QStringLiteral("(^|\\s)(curl|openssl|oauth2c|sed|tr|od)\\b"), keyword, 2);
        add(QStringLiteral("(^|\\s)(--?[A-Za-z][A-Za-z0-9-]*)"), key, 2);
        add(QStringLiteral("'[^']*'"), string);
        add(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\""), string);
        add(QStringLiteral("\\$\\{?[A-Za-z_][A-Za-z0-9_]*\\}?"), variable);
        add(QStringLiteral("(^|\\s)#.*$"), comment);
    } else if (language == u"http") {
        add(QStringLiteral("^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\b"), keyword);
        add(QStringLiteral("^([A-Za-z0-9-]+):"), key, 1);
        add(QStringLiteral("\\{\\{[^}]*\\}\\}"), variable);
        add(QStringLiteral("^(#|//).*$"), comment);
    } else if (language == u"yaml") {
        add(QStringLiteral("^\\s*(-\\s+)?([A-Za-z_][A-Za-z0-9_.-]*):"), key, 2);
        add(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\""), string);
        add(QStringLiteral("'[^']*'"), string);
        add(QStringLiteral("(^|\\s)#.*$"), comment);
    } else if (language == u"markdown") {
        add(QStringLiteral("^#+ .*$"), keyword);
        add(QStringLiteral("`[^`]*`"), string);
        add(QStringLiteral("\\*\\*[^*]+\\*\\*"), key);
    }
}

CodeHighlighter::~CodeHighlighter() = default;

void CodeHighlighter::highlightBlock(const QString& text)
{
    // HCL heredocs: <<EOT ... EOT is one string.
    if (m_language == u"hcl") {
        static const QRegularExpression start(QStringLiteral("<<-?([A-Za-z_]+)\\s*$"));
        if (previousBlockState() == 1) {
            // The terminator is a bare upper-case marker (EOT, EOTX, ...).
            static const QRegularExpression marker(QStringLiteral("^\\s*[A-Z_]{2,12}\\s*$"));
            setFormat(0, int(text.size()), m_heredoc);
            setCurrentBlockState(marker.match(text).hasMatch() ? 0 : 1);
            return;
        }
        setCurrentBlockState(start.match(text).hasMatch() ? 1 : 0);
    }
    for (const Rule& rule : std::as_const(m_rules)) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            setFormat(int(m.capturedStart(rule.group)), int(m.capturedLength(rule.group)), rule.format);
        }
    }
}

} // namespace Tokenbench::Ui
