// The offers' trader against a real exchange (a LocalExchange over mutual TLS in this
// thread): its asks appear in the book with the planned quantity and price, re-price when the
// spot index moves (not before the throttle allows), shrink when contracts take capacity (a
// contract the site holds, and a buyer taking part of an ask), never re-sell what a buyer took
// while an ask was being changed (the fill is forced in between), and leave the book when the
// offer goes.
#include "exchangetestsupport.h"

#include "connect/offertrader.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>

using namespace cloudex;
using namespace cloudex::connect;
using namespace exchangetest;

namespace {
const QString kTrader = QStringLiteral("p-trader");
const QString kBuyer = QStringLiteral("p-buyer");
const QString kSeller = QStringLiteral("p-seller");
constexpr int kRepriceSeconds = 2;

QByteArray limit(const QString &symbol, const QString &side, qint64 price, qint64 quantity,
                 const QString &tif)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("symbol"), symbol},
                                     {QStringLiteral("side"), side},
                                     {QStringLiteral("type"), QStringLiteral("limit")},
                                     {QStringLiteral("timeInForce"), tif},
                                     {QStringLiteral("price"), price},
                                     {QStringLiteral("quantity"), quantity}})
        .toJson(QJsonDocument::Compact);
}
} // namespace

class TestOfferTrader : public QObject
{
    Q_OBJECT

    Fixture m_fixture;
    OfferTrader::Site m_site;
    std::unique_ptr<OfferTrader> m_trader;
    QStringList m_hours; ///< the open hourly instruments, front first
    /// Started before the asks were first placed: the re-pricing throttle runs from then.
    QElapsedTimer m_placed;

    /// The asks in the book of `symbol`: price → quantity.
    QMap<qint64, qint64> asks(const QString &symbol)
    {
        const CurlResult r =
            m_fixture.curl(kBuyer, QStringLiteral("GET"), QStringLiteral("/v1/market/book/") + symbol);
        QMap<qint64, qint64> result;
        for (const QJsonValue &level : r.json().value(QStringLiteral("asks")).toArray())
            result.insert(level[QStringLiteral("price")].toInteger(),
                          level[QStringLiteral("quantity")].toInteger());
        return result;
    }

    bool runPass()
    {
        QSignalSpy done(m_trader.get(), &OfferTrader::passFinished);
        m_trader->pass();
        return done.wait(20000) && m_trader->state().error.isEmpty();
    }

