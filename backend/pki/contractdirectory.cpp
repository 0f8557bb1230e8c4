#include "pki/contractdirectory.h"

namespace cloudex::pki {

std::optional<ContractTerms> InMemoryContractDirectory::find(const QString &id) const
{
    const auto it = m_contracts.constFind(id);
    if (it == m_contracts.cend())
        return std::nullopt;
    return *it;
}

} // namespace cloudex::pki
