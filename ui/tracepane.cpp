#include "tracepane.h"

#include "jsonhighlighter.h"

#include "trace/jwtfinder.h"
#include "trace/redactor.h"
#include "trace/tracemodel.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPointer>
#include <QScrollBar>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>

#include <memory>

namespace Tokenbench::Ui {

using Core::Exchange;
using Core::TraceModel;

namespace {

// Paints a devtools-style duration bar, scaled to the longest exchange in the trace.
class TimelineDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        const qint64 duration = index.data(TraceModel::DurationMsRole).toLongLong();
        const qint64 maximum = qMax<qint64>(1, index.data(TraceModel::MaxDurationMsRole).toLongLong());
        if (duration < 0)
            return;
        const QRect r = option.rect.adjusted(4, option.rect.height() / 3, -4, -option.rect.height() / 3);
        const int width = qMax(2, int(r.width() * double(duration) / double(maximum)));
        const bool failed = index.data(TraceModel::FailedRole).toBool();
        painter->fillRect(QRect(r.left(), r.top(), width, r.height()),
                          failed ? QColor(0xd0, 0x40, 0x40) : QColor(0x3a, 0x8e, 0xe6));
    }
};

QString headersText(const Core::HttpHeaders& headers)
{
    QString s;
    for (const Core::HttpHeader& h : headers)
        s += QString::fromLatin1(h.name) + QStringLiteral(": ") + QString::fromLatin1(h.value) + u'\n';
    return s;
}

QString bodyText(const QByteArray& body, bool pretty)
{
    if (body.isEmpty())
        return {};
    QByteArray shown = body.left(TracePane::MaxShownBody);
    if (pretty) {
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(shown, &err);
        if (err.error == QJsonParseError::NoError && !doc.isNull())
            shown = doc.toJson(QJsonDocument::Indented);
    }
    QString text = QString::fromUtf8(shown);
    if (body.size() > TracePane::MaxShownBody)
        text += QObject::tr("\n\u2026 %1 more bytes not shown").arg(body.size() - TracePane::MaxShownBody);
    return text;
}

// Text laid out as one line costs the view time in proportion to the line's length (a 256 KiB line of
// compact JSON froze the window for a quarter of a second). Lines longer than LongLine are shown in pieces
// of that length, each but the last ending in a mark that is not part of the data.
QString withLongLinesBroken(const QString& text)
{
    static constexpr qsizetype LongLine = 1024;
    if (text.size() <= LongLine)
        return text;
    QString out;
    out.reserve(text.size() + text.size() / LongLine * 2);
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text.at(i) != u'\n')
            continue;
        qsizetype at = lineStart;
        while (i - at > LongLine) {
            qsizetype cut = at + LongLine;
            if (text.at(cut - 1).isHighSurrogate())
                --cut; // never split a surrogate pair
            out += QStringView(text).sliced(at, cut - at);
            out += QStringLiteral("\u21a9\n");
            at = cut;
        }
        out += QStringView(text).sliced(at, i - at);
        if (i < text.size())
            out += u'\n';
        lineStart = i + 1;
    }
    return out;
}

} // namespace

// What the detail views show for one exchange: built from data alone, so that a big exchange is prepared
// off the UI thread.
struct TracePane::Rendered
{
    QString request;
    QString response;
    QString raw;
    QList<Core::FoundJwt> jwts;
};

