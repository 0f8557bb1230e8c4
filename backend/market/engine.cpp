#include "market/engine.h"

#include <algorithm>

namespace cloudex::market {
namespace {
// Risk sums are checked in 128 bits so no limit comparison can overflow.
__extension__ typedef __int128 Wide;

// CXE2 added the trade's event sequence number to contracts and the spot history to the
// market data; CXE1 snapshots still restore (their contracts read sequence 0, and their
// spot history starts empty).
constexpr std::uint32_t kSnapshotMagicV1 = 0x43584531; // "CXE1"
constexpr std::uint32_t kSnapshotMagic = 0x43584532;   // "CXE2"
// The fewest bytes one item of a snapshot's lists takes (fixed fields only), to bound counts.
constexpr std::size_t kMinParticipantBytes = 75;
constexpr std::size_t kMinInstrumentBytes = 150;
constexpr std::size_t kMinContractBytes = 90;
constexpr std::size_t kMinClientIdBytes = 25;
constexpr Notional kExposureCeiling = INT64_MAX / 2; // keeps every running sum inside int64

Side opposite(Side s)
{
    return s == Side::Buy ? Side::Sell : Side::Buy;
}

bool crosses(Side taker, Tick limit, Tick resting)
{
    return taker == Side::Buy ? resting <= limit : resting >= limit;
}

std::uint64_t mix(std::uint64_t h, std::uint64_t v)
{
    h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    return h;
}

std::uint64_t contentHash(const NewOrder &c)
{
    std::uint64_t h = 0;
    h = mix(h, c.instrument);
    h = mix(h, std::uint64_t(c.side) | std::uint64_t(c.type) << 8 | std::uint64_t(c.tif) << 16 |
                   std::uint64_t(c.postOnly) << 24);
    h = mix(h, std::uint64_t(c.price));
    h = mix(h, std::uint64_t(c.quantity));
    h = mix(h, std::uint64_t(c.expiry));
    h = mix(h, c.counterparty.jurisdictions);
    h = mix(h, std::uint64_t(c.counterparty.certifications) << 32 | c.counterparty.metadataPolicies);
    return h;
}

Wide notional(Tick price, Qty quantity, Secs hours)
{
    return Wide(price) * quantity * hours;
}
} // namespace

const char *reasonCode(Reason reason)
{
    static constexpr const char *codes[] = {
        "ok",
        "participant.unknown",
        "participant.duplicate",
        "participant.blocked",
        "participant.role",
        "instrument.unknown",
        "instrument.duplicate",
        "instrument.closed",
        "instrument.invalid",
        "order.bad-quantity",
        "order.bad-price",
        "order.price-off-tick",
        "order.price-outside-band",
        "order.bad-lot",
        "order.bad-expiry",
        "order.invalid-type",
        "risk.max-order-size",
        "risk.max-open-notional",
        "risk.credit",
        "order.duplicate-client-id",
        "order.unknown",
        "order.not-owner",
        "order.post-only-would-cross",
        "order.fill-or-kill-not-filled",
        "clock.backwards",
        "contract.unknown",
        "contract.not-terminable",
    };
    static_assert(std::size(codes) == std::size_t(Reason::Count));
    return std::size_t(reason) < std::size(codes) ? codes[std::size_t(reason)] : "unknown";
}

const char *cancelReasonCode(CancelReason reason)
{
    static constexpr const char *codes[] = {"requested", "immediate-remainder", "self-trade",
                                            "expired",   "instrument-closed",   "kill-switch"};
    return std::size_t(reason) < std::size(codes) ? codes[std::size_t(reason)] : "unknown";
}

const char *skipReasonCode(SkipReason reason)
{
    static constexpr const char *codes[] = {"none",       "jurisdiction", "certification", "metadata-policy",
                                            "allow-list", "self-trade",   "price"};
    return std::size_t(reason) < std::size(codes) ? codes[std::size_t(reason)] : "unknown";
}

std::size_t Engine::ClientKeyHash::operator()(const ClientKey &k) const
{
    std::uint64_t h = k.participant;
    for (std::size_t i = 0; i < ClientOrderId::kMaxLength; i += sizeof(std::uint64_t)) {
        std::uint64_t word;
        std::memcpy(&word, k.id.bytes.data() + i, sizeof word);
        h = mix(h, word);
    }
    return h;
}

Engine::Engine(EngineListener *listener)
    : m_listener(listener ? listener : &m_silent)
{
    m_participants.resize(1);
    m_instruments.resize(1);
}

void Engine::apply(const Command &command)
{
    std::visit(
        [this](const auto &c) {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, AddParticipant>)
                addParticipant(c);
            else if constexpr (std::is_same_v<T, SetLimits>)
                setLimits(c);
            else if constexpr (std::is_same_v<T, SetKillSwitch>)
                setKillSwitch(c);
            else if constexpr (std::is_same_v<T, ListInstrument>)
                listInstrument(c);
            else if constexpr (std::is_same_v<T, NewOrder>)
                newOrder(c);
            else if constexpr (std::is_same_v<T, CancelOrder>)
                cancelOrder(c);
            else if constexpr (std::is_same_v<T, ReplaceOrder>)
                replaceOrder(c);
            else if constexpr (std::is_same_v<T, ClockTick>)
                clockTick(c);
            else if constexpr (std::is_same_v<T, TerminateContract>)
                terminateContract(c);
            else if constexpr (std::is_same_v<T, RegisterSite>)
                registerSite(c);
            else if constexpr (std::is_same_v<T, AssignSite>)
                assignSite(c);
            else if constexpr (std::is_same_v<T, ReportUsage>)
                reportUsage(c);
            else
                settleContract(c);
        },
        command);
}

Participant *Engine::findParticipant(ParticipantId id)
{
    return id < m_participants.size() && m_participants[id].exists ? &m_participants[id] : nullptr;
}

const Participant *Engine::participant(ParticipantId id) const
{
    return id < m_participants.size() && m_participants[id].exists ? &m_participants[id] : nullptr;
}

Instrument *Engine::findInstrument(InstrumentId id)
{
    return id < m_instruments.size() && m_instruments[id].exists ? &m_instruments[id] : nullptr;
}

const Instrument *Engine::instrument(InstrumentId id) const
{
    return id < m_instruments.size() && m_instruments[id].exists ? &m_instruments[id] : nullptr;
}

const Contract *Engine::contract(ContractId id) const
{
    return id >= 1 && id <= m_contracts.size() ? &m_contracts[id - 1] : nullptr;
}

