#include "api/orderack.h"

#include <QJsonArray>

namespace cloudex::api {

void OrderAck::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("seq"), seq);
    r.read(QLatin1StringView("accepted"), accepted);
    r.read(QLatin1StringView("duplicate"), duplicate);
    r.read(QLatin1StringView("orderId"), orderId);
    r.read(QLatin1StringView("trades"), trades);
}

QJsonObject OrderAck::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("seq"), seq);
    o.insert(QLatin1StringView("accepted"), accepted);
    o.insert(QLatin1StringView("duplicate"), duplicate);
    if (orderId)
        o.insert(QLatin1StringView("orderId"), *orderId);
    o.insert(QLatin1StringView("trades"), toJsonArray(trades));
    return o;
}

Result<OrderAck> OrderAck::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<OrderAck>(o, mode);
}

} // namespace cloudex::api
