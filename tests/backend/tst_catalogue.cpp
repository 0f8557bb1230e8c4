#include "catalogue/catalogue.h"

#include <QDateTime>
#include <QLocale>
#include <QTest>
#include <QTimeZone>

using namespace cloudex::catalogue;

namespace {
qint64 utc(int y, int m, int d, int h = 0, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC).toSecsSinceEpoch();
}
} // namespace

class TestCatalogue : public QObject
{
    Q_OBJECT

private slots:
    void periodContaining_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<qint64>("at");
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");

        QTest::newRow("hour") << int(PeriodKind::Hour) << utc(2026, 12, 1, 14, 37) << u"H2026-12-01T14"_qs
                              << utc(2026, 12, 1, 14) << utc(2026, 12, 1, 15);
        QTest::newRow("last hour of year")
            << int(PeriodKind::Hour) << utc(2026, 12, 31, 23, 59) << u"H2026-12-31T23"_qs
            << utc(2026, 12, 31, 23) << utc(2027, 1, 1);
        QTest::newRow("day") << int(PeriodKind::Day) << utc(2026, 12, 1, 14) << u"D2026-12-01"_qs
                             << utc(2026, 12, 1) << utc(2026, 12, 2);
        // 2026-12-01 is a Tuesday in ISO week 49.
        QTest::newRow("week") << int(PeriodKind::Week) << utc(2026, 12, 1, 14) << u"W2026-W49"_qs
                              << utc(2026, 11, 30) << utc(2026, 12, 7);
        // 2027-01-01 is a Friday: it belongs to ISO week 53 of 2026.
        QTest::newRow("week across new year") << int(PeriodKind::Week) << utc(2027, 1, 1) << u"W2026-W53"_qs
                                              << utc(2026, 12, 28) << utc(2027, 1, 4);
        QTest::newRow("month") << int(PeriodKind::Month) << utc(2026, 12, 15) << u"M2026-12"_qs
                               << utc(2026, 12, 1) << utc(2027, 1, 1);
        QTest::newRow("february leap") << int(PeriodKind::Month) << utc(2028, 2, 29) << u"M2028-02"_qs
                                       << utc(2028, 2, 1) << utc(2028, 3, 1);
        QTest::newRow("quarter") << int(PeriodKind::Quarter) << utc(2026, 11, 28) << u"Q2026-Q4"_qs
                                 << utc(2026, 10, 1) << utc(2027, 1, 1);
    }

    void periodContaining()
    {
        QFETCH(int, kind);
        QFETCH(qint64, at);
        QFETCH(QString, code);
        QFETCH(qint64, start);
        QFETCH(qint64, end);

        const DeliveryPeriod period = DeliveryPeriod::containing(PeriodKind(kind), at);
        QCOMPARE(period.code(), code);
        QCOMPARE(period.startSecs(), start);
        QCOMPARE(period.endSecs(), end);
        QCOMPARE(period.next().previous(), period);

        // Codes are absolute: parsing gives back the same period.
        const auto parsed = DeliveryPeriod::parse(code);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(*parsed, period);
    }

    void periodParseRejects_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QString();
        QTest::newRow("unknown kind") << u"X2026-12"_qs;
        QTest::newRow("hour 24") << u"H2026-12-01T24"_qs;
        QTest::newRow("february 30") << u"D2026-02-30"_qs;
        QTest::newRow("month 13") << u"M2026-13"_qs;
        QTest::newRow("quarter 5") << u"Q2026-Q5"_qs;
        QTest::newRow("week 0") << u"W2026-W00"_qs;
        QTest::newRow("week 54") << u"W2026-W54"_qs;
        QTest::newRow("week 53 of a 52-week year") << u"W2025-W53"_qs;
        QTest::newRow("trailing text") << u"D2026-12-01x"_qs;
        QTest::newRow("lower case") << u"m2026-12"_qs;
    }

    void periodParseRejects()
    {
        QFETCH(QString, code);
        const auto parsed = DeliveryPeriod::parse(code);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, u"period.invalid"_qs);
        QVERIFY(parsed.error().message.contains(code));
    }

    void alias_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<QString>("alias");
        const qint64 now = utc(2026, 12, 1, 14, 20);
        QTest::newRow("front hour") << u"H2026-12-01T15"_qs << now << u"H+1"_qs;
        QTest::newRow("third hour") << u"H2026-12-01T17"_qs << now << u"H+3"_qs;
        QTest::newRow("hour in delivery") << u"H2026-12-01T14"_qs << now << QString();
        QTest::newRow("tomorrow") << u"D2026-12-02"_qs << now << u"D+1"_qs;
        QTest::newRow("next month") << u"M2027-01"_qs << now << u"M+1"_qs;
        QTest::newRow("second quarter ahead") << u"Q2027-Q2"_qs << now << u"Q+2"_qs;
    }

    void alias()
    {
        QFETCH(QString, code);
        QFETCH(qint64, now);
        QFETCH(QString, alias);
        QCOMPARE(DeliveryPeriod::parse(code)->alias(now), alias);
    }

    void listedPeriodsFollowTheHorizon()
    {
        const qint64 now = utc(2026, 12, 1, 14, 20);
        const ListingHorizon horizon{3, 2, 1, 1, 1};
        const QList<DeliveryPeriod> periods = listedPeriods(horizon, now);
        QStringList codes;
        for (const DeliveryPeriod &p : periods)
            codes.append(p.code());
        QCOMPARE(codes, (QStringList{u"H2026-12-01T15"_qs, u"H2026-12-01T16"_qs, u"H2026-12-01T17"_qs,
                                     u"D2026-12-02"_qs, u"D2026-12-03"_qs, u"W2026-W50"_qs, u"M2027-01"_qs,
                                     u"Q2027-Q1"_qs}));
        for (const DeliveryPeriod &p : periods)
            QVERIFY2(p.startSecs() > now, qPrintable(p.code()));
    }

    void productSymbols_data()
    {
        QTest::addColumn<QString>("symbol");
        QTest::addColumn<QString>("error"); // empty: valid
        QTest::newRow("design example") << u"DE.GP2.SH.S1"_qs << QString();
        QTest::newRow("exclusive S3") << u"EU.GP2.EX.S3"_qs << QString();
        QTest::newRow("unknown region") << u"XX.GP2.SH.S1"_qs << u"unknown region XX"_qs;
        QTest::newRow("unknown class") << u"DE.GP3.SH.S1"_qs << u"unknown instance class GP3"_qs;
        QTest::newRow("unknown tenancy") << u"DE.GP2.XX.S1"_qs << u"unknown tenancy XX"_qs;
        QTest::newRow("unknown sla") << u"DE.GP2.SH.S4"_qs << u"unknown SLA class S4"_qs;
        QTest::newRow("too short") << u"DE.GP2.SH"_qs << u"expected REGION.CLASS.TENANCY.SLA"_qs;
    }

    void productSymbols()
    {
        QFETCH(QString, symbol);
        QFETCH(QString, error);
        const auto product = Catalogue::standard().parseProduct(symbol);
        if (error.isEmpty()) {
            QVERIFY(product.ok());
            QCOMPARE(product->symbol(), symbol);
        } else {
            QVERIFY(!product.ok());
            QCOMPARE(product.error().code, u"symbol.invalid"_qs);
            QVERIFY2(product.error().message.contains(error), qPrintable(product.error().message));
        }
    }

    void instrumentSymbolRoundTrip()
    {
        const auto instrument = Catalogue::standard().parseInstrument(u"DE.GP2.SH.S1.H2026-12-01T14");
        QVERIFY(instrument.ok());
        QCOMPARE(instrument->product.regionCode, u"DE"_qs);
        QCOMPARE(instrument->product.tenancy, Tenancy::Shared);
        QCOMPARE(instrument->period.kind(), PeriodKind::Hour);
        QCOMPARE(instrument->symbol(), u"DE.GP2.SH.S1.H2026-12-01T14"_qs);
        QVERIFY(!Catalogue::standard().parseInstrument(u"DE.GP2.SH.S1.H2026-12-01T99").ok());
        QVERIFY(!Catalogue::standard().parseInstrument(u"DE.GP2.SH.S1").ok());
    }

    void catalogueIsComplete()
    {
        const Catalogue &c = Catalogue::standard();
        const InstanceClass *gp2 = c.findClass(u"GP2");
        QVERIFY(gp2);
        QCOMPARE(gp2->vcpus, 2);
        QCOMPARE(gp2->memoryMiB, 8 * 1024);
        QCOMPARE(gp2->diskGiB, 50);
        QCOMPARE(c.products().size(), c.regions().size() * c.instanceClasses().size() * 3 * 3);
    }

    void slaCredits_data()
    {
        QTest::addColumn<int>("sla");
        QTest::addColumn<int>("measured");
        QTest::addColumn<int>("credit");
        QTest::newRow("S1 met") << int(SlaClass::S1) << 9950 << 0;
        QTest::newRow("S1 just missed") << int(SlaClass::S1) << 9949 << 10;
        QTest::newRow("S1 below 99") << int(SlaClass::S1) << 9899 << 25;
        QTest::newRow("S2 met") << int(SlaClass::S2) << 9990 << 0;
        QTest::newRow("S2 missed") << int(SlaClass::S2) << 9950 << 10;
        QTest::newRow("S3 below 99") << int(SlaClass::S3) << 9899 << 50;
        QTest::newRow("S3 outage") << int(SlaClass::S3) << 9000 << 100;
    }

    void slaCredits()
    {
        QFETCH(int, sla);
        QFETCH(int, measured);
        QFETCH(int, credit);
        QCOMPARE(slaTerms(SlaClass(sla)).creditPercentFor(measured), credit);
    }

    void slaTermsMatchDesign()
    {
        QCOMPARE(slaTerms(SlaClass::S1).availabilityText(), u"99.5 %"_qs);
        QCOMPARE(slaTerms(SlaClass::S2).availabilityText(), u"99.9 %"_qs);
        QCOMPARE(slaTerms(SlaClass::S3).availabilityText(), u"99.95 %"_qs);
        // People in Germany read a decimal comma.
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(slaTerms(SlaClass::S1).availabilityText(), u"99,5 %"_qs);
        QCOMPARE(slaTerms(SlaClass::S3).availabilityText(), u"99,95 %"_qs);
        QCOMPARE(basisPointsText(10000), u"100,0 %"_qs);
        QLocale::setDefault(before);
        QVERIFY(slaTerms(SlaClass::S1).nextBusinessDaySupport);
        QCOMPARE(slaTerms(SlaClass::S2).supportResponseMinutes, 240);
        QCOMPARE(slaTerms(SlaClass::S3).supportResponseMinutes, 60);
    }
};

QTEST_GUILESS_MAIN(TestCatalogue)
#include "tst_catalogue.moc"
