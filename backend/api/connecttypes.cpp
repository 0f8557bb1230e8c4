#include "api/connecttypes.h"

#include <QJsonArray>

namespace cloudex::api {

void InstanceClass::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("code"), code);
    r.read(QLatin1StringView("vcpus"), vcpus);
    r.read(QLatin1StringView("memoryMiB"), memoryMiB);
    r.read(QLatin1StringView("diskGiB"), diskGiB);
}

QJsonObject InstanceClass::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("code"), code);
    o.insert(QLatin1StringView("vcpus"), vcpus);
    o.insert(QLatin1StringView("memoryMiB"), memoryMiB);
    o.insert(QLatin1StringView("diskGiB"), diskGiB);
    return o;
}

Result<InstanceClass> InstanceClass::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<InstanceClass>(o, mode);
}

void Reservation::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("tenancy"), tenancy);
    r.read(QLatin1StringView("group"), group, Presence::Optional);
    r.read(QLatin1StringView("hosts"), hosts);
}

QJsonObject Reservation::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("tenancy"), tenancy);
    if (!group.isEmpty())
        o.insert(QLatin1StringView("group"), group);
    o.insert(QLatin1StringView("hosts"), hosts);
    return o;
}

Result<Reservation> Reservation::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<Reservation>(o, mode);
}

void HeldContract::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("id"), id);
    r.read(QLatin1StringView("product"), product);
    r.read(QLatin1StringView("instanceClass"), instanceClass);
    r.read(QLatin1StringView("tenancy"), tenancy);
    r.read(QLatin1StringView("quantity"), quantity);
    r.read(QLatin1StringView("deliveryStart"), deliveryStart);
    r.read(QLatin1StringView("deliveryEnd"), deliveryEnd);
    r.read(QLatin1StringView("state"), state);
    r.read(QLatin1StringView("graceSeconds"), graceSeconds);
    r.read(QLatin1StringView("retentionSeconds"), retentionSeconds);
    r.read(QLatin1StringView("vmsDefined"), vmsDefined);
    r.read(QLatin1StringView("vmsRunning"), vmsRunning);
    r.read(QLatin1StringView("atRisk"), atRisk);
    r.read(QLatin1StringView("reservation"), reservation);
}

QJsonObject HeldContract::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("id"), id);
    o.insert(QLatin1StringView("product"), product);
    o.insert(QLatin1StringView("instanceClass"), instanceClass.toJson());
    o.insert(QLatin1StringView("tenancy"), tenancy);
    o.insert(QLatin1StringView("quantity"), quantity);
    o.insert(QLatin1StringView("deliveryStart"), deliveryStart);
    o.insert(QLatin1StringView("deliveryEnd"), deliveryEnd);
    o.insert(QLatin1StringView("state"), toWire(state));
    o.insert(QLatin1StringView("graceSeconds"), graceSeconds);
    o.insert(QLatin1StringView("retentionSeconds"), retentionSeconds);
    o.insert(QLatin1StringView("vmsDefined"), vmsDefined);
    o.insert(QLatin1StringView("vmsRunning"), vmsRunning);
    o.insert(QLatin1StringView("atRisk"), atRisk);
    o.insert(QLatin1StringView("reservation"), reservation.toJson());
    return o;
}

Result<HeldContract> HeldContract::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<HeldContract>(o, mode);
}

void Template::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("name"), name);
    r.read(QLatin1StringView("sizeGiB"), sizeGiB);
    r.read(QLatin1StringView("format"), format);
}

QJsonObject Template::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("name"), name);
    o.insert(QLatin1StringView("sizeGiB"), sizeGiB);
    o.insert(QLatin1StringView("format"), format);
    return o;
}

Result<Template> Template::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<Template>(o, mode);
}

void Vm::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("name"), name);
    r.read(QLatin1StringView("template"), templateName);
    r.read(QLatin1StringView("state"), state);
    r.read(QLatin1StringView("vcpus"), vcpus);
    r.read(QLatin1StringView("memoryMiB"), memoryMiB);
    r.read(QLatin1StringView("diskGiB"), diskGiB);
    r.read(QLatin1StringView("runningSince"), runningSince);
    r.read(QLatin1StringView("startsAt"), startsAt);
    r.read(QLatin1StringView("seq"), seq);
}

QJsonObject Vm::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("name"), name);
    o.insert(QLatin1StringView("template"), templateName);
    o.insert(QLatin1StringView("state"), toWire(state));
    o.insert(QLatin1StringView("vcpus"), vcpus);
    o.insert(QLatin1StringView("memoryMiB"), memoryMiB);
    o.insert(QLatin1StringView("diskGiB"), diskGiB);
    if (runningSince)
        o.insert(QLatin1StringView("runningSince"), *runningSince);
    if (startsAt)
        o.insert(QLatin1StringView("startsAt"), *startsAt);
    o.insert(QLatin1StringView("seq"), seq);
    return o;
}

Result<Vm> Vm::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<Vm>(o, mode);
}

void VmList::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("seq"), seq);
    r.read(QLatin1StringView("vms"), vms);
}

QJsonObject VmList::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("seq"), seq);
    o.insert(QLatin1StringView("vms"), toJsonArray(vms));
    return o;
}

Result<VmList> VmList::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<VmList>(o, mode);
}

void VmCreateRequest::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("name"), name);
    r.read(QLatin1StringView("template"), templateName);
}

QJsonObject VmCreateRequest::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("name"), name);
    o.insert(QLatin1StringView("template"), templateName);
    return o;
}

Result<VmCreateRequest> VmCreateRequest::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<VmCreateRequest>(o, mode);
}

void JobError::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("code"), code);
    r.read(QLatin1StringView("detail"), detail);
}

QJsonObject JobError::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("code"), code);
    o.insert(QLatin1StringView("detail"), detail);
    return o;
}

Result<JobError> JobError::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<JobError>(o, mode);
}

void ConnectJobState::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("id"), id);
    r.read(QLatin1StringView("operation"), operation);
    r.read(QLatin1StringView("vm"), vm);
    r.read(QLatin1StringView("state"), state);
    qint64 progressValue = 0;
    r.read(QLatin1StringView("progress"), progressValue, Presence::Required, 0, 100);
    progress = int(progressValue);
    r.read(QLatin1StringView("error"), error);
}

QJsonObject ConnectJobState::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("id"), id);
    o.insert(QLatin1StringView("operation"), toWire(operation));
    o.insert(QLatin1StringView("vm"), vm);
    o.insert(QLatin1StringView("state"), toWire(state));
    o.insert(QLatin1StringView("progress"), progress);
    if (error)
        o.insert(QLatin1StringView("error"), error->toJson());
    return o;
}

Result<ConnectJobState> ConnectJobState::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<ConnectJobState>(o, mode);
}

void Usage::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("contractId"), contractId);
    r.read(QLatin1StringView("deliveryStart"), deliveryStart);
    r.read(QLatin1StringView("deliveryEnd"), deliveryEnd);
    r.read(QLatin1StringView("availabilityBasisPoints"), availabilityBasisPoints);
    r.read(QLatin1StringView("hours"), hours);
}

QJsonObject Usage::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("contractId"), contractId);
    o.insert(QLatin1StringView("deliveryStart"), deliveryStart);
    o.insert(QLatin1StringView("deliveryEnd"), deliveryEnd);
    o.insert(QLatin1StringView("availabilityBasisPoints"), availabilityBasisPoints);
    o.insert(QLatin1StringView("hours"), toJsonArray(hours));
    return o;
}

Result<Usage> Usage::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<Usage>(o, mode);
}

} // namespace cloudex::api
