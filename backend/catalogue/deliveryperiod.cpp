#include "catalogue/deliveryperiod.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace cloudex::catalogue {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Catalogue)
};

constexpr qint64 kSecsPerHour = 3600;
constexpr int kDaysPerWeek = 7;
constexpr int kMonthsPerQuarter = 3;

qint64 toEpoch(QDate date, int hour)
{
    return QDateTime(date, QTime(hour, 0), Qt::UTC).toSecsSinceEpoch();
}

QDate mondayOf(QDate date)
{
    return date.addDays(1 - date.dayOfWeek());
}

QDate quarterStart(QDate date)
{
    return QDate(date.year(), ((date.month() - 1) / kMonthsPerQuarter) * kMonthsPerQuarter + 1, 1);
}

Error badCode(QStringView code, const QString &why)
{
    return Error{QStringLiteral("period.invalid"),
                 Tr::tr("Invalid delivery period \"%1\": %2").arg(code.toString(), why)};
}
} // namespace

QList<PeriodKind> allPeriodKinds()
{
    return {PeriodKind::Hour, PeriodKind::Day, PeriodKind::Week, PeriodKind::Month, PeriodKind::Quarter};
}

QChar periodKindLetter(PeriodKind kind)
{
    static constexpr char16_t letters[] = u"HDWMQ";
    return QChar(letters[int(kind)]);
}

QString periodKindName(PeriodKind kind)
{
    switch (kind) {
    case PeriodKind::Hour:
        return Tr::tr("Hour");
    case PeriodKind::Day:
        return Tr::tr("Day");
    case PeriodKind::Week:
        return Tr::tr("Week");
    case PeriodKind::Month:
        return Tr::tr("Month");
    case PeriodKind::Quarter:
        return Tr::tr("Quarter");
    }
    Q_UNREACHABLE();
    return {};
}

DeliveryPeriod DeliveryPeriod::containing(PeriodKind kind, qint64 epochSecs)
{
    const QDateTime at = QDateTime::fromSecsSinceEpoch(epochSecs, Qt::UTC);
    const QDate day = at.date();
    switch (kind) {
    case PeriodKind::Hour:
        return {kind, day, at.time().hour()};
    case PeriodKind::Day:
        return {kind, day, 0};
    case PeriodKind::Week:
        return {kind, mondayOf(day), 0};
    case PeriodKind::Month:
        return {kind, QDate(day.year(), day.month(), 1), 0};
    case PeriodKind::Quarter:
        return {kind, quarterStart(day), 0};
    }
    Q_UNREACHABLE();
    return {};
}

Result<DeliveryPeriod> DeliveryPeriod::parse(QStringView code)
{
    static const QRegularExpression hourRe(QStringLiteral("^H(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2})$"));
    static const QRegularExpression dayRe(QStringLiteral("^D(\\d{4})-(\\d{2})-(\\d{2})$"));
    static const QRegularExpression weekRe(QStringLiteral("^W(\\d{4})-W(\\d{2})$"));
    static const QRegularExpression monthRe(QStringLiteral("^M(\\d{4})-(\\d{2})$"));
    static const QRegularExpression quarterRe(QStringLiteral("^Q(\\d{4})-Q([1-4])$"));

    auto num = [](const QRegularExpressionMatch &m, int i) { return m.capturedView(i).toInt(); };

    if (auto m = hourRe.match(code); m.hasMatch()) {
        const QDate date(num(m, 1), num(m, 2), num(m, 3));
        const int hour = num(m, 4);
        if (!date.isValid())
            return badCode(code, Tr::tr("no such date"));
        if (hour > 23)
            return badCode(code, Tr::tr("the hour must be 00 to 23"));
        return DeliveryPeriod(PeriodKind::Hour, date, hour);
    }
    if (auto m = dayRe.match(code); m.hasMatch()) {
        const QDate date(num(m, 1), num(m, 2), num(m, 3));
        if (!date.isValid())
            return badCode(code, Tr::tr("no such date"));
        return DeliveryPeriod(PeriodKind::Day, date, 0);
    }
    if (auto m = weekRe.match(code); m.hasMatch()) {
        const int year = num(m, 1);
        const int week = num(m, 2);
        // ISO 8601: week 1 holds the year's first Thursday, so 4 January is always in it.
        const QDate monday = mondayOf(QDate(year, 1, 4)).addDays(qint64(week - 1) * kDaysPerWeek);
        int isoYear = 0;
        if (week < 1 || monday.weekNumber(&isoYear) != week || isoYear != year)
            return badCode(code, Tr::tr("no such ISO week"));
        return DeliveryPeriod(PeriodKind::Week, monday, 0);
    }
    if (auto m = monthRe.match(code); m.hasMatch()) {
        const QDate date(num(m, 1), num(m, 2), 1);
        if (!date.isValid())
            return badCode(code, Tr::tr("no such month"));
        return DeliveryPeriod(PeriodKind::Month, date, 0);
    }
    if (auto m = quarterRe.match(code); m.hasMatch()) {
        return DeliveryPeriod(PeriodKind::Quarter,
                              QDate(num(m, 1), (num(m, 2) - 1) * kMonthsPerQuarter + 1, 1), 0);
    }
    return badCode(code, Tr::tr("expected H2026-12-01T14, D2026-12-01, W2026-W49, M2026-12 or Q2026-Q4"));
}

