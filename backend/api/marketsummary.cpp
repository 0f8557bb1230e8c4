#include "api/marketsummary.h"

#include <QJsonArray>

namespace cloudex::api {

void ProductSummary::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("product"), product);
    r.read(QLatin1StringView("spot"), spot);
    r.read(QLatin1StringView("spotBefore"), spotBefore);
    r.read(QLatin1StringView("volume"), volume);
}

QJsonObject ProductSummary::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("product"), product);
    o.insert(QLatin1StringView("spot"), spot);
    o.insert(QLatin1StringView("spotBefore"), spotBefore);
    o.insert(QLatin1StringView("volume"), volume);
    return o;
}

Result<ProductSummary> ProductSummary::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<ProductSummary>(o, mode);
}

void MarketSummary::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("time"), time);
    r.read(QLatin1StringView("products"), products);
}

QJsonObject MarketSummary::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("time"), time);
    o.insert(QLatin1StringView("products"), toJsonArray(products));
    return o;
}

Result<MarketSummary> MarketSummary::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<MarketSummary>(o, mode);
}

} // namespace cloudex::api
