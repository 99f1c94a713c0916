// Kyma TokenRequest: the YAML written is read by an independent YAML parser (PyYAML) field by field;
// fetched resources (YAML as kubectl writes it, and JSON) are read with their status.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include "export/kymatokenrequest.h"
#include "util/testsupport.h"

using namespace Tokenbench::Core::Export;

class TestKymaTokenRequest : public QObject
{
    Q_OBJECT

    // PyYAML's reading of `yaml`, as JSON.
    static QJsonObject pyyaml(const QString& yaml, QString* error)
    {
        QProcess p;
        p.start(QStringLiteral("python3"),
                {QStringLiteral("-c"), QStringLiteral("import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))")});
        if (!p.waitForStarted(10000)) {
            *error = QStringLiteral("python3 not available");
            return {};
        }
        p.write(yaml.toUtf8());
        p.closeWriteChannel();
        p.waitForFinished(30000);
        if (p.exitCode() != 0)
            *error = QString::fromUtf8(p.readAllStandardError());
        return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        QProcess p;
        p.start(QStringLiteral("python3"), {QStringLiteral("-c"), QStringLiteral("import yaml")});
        if (!p.waitForFinished(10000) || p.exitCode() != 0)
            QSKIP("python3 with PyYAML is needed as the independent YAML reader");
    }

    void yaml_readByPyYaml_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QString>("group");
        QTest::newRow("plain") << QStringLiteral("acme") << QStringLiteral("production");
        QTest::newRow("looks-like-bool") << QStringLiteral("yes") << QStringLiteral("off");
        QTest::newRow("number") << QStringLiteral("0123") << QStringLiteral("1e3");
        QTest::newRow("special") << QStringLiteral("a: b # c") << QStringLiteral("\"quoted\" \\ back'slash");
        QTest::newRow("leading") << QStringLiteral("- dash") << QStringLiteral("*star &amp {x} [y] %p @at `tick");
        QTest::newRow("unicode-and-control") << QStringLiteral("gr\u00fc\u00dfe") << QStringLiteral("tab\there\nline");
        QTest::newRow("null-words") << QStringLiteral("null") << QStringLiteral("~");
        QTest::newRow("trailing-space") << QStringLiteral("x ") << QStringLiteral(" y");
    }

    void yaml_readByPyYaml()
    {
        QFETCH(QString, tenant);
        QFETCH(QString, group);
        auto yaml = toYaml({QStringLiteral("my-app.v2"), tenant, group});
        QVERIFY(yaml.ok());
        QString error;
        const QJsonObject o = pyyaml(yaml.value(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error + yaml.value()));
        QCOMPARE(o.value(QStringLiteral("apiVersion")).toString(), QStringLiteral("applicationconnector.kyma-project.io/v1alpha1"));
        QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("TokenRequest"));
        QCOMPARE(o.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("my-app.v2"));
        const QJsonObject context = o.value(QStringLiteral("context")).toObject();
        QCOMPARE(context.value(QStringLiteral("tenant")), QJsonValue(tenant));
        QCOMPARE(context.value(QStringLiteral("group")), QJsonValue(group));
        // Our own reader agrees.
        auto mine = parseSimpleYaml(yaml->toUtf8());
        QVERIFY(mine.ok());
        QCOMPARE(mine->toObject().value(QStringLiteral("context")).toObject(), context);
    }

    void yaml_withoutContext_andBadNames()
    {
        auto yaml = toYaml({QStringLiteral("app"), {}, {}});
        QVERIFY(yaml.ok());
        QVERIFY(!yaml->contains(QStringLiteral("context")));
        QVERIFY(!toYaml({QStringLiteral("My_App"), {}, {}}).ok());
        QVERIFY(!toYaml({QString(), {}, {}}).ok());
        QVERIFY(!toYaml({QStringLiteral("-app"), {}, {}}).ok());
    }

    void status_fromKubectlYaml()
    {
        const QByteArray yaml =
            "apiVersion: applicationconnector.kyma-project.io/v1alpha1\n"
            "kind: TokenRequest\n"
            "metadata:\n"
            "  creationTimestamp: \"2026-11-22T01:00:00Z\"\n"
            "  managedFields:\n"
            "  - apiVersion: applicationconnector.kyma-project.io/v1alpha1\n"
            "    fieldsType: FieldsV1\n"
            "    fieldsV1:\n"
            "      f:context: {}\n"
            "  name: my-app   # the Application\n"
            "  namespace: default\n"
            "context:\n"
            "  group: 'it''s'\n"
            "  tenant: acme\n"
            "status:\n"
            "  application: my-app\n"
            "  expireAfter: \"2026-11-22T01:05:00Z\"\n"
            "  state: OK\n"
            "  token: Xy_12-ab\n"
            "  url: https://connector-service.kyma.example.com/v1/applications/signingRequests/info?token=Xy_12-ab\n";
        auto s = readTokenRequest(yaml);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
        QCOMPARE(s->application, QStringLiteral("my-app"));
        QCOMPARE(s->group, QStringLiteral("it's"));
        QCOMPARE(s->tenant, QStringLiteral("acme"));
        QVERIFY(s->ok());
        QCOMPARE(s->token, QStringLiteral("Xy_12-ab"));
        QVERIFY(s->url.endsWith(QStringLiteral("?token=Xy_12-ab")));
        const QDateTime now = QDateTime::fromString(QStringLiteral("2026-11-22T01:04:00Z"), Qt::ISODate);
        QCOMPARE(s->secondsLeft(now), std::optional<qint64>(60));
        QCOMPARE(s->secondsLeft(now.addSecs(120)), std::optional<qint64>(-60));
    }

    void status_fromJson_andErrors()
    {
        auto s = readTokenRequest("{\"apiVersion\":\"applicationconnector.kyma-project.io/v1alpha1\",\"kind\":\"TokenRequest\","
                                  "\"metadata\":{\"name\":\"a\"},\"status\":{\"state\":\"ERR\"}}");
        QVERIFY(s.ok());
        QVERIFY(!s->ok());
        QCOMPARE(s->state, QStringLiteral("ERR"));
        QVERIFY(!s->secondsLeft(QDateTime::currentDateTimeUtc()));
        QVERIFY(!readTokenRequest("kind: Pod\napiVersion: v1\n").ok());
        QVERIFY(!readTokenRequest("{broken").ok());
        QVERIFY(!readTokenRequest("apiVersion: applicationconnector.kyma-project.io/v1alpha1\nkind: TokenRequest\nstatus:\n  "
                                  "expireAfter: tomorrow\n").ok());
        auto bad = readTokenRequest("kind: TokenRequest\n  oops: 1\n");
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QStringLiteral("line 2")));
    }
};

QTEST_GUILESS_MAIN(TestKymaTokenRequest)
#include "tst_kymatokenrequest.moc"
