#include "api/orderpreview.h"

#include <QJsonArray>

namespace cloudex::api {

void PreviewSkip::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("reason"), reason);
    r.read(QLatin1StringView("quantity"), quantity);
}

QJsonObject PreviewSkip::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("reason"), reason);
    o.insert(QLatin1StringView("quantity"), quantity);
    return o;
}

Result<PreviewSkip> PreviewSkip::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<PreviewSkip>(o, mode);
}

void OrderPreview::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("symbol"), symbol);
    r.read(QLatin1StringView("time"), time);
    r.read(QLatin1StringView("quantity"), quantity);
    r.read(QLatin1StringView("fillQuantity"), fillQuantity);
    r.read(QLatin1StringView("averagePrice"), averagePrice);
    r.read(QLatin1StringView("worstPrice"), worstPrice);
    r.read(QLatin1StringView("notional"), notional);
    r.read(QLatin1StringView("skipped"), skipped);
    r.read(QLatin1StringView("refusal"), refusal, Presence::Optional);
    r.read(QLatin1StringView("refusalMessage"), refusalMessage, Presence::Optional);
}

QJsonObject OrderPreview::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("symbol"), symbol);
    o.insert(QLatin1StringView("time"), time);
    o.insert(QLatin1StringView("quantity"), quantity);
    o.insert(QLatin1StringView("fillQuantity"), fillQuantity);
    o.insert(QLatin1StringView("averagePrice"), averagePrice);
    o.insert(QLatin1StringView("worstPrice"), worstPrice);
    o.insert(QLatin1StringView("notional"), notional);
    o.insert(QLatin1StringView("skipped"), toJsonArray(skipped));
    if (!refusal.isEmpty()) {
        o.insert(QLatin1StringView("refusal"), refusal);
        o.insert(QLatin1StringView("refusalMessage"), refusalMessage);
    }
    return o;
}

Result<OrderPreview> OrderPreview::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<OrderPreview>(o, mode);
}

} // namespace cloudex::api
