#pragma once

#include "market/marketdata.h"
#include "market/orderbook.h"
#include "market/orderpool.h"
#include "market/sites.h"
#include "market/types.h"

#include <deque>
#include <functional>
#include <queue>
#include <unordered_map>
#include <variant>
#include <vector>

namespace cloudex::market {

/// Every command the engine takes. The journal stores these; replaying them in order
/// rebuilds the engine exactly.
using Command = std::variant<AddParticipant, SetLimits, SetKillSwitch, ListInstrument, NewOrder, CancelOrder,
                             ReplaceOrder, ClockTick, TerminateContract, RegisterSite, AssignSite,
                             ReportUsage, SettleContract>;

void encode(const Command &command, Writer &out);
void writeTerms(Writer &out, const Terms &terms);
Terms readTerms(Reader &in);
/// False when `in` does not hold one well-formed command.
bool decode(Reader &in, Command &command);

struct Participant
{
    std::string name;
    Role role = Role::Both;
    std::uint64_t jurisdictionBit = 0;
    std::uint32_t certifications = 0;
    std::uint32_t metadataPolicyBit = 0;
    Qty maxOrderQuantity = kMaxQuantity;
    Notional maxOpenNotional = kUnlimited;
    Notional credit = kUnlimited;
    std::vector<ParticipantId> allowedBuyers; ///< sorted; empty: anyone
    bool blocked = false;
    bool exists = false;
    Notional openNotional = 0;    ///< resting orders, both sides
    Notional openBuyNotional = 0; ///< resting buy orders
    Notional boughtValue = 0;     ///< contracts bought, counted against credit
};

struct Instrument
{
    std::string symbol;
    Terms terms;
    std::uint8_t periodKind = 0;
    Secs deliveryStart = 0;
    Secs deliveryEnd = 0;
    Tick priceIncrement = 1;
    Qty lotSize = 1;
    Tick bandLow = 1;
    Tick bandHigh = kMaxPrice;
    bool exists = false;
    bool open = false;
    Tick lastPrice = 0; ///< 0: never traded
    Qty volume = 0;
    OrderBook book;

    Secs hours() const { return (deliveryEnd - deliveryStart) / 3600; }
};

/// Price level as shown to the market: aggregated, no owners.
struct DepthLevel
{
    Tick price = 0;
    Qty quantity = 0;
    std::uint32_t orders = 0;
    bool operator==(const DepthLevel &) const = default;
};

/// The exchange's matching engine: per-instrument books with price-time priority, risk
/// checks, eligibility screening, contracts and market data. Deterministic: the same
/// commands in the same order give the same events and the same state digest. Single
/// threaded; the caller serialises commands.
class Engine
{
public:
    explicit Engine(EngineListener *listener = nullptr);

    void setListener(EngineListener *listener) { m_listener = listener ? listener : &m_silent; }

    void apply(const Command &command);
    void addParticipant(const AddParticipant &c);
    void setLimits(const SetLimits &c);
    void setKillSwitch(const SetKillSwitch &c);
    void listInstrument(const ListInstrument &c);
    void newOrder(const NewOrder &c);
    void cancelOrder(const CancelOrder &c);
    void replaceOrder(const ReplaceOrder &c);
    void clockTick(const ClockTick &c);
    void terminateContract(const TerminateContract &c);
    void registerSite(const RegisterSite &c);
    void assignSite(const AssignSite &c);
    void reportUsage(const ReportUsage &c);
    void settleContract(const SettleContract &c);

    /// What `c` would do if applied now: refusal, fills and the resting quantity it would pass
    /// over, by reason. The same screening and eligibility predicates as newOrder() and the
    /// matcher, walked without changing anything (no event, no state).
    Preview preview(const NewOrder &c) const;

    Secs now() const { return m_now; }
    std::uint64_t eventSeq() const { return m_eventSeq; }
    OrderId lastOrderId() const { return m_nextOrderId - 1; }

    const Participant *participant(ParticipantId id) const;
    const Instrument *instrument(InstrumentId id) const;
    InstrumentId instrumentCount() const { return InstrumentId(m_instruments.size()); }
    const Contract *contract(ContractId id) const;
    ContractId contractCount() const { return ContractId(m_contracts.size()); }
    /// A resting order, or nullopt when it is not (or no longer) on a book.
    std::optional<OrderView> order(OrderId id) const;
    /// Up to `levels` levels of one side, best first.
    std::vector<DepthLevel> depth(InstrumentId id, Side side, std::size_t levels) const;
    /// The orders of one side in priority order (best price first, then time).
    std::vector<OrderView> ordersInPriority(InstrumentId id, Side side) const;
    /// A participant's resting orders, oldest first. Scans the pool: for queries, not matching.
    std::vector<OrderView> ordersOf(ParticipantId participant) const;
    /// The user who placed a resting order (NewOrder::user); empty when none was recorded
    /// or the order is not on a book.
    std::string_view userOf(OrderId id) const;
    /// The open hourly instrument of a product that delivers first, or 0.
    InstrumentId frontHour(std::uint32_t product) const;
    const MarketData &marketData() const { return m_marketData; }
    /// Sellers' sites, contract assignments, usage reports and settlements.
    const SiteLedger &sites() const { return m_sites; }

