// Matching rules, one table row each, written in the script language of enginescript.h.
#include "enginescript.h"

#include <QTest>

#include <random>
#include <unordered_map>

using namespace cloudex::market;
using cloudex::market::testing::bookText;
using cloudex::market::testing::runScript;
using cloudex::market::testing::ScriptLog;

namespace {
constexpr Secs kStartTime = 1000;
constexpr Secs kDeliveryStart = 7200; // instruments 1 and 2 deliver 02:00-03:00 on day 0
constexpr Secs kDeliveryEnd = 10800;

// Participants:
//   p1 buyer+seller, jurisdiction bit 1, no certifications, metadata policy bit 1
//   p2 buyer+seller, jurisdiction bit 2, certification 1, metadata policy bit 2
//   p3 buyer only,   jurisdiction bit 1, certifications 1|2, metadata policy bit 1
//   p4 seller only,  jurisdiction bit 2, sells to p3 only
//   p5 buyer+seller, limits: 50 per order, open notional 4000, credit 3000
// Instrument 1: hourly, band 50..200, tick 1, lot 1. Instrument 2: tick 5, lot 10.
void setUp(Engine &engine)
{
    engine.clockTick({kStartTime});
    engine.addParticipant({1, "p-one", Role::Both, 1, 0, 1});
    engine.addParticipant({2, "p-two", Role::Both, 2, 1, 2});
    engine.addParticipant({3, "p-three", Role::Buyer, 1, 3, 1});
    engine.addParticipant({4, "p-four", Role::Seller, 2, 0, 1});
    engine.addParticipant({5, "p-five", Role::Both, 1, 0, 1});
    SetLimits sellsToThree;
    sellsToThree.participant = 4;
    sellsToThree.allowedBuyers = {3};
    engine.setLimits(sellsToThree);
    engine.setLimits({5, 50, 4000, 3000, {}});
    ListInstrument one{
        1, "ONE", Terms{0, 0, 9950, 1440, false, {}, 1}, 0, kDeliveryStart, kDeliveryEnd, 1, 1, 50, 200};
    engine.listInstrument(one);
    ListInstrument two = one;
    two.instrument = 2;
    two.periodKind = 1;
    two.priceIncrement = 5;
    two.lotSize = 10;
    engine.listInstrument(two);
}
} // namespace

class TestEngine final : public QObject
{
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void rejectionChangesNothing_data();
    void rejectionChangesNothing();
    void exposureFollowsOrders();
    void eventSequenceIsGapFree();
    void snapshotRestoresExactly();
    void commandsRoundTrip();
    void clientIdIsItsBytesUpToNul();
    void restoreRefusesWhatSnapshotNeverWrites();
    void candlesAndSpotIndex();
    void spotHistoryPerMinute();
    void orderIdMapMatchesStdMap();
    void settlementFormula();
    void frontHourIsTheEarliestOpenHour();
};

