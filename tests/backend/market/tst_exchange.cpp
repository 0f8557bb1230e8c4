// The Qt adapter: sequencing, acknowledgement after commit, symbols, contracts with frozen
// terms, market data, and recovery from the journal with an equal state digest.
#include "market/exchange.h"
#include "exchange/exchangecontractdirectory.h"
#include "pki/certificateauthority.h"
#include "pki/privatekey.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace cloudex;
using namespace cloudex::market;

namespace {
const QString kProduct = QStringLiteral("DE.GP2.SH.S1");

qint64 at(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 12, day), QTime(hour, minute), Qt::UTC).toSecsSinceEpoch();
}

Exchange::Config config()
{
    Exchange::Config c;
    c.products = {catalogue::Catalogue::standard().parseProduct(kProduct).value()};
    c.bandLowTicks = 100;
    c.bandHighTicks = 100'000;
    c.snapshotEvery = 25;
    return c;
}

/// Runs the event loop until `done` holds the acknowledgement.
Ack wait(const std::shared_ptr<std::optional<Ack>> &done)
{
    if (!QTest::qWaitFor([&] { return done->has_value(); }, 5000))
        qWarning("no acknowledgement within 5 s");
    return done->value_or(Ack{});
}

OrderRequest order(const QString &symbol, Side side, OrderType type, TimeInForce tif, qint64 price,
                   qint64 quantity)
{
    OrderRequest o;
    o.symbol = symbol;
    o.side = side;
    o.type = type;
    o.timeInForce = tif;
    o.priceTicks = price;
    o.quantity = quantity;
    return o;
}

std::pair<std::shared_ptr<std::optional<Ack>>, AckCallback> ackSlot()
{
    auto slot = std::make_shared<std::optional<Ack>>();
    return {slot, [slot](const Ack &ack) {
                *slot = ack;
            }};
}

QString hourSymbol(int day, int hour)
{
    return kProduct + QStringLiteral(".H2026-12-%1T%2")
                          .arg(day, 2, 10, QLatin1Char('0'))
                          .arg(hour, 2, 10, QLatin1Char('0'));
}

void addTraders(Exchange &x)
{
    x.addParticipant({QStringLiteral("p-acme"),
                      Role::Buyer,
                      QStringLiteral("DE"),
                      {QStringLiteral("ISO27001")},
                      QStringLiteral("standard")});
    x.addParticipant({QStringLiteral("p-dc1"),
                      Role::Seller,
                      QStringLiteral("DE"),
                      {QStringLiteral("ISO27001"), QStringLiteral("C5")},
                      QStringLiteral("eu-resident")});
    x.addParticipant(
        {QStringLiteral("p-dc2"), Role::Seller, QStringLiteral("US"), {}, QStringLiteral("standard")});
}
} // namespace

class TestExchange final : public QObject
{
    Q_OBJECT

private slots:
    void listsTheHorizonAndRolls();
    void acknowledgesAfterCommitWithTrades();
    void eligibilityByName();
    void refusesBadInputBeforeSequencing();
    void clientOrderIdIsIdempotent();
    void marketData();
    void recoversTheSameState();
    void contractLifecycleSignals();
    void clockDrivesRolls();
    void journalFailureFailsPending();
    void contractCodes_data();
    void contractCodes();
    void certificateAuthorityIssuesFromTheContractBook();
    void orderEventsFillsTapeAndInstruments();
};

