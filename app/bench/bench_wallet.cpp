// The contract wallet under a stream of new contracts: the embedded exchange (its own
// thread, real CA, journal) makes a contract per trade between a seller and the local
// participant; the desk follows contracts@p-local and its ContractWallet generates a P-256
// key, sends the CSR and stores key and certificate for each. Measured per contract: from
// the moment the contract arrives on the stream to the certificate stored and checked
// (state Valid), and the throughput over all of them.
//
//   cloudex-bench wallet [--json] [--count 1000] [--interval-ms 20]
#include "benchexchange.h"
#include "benchsuite.h"

#include "api/channels.h"
#include "api/contract.h"
#include "catalogue/catalogue.h"
#include "desk/contractwallet.h"
#include "desk/exchangeclient.h"
#include "exchange/embeddedexchange.h"
#include "net/streamclient.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>

namespace {
using namespace cloudex;

constexpr int kDefaultCount = 1000;
constexpr int kDefaultIntervalMs = 20;
constexpr int kStartTimeoutMs = 60'000;
constexpr qint64 kPrice = 1500;

QJsonObject fail(const QString &message)
{
    return {{QStringLiteral("error"), message}};
}

int option(const QStringList &arguments, const QString &name, int fallback)
{
    const qsizetype at = arguments.indexOf(name);
    return at >= 0 && at + 1 < arguments.size() ? qMax(1, arguments.at(at + 1).toInt()) : fallback;
}

/// Runs the event loop until `done` or `timeoutMs`.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        bench::wait(5);
    }
    return true;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t at = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[at];
}

