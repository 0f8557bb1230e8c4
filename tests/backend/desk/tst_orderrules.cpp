// The desk's order rules, row by row: what a ticket may send and what it is told otherwise.
#include "desk/orderrules.h"

#include <QTest>

using namespace cloudex;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kNow = 1'796'130'000;

api::Instrument instrument(qint64 lotSize = 1, qint64 bandLow = 100, qint64 bandHigh = 10'000)
{
    return {u"DE.GP2.SH.S1.H-2026-12-01T14"_s, u"DE.GP2.SH.S1"_s, u"H"_s, kNow + 3600, kNow + 7200,
            lotSize, bandLow, bandHigh};
}

api::OrderRequest order(api::OrderType type, api::TimeInForce tif, std::optional<qint64> price, qint64 quantity)
{
    api::OrderRequest o;
    o.symbol = instrument().symbol;
    o.side = api::Side::Buy;
    o.type = type;
    o.timeInForce = tif;
    o.price = price;
    o.quantity = quantity;
    return o;
}
} // namespace

Q_DECLARE_METATYPE(api::OrderRequest)
Q_DECLARE_METATYPE(api::Instrument)

class TestOrderRules final : public QObject
{
    Q_OBJECT

private slots:
    void check_data()
    {
        QTest::addColumn<api::OrderRequest>("order");
        QTest::addColumn<api::Instrument>("details");
        QTest::addColumn<bool>("known");
        QTest::addColumn<QString>("code"); // empty: accepted
        QTest::addColumn<QString>("field");
        using T = api::TimeInForce;
        const auto limit = api::OrderType::Limit;
        const auto market = api::OrderType::Market;
        const api::Instrument plain = instrument();
        const api::Instrument lots = instrument(5);

        QTest::newRow("limit inside the band") << order(limit, T::GoodTillCancel, 500, 3) << plain << true << QString() << QString();
        QTest::newRow("limit at the band's low edge") << order(limit, T::GoodTillCancel, 100, 3) << plain << true << QString() << QString();
        QTest::newRow("limit at the band's high edge") << order(limit, T::GoodTillCancel, 10'000, 3) << plain << true << QString() << QString();
        QTest::newRow("limit below the band") << order(limit, T::GoodTillCancel, 99, 3) << plain << true
                                              << u"order.price-outside-band"_s << u"price"_s;
        QTest::newRow("limit above the band") << order(limit, T::ImmediateOrCancel, 10'001, 3) << plain << true
                                              << u"order.price-outside-band"_s << u"price"_s;
        QTest::newRow("band unknown: any price") << order(limit, T::GoodTillCancel, 1, 3) << plain << false << QString() << QString();
        QTest::newRow("instrument without a band") << order(limit, T::GoodTillCancel, 1, 3) << instrument(1, 0, 0) << true
                                                   << QString() << QString();
        QTest::newRow("limit without a price") << order(limit, T::GoodTillCancel, std::nullopt, 3) << plain << true
                                               << u"order.bad-price"_s << u"price"_s;
        QTest::newRow("limit at zero") << order(limit, T::GoodTillCancel, 0, 3) << plain << false << u"order.bad-price"_s
                                       << u"price"_s;
        QTest::newRow("negative price") << order(limit, T::FillOrKill, -5, 3) << plain << true << u"order.bad-price"_s
                                        << u"price"_s;
        QTest::newRow("market, immediate or cancel") << order(market, T::ImmediateOrCancel, std::nullopt, 3) << plain << true
                                                     << QString() << QString();
        QTest::newRow("market, fill or kill") << order(market, T::FillOrKill, std::nullopt, 3) << plain << true << QString()
                                              << QString();
        QTest::newRow("market, good till cancelled") << order(market, T::GoodTillCancel, std::nullopt, 3) << plain << true
                                                     << u"order.invalid-type"_s << u"timeInForce"_s;
        QTest::newRow("market, good till date") << order(market, T::GoodTillDate, std::nullopt, 3) << plain << true
                                                << u"order.invalid-type"_s << u"timeInForce"_s;
        QTest::newRow("market ignores the band") << order(market, T::ImmediateOrCancel, 1, 3) << plain << true << QString()
                                                 << QString();
        QTest::newRow("whole lots") << order(limit, T::GoodTillCancel, 500, 10) << lots << true << QString() << QString();
        QTest::newRow("part of a lot") << order(limit, T::GoodTillCancel, 500, 7) << lots << true << u"order.bad-lot"_s
                                       << u"quantity"_s;
        QTest::newRow("lot size unknown") << order(limit, T::GoodTillCancel, 500, 7) << lots << false << QString() << QString();
        QTest::newRow("zero quantity") << order(limit, T::GoodTillCancel, 500, 0) << plain << true << u"order.bad-quantity"_s
                                       << u"quantity"_s;
        api::OrderRequest future = order(limit, T::GoodTillDate, 500, 1);
        future.expiry = kNow + 60;
        QTest::newRow("expiry in the future") << future << plain << true << QString() << QString();
        api::OrderRequest past = future;
        past.expiry = kNow;
        QTest::newRow("expiry now") << past << plain << true << u"order.bad-expiry"_s << u"expiry"_s;
        api::OrderRequest none = future;
        none.expiry.reset();
        QTest::newRow("good till date without expiry") << none << plain << true << u"order.bad-expiry"_s << u"expiry"_s;
    }

    void check()
    {
        QFETCH(api::OrderRequest, order);
        QFETCH(api::Instrument, details);
        QFETCH(bool, known);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const Result<void> checked = desk::OrderRules::check(order, known ? &details : nullptr, kNow);
        if (code.isEmpty()) {
            QVERIFY2(checked.ok(), qPrintable(checked.ok() ? QString() : checked.error().code));
            return;
        }
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error().code, code);
        QCOMPARE(checked.error().field, field);
        QVERIFY(!checked.error().message.isEmpty());
    }

    void normalizedDropsWhatTheOrderDoesNotTake()
    {
        api::OrderRequest o = order(api::OrderType::Market, api::TimeInForce::ImmediateOrCancel, 500, 1);
        o.postOnly = true;
        o.expiry = kNow;
        o.requirements = api::Requirements{};
        const api::OrderRequest n = desk::OrderRules::normalized(o);
        QCOMPARE(n.price, std::nullopt);
        QCOMPARE(n.expiry, std::nullopt);
        QVERIFY(!n.postOnly);
        QCOMPARE(n.requirements, std::nullopt);

        api::OrderRequest kept = order(api::OrderType::Limit, api::TimeInForce::GoodTillDate, 500, 1);
        kept.expiry = kNow + 1;
        kept.postOnly = true;
        kept.requirements = api::Requirements{{u"DE"_s}, {}, {}};
        QCOMPARE(desk::OrderRules::normalized(kept), kept);
    }
};

QTEST_GUILESS_MAIN(TestOrderRules)
#include "tst_orderrules.moc"
