#include "betatokenrequesteditor.h"
#include "ui_betatokenrequesteditor.h"

#include "keyvalueeditor.h"
#include "tokenpanel.h"
#include "undocommands.h"

#include "util/displaytext.h"
#include "hcl/expressiondesign.h"
#include "hcl/document.h"
#include "model/valueresolver.h"
#include "model/workspace.h"
#include "net/betatokenrequest.h"
#include "trace/redactor.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QCompleter>
#include <QFontDatabase>
#include <QLabel>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QStringListModel>
#include <QTextBlock>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Tokenbench::Ui {

namespace {

const QString TokenRequest = QStringLiteral("beta_token_request");
const QString Prefix = QStringLiteral("beta_token_request:");
const QStringList BodyKinds{QString(), QStringLiteral("form_body"), QStringLiteral("json_body"),
                            QStringLiteral("body")};

void setIfDifferent(QLineEdit* edit, const QString& text)
{
    if (edit->text() == text)
        return;
    const int cursor = edit->cursorPosition();
    edit->setText(text);
    edit->setCursorPosition(qMin(cursor, int(text.size())));
}

KeyValueEditor* embed(QWidget* container)
{
    auto* layout = new QVBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* editor = new KeyValueEditor(container);
    layout->addWidget(editor);
    return editor;
}

// The word being typed before the cursor: a traversal such as beta_token_response.json_body.da
QString wordBeforeCursor(const QLineEdit* edit, int* start)
{
    const QString text = edit->text();
    int i = edit->cursorPosition();
    const int end = i;
    while (i > 0) {
        const QChar c = text.at(i - 1);
        if (!(c.isLetterOrNumber() || c == u'_' || c == u'.' || c == u'-' || c == u'[' || c == u']'))
            break;
        --i;
    }
    *start = i;
    return text.mid(i, end - i);
}

} // namespace

