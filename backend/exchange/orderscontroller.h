#pragma once

#include "net/apiserver.h"

namespace cloudex::market {
class Exchange;
}

namespace cloudex::exchange {

/// Orders: place, replace and cancel the caller's orders, list its open orders and fills.
/// Every command is answered after its journal commit; a preview changes nothing and is
/// answered at once from the engine.
class OrdersController final
{
public:
    explicit OrdersController(market::Exchange &exchange)
        : m_exchange(exchange)
    {}

    /// Adds this area's routes of docs/API.md to `api`.
    void addRoutes(net::ApiServer &api);

private:
    void getOrders(const net::ApiRequest &request, net::ApiReply reply);
    void postOrder(const net::ApiRequest &request, net::ApiReply reply);
    void postPreview(const net::ApiRequest &request, net::ApiReply reply);
    void patchOrder(const net::ApiRequest &request, net::ApiReply reply);
    void deleteOrder(const net::ApiRequest &request, net::ApiReply reply);
    void getFills(const net::ApiRequest &request, net::ApiReply reply);

    market::Exchange &m_exchange;
};

} // namespace cloudex::exchange
