#pragma once

#include "market/exchange.h"
#include "pki/pkitypes.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

/// The JSON shapes of docs/API.md ("Objects"), one function per object, so that the routes
/// and the stream channels speak exactly the same language. Each is the api:: type's
/// toJson() of the market value (apiconvert.h); the wire names live in backend/api only.
namespace cloudex::exchange::json {

std::optional<market::Role> roleFrom(const QString &name);
QString resolutionName(market::Resolution resolution);
std::optional<market::Resolution> resolutionFrom(const QString &name);

QJsonObject instrument(const market::InstrumentInfo &info);
QJsonObject order(const market::OrderInfo &info);
QJsonObject trade(const market::TradeInfo &info);
QJsonObject fill(const market::FillInfo &info);
/// The body of an accepted command's answer, written directly (it is on every order's path);
/// tst_exchangeservice reads it back strictly as api::OrderAck.
QByteArray ack(const market::Ack &ack);
QJsonObject contract(const market::ContractInfo &info);
QJsonObject book(const QString &symbol, const market::Depth &depth);
QJsonObject candle(const market::Candle &candle);
QJsonObject curvePoint(const market::CurvePoint &point);
QJsonObject certificate(const pki::IssuedCertificate &certificate);
QJsonObject orderEvent(const market::OrderEvent &event);
QJsonObject site(const market::SiteInfo &info);
QJsonObject settlement(const market::SettlementInfo &info);

template<typename T, typename F> QJsonArray array(const QList<T> &items, F &&toJson)
{
    QJsonArray out;
    for (const T &item : items)
        out.append(toJson(item));
    return out;
}

} // namespace cloudex::exchange::json
