#pragma once

#include "core/result.h"
#include "net/apiserver.h"
#include "pki/pkitypes.h"

#include <functional>

namespace cloudex::market {
class Exchange;
}

namespace cloudex::pki {
class CertificateAuthority;
}

namespace cloudex::exchange {

/// The operator's administration: participants, their limits and kill switch, identities
/// (issued and revoked) and early contract termination. Every route needs the `operate`
/// permission.
class AdminController final
{
public:
    /// Revokes an identity by serial with a reason on behalf of `by`; answers the number
    /// of the CRL that lists it (ExchangeService::revokeIdentity).
    using Revoker =
        std::function<Result<qint64>(const QString &serial, pki::RevocationReason reason, const QString &by)>;

    AdminController(market::Exchange &exchange, pki::CertificateAuthority &ca, Revoker revoke)
        : m_exchange(exchange)
        , m_ca(ca)
        , m_revoke(std::move(revoke))
    {}

    /// Adds this area's routes of docs/API.md to `api`.
    void addRoutes(net::ApiServer &api);

private:
    void postParticipant(const net::ApiRequest &request, net::ApiReply reply);
    void putLimits(const net::ApiRequest &request, net::ApiReply reply);
    void postKillSwitch(const net::ApiRequest &request, net::ApiReply reply);
    void postIdentity(const net::ApiRequest &request, net::ApiReply reply);
    void postRevokeIdentity(const net::ApiRequest &request, net::ApiReply reply);
    void postTerminateContract(const net::ApiRequest &request, net::ApiReply reply);

    market::Exchange &m_exchange;
    pki::CertificateAuthority &m_ca;
    Revoker m_revoke;
};

} // namespace cloudex::exchange
