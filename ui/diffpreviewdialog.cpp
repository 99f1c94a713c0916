#include "diffpreviewdialog.h"

#include "saveback/unifieddiff.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSyntaxHighlighter>
#include <QVBoxLayout>

namespace Tokenbench::Ui {

namespace {

// Added lines green, removed red, hunk headers blue, file headers bold: as `git diff --color` does, with
// shades chosen per palette so that every line keeps a readable contrast in light and dark ones.
class DiffHighlighter final : public QSyntaxHighlighter
{
public:
    DiffHighlighter(QTextDocument* document, bool dark) : QSyntaxHighlighter(document), m_dark(dark) {}

protected:
    void highlightBlock(const QString& text) override
    {
        QTextCharFormat f;
        if (text.startsWith(QStringLiteral("+++")) || text.startsWith(QStringLiteral("---"))) {
            f.setFontWeight(QFont::Bold);
        } else if (text.startsWith(u'+')) {
            f.setForeground(m_dark ? QColor(0xaf, 0xf5, 0xb4) : QColor(0x11, 0x63, 0x29));
            f.setBackground(m_dark ? QColor(0x03, 0x3a, 0x16) : QColor(0xe6, 0xff, 0xec));
        } else if (text.startsWith(u'-')) {
            f.setForeground(m_dark ? QColor(0xff, 0xdc, 0xd7) : QColor(0xa4, 0x0e, 0x26));
            f.setBackground(m_dark ? QColor(0x67, 0x06, 0x0c) : QColor(0xff, 0xeb, 0xe9));
        } else if (text.startsWith(QStringLiteral("@@"))) {
            f.setForeground(m_dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x05, 0x50, 0xae));
        } else if (text.startsWith(u'\\')) {
            f.setForeground(m_dark ? QColor(0xb0, 0xb0, 0xb0) : QColor(0x60, 0x60, 0x60));
        } else {
            return;
        }
        setFormat(0, int(text.size()), f);
    }

private:
    bool m_dark;
};

} // namespace

DiffPreviewDialog::DiffPreviewDialog(const QString& fileName, const QByteArray& before,
                                     const QByteArray& after, const QStringList& notes, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("diffPreviewDialog"));
    setWindowTitle(tr("Save into %1").arg(QFileInfo(fileName).fileName()));
    const QString name = QFileInfo(fileName).fileName();
    const Core::DiffStats stats = Core::diffStats(before, after);
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("diffSummaryLabel"));
    m_summary->setWordWrap(true);
    QString summary =
        tr("Saving changes %1: %2 line(s) added, %3 removed. Everything else in the file stays as it is.")
            .arg(fileName)
            .arg(stats.added)
            .arg(stats.removed);
    for (const QString& n : notes)
        summary += u'\n' + QStringLiteral("\u26a0 ") + n;
    m_summary->setText(summary);
    layout->addWidget(m_summary);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("diffTextEdit"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new DiffHighlighter(m_text->document(), m_text->palette().color(QPalette::Base).lightness() < 128);
    m_text->setPlainText(
        Core::unifiedDiff(before, after, QStringLiteral("a/") + name, QStringLiteral("b/") + name));
    layout->addWidget(m_text, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("diffButtonBox"));
    buttons->button(QDialogButtonBox::Save)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, 520);
}

DiffPreviewDialog::~DiffPreviewDialog() = default;

QString DiffPreviewDialog::diffText() const
{
    return m_text->toPlainText();
}

} // namespace Tokenbench::Ui
