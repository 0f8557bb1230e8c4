#pragma once

#include "net/apiserver.h"

namespace cloudex::market {
class Exchange;
}

namespace cloudex::exchange {

/// Public market data: instruments, the trade tape, books, candles, spot index and forward
/// curve. Read-only, any valid identity.
class MarketDataController final
{
public:
    explicit MarketDataController(const market::Exchange &exchange)
        : m_exchange(exchange)
    {}

    /// Adds this area's routes of docs/API.md to `api`.
    void addRoutes(net::ApiServer &api);

private:
    void getInstruments(const net::ApiRequest &request, net::ApiReply reply);
    void getTrades(const net::ApiRequest &request, net::ApiReply reply);
    void getBook(const net::ApiRequest &request, net::ApiReply reply);
    void getCandles(const net::ApiRequest &request, net::ApiReply reply);
    void getSpot(const net::ApiRequest &request, net::ApiReply reply);
    void getSpotHistory(const net::ApiRequest &request, net::ApiReply reply);
    void getSummary(const net::ApiRequest &request, net::ApiReply reply);
    void getCurve(const net::ApiRequest &request, net::ApiReply reply);

    const market::Exchange &m_exchange;
};

} // namespace cloudex::exchange
