#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// The matching core: plain C++ (std only, no Qt, no I/O), integer ticks and instances,
/// deterministic. The Qt side (Exchange) maps its compact integer ids to catalogue symbols
/// and participant names.
namespace cloudex::market {

using Tick = std::int64_t;          ///< 1 tick = 0.0001 EUR per instance-hour
using Qty = std::int64_t;           ///< instances
using Notional = std::int64_t;      ///< ticks x instances x hours
using Secs = std::int64_t;          ///< Unix time, UTC
using OrderId = std::uint64_t;      ///< engine-assigned, 1, 2, 3, ...
using ContractId = std::uint64_t;   ///< engine-assigned, 1, 2, 3, ...
using TradeId = std::uint64_t;      ///< engine-assigned, 1, 2, 3, ...
using InstrumentId = std::uint32_t; ///< chosen by the caller when listing
using ParticipantId = std::uint32_t;

/// Hard ceilings that keep every notional inside int64 (price x quantity x hours of a
/// quarter stays below 2^63).
constexpr Qty kMaxQuantity = 1'000'000;
constexpr Tick kMaxPrice = 100'000'000; ///< 10,000 EUR per instance-hour
constexpr Notional kUnlimited = INT64_MAX;

enum class Side : std::uint8_t { Buy, Sell };
enum class OrderType : std::uint8_t { Limit, Market };
enum class TimeInForce : std::uint8_t { GoodTillCancel, GoodTillDate, ImmediateOrCancel, FillOrKill };
enum class Role : std::uint8_t { Buyer = 1, Seller = 2, Both = 3 };

/// Stable reasons for rejections; codes never change meaning (see reasonCode()).
enum class Reason : std::uint8_t {
    None,
    UnknownParticipant,
    DuplicateParticipant,
    ParticipantBlocked,
    RoleNotAllowed,
    UnknownInstrument,
    DuplicateInstrument,
    InstrumentClosed,
    BadInstrument,
    BadQuantity,
    BadPrice,
    PriceOffTick,
    PriceOutsideBand,
    BadLot,
    BadExpiry,
    InvalidOrderType,
    OverMaxOrderSize,
    OverOpenNotional,
    OverCredit,
    DuplicateClientOrderId,
    UnknownOrder,
    NotOrderOwner,
    PostOnlyWouldCross,
    FillOrKillNotFilled,
    ClockBackwards,
    UnknownContract,
    ContractNotTerminable,
    Count
};

/// "order.bad-quantity" and so on: stable, for protocols, logs and tests.
const char *reasonCode(Reason reason);

/// Why a resting or incoming order left the book without filling.
enum class CancelReason : std::uint8_t {
    Requested,          ///< the owner cancelled it
    ImmediateRemainder, ///< IOC or market remainder
    SelfTrade,          ///< self-trade prevention cancelled the resting order
    Expired,            ///< good-till-date passed
    InstrumentClosed,   ///< delivery started
    KillSwitch,         ///< the participant was blocked
};

/// "requested", "expired" and so on: stable, for protocols and logs.
const char *cancelReasonCode(CancelReason reason);

enum class ContractState : std::uint8_t { Scheduled, Active, Expired, Terminated };

/// Why resting liquidity would not (or did not) trade with an incoming order. The matcher's
/// eligibility screening answers one of these; Engine::preview() counts skipped quantity by it.
enum class SkipReason : std::uint8_t {
    None,           ///< eligible
    Jurisdiction,   ///< one side's jurisdiction is outside what the other side's order demands
    Certification,  ///< one side lacks a certification the other side's order demands
    MetadataPolicy, ///< one side's metadata policy is outside what the other side's order demands
    AllowList,      ///< the seller sells only to an allow-list of buyers without this buyer
    SelfTrade,      ///< the same participant: self-trade prevention cancels the resting order
    Price,          ///< the resting price is beyond the incoming order's limit
    Count
};

/// "jurisdiction", "metadata-policy" and so on: stable wire names (docs/API.md, preview).
const char *skipReasonCode(SkipReason reason);

/// What an order would do against the book right now (Engine::preview()): no state changes.
struct Preview
{
    Reason refusal = Reason::None; ///< the engine would refuse the order; then nothing fills
    Qty filled = 0;
    Notional notional = 0; ///< sum of price x quantity of the fills (ticks x instances)
    Tick worstPrice = 0;   ///< 0 when nothing fills
    /// Resting quantity passed over, by reason: each resting order counts once, under the
    /// first reason that applies (self-trade, then the incoming order's demands, the resting
    /// order's demands, the seller's allow-list). Price: the eligible quantity resting beyond
    /// the limit, up to what the order leaves unfilled.
    std::array<Qty, std::size_t(SkipReason::Count)> skipped{};

