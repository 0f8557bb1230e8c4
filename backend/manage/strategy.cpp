#include "manage/strategy.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

#include <limits>

namespace cloudex::manage {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Manage)
};

constexpr qint64 kSecondsPerHour = 3600;
constexpr int kHoursPerDay = 24;
constexpr int kDaysPerWeek = 7;
constexpr qint64 kMaxFileBytes = 4 * 1024 * 1024;
/// A million instances is beyond any buyer; it keeps instance-hours x ticks inside 64 bits.
constexpr qint64 kMaxInstances = 1'000'000;
constexpr qint64 kMaxTicks = std::numeric_limits<qint64>::max() / 1'000'000'000;

const QString kBadStrategy = QStringLiteral("manage.bad-strategy");

Error bad(const QString &field, const QString &message)
{
    return Error{kBadStrategy, message, field};
}

/// Rejects keys the format does not know, so a typo in an imported file is not silently
/// dropped.
std::optional<Error> checkKeys(const QJsonObject &o, const QSet<QString> &known, const QString &where)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key()))
            return bad(where.isEmpty() ? it.key() : where + u'.' + it.key(),
                       Tr::tr("Unknown field %1.").arg(it.key()));
    }
    return std::nullopt;
}

/// An integer in [min, max]; absent keeps `out`.
std::optional<Error> readInt(const QJsonObject &o, const QString &key, qint64 min, qint64 max, qint64 &out,
                             const QString &where = {})
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return std::nullopt;
    const QString field = where.isEmpty() ? key : where + u'.' + key;
    // Doubles carry integers exactly up to 2^53, which every field's range is well within.
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < double(min) || d > double(max) || d != double(qint64(d)))
        return bad(field, Tr::tr("%1 must be a whole number from %2 to %3.").arg(field).arg(min).arg(max));
    out = qint64(d);
    return std::nullopt;
}

template<typename Int>
std::optional<Error> readSmall(const QJsonObject &o, const QString &key, qint64 min, qint64 max, Int &out,
                               const QString &where = {})
{
    qint64 v = out;
    if (auto e = readInt(o, key, min, max, v, where))
        return e;
    out = Int(v);
    return std::nullopt;
}

std::optional<FallbackStep> fallbackFromKey(const QString &key)
{
    for (FallbackStep step :
         {FallbackStep::NextRegion, FallbackStep::NextSlaClass, FallbackStep::OtherTenancy}) {
        if (fallbackStepKey(step) == key)
            return step;
    }
    return std::nullopt;
}

const QRegularExpression &idPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9-]{1,40}$"));
    return pattern;
}

} // namespace

QString fallbackStepKey(FallbackStep step)
{
    switch (step) {
    case FallbackStep::NextRegion:
        return QStringLiteral("next-region");
    case FallbackStep::NextSlaClass:
        return QStringLiteral("next-sla-class");
    case FallbackStep::OtherTenancy:
        return QStringLiteral("other-tenancy");
    }
    return {};
}

QVector<qint64> Strategy::demand() const
{
    QVector<qint64> out(horizonHours, baseline);
    if (!peaks.isEmpty()) {
        const QDateTime start = QDateTime::fromSecsSinceEpoch(horizonStart, Qt::UTC);
        // Weekday and hour of the first hour; the rest follow by counting.
        int weekday = start.date().dayOfWeek() - 1; // 0 Monday
        int hour = start.time().hour();
        for (int h = 0; h < horizonHours; ++h) {
            for (const DemandPeak &peak : peaks) {
                if ((peak.weekdays & (1 << weekday)) && hour >= peak.fromHour && hour < peak.toHour)
                    out[h] += peak.extra;
            }
            if (++hour == kHoursPerDay) {
                hour = 0;
                weekday = (weekday + 1) % kDaysPerWeek;
            }
        }
    }
    for (const DemandOverride &step : overrides) {
        const int end = std::min(horizonHours, step.start + step.hours);
        for (int h = std::max(0, step.start); h < end; ++h)
            out[h] = step.quantity;
    }
    return out;
}

QJsonObject Strategy::toJson() const
{
    QJsonArray peakArray;
    for (const DemandPeak &p : peaks)
        peakArray.append(QJsonObject{{QStringLiteral("weekdays"), p.weekdays},
                                     {QStringLiteral("fromHour"), p.fromHour},
                                     {QStringLiteral("toHour"), p.toHour},
                                     {QStringLiteral("extra"), p.extra}});
    QJsonArray overrideArray;
    for (const DemandOverride &s : overrides)
        overrideArray.append(QJsonObject{{QStringLiteral("start"), s.start},
                                         {QStringLiteral("hours"), s.hours},
                                         {QStringLiteral("quantity"), s.quantity}});
    QJsonArray fallbackArray;
    for (FallbackStep step : fallback)
        fallbackArray.append(fallbackStepKey(step));
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("horizonStart"), horizonStart},
        {QStringLiteral("horizonHours"), horizonHours},
        {QStringLiteral("baseline"), baseline},
        {QStringLiteral("peaks"), peakArray},
        {QStringLiteral("overrides"), overrideArray},
        {QStringLiteral("profile"), profileId},
        {QStringLiteral("instanceClass"), instanceClass},
        {QStringLiteral("budgetPerMonth"), budgetPerMonth},
        {QStringLiteral("maxPrice"), maxPrice},
        {QStringLiteral("maxSpotPrice"), maxSpotPrice},
        {QStringLiteral("maxSellerSharePercent"), maxSellerSharePercent},
        {QStringLiteral("minSellers"), minSellers},
        {QStringLiteral("baselineTermPercent"), baselineTermPercent},
        {QStringLiteral("peakShortPercent"), peakShortPercent},
        {QStringLiteral("fallback"), fallbackArray},
    };
}

