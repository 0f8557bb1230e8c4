#include "desk/price.h"

#include <QTest>

using namespace cloudex::desk;

class TestPrice : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ticks"); // -1: refused
        QTest::newRow("whole euros") << u"12"_qs << 120000LL;
        QTest::newRow("four decimals") << u"0.1250"_qs << 1250LL;
        QTest::newRow("one tick") << u"0.0001"_qs << 1LL;
        QTest::newRow("short fraction") << u"1.5"_qs << 15000LL;
        QTest::newRow("comma") << u"1,25"_qs << 12500LL;
        QTest::newRow("spaces around") << u" 3.0 "_qs << 30000LL;
        QTest::newRow("leading separator") << u".5"_qs << 5000LL;
        QTest::newRow("five decimals") << u"0.00001"_qs << -1LL;
        QTest::newRow("negative") << u"-1"_qs << -1LL;
        QTest::newRow("two separators") << u"1.2.3"_qs << -1LL;
        QTest::newRow("letters") << u"12a"_qs << -1LL;
        QTest::newRow("exponent") << u"1e3"_qs << -1LL;
        QTest::newRow("empty") << QString() << -1LL;
        QTest::newRow("only separator") << u"."_qs << -1LL;
        QTest::newRow("overflow") << u"99999999999999999999"_qs << -1LL;
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ticks);
        const auto parsed = parsePriceTicks(text);
        if (ticks < 0) {
            QVERIFY2(!parsed, qPrintable(QString::number(parsed.value_or(0))));
        } else {
            QVERIFY(parsed.has_value());
            QCOMPARE(*parsed, ticks);
        }
    }

    void formatRoundTrips()
    {
        for (qint64 ticks : {0LL, 1LL, 1250LL, 120000LL, 987654321LL}) {
            const QString text = formatPriceTicks(ticks);
            QCOMPARE(text.section(u'.', 1).size(), 4);
            QCOMPARE(parsePriceTicks(text).value_or(-1), ticks);
        }
        QCOMPARE(formatPriceTicks(1250), u"0.1250"_qs);
        QCOMPARE(formatPriceTicks(-15), u"-0.0015"_qs);
    }
};

QTEST_GUILESS_MAIN(TestPrice)
#include "tst_price.moc"
