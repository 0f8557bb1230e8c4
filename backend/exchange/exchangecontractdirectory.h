#pragma once

#include "pki/contractdirectory.h"

namespace cloudex::market {
class Exchange;
}

namespace cloudex::exchange {

/// The certificate authority's view of the exchange's contract book: contract "c-000042"
/// is engine contract 42. Reads the exchange's live state, so call it on the exchange's
/// thread; the exchange must outlive it.
class ExchangeContractDirectory final : public pki::ContractDirectory
{
public:
    explicit ExchangeContractDirectory(const market::Exchange &exchange)
        : m_exchange(exchange)
    {}

    std::optional<pki::ContractTerms> find(const QString &id) const override;

private:
    const market::Exchange &m_exchange;
};

} // namespace cloudex::exchange
