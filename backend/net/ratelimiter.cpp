#include "net/ratelimiter.h"

#include "core/clock.h"

#include <algorithm>
#include <cmath>

namespace cloudex::net {

RateLimiter::RateLimiter(const Clock &clock, int burst, int perSecond)
    : m_clock(clock)
    , m_burst(burst)
    , m_perSecond(perSecond)
{
}

void RateLimiter::setLimits(int burst, int perSecond)
{
    m_burst = burst;
    m_perSecond = perSecond;
}

qint64 RateLimiter::acquire(const QString &key)
{
    const qint64 now = m_clock.nowMs();
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{double(m_burst), now});
    Bucket &bucket = *it;
    const double elapsedS = double(std::max<qint64>(0, now - bucket.updatedMs)) / 1000.0;
    bucket.tokens = std::min(double(m_burst), bucket.tokens + elapsedS * m_perSecond);
    bucket.updatedMs = now;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return 0;
    }
    if (m_perSecond <= 0)
        return std::numeric_limits<qint64>::max();
    return qint64(std::ceil((1.0 - bucket.tokens) * 1000.0 / m_perSecond));
}

} // namespace cloudex::net