void Engine::addParticipant(const AddParticipant &c)
{
    if (c.participant == 0)
        return reject(Reason::UnknownParticipant);
    if (findParticipant(c.participant))
        return reject(Reason::DuplicateParticipant);
    if (c.maxOrderQuantity <= 0 || c.maxOpenNotional < 0 || c.credit < 0)
        return reject(Reason::BadQuantity);
    if (c.participant >= m_participants.size())
        m_participants.resize(c.participant + 1);
    Participant &p = m_participants[c.participant];
    p = Participant{};
    p.exists = true;
    p.name = c.name;
    p.role = c.role;
    p.jurisdictionBit = c.jurisdictionBit;
    p.certifications = c.certifications;
    p.metadataPolicyBit = c.metadataPolicyBit;
    p.maxOrderQuantity = c.maxOrderQuantity;
    p.maxOpenNotional = c.maxOpenNotional;
    p.credit = c.credit;
    m_listener->onParticipant(next(), c.participant);
}

void Engine::setLimits(const SetLimits &c)
{
    Participant *p = findParticipant(c.participant);
    if (!p)
        return reject(Reason::UnknownParticipant);
    if (c.maxOrderQuantity <= 0 || c.maxOpenNotional < 0 || c.credit < 0)
        return reject(Reason::BadQuantity);
    p->maxOrderQuantity = c.maxOrderQuantity;
    p->maxOpenNotional = c.maxOpenNotional;
    p->credit = c.credit;
    p->allowedBuyers = c.allowedBuyers;
    std::sort(p->allowedBuyers.begin(), p->allowedBuyers.end());
    m_listener->onParticipant(next(), c.participant);
}

void Engine::setKillSwitch(const SetKillSwitch &c)
{
    Participant *p = findParticipant(c.participant);
    if (!p)
        return reject(Reason::UnknownParticipant);
    p->blocked = c.blocked;
    m_listener->onParticipant(next(), c.participant);
    if (!c.blocked)
        return;
    // Cancel in order id order so the events do not depend on the pool's layout.
    std::vector<std::pair<OrderId, std::uint32_t>> mine;
    for (std::uint32_t slot = 0; slot < m_pool.size(); ++slot)
        if (m_pool[slot].id != 0 && m_pool[slot].participant == c.participant)
            mine.emplace_back(m_pool[slot].id, slot);
    std::sort(mine.begin(), mine.end());
    for (const auto &entry : mine)
        cancelResting(entry.second, CancelReason::KillSwitch);
}

void Engine::listInstrument(const ListInstrument &c)
{
    if (c.instrument == 0 || c.deliveryEnd <= c.deliveryStart || c.priceIncrement <= 0 || c.lotSize <= 0 ||
        c.bandLow <= 0 || c.bandHigh < c.bandLow || c.bandHigh > kMaxPrice)
        return reject(Reason::BadInstrument);
    if (findInstrument(c.instrument))
        return reject(Reason::DuplicateInstrument);
    if (c.deliveryStart <= m_now)
        return reject(Reason::InstrumentClosed);
    if (c.instrument >= m_instruments.size())
        m_instruments.resize(c.instrument + 1);
    Instrument &inst = m_instruments[c.instrument];
    inst = Instrument{};
    inst.exists = true;
    inst.open = true;
    inst.symbol = c.symbol;
    inst.terms = c.terms;
    inst.periodKind = c.periodKind;
    inst.deliveryStart = c.deliveryStart;
    inst.deliveryEnd = c.deliveryEnd;
    inst.priceIncrement = c.priceIncrement;
    inst.lotSize = c.lotSize;
    inst.bandLow = c.bandLow;
    inst.bandHigh = c.bandHigh;
    m_open.push_back(c.instrument);
    m_listener->onInstrument(next(), c.instrument, true);
    if (c.periodKind == 0) {
        // The front hour only changes when the new hour starts before it: what a scan of
        // every open instrument (recomputeFront) would find, without the scan, which made
        // listing the horizon on a fresh start quadratic in the open instruments.
        const std::uint32_t product = c.terms.productIndex;
        if (product >= m_front.size())
            m_front.resize(product + 1, 0);
        const InstrumentId front = m_front[product];
        if (front == 0 || inst.deliveryStart < m_instruments[front].deliveryStart)
            m_front[product] = c.instrument;
    }
}

void Engine::recomputeFront(std::uint32_t product)
{
    if (product >= m_front.size())
        m_front.resize(product + 1, 0);
    InstrumentId best = 0;
    for (InstrumentId id : m_open) {
        const Instrument &inst = m_instruments[id];
        if (inst.periodKind == 0 && inst.terms.productIndex == product &&
            (best == 0 || inst.deliveryStart < m_instruments[best].deliveryStart))
            best = id;
    }
    m_front[product] = best;
}

InstrumentId Engine::frontHour(std::uint32_t product) const
{
    return product < m_front.size() ? m_front[product] : 0;
}

Reason Engine::checkPriceQuantity(const Instrument &inst, Tick price, Qty quantity, bool market) const
{
    if (quantity <= 0 || quantity > kMaxQuantity)
        return Reason::BadQuantity;
    if (quantity % inst.lotSize != 0)
        return Reason::BadLot;
    if (market)
        return Reason::None;
    if (price <= 0)
        return Reason::BadPrice;
    // Above the exchange maximum is above every band (bands end at kMaxPrice at most).
    if (price > kMaxPrice)
        return Reason::PriceOutsideBand;
    if (price % inst.priceIncrement != 0)
        return Reason::PriceOffTick;
    if (price < inst.bandLow || price > inst.bandHigh)
        return Reason::PriceOutsideBand;
    return Reason::None;
}

SkipReason Engine::unmet(const Participant &p, const Eligibility &req)
{
    if (req.jurisdictions != 0 && (req.jurisdictions & p.jurisdictionBit) == 0)
        return SkipReason::Jurisdiction;
    if ((p.certifications & req.certifications) != req.certifications)
        return SkipReason::Certification;
    if (req.metadataPolicies != 0 && (req.metadataPolicies & p.metadataPolicyBit) == 0)
        return SkipReason::MetadataPolicy;
    return SkipReason::None;
}

SkipReason Engine::ineligibility(ParticipantId incoming, const Eligibility &incomingReq, Side incomingSide,
                                 const OrderSlot &resting) const
{
    const Participant &in = m_participants[incoming];
    const Participant &rest = m_participants[resting.participant];
    const Participant &seller = incomingSide == Side::Sell ? in : rest;
    if (incomingReq.any())
        if (const SkipReason r = unmet(rest, incomingReq); r != SkipReason::None)
            return r;
    if (resting.counterparty.any())
        if (const SkipReason r = unmet(in, resting.counterparty); r != SkipReason::None)
            return r;
    if (!seller.allowedBuyers.empty()) {
        const ParticipantId buyer = incomingSide == Side::Buy ? incoming : resting.participant;
        if (!std::binary_search(seller.allowedBuyers.begin(), seller.allowedBuyers.end(), buyer))
            return SkipReason::AllowList;
    }
    return SkipReason::None;
}

