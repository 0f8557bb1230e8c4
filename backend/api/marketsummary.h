#pragma once

#include "api/jsonobjectreader.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace cloudex::api {

/// One product's market at a glance: its spot index now and a day ago, and the day's volume.
struct ProductSummary
{
    QString product;
    qint64 spot = 0;       ///< ticks; 0 before the product's first trade
    qint64 spotBefore = 0; ///< ticks, 24 hours ago or at the first sample since; 0: none
    qint64 volume = 0;     ///< instance-hours traded in the last 24 hours, every period

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<ProductSummary> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const ProductSummary &) const = default;
};

/// `GET /v1/market/summary`: every product with a spot index or volume, at `time`.
struct MarketSummary
{
    qint64 time = 0; ///< the exchange's clock, Unix seconds
    QList<ProductSummary> products;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<MarketSummary> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const MarketSummary &) const = default;
};

} // namespace cloudex::api
