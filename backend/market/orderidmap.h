#pragma once

#include "market/types.h"

#include <cstdint>
#include <vector>

namespace cloudex::market {

constexpr std::uint32_t kNoSlot = UINT32_MAX;

/// Open-addressing map OrderId -> slot (linear probing, backward-shift deletion), so a
/// cancel finds its order without a node-based hash map.
class OrderIdMap
{
public:
    OrderIdMap()
    {
        m_keys.assign(kInitialCapacity, 0);
        m_values.assign(kInitialCapacity, kNoSlot);
    }

    std::uint32_t find(OrderId id) const
    {
        for (std::size_t i = index(id);; i = (i + 1) & mask()) {
            if (m_keys[i] == id)
                return m_values[i];
            if (m_keys[i] == 0)
                return kNoSlot;
        }
    }

    void insert(OrderId id, std::uint32_t slot)
    {
        if ((m_size + 1) * 2 > m_keys.size())
            grow();
        place(id, slot);
        ++m_size;
    }

    void erase(OrderId id)
    {
        std::size_t i = index(id);
        while (m_keys[i] != id) {
            if (m_keys[i] == 0)
                return;
            i = (i + 1) & mask();
        }
        // Backward shift: pull later members of the probe run into the hole.
        for (std::size_t j = (i + 1) & mask();; j = (j + 1) & mask()) {
            if (m_keys[j] == 0)
                break;
            const std::size_t home = index(m_keys[j]);
            const bool movable = (j > i) ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                m_keys[i] = m_keys[j];
                m_values[i] = m_values[j];
                i = j;
            }
        }
        m_keys[i] = 0;
        m_values[i] = kNoSlot;
        --m_size;
    }

    void clear()
    {
        m_keys.assign(kInitialCapacity, 0);
        m_values.assign(kInitialCapacity, kNoSlot);
        m_size = 0;
    }

private:
    static constexpr std::size_t kInitialCapacity = 1024;
    std::size_t mask() const { return m_keys.size() - 1; }
    std::size_t index(OrderId id) const { return (id * 0x9E3779B97F4A7C15ull >> 17) & mask(); }
    void place(OrderId id, std::uint32_t slot)
    {
        std::size_t i = index(id);
        while (m_keys[i] != 0)
            i = (i + 1) & mask();
        m_keys[i] = id;
        m_values[i] = slot;
    }
    void grow()
    {
        std::vector<OrderId> keys = std::move(m_keys);
        std::vector<std::uint32_t> values = std::move(m_values);
        m_keys.assign(keys.size() * 2, 0);
        m_values.assign(keys.size() * 2, kNoSlot);
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i] != 0)
                place(keys[i], values[i]);
    }

    std::vector<OrderId> m_keys; ///< 0 marks an empty bucket; order ids start at 1
    std::vector<std::uint32_t> m_values;
    std::size_t m_size = 0;
};

} // namespace cloudex::market