BetaTokenRequestEditor::BetaTokenRequestEditor(QWidget* parent)
    : BlockEditor(TokenRequest, parent), m_ui(new ::Ui::BetaTokenRequestEditor)
{
    // The form scrolls; the response view below it keeps a useful height.
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("betaTokenRequestScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* inner = new QWidget(scroll);
    m_ui->setupUi(inner);
    scroll->setWidget(inner);
    // The token expressions and the response stay in view while the request form scrolls.
    m_ui->mainLayout->removeWidget(m_ui->tokenGroupBox);
    m_ui->mainLayout->removeWidget(m_ui->responseGroupBox);
    m_ui->tokenGroupBox->setParent(this);
    m_ui->responseGroupBox->setParent(this);
    m_ui->mainLayout->addStretch(1);
    outer->addWidget(scroll, 3);
    outer->addWidget(m_ui->tokenGroupBox);
    outer->addWidget(m_ui->responseGroupBox, 2);
    m_ui->responsePlainTextEdit->setMinimumHeight(120);
    for (QLabel* l : {m_ui->tokenResultLabel, m_ui->ttlResultLabel})
        l->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_headers = embed(m_ui->headersContainer);
    m_headers->setObjectName(QStringLiteral("headersEditor"));
    m_query = embed(m_ui->queryContainer);
    m_query->setObjectName(QStringLiteral("queryParamsEditor"));
    m_body = embed(m_ui->bodyContainer);
    m_body->setObjectName(QStringLiteral("bodyEditor"));
    m_ui->bodyKindComboBox->addItem(tr("none"), QString());
    m_ui->bodyKindComboBox->addItem(tr("form_body (application/x-www-form-urlencoded)"), BodyKinds.at(1));
    m_ui->bodyKindComboBox->addItem(tr("json_body (application/json)"), BodyKinds.at(2));
    m_ui->bodyKindComboBox->addItem(tr("body (text/plain)"), BodyKinds.at(3));
    m_ui->labelLineEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[a-zA-Z0-9_]*")), this));
    m_ui->responsePlainTextEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_reveal = new QCheckBox(tr("Re&veal secrets"), m_ui->responseGroupBox);
    m_reveal->setObjectName(QStringLiteral("revealResponseCheckBox"));
    m_reveal->setToolTip(tr("Show tokens and credentials of the response in clear instead of fingerprints"));
    m_ui->responseLayout->insertWidget(0, m_reveal);
    connect(m_reveal, &QCheckBox::toggled, this, [this] {
        showResponse();
        reevaluate();
    });
    m_ui->responsePlainTextEdit->setPlaceholderText(
        tr("Run this token request (Ctrl+Return) to see its response here."));
    m_ui->tokenResultLabel->setObjectName(QStringLiteral("tokenResultLabel"));
    m_ui->ttlResultLabel->setObjectName(QStringLiteral("ttlResultLabel"));
    for (QLineEdit* e : {m_ui->tokenLineEdit, m_ui->ttlLineEdit})
        e->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    connect(m_ui->labelLineEdit, &QLineEdit::editingFinished, this, &BetaTokenRequestEditor::commitLabel);
    const auto converted = [this](QLineEdit* edit, const QString& attribute) {
        connect(edit, &QLineEdit::textEdited, this, [this, attribute](const QString& text) {
            push(attribute, Core::Hcl::expressionFromTyped(text));
        });
        connect(edit, &QLineEdit::returnPressed, this, &BlockEditor::runRequested);
        edit->installEventFilter(this);
    };
    converted(m_ui->backendLineEdit, QStringLiteral("backend"));
    converted(m_ui->urlLineEdit, QStringLiteral("url"));
    converted(m_ui->methodLineEdit, QStringLiteral("method"));
    connect(m_ui->expectedStatusLineEdit, &QLineEdit::textEdited, this, [this](const QString& text) {
        const QString t = text.trimmed();
        static const QRegularExpression list(QStringLiteral("^[0-9]+(\\s*,\\s*[0-9]+)*,?$"));
        if (t.isEmpty())
            push(QStringLiteral("expected_status"), QString());
        else if (list.match(t).hasMatch())
            push(QStringLiteral("expected_status"),
                 u'[' +
                     t.split(u',', Qt::SkipEmptyParts)
                         .replaceInStrings(QRegularExpression(QStringLiteral("\\s")), QString())
                         .join(QStringLiteral(", ")) +
                     u']');
        else
            push(QStringLiteral("expected_status"), t);
    });
    connect(m_ui->expectedStatusLineEdit, &QLineEdit::returnPressed, this, &BlockEditor::runRequested);
    m_ui->expectedStatusLineEdit->installEventFilter(this);
    connect(m_headers, &KeyValueEditor::expressionEdited, this,
            [this](const QString& e) { push(QStringLiteral("headers"), e); });
    connect(m_query, &KeyValueEditor::expressionEdited, this,
            [this](const QString& e) { push(QStringLiteral("query_params"), e); });
    connect(m_body, &KeyValueEditor::expressionEdited, this, [this](const QString& e) {
        const QString kind = m_ui->bodyKindComboBox->currentData().toString();
        if (!kind.isEmpty())
            push(kind, e);
    });
    connect(m_ui->bodyKindComboBox, &QComboBox::activated, this, &BetaTokenRequestEditor::setBodyKind);
    for (QLineEdit* e : {m_ui->tokenLineEdit, m_ui->ttlLineEdit})
        connect(e, &QLineEdit::textChanged, this, &BetaTokenRequestEditor::reevaluate);

    m_paths = new QStringListModel(this);
    m_tokenCompleter = new QCompleter(m_paths, this);
    m_tokenCompleter->setObjectName(QStringLiteral("tokenCompleter"));
    m_ttlCompleter = new QCompleter(m_paths, this);
    m_ttlCompleter->setObjectName(QStringLiteral("ttlCompleter"));
    setupCompleter(m_ui->tokenLineEdit, m_tokenCompleter);
    setupCompleter(m_ui->ttlLineEdit, m_ttlCompleter);
    bindFields();
}

BetaTokenRequestEditor::~BetaTokenRequestEditor() = default;

QLineEdit* BetaTokenRequestEditor::tokenEdit() const
{
    return m_ui->tokenLineEdit;
}

QLineEdit* BetaTokenRequestEditor::ttlEdit() const
{
    return m_ui->ttlLineEdit;
}

QPlainTextEdit* BetaTokenRequestEditor::responseView() const
{
    return m_ui->responsePlainTextEdit;
}

QString BetaTokenRequestEditor::tokenResultText() const
{
    return m_ui->tokenResultLabel->text();
}

QString BetaTokenRequestEditor::ttlResultText() const
{
    return m_ui->ttlResultLabel->text();
}

QString BetaTokenRequestEditor::highlightedText() const
{
    return m_highlighted;
}

void BetaTokenRequestEditor::setupCompleter(QLineEdit* edit, QCompleter* completer)
{
    completer->setWidget(edit);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setMaxVisibleItems(12);
    connect(edit, &QLineEdit::textEdited, completer, [edit, completer] {
        int start = 0;
        const QString word = wordBeforeCursor(edit, &start);
        if (word.size() < 2) {
            completer->popup()->hide();
            return;
        }
        completer->setCompletionPrefix(word);
        if (completer->completionCount() > 0 &&
            !(completer->completionCount() == 1 && completer->currentCompletion() == word)) {
            completer->complete();
            // Enter accepts the first completion unless another one is chosen with the arrow keys.
            completer->popup()->setCurrentIndex(completer->completionModel()->index(0, 0));
        } else
            completer->popup()->hide();
    });
    connect(completer, qOverload<const QString&>(&QCompleter::activated), edit,
            [this, edit](const QString& path) {
                int start = 0;
                const QString word = wordBeforeCursor(edit, &start);
                QString text = edit->text();
                text.replace(start, word.size(), path);
                edit->setText(text);
                edit->setCursorPosition(int(start + path.size()));
                push(edit == m_ui->tokenLineEdit ? QStringLiteral("token") : QStringLiteral("ttl"), text);
            });
}

void BetaTokenRequestEditor::setTokenRequest(Core::Workspace* workspace, int backendRow,
                                             const QString& selector, QUndoStack* undoStack)
{
    if (selector != blockType())
        m_pendingBodyKind.clear();
    setBlockSelector(selector);
    setTarget(workspace, backendRow, undoStack);
}

QString BetaTokenRequestEditor::label() const
{
    return blockType().startsWith(Prefix) ? blockType().mid(Prefix.size()) : QStringLiteral("default");
}

const Core::Block* BetaTokenRequestEditor::backendBlock() const
{
    if (!workspace() || backendRow() < 0 || backendRow() >= workspace()->backendCount())
        return nullptr;
    return &workspace()->backend(backendRow());
}

const Core::Block* BetaTokenRequestEditor::block() const
{
    const Core::Block* b = backendBlock();
    return b ? b->child(blockType()) : nullptr;
}

void BetaTokenRequestEditor::push(const QString& attribute, const QString& expression)
{
    if (!workspace() || !undoStack() || !block() || block()->attribute(attribute) == expression)
        return;
    undoStack()->push(new SetAttributeCommand(workspace(), backendRow(), blockType(), attribute, expression));
}

void BetaTokenRequestEditor::commitLabel()
{
    const Core::Block* b = block();
    const Core::Block* backend = backendBlock();
    if (!b || !backend || !undoStack())
        return;
    QString wanted = m_ui->labelLineEdit->text().trimmed();
    if (wanted == u"default")
        wanted.clear(); // the unlabelled request is the default one
    if (wanted == b->label)
        return;
    const QString wantedSelector = Prefix + (wanted.isEmpty() ? QStringLiteral("default") : wanted);
    for (const Core::Block& sibling : backend->blocks) {
        if (&sibling != b && sibling.matches(wantedSelector)) {
            m_ui->labelLineEdit->setText(b->label);
            m_ui->headingLabel->setText(
                tr("<b>beta_token_request \"%1\"</b> <span style='color:#d03030'>\u2716 token request names "
                   "must be "
                   "unique: \"%2\" is taken</span>")
                    .arg(label().toHtmlEscaped(),
                         (wanted.isEmpty() ? QStringLiteral("default") : wanted).toHtmlEscaped()));
            return;
        }
    }
    Core::Block after = *backend;
    Core::Block* target = after.child(blockType());
    const QString old = label();
    target->label = wanted;
    const int row = backendRow();
    setBlockSelector(wantedSelector);
    undoStack()->push(new ReplaceBackendCommand(
        workspace(), row, after,
        tr("Rename token request %1 to %2").arg(old, wanted.isEmpty() ? QStringLiteral("default") : wanted)));
}

void BetaTokenRequestEditor::setBodyKind(int index)
{
    const QString kind = m_ui->bodyKindComboBox->itemData(index).toString();
    const Core::Block* b = block();
    const Core::Block* backend = backendBlock();
    if (!b || !backend || !undoStack())
        return;
    QString current, text;
    for (const QString& k : BodyKinds) {
        if (!k.isEmpty() && b->hasAttribute(k)) {
            current = k;
            text = b->attribute(k);
        }
    }
    m_pendingBodyKind = kind;
    if (current == kind) {
        refreshFields();
        return;
    }
    if (current.isEmpty()) {
        refreshFields(); // nothing to move: the body editor starts empty
        return;
    }
    Core::Block after = *backend;
    Core::Block* target = after.child(blockType());
    target->attributes.remove(current);
    // An object moves between form_body and json_body; plain text does not become an object.
    if (!kind.isEmpty() && (kind != u"body") == (current != u"body"))
        target->setAttribute(kind, text);
    undoStack()->push(new ReplaceBackendCommand(workspace(), backendRow(), after,
                                                kind.isEmpty()
                                                    ? tr("Remove the token request body")
                                                    : tr("Send the token request body as %1").arg(kind)));
}

bool BetaTokenRequestEditor::eventFilter(QObject* watched, QEvent* event)
{
    // The response view highlights what the last focused expression (token or ttl) reads.
    if (event->type() == QEvent::FocusIn &&
        (watched == m_ui->tokenLineEdit || watched == m_ui->ttlLineEdit)) {
        const bool ttl = watched == m_ui->ttlLineEdit;
        if (ttl != m_ttlActive) {
            m_ttlActive = ttl;
            reevaluate();
        }
    }
    return BlockEditor::eventFilter(watched, event);
}

void BetaTokenRequestEditor::updateVisibility()
{
    refreshFields();
}

void BetaTokenRequestEditor::loaded()
{
    // A run's response is kept per token request.
    const auto it = m_responses.constFind(responseKey());
    if (it != m_responses.cend())
        m_response = it.value();
    else
        m_response.reset();
    showResponse();
    refreshFields();
}

QString BetaTokenRequestEditor::responseKey() const
{
    const Core::Block* backend = backendBlock();
    return (backend ? backend->label : QString()) + u'/' + label();
}

void BetaTokenRequestEditor::refreshFields()
{
    const Core::Block* b = block();
    const Core::Block* backend = backendBlock();
    if (!b || !backend)
        return;
    m_ui->headingLabel->setText(
        tr("<b>beta_token_request \"%1\"</b> in backend <b>%2</b> \u2014 referenced as "
           "<code>%3</code>")
            .arg(label().toHtmlEscaped(), backend->label.toHtmlEscaped(),
                 (label() == u"default" ? QStringLiteral("backend.beta_token")
                                        : QStringLiteral("backend.beta_tokens.") + label())));
    if (!m_ui->labelLineEdit->hasFocus())
        setIfDifferent(m_ui->labelLineEdit, b->label);
    const Core::Block* nested = b->child(QStringLiteral("backend"));
    m_ui->backendLineEdit->setEnabled(!nested || b->hasAttribute(QStringLiteral("backend")));
    if (nested) {
        m_ui->backendLineEdit->setPlaceholderText(
            tr("a nested backend block (origin %1)").arg(nested->attribute(QStringLiteral("origin"))));
    }
    setIfDifferent(m_ui->backendLineEdit, Core::Hcl::displayText(b->attribute(QStringLiteral("backend"))));
    setIfDifferent(m_ui->urlLineEdit, Core::Hcl::displayText(b->attribute(QStringLiteral("url"))));
    setIfDifferent(m_ui->methodLineEdit, Core::Hcl::displayText(b->attribute(QStringLiteral("method"))));
    m_headers->setExpression(b->attribute(QStringLiteral("headers")));
    m_query->setExpression(b->attribute(QStringLiteral("query_params")));

    QString kind;
    for (const QString& k : BodyKinds) {
        if (!k.isEmpty() && b->hasAttribute(k))
            kind = k;
    }
    if (kind.isEmpty())
        kind = m_pendingBodyKind;
    m_ui->bodyKindComboBox->setCurrentIndex(qMax(0, int(BodyKinds.indexOf(kind))));
    m_ui->bodyContainer->setVisible(!kind.isEmpty());
    m_body->setRawOnly(kind == u"body");
    m_body->setExpression(kind.isEmpty() ? QString() : b->attribute(kind));

    // expected_status: a list of numbers reads as "200, 201".
    const QString expected = b->attribute(QStringLiteral("expected_status")).trimmed();
    QString shown = expected;
    static const QRegularExpression list(QStringLiteral("^\\[\\s*([0-9]+(\\s*,\\s*[0-9]+)*)\\s*,?\\s*\\]$"));
    if (const auto m = list.match(expected); m.hasMatch())
        shown = m.captured(1)
                    .split(u',')
                    .replaceInStrings(QRegularExpression(QStringLiteral("\\s")), QString())
                    .join(QStringLiteral(", "));
    if (!m_ui->expectedStatusLineEdit->hasFocus() || m_ui->expectedStatusLineEdit->text().isEmpty())
        setIfDifferent(m_ui->expectedStatusLineEdit, shown);
    reevaluate();
}

void BetaTokenRequestEditor::setRunResult(int backendRow, const QString& runLabel,
                                          const Core::TokenResult& result)
{
    if (!workspace() || backendRow < 0 || backendRow >= workspace()->backendCount() ||
        result.exchanges.isEmpty())
        return;
    const Core::Exchange& e = result.exchanges.constLast();
    if (!e.hasResponse())
        return;
    const QString key = workspace()->backend(backendRow).label + u'/' + runLabel;
    m_responses.insert(key, e);
    if (key != responseKey())
        return;
    m_response = e;
    m_obtainedAt =
        result.obtainedAt.isValid() ? result.obtainedAt : e.startedAt.addMSecs(qMax<qint64>(e.durationMs, 0));
    showResponse();
    reevaluate();
}

void BetaTokenRequestEditor::clearRunResults()
{
    m_responses.clear();
    m_response.reset();
    m_obtainedAt = QDateTime();
    showResponse();
}

void BetaTokenRequestEditor::showResponse()
{
    if (!m_response) {
        m_ui->responsePlainTextEdit->clear();
        m_spans.clear();
        m_paths->setStringList({});
        return;
    }
    // Shown through the redactor unless revealed on purpose; expressions always see the real response.
    const Core::Exchange shown = m_reveal->isChecked() ? *m_response : Core::Redactor::redact(*m_response);
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const Core::HttpHeader& h : shown.responseHeaders)
        headers.append({h.name, h.value});
    const Core::Hcl::ResponsePreview preview =
        Core::Hcl::responsePreview(shown.status, headers, shown.responseBody);
    m_ui->responsePlainTextEdit->setPlainText(preview.text);
    m_spans = preview.spans;
    m_paths->setStringList(
        Core::Hcl::valuePaths(QStringLiteral("beta_token_response"), Core::betaTokenResponse(*m_response)));
}

