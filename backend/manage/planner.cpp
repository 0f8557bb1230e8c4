#include "manage/planner.h"

#include "catalogue/catalogue.h"
#include "manage/slaprofile.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <array>
#include <climits>

namespace cloudex::manage {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Manage)
};

constexpr qint64 kSecondsPerHour = 3600;
constexpr int kHoursPerDay = 24;
constexpr int kPercent = 100;
/// Budget fitting shrinks the quantity at most this many times before giving up on a line.
constexpr int kMaxFitRounds = 24;

qint64 roundedDiv(qint64 numerator, qint64 denominator)
{
    return denominator == 0 ? 0 : (numerator + denominator / 2) / denominator;
}

/// The kinds each rung buys.
bool rungTakes(PlanRung rung, const QString &kind)
{
    switch (rung) {
    case PlanRung::Term:
        return kind == u"Q" || kind == u"M" || kind == u"W";
    case PlanRung::Short:
        return kind == u"D" || kind == u"H";
    case PlanRung::Spot:
        return kind == u"H";
    }
    return false;
}

/// The state of one planning run: what is covered, spent and planned so far.
class Run
{
public:
    Run(const Planner::Input &input, Plan &plan)
        : m_in(input)
        , m_s(input.strategy)
        , m_plan(plan)
    {
        const int n = m_s.horizonHours;
        m_plan.demand = m_s.demand();
        m_plan.covered = input.covered;
        m_plan.covered.resize(n, 0);
        m_plan.planned.fill(0, n);
        m_plan.projected.fill(0, n);
        m_total.fill(0, n);
        m_need.resize(n);
        m_base.resize(n);
        for (int h = 0; h < n; ++h) {
            m_need[h] = std::max<qint64>(0, m_plan.demand[h] - m_plan.covered[h]);
            // Existing contracts cover the baseline first; what remains above it is peak.
            m_base[h] = std::min(m_need[h], std::max<qint64>(0, m_s.baseline - m_plan.covered[h]));
        }
        qint64 demandHours = 0;
        for (qint64 d : std::as_const(m_plan.demand))
            demandHours += d;
        m_sellerAllowance = demandHours * m_s.maxSellerSharePercent / kPercent;
        createMonths();
    }

    void run()
    {
        int maxLevel = 0;
        for (const PlanCandidate &c : m_in.candidates)
            maxLevel = std::max(maxLevel, c.fallbackLevel);
        for (int level = 0; level <= maxLevel; ++level) {
            for (PlanRung rung : {PlanRung::Term, PlanRung::Short, PlanRung::Spot}) {
                setCaps(rung);
                buyListed(rung, level);
                if (rung == PlanRung::Spot)
                    project(level);
            }
        }
        finish();
    }

private:
    void createMonths()
    {
        const int n = m_s.horizonHours;
        m_hourMonth.resize(n);
        QDate month;
        for (int h = 0; h < n; ++h) {
            const QDate date =
                QDateTime::fromSecsSinceEpoch(m_s.horizonStart + h * kSecondsPerHour, Qt::UTC).date();
            const QDate first(date.year(), date.month(), 1);
            if (first != month) {
                month = first;
                m_plan.months.append(
                    {QDateTime(first, QTime(0, 0), Qt::UTC).toSecsSinceEpoch(), 0, m_s.budgetPerMonth});
                m_monthFirstHour.append(h);
            }
            m_hourMonth[h] = int(m_plan.months.size()) - 1;
        }
        m_monthFirstHour.append(n);
    }

    /// The cumulative cover a rung may bring each hour to.
    void setCaps(PlanRung rung)
    {
        const int n = m_s.horizonHours;
        m_cap.resize(n);
        for (int h = 0; h < n; ++h) {
            const qint64 peak = m_need[h] - m_base[h];
            switch (rung) {
            case PlanRung::Term:
                m_cap[h] = m_base[h] * m_s.baselineTermPercent / kPercent;
                break;
            case PlanRung::Short:
                m_cap[h] = m_base[h] + peak * m_s.peakShortPercent / kPercent;
                break;
            case PlanRung::Spot:
                m_cap[h] = m_need[h];
                break;
            }
        }
    }

