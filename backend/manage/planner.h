#pragma once

#include "api/book.h"
#include "api/curvepoint.h"
#include "api/instrument.h"
#include "api/orderpreview.h"
#include "api/orderrequest.h"
#include "catalogue/product.h"
#include "manage/strategy.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVector>

#include <functional>
#include <optional>

namespace cloudex::manage {

struct SlaProfile;

/// What an order would fill against the book now (`POST /v1/orders/preview`, or an
/// estimate of it). Called synchronously by the planner; quantities are cumulative per
/// symbol (the planner asks for what it already planned plus the next step).
using PreviewFunction = std::function<api::OrderPreview(const api::OrderRequest &)>;

/// What a buy order would fill against `asks` (best first), as the preview route counts it
/// without eligibility: levels up to the order's limit price, in order. For estimates from a
/// known book, and for tests.
api::OrderPreview previewFromAsks(const QList<api::BookLevel> &asks, const api::OrderRequest &order);

/// One product the plan may buy: its listed instruments and its forward curve (for the
/// periods not listed yet).
struct PlanCandidate
{
    QString product;       ///< product symbol
    QString seller;        ///< whose liquidity this is, when known; empty: the anonymous book
    int fallbackLevel = 0; ///< 0: meets the profile; n: needs the first n ladder steps
    QList<api::Instrument> instruments;
    QList<api::CurvePoint> curve;
};

/// The rung of the term mix a line belongs to.
enum class PlanRung { Term, Short, Spot };

/// One order of the plan, or (projected) one day of hours not listed yet, priced from
/// the forward curve.
struct PlanLine
{
    QString product;
    QString seller;
    QString symbol; ///< empty when projected
    QString kind;   ///< period kind: Q, M, W, D or H
    qint64 deliveryStart = 0;
    qint64 deliveryEnd = 0;
    qint64 quantity = 0;   ///< instances (the most in any hour when projected)
    qint64 limitPrice = 0; ///< ticks per instance-hour: the worst level the preview reached
    qint64 averagePrice = 0;
    qint64 instanceHours = 0; ///< inside the horizon
    qint64 cost = 0;          ///< ticks, the whole period
    bool projected = false;   ///< not listed yet: a projection, not an order
    PlanRung rung = PlanRung::Term;
    int fallbackLevel = 0;

    bool operator==(const PlanLine &) const = default;
};

/// The cost of one calendar month (UTC) of the horizon against the monthly budget.
struct PlanMonth
{
    qint64 start = 0; ///< Unix seconds, first of the month
    qint64 cost = 0;  ///< placed and projected, ticks
    qint64 budget = 0;
};

struct Plan
{
    QList<PlanLine> lines;
    QVector<qint64> demand;    ///< per hour of the horizon
    QVector<qint64> covered;   ///< by contracts that exist already
    QVector<qint64> planned;   ///< by placed lines
    QVector<qint64> projected; ///< by projected lines
    QList<PlanMonth> months;
    QHash<QString, qint64> sellerInstanceHours; ///< planned, by seller (known sellers only)
    qint64 cost = 0;                            ///< placed + projected, ticks
    qint64 projectedCost = 0;                   ///< of that, projected
    QStringList warnings;                       ///< translated sentences: caps that could not be met, …

    qint64 demandInstanceHours() const;
    /// Instance-hours covered by existing contracts, placed and projected lines together.
    qint64 coveredInstanceHours() const;
    /// The lines to place, as orders (limit, good till cancel, at the line's limit price);
    /// lines on one instrument at one limit make one order.
    QList<api::OrderRequest> orders(const std::optional<api::Requirements> &requirements) const;
};

/// Turns a strategy into an order plan (issue #14). Pure and deterministic: no clock, no I/O.
///
/// The demand not covered yet (`covered`, from existing contracts) is taken in three rungs
/// of the term mix: Q/M/W contracts for baselineTermPercent of the baseline, D/H for the
/// rest of the baseline and peakShortPercent of the peaks, then hours (spot) for what is
/// left. Each rung takes the cheapest instruments first, never covers an hour beyond its
/// demand, walks the book through the preview (only what fills now is planned) and stops at
/// the price limits. Hours not listed yet are projected from the forward curve. The budget
/// is hard: no calendar month's placed plus projected cost exceeds budgetPerMonth. A known
/// seller never gets more than maxSellerSharePercent of the demand's instance-hours. The
/// profile's own products go first; the fallback ladder's products only take what is left.
class Planner
{
public:
    struct Input
    {
        Strategy strategy;
        QList<PlanCandidate> candidates;
        PreviewFunction preview;
        QVector<qint64> covered; ///< per hour, by existing contracts; empty: none
    };

    static Plan plan(const Input &input);

    /// How many ladder steps a product needs to be a candidate (0: it meets the profile),
    /// or nullopt when even the whole ladder does not admit it. The instance class must be
    /// the strategy's (or the profile's, when the strategy names none).
    static std::optional<int> fallbackLevel(const Strategy &strategy, const SlaProfile *profile,
                                            const catalogue::Product &product);
};

} // namespace cloudex::manage
