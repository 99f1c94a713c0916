#include <QDir>
#include <QFile>
#include <QTest>

#include "hcl/document.h"
#include "testconfig.h"
#include "util/coupercorpus.h"
#include "util/testsupport.h"

using namespace Tokenbench::Core;
using namespace Tokenbench::Core::Hcl;

namespace {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QStringList messages(const Document& d)
{
    QStringList out;
    for (const Diagnostic& x : d.diagnostics())
        out << QStringLiteral("%1:%2: %3").arg(x.line).arg(x.column).arg(x.message);
    return out;
}

} // namespace

class TestHclParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void corpus_roundTripsByteIdenticalWithoutErrors_data();
    void corpus_roundTripsByteIdenticalWithoutErrors();
    void trickyInput_roundTripsByteIdentical_data();
    void trickyInput_roundTripsByteIdentical();
    void tokenRequestFile_hasExpectedStructure();
    void labels_quotedAndBareAreDecoded();
    void operators_followHclPrecedence();
    void traversals_buildGetAttrIndexAndSplat();
    void forExpressions_parseBothForms();
    void templates_decodeEscapesAndStripMarkers();
    void heredoc_flushRemovesCommonIndent();
    void functionCall_withExpansion();
    void unclosedBlock_reportsOpeningPosition();
    void singleLineBlockWithNestedBlock_reportedLikeHcl();
    void severalErrors_allReportedAfterRecovery();
    void columns_countCharactersNotBytes();
    void renderDiagnostic_showsLineAndCaret();
    void setAttributeExpression_changesOnlyThoseBytes();
    void addAttribute_indentsLikeSiblings();
    void addAttribute_opensSingleLineBlock();
    void removeAttribute_removesItsLine();
    void addBlock_appendsIndentedBlock();
    void removeBlock_removesItsLines();
    void edits_keepCrlfLineEndings();
    void duplicateAttribute_isRedefinitionError();
    void heredocMarkerAtEndOfFile_isUnterminated();
    void deepNesting_reportsInsteadOfCrashing();
    void overDeepExpression_yieldsOneError_data();
    void overDeepExpression_yieldsOneError();
    void errorCascade_isCappedWithOneNote();
    void renderDiagnostic_cutsLongLinesAroundTheColumn();
    void unterminatedBlockComment_isAnError();
    void invalidUtf8_isAnErrorAnywhere_data();
    void invalidUtf8_isAnErrorAnywhere();
    void identifiers_allowOnlyIdCharacters_data();
    void identifiers_allowOnlyIdCharacters();
    void renderDiagnostic_showsControlCharactersAsReplacement();
};

void TestHclParser::duplicateAttribute_isRedefinitionError()
{
    const Document d = Document::parse("a = 1\nb {\n  a = 2\n}\na = 3\n");
    QCOMPARE(messages(d), QStringList{QStringLiteral("5:1: Attribute redefined: the argument \"a\" was already set at "
                                                     "1:1. Each argument may be set only once.")});
}

void TestHclParser::heredocMarkerAtEndOfFile_isUnterminated()
{
    const QByteArray src("a = <<EOT\nx\nEOT");
    const Document d = Document::parse(src);
    QCOMPARE(d.diagnostics().size(), 1);
    QVERIFY(d.diagnostics()[0].message.startsWith(QStringLiteral("Unterminated heredoc")));
    QCOMPARE(d.toBytes(), src);
    QVERIFY(Document::parse(src + '\n').diagnostics().isEmpty());
}

void TestHclParser::edits_keepCrlfLineEndings()
{
    Document d = Document::parse("a {\r\n  b = 1\r\n}\r\n");
    QVERIFY(d.addAttribute(d.blockAt({0}), QStringLiteral("c"), QStringLiteral("2")).ok());
    QVERIFY(d.addBlock(d.blockAt({0}), QStringLiteral("d"), {}, QStringLiteral("e = 3")).ok());
    QCOMPARE(d.source(), QByteArray("a {\r\n  b = 1\r\n  c = 2\r\n\r\n  d {\r\n    e = 3\r\n  }\r\n}\r\n"));
    QVERIFY(d.diagnostics().isEmpty());
}

void TestHclParser::corpus_roundTripsByteIdenticalWithoutErrors_data()
{
    QTest::addColumn<QString>("path");
    // The own corpus is always there; an optional one beside the checkout adds rows.
    QVERIFY(Tokenbench::Test::hclFilesIn(Tokenbench::Test::ownCouperCorpusDir()).size() >= 10);
    for (const QString& f : Tokenbench::Test::couperCorpusFiles())
        QTest::newRow(qPrintable(Tokenbench::Test::corpusRowName(f))) << f;
}

