// The matching core under the mix: 10 instruments with about 1,000 resting orders
// each; 50 % new limit orders (a fifth crossing), 35 % cancels, 10 % replaces, 5 % market or
// IOC; a fifth of the orders screen their counterparty; risk limits on. The stream is
// generated once against a shadow engine (so cancels name live orders), then replayed twice
// on engines restored from the same snapshot: once for throughput, once with one command in
// 64 timed for the latency distribution.
#include "benchsuite.h"

#include "market/engine.h"

#include <QElapsedTimer>

#include <algorithm>
#include <chrono>
#include <random>

namespace {
using namespace cloudex::market;

constexpr InstrumentId kInstruments = 10;
constexpr int kRestingPerInstrument = 1000;
constexpr int kParticipants = 20;
constexpr Tick kMid = 10'000;
constexpr Tick kSpread = 200; ///< resting prices spread over mid ± this
constexpr int kSampleEvery = 64;
constexpr int kDefaultCommands = 4'000'000;
constexpr int kCommandsPerClockTick = 10'000;

class Generator
{
public:
    explicit Generator(std::uint64_t seed)
        : m_rng(seed)
        , m_live(kInstruments + 1)
    {}

    int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }

    void setUp(Engine &engine)
    {
        engine.clockTick({0});
        for (ParticipantId p = 1; p <= kParticipants; ++p) {
            // Jurisdictions 0..3, certifications vary: some counterparties fail screens.
            engine.addParticipant({p, "p-" + std::to_string(p), Role::Both, 1ull << (p % 4),
                                   std::uint32_t(p % 8), 1u << (p % 2)});
            SetLimits limits;
            limits.participant = p;
            limits.maxOrderQuantity = 1000;
            limits.maxOpenNotional = INT64_MAX / 4;
            limits.credit = INT64_MAX / 4;
            if (p % 10 == 0)
                limits.allowedBuyers = {1, 2, 3, 4, 5, 6, 7, 8};
            engine.setLimits(limits);
        }
        for (InstrumentId i = 1; i <= kInstruments; ++i)
            engine.listInstrument({i, "I" + std::to_string(i), Terms{i, 0, 9950, 1440, false, {}, 1}, 0,
                                   10'000'000, 10'003'600, 1, 1, 1, 1'000'000});
        for (InstrumentId i = 1; i <= kInstruments; ++i)
            for (int n = 0; n < kRestingPerInstrument; ++n)
                apply(engine, restingOrder(i));
    }

    /// The next command of the mix, already applied to `shadow`.
    Command next(Engine &shadow)
    {
        ++m_count;
        if (m_count % kCommandsPerClockTick == 0)
            return apply(shadow, ClockTick{shadow.now() + 1});
        const int roll = pick(0, 99);
        const InstrumentId i = InstrumentId(pick(1, kInstruments));
        if (roll < 40)
            return apply(shadow, restingOrder(i));
        if (roll < 50)
            return apply(shadow, crossingOrder(i, OrderType::Limit, TimeInForce::GoodTillCancel));
        if (roll < 55)
            return apply(shadow, crossingOrder(i, pick(0, 1) ? OrderType::Market : OrderType::Limit,
                                               TimeInForce::ImmediateOrCancel));
        const std::optional<OrderView> live = liveOrder(shadow, i);
        if (!live)
            return apply(shadow, restingOrder(i));
        if (roll < 90)
            return apply(shadow, CancelOrder{live->participant, live->id});
        const Tick price = pick(0, 1) ? live->price : restingPrice(live->side);
        return apply(shadow, ReplaceOrder{live->participant, live->id, price, std::max<Qty>(1, pick(1, 10))});
    }

private:
    Command apply(Engine &engine, Command c)
    {
        const OrderId before = engine.lastOrderId();
        engine.apply(c);
        if (const auto *o = std::get_if<NewOrder>(&c); o && engine.lastOrderId() != before)
            m_live[o->instrument].push_back(engine.lastOrderId());
        return c;
    }

    Tick restingPrice(Side side)
    {
        const Tick offset = pick(1, int(kSpread));
        return side == Side::Buy ? kMid - offset : kMid + offset;
    }