Result<Strategy> Strategy::fromJson(const QJsonObject &o)
{
    static const QSet<QString> known{QStringLiteral("id"),
                                     QStringLiteral("name"),
                                     QStringLiteral("horizonStart"),
                                     QStringLiteral("horizonHours"),
                                     QStringLiteral("baseline"),
                                     QStringLiteral("peaks"),
                                     QStringLiteral("overrides"),
                                     QStringLiteral("profile"),
                                     QStringLiteral("instanceClass"),
                                     QStringLiteral("budgetPerMonth"),
                                     QStringLiteral("maxPrice"),
                                     QStringLiteral("maxSpotPrice"),
                                     QStringLiteral("maxSellerSharePercent"),
                                     QStringLiteral("minSellers"),
                                     QStringLiteral("baselineTermPercent"),
                                     QStringLiteral("peakShortPercent"),
                                     QStringLiteral("fallback")};
    if (auto e = checkKeys(o, known, {}))
        return *e;
    Strategy s;
    s.id = o.value(QStringLiteral("id")).toString();
    if (!idPattern().match(s.id).hasMatch())
        return bad(QStringLiteral("id"),
                   Tr::tr("A strategy id is 1 to 40 lowercase letters, digits or dashes."));
    const auto text = [&](const QString &key, QString &out) -> std::optional<Error> {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isString())
            return bad(key, Tr::tr("%1 must be text.").arg(key));
        out = v.toString().trimmed();
        return std::nullopt;
    };
    for (auto [key, out] :
         {std::pair{QStringLiteral("name"), &s.name}, std::pair{QStringLiteral("profile"), &s.profileId},
          std::pair{QStringLiteral("instanceClass"), &s.instanceClass}}) {
        if (auto e = text(key, *out))
            return *e;
    }
    if (s.name.isEmpty())
        s.name = s.id;

    if (auto e = readInt(o, QStringLiteral("horizonStart"), 0, qint64(1) << 40, s.horizonStart))
        return *e;
    if (s.horizonStart % kSecondsPerHour != 0)
        return bad(QStringLiteral("horizonStart"), Tr::tr("The horizon starts on a full hour."));
    if (auto e = readSmall(o, QStringLiteral("horizonHours"), 1, kMaxHorizonHours, s.horizonHours))
        return *e;
    if (auto e = readInt(o, QStringLiteral("baseline"), 0, kMaxInstances, s.baseline))
        return *e;
    for (auto [key, out] : {std::pair{QStringLiteral("budgetPerMonth"), &s.budgetPerMonth},
                            std::pair{QStringLiteral("maxPrice"), &s.maxPrice},
                            std::pair{QStringLiteral("maxSpotPrice"), &s.maxSpotPrice}}) {
        if (auto e = readInt(o, key, 0, kMaxTicks, *out))
            return *e;
    }
    if (auto e = readSmall(o, QStringLiteral("maxSellerSharePercent"), 1, 100, s.maxSellerSharePercent))
        return *e;
    if (auto e = readSmall(o, QStringLiteral("minSellers"), 0, 100, s.minSellers))
        return *e;
    if (auto e = readSmall(o, QStringLiteral("baselineTermPercent"), 0, 100, s.baselineTermPercent))
        return *e;
    if (auto e = readSmall(o, QStringLiteral("peakShortPercent"), 0, 100, s.peakShortPercent))
        return *e;

    const auto array = [&](const QString &key) -> Result<QJsonArray> {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return QJsonArray{};
        if (!v.isArray())
            return bad(key, Tr::tr("%1 must be a list.").arg(key));
        return v.toArray();
    };
    Result<QJsonArray> peaks = array(QStringLiteral("peaks"));
    if (!peaks)
        return peaks.error();
    static const QSet<QString> peakKeys{QStringLiteral("weekdays"), QStringLiteral("fromHour"),
                                        QStringLiteral("toHour"), QStringLiteral("extra")};
    for (qsizetype i = 0; i < peaks->size(); ++i) {
        const QString where = QStringLiteral("peaks[%1]").arg(i);
        if (!peaks->at(i).isObject())
            return bad(where, Tr::tr("%1 must be an object.").arg(where));
        const QJsonObject p = peaks->at(i).toObject();
        if (auto e = checkKeys(p, peakKeys, where))
            return *e;
        DemandPeak peak;
        if (auto e = readSmall(p, QStringLiteral("weekdays"), 1, 0x7f, peak.weekdays, where))
            return *e;
        if (auto e = readSmall(p, QStringLiteral("fromHour"), 0, kHoursPerDay - 1, peak.fromHour, where))
            return *e;
        if (auto e = readSmall(p, QStringLiteral("toHour"), 1, kHoursPerDay, peak.toHour, where))
            return *e;
        if (auto e = readInt(p, QStringLiteral("extra"), 0, kMaxInstances, peak.extra, where))
            return *e;
        if (peak.toHour <= peak.fromHour)
            return bad(where + QStringLiteral(".toHour"), Tr::tr("A peak ends after it starts."));
        s.peaks.append(peak);
    }
    Result<QJsonArray> overrides = array(QStringLiteral("overrides"));
    if (!overrides)
        return overrides.error();
    static const QSet<QString> overrideKeys{QStringLiteral("start"), QStringLiteral("hours"),
                                            QStringLiteral("quantity")};
    for (qsizetype i = 0; i < overrides->size(); ++i) {
        const QString where = QStringLiteral("overrides[%1]").arg(i);
        if (!overrides->at(i).isObject())
            return bad(where, Tr::tr("%1 must be an object.").arg(where));
        const QJsonObject p = overrides->at(i).toObject();
        if (auto e = checkKeys(p, overrideKeys, where))
            return *e;
        DemandOverride step;
        if (auto e = readSmall(p, QStringLiteral("start"), 0, s.horizonHours - 1, step.start, where))
            return *e;
        if (auto e = readSmall(p, QStringLiteral("hours"), 1, s.horizonHours, step.hours, where))
            return *e;
        if (auto e = readInt(p, QStringLiteral("quantity"), 0, kMaxInstances, step.quantity, where))
            return *e;
        s.overrides.append(step);
    }
    Result<QJsonArray> fallback = array(QStringLiteral("fallback"));
    if (!fallback)
        return fallback.error();
    for (const QJsonValue &v : *fallback) {
        const std::optional<FallbackStep> step = fallbackFromKey(v.toString());
        if (!step || s.fallback.contains(*step))
            return bad(QStringLiteral("fallback"),
                       Tr::tr("The fallback ladder lists next-region, next-sla-class and other-tenancy, "
                              "each at most once."));
        s.fallback.append(*step);
    }
    return s;
}

