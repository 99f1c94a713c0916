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

// Added lines green, removed red, hunk headers blue, file headers bold: as `git diff --color` does.
class DiffHighlighter final : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString& text) override
    {
        QTextCharFormat f;
        if (text.startsWith(QStringLiteral("+++")) || text.startsWith(QStringLiteral("---"))) {
            f.setFontWeight(QFont::Bold);
        } else if (text.startsWith(u'+')) {
            f.setForeground(QColor(0x1a, 0x7f, 0x37));
            f.setBackground(QColor(0xe6, 0xff, 0xec));
        } else if (text.startsWith(u'-')) {
            f.setForeground(QColor(0xcf, 0x22, 0x2e));
            f.setBackground(QColor(0xff, 0xeb, 0xe9));
        } else if (text.startsWith(QStringLiteral("@@"))) {
            f.setForeground(QColor(0x05, 0x50, 0xae));
        } else if (text.startsWith(u'\\')) {
            f.setForeground(Qt::gray);
        } else {
            return;
        }
        setFormat(0, int(text.size()), f);
    }
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
    new DiffHighlighter(m_text->document());
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
