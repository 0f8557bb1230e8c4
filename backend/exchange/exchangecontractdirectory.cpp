#include "exchange/exchangecontractdirectory.h"

#include "market/exchange.h"

namespace cloudex::exchange {

using market::ContractInfo;
using market::ContractState;
using market::Exchange;

std::optional<pki::ContractTerms> ExchangeContractDirectory::find(const QString &id) const
{
    const std::optional<quint64> number = Exchange::parseContractCode(id);
    if (!number)
        return std::nullopt;
    const std::optional<ContractInfo> k = m_exchange.contract(*number);
    if (!k)
        return std::nullopt;
    constexpr qint64 kMsPerSec = 1000;
    pki::ContractTerms terms;
    terms.id = Exchange::contractCode(k->id);
    terms.buyer = k->buyer;
    terms.seller = k->seller;
    terms.instrument = k->symbol;
    terms.volume = k->quantity;
    terms.startMs = k->startSecs * kMsPerSec;
    terms.endMs = k->endSecs * kMsPerSec;
    terms.terminated = k->state == ContractState::Terminated;
    return terms;
}

} // namespace cloudex::exchange