    Qty skippedFor(SkipReason r) const { return skipped[std::size_t(r)]; }
    /// Average fill price, rounded half away from zero; 0 when nothing fills.
    Tick averagePrice() const { return filled > 0 ? (2 * notional + filled) / (2 * filled) : 0; }
};

/// What an order demands of its counterparty. Masks are indexes the adapter assigns
/// (jurisdictions, certifications, metadata policies); 0 means "no demand".
struct Eligibility
{
    std::uint64_t jurisdictions = 0;    ///< counterparty's jurisdiction bit must be in this set
    std::uint32_t certifications = 0;   ///< counterparty must hold all of these
    std::uint32_t metadataPolicies = 0; ///< counterparty's policy bit must be in this set

    bool any() const { return jurisdictions | certifications | metadataPolicies; }
    bool operator==(const Eligibility &) const = default;
};

/// Client order id: up to 24 bytes, unique per participant; empty means none. The id is its
/// bytes up to the first NUL: what view() shows and what journal records and snapshots
/// carry. Every byte after it is zero, so that equality, the hash and the order of ids
/// (which compare all 24 bytes) agree with view(): two ids that are written the same are
/// the same id, in the running engine and in the one rebuilt from its journal or snapshot.
struct ClientOrderId
{
    static constexpr std::size_t kMaxLength = 24;
    std::array<char, kMaxLength> bytes{};

