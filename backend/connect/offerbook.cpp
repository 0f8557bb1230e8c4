#include "offerbook.h"

#include "catalogue/catalogue.h"

#include <algorithm>

namespace cloudex::connect {
namespace {
using catalogue::Tenancy;
constexpr qint64 kHour = 3600;
constexpr qint64 kBasisPoints = 10'000;

qint64 floorDiv(qint64 a, qint64 b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/// The hours an interval touches (any part counts: conservative for odd windows).
std::pair<qint64, qint64> hoursOf(qint64 startSecs, qint64 endSecs)
{
    return {floorDiv(startSecs, kHour), floorDiv(endSecs + kHour - 1, kHour)};
}

struct Used
{
    qint64 vcpus = 0;
    qint64 memoryMiB = 0;
};

/// Whole instances of a class that fit into what is free (never negative).
qint64 instancesFree(const OfferBook::Pool &pool, const Used &used, const catalogue::InstanceClass &c)
{
    const qint64 cpus = pool.vcpus - used.vcpus;
    const qint64 memory = pool.memoryMiB - used.memoryMiB;
    if (cpus <= 0 || memory <= 0)
        return 0;
    return std::min(cpus / std::max(1, c.vcpus), memory / std::max(1, c.memoryMiB));
}
} // namespace

std::optional<qint64> OfferBook::spotLinkedPrice(qint64 spotTicks, int markupBasisPoints, qint64 floorTicks,
                                                 qint64 capTicks)
{
    std::optional<qint64> price;
    if (spotTicks > 0) {
        // spot ≤ 10^8 ticks (the exchange's maximum) and the factor ≤ a few 10^5: no overflow.
        const qint64 numerator = spotTicks * (kBasisPoints + markupBasisPoints);
        price = numerator <= 0 ? 0 : (numerator + kBasisPoints / 2) / kBasisPoints; // half up
    } else if (floorTicks > 0) {
        price = floorTicks;
    }
    if (!price)
        return std::nullopt;
    if (floorTicks > 0)
        price = std::max(*price, floorTicks);
    if (capTicks > 0)
        price = std::min(*price, capTicks);
    return std::max<qint64>(*price, 1);
}

std::optional<qint64> OfferBook::priceOf(const Offer &offer, qint64 spotTicks)
{
    if (offer.priceMode == Offer::PriceMode::Fixed)
        return offer.priceTicks > 0 ? std::optional<qint64>(offer.priceTicks) : std::nullopt;
    return spotLinkedPrice(spotTicks, offer.markupBasisPoints, offer.floorTicks, offer.capTicks);
}

std::optional<QString> OfferBook::poolFor(const Offer &offer, const QList<HostGroup> &groups,
                                          const QString &defaultGroup)
{
    const auto product = catalogue::Catalogue::standard().parseProduct(offer.product);
    if (!product)
        return std::nullopt;
    if (product->tenancy == Tenancy::Shared)
        return QString();
    const auto hasTenancy = [&](const QString &name) {
        return std::any_of(groups.begin(), groups.end(), [&](const HostGroup &g) {
            return g.name == name && g.tenancy == product->tenancy;
        });
    };
    if (!offer.pool.isEmpty())
        return hasTenancy(offer.pool) ? std::optional<QString>(offer.pool) : std::nullopt;
    if (product->tenancy == Tenancy::GroupShared && !defaultGroup.isEmpty() && hasTenancy(defaultGroup))
        return defaultGroup;
    QStringList names;
    for (const HostGroup &g : groups) {
        if (g.tenancy == product->tenancy)
            names.append(g.name);
    }
    names.sort();
    if (names.isEmpty())
        return std::nullopt;
    return names.first();
}

QList<OfferBook::Pool> OfferBook::pools(const QList<HostInfo> &hosts, const QList<HostGroup> &groups,
                                        const QHash<QString, std::pair<qint64, qint64>> &ownUsageByHost)
{
    const auto poolOf = [&](const QString &host) -> QString {
        for (const HostGroup &g : groups) {
            if (g.hosts.contains(host))
                return g.tenancy == Tenancy::Shared ? QString() : g.name;
        }
        return {};
    };
    QList<Pool> result;
    const auto poolAt = [&](const QString &key) -> Pool & {
        for (Pool &p : result) {
            if (p.key == key)
                return p;
        }
        result.append(Pool{key, 0, 0});
        return result.last();
    };
    poolAt(QString()); // the shared pool is always there, if empty
    for (const HostGroup &g : groups) {
        if (g.tenancy != Tenancy::Shared)
            poolAt(g.name);
    }
    for (const HostInfo &host : hosts) {
        if (!host.online)
            continue;
        Pool &pool = poolAt(poolOf(host.id));
        pool.vcpus += host.cpus;
        pool.memoryMiB += host.memoryMiB;
    }
    for (auto it = ownUsageByHost.cbegin(); it != ownUsageByHost.cend(); ++it) {
        Pool &pool = poolAt(poolOf(it.key()));
        pool.vcpus -= it.value().first;
        pool.memoryMiB -= it.value().second;
    }
    return result;
}

QList<catalogue::DeliveryPeriod> OfferBook::periodsOf(const Offer &offer, qint64 nowSecs)
{
    QList<catalogue::DeliveryPeriod> result;
    for (const OfferWindow &window : offer.windows) {
        catalogue::DeliveryPeriod period = catalogue::DeliveryPeriod::containing(window.kind, nowSecs);
        if (period.startSecs() <= nowSecs)
            period = period.next();
        for (int i = 0; i < window.count; ++i, period = period.next()) {
            if (!result.contains(period))
                result.append(period);
        }
    }
    return result;
}

OfferBook::Plan OfferBook::plan(const Input &input)
{
    Plan plan;
    QHash<QString, Pool> pools;
    for (const Pool &pool : input.pools)
        pools.insert(pool.key, pool);
    // Use per pool and hour: contracts first, then each ask as it is sized.
    QHash<QString, QHash<qint64, Used>> used;
    QHash<QString, qint64> contractedOn; // instrument → instances contracted
    for (const Commitment &c : input.commitments) {
        const auto [first, last] = hoursOf(c.startSecs, c.endSecs);
        QHash<qint64, Used> &hours = used[c.pool];
        for (qint64 h = first; h < last; ++h) {
            hours[h].vcpus += c.vcpus;
            hours[h].memoryMiB += c.memoryMiB;
        }
        contractedOn[c.instrument] += c.quantity;
    }
    const QHash<QString, QHash<qint64, Used>> committed = used;
    QHash<QString, const api::Instrument *> listed;
    for (const api::Instrument &i : input.instruments)
        listed.insert(i.symbol, &i);

    QList<Offer> offers = input.offers;
    std::sort(offers.begin(), offers.end(),
              [](const Offer &a, const Offer &b) { return a.product < b.product; });
    for (const Offer &offer : std::as_const(offers)) {
        if (offer.reservedInstances <= 0 || !input.offerPools.contains(offer.product))
            continue;
        const auto product = catalogue::Catalogue::standard().parseProduct(offer.product);
        if (!product)
            continue;
        const catalogue::InstanceClass *instanceClass =
            catalogue::Catalogue::standard().findClass(product->classCode);
        if (!instanceClass)
            continue;
        const QString poolKey = input.offerPools.value(offer.product);
        const Pool pool = pools.value(poolKey, Pool{poolKey, 0, 0});
        const std::optional<qint64> price = priceOf(offer, input.spot.value(offer.product));
        const qint64 capacity = instancesFree(pool, Used{}, *instanceClass);
        for (const catalogue::DeliveryPeriod &period : periodsOf(offer, input.nowSecs)) {
            const QString symbol = offer.product + u'.' + period.code();
            const auto [first, last] = hoursOf(period.startSecs(), period.endSecs());
            qint64 free = capacity;
            qint64 freeOfContracts = capacity;
            const QHash<qint64, Used> noUse;
            const QHash<qint64, Used> &poolUse = used.contains(poolKey) ? used[poolKey] : noUse;
            const QHash<qint64, Used> &poolCommitted =
                committed.contains(poolKey) ? *committed.find(poolKey) : noUse;
            for (qint64 h = first; h < last; ++h) {
                free = std::min(free, instancesFree(pool, poolUse.value(h), *instanceClass));
                freeOfContracts =
                    std::min(freeOfContracts, instancesFree(pool, poolCommitted.value(h), *instanceClass));
            }
            PeriodLoad load{offer.product,
                            symbol,
                            period.startSecs(),
                            period.endSecs(),
                            capacity,
                            std::max<qint64>(0, capacity - freeOfContracts),
                            0};
            const api::Instrument *instrument = listed.value(symbol);
            qint64 quantity = std::min<qint64>(free, offer.reservedInstances - contractedOn.value(symbol));
            if (instrument && instrument->lotSize > 1)
                quantity -= quantity % instrument->lotSize;
            if (instrument && price && quantity > 0) {
                qint64 askPrice = *price;
                if (instrument->bandHigh > 0)
                    askPrice =
                        std::clamp(askPrice, std::max<qint64>(1, instrument->bandLow), instrument->bandHigh);
                QHash<qint64, Used> &hours = used[poolKey];
                for (qint64 h = first; h < last; ++h) {
                    hours[h].vcpus += quantity * instanceClass->vcpus;
                    hours[h].memoryMiB += quantity * instanceClass->memoryMiB;
                }
                plan.asks.append(Ask{offer.product, symbol, poolKey, period.startSecs(), period.endSecs(),
                                     askPrice, quantity});
                load.asked = quantity;
            }
            plan.loads.append(load);
        }
    }
    return plan;
}

} // namespace cloudex::connect
