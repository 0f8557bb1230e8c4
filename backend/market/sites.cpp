#include "market/sites.h"

#include <algorithm>

namespace cloudex::market {
namespace {
__extension__ typedef __int128 Wide;

constexpr Secs kSecsPerHour = 3600;

/// a / b rounded half up, for non-negative a and positive b.
Wide divideRounded(Wide a, Wide b)
{
    return (a + b / 2) / b;
}

void writeHour(Writer &out, const UsageHour &h)
{
    out.i64(h.start);
    out.bytes(h.vm);
    out.i64(h.instanceSeconds);
    out.i64(h.expectedSeconds);
    out.i64(h.availableSeconds);
}

UsageHour readHour(Reader &in)
{
    UsageHour h;
    h.start = in.i64();
    h.vm = in.bytes();
    h.instanceSeconds = in.i64();
    h.expectedSeconds = in.i64();
    h.availableSeconds = in.i64();
    return h;
}

void writeSettlement(Writer &out, const Settlement &s)
{
    out.u64(s.contract);
    out.boolean(s.estimated);
    out.i64(s.settled);
    out.i64(s.seconds);
    out.i64(s.gross);
    out.u32(std::uint32_t(s.availabilityBasisPoints));
    out.u32(std::uint32_t(s.creditPercent));
    out.i64(s.credit);
    out.i64(s.net);
}

Settlement readSettlement(Reader &in)
{
    Settlement s;
    s.contract = in.u64();
    s.estimated = in.boolean();
    s.settled = in.i64();
    s.seconds = in.i64();
    s.gross = in.i64();
    s.availabilityBasisPoints = std::int32_t(in.u32());
    s.creditPercent = std::int32_t(in.u32());
    s.credit = in.i64();
    s.net = in.i64();
    return s;
}
} // namespace

const Site *SiteLedger::find(const std::string &id) const
{
    for (const Site &s : m_sites)
        if (s.id == id)
            return &s;
    return nullptr;
}

Site *SiteLedger::find(const std::string &id)
{
    for (Site &s : m_sites)
        if (s.id == id)
            return &s;
    return nullptr;
}

const Site *SiteLedger::siteOf(ContractId contract) const
{
    if (contract == 0 || contract > m_contractSite.size() || m_contractSite[contract - 1] == 0)
        return nullptr;
    return &m_sites[m_contractSite[contract - 1] - 1];
}

const UsageReportState *SiteLedger::usage(ContractId contract) const
{
    const auto it = m_usage.find(contract);
    return it == m_usage.end() ? nullptr : &it->second;
}

const Settlement *SiteLedger::settlement(ContractId contract) const
{
    const auto it = m_settlements.find(contract);
    return it == m_settlements.end() ? nullptr : &it->second;
}

void SiteLedger::registerSite(const RegisterSite &c, Secs now)
{
    Site *site = find(c.site);
    if (!site) {
        site = &m_sites.emplace_back();
        site->id = c.site;
    }
    site->participant = c.participant;
    site->name = c.name;
    site->endpoint = c.endpoint;
    site->products = c.products;
    std::sort(site->products.begin(), site->products.end());
    site->products.erase(std::unique(site->products.begin(), site->products.end()), site->products.end());
    site->registered = now;
}

bool SiteLedger::assign(ContractId contract, const std::string &id)
{
    if (contract == 0)
        return false;
    std::uint32_t index = 0;
    while (index < m_sites.size() && m_sites[index].id != id)
        ++index;
    if (index == m_sites.size())
        return false;
    if (m_contractSite.size() < contract)
        m_contractSite.resize(contract, 0);
    if (m_contractSite[contract - 1] != 0)
        return false; // a contract never moves between sites
    m_contractSite[contract - 1] = index + 1;
    m_sites[index].contracts.push_back(contract);
    return true;
}

void SiteLedger::report(const ReportUsage &c, Secs now)
{
    UsageReportState &state = m_usage[c.contract];
    state.final = c.final;
    state.reported = now;
    state.hours = c.hours;
}

void SiteLedger::settle(const SettleContract &c, Secs now)
{
    Settlement &s = m_settlements[c.contract];
    s.contract = c.contract;
    s.estimated = c.estimated;
    s.settled = now;
    s.seconds = c.seconds;
    s.gross = c.gross;
    s.availabilityBasisPoints = c.availabilityBasisPoints;
    s.creditPercent = c.creditPercent;
    s.credit = c.credit;
    s.net = c.net;
}

void SiteLedger::serialize(Writer &out) const
{
    out.u32(std::uint32_t(m_sites.size()));
    for (const Site &s : m_sites) {
        out.bytes(s.id);
        out.u32(s.participant);
        out.bytes(s.name);
        out.bytes(s.endpoint);
        out.u32(std::uint32_t(s.products.size()));
        for (const std::string &p : s.products)
            out.bytes(p);
        out.i64(s.registered);
        out.u64(s.contracts.size());
        for (ContractId k : s.contracts)
            out.u64(k);
    }
    out.u64(m_usage.size());
    for (const auto &[contract, report] : m_usage) {
        out.u64(contract);
        out.boolean(report.final);
        out.i64(report.reported);
        out.u64(report.hours.size());
        for (const UsageHour &h : report.hours)
            writeHour(out, h);
    }
    out.u64(m_settlements.size());
    for (const auto &[contract, settlement] : m_settlements)
        writeSettlement(out, settlement);
}

bool SiteLedger::deserialize(Reader &in, std::uint64_t contractCount)
{
    *this = SiteLedger();
    const std::uint32_t sites = in.u32();
    for (std::uint32_t i = 0; i < sites && !in.failed(); ++i) {
        Site &s = m_sites.emplace_back();
        s.id = in.bytes();
        s.participant = in.u32();
        s.name = in.bytes();
        s.endpoint = in.bytes();
        const std::uint32_t products = in.u32();
        for (std::uint32_t p = 0; p < products && !in.failed(); ++p)
            s.products.push_back(in.bytes());
        s.registered = in.i64();
        const std::uint64_t contracts = in.u64();
        for (std::uint64_t k = 0; k < contracts && !in.failed(); ++k) {
            const ContractId id = in.u64();
            if (id == 0 || id > contractCount || in.failed())
                return false;
            s.contracts.push_back(id);
            if (m_contractSite.size() < id)
                m_contractSite.resize(id, 0);
            m_contractSite[id - 1] = i + 1;
        }
    }
    const std::uint64_t reports = in.u64();
    for (std::uint64_t i = 0; i < reports && !in.failed(); ++i) {
        const ContractId contract = in.u64();
        UsageReportState &report = m_usage[contract];
        report.final = in.boolean();
        report.reported = in.i64();
        const std::uint64_t hours = in.u64();
        for (std::uint64_t h = 0; h < hours && !in.failed(); ++h)
            report.hours.push_back(readHour(in));
    }
    const std::uint64_t settlements = in.u64();
    for (std::uint64_t i = 0; i < settlements && !in.failed(); ++i) {
        const Settlement s = readSettlement(in);
        m_settlements[s.contract] = s;
    }
    return !in.failed();
}

SettleContract computeSettlement(const Contract &k, const UsageReportState *usage, bool estimated)
{
    SettleContract c;
    c.contract = k.id;
    c.estimated = estimated;
    Secs end = k.end;
    if (k.state == ContractState::Terminated)
        end = std::min(end, k.terminatedAt);
    c.seconds = std::max<Secs>(0, end - k.start);
    c.gross = Notional(divideRounded(Wide(k.price) * k.quantity * c.seconds, kSecsPerHour));

    Wide expected = 0;
    Wide available = 0;
    if (usage) {
        for (const UsageHour &h : usage->hours) {
            expected += h.expectedSeconds;
            available += h.availableSeconds;
        }
    }
    c.availabilityBasisPoints = expected > 0 ? std::int32_t(Wide(10000) * available / expected) : 10000;

    // The frozen credit table, by threshold ascending: the first step above the availability.
    std::vector<CreditStep> steps;
    for (const CreditStep &step : k.terms.credits)
        if (step.belowBasisPoints != 0)
            steps.push_back(step);
    std::sort(steps.begin(), steps.end(), [](const CreditStep &a, const CreditStep &b) {
        return a.belowBasisPoints < b.belowBasisPoints;
    });
    c.creditPercent = 0;
    for (const CreditStep &step : steps) {
        if (step.belowBasisPoints > c.availabilityBasisPoints) {
            c.creditPercent = step.creditPercent;
            break;
        }
    }
    c.credit = Notional(divideRounded(Wide(c.gross) * c.creditPercent, 100));
    c.net = c.gross - c.credit;
    return c;
}

} // namespace cloudex::market