QJsonObject runWallet(const QStringList &arguments)
{
    const int count = option(arguments, QStringLiteral("--count"), kDefaultCount);
    const int intervalMs = option(arguments, QStringLiteral("--interval-ms"), kDefaultIntervalMs);

    QTemporaryDir dir;
    exchange::EmbeddedExchange exchange;
    std::optional<Result<void>> started;
    QObject::connect(&exchange, &exchange::EmbeddedExchange::started, &exchange,
                     [&](const Result<void> &result) { started = result; });
    exchange::EmbeddedExchange::Options options;
    options.dataDirectory = dir.filePath(QStringLiteral("exchange"));
    options.products = {
        catalogue::Catalogue::standard().parseProduct(QStringLiteral("DE.GP2.SH.S1")).value()};
    options.horizon = {2, 0, 0, 0, 0};
    options.clockIntervalMs = 0;
    exchange.start(options);
    if (!waitUntil([&] { return started.has_value(); }, kStartTimeoutMs) || !started->ok())
        return fail(started ? started->error().message : QStringLiteral("the exchange did not start"));
    std::optional<Result<QSslConfiguration>> sellerTls;
    QObject::connect(
        &exchange, &exchange::EmbeddedExchange::participantOnboarded, &exchange,
        [&](const QString &, const Result<QSslConfiguration> &identity) { sellerTls = identity; });
    exchange.onboardParticipant(QStringLiteral("p-seller"));
    if (!waitUntil([&] { return sellerTls.has_value(); }, kStartTimeoutMs) || !sellerTls->ok())
        return fail(QStringLiteral("cannot onboard the seller"));

    desk::ExchangeClient buyer(exchange.baseUrl(), exchange.clientTls());
    desk::ExchangeClient seller(exchange.baseUrl(), sellerTls->value());
    auto *instruments = buyer.instruments();
    if (!waitUntil([&] { return instruments->isFinished(); }, kStartTimeoutMs) || !instruments->ok() ||
        instruments->value().isEmpty())
        return fail(QStringLiteral("no instruments"));
    const QString symbol = instruments->value().constFirst().symbol;

    // The wallet, and the stream it is fed from (as MarketSession does, without its batching).
    desk::ContractWallet wallet(&buyer, dir.filePath(QStringLiteral("wallet")), exchange.participant());
    wallet.start();
    if (!waitUntil([&] { return wallet.hasTrust(); }, kStartTimeoutMs))
        return fail(QStringLiteral("the wallet got no exchange root"));

    QHash<QString, qint64> appeared; // contract id → ns on the stream
    QHash<QString, qint64> ready;    // contract id → ns certificate valid
    int failed = 0;
    QObject::connect(&wallet, &desk::ContractWallet::stateChanged, &wallet,
                     [&](const QString &id, desk::ContractWallet::State state) {
                         if (state == desk::ContractWallet::State::Failed)
                             ++failed;
                         if (state == desk::ContractWallet::State::Valid && !ready.contains(id))
                             ready.insert(id, bench::monotonicNs());
                     });
    net::StreamClient stream;
    QUrl streamUrl = exchange.baseUrl();
    streamUrl.setScheme(QStringLiteral("wss"));
    streamUrl.setPath(QStringLiteral("/v1/stream"));
    stream.setUrl(streamUrl);
    stream.setSslConfiguration(exchange.clientTls());
    const QString channel = api::channel::contracts(exchange.participant());
    const auto take = [&](const QJsonValue &data) {
        auto contract = api::Contract::fromJson(data.toObject(), api::ParseMode::Lenient);
        if (!contract || appeared.contains(contract->id) || contract->buyer != exchange.participant())
            return;
        appeared.insert(contract->id, bench::monotonicNs());
        wallet.addContract(*contract);
    };
    QObject::connect(&stream, &net::StreamClient::messageReceived, &stream,
                     [&](const QString &name, qint64, const QJsonValue &data) {
                         if (name == channel)
                             take(data);
                     });
    bool subscribed = false;
    QObject::connect(&stream, &net::StreamClient::snapshotReceived, &stream,
                     [&](const QString &name, qint64, const QJsonValue &) { subscribed |= name == channel; });
    stream.subscribe({channel});
    stream.open();
    if (!waitUntil([&] { return subscribed; }, kStartTimeoutMs))
        return fail(QStringLiteral("no contracts stream"));

    // One trade every interval: a resting sell of the seller, the buyer's crossing buy.
    int placed = 0;
    int refused = 0;
    QTimer pace;
    pace.setInterval(intervalMs);
    QObject::connect(&pace, &QTimer::timeout, &pace, [&] {
        if (placed >= count) {
            pace.stop();
            return;
        }
        ++placed;
        api::OrderRequest order;
        order.symbol = symbol;
        order.price = kPrice;
        order.quantity = 1;
        order.side = api::Side::Sell;
        auto *sell = seller.submit(order);
        QObject::connect(sell, &Job::finished, sell, [&, sell, order]() mutable {
            sell->deleteLater();
            if (!sell->ok()) {
                ++refused;
                return;
            }
            order.side = api::Side::Buy;
            order.timeInForce = api::TimeInForce::ImmediateOrCancel;
            auto *buy = buyer.submit(order);
            QObject::connect(buy, &Job::finished, buy, [&, buy] {
                buy->deleteLater();
                if (!buy->ok())
                    ++refused;
            });
        });
    });
    QElapsedTimer wall;
    wall.start();
    pace.start();
    const bool complete =
        waitUntil([&] { return ready.size() + failed + refused >= count; }, count * intervalMs + 120'000);
    const double seconds = double(wall.elapsed()) / 1000.0;
    stream.close();

    std::vector<double> latencies;
    for (auto it = ready.cbegin(); it != ready.cend(); ++it) {
        if (appeared.contains(it.key()))
            latencies.push_back(double(it.value() - appeared.value(it.key())) / 1e6);
    }
    QJsonObject figures{
        {QStringLiteral("contracts"), count},
        {QStringLiteral("interval_ms"), intervalMs},
        {QStringLiteral("certs_ready"), int(latencies.size())},
        {QStringLiteral("certs_failed"), failed},
        {QStringLiteral("orders_refused"), refused},
        {QStringLiteral("certs_ready_p50_ms"), percentile(latencies, 0.50)},
        {QStringLiteral("certs_ready_p95_ms"), percentile(latencies, 0.95)},
        {QStringLiteral("certs_ready_p99_ms"), percentile(latencies, 0.99)},
        {QStringLiteral("certs_ready_max_ms"), percentile(latencies, 1.0)},
        {QStringLiteral("certs_per_s"), seconds > 0 ? double(latencies.size()) / seconds : 0.0},
    };
    if (!complete)
        figures.insert(
            QStringLiteral("error"),
            QStringLiteral("only %1 of %2 certificates were ready in time").arg(latencies.size()).arg(count));
    exchange.stop();
    return figures;
}

const bool registered = bench::registerSuite(
    QStringLiteral("wallet"),
    QStringLiteral("key + CSR + certificate for new contracts as they appear on the stream"), runWallet);
} // namespace