    /// Canonical state, independent of memory layout: the snapshot format.
    std::string snapshot() const;
    /// Replaces the state with a snapshot; false (and an empty engine) if it is malformed.
    bool restore(std::string_view snapshot);
    /// 64-bit digest of the canonical state (books, participants, contracts, candles):
    /// digest64() of snapshot().
    std::uint64_t stateHash() const;

private:
    struct ClientKey
    {
        ParticipantId participant;
        ClientOrderId id;
        bool operator==(const ClientKey &) const = default;
    };
    struct ClientKeyHash
    {
        std::size_t operator()(const ClientKey &k) const;
    };
    struct ClientOutcome
    {
        std::uint64_t contentHash;
        OrderId order;
        Reason reason;
    };
    using TimedId = std::pair<Secs, std::uint64_t>;
    using MinHeap = std::priority_queue<TimedId, std::vector<TimedId>, std::greater<>>;

    std::uint64_t next() { return ++m_eventSeq; }
    void reject(Reason reason, OrderId order = 0) { m_listener->onReject(next(), reason, order); }
    Participant *findParticipant(ParticipantId id);
    Instrument *findInstrument(InstrumentId id);
    Reason checkPriceQuantity(const Instrument &inst, Tick price, Qty quantity, bool market) const;
    /// Every check of a new order after idempotency, in the order newOrder() applies them
    /// (the fill-or-kill check aside, which needs the taker).
    Reason screenOrder(const NewOrder &c, const Participant &p, const Instrument *inst) const;
    /// The incoming order as the matcher walks it.
    static OrderSlot takerOf(const NewOrder &c, const Instrument &inst);
    /// Why `resting` may not trade with the incoming order; SkipReason::None when it may.
    /// Self-trade is the caller's check.
    SkipReason ineligibility(ParticipantId incoming, const Eligibility &incomingReq, Side incomingSide,
                             const OrderSlot &resting) const;
    bool eligible(ParticipantId incoming, const Eligibility &incomingReq, Side incomingSide,
                  const OrderSlot &resting) const
    {
        return ineligibility(incoming, incomingReq, incomingSide, resting) == SkipReason::None;
    }
    /// The first demand of `req` that `p` does not meet; SkipReason::None when it meets all.
    static SkipReason unmet(const Participant &p, const Eligibility &req);
    /// Fills `taker` against the opposite side; returns the remaining quantity.
    Qty match(Instrument &inst, InstrumentId instId, OrderSlot &taker, bool limit);
    Qty fillableQuantity(Instrument &inst, const OrderSlot &taker, bool limit);
    void fill(Instrument &inst, InstrumentId instId, OrderSlot &taker, OrderSlot &maker, Qty quantity);
    void rest(Instrument &inst, std::uint32_t slot);
    /// Removes a resting order from book, index and exposure, reports it, frees the slot.
    void cancelResting(std::uint32_t slot, CancelReason why);
    void addExposure(const OrderSlot &o, const Instrument &inst, Qty quantity);
    OrderView view(const OrderSlot &o) const;
    void recomputeFront(std::uint32_t product);
    void rebuildIndexes();
    void serialize(Writer &out) const;
    /// After restore: what the commands keep true and the snapshot format cannot (references
    /// that point at something, instruments as listInstrument() allows them, running sums
    /// equal to what they sum). What the engine wrote passes; what fails would index out of
    /// range or overflow on the first command after the restore.
    bool consistent() const;

    EngineListener m_silent;
    EngineListener *m_listener;
    std::vector<Participant> m_participants; ///< by id; id 0 unused
    std::vector<Instrument> m_instruments;   ///< by id; id 0 unused
    std::vector<InstrumentId> m_open;        ///< open instruments, in listing order
    std::vector<InstrumentId> m_front;       ///< by product index
    std::deque<Contract> m_contracts;        ///< by id - 1; a deque never moves old contracts
    OrderPool m_pool;
    OrderIdMap m_index;
    std::unordered_map<ClientKey, ClientOutcome, ClientKeyHash> m_clientIds;
    /// The user of each resting order placed with one (part of the state: snapshots carry it).
    std::unordered_map<OrderId, std::string> m_orderUsers;
    MinHeap m_expiries;       ///< (expiry, order id) of good-till-date orders
    MinHeap m_contractStarts; ///< (start, contract id)
    MinHeap m_contractEnds;   ///< (end, contract id)
    MarketData m_marketData;
    SiteLedger m_sites;
    Secs m_now = 0;
    std::uint64_t m_eventSeq = 0;
    OrderId m_nextOrderId = 1;
    TradeId m_nextTradeId = 1;
};

} // namespace cloudex::market
