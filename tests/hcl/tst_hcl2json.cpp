// Differential test: the structure our parser sees must match @cdktf/hcl2json (HashiCorp's HCL parser
// compiled to WebAssembly), for the Couper corpus and for generated files.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "hcl/document.h"
#include "hcl/evaluator.h"
#include "testconfig.h"
#include "util/coupercorpus.h"
#include "util/testsupport.h"

using namespace Tokenbench::Core;
using namespace Tokenbench::Core::Hcl;

namespace {

const QString AnyString = QStringLiteral("\x01<any string>");

QString moduleDir()
{
    return QStringLiteral(TOKENBENCH_AUTHSERVER_DIR "/node_modules/@cdktf/hcl2json");
}

// Runs the node script on the given files; returns path → JSON (or an object with "__error").
QJsonObject runHcl2Json(const QStringList& files, QString& error)
{
    QProcess p;
    p.setProgram(QStringLiteral("node"));
    p.setArguments(QStringList{QStringLiteral(TOKENBENCH_SOURCE_DIR "/tests/hcl/hcl2json.cjs")} + files);
    p.start();
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        error = QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

bool isConstant(const Expr* e)
{
    switch (e->kind) {
    case ExprKind::Literal:
    case ExprKind::TemplateText:
        return true;
    case ExprKind::Unary:
        return e->children[0]->kind == ExprKind::Literal;
    case ExprKind::Template:
        for (const Expr* c : e->children)
            if (!(c->kind == ExprKind::TemplateText || (c->kind == ExprKind::Template && isConstant(c))
                  || c->kind == ExprKind::Literal))
                return false;
        return true;
    default:
        return false;
    }
}

QString escapeTemplate(QString s)
{
    s.replace(QStringLiteral("${"), QStringLiteral("$${"));
    s.replace(QStringLiteral("%{"), QStringLiteral("%%{"));
    return s;
}

// What hcl2json prints for an expression: constant values as JSON, collections recursively, anything
// else as "${<source>}" (templates that are not constant: any string).
QJsonValue expectedValue(const Document& d, const Expr* e)
{
    switch (e->kind) {
    case ExprKind::Tuple: {
        QJsonArray a;
        for (const Expr* c : e->children)
            a.append(expectedValue(d, c));
        return a;
    }
    case ExprKind::Object: {
        QJsonObject o;
        for (size_t i = 0; i + 1 < e->children.size(); i += 2) {
            const Expr* k = e->children[i];
            QString key;
            if (k->kind == ExprKind::ObjectKeyIdent)
                key = d.text(k->name);
            else if (k->kind == ExprKind::Template && isConstant(k))
                key = escapeTemplate(evaluate(d, k, {}).value.toStr());
            else
                key = QStringLiteral("${") + d.text(k->range) + u'}';
            o.insert(key, expectedValue(d, e->children[i + 1]));
        }
        return o;
    }
    default:
        break;
    }
    if (isConstant(e)) {
        const EvalResult r = evaluate(d, e, {});
        if (r.value.isString()) // hcl2json writes HCL JSON syntax, where strings are templates again
            return escapeTemplate(r.value.toStr());
        return r.value.toJsonValue();
    }
    if (e->kind == ExprKind::Template)
        return AnyString;
    return QString(QStringLiteral("${") + d.text(e->range) + u'}');
}

void addBody(const Document& d, const Body& body, QJsonObject& out);

QJsonObject bodyJson(const Document& d, const Body& body)
{
    QJsonObject o;
    addBody(d, body, o);
    return o;
}

void addBody(const Document& d, const Body& body, QJsonObject& out)
{
    for (const BodyItem& item : body.items) {
        if (item.attribute) {
            out.insert(d.attributeName(*item.attribute), expectedValue(d, item.attribute->expr));
            continue;
        }
        const BlockNode& b = *item.block;
        const QString type = d.blockType(b);
        // Nested objects per label, then a list of bodies.
        QStringList labels;
        for (const Range& l : b.labels)
            labels << d.labelValue(l);
        std::function<QJsonValue(QJsonValue, int)> insert = [&](QJsonValue at, int level) -> QJsonValue {
            if (level == labels.size()) {
                QJsonArray list = at.toArray();
                list.append(bodyJson(d, b.body));
                return list;
            }
            QJsonObject o = at.toObject();
            o.insert(labels[level], insert(o.value(labels[level]), level + 1));
            return o;
        };
        out.insert(type, insert(out.value(type), 0));
    }
}

bool sameJson(const QJsonValue& mine, const QJsonValue& theirs, const QString& path, QString& why)
{
    if (mine.isString() && mine.toString() == AnyString) {
        if (theirs.isString())
            return true;
        why = path + QStringLiteral(": expected a string");
        return false;
    }
    if (mine.isDouble() && theirs.isDouble()) {
        if (qFuzzyCompare(1 + mine.toDouble(), 1 + theirs.toDouble()))
            return true;
        why = path + QStringLiteral(": %1 vs %2").arg(mine.toDouble()).arg(theirs.toDouble());
        return false;
    }
    if (mine.type() != theirs.type()) {
        why = path + QStringLiteral(": type %1 vs %2 (%3 vs %4)")
                         .arg(mine.type())
                         .arg(theirs.type())
                         .arg(QString::fromUtf8(QJsonDocument(QJsonArray{mine}).toJson(QJsonDocument::Compact)),
                              QString::fromUtf8(QJsonDocument(QJsonArray{theirs}).toJson(QJsonDocument::Compact)));
        return false;
    }
    if (mine.isArray()) {
        const QJsonArray a = mine.toArray(), b = theirs.toArray();
        if (a.size() != b.size()) {
            why = path + QStringLiteral(": %1 vs %2 elements").arg(a.size()).arg(b.size());
            return false;
        }
        for (qsizetype i = 0; i < a.size(); ++i)
            if (!sameJson(a[i], b[i], path + QStringLiteral("[%1]").arg(i), why))
                return false;
        return true;
    }
    if (mine.isObject()) {
        const QJsonObject a = mine.toObject(), b = theirs.toObject();
        if (a.keys() != b.keys()) {
            why = path + QStringLiteral(": keys %1 vs %2").arg(a.keys().join(u','), b.keys().join(u','));
            return false;
        }
        for (const QString& k : a.keys())
            if (!sameJson(a.value(k), b.value(k), path + u'.' + k, why))
                return false;
        return true;
    }
    if (mine != theirs) {
        why = path + QStringLiteral(": %1 vs %2").arg(mine.toVariant().toString(), theirs.toVariant().toString());
        return false;
    }
    return true;
}

// A random but valid HCL file exercising most of the syntax.
class Generator
{
public:
    explicit Generator(quint32 seed) : m_rng(seed) {}

    QByteArray file()
    {
        QByteArray out;
        body(out, 0, 3);
        return out;
    }

private:
    int pick(int n) { return static_cast<int>(m_rng.bounded(n)); }
    QByteArray ident() { return QByteArray("n") + QByteArray::number(pick(1000)) + (pick(3) == 0 ? "-x" : ""); }

    QByteArray str()
    {
        static const char* pieces[] = {"a", "b c", "\\\"q\\\"", "\\n", "\\u00e9", "$${x}", "%%{y}", "{{.asOrigin}}", "/p?x=1",
                                       "\xc3\xa9"};
        QByteArray s = "\"";
        for (int i = pick(4); i > 0; --i)
            s += pieces[pick(10)];
        return s + '"';
    }

    QByteArray expr(int depth)
    {
        const int kind = depth > 2 ? pick(5) : pick(12);
        switch (kind) {
        case 0: return QByteArray::number(pick(100000));
        case 1: return pick(2) ? "true" : "false";
        case 2: return str();
        case 3: return QByteArray::number(pick(1000)) + '.' + QByteArray::number(1 + pick(99));
        case 4: return "-" + QByteArray::number(1 + pick(9));
        case 5: return "\"pre ${" + ident() + ".x[" + QByteArray::number(pick(3)) + "]} post\"";
        case 6: {
            QByteArray t = "[";
            for (int i = pick(4); i > 0; --i)
                t += expr(depth + 1) + (i > 1 ? ", " : "");
            return t + ']';
        }
        case 7: {
            QByteArray o = "{\n";
            QSet<QByteArray> keys;
            for (int i = pick(4); i > 0; --i) {
                QByteArray k = ident();
                if (keys.contains(k))
                    continue;
                keys.insert(k);
                o += "  " + (pick(2) ? k : '"' + k + '"') + (pick(2) ? " = " : ": ") + expr(depth + 1) + '\n';
            }
            return o + '}';
        }
        case 8: return "default(" + ident() + ".y, " + expr(depth + 1) + ")";
        case 9: return ident() + " * 2 + 1";
        case 10: // a heredoc must end its line, so only as a whole attribute value
            return depth == 0 ? "<<-EOT\n    line ${" + ident() + "}\n      more\n    EOT" : str();
        default: return "null";
        }
    }

    void body(QByteArray& out, int depth, int maxDepth)
    {
        const QByteArray indent(depth * 2, ' ');
        QSet<QByteArray> attrs;
        for (int i = 1 + pick(6); i > 0; --i) {
            if (pick(5) == 0)
                out += indent + (pick(2) ? "# comment\n" : "// comment\n");
            const QByteArray name = "a_" + ident();
            if (attrs.contains(name))
                continue;
            attrs.insert(name);
            const QByteArray value = expr(0);
            const bool heredoc = value.endsWith("EOT"); // nothing may follow the closing marker
            out += indent + name + " = " + value + (pick(4) == 0 && !heredoc ? " # trailing\n" : "\n");
        }
        if (depth >= maxDepth)
            return;
        for (int i = pick(4); i > 0; --i) {
            // Each block type always has the same number of labels (hcl2json requires that).
            const int type = pick(3);
            out += '\n' + indent + "blk" + QByteArray::number(type);
            for (int l = 0; l < type; ++l)
                out += " \"" + ident() + '"';
            out += " {\n";
            body(out, depth + 1, maxDepth);
            out += indent + "}\n";
        }
    }

    QRandomGenerator m_rng;
};

} // namespace

class TestHcl2Json : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void corpusAndGeneratedFiles_matchHcl2JsonStructure();
    void edgeCases_agreeWithHcl2JsonOnValidity();

private:
    bool m_available = false;
};

