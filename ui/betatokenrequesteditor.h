#pragma once

#include "blockeditor.h"

#include "net/exchange.h"

#include <memory>
#include <optional>

#include <QHash>

class QCheckBox;
class QCompleter;
class QLineEdit;
class QPlainTextEdit;
class QStringListModel;

namespace Ui {
class BetaTokenRequestEditor;
}

namespace Tokenbench::Core {
struct Block;
class ValueResolver;
struct TokenResult;
} // namespace Tokenbench::Core

namespace Tokenbench::Ui {

class KeyValueEditor;

// The form of one beta_token_request block (of possibly several, by label): the request as Couper builds
// it and the token/ttl expressions. After a run, token and ttl are re-evaluated as they are typed against
// the response of that run (no new request), with path completion from the response and the value the
// token expression reads highlighted in the response view.
class BetaTokenRequestEditor final : public BlockEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BetaTokenRequestEditor)

public:
    explicit BetaTokenRequestEditor(QWidget* parent = nullptr);
    ~BetaTokenRequestEditor() override;

    // `selector` is "beta_token_request:LABEL" ("default" for the unlabelled one).
    void setTokenRequest(Core::Workspace* workspace, int backendRow, const QString& selector,
                         QUndoStack* undoStack);
    QString label() const;
    void setResolver(const Core::ValueResolver* resolver) { m_resolver = resolver; }
    // A run of a token request finished; the editor keeps its response for live design.
    void setRunResult(int backendRow, const QString& label, const Core::TokenResult& result);
    bool hasResponse() const { return m_response.has_value(); }
    // Forgets the responses of earlier runs (another document was opened).
    void clearRunResults();

    QLineEdit* tokenEdit() const;
    QLineEdit* ttlEdit() const;
    QCompleter* tokenCompleter() const { return m_tokenCompleter; }
    QPlainTextEdit* responseView() const;
    QString tokenResultText() const;
    QString ttlResultText() const;
    // The text of the response that is highlighted (the value the token expression reads).
    QString highlightedText() const;
    KeyValueEditor* bodyEditor() const { return m_body; }

protected:
    void updateVisibility() override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void loaded() override;

private:
    const Core::Block* block() const;
    const Core::Block* backendBlock() const;
    void push(const QString& attribute, const QString& expression);
    void commitLabel();
    void setBodyKind(int index);
    void refreshFields();
    void reevaluate();
    void showResponse();
    void setupCompleter(QLineEdit* edit, QCompleter* completer);
    QString responseKey() const;

    const std::unique_ptr<::Ui::BetaTokenRequestEditor> m_ui;
    KeyValueEditor* m_headers = nullptr;
    KeyValueEditor* m_query = nullptr;
    KeyValueEditor* m_body = nullptr;
    QCompleter* m_tokenCompleter = nullptr;
    QCompleter* m_ttlCompleter = nullptr;
    QStringListModel* m_paths = nullptr;
    QCheckBox* m_reveal = nullptr;
    bool m_ttlActive = false;
    const Core::ValueResolver* m_resolver = nullptr;
    QHash<QString, Core::Exchange> m_responses; // per backend/label: the last response of a run
    std::optional<Core::Exchange> m_response;
    QDateTime m_obtainedAt;
    QString m_pendingBodyKind; // chosen in the form before the body has any entry
    QHash<QString, QPair<int, int>> m_spans;
    QString m_highlighted;
};

} // namespace Tokenbench::Ui