void TestEngine::rules_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("events");
    QTest::addColumn<QString>("book");

    auto row = [](const char *name, const char *script, const char *events, const char *book) {
        QTest::newRow(name) << QString::fromUtf8(script) << QString::fromUtf8(events)
                            << QString::fromUtf8(book);
    };
    row("rests", "S p1 10@100", "+1", "B | A 100x10");
    row("full fill", "S p1 10@100; B p2 10@100", "+1 +2 T2/1:10@100", "B | A");
    row("partial fill rests remainder", "S p1 5@100; B p2 8@101", "+1 +2 T2/1:5@100", "B 101x3 | A");
    row("partial fill of resting", "S p1 10@100; B p2 4@100", "+1 +2 T2/1:4@100", "B | A 100x6");
    row("price priority", "S p1 5@101; S p2 5@100; B p3 5@101", "+1 +2 +3 T3/2:5@100", "B | A 101x5");
    row("time priority", "S p1 5@100; S p2 5@100; B p3 7@100", "+1 +2 +3 T3/1:5@100 T3/2:2@100",
        "B | A 100x3");
    row("sweeps levels at resting prices", "S p1 5@100; S p2 5@102; B p3 10@105",
        "+1 +2 +3 T3/1:5@100 T3/2:5@102", "B | A");
    row("no cross no trade", "S p1 5@101; B p2 5@100", "+1 +2", "B 100x5 | A 101x5");
    row("ioc remainder cancelled", "S p1 5@100; B p2 8@100 ioc", "+1 +2 T2/1:5@100 x2:ioc", "B | A");
    row("fok fills across levels", "S p1 5@100; S p2 5@101; B p3 10@101 fok",
        "+1 +2 +3 T3/1:5@100 T3/2:5@101", "B | A");
    row("fok killed", "S p1 5@100; B p2 8@100 fok", "+1 !order.fill-or-kill-not-filled", "B | A 100x5");
    row("fok counts only eligible", "S p1 5@100; S p2 5@100; B p3 10@100 fok c=1",
        "+1 +2 !order.fill-or-kill-not-filled", "B | A 100x10");
    row("market order", "S p1 5@100; S p2 5@150; B p3 7 mkt", "+1 +2 +3 T3/1:5@100 T3/2:2@150",
        "B | A 150x3");
    row("market order without liquidity", "B p1 5 mkt", "+1 x1:ioc", "B | A");
    row("post-only rests", "S p1 5@100; B p2 5@99 post", "+1 +2", "B 99x5 | A 100x5");
    row("post-only would cross", "S p1 5@100; B p2 5@100 post", "+1 !order.post-only-would-cross",
        "B | A 100x5");
    row("post-only ioc is invalid", "B p1 5@100 post ioc", "!order.invalid-type", "B | A");
    row("self-trade cancels resting", "S p1 5@100; S p2 5@100; B p1 5@100", "+1 +2 +3 x1:stp T3/2:5@100",
        "B | A");
    row("eligibility skip keeps priority", "S p1 5@100; S p2 5@100; B p3 5@100 c=1; B p2 5@100",
        "+1 +2 +3 T3/2:5@100 +4 T4/1:5@100", "B | A");
    row("resting requirement screens incoming", "S p2 5@100 j=2; S p1 5@101; B p3 5@101",
        "+1 +2 +3 T3/2:5@101", "B | A 100x5");
    row("ineligible crossing order rests", "S p1 5@100; B p3 5@100 c=2", "+1 +2", "B 100x5 | A 100x5");
    row("seller restricts buyers", "S p4 5@100; B p1 5@100; B p3 5@100", "+1 +2 +3 T3/1:5@100",
        "B 100x5 | A");
    row("metadata policy screens", "S p1 5@100; B p2 5@100 m=2", "+1 +2", "B 100x5 | A 100x5");
    row("metadata policy passes", "S p1 5@100; B p2 5@100 m=1", "+1 +2 T2/1:5@100", "B | A");
    row("jurisdiction passes", "S p2 5@100; B p1 5@100 j=2", "+1 +2 T2/1:5@100", "B | A");
    row("band low", "B p1 5@49", "!order.price-outside-band", "B | A");
    row("band high", "S p1 5@201", "!order.price-outside-band", "B | A");
    row("zero price", "B p1 5@0", "!order.bad-price", "B | A");
    row("zero quantity", "B p1 0@100", "!order.bad-quantity", "B | A");
    row("negative quantity", "B p1 -5@100", "!order.bad-quantity", "B | A");
    row("price off tick", "B p1 10@101 i=2", "!order.price-off-tick", "B | A");
    row("quantity off lot", "B p1 5@100 i=2", "!order.bad-lot", "B | A");
    row("unknown instrument", "B p1 5@100 i=9", "!instrument.unknown", "B | A");
    row("unknown participant", "B p9 5@100", "!participant.unknown", "B | A");
    row("buyer cannot sell", "S p3 5@100", "!participant.role", "B | A");
    row("seller cannot buy", "B p4 5@100", "!participant.role", "B | A");
    row("max order size", "B p5 60@60", "!risk.max-order-size", "B | A");
    row("max open notional", "S p5 41@100", "!risk.max-open-notional", "B | A");
    row("credit", "B p5 31@100", "!risk.credit", "B | A");
    row("credit counts bought contracts", "S p1 20@100; B p5 20@100; B p5 11@100",
        "+1 +2 T2/1:20@100 !risk.credit", "B | A");
    row("kill switch cancels and blocks", "S p1 5@100; S p1 5@101; B p2 3@90; K p1; B p1 5@90",
        "+1 +2 +3 x1:kill x2:kill !participant.blocked", "B 90x3 | A");
    row("kill switch released", "K p1; U p1; B p1 5@90", "+1", "B 90x5 | A");
    row("cancel", "S p1 5@100; X p1 #1", "+1 x1:user", "B | A");
    row("cancel unknown", "X p1 #7", "!order.unknown", "B | A");
    row("cancel twice", "S p1 5@100; X p1 #1; X p1 #1", "+1 x1:user !order.unknown", "B | A");
    row("cancel not owner", "S p1 5@100; X p2 #1", "+1 !order.not-owner", "B | A 100x5");
    row("replace down keeps priority", "S p1 5@100; S p2 5@100; R p1 #1 3@100; B p3 3@100",
        "+1 +2 r1:keep +3 T3/1:3@100", "B | A 100x5");
    row("replace up loses priority", "S p1 5@100; S p2 5@100; R p1 #1 6@100; B p3 3@100",
        "+1 +2 r1:lose +3 T3/2:3@100", "B | A 100x8");
    row("replace price loses priority", "S p1 5@101; S p2 5@100; R p1 #1 5@100; B p3 5@100",
        "+1 +2 r1:lose +3 T3/2:5@100", "B | A 100x5");
    row("replace crossing trades", "S p1 5@100; B p2 5@99; R p2 #2 5@100", "+1 +2 r2:lose T2/1:5@100",
        "B | A");
    row("replace outside band", "S p1 5@100; R p1 #1 5@300", "+1 !order.price-outside-band", "B | A 100x5");
    row("replace post-only crossing", "S p1 5@100; B p2 5@99 post; R p2 #2 5@100",
        "+1 +2 !order.post-only-would-cross", "B 99x5 | A 100x5");
    row("gtd expires", "B p1 5@100 gtd=1500; T 1499; T 1500", "+1 x1:expired", "B | A");
    row("gtd in the past", "B p1 5@100 gtd=1000", "!order.bad-expiry", "B | A");
    row("clock backwards", "T 900", "!clock.backwards", "B | A");
    row("delivery start closes", "S p1 5@100; B p2 3@90; T 7200; B p1 1@100",
        "+1 +2 x2:closed x1:closed !instrument.closed", "B | A");
    row("contract lifecycle", "S p1 5@100; B p2 5@100; T 7200; T 10800",
        "+1 +2 T2/1:5@100 c1:active c1:expired", "B | A");
    row("contract terminated", "S p1 5@100; B p2 5@100; T 7200; Z #1; Z #1",
        "+1 +2 T2/1:5@100 c1:active c1:terminated !contract.not-terminable", "B | A");
    row("terminate unknown contract", "Z #4", "!contract.unknown", "B | A");
    row("client id repeats result", "B p1 5@100 id=a; B p1 5@100 id=a", "+1 =1", "B 100x5 | A");
    row("client id with other content", "B p1 5@100 id=a; B p1 6@100 id=a", "+1 !order.duplicate-client-id",
        "B 100x5 | A");
    row("client id per participant", "B p1 5@100 id=a; B p2 5@100 id=a", "+1 +2", "B 100x10 | A");
    row("client id repeats rejection", "B p1 0@100 id=z; B p1 0@100 id=z",
        "!order.bad-quantity =0:order.bad-quantity", "B | A");
}