OrderView Engine::view(const OrderSlot &o) const
{
    return OrderView{o.id, o.participant, o.instrument, o.side, o.price, o.remaining, o.clientId};
}

void Engine::addExposure(const OrderSlot &o, const Instrument &inst, Qty quantity)
{
    Participant &p = m_participants[o.participant];
    const Notional n = o.price * quantity * inst.hours();
    p.openNotional += n;
    if (o.side == Side::Buy)
        p.openBuyNotional += n;
}

void Engine::newOrder(const NewOrder &c)
{
    Participant *p = findParticipant(c.participant);
    if (!p)
        return reject(Reason::UnknownParticipant);

    // Idempotency: a repeated client order id returns its first outcome, unchanged.
    ClientOutcome *outcome = nullptr;
    if (!c.clientId.empty()) {
        const std::uint64_t hash = contentHash(c);
        auto [it, inserted] = m_clientIds.try_emplace(ClientKey{c.participant, c.clientId},
                                                      ClientOutcome{hash, 0, Reason::None});
        if (!inserted) {
            if (it->second.contentHash != hash)
                return reject(Reason::DuplicateClientOrderId);
            m_listener->onDuplicate(next(), it->second.order, it->second.reason);
            return;
        }
        outcome = &it->second;
    }
    auto refuse = [&](Reason reason) {
        if (outcome)
            outcome->reason = reason;
        reject(reason);
    };

    Instrument *inst = findInstrument(c.instrument);
    if (const Reason r = screenOrder(c, *p, inst); r != Reason::None)
        return refuse(r);
    const bool market = c.type == OrderType::Market;
    OrderSlot taker = takerOf(c, *inst);
    if (c.tif == TimeInForce::FillOrKill && fillableQuantity(*inst, taker, !market) < c.quantity)
        return refuse(Reason::FillOrKillNotFilled);

    taker.id = m_nextOrderId++;
    if (outcome)
        outcome->order = taker.id;
    m_listener->onAccept(next(), view(taker));
    match(*inst, c.instrument, taker, !market);
    if (taker.remaining == 0)
        return;
    if (market || c.tif == TimeInForce::ImmediateOrCancel || c.tif == TimeInForce::FillOrKill) {
        m_listener->onCancel(next(), view(taker), CancelReason::ImmediateRemainder);
        return;
    }
    const std::uint32_t slot = m_pool.allocate();
    m_pool[slot] = taker;
    rest(*inst, slot);
    if (!c.user.empty())
        m_orderUsers.emplace(taker.id, c.user);
}

Reason Engine::screenOrder(const NewOrder &c, const Participant &p, const Instrument *inst) const
{
    if (p.blocked)
        return Reason::ParticipantBlocked;
    if ((std::uint8_t(p.role) &
         (c.side == Side::Buy ? std::uint8_t(Role::Buyer) : std::uint8_t(Role::Seller))) == 0)
        return Reason::RoleNotAllowed;
    if (!inst)
        return Reason::UnknownInstrument;
    if (!inst->open)
        return Reason::InstrumentClosed;
    const bool market = c.type == OrderType::Market;
    if (const Reason r = checkPriceQuantity(*inst, c.price, c.quantity, market); r != Reason::None)
        return r;
    if (c.postOnly && (market || c.tif == TimeInForce::ImmediateOrCancel || c.tif == TimeInForce::FillOrKill))
        return Reason::InvalidOrderType;
    if (c.tif == TimeInForce::GoodTillDate && c.expiry <= m_now)
        return Reason::BadExpiry;
    if (c.quantity > p.maxOrderQuantity)
        return Reason::OverMaxOrderSize;

    // Risk: a market order is valued at the worst price its band allows.
    const Tick riskPrice = market ? (c.side == Side::Buy ? inst->bandHigh : inst->bandLow) : c.price;
    const Wide value = notional(riskPrice, c.quantity, inst->hours());
    if (p.openNotional + value > std::min(p.maxOpenNotional, kExposureCeiling))
        return Reason::OverOpenNotional;
    if (c.side == Side::Buy &&
        Wide(p.openBuyNotional) + p.boughtValue + value > std::min(p.credit, kExposureCeiling))
        return Reason::OverCredit;

    const std::vector<Level> &against = inst->book.side(opposite(c.side));
    if (c.postOnly && !against.empty() && crosses(c.side, c.price, against.back().price))
        return Reason::PostOnlyWouldCross;
    return Reason::None;
}

OrderSlot Engine::takerOf(const NewOrder &c, const Instrument &inst)
{
    const bool market = c.type == OrderType::Market;
    OrderSlot taker;
    taker.participant = c.participant;
    taker.instrument = c.instrument;
    taker.side = c.side;
    taker.price = market ? (c.side == Side::Buy ? inst.bandHigh : inst.bandLow) : c.price;
    taker.remaining = c.quantity;
    taker.expiry = c.tif == TimeInForce::GoodTillDate ? c.expiry : 0;
    taker.counterparty = c.counterparty;
    taker.clientId = c.clientId;
    taker.tif = c.tif;
    taker.postOnly = c.postOnly;
    return taker;
}

Preview Engine::preview(const NewOrder &c) const
{
    Preview out;
    const Participant *p = participant(c.participant);
    if (!p) {
        out.refusal = Reason::UnknownParticipant;
        return out;
    }
    // A repeated client order id would answer the first outcome and fill nothing new.
    if (!c.clientId.empty() && m_clientIds.contains(ClientKey{c.participant, c.clientId})) {
        out.refusal = Reason::DuplicateClientOrderId;
        return out;
    }
    const Instrument *inst = instrument(c.instrument);
    if (const Reason r = screenOrder(c, *p, inst); r != Reason::None) {
        out.refusal = r;
        return out;
    }
    const OrderSlot taker = takerOf(c, *inst);
    const bool limit = c.type != OrderType::Market;

    // The matcher's walk (match()): best level first, time priority within a level, until the
    // order is filled; self-trade and ineligible orders are passed over. Beyond the limit the
    // walk goes on only to count what the price leaves out.
    const std::vector<Level> &levels = inst->book.side(opposite(taker.side));
    Qty remaining = taker.remaining;
    for (std::size_t i = levels.size(); i-- > 0 && remaining > 0;) {
        const bool beyondLimit = limit && !crosses(taker.side, taker.price, levels[i].price);
        for (std::uint32_t slot = levels[i].head; slot != kNoSlot && remaining > 0;
             slot = m_pool[slot].next) {
            const OrderSlot &maker = m_pool[slot];
            const SkipReason why =
                maker.participant == taker.participant
                    ? SkipReason::SelfTrade
                    : ineligibility(taker.participant, taker.counterparty, taker.side, maker);
            if (beyondLimit) {
                if (why == SkipReason::None) {
                    const Qty q = std::min(remaining, maker.remaining);
                    out.skipped[std::size_t(SkipReason::Price)] += q;
                    remaining -= q;
                }
            } else if (why != SkipReason::None) {
                out.skipped[std::size_t(why)] += maker.remaining;
            } else {
                const Qty q = std::min(remaining, maker.remaining);
                out.filled += q;
                out.notional += maker.price * q;
                out.worstPrice = maker.price;
                remaining -= q;
            }
        }
    }
    if (c.tif == TimeInForce::FillOrKill && out.filled < c.quantity) {
        out.refusal = Reason::FillOrKillNotFilled;
        out.filled = 0;
        out.notional = 0;
        out.worstPrice = 0;
    }
    return out;
}