void TestHclParser::corpus_roundTripsByteIdenticalWithoutErrors()
{
    QFETCH(QString, path);
    const QByteArray src = readFile(path);
    QVERIFY(!src.isEmpty());
    const Document d = Document::parse(src, path);
    QCOMPARE(messages(d), QStringList());
    QCOMPARE(d.toBytes(), src);
    QVERIFY(!d.body().items.empty());
}

void TestHclParser::trickyInput_roundTripsByteIdentical_data()
{
    QTest::addColumn<QByteArray>("src");
    QTest::newRow("crlf") << QByteArray("a = 1\r\nb {\r\n  c = \"x\"\r\n}\r\n");
    QTest::newRow("tabs") << QByteArray("a {\n\tb\t=\t1\n}\n");
    QTest::newRow("comments") << QByteArray("# one\n// two\n/* three\n four */ a = 1 # tail\nb = 2 // tail\n");
    QTest::newRow("no-final-newline") << QByteArray("a = 1");
    QTest::newRow("trailing-spaces") << QByteArray("a = 1   \n   \n");
    QTest::newRow("heredoc") << QByteArray("a = <<-EOT\n    x ${y}\n      z\n    EOT\nb = <<EOT\nEOT\n");
    QTest::newRow("template-directives") << QByteArray("a = \"%{ if x ~}y%{~ else }z%{ endif }${~ w ~}\"\n");
    QTest::newRow("nested-templates") << QByteArray("a = \"${\"${\"x\"}\"}\"\n");
    QTest::newRow("unterminated-string") << QByteArray("a = \"abc\nb = 2\n");
    QTest::newRow("unterminated-heredoc") << QByteArray("a = <<EOT\nabc\n");
    QTest::newRow("unclosed-block") << QByteArray("a {\n b = 1\n");
    QTest::newRow("stray-brace") << QByteArray("}\n}}\na = 1\n");
    QTest::newRow("invalid-utf8") << QByteArray("a = \"\xff\xfe\"\n\xc3 = 1\n");
    QTest::newRow("garbage") << QByteArray("@@@ ;;; \\ ` ' ^ & | ~\n");
    QTest::newRow("lone-cr") << QByteArray("a = 1\rb = 2\n");
    QTest::newRow("unicode") << QByteArray("a = \"h\xc3\xa9llo \xf0\x9f\x98\x80\"\n");
    QTest::newRow("objects") << QByteArray("a = {\n  x = 1, \"y\" : 2\n  (z) = [for k, v in m : v if k != \"\"]\n}\n");
    QTest::newRow("placeholders") << QByteArray("a = \"{{.asOrigin}}/x\"\nb = <<-EOC\n{{ .rootCA }}\nEOC\n");
    QTest::newRow("empty") << QByteArray();
}

void TestHclParser::trickyInput_roundTripsByteIdentical()
{
    QFETCH(QByteArray, src);
    const Document d = Document::parse(src);
    QCOMPARE(d.toBytes(), src);
    // Tokens tile the source: every gap is spaces or tabs only.
    std::int32_t pos = 0;
    for (const Token& t : d.tokens()) {
        for (std::int32_t i = pos; i < t.begin; ++i)
            QVERIFY2(src[i] == ' ' || src[i] == '\t', qPrintable(QStringLiteral("byte %1 lost").arg(i)));
        QVERIFY(t.begin >= pos);
        pos = t.end;
    }
    QCOMPARE(pos, src.size());
}

