#include "api/order.h"

#include <QJsonArray>

namespace cloudex::api {

void Order::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("id"), id);
    r.read(QLatin1StringView("symbol"), symbol);
    r.read(QLatin1StringView("side"), side);
    r.read(QLatin1StringView("price"), price);
    r.read(QLatin1StringView("remaining"), remaining);
    r.read(QLatin1StringView("clientOrderId"), clientOrderId);
}

QJsonObject Order::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("id"), id);
    o.insert(QLatin1StringView("symbol"), symbol);
    o.insert(QLatin1StringView("side"), toWire(side));
    o.insert(QLatin1StringView("price"), price);
    o.insert(QLatin1StringView("remaining"), remaining);
    o.insert(QLatin1StringView("clientOrderId"), clientOrderId);
    return o;
}

Result<Order> Order::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<Order>(o, mode);
}

} // namespace cloudex::api