void TestExchange::listsTheHorizonAndRolls()
{
    Exchange x;
    QVERIFY(x.open(QString(), config()).ok());
    QSignalSpy listed(&x, &Exchange::instrumentListed);
    QSignalSpy closed(&x, &Exchange::instrumentClosed);
    x.advanceClock(at(1, 10, 30));
    const catalogue::ListingHorizon h;
    QCOMPARE(x.openSymbols().size(), h.hours + h.days + h.weeks + h.months + h.quarters);
    QVERIFY(x.openSymbols().contains(hourSymbol(1, 11)));
    QVERIFY(!x.openSymbols().contains(hourSymbol(1, 10))); // delivering already
    QTRY_COMPARE(listed.size(), x.openSymbols().size());

    // 11:00: the 11:00 hour closes and the hour 24 hours out is listed.
    x.advanceClock(at(1, 11));
    QVERIFY(!x.openSymbols().contains(hourSymbol(1, 11)));
    QVERIFY(x.openSymbols().contains(hourSymbol(2, 11)));
    QTRY_COMPARE(closed.size(), 1);
    QCOMPARE(closed.at(0).at(0).toString(), hourSymbol(1, 11));
}

void TestExchange::acknowledgesAfterCommitWithTrades()
{
    QTemporaryDir dir;
    Exchange x;
    QVERIFY(x.open(dir.filePath(QStringLiteral("journal.db")), config()).ok());
    x.advanceClock(at(1, 10));
    addTraders(x);
    QSignalSpy trades(&x, &Exchange::tradeExecuted);
    QSignalSpy contracts(&x, &Exchange::contractChanged);

    auto [sold, onSold] = ackSlot();
    const quint64 before = x.lastSeq();
    x.submitOrder(
        QStringLiteral("p-dc1"),
        order(hourSymbol(1, 14), Side::Sell, OrderType::Limit, TimeInForce::GoodTillCancel, 2500, 10),
        onSold);
    QVERIFY(!sold->has_value()); // never synchronous: only after the commit
    QCOMPARE(wait(sold).commandSeq, before + 1);
    QVERIFY(sold->value().accepted);

    auto [bought, onBought] = ackSlot();
    x.submitOrder(QStringLiteral("p-acme"),
                  order(hourSymbol(1, 14), Side::Buy, OrderType::Limit, TimeInForce::GoodTillCancel, 2600, 4),
                  onBought);
    const Ack ack = wait(bought);
    QVERIFY(ack.accepted);
    QCOMPARE(ack.commandSeq, before + 2);
    QCOMPARE(ack.trades.size(), 1);
    const TradeInfo &t = ack.trades.constFirst();
    QCOMPARE(t.buyer, QStringLiteral("p-acme"));
    QCOMPARE(t.seller, QStringLiteral("p-dc1"));
    QCOMPARE(t.priceTicks, 2500);
    QCOMPARE(t.quantity, 4);
    QCOMPARE(t.symbol, hourSymbol(1, 14));
    QVERIFY(t.eventSeq > 0);
    QVERIFY(t.eventSeq <= x.engine().eventSeq());
    QTRY_COMPARE(trades.size(), 1);
    QTRY_COMPARE(contracts.size(), 1);

    const std::optional<ContractInfo> k = x.contract(t.contract);
    QVERIFY(k);
    QCOMPARE(k->buyer, QStringLiteral("p-acme"));
    QCOMPARE(k->productSymbol, kProduct);
    QCOMPARE(k->startSecs, at(1, 14));
    QCOMPARE(k->endSecs, at(1, 15));
    QCOMPARE(k->state, ContractState::Scheduled);
    const catalogue::SlaTerms &s1 = catalogue::slaTerms(catalogue::SlaClass::S1);
    QCOMPARE(k->sla.slaClass, catalogue::SlaClass::S1);
    QCOMPARE(k->sla.availabilityBasisPoints, s1.availabilityBasisPoints);
    QCOMPARE(k->sla.nextBusinessDaySupport, s1.nextBusinessDaySupport);
    QCOMPARE(k->sla.credits.size(), s1.credits.size());
    QCOMPARE(k->sla.creditPercentFor(9000), s1.creditPercentFor(9000));
    QCOMPARE(k->governingLaw, QStringLiteral("DE"));
    QCOMPARE(k->legalTermsVersion, 1);
    QCOMPARE(x.contractsOf(QStringLiteral("p-dc1")).size(), 1);
    QCOMPARE(x.contractsOf(QStringLiteral("p-dc2")).size(), 0);
    QVERIFY(!x.contract(99));
}