    /// The first kMaxLength bytes of `text`, up to its first NUL.
    static ClientOrderId from(std::string_view text)
    {
        ClientOrderId id;
        const std::string_view head = text.substr(0, std::min(text.size(), kMaxLength));
        std::copy(head.begin(), std::find(head.begin(), head.end(), '\0'), id.bytes.begin());
        return id;
    }
    /// True when from(text).view() == text: at most kMaxLength bytes and no NUL. The journal
    /// and snapshots only ever hold such ids.
    static bool canonical(std::string_view text)
    {
        return text.size() <= kMaxLength && text.find('\0') == std::string_view::npos;
    }
    bool empty() const { return bytes[0] == 0; }
    std::string_view view() const { return {bytes.data(), ::strnlen(bytes.data(), kMaxLength)}; }
    bool operator==(const ClientOrderId &) const = default;
};

// ---- commands -------------------------------------------------------------------------

struct AddParticipant
{
    ParticipantId participant = 0;
    std::string name;
    Role role = Role::Both;
    std::uint64_t jurisdictionBit = 0; ///< one bit: where the participant is established
    std::uint32_t certifications = 0;
    std::uint32_t metadataPolicyBit = 0;
    /// The participant's first limits, set with it in one command (the exchange adapter
    /// chooses conservative ones). Journal records from before limits travelled here
    /// decode with these unlimited values, as they were applied then.
    Qty maxOrderQuantity = kMaxQuantity;
    Notional maxOpenNotional = kUnlimited;
    Notional credit = kUnlimited;
};

struct SetLimits
{
    ParticipantId participant = 0;
    Qty maxOrderQuantity = kMaxQuantity;
    Notional maxOpenNotional = kUnlimited;
    Notional credit = kUnlimited; ///< open buy notional plus bought contract value
    /// A seller's allow-list of buyers; empty sells to anyone.
    std::vector<ParticipantId> allowedBuyers;
};

struct SetKillSwitch
{
    ParticipantId participant = 0;
    bool blocked = true;
};

/// One step of a service-credit schedule; belowBasisPoints 0 marks an unused step.
struct CreditStep
{
    std::int32_t belowBasisPoints = 0;
    std::int32_t creditPercent = 0;
    bool operator==(const CreditStep &) const = default;
};

/// Frozen at listing and copied into every contract of the instrument, so a later change
/// of the catalogue never rewrites an existing contract.
struct Terms
{
    static constexpr std::size_t kMaxCreditSteps = 4;
    std::uint32_t productIndex = 0; ///< dense product number chosen by the adapter
    std::uint8_t slaClass = 0;
    std::int32_t availabilityBasisPoints = 0;
    std::int32_t supportResponseMinutes = 0;
    bool nextBusinessDaySupport = false;
    std::array<CreditStep, kMaxCreditSteps> credits{};
    std::uint16_t legalTermsVersion = 1;
    bool operator==(const Terms &) const = default;
};

struct ListInstrument
{
    InstrumentId instrument = 0;
    /// The adapter's name for it (a catalogue symbol), journaled so that names survive
    /// any later change of the catalogue. The core only stores it.
    std::string symbol;
    Terms terms;
    std::uint8_t periodKind = 0; ///< catalogue::PeriodKind
    Secs deliveryStart = 0;
    Secs deliveryEnd = 0;
    Tick priceIncrement = 1; ///< prices must be multiples of this
    Qty lotSize = 1;         ///< quantities must be multiples of this
    Tick bandLow = 1;
    Tick bandHigh = kMaxPrice;
};

struct NewOrder
{
    ParticipantId participant = 0;
    InstrumentId instrument = 0;
    Side side = Side::Buy;
    OrderType type = OrderType::Limit;
    TimeInForce tif = TimeInForce::GoodTillCancel;
    bool postOnly = false;
    Tick price = 0; ///< ignored for market orders
    Qty quantity = 0;
    Secs expiry = 0; ///< good-till-date only
    ClientOrderId clientId;
    Eligibility counterparty;
    /// The participant's user who placed it (the identity's CN), kept with the resting order
    /// so that per-user limits survive a restart; empty: none recorded. The core only stores
    /// it: it changes no matching and no idempotency outcome.
    std::string user;
};

struct CancelOrder
{
    ParticipantId participant = 0;
    OrderId order = 0;
};

/// Quantity down at the same price keeps time priority; any other change loses it.
struct ReplaceOrder
{
    ParticipantId participant = 0;
    OrderId order = 0;
    Tick price = 0;
    Qty quantity = 0; ///< new remaining quantity
};

/// Time advances only by this command: GTD expiry, instrument close, contract lifecycle.
struct ClockTick
{
    Secs now = 0;
};

struct TerminateContract
{
    ContractId contract = 0;
};

/// A seller's site registers its connect endpoint and the products it serves; a later
/// registration of the same site replaces the earlier one. The adapter checked the caller.
struct RegisterSite
{
    ParticipantId participant = 0;
    std::string site; ///< the site identity's CN ("s-fra1")
    std::string name;
    std::string endpoint;              ///< "https://host:port"
    std::vector<std::string> products; ///< catalogue product ids, sorted, unique
};

/// A contract is served by `site` (a registered site of its seller) from now on.
struct AssignSite
{
    ContractId contract = 0;
    std::string site;
};

/// What a site measured for one VM in one hour of a contract's window.
struct UsageHour
{
    Secs start = 0;
    std::string vm;
    std::int64_t instanceSeconds = 0;
    std::int64_t expectedSeconds = 0;
    std::int64_t availableSeconds = 0;
    bool operator==(const UsageHour &) const = default;
};

/// Everything a site measured so far for a contract; replaces the previous report.
struct ReportUsage
{
    ContractId contract = 0;
    bool final = false;
    std::vector<UsageHour> hours;
};

/// The settlement of a contract, as the adapter computed it (market/sites.h, settle());
/// journaled with its figures so that a later change of the formula never rewrites it.
struct SettleContract
{
    ContractId contract = 0;
    bool estimated = false;
    Secs seconds = 0; ///< of the window delivered: up to its end or the termination
    Notional gross = 0;
    std::int32_t availabilityBasisPoints = 10000;
    std::int32_t creditPercent = 0;
    Notional credit = 0;
    Notional net = 0;
};

// ---- events ---------------------------------------------------------------------------

struct OrderView
{
    OrderId id = 0;
    ParticipantId participant = 0;
    InstrumentId instrument = 0;
    Side side = Side::Buy;
    Tick price = 0;
    Qty remaining = 0;
    ClientOrderId clientId;
};

struct Trade
{
    TradeId id = 0;
    InstrumentId instrument = 0;
    OrderId buyOrder = 0;
    OrderId sellOrder = 0;
    ParticipantId buyer = 0;
    ParticipantId seller = 0;
    Side aggressor = Side::Buy;
    Tick price = 0;
    Qty quantity = 0;
    Secs time = 0;
    ContractId contract = 0;
    Qty buyRemaining = 0;  ///< what the buy order has left after this fill
    Qty sellRemaining = 0; ///< what the sell order has left after this fill
};

struct Contract
{
    ContractId id = 0;
    TradeId trade = 0;
    std::uint64_t tradeSeq = 0; ///< the trade's event sequence number (0 in CXE1 snapshots)
    OrderId buyOrder = 0;
    OrderId sellOrder = 0;
    Side aggressor = Side::Buy;
    Secs tradeTime = 0;
    InstrumentId instrument = 0;
    ParticipantId buyer = 0;
    ParticipantId seller = 0;
    Qty quantity = 0;
    Tick price = 0;
    Secs start = 0;
    Secs end = 0;
    Terms terms;
    ContractState state = ContractState::Scheduled;
    Secs terminatedAt = 0;
};

/// Everything the engine reports. Every call carries the engine's gap-free event sequence
/// number. Calls arrive synchronously inside Engine::apply, in order.
class EngineListener
{
public:
    virtual ~EngineListener() = default;
    virtual void onAccept(std::uint64_t /*eventSeq*/, const OrderView & /*order*/) {}
    /// A command was refused; nothing else changed. `order` is the order concerned, if any.
    virtual void onReject(std::uint64_t /*eventSeq*/, Reason /*reason*/, OrderId /*order*/) {}
    /// A repeated client order id with identical content: the original outcome.
    virtual void onDuplicate(std::uint64_t /*eventSeq*/, OrderId /*original*/, Reason /*originalReason*/) {}
    virtual void onTrade(std::uint64_t /*eventSeq*/, const Trade & /*trade*/) {}
    virtual void onCancel(std::uint64_t /*eventSeq*/, const OrderView & /*order*/, CancelReason /*why*/) {}
    virtual void onReplace(std::uint64_t /*eventSeq*/, const OrderView & /*order*/, bool /*keptPriority*/) {}
    virtual void onContract(std::uint64_t /*eventSeq*/, const Contract & /*contract*/) {}
    virtual void onInstrument(std::uint64_t /*eventSeq*/, InstrumentId /*instrument*/, bool /*open*/) {}
    virtual void onParticipant(std::uint64_t /*eventSeq*/, ParticipantId /*participant*/) {}
    virtual void onClock(std::uint64_t /*eventSeq*/, Secs /*now*/) {}
};

} // namespace cloudex::market
