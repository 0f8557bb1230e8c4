#include "exchange/orderscontroller.h"

#include "exchange/exchangejson.h"
#include "exchange/routehelpers.h"
#include "market/exchange.h"
#include "net/jsonfields.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace cloudex::exchange {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Exchange)
};

using net::ApiProblem;
using net::ApiReply;
using net::ApiRequest;
using net::JsonType;
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

void OrdersController::postOrder(const ApiRequest &request, ApiReply reply)
{
    auto body = net::parseJsonObject(request.body);
    if (!body)
        return reply.sendProblem(badRequest(body.error()));
    enum Field {
        Symbol,
        Side,
        Type,
        TimeInForce,
        Price,
        Quantity,
        Expiry,
        PostOnly,
        ClientOrderId,
        Requirements
    };
    auto read = net::readFields(body.value(), {{QStringLiteral("symbol"), JsonType::String},
                                               {QStringLiteral("side"), JsonType::String},
                                               {QStringLiteral("type"), JsonType::String},
                                               {QStringLiteral("timeInForce"), JsonType::String},
                                               {QStringLiteral("price"), JsonType::Integer, false},
                                               {QStringLiteral("quantity"), JsonType::Integer},
                                               {QStringLiteral("expiry"), JsonType::Integer, false},
                                               {QStringLiteral("postOnly"), JsonType::Boolean, false},
                                               {QStringLiteral("clientOrderId"), JsonType::String, false},
                                               {QStringLiteral("requirements"), JsonType::Object, false}});
    if (!read)
        return reply.sendProblem(badRequest(read.error()));
    const net::JsonFieldValues &v = read.value();
    market::OrderRequest order;
    order.symbol = v[Symbol].toString();
    const auto side = json::sideFrom(v[Side].toString());
    if (!side)
        return reply.sendProblem(wrongValue(QStringLiteral("side"), QStringLiteral("buy, sell")));
    const auto type = json::orderTypeFrom(v[Type].toString());
    if (!type)
        return reply.sendProblem(wrongValue(QStringLiteral("type"), QStringLiteral("limit, market")));
    const auto tif = json::timeInForceFrom(v[TimeInForce].toString());
    if (!tif)
        return reply.sendProblem(
            wrongValue(QStringLiteral("timeInForce"), QStringLiteral("gtc, gtd, ioc, fok")));
    order.side = *side;
    order.type = *type;
    order.timeInForce = *tif;
    order.priceTicks = v[Price].toInteger();
    order.quantity = v[Quantity].toInteger();
    order.expirySecs = v[Expiry].toInteger();
    order.postOnly = v[PostOnly].toBool();
    order.clientOrderId = v[ClientOrderId].toString();
    if (order.clientOrderId.isEmpty())
        order.clientOrderId = QString::fromLatin1(request.header("idempotency-key"));
    if (!v[Requirements].isUndefined()) {
        const QJsonObject r = v[Requirements].toObject();
        auto fields = net::checkFields(r, {{QStringLiteral("jurisdictions"), JsonType::Array, false},
                                           {QStringLiteral("certifications"), JsonType::Array, false},
                                           {QStringLiteral("metadataPolicies"), JsonType::Array, false}});
        if (!fields)
            return reply.sendProblem(badRequest(fields.error()));
        const auto jurisdictions = stringList(r.value(QStringLiteral("jurisdictions")));
        const auto certifications = stringList(r.value(QStringLiteral("certifications")));
        const auto policies = stringList(r.value(QStringLiteral("metadataPolicies")));
        if (!jurisdictions)
            return reply.sendProblem(notAStringList(QStringLiteral("jurisdictions")));
        if (!certifications)
            return reply.sendProblem(notAStringList(QStringLiteral("certifications")));
        if (!policies)
            return reply.sendProblem(notAStringList(QStringLiteral("metadataPolicies")));
        order.requirements = {*jurisdictions, *certifications, *policies};
    }
    m_exchange.submitOrder(request.identity.participant, order,
                           [reply](const market::Ack &ack) mutable { answerAck(reply, ack, 201); });
}

void OrdersController::patchOrder(const ApiRequest &request, ApiReply reply)
{
    bool isNumber = false;
    const quint64 id = request.params.value(QStringLiteral("id")).toULongLong(&isNumber);
    if (!isNumber)
        return reply.sendProblem(ApiProblem::notFound(
            Tr::tr("There is no order %1.").arg(request.params.value(QStringLiteral("id")))));
    auto body = net::parseJsonObject(request.body);
    if (!body)
        return reply.sendProblem(badRequest(body.error()));
    auto checked = net::checkFields(body.value(), {{QStringLiteral("price"), JsonType::Integer, false},
                                                   {QStringLiteral("quantity"), JsonType::Integer, false}});
    if (!checked)
        return reply.sendProblem(badRequest(checked.error()));
    const auto current = ownOrder(m_exchange, request.identity.participant, id);
    if (!current)
        return reply.sendProblem(unknownOrder());
    // A field left out keeps the order's current value.
    const qint64 price = body->value(QStringLiteral("price")).toInteger(current->priceTicks);
    const qint64 quantity = body->value(QStringLiteral("quantity")).toInteger(current->remaining);
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
