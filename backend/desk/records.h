#pragma once

#include "api/book.h"
#include "api/candle.h"
#include "api/contract.h"
#include "api/curvepoint.h"
#include "api/fill.h"
#include "api/instrument.h"
#include "api/order.h"
#include "api/trade.h"

/// The exchange's objects as the desk keeps them: the API's own types (backend/api), read
/// leniently from answers and stream messages (a field a newer server adds is ignored). The
/// names say what the desk holds; the definitions live once, in cloudex::api.
namespace cloudex::desk {

using InstrumentRecord = api::Instrument;
using BookLevel = api::BookLevel;
using BookRecord = api::Book;
using TradeRecord = api::Trade;
using FillRecord = api::Fill;
using CandleRecord = api::Candle;
using CurvePointRecord = api::CurvePoint;
using OrderRecord = api::Order;
using ContractRecord = api::Contract;

} // namespace cloudex::desk
