// Saving edits back into a Couper file: only the edited attribute's or block's bytes change, the
// result re-parses, maps and evaluates to the edited values, and secrets stay env.NAME references.
#include "model/couperfile.h"
#include "model/couperconfig.h"
#include "hcl/document.h"
#include "hcl/evaluator.h"
#include "model/schema.h"
#include "saveback/couperwriter.h"
#include "testconfig.h"
#include "util/coupercorpus.h"
#include "util/testsupport.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Tokenbench::Core;
using namespace Tokenbench::Core::Hcl;

namespace {

QByteArray readCorpus(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Anonymous backends are named after their line, which moves when lines are added above them.
QList<Block> withoutAnonymousNames(QList<Block> backends)
{
    for (Block& b : backends) {
        if (b.label.startsWith(QStringLiteral("anonymous_")))
            b.label = QStringLiteral("anonymous");
    }
    return backends;
}

const QByteArray TokenRequestFile = "# Couper gateway for the billing API\n"
                                    "server {\n"
                                    "  api {\n"
                                    "    endpoint \"/bill\" {\n"
                                    "      proxy {\n"
                                    "        backend = \"billing\" # the one below\n"
                                    "      }\n"
                                    "    }\n"
                                    "  }\n"
                                    "}\n"
                                    "\n"
                                    "definitions {\n"
                                    "  backend \"billing\" {\n"
                                    "    origin  = \"https://billing.example\"   # aligned on purpose\n"
                                    "    timeout = \"20s\"\n"
                                    "\n"
                                    "    beta_token_request \"cc\" {\n"
                                    "      url = \"/token\" // relative\n"
                                    "      form_body = {\n"
                                    "        grant_type    = \"client_credentials\"\n"
                                    "        client_secret = env.CLIENT_SECRET\n"
                                    "      }\n"
                                    "      token = beta_token_response.json_body.access_token\n"
                                    "      ttl   = \"${beta_token_response.json_body.expires_in}s\"\n"
                                    "    }\n"
                                    "\n"
                                    "    oauth2 {\n"
                                    "      grant_type     = \"client_credentials\"\n"
                                    "      token_endpoint = \"https://as.example/token\"\n"
                                    "      client_id      = \"billing\"\n"
                                    "      client_secret  = env.BILLING_SECRET\n"
                                    "    }\n"
                                    "  }\n"
                                    "}\n";

} // namespace

class TestCouperWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void corpus_unchangedWorkspace_writesTheFileByteForByte_data();
    void corpus_unchangedWorkspace_writesTheFileByteForByte();
    void corpus_attributeEdit_changesOnlyThatAttribute_data();
    void corpus_attributeEdit_changesOnlyThatAttribute();
    void corpus_addAndRemoveTokenRequest_data();
    void corpus_addAndRemoveTokenRequest();

    void tokenExpressionEdit_keepsCommentsAndAlignmentElsewhere();
    void multiLineObjectEdit_isIndentedLikeTheFile();
    void addedAttribute_goesAfterTheLastAttribute();
    void renamedTokenRequest_changesOnlyTheLabel();
    void removedBlock_removesItsLinesOnly();
    void newBackend_goesIntoDefinitionsInHclwriteLayout();
    void typedSecret_becomesEnvReference();
    void secretExpression_staysAnExpression_literalBecomesReference();
    void renamedBackend_changesItsLabel();
};

void TestCouperWriter::corpus_unchangedWorkspace_writesTheFileByteForByte_data()
{
    // The own corpus (tests/data/couper) and, when present, the optional one beside the checkout.
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("name");
    QVERIFY(Tokenbench::Test::hclFilesIn(Tokenbench::Test::ownCouperCorpusDir()).size() >= 10);
    for (const QString& path : Tokenbench::Test::couperCorpusFiles())
        QTest::newRow(qPrintable(Tokenbench::Test::corpusRowName(path))) << path << QFileInfo(path).fileName();
}

void TestCouperWriter::corpus_unchangedWorkspace_writesTheFileByteForByte()
{
    QFETCH(QString, path);
    QFETCH(QString, name);
    const QByteArray source = readCorpus(path);
    QVERIFY(!source.isEmpty());
    const CouperConfig config = parseCouperConfig(source, name);
    const auto written = writeBack(source, name, config.backends, config.backends);
    QVERIFY2(written.ok(), written ? "" : qPrintable(written.error().message));
    QCOMPARE(written->edits, 0);
    QCOMPARE(written->text, source);
}

