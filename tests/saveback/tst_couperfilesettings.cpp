// What Tokenbench writes into and beside a Couper file (issue #15 items 9 and 10): Tokenbench-only settings
// never go into the file but into its sidecar, which never holds a secret, is restored by loading (GUI and
// CLI alike) and is read as the hostile file it may be; expressions are written as their source, an object
// constructor per changed key only.
#include "model/couperconfig.h"
#include "model/couperfilesettings.h"
#include "model/expressionfield.h"
#include "model/workspace.h"
#include "model/workspacefile.h"
#include "model/workspacetreemodel.h"
#include "saveback/couperwriter.h"
#include "util/secretvalues.h"
#include "util/testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Tokenbench::Core;
using namespace Tokenbench::Core::Hcl;

namespace {

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QByteArray ProfileFile = "definitions {\n"
                               "  backend \"billing\" {\n"
                               "    origin = \"https://api.example.com\"\n"
                               "\n"
                               "    oauth2 {\n"
                               "      grant_type                 = \"client_credentials\"\n"
                               "      token_endpoint             = \"https://as.example.com/token\"\n"
                               "      token_endpoint_auth_method = \"client_secret_jwt\"\n"
                               "      client_id                  = env.TB_CFS_CLIENT_ID\n"
                               "      client_secret              = env.TB_CFS_SECRET\n"
                               "      scope                      = join(\" \", [\"read\", \"write\"])\n"
                               "\n"
                               "      jwt_signing_profile {\n"
                               "        signature_algorithm = \"HS256\"\n"
                               "        ttl                 = \"10s\"\n"
                               "        claims = {\n"
                               "          aud = \"x\" // audience\n"
                               "          # the tenant, lower-cased\n"
                               "          foo = to_lower(env.TB_CFS_BAR)\n"
                               "        }\n"
                               "      }\n"
                               "    }\n"
                               "  }\n"
                               "}\n";

const QByteArray PlainFile = "definitions {\n"
                             "  backend \"api\" {\n"
                             "    origin = \"https://api.example.com\"\n"
                             "\n"
                             "    oauth2 {\n"
                             "      grant_type     = \"client_credentials\"\n"
                             "      token_endpoint = \"https://as.example.com/token\"\n"
                             "      client_id      = \"svc\"\n"
                             "      client_secret  = env.TB_CFS_SECRET\n"
                             "    }\n"
                             "  }\n"
                             "}\n";

} // namespace

class TestCouperFileSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        qputenv("TB_CFS_BAR", "ACME");
    }

    // Loading keeps the source of expressions beside their values; literals and env.NAME have none.
    void load_keepsExpressionSourcesBesideValues()
    {
        const CouperConfig config = parseCouperConfig(ProfileFile, QStringLiteral("p.hcl"));
        const Block* o = config.backends.constFirst().child(QStringLiteral("oauth2"));
        QCOMPARE(o->attribute(QStringLiteral("scope")), QStringLiteral("read write"));
        QCOMPARE(o->expression(QStringLiteral("scope")), QStringLiteral("join(\" \", [\"read\", \"write\"])"));
        QVERIFY(!o->hasExpression(QStringLiteral("client_id")));
        QVERIFY(!o->hasExpression(QStringLiteral("token_endpoint")));
        const Block* p = o->child(QStringLiteral("jwt_signing_profile"));
        QVERIFY(p->expression(QStringLiteral("claims")).contains(QStringLiteral("to_lower(env.TB_CFS_BAR)")));
        QCOMPARE(p->attribute(QStringLiteral("claims")), QStringLiteral("{\"aud\":\"x\",\"foo\":\"acme\"}"));
        QVERIFY(!p->hasExpression(QStringLiteral("ttl")));
        QCOMPARE(singleLineExpression(p->expression(QStringLiteral("claims"))),
                 QStringLiteral("{ aud = \"x\", foo = to_lower(env.TB_CFS_BAR) }"));
    }

    // Editing another attribute never writes an expression's value; editing one key of an object
    // constructor changes that key's bytes only (comments and layout stay).
    void writeBack_expressionsStaySource_oneKeyChangesOnlyItsBytes()
    {
        const CouperConfig config = parseCouperConfig(ProfileFile, QStringLiteral("p.hcl"));
        QList<Block> edited = config.backends;
        Block* o = edited[0].child(QStringLiteral("oauth2"));
        o->setAttribute(QStringLiteral("token_endpoint"), QStringLiteral("https://as.example.com/oauth/token"));
        Block* p = o->child(QStringLiteral("jwt_signing_profile"));
        const QString claims = QStringLiteral("{ aud = \"https://as.example.com/oauth/token\", foo = to_lower(env.TB_CFS_BAR) }");
        p->setExpression(QStringLiteral("claims"), claims, startupValue(QStringLiteral("jwt_signing_profile"),
                                                                         QStringLiteral("claims"), claims, nullptr));
        QVERIFY(p->attribute(QStringLiteral("claims")).contains(QStringLiteral("\"foo\":\"acme\"")));
        auto written = writeBack(ProfileFile, QStringLiteral("p.hcl"), config.backends, edited);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        QByteArray expected = ProfileFile;
        expected.replace("token_endpoint             = \"https://as.example.com/token\"",
                         "token_endpoint             = \"https://as.example.com/oauth/token\"");
        expected.replace("aud = \"x\" // audience", "aud = \"https://as.example.com/oauth/token\" // audience");
        QCOMPARE(written->text, expected);
    }

    // Keys added or removed: the object is written as typed (still the expression, never its value).
    void writeBack_objectWithOtherKeys_writesTheNewSource()
    {
        const CouperConfig config = parseCouperConfig(ProfileFile, QStringLiteral("p.hcl"));
        QList<Block> edited = config.backends;
        Block* p = edited[0].child(QStringLiteral("oauth2.jwt_signing_profile"));
        const QString claims = QStringLiteral("{ foo = to_lower(env.TB_CFS_BAR) }");
        p->setExpression(QStringLiteral("claims"), claims, QStringLiteral("{\"foo\":\"acme\"}"));
        auto written = writeBack(ProfileFile, QStringLiteral("p.hcl"), config.backends, edited);
        QVERIFY(written.ok());
        QVERIFY2(written->text.contains("claims = { foo = to_lower(env.TB_CFS_BAR) }\n"), written->text.constData());
        QVERIFY(!written->text.contains("acme"));
        const CouperConfig again = parseCouperConfig(written->text, QStringLiteral("p.hcl"));
        QVERIFY(!hasErrors(again.diagnostics));
    }

    // Tokenbench-only attributes never reach the file; one an older Tokenbench put there is removed.
    void writeBack_tokenbenchOnlyAttributes_neverWritten()
    {
        const CouperConfig config = parseCouperConfig(PlainFile, QStringLiteral("a.hcl"));
        QList<Block> edited = config.backends;
        edited[0].setAttribute(QStringLiteral("tokenbench_resource_url"), QStringLiteral("https://api.example.com/me"));
        edited[0].child(QStringLiteral("oauth2"))->setAttribute(QStringLiteral("raw_basic_credentials"), QStringLiteral("true"));
        auto written = writeBack(PlainFile, QStringLiteral("a.hcl"), config.backends, edited);
        QVERIFY(written.ok());
        QCOMPARE(written->text, PlainFile);

        QByteArray old = PlainFile;
        old.replace("      client_id      = \"svc\"\n", "      client_id      = \"svc\"\n      redirect_uri   = \"http://127.0.0.1/cb\"\n");
        const CouperConfig oldConfig = parseCouperConfig(old, QStringLiteral("a.hcl"));
        QVERIFY(oldConfig.backends[0].child(QStringLiteral("oauth2"))->hasAttribute(QStringLiteral("redirect_uri")));
        auto cleaned = writeBack(old, QStringLiteral("a.hcl"), oldConfig.backends, oldConfig.backends);
        QVERIFY(cleaned.ok());
        QCOMPARE(cleaned->text, PlainFile);
    }

    // Saved beside the file and restored by loading it (what the GUI and `tokenbench-cli token` do).
    void sidecar_savedAndRestoredByLoading_neverASecret()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("couper.hcl"));
        writeFile(path, PlainFile);
        QList<Block> backends = parseCouperConfig(PlainFile, path).backends;
        backends[0].setAttribute(QStringLiteral("tokenbench_resource_url"), QStringLiteral("https://api.example.com/me"));
        Block* o = backends[0].child(QStringLiteral("oauth2"));
        o->setAttribute(QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1:8400/cb"));
        o->setAttribute(QStringLiteral("refresh_token"), QStringLiteral("rt-typed-value-123")); // a secret
        auto saved = CouperFileSettings::save(path, backends);
        QVERIFY(saved.ok());
        QVERIFY(saved->changed);
        QCOMPARE(saved->notes.size(), 1);
        QVERIFY2(saved->notes.constFirst().contains(QStringLiteral("refresh_token")), qPrintable(saved->notes.join(u'\n')));
        const QByteArray text = readFile(CouperFileSettings::sidecarPath(path));
        QVERIFY(text.contains("\"tokenbench_resource_url\": \"https://api.example.com/me\""));
        QVERIFY(text.contains("\"oauth2.redirect_uri\": \"http://127.0.0.1:8400/cb\""));
        QVERIFY(!text.contains("rt-typed-value-123"));
        // Saving the same again writes nothing.
        auto same = CouperFileSettings::save(path, backends);
        QVERIFY(same.ok() && !same->changed);

        auto loaded = loadCouperConfig(path);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->backends[0].attribute(QStringLiteral("tokenbench_resource_url")),
                 QStringLiteral("https://api.example.com/me"));
        QCOMPARE(loaded->backends[0].child(QStringLiteral("oauth2"))->attribute(QStringLiteral("redirect_uri")),
                 QStringLiteral("http://127.0.0.1:8400/cb"));
        QVERIFY(!loaded->backends[0].child(QStringLiteral("oauth2"))->hasAttribute(QStringLiteral("refresh_token")));
        QVERIFY(!hasErrors(loaded->diagnostics));
    }

    // Values that carry secrets stay out: a URL with a password or a secret-named query parameter, a value
    // containing a secret this process knows; an env.NAME reference for a secret attribute is fine.
    void sidecar_valuesCarryingSecrets_leftOut()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("couper.hcl"));
        QList<Block> backends = parseCouperConfig(PlainFile, path).backends;
        backends.append(backends[0]);
        backends.append(backends[0]);
        backends[1].label = QStringLiteral("b");
        backends[2].label = QStringLiteral("c");
        backends[0].setAttribute(QStringLiteral("tokenbench_resource_url"), QStringLiteral("https://u:pw-9876@api.example.com/me"));
        backends[1].setAttribute(QStringLiteral("tokenbench_resource_url"), QStringLiteral("https://api.example.com/me?api_key=k-5555"));
        SecretValues::add(QStringLiteral("s3cr3t-in-path"));
        backends[2].setAttribute(QStringLiteral("tokenbench_resource_url"), QStringLiteral("https://api.example.com/s3cr3t-in-path"));
        backends[2].child(QStringLiteral("oauth2"))->setAttribute(QStringLiteral("refresh_token"), QStringLiteral("env.RT"));
        auto saved = CouperFileSettings::save(path, backends);
        QVERIFY(saved.ok());
        QCOMPARE(saved->notes.size(), 3);
        const QByteArray text = readFile(CouperFileSettings::sidecarPath(path));
        QVERIFY(!text.contains("pw-9876"));
        QVERIFY(!text.contains("k-5555"));
        QVERIFY(!text.contains("s3cr3t-in-path"));
        QVERIFY2(text.contains("\"oauth2.refresh_token\": \"env.RT\""), text.constData());
        SecretValues::forget();
    }

    // The sidecar is read as a hostile file: it cannot set Couper attributes, a broken one is a warning.
    void sidecar_hostile_onlyTokenbenchSettingsApplied()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("couper.hcl"));
        writeFile(path, PlainFile);
        writeFile(CouperFileSettings::sidecarPath(path),
                  "{ \"format\": \"tokenbench-couper-settings\", \"version\": 1, \"backends\": { \"api\": {"
                  " \"origin\": \"https://evil.example\", \"oauth2.client_secret\": \"leak\","
                  " \"oauth2.token_endpoint\": \"https://evil.example/token\", \"tls.tokenbench_x\": \"1\","
                  " \"tokenbench_resource_url\": 5, \"oauth2.redirect_uri\": \"http://127.0.0.1/cb\" } } }");
        auto loaded = loadCouperConfig(path);
        QVERIFY(loaded.ok());
        const Block& b = loaded->backends[0];
        QCOMPARE(b.attribute(QStringLiteral("origin")), QStringLiteral("https://api.example.com"));
        QCOMPARE(b.child(QStringLiteral("oauth2"))->attribute(QStringLiteral("client_secret")), QStringLiteral("env.TB_CFS_SECRET"));
        QCOMPARE(b.child(QStringLiteral("oauth2"))->attribute(QStringLiteral("token_endpoint")),
                 QStringLiteral("https://as.example.com/token"));
        QVERIFY(!b.hasAttribute(QStringLiteral("tokenbench_resource_url")));
        QCOMPARE(b.child(QStringLiteral("oauth2"))->attribute(QStringLiteral("redirect_uri")), QStringLiteral("http://127.0.0.1/cb"));
        int warnings = 0;
        for (const Diagnostic& d : loaded->diagnostics) {
            QVERIFY(d.severity != Diagnostic::Severity::Error);
            warnings += d.file == CouperFileSettings::sidecarPath(path) ? 1 : 0;
        }
        QCOMPARE(warnings, 5);

        writeFile(CouperFileSettings::sidecarPath(path), "{ not json");
        auto broken = loadCouperConfig(path);
        QVERIFY(broken.ok());
        QVERIFY(!hasErrors(broken->diagnostics));
        QVERIFY(broken->diagnostics.constLast().message.contains(QStringLiteral("not valid JSON")));

        // A file of that name that is not ours is never removed.
        writeFile(CouperFileSettings::sidecarPath(path), "{ \"something\": \"else\" }");
        auto saved = CouperFileSettings::save(path, parseCouperConfig(PlainFile, path).backends);
        QVERIFY(saved.ok() && !saved->changed);
        QVERIFY(QFile::exists(CouperFileSettings::sidecarPath(path)));
    }

    // A workspace file (Save As, crash recovery) keeps the sources too, so saving back into the Couper file
    // later still writes the expression; a secret's source is not kept (its value becomes env.NAME).
    void workspaceFile_keepsExpressionSources_notForSecrets()
    {
        QByteArray source = ProfileFile;
        source.replace("client_secret              = env.TB_CFS_SECRET", "client_secret              = trim(\" s3cr3t-literal \")");
        QList<Block> backends = parseCouperConfig(source, QStringLiteral("p.hcl")).backends;
        QVERIFY(backends[0].child(QStringLiteral("oauth2"))->hasExpression(QStringLiteral("client_secret")));
        const QByteArray bytes = WorkspaceFile::serialize(backends, WorkspaceFile::newId()).bytes;
        QVERIFY2(!bytes.contains("s3cr3t-literal"), bytes.constData());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.tbw"));
        writeFile(path, bytes);
        auto loaded = WorkspaceFile::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
        const Block* o = loaded->backends[0].child(QStringLiteral("oauth2"));
        QCOMPARE(o->expression(QStringLiteral("scope")), QStringLiteral("join(\" \", [\"read\", \"write\"])"));
        QCOMPARE(o->attribute(QStringLiteral("scope")), QStringLiteral("read write"));
        QVERIFY(!o->hasExpression(QStringLiteral("client_secret")));
        QVERIFY(o->child(QStringLiteral("jwt_signing_profile"))->hasExpression(QStringLiteral("claims")));
    }

    // The tree shows the signing profile nested in oauth2 and follows its addition and removal.
    void tree_nestedSigningProfile_followsTheWorkspace()
    {
        Workspace workspace;
        workspace.resetBackends(parseCouperConfig(PlainFile, QStringLiteral("a.hcl")).backends);
        WorkspaceTreeModel model(&workspace);
        const QModelIndex oauth2 = model.blockIndex(0, QStringLiteral("oauth2"));
        QVERIFY(oauth2.isValid());
        QCOMPARE(model.rowCount(oauth2), 0);
        Block b = workspace.backend(0);
        b.child(QStringLiteral("oauth2"))->blocks.append(Block{QStringLiteral("jwt_signing_profile"), {}, {}, {}});
        workspace.replaceBackend(0, b);
        QCOMPARE(model.rowCount(oauth2), 1);
        const QModelIndex profile = model.blockIndex(0, QStringLiteral("oauth2.jwt_signing_profile"));
        QVERIFY(profile.isValid());
        QCOMPARE(profile.parent(), oauth2);
        QCOMPARE(profile.data().toString(), QStringLiteral("jwt_signing_profile"));
        QCOMPARE(profile.data(WorkspaceTreeModel::BlockTypeRole).toString(), QStringLiteral("oauth2.jwt_signing_profile"));
        QCOMPARE(profile.data(WorkspaceTreeModel::BackendRowRole).toInt(), 0);
        b.child(QStringLiteral("oauth2"))->blocks.clear();
        workspace.replaceBackend(0, b);
        QCOMPARE(model.rowCount(oauth2), 0);
        QVERIFY(!model.blockIndex(0, QStringLiteral("oauth2.jwt_signing_profile")).isValid());
    }
};

QTEST_GUILESS_MAIN(TestCouperFileSettings)
#include "tst_couperfilesettings.moc"