    /// Hours [first, last) of the horizon an instrument delivers in; nullopt unless its
    /// period lies wholly inside the horizon.
    std::optional<std::pair<int, int>> hoursOf(const api::Instrument &i) const
    {
        if (i.deliveryStart < m_s.horizonStart || i.deliveryEnd > m_s.horizonEnd() ||
            i.deliveryEnd <= i.deliveryStart || (i.deliveryStart - m_s.horizonStart) % kSecondsPerHour)
            return std::nullopt;
        return std::pair{int((i.deliveryStart - m_s.horizonStart) / kSecondsPerHour),
                         int((i.deliveryEnd - m_s.horizonStart) / kSecondsPerHour)};
    }

    /// The most a range can take without any hour going above the cap.
    qint64 room(int first, int last) const
    {
        qint64 q = std::numeric_limits<qint64>::max();
        for (int h = first; h < last && q > 0; ++h)
            q = std::min(q, m_cap[h] - m_total[h]);
        return std::max<qint64>(0, q);
    }

    /// Whether spending `perHour` ticks every hour of [first, last) fits each month's budget.
    bool fitsBudget(int first, int last, qint64 perHour) const
    {
        for (int m = m_hourMonth[first]; m <= m_hourMonth[last - 1]; ++m) {
            const int hours = std::min(last, m_monthFirstHour[m + 1]) - std::max(first, m_monthFirstHour[m]);
            if (m_plan.months[m].cost + perHour * hours > m_s.budgetPerMonth)
                return false;
        }
        return true;
    }

    void spend(int first, int last, qint64 perHour)
    {
        for (int m = m_hourMonth[first]; m <= m_hourMonth[last - 1]; ++m) {
            const int hours = std::min(last, m_monthFirstHour[m + 1]) - std::max(first, m_monthFirstHour[m]);
            m_plan.months[m].cost += perHour * hours;
        }
    }

    qint64 sellerRoomHours(const QString &seller) const
    {
        if (seller.isEmpty())
            return std::numeric_limits<qint64>::max();
        return std::max<qint64>(0, m_sellerAllowance - m_plan.sellerInstanceHours.value(seller));
    }

    qint64 limitFor(PlanRung rung, const api::Instrument &i) const
    {
        const qint64 limit = rung == PlanRung::Spot ? m_s.maxSpotPrice : m_s.maxPrice;
        if (limit > 0 && i.bandHigh > 0)
            return std::min(limit, i.bandHigh);
        return limit > 0 ? limit : i.bandHigh;
    }

    struct Quote
    {
        qint64 fill = 0;     ///< beyond what is planned on the symbol already
        qint64 notional = 0; ///< of those, ticks x instances per hour
        qint64 worst = 0;
    };

    Quote quote(const api::Instrument &i, qint64 quantity, qint64 limit)
    {
        const Bought &before = m_bought.value(i.symbol);
        api::OrderRequest order;
        order.symbol = i.symbol;
        order.side = api::Side::Buy;
        order.type = api::OrderType::Limit;
        order.price = limit;
        order.quantity = before.fill + quantity;
        if (!m_in.preview)
            return {};
        const api::OrderPreview p = m_in.preview(order);
        const qint64 fill = std::clamp<qint64>(p.fillQuantity - before.fill, 0, quantity);
        return {fill, fill > 0 ? std::max<qint64>(0, p.notional - before.notional) : 0, p.worstPrice};
    }

    void buyListed(PlanRung rung, int level)
    {
        struct Option
        {
            const PlanCandidate *candidate;
            const api::Instrument *instrument;
            int first;
            int last;
            qint64 price; ///< average at the wanted quantity, for the order of trying
        };
        QList<Option> options;
        for (const PlanCandidate &c : m_in.candidates) {
            if (c.fallbackLevel != level)
                continue;
            for (const api::Instrument &i : c.instruments) {
                if (!rungTakes(rung, i.kind))
                    continue;
                const auto hours = hoursOf(i);
                if (!hours)
                    continue;
                const qint64 lot = std::max<qint64>(1, i.lotSize);
                const qint64 wanted = room(hours->first, hours->second) / lot * lot;
                const qint64 limit = limitFor(rung, i);
                if (wanted <= 0 || limit <= 0)
                    continue;
                const Quote q = quote(i, wanted, limit);
                if (q.fill <= 0)
                    continue;
                options.append({&c, &i, hours->first, hours->second, roundedDiv(q.notional, q.fill)});
            }
        }
        std::stable_sort(options.begin(), options.end(), [](const Option &a, const Option &b) {
            return a.price != b.price ? a.price < b.price : a.instrument->symbol < b.instrument->symbol;
        });
        for (const Option &o : std::as_const(options))
            take(rung, *o.candidate, *o.instrument, o.first, o.last);
    }