void Engine::rest(Instrument &inst, std::uint32_t slot)
{
    OrderSlot &o = m_pool[slot];
    inst.book.insert(m_pool, slot);
    m_index.insert(o.id, slot);
    addExposure(o, inst, o.remaining);
    if (o.expiry != 0)
        m_expiries.emplace(o.expiry, o.id);
}

Qty Engine::fillableQuantity(Instrument &inst, const OrderSlot &taker, bool limit)
{
    const std::vector<Level> &levels = inst.book.side(opposite(taker.side));
    Qty total = 0;
    for (std::size_t i = levels.size(); i-- > 0 && total < taker.remaining;) {
        if (limit && !crosses(taker.side, taker.price, levels[i].price))
            break;
        for (std::uint32_t slot = levels[i].head; slot != kNoSlot && total < taker.remaining;
             slot = m_pool[slot].next) {
            const OrderSlot &maker = m_pool[slot];
            if (maker.participant != taker.participant &&
                eligible(taker.participant, taker.counterparty, taker.side, maker))
                total += maker.remaining;
        }
    }
    return total;
}

Qty Engine::match(Instrument &inst, InstrumentId instId, OrderSlot &taker, bool limit)
{
    std::vector<Level> &levels = inst.book.side(opposite(taker.side));
    const bool screened = taker.counterparty.any();
    for (std::size_t i = levels.size(); i-- > 0 && taker.remaining > 0;) {
        if (limit && !crosses(taker.side, taker.price, levels[i].price))
            break;
        std::uint32_t slot = levels[i].head;
        while (slot != kNoSlot && taker.remaining > 0) {
            OrderSlot &maker = m_pool[slot];
            const std::uint32_t nextSlot = maker.next;
            if (maker.participant == taker.participant) {
                // Self-trade prevention: the resting order goes, the incoming one continues.
                cancelResting(slot, CancelReason::SelfTrade);
            } else if (!(screened || maker.counterparty.any() ||
                         !m_participants[taker.side == Side::Sell ? taker.participant : maker.participant]
                              .allowedBuyers.empty()) ||
                       eligible(taker.participant, taker.counterparty, taker.side, maker)) {
                const Qty q = std::min(taker.remaining, maker.remaining);
                fill(inst, instId, taker, maker, q);
                if (maker.remaining == q) {
                    m_index.erase(maker.id);
                    if (!m_orderUsers.empty())
                        m_orderUsers.erase(maker.id);
                    inst.book.remove(m_pool, slot); // subtracts the remaining quantity
                    m_pool.release(slot);
                } else {
                    maker.remaining -= q;
                    levels[i].total -= q;
                }
            }
            // An ineligible resting order is skipped in place: its priority is untouched.
            slot = nextSlot;
        }
    }
    return taker.remaining;
}

void Engine::fill(Instrument &inst, InstrumentId instId, OrderSlot &taker, OrderSlot &maker, Qty q)
{
    const Secs hours = inst.hours();
    Participant &makerOwner = m_participants[maker.participant];
    const Notional released = maker.price * q * hours;
    makerOwner.openNotional -= released;
    if (maker.side == Side::Buy)
        makerOwner.openBuyNotional -= released;
    taker.remaining -= q;

    Trade t;
    t.id = m_nextTradeId++;
    t.instrument = instId;
    const bool takerBuys = taker.side == Side::Buy;
    t.buyOrder = takerBuys ? taker.id : maker.id;
    t.sellOrder = takerBuys ? maker.id : taker.id;
    t.buyer = takerBuys ? taker.participant : maker.participant;
    t.seller = takerBuys ? maker.participant : taker.participant;
    t.aggressor = taker.side;
    t.price = maker.price;
    t.quantity = q;
    t.time = m_now;
    t.buyRemaining = takerBuys ? taker.remaining : maker.remaining - q;
    t.sellRemaining = takerBuys ? maker.remaining - q : taker.remaining;
    m_participants[t.buyer].boughtValue += t.price * q * hours;
    inst.lastPrice = t.price;
    inst.volume += q;

    Contract &k = m_contracts.emplace_back();
    k.id = m_contracts.size();
    k.trade = t.id;
    k.buyOrder = t.buyOrder;
    k.sellOrder = t.sellOrder;
    k.aggressor = t.aggressor;
    k.tradeTime = t.time;
    k.instrument = instId;
    k.buyer = t.buyer;
    k.seller = t.seller;
    k.quantity = q;
    k.price = t.price;
    k.start = inst.deliveryStart;
    k.end = inst.deliveryEnd;
    k.terms = inst.terms;
    k.state = ContractState::Scheduled;
    t.contract = k.id;
    m_contractStarts.emplace(k.start, k.id);
    m_contractEnds.emplace(k.end, k.id);

    const std::uint64_t tradeSeq = next();
    k.tradeSeq = tradeSeq;
    m_listener->onTrade(tradeSeq, t);
    m_listener->onContract(next(), k);

    const bool hourly = inst.periodKind == 0;
    m_marketData.onTrade(instId, hourly, TapeEntry{t.id, tradeSeq, t.price, q, t.aggressor, m_now});
    if (hourly && frontHour(inst.terms.productIndex) == instId)
        m_marketData.updateSpot(inst.terms.productIndex, instId, m_now);
}

void Engine::cancelResting(std::uint32_t slot, CancelReason why)
{
    OrderSlot &o = m_pool[slot];
    Instrument &inst = m_instruments[o.instrument];
    Participant &p = m_participants[o.participant];
    const Notional n = o.price * o.remaining * inst.hours();
    p.openNotional -= n;
    if (o.side == Side::Buy)
        p.openBuyNotional -= n;
    inst.book.remove(m_pool, slot);
    m_index.erase(o.id);
    if (!m_orderUsers.empty())
        m_orderUsers.erase(o.id);
    m_listener->onCancel(next(), view(o), why);
    m_pool.release(slot);
}