QString DeliveryPeriod::code() const
{
    if (!isValid())
        return {};
    switch (m_kind) {
    case PeriodKind::Hour:
        return QStringLiteral("H%1T%2")
            .arg(m_start.toString(Qt::ISODate))
            .arg(m_hour, 2, 10, QLatin1Char('0'));
    case PeriodKind::Day:
        return u'D' + m_start.toString(Qt::ISODate);
    case PeriodKind::Week: {
        int isoYear = 0;
        const int week = m_start.weekNumber(&isoYear);
        return QStringLiteral("W%1-W%2").arg(isoYear).arg(week, 2, 10, QLatin1Char('0'));
    }
    case PeriodKind::Month:
        return QStringLiteral("M%1-%2").arg(m_start.year()).arg(m_start.month(), 2, 10, QLatin1Char('0'));
    case PeriodKind::Quarter:
        return QStringLiteral("Q%1-Q%2").arg(m_start.year()).arg((m_start.month() - 1) / kMonthsPerQuarter + 1);
    }
    Q_UNREACHABLE();
    return {};
}

qint64 DeliveryPeriod::startSecs() const
{
    return toEpoch(m_start, m_hour);
}

qint64 DeliveryPeriod::endSecs() const
{
    return next().startSecs();
}

DeliveryPeriod DeliveryPeriod::next() const
{
    switch (m_kind) {
    case PeriodKind::Hour:
        return m_hour == 23 ? DeliveryPeriod(m_kind, m_start.addDays(1), 0)
                            : DeliveryPeriod(m_kind, m_start, m_hour + 1);
    case PeriodKind::Day:
        return {m_kind, m_start.addDays(1), 0};
    case PeriodKind::Week:
        return {m_kind, m_start.addDays(kDaysPerWeek), 0};
    case PeriodKind::Month:
        return {m_kind, m_start.addMonths(1), 0};
    case PeriodKind::Quarter:
        return {m_kind, m_start.addMonths(kMonthsPerQuarter), 0};
    }
    Q_UNREACHABLE();
    return {};
}

DeliveryPeriod DeliveryPeriod::previous() const
{
    switch (m_kind) {
    case PeriodKind::Hour:
        return m_hour == 0 ? DeliveryPeriod(m_kind, m_start.addDays(-1), 23)
                           : DeliveryPeriod(m_kind, m_start, m_hour - 1);
    case PeriodKind::Day:
        return {m_kind, m_start.addDays(-1), 0};
    case PeriodKind::Week:
        return {m_kind, m_start.addDays(-kDaysPerWeek), 0};
    case PeriodKind::Month:
        return {m_kind, m_start.addMonths(-1), 0};
    case PeriodKind::Quarter:
        return {m_kind, m_start.addMonths(-kMonthsPerQuarter), 0};
    }
    Q_UNREACHABLE();
    return {};
}

QString DeliveryPeriod::alias(qint64 nowSecs) const
{
    if (!isValid() || startSecs() <= nowSecs)
        return {};
    const DeliveryPeriod current = containing(m_kind, nowSecs);
    int steps = 0;
    for (DeliveryPeriod p = current; p.startSecs() < startSecs(); p = p.next())
        ++steps;
    return periodKindLetter(m_kind) + QStringLiteral("+%1").arg(steps);
}

int ListingHorizon::countFor(PeriodKind kind) const
{
    switch (kind) {
    case PeriodKind::Hour:
        return hours;
    case PeriodKind::Day:
        return days;
    case PeriodKind::Week:
        return weeks;
    case PeriodKind::Month:
        return months;
    case PeriodKind::Quarter:
        return quarters;
    }
    return 0;
}

QList<DeliveryPeriod> listedPeriods(const ListingHorizon &horizon, qint64 nowSecs)
{
    QList<DeliveryPeriod> periods;
    for (PeriodKind kind : allPeriodKinds()) {
        // The period containing "now" is in delivery already; trading starts with the next.
        DeliveryPeriod p = DeliveryPeriod::containing(kind, nowSecs).next();
        for (int i = 0; i < horizon.countFor(kind); ++i, p = p.next())
            periods.append(p);
    }
    return periods;
}

} // namespace cloudex::catalogue
