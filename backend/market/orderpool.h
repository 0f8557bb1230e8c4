#pragma once

#include "market/orderidmap.h"
#include "market/types.h"

#include <cstdint>
#include <vector>

namespace cloudex::market {

/// One resting order, linked into its price level. Kept compact: the matcher walks these.
struct OrderSlot
{
    OrderId id = 0;
    std::uint32_t prev = kNoSlot;
    std::uint32_t next = kNoSlot;
    ParticipantId participant = 0;
    InstrumentId instrument = 0;
    Tick price = 0;
    Qty remaining = 0;
    Secs expiry = 0; ///< 0: no expiry
    Eligibility counterparty;
    ClientOrderId clientId;
    Side side = Side::Buy;
    TimeInForce tif = TimeInForce::GoodTillCancel;
    bool postOnly = false;
};

/// All resting orders of the engine in one vector with a free list: no allocation per order
/// once warm, and the matcher's walks stay within one array.
class OrderPool
{
public:
    std::uint32_t allocate()
    {
        if (!m_free.empty()) {
            const std::uint32_t slot = m_free.back();
            m_free.pop_back();
            return slot;
        }
        m_slots.emplace_back();
        return std::uint32_t(m_slots.size() - 1);
    }
    void release(std::uint32_t slot)
    {
        m_slots[slot] = OrderSlot{};
        m_free.push_back(slot);
    }
    /// Number of slots, live or free; a free slot has id 0.
    std::uint32_t size() const { return std::uint32_t(m_slots.size()); }
    OrderSlot &operator[](std::uint32_t slot) { return m_slots[slot]; }
    const OrderSlot &operator[](std::uint32_t slot) const { return m_slots[slot]; }
    void clear()
    {
        m_slots.clear();
        m_free.clear();
    }

private:
    std::vector<OrderSlot> m_slots;
    std::vector<std::uint32_t> m_free;
};

} // namespace cloudex::market
