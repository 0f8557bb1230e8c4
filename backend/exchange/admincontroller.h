#pragma once

#include "net/apiserver.h"

namespace cloudex::market {
class Exchange;
}

namespace cloudex::pki {
class CertificateAuthority;
}

namespace cloudex::exchange {

/// The operator's administration: participants, their limits and kill switch, identities.
/// Every route needs the `operate` permission.
class AdminController final
{
public:
    AdminController(market::Exchange &exchange, pki::CertificateAuthority &ca)
        : m_exchange(exchange)
        , m_ca(ca)
    {}

    /// Adds this area's routes of docs/API.md to `api`.
    void addRoutes(net::ApiServer &api);

private:
    void postParticipant(const net::ApiRequest &request, net::ApiReply reply);
    void putLimits(const net::ApiRequest &request, net::ApiReply reply);
    void postKillSwitch(const net::ApiRequest &request, net::ApiReply reply);
    void postIdentity(const net::ApiRequest &request, net::ApiReply reply);

    market::Exchange &m_exchange;
    pki::CertificateAuthority &m_ca;
};

} // namespace cloudex::exchange
