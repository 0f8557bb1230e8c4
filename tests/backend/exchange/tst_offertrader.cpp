// The offers' trader against a real exchange (a LocalExchange over mutual TLS in this
// thread): its asks appear in the book with the planned quantity and price, re-price when the
// spot index moves (not before the throttle allows), shrink when contracts take capacity (a
// contract the site holds, and a buyer taking part of an ask), and leave the book when the
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

    void asksAppearInTheBook()
    {
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
        QElapsedTimer sincePlaced;
        sincePlaced.start();
        QVERIFY(runPass());
        if (sincePlaced.elapsed() < kRepriceSeconds * 1000 - 500) {
            // Within the throttle the price stays.
            QCOMPARE(asks(m_hours.at(1)), (QMap<qint64, qint64>{{33'000, 3}}));
        }
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