TracePane::TracePane(TraceModel* model, QWidget* parent) : QWidget(parent), m_model(model)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* header = new QHBoxLayout;
    auto* title = new QLabel(tr("<b>Trace</b>"), this);
    m_reveal = new QCheckBox(tr("Re&veal secrets"), this);
    m_reveal->setObjectName(QStringLiteral("revealCheckBox"));
    m_reveal->setToolTip(tr("Show credentials and tokens in clear instead of fingerprints"));
    header->addWidget(title);
    header->addStretch();
    header->addWidget(m_reveal);
    layout->addLayout(header);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("traceSplitter"));
    m_table = new QTableView(splitter);
    m_table->setObjectName(QStringLiteral("traceTableView"));
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(TraceModel::UrlColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(TraceModel::TimelineColumn, QHeaderView::Interactive);
    m_table->setItemDelegateForColumn(TraceModel::TimelineColumn, new TimelineDelegate(m_table));
    m_table->horizontalHeader()->setSectionResizeMode(TraceModel::StepColumn, QHeaderView::ResizeToContents);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);

    auto* details = new QWidget(splitter);
    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    m_empty = new QLabel(tr("Each request Tokenbench sends appears here, exactly as it went over the wire."), details);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_tabs = new QTabWidget(details);
    m_tabs->setObjectName(QStringLiteral("traceTabWidget"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto makeView = [&](const QString& name) {
        auto* view = new QPlainTextEdit(m_tabs);
        view->setObjectName(name);
        view->setReadOnly(true);
        view->setFont(mono);
        view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        view->setWordWrapMode(QTextOption::WrapAnywhere);
        new JsonHighlighter(view->document());
        return view;
    };
    m_request = makeView(QStringLiteral("requestPlainTextEdit"));
    m_response = makeView(QStringLiteral("responsePlainTextEdit"));
    m_raw = makeView(QStringLiteral("rawPlainTextEdit"));
    m_tabs->addTab(m_request, tr("&Request"));
    m_tabs->addTab(m_response, tr("Res&ponse"));
    m_tabs->addTab(m_raw, tr("Ra&w"));
    m_jwts = new QListWidget(m_tabs);
    m_jwts->setObjectName(QStringLiteral("jwtListWidget"));
    m_jwts->setToolTip(tr("Double-click (or Return) to open a token in the JWT inspector"));
    m_tabs->addTab(m_jwts, tr("&JWT"));
    connect(m_jwts, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { Q_EMIT inspectRequested(item->data(Qt::UserRole).toString()); });
    detailsLayout->addWidget(m_empty);
    detailsLayout->addWidget(m_tabs);
    splitter->addWidget(m_table);
    splitter->addWidget(details);
    // Neither the list nor the Request/Response tabs can be dragged out of sight.
    splitter->setChildrenCollapsible(false);
    m_table->setMinimumHeight(m_table->verticalHeader()->defaultSectionSize() * 2 + m_table->horizontalHeader()->sizeHint().height());
    details->setMinimumHeight(120);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({110, 320});
    layout->addWidget(splitter);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TracePane::showCurrent);
    connect(m_reveal, &QCheckBox::toggled, this, &TracePane::showCurrent);
    // The views of a big exchange are laid out when they are first looked at.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        auto* view = qobject_cast<QPlainTextEdit*>(m_tabs->currentWidget());
        if (view && m_pending.contains(view))
            view->setPlainText(m_pending.take(view));
    });
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& from, const QModelIndex& to) {
                const int row = m_table->currentIndex().row();
                if (row >= from.row() && row <= to.row())
                    showCurrent();
            });
    connect(model, &QAbstractItemModel::modelReset, this, &TracePane::showCurrent);
    // The list follows new rows while the user has not scrolled away from its end.
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        m_follow = value >= m_table->verticalScrollBar()->maximum();
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_model->rowCount() > 0 && !m_table->currentIndex().isValid())
            selectLast();
        if (m_follow)
            m_table->scrollToBottom();
    });
    showCurrent();
}

TracePane::~TracePane() = default;

void TracePane::selectLast()
{
    const int last = m_model->rowCount() - 1;
    if (last < 0)
        return;
    const bool follow = m_follow;
    const int keep = m_table->verticalScrollBar()->value();
    m_table->setCurrentIndex(m_model->index(last, 0));
    if (follow)
        m_table->scrollTo(m_model->index(last, 0));
    else
        m_table->verticalScrollBar()->setValue(keep);
    m_follow = follow;
}

bool TracePane::selectExchange(quint64 id)
{
    const int row = m_model->rowForId(id);
    if (row < 0)
        return false;
    // Selected for the details below; the list scrolls to it only while it follows new rows.
    const bool follow = m_follow;
    const int keep = m_table->verticalScrollBar()->value();
    m_table->setCurrentIndex(m_model->index(row, 0));
    if (follow)
        m_table->scrollTo(m_model->index(row, 0));
    else
        m_table->verticalScrollBar()->setValue(keep);
    m_follow = follow;
    return true;
}

QString TracePane::requestText() const
{
    return m_pending.contains(m_request) ? m_pending.value(m_request) : m_request->toPlainText();
}

QString TracePane::responseText() const
{
    return m_pending.contains(m_response) ? m_pending.value(m_response) : m_response->toPlainText();
}

void TracePane::showCurrent()
{
    const int row = m_table->currentIndex().row();
    const bool has = row >= 0 && row < m_model->rowCount();
    m_empty->setVisible(!has);
    m_tabs->setVisible(has);
    if (!has) {
        m_request->clear();
        m_response->clear();
        m_raw->clear();
        m_jwts->clear();
        return;
    }
    showExchange(m_model->exchange(row));
}

void TracePane::showExchange(const Exchange& original)
{
    const quint64 generation = ++m_generation;
    const bool reveal = m_reveal->isChecked();
    // Small exchanges are shown at once (the common case, and what a test reads right after a click); a big
    // one is redacted, searched for tokens and formatted on a worker thread while the views say so.
    if (original.requestBody.size() + original.responseBody.size() <= SynchronousBytes) {
        apply(render(original, reveal));
        return;
    }
    const QString preparing = tr("Preparing the view of %1 bytes\u2026").arg(original.requestBody.size() + original.responseBody.size());
    m_request->setPlainText(preparing);
    m_response->setPlainText(preparing);
    m_raw->setPlainText(preparing);
    m_pending.clear();
    m_jwts->clear();
    QPointer<TracePane> self(this);
    QThreadPool::globalInstance()->start([self, generation, original, reveal] {
        auto rendered = std::make_shared<Rendered>(render(original, reveal));
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, generation, rendered] {
            if (self && self->m_generation == generation)
                self->apply(*rendered);
        }, Qt::QueuedConnection);
    });
}

