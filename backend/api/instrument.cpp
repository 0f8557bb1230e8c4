#include "api/instrument.h"

#include <QJsonArray>

namespace cloudex::api {

void Instrument::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("symbol"), symbol);
    r.read(QLatin1StringView("product"), product);
    r.read(QLatin1StringView("kind"), kind);
    r.read(QLatin1StringView("deliveryStart"), deliveryStart);
    r.read(QLatin1StringView("deliveryEnd"), deliveryEnd);
    r.read(QLatin1StringView("lotSize"), lotSize);
    r.read(QLatin1StringView("bandLow"), bandLow);
    r.read(QLatin1StringView("bandHigh"), bandHigh);
}

QJsonObject Instrument::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("symbol"), symbol);
    o.insert(QLatin1StringView("product"), product);
    o.insert(QLatin1StringView("kind"), kind);
    o.insert(QLatin1StringView("deliveryStart"), deliveryStart);
    o.insert(QLatin1StringView("deliveryEnd"), deliveryEnd);
    o.insert(QLatin1StringView("lotSize"), lotSize);
    o.insert(QLatin1StringView("bandLow"), bandLow);
    o.insert(QLatin1StringView("bandHigh"), bandHigh);
    return o;
}

Result<Instrument> Instrument::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<Instrument>(o, mode);
}

} // namespace cloudex::api
