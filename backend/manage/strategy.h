#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVector>

namespace cloudex::manage {

/// A recurring peak on top of the baseline: `extra` instances on the chosen weekdays from
/// `fromHour` to `toHour` (UTC, end exclusive), for example weekdays 08–18.
struct DemandPeak
{
    int weekdays = 0x1f; ///< bit 0 Monday … bit 6 Sunday
    int fromHour = 8;    ///< 0–23
    int toHour = 18;     ///< 1–24, after fromHour
    qint64 extra = 0;    ///< instances

    bool operator==(const DemandPeak &) const = default;
};

/// A drawn step: the demand is `quantity` for `hours` hours from hour `start` of the
/// horizon, whatever baseline and peaks say.
struct DemandOverride
{
    int start = 0;
    int hours = 0;
    qint64 quantity = 0;

    bool operator==(const DemandOverride &) const = default;
};

/// The steps of the fallback ladder, tried in this order when the profile's own products
/// leave demand uncovered.
enum class FallbackStep { NextRegion, NextSlaClass, OtherTenancy };

/// A buyer's sourcing strategy (issue #14): demand over an hourly horizon, an SLA profile,
/// money limits, diversification, term mix and fallback ladder. Money is in ticks
/// (0.0001 EUR; prices per instance-hour), never floating point.
struct Strategy
{
    static constexpr int kMaxHorizonHours = 24 * 366;

    QString id;              ///< [a-z0-9-]{1,40}; the file's name
    QString name;            ///< for people
    qint64 horizonStart = 0; ///< Unix seconds, on a full hour
    int horizonHours = 24 * 30;
    qint64 baseline = 0; ///< instances every hour
    QList<DemandPeak> peaks;
    QList<DemandOverride> overrides; ///< later ones win
    QString profileId;               ///< an SlaProfile; empty: any product
    QString instanceClass;           ///< class code to buy (GP2, …); empty: the profile's
    qint64 budgetPerMonth = 0;       ///< ticks per calendar month (UTC); a hard limit
    qint64 maxPrice = 0;             ///< ticks per instance-hour for term contracts; 0: the band
    qint64 maxSpotPrice = 0;         ///< ticks per instance-hour for hours (spot); 0: the band
    int maxSellerSharePercent = 100; ///< of the demand's instance-hours, per seller
    int minSellers = 0;
    int baselineTermPercent = 70; ///< share of the baseline covered with Q/M/W contracts
    int peakShortPercent = 50;    ///< share of the peaks covered with D/H contracts; rest is spot
    QList<FallbackStep> fallback;

    /// Demand per hour of the horizon, instances.
    QVector<qint64> demand() const;
    qint64 horizonEnd() const { return horizonStart + qint64(horizonHours) * 3600; }

    QJsonObject toJson() const;
    /// Strict: unknown keys, wrong types and out-of-range values are errors
    /// (`manage.bad-strategy`, the field in Error::field).
    static Result<Strategy> fromJson(const QJsonObject &o);
    bool operator==(const Strategy &) const = default;
};

QString fallbackStepKey(FallbackStep step); ///< next-region, next-sla-class, other-tenancy

/// Strategies kept one file each in `<data>/manage/strategies/<id>.json`, written atomically.
class StrategyStore
{
public:
    explicit StrategyStore(QString dataDir);

    Result<QList<Strategy>> load() const;
    Result<void> save(const Strategy &strategy) const;
    Result<void> remove(const QString &id) const;
    QString directory() const;

    /// A strategy file anywhere (import) and back (export).
    static Result<Strategy> readFile(const QString &path);
    static Result<void> writeFile(const Strategy &strategy, const QString &path);

private:
    QString m_dataDir;
};

} // namespace cloudex::manage