void TestEngine::rules()
{
    QFETCH(QString, script);
    QFETCH(QString, events);
    QFETCH(QString, book);

    Engine engine;
    setUp(engine);
    ScriptLog log;
    engine.setListener(&log);
    std::string error;
    QVERIFY2(runScript(engine, script.toStdString(), &error), error.c_str());
    QCOMPARE(QString::fromStdString(log.text), events);
    QCOMPARE(QString::fromStdString(bookText(engine, 1)), book);
}

void TestEngine::rejectionChangesNothing_data()
{
    QTest::addColumn<QString>("bad");
    QTest::newRow("zero quantity") << QStringLiteral("B p1 0@100");
    QTest::newRow("outside band") << QStringLiteral("B p1 5@500");
    QTest::newRow("closed instrument") << QStringLiteral("T 7200; B p1 5@100");
    QTest::newRow("over limit") << QStringLiteral("B p5 45@100");
    QTest::newRow("duplicate id") << QStringLiteral("B p1 7@100 id=x");
    QTest::newRow("fill or kill") << QStringLiteral("B p2 50@150 fok");
}

void TestEngine::rejectionChangesNothing()
{
    QFETCH(QString, bad);
    Engine engine;
    setUp(engine);
    std::string error;
    QVERIFY(runScript(engine, "S p1 10@150; B p2 5@90; B p1 5@100 id=x", &error));
    const std::vector<std::string> parts = [&] {
        std::vector<std::string> out;
        std::string s = bad.toStdString();
        for (std::size_t at; (at = s.find("; ")) != std::string::npos; s = s.substr(at + 2))
            out.push_back(s.substr(0, at));
        out.push_back(s);
        return out;
    }();
    for (std::size_t i = 0; i + 1 < parts.size(); ++i)
        QVERIFY(runScript(engine, parts[i], &error));
    const std::string before = engine.snapshot();
    const std::uint64_t seq = engine.eventSeq();
    ScriptLog log;
    engine.setListener(&log);
    QVERIFY(runScript(engine, parts.back(), &error));
    QCOMPARE(log.text.front(), '!');
    QCOMPARE(log.text.find(' '), std::string::npos); // exactly one event
    QCOMPARE(engine.eventSeq(), seq + 1);
    // Only the event counter (bytes 12..19 of the snapshot) may differ.
    std::string after = engine.snapshot();
    QCOMPARE(after.size(), before.size());
    std::copy_n(before.begin() + 12, 8, after.begin() + 12);
    QVERIFY(after == before);
}