void TestExchange::eligibilityByName()
{
    Exchange x;
    QVERIFY(x.open(QString(), config()).ok());
    x.advanceClock(at(1, 10));
    addTraders(x);
    x.submitOrder(QStringLiteral("p-dc2"), order(hourSymbol(1, 14), Side::Sell, OrderType::Limit,
                                                 TimeInForce::GoodTillCancel, 2000, 5));
    x.submitOrder(QStringLiteral("p-dc1"), order(hourSymbol(1, 14), Side::Sell, OrderType::Limit,
                                                 TimeInForce::GoodTillCancel, 2100, 5));
    // The buyer demands C5 in an EU jurisdiction: the cheaper US seller is skipped.
    OrderRequest buy =
        order(hourSymbol(1, 14), Side::Buy, OrderType::Limit, TimeInForce::ImmediateOrCancel, 2100, 5);
    buy.requirements.jurisdictions = {QStringLiteral("DE"), QStringLiteral("FR")};
    buy.requirements.certifications = {QStringLiteral("C5")};
    auto [done, onDone] = ackSlot();
    x.submitOrder(QStringLiteral("p-acme"), buy, onDone);
    const Ack ack = wait(done);
    QCOMPARE(ack.trades.size(), 1);
    QCOMPARE(ack.trades.constFirst().seller, QStringLiteral("p-dc1"));
    QCOMPARE(x.depth(hourSymbol(1, 14), 5).asks.size(), 1u);
    QCOMPARE(x.depth(hourSymbol(1, 14), 5).asks.front().price, 2000);
}

void TestExchange::refusesBadInputBeforeSequencing()
{
    Exchange x;
    QVERIFY(x.open(QString(), config()).ok());
    x.advanceClock(at(1, 10));
    addTraders(x);
    struct Case
    {
        QString participant;
        OrderRequest order;
        QString code;
        bool sequenced;
    };
    OrderRequest good =
        order(hourSymbol(1, 14), Side::Buy, OrderType::Limit, TimeInForce::GoodTillCancel, 2000, 1);
    OrderRequest unknownSymbol = good;
    unknownSymbol.symbol = kProduct + QStringLiteral(".H2030-01-01T00");
    OrderRequest badCert = good;
    badCert.requirements.certifications = {QStringLiteral("NOPE")};
    OrderRequest longId = good;
    longId.clientOrderId = QString(30, u'x');
    OrderRequest zero = good;
    zero.quantity = 0;
    OrderRequest band = good;
    band.priceTicks = 50;
    const QList<Case> cases = {
        {QStringLiteral("p-nobody"), good, QStringLiteral("participant.unknown"), false},
        {QStringLiteral("p-acme"), unknownSymbol, QStringLiteral("instrument.unknown"), false},
        {QStringLiteral("p-acme"), badCert, QStringLiteral("order.bad-requirement"), false},
        {QStringLiteral("p-acme"), longId, QStringLiteral("order.bad-client-id"), false},
        {QStringLiteral("p-acme"), zero, QStringLiteral("order.bad-quantity"), true},
        {QStringLiteral("p-acme"), band, QStringLiteral("order.price-outside-band"), true},
    };
    for (const Case &c : cases) {
        const quint64 seq = x.lastSeq();
        const std::uint64_t hashBefore = x.engine().eventSeq();
        auto [done, onDone] = ackSlot();
        x.submitOrder(c.participant, c.order, onDone);
        const Ack ack = wait(done);
        QVERIFY(!ack.accepted);
        QCOMPARE(ack.error.code, c.code);
        QVERIFY(!ack.error.message.isEmpty());
        QCOMPARE(x.lastSeq(), c.sequenced ? seq + 1 : seq);
        QCOMPARE(ack.commandSeq, c.sequenced ? seq + 1 : 0);
        QCOMPARE(x.engine().eventSeq(), c.sequenced ? hashBefore + 1 : hashBefore);
    }
    QVERIFY(x.depth(hourSymbol(1, 14), 5).bids.empty());
}

