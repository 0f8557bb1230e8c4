// The offers' planner: prices (fixed, spot-linked with rounding, floor, cap), pools, periods,
// and the property that random contracts, offers and capacity changes never oversell a window.

#include "catalogue/catalogue.h"
#include "connect/agentstore.h"
#include "connect/offerbook.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cloudex;
using namespace cloudex::connect;
using catalogue::DeliveryPeriod;
using catalogue::PeriodKind;
using catalogue::Tenancy;

namespace {
constexpr qint64 kNow = 1'796'112'000 + 1800; // 2026-12-01 08:30 UTC

/// The instruments an exchange with the standard horizon lists for `product` at kNow.
QList<api::Instrument> listed(const QString &product)
{
    QList<api::Instrument> result;
    for (const DeliveryPeriod &period : catalogue::listedPeriods(catalogue::ListingHorizon{}, kNow)) {
        api::Instrument i;
        i.symbol = product + u'.' + period.code();
        i.product = product;
        i.deliveryStart = period.startSecs();
        i.deliveryEnd = period.endSecs();
        i.lotSize = 1;
        i.bandLow = 1;
        i.bandHigh = 100'000'000;
        result.append(i);
    }
    return result;
}

Offer offer(const QString &product, int cap, const QString &windows, qint64 price)
{
    Offer o;
    o.product = product;
    o.reservedInstances = cap;
    o.windows = parseOfferWindows(windows).value();
    o.priceTicks = price;
    return o;
}

struct Usage
{
    qint64 vcpus = 0;
    qint64 memoryMiB = 0;
};

const catalogue::InstanceClass &classOf(const QString &product)
{
    const auto p = catalogue::Catalogue::standard().parseProduct(product).value();
    return *catalogue::Catalogue::standard().findClass(p.classCode);
}

/// Use per pool and hour by contracts (and asks, when given).
QHash<QString, QHash<qint64, Usage>> usage(const QList<OfferBook::Commitment> &commitments,
                                           const QList<OfferBook::Ask> &asks = {})
{
    QHash<QString, QHash<qint64, Usage>> result;
    for (const OfferBook::Commitment &c : commitments) {
        for (qint64 h = c.startSecs / 3600; h < (c.endSecs + 3599) / 3600; ++h) {
            result[c.pool][h].vcpus += c.vcpus;
            result[c.pool][h].memoryMiB += c.memoryMiB;
        }
    }
    for (const OfferBook::Ask &a : asks) {
        const catalogue::InstanceClass &c = classOf(a.product);
        for (qint64 h = a.startSecs / 3600; h < a.endSecs / 3600; ++h) {
            result[a.pool][h].vcpus += a.quantity * c.vcpus;
            result[a.pool][h].memoryMiB += a.quantity * c.memoryMiB;
        }
    }
    return result;
}
} // namespace

