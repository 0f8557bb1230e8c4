#pragma once
// The buyer's side of a trade for tests of the wallet and the deploy client: an embedded
// exchange, a seller identity, and contracts of the local participant (p-local) made by
// real trades through the API.

#include "embeddedexchange.h"

#include "catalogue/catalogue.h"
#include "desk/exchangeclient.h"

#include <QSignalSpy>

#include <memory>

namespace testsupport {

template<typename Job> Job *waitFor(Job *job, int timeoutMs = kExchangeTimeoutMs)
{
    if (!job->isFinished())
        QSignalSpy(job, &cloudex::Job::finished).wait(timeoutMs);
    return job;
}

struct BuyerChain
{
    std::unique_ptr<cloudex::exchange::EmbeddedExchange> exchange;
    std::unique_ptr<cloudex::desk::ExchangeClient> buyer;  ///< p-local
    std::unique_ptr<cloudex::desk::ExchangeClient> seller; ///< p-seller
    QString symbol;

    /// Starts the exchange in `dataDirectory` (one hourly product, the next hours listed).
    cloudex::Result<void> start(const QString &dataDirectory)
    {
        using namespace cloudex;
        exchange::EmbeddedExchange::Options options;
        options.dataDirectory = dataDirectory;
        options.products = {
            catalogue::Catalogue::standard().parseProduct(QStringLiteral("DE.GP2.SH.S1")).value()};
        options.horizon = {2, 0, 0, 0, 0};
        options.clockIntervalMs = 0;
        exchange = std::make_unique<exchange::EmbeddedExchange>();
        if (auto started = startEmbedded(*exchange, options); !started)
            return started;
        auto sellerTls = onboard(*exchange, QStringLiteral("p-seller"));
        if (!sellerTls)
            return sellerTls.error();
        buyer = std::make_unique<desk::ExchangeClient>(exchange->baseUrl(), exchange->clientTls());
        seller = std::make_unique<desk::ExchangeClient>(exchange->baseUrl(), sellerTls.value());
        auto *instruments = waitFor(buyer->instruments());
        if (!instruments->ok() || instruments->value().isEmpty())
            return Error{QStringLiteral("test.no-instruments"), instruments->errorString()};
        symbol = instruments->value().constFirst().symbol;
        return {};
    }

    /// One trade of `quantity` between p-seller and p-local: one more contract.
    cloudex::Result<cloudex::api::Contract> trade(qint64 quantity = 2, qint64 price = 1500)
    {
        using namespace cloudex;
        api::OrderRequest order;
        order.symbol = symbol;
        order.type = api::OrderType::Limit;
        order.timeInForce = api::TimeInForce::GoodTillCancel;
        order.price = price;
        order.quantity = quantity;
        order.side = api::Side::Sell;
        auto *sold = waitFor(seller->submit(order));
        if (!sold->ok())
            return sold->result().error();
        order.side = api::Side::Buy;
        auto *bought = waitFor(buyer->submit(order));
        if (!bought->ok())
            return bought->result().error();
        if (bought->value().trades.isEmpty())
            return Error{QStringLiteral("test.no-trade"), QStringLiteral("the orders did not trade")};
        auto *contracts = waitFor(buyer->contracts());
        if (!contracts->ok() || contracts->value().isEmpty())
            return Error{QStringLiteral("test.no-contract"), contracts->errorString()};
        cloudex::api::Contract newest = contracts->value().constFirst();
        for (const auto &c : contracts->value()) {
            if (c.trade > newest.trade)
                newest = c;
        }
        return newest;
    }
};

} // namespace testsupport
