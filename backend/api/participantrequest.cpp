#include "api/participantrequest.h"

#include <QJsonArray>

namespace cloudex::api {

void ParticipantRequest::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("id"), id);
    r.read(QLatin1StringView("role"), role);
    r.read(QLatin1StringView("jurisdiction"), jurisdiction);
    r.read(QLatin1StringView("certifications"), certifications, Presence::Optional);
    r.read(QLatin1StringView("metadataPolicy"), metadataPolicy, Presence::Optional);
}

QJsonObject ParticipantRequest::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("id"), id);
    o.insert(QLatin1StringView("role"), toWire(role));
    o.insert(QLatin1StringView("jurisdiction"), jurisdiction);
    if (!certifications.isEmpty())
        o.insert(QLatin1StringView("certifications"), QJsonArray::fromStringList(certifications));
    if (!metadataPolicy.isEmpty())
        o.insert(QLatin1StringView("metadataPolicy"), metadataPolicy);
    return o;
}

Result<ParticipantRequest> ParticipantRequest::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<ParticipantRequest>(o, mode);
}

void LimitsRequest::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("maxOrderQuantity"), maxOrderQuantity);
    r.read(QLatin1StringView("maxOpenNotional"), maxOpenNotional);
    r.read(QLatin1StringView("credit"), credit);
    if (r.has(QLatin1StringView("allowedBuyers")))
        r.read(QLatin1StringView("allowedBuyers"), allowedBuyers.emplace());
}

QJsonObject LimitsRequest::toJson() const
{
    QJsonObject o;
    if (maxOrderQuantity)
        o.insert(QLatin1StringView("maxOrderQuantity"), *maxOrderQuantity);
    if (maxOpenNotional)
        o.insert(QLatin1StringView("maxOpenNotional"), *maxOpenNotional);
    if (credit)
        o.insert(QLatin1StringView("credit"), *credit);
    if (allowedBuyers)
        o.insert(QLatin1StringView("allowedBuyers"), QJsonArray::fromStringList(*allowedBuyers));
    return o;
}

Result<LimitsRequest> LimitsRequest::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<LimitsRequest>(o, mode);
}

void KillSwitchRequest::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("blocked"), blocked);
}

QJsonObject KillSwitchRequest::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("blocked"), blocked);
    return o;
}

Result<KillSwitchRequest> KillSwitchRequest::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<KillSwitchRequest>(o, mode);
}

} // namespace cloudex::api