void TestEngine::exposureFollowsOrders()
{
    Engine engine;
    setUp(engine);
    std::string error;
    QVERIFY(runScript(engine, "S p5 10@100; B p1 4@100", &error));
    QCOMPARE(engine.participant(5)->openNotional, 600); // 6 left x 100 ticks x 1 hour
    QCOMPARE(engine.participant(5)->openBuyNotional, 0);
    QCOMPARE(engine.participant(1)->boughtValue, 400);
    QVERIFY(runScript(engine, "B p5 10@80; R p5 #3 5@80", &error));
    QCOMPARE(engine.participant(5)->openBuyNotional, 400);
    QCOMPARE(engine.participant(5)->openNotional, 1000);
    QVERIFY(runScript(engine, "K p5", &error));
    QCOMPARE(engine.participant(5)->openNotional, 0);
    QCOMPARE(engine.participant(5)->openBuyNotional, 0);
}

namespace {
class SeqCheck final : public EngineListener
{
public:
    std::uint64_t last = 0;
    bool gap = false;
    void see(std::uint64_t s)
    {
        gap |= s != last + 1;
        last = s;
    }
    void onAccept(std::uint64_t s, const OrderView &) override { see(s); }
    void onReject(std::uint64_t s, Reason, OrderId) override { see(s); }
    void onDuplicate(std::uint64_t s, OrderId, Reason) override { see(s); }
    void onTrade(std::uint64_t s, const Trade &) override { see(s); }
    void onCancel(std::uint64_t s, const OrderView &, CancelReason) override { see(s); }
    void onReplace(std::uint64_t s, const OrderView &, bool) override { see(s); }
    void onContract(std::uint64_t s, const Contract &) override { see(s); }
    void onInstrument(std::uint64_t s, InstrumentId, bool) override { see(s); }
    void onParticipant(std::uint64_t s, ParticipantId) override { see(s); }
    void onClock(std::uint64_t s, Secs) override { see(s); }
};
} // namespace

void TestEngine::eventSequenceIsGapFree()
{
    Engine engine;
    SeqCheck check;
    engine.setListener(&check);
    setUp(engine);
    std::string error;
    QVERIFY(runScript(engine,
                      "S p1 5@100; S p2 5@101; B p3 10@101; B p1 0@1; S p1 3@120 gtd=2000; T 2000; K p2; "
                      "T 7200; T 10800",
                      &error));
    QVERIFY(!check.gap);
    QCOMPARE(check.last, engine.eventSeq());
    QVERIFY(engine.eventSeq() > 20);
}