void Engine::cancelOrder(const CancelOrder &c)
{
    if (!findParticipant(c.participant))
        return reject(Reason::UnknownParticipant, c.order);
    const std::uint32_t slot = m_index.find(c.order);
    if (slot == kNoSlot)
        return reject(Reason::UnknownOrder, c.order);
    if (m_pool[slot].participant != c.participant)
        return reject(Reason::NotOrderOwner, c.order);
    cancelResting(slot, CancelReason::Requested);
}

void Engine::replaceOrder(const ReplaceOrder &c)
{
    Participant *p = findParticipant(c.participant);
    if (!p)
        return reject(Reason::UnknownParticipant, c.order);
    const std::uint32_t slot = m_index.find(c.order);
    if (slot == kNoSlot)
        return reject(Reason::UnknownOrder, c.order);
    OrderSlot &o = m_pool[slot];
    if (o.participant != c.participant)
        return reject(Reason::NotOrderOwner, c.order);
    if (p->blocked)
        return reject(Reason::ParticipantBlocked, c.order);
    Instrument &inst = m_instruments[o.instrument];
    if (const Reason r = checkPriceQuantity(inst, c.price, c.quantity, false); r != Reason::None)
        return reject(r, c.order);
    if (c.quantity > p->maxOrderQuantity)
        return reject(Reason::OverMaxOrderSize, c.order);
    const Wide delta =
        notional(c.price, c.quantity, inst.hours()) - notional(o.price, o.remaining, inst.hours());
    if (p->openNotional + delta > std::min(p->maxOpenNotional, kExposureCeiling))
        return reject(Reason::OverOpenNotional, c.order);
    if (o.side == Side::Buy &&
        Wide(p->openBuyNotional) + p->boughtValue + delta > std::min(p->credit, kExposureCeiling))
        return reject(Reason::OverCredit, c.order);

    if (c.price == o.price && c.quantity <= o.remaining) {
        // Quantity down at the same price: stays where it is in the queue.
        const Qty cut = o.remaining - c.quantity;
        inst.book.find(o.side, o.price)->total -= cut;
        Participant &owner = m_participants[o.participant];
        owner.openNotional -= o.price * cut * inst.hours();
        if (o.side == Side::Buy)
            owner.openBuyNotional -= o.price * cut * inst.hours();
        o.remaining = c.quantity;
        m_listener->onReplace(next(), view(o), true);
        return;
    }
    const std::vector<Level> &against = inst.book.side(opposite(o.side));
    if (o.postOnly && !against.empty() && crosses(o.side, c.price, against.back().price))
        return reject(Reason::PostOnlyWouldCross, c.order);

    // Any other change re-enters the order: it loses priority and may trade at once.
    const OrderId id = o.id;
    Participant &owner = m_participants[o.participant];
    const Notional held = o.price * o.remaining * inst.hours();
    owner.openNotional -= held;
    if (o.side == Side::Buy)
        owner.openBuyNotional -= held;
    inst.book.remove(m_pool, slot);
    m_index.erase(id);
    OrderSlot taker = o;
    m_pool.release(slot);
    taker.price = c.price;
    taker.remaining = c.quantity;
    m_listener->onReplace(next(), view(taker), false);
    match(inst, taker.instrument, taker, true);
    if (taker.remaining == 0) {
        if (!m_orderUsers.empty())
            m_orderUsers.erase(id);
        return;
    }
    const std::uint32_t fresh = m_pool.allocate();
    m_pool[fresh] = taker;
    inst.book.insert(m_pool, fresh);
    m_index.insert(id, fresh);
    addExposure(taker, inst, taker.remaining);
}

void Engine::clockTick(const ClockTick &c)
{
    if (c.now < m_now)
        return reject(Reason::ClockBackwards);
    m_now = c.now;
    m_listener->onClock(next(), m_now);

    while (!m_expiries.empty() && m_expiries.top().first <= m_now) {
        const auto [expiry, id] = m_expiries.top();
        m_expiries.pop();
        const std::uint32_t slot = m_index.find(id);
        if (slot != kNoSlot && m_pool[slot].expiry == expiry)
            cancelResting(slot, CancelReason::Expired);
    }

    // Delivery starts: trading stops and the book is cleared, best prices first.
    std::vector<std::uint32_t> fronts;
    for (std::size_t i = 0; i < m_open.size();) {
        const InstrumentId id = m_open[i];
        Instrument &inst = m_instruments[id];
        if (inst.deliveryStart > m_now) {
            ++i;
            continue;
        }
        for (Side s : {Side::Buy, Side::Sell}) {
            std::vector<Level> &levels = inst.book.side(s);
            while (!levels.empty())
                cancelResting(levels.back().head, CancelReason::InstrumentClosed);
        }
        inst.open = false;
        m_open.erase(m_open.begin() + std::ptrdiff_t(i));
        m_listener->onInstrument(next(), id, false);
        if (inst.periodKind == 0)
            fronts.push_back(inst.terms.productIndex);
    }
    for (std::uint32_t product : fronts)
        recomputeFront(product);

    while (!m_contractStarts.empty() && m_contractStarts.top().first <= m_now) {
        Contract &k = m_contracts[m_contractStarts.top().second - 1];
        m_contractStarts.pop();
        if (k.state == ContractState::Scheduled) {
            k.state = ContractState::Active;
            m_listener->onContract(next(), k);
        }
    }
    while (!m_contractEnds.empty() && m_contractEnds.top().first <= m_now) {
        Contract &k = m_contracts[m_contractEnds.top().second - 1];
        m_contractEnds.pop();
        if (k.state == ContractState::Scheduled || k.state == ContractState::Active) {
            k.state = ContractState::Expired;
            m_listener->onContract(next(), k);
        }
    }

    m_marketData.prune(m_now);
    for (std::uint32_t product = 0; product < m_front.size(); ++product)
        m_marketData.updateSpot(product, m_front[product], m_now);
}

void Engine::terminateContract(const TerminateContract &c)
{
    if (c.contract == 0 || c.contract > m_contracts.size())
        return reject(Reason::UnknownContract);
    Contract &k = m_contracts[c.contract - 1];
    if (k.state != ContractState::Scheduled && k.state != ContractState::Active)
        return reject(Reason::ContractNotTerminable);
    k.state = ContractState::Terminated;
    k.terminatedAt = m_now;
    m_listener->onContract(next(), k);
}

void Engine::registerSite(const RegisterSite &c)
{
    if (!findParticipant(c.participant))
        return reject(Reason::UnknownParticipant);
    m_sites.registerSite(c, m_now);
}

void Engine::assignSite(const AssignSite &c)
{
    if (c.contract == 0 || c.contract > m_contracts.size())
        return reject(Reason::UnknownContract);
    Contract &k = m_contracts[c.contract - 1];
    const Site *site = m_sites.find(c.site);
    if (!site || site->participant != k.seller || !m_sites.assign(c.contract, c.site))
        return reject(Reason::UnknownContract);
    m_listener->onContract(next(), k);
}