    void take(PlanRung rung, const PlanCandidate &c, const api::Instrument &i, int first, int last)
    {
        const qint64 lot = std::max<qint64>(1, i.lotSize);
        const qint64 hours = last - first;
        qint64 wanted = std::min(room(first, last), sellerRoomHours(c.seller) / hours) / lot * lot;
        const qint64 limit = limitFor(rung, i);
        Quote q;
        for (int round = 0; wanted > 0 && round < kMaxFitRounds; ++round) {
            q = quote(i, wanted, limit);
            if (q.fill % lot != 0) {
                // The book fills part of a lot: ask again for whole lots only.
                wanted = q.fill / lot * lot;
                q = {};
                continue;
            }
            if (q.fill <= 0)
                return;
            if (fitsBudget(first, last, q.notional))
                break;
            // Shrink in proportion to the most overdrawn month, then at least by a lot.
            qint64 next = wanted;
            for (int m = m_hourMonth[first]; m <= m_hourMonth[last - 1]; ++m) {
                const int h = std::min(last, m_monthFirstHour[m + 1]) - std::max(first, m_monthFirstHour[m]);
                const qint64 left = std::max<qint64>(0, m_s.budgetPerMonth - m_plan.months[m].cost);
                const qint64 perInstance = std::max<qint64>(1, roundedDiv(q.notional, q.fill) * h);
                next = std::min(next, left / perInstance);
            }
            wanted = std::min(next / lot * lot, q.fill - lot);
            q = {};
        }
        if (wanted <= 0 || q.fill <= 0 || !fitsBudget(first, last, q.notional))
            return;
        // A partial preview may bring the notional of `wanted`, fewer may fill: charge what fills.
        Bought &bought = m_bought[i.symbol];
        bought.fill += q.fill;
        bought.notional += q.notional;
        spend(first, last, q.notional);
        for (int h = first; h < last; ++h) {
            m_total[h] += q.fill;
            m_plan.planned[h] += q.fill;
        }
        if (!c.seller.isEmpty())
            m_plan.sellerInstanceHours[c.seller] += q.fill * hours;
        PlanLine line;
        line.product = c.product;
        line.seller = c.seller;
        line.symbol = i.symbol;
        line.kind = i.kind;
        line.deliveryStart = i.deliveryStart;
        line.deliveryEnd = i.deliveryEnd;
        line.quantity = q.fill;
        line.limitPrice = q.worst > 0 ? q.worst : limit;
        line.averagePrice = roundedDiv(q.notional, q.fill);
        line.instanceHours = q.fill * hours;
        line.cost = q.notional * hours;
        line.rung = rung;
        line.fallbackLevel = c.fallbackLevel;
        m_plan.lines.append(line);
    }

    /// Price per instance-hour by hour of day from a candidate's forward curve: its hourly
    /// points where it has them, else the mean of every point.
    static std::array<qint64, kHoursPerDay> curvePrices(const PlanCandidate &c)
    {
        std::array<qint64, kHoursPerDay> sum{};
        std::array<qint64, kHoursPerDay> count{};
        qint64 allSum = 0;
        qint64 allCount = 0;
        for (const api::CurvePoint &p : c.curve) {
            const qint64 price = p.ask > 0 ? p.ask : (p.last > 0 ? p.last : p.bid);
            if (price <= 0)
                continue;
            allSum += price;
            ++allCount;
            if (p.kind == u"H") {
                const int hod = int((p.deliveryStart / kSecondsPerHour) % kHoursPerDay);
                sum[hod] += price;
                ++count[hod];
            }
        }
        std::array<qint64, kHoursPerDay> out{};
        for (int h = 0; h < kHoursPerDay; ++h)
            out[h] = count[h] > 0 ? roundedDiv(sum[h], count[h]) : roundedDiv(allSum, allCount);
        return out;
    }