void TestHclParser::tokenRequestFile_hasExpectedStructure()
{
    const QString path = Tokenbench::Test::ownCouperCorpusDir() + QStringLiteral("/token_requests.hcl");
    const Document d = Document::parse(readFile(path), path);
    QCOMPARE(messages(d), QStringList());
    const auto roots = d.body().blocks();
    QStringList types;
    for (const BlockNode* b : roots)
        types << d.blockType(*b);
    QCOMPARE(types, (QStringList{QStringLiteral("server"), QStringLiteral("definitions"), QStringLiteral("settings")}));
    const BlockNode* defs = roots[1];
    const auto backends = defs->body.blocks();
    QCOMPARE(backends.size(), size_t(3));
    QCOMPARE(d.labelValue(backends[0]->labels.at(0)), QStringLiteral("orders"));
    const auto be = backends[0]->body;
    const AttributeNode* origin = be.attribute("origin", d.source());
    QVERIFY(origin);
    QCOMPARE(d.expressionText(*origin), QStringLiteral("\"https://orders.internal.example\""));
    const auto nested = be.blocks();
    QCOMPARE(nested.size(), size_t(3));
    QCOMPARE(d.blockType(*nested[1]), QStringLiteral("beta_token_request"));
    QCOMPARE(d.labelValue(nested[1]->labels.at(0)), QStringLiteral("client"));
    const AttributeNode* ttl = nested[1]->body.attribute("ttl", d.source());
    QVERIFY(ttl);
    QCOMPARE(d.expressionText(*ttl),
             QStringLiteral("\"${default(beta_token_response.json_body.expires_in, 600) - 30}s\""));
    QCOMPARE(ttl->expr->kind, ExprKind::Template);
    QCOMPARE(ttl->expr->children.size(), size_t(2));
    QCOMPARE(ttl->expr->children[0]->kind, ExprKind::Binary);
    QCOMPARE(ttl->expr->children[1]->text, QStringLiteral("s"));
    // The token request of backend "issuer" has no label.
    const auto issuerBlocks = backends[1]->body.blocks();
    QCOMPARE(issuerBlocks.size(), size_t(1));
    QVERIFY(issuerBlocks[0]->labels.empty());
    const SourcePos open = d.position(issuerBlocks[0]->openBrace.begin);
    QCOMPARE(open.line, 69);
    QCOMPARE(open.column, 24);
}

void TestHclParser::labels_quotedAndBareAreDecoded()
{
    const Document d = Document::parse("endpoint \"/a\\\"b\" bare \"\" {\n}\n");
    QCOMPARE(messages(d), QStringList());
    const BlockNode* b = d.body().blocks().at(0);
    QCOMPARE(b->labels.size(), size_t(3));
    QCOMPARE(d.labelValue(b->labels[0]), QStringLiteral("/a\"b"));
    QCOMPARE(d.labelValue(b->labels[1]), QStringLiteral("bare"));
    QCOMPARE(d.labelValue(b->labels[2]), QString());

    const Document bad = Document::parse("endpoint \"${x}\" {\n}\n");
    QCOMPARE(bad.diagnostics().size(), 1);
    QVERIFY(bad.diagnostics()[0].message.startsWith(QStringLiteral("Invalid string literal")));
}

void TestHclParser::operators_followHclPrecedence()
{
    const ExpressionSource e = ExpressionSource::parse("a || b && c == d + e * -f > 1 ? x : y");
    QVERIFY(e.diagnostics().isEmpty());
    const Expr* c = e.expr();
    QCOMPARE(c->kind, ExprKind::Conditional);
    const Expr* orE = c->children[0];
    QCOMPARE(orE->kind, ExprKind::Binary);
    QCOMPARE(BinaryOp(orE->op), BinaryOp::Or);
    const Expr* andE = orE->children[1];
    QCOMPARE(BinaryOp(andE->op), BinaryOp::And);
    const Expr* eq = andE->children[1];
    QCOMPARE(BinaryOp(eq->op), BinaryOp::Equal);
    const Expr* gt = eq->children[1];
    QCOMPARE(BinaryOp(gt->op), BinaryOp::Greater);
    const Expr* add = gt->children[0];
    QCOMPARE(BinaryOp(add->op), BinaryOp::Add);
    const Expr* mul = add->children[1];
    QCOMPARE(BinaryOp(mul->op), BinaryOp::Multiply);
    QCOMPARE(mul->children[1]->kind, ExprKind::Unary);

    const ExpressionSource left = ExpressionSource::parse("1 - 2 - 3");
    QCOMPARE(left.expr()->children[0]->kind, ExprKind::Binary); // (1 - 2) - 3
}

