#pragma once

#include <QHash>
#include <QString>
#include <QWidget>

class QCheckBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QTabWidget;
class QTableView;

namespace Tokenbench::Core {
class TraceModel;
struct Exchange;
} // namespace Tokenbench::Core

namespace Tokenbench::Ui {

// The trace: one row per exchange with a timeline bar; the selected exchange's request, response and raw
// HTTP text below. Secrets appear as fingerprints until "Reveal secrets" is checked.
class TracePane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TracePane)

public:
    explicit TracePane(Core::TraceModel* model, QWidget* parent = nullptr);
    ~TracePane() override;

    QTableView* table() const { return m_table; }
    QTabWidget* tabs() const { return m_tabs; }
    QString requestText() const;
    QString responseText() const;
    void selectLast();
    // Selects the row of exchange `id` (Exchange::id); false when the trace has no such row.
    bool selectExchange(quint64 id);

    // Display cap for bodies; the full body stays in the trace.
    static constexpr qsizetype MaxShownBody = 256 * 1024;
    // Exchanges with more body bytes than this are prepared for display off the UI thread.
    static constexpr qsizetype SynchronousBytes = 64 * 1024;

Q_SIGNALS:
    void inspectRequested(const QString& token);

private:
    void showCurrent();
    void showExchange(const Core::Exchange& exchange);
    struct Rendered;
    static Rendered render(const Core::Exchange& exchange, bool reveal);
    void apply(const Rendered& rendered);

    Core::TraceModel* m_model;
    QTableView* m_table;
    QTabWidget* m_tabs;
    QPlainTextEdit* m_request;
    QPlainTextEdit* m_response;
    QPlainTextEdit* m_raw;
    QListWidget* m_jwts;
    QCheckBox* m_reveal;
    QLabel* m_empty;
    quint64 m_generation = 0; // of the exchange being shown; a late rendering of an older one is dropped
    QHash<QPlainTextEdit*, QString> m_pending; // big texts laid out when their tab is first shown
    bool m_follow = true;
};

} // namespace Tokenbench::Ui
