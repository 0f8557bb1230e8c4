#pragma once

#include "net/apiserver.h"

namespace cloudex::market {
class Exchange;
}

namespace cloudex::pki {
class CertificateAuthority;
}

namespace cloudex::exchange {

/// The seller's chain (docs/CONNECT-API.md, section 1): sites register their connect
/// endpoint and products with their site identity, report the usage of the contracts they
/// hold and the VM operations they did with the user behind each (issue #16), and buyer and
/// seller read the settlements.
class SitesController final
{
public:
    SitesController(market::Exchange &exchange, pki::CertificateAuthority &ca)
        : m_exchange(exchange)
        , m_ca(ca)
    {}

    /// Adds this area's routes to `api`.
    void addRoutes(net::ApiServer &api);

private:
    void putSite(const net::ApiRequest &request, net::ApiReply reply);
    void getSites(const net::ApiRequest &request, net::ApiReply reply);
    void postUsage(const net::ApiRequest &request, net::ApiReply reply);
    void postVmOperations(const net::ApiRequest &request, net::ApiReply reply);
    void getSettlements(const net::ApiRequest &request, net::ApiReply reply);
    void getSettlement(const net::ApiRequest &request, net::ApiReply reply);
    /// Whether the caller's certificate is a site identity.
    bool isSiteIdentity(const net::ApiRequest &request) const;

    market::Exchange &m_exchange;
    pki::CertificateAuthority &m_ca;
};

} // namespace cloudex::exchange
