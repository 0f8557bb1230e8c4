#pragma once

#include "api/jsonobjectreader.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace cloudex::api {

/// Why resting liquidity would not fill an order, as `POST /v1/orders/preview` counts it.
/// Stable wire names (docs/API.md): the quantity skipped is reported per reason.
struct PreviewSkip
{
    QString reason;      ///< "jurisdiction", "certification", "metadata-policy", "allow-list",
                         ///< "self-trade", "price"
    qint64 quantity = 0; ///< instances

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<PreviewSkip> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const PreviewSkip &) const = default;
};

/// The answer of `POST /v1/orders/preview`: what the order (an OrderRequest body) would fill
/// against the book right now, without naming counterparties. No state changes; not journaled.
struct OrderPreview
{
    QString symbol;
    qint64 time = 0;            ///< the exchange's clock, Unix seconds
    qint64 quantity = 0;        ///< the order's quantity, instances
    qint64 fillQuantity = 0;    ///< would fill now
    qint64 averagePrice = 0;    ///< ticks, rounded half away from zero; 0 when nothing fills
    qint64 worstPrice = 0;      ///< ticks; 0 when nothing fills
    qint64 notional = 0;        ///< sum of price x quantity of the fills, ticks x instances
    QList<PreviewSkip> skipped; ///< resting quantity passed over, by reason; zero reasons omitted
    /// The error code placing the order now would answer ("order.over-credit",
    /// "order.fill-or-kill-not-filled", ...), then nothing fills; empty (absent) when it would
    /// be accepted.
    QString refusal;
    QString refusalMessage; ///< the refusal in words, in the exchange's language; absent with it

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<OrderPreview> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const OrderPreview &) const = default;
};

} // namespace cloudex::api