void TestExchange::clientOrderIdIsIdempotent()
{
    Exchange x;
    QVERIFY(x.open(QString(), config()).ok());
    x.advanceClock(at(1, 10));
    addTraders(x);
    OrderRequest o =
        order(hourSymbol(1, 14), Side::Buy, OrderType::Limit, TimeInForce::GoodTillCancel, 2000, 3);
    o.clientOrderId = QStringLiteral("acme-0001");
    auto [first, onFirst] = ackSlot();
    auto [again, onAgain] = ackSlot();
    x.submitOrder(QStringLiteral("p-acme"), o, onFirst);
    x.submitOrder(QStringLiteral("p-acme"), o, onAgain);
    QVERIFY(wait(first).accepted);
    QVERIFY(wait(again).duplicate);
    QCOMPARE(again->value().orderId, first->value().orderId);
    QCOMPARE(x.depth(hourSymbol(1, 14), 5).bids.front().quantity, 3);
    const QList<OrderInfo> mine = x.openOrders(QStringLiteral("p-acme"));
    QCOMPARE(mine.size(), 1);
    QCOMPARE(mine.constFirst().id, first->value().orderId);
    QCOMPARE(mine.constFirst().clientOrderId, QStringLiteral("acme-0001"));
    QCOMPARE(mine.constFirst().symbol, hourSymbol(1, 14));
    QCOMPARE(mine.constFirst().remaining, 3);
    QVERIFY(x.openOrders(QStringLiteral("p-dc1")).isEmpty());
    o.quantity = 4;
    auto [changed, onChanged] = ackSlot();
    x.submitOrder(QStringLiteral("p-acme"), o, onChanged);
    QCOMPARE(wait(changed).error.code, QStringLiteral("order.duplicate-client-id"));
}

void TestExchange::marketData()
{
    Exchange x;
    QVERIFY(x.open(QString(), config()).ok());
    x.advanceClock(at(1, 10));
    addTraders(x);
    QSignalSpy spot(&x, &Exchange::spotIndexChanged);
    const QString front = hourSymbol(1, 11);
    x.submitOrder(QStringLiteral("p-dc1"),
                  order(front, Side::Sell, OrderType::Limit, TimeInForce::GoodTillCancel, 3000, 10));
    x.submitOrder(QStringLiteral("p-dc1"), order(hourSymbol(1, 12), Side::Sell, OrderType::Limit,
                                                 TimeInForce::GoodTillCancel, 3300, 10));
    x.submitOrder(QStringLiteral("p-acme"),
                  order(front, Side::Buy, OrderType::Market, TimeInForce::ImmediateOrCancel, 0, 4));
    QTRY_COMPARE(spot.size(), 1);
    QCOMPARE(spot.at(0).at(0).toString(), kProduct);
    QCOMPARE(spot.at(0).at(1).toLongLong(), 3000);
    QCOMPARE(x.spotIndex(kProduct), 3000);
    const QList<Candle> candles = x.candles(front, Resolution::Minute5);
    QCOMPARE(candles.size(), 1);
    QCOMPARE(candles.constFirst().volume, 4);
    QCOMPARE(candles.constFirst().close, 3000);

    const QList<CurvePoint> curve = x.forwardCurve(kProduct);
    QCOMPARE(curve.size(), x.openSymbols().size());
    QCOMPARE(curve.at(0).symbol, front);
    QCOMPARE(curve.at(0).lastPriceTicks, 3000);
    QCOMPARE(curve.at(0).bestAskTicks, 3000);
    QCOMPARE(curve.at(1).bestAskTicks, 3300);
    QCOMPARE(curve.at(1).lastPriceTicks, 0);
    for (qsizetype i = 1; i < curve.size(); ++i)
        QVERIFY(
            curve.at(i - 1).kind < curve.at(i).kind ||
            (curve.at(i - 1).kind == curve.at(i).kind && curve.at(i - 1).startSecs < curve.at(i).startSecs));

    // The browser's summary: spot now and a day ago, the day's volume over every period.
    x.submitOrder(QStringLiteral("p-acme"), order(hourSymbol(1, 12), Side::Buy, OrderType::Limit,
                                                  TimeInForce::ImmediateOrCancel, 3300, 2));
    QTRY_COMPARE(x.candles(hourSymbol(1, 12), Resolution::Hour1).size(), 1);
    QList<ProductSummary> summaries = x.productSummaries();
    QCOMPARE(summaries.size(), 1);
    QCOMPARE(summaries.constFirst().productSymbol, kProduct);
    QCOMPARE(summaries.constFirst().spotTicks, 3000);
    QCOMPARE(summaries.constFirst().spotBeforeTicks, 3000);
    QCOMPARE(summaries.constFirst().volume, 6);

    // At 11:00 the front hour closes; the index carries its last value until 12:00 trades.
    x.advanceClock(at(1, 11));
    QCOMPARE(x.spotIndex(kProduct), 3000);
    // A day later the volume has left the window; the index is still listed.
    x.advanceClock(at(2, 12));
    summaries = x.productSummaries();
    QCOMPARE(summaries.size(), 1);
    QCOMPARE(summaries.constFirst().volume, 0);
    QCOMPARE(summaries.constFirst().spotTicks, 3000);
}

