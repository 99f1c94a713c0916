// SecretStore against a real Secret Service (gnome-keyring in scripts/test.sh's private D-Bus session),
// and its no-keychain and timeout paths in a helper process with a dead or silent session bus.
#include "model/block.h"
#include "model/valueresolver.h"
#include "secrets/secretresolution.h"
#include "secrets/secretstore.h"
#include "util/testsupport.h"

#include <optional>

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Tokenbench::Core;
using Status = SecretStore::Status;

namespace {

QString uniqueWorkspace()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

SecureBytes bytes(const QByteArray& data)
{
    return SecureBytes(QByteArrayView(data));
}

// A PEM-sized value (an RSA-4096 private key is about 3.2 KB): lines of base64 between armour lines.
QByteArray pemLike()
{
    QByteArray pem = "-----BEGIN PRIVATE KEY-----\n";
    QByteArray body;
    for (int i = 0; i < 3300; ++i)
        body.append(char('A' + (i * 7) % 26));
    for (qsizetype i = 0; i < body.size(); i += 64)
        pem += body.mid(i, 64) + '\n';
    pem += "-----END PRIVATE KEY-----\n";
    return pem;
}

struct ProbeRun
{
    int exitCode = -1;
    QHash<QString, QString> lines;
    QByteArray err;
};

ProbeRun runProbe(const QString& busAddress, const QString& indexFile, int timeoutMs)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), busAddress);
    env.remove(QStringLiteral("DISPLAY"));
    p.setProcessEnvironment(env);
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(QStringLiteral(TOKENBENCH_SECRETSTORE_PROBE),
            {indexFile, QString::number(timeoutMs), QStringLiteral("50")});
    if (!finished.wait(60000))
        p.kill();
    ProbeRun run{p.exitCode(), {}, p.readAllStandardError()};
    for (const QByteArray& line : p.readAllStandardOutput().split('\n')) {
        const QString text = QString::fromUtf8(line);
        const qsizetype space = text.indexOf(u' ');
        if (space > 0)
            run.lines.insert(text.left(space), text.mid(space + 1));
    }
    return run;
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SecretStore* m_store = nullptr;
    QStringList m_workspaces; // forgotten in cleanupTestCase
    QList<QByteArray> m_canaries;

    QString newWorkspace()
    {
        m_workspaces << uniqueWorkspace();
        return m_workspaces.constLast();
    }

    SecretStore::Result write(const QString& ws, const QString& name, const QByteArray& value)
    {
        m_canaries << value;
        std::optional<SecretStore::Result> r;
        QObject ctx;
        m_store->write(ws, name, bytes(value), &ctx, [&](const SecretStore::Result& x) { r = x; });
        if (!QTest::qWaitFor([&] { return r.has_value(); }, 30000))
            return {Status::TimedOut, ws, name, QStringLiteral("the test gave up waiting"), {}};
        return *r;
    }

    SecretStore::Result read(const QString& ws, const QString& name)
    {
        std::optional<SecretStore::Result> r;
        QObject ctx;
        m_store->read(ws, name, &ctx, [&](const SecretStore::Result& x) { r = x; });
        if (!QTest::qWaitFor([&] { return r.has_value(); }, 30000))
            return {Status::TimedOut, ws, name, QStringLiteral("the test gave up waiting"), {}};
        return *r;
    }

    SecretStore::Result remove(const QString& ws, const QString& name)
    {
        std::optional<SecretStore::Result> r;
        QObject ctx;
        m_store->remove(ws, name, &ctx, [&](const SecretStore::Result& x) { r = x; });
        if (!QTest::qWaitFor([&] { return r.has_value(); }, 30000))
            return {Status::TimedOut, ws, name, QStringLiteral("the test gave up waiting"), {}};
        return *r;
    }

    std::optional<SecretStore::BatchResult> forgetAll(const QString& ws)
    {
        std::optional<SecretStore::BatchResult> r;
        QObject ctx;
        m_store->forgetAll(ws, &ctx, [&](const SecretStore::BatchResult& x) { r = x; });
        if (!QTest::qWaitFor([&] { return r.has_value(); }, 60000))
            return std::nullopt;
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        QVERIFY(m_dir.isValid());
        m_store = new SecretStore(m_dir.filePath(QStringLiteral("index/secrets-index.ini")), this);
        QSignalSpy availability(m_store, &SecretStore::availabilityChanged);
        m_store->probeAvailability();
        QVERIFY(availability.wait(30000));
        QVERIFY2(m_store->availability() == SecretStore::Availability::Available,
                 qPrintable(QStringLiteral("no usable Secret Service (%1: %2). Run the tests through "
                                           "scripts/test.sh, or the headless keychain recipe in toolchain.md.")
                                .arg(QString::fromLatin1(QMetaEnum::fromType<SecretStore::Availability>().valueToKey(
                                         int(m_store->availability()))),
                                     m_store->availabilityDetail())));
    }

    void cleanupTestCase()
    {
        for (const QString& ws : std::as_const(m_workspaces))
            forgetAll(ws);
    }

    void keys_areNamespacedPerWorkspaceAndName()
    {
        QCOMPARE(SecretStore::serviceName(), QStringLiteral("Tokenbench"));
        QCOMPARE(SecretStore::keyFor(QStringLiteral("ws-1"), QStringLiteral("CLIENT_SECRET")),
                 QStringLiteral("tokenbench:ws-1:CLIENT_SECRET"));
        QVERIFY(SecretStore::isValidName(QStringLiteral("_A1")));
        QVERIFY(!SecretStore::isValidName(QStringLiteral("1A")));
        QVERIFY(!SecretStore::isValidName(QStringLiteral("A:B")));
        QVERIFY(!SecretStore::isValidWorkspaceId(QStringLiteral("a:b")));
        QVERIFY(!SecretStore::isValidWorkspaceId(QStringLiteral("../x")));
    }

    void writeThenRead_returnsTheValue()
    {
        const QString ws = newWorkspace();
        QSignalSpy indexChanged(m_store, &SecretStore::indexChanged);
        const auto w = write(ws, QStringLiteral("CLIENT_SECRET"), "canary-store-1f3a");
        QVERIFY2(w.ok(), qPrintable(w.errorText));
        QCOMPARE(indexChanged.size(), 1);
        QCOMPARE(indexChanged.at(0).at(0).toString(), ws);
        const auto r = read(ws, QStringLiteral("CLIENT_SECRET"));
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QVERIFY(r.value.equals("canary-store-1f3a"));
        QCOMPARE(m_store->availability(), SecretStore::Availability::Available);
    }

    void overwrite_readsTheNewValue()
    {
        const QString ws = newWorkspace();
        QVERIFY(write(ws, QStringLiteral("TOKEN"), "canary-old-7d2e").ok());
        QVERIFY(write(ws, QStringLiteral("TOKEN"), "canary-new-8e3f").ok());
        const auto r = read(ws, QStringLiteral("TOKEN"));
        QVERIFY(r.ok());
        QVERIFY(r.value.equals("canary-new-8e3f"));
        QCOMPARE(m_store->list(ws), QStringList{QStringLiteral("TOKEN")});
    }

    void values_roundTripExactly_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("unicode") << QStringLiteral("canary-ünï-cødé-✓-鍵-🔑").toUtf8();
        QTest::newRow("newlines") << QByteArray("canary-line1\nline2\r\nline3\n\n");
        QTest::newRow("spaces") << QByteArray("  canary with spaces  ");
        QTest::newRow("nul-bytes") << QByteArray("canary\0with\0nul", 15);
        QTest::newRow("pem-sized") << pemLike();
        QTest::newRow("64KiB") << QByteArray(64 * 1024, 'k');
    }

    void values_roundTripExactly()
    {
        QFETCH(QByteArray, value);
        const QString ws = newWorkspace();
        const auto w = write(ws, QStringLiteral("VALUE"), value);
        QVERIFY2(w.ok(), qPrintable(w.errorText));
        const auto r = read(ws, QStringLiteral("VALUE"));
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QCOMPARE(r.value.size(), value.size());
        QVERIFY(r.value.equals(value));
    }

    void read_missing_isNotFound()
    {
        const QString ws = newWorkspace();
        const auto r = read(ws, QStringLiteral("NEVER_STORED"));
        QCOMPARE(r.status, Status::NotFound);
        QVERIFY(r.value.isEmpty());
        QCOMPARE(m_store->availability(), SecretStore::Availability::Available);
    }

    void remove_forgetsValueAndName()
    {
        const QString ws = newWorkspace();
        QVERIFY(write(ws, QStringLiteral("A"), "canary-remove-a").ok());
        QVERIFY(write(ws, QStringLiteral("B"), "canary-remove-b").ok());
        QCOMPARE(m_store->list(ws), (QStringList{QStringLiteral("A"), QStringLiteral("B")}));
        QVERIFY(remove(ws, QStringLiteral("A")).ok());
        QCOMPARE(read(ws, QStringLiteral("A")).status, Status::NotFound);
        QCOMPARE(m_store->list(ws), QStringList{QStringLiteral("B")});
        // Removing what is not there succeeds (idempotent).
        QVERIFY(remove(ws, QStringLiteral("A")).ok());
        QVERIFY(read(ws, QStringLiteral("B")).value.equals("canary-remove-b"));
    }

    void list_isPerWorkspaceAndSorted()
    {
        const QString one = newWorkspace();
        const QString two = newWorkspace();
        QVERIFY(write(one, QStringLiteral("ZETA"), "canary-list-z").ok());
        QVERIFY(write(one, QStringLiteral("ALPHA"), "canary-list-a").ok());
        QVERIFY(write(two, QStringLiteral("OTHER"), "canary-list-o").ok());
        QCOMPARE(m_store->list(one), (QStringList{QStringLiteral("ALPHA"), QStringLiteral("ZETA")}));
        QCOMPARE(m_store->list(two), QStringList{QStringLiteral("OTHER")});
        QVERIFY(m_store->workspaces().contains(one));
        QVERIFY(m_store->list(uniqueWorkspace()).isEmpty());
        // A second store on the same index file (another process, the CLI) sees the same names.
        SecretStore other(m_store->indexPath());
        QCOMPARE(other.list(one), m_store->list(one));
    }

    void forgetAll_removesEveryEntryOfThatWorkspaceOnly()
    {
        const QString ws = newWorkspace();
        const QString keep = newWorkspace();
        for (const char* n : {"ONE", "TWO", "THREE"})
            QVERIFY(write(ws, QString::fromLatin1(n), QByteArray("canary-forget-") + n).ok());
        QVERIFY(write(keep, QStringLiteral("ONE"), "canary-keep-one").ok());
        const auto batch = forgetAll(ws);
        QVERIFY(batch.has_value());
        QVERIFY(batch->ok());
        QVERIFY(m_store->list(ws).isEmpty());
        QVERIFY(!m_store->workspaces().contains(ws));
        for (const char* n : {"ONE", "TWO", "THREE"})
            QCOMPARE(read(ws, QString::fromLatin1(n)).status, Status::NotFound);
        QVERIFY(read(keep, QStringLiteral("ONE")).value.equals("canary-keep-one"));
    }

    void readMany_splitsFoundAndMissing()
    {
        const QString ws = newWorkspace();
        QVERIFY(write(ws, QStringLiteral("HAVE_1"), "canary-many-1").ok());
        QVERIFY(write(ws, QStringLiteral("HAVE_2"), "canary-many-2").ok());
        std::optional<SecretStore::BatchResult> r;
        m_store->readMany(ws, {QStringLiteral("HAVE_1"), QStringLiteral("MISSING"), QStringLiteral("HAVE_2")}, this,
                          [&](const SecretStore::BatchResult& x) { r = x; });
        QTRY_VERIFY_WITH_TIMEOUT(r.has_value(), 30000);
        QVERIFY(r->ok());
        QCOMPARE(r->values.size(), 2);
        QVERIFY(r->values.value(QStringLiteral("HAVE_1")).equals("canary-many-1"));
        QVERIFY(r->values.value(QStringLiteral("HAVE_2")).equals("canary-many-2"));
        QCOMPARE(r->notFound, QStringList{QStringLiteral("MISSING")});
    }

    void invalidInput_isRefusedWithoutAskingTheKeychain_data()
    {
        QTest::addColumn<QString>("workspace");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("name-with-colon") << uniqueWorkspace() << QStringLiteral("A:B") << QByteArray("x");
        QTest::newRow("name-starting-with-digit") << uniqueWorkspace() << QStringLiteral("1A") << QByteArray("x");
        QTest::newRow("empty-name") << uniqueWorkspace() << QString() << QByteArray("x");
        QTest::newRow("bad-workspace") << QStringLiteral("../etc") << QStringLiteral("A") << QByteArray("x");
        QTest::newRow("empty-value") << uniqueWorkspace() << QStringLiteral("A") << QByteArray();
    }

    void invalidInput_isRefusedWithoutAskingTheKeychain()
    {
        QFETCH(QString, workspace);
        QFETCH(QString, name);
        QFETCH(QByteArray, value);
        bool called = false;
        std::optional<SecretStore::Result> r;
        m_store->write(workspace, name, bytes(value), this, [&](const SecretStore::Result& x) {
            called = true;
            r = x;
        });
        QVERIFY(!called); // always answered later, never from inside the call
        QTRY_VERIFY(r.has_value());
        QCOMPARE(r->status, Status::InvalidArgument);
        QVERIFY(!r->errorText.isEmpty());
        QVERIFY(m_store->list(workspace).isEmpty());
    }

    void destroyedContext_getsNoCallback()
    {
        const QString ws = newWorkspace();
        bool called = false;
        auto* context = new QObject;
        m_store->read(ws, QStringLiteral("ANY"), context, [&](const SecretStore::Result&) { called = true; });
        delete context;
        // QtKeychain runs one job at a time: once this later read has answered, the first one has too.
        QCOMPARE(read(ws, QStringLiteral("ANY")).status, Status::NotFound);
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }

    void resolveFromKeychain_isTheThirdTier()
    {
        const QString ws = newWorkspace();
        QVERIFY(write(ws, QStringLiteral("TB_T_OVERRIDDEN"), "canary-tier-keychain-1").ok());
        QVERIFY(write(ws, QStringLiteral("TB_T_IN_ENV"), "canary-tier-keychain-2").ok());
        QVERIFY(write(ws, QStringLiteral("TB_T_KEYCHAIN_ONLY"), "canary-tier-keychain-3").ok());
        qputenv("TB_T_IN_ENV", "from-environment");
        qunsetenv("TB_T_KEYCHAIN_ONLY");
        qunsetenv("TB_T_NOWHERE");

        Block backend{BlockType::Backend, QStringLiteral("billing"),
                      {{QStringLiteral("origin"), QStringLiteral("env.TB_T_IN_ENV")}}, {}};
        backend.blocks.append(Block{BlockType::OAuth2, {},
                                    {{QStringLiteral("client_id"), QStringLiteral("env.TB_T_OVERRIDDEN")},
                                     {QStringLiteral("client_secret"), QStringLiteral("env.TB_T_KEYCHAIN_ONLY")},
                                     {QStringLiteral("scope"), QStringLiteral("env.TB_T_NOWHERE")},
                                     {QStringLiteral("token_endpoint"), QStringLiteral("https://as/token")}},
                                    {}});
        const auto refs = secretReferences(backend);
        QCOMPARE(refs.size(), 4);
        QCOMPARE(refs.at(0).location, QStringLiteral("backend \"billing\" origin"));

        ValueResolver resolver;
        resolver.setOverride(QStringLiteral("TB_T_OVERRIDDEN"), QStringLiteral("from-override"));
        std::optional<KeychainResolution> result;
        resolveFromKeychain(m_store, ws, refs, &resolver, this, [&](const KeychainResolution& r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
        QVERIFY(result->keychainAsked);
        QCOMPARE(result->fromKeychain, QStringList{QStringLiteral("TB_T_KEYCHAIN_ONLY")});
        QCOMPARE(resolver.lookup(QStringLiteral("TB_T_OVERRIDDEN")).value_or(QString()), QStringLiteral("from-override"));
        QCOMPARE(resolver.lookup(QStringLiteral("TB_T_IN_ENV")).value_or(QString()), QStringLiteral("from-environment"));
        QCOMPARE(resolver.lookup(QStringLiteral("TB_T_KEYCHAIN_ONLY")).value_or(QString()), QStringLiteral("canary-tier-keychain-3"));
        QCOMPARE(resolver.sourceOf(QStringLiteral("TB_T_KEYCHAIN_ONLY")), ValueResolver::Source::Keychain);
        QCOMPARE(resolver.resolve(QStringLiteral("env.TB_T_KEYCHAIN_ONLY")).source, ValueResolver::Source::Keychain);
        QCOMPARE(resolver.sourceOf(QStringLiteral("TB_T_IN_ENV")), ValueResolver::Source::Environment);
        QVERIFY(!result->ok());
        QCOMPARE(result->missing.size(), 1);
        QCOMPARE(result->missing.constFirst().variable, QStringLiteral("TB_T_NOWHERE"));
        const QString message = result->messages().join(u'\n');
        QVERIFY2(message.contains(QStringLiteral("TB_T_NOWHERE")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("backend \"billing\" oauth2.scope")), qPrintable(message));
        qunsetenv("TB_T_IN_ENV");
    }

    void resolveFromKeychain_allResolved_doesNotAskTheKeychain()
    {
        ValueResolver resolver;
        resolver.setOverride(QStringLiteral("X"), QStringLiteral("y"));
        const QList<SecretReference> refs{{QStringLiteral("X"), {}, {}, QStringLiteral("client_secret"), {}}};
        std::optional<KeychainResolution> result;
        // An invalid workspace id would fail if the keychain were asked.
        resolveFromKeychain(m_store, QStringLiteral("::invalid::"), refs, &resolver, this,
                            [&](const KeychainResolution& r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->ok());
        QVERIFY(!result->keychainAsked);
    }

    void deadSessionBus_reportsNoSecretService()
    {
        QTemporaryDir dir;
        const QString index = dir.filePath(QStringLiteral("index.ini"));
        const ProbeRun run = runProbe(QStringLiteral("unix:path=") + dir.filePath(QStringLiteral("no-bus-here")),
                                      index, 10000);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.lines.value(QStringLiteral("availability")), QStringLiteral("NoSecretService"));
        QCOMPARE(run.lines.value(QStringLiteral("write")), QStringLiteral("NoSecretService"));
        QCOMPARE(run.lines.value(QStringLiteral("read")), QStringLiteral("NoSecretService"));
        // After the first failure the batch does not ask again for the second name.
        QCOMPARE(run.lines.value(QStringLiteral("readmany")), QStringLiteral("2 NoSecretService"));
        QVERIFY(!run.lines.value(QStringLiteral("detail")).isEmpty());
        QCOMPARE(run.lines.value(QStringLiteral("index")), QString());
        // Never a plain-text fallback: nothing was written anywhere.
        QVERIFY(!QFile::exists(index));
    }

    void silentSessionBus_timesOutWithAClearError()
    {
        // A bus that accepts connections and never answers: the D-Bus handshake hangs.
        QTemporaryDir dir;
        QLocalServer silent;
        QVERIFY(silent.listen(dir.filePath(QStringLiteral("silent-bus"))));
        QList<QLocalSocket*> held;
        connect(&silent, &QLocalServer::newConnection, this, [&] {
            while (QLocalSocket* s = silent.nextPendingConnection())
                held << s;
        });
        const ProbeRun run = runProbe(QStringLiteral("unix:path=") + silent.fullServerName(),
                                      dir.filePath(QStringLiteral("index.ini")), 1000);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.lines.value(QStringLiteral("availability")), QStringLiteral("NotResponding"));
        QCOMPARE(run.lines.value(QStringLiteral("write")), QStringLiteral("TimedOut"));
        QCOMPARE(run.lines.value(QStringLiteral("index")), QString());
        QVERIFY(!held.isEmpty()); // it did try to talk to the bus
    }

    void advice_tellsWhatToDo()
    {
        QVERIFY(SecretStore::adviceFor(SecretStore::Availability::NoSecretService)
                    .contains(QStringLiteral("Secret Service")));
        QVERIFY(SecretStore::adviceFor(SecretStore::Availability::Locked).contains(QStringLiteral("Unlock")));
        QVERIFY(SecretStore::adviceFor(SecretStore::Availability::Available).isEmpty());
    }

    // Last (functions run in declaration order): no value written by the tests above is in any file
    // this process could have written (index, settings, caches) — the keyring's own file is encrypted.
    void zz_noValueInAnyFile()
    {
        QStringList roots{m_dir.path(), QString::fromLocal8Bit(qgetenv("XDG_CONFIG_HOME")),
                          QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                          QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)};
        const QString keyrings = QString::fromLocal8Bit(qgetenv("XDG_DATA_HOME")) + QStringLiteral("/keyrings");
        if (qEnvironmentVariableIsSet("XDG_DATA_HOME"))
            roots << keyrings;
        QVERIFY(QFile::exists(m_store->indexPath()));
        int scanned = 0;
        for (const QString& root : std::as_const(roots)) {
            if (root.isEmpty() || !QFileInfo(root).isDir())
                continue;
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                if (f.size() > 16 * 1024 * 1024 || !f.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray content = f.readAll();
                ++scanned;
                for (const QByteArray& canary : std::as_const(m_canaries)) {
                    if (canary.size() >= 8 && canary.startsWith("canary"))
                        QVERIFY2(!content.contains(canary),
                                 qPrintable(QStringLiteral("a secret value is in %1").arg(f.fileName())));
                }
            }
        }
        QVERIFY(scanned > 0);
        // The index holds names.
        QFile index(m_store->indexPath());
        QVERIFY(index.open(QIODevice::ReadOnly));
        QVERIFY(index.readAll().contains("HAVE_1"));
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
