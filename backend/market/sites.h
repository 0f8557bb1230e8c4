#pragma once

#include "market/codec.h"
#include "market/types.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cloudex::market {

/// A registered site of a seller (docs/CONNECT-API.md, "Exchange routes for sites").
struct Site
{
    std::string id;
    ParticipantId participant = 0;
    std::string name;
    std::string endpoint;
    std::vector<std::string> products; ///< sorted
    Secs registered = 0;               ///< engine time of the latest registration
    std::vector<ContractId> contracts; ///< assigned to it, in assignment order

    bool serves(const std::string &product) const
    {
        return std::binary_search(products.begin(), products.end(), product);
    }
};

/// The latest usage report of a contract.
struct UsageReportState
{
    bool final = false;
    Secs reported = 0; ///< engine time of the report
    std::vector<UsageHour> hours;
};

struct Settlement
{
    ContractId contract = 0;
    bool estimated = false;
    Secs settled = 0; ///< engine time
    Secs seconds = 0;
    Notional gross = 0;
    std::int32_t availabilityBasisPoints = 10000;
    std::int32_t creditPercent = 0;
    Notional credit = 0;
    Notional net = 0;
};

/// The seller side of the engine's state: sites, which site serves each contract, the last
/// usage report per contract and the settlements. Plain data; the engine applies the
/// commands, the snapshot carries it.
class SiteLedger
{
public:
    bool empty() const { return m_sites.empty() && m_usage.empty() && m_settlements.empty(); }
    const std::vector<Site> &all() const { return m_sites; }
    const Site *find(const std::string &id) const;
    Site *find(const std::string &id);
    /// The site serving `contract`, or nullptr while unassigned.
    const Site *siteOf(ContractId contract) const;
    const UsageReportState *usage(ContractId contract) const;
    const Settlement *settlement(ContractId contract) const;
    const std::map<ContractId, Settlement> &settlements() const { return m_settlements; }

    void registerSite(const RegisterSite &c, Secs now);
    /// False when the site is unknown or the contract already has one.
    bool assign(ContractId contract, const std::string &site);
    void report(const ReportUsage &c, Secs now);
    void settle(const SettleContract &c, Secs now);

    void serialize(Writer &out) const;
    /// `contractCount`: how many contracts the engine has; a site's contract beyond it is damage.
    bool deserialize(Reader &in, std::uint64_t contractCount);

private:
    std::vector<Site> m_sites;                 ///< in first-registration order
    std::vector<std::uint32_t> m_contractSite; ///< by contract id - 1: site index + 1, 0 none
    std::map<ContractId, UsageReportState> m_usage;
    std::map<ContractId, Settlement> m_settlements;
};

/// The figures of a settlement (docs/CONNECT-API.md): seconds of the window up to its end or
/// the termination, gross = price x quantity x seconds / 3600 rounded to ticks, availability
/// from the report (10000 when nothing was expected), the first credit step whose threshold
/// lies above it, credit = gross x percent / 100 rounded to ticks, net = gross - credit.
SettleContract computeSettlement(const Contract &contract, const UsageReportState *usage, bool estimated);

} // namespace cloudex::market
