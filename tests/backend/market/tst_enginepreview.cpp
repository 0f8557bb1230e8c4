// Property test of Engine::preview(): over seeded random books, participants and requirements,
// the preview of an order equals what the same order fills when it is applied right after
// (quantity, notional, worst price, refusal), the preview changes nothing, and its skipped
// quantities equal a naive walk over ordersInPriority() classified by the test's own rules.
#include "market/engine.h"

#include <QTest>

#include <algorithm>
#include <random>
#include <unordered_map>

using namespace cloudex::market;

namespace {
constexpr int kParticipants = 6;
constexpr Secs kStart = 1000;
constexpr Tick kBandLow = 90;
constexpr Tick kBandHigh = 110;

struct Person
{
    std::uint64_t jurisdiction = 0;
    std::uint32_t certs = 0;
    std::uint32_t meta = 0;
    std::vector<ParticipantId> allowedBuyers;
};

/// What the applied order did, from the engine's events.
class Outcome final : public EngineListener
{
public:
    Qty filled = 0;
    Notional notional = 0;
    Tick worst = 0;
    Qty selfTradeCancelled = 0;
    Reason rejected = Reason::None;
    void onTrade(std::uint64_t, const Trade &t) override
    {
        filled += t.quantity;
        notional += t.price * t.quantity;
        worst = t.price;
    }
    void onCancel(std::uint64_t, const OrderView &o, CancelReason why) override
    {
        if (why == CancelReason::SelfTrade)
            selfTradeCancelled += o.remaining;
    }
    void onReject(std::uint64_t, Reason r, OrderId) override { rejected = r; }
};

Eligibility randomRequirement(std::mt19937_64 &rng)
{
    Eligibility e;
    if (rng() % 3 == 0)
        e.jurisdictions = 1 + rng() % 7; // some of bits 1, 2, 4
    if (rng() % 3 == 0)
        e.certifications = std::uint32_t(rng() % 4);
    if (rng() % 4 == 0)
        e.metadataPolicies = std::uint32_t(1 + rng() % 3);
    return e;
}

/// The test's own rules, written out again: the first demand `p` does not meet.
SkipReason unmetBy(const Person &p, const Eligibility &r)
{
    if (r.jurisdictions && !(r.jurisdictions & p.jurisdiction))
        return SkipReason::Jurisdiction;
    if ((p.certs & r.certifications) != r.certifications)
        return SkipReason::Certification;
    if (r.metadataPolicies && !(r.metadataPolicies & p.meta))
        return SkipReason::MetadataPolicy;
    return SkipReason::None;
}
} // namespace

class TestEnginePreview final : public QObject
{
    Q_OBJECT

private slots:
    void previewEqualsFill();
    void previewOfRefusedOrders();
};

