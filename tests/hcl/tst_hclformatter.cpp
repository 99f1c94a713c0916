#include <QDir>
#include <QFile>
#include <QTest>

#include "hcl/document.h"
#include "hcl/formatter.h"
#include "testconfig.h"
#include "util/coupercorpus.h"
#include "util/testsupport.h"

using namespace Tokenbench::Core::Hcl;

namespace {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestHclFormatter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }
    void ownCorpus_matchesHclwriteOutput_data();
    void ownCorpus_matchesHclwriteOutput();
    void corpus_onlyCanonicalFilesAreUnchanged();
    void corpus_formattingIsIdempotentAndKeepsSyntax();
    void snippets_formatCanonically_data();
    void snippets_formatCanonically();
};

// tests/data/couper/fmt-expected/ holds, for every file of the own corpus, the output of HashiCorp's
// hclwrite formatter (written with `terraform fmt -`, which is hclwrite's layout for these files: none
// of them has an interpolation-only string or anything else terraform rewrites beyond hclwrite).
void TestHclFormatter::ownCorpus_matchesHclwriteOutput_data()
{
    QTest::addColumn<QString>("name");
    const QStringList files = Tokenbench::Test::hclFilesIn(Tokenbench::Test::ownCouperCorpusDir());
    QVERIFY(files.size() >= 10);
    for (const QString& f : files)
        QTest::newRow(qPrintable(QFileInfo(f).fileName())) << QFileInfo(f).fileName();
}

void TestHclFormatter::ownCorpus_matchesHclwriteOutput()
{
    QFETCH(QString, name);
    const QByteArray src = Tokenbench::Test::readOwnCorpus(name);
    const QByteArray expected = Tokenbench::Test::readOwnCorpus(QStringLiteral("fmt-expected/") + name);
    QVERIFY(!src.isEmpty());
    QVERIFY(!expected.isEmpty());
    QCOMPARE(format(src), expected);
    QCOMPARE(format(expected), expected);
}

// Which files are already canonical is known by name: for the own corpus the files whose hclwrite output
// equals the input, for the optional corpus the ones its README names.
void TestHclFormatter::corpus_onlyCanonicalFilesAreUnchanged()
{
    const QStringList canonical{QStringLiteral("own/inline_token_backend.hcl"), QStringLiteral("own/jwt_bearer.hcl"),
                                QStringLiteral("shared/14_couper.hcl"), QStringLiteral("shared/16_couper.hcl")};
    int checked = 0;
    for (const QString& path : Tokenbench::Test::couperCorpusFiles()) {
        const QString name = Tokenbench::Test::corpusRowName(path);
        const QByteArray src = readFile(path);
        const bool unchanged = format(src) == src;
        QVERIFY2(unchanged == canonical.contains(name), qPrintable(name));
        ++checked;
    }
    QVERIFY(checked >= 10);
}

void TestHclFormatter::corpus_formattingIsIdempotentAndKeepsSyntax()
{
    for (const QString& path : Tokenbench::Test::couperCorpusFiles()) {
        const QString name = Tokenbench::Test::corpusRowName(path);
        const QByteArray once = format(readFile(path));
        QCOMPARE(format(once), once);
        const Document d = Document::parse(once);
        QVERIFY2(d.diagnostics().isEmpty(), qPrintable(name));
        // Only whitespace changed.
        QByteArray a = readFile(path), b = once;
        a.replace(' ', "");
        b.replace(' ', "");
        QCOMPARE(b, a);
    }
}

