#pragma once

#include "market/codec.h"
#include "market/types.h"

#include <array>
#include <deque>
#include <vector>

namespace cloudex::market {

struct Candle
{
    Secs start = 0;
    Tick open = 0;
    Tick high = 0;
    Tick low = 0;
    Tick close = 0;
    Qty volume = 0;
    bool operator==(const Candle &) const = default;
};

/// One line of an instrument's public trade tape: no parties.
struct TapeEntry
{
    TradeId id = 0;
    std::uint64_t eventSeq = 0;
    Tick price = 0;
    Qty quantity = 0;
    Side aggressor = Side::Buy;
    Secs time = 0;
    bool operator==(const TapeEntry &) const = default;
};

enum class Resolution : std::uint8_t { Minute1, Minute5, Hour1, Day1 };
constexpr std::array<Secs, 4> kResolutionSecs = {60, 300, 3600, 86400};
/// How many candles of each resolution an instrument keeps (a day of minutes and more).
constexpr std::size_t kMaxCandles = 1500;
/// How many recent trades each instrument's tape keeps.
constexpr std::size_t kMaxTape = 1000;
/// The spot index window: trailing five minutes.
constexpr Secs kSpotWindowSecs = 300;
/// Spot history: one sample per minute (the index at the end of that minute), a week deep.
constexpr Secs kSpotSampleSecs = 60;
constexpr std::size_t kSpotHistorySamples = 7 * 24 * 60;

/// The spot index during one minute: its value when the minute ended (or now, for the
/// current minute).
struct SpotSample
{
    Secs minute = 0; ///< start of the minute
    Tick price = 0;
    bool operator==(const SpotSample &) const = default;
};

/// Candles per instrument and the spot index per product, fed by the engine's trades and
/// clock. Part of the engine state: snapshots and the state digest include it.
class MarketData
{
public:
    void onTrade(InstrumentId instrument, bool hourly, const TapeEntry &trade);
    /// Recomputes the spot index of `product` from the window of its front hourly instrument
    /// (0: none). The last value carries over when the window is empty.
    void updateSpot(std::uint32_t product, InstrumentId front, Secs now);
    /// Drops trades that left the window.
    void prune(Secs now);

    const std::deque<Candle> *candles(InstrumentId instrument, Resolution resolution) const;
    /// The most recent trades of an instrument, oldest first (at most kMaxTape).
    const std::deque<TapeEntry> *tape(InstrumentId instrument) const;
    /// Spot index in ticks, 0 when the product never traded.
    Tick spot(std::uint32_t product) const { return product < m_spot.size() ? m_spot[product] : 0; }
    /// The product's spot index per minute, oldest first; minutes before the first trade
    /// and minutes the clock skipped have no sample.
    const std::deque<SpotSample> *spotHistory(std::uint32_t product) const
    {
        return product < m_spotHistory.size() ? &m_spotHistory[product] : nullptr;
    }

    void serialize(Writer &out) const;
    /// `withSpotHistory`: false for snapshots older than the spot history (CXE1).
    /// `instruments`: how many instrument ids the engine has (series are by instrument id, so
    /// there are never more); an empty series costs far more memory than its 24 bytes.
    bool deserialize(Reader &in, bool withSpotHistory, std::size_t instruments);

private:
    struct Bucket
    {
        Secs time;
        Notional priceTimesQty;
        Qty quantity;
    };
    struct Window
    {
        std::deque<Bucket> buckets;
        Notional priceTimesQty = 0;
        Qty quantity = 0;
    };
    struct Series
    {
        std::array<std::deque<Candle>, 4> candles;
        std::deque<TapeEntry> tape;
        Window window; ///< hourly instruments only
    };
    Series &series(InstrumentId instrument);
    static void pruneWindow(Window &window, Secs now);

    std::vector<Series> m_series; ///< by instrument id
    std::vector<Tick> m_spot;     ///< by product index
    std::vector<std::deque<SpotSample>> m_spotHistory; ///< by product index
};

} // namespace cloudex::market
