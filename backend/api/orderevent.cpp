#include "api/orderevent.h"

#include <QJsonArray>

namespace cloudex::api {

void OrderEvent::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("event"), event);
    r.read(QLatin1StringView("order"), order);
    r.read(QLatin1StringView("reason"), reason, Presence::Optional);
}

QJsonObject OrderEvent::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("event"), toWire(event));
    o.insert(QLatin1StringView("order"), order.toJson());
    if (!reason.isEmpty())
        o.insert(QLatin1StringView("reason"), reason);
    return o;
}

Result<OrderEvent> OrderEvent::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<OrderEvent>(o, mode);
}

void InstrumentsUpdate::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("listed"), listed);
    r.read(QLatin1StringView("closed"), closed);
}

QJsonObject InstrumentsUpdate::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("listed"), QJsonArray::fromStringList(listed));
    o.insert(QLatin1StringView("closed"), QJsonArray::fromStringList(closed));
    return o;
}

Result<InstrumentsUpdate> InstrumentsUpdate::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<InstrumentsUpdate>(o, mode);
}

void SpotPrice::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("price"), price);
}

QJsonObject SpotPrice::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("price"), price);
    return o;
}

Result<SpotPrice> SpotPrice::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<SpotPrice>(o, mode);
}

} // namespace cloudex::api
