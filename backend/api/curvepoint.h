#pragma once

#include "api/jsonobjectreader.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace cloudex::api {

/// One delivery period on a product's forward curve.
struct CurvePoint
{
    QString symbol;
    QString kind; ///< period kind: H, D, W, M or Q
    qint64 deliveryStart = 0;
    qint64 last = 0; ///< 0: no trade yet
    qint64 bid = 0; ///< 0: no bid
    qint64 ask = 0; ///< 0: no ask

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<CurvePoint> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const CurvePoint &) const = default;
};

/// `GET /v1/market/curve/{product}`.
struct Curve
{
    QString product;
    QList<CurvePoint> points;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<Curve> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const Curve &) const = default;
};

} // namespace cloudex::api
