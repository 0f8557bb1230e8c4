#pragma once

#include "api/enums.h"
#include "api/instrument.h"
#include "api/orderrequest.h"
#include "core/result.h"

namespace cloudex::desk {

/// The desk's checks of an order before it leaves, so a trader hears at once what the
/// exchange would refuse: a limit price above zero and within the instrument's band, a
/// quantity above zero and in whole lots, a market order only immediate-or-cancel or
/// fill-or-kill, a good-till-date expiry in the future. The exchange checks all of it again;
/// these rules only spare the round trip. Error codes are the engine's (`order.bad-lot`, …),
/// messages are for people; `field` names the order's field.
class OrderRules final
{
public:
    /// Whether an order of `type` carries a price (and may be post-only).
    static bool takesPrice(api::OrderType type) { return type == api::OrderType::Limit; }
    /// Whether an order with `timeInForce` carries an expiry.
    static bool takesExpiry(api::TimeInForce timeInForce) { return timeInForce == api::TimeInForce::GoodTillDate; }
    /// The times in force an order of `type` may have.
    static bool allows(api::OrderType type, api::TimeInForce timeInForce);

    /// Checks `order` against `instrument` (nullptr: not known yet, so band and lot size are
    /// not checked) at `nowSecs` (Unix seconds).
    static Result<void> check(const api::OrderRequest &order, const api::Instrument *instrument, qint64 nowSecs);

    /// `order` as it goes on the wire: no price unless it takes one, no expiry unless it
    /// takes one, post-only only with a price, no empty requirements.
    static api::OrderRequest normalized(api::OrderRequest order);
};

} // namespace cloudex::desk
