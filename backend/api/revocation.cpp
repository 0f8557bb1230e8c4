#include "api/revocation.h"

namespace cloudex::api {

void RevokeIdentityRequest::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("reason"), reason);
}

QJsonObject RevokeIdentityRequest::toJson() const
{
    return QJsonObject{{QLatin1StringView("reason"), toWire(reason)}};
}

Result<RevokeIdentityRequest> RevokeIdentityRequest::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<RevokeIdentityRequest>(o, mode);
}

void Revocation::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("serial"), serial);
    r.read(QLatin1StringView("reason"), reason);
    r.read(QLatin1StringView("crlNumber"), crlNumber);
}

QJsonObject Revocation::toJson() const
{
    return QJsonObject{{QLatin1StringView("serial"), serial},
                       {QLatin1StringView("reason"), toWire(reason)},
                       {QLatin1StringView("crlNumber"), crlNumber}};
}

Result<Revocation> Revocation::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<Revocation>(o, mode);
}

void TerminateContractRequest::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("reason"), reason);
}

QJsonObject TerminateContractRequest::toJson() const
{
    return QJsonObject{{QLatin1StringView("reason"), reason}};
}

Result<TerminateContractRequest> TerminateContractRequest::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<TerminateContractRequest>(o, mode);
}

} // namespace cloudex::api