void TestHclParser::traversals_buildGetAttrIndexAndSplat()
{
    const ExpressionSource e = ExpressionSource::parse("request.headers.x-sub[0][\"k\"]");
    QVERIFY(e.diagnostics().isEmpty());
    QCOMPARE(e.expr()->kind, ExprKind::Index);
    QCOMPARE(e.expr()->children[0]->kind, ExprKind::Index);
    const Expr* ga = e.expr()->children[0]->children[0];
    QCOMPARE(ga->kind, ExprKind::GetAttr);
    QCOMPARE(QByteArrayView(e.source()).sliced(ga->name.begin, ga->name.size()), QByteArrayView("x-sub"));

    const ExpressionSource s = ExpressionSource::parse("a.*.b[0]");
    QCOMPARE(s.expr()->kind, ExprKind::Index); // attribute-only splat ends before the index
    QCOMPARE(s.expr()->children[0]->kind, ExprKind::Splat);
    const ExpressionSource f = ExpressionSource::parse("a[*].b[0]");
    QCOMPARE(f.expr()->kind, ExprKind::Splat); // full splat takes the index into each element
    QCOMPARE(f.expr()->children[1]->kind, ExprKind::Index);
    const ExpressionSource legacy = ExpressionSource::parse("a.0.1");
    QCOMPARE(legacy.expr()->kind, ExprKind::Index);
    QCOMPARE(legacy.expr()->children[0]->kind, ExprKind::Index);
}

void TestHclParser::forExpressions_parseBothForms()
{
    const ExpressionSource t = ExpressionSource::parse("[for i, v in list : v * 2 if i > 0]");
    QVERIFY(t.diagnostics().isEmpty());
    QCOMPARE(t.expr()->kind, ExprKind::For);
    QVERIFY(t.expr()->children[3]);
    const ExpressionSource o = ExpressionSource::parse("{\n for k, v in m :\n k => v...\n}");
    QVERIFY(o.diagnostics().isEmpty());
    QCOMPARE(o.expr()->kind, ExprKind::For);
    QVERIFY(o.expr()->op & ForFlags::Object);
    QVERIFY(o.expr()->op & ForFlags::Grouping);
    // An object whose key is named "for" is still an object.
    const ExpressionSource k = ExpressionSource::parse("{ for = 1 }");
    QCOMPARE(k.expr()->kind, ExprKind::Object);
}

void TestHclParser::templates_decodeEscapesAndStripMarkers()
{
    const ExpressionSource e = ExpressionSource::parse("\"a\\n\\\"\\u00e9$${x}%%{y}\"");
    QVERIFY(e.diagnostics().isEmpty());
    QCOMPARE(e.expr()->children.size(), size_t(1));
    QCOMPARE(e.expr()->children[0]->text, QStringLiteral("a\n\"\u00e9${x}%{y}"));
    const ExpressionSource s = ExpressionSource::parse("\"a  ${~ x ~}  b\"");
    QCOMPARE(s.expr()->children.size(), size_t(3));
    QCOMPARE(s.expr()->children[0]->text, QStringLiteral("a"));
    QCOMPARE(s.expr()->children[2]->text, QStringLiteral("b"));
    const ExpressionSource bad = ExpressionSource::parse("\"\\q\"");
    QCOMPARE(bad.diagnostics().size(), 1);
    QVERIFY(bad.diagnostics()[0].message.contains(QStringLiteral("\"q\"")));
    const ExpressionSource dir = ExpressionSource::parse("\"%{if a}x%{else}y%{endif}\"");
    QVERIFY(dir.diagnostics().isEmpty());
    QCOMPARE(dir.expr()->children.size(), size_t(1));
    QCOMPARE(dir.expr()->children[0]->kind, ExprKind::TemplateIf);
}

void TestHclParser::heredoc_flushRemovesCommonIndent()
{
    const Document d = Document::parse("a = <<-EOT\n    hello\n      world\n\n    EOT\n");
    QCOMPARE(messages(d), QStringList());
    const Expr* t = d.body().attributes().at(0)->expr;
    QString text;
    for (const Expr* p : t->children)
        text += p->text;
    QCOMPARE(text, QStringLiteral("hello\n  world\n\n"));
    const Document plain = Document::parse("a = <<EOT\n  x\nEOT\n");
    QCOMPARE(plain.body().attributes().at(0)->expr->children.at(0)->text, QStringLiteral("  x\n"));
}

void TestHclParser::functionCall_withExpansion()
{
    const ExpressionSource e = ExpressionSource::parse("merge(a,\n b...)");
    QVERIFY(e.diagnostics().isEmpty());
    QCOMPARE(e.expr()->kind, ExprKind::FunctionCall);
    QCOMPARE(e.expr()->children.size(), size_t(2));
    QCOMPARE(e.expr()->op, std::uint8_t(1));
}

void TestHclParser::unclosedBlock_reportsOpeningPosition()
{
    const Document d = Document::parse("a {\n  b {\n    c = 1\n}\n", QStringLiteral("x.hcl"));
    QCOMPARE(d.diagnostics().size(), 1);
    const Diagnostic& x = d.diagnostics()[0];
    QCOMPARE(x.message, QStringLiteral("Missing closing brace: this block opened at 1:3 has no matching '}'."));
    QCOMPARE(x.line, 1);
    QCOMPARE(x.column, 3);
    QCOMPARE(x.endColumn, 4);
    QCOMPARE(x.file, QStringLiteral("x.hcl"));
}