void TestCouperWriter::corpus_attributeEdit_changesOnlyThatAttribute_data()
{
    corpus_unchangedWorkspace_writesTheFileByteForByte_data();
}

void TestCouperWriter::corpus_attributeEdit_changesOnlyThatAttribute()
{
    QFETCH(QString, path);
    QFETCH(QString, name);
    const QByteArray source = readCorpus(path);
    const CouperConfig config = parseCouperConfig(source, name);
    // The first attribute of a backend, or else of its first block with attributes.
    int index = -1;
    int child = -1;
    QString attribute;
    for (int i = 0; i < config.backends.size() && index < 0; ++i) {
        const Block& b = config.backends[i];
        // Not a secret: a literal secret would become an env.NAME reference (tested below).
        const auto plain = [](const Block& x) {
            for (const QString& n : x.attributes.keys()) {
                if (!Schema::isSecret(x.type, n))
                    return n;
            }
            return QString();
        };
        if (!plain(b).isEmpty()) {
            index = i;
            attribute = b.attributes.contains(QStringLiteral("origin")) ? QStringLiteral("origin") : plain(b);
            break;
        }
        for (int c = 0; c < b.blocks.size() && index < 0; ++c) {
            if (!plain(b.blocks[c]).isEmpty()) {
                index = i;
                child = c;
                attribute = plain(b.blocks[c]);
            }
        }
    }
    if (index < 0)
        QSKIP("the file has no backend");
    QList<Block> edited = config.backends;
    Block& target = child < 0 ? edited[index] : edited[index].blocks[child];
    // The value as the model holds it: evaluated text, or expression source for request-time attributes.
    const bool literal = evaluatedAtStartup(target.type, attribute);
    target.setAttribute(attribute,
                        literal ? QStringLiteral("edited value") : QStringLiteral("\"edited value\""));
    const auto written = writeBack(source, name, config.backends, edited);
    QVERIFY2(written.ok(), written ? "" : qPrintable(written.error().message));
    QCOMPARE(written->edits, 1);

    // Everything but the expression's bytes is unchanged.
    const Document before = Document::parse(source, name);
    const CouperFile mappedBefore = mapCouperFile(before);
    const SyntaxLink& link =
        child < 0 ? mappedBefore.backends[index].link : mappedBefore.backends[index].link.blocks[child];
    const AttributeNode* old = before.attributeAt(link.attributes.value(attribute));
    QVERIFY(old);
    const Range r = old->expr->range;
    const QByteArray expected = source.left(r.begin) + "\"edited value\"" + source.mid(r.end);
    QCOMPARE(written->text, expected);

    // Re-parsed: the edited value, everything else as before; the evaluator reads the new value.
    const CouperConfig again = parseCouperConfig(written->text, name);
    QCOMPARE(again.backends.size(), config.backends.size());
    QCOMPARE(again.backends[index], edited[index]);
    for (int i = 0; i < again.backends.size(); ++i) {
        if (i != index)
            QCOMPARE(again.backends[i], config.backends[i]);
    }
    const Document doc = Document::parse(written->text, name);
    const CouperFile mapped = mapCouperFile(doc);
    const SyntaxLink& newLink =
        child < 0 ? mapped.backends[index].link : mapped.backends[index].link.blocks[child];
    const AttributeNode* a = doc.attributeAt(newLink.attributes.value(attribute));
    QVERIFY(a);
    const EvalResult value = evaluate(doc, a->expr, EvalContext());
    QVERIFY(value.ok());
    QCOMPARE(value.value.toStr(), QStringLiteral("edited value"));
}

void TestCouperWriter::corpus_addAndRemoveTokenRequest_data()
{
    corpus_unchangedWorkspace_writesTheFileByteForByte_data();
}