void TestHcl2Json::initTestCase()
{
    Tokenbench::Test::initTestEnvironment();
    m_available = !QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty() && QDir(moduleDir()).exists();
}

void TestHcl2Json::corpusAndGeneratedFiles_matchHcl2JsonStructure()
{
    if (!m_available)
        QSKIP("node or @cdktf/hcl2json is not installed (scripts/test.sh runs npm ci in tests/authserver)");
    QTemporaryDir tmp;
    tmp.setAutoRemove(qEnvironmentVariableIsEmpty("TOKENBENCH_KEEP_TMP"));
    QVERIFY(tmp.isValid());
    // The own corpus, the optional one beside the checkout when present, and generated files.
    QStringList files = Tokenbench::Test::couperCorpusFiles();
    for (quint32 seed = 1; seed <= 40; ++seed) {
        const QString path = tmp.filePath(QStringLiteral("gen%1.hcl").arg(seed));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(Generator(seed).file());
        f.close();
        files << path;
    }
    QString error;
    const QJsonObject theirs = runHcl2Json(files, error);
    QVERIFY2(!theirs.isEmpty(), qPrintable(error));

    int compared = 0;
    for (const QString& path : files) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray src = f.readAll();
        const Document d = Document::parse(src, path);
        QVERIFY2(d.diagnostics().isEmpty(), qPrintable(path + u' ' + d.diagnostics().value(0).toString()));
        QCOMPARE(d.toBytes(), src);
        const QJsonValue other = theirs.value(path);
        if (other.toObject().contains(QStringLiteral("__error"))) {
            // hcl2json cannot convert some valid files (e.g. a block type used with and without labels);
            // those must still parse and round-trip above.
            continue;
        }
        QString why;
        QVERIFY2(sameJson(bodyJson(d, d.body()), other, QFileInfo(path).fileName(), why), qPrintable(why));
        ++compared;
    }
    // hcl2json refuses at most a few valid files (a block type with and without labels); allow two
    // per corpus.
    const int allowed = Tokenbench::Test::sharedCouperCorpusDir().isEmpty() ? 2 : 4;
    QVERIFY2(compared >= files.size() - allowed, qPrintable(QStringLiteral("%1 of %2").arg(compared).arg(files.size())));
}

