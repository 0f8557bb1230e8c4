#include "exchange/orderscontroller.h"

#include "api/orderchange.h"
#include "api/orderrequest.h"
#include "api/parse.h"
#include "exchange/apiconvert.h"
#include "exchange/exchangejson.h"
#include "exchange/routehelpers.h"
#include "market/exchange.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QStringDecoder>

namespace cloudex::exchange {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Exchange)
};

using net::ApiProblem;
using net::ApiReply;
using net::ApiRequest;
using namespace routes;

/// The participant's open order `id`. Unknown and foreign orders are refused here, before
/// the engine journals anything, and alike, so nobody learns of others' order ids.
std::optional<market::OrderInfo> ownOrder(const market::Exchange &exchange, const QString &participant,
                                          quint64 id)
{
    for (const market::OrderInfo &info : exchange.openOrders(participant)) {
        if (info.id == id)
            return info;
    }
    return std::nullopt;
}

ApiProblem unknownOrder()
{
    return ApiProblem::fromError(422, {QString::fromLatin1(market::reasonCode(market::Reason::UnknownOrder)),
                                       market::Exchange::messageFor(market::Reason::UnknownOrder)});
}
} // namespace

void OrdersController::addRoutes(net::ApiServer &api)
{
    const QString orders = QStringLiteral("/v1/orders");
    const QString order = QStringLiteral("/v1/orders/{id}");
    api.route(QStringLiteral("GET"), orders, bind(this, &OrdersController::getOrders), kPermissionTrade);
    api.route(QStringLiteral("POST"), orders, bind(this, &OrdersController::postOrder), kPermissionTrade);
    // Before /v1/orders/{id}: the first route that matches takes the request.
    api.route(QStringLiteral("POST"), QStringLiteral("/v1/orders/preview"),
              bind(this, &OrdersController::postPreview), kPermissionTrade);
    api.route(QStringLiteral("PATCH"), order, bind(this, &OrdersController::patchOrder), kPermissionTrade);
    api.route(QStringLiteral("DELETE"), order, bind(this, &OrdersController::deleteOrder), kPermissionTrade);
    api.route(QStringLiteral("GET"), QStringLiteral("/v1/fills"), bind(this, &OrdersController::getFills),
              kPermissionTrade);
}

void OrdersController::getOrders(const ApiRequest &request, ApiReply reply)
{
    reply.send(200,
               QJsonObject{{QStringLiteral("orders"),
                            json::array(m_exchange.openOrders(request.identity.participant), json::order)}});
}

/// The body of POST /v1/orders (and of its preview) as the engine's order, or the problem
/// that refuses it before the engine.
static std::optional<ApiProblem> parseOrder(const ApiRequest &request, market::OrderRequest &order)
{
    auto parsed = api::parseRequest<api::OrderRequest>(request.body);
    if (!parsed)
        return badRequest(parsed.error());
    // A market order takes whatever the book offers within the band; a price would read as a
    // limit it does not have, so it is refused (before the engine: nothing is journaled).
    if (parsed->type == api::OrderType::Market && parsed->price) {
        ApiProblem problem = ApiProblem::fromError(
            422, {QStringLiteral("order.market-with-price"),
                  Tr::tr("A market order has no price; send a limit order with time in force ioc to trade "
                         "at once up to a price.")});
        problem.extensions.insert(QStringLiteral("field"), QStringLiteral("price"));
        return problem;
    }
    order = toMarket(parsed.value());
    return std::nullopt;
}

void OrdersController::postPreview(const ApiRequest &request, ApiReply reply)
{
    market::OrderRequest order;
    if (std::optional<ApiProblem> problem = parseOrder(request, order))
        return reply.sendProblem(*problem);
    // The handler runs on the exchange's thread, like every read route: the engine is
    // walked in place, between two commands.
    const Result<market::PreviewInfo> preview = m_exchange.preview(request.identity.participant, order);
    if (!preview)
        return reply.sendProblem(ApiProblem::fromError(422, preview.error()));
    reply.send(200, toApi(preview.value()).toJson());
}

void OrdersController::postOrder(const ApiRequest &request, ApiReply reply)
{
    market::OrderRequest order;
    if (std::optional<ApiProblem> problem = parseOrder(request, order))
        return reply.sendProblem(*problem);
    if (order.clientOrderId.isEmpty()) {
        // The header's bytes as UTF-8, exactly: malformed UTF-8 would fold distinct keys.
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        order.clientOrderId = utf8(request.header("idempotency-key"));
        if (utf8.hasError())
            return reply.sendProblem(
                ApiProblem::badRequest(QStringLiteral("request.bad-idempotency-key"),
                                       Tr::tr("The Idempotency-Key header is not UTF-8.")));
    }
    if (breaksUserLimits(request, reply, order.quantity,
                         notional(order.symbol, order.type == market::OrderType::Limit ? order.priceTicks : 0,
                                  order.quantity)))
        return;
    // The user travels with the order into the journal and the book, so that the per-user
    // open notional counts it after a restart too.
    order.user = request.identity.name;
    m_exchange.submitOrder(request.identity.participant, order,
                           [reply](const market::Ack &ack) mutable { answerAck(reply, ack, 201); });
}

