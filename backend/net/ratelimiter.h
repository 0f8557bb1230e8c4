#pragma once

#include <QHash>
#include <QString>

namespace cloudex {
class Clock;
}

namespace cloudex::net {

/// Token buckets per key (a participant): `burst` requests at once, refilled at
/// `perSecond`. Time comes from the injected clock so tests are exact.
class RateLimiter
{
public:
    RateLimiter(const Clock &clock, int burst, int perSecond);

    /// Takes a token for `key`. Returns 0 when allowed, else the milliseconds until a token
    /// is available (nothing is taken then).
    qint64 acquire(const QString &key);

    void setLimits(int burst, int perSecond);

private:
    struct Bucket
    {
        double tokens;
        qint64 updatedMs;
    };

    const Clock &m_clock;
    int m_burst;
    int m_perSecond;
    QHash<QString, Bucket> m_buckets;
};

} // namespace cloudex::net
