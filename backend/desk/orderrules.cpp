#include "desk/orderrules.h"

#include "desk/price.h"

#include <QCoreApplication>

namespace cloudex::desk {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Desk)
};

Error refusal(const char *code, const QString &message, const char *field)
{
    return Error{QString::fromLatin1(code), message, QString::fromLatin1(field)};
}
} // namespace

bool OrderRules::allows(api::OrderType type, api::TimeInForce timeInForce)
{
    // A market order executes at once or not at all: nothing of it may rest.
    return type == api::OrderType::Limit || timeInForce == api::TimeInForce::ImmediateOrCancel ||
           timeInForce == api::TimeInForce::FillOrKill;
}

Result<void> OrderRules::check(const api::OrderRequest &order, const api::Instrument *instrument, qint64 nowSecs)
{
    if (takesPrice(order.type)) {
        const qint64 price = order.price.value_or(0);
        if (price <= 0)
            return refusal("order.bad-price", Tr::tr("The price must be above zero."), "price");
        // An instrument without a band (bandHigh 0) takes any price.
        if (instrument && instrument->bandHigh > 0 && (price < instrument->bandLow || price > instrument->bandHigh)) {
            return refusal("order.price-outside-band",
                           Tr::tr("The price must lie within the instrument's band, %1 to %2 EUR.")
                               .arg(formatPriceTicks(instrument->bandLow), formatPriceTicks(instrument->bandHigh)),
                           "price");
        }
    } else if (!allows(order.type, order.timeInForce)) {
        return refusal("order.invalid-type",
                       Tr::tr("A market order executes at once: choose immediate or cancel, or fill or kill."),
                       "timeInForce");
    }
    if (order.quantity <= 0)
        return refusal("order.bad-quantity", Tr::tr("The quantity must be above zero."), "quantity");
    if (instrument && instrument->lotSize > 1 && order.quantity % instrument->lotSize != 0) {
        return refusal("order.bad-lot",
                       Tr::tr("The quantity must be a multiple of the lot size, %1.").arg(instrument->lotSize),
                       "quantity");
    }
    if (takesExpiry(order.timeInForce) && order.expiry.value_or(0) <= nowSecs)
        return refusal("order.bad-expiry", Tr::tr("The expiry must lie in the future."), "expiry");
    return {};
}

api::OrderRequest OrderRules::normalized(api::OrderRequest order)
{
    if (!takesPrice(order.type)) {
        order.price.reset();
        order.postOnly = false;
    }
    if (!takesExpiry(order.timeInForce))
        order.expiry.reset();
    if (order.requirements && order.requirements->jurisdictions.isEmpty() &&
        order.requirements->certifications.isEmpty() && order.requirements->metadataPolicies.isEmpty()) {
        order.requirements.reset();
    }
    return order;
}

} // namespace cloudex::desk