void Engine::reportUsage(const ReportUsage &c)
{
    if (c.contract == 0 || c.contract > m_contracts.size())
        return reject(Reason::UnknownContract);
    m_sites.report(c, m_now);
}

void Engine::settleContract(const SettleContract &c)
{
    if (c.contract == 0 || c.contract > m_contracts.size())
        return reject(Reason::UnknownContract);
    m_sites.settle(c, m_now);
}

std::optional<OrderView> Engine::order(OrderId id) const
{
    const std::uint32_t slot = m_index.find(id);
    if (slot == kNoSlot)
        return std::nullopt;
    return view(m_pool[slot]);
}

std::vector<OrderView> Engine::ordersOf(ParticipantId participant) const
{
    std::vector<OrderView> out;
    for (std::uint32_t slot = 0; slot < m_pool.size(); ++slot)
        if (m_pool[slot].id != 0 && m_pool[slot].participant == participant)
            out.push_back(view(m_pool[slot]));
    std::sort(out.begin(), out.end(), [](const OrderView &a, const OrderView &b) { return a.id < b.id; });
    return out;
}

std::vector<DepthLevel> Engine::depth(InstrumentId id, Side side, std::size_t levels) const
{
    std::vector<DepthLevel> out;
    const Instrument *inst = instrument(id);
    if (!inst)
        return out;
    const std::vector<Level> &ls = inst->book.side(side);
    for (std::size_t i = ls.size(); i-- > 0 && out.size() < levels;)
        out.push_back(DepthLevel{ls[i].price, ls[i].total, ls[i].count});
    return out;
}

std::vector<OrderView> Engine::ordersInPriority(InstrumentId id, Side side) const
{
    std::vector<OrderView> out;
    const Instrument *inst = instrument(id);
    if (!inst)
        return out;
    const std::vector<Level> &ls = inst->book.side(side);
    for (std::size_t i = ls.size(); i-- > 0;)
        for (std::uint32_t slot = ls[i].head; slot != kNoSlot; slot = m_pool[slot].next)
            out.push_back(view(m_pool[slot]));
    return out;
}

// ---- snapshot and digest ----------------------------------------------------------------

void writeTerms(Writer &out, const Terms &t)
{
    out.u32(t.productIndex);
    out.u8(t.slaClass);
    out.i64(t.availabilityBasisPoints);
    out.i64(t.supportResponseMinutes);
    out.boolean(t.nextBusinessDaySupport);
    for (const CreditStep &step : t.credits) {
        out.i64(step.belowBasisPoints);
        out.i64(step.creditPercent);
    }
    out.u32(t.legalTermsVersion);
}

Terms readTerms(Reader &in)
{
    Terms t;
    t.productIndex = in.u32();
    t.slaClass = in.u8();
    t.availabilityBasisPoints = std::int32_t(in.i64());
    t.supportResponseMinutes = std::int32_t(in.i64());
    t.nextBusinessDaySupport = in.boolean();
    for (CreditStep &step : t.credits) {
        step.belowBasisPoints = std::int32_t(in.i64());
        step.creditPercent = std::int32_t(in.i64());
    }
    t.legalTermsVersion = std::uint16_t(in.u32());
    return t;
}

namespace {
void writeEligibility(Writer &out, const Eligibility &e)
{
    out.u64(e.jurisdictions);
    out.u32(e.certifications);
    out.u32(e.metadataPolicies);
}

Eligibility readEligibility(Reader &in)
{
    Eligibility e;
    e.jurisdictions = in.u64();
    e.certifications = in.u32();
    e.metadataPolicies = in.u32();
    return e;
}

void writeClientId(Writer &out, const ClientOrderId &id)
{
    out.bytes(id.view());
}

ClientOrderId readClientId(Reader &in)
{
    const std::string text = in.bytes();
    if (!ClientOrderId::canonical(text))
        in.invalidate(); // writeClientId() writes view(): at most 24 bytes, no NUL
    return ClientOrderId::from(text);
}
} // namespace

void Engine::serialize(Writer &out) const
{
    out.u32(kSnapshotMagic);
    out.i64(m_now);
    out.u64(m_eventSeq);
    out.u64(m_nextOrderId);
    out.u64(m_nextTradeId);

    out.u32(std::uint32_t(m_participants.size()));
    for (const Participant &p : m_participants) {
        out.boolean(p.exists);
        out.bytes(p.name);
        out.u8(std::uint8_t(p.role));
        out.u64(p.jurisdictionBit);
        out.u32(p.certifications);
        out.u32(p.metadataPolicyBit);
        out.i64(p.maxOrderQuantity);
        out.i64(p.maxOpenNotional);
        out.i64(p.credit);
        out.u32(std::uint32_t(p.allowedBuyers.size()));
        for (ParticipantId b : p.allowedBuyers)
            out.u32(b);
        out.boolean(p.blocked);
        out.i64(p.openNotional);
        out.i64(p.openBuyNotional);
        out.i64(p.boughtValue);
    }

    out.u32(std::uint32_t(m_instruments.size()));
    for (const Instrument &inst : m_instruments) {
        out.boolean(inst.exists);
        out.bytes(inst.symbol);
        writeTerms(out, inst.terms);
        out.u8(inst.periodKind);
        out.i64(inst.deliveryStart);
        out.i64(inst.deliveryEnd);
        out.i64(inst.priceIncrement);
        out.i64(inst.lotSize);
        out.i64(inst.bandLow);
        out.i64(inst.bandHigh);
        out.boolean(inst.open);
        out.i64(inst.lastPrice);
        out.i64(inst.volume);
        for (Side s : {Side::Buy, Side::Sell}) {
            const std::vector<Level> &levels = inst.book.side(s);
            out.u32(std::uint32_t(levels.size()));
            for (std::size_t i = levels.size(); i-- > 0;) {
                out.i64(levels[i].price);
                out.u32(levels[i].count);
                for (std::uint32_t slot = levels[i].head; slot != kNoSlot; slot = m_pool[slot].next) {
                    const OrderSlot &o = m_pool[slot];
                    out.u64(o.id);
                    out.u32(o.participant);
                    out.i64(o.remaining);
                    out.i64(o.expiry);
                    writeEligibility(out, o.counterparty);
                    writeClientId(out, o.clientId);
                    out.u8(std::uint8_t(o.tif));
                    out.boolean(o.postOnly);
                }
            }
        }
    }
    out.u32(std::uint32_t(m_open.size()));
    for (InstrumentId id : m_open)
        out.u32(id);
    out.u32(std::uint32_t(m_front.size()));
    for (InstrumentId id : m_front)
        out.u32(id);

    out.u64(m_contracts.size());
    for (const Contract &k : m_contracts) {
        out.u64(k.trade);
        out.u64(k.tradeSeq);
        out.u64(k.buyOrder);
        out.u64(k.sellOrder);
        out.u8(std::uint8_t(k.aggressor));
        out.i64(k.tradeTime);
        out.u32(k.instrument);
        out.u32(k.buyer);
        out.u32(k.seller);
        out.i64(k.quantity);
        out.i64(k.price);
        out.i64(k.start);
        out.i64(k.end);
        writeTerms(out, k.terms);
        out.u8(std::uint8_t(k.state));
        out.i64(k.terminatedAt);
    }

    // The client id table is a hash map; sort it so the digest is layout-free.
    std::vector<std::pair<const ClientKey *, const ClientOutcome *>> ids;
    ids.reserve(m_clientIds.size());
    for (const auto &[key, outcome] : m_clientIds)
        ids.emplace_back(&key, &outcome);
    std::sort(ids.begin(), ids.end(), [](const auto &a, const auto &b) {
        return a.first->participant != b.first->participant ? a.first->participant < b.first->participant
                                                            : a.first->id.bytes < b.first->id.bytes;
    });
    out.u64(ids.size());
    for (const auto &[key, outcome] : ids) {
        out.u32(key->participant);
        writeClientId(out, key->id);
        out.u64(outcome->contentHash);
        out.u64(outcome->order);
        out.u8(std::uint8_t(outcome->reason));
    }
    m_marketData.serialize(out);
    // Sites came later: a state without them keeps the snapshot (and digest) it had. The
    // users of resting orders came after them (and need the sites' section before them).
    if (!m_sites.empty() || !m_orderUsers.empty())
        m_sites.serialize(out);
    if (!m_orderUsers.empty()) {
        std::vector<std::pair<OrderId, const std::string *>> users;
        users.reserve(m_orderUsers.size());
        for (const auto &[id, user] : m_orderUsers)
            users.emplace_back(id, &user);
        std::sort(users.begin(), users.end()); // layout-free, for the digest
        out.u64(users.size());
        for (const auto &[id, user] : users) {
            out.u64(id);
            out.bytes(*user);
        }
    }
}