void TestExchange::recoversTheSameState()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.db"));
    std::uint64_t hash = 0;
    quint64 seq = 0;
    quint64 contractId = 0;
    QStringList openBefore;
    {
        Exchange x;
        QVERIFY(x.open(path, config()).ok());
        x.advanceClock(at(1, 10));
        addTraders(x);
        for (int i = 0; i < 40; ++i) {
            x.submitOrder(QStringLiteral("p-dc1"),
                          order(hourSymbol(1, 12 + i % 5), Side::Sell, OrderType::Limit,
                                TimeInForce::GoodTillCancel, 2000 + 10 * i, 1 + i % 3));
            x.submitOrder(QStringLiteral("p-acme"),
                          order(hourSymbol(1, 12 + i % 7), Side::Buy, OrderType::Limit,
                                TimeInForce::GoodTillCancel, 2100 + 7 * i, 2));
        }
        x.advanceClock(at(1, 10, 30));
        QVERIFY(x.flush());
        hash = x.stateHash();
        seq = x.lastSeq();
        openBefore = x.openSymbols();
        QVERIFY(x.engine().contractCount() > 0);
        contractId = x.engine().contractCount();
    }
    Exchange y;
    QVERIFY(y.open(path, config()).ok());
    QCOMPARE(y.lastSeq(), seq);
    QCOMPARE(y.stateHash(), hash);
    QVERIFY(y.contract(contractId));
    QCOMPARE(y.contract(contractId)->buyer, QStringLiteral("p-acme"));
    QCOMPARE(y.contract(contractId)->productSymbol, kProduct);
    QCOMPARE(y.contract(contractId)->governingLaw, QStringLiteral("DE"));
    QCOMPARE(y.openSymbols(), openBefore);
    // Names and symbols came back: the recovered exchange trades on.
    auto [done, onDone] = ackSlot();
    y.submitOrder(QStringLiteral("p-acme"),
                  order(hourSymbol(1, 16), Side::Buy, OrderType::Limit, TimeInForce::GoodTillCancel, 2000, 1),
                  onDone);
    QVERIFY(wait(done).accepted);
    QCOMPARE(done->value().commandSeq, seq + 1);
}

