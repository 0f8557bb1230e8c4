#include "exchange/apiconvert.h"

#include "catalogue/deliveryperiod.h"

namespace cloudex::exchange {

// The enumerations that count alike on both sides are converted by value.
static_assert(int(market::Side::Sell) == int(api::Side::Sell));
static_assert(int(market::OrderType::Market) == int(api::OrderType::Market));
static_assert(int(market::TimeInForce::GoodTillDate) == int(api::TimeInForce::GoodTillDate) &&
              int(market::TimeInForce::FillOrKill) == int(api::TimeInForce::FillOrKill));
static_assert(int(market::ContractState::Terminated) == int(api::ContractState::Terminated));
static_assert(int(market::Resolution::Day1) == int(api::Resolution::Day1));
static_assert(int(market::OrderEvent::Kind::Replaced) == int(api::OrderEventKind::Replaced));

market::Side toMarket(api::Side side)
{
    return market::Side(int(side));
}

api::Side toApi(market::Side side)
{
    return api::Side(int(side));
}

market::OrderType toMarket(api::OrderType type)
{
    return market::OrderType(int(type));
}

market::TimeInForce toMarket(api::TimeInForce timeInForce)
{
    return market::TimeInForce(int(timeInForce));
}

market::Role toMarket(api::Role role)
{
    switch (role) {
    case api::Role::Buyer:
        return market::Role::Buyer;
    case api::Role::Seller:
        return market::Role::Seller;
    case api::Role::Both:
        break;
    }
    return market::Role::Both;
}

api::ContractState toApi(market::ContractState state)
{
    return api::ContractState(int(state));
}

market::Resolution toMarket(api::Resolution resolution)
{
    return market::Resolution(int(resolution));
}

api::Resolution toApi(market::Resolution resolution)
{
    return api::Resolution(int(resolution));
}

api::OrderEventKind toApi(market::OrderEvent::Kind kind)
{
    return api::OrderEventKind(int(kind));
}

market::OrderRequest toMarket(const api::OrderRequest &order)
{
    market::OrderRequest out;
    out.symbol = order.symbol;
    out.side = toMarket(order.side);
    out.type = toMarket(order.type);
    out.timeInForce = toMarket(order.timeInForce);
    out.postOnly = order.postOnly;
    out.priceTicks = order.price.value_or(0);
    out.quantity = order.quantity;
    out.expirySecs = order.expiry.value_or(0);
    out.clientOrderId = order.clientOrderId;
    if (order.requirements) {
        out.requirements = {order.requirements->jurisdictions, order.requirements->certifications,
                            order.requirements->metadataPolicies};
    }
    return out;
}

api::Instrument toApi(const market::InstrumentInfo &info)
{
    return {info.symbol,          info.productSymbol,   QString(catalogue::periodKindLetter(info.kind)),
            info.deliveryStartSecs, info.deliveryEndSecs, info.lotSize,
            info.bandLowTicks,    info.bandHighTicks};
}

api::Order toApi(const market::OrderInfo &info)
{
    return {qint64(info.id), info.symbol, toApi(info.side), info.priceTicks, info.remaining, info.clientOrderId};
}

api::OrderPreview toApi(const market::PreviewInfo &info)
{
    api::OrderPreview out;
    out.symbol = info.symbol;
    out.time = info.timeSecs;
    out.quantity = info.quantity;
    out.fillQuantity = info.fillQuantity;
    out.averagePrice = info.averagePriceTicks;
    out.worstPrice = info.worstPriceTicks;
    out.notional = info.notional;
    for (const auto &[reason, quantity] : info.skipped)
        out.skipped.append({reason, quantity});
    out.refusal = info.refusal.code;
    out.refusalMessage = info.refusal.message;
    return out;
}

api::Trade toApi(const market::TradeInfo &info)
{
    return {qint64(info.id),  qint64(info.eventSeq),    info.symbol, info.priceTicks,
            info.quantity,    toApi(info.aggressor), info.timeSecs};
}

api::Fill toApi(const market::FillInfo &info)
{
    return {toApi(info.trade), toApi(info.side), info.counterparty, qint64(info.orderId),
            market::Exchange::contractCode(info.trade.contract)};
}

api::Contract toApi(const market::ContractInfo &info)
{
    api::Contract out;
    out.id = market::Exchange::contractCode(info.id);
    out.trade = qint64(info.trade);
    out.symbol = info.symbol;
    out.product = info.productSymbol;
    out.buyer = info.buyer;
    out.seller = info.seller;
    out.quantity = info.quantity;
    out.price = info.priceTicks;
    out.deliveryStart = info.startSecs;
    out.deliveryEnd = info.endSecs;
    out.state = toApi(info.state);
    out.sla.slaClass = catalogue::slaClassCode(info.sla.slaClass);
    out.sla.availabilityBasisPoints = info.sla.availabilityBasisPoints;
    out.sla.supportResponseMinutes = info.sla.supportResponseMinutes;
    out.sla.nextBusinessDaySupport = info.sla.nextBusinessDaySupport;
    for (const catalogue::ServiceCredit &credit : info.sla.credits)
        out.sla.credits.append(api::ServiceCredit{credit.belowBasisPoints, credit.creditPercent});
    out.governingLaw = info.governingLaw;
    out.legalTermsVersion = info.legalTermsVersion;
    if (!info.siteId.isEmpty())
        out.site = api::ContractSite{info.siteId, info.siteName, info.siteEndpoint};
    if (info.state == market::ContractState::Terminated)
        out.terminatedAt = info.terminatedAtSecs;
    out.terminationReason = info.terminationReason;
    return out;
}

api::Site toApi(const market::SiteInfo &info)
{
    return {info.id, info.participant, info.name, info.endpoint, info.products, info.registeredSecs};
}

api::Settlement toApi(const market::SettlementInfo &info)
{
    constexpr qint64 kSecsPerHour = 3600;
    api::Settlement out;
    out.contractId = market::Exchange::contractCode(info.contract);
    out.buyer = info.buyer;
    out.seller = info.seller;
    out.state = info.estimated ? api::SettlementState::Estimated : api::SettlementState::Final;
    out.hours = (info.seconds + kSecsPerHour - 1) / kSecsPerHour;
    out.seconds = info.seconds;
    out.quantity = info.quantity;
    out.price = info.priceTicks;
    out.gross = info.gross;
    out.availabilityBasisPoints = info.availabilityBasisPoints;
    out.creditPercent = info.creditPercent;
    out.credit = info.credit;
    out.net = info.net;
    out.settledAt = info.settledAtSecs;
    return out;
}

market::UsageHourInfo toMarket(const api::UsageHour &hour)
{
    return {hour.start, hour.vm, hour.instanceSeconds, hour.expectedSeconds, hour.availableSeconds};
}

namespace {
QList<api::BookLevel> levels(const std::vector<market::DepthLevel> &side)
{
    QList<api::BookLevel> out;
    out.reserve(qsizetype(side.size()));
    for (const market::DepthLevel &level : side)
        out.append({qint64(level.price), qint64(level.quantity), int(level.orders)});
    return out;
}
} // namespace

api::Book toApi(const QString &symbol, const market::Depth &depth)
{
    return {symbol, qint64(depth.eventSeq), levels(depth.bids), levels(depth.asks)};
}

api::Candle toApi(const market::Candle &candle)
{
    return {qint64(candle.start), qint64(candle.open),  qint64(candle.high),
            qint64(candle.low),   qint64(candle.close), qint64(candle.volume)};
}

api::CurvePoint toApi(const market::CurvePoint &point)
{
    return {point.symbol,        QString(catalogue::periodKindLetter(point.kind)), point.startSecs,
            point.lastPriceTicks, point.bestBidTicks,                              point.bestAskTicks};
}

api::Certificate toApi(const pki::IssuedCertificate &certificate)
{
    // The API speaks whole seconds.
    constexpr qint64 kMsPerSec = 1000;
    return {certificate.serial, QString::fromLatin1(certificate.pem()), certificate.notBeforeMs / kMsPerSec,
            certificate.notAfterMs / kMsPerSec, certificate.contractId};
}

api::OrderEvent toApi(const market::OrderEvent &event)
{
    return {toApi(event.kind), toApi(event.order), event.reason};
}

} // namespace cloudex::exchange