void TestEngine::snapshotRestoresExactly()
{
    Engine engine;
    setUp(engine);
    std::string error;
    QVERIFY(runScript(engine,
                      "S p1 5@100; S p2 5@101 c=1; B p3 3@100 id=q; B p1 4@90 gtd=3000; S p2 7@110; "
                      "X p2 #5; R p1 #4 2@90",
                      &error));
    Engine copy;
    QVERIFY(copy.restore(engine.snapshot()));
    QCOMPARE(copy.stateHash(), engine.stateHash());
    QCOMPARE(bookText(copy, 1), bookText(engine, 1));

    // Both continue identically: ids, expiry, priority and idempotency survived.
    const std::string more = "B p3 3@100 id=q; S p1 4@90; T 3000; B p3 10@150; T 7200";
    ScriptLog a;
    ScriptLog b;
    engine.setListener(&a);
    copy.setListener(&b);
    QVERIFY(runScript(engine, more, &error));
    QVERIFY(runScript(copy, more, &error));
    QCOMPARE(b.text, a.text);
    QCOMPARE(copy.stateHash(), engine.stateHash());
    QVERIFY(!copy.restore("garbage"));
    QCOMPARE(copy.eventSeq(), 0u);
}

void TestEngine::commandsRoundTrip()
{
    NewOrder order;
    order.participant = 7;
    order.instrument = 3;
    order.side = Side::Sell;
    order.type = OrderType::Limit;
    order.tif = TimeInForce::GoodTillDate;
    order.postOnly = true;
    order.price = 12345;
    order.quantity = 40;
    order.expiry = 99999;
    order.clientId = ClientOrderId::from("client-17");
    order.counterparty = Eligibility{6, 5, 4};
    SetLimits limits{9, 10, 20, 30, {4, 2}};
    ListInstrument listing{12,
                           "DE.GP2.SH.S1.Q2027-Q1",
                           Terms{3, 2, 9995, 60, false, {CreditStep{9995, 10}, CreditStep{9900, 25}}, 2},
                           3,
                           100,
                           200,
                           5,
                           10,
                           50,
                           500};
    const std::vector<Command> commands = {order,
                                           limits,
                                           listing,
                                           TerminateContract{8},
                                           SetKillSwitch{4, true},
                                           ClockTick{5},
                                           CancelOrder{1, 2},
                                           ReplaceOrder{1, 2, 3, 4},
                                           AddParticipant{3, "p-x", Role::Seller, 2, 3, 4},
                                           RegisterSite{3, "s-fra1", "F", "https://h:1", {"A", "B"}},
                                           AssignSite{8, "s-fra1"},
                                           ReportUsage{8, true, {UsageHour{3600, "web-1", 1, 2, 3}}},
                                           SettleContract{8, true, 1800, 100, 9166, 25, 25, 75}};
    QCOMPARE(commands.size(), std::variant_size_v<Command>); // every command, once
    for (const Command &command : commands) {
        Writer out;
        encode(command, out);
        Reader in(out.data());
        Command back;
        QVERIFY(decode(in, back));
        QVERIFY(in.atEnd());
        Writer again;
        encode(back, again);
        QVERIFY(again.data() == out.data());
        QCOMPARE(back.index(), command.index());
    }
    // Spot checks of decoded content, so a field lost both ways cannot hide.
    Writer out;
    encode(listing, out);
    Reader in(out.data());
    Command back;
    QVERIFY(decode(in, back));
    QVERIFY(std::get<ListInstrument>(back).terms == listing.terms);
    QCOMPARE(std::get<ListInstrument>(back).symbol, listing.symbol);
    QCOMPARE(std::get<ListInstrument>(back).bandHigh, 500);
    out.clear();
    encode(order, out);
    Reader orderIn(out.data());
    QVERIFY(decode(orderIn, back));
    const NewOrder &o = std::get<NewOrder>(back);
    QVERIFY(o.clientId == order.clientId);
    QVERIFY(o.counterparty == order.counterparty);
    QCOMPARE(o.tif, TimeInForce::GoodTillDate);
    QVERIFY(o.postOnly);
    QCOMPARE(o.side, Side::Sell);
    QCOMPARE(o.expiry, 99999);
    Reader truncated(std::string_view("\x04\x01", 2));
    QVERIFY(!decode(truncated, back));
}