void TestHclParser::singleLineBlockWithNestedBlock_reportedLikeHcl()
{
    const Document d = Document::parse("a { b { } }\nc = 1\n");
    QCOMPARE(d.diagnostics().size(), 1);
    const Diagnostic& x = d.diagnostics()[0];
    QVERIFY(x.message.startsWith(QStringLiteral("Argument definition required: a single-line block definition can "
                                                "contain only a single argument.")));
    QCOMPARE(x.line, 1);
    QCOMPARE(x.column, 5);
    QCOMPARE(d.body().attributes().size(), size_t(1)); // parsing continued

    const Document two = Document::parse("a { b = 1 c = 2 }\n");
    QCOMPARE(two.diagnostics().size(), 1);
    QVERIFY(two.diagnostics()[0].message.startsWith(QStringLiteral("Invalid single-argument block definition")));
    QCOMPARE(two.diagnostics()[0].column, 11);
}

void TestHclParser::severalErrors_allReportedAfterRecovery()
{
    const Document d = Document::parse("a = \nb = 1 2\nc {\n  d = [1 2]\n}\ne = \"x\nf = 3\n");
    const QStringList m = messages(d);
    QCOMPARE(m.size(), 4);
    QVERIFY(m[0].startsWith(QStringLiteral("1:5: Invalid expression")));
    QVERIFY(m[1].startsWith(QStringLiteral("2:7: Missing newline after argument")));
    QVERIFY(m[2].startsWith(QStringLiteral("4:10: Missing item separator")));
    QVERIFY(m[3].startsWith(QStringLiteral("6:5: Unterminated string")));
    // Items after the errors are still there.
    QVERIFY(d.body().attribute("f", d.source()));
    QVERIFY(d.body().attribute("b", d.source()));
}

void TestHclParser::columns_countCharactersNotBytes()
{
    const Document d = Document::parse("a = \"\xc3\xa9\xc3\xa9\" \"x\"\n");
    QCOMPARE(d.diagnostics().size(), 1);
    QCOMPARE(d.diagnostics()[0].column, 10);
}

void TestHclParser::renderDiagnostic_showsLineAndCaret()
{
    const QByteArray src("x = 1\nb = 1 2\n");
    const Document d = Document::parse(src, QStringLiteral("f.hcl"));
    QCOMPARE(d.diagnostics().size(), 1);
    const QString r = renderDiagnostic(d.diagnostics()[0], src);
    QCOMPARE(r, QStringLiteral("f.hcl:2:7: error: Missing newline after argument: an argument definition must end "
                               "with a newline.\nb = 1 2\n      ^"));
}

void TestHclParser::setAttributeExpression_changesOnlyThoseBytes()
{
    const QByteArray src("a {\n  # keep\n  b    = \"old\" # trailing\n  c = 2\n}\n");
    Document d = Document::parse(src);
    const AttributeNode* b = d.blockAt({0})->body.attribute("b", d.source());
    QVERIFY(d.setAttributeExpression(b, QStringLiteral("\"new value\"")).ok());
    QCOMPARE(d.source(), QByteArray("a {\n  # keep\n  b    = \"new value\" # trailing\n  c = 2\n}\n"));
    QCOMPARE(d.toBytes(), d.source());
    QVERIFY(d.diagnostics().isEmpty());
}

void TestHclParser::addAttribute_indentsLikeSiblings()
{
    Document d = Document::parse("a {\n    b = 1\n\n    inner {\n    }\n}\n");
    QVERIFY(d.addAttribute(d.blockAt({0}), QStringLiteral("c"), QStringLiteral("\"x\"")).ok());
    QCOMPARE(d.source(), QByteArray("a {\n    b = 1\n    c = \"x\"\n\n    inner {\n    }\n}\n"));
    QVERIFY(d.addAttribute(d.blockAt({0, 2}), QStringLiteral("d"), QStringLiteral("true")).ok());
    QCOMPARE(d.source(), QByteArray("a {\n    b = 1\n    c = \"x\"\n\n    inner {\n      d = true\n    }\n}\n"));
    QVERIFY(d.addAttribute(nullptr, QStringLiteral("top"), QStringLiteral("1")).ok());
    QVERIFY(d.source().startsWith("top = 1\na {\n"));
}