class TestOfferBook : public QObject
{
    Q_OBJECT

private slots:
    void spotLinkedRounding_data()
    {
        QTest::addColumn<qint64>("spot");
        QTest::addColumn<int>("markup");
        QTest::addColumn<qint64>("floor");
        QTest::addColumn<qint64>("cap");
        QTest::addColumn<qint64>("price"); // -1: none
        QTest::newRow("plain") << qint64(10'000) << 500 << qint64(0) << qint64(0) << qint64(10'500);
        // 333 × 1.0150 = 337.995 → 338 (half up); 333 × 1.0015 = 333.4995 → 333.
        QTest::newRow("round up") << qint64(333) << 150 << qint64(0) << qint64(0) << qint64(338);
        QTest::newRow("round down") << qint64(333) << 15 << qint64(0) << qint64(0) << qint64(333);
        // Exactly half a tick: 1 × 1.5 = 1.5 → 2; 3 × 0.5 = 1.5 → 2.
        QTest::newRow("half") << qint64(1) << 5000 << qint64(0) << qint64(0) << qint64(2);
        QTest::newRow("discount half") << qint64(3) << -5000 << qint64(0) << qint64(0) << qint64(2);
        QTest::newRow("floor") << qint64(10'000) << 0 << qint64(12'000) << qint64(0) << qint64(12'000);
        QTest::newRow("cap") << qint64(10'000) << 5000 << qint64(0) << qint64(14'000) << qint64(14'000);
        QTest::newRow("no spot, floor") << qint64(0) << 500 << qint64(9'000) << qint64(0) << qint64(9'000);
        QTest::newRow("no spot, no floor") << qint64(0) << 500 << qint64(0) << qint64(0) << qint64(-1);
        QTest::newRow("at least a tick") << qint64(10) << -9999 << qint64(0) << qint64(0) << qint64(1);
        QTest::newRow("exchange maximum")
            << qint64(100'000'000) << 100'000 << qint64(0) << qint64(0) << qint64(1'100'000'000);
    }
    void spotLinkedRounding()
    {
        QFETCH(qint64, spot);
        QFETCH(int, markup);
        QFETCH(qint64, floor);
        QFETCH(qint64, cap);
        QFETCH(qint64, price);
        const auto got = OfferBook::spotLinkedPrice(spot, markup, floor, cap);
        QCOMPARE(got.value_or(-1), price);
    }

    void windowsText()
    {
        const auto windows = parseOfferWindows(u"H12, d7");
        QVERIFY(windows);
        QCOMPARE(windows->size(), 2);
        QCOMPARE(windows->at(1).kind, PeriodKind::Day);
        QCOMPARE(offerWindowsText(*windows), u"H12,D7"_qs);
        QCOMPARE(parseOfferWindows(u"X3").error().code, u"offer.bad-periods"_qs);
        QCOMPARE(parseOfferWindows(u"H0").error().code, u"offer.bad-periods"_qs);
        QVERIFY(parseOfferWindows(u"").value().isEmpty());
    }

    void periodsAreRolling()
    {
        const Offer o = offer(u"DE.GP2.SH.S1"_qs, 1, u"H12,D7"_qs, 100);
        const QList<DeliveryPeriod> periods = OfferBook::periodsOf(o, kNow);
        QCOMPARE(periods.size(), 19);
        QCOMPARE(periods.first().startSecs(), kNow - 1800 + 3600); // the next hour to start
        QCOMPARE(periods.at(12).code(), u"D2026-12-02"_qs);        // tomorrow
    }

    void poolsAndPoolFor()
    {
        const QList<HostGroup> groups{{u"fin"_qs, Tenancy::GroupShared, {u"g1"_qs}, {u"acme"_qs}},
                                      {u"ini"_qs, Tenancy::Exclusive, {u"x1"_qs}, {u"initech"_qs}},
                                      {u"web"_qs, Tenancy::Shared, {u"s2"_qs}, {}}};
        QList<HostInfo> hosts;
        for (const auto &[id, online] : {std::pair{u"s1"_qs, true},
                                         {u"s2"_qs, true},
                                         {u"g1"_qs, true},
                                         {u"x1"_qs, true},
                                         {u"x9"_qs, false}}) {
            HostInfo h;
            h.id = id;
            h.online = online;
            h.cpus = 8;
            h.memoryMiB = 32768;
            hosts.append(h);
        }
        // One own VM on s1: 2 vCPU, 4 GiB.
        const QList<OfferBook::Pool> pools = OfferBook::pools(hosts, groups, {{u"s1"_qs, {2, 4096}}});
        QCOMPARE(pools.size(), 3);
        QCOMPARE(pools.at(0).key, QString());
        QCOMPARE(pools.at(0).vcpus, 14); // s1 + s2 (a shared group) less the own VM; x9 offline
        QCOMPARE(pools.at(0).memoryMiB, 65536 - 4096);
        QCOMPARE(pools.at(1).key, u"fin"_qs);
        QCOMPARE(pools.at(2).key, u"ini"_qs);

        QCOMPARE(OfferBook::poolFor(offer(u"DE.GP2.SH.S1"_qs, 1, {}, 1), groups).value(), QString());
        QCOMPARE(OfferBook::poolFor(offer(u"DE.GP2.GS.S1"_qs, 1, {}, 1), groups).value(), u"fin"_qs);
        QCOMPARE(OfferBook::poolFor(offer(u"DE.GP2.EX.S1"_qs, 1, {}, 1), groups).value(), u"ini"_qs);
        Offer named = offer(u"DE.GP2.GS.S1"_qs, 1, {}, 1);
        named.pool = u"ini"_qs; // not group-shared
        QVERIFY(!OfferBook::poolFor(named, groups));
    }

    void asksFitCapacityAndCap()
    {
        // Shared pool of 16 vCPU / 64 GiB: 8 GP2 instances. A contract of 3 for tomorrow's
        // 10:00 hour; an offer of at most 5 per period for the next 4 hours and 2 days.
        const QString product = u"DE.GP2.SH.S1"_qs;
        OfferBook::Input input;
        input.nowSecs = kNow;
        input.pools = {{QString(), 16, 65536}};
        input.offers = {offer(product, 5, u"H4,D2"_qs, 1234)};
        input.offerPools = {{product, QString()}};
        input.instruments = listed(product);
        const qint64 tomorrow10 = kNow - 1800 - 8 * 3600 + 58 * 3600; // 2026-12-03 10:00
        input.commitments = {{u"c-1"_qs, QString(), product + u".D2026-12-03"_qs, tomorrow10,
                              tomorrow10 + 3600, 3, 6, 3 * 8192}};
        const OfferBook::Plan plan = OfferBook::plan(input);
        QCOMPARE(plan.asks.size(), 6);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(plan.asks.at(i).quantity, 5); // the cap
            QCOMPARE(plan.asks.at(i).price, 1234);
        }
        // Tomorrow: 8 - 3 contracted at 10:00 - the hourly asks do not reach tomorrow = 5, cap 5.
        QCOMPARE(plan.asks.at(4).symbol, product + u".D2026-12-02"_qs);
        QCOMPARE(plan.asks.at(4).quantity, 5);
        // The day after: the contract's day; its instrument counts against the cap (5 - 3 = 2).
        QCOMPARE(plan.asks.at(5).symbol, product + u".D2026-12-03"_qs);
        QCOMPARE(plan.asks.at(5).quantity, 2);
        // The hourly asks took 5 of 8 from 09:00-13:00 today, so a daily ask of today would
        // have 3 left; checked by the property below.
        QCOMPARE(plan.loads.size(), 6);
        QCOMPARE(plan.loads.at(5).capacity, 8);
        QCOMPARE(plan.loads.at(5).contracted, 3);
    }

