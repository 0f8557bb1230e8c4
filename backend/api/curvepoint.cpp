#include "api/curvepoint.h"

#include <QJsonArray>

namespace cloudex::api {

void CurvePoint::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("symbol"), symbol);
    r.read(QLatin1StringView("kind"), kind);
    r.read(QLatin1StringView("deliveryStart"), deliveryStart);
    r.read(QLatin1StringView("last"), last);
    r.read(QLatin1StringView("bid"), bid);
    r.read(QLatin1StringView("ask"), ask);
}

QJsonObject CurvePoint::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("symbol"), symbol);
    o.insert(QLatin1StringView("kind"), kind);
    o.insert(QLatin1StringView("deliveryStart"), deliveryStart);
    o.insert(QLatin1StringView("last"), last);
    o.insert(QLatin1StringView("bid"), bid);
    o.insert(QLatin1StringView("ask"), ask);
    return o;
}

Result<CurvePoint> CurvePoint::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<CurvePoint>(o, mode);
}

void Curve::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("product"), product);
    r.read(QLatin1StringView("points"), points);
}

QJsonObject Curve::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("product"), product);
    o.insert(QLatin1StringView("points"), toJsonArray(points));
    return o;
}

Result<Curve> Curve::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<Curve>(o, mode);
}

} // namespace cloudex::api
