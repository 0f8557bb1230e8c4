#pragma once

#include "api/jsonobjectreader.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace cloudex::api {

/// The spot index at the end of one step of a spot history.
struct SpotPoint
{
    qint64 time = 0;  ///< start of the step, Unix seconds
    qint64 price = 0; ///< ticks

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<SpotPoint> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const SpotPoint &) const = default;
};

/// `GET /v1/market/spot/{product}/history`: a product's spot index over a time range.
struct SpotHistory
{
    QString product;
    QString resolution; ///< 1m, 5m, 1h or 1d
    qint64 from = 0;
    qint64 to = 0;
    QList<SpotPoint> points;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<SpotHistory> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const SpotHistory &) const = default;
};

} // namespace cloudex::api