void TestEngine::clientIdIsItsBytesUpToNul()
{
    // An id is its bytes up to the first NUL, as journal records and snapshots write it
    // (view()). from() used to keep the bytes after a NUL: the running engine held "q\0one"
    // and "q\0two" as two ids that its snapshot wrote as one "q", so the restored engine had
    // one (fuzz/corpus/journal_record/regress-nul-client-id).
    const ClientOrderId one = ClientOrderId::from(std::string_view("q\0one", 5));
    const ClientOrderId two = ClientOrderId::from(std::string_view("q\0two", 5));
    QVERIFY(one == two);
    QVERIFY(one == ClientOrderId::from("q"));
    QVERIFY(one.view() == "q");
    QVERIFY(ClientOrderId::from("abcdefghijklmnopqrstuvwxyz") ==
            ClientOrderId::from("abcdefghijklmnopqrstuvwx"));
    QVERIFY(ClientOrderId::canonical("abcdefghijklmnopqrstuvwx"));
    QVERIFY(!ClientOrderId::canonical("abcdefghijklmnopqrstuvwxy"));
    QVERIFY(!ClientOrderId::canonical(std::string_view("q\0", 2)));

    Engine engine;
    setUp(engine);
    ScriptLog log;
    engine.setListener(&log);
    NewOrder order;
    order.participant = 1;
    order.instrument = 1;
    order.price = 100;
    order.quantity = 1;
    order.clientId = one;
    engine.newOrder(order);
    order.price = 101;
    order.clientId = two;
    engine.newOrder(order); // the same id with other content
    QCOMPARE(log.text, std::string("+1 !order.duplicate-client-id"));
    Engine restored;
    QVERIFY(restored.restore(engine.snapshot()));
    QVERIFY(restored.snapshot() == engine.snapshot());

    // A journal record holds what encode() writes: an id of at most 24 bytes without NUL.
    auto record = [](std::string_view id) {
        Writer out;
        out.u8(std::uint8_t(Command(NewOrder{}).index()));
        out.u32(1);
        out.u32(1);
        out.u8(0);
        out.i64(100);
        out.i64(1);
        out.i64(0);
        out.bytes(id);
        out.u64(0);
        out.u32(0);
        out.u32(0);
        return out.take();
    };
    const std::string plain = record("q-1");
    const std::string withNul = record(std::string_view("q\0two", 5));
    const std::string tooLong = record("abcdefghijklmnopqrstuvwxy");
    Command back;
    Reader plainIn(plain);
    QVERIFY(decode(plainIn, back) && plainIn.atEnd());
    QVERIFY(std::get<NewOrder>(back).clientId == ClientOrderId::from("q-1"));
    Reader withNulIn(withNul);
    QVERIFY(!decode(withNulIn, back));
    Reader tooLongIn(tooLong);
    QVERIFY(!decode(tooLongIn, back));
}

void TestEngine::restoreRefusesWhatSnapshotNeverWrites()
{
    // Restore takes what serialize() writes and refuses the rest, rather than taking a
    // damaged snapshot as some other state: levels out of order (restore used to sort them,
    // one insert at a time, quadratic in the levels), a client id twice (the second was
    // dropped), a client id serialize() cannot write.
    Engine engine;
    setUp(engine);
    std::string error;
    QVERIFY(runScript(engine, "B p1 1@100 id=qa; B p1 1@90 id=qb", &error));
    const std::string good = engine.snapshot();
    Engine restored;
    QVERIFY(restored.restore(good));
    QVERIFY(restored.snapshot() == good);

    // The bid levels out of order: 90 (order 1) listed before 100 (order 2).
    auto level = [](Tick price, OrderId first) {
        Writer out;
        out.i64(price);
        out.u32(1);     // orders at the level
        out.u64(first); // the first one's id
        return out.take();
    };
    std::string swapped = good;
    for (const auto &[from, to] :
         {std::pair{level(100, 1), level(90, 1)}, std::pair{level(90, 2), level(100, 2)}}) {
        const std::size_t at = swapped.find(from);
        QVERIFY(at != std::string::npos && swapped.find(from, at + 1) == std::string::npos);
        swapped.replace(at, from.size(), to);
    }
    QVERIFY(!restored.restore(swapped));
    QCOMPARE(restored.eventSeq(), 0u);

    Writer qa;
    qa.bytes("qa");
    Writer qb;
    qb.bytes("qb");
    Writer qNul;
    qNul.bytes(std::string_view("q\0", 2));
    // Each id is written twice: on its resting order, then in the client id table (the last).
    const std::size_t last = good.rfind(qb.data());
    QVERIFY(last != std::string::npos && good.find(qb.data()) < last);
    std::string duplicate = good;
    duplicate.replace(last, qb.data().size(), qa.data());
    QVERIFY(!restored.restore(duplicate));
    std::string nul = good;
    nul.replace(last, qb.data().size(), qNul.data());
    QVERIFY(!restored.restore(nul));
    QVERIFY(restored.restore(good));
    QVERIFY(restored.snapshot() == good);
}

