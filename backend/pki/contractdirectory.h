#pragma once

#include "pki/pkitypes.h"

#include <QHash>

#include <optional>

namespace cloudex::pki {

/// Where the CA and the verifier look contracts up. The exchange engine implements it over
/// its contract book; tests and benchmarks use InMemoryContractDirectory.
class ContractDirectory
{
public:
    virtual ~ContractDirectory() = default;
    /// The contract with `id`, or nothing if there is no such contract.
    virtual std::optional<ContractTerms> find(const QString &id) const = 0;
};

/// A contract directory held in memory.
class InMemoryContractDirectory final : public ContractDirectory
{
public:
    void insert(const ContractTerms &terms) { m_contracts.insert(terms.id, terms); }
    void remove(const QString &id) { m_contracts.remove(id); }
    std::optional<ContractTerms> find(const QString &id) const override;

private:
    QHash<QString, ContractTerms> m_contracts;
};

} // namespace cloudex::pki
