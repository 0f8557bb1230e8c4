// Journal encoding of engine commands: one tag byte (the variant index) and the fields in
// declaration order. Changing a layout needs a new tag, so old journals still replay.
#include "market/engine.h"

namespace cloudex::market {
namespace {
void put(Writer &out, const AddParticipant &c)
{
    out.u32(c.participant);
    out.bytes(c.name);
    out.u8(std::uint8_t(c.role));
    out.u64(c.jurisdictionBit);
    out.u32(c.certifications);
    out.u32(c.metadataPolicyBit);
}
void get(Reader &in, AddParticipant &c)
{
    c.participant = in.u32();
    c.name = in.bytes();
    c.role = Role(in.u8());
    c.jurisdictionBit = in.u64();
    c.certifications = in.u32();
    c.metadataPolicyBit = in.u32();
}

// AddParticipant with its first limits: a layout of its own under a tag after the
// variant's, so that records of the first layout (tag 0, no limits) still replay.
constexpr std::uint8_t kAddParticipantWithLimitsTag = 0x80;
static_assert(std::variant_size_v<Command> < kAddParticipantWithLimitsTag);

void putWithLimits(Writer &out, const AddParticipant &c)
{
    put(out, c);
    out.i64(c.maxOrderQuantity);
    out.i64(c.maxOpenNotional);
    out.i64(c.credit);
}
void getWithLimits(Reader &in, AddParticipant &c)
{
    get(in, c);
    c.maxOrderQuantity = in.i64();
    c.maxOpenNotional = in.i64();
    c.credit = in.i64();
}

void put(Writer &out, const SetLimits &c)
{
    out.u32(c.participant);
    out.i64(c.maxOrderQuantity);
    out.i64(c.maxOpenNotional);
    out.i64(c.credit);
    out.u32(std::uint32_t(c.allowedBuyers.size()));
    for (ParticipantId b : c.allowedBuyers)
        out.u32(b);
}
void get(Reader &in, SetLimits &c)
{
    c.participant = in.u32();
    c.maxOrderQuantity = in.i64();
    c.maxOpenNotional = in.i64();
    c.credit = in.i64();
    const std::uint32_t n = in.u32();
    for (std::uint32_t i = 0; i < n && !in.failed(); ++i)
        c.allowedBuyers.push_back(in.u32());
}

void put(Writer &out, const SetKillSwitch &c)
{
    out.u32(c.participant);
    out.boolean(c.blocked);
}
void get(Reader &in, SetKillSwitch &c)
{
    c.participant = in.u32();
    c.blocked = in.boolean();
}

void put(Writer &out, const ListInstrument &c)
{
    out.u32(c.instrument);
    out.bytes(c.symbol);
    writeTerms(out, c.terms);
    out.u8(c.periodKind);
    out.i64(c.deliveryStart);
    out.i64(c.deliveryEnd);
    out.i64(c.priceIncrement);
    out.i64(c.lotSize);
    out.i64(c.bandLow);
    out.i64(c.bandHigh);
}
void get(Reader &in, ListInstrument &c)
{
    c.instrument = in.u32();
    c.symbol = in.bytes();
    c.terms = readTerms(in);
    c.periodKind = in.u8();
    c.deliveryStart = in.i64();
    c.deliveryEnd = in.i64();
    c.priceIncrement = in.i64();
    c.lotSize = in.i64();
    c.bandLow = in.i64();
    c.bandHigh = in.i64();
}

void put(Writer &out, const NewOrder &c)
{
    out.u32(c.participant);
    out.u32(c.instrument);
    out.u8(std::uint8_t(c.side) | std::uint8_t(c.type) << 1 | std::uint8_t(c.tif) << 2 |
           std::uint8_t(c.postOnly) << 4);
    out.i64(c.price);
    out.i64(c.quantity);
    out.i64(c.expiry);
    out.bytes(c.clientId.view());
    out.u64(c.counterparty.jurisdictions);
    out.u32(c.counterparty.certifications);
    out.u32(c.counterparty.metadataPolicies);
}
void get(Reader &in, NewOrder &c)
{
    c.participant = in.u32();
    c.instrument = in.u32();
    const std::uint8_t flags = in.u8();
    c.side = Side(flags & 1);
    c.type = OrderType((flags >> 1) & 1);
    c.tif = TimeInForce((flags >> 2) & 3);
    c.postOnly = (flags >> 4) & 1;
    c.price = in.i64();
    c.quantity = in.i64();
    c.expiry = in.i64();
    const std::string clientId = in.bytes();
    if (!ClientOrderId::canonical(clientId))
        in.invalidate(); // put() writes view(): at most 24 bytes, no NUL
    c.clientId = ClientOrderId::from(clientId);
    c.counterparty.jurisdictions = in.u64();
    c.counterparty.certifications = in.u32();
    c.counterparty.metadataPolicies = in.u32();
}

void put(Writer &out, const CancelOrder &c)
{
    out.u32(c.participant);
    out.u64(c.order);
}
void get(Reader &in, CancelOrder &c)
{
    c.participant = in.u32();
    c.order = in.u64();
}

void put(Writer &out, const ReplaceOrder &c)
{
    out.u32(c.participant);
    out.u64(c.order);
    out.i64(c.price);
    out.i64(c.quantity);
}
void get(Reader &in, ReplaceOrder &c)
{
    c.participant = in.u32();
    c.order = in.u64();
    c.price = in.i64();
    c.quantity = in.i64();
}

void put(Writer &out, const ClockTick &c)
{
    out.i64(c.now);
}
void get(Reader &in, ClockTick &c)
{
    c.now = in.i64();
}

void put(Writer &out, const TerminateContract &c)
{
    out.u64(c.contract);
}
void get(Reader &in, TerminateContract &c)
{
    c.contract = in.u64();
}

void putStrings(Writer &out, const std::vector<std::string> &items)
{
    out.u32(std::uint32_t(items.size()));
    for (const std::string &item : items)
        out.bytes(item);
}
void getStrings(Reader &in, std::vector<std::string> &items)
{
    const std::uint32_t n = in.u32();
    for (std::uint32_t i = 0; i < n && !in.failed(); ++i)
        items.push_back(in.bytes());
}

void put(Writer &out, const RegisterSite &c)
{
    out.u32(c.participant);
    out.bytes(c.site);
    out.bytes(c.name);
    out.bytes(c.endpoint);
    putStrings(out, c.products);
}
void get(Reader &in, RegisterSite &c)
{
    c.participant = in.u32();
    c.site = in.bytes();
    c.name = in.bytes();
    c.endpoint = in.bytes();
    getStrings(in, c.products);
}

void put(Writer &out, const AssignSite &c)
{
    out.u64(c.contract);
    out.bytes(c.site);
}
void get(Reader &in, AssignSite &c)
{
    c.contract = in.u64();
    c.site = in.bytes();
}

void put(Writer &out, const ReportUsage &c)
{
    out.u64(c.contract);
    out.boolean(c.final);
    out.u32(std::uint32_t(c.hours.size()));
    for (const UsageHour &h : c.hours) {
        out.i64(h.start);
        out.bytes(h.vm);
        out.i64(h.instanceSeconds);
        out.i64(h.expectedSeconds);
        out.i64(h.availableSeconds);
    }
}
void get(Reader &in, ReportUsage &c)
{
    c.contract = in.u64();
    c.final = in.boolean();
    const std::uint32_t n = in.u32();
    for (std::uint32_t i = 0; i < n && !in.failed(); ++i) {
        UsageHour &h = c.hours.emplace_back();
        h.start = in.i64();
        h.vm = in.bytes();
        h.instanceSeconds = in.i64();
        h.expectedSeconds = in.i64();
        h.availableSeconds = in.i64();
    }
}

void put(Writer &out, const SettleContract &c)
{
    out.u64(c.contract);
    out.boolean(c.estimated);
    out.i64(c.seconds);
    out.i64(c.gross);
    out.u32(std::uint32_t(c.availabilityBasisPoints));
    out.u32(std::uint32_t(c.creditPercent));
    out.i64(c.credit);
    out.i64(c.net);
}
void get(Reader &in, SettleContract &c)
{
    c.contract = in.u64();
    c.estimated = in.boolean();
    c.seconds = in.i64();
    c.gross = in.i64();
    c.availabilityBasisPoints = std::int32_t(in.u32());
    c.creditPercent = std::int32_t(in.u32());
    c.credit = in.i64();
    c.net = in.i64();
}

// NewOrder with the user who placed it: a layout of its own under a tag after the variant's,
// so that orders without a user (and journals written before users travelled here) keep
// the first layout.
constexpr std::uint8_t kNewOrderWithUserTag = 0x81;
static_assert(std::variant_size_v<Command> < kNewOrderWithUserTag);

template<std::size_t I = 0> bool decodeAt(std::size_t index, Reader &in, Command &command)
{
    if constexpr (I < std::variant_size_v<Command>) {
        if (index == I) {
            std::variant_alternative_t<I, Command> c;
            get(in, c);
            command = std::move(c);
            return true;
        }
        return decodeAt<I + 1>(index, in, command);
    }
    return false;
}
} // namespace

void encode(const Command &command, Writer &out)
{
    if (const auto *add = std::get_if<AddParticipant>(&command)) {
        out.u8(kAddParticipantWithLimitsTag);
        putWithLimits(out, *add);
        return;
    }
    if (const auto *order = std::get_if<NewOrder>(&command); order && !order->user.empty()) {
        out.u8(kNewOrderWithUserTag);
        put(out, *order);
        out.bytes(order->user);
        return;
    }
    out.u8(std::uint8_t(command.index()));
    std::visit([&](const auto &c) { put(out, c); }, command);
}

bool decode(Reader &in, Command &command)
{
    const std::uint8_t tag = in.u8();
    if (!in.failed() && tag == kAddParticipantWithLimitsTag) {
        AddParticipant c;
        getWithLimits(in, c);
        command = std::move(c);
        return !in.failed();
    }
    if (!in.failed() && tag == kNewOrderWithUserTag) {
        NewOrder c;
        get(in, c);
        c.user = in.bytes();
        command = std::move(c);
        return !in.failed();
    }
    return !in.failed() && decodeAt(tag, in, command) && !in.failed();
}

} // namespace cloudex::market
