#pragma once

#include "api/jsonobjectreader.h"
#include "api/trade.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace cloudex::api {

/// The acknowledgement of an accepted command (`201`/`200` of the order and operator routes),
/// sent after its journal commit.
struct OrderAck
{
    qint64 seq = 0; ///< the command's sequence number
    bool accepted = false;
    bool duplicate = false; ///< a repeat of an earlier client order id
    std::optional<qint64> orderId; ///< the order, for order commands
    QList<Trade> trades; ///< what the order traded at once

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<OrderAck> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const OrderAck &) const = default;
};

} // namespace cloudex::api
