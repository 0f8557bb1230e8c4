#pragma once

#include "net/apiserver.h"
#include "pki/pkitypes.h"

#include <functional>

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

    /// The organisation's limits of a user (participant, user name), checked before the
    /// engine's limits of the participant: `422 risk.user-max-order-size`,
    /// `422 risk.user-max-open-notional`.
    using UserLimitsProvider = std::function<pki::UserLimits(const QString &participant, const QString &user)>;
    void setUserLimits(UserLimitsProvider provider) { m_userLimits = std::move(provider); }

private:
    void getOrders(const net::ApiRequest &request, net::ApiReply reply);
    void postOrder(const net::ApiRequest &request, net::ApiReply reply);
    void postPreview(const net::ApiRequest &request, net::ApiReply reply);
    void patchOrder(const net::ApiRequest &request, net::ApiReply reply);
    void deleteOrder(const net::ApiRequest &request, net::ApiReply reply);
    void getFills(const net::ApiRequest &request, net::ApiReply reply);

    /// Refuses (and answers) an order of `quantity` worth `notional` more that would break the
    /// caller's own limits; `except` is an order being replaced.
    bool breaksUserLimits(const net::ApiRequest &request, net::ApiReply &reply, qint64 quantity, qint64 notional,
                          quint64 except = 0) const;
    qint64 notional(const QString &symbol, qint64 priceTicks, qint64 quantity) const;

    market::Exchange &m_exchange;
    UserLimitsProvider m_userLimits;
};

} // namespace cloudex::exchange
