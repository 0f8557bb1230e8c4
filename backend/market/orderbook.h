#pragma once

#include "market/orderpool.h"

#include <vector>

namespace cloudex::market {

/// One price with its orders in time priority (an intrusive list through the pool).
struct Level
{
    Tick price = 0;
    std::uint32_t head = kNoSlot;
    std::uint32_t tail = kNoSlot;
    Qty total = 0;
    std::uint32_t count = 0;
};

/// Both sides of one instrument. Each side is a sorted vector of levels with the best price
/// at the back, so the common work (add near the top, fill at the top) touches the end of
/// the vector and a price lookup is a binary search.
class OrderBook
{
public:
    /// Levels of one side, best last: bids ascending, asks descending.
    std::vector<Level> &side(Side s) { return s == Side::Buy ? m_bids : m_asks; }
    const std::vector<Level> &side(Side s) const { return s == Side::Buy ? m_bids : m_asks; }

    /// True when `a` is a better price than `b` for side `s`.
    static bool better(Side s, Tick a, Tick b) { return s == Side::Buy ? a > b : a < b; }

    /// Appends the order in `slot` at the back of its price level.
    void insert(OrderPool &pool, std::uint32_t slot);
    /// Links the order in `slot` at the back of `level` (its price), counting it in the
    /// level's total and count.
    static void append(OrderPool &pool, Level &level, std::uint32_t slot);
    /// Unlinks the order in `slot`; drops its level when it empties. Does not release it.
    void remove(OrderPool &pool, std::uint32_t slot);
    /// The level at `price` on side `s`, or nullptr.
    Level *find(Side s, Tick price);
    /// Index of the level holding `price`, or where it would go (levels before it are worse).
    std::size_t lowerBound(Side s, Tick price) const;

    bool empty() const { return m_bids.empty() && m_asks.empty(); }
    void clear()
    {
        m_bids.clear();
        m_asks.clear();
    }

private:
    std::vector<Level> m_bids;
    std::vector<Level> m_asks;
};

} // namespace cloudex::market