void TestEnginePreview::previewEqualsFill()
{
    int compared = 0, withFills = 0, withSkips = 0;
    std::array<int, std::size_t(SkipReason::Count)> reasonsSeen{};
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        std::mt19937_64 rng(seed);
        Outcome outcome;
        Engine engine(&outcome);
        engine.clockTick({kStart});
        std::vector<Person> people(kParticipants + 1);
        for (ParticipantId id = 1; id <= kParticipants; ++id) {
            Person &p = people[id];
            p.jurisdiction = 1ull << (rng() % 3);
            p.certs = std::uint32_t(rng() % 4);
            p.meta = 1u << (rng() % 2);
            engine.addParticipant(
                {id, "p" + std::to_string(id), Role::Both, p.jurisdiction, p.certs, p.meta});
            SetLimits limits;
            limits.participant = id;
            limits.maxOrderQuantity = 100;
            limits.maxOpenNotional = rng() % 10 == 0 ? 2'000'000 : kUnlimited;
            if (rng() % 4 == 0) {
                for (ParticipantId b = 1; b <= kParticipants; ++b)
                    if (b != id && rng() % 2 == 0)
                        limits.allowedBuyers.push_back(b);
            }
            p.allowedBuyers = limits.allowedBuyers;
            std::sort(p.allowedBuyers.begin(), p.allowedBuyers.end());
            engine.setLimits(limits);
        }
        engine.listInstrument({1, "ONE", Terms{}, 0, 7200, 10800, 1, 1, kBandLow, kBandHigh});

        auto randomOrder = [&](bool resting) {
            NewOrder o;
            o.participant = ParticipantId(1 + rng() % kParticipants);
            o.instrument = 1;
            o.side = rng() % 2 ? Side::Buy : Side::Sell;
            o.price = kBandLow + Tick(rng() % (kBandHigh - kBandLow + 1));
            o.quantity = 1 + Qty(rng() % 20);
            o.counterparty = randomRequirement(rng);
            if (!resting) {
                switch (rng() % 6) {
                case 0:
                    o.type = OrderType::Market;
                    break;
                case 1:
                    o.tif = TimeInForce::ImmediateOrCancel;
                    break;
                case 2:
                    o.tif = TimeInForce::FillOrKill;
                    break;
                case 3:
                    o.postOnly = rng() % 2 == 0;
                    break;
                default:
                    break;
                }
                o.quantity = 1 + Qty(rng() % 120); // sometimes over the per-order limit
            }
            return o;
        };
        // Every accepted order's own demands, by order id: OrderView does not carry them.
        std::unordered_map<OrderId, Eligibility> demands;
        auto place = [&](const NewOrder &o) {
            const OrderId before = engine.lastOrderId();
            engine.newOrder(o);
            if (engine.lastOrderId() != before)
                demands[engine.lastOrderId()] = o.counterparty;
        };
        // A resting book: post-only orders rest without crossing (refusals are fine).
        for (int i = 0; i < 150; ++i) {
            NewOrder o = randomOrder(true);
            o.postOnly = true;
            place(o);
        }

        for (int step = 0; step < 60; ++step) {
            const NewOrder order = randomOrder(false);
            const std::uint64_t hashBefore = engine.stateHash();
            const std::uint64_t seqBefore = engine.eventSeq();
            const Preview preview = engine.preview(order);
            QCOMPARE(engine.stateHash(), hashBefore);
            QCOMPARE(engine.eventSeq(), seqBefore);

            // The naive walk over the public priority order, with the test's rules.
            std::array<Qty, std::size_t(SkipReason::Count)> expected{};
            if (preview.refusal == Reason::None || preview.refusal == Reason::FillOrKillNotFilled) {
                Qty remaining = order.quantity;
                const Side against = order.side == Side::Buy ? Side::Sell : Side::Buy;
                for (const OrderView &maker : engine.ordersInPriority(1, against)) {
                    if (remaining == 0)
                        break;
                    const bool beyond =
                        order.type == OrderType::Limit &&
                        (order.side == Side::Buy ? maker.price > order.price : maker.price < order.price);
                    const Person &taker = people[order.participant];
                    const Person &owner = people[maker.participant];
                    const Person &seller = order.side == Side::Sell ? taker : owner;
                    const ParticipantId buyer =
                        order.side == Side::Buy ? order.participant : maker.participant;
                    SkipReason why = maker.participant == order.participant
                                         ? SkipReason::SelfTrade
                                         : unmetBy(owner, order.counterparty);
                    if (why == SkipReason::None)
                        why = unmetBy(taker, demands.at(maker.id));
                    if (why == SkipReason::None && !seller.allowedBuyers.empty() &&
                        !std::binary_search(seller.allowedBuyers.begin(), seller.allowedBuyers.end(), buyer))
                        why = SkipReason::AllowList;
                    if (beyond) {
                        if (why == SkipReason::None)
                            remaining -= std::min(remaining, maker.remaining);
                    } else if (why == SkipReason::None) {
                        remaining -= std::min(remaining, maker.remaining);
                    } else {
                        expected[std::size_t(why)] += maker.remaining;
                    }
                }
            }
            for (std::size_t r = 1; r < std::size_t(SkipReason::Price); ++r)
                QCOMPARE(preview.skipped[r], expected[r]);

            outcome = Outcome{};
            place(order);
            ++compared;
            if (preview.refusal != Reason::None) {
                QCOMPARE(outcome.rejected, preview.refusal);
                QCOMPARE(preview.filled, 0);
            }
            QCOMPARE(preview.filled, outcome.filled);
            QCOMPARE(preview.notional, outcome.notional);
            QCOMPARE(preview.worstPrice, outcome.worst);
            if (preview.refusal == Reason::None)
                QCOMPARE(preview.skippedFor(SkipReason::SelfTrade), outcome.selfTradeCancelled);
            withFills += preview.filled > 0;
            bool skipped = false;
            for (std::size_t r = 1; r < std::size_t(SkipReason::Count); ++r) {
                reasonsSeen[r] += preview.skipped[r] > 0;
                skipped = skipped || preview.skipped[r] > 0;
            }
            withSkips += skipped;

            // Refill the book.
            for (int i = 0; i < 3; ++i) {
                NewOrder o = randomOrder(true);
                o.postOnly = true;
                place(o);
            }
        }
    }
    QCOMPARE(compared, 60 * 60);
    // The streams exercise what they claim to: fills and every reason.
    QVERIFY2(withFills > compared / 5, qPrintable(QString::number(withFills)));
    QVERIFY(withSkips > compared / 5);
    for (std::size_t r = 1; r < std::size_t(SkipReason::Count); ++r)
        QVERIFY2(reasonsSeen[r] > 0, skipReasonCode(SkipReason(r)));
}

