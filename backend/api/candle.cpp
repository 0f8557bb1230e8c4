#include "api/candle.h"

#include <QJsonArray>

namespace cloudex::api {

void Candle::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("start"), start);
    r.read(QLatin1StringView("open"), open);
    r.read(QLatin1StringView("high"), high);
    r.read(QLatin1StringView("low"), low);
    r.read(QLatin1StringView("close"), close);
    r.read(QLatin1StringView("volume"), volume);
}

QJsonObject Candle::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("start"), start);
    o.insert(QLatin1StringView("open"), open);
    o.insert(QLatin1StringView("high"), high);
    o.insert(QLatin1StringView("low"), low);
    o.insert(QLatin1StringView("close"), close);
    o.insert(QLatin1StringView("volume"), volume);
    return o;
}

Result<Candle> Candle::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<Candle>(o, mode);
}

} // namespace cloudex::api
