#include "exchange/exchangejson.h"

#include "catalogue/deliveryperiod.h"
#include "net/jsonwriter.h"

#include <QJsonDocument>
#include <QStringList>

namespace cloudex::exchange::json {

using namespace Qt::StringLiterals;

namespace {
const QStringList kResolutions{QStringLiteral("1m"), QStringLiteral("5m"), QStringLiteral("1h"),
                               QStringLiteral("1d")};

QJsonArray levels(const std::vector<market::DepthLevel> &side)
{
    QJsonArray out;
    for (const market::DepthLevel &level : side) {
        out.append(QJsonObject{{QStringLiteral("price"), qint64(level.price)},
                               {QStringLiteral("quantity"), qint64(level.quantity)},
                               {QStringLiteral("orders"), qint64(level.orders)}});
    }
    return out;
}
} // namespace

QString sideName(market::Side side)
{
    return side == market::Side::Buy ? QStringLiteral("buy") : QStringLiteral("sell");
}

std::optional<market::Side> sideFrom(const QString &name)
{
    if (name == u"buy")
        return market::Side::Buy;
    if (name == u"sell")
        return market::Side::Sell;
    return std::nullopt;
}

std::optional<market::OrderType> orderTypeFrom(const QString &name)
{
    if (name == u"limit")
        return market::OrderType::Limit;
    if (name == u"market")
        return market::OrderType::Market;
    return std::nullopt;
}

std::optional<market::TimeInForce> timeInForceFrom(const QString &name)
{
    if (name == u"gtc")
        return market::TimeInForce::GoodTillCancel;
    if (name == u"gtd")
        return market::TimeInForce::GoodTillDate;
    if (name == u"ioc")
        return market::TimeInForce::ImmediateOrCancel;
    if (name == u"fok")
        return market::TimeInForce::FillOrKill;
    return std::nullopt;
}

std::optional<market::Role> roleFrom(const QString &name)
{
    if (name == u"buyer")
        return market::Role::Buyer;
    if (name == u"seller")
        return market::Role::Seller;
    if (name == u"both")
        return market::Role::Both;
    return std::nullopt;
}

QString contractStateName(market::ContractState state)
{
    switch (state) {
    case market::ContractState::Scheduled:
        return QStringLiteral("scheduled");
    case market::ContractState::Active:
        return QStringLiteral("active");
    case market::ContractState::Expired:
        return QStringLiteral("expired");
    case market::ContractState::Terminated:
        return QStringLiteral("terminated");
    }
    return {};
}

QString resolutionName(market::Resolution resolution)
{
    return kResolutions.value(int(resolution));
}

std::optional<market::Resolution> resolutionFrom(const QString &name)
{
    const qsizetype i = kResolutions.indexOf(name);
    if (i < 0)
        return std::nullopt;
    return market::Resolution(i);
}

QString orderEventName(market::OrderEvent::Kind kind)
{
    switch (kind) {
    case market::OrderEvent::Kind::Accepted:
        return QStringLiteral("accepted");
    case market::OrderEvent::Kind::Filled:
        return QStringLiteral("filled");
    case market::OrderEvent::Kind::Cancelled:
        return QStringLiteral("cancelled");
    case market::OrderEvent::Kind::Replaced:
        return QStringLiteral("replaced");
    }
    return {};
}

QJsonObject instrument(const market::InstrumentInfo &info)
{
    return {{QStringLiteral("symbol"), info.symbol},
            {QStringLiteral("product"), info.productSymbol},
            {QStringLiteral("kind"), QString(catalogue::periodKindLetter(info.kind))},
            {QStringLiteral("deliveryStart"), info.deliveryStartSecs},
            {QStringLiteral("deliveryEnd"), info.deliveryEndSecs},
            {QStringLiteral("lotSize"), info.lotSize},
            {QStringLiteral("bandLow"), info.bandLowTicks},
            {QStringLiteral("bandHigh"), info.bandHighTicks}};
}

QJsonObject order(const market::OrderInfo &info)
{
    return {
        {QStringLiteral("id"), qint64(info.id)},       {QStringLiteral("symbol"), info.symbol},
        {QStringLiteral("side"), sideName(info.side)}, {QStringLiteral("price"), info.priceTicks},
        {QStringLiteral("remaining"), info.remaining}, {QStringLiteral("clientOrderId"), info.clientOrderId}};
}

QJsonObject trade(const market::TradeInfo &info)
{
    return {
        {QStringLiteral("id"), qint64(info.id)},     {QStringLiteral("seq"), qint64(info.eventSeq)},
        {QStringLiteral("symbol"), info.symbol},     {QStringLiteral("price"), info.priceTicks},
        {QStringLiteral("quantity"), info.quantity}, {QStringLiteral("aggressor"), sideName(info.aggressor)},
        {QStringLiteral("time"), info.timeSecs}};
}

QJsonObject fill(const market::FillInfo &info)
{
    QJsonObject out = trade(info.trade);
    out.insert(QStringLiteral("side"), sideName(info.side));
    out.insert(QStringLiteral("counterparty"), info.counterparty);
    out.insert(QStringLiteral("orderId"), qint64(info.orderId));
    out.insert(QStringLiteral("contractId"), market::Exchange::contractCode(info.trade.contract));
    return out;
}

QByteArray ack(const market::Ack &ack)
{
    net::JsonWriter w;
    w.beginObject();
    w.key("seq"_L1).value(qint64(ack.commandSeq));
    w.key("accepted"_L1).value(ack.accepted);
    w.key("duplicate"_L1).value(ack.duplicate);
    w.key("trades"_L1).beginArray();
    // An order that trades is the rarer case; its trades read as on the tape.
    for (const market::TradeInfo &t : ack.trades)
        w.rawValue(QJsonDocument(trade(t)).toJson(QJsonDocument::Compact));
    w.endArray();
    if (ack.orderId)
        w.key("orderId"_L1).value(qint64(ack.orderId));
    w.endObject();
    return w.take();
}

QJsonObject contract(const market::ContractInfo &info)
{
    QJsonArray credits;
    for (const catalogue::ServiceCredit &credit : info.sla.credits) {
        credits.append(QJsonObject{{QStringLiteral("belowBasisPoints"), credit.belowBasisPoints},
                                   {QStringLiteral("creditPercent"), credit.creditPercent}});
    }
    const QJsonObject sla{{QStringLiteral("class"), catalogue::slaClassCode(info.sla.slaClass)},
                          {QStringLiteral("availabilityBasisPoints"), info.sla.availabilityBasisPoints},
                          {QStringLiteral("supportResponseMinutes"), info.sla.supportResponseMinutes},
                          {QStringLiteral("nextBusinessDaySupport"), info.sla.nextBusinessDaySupport},
                          {QStringLiteral("credits"), credits}};
    return {{QStringLiteral("id"), market::Exchange::contractCode(info.id)},
            {QStringLiteral("trade"), qint64(info.trade)},
            {QStringLiteral("symbol"), info.symbol},
            {QStringLiteral("product"), info.productSymbol},
            {QStringLiteral("buyer"), info.buyer},
            {QStringLiteral("seller"), info.seller},
            {QStringLiteral("quantity"), info.quantity},
            {QStringLiteral("price"), info.priceTicks},
            {QStringLiteral("deliveryStart"), info.startSecs},
            {QStringLiteral("deliveryEnd"), info.endSecs},
            {QStringLiteral("state"), contractStateName(info.state)},
            {QStringLiteral("sla"), sla},
            {QStringLiteral("governingLaw"), info.governingLaw},
            {QStringLiteral("legalTermsVersion"), info.legalTermsVersion}};
}

QJsonObject book(const QString &symbol, const market::Depth &depth)
{
    return {{QStringLiteral("symbol"), symbol},
            {QStringLiteral("seq"), qint64(depth.eventSeq)},
            {QStringLiteral("bids"), levels(depth.bids)},
            {QStringLiteral("asks"), levels(depth.asks)}};
}

QJsonObject candle(const market::Candle &candle)
{
    return {
        {QStringLiteral("start"), qint64(candle.start)}, {QStringLiteral("open"), qint64(candle.open)},
        {QStringLiteral("high"), qint64(candle.high)},   {QStringLiteral("low"), qint64(candle.low)},
        {QStringLiteral("close"), qint64(candle.close)}, {QStringLiteral("volume"), qint64(candle.volume)}};
}

QJsonObject curvePoint(const market::CurvePoint &point)
{
    return {{QStringLiteral("symbol"), point.symbol},
            {QStringLiteral("kind"), QString(catalogue::periodKindLetter(point.kind))},
            {QStringLiteral("deliveryStart"), point.startSecs},
            {QStringLiteral("last"), point.lastPriceTicks},
            {QStringLiteral("bid"), point.bestBidTicks},
            {QStringLiteral("ask"), point.bestAskTicks}};
}

QJsonObject certificate(const pki::IssuedCertificate &certificate)
{
    QJsonObject out{{QStringLiteral("serial"), certificate.serial},
                    {QStringLiteral("certificate"), QString::fromLatin1(certificate.pem())},
                    {QStringLiteral("notBefore"), certificate.notBeforeMs / 1000},
                    {QStringLiteral("notAfter"), certificate.notAfterMs / 1000}};
    if (!certificate.contractId.isEmpty())
        out.insert(QStringLiteral("contractId"), certificate.contractId);
    return out;
}

QJsonObject orderEvent(const market::OrderEvent &event)
{
    QJsonObject out{{QStringLiteral("event"), orderEventName(event.kind)},
                    {QStringLiteral("order"), order(event.order)}};
    if (!event.reason.isEmpty())
        out.insert(QStringLiteral("reason"), event.reason);
    return out;
}

} // namespace cloudex::exchange::json