void TestCouperWriter::corpus_addAndRemoveTokenRequest()
{
    QFETCH(QString, path);
    QFETCH(QString, name);
    const QByteArray source = readCorpus(path);
    const CouperConfig config = parseCouperConfig(source, name);
    if (config.backends.isEmpty())
        QSKIP("the file has no backend");
    // A named backend if there is one (else an anonymous one inside a proxy or token block).
    int index = 0;
    for (int i = config.backends.size() - 1; i >= 0; --i) {
        if (!config.backends[i].label.startsWith(QStringLiteral("anonymous_")))
            index = i;
    }
    QList<Block> edited = config.backends;
    Block tr{QStringLiteral("beta_token_request"), QStringLiteral("added"), {}, {}};
    tr.setAttribute(QStringLiteral("url"), QStringLiteral("\"/token\""));
    tr.setAttribute(QStringLiteral("token"), QStringLiteral("beta_token_response.json_body.token"));
    tr.setAttribute(QStringLiteral("ttl"), QStringLiteral("\"60s\""));
    edited[index].blocks.append(tr);
    const auto added = writeBack(source, name, config.backends, edited);
    QVERIFY2(added.ok(), added ? "" : qPrintable(added.error().message));

    // The new block is the only change: the old text minus the new lines is the file as it was.
    const QByteArray newBlock = "beta_token_request \"added\" {\n";
    QVERIFY2(added->text.contains(newBlock), added->text.constData());
    QList<QByteArray> oldLines = source.split('\n');
    QList<QByteArray> newLines = added->text.split('\n');
    qsizetype at = -1;
    for (qsizetype i = 0; i < newLines.size() && at < 0; ++i) {
        if (newLines[i].trimmed() == newBlock.trimmed())
            at = i;
    }
    QVERIFY(at > 0);
    // hclwrite layout: two-space steps, `=` aligned in the run of attributes.
    const QByteArray indent = newLines[at].left(newLines[at].indexOf('b'));
    QCOMPARE(newLines[at + 1], indent + "  url   = \"/token\"");
    QCOMPARE(newLines[at + 2], indent + "  token = beta_token_response.json_body.token");
    QCOMPARE(newLines[at + 3], indent + "  ttl   = \"60s\"");
    QCOMPARE(newLines[at + 4], indent + "}");
    for (int i = 0; i < 5; ++i)
        newLines.removeAt(at);
    if (newLines != oldLines && newLines[at - 1].trimmed().isEmpty())
        newLines.removeAt(at - 1); // the blank line before a new block
    QCOMPARE(newLines, oldLines);

    // It maps back as a token request of that backend.
    const CouperConfig again = parseCouperConfig(added->text, name);
    QCOMPARE(withoutAnonymousNames({again.backends[index]}), withoutAnonymousNames({edited[index]}));

    // Removing it again (from the saved state) removes only its lines.
    const auto removed = writeBack(added->text, name, again.backends, config.backends);
    QVERIFY2(removed.ok(), removed ? "" : qPrintable(removed.error().message));
    QCOMPARE(withoutAnonymousNames(parseCouperConfig(removed->text, name).backends),
             withoutAnonymousNames(config.backends));
    QVERIFY(!removed->text.contains("added"));
    QVERIFY(removed->text.size() <= source.size() + 1);
}

void TestCouperWriter::tokenExpressionEdit_keepsCommentsAndAlignmentElsewhere()
{
    const CouperConfig config = parseCouperConfig(TokenRequestFile, QStringLiteral("t.hcl"));
    QCOMPARE(config.backends.size(), 1);
    QList<Block> edited = config.backends;
    Block* tr = edited[0].child(QStringLiteral("beta_token_request"));
    QVERIFY(tr);
    QCOMPARE(tr->attribute(QStringLiteral("token")),
             QStringLiteral("beta_token_response.json_body.access_token"));
    tr->setAttribute(QStringLiteral("token"), QStringLiteral("beta_token_response.json_body.data.token"));
    const auto w = writeBack(TokenRequestFile, QStringLiteral("t.hcl"), config.backends, edited);
    QVERIFY(w.ok());
    QByteArray expected = TokenRequestFile;
    expected.replace("json_body.access_token", "json_body.data.token");
    QCOMPARE(w->text, expected);
}