    void hourlyAndDailyShareTheHours()
    {
        // 4 instances in all; hourly asks for the next 24 hours take them; the daily ask of
        // tomorrow (covered by some of those hours) gets only what is left.
        const QString product = u"DE.GP2.SH.S1"_qs;
        OfferBook::Input input;
        input.nowSecs = kNow;
        input.pools = {{QString(), 8, 32768}};
        input.offers = {offer(product, 3, u"H24,D1"_qs, 100)};
        input.offerPools = {{product, QString()}};
        input.instruments = listed(product);
        const OfferBook::Plan plan = OfferBook::plan(input);
        QCOMPARE(plan.asks.last().symbol, product + u".D2026-12-02"_qs);
        QCOMPARE(plan.asks.last().quantity, 1);
    }

    void unlistedOrUnpricedGetNoAsk()
    {
        const QString product = u"DE.GP2.SH.S1"_qs;
        OfferBook::Input input;
        input.nowSecs = kNow;
        input.pools = {{QString(), 64, 262144}};
        Offer spot = offer(product, 2, u"H2"_qs, 0);
        spot.priceMode = Offer::PriceMode::SpotLinked;
        spot.markupBasisPoints = 1000;
        input.offers = {spot};
        input.offerPools = {{product, QString()}};
        input.instruments = listed(product);
        QVERIFY(OfferBook::plan(input).asks.isEmpty()); // no spot index, no floor
        input.spot.insert(product, 20'000);
        QCOMPARE(OfferBook::plan(input).asks.value(0).price, 22'000);
        input.instruments.clear();
        QVERIFY(OfferBook::plan(input).asks.isEmpty()); // nothing listed
    }

    // The property: a random site (pools), random contracts, random offers of all tenancies,
    // capacity that changes, and asks that fill into contracts, over many seeded rounds. After
    // every plan, for every pool and hour: asks + contracts ≤ capacity wherever there is an
    // ask; and a fill (which can only take what an ask offered) never makes contracts exceed
    // the capacity the pool had when the ask was planned.
    void neverOversells()
    {
        const QStringList products{u"DE.GP1.SH.S1"_qs, u"DE.GP2.SH.S1"_qs, u"DE.MO4.SH.S2"_qs,
                                   u"DE.GP2.GS.S1"_qs, u"DE.MO4.GS.S1"_qs, u"DE.GP1.EX.S1"_qs};
        const QStringList poolKeys{QString(), u"fin"_qs, u"ini"_qs};
        const auto poolOfProduct = [](const QString &product) {
            return product.contains(u".GS.") ? u"fin"_qs : product.contains(u".EX.") ? u"ini"_qs : QString();
        };
        QList<api::Instrument> instruments;
        for (const QString &p : products)
            instruments += listed(p);
        qint64 asksChecked = 0;
        qint64 fills = 0;
        for (quint32 seed = 1; seed <= 300; ++seed) {
            QRandomGenerator rng(seed);
            OfferBook::Input input;
            input.nowSecs = kNow;
            input.instruments = instruments;
            for (const QString &key : poolKeys)
                input.pools.append({key, rng.bounded(0, 65), qint64(rng.bounded(0, 257)) * 1024});
            for (int round = 0; round < 12; ++round) {
                // Capacity changes: a host joins or leaves a pool.
                if (rng.bounded(3) == 0) {
                    OfferBook::Pool &pool = input.pools[rng.bounded(int(input.pools.size()))];
                    pool.vcpus = std::max<qint64>(0, pool.vcpus + rng.bounded(-16, 17));
                    pool.memoryMiB =
                        std::max<qint64>(0, pool.memoryMiB + qint64(rng.bounded(-64, 65)) * 1024);
                }
                // Offers come, change and go.
                const QString product = products.at(rng.bounded(int(products.size())));
                input.offers.removeIf([&](const Offer &o) { return o.product == product; });
                if (rng.bounded(4) != 0) {
                    const QStringList windows{u"H6"_qs, u"H24"_qs, u"D3"_qs, u"H12,D7"_qs, u"H3,D2,W1"_qs};
                    Offer o = offer(product, rng.bounded(1, 40), windows.at(rng.bounded(int(windows.size()))),
                                    rng.bounded(1, 100'000));
                    if (rng.bounded(2)) {
                        o.priceMode = Offer::PriceMode::SpotLinked;
                        o.markupBasisPoints = rng.bounded(-2000, 3000);
                        o.floorTicks = rng.bounded(0, 5000);
                        input.spot.insert(product, rng.bounded(0, 200'000));
                    }
                    input.offers.append(o);
                    input.offerPools.insert(product, poolOfProduct(product));
                }
                // A contract from elsewhere (another offer of the seller, made before).
                if (rng.bounded(3) == 0) {
                    const QString p = products.at(rng.bounded(int(products.size())));
                    const catalogue::InstanceClass &c = classOf(p);
                    const qint64 start = (kNow / 3600 + rng.bounded(-5, 200)) * 3600;
                    const qint64 q = rng.bounded(1, 6);
                    input.commitments.append({u"x%1"_qs.arg(input.commitments.size()), poolOfProduct(p),
                                              p + u".H"_qs, start, start + 3600 * rng.bounded(1, 48), q,
                                              q * c.vcpus, q * c.memoryMiB});
                }
                const OfferBook::Plan plan = OfferBook::plan(input);
                const auto used = usage(input.commitments, plan.asks);
                const auto committed = usage(input.commitments);
                for (const OfferBook::Ask &a : plan.asks) {
                    QVERIFY(a.quantity > 0);
                    QVERIFY(a.price >= 1);
                    const Offer *o = nullptr;
                    for (const Offer &x : std::as_const(input.offers))
                        o = x.product == a.product ? &x : o;
                    QVERIFY(o);
                    QVERIFY(a.quantity <= o->reservedInstances);
                    QCOMPARE(a.pool, poolOfProduct(a.product));
                    const OfferBook::Pool *pool = nullptr;
                    for (const OfferBook::Pool &p : std::as_const(input.pools))
                        pool = p.key == a.pool ? &p : pool;
                    for (qint64 h = a.startSecs / 3600; h < a.endSecs / 3600; ++h) {
                        const Usage u = used.value(a.pool).value(h);
                        if (u.vcpus > pool->vcpus || u.memoryMiB > pool->memoryMiB)
                            QFAIL(qPrintable(u"seed %1 round %2: pool '%3' hour %4 oversold: %5/%6 vCPU, "
                                             "%7/%8 MiB (contracted %9 vCPU)"_qs.arg(seed)
                                                 .arg(round)
                                                 .arg(a.pool)
                                                 .arg(h)
                                                 .arg(u.vcpus)
                                                 .arg(pool->vcpus)
                                                 .arg(u.memoryMiB)
                                                 .arg(pool->memoryMiB)
                                                 .arg(committed.value(a.pool).value(h).vcpus)));
                    }
                    ++asksChecked;
                }
                // Buyers take part of some asks: the fills become contracts.
                for (const OfferBook::Ask &a : plan.asks) {
                    if (rng.bounded(4) != 0)
                        continue;
                    const qint64 q = rng.bounded(1, int(a.quantity) + 1);
                    const catalogue::InstanceClass &c = classOf(a.product);
                    input.commitments.append({u"c%1"_qs.arg(input.commitments.size()), a.pool, a.symbol,
                                              a.startSecs, a.endSecs, q, q * c.vcpus, q * c.memoryMiB});
                    ++fills;
                }
                // Whatever was filled still fits the capacity the asks were planned on, in
                // every hour where the contracts did fit before.
                const auto after = usage(input.commitments);
                for (const OfferBook::Pool &pool : std::as_const(input.pools)) {
                    const QHash<qint64, Usage> hours = after.value(pool.key);
                    for (auto it = hours.begin(); it != hours.end(); ++it) {
                        const Usage before = committed.value(pool.key).value(it.key());
                        if (it->vcpus == before.vcpus)
                            continue; // no fill in this hour
                        QVERIFY2(it->vcpus <= pool.vcpus && it->memoryMiB <= pool.memoryMiB,
                                 qPrintable(u"seed %1: fills oversold pool '%2'"_qs.arg(seed).arg(pool.key)));
                    }
                }
            }
        }
        qInfo("checked %lld asks and %lld fills", asksChecked, fills);
        QVERIFY(asksChecked > 1000);
        QVERIFY(fills > 200);
    }

    void offerRecordsMigrate()
    {
        // A version 0 database (offers with product and reserved only) opens as version 1 and
        // keeps its offers, without periods; new offers keep everything.
        QTemporaryDir dir;
        const QString file = dir.filePath(u"connect.sqlite"_qs);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"v0"_qs);
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE offers (product TEXT PRIMARY KEY, reserved INTEGER NOT NULL)"_qs));
            QVERIFY(q.exec(u"INSERT INTO offers VALUES ('DE.GP2.SH.S1', 4)"_qs));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"v0"_qs);
        AgentStore store;
        QVERIFY(store.open(file));
        QCOMPARE(store.schemaVersion(), 1);
        QCOMPARE(store.offers().size(), 1);
        QCOMPARE(store.offers().at(0).reservedInstances, 4);
        QVERIFY(store.offers().at(0).windows.isEmpty());
        Offer o = offer(u"DE.GP2.GS.S1"_qs, 6, u"H12,D7"_qs, 0);
        o.priceMode = Offer::PriceMode::SpotLinked;
        o.markupBasisPoints = -250;
        o.floorTicks = 900;
        o.capTicks = 90'000;
        o.pool = u"fin"_qs;
        QVERIFY(store.saveOffer(o));
        AgentStore again;
        QVERIFY(again.open(file) && again.schemaVersion() == 1);
        QCOMPARE(again.offers().size(), 2);
        QCOMPARE(again.offers().at(0), o);
    }
};

QTEST_GUILESS_MAIN(TestOfferBook)
#include "tst_offerbook.moc"
