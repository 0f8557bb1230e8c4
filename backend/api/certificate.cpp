#include "api/certificate.h"

#include <QJsonArray>

namespace cloudex::api {

void Certificate::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("serial"), serial);
    r.read(QLatin1StringView("certificate"), certificate);
    r.read(QLatin1StringView("notBefore"), notBefore);
    r.read(QLatin1StringView("notAfter"), notAfter);
    r.read(QLatin1StringView("contractId"), contractId, Presence::Optional);
}

QJsonObject Certificate::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("serial"), serial);
    o.insert(QLatin1StringView("certificate"), certificate);
    o.insert(QLatin1StringView("notBefore"), notBefore);
    o.insert(QLatin1StringView("notAfter"), notAfter);
    if (!contractId.isEmpty())
        o.insert(QLatin1StringView("contractId"), contractId);
    return o;
}

Result<Certificate> Certificate::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<Certificate>(o, mode);
}

} // namespace cloudex::api