void TestHcl2Json::edgeCases_agreeWithHcl2JsonOnValidity()
{
    if (!m_available)
        QSKIP("node or @cdktf/hcl2json is not installed (scripts/test.sh runs npm ci in tests/authserver)");
    const QList<QByteArray> snippets{
        "a {\n b = 1 }\n", "a = 1", "a {\n}", "a = <<EOT\nx\nEOT", "a = <<EOT\nx\nEOT  \n", "a = 1 +\n 2\n",
        "a = (1 +\n 2)\n", "a = {\n x = 1,\n y = 2,\n}\n", "a = { x = 1 y = 2 }\n", "a = [1, 2,]\n",
        "a = [\n1\n,\n2\n]\n", "a = f(1, 2,)\n", "a = b.0.c\n", "a = b[*].c[*].d\n", "a-b = c-d\n",
        "a b c {\n}\n", "a = 1\na = 2\n", "a = /* x */ 1\n", "a = \"\\q\"\n", "a = \"%{if x}a%{else}b%{endif}\"\n",
        "a = \"%{if x}a\"\n", "a = \"%{endif}\"\n", "a = {for k, v in x: k => v...}\n", "a { b { } }\n",
        "a { b = 1, c = 2 }\n", "a = { (x) = 1 }\n", "a = f(x..., y)\n", "a = 1 }\n", "a = \"${\nx\n}\"\n",
        "a 1 {\n}\n", "a =\n", "a = {\n b = 1\n", "a = 1 b {\n}\n", "a = \"x\ny\"\n", "a = [for v in x: v if v]\n",
        "a = x ? y\n", "a = x.\n", "a = x[1\n", "{\n}\n", "a = f(1 2)\n", "a = \"${x\"\n", "a = <<-EOT\n  x\n  EOT\n",
        // Comments and characters HashiCorp's scanner refuses or accepts.
        "a = 1\n/* never closed\nb = 2\n", "a = 1 /* closed */\n", "a = /* x\n", "a\xe2\x80\xa8" "b = 1\n",
        "\xe2\x80\xa8 = 1\n", "\xc3\xa9t\xc3\xa9 = 1\n", "a\xcc\x81-b_2 = 1\n", "\xf0\x9f\x98\x80 = 1\n",
        "a = \"\xe2\x80\xa8\"\n", "a = 1 # \xe2\x80\xa8\n",
    };
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QStringList files;
    for (int i = 0; i < snippets.size(); ++i) {
        const QString path = tmp.filePath(QStringLiteral("edge%1.hcl").arg(i));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(snippets[i]);
        files << path;
    }
    QString error;
    const QJsonObject theirs = runHcl2Json(files, error);
    QVERIFY2(!theirs.isEmpty(), qPrintable(error));
    for (int i = 0; i < snippets.size(); ++i) {
        const Document d = Document::parse(snippets[i]);
        QCOMPARE(d.toBytes(), snippets[i]);
        const bool theyAccept = !theirs.value(files[i]).toObject().contains(QStringLiteral("__error"));
        QVERIFY2(d.diagnostics().isEmpty() == theyAccept,
                 qPrintable(QString::fromUtf8(snippets[i]) + QStringLiteral(" | hcl2json: ")
                            + theirs.value(files[i]).toObject().value(QStringLiteral("__error")).toString()
                            + QStringLiteral(" | ours: ") + d.diagnostics().value(0).message));
    }
}

QTEST_GUILESS_MAIN(TestHcl2Json)
#include "tst_hcl2json.moc"