void TestEngine::candlesAndSpotIndex()
{
    Engine engine;
    setUp(engine);
    std::string error;
    // Minute 960: one trade; minute 1020: two at different prices. All within five minutes.
    QVERIFY(runScript(engine, "S p1 10@100; B p2 2@100; T 1030; B p2 6@100; T 1070; S p1 4@120; B p2 4@120",
                      &error));
    const auto *minutes = engine.marketData().candles(1, Resolution::Minute1);
    QVERIFY(minutes);
    QCOMPARE(minutes->size(), 2u);
    QCOMPARE(minutes->at(0), (Candle{960, 100, 100, 100, 100, 2}));
    QCOMPARE(minutes->at(1), (Candle{1020, 100, 120, 100, 120, 10}));
    QCOMPARE(engine.marketData().candles(1, Resolution::Hour1)->size(), 1u);
    QCOMPARE(engine.marketData().candles(1, Resolution::Hour1)->front().volume, 12);
    QCOMPARE(engine.frontHour(0), 1u);
    // The last buy takes the 2 left at 100 first. VWAP: (10 x 100 + 2 x 120) / 12 = 103.3.
    QCOMPARE(engine.marketData().spot(0), 103);
    // Five minutes after the early trades only those of second 1070 remain: 440 / 4.
    QVERIFY(runScript(engine, "T 1330", &error));
    QCOMPARE(engine.marketData().spot(0), 110);
    // Nothing in the window: the last value carries.
    QVERIFY(runScript(engine, "T 2000", &error));
    QCOMPARE(engine.marketData().spot(0), 110);
}

void TestEngine::spotHistoryPerMinute()
{
    Engine engine;
    setUp(engine);
    std::string error;
    QVERIFY(runScript(engine, "S p1 10@100; B p2 2@100; T 1030; B p2 6@100; T 1070; S p1 4@120; B p2 4@120",
                      &error));
    QVERIFY(runScript(engine, "T 1330; T 2000", &error));
    const std::deque<SpotSample> *history = engine.marketData().spotHistory(0);
    QVERIFY(history);
    // One sample per minute with a value, the last value of that minute; minutes are whole.
    QVERIFY(history->size() >= 4);
    for (std::size_t i = 0; i < history->size(); ++i) {
        QCOMPARE(history->at(i).minute % kSpotSampleSecs, 0);
        if (i > 0)
            QVERIFY(history->at(i).minute > history->at(i - 1).minute);
    }
    QCOMPARE(history->front(), (SpotSample{960, 100}));
    QCOMPARE(history->back(), (SpotSample{1980, 110}));
    const auto at1020 = std::find_if(history->cbegin(), history->cend(),
                                     [](const SpotSample &s) { return s.minute == 1020; });
    QVERIFY(at1020 != history->cend());
    QCOMPARE(at1020->price, 103);
    // A product that never traded has no history; the snapshot carries the history.
    QVERIFY(!engine.marketData().spotHistory(1) || engine.marketData().spotHistory(1)->empty());
    Engine restored;
    QVERIFY(restored.restore(engine.snapshot()));
    QVERIFY(restored.marketData().spotHistory(0));
    QVERIFY(*restored.marketData().spotHistory(0) == *history);
    QCOMPARE(restored.stateHash(), engine.stateHash());
}

