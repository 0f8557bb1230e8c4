#include "api/vmoperations.h"

namespace cloudex::api {

void SiteVmOperation::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("id"), id, Presence::Required, 1);
    r.read(QLatin1StringView("contractId"), contractId);
    r.read(QLatin1StringView("vm"), vm);
    r.read(QLatin1StringView("operation"), operation);
    r.read(QLatin1StringView("user"), user);
    r.read(QLatin1StringView("serial"), serial);
    r.read(QLatin1StringView("time"), time, Presence::Required, 0);
}

QJsonObject SiteVmOperation::toJson() const
{
    return {{QLatin1StringView("id"), id},
            {QLatin1StringView("contractId"), contractId},
            {QLatin1StringView("vm"), vm},
            {QLatin1StringView("operation"), toWire(operation)},
            {QLatin1StringView("user"), user},
            {QLatin1StringView("serial"), serial},
            {QLatin1StringView("time"), time}};
}

Result<SiteVmOperation> SiteVmOperation::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<SiteVmOperation>(o, mode);
}

void VmOperationReport::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("operations"), operations);
}

QJsonObject VmOperationReport::toJson() const
{
    return {{QLatin1StringView("operations"), toJsonArray(operations)}};
}

Result<VmOperationReport> VmOperationReport::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<VmOperationReport>(o, mode);
}

void VmOperationReportAck::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("accepted"), accepted);
    r.read(QLatin1StringView("duplicates"), duplicates);
}

QJsonObject VmOperationReportAck::toJson() const
{
    return {{QLatin1StringView("accepted"), accepted}, {QLatin1StringView("duplicates"), duplicates}};
}

Result<VmOperationReportAck> VmOperationReportAck::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<VmOperationReportAck>(o, mode);
}

void VmOperationEntry::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("time"), time);
    r.read(QLatin1StringView("user"), user);
    r.read(QLatin1StringView("contractId"), contractId);
    r.read(QLatin1StringView("site"), site);
    r.read(QLatin1StringView("vm"), vm);
    r.read(QLatin1StringView("operation"), operation);
    r.read(QLatin1StringView("serial"), serial);
}

QJsonObject VmOperationEntry::toJson() const
{
    return {{QLatin1StringView("time"), time},
            {QLatin1StringView("user"), user},
            {QLatin1StringView("contractId"), contractId},
            {QLatin1StringView("site"), site},
            {QLatin1StringView("vm"), vm},
            {QLatin1StringView("operation"), toWire(operation)},
            {QLatin1StringView("serial"), serial}};
}

Result<VmOperationEntry> VmOperationEntry::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<VmOperationEntry>(o, mode);
}

} // namespace cloudex::api