    NewOrder base(InstrumentId i, Side side)
    {
        NewOrder o;
        o.participant = ParticipantId(pick(1, kParticipants));
        o.instrument = i;
        o.side = side;
        o.quantity = pick(1, 10);
        if (pick(0, 4) == 0)
            o.counterparty = Eligibility{std::uint64_t(pick(1, 15)), std::uint32_t(pick(0, 3)), 0};
        return o;
    }

    NewOrder restingOrder(InstrumentId i)
    {
        NewOrder o = base(i, pick(0, 1) ? Side::Buy : Side::Sell);
        o.price = restingPrice(o.side);
        return o;
    }

    NewOrder crossingOrder(InstrumentId i, OrderType type, TimeInForce tif)
    {
        NewOrder o = base(i, pick(0, 1) ? Side::Buy : Side::Sell);
        o.type = type;
        o.tif = tif;
        // Smaller than resting orders, so the books keep about their depth under the mix.
        o.quantity = pick(1, 2);
        const Tick reach = pick(1, 20);
        o.price = o.side == Side::Buy ? kMid + reach : kMid - reach;
        return o;
    }

    std::optional<OrderView> liveOrder(const Engine &engine, InstrumentId i)
    {
        std::vector<OrderId> &ids = m_live[i];
        while (!ids.empty()) {
            const std::size_t at = std::size_t(pick(0, int(ids.size()) - 1));
            if (std::optional<OrderView> o = engine.order(ids[at]))
                return o;
            ids[at] = ids.back();
            ids.pop_back();
        }
        return std::nullopt;
    }

    std::mt19937_64 m_rng;
    std::vector<std::vector<OrderId>> m_live;
    std::uint64_t m_count = 0;
};

class Counter final : public EngineListener
{
public:
    std::uint64_t trades = 0;
    std::uint64_t rejects = 0;
    void onTrade(std::uint64_t, const Trade &) override { ++trades; }
    void onReject(std::uint64_t, Reason, OrderId) override { ++rejects; }
};

QJsonObject runMatching(const QStringList &arguments)
{
    int commands = kDefaultCommands;
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--commands"));
        at >= 0 && at + 1 < arguments.size())
        commands = arguments.at(at + 1).toInt();

    Generator generator(20261201);
    Engine shadow;
    generator.setUp(shadow);
    const std::string start = shadow.snapshot();
    std::vector<Command> stream;
    stream.reserve(std::size_t(commands));
    for (int n = 0; n < commands; ++n)
        stream.push_back(generator.next(shadow));

    Counter counter;
    Engine engine(&counter);
    engine.restore(start);
    QElapsedTimer timer;
    timer.start();
    for (const Command &c : stream)
        engine.apply(c);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const bool deterministic = engine.stateHash() == shadow.stateHash();

    Engine sampled;
    sampled.restore(start);
    std::vector<std::int64_t> samples;
    samples.reserve(stream.size() / kSampleEvery + 1);
    for (std::size_t n = 0; n < stream.size(); ++n) {
        if (n % kSampleEvery != 0) {
            sampled.apply(stream[n]);
            continue;
        }
        const auto t0 = std::chrono::steady_clock::now();
        sampled.apply(stream[n]);
        const auto t1 = std::chrono::steady_clock::now();
        samples.push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count());
    }
    std::sort(samples.begin(), samples.end());
    auto percentile = [&](double p) {
        return samples[std::min(samples.size() - 1, std::size_t(p * samples.size()))];
    };

    std::size_t resting = 0;
    for (InstrumentId i = 1; i <= kInstruments; ++i)
        resting +=
            engine.ordersInPriority(i, Side::Buy).size() + engine.ordersInPriority(i, Side::Sell).size();

    return {{QStringLiteral("commands"), commands},
            {QStringLiteral("commands_per_s"), qRound64(commands / seconds)},
            {QStringLiteral("p50_ns"), qint64(percentile(0.50))},
            {QStringLiteral("p99_ns"), qint64(percentile(0.99))},
            {QStringLiteral("p999_ns"), qint64(percentile(0.999))},
            {QStringLiteral("trades"), qint64(counter.trades)},
            {QStringLiteral("rejects"), qint64(counter.rejects)},
            {QStringLiteral("resting_orders_at_end"), qint64(resting)},
            {QStringLiteral("deterministic"), deterministic}};
}

const bool registered = cloudex::bench::registerSuite(
    QStringLiteral("matching"), QStringLiteral("matching engine throughput and latency (--commands N)"),
    runMatching);
} // namespace
