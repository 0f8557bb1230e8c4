#pragma once

// Shared by the journal and recovery suites: drives an Exchange with a seeded order flow
// as many clients would, keeping up to `inFlight` commands waiting for their commit.
#include "market/exchange.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>

#include <random>

namespace cloudex::bench {

struct LoadResult
{
    qint64 acknowledged = 0;
    double seconds = 0;
    std::vector<qint64> commitLatencyNs; ///< sampled: submit to acknowledgement
};

inline market::Exchange::Config loadConfig()
{
    market::Exchange::Config config;
    config.products = {catalogue::Catalogue::standard().parseProduct(QStringLiteral("DE.GP2.SH.S1")).value()};
    config.horizon = catalogue::ListingHorizon{10, 0, 0, 0, 0};
    config.bandLowTicks = 1000;
    config.bandHighTicks = 3000;
    return config;
}

inline void setUpLoad(market::Exchange &x)
{
    x.advanceClock(QDateTime(QDate(2026, 12, 1), QTime(8, 0), Qt::UTC).toSecsSinceEpoch());
    for (int p = 0; p < 20; ++p)
        x.addParticipant({QStringLiteral("p-%1").arg(p),
                          market::Role::Both,
                          QStringLiteral("DE"),
                          {},
                          QStringLiteral("standard"),
                          market::RiskLimits::unlimited()});
    x.flush();
}

/// Submits `orders` orders (limit orders around a mid price, a tenth of them cancels) and
/// runs the event loop until every one is acknowledged.
inline LoadResult runLoad(market::Exchange &x, qint64 orders, qint64 inFlight, int sampleEvery)
{
    using namespace cloudex::market;
    std::mt19937_64 rng(20261201);
    auto pick = [&](int lo, int hi) {
        return std::uniform_int_distribution<int>(lo, hi)(rng);
    };
    const QStringList symbols = x.openSymbols();
    LoadResult result;
    result.commitLatencyNs.reserve(std::size_t(orders / sampleEvery + 1));
    qint64 submitted = 0;
    QElapsedTimer clock;
    clock.start();
    std::vector<quint64> resting;
    while (result.acknowledged < orders) {
        while (submitted < orders && submitted - result.acknowledged < inFlight) {
            const bool sample = submitted % sampleEvery == 0;
            const qint64 t0 = sample ? clock.nsecsElapsed() : 0;
            AckCallback done = [&result, &clock, &resting, sample, t0](const Ack &ack) {
                ++result.acknowledged;
                if (sample)
                    result.commitLatencyNs.push_back(clock.nsecsElapsed() - t0);
                if (ack.accepted && ack.orderId != 0 && resting.size() < 100'000)
                    resting.push_back(ack.orderId);
            };
            const QString who = QStringLiteral("p-%1").arg(pick(0, 19));
            if (pick(0, 9) == 0 && !resting.empty()) {
                const std::size_t at = std::size_t(pick(0, int(resting.size()) - 1));
                const quint64 id = resting[at];
                resting[at] = resting.back();
                resting.pop_back();
                x.cancelOrder(who, id, std::move(done));
            } else {
                OrderRequest o;
                o.symbol = symbols.at(pick(0, int(symbols.size()) - 1));
                o.side = pick(0, 1) ? Side::Buy : Side::Sell;
                o.priceTicks = 2000 + pick(-100, 100);
                o.quantity = pick(1, 10);
                x.submitOrder(who, o, std::move(done));
            }
            ++submitted;
        }
        // Wait for acknowledgements in a running event loop: QCoreApplication::processEvents(
        // WaitForMoreEvents) outside one can sleep through the commit's posted event with
        // Qt's UNIX event dispatcher (QT_NO_GLIB=1).
        QEventLoop loop;
        QObject::connect(&x, &Exchange::committed, &loop, &QEventLoop::quit);
        QObject::connect(&x, &Exchange::failed, &loop, &QEventLoop::quit);
        loop.exec();
    }
    result.seconds = double(clock.nsecsElapsed()) / 1e9;
    return result;
}

inline qint64 percentile(std::vector<qint64> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size())))];
}

inline qint64 argument(const QStringList &arguments, const QString &name, qint64 fallback)
{
    const qsizetype at = arguments.indexOf(name);
    return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1).toLongLong() : fallback;
}

} // namespace cloudex::bench