    /// Hours no candidate of the level lists yet: projected from the curve, cheapest first.
    void project(int level)
    {
        const int n = m_s.horizonHours;
        struct Source
        {
            const PlanCandidate *candidate;
            std::array<qint64, kHoursPerDay> price;
            QVector<bool> listed;
        };
        QList<Source> sources;
        for (const PlanCandidate &c : m_in.candidates) {
            if (c.fallbackLevel != level)
                continue;
            Source s{&c, curvePrices(c), QVector<bool>(n, false)};
            for (const api::Instrument &i : c.instruments) {
                if (i.kind != u"H")
                    continue;
                if (const auto hours = hoursOf(i))
                    s.listed[hours->first] = true;
            }
            sources.append(std::move(s));
        }
        if (sources.isEmpty())
            return;
        const int startHourOfDay = int((m_s.horizonStart / kSecondsPerHour) % kHoursPerDay);
        // One projected line per candidate and day.
        QHash<const PlanCandidate *, PlanLine> open;
        const auto close = [&](const PlanCandidate *c) {
            auto it = open.find(c);
            if (it == open.end())
                return;
            m_plan.lines.append(*it);
            open.erase(it);
        };
        for (int h = 0; h < n; ++h) {
            const int hod = (startHourOfDay + h) % kHoursPerDay;
            if (hod == 0) {
                for (const Source &s : std::as_const(sources))
                    close(s.candidate);
            }
            qint64 want = m_cap[h] - m_total[h];
            if (want <= 0)
                continue;
            // Cheapest source first; a listed hour is not projected (its book was walked).
            QList<const Source *> order;
            for (const Source &s : std::as_const(sources)) {
                const qint64 price = s.price[hod];
                if (!s.listed[h] && price > 0 && (m_s.maxSpotPrice <= 0 || price <= m_s.maxSpotPrice))
                    order.append(&s);
            }
            std::stable_sort(order.begin(), order.end(), [hod](const Source *a, const Source *b) {
                return a->price[hod] < b->price[hod];
            });
            for (const Source *s : std::as_const(order)) {
                if (want <= 0)
                    break;
                const qint64 price = s->price[hod];
                PlanMonth &month = m_plan.months[m_hourMonth[h]];
                const qint64 affordable = std::max<qint64>(0, m_s.budgetPerMonth - month.cost) / price;
                const qint64 q = std::min({want, affordable, sellerRoomHours(s->candidate->seller)});
                if (q <= 0)
                    continue;
                month.cost += q * price;
                m_total[h] += q;
                m_plan.projected[h] += q;
                want -= q;
                if (!s->candidate->seller.isEmpty())
                    m_plan.sellerInstanceHours[s->candidate->seller] += q;
                auto it = open.find(s->candidate);
                if (it == open.end()) {
                    PlanLine line;
                    line.product = s->candidate->product;
                    line.seller = s->candidate->seller;
                    line.kind = QStringLiteral("H");
                    line.deliveryStart = m_s.horizonStart + h * kSecondsPerHour;
                    line.projected = true;
                    line.rung = PlanRung::Spot;
                    line.fallbackLevel = s->candidate->fallbackLevel;
                    it = open.insert(s->candidate, line);
                }
                it->deliveryEnd = m_s.horizonStart + (h + 1) * kSecondsPerHour;
                it->quantity = std::max(it->quantity, q);
                it->instanceHours += q;
                it->cost += q * price;
                it->averagePrice = roundedDiv(it->cost, it->instanceHours);
                it->limitPrice = std::max(it->limitPrice, price);
            }
        }
        for (const Source &s : std::as_const(sources))
            close(s.candidate);
    }

    void finish()
    {
        for (const PlanLine &line : std::as_const(m_plan.lines)) {
            m_plan.cost += line.cost;
            if (line.projected)
                m_plan.projectedCost += line.cost;
        }
        const qint64 uncovered = m_plan.demandInstanceHours() - m_plan.coveredInstanceHours();
        if (uncovered > 0)
            m_plan.warnings.append(
                Tr::tr("%n instance-hour(s) of demand stay uncovered: the budget, the price "
                       "limits or the book allow no more.",
                       nullptr, int(std::min<qint64>(uncovered, INT_MAX))));
        bool anonymous = false;
        for (const PlanLine &line : std::as_const(m_plan.lines))
            anonymous = anonymous || line.seller.isEmpty();
        if (anonymous && (m_s.maxSellerSharePercent < kPercent || m_s.minSellers > 0))
            m_plan.warnings.append(
                Tr::tr("The book does not name sellers: the share per seller is checked on "
                       "the contracts once they exist."));
        else if (m_s.minSellers > 0 && m_plan.sellerInstanceHours.size() < m_s.minSellers)
            m_plan.warnings.append(Tr::tr("The plan buys from %1 seller(s), fewer than the %2 asked for.")
                                       .arg(m_plan.sellerInstanceHours.size())
                                       .arg(m_s.minSellers));
    }

