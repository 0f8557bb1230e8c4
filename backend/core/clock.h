#pragma once

#include <QtGlobal>

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

class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 0) : m_nowMs(startMs) {}
    qint64 nowMs() const override { return m_nowMs; }
    void setNowMs(qint64 ms) { m_nowMs = ms; }
    void advanceMs(qint64 ms) { m_nowMs += ms; }

private:
    qint64 m_nowMs;
};

} // namespace cloudex
