#include "exchange/exchangejson.h"

#include "exchange/apiconvert.h"
#include "net/jsonwriter.h"

#include <QJsonDocument>

namespace cloudex::exchange::json {

using namespace Qt::StringLiterals;

namespace {
/// The market value of an API enumeration's wire name.
template<typename Market, api::WireEnum Api>
std::optional<Market> fromWireAs(const QString &name)
{
    const std::optional<Api> value = api::fromWire<Api>(name);
    if (!value)
        return std::nullopt;
    return toMarket(*value);
}
} // namespace

std::optional<market::Role> roleFrom(const QString &name)
{
    return fromWireAs<market::Role, api::Role>(name);
}

QString resolutionName(market::Resolution resolution)
{
    return api::toWire(toApi(resolution));
}

std::optional<market::Resolution> resolutionFrom(const QString &name)
{
    return fromWireAs<market::Resolution, api::Resolution>(name);
}

QJsonObject instrument(const market::InstrumentInfo &info)
{
    return toApi(info).toJson();
}

QJsonObject order(const market::OrderInfo &info)
{
    return toApi(info).toJson();
}

QJsonObject trade(const market::TradeInfo &info)
{
    return toApi(info).toJson();
}

QJsonObject fill(const market::FillInfo &info)
{
    return toApi(info).toJson();
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
    return toApi(info).toJson();
}

QJsonObject book(const QString &symbol, const market::Depth &depth)
{
    return toApi(symbol, depth).toJson();
}

QJsonObject candle(const market::Candle &candle)
{
    return toApi(candle).toJson();
}

QJsonObject curvePoint(const market::CurvePoint &point)
{
    return toApi(point).toJson();
}

QJsonObject certificate(const pki::IssuedCertificate &certificate)
{
    return toApi(certificate).toJson();
}

QJsonObject orderEvent(const market::OrderEvent &event)
{
    return toApi(event).toJson();
}

QJsonObject site(const market::SiteInfo &info)
{
    return toApi(info).toJson();
}

QJsonObject settlement(const market::SettlementInfo &info)
{
    return toApi(info).toJson();
}

} // namespace cloudex::exchange::json