qint64 OrdersController::notional(const QString &symbol, qint64 priceTicks, qint64 quantity) const
{
    for (const market::InstrumentInfo &instrument : m_exchange.instruments()) {
        if (instrument.symbol != symbol)
            continue;
        const qint64 hours =
            std::max<qint64>(1, (instrument.deliveryEndSecs - instrument.deliveryStartSecs) / 3600);
        // A market order is valued at the band edge, as the engine does.
        const qint64 price = priceTicks > 0 ? priceTicks : instrument.bandHighTicks;
        return price * quantity * hours;
    }
    return 0;
}

bool OrdersController::breaksUserLimits(const ApiRequest &request, ApiReply &reply, qint64 quantity,
                                        qint64 added, quint64 except) const
{
    if (!m_userLimits)
        return false;
    const pki::UserLimits limits = m_userLimits(request.identity.participant, request.identity.name);
    if (limits.maxOrderQuantity && quantity > *limits.maxOrderQuantity) {
        reply.sendProblem(
            ApiProblem::fromError(422, {QStringLiteral("risk.user-max-order-size"),
                                        Tr::tr("Your organisation allows you at most %1 instances per order.")
                                            .arg(*limits.maxOrderQuantity),
                                        QStringLiteral("quantity")}));
        return true;
    }
    if (limits.maxOpenNotional) {
        qint64 open = added;
        for (const market::OrderInfo &info : m_exchange.openOrders(request.identity.participant)) {
            if (info.id != except && info.user == request.identity.name)
                open += notional(info.symbol, info.priceTicks, info.remaining);
        }
        if (open > *limits.maxOpenNotional) {
            reply.sendProblem(ApiProblem::fromError(
                422,
                {QStringLiteral("risk.user-max-open-notional"),
                 Tr::tr(
                     "Your organisation allows you open orders worth at most %1 ticks × instances × hours.")
                     .arg(*limits.maxOpenNotional)}));
            return true;
        }
    }
    return false;
}

void OrdersController::patchOrder(const ApiRequest &request, ApiReply reply)
{
    bool isNumber = false;
    const quint64 id = request.params.value(QStringLiteral("id")).toULongLong(&isNumber);
    if (!isNumber)
        return reply.sendProblem(ApiProblem::notFound(
            Tr::tr("There is no order %1.").arg(request.params.value(QStringLiteral("id")))));
    auto change = api::parseRequest<api::OrderChange>(request.body);
    if (!change)
        return reply.sendProblem(badRequest(change.error()));
    const auto current = ownOrder(m_exchange, request.identity.participant, id);
    if (!current)
        return reply.sendProblem(unknownOrder());
    // A field left out keeps the order's current value.
    const qint64 price = change->price.value_or(current->priceTicks);
    const qint64 quantity = change->quantity.value_or(current->remaining);
    if (breaksUserLimits(request, reply, quantity, notional(current->symbol, price, quantity), id))
        return;
    m_exchange.replaceOrder(request.identity.participant, id, price, quantity,
                            [reply](const market::Ack &ack) mutable { answerAck(reply, ack, 200); });
}

void OrdersController::deleteOrder(const ApiRequest &request, ApiReply reply)
{
    bool isNumber = false;
    const quint64 id = request.params.value(QStringLiteral("id")).toULongLong(&isNumber);
    if (!isNumber)
        return reply.sendProblem(ApiProblem::notFound(
            Tr::tr("There is no order %1.").arg(request.params.value(QStringLiteral("id")))));
    if (!request.body.isEmpty())
        return reply.sendProblem(ApiProblem::badRequest(QStringLiteral("request.unknown-field"),
                                                        Tr::tr("This request takes no body.")));
    if (!ownOrder(m_exchange, request.identity.participant, id))
        return reply.sendProblem(unknownOrder());
    m_exchange.cancelOrder(request.identity.participant, id,
                           [reply](const market::Ack &ack) mutable { answerAck(reply, ack, 200); });
}

void OrdersController::getFills(const ApiRequest &request, ApiReply reply)
{
    reply.send(200, QJsonObject{{QStringLiteral("fills"),
                                 json::array(m_exchange.fills(request.identity.participant), json::fill)}});
}
} // namespace cloudex::exchange
