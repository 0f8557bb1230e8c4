#include "api/spothistory.h"

#include <QJsonArray>

namespace cloudex::api {

void SpotPoint::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("time"), time);
    r.read(QLatin1StringView("price"), price);
}

QJsonObject SpotPoint::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("time"), time);
    o.insert(QLatin1StringView("price"), price);
    return o;
}

Result<SpotPoint> SpotPoint::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<SpotPoint>(o, mode);
}

void SpotHistory::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("product"), product);
    r.read(QLatin1StringView("resolution"), resolution);
    r.read(QLatin1StringView("from"), from);
    r.read(QLatin1StringView("to"), to);
    r.read(QLatin1StringView("points"), points);
}

QJsonObject SpotHistory::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("product"), product);
    o.insert(QLatin1StringView("resolution"), resolution);
    o.insert(QLatin1StringView("from"), from);
    o.insert(QLatin1StringView("to"), to);
    o.insert(QLatin1StringView("points"), toJsonArray(points));
    return o;
}

Result<SpotHistory> SpotHistory::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<SpotHistory>(o, mode);
}

} // namespace cloudex::api
