#pragma once

#include <QSyntaxHighlighter>

namespace Tokenbench::Ui {

// Colours JSON keys, strings, numbers and literals; readable in light and dark palettes.
class JsonHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonHighlighter)

public:
    explicit JsonHighlighter(QTextDocument* document);
    ~JsonHighlighter() override;

protected:
    void highlightBlock(const QString& text) override;
};

} // namespace Tokenbench::Ui
