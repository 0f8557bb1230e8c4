#include "api/contract.h"

#include <QJsonArray>

namespace cloudex::api {

void ServiceCredit::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("belowBasisPoints"), belowBasisPoints);
    r.read(QLatin1StringView("creditPercent"), creditPercent);
}

QJsonObject ServiceCredit::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("belowBasisPoints"), belowBasisPoints);
    o.insert(QLatin1StringView("creditPercent"), creditPercent);
    return o;
}

Result<ServiceCredit> ServiceCredit::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<ServiceCredit>(o, mode);
}

void Sla::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("class"), slaClass);
    r.read(QLatin1StringView("availabilityBasisPoints"), availabilityBasisPoints);
    r.read(QLatin1StringView("supportResponseMinutes"), supportResponseMinutes);
    r.read(QLatin1StringView("nextBusinessDaySupport"), nextBusinessDaySupport);
    r.read(QLatin1StringView("credits"), credits);
}

QJsonObject Sla::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("class"), slaClass);
    o.insert(QLatin1StringView("availabilityBasisPoints"), availabilityBasisPoints);
    o.insert(QLatin1StringView("supportResponseMinutes"), supportResponseMinutes);
    o.insert(QLatin1StringView("nextBusinessDaySupport"), nextBusinessDaySupport);
    o.insert(QLatin1StringView("credits"), toJsonArray(credits));
    return o;
}

Result<Sla> Sla::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<Sla>(o, mode);
}

void ContractSite::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("id"), id);
    r.read(QLatin1StringView("name"), name);
    r.read(QLatin1StringView("endpoint"), endpoint);
}

QJsonObject ContractSite::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("id"), id);
    o.insert(QLatin1StringView("name"), name);
    o.insert(QLatin1StringView("endpoint"), endpoint);
    return o;
}

Result<ContractSite> ContractSite::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<ContractSite>(o, mode);
}

void Contract::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("id"), id);
    r.read(QLatin1StringView("trade"), trade);
    r.read(QLatin1StringView("symbol"), symbol);
    r.read(QLatin1StringView("product"), product);
    r.read(QLatin1StringView("buyer"), buyer);
    r.read(QLatin1StringView("seller"), seller);
    r.read(QLatin1StringView("quantity"), quantity);
    r.read(QLatin1StringView("price"), price);
    r.read(QLatin1StringView("deliveryStart"), deliveryStart);
    r.read(QLatin1StringView("deliveryEnd"), deliveryEnd);
    r.read(QLatin1StringView("state"), state);
    r.read(QLatin1StringView("sla"), sla);
    r.read(QLatin1StringView("governingLaw"), governingLaw);
    r.read(QLatin1StringView("legalTermsVersion"), legalTermsVersion);
    r.read(QLatin1StringView("site"), site);
    r.read(QLatin1StringView("terminatedAt"), terminatedAt);
    r.read(QLatin1StringView("terminationReason"), terminationReason, Presence::Optional);
}

QJsonObject Contract::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("id"), id);
    o.insert(QLatin1StringView("trade"), trade);
    o.insert(QLatin1StringView("symbol"), symbol);
    o.insert(QLatin1StringView("product"), product);
    o.insert(QLatin1StringView("buyer"), buyer);
    o.insert(QLatin1StringView("seller"), seller);
    o.insert(QLatin1StringView("quantity"), quantity);
    o.insert(QLatin1StringView("price"), price);
    o.insert(QLatin1StringView("deliveryStart"), deliveryStart);
    o.insert(QLatin1StringView("deliveryEnd"), deliveryEnd);
    o.insert(QLatin1StringView("state"), toWire(state));
    o.insert(QLatin1StringView("sla"), sla.toJson());
    o.insert(QLatin1StringView("governingLaw"), governingLaw);
    o.insert(QLatin1StringView("legalTermsVersion"), legalTermsVersion);
    if (site)
        o.insert(QLatin1StringView("site"), site->toJson());
    if (terminatedAt)
        o.insert(QLatin1StringView("terminatedAt"), *terminatedAt);
    if (!terminationReason.isEmpty())
        o.insert(QLatin1StringView("terminationReason"), terminationReason);
    return o;
}

Result<Contract> Contract::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<Contract>(o, mode);
}

} // namespace cloudex::api