    void trade(const QString &symbol, qint64 price, qint64 quantity)
    {
        QCOMPARE(m_fixture
                     .curl(kSeller, u"POST"_qs, u"/v1/orders"_qs,
                           limit(symbol, u"sell"_qs, price, quantity, u"gtc"_qs))
                     .status,
                 201);
        QCOMPARE(m_fixture
                     .curl(kBuyer, u"POST"_qs, u"/v1/orders"_qs,
                           limit(symbol, u"buy"_qs, price, quantity, u"ioc"_qs))
                     .status,
                 201);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_fixture.start());
        auto tls = m_fixture.onboard(kTrader);
        QVERIFY(tls);
        for (const QString &symbol : m_fixture.market().openSymbols()) {
            if (symbol.startsWith(kProduct + u".H"))
                m_hours.append(symbol);
        }
        QCOMPARE(m_hours.size(), 3);
        // A spot index to link to: one trade in the front hour at 30000.
        trade(m_hours.at(0), 30'000, 1);
        QCOMPARE(m_fixture.market().spotIndex(kProduct), 30'000);

        // The site: 4 GP2 instances (8 vCPU, 32 GiB) in the shared pool; one spot-linked
        // offer of at most 3 per hour for the next 3 hours, 10 % above spot.
        Offer offer;
        offer.product = kProduct;
        offer.reservedInstances = 3;
        offer.windows = parseOfferWindows(u"H3").value();
        offer.priceMode = Offer::PriceMode::SpotLinked;
        offer.markupBasisPoints = 1000;
        offer.floorTicks = 100;
        m_site.pools = {{QString(), 8, 32768}};
        m_site.offers = {offer};
        m_site.offerPools = {{kProduct, QString()}};
        OfferTrader::Options options;
        options.exchange = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_fixture.service().port()));
        options.tls = *tls;
        options.siteId = u"s-test"_qs;
        options.repriceSeconds = kRepriceSeconds;
        options.intervalMs = 0; // passes only when the test asks
        m_trader = std::make_unique<OfferTrader>(options, [this] { return m_site; });
        QCOMPARE(m_trader->state().participant, kTrader);
    }

    /// What the trader sold of `symbol` (its contracts), in instances.
    qint64 contracted(const QString &symbol)
    {
        qint64 total = 0;
        for (const auto &c : m_fixture.market().contractsOf(kTrader)) {
            if (c.symbol == symbol && c.seller == kTrader)
                total += c.quantity;
        }
        return total;
    }

    qint64 asked(const QString &symbol)
    {
        qint64 total = 0;
        for (const qint64 quantity : asks(symbol))
            total += quantity;
        return total;
    }

    void asksAppearInTheBook()
    {
        m_placed.start();
        QVERIFY(runPass());
        for (const QString &symbol : std::as_const(m_hours))
            QCOMPARE(asks(symbol), (QMap<qint64, qint64>{{33'000, 3}}));
        QCOMPARE(m_trader->state().asks.size(), 3);
        QVERIFY(m_trader->state().asks.at(0).orderId > 0);
        QCOMPARE(m_trader->state().spot.value(kProduct), 30'000);
        // A second pass changes nothing.
        QVERIFY(runPass());
        QCOMPARE(asks(m_hours.at(2)), (QMap<qint64, qint64>{{33'000, 3}}));
    }

    void repricesWhenSpotMovesAfterTheThrottle()
    {
        // Trades at 10000 (below our asks) pull the spot index down.
        trade(m_hours.at(0), 10'000, 3);
        const qint64 spot = m_fixture.market().spotIndex(kProduct);
        QVERIFY2(spot < 30'000, qPrintable(QString::number(spot)));
        const qint64 expected = OfferBook::spotLinkedPrice(spot, 1000, 100, 0).value();
        QVERIFY(runPass());
        // Within the throttle the price stays. The throttle runs from the asks' placement,
        // which m_placed overestimates (it started before), so this holds on a slow machine too.
        if (m_placed.elapsed() < kRepriceSeconds * 1000)
            QCOMPARE(asks(m_hours.at(1)), (QMap<qint64, qint64>{{33'000, 3}}));
        QTest::qWait(kRepriceSeconds * 1000 + 100);
        QVERIFY(runPass());
        for (const QString &symbol : std::as_const(m_hours))
            QCOMPARE(asks(symbol), (QMap<qint64, qint64>{{expected, 3}}));
    }

    void shrinksWhenContractsTakeCapacity()
    {
        // The site holds a contract of 3 instances (another product's, same pool) for the
        // second hour: only 1 of the 4 is left for the ask there.
        const CurlResult instrument =
            m_fixture.curl(kBuyer, u"GET"_qs, u"/v1/instruments?product="_qs + kProduct);
        qint64 start = 0;
        for (const QJsonValue &i : instrument.json().value(u"instruments"_qs).toArray()) {
            if (i[u"symbol"_qs].toString() == m_hours.at(1))
                start = i[u"deliveryStart"_qs].toInteger();
        }
        QVERIFY(start > 0);
        m_site.commitments = {
            {u"c-other"_qs, QString(), u"DE.MO4.SH.S1.x"_qs, start, start + 3600, 1, 6, 24576}};
        QVERIFY(runPass());
        // GP2 = 2 vCPU / 8 GiB: 8 - 6 = 2 vCPU left, 32 - 24 = 8 GiB: one instance.
        const qint64 price = m_trader->state().asks.value(0).price;
        QCOMPARE(asks(m_hours.at(1)), (QMap<qint64, qint64>{{price, 1}}));
        QCOMPARE(asks(m_hours.at(2)), (QMap<qint64, qint64>{{price, 3}}));

        // A buyer takes 2 of the third hour's ask: a contract of the trader. The fill took
        // 2 from the ask; the next pass keeps 1 (cap 3 - 2 contracted), not 3 again.
        QCOMPARE(m_fixture
                     .curl(kBuyer, u"POST"_qs, u"/v1/orders"_qs,
                           limit(m_hours.at(2), u"buy"_qs, price, 2, u"ioc"_qs))
                     .status,
                 201);
        QCOMPARE(asks(m_hours.at(2)), (QMap<qint64, qint64>{{price, 1}}));
        QVERIFY(runPass());
        QCOMPARE(asks(m_hours.at(2)), (QMap<qint64, qint64>{{price, 1}}));
        QCOMPARE(m_trader->state().contracts.size(), 1);
        QCOMPARE(m_trader->state().contracts.at(0).quantity, 2);
        QCOMPARE(m_trader->state().contracts.at(0).buyer, kBuyer);
        // Capacity goes away (a host fails): the asks go down to what is left.
        m_site.pools = {{QString(), 4, 16384}}; // 2 instances; the third hour holds 2 contracted
        QVERIFY(runPass());
        QCOMPARE(asks(m_hours.at(0)), (QMap<qint64, qint64>{{price, 2}}));
        QVERIFY(asks(m_hours.at(1)).isEmpty()); // 6 vCPU contracted of 4
        QVERIFY(asks(m_hours.at(2)).isEmpty()); // 2 of 2 contracted
    }

    void aFillDuringAChangeIsNotSoldAgain()
    {
        // 5 instances free in every hour (10 vCPU, 40 GiB); the offer asks 3.
        m_site.pools = {{QString(), 10, 40960}};
        m_site.commitments.clear();
        m_site.offers[0].reservedInstances = 3;
        QVERIFY(runPass());
        const QString hour = m_hours.at(0);
        QCOMPARE(contracted(hour), 0);
        QCOMPARE(asked(hour), 3);
        const qint64 price = asks(hour).firstKey();

        // The offer may now sell 10: the ask of the front hour is to grow to the 5 that are
        // free. Right after the trader read the book and planned, before its change reaches
        // the exchange, a buyer takes 2 of the ask. A replace to 5 would leave 5 asked + 2
        // sold = 7 of 5 (the exchange sets the remaining quantity).
        m_site.offers[0].reservedInstances = 10;
        bool filled = false;
        QList<qint64> totals; // asked + sold in the front hour at each planning moment
        const auto connection = connect(m_trader.get(), &OfferTrader::changesPlanned, this, [&] {
            if (!filled) {
                filled = true;
                const CurlResult bought = m_fixture.curl(kBuyer, u"POST"_qs, u"/v1/orders"_qs,
                                                         limit(hour, u"buy"_qs, price, 2, u"ioc"_qs));
                QCOMPARE(bought.status, 201);
            }
            totals.append(asked(hour) + contracted(hour));
        });
        QVERIFY(runPass());
        disconnect(connection);
        QVERIFY(filled);
        QCOMPARE(contracted(hour), 2);
        // Never more than the 5 free, and what is asked now is what is left: 3.
        for (const qint64 total : std::as_const(totals))
            QVERIFY2(total <= 5, qPrintable(QString::number(total)));
        QCOMPARE(asked(hour), 3);
        QCOMPARE(asked(hour) + contracted(hour), 5);
        // A pass later nothing changes.
        QVERIFY(runPass());
        QCOMPARE(asked(hour), 3);
    }

    void asksLeaveWithTheOffer()
    {
        m_site.offers.clear();
        QVERIFY(runPass());
        for (const QString &symbol : std::as_const(m_hours))
            QVERIFY(asks(symbol).isEmpty());
        QVERIFY(m_trader->state().asks.isEmpty());
        const CurlResult own = m_fixture.curl(kTrader, u"GET"_qs, u"/v1/orders"_qs);
        QCOMPARE(own.json().value(u"orders"_qs).toArray().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOfferTrader)
#include "tst_offertrader.moc"