void TestHclFormatter::snippets_formatCanonically_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    const auto row = [](const char* name, const char* in, const char* out) {
        QTest::newRow(name) << QByteArray(in) << QByteArray(out);
    };
    row("assignment-spacing", "x=1\n", "x = 1\n");
    row("operators", "y = a+b*-c\n", "y = a + b * -c\n");
    row("negation-after-paren", "y = (-1+2)\n", "y = (-1 + 2)\n");
    row("commas", "y = f(a,b ,c)\n", "y = f(a, b, c)\n");
    row("expansion", "y = f(a, b ...)\n", "y = f(a, b...)\n");
    row("brackets", "y = [ 1, [ 2 ] ]\n", "y = [1, [2]]\n");
    row("index", "y = a [0] . b\n", "y = a[0].b\n");
    row("braces", "y = {a=1}\n", "y = { a = 1 }\n");
    row("empty-braces", "b {   }\n", "b {}\n");
    row("bang", "y = ! x\n", "y = !x\n");
    row("conditional", "y = a?b:c\n", "y = a ? b : c\n");
    row("interpolation", "y = \"a ${ b } c\"\n", "y = \"a ${b} c\"\n");
    row("strip-markers", "y = \"${~ b ~}\"\n", "y = \"${~b~}\"\n");
    row("for-in-tuple", "y = [for v in [1] : v]\n", "y = [for v in [1] : v]\n");
    row("indent-blocks", "a {\nb {\nc = 1\n}\n}\n", "a {\n  b {\n    c = 1\n  }\n}\n");
    row("align-run", "a {\n  x = 1\n  long_name = 2\n\n  y = 3\n}\n",
        "a {\n  x         = 1\n  long_name = 2\n\n  y = 3\n}\n");
    row("nested-block-breaks-run", "short = 1\nb {}\nlonger = 2\n", "short = 1\nb {}\nlonger = 2\n");
    row("trailing-comments", "a = 1 # one\nbbb = \"x\" # two\n", "a   = 1   # one\nbbb = \"x\" # two\n");
    row("whole-line-comment-indented", "a {\n# note\nb = 1\n}\n", "a {\n  # note\n  b = 1\n}\n");
    row("trailing-spaces-removed", "a = 1   \n   \nb = 2\n", "a = 1\n\nb = 2\n");
    row("multiline-object", "a = {\nk = 1\nlonger = 2\n}\n", "a = {\n  k      = 1\n  longer = 2\n}\n");
    row("heredoc-untouched", "a {\nb = <<-EOT\n   x  =  1\n EOT\n}\n", "a {\n  b = <<-EOT\n   x  =  1\n EOT\n}\n");
    row("single-line-block", "b {a=1}\n", "b { a = 1 }\n");
    row("labels", "resource   \"a\"    \"b\"{\n}\n", "resource \"a\" \"b\" {\n}\n");
    row("grapheme-columns", "\xf0\x9f\x87\xac\xf0\x9f\x87\xa7 = 1\nab = 2\n", "\xf0\x9f\x87\xac\xf0\x9f\x87\xa7  = 1\nab = 2\n");
    row("crlf-kept", "a=1\r\nb {\r\nc=2\r\n}\r\n", "a = 1\r\nb {\r\n  c = 2\r\n}\r\n");
    row("tabs-become-spaces", "a {\n\tb\t=\t1\n}\n", "a {\n  b = 1\n}\n");
    // The end of the file as hclwrite.Format leaves it: its end-of-file token belongs to no line, so the
    // whitespace before it is kept (as spaces, one per byte) and no final newline is added; blank lines
    // at the end stay; whitespace before a line break goes; a `#` comment keeps its own trailing spaces.
    row("eof-no-final-newline", "a=1", "a = 1");
    row("eof-spaces-after-last-line", "a = 1\n   ", "a = 1\n   ");
    row("eof-spaces-without-newline", "a=1   ", "a = 1   ");
    row("eof-tab-becomes-space", "a = 1\n\t", "a = 1\n ");
    row("eof-blank-lines-kept", "a = 1\n\n\n", "a = 1\n\n\n");
    row("eof-blank-lines-trimmed", "a = 1\n  \n\t\n", "a = 1\n\n\n");
    row("line-end-spaces-removed", "b {   \n  c = 1 \t\n}   \n", "b {\n  c = 1\n}\n");
    row("comment-keeps-own-trailing-spaces", "a = 1 # c  \n", "a = 1 # c  \n");
    row("block-comment-then-spaces", "/* c */   \na = 1\n", "/* c */\na = 1\n");
}

void TestHclFormatter::snippets_formatCanonically()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(format(input), expected);
    QCOMPARE(format(expected), expected);
}

QTEST_GUILESS_MAIN(TestHclFormatter)
#include "tst_hclformatter.moc"