void TestCouperWriter::multiLineObjectEdit_isIndentedLikeTheFile()
{
    const CouperConfig config = parseCouperConfig(TokenRequestFile, QStringLiteral("t.hcl"));
    QList<Block> edited = config.backends;
    Block* tr = edited[0].child(QStringLiteral("beta_token_request"));
    // As the form writes it: relative to column 0.
    tr->setAttribute(QStringLiteral("form_body"),
                     QStringLiteral("{\n  grant_type    = \"client_credentials\"\n  "
                                    "client_secret = env.CLIENT_SECRET\n  scope         = "
                                    "\"bill\"\n}"));
    const auto w = writeBack(TokenRequestFile, QStringLiteral("t.hcl"), config.backends, edited);
    QVERIFY(w.ok());
    QByteArray expected = TokenRequestFile;
    expected.replace("        client_secret = env.CLIENT_SECRET\n",
                     "        client_secret = env.CLIENT_SECRET\n        scope         = \"bill\"\n");
    QCOMPARE(w->text, expected);
}

void TestCouperWriter::addedAttribute_goesAfterTheLastAttribute()
{
    const CouperConfig config = parseCouperConfig(TokenRequestFile, QStringLiteral("t.hcl"));
    QList<Block> edited = config.backends;
    edited[0]
        .child(QStringLiteral("beta_token_request"))
        ->setAttribute(QStringLiteral("expected_status"), QStringLiteral("[200]"));
    const auto w = writeBack(TokenRequestFile, QStringLiteral("t.hcl"), config.backends, edited);
    QVERIFY(w.ok());
    QByteArray expected = TokenRequestFile;
    expected.replace("expires_in}s\"\n", "expires_in}s\"\n      expected_status = [200]\n");
    QCOMPARE(w->text, expected);
}

void TestCouperWriter::renamedTokenRequest_changesOnlyTheLabel()
{
    const CouperConfig config = parseCouperConfig(TokenRequestFile, QStringLiteral("t.hcl"));
    QList<Block> edited = config.backends;
    edited[0].child(QStringLiteral("beta_token_request"))->label = QStringLiteral("billing_cc");
    auto w = writeBack(TokenRequestFile, QStringLiteral("t.hcl"), config.backends, edited);
    QVERIFY(w.ok());
    QByteArray expected = TokenRequestFile;
    expected.replace("beta_token_request \"cc\"", "beta_token_request \"billing_cc\"");
    QCOMPARE(w->text, expected);
    // No label: the default request.
    edited[0].child(QStringLiteral("beta_token_request"))->label.clear();
    w = writeBack(TokenRequestFile, QStringLiteral("t.hcl"), config.backends, edited);
    QVERIFY(w.ok());
    expected = TokenRequestFile;
    expected.replace("beta_token_request \"cc\" {", "beta_token_request {");
    QCOMPARE(w->text, expected);
}

void TestCouperWriter::removedBlock_removesItsLinesOnly()
{
    const CouperConfig config = parseCouperConfig(TokenRequestFile, QStringLiteral("t.hcl"));
    QList<Block> edited = config.backends;
    QVERIFY(edited[0].removeChild(QStringLiteral("oauth2")));
    const auto w = writeBack(TokenRequestFile, QStringLiteral("t.hcl"), config.backends, edited);
    QVERIFY(w.ok());
    const qsizetype from = TokenRequestFile.indexOf("    oauth2 {");
    const qsizetype to = TokenRequestFile.indexOf("    }\n", from) + 6;
    const QByteArray expected = TokenRequestFile.left(from) + TokenRequestFile.mid(to);
    QCOMPARE(w->text, expected);
}

void TestCouperWriter::newBackend_goesIntoDefinitionsInHclwriteLayout()
{
    const CouperConfig config = parseCouperConfig(TokenRequestFile, QStringLiteral("t.hcl"));
    QList<Block> edited = config.backends;
    Block b{QStringLiteral("backend"), QStringLiteral("tokens"), {}, {}};
    b.setAttribute(QStringLiteral("origin"), QStringLiteral("https://tokens.example"));
    b.setAttribute(QStringLiteral("connect_timeout"), QStringLiteral("5s"));
    Block tr{QStringLiteral("beta_token_request"), {}, {}, {}};
    tr.setAttribute(QStringLiteral("token"), QStringLiteral("beta_token_response.body"));
    tr.setAttribute(QStringLiteral("ttl"), QStringLiteral("\"1m\""));
    b.blocks.append(tr);
    edited.append(b);
    const auto w = writeBack(TokenRequestFile, QStringLiteral("t.hcl"), config.backends, edited);
    QVERIFY2(w.ok(), w ? "" : qPrintable(w.error().message));
    const QByteArray added = "\n"
                             "  backend \"tokens\" {\n"
                             "    origin          = \"https://tokens.example\"\n"
                             "    connect_timeout = \"5s\"\n"
                             "    beta_token_request {\n"
                             "      token = beta_token_response.body\n"
                             "      ttl   = \"1m\"\n"
                             "    }\n"
                             "  }\n";
    QByteArray expected = TokenRequestFile;
    expected.insert(expected.size() - 2, added);
    QCOMPARE(w->text, expected);
    QCOMPARE(parseCouperConfig(w->text, QStringLiteral("t.hcl")).backends, edited);
}