std::string_view Engine::userOf(OrderId id) const
{
    const auto it = m_orderUsers.find(id);
    return it == m_orderUsers.end() ? std::string_view() : std::string_view(it->second);
}

std::string Engine::snapshot() const
{
    Writer out;
    serialize(out);
    return out.take();
}

std::uint64_t Engine::stateHash() const
{
    return digest64(snapshot());
}

bool Engine::restore(std::string_view snapshot)
{
    EngineListener *listener = m_listener;
    *this = Engine(listener);
    Reader in(snapshot);
    auto fail = [&] {
        *this = Engine(listener);
        return false;
    };
    const std::uint32_t magic = in.u32();
    if (magic != kSnapshotMagic && magic != kSnapshotMagicV1)
        return fail();
    m_now = in.i64();
    m_eventSeq = in.u64();
    m_nextOrderId = in.u64();
    m_nextTradeId = in.u64();

    // Counts are checked against the bytes left (Reader::count), with the least each item
    // takes; a snapshot is trusted only after restore, not before.
    m_participants.assign(in.count(kMinParticipantBytes), Participant{});
    for (Participant &p : m_participants) {
        p.exists = in.boolean();
        p.name = in.bytes();
        p.role = Role(in.u8());
        p.jurisdictionBit = in.u64();
        p.certifications = in.u32();
        p.metadataPolicyBit = in.u32();
        p.maxOrderQuantity = in.i64();
        p.maxOpenNotional = in.i64();
        p.credit = in.i64();
        const std::uint32_t n = in.u32();
        for (std::uint32_t i = 0; i < n && !in.failed(); ++i)
            p.allowedBuyers.push_back(in.u32());
        p.blocked = in.boolean();
        p.openNotional = in.i64();
        p.openBuyNotional = in.i64();
        p.boughtValue = in.i64();
        if (in.failed())
            return fail();
    }

    const std::uint32_t instruments = in.count(kMinInstrumentBytes);
    m_instruments.resize(instruments);
    for (InstrumentId id = 0; id < instruments; ++id) {
        Instrument &inst = m_instruments[id];
        inst.exists = in.boolean();
        inst.symbol = in.bytes();
        inst.terms = readTerms(in);
        inst.periodKind = in.u8();
        inst.deliveryStart = in.i64();
        inst.deliveryEnd = in.i64();
        inst.priceIncrement = in.i64();
        inst.lotSize = in.i64();
        inst.bandLow = in.i64();
        inst.bandHigh = in.i64();
        inst.open = in.boolean();
        inst.lastPrice = in.i64();
        inst.volume = in.i64();
        for (Side s : {Side::Buy, Side::Sell}) {
            // The snapshot lists each side's levels best first, each price once and none
            // empty (serialize() walks the book); the book keeps them best last. They are
            // appended as they come and reversed once, so restore stays linear in the levels
            // (OrderBook::insert would put each new, worse level at the front of the vector:
            // quadratic). A list out of order is damage, not a book to sort.
            std::vector<Level> &side = inst.book.side(s);
            const std::uint32_t levels = in.u32();
            for (std::uint32_t l = 0; l < levels && !in.failed(); ++l) {
                const Tick price = in.i64();
                const std::uint32_t count = in.u32();
                if (in.failed() || count == 0 || price < 1 || price > kMaxPrice ||
                    (!side.empty() && !OrderBook::better(s, side.back().price, price)))
                    return fail();
                Level &level = side.emplace_back(Level{price});
                for (std::uint32_t k = 0; k < count && !in.failed(); ++k) {
                    const std::uint32_t slot = m_pool.allocate();
                    OrderSlot &o = m_pool[slot];
                    o.id = in.u64();
                    o.participant = in.u32();
                    o.instrument = id;
                    o.side = s;
                    o.price = price;
                    o.remaining = in.i64();
                    o.expiry = in.i64();
                    o.counterparty = readEligibility(in);
                    o.clientId = readClientId(in);
                    o.tif = TimeInForce(in.u8());
                    o.postOnly = in.boolean();
                    // Only an order the engine could have accepted goes on the book: the
                    // book sums quantities per level, and ids index the order map.
                    if (in.failed() || o.remaining < 1 || o.remaining > kMaxQuantity || o.id == 0 ||
                        o.id >= m_nextOrderId || m_index.find(o.id) != kNoSlot)
                        return fail();
                    OrderBook::append(m_pool, level, slot);
                    m_index.insert(o.id, slot);
                    if (o.expiry != 0)
                        m_expiries.emplace(o.expiry, o.id);
                }
            }
            std::reverse(side.begin(), side.end());
        }
        if (in.failed())
            return fail();
    }
    m_open.assign(in.count(sizeof(InstrumentId)), 0);
    for (InstrumentId &id : m_open)
        id = in.u32();
    m_front.assign(in.count(sizeof(InstrumentId)), 0);
    for (InstrumentId &id : m_front)
        id = in.u32();

    const std::uint64_t contracts = in.count64(kMinContractBytes);
    if (in.failed())
        return fail();
    m_contracts.resize(contracts);
    for (ContractId i = 0; i < contracts; ++i) {
        Contract &k = m_contracts[i];
        k.id = i + 1;
        k.trade = in.u64();
        k.tradeSeq = magic == kSnapshotMagic ? in.u64() : 0;
        k.buyOrder = in.u64();
        k.sellOrder = in.u64();
        k.aggressor = Side(in.u8());
        k.tradeTime = in.i64();
        k.instrument = in.u32();
        k.buyer = in.u32();
        k.seller = in.u32();
        k.quantity = in.i64();
        k.price = in.i64();
        k.start = in.i64();
        k.end = in.i64();
        k.terms = readTerms(in);
        k.state = ContractState(in.u8());
        k.terminatedAt = in.i64();
        if (k.state == ContractState::Scheduled)
            m_contractStarts.emplace(k.start, k.id);
        if (k.state == ContractState::Scheduled || k.state == ContractState::Active)
            m_contractEnds.emplace(k.end, k.id);
    }

    const std::uint64_t ids = in.count64(kMinClientIdBytes);
    if (in.failed())
        return fail();
    for (std::uint64_t i = 0; i < ids && !in.failed(); ++i) {
        ClientKey key;
        key.participant = in.u32();
        key.id = readClientId(in);
        ClientOutcome outcome;
        outcome.contentHash = in.u64();
        outcome.order = in.u64();
        outcome.reason = Reason(in.u8());
        // The engine keeps each (participant, id) once and never an empty id: a repeat would
        // be dropped here, and the state restored would not be the state saved.
        if (in.failed() || key.id.empty() || !m_clientIds.emplace(key, outcome).second)
            return fail();
    }
    if (!m_marketData.deserialize(in, magic == kSnapshotMagic, m_instruments.size()))
        return fail();
    if (!in.atEnd() && !m_sites.deserialize(in, m_contracts.size()))
        return fail();
    if (!in.atEnd()) {
        // The users of resting orders: each of a resting order, once, not empty.
        const std::uint64_t users = in.count64(sizeof(OrderId) + sizeof(std::uint32_t) + 1);
        for (std::uint64_t i = 0; i < users && !in.failed(); ++i) {
            const OrderId id = in.u64();
            std::string user = in.bytes();
            if (in.failed() || user.empty() || m_index.find(id) == kNoSlot ||
                !m_orderUsers.emplace(id, std::move(user)).second)
                return fail();
        }
        if (in.failed() || users == 0)
            return fail();
    }
    if (!in.atEnd() || !consistent())
        return fail();
    return true;
}

