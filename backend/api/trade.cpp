#include "api/trade.h"

#include <QJsonArray>

namespace cloudex::api {

void Trade::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("id"), id);
    r.read(QLatin1StringView("seq"), seq);
    r.read(QLatin1StringView("symbol"), symbol);
    r.read(QLatin1StringView("price"), price);
    r.read(QLatin1StringView("quantity"), quantity);
    r.read(QLatin1StringView("aggressor"), aggressor);
    r.read(QLatin1StringView("time"), time);
}

void Trade::write(QJsonObject &o) const
{
    o.insert(QLatin1StringView("id"), id);
    o.insert(QLatin1StringView("seq"), seq);
    o.insert(QLatin1StringView("symbol"), symbol);
    o.insert(QLatin1StringView("price"), price);
    o.insert(QLatin1StringView("quantity"), quantity);
    o.insert(QLatin1StringView("aggressor"), toWire(aggressor));
    o.insert(QLatin1StringView("time"), time);
}

QJsonObject Trade::toJson() const
{
    QJsonObject o;
    write(o);
    return o;
}

Result<Trade> Trade::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<Trade>(o, mode);
}

} // namespace cloudex::api
