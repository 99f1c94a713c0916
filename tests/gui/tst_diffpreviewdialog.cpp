// The save-back diff preview (issue 16, item 9): added, removed, hunk and "\ No newline" lines keep a
// readable contrast (WCAG AA, 4.5:1) against their background in a light and in a dark palette.
#include "diffpreviewdialog.h"

#include "util/testsupport.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

#include <cmath>

using namespace Tokenbench;

namespace {

double luminance(const QColor& c)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a), lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

} // namespace

class TestDiffPreviewDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Test::initTestEnvironment(); }

    void everyColouredLine_isReadable_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void everyColouredLine_isReadable()
    {
        QFETCH(bool, dark);
        const QPalette original = QApplication::palette();
        QPalette palette = original;
        if (dark) {
            palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
            palette.setColor(QPalette::Text, QColor(0xdd, 0xdd, 0xdd));
            palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
            palette.setColor(QPalette::WindowText, QColor(0xdd, 0xdd, 0xdd));
        }
        QApplication::setPalette(palette);
        Ui::DiffPreviewDialog dialog(QStringLiteral("couper.hcl"), "a = 1\nb = 2\nc = 3", "a = 1\nb = 20\nc = 3\nd = 4",
                                     {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* text = dialog.findChild<QPlainTextEdit*>(QStringLiteral("diffTextEdit"));
        QVERIFY(text);
        const QColor base = text->palette().color(QPalette::Base);
        QSet<QChar> seen;
        for (QTextBlock block = text->document()->begin(); block.isValid(); block = block.next()) {
            const QString line = block.text();
            for (const QTextLayout::FormatRange& range : block.layout()->formats()) {
                if (!range.format.hasProperty(QTextFormat::ForegroundBrush))
                    continue;
                const QColor fg = range.format.foreground().color();
                const QColor bg = range.format.hasProperty(QTextFormat::BackgroundBrush)
                                      ? range.format.background().color()
                                      : base;
                QVERIFY2(contrast(fg, bg) >= 4.5,
                         qPrintable(QStringLiteral("%1: contrast %2 (%3 on %4)")
                                        .arg(line)
                                        .arg(contrast(fg, bg))
                                        .arg(fg.name(), bg.name())));
                seen.insert(line.isEmpty() ? QChar() : line.at(0));
            }
        }
        QApplication::setPalette(original);
        // Added, removed and hunk lines were all checked.
        QVERIFY(seen.contains(u'+'));
        QVERIFY(seen.contains(u'-'));
        QVERIFY(seen.contains(u'@'));
    }
};

QTEST_MAIN(TestDiffPreviewDialog)
#include "tst_diffpreviewdialog.moc"