TracePane::Rendered TracePane::render(const Exchange& original, bool reveal)
{
    // Only what is shown is redacted and laid out: a huge body is cut to MaxShownBody first, so showing
    // it costs no more than showing a 2 MiB one.
    // A little more than is shown is redacted, so that a secret across the cut is masked as a whole.
    static constexpr qsizetype CutMargin = 64 * 1024;
    Exchange shown = original;
    if (shown.requestBody.size() > MaxShownBody)
        shown.requestBody.truncate(MaxShownBody + CutMargin);
    if (shown.responseBody.size() > MaxShownBody)
        shown.responseBody.truncate(MaxShownBody + CutMargin);
    Exchange e = reveal ? shown : Core::Redactor::redact(shown);
    if (e.requestBody.size() > MaxShownBody)
        e.requestBody.truncate(MaxShownBody);
    if (e.responseBody.size() > MaxShownBody)
        e.responseBody.truncate(MaxShownBody);
    if (!reveal) {
        // A cut-off JSON body does not parse, so the structural redaction could not see into it.
        if (original.requestBody.size() > MaxShownBody)
            e.requestBody = Core::Redactor::redactJsonText(e.requestBody);
        if (original.responseBody.size() > MaxShownBody)
            e.responseBody = Core::Redactor::redactJsonText(e.responseBody);
    }
    // The request target as it goes on the wire (origin form); the host is in the Host header.
    QString target = e.url.path(QUrl::FullyEncoded);
    if (target.isEmpty())
        target = QStringLiteral("/");
    if (e.url.hasQuery())
        target += u'?' + e.url.query(QUrl::FullyEncoded);
    const QString requestLine = QString::fromLatin1(e.method) + u' ' + target + QStringLiteral(" HTTP/1.1\n");
    const QString timing =
        tr("\n\u2014 %1 ms total; request sent after %2 ms; first byte after %3 ms\n")
            .arg(e.durationMs)
            .arg(e.requestSentMs)
            .arg(e.firstByteMs);
    auto moreNote = [](qsizetype full) {
        return full > MaxShownBody ? tr("\n\u2026 %1 more bytes not shown").arg(full - MaxShownBody) : QString();
    };
    Rendered r;
    r.request = withLongLinesBroken(requestLine + headersText(e.requestHeaders) + u'\n' + bodyText(e.requestBody, false) +
                                    moreNote(original.requestBody.size()));

    QString response;
    if (e.hasResponse()) {
        response = QString::fromLatin1(e.httpVersion) + u' ' + QString::number(e.status) + u' ' +
                   QString::fromLatin1(e.reason) + u'\n' + headersText(e.responseHeaders) + u'\n' +
                   bodyText(e.responseBody, true) + moreNote(original.responseBody.size());
    } else if (!e.isComplete()) {
        response = tr("Waiting for the response\u2026");
    } else {
        response = tr("No response.");
    }
    if (e.failure != Exchange::Failure::None)
        response += tr("\n\n\u2716 %1").arg(e.failureText);
    if (e.isComplete() && e.hasResponse()) // no response, no timings to show
        response += timing;
    r.response = withLongLinesBroken(response);

    QString raw = requestLine + headersText(e.requestHeaders) + u'\n' + bodyText(e.requestBody, false);
    if (e.hasResponse()) {
        raw += QStringLiteral("\n\n") + QString::fromLatin1(e.httpVersion) + u' ' + QString::number(e.status) + u' ' +
               QString::fromLatin1(e.reason) + u'\n' + headersText(e.responseHeaders) + u'\n' +
               bodyText(e.responseBody, false);
    }
    r.raw = withLongLinesBroken(raw);
    // Tokens are listed from the raw exchange; the list shows where each was found, never the value.
    r.jwts = Core::findJwts(original);
    return r;
}

void TracePane::apply(const Rendered& r)
{
    m_pending.clear();
    // A big text waits until its tab is shown: only the view in front is laid out now.
    for (const auto& [view, text] : {std::pair{m_request, &r.request}, std::pair{m_response, &r.response},
                                     std::pair{m_raw, &r.raw}}) {
        if (text->size() > SynchronousBytes && m_tabs->currentWidget() != view) {
            view->clear();
            m_pending.insert(view, *text);
        } else {
            view->setPlainText(*text);
        }
    }
    m_jwts->clear();
    for (const Core::FoundJwt& f : r.jwts) {
        auto* item = new QListWidgetItem(tr("%1 — inspect").arg(f.where), m_jwts);
        item->setData(Qt::UserRole, f.token);
    }
    m_tabs->setTabText(m_tabs->indexOf(m_jwts), r.jwts.isEmpty() ? tr("&JWT") : tr("&JWT (%1)").arg(r.jwts.size()));
}

} // namespace Tokenbench::Ui