void TestExchange::contractLifecycleSignals()
{
    Exchange x;
    QVERIFY(x.open(QString(), config()).ok());
    x.advanceClock(at(1, 10));
    addTraders(x);
    x.submitOrder(QStringLiteral("p-dc1"), order(hourSymbol(1, 11), Side::Sell, OrderType::Limit,
                                                 TimeInForce::GoodTillCancel, 2000, 2));
    x.submitOrder(QStringLiteral("p-acme"), order(hourSymbol(1, 11), Side::Buy, OrderType::Limit,
                                                  TimeInForce::GoodTillCancel, 2000, 2));
    QSignalSpy changes(&x, &Exchange::contractChanged);
    QTRY_COMPARE(changes.size(), 1);
    x.advanceClock(at(1, 11));
    x.advanceClock(at(1, 12));
    QTRY_COMPARE(changes.size(), 3);
    QCOMPARE(changes.at(1).at(0).value<ContractInfo>().state, ContractState::Active);
    QCOMPARE(changes.at(2).at(0).value<ContractInfo>().state, ContractState::Expired);
    auto [done, onDone] = ackSlot();
    x.terminateContract(1, onDone);
    QCOMPARE(wait(done).error.code, QStringLiteral("contract.not-terminable"));
}

void TestExchange::clockDrivesRolls()
{
    // An injected clock: the exchange ticks from it, never from the wall clock.
    ManualClock clock(at(1, 10, 59) * 1000);
    Exchange x;
    QVERIFY(x.open(QString(), config()).ok());
    QSignalSpy closed(&x, &Exchange::instrumentClosed);
    x.startClock(&clock, 5);
    QCOMPARE(x.nowSecs(), at(1, 10, 59));
    QVERIFY(x.openSymbols().contains(hourSymbol(1, 11)));
    const quint64 seq = x.lastSeq();
    QTest::qWait(30);
    QCOMPARE(x.lastSeq(), seq); // the same second is not journaled again
    clock.setNowMs(at(1, 11) * 1000);
    QTRY_COMPARE(closed.size(), 1);
    QCOMPARE(closed.at(0).at(0).toString(), hourSymbol(1, 11));
    QVERIFY(x.openSymbols().contains(hourSymbol(2, 11)));
}

void TestExchange::journalFailureFailsPending()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.db"));
    Exchange x;
    QVERIFY(x.open(path, config()).ok());
    x.advanceClock(at(1, 10));
    addTraders(x);
    QVERIFY(x.flush());
    // Sabotage: another connection drops the journal table, so the next commit fails.
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db, "DROP TABLE journal", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);

    QSignalSpy failed(&x, &Exchange::failed);
    auto [first, onFirst] = ackSlot();
    x.submitOrder(QStringLiteral("p-acme"),
                  order(hourSymbol(1, 14), Side::Buy, OrderType::Limit, TimeInForce::GoodTillCancel, 2000, 1),
                  onFirst);
    const Ack ack = wait(first);
    QVERIFY(!ack.accepted);
    QCOMPARE(ack.error.code, QStringLiteral("store.failed"));
    QTRY_COMPARE(failed.size(), 1);
    // Once failed, nothing more is taken.
    auto [later, onLater] = ackSlot();
    const quint64 seq = x.lastSeq();
    x.submitOrder(QStringLiteral("p-acme"),
                  order(hourSymbol(1, 14), Side::Buy, OrderType::Limit, TimeInForce::GoodTillCancel, 2000, 1),
                  onLater);
    QCOMPARE(wait(later).error.code, QStringLiteral("store.failed"));
    QCOMPARE(x.lastSeq(), seq);
}

void TestExchange::contractCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<quint64>("id");
    QTest::newRow("canonical") << QStringLiteral("c-000042") << quint64(42);
    QTest::newRow("wide") << QStringLiteral("c-1234567") << quint64(1234567);
    QTest::newRow("short spelling") << QStringLiteral("c-42") << quint64(0);
    QTest::newRow("zero") << QStringLiteral("c-000000") << quint64(0);
    QTest::newRow("sign") << QStringLiteral("c-+00042") << quint64(0);
    QTest::newRow("other prefix") << QStringLiteral("p-000042") << quint64(0);
    QTest::newRow("empty") << QString() << quint64(0);
}

