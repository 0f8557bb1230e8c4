#include "api/usage.h"

namespace cloudex::api {

void UsageHour::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("start"), start);
    r.read(QLatin1StringView("vm"), vm);
    r.read(QLatin1StringView("instanceSeconds"), instanceSeconds);
    r.read(QLatin1StringView("expectedSeconds"), expectedSeconds);
    r.read(QLatin1StringView("availableSeconds"), availableSeconds);
}

QJsonObject UsageHour::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("start"), start);
    o.insert(QLatin1StringView("vm"), vm);
    o.insert(QLatin1StringView("instanceSeconds"), instanceSeconds);
    o.insert(QLatin1StringView("expectedSeconds"), expectedSeconds);
    o.insert(QLatin1StringView("availableSeconds"), availableSeconds);
    return o;
}

Result<UsageHour> UsageHour::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<UsageHour>(o, mode);
}

void UsageReport::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("final"), final);
    r.read(QLatin1StringView("hours"), hours);
}

QJsonObject UsageReport::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("final"), final);
    o.insert(QLatin1StringView("hours"), toJsonArray(hours));
    return o;
}

Result<UsageReport> UsageReport::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<UsageReport>(o, mode);
}

void UsageAck::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("seq"), seq);
    r.read(QLatin1StringView("accepted"), accepted);
}

QJsonObject UsageAck::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("seq"), seq);
    o.insert(QLatin1StringView("accepted"), accepted);
    return o;
}

Result<UsageAck> UsageAck::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<UsageAck>(o, mode);
}

} // namespace cloudex::api
