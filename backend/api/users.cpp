#include "api/users.h"

#include <QJsonArray>

namespace cloudex::api {

void UserIssueRequest::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("name"), name);
    r.read(QLatin1StringView("permissions"), permissions);
    r.read(QLatin1StringView("csr"), csr);
    r.read(QLatin1StringView("organisation"), organisation, Presence::Optional);
    r.read(QLatin1StringView("role"), role, Presence::Optional);
}

QJsonObject UserIssueRequest::toJson() const
{
    QJsonObject o{{QLatin1StringView("name"), name},
                  {QLatin1StringView("permissions"), QJsonArray::fromStringList(permissions)},
                  {QLatin1StringView("csr"), csr}};
    if (!organisation.isEmpty())
        o.insert(QLatin1StringView("organisation"), organisation);
    if (!role.isEmpty())
        o.insert(QLatin1StringView("role"), role);
    return o;
}

void UserPermissionsRequest::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("permissions"), permissions);
}

QJsonObject UserPermissionsRequest::toJson() const
{
    return {{QLatin1StringView("permissions"), QJsonArray::fromStringList(permissions)}};
}

void UserLimitsRequest::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("maxOrderQuantity"), maxOrderQuantity);
    r.read(QLatin1StringView("maxOpenNotional"), maxOpenNotional);
}

QJsonObject UserLimitsRequest::toJson() const
{
    QJsonObject o;
    if (maxOrderQuantity)
        o.insert(QLatin1StringView("maxOrderQuantity"), *maxOrderQuantity);
    if (maxOpenNotional)
        o.insert(QLatin1StringView("maxOpenNotional"), *maxOpenNotional);
    return o;
}

Result<UserLimitsRequest> UserLimitsRequest::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<UserLimitsRequest>(o, mode);
}

void UserRevocation::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("user"), user);
    r.read(QLatin1StringView("revoked"), revoked);
    r.read(QLatin1StringView("contractCertificates"), contractCertificates);
    r.read(QLatin1StringView("crlNumber"), crlNumber);
}

Result<UserRevocation> UserRevocation::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<UserRevocation>(o, mode);
}

void User::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("name"), name);
    r.read(QLatin1StringView("serial"), serial);
    r.read(QLatin1StringView("permissions"), permissions);
    r.read(QLatin1StringView("state"), state);
    r.read(QLatin1StringView("notAfter"), notAfter);
    r.read(QLatin1StringView("limits"), limits, Presence::Optional);
}

QJsonObject User::toJson() const
{
    return {{QLatin1StringView("name"), name},
            {QLatin1StringView("serial"), serial},
            {QLatin1StringView("permissions"), QJsonArray::fromStringList(permissions)},
            {QLatin1StringView("state"), state},
            {QLatin1StringView("notAfter"), notAfter},
            {QLatin1StringView("limits"), limits.toJson()}};
}

Result<User> User::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<User>(o, mode);
}

void AuditEntry::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("time"), time);
    r.read(QLatin1StringView("user"), user);
    r.read(QLatin1StringView("action"), action);
    r.read(QLatin1StringView("serial"), serial);
    r.read(QLatin1StringView("permissions"), permissions);
    r.read(QLatin1StringView("by"), by);
    r.read(QLatin1StringView("detail"), detail, Presence::Optional);
}

QJsonObject AuditEntry::toJson() const
{
    return {{QLatin1StringView("time"), time},
            {QLatin1StringView("user"), user},
            {QLatin1StringView("action"), action},
            {QLatin1StringView("serial"), serial},
            {QLatin1StringView("permissions"), QJsonArray::fromStringList(permissions)},
            {QLatin1StringView("by"), by},
            {QLatin1StringView("detail"), detail}};
}

Result<AuditEntry> AuditEntry::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<AuditEntry>(o, mode);
}

} // namespace cloudex::api