void TestExchange::contractCodes()
{
    QFETCH(QString, code);
    QFETCH(quint64, id);
    QCOMPARE(Exchange::parseContractCode(code).value_or(0), id);
    if (id != 0)
        QCOMPARE(Exchange::contractCode(id), code);
}

void TestExchange::certificateAuthorityIssuesFromTheContractBook()
{
    Exchange x;
    QVERIFY(x.open(QString(), config()).ok());
    x.advanceClock(at(1, 10));
    addTraders(x);
    x.submitOrder(QStringLiteral("p-dc1"), order(hourSymbol(1, 14), Side::Sell, OrderType::Limit,
                                                 TimeInForce::GoodTillCancel, 2000, 3));
    auto [done, onDone] = ackSlot();
    x.submitOrder(QStringLiteral("p-acme"),
                  order(hourSymbol(1, 14), Side::Buy, OrderType::Limit, TimeInForce::GoodTillCancel, 2000, 3),
                  onDone);
    QCOMPARE(wait(done).trades.size(), 1);
    const QString code = Exchange::contractCode(done->value().trades.constFirst().contract);

    exchange::ExchangeContractDirectory directory(x);
    const std::optional<pki::ContractTerms> terms = directory.find(code);
    QVERIFY(terms);
    QCOMPARE(terms->id, code);
    QCOMPARE(terms->buyer, QStringLiteral("p-acme"));
    QCOMPARE(terms->seller, QStringLiteral("p-dc1"));
    QCOMPARE(terms->instrument, hourSymbol(1, 14));
    QCOMPARE(terms->volume, 3);
    QCOMPARE(terms->startMs, at(1, 14) * 1000);
    QCOMPARE(terms->endMs, at(1, 15) * 1000);
    QVERIFY(!terms->terminated);
    QVERIFY(!directory.find(QStringLiteral("c-000099")));

    // The CA signs a contract certificate for a party, from the exchange's own book.
    QTemporaryDir dir;
    ManualClock clock(at(1, 10) * 1000);
    pki::CaOptions options;
    options.directory = dir.filePath(QStringLiteral("ca"));
    auto ca = pki::CertificateAuthority::open(options, clock);
    QVERIFY(ca.ok());
    auto key = pki::PrivateKey::generate();
    QVERIFY(key.ok());
    auto csr = pki::createCertificateRequest(key.value(),
                                             {QStringLiteral("p-acme"), QStringLiteral("manage"), {}, {}});
    QVERIFY(csr.ok());
    auto issued =
        ca.value()->issueContractCertificate({csr.value(), code, QStringLiteral("p-acme")}, directory);
    QVERIFY2(issued.ok(), issued.ok() ? "" : qPrintable(issued.error().message));
    auto stranger =
        ca.value()->issueContractCertificate({csr.value(), code, QStringLiteral("p-dc2")}, directory);
    QVERIFY(!stranger.ok());

    // Terminated on the exchange: the directory says so and the CA refuses.
    auto [ended, onEnded] = ackSlot();
    x.terminateContract(Exchange::parseContractCode(code).value(), onEnded);
    QVERIFY(wait(ended).accepted);
    QVERIFY(directory.find(code)->terminated);
    QVERIFY(
        !ca.value()->issueContractCertificate({csr.value(), code, QStringLiteral("p-acme")}, directory).ok());
}

