#include "api/orderchange.h"

#include <QJsonArray>

namespace cloudex::api {

void OrderChange::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("price"), price);
    r.read(QLatin1StringView("quantity"), quantity);
}

QJsonObject OrderChange::toJson() const
{
    QJsonObject o;
    if (price)
        o.insert(QLatin1StringView("price"), *price);
    if (quantity)
        o.insert(QLatin1StringView("quantity"), *quantity);
    return o;
}

Result<OrderChange> OrderChange::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<OrderChange>(o, mode);
}

} // namespace cloudex::api