void TestHclParser::addAttribute_opensSingleLineBlock()
{
    Document d = Document::parse("x {\n  a { b = 1 }\n}\n");
    QVERIFY(d.addAttribute(d.blockAt({0, 0}), QStringLiteral("c"), QStringLiteral("2")).ok());
    QCOMPARE(d.source(), QByteArray("x {\n  a {\n    b = 1\n    c = 2\n  }\n}\n"));
}

void TestHclParser::removeAttribute_removesItsLine()
{
    Document d = Document::parse("a {\n  b = 1 # gone too\n  c = 2\n}\n");
    QVERIFY(d.removeAttribute(d.attributeAt({0, 0})).ok());
    QCOMPARE(d.source(), QByteArray("a {\n  c = 2\n}\n"));
}

void TestHclParser::addBlock_appendsIndentedBlock()
{
    Document d = Document::parse("backend \"x\" {\n  origin = \"o\"\n}\n");
    QVERIFY(d.addBlock(d.blockAt({0}), QStringLiteral("beta_token_request"), {QStringLiteral("tr")},
                       QStringLiteral("token = \"t\"\nttl = \"1h\"")).ok());
    QCOMPARE(d.source(), QByteArray("backend \"x\" {\n  origin = \"o\"\n\n  beta_token_request \"tr\" {\n    token = \"t\"\n"
                                    "    ttl = \"1h\"\n  }\n}\n"));
    QVERIFY(d.diagnostics().isEmpty());
}

void TestHclParser::removeBlock_removesItsLines()
{
    Document d = Document::parse("a {\n  b {\n    c = 1\n  }\n  d = 2\n}\n");
    QVERIFY(d.removeBlock(d.blockAt({0, 0})).ok());
    QCOMPARE(d.source(), QByteArray("a {\n  d = 2\n}\n"));
}

void TestHclParser::deepNesting_reportsInsteadOfCrashing()
{
    const QByteArray deep = "a = " + QByteArray(100000, '[') + '\n';
    const Document d = Document::parse(deep);
    QVERIFY(d.hasErrors());
    QCOMPARE(d.toBytes(), deep);
    QByteArray blocks;
    for (int i = 0; i < 5000; ++i)
        blocks += "b {\n";
    const Document db = Document::parse(blocks);
    QVERIFY(db.hasErrors());
    const Document neg = Document::parse("a = " + QByteArray(100000, '-') + "1\n");
    QVERIFY(neg.hasErrors());
}

// One over-deep expression is one error at its position; the unterminated brackets the parser leaves
// behind when it stops are not reported again (each printed the whole 20,000-character line).
void TestHclParser::overDeepExpression_yieldsOneError_data()
{
    QTest::addColumn<QByteArray>("src");
    QTest::addColumn<QString>("what");
    constexpr int N = 20000;
    const auto rep = [](const char* s, int n) {
        QByteArray out;
        for (int i = 0; i < n; ++i)
            out += s;
        return out;
    };
    const QString expr = QStringLiteral("expressions");
    const QString tpl = QStringLiteral("template directives");
    QTest::newRow("parens") << "a = " + rep("(", N) + "1" + rep(")", N) + "\n" << expr;
    QTest::newRow("parens-unclosed") << "a = " + rep("(", N) + "\n" << expr;
    QTest::newRow("objects") << "a = " + rep("{a = ", N) + "1" + rep("}", N) + "\n" << expr;
    QTest::newRow("tuples") << "a = " + rep("[", N) + "1" + rep("]", N) + "\n" << expr;
    QTest::newRow("calls") << "a = " + rep("f(", N) + "1" + rep(")", N) + "\n" << expr;
    QTest::newRow("interpolations") << "a = " + rep("\"${", N) + "1" + rep("}\"", N) + "\n" << expr;
    QTest::newRow("negations") << "a = " + rep("-", N) + "1\n" << expr;
    QTest::newRow("conditionals") << "a = " + rep("true ? 1 : ", N) + "0\n" << expr;
    QTest::newRow("for") << "a = " + rep("[for x in ", N) + "[1]" + rep(" : x]", N) + "\n" << expr;
    QTest::newRow("template-if") << "a = \"" + rep("%{ if true }", N) + "x" + rep("%{ endif }", N) + "\"\n" << tpl;
    QTest::newRow("template-for") << "a = \"" + rep("%{ for x in y }", N) + rep("%{ endfor }", N) + "\"\n" << tpl;
    QTest::newRow("heredoc-if") << "a = <<EOT\n" + rep("%{ if true }", N) + "\nEOT\n" << tpl;
    QTest::newRow("inside-block") << "server {\n  api {\n    x = " + rep("[", N) + "\n  }\n}\nb = ]\n" << expr;
}