void TestExchange::orderEventsFillsTapeAndInstruments()
{
    Exchange x;
    QVERIFY(x.open(QString(), config()).ok());
    x.advanceClock(at(1, 10));
    addTraders(x);
    QSignalSpy events(&x, &Exchange::orderEvent);
    const QString symbol = hourSymbol(1, 14);
    OrderRequest sell = order(symbol, Side::Sell, OrderType::Limit, TimeInForce::GoodTillCancel, 2500, 10);
    sell.clientOrderId = QStringLiteral("s-1");
    x.submitOrder(QStringLiteral("p-dc1"), sell);
    x.submitOrder(QStringLiteral("p-acme"),
                  order(symbol, Side::Buy, OrderType::Limit, TimeInForce::GoodTillCancel, 2600, 4));
    x.cancelOrder(QStringLiteral("p-dc1"), 1);
    QTRY_COMPARE(events.size(), 5);
    auto event = [&](int i) {
        return events.at(i).at(0).value<OrderEvent>();
    };
    QCOMPARE(event(0).kind, OrderEvent::Kind::Accepted);
    QCOMPARE(event(0).participant, QStringLiteral("p-dc1"));
    QCOMPARE(event(0).order.clientOrderId, QStringLiteral("s-1"));
    QCOMPARE(event(1).kind, OrderEvent::Kind::Accepted);
    QCOMPARE(event(1).participant, QStringLiteral("p-acme"));
    // Fills: the buyer's incoming order at its own limit, the resting sell at the trade price.
    QCOMPARE(event(2).kind, OrderEvent::Kind::Filled);
    QCOMPARE(event(2).participant, QStringLiteral("p-acme"));
    QCOMPARE(event(2).order.id, 2u);
    QCOMPARE(event(2).order.priceTicks, 2600);
    QCOMPARE(event(2).order.remaining, 0);
    QCOMPARE(event(3).participant, QStringLiteral("p-dc1"));
    QCOMPARE(event(3).order.id, 1u);
    QCOMPARE(event(3).order.priceTicks, 2500);
    QCOMPARE(event(3).order.remaining, 6);
    QCOMPARE(event(4).kind, OrderEvent::Kind::Cancelled);
    QCOMPARE(event(4).reason, QStringLiteral("requested"));
    QCOMPARE(event(4).order.remaining, 6);

    const QList<FillInfo> fills = x.fills(QStringLiteral("p-acme"));
    QCOMPARE(fills.size(), 1);
    QCOMPARE(fills.constFirst().side, Side::Buy);
    QCOMPARE(fills.constFirst().counterparty, QStringLiteral("p-dc1"));
    QCOMPARE(fills.constFirst().orderId, 2u);
    QCOMPARE(fills.constFirst().trade.priceTicks, 2500);
    QCOMPARE(fills.constFirst().trade.quantity, 4);
    QCOMPARE(fills.constFirst().trade.aggressor, Side::Buy);
    QCOMPARE(x.fills(QStringLiteral("p-dc1")).constFirst().side, Side::Sell);
    QVERIFY(x.fills(QStringLiteral("p-dc2")).isEmpty());

    const QList<TradeInfo> tape = x.recentTrades(symbol, 10);
    QCOMPARE(tape.size(), 1);
    QCOMPARE(tape.constFirst().priceTicks, 2500);
    QCOMPARE(tape.constFirst().quantity, 4);
    QVERIFY(tape.constFirst().buyer.isEmpty()); // the public tape names no parties
    QVERIFY(tape.constFirst().eventSeq > 0);
    QVERIFY(x.recentTrades(symbol, 0).isEmpty());

    const QList<InstrumentInfo> instruments = x.instruments();
    QCOMPARE(instruments.size(), x.openSymbols().size());
    const auto it = std::find_if(instruments.cbegin(), instruments.cend(),
                                 [&](const InstrumentInfo &i) { return i.symbol == symbol; });
    QVERIFY(it != instruments.cend());
    QCOMPARE(it->productSymbol, kProduct);
    QCOMPARE(it->kind, catalogue::PeriodKind::Hour);
    QCOMPARE(it->deliveryStartSecs, at(1, 14));
    QCOMPARE(it->bandLowTicks, 100);
    QCOMPARE(it->bandHighTicks, 100'000);
    QCOMPARE(x.depth(symbol, 5).eventSeq, x.engine().eventSeq());
}

QTEST_GUILESS_MAIN(TestExchange)
#include "tst_exchange.moc"