void TestCouperWriter::typedSecret_becomesEnvReference()
{
    const CouperConfig config = parseCouperConfig(TokenRequestFile, QStringLiteral("t.hcl"));
    QList<Block> edited = config.backends;
    edited[0]
        .child(QStringLiteral("oauth2"))
        ->setAttribute(QStringLiteral("client_secret"), QStringLiteral("s3cr3t-typed"));
    const auto w = writeBack(TokenRequestFile, QStringLiteral("t.hcl"), config.backends, edited);
    QVERIFY(w.ok());
    QVERIFY(!w->text.contains("s3cr3t-typed"));
    QCOMPARE(w->substitutions.size(), 1);
    const QString variable = w->substitutions.constFirst().variable;
    QVERIFY(!variable.isEmpty());
    QCOMPARE(w->secrets.constFirst(), qMakePair(variable, QStringLiteral("s3cr3t-typed")));
    QByteArray expected = TokenRequestFile;
    expected.replace(QByteArray("env.BILLING_SECRET"), QByteArray("env." + variable.toUtf8()));
    QCOMPARE(w->text, expected);
}

void TestCouperWriter::secretExpression_staysAnExpression_literalBecomesReference()
{
    const QByteArray source =
        "definitions {\n  backend \"b\" {\n    oauth2 {\n      grant_type = "
        "\"urn:ietf:params:oauth:grant-type:jwt-bearer\"\n      assertion  = request.method\n    }\n  }\n}\n";
    const CouperConfig config = parseCouperConfig(source, QStringLiteral("s.hcl"));
    QList<Block> edited = config.backends;
    edited[0]
        .child(QStringLiteral("oauth2"))
        ->setAttribute(QStringLiteral("assertion"), QStringLiteral("jwt_sign(\"x\", {})"));
    auto w = writeBack(source, QStringLiteral("s.hcl"), config.backends, edited);
    QVERIFY(w.ok());
    QVERIFY(w->text.contains("assertion  = jwt_sign(\"x\", {})\n"));
    QVERIFY(w->substitutions.isEmpty());
    edited[0]
        .child(QStringLiteral("oauth2"))
        ->setAttribute(QStringLiteral("assertion"), QStringLiteral("\"eyJhbGciOi.canary\""));
    w = writeBack(source, QStringLiteral("s.hcl"), config.backends, edited);
    QVERIFY(w.ok());
    QVERIFY(!w->text.contains("canary"));
    QCOMPARE(w->secrets.size(), 1);
    QCOMPARE(w->secrets.constFirst().second, QStringLiteral("eyJhbGciOi.canary"));
    QVERIFY(
        w->text.contains(QByteArray("assertion  = env." + w->secrets.constFirst().first.toUtf8() + "\n")));
}

void TestCouperWriter::renamedBackend_changesItsLabel()
{
    const CouperConfig config = parseCouperConfig(TokenRequestFile, QStringLiteral("t.hcl"));
    QList<Block> edited = config.backends;
    edited[0].label = QStringLiteral("invoices");
    const auto w = writeBack(TokenRequestFile, QStringLiteral("t.hcl"), config.backends, edited);
    QVERIFY(w.ok());
    QByteArray expected = TokenRequestFile;
    expected.replace("backend \"billing\" {", "backend \"invoices\" {");
    QCOMPARE(w->text, expected);
}

QTEST_GUILESS_MAIN(TestCouperWriter)
#include "tst_couperwriter.moc"