bool Engine::consistent() const
{
    // Slot 0 of participants and instruments is unused: ids start at 1.
    if (m_now < 0 || m_participants.empty() || m_participants[0].exists || m_instruments.empty() ||
        m_instruments[0].exists)
        return false;
    const auto participantExists = [&](ParticipantId id) {
        return id < m_participants.size() && m_participants[id].exists;
    };
    std::vector<Wide> open(m_participants.size(), 0);
    std::vector<Wide> openBuy(m_participants.size(), 0);
    std::size_t openInstruments = 0;
    for (InstrumentId id = 0; id < m_instruments.size(); ++id) {
        const Instrument &inst = m_instruments[id];
        if (!inst.exists) {
            if (inst.open || !inst.book.empty())
                return false;
            continue;
        }
        // listInstrument()'s rules, with a clock that never runs before 0.
        if (inst.deliveryStart <= 0 || inst.deliveryEnd <= inst.deliveryStart || inst.priceIncrement <= 0 ||
            inst.lotSize <= 0 || inst.bandLow <= 0 || inst.bandHigh < inst.bandLow ||
            inst.bandHigh > kMaxPrice)
            return false;
        if (inst.open)
            ++openInstruments;
        else if (!inst.book.empty()) // a book is cleared when its delivery starts
            return false;
        for (Side s : {Side::Buy, Side::Sell})
            for (const Level &level : inst.book.side(s))
                for (std::uint32_t slot = level.head; slot != kNoSlot; slot = m_pool[slot].next) {
                    const OrderSlot &o = m_pool[slot];
                    if (!participantExists(o.participant) || std::uint8_t(o.tif) > 3)
                        return false;
                    const Wide n = notional(o.price, o.remaining, inst.hours());
                    open[o.participant] += n;
                    if (s == Side::Buy)
                        openBuy[o.participant] += n;
                }
    }
    // m_open: every open instrument once.
    if (m_open.size() != openInstruments)
        return false;
    std::vector<bool> seen(m_instruments.size(), false);
    for (InstrumentId id : m_open) {
        if (id >= m_instruments.size() || !m_instruments[id].open || seen[id])
            return false;
        seen[id] = true;
    }
    // The front hour of a product: none, or an open hourly instrument of that product.
    for (std::uint32_t product = 0; product < m_front.size(); ++product) {
        const InstrumentId id = m_front[product];
        if (id != 0 && (id >= m_instruments.size() || !m_instruments[id].open ||
                        m_instruments[id].periodKind != 0 || m_instruments[id].terms.productIndex != product))
            return false;
    }
    // Contracts name existing parties and instruments; what buyers bought is what their
    // contracts are worth.
    std::vector<Wide> bought(m_participants.size(), 0);
    for (const Contract &k : m_contracts) {
        if (!participantExists(k.buyer) || !participantExists(k.seller) ||
            k.instrument >= m_instruments.size() || !m_instruments[k.instrument].exists ||
            std::uint8_t(k.state) > std::uint8_t(ContractState::Terminated) || k.price < 1 ||
            k.price > kMaxPrice || k.quantity < 1 || k.quantity > kMaxQuantity)
            return false;
        const Instrument &inst = m_instruments[k.instrument];
        if (k.start != inst.deliveryStart || k.end != inst.deliveryEnd)
            return false;
        bought[k.buyer] += notional(k.price, k.quantity, inst.hours());
    }
    // Exposures are the sums of the resting orders (and contracts) they count: the engine
    // adds and subtracts exactly these notionals, and never lets them past the ceiling.
    for (ParticipantId id = 0; id < m_participants.size(); ++id) {
        const Participant &p = m_participants[id];
        if (open[id] != p.openNotional || openBuy[id] != p.openBuyNotional || bought[id] != p.boughtValue ||
            p.openNotional > kExposureCeiling || Wide(p.openBuyNotional) + p.boughtValue > kExposureCeiling)
            return false;
    }
    return true;
}

} // namespace cloudex::market
