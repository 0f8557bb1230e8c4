#include "api/identityrequest.h"

#include <QJsonArray>

namespace cloudex::api {

void IdentityRequest::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("kind"), kind);
    r.read(QLatin1StringView("participant"), participant);
    r.read(QLatin1StringView("name"), name);
    r.read(QLatin1StringView("organisation"), organisation, Presence::Optional);
    r.read(QLatin1StringView("role"), role, Presence::Optional);
    r.read(QLatin1StringView("permissions"), permissions, Presence::Optional);
    r.read(QLatin1StringView("csr"), csr);
}

QJsonObject IdentityRequest::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("kind"), toWire(kind));
    o.insert(QLatin1StringView("participant"), participant);
    o.insert(QLatin1StringView("name"), name);
    if (!organisation.isEmpty())
        o.insert(QLatin1StringView("organisation"), organisation);
    if (!role.isEmpty())
        o.insert(QLatin1StringView("role"), role);
    if (!permissions.isEmpty())
        o.insert(QLatin1StringView("permissions"), QJsonArray::fromStringList(permissions));
    o.insert(QLatin1StringView("csr"), csr);
    return o;
}

Result<IdentityRequest> IdentityRequest::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<IdentityRequest>(o, mode);
}

} // namespace cloudex::api