void BetaTokenRequestEditor::reevaluate()
{
    const Core::Block* b = block();
    const Core::Block* backend = backendBlock();
    m_highlighted.clear();
    if (!b || !backend)
        return;
    if (!m_response) {
        m_ui->tokenResultLabel->setText(
            tr("Run once (Ctrl+Return): token and ttl are then evaluated here as you "
               "type, against that response, without sending the request again."));
        m_ui->ttlResultLabel->clear();
        m_ui->responsePlainTextEdit->setExtraSelections({});
        return;
    }
    // The run's evaluation of the expressions being typed: env.NAME values as a run sees them, the
    // response as beta_token_response, Couper's checks.
    Core::BetaTokenRequestSpec spec;
    if (m_resolver) {
        if (auto built = Core::betaSpecFromBlock(*backend, *b, *m_resolver, &workspace()->backends()))
            spec = *built;
    }
    const QString tokenText = m_ui->tokenLineEdit->text();
    spec.tokenExpression = tokenText;
    spec.ttlExpression = m_ui->ttlLineEdit->text();
    const Core::BetaEvaluation ev = Core::evaluateBetaToken(spec, *m_response);

    if (ev.tokenError.isEmpty()) {
        m_ui->tokenResultLabel->setText(
            tr("\u2714 token = %1 (%n character(s))", nullptr, int(ev.token.size()))
                .arg(ev.token.size() > 64 ? ev.token.left(61) + QStringLiteral("\u2026") : ev.token));
        m_ui->tokenResultLabel->setStyleSheet(QStringLiteral("color: #1a7f37;"));
    } else {
        m_ui->tokenResultLabel->setText(QStringLiteral("\u2716 ") + ev.tokenError);
        m_ui->tokenResultLabel->setStyleSheet(QStringLiteral("color: #d03030;"));
    }

    if (ev.ttlError.isEmpty()) {
        const qint64 seconds = ev.ttlSeconds;
        QString text = tr("\u2714 ttl = \"%1\" \u2192 %2 s").arg(ev.ttlText).arg(seconds);
        if (seconds > 0) {
            const QDateTime until = m_obtainedAt.isValid() ? m_obtainedAt.addSecs(seconds) : QDateTime();
            text += tr(" (%1); Couper keeps the token until %2 and requests a new one on the first backend "
                       "request after that")
                        .arg(formatRemaining(seconds),
                             until.isValid() ? QLocale().toString(until.toLocalTime().time(), QLocale::LongFormat)
                                             : tr("then"));
        } else {
            text += tr(": not cached \u2014 Couper requests a token for every backend request and "
                       "backends.NAME.beta_tokens never holds it");
        }
        m_ui->ttlResultLabel->setText(text);
        m_ui->ttlResultLabel->setStyleSheet(QStringLiteral("color: #1a7f37;"));
    } else {
        m_ui->ttlResultLabel->setText(QStringLiteral("\u2716 ") + ev.ttlError);
        m_ui->ttlResultLabel->setStyleSheet(QStringLiteral("color: #d03030;"));
    }

    // The values quote a server's response: plain text, control characters shown escaped.
    for (QLabel* label : {m_ui->tokenResultLabel, m_ui->ttlResultLabel}) {
        label->setTextFormat(Qt::PlainText);
        label->setText(Core::DisplayText::escapeControl(label->text()));
    }

    // Highlight what the expression being edited reads (the token's, unless ttl is being edited).
    const QString focusText = m_ttlActive ? m_ui->ttlLineEdit->text() : tokenText;
    const QString path = Core::Hcl::readPath(focusText, QStringLiteral("beta_token_response"),
                                             Core::betaTokenContext(spec, *m_response));
    QList<QTextEdit::ExtraSelection> selections;
    if (const auto it = m_spans.constFind(path); it != m_spans.cend()) {
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(m_ui->responsePlainTextEdit->document());
        sel.cursor.setPosition(it->first);
        sel.cursor.setPosition(it->second, QTextCursor::KeepAnchor);
        sel.format.setBackground(QColor(0xff, 0xe5, 0x8f));
        selections.append(sel);
        m_highlighted = sel.cursor.selectedText();
        QTextCursor visible(m_ui->responsePlainTextEdit->document());
        visible.setPosition(it->first);
        m_ui->responsePlainTextEdit->setTextCursor(visible);
        m_ui->responsePlainTextEdit->ensureCursorVisible();
    }
    m_ui->responsePlainTextEdit->setExtraSelections(selections);
}

} // namespace Tokenbench::Ui
