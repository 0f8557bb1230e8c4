#pragma once

#include "api/jsonobjectreader.h"
#include "api/order.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace cloudex::api {

/// An update of the `orders@<participant>` channel.
struct OrderEvent
{
    OrderEventKind event = OrderEventKind::Accepted;
    Order order;
    QString reason; ///< why it was cancelled, when it was

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<OrderEvent> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const OrderEvent &) const = default;
};

/// An update of the `instruments` channel.
struct InstrumentsUpdate
{
    QStringList listed;
    QStringList closed;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<InstrumentsUpdate> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const InstrumentsUpdate &) const = default;
};

/// The `spot.<product>` channel's snapshot and update.
struct SpotPrice
{
    qint64 price = 0; ///< ticks; 0 before the first trade

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<SpotPrice> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const SpotPrice &) const = default;
};

} // namespace cloudex::api
