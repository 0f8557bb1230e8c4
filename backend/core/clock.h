#pragma once

#include <QtGlobal>

#include <atomic>

namespace cloudex {

/// Source of wall-clock time for services. Engines never read it: they receive time as
/// journaled clock commands. Tests inject a ManualClock so time is deterministic.
class Clock
{
public:
    virtual ~Clock() = default;
    /// Milliseconds since the Unix epoch, UTC.
    virtual qint64 nowMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
    static SystemClock &instance();
};

/// Set by a test while a service may read it on another thread (the embedded exchange's).
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 0) : m_nowMs(startMs) {}
    ManualClock(const ManualClock &other)
        : Clock()
        , m_nowMs(other.nowMs())
    {}
    ManualClock &operator=(const ManualClock &other)
    {
        m_nowMs.store(other.nowMs());
        return *this;
    }
    qint64 nowMs() const override { return m_nowMs.load(); }
    void setNowMs(qint64 ms) { m_nowMs.store(ms); }
    void advanceMs(qint64 ms) { m_nowMs.fetch_add(ms); }

private:
    std::atomic<qint64> m_nowMs;
};

/// Another clock shifted by a fixed offset: the test facility behind `--clock-offset`
/// (docs/CONNECT-API.md, "Clocks in tests"). It never touches the system clock.
class OffsetClock final : public Clock
{
public:
    OffsetClock(const Clock &base, qint64 offsetMs)
        : m_base(base)
        , m_offsetMs(offsetMs)
    {}
    qint64 nowMs() const override { return m_base.nowMs() + m_offsetMs.load(); }
    qint64 offsetMs() const { return m_offsetMs.load(); }
    void setOffsetMs(qint64 ms) { m_offsetMs.store(ms); }

private:
    const Clock &m_base;
    std::atomic<qint64> m_offsetMs;
};

} // namespace cloudex