void TestEnginePreview::previewOfRefusedOrders()
{
    Engine engine;
    engine.clockTick({kStart});
    engine.addParticipant({1, "buyer", Role::Buyer, 1, 0, 1});
    engine.addParticipant({2, "seller", Role::Seller, 2, 1, 1});
    engine.listInstrument({1, "ONE", Terms{}, 0, 7200, 10800, 1, 1, kBandLow, kBandHigh});
    engine.newOrder(
        {2, 1, Side::Sell, OrderType::Limit, TimeInForce::GoodTillCancel, false, 100, 5, 0, {}, {}});
    engine.newOrder(
        {2, 1, Side::Sell, OrderType::Limit, TimeInForce::GoodTillCancel, false, 104, 5, 0, {}, {}});

    // Fills at 100 and 104: average 102, worst 104; the limit leaves out nothing eligible.
    Preview p = engine.preview(
        {1, 1, Side::Buy, OrderType::Limit, TimeInForce::ImmediateOrCancel, false, 105, 8, 0, {}, {}});
    QCOMPARE(p.refusal, Reason::None);
    QCOMPARE(p.filled, 8);
    QCOMPARE(p.averagePrice(), 102); // (500 + 312) / 8 = 101.5, half away from zero
    QCOMPARE(p.worstPrice, 104);
    // A limit of 101 fills 5; the 3 more it wants rest at 104: skipped for price.
    p = engine.preview(
        {1, 1, Side::Buy, OrderType::Limit, TimeInForce::GoodTillCancel, false, 101, 8, 0, {}, {}});
    QCOMPARE(p.filled, 5);
    QCOMPARE(p.skippedFor(SkipReason::Price), 3);
    // Demanding jurisdiction bit 1 or certification 2 passes over the seller.
    NewOrder demanding{1, 1,  Side::Buy, OrderType::Market, TimeInForce::ImmediateOrCancel, false, 0, 8,
                       0, {}, {}};
    demanding.counterparty.jurisdictions = 1;
    p = engine.preview(demanding);
    QCOMPARE(p.filled, 0);
    QCOMPARE(p.skippedFor(SkipReason::Jurisdiction), 10);
    demanding.counterparty = {0, 2, 0};
    QCOMPARE(engine.preview(demanding).skippedFor(SkipReason::Certification), 10);
    // Refusals: the same reason newOrder() would give, nothing filled.
    QCOMPARE(
        engine
            .preview(
                {1, 1, Side::Sell, OrderType::Limit, TimeInForce::GoodTillCancel, false, 100, 1, 0, {}, {}})
            .refusal,
        Reason::RoleNotAllowed);
    QCOMPARE(
        engine
            .preview(
                {1, 1, Side::Buy, OrderType::Limit, TimeInForce::GoodTillCancel, false, 120, 1, 0, {}, {}})
            .refusal,
        Reason::PriceOutsideBand);
    p = engine.preview(
        {1, 1, Side::Buy, OrderType::Limit, TimeInForce::FillOrKill, false, 110, 11, 0, {}, {}});
    QCOMPARE(p.refusal, Reason::FillOrKillNotFilled);
    QCOMPARE(p.filled, 0);
    QCOMPARE(
        engine
            .preview(
                {9, 1, Side::Buy, OrderType::Limit, TimeInForce::GoodTillCancel, false, 100, 1, 0, {}, {}})
            .refusal,
        Reason::UnknownParticipant);
    // A client order id already used would answer its first outcome: nothing new fills.
    NewOrder keyed{1, 1, Side::Buy, OrderType::Limit, TimeInForce::GoodTillCancel, false, 95, 1, 0, {}, {}};
    keyed.clientId = ClientOrderId::from("k1");
    QCOMPARE(engine.preview(keyed).refusal, Reason::None);
    engine.newOrder(keyed);
    QCOMPARE(engine.preview(keyed).refusal, Reason::DuplicateClientOrderId);
}

QTEST_GUILESS_MAIN(TestEnginePreview)
#include "tst_enginepreview.moc"
