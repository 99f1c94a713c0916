#include "util/securebytes.h"
#include "util/testsupport.h"

#include <QTest>

using Tokenbench::Core::SecureBytes;

class TestSecureBytes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Tokenbench::Test::initTestEnvironment(); }

    void construct_holdsBytesWithTerminatingNul()
    {
        const SecureBytes s(QByteArrayView("se\0cret", 7));
        QCOMPARE(s.size(), 7);
        QCOMPARE(s.view(), QByteArrayView("se\0cret", 7));
        QCOMPARE(s.constData()[7], '\0');
    }

    void empty_givesEmptyCString()
    {
        const SecureBytes s;
        QVERIFY(s.isEmpty());
        QCOMPARE(QByteArrayView(s.constData()), QByteArrayView(""));
    }

    void copy_isIndependent()
    {
        SecureBytes a(QByteArrayView("one"));
        const SecureBytes b = a;
        a.clear();
        QVERIFY(a.isEmpty());
        QCOMPARE(b.view(), QByteArrayView("one"));
        QVERIFY(b.constData() != a.constData());
    }

    void move_leavesSourceEmpty()
    {
        SecureBytes a(QByteArrayView("two"));
        SecureBytes b = std::move(a);
        QVERIFY(a.isEmpty()); // NOLINT(bugprone-use-after-move): moved-from state is specified
        QCOMPARE(b.view(), QByteArrayView("two"));
    }

    void fromUtf8_encodesText()
    {
        const SecureBytes s = SecureBytes::fromUtf8(QStringLiteral("p\u00e4ss"));
        QCOMPARE(s.view(), QByteArrayView("p\xc3\xa4ss"));
    }

    void equals_comparesContentsAndSize()
    {
        const SecureBytes s(QByteArrayView("abc"));
        QVERIFY(s.equals(QByteArrayView("abc")));
        QVERIFY(!s.equals(QByteArrayView("abd")));
        QVERIFY(!s.equals(QByteArrayView("ab")));
        QVERIFY(s == SecureBytes(QByteArrayView("abc")));
    }
};

QTEST_GUILESS_MAIN(TestSecureBytes)
#include "tst_securebytes.moc"