void TestHclParser::overDeepExpression_yieldsOneError()
{
    QFETCH(QByteArray, src);
    QFETCH(QString, what);
    const Document d = Document::parse(src, QStringLiteral("deep.hcl"));
    QCOMPARE(d.diagnostics().size(), 1);
    const Diagnostic& x = d.diagnostics()[0];
    QCOMPARE(x.message, QStringLiteral("Nesting too deep: %1 are nested more than 160 levels; the rest of the file is "
                                       "not read.")
                            .arg(what));
    QCOMPARE(x.file, QStringLiteral("deep.hcl"));
    QVERIFY(x.line >= 1 && x.column > 160);
    QCOMPARE(d.toBytes(), src);
    // Just below the limit parses without errors.
    QVERIFY(Document::parse("a = " + QByteArray(150, '[') + QByteArray(150, ']') + "\n").diagnostics().isEmpty());
}

void TestHclParser::errorCascade_isCappedWithOneNote()
{
    QByteArray src;
    for (int i = 0; i < 20000; ++i)
        src += "a = = = ;;\n";
    const Document d = Document::parse(src);
    QCOMPARE(d.diagnostics().size(), 101);
    QCOMPARE(d.diagnostics().constLast().message,
             QStringLiteral("Too many errors: only the first 100 are reported; fix these and check the file again."));
    QCOMPARE(d.toBytes(), src);
}

