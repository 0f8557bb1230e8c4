#include "api/settlement.h"

namespace cloudex::api {

void Settlement::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("contractId"), contractId);
    r.read(QLatin1StringView("buyer"), buyer);
    r.read(QLatin1StringView("seller"), seller);
    r.read(QLatin1StringView("state"), state);
    r.read(QLatin1StringView("hours"), hours);
    r.read(QLatin1StringView("seconds"), seconds);
    r.read(QLatin1StringView("quantity"), quantity);
    r.read(QLatin1StringView("price"), price);
    r.read(QLatin1StringView("gross"), gross);
    r.read(QLatin1StringView("availabilityBasisPoints"), availabilityBasisPoints);
    r.read(QLatin1StringView("creditPercent"), creditPercent);
    r.read(QLatin1StringView("credit"), credit);
    r.read(QLatin1StringView("net"), net);
    r.read(QLatin1StringView("settledAt"), settledAt);
}

QJsonObject Settlement::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("contractId"), contractId);
    o.insert(QLatin1StringView("buyer"), buyer);
    o.insert(QLatin1StringView("seller"), seller);
    o.insert(QLatin1StringView("state"), toWire(state));
    o.insert(QLatin1StringView("hours"), hours);
    o.insert(QLatin1StringView("seconds"), seconds);
    o.insert(QLatin1StringView("quantity"), quantity);
    o.insert(QLatin1StringView("price"), price);
    o.insert(QLatin1StringView("gross"), gross);
    o.insert(QLatin1StringView("availabilityBasisPoints"), availabilityBasisPoints);
    o.insert(QLatin1StringView("creditPercent"), creditPercent);
    o.insert(QLatin1StringView("credit"), credit);
    o.insert(QLatin1StringView("net"), net);
    o.insert(QLatin1StringView("settledAt"), settledAt);
    return o;
}

Result<Settlement> Settlement::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<Settlement>(o, mode);
}

} // namespace cloudex::api
