#pragma once

#include "api/instrument.h"
#include "connect/agentstore.h"
#include "connect/inventory.h"

#include <QHash>
#include <QList>
#include <QString>

namespace cloudex::connect {

/// The seller's offers turned into asks: pure rules, no I/O (the OfferTrader feeds it what
/// the site has and what the exchange lists, and sends what it plans).
///
/// Capacity is kept per host pool, in vCPU and memory, hour by hour. The pools are disjoint:
/// the shared pool (key "": hosts in no group or in a shared group, as for shared contracts)
/// and each group-shared or exclusive host group (key: its name). An offer sells from one
/// pool (poolFor). For every pool and every hour the plan keeps
///
///     Σ asks covering the hour + Σ contracts covering the hour ≤ the pool's free capacity
///
/// in vCPU and in memory: each ask takes what it may sell from every hour it covers before the
/// next ask is sized, so an hourly and a daily ask of the same hour never promise the same
/// capacity twice. Contracts count whether or not they are at risk; an hour whose contracts
/// already exceed the pool (hosts went away) gets no ask at all.
class OfferBook
{
public:
    /// A pool's capacity for contracts and asks: its online hosts less what the site's own
    /// (non-contract) VMs use. Constant over the hours planned.
    struct Pool
    {
        QString key; ///< "" shared, else the host group's name
        qint64 vcpus = 0;
        qint64 memoryMiB = 0;
    };
    /// A contract's volume in its pool for its window.
    struct Commitment
    {
        QString id;
        QString pool;
        QString instrument; ///< the instrument symbol (counts against an offer's cap)
        qint64 startSecs = 0;
        qint64 endSecs = 0;
        qint64 quantity = 0; ///< instances
        qint64 vcpus = 0;    ///< quantity × the class's vCPU
        qint64 memoryMiB = 0;
    };
    struct Input
    {
        qint64 nowSecs = 0;
        QList<Pool> pools;
        QList<Commitment> commitments;
        QList<Offer> offers;
        QHash<QString, QString> offerPools; ///< product → pool key (poolFor)
        QHash<QString, qint64> spot;        ///< product → spot index in ticks (0: none yet)
        QList<api::Instrument> instruments; ///< open instruments; an unlisted period gets no ask
    };
    /// One ask the offers want on the book.
    struct Ask
    {
        QString product;
        QString symbol;
        QString pool;
        qint64 startSecs = 0;
        qint64 endSecs = 0;
        qint64 price = 0;    ///< ticks
        qint64 quantity = 0; ///< instances
        bool operator==(const Ask &) const = default;
    };
    /// Capacity against commitments for one delivery period an offer sells, for the chart:
    /// the least free capacity over the period's hours, in instances of the offer's class.
    struct PeriodLoad
    {
        QString product;
        QString symbol;
        qint64 startSecs = 0;
        qint64 endSecs = 0;
        qint64 capacity = 0;   ///< instances the pool holds (at the tightest hour)
        qint64 contracted = 0; ///< instances contracted (at the tightest hour)
        qint64 asked = 0;      ///< the offer's planned ask
        bool operator==(const PeriodLoad &) const = default;
    };
    struct Plan
    {
        QList<Ask> asks;
        QList<PeriodLoad> loads;
    };

    static Plan plan(const Input &input);

    /// The spot-linked price: spot × (10000 + markup) / 10000, rounded half up to a whole
    /// tick (exact integer arithmetic), then raised to the floor and lowered to the cap
    /// (0: none); at least one tick. Without a spot index (0) the floor is the price, and
    /// without a floor either there is none (nullopt).
    static std::optional<qint64> spotLinkedPrice(qint64 spotTicks, int markupBasisPoints, qint64 floorTicks,
                                                 qint64 capTicks);

    /// The price an offer asks, or nullopt when it has none (a spot-linked offer without
    /// spot index or floor, a fixed offer at 0).
    static std::optional<qint64> priceOf(const Offer &offer, qint64 spotTicks);

    /// The pool an offer sells from: shared products the shared pool ""; group-shared and
    /// exclusive products the offer's named group if it has that tenancy, else the default
    /// group (group-shared), else the first group of that tenancy by name; nullopt when no
    /// group fits.
    static std::optional<QString> poolFor(const Offer &offer, const QList<HostGroup> &groups,
                                          const QString &defaultGroup = {});

    /// The pools of a site: online hosts summed per pool, less the site's own VMs (those that
    /// are not contract domains) on them.
    /// `ownUsageByHost`: their vCPUs and memory (MiB) per host (AgentStore::ownVmUsageByHost).
    static QList<Pool> pools(const QList<HostInfo> &hosts, const QList<HostGroup> &groups,
                             const QHash<QString, std::pair<qint64, qint64>> &ownUsageByHost);

    /// The delivery periods an offer's windows name at `nowSecs`: for each window the next
    /// `count` periods of its kind whose delivery has not started.
    static QList<catalogue::DeliveryPeriod> periodsOf(const Offer &offer, qint64 nowSecs);
};

} // namespace cloudex::connect
