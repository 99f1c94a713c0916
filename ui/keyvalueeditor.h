#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTableWidget;
class QToolButton;

namespace Tokenbench::Ui {

// Edits an HCL object expression (headers, query_params, form_body, json_body) as a key/value table;
// values are shown as text when they are plain strings and may be any expression (env.NAME, 3600, ...).
// Expressions that are not literal objects (merge(...), a variable, a heredoc) are edited as HCL text.
class KeyValueEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyValueEditor)

public:
    explicit KeyValueEditor(QWidget* parent = nullptr);
    ~KeyValueEditor() override;

    // Loads the model's expression ("" = no attribute). Keeps the table as it is when the expression is
    // the one this editor just produced, so editing is never interrupted.
    void setExpression(const QString& expression);
    QString expression() const { return m_current; }
    // Text only (the `body` attribute): no table.
    void setRawOnly(bool rawOnly);
    bool isRaw() const;
    QTableWidget* table() const { return m_table; }
    QPlainTextEdit* rawEdit() const { return m_raw; }
    void addRow(const QString& key, const QString& value);

Q_SIGNALS:
    void expressionEdited(const QString& expression);

private:
    void showRaw(bool raw);
    void emitFromTable();
    void fillTable(const QList<QPair<QString, QString>>& entries);
    void fitHeight();

    QTableWidget* m_table = nullptr;
    QPlainTextEdit* m_raw = nullptr;
    QStackedWidget* m_stack = nullptr;
    QToolButton* m_addButton = nullptr;
    QToolButton* m_removeButton = nullptr;
    QToolButton* m_rawButton = nullptr;
    QLabel* m_note = nullptr;
    QString m_current;
    bool m_loading = false;
    bool m_rawOnly = false;
};

} // namespace Tokenbench::Ui
