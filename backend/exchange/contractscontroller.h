#pragma once

#include "net/apiserver.h"

namespace cloudex::market {
class Exchange;
}

namespace cloudex::pki {
class CertificateAuthority;
}

namespace cloudex::exchange {

class ExchangeContractDirectory;

/// Contracts and their certificates: the caller's contracts, contract certificates from the
/// buyer's CSR (signed by the CA for the contract's terms), the CA certificate and the CRL.
class ContractsController final
{
public:
    ContractsController(const market::Exchange &exchange, pki::CertificateAuthority &ca,
                        const ExchangeContractDirectory &contracts)
        : m_exchange(exchange)
        , m_ca(ca)
        , m_contracts(contracts)
    {}

    /// Adds this area's routes of docs/API.md to `api`.
    void addRoutes(net::ApiServer &api);

private:
    void getContracts(const net::ApiRequest &request, net::ApiReply reply);
    void getContract(const net::ApiRequest &request, net::ApiReply reply);
    void postContractCertificate(const net::ApiRequest &request, net::ApiReply reply);
    void getContractCertificates(const net::ApiRequest &request, net::ApiReply reply);
    void getCa(const net::ApiRequest &request, net::ApiReply reply);
    void getCrl(const net::ApiRequest &request, net::ApiReply reply);

    const market::Exchange &m_exchange;
    pki::CertificateAuthority &m_ca;
    const ExchangeContractDirectory &m_contracts;
};

} // namespace cloudex::exchange
