#include "market/orderbook.h"

#include <algorithm>

namespace cloudex::market {

std::size_t OrderBook::lowerBound(Side s, Tick price) const
{
    const std::vector<Level> &levels = side(s);
    // Levels run from worst to best; the first level not worse than `price`.
    auto it = std::partition_point(levels.begin(), levels.end(),
                                   [&](const Level &level) { return better(s, price, level.price); });
    return std::size_t(it - levels.begin());
}

Level *OrderBook::find(Side s, Tick price)
{
    std::vector<Level> &levels = side(s);
    // Most activity is near the top of the book: check the best level before searching.
    if (!levels.empty() && levels.back().price == price)
        return &levels.back();
    const std::size_t i = lowerBound(s, price);
    return i < levels.size() && levels[i].price == price ? &levels[i] : nullptr;
}

void OrderBook::insert(OrderPool &pool, std::uint32_t slot)
{
    OrderSlot &order = pool[slot];
    std::vector<Level> &levels = side(order.side);
    Level *level = nullptr;
    if (!levels.empty() && levels.back().price == order.price) {
        level = &levels.back();
    } else {
        const std::size_t i = lowerBound(order.side, order.price);
        if (i < levels.size() && levels[i].price == order.price)
            level = &levels[i];
        else
            level = &*levels.insert(levels.begin() + std::ptrdiff_t(i), Level{order.price});
    }
    append(pool, *level, slot);
}

void OrderBook::append(OrderPool &pool, Level &level, std::uint32_t slot)
{
    OrderSlot &order = pool[slot];
    order.prev = level.tail;
    order.next = kNoSlot;
    if (level.tail != kNoSlot)
        pool[level.tail].next = slot;
    else
        level.head = slot;
    level.tail = slot;
    level.total += order.remaining;
    ++level.count;
}

void OrderBook::remove(OrderPool &pool, std::uint32_t slot)
{
    OrderSlot &order = pool[slot];
    std::vector<Level> &levels = side(order.side);
    std::size_t i = levels.size() - 1;
    if (levels[i].price != order.price)
        i = lowerBound(order.side, order.price);
    Level &level = levels[i];
    if (order.prev != kNoSlot)
        pool[order.prev].next = order.next;
    else
        level.head = order.next;
    if (order.next != kNoSlot)
        pool[order.next].prev = order.prev;
    else
        level.tail = order.prev;
    level.total -= order.remaining;
    if (--level.count == 0)
        levels.erase(levels.begin() + std::ptrdiff_t(i));
    order.prev = order.next = kNoSlot;
}

} // namespace cloudex::market
