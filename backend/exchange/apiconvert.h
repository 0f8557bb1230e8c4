#pragma once

#include "api/book.h"
#include "api/candle.h"
#include "api/certificate.h"
#include "api/contract.h"
#include "api/curvepoint.h"
#include "api/fill.h"
#include "api/instrument.h"
#include "api/order.h"
#include "api/orderevent.h"
#include "api/orderpreview.h"
#include "api/orderrequest.h"
#include "api/settlement.h"
#include "api/site.h"
#include "api/trade.h"
#include "api/usage.h"
#include "market/exchange.h"
#include "pki/pkitypes.h"

/// Between the API's wire types (cloudex::api) and the exchange's own (cloudex::market,
/// cloudex::pki): the only place the server maps one onto the other.
namespace cloudex::exchange {

market::Side toMarket(api::Side side);
api::Side toApi(market::Side side);
market::OrderType toMarket(api::OrderType type);
market::TimeInForce toMarket(api::TimeInForce timeInForce);
market::Role toMarket(api::Role role);
api::ContractState toApi(market::ContractState state);
market::Resolution toMarket(api::Resolution resolution);
api::Resolution toApi(market::Resolution resolution);
api::OrderEventKind toApi(market::OrderEvent::Kind kind);

/// The engine's order; the client order id stays empty when the body has none (the route
/// falls back to the Idempotency-Key).
market::OrderRequest toMarket(const api::OrderRequest &order);

api::Instrument toApi(const market::InstrumentInfo &info);
api::Order toApi(const market::OrderInfo &info);
api::OrderPreview toApi(const market::PreviewInfo &info);
api::Trade toApi(const market::TradeInfo &info);
api::Fill toApi(const market::FillInfo &info);
api::Contract toApi(const market::ContractInfo &info);
api::Book toApi(const QString &symbol, const market::Depth &depth);
api::Candle toApi(const market::Candle &candle);
api::CurvePoint toApi(const market::CurvePoint &point);
api::Certificate toApi(const pki::IssuedCertificate &certificate);
api::OrderEvent toApi(const market::OrderEvent &event);
api::Site toApi(const market::SiteInfo &info);
api::Settlement toApi(const market::SettlementInfo &info);
market::UsageHourInfo toMarket(const api::UsageHour &hour);

} // namespace cloudex::exchange
