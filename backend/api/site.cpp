#include "api/site.h"

#include <QJsonArray>

namespace cloudex::api {

void SiteRegistration::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("name"), name);
    r.read(QLatin1StringView("endpoint"), endpoint);
    r.read(QLatin1StringView("products"), products);
}

QJsonObject SiteRegistration::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("name"), name);
    o.insert(QLatin1StringView("endpoint"), endpoint);
    o.insert(QLatin1StringView("products"), QJsonArray::fromStringList(products));
    return o;
}

Result<SiteRegistration> SiteRegistration::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<SiteRegistration>(o, mode);
}

void Site::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("id"), id);
    r.read(QLatin1StringView("participant"), participant);
    r.read(QLatin1StringView("name"), name);
    r.read(QLatin1StringView("endpoint"), endpoint);
    r.read(QLatin1StringView("products"), products);
    r.read(QLatin1StringView("registered"), registered);
}

QJsonObject Site::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("id"), id);
    o.insert(QLatin1StringView("participant"), participant);
    o.insert(QLatin1StringView("name"), name);
    o.insert(QLatin1StringView("endpoint"), endpoint);
    o.insert(QLatin1StringView("products"), QJsonArray::fromStringList(products));
    o.insert(QLatin1StringView("registered"), registered);
    return o;
}

Result<Site> Site::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<Site>(o, mode);
}

} // namespace cloudex::api
