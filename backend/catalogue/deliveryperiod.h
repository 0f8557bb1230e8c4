#pragma once

#include "core/result.h"

#include <QDate>
#include <QList>
#include <QString>

namespace cloudex::catalogue {

/// Delivery periods, as on a power exchange. Codes are absolute so a journal replays
/// exactly: H2026-12-01T14, D2026-12-01, W2026-W49 (ISO week), M2026-12, Q2026-Q4.
enum class PeriodKind : quint8 { Hour, Day, Week, Month, Quarter };

QList<PeriodKind> allPeriodKinds();
QChar periodKindLetter(PeriodKind kind);
QString periodKindName(PeriodKind kind); ///< translated

/// One delivery period in UTC. Value type; construct with containing() or parse().
class DeliveryPeriod
{
public:
    DeliveryPeriod() = default;

    /// The period of `kind` that contains the instant `epochSecs` (UTC).
    static DeliveryPeriod containing(PeriodKind kind, qint64 epochSecs);
    /// Parses a period code; the error names what is wrong with it.
    static Result<DeliveryPeriod> parse(QStringView code);

    bool isValid() const { return m_start.isValid(); }
    PeriodKind kind() const { return m_kind; }
    QString code() const;
    /// First second of delivery, Unix time (UTC).
    qint64 startSecs() const;
    /// First second after delivery.
    qint64 endSecs() const;
    qint64 hours() const { return (endSecs() - startSecs()) / 3600; }
    DeliveryPeriod next() const;
    DeliveryPeriod previous() const;

    /// Relative display alias seen from `nowSecs`: "H+1" is the next hour to start, "D+1"
    /// tomorrow, and so on. Empty for a period that has started.
    QString alias(qint64 nowSecs) const;

    bool operator==(const DeliveryPeriod &) const = default;
    auto operator<=>(const DeliveryPeriod &other) const { return startSecs() <=> other.startSecs(); }

private:
    DeliveryPeriod(PeriodKind kind, QDate start, int hour) : m_kind(kind), m_start(start), m_hour(hour) {}

    PeriodKind m_kind = PeriodKind::Hour;
    QDate m_start;  ///< first day of delivery
    int m_hour = 0; ///< first hour, for hourly periods
};

/// How far ahead each kind of period is listed. Configuration, not a rule.
struct ListingHorizon
{
    int hours = 24;
    int days = 7;
    int weeks = 4;
    int months = 3;
    int quarters = 2;

    int countFor(PeriodKind kind) const;
};

/// The periods open for trading at `nowSecs`: for each kind, the next `horizon` periods
/// whose delivery has not started, ordered by kind then start.
QList<DeliveryPeriod> listedPeriods(const ListingHorizon &horizon, qint64 nowSecs);

} // namespace cloudex::catalogue
