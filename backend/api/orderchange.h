#pragma once

#include "api/jsonobjectreader.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace cloudex::api {

/// The body of `PATCH /v1/orders/{id}`: a field left out keeps the order's value.
struct OrderChange
{
    std::optional<qint64> price;
    std::optional<qint64> quantity;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<OrderChange> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const OrderChange &) const = default;
};

} // namespace cloudex::api