void TestEngine::settlementFormula()
{
    Contract k;
    k.id = 4;
    k.price = 12345;
    k.quantity = 3;
    k.start = 3600;
    k.end = 3 * 3600;
    k.state = ContractState::Expired;
    // Out of order on purpose: the table is read by threshold ascending.
    k.terms.credits = {CreditStep{9995, 10}, CreditStep{9000, 50}, CreditStep{9900, 25}};
    UsageReportState usage;
    usage.hours = {UsageHour{3600, "a", 3600, 3600, 3600}, UsageHour{7200, "a", 3600, 3600, 3000}};
    SettleContract s = computeSettlement(k, &usage, false);
    QCOMPARE(s.seconds, 7200);
    QCOMPARE(s.gross, 12345 * 3 * 2);
    QCOMPARE(s.availabilityBasisPoints, 9166); // 6600 / 7200, rounded down
    QCOMPARE(s.creditPercent, 25);             // below 9900, not below 9000
    QCOMPARE(s.credit, (74070 * 25 + 50) / 100);
    QCOMPARE(s.net, s.gross - s.credit);
    QVERIFY(!s.estimated);

    // Terminated half way through the first hour: pro rata, rounded half up.
    k.state = ContractState::Terminated;
    k.terminatedAt = 3600 + 1800;
    s = computeSettlement(k, nullptr, true);
    QCOMPARE(s.seconds, 1800);
    QCOMPARE(s.gross, 18518); // 18517.5
    QCOMPARE(s.availabilityBasisPoints, 10000);
    QCOMPARE(s.creditPercent, 0);
    QCOMPARE(s.net, 18518);
    QVERIFY(s.estimated);
    // Terminated before its window: nothing delivered, nothing owed.
    k.terminatedAt = 0;
    QCOMPARE(computeSettlement(k, nullptr, true).gross, 0);
}

void TestEngine::orderIdMapMatchesStdMap()
{
    // Inserts and erases in random order through several growths: backward-shift deletion
    // must never lose a key that sits later in a probe run.
    OrderIdMap map;
    std::unordered_map<OrderId, std::uint32_t> reference;
    std::mt19937_64 rng(5);
    OrderId next = 1;
    for (int step = 0; step < 200000; ++step) {
        if (reference.empty() || rng() % 3 != 0) {
            map.insert(next, std::uint32_t(next * 3));
            reference.emplace(next, std::uint32_t(next * 3));
            ++next;
        } else {
            const OrderId victim = 1 + rng() % (next - 1);
            map.erase(victim);
            reference.erase(victim);
        }
    }
    for (OrderId id = 1; id < next; ++id) {
        const auto it = reference.find(id);
        QCOMPARE(map.find(id), it == reference.end() ? kNoSlot : it->second);
    }
}

void TestEngine::frontHourIsTheEarliestOpenHour()
{
    // Listing keeps the front hour up to date without scanning every open instrument (a
    // fresh exchange lists some 15,000): hours of three products listed in shuffled order,
    // days in between, ties listed twice; after every listing and every closing the front is
    // the open hour that starts first, the first listed among equals, as a scan finds it.
    Engine engine;
    engine.clockTick({kStartTime});
    struct Listed
    {
        InstrumentId id;
        std::uint32_t product;
        std::uint8_t kind;
        Secs start;
    };
    std::vector<Listed> listed;
    std::mt19937_64 rng(11);
    const auto expectedFront = [&](std::uint32_t product, Secs now) {
        InstrumentId best = 0;
        Secs bestStart = 0;
        for (const Listed &l : listed) {
            if (l.product == product && l.kind == 0 && l.start > now && (best == 0 || l.start < bestStart)) {
                best = l.id;
                bestStart = l.start;
            }
        }
        return best;
    };
    for (InstrumentId id = 1; id <= 300; ++id) {
        const auto product = std::uint32_t(rng() % 3);
        const std::uint8_t kind = rng() % 4 == 0 ? 1 : 0;
        const Secs start = kDeliveryStart + Secs(rng() % 100) * 3600;
        engine.listInstrument({id, "I" + std::to_string(id), Terms{product, 0, 9950, 1440, false, {}, 1},
                               kind, start, start + 3600, 1, 1, 50, 200});
        listed.push_back({id, product, kind, start});
        for (std::uint32_t p = 0; p < 3; ++p)
            QCOMPARE(engine.frontHour(p), expectedFront(p, kStartTime));
    }
    Engine restored;
    QVERIFY(restored.restore(engine.snapshot()));
    for (Secs now = kDeliveryStart; now < kDeliveryStart + 100 * 3600; now += 3600 * 7) {
        engine.clockTick({now});
        for (std::uint32_t p = 0; p < 3; ++p)
            QCOMPARE(engine.frontHour(p), expectedFront(p, now));
    }
    for (std::uint32_t p = 0; p < 3; ++p)
        QCOMPARE(restored.frontHour(p), expectedFront(p, kStartTime));
}

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