StrategyStore::StrategyStore(QString dataDir)
    : m_dataDir(std::move(dataDir))
{}

QString StrategyStore::directory() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("manage/strategies"));
}

Result<Strategy> StrategyStore::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("manage.strategy-unreadable"),
                     Tr::tr("Cannot read %1: %2").arg(path, file.errorString())};
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(kMaxFileBytes), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error{QStringLiteral("manage.strategy-damaged"),
                     Tr::tr("%1 is not a strategy file (%2).").arg(path, parseError.errorString())};
    Result<Strategy> s = Strategy::fromJson(doc.object());
    if (!s)
        return Error{s.error().code, Tr::tr("%1: %2").arg(path, s.error().message), s.error().field};
    return s;
}

Result<void> StrategyStore::writeFile(const Strategy &strategy, const QString &path)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error{QStringLiteral("manage.strategy-unwritable"), Tr::tr("Cannot create %1.").arg(path)};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("manage.strategy-unwritable"),
                     Tr::tr("Cannot write %1: %2").arg(path, file.errorString())};
    file.write(QJsonDocument(strategy.toJson()).toJson());
    if (!file.commit())
        return Error{QStringLiteral("manage.strategy-unwritable"),
                     Tr::tr("Cannot write %1: %2").arg(path, file.errorString())};
    return {};
}

Result<QList<Strategy>> StrategyStore::load() const
{
    QList<Strategy> out;
    const QDir dir(directory());
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        Result<Strategy> s = readFile(dir.filePath(name));
        if (!s)
            return s.error();
        out.append(std::move(s).value());
    }
    return out;
}

Result<void> StrategyStore::save(const Strategy &strategy) const
{
    if (!idPattern().match(strategy.id).hasMatch())
        return bad(QStringLiteral("id"),
                   Tr::tr("A strategy id is 1 to 40 lowercase letters, digits or dashes."));
    return writeFile(strategy, QDir(directory()).filePath(strategy.id + QStringLiteral(".json")));
}

Result<void> StrategyStore::remove(const QString &id) const
{
    if (!idPattern().match(id).hasMatch())
        return bad(QStringLiteral("id"),
                   Tr::tr("A strategy id is 1 to 40 lowercase letters, digits or dashes."));
    QFile file(QDir(directory()).filePath(id + QStringLiteral(".json")));
    if (file.exists() && !file.remove())
        return Error{QStringLiteral("manage.strategy-unwritable"),
                     Tr::tr("Cannot remove %1: %2").arg(file.fileName(), file.errorString())};
    return {};
}

} // namespace cloudex::manage