void TestHclParser::renderDiagnostic_cutsLongLinesAroundTheColumn()
{
    const QByteArray src = "a = [" + QByteArray(20000, '1').replace("11", "1,") + "\n";
    const Document d = Document::parse(src, QStringLiteral("long.hcl"));
    QCOMPARE(d.diagnostics().size(), 1);
    const QStringList lines = renderDiagnostic(d.diagnostics()[0], src).split(u'\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines[0].startsWith(QStringLiteral("long.hcl:1:5: error: ")));
    QVERIFY(lines[1].size() <= 130);
    QVERIFY(lines[1].startsWith(QStringLiteral("a = [1,1")));
    QVERIFY(lines[1].endsWith(QStringLiteral("\u2026")));
    QCOMPARE(lines[2], QStringLiteral("    ^"));

    // A column deep inside the line: the window starts with an ellipsis and the caret stays under it.
    const QByteArray far = "a = " + QByteArray(5000, '(') + QByteArray(5000, ')') + "\n";
    const Document deep = Document::parse(far, QStringLiteral("far.hcl"));
    QCOMPARE(deep.diagnostics().size(), 1);
    const Diagnostic& x = deep.diagnostics()[0];
    const QStringList r = renderDiagnostic(x, far).split(u'\n');
    QCOMPARE(r.size(), 3);
    QVERIFY(r[1].startsWith(QStringLiteral("\u2026(((")));
    QVERIFY(r[1].size() <= 130);
    const qsizetype caret = r[2].indexOf(u'^');
    QVERIFY(caret > 0);
    QCOMPARE(r[1].mid(caret, 1), QStringLiteral("("));
}

// An unterminated /* silently commented out the rest of the file (and `fmt --check` passed).
void TestHclParser::unterminatedBlockComment_isAnError()
{
    const QByteArray src = "server {\n  a = 1 /* the rest\n  b = 2\n}\n";
    const Document d = Document::parse(src, QStringLiteral("c.hcl"));
    QVERIFY(!d.diagnostics().isEmpty());
    const Diagnostic& x = d.diagnostics()[0];
    QCOMPARE(x.toString(), QStringLiteral("c.hcl:2:9: error: Unterminated comment: the /* comment that starts here has no "
                                          "closing */, so it would hide the rest of the file. Close it with */."));
    QCOMPARE(d.toBytes(), src);
    QVERIFY(Document::parse("a = 1 /* closed */\n/**/\nb = 2 /* x\n y */\n").diagnostics().isEmpty());
    QCOMPARE(Document::parse("a = 1\n/*").diagnostics().size(), 1);
    QCOMPARE(Document::parse("a = 1\n/*/").diagnostics().size(), 1);
}

void TestHclParser::invalidUtf8_isAnErrorAnywhere_data()
{
    QTest::addColumn<QByteArray>("src");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("string") << QByteArray("a = \"ok\"\nb = \"x\xff\"\n") << 2 << 7;
    QTest::newRow("comment") << QByteArray("# caf\xe9\na = 1\n") << 1 << 6;
    QTest::newRow("heredoc") << QByteArray("a = <<EOT\n\xc3\x28\nEOT\n") << 2 << 1;
    QTest::newRow("identifier") << QByteArray("a\xc3 = 1\n") << 1 << 2;
    QTest::newRow("overlong") << QByteArray("a = \"\xc0\xaf\"\n") << 1 << 6;
    QTest::newRow("surrogate") << QByteArray("a = \"\xed\xa0\x80\"\n") << 1 << 6;
    QTest::newRow("truncated-at-end") << QByteArray("a = 1 # \xe2\x82") << 1 << 9;
}

void TestHclParser::invalidUtf8_isAnErrorAnywhere()
{
    QFETCH(QByteArray, src);
    QFETCH(int, line);
    QFETCH(int, column);
    const Document d = Document::parse(src);
    QVERIFY(!d.diagnostics().isEmpty());
    const Diagnostic& x = d.diagnostics()[0];
    QVERIFY2(x.message.startsWith(QStringLiteral("Invalid character encoding: the byte 0x")), qPrintable(x.message));
    QCOMPARE(x.line, line);
    QCOMPARE(x.column, column);
    QCOMPARE(d.toBytes(), src);
    // Reported once per line, not once per byte.
    QCOMPARE(Document::parse("a = \"\xff\xff\xff\xff\"\n").diagnostics().size(), 1);
}

// HCL names are Unicode identifiers (ID_Start, then ID_Continue or '-'): U+2028 LINE SEPARATOR, which
// editors may render as a line break, or an emoji is not part of a name.
void TestHclParser::identifiers_allowOnlyIdCharacters_data()
{
    QTest::addColumn<QByteArray>("src");
    QTest::addColumn<QString>("error");
    QTest::newRow("line-separator") << QByteArray("a\xe2\x80\xa8" "b = 1\n") << QStringLiteral("1:2: Invalid character: U+2028");
    QTest::newRow("line-separator-alone") << QByteArray("a = 1\n\xe2\x80\xa8 = 2\n") << QStringLiteral("2:1: Invalid character: U+2028");
    QTest::newRow("paragraph-separator") << QByteArray("x = a\xe2\x80\xa9\n") << QStringLiteral("1:6: Invalid character: U+2029");
    QTest::newRow("bidi-override") << QByteArray("a\xe2\x80\xae = 1\n") << QStringLiteral("1:2: Invalid character: U+202E");
    QTest::newRow("emoji") << QByteArray("\xf0\x9f\x98\x80 = 1\n") << QStringLiteral("1:1: Invalid character: U+1F600");
    QTest::newRow("combining-first") << QByteArray("\xcc\x81" "a = 1\n") << QStringLiteral("1:1: Invalid character: U+0301");
    QTest::newRow("letters") << QByteArray("\xc3\xa9t\xc3\xa9 = \xce\xb1\xce\xb2\n") << QString();
    QTest::newRow("combining-later") << QByteArray("a\xcc\x81-b_2 = 1\n") << QString();
    QTest::newRow("in-string") << QByteArray("a = \"\xe2\x80\xa8 \xf0\x9f\x98\x80\"\n") << QString();
}

void TestHclParser::identifiers_allowOnlyIdCharacters()
{
    QFETCH(QByteArray, src);
    QFETCH(QString, error);
    const Document d = Document::parse(src);
    if (error.isEmpty()) {
        QCOMPARE(messages(d), QStringList());
        return;
    }
    QCOMPARE(d.diagnostics().size(), 1);
    QVERIFY2(messages(d).constFirst().startsWith(error), qPrintable(messages(d).constFirst()));
}

void TestHclParser::renderDiagnostic_showsControlCharactersAsReplacement()
{
    const QByteArray src = "a = \"\x1b]0;pwned\x07\" 2\n";
    const Document d = Document::parse(src, QStringLiteral("e.hcl"));
    QCOMPARE(d.diagnostics().size(), 1);
    const QString r = renderDiagnostic(d.diagnostics()[0], src);
    QVERIFY(!r.contains(QChar(0x1b)));
    QVERIFY(!r.contains(QChar(0x07)));
    QVERIFY(r.contains(QStringLiteral("\"\uFFFD]0;pwned\uFFFD\" 2")));
}

QTEST_GUILESS_MAIN(TestHclParser)
#include "tst_hclparser.moc"
