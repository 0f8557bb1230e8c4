#include "api/orderrequest.h"

#include <QJsonArray>

namespace cloudex::api {

void Requirements::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("jurisdictions"), jurisdictions, Presence::Optional);
    r.read(QLatin1StringView("certifications"), certifications, Presence::Optional);
    r.read(QLatin1StringView("metadataPolicies"), metadataPolicies, Presence::Optional);
}

QJsonObject Requirements::toJson() const
{
    QJsonObject o;
    if (!jurisdictions.isEmpty())
        o.insert(QLatin1StringView("jurisdictions"), QJsonArray::fromStringList(jurisdictions));
    if (!certifications.isEmpty())
        o.insert(QLatin1StringView("certifications"), QJsonArray::fromStringList(certifications));
    if (!metadataPolicies.isEmpty())
        o.insert(QLatin1StringView("metadataPolicies"), QJsonArray::fromStringList(metadataPolicies));
    return o;
}

Result<Requirements> Requirements::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<Requirements>(o, mode);
}

void OrderRequest::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("symbol"), symbol);
    r.read(QLatin1StringView("side"), side);
    r.read(QLatin1StringView("type"), type);
    r.read(QLatin1StringView("timeInForce"), timeInForce);
    r.read(QLatin1StringView("price"), price);
    r.read(QLatin1StringView("quantity"), quantity);
    r.read(QLatin1StringView("expiry"), expiry);
    r.read(QLatin1StringView("postOnly"), postOnly, Presence::Optional);
    r.read(QLatin1StringView("clientOrderId"), clientOrderId, Presence::Optional);
    r.read(QLatin1StringView("requirements"), requirements);
}

QJsonObject OrderRequest::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("symbol"), symbol);
    o.insert(QLatin1StringView("side"), toWire(side));
    o.insert(QLatin1StringView("type"), toWire(type));
    o.insert(QLatin1StringView("timeInForce"), toWire(timeInForce));
    if (price)
        o.insert(QLatin1StringView("price"), *price);
    o.insert(QLatin1StringView("quantity"), quantity);
    if (expiry)
        o.insert(QLatin1StringView("expiry"), *expiry);
    if (postOnly)
        o.insert(QLatin1StringView("postOnly"), true);
    if (!clientOrderId.isEmpty())
        o.insert(QLatin1StringView("clientOrderId"), clientOrderId);
    if (requirements)
        o.insert(QLatin1StringView("requirements"), requirements->toJson());
    return o;
}

Result<OrderRequest> OrderRequest::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<OrderRequest>(o, mode);
}

} // namespace cloudex::api