    struct Bought
    {
        qint64 fill = 0;
        qint64 notional = 0;
    };

    const Planner::Input &m_in;
    const Strategy &m_s;
    Plan &m_plan;
    QVector<qint64> m_need;
    QVector<qint64> m_base;
    QVector<qint64> m_cap;
    QVector<qint64> m_total; ///< planned + projected
    QVector<int> m_hourMonth;
    QVector<int> m_monthFirstHour;
    QHash<QString, Bought> m_bought;
    qint64 m_sellerAllowance = 0;
};

} // namespace

api::OrderPreview previewFromAsks(const QList<api::BookLevel> &asks, const api::OrderRequest &order)
{
    api::OrderPreview p;
    p.symbol = order.symbol;
    p.quantity = order.quantity;
    qint64 left = order.quantity;
    for (const api::BookLevel &level : asks) {
        if (left <= 0 || (order.price && level.price > *order.price))
            break;
        const qint64 q = std::min(left, level.quantity);
        if (q <= 0)
            continue;
        p.fillQuantity += q;
        p.notional += q * level.price;
        p.worstPrice = level.price;
        left -= q;
    }
    if (left > 0 && order.price) {
        qint64 skipped = 0;
        for (const api::BookLevel &level : asks)
            skipped += level.price > *order.price ? level.quantity : 0;
        if (skipped > 0)
            p.skipped.append({QStringLiteral("price"), std::min(skipped, left)});
    }
    p.averagePrice = roundedDiv(p.notional, p.fillQuantity);
    return p;
}

qint64 Plan::demandInstanceHours() const
{
    qint64 sum = 0;
    for (qint64 d : demand)
        sum += d;
    return sum;
}

qint64 Plan::coveredInstanceHours() const
{
    qint64 sum = 0;
    for (qsizetype h = 0; h < demand.size(); ++h)
        sum += std::min(demand[h], covered.value(h) + planned.value(h) + projected.value(h));
    return sum;
}

QList<api::OrderRequest> Plan::orders(const std::optional<api::Requirements> &requirements) const
{
    QList<api::OrderRequest> out;
    for (const PlanLine &line : lines) {
        if (line.projected)
            continue;
        // Two rungs may buy on one instrument: one order for both at the same limit.
        const auto same = std::find_if(out.begin(), out.end(), [&](const api::OrderRequest &o) {
            return o.symbol == line.symbol && o.price == line.limitPrice;
        });
        if (same != out.end()) {
            same->quantity += line.quantity;
            continue;
        }
        api::OrderRequest order;
        order.symbol = line.symbol;
        order.side = api::Side::Buy;
        order.type = api::OrderType::Limit;
        order.timeInForce = api::TimeInForce::GoodTillCancel;
        order.price = line.limitPrice;
        order.quantity = line.quantity;
        order.requirements = requirements;
        out.append(order);
    }
    return out;
}

Plan Planner::plan(const Input &input)
{
    Plan plan;
    Run(input, plan).run();
    return plan;
}

std::optional<int> Planner::fallbackLevel(const Strategy &strategy, const SlaProfile *profile,
                                          const catalogue::Product &product)
{
    const QString wantedClass = strategy.instanceClass;
    if (!wantedClass.isEmpty() && product.classCode != wantedClass)
        return std::nullopt;
    if (!profile)
        return 0;
    if (wantedClass.isEmpty() && !profile->instanceClasses.isEmpty() &&
        !profile->instanceClasses.contains(product.classCode))
        return std::nullopt;
    // Each ladder step relaxes one part of the profile; the level is how far down the
    // ladder a product first meets what is left.
    SlaProfile relaxed = *profile;
    relaxed.instanceClasses.clear();
    if (relaxed.matches(product))
        return 0;
    for (int step = 0; step < strategy.fallback.size(); ++step) {
        switch (strategy.fallback[step]) {
        case FallbackStep::NextRegion:
            relaxed.regions.clear();
            break;
        case FallbackStep::NextSlaClass:
            relaxed.minAvailabilityBasisPoints = 0;
            relaxed.maxSupportResponseMinutes = 0;
            relaxed.minCreditPercent = 0;
            break;
        case FallbackStep::OtherTenancy:
            relaxed.tenancies.clear();
            break;
        }
        if (relaxed.matches(product))
            return step + 1;
    }
    return std::nullopt;
}

} // namespace cloudex::manage
