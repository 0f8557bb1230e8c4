// The sourcing strategy planner (manage::Planner, issue #14) over a 90-day hourly demand
// curve (2,160 hours: a baseline, weekday peaks 08-18 and a few drawn days) and 10
// candidate products of 5 sellers, each listing the next 24 hours, 7 days, 4 weeks and 2
// months with a book of three ask levels behind every instrument, and a forward curve the
// hours beyond the first day are projected from. The preview walks those books
// (manage::previewFromAsks), as the route will. Measured: the wall and thread CPU time of
// one plan; checked: no month over the budget, no hour covered beyond its demand, no
// seller past its cap, and the same plan on every run.
//
//   cloudex-bench planner [--json] [--hours 2160] [--products 10] [--runs 20]
#include "benchsuite.h"

#include "manage/planner.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>

#include <algorithm>
#include <time.h>

namespace {
using namespace cloudex;

constexpr int kDefaultHours = 90 * 24;
constexpr int kDefaultProducts = 10;
constexpr int kDefaultRuns = 20;
constexpr int kSellers = 5;
constexpr qint64 kHour = 3600;
constexpr int kLevels = 3;

int option(const QStringList &arguments, const QString &name, int fallback)
{
    const qsizetype at = arguments.indexOf(name);
    return at >= 0 && at + 1 < arguments.size() ? qMax(1, arguments.at(at + 1).toInt()) : fallback;
}

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

struct Market
{
    QList<manage::PlanCandidate> candidates;
    QHash<QString, QList<api::BookLevel>> books;
};

Market market(qint64 start, int products)
{
    QRandomGenerator rng(14);
    Market m;
    const QDate first = QDateTime::fromSecsSinceEpoch(start, Qt::UTC).date();
    for (int p = 0; p < products; ++p) {
        manage::PlanCandidate c;
        c.product = QStringLiteral("DE.GP2.SH.S1-%1").arg(p);
        c.seller = QStringLiteral("seller-%1").arg(p % kSellers);
        c.fallbackLevel = p < products * 8 / 10 ? 0 : 1;
        const qint64 base = 900 + rng.bounded(600);
        const auto add = [&](const QString &kind, qint64 from, qint64 to, qint64 price) {
            api::Instrument i;
            i.product = c.product;
            i.kind = kind;
            i.deliveryStart = from;
            i.deliveryEnd = to;
            i.symbol = c.product + u'.' + kind + QString::number(from);
            i.lotSize = 1;
            i.bandLow = 1;
            i.bandHigh = 1'000'000;
            QList<api::BookLevel> asks;
            for (int l = 0; l < kLevels; ++l)
                asks.append({price + l * (20 + rng.bounded(40)), 5 + rng.bounded(40), 1});
            m.books.insert(i.symbol, asks);
            c.instruments.append(i);
            c.curve.append({i.symbol, kind, from, price, price - 10, price});
        };
        for (int h = 0; h < 24; ++h) {
            const int hod = int((start / kHour + h) % 24);
            add(QStringLiteral("H"), start + h * kHour, start + (h + 1) * kHour,
                base + (hod >= 8 && hod < 18 ? 300 : 0) + rng.bounded(50));
        }
        for (int d = 0; d < 7; ++d)
            add(QStringLiteral("D"), start + d * 24 * kHour, start + (d + 1) * 24 * kHour, base + 100);
        for (int w = 0; w < 4; ++w)
            add(QStringLiteral("W"), start + w * 7 * 24 * kHour, start + (w + 1) * 7 * 24 * kHour, base + 50);
        for (int mo = 0; mo < 2; ++mo) {
            const QDate from = first.addMonths(mo);
            add(QStringLiteral("M"), QDateTime(from, QTime(0, 0), Qt::UTC).toSecsSinceEpoch(),
                QDateTime(from.addMonths(1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch(), base);
        }
        m.candidates.append(c);
    }
    return m;
}

QJsonObject runPlanner(const QStringList &arguments)
{
    const int hours = option(arguments, QStringLiteral("--hours"), kDefaultHours);
    const int products = option(arguments, QStringLiteral("--products"), kDefaultProducts);
    const int runs = option(arguments, QStringLiteral("--runs"), kDefaultRuns);
    // The first of a month, so the month instruments lie inside the horizon.
    const qint64 start = QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    const Market m = market(start, products);

    manage::Strategy s;
    s.id = QStringLiteral("bench");
    s.horizonStart = start;
    s.horizonHours = hours;
    s.baseline = 40;
    s.peaks = {{0x1f, 8, 18, 60}};
    s.overrides = {{24 * 10, 24, 120}, {24 * 40, 48, 10}};
    s.budgetPerMonth = 30'000'000; // EUR 3,000: binds, so the budget fitting runs too
    s.maxPrice = 1500;
    s.maxSpotPrice = 1900;
    s.maxSellerSharePercent = 35;
    s.minSellers = 3;
    s.baselineTermPercent = 70;
    s.peakShortPercent = 50;
    s.fallback = {manage::FallbackStep::NextRegion};

    const manage::PreviewFunction preview = [&m](const api::OrderRequest &o) {
        return manage::previewFromAsks(m.books.value(o.symbol), o);
    };
    QList<double> wall;
    QList<double> cpu;
    manage::Plan first;
    bool deterministic = true;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer timer;
        timer.start();
        const double cpu0 = threadCpuMs();
        manage::Plan plan = manage::Planner::plan({s, m.candidates, preview, {}});
        cpu.append(threadCpuMs() - cpu0);
        wall.append(double(timer.nsecsElapsed()) / 1e6);
        if (r == 0)
            first = std::move(plan);
        else
            deterministic = deterministic && plan.lines == first.lines;
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());

    QJsonArray failed;
    for (const manage::PlanMonth &month : std::as_const(first.months)) {
        if (month.cost > month.budget)
            failed.append(QStringLiteral("a month costs %1 ticks over a budget of %2")
                              .arg(month.cost)
                              .arg(month.budget));
    }
    for (int h = 0; h < hours; ++h) {
        if (first.planned[h] + first.projected[h] > first.demand[h]) {
            failed.append(QStringLiteral("hour %1 covered beyond its demand").arg(h));
            break;
        }
    }
    const qint64 cap = first.demandInstanceHours() * s.maxSellerSharePercent / 100;
    for (auto it = first.sellerInstanceHours.cbegin(); it != first.sellerInstanceHours.cend(); ++it) {
        if (it.value() > cap)
            failed.append(QStringLiteral("%1 past its cap").arg(it.key()));
    }
    int placed = 0;
    for (const manage::PlanLine &line : std::as_const(first.lines))
        placed += line.projected ? 0 : 1;
    const auto median = [](const QList<double> &v) {
        return v.at(v.size() / 2);
    };
    QJsonObject figures{
        {QStringLiteral("hours"), hours},
        {QStringLiteral("products"), products},
        {QStringLiteral("runs"), runs},
        {QStringLiteral("plan_ms"), median(wall)},
        {QStringLiteral("plan_ms_min"), wall.first()},
        {QStringLiteral("plan_ms_max"), wall.last()},
        {QStringLiteral("plan_cpu_ms"), median(cpu)},
        {QStringLiteral("lines"), int(first.lines.size())},
        {QStringLiteral("orders"), placed},
        {QStringLiteral("coverage_percent"),
         first.demandInstanceHours() > 0
             ? double(first.coveredInstanceHours()) * 100.0 / double(first.demandInstanceHours())
             : 0.0},
        {QStringLiteral("cost_eur"), double(first.cost) / 10000.0},
        {QStringLiteral("deterministic"), deterministic},
    };
    if (!failed.isEmpty())
        figures.insert(QStringLiteral("checks_failed"), failed);
    return figures;
}

const bool registered = bench::registerSuite(
    QStringLiteral("planner"), QStringLiteral("sourcing strategy planner: 90 days hourly, 10 products"),
    runPlanner);
} // namespace
