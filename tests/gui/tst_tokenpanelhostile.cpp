// The token card shows what a server sent as data: control characters escaped, never rich text
// (issue 13, item 8).
#include "tokenpanel.h"

#include "net/tokenclient.h"
#include "util/testsupport.h"

#include <QLabel>
#include <QTest>

using namespace Tokenbench;

class TestTokenPanelHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Test::initTestEnvironment(); }

    void serverText_isEscapedAndPlain()
    {
        Tokenbench::Ui::TokenPanel panel;
        panel.resize(900, 700);
        panel.show();
        Core::TokenResult r;
        r.status = Core::TokenResult::Status::Success;
        r.obtainedAt = QDateTime::currentDateTimeUtc();
        r.response.accessToken = QStringLiteral("abc.def.ghi");
        r.response.tokenType = QStringLiteral("<b>Bearer</b>\x1b[2J\x07");
        panel.setResult(r, {});
        auto* type = panel.findChild<QLabel*>(QStringLiteral("typeValueLabel"));
        QVERIFY(type);
        QCOMPARE(type->textFormat(), Qt::PlainText);
        QVERIFY2(!type->text().contains(QChar(0x1b)) && !type->text().contains(QChar(0x07)), qPrintable(type->text()));
        QVERIFY2(type->text().contains(QStringLiteral("<b>Bearer</b>\\x1b[2J")), qPrintable(type->text()));

        panel.setVerification(QStringLiteral("refused: kid \"\x1b]0;owned\x07\""), false);
        auto* signature = panel.findChild<QLabel*>(QStringLiteral("signatureValueLabel"));
        QVERIFY(signature);
        QVERIFY2(!signature->text().contains(QChar(0x1b)), qPrintable(signature->text()));
        QVERIFY(signature->text().contains(QStringLiteral("\\x1b]0;owned")));
    }
};

QTEST_MAIN(TestTokenPanelHostile)
#include "tst_tokenpanelhostile.moc"
