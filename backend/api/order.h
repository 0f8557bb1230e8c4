#pragma once

#include "api/jsonobjectreader.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace cloudex::api {

/// One of the participant's open orders.
struct Order
{
    qint64 id = 0;
    QString symbol;
    Side side = Side::Buy;
    qint64 price = 0; ///< ticks
    qint64 remaining = 0; ///< instances still open
    QString clientOrderId;

    /// The key of the list answers `{"orders":[…]}`.
    static constexpr QLatin1StringView kListKey{"orders"};
    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<Order> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const Order &) const = default;
};

} // namespace cloudex::api
