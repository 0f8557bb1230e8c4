// The pre-trade preview (POST /v1/orders/preview, issue #14). Engine: one instrument with
// 1,000 resting orders of 20 participants with mixed requirements (jurisdictions,
// certifications, metadata policies, allow-lists), previews of random orders of every
// kind and size, timed one by one; each previewed order is then placed on a restored copy
// of the engine and must fill exactly what the preview said (`mismatches`). API: the same
// kind of book in a real exchange service, previews over mutual TLS on loopback from a
// client thread, one request in flight; nothing may be journaled (`journaled_commands`).
#include "benchexchange.h"
#include "benchsuite.h"
#include "exchangeload.h"

#include "market/engine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSslSocket>
#include <QThread>

#include <atomic>
#include <random>

namespace {
using namespace cloudex;
using namespace cloudex::market;

constexpr int kParticipants = 20;
constexpr int kResting = 1000;
constexpr Tick kMid = 10'000;

class Filled final : public EngineListener
{
public:
    Qty quantity = 0;
    Notional notional = 0;
    void onTrade(std::uint64_t, const Trade &t) override
    {
        quantity += t.quantity;
        notional += t.price * t.quantity;
    }
};

Eligibility requirement(std::mt19937_64 &rng)
{
    Eligibility e;
    if (rng() % 4 == 0)
        e.jurisdictions = 1 + rng() % 15;
    if (rng() % 5 == 0)
        e.certifications = std::uint32_t(rng() % 8);
    if (rng() % 6 == 0)
        e.metadataPolicies = std::uint32_t(1 + rng() % 3);
    return e;
}

void setUpEngine(Engine &engine, std::mt19937_64 &rng)
{
    engine.clockTick({0});
    for (ParticipantId p = 1; p <= kParticipants; ++p) {
        engine.addParticipant(
            {p, "p-" + std::to_string(p), Role::Both, 1ull << (p % 4), std::uint32_t(p % 8), 1u << (p % 2)});
        SetLimits limits;
        limits.participant = p;
        limits.maxOrderQuantity = 100'000;
        limits.maxOpenNotional = INT64_MAX / 4;
        limits.credit = INT64_MAX / 4;
        if (p % 7 == 0)
            limits.allowedBuyers = {1, 2, 3, 4, 5, 6};
        engine.setLimits(limits);
    }
    engine.listInstrument({1, "I1", Terms{}, 0, 10'000'000, 10'003'600, 1, 1, 1, 1'000'000});
    while (engine.ordersInPriority(1, Side::Buy).size() + engine.ordersInPriority(1, Side::Sell).size() <
           std::size_t(kResting)) {
        NewOrder o;
        o.participant = ParticipantId(1 + rng() % kParticipants);
        o.instrument = 1;
        o.side = rng() % 2 ? Side::Buy : Side::Sell;
        // Buys below the mid, sells above: the book rests without crossing.
        const Tick offset = 1 + Tick(rng() % 300);
        o.price = o.side == Side::Buy ? kMid - offset : kMid + offset;
        o.quantity = 1 + Qty(rng() % 50);
        o.counterparty = requirement(rng);
        engine.newOrder(o);
    }
}

NewOrder incoming(std::mt19937_64 &rng)
{
    NewOrder o;
    o.participant = ParticipantId(1 + rng() % kParticipants);
    o.instrument = 1;
    o.side = rng() % 2 ? Side::Buy : Side::Sell;
    switch (rng() % 4) {
    case 0:
        o.type = OrderType::Market;
        break;
    case 1:
        o.tif = TimeInForce::ImmediateOrCancel;
        break;
    case 2:
        o.tif = TimeInForce::FillOrKill;
        break;
    default:
        break;
    }
    // Limits from well inside to beyond the whole book; sizes up to most of a side.
    const Tick reach = Tick(rng() % 400);
    o.price = o.side == Side::Buy ? kMid + reach : kMid - reach;
    o.quantity = 1 + Qty(rng() % 20'000);
    o.counterparty = requirement(rng);
    return o;
}

struct EngineFigures
{
    double p50Us = 0, p99Us = 0, maxUs = 0;
    qint64 mismatches = 0;
    qint64 previews = 0;
    double meanFilled = 0;
};

EngineFigures runEngine(qint64 count)
{
    std::mt19937_64 rng(14);
    Engine engine;
    setUpEngine(engine, rng);
    const std::string snapshot = engine.snapshot();
    std::vector<NewOrder> orders;
    for (qint64 i = 0; i < count; ++i)
        orders.push_back(incoming(rng));
    std::vector<Preview> previews(orders.size());
    std::vector<qint64> ns;
    ns.reserve(orders.size());
    for (std::size_t i = 0; i < orders.size(); ++i) {
        const qint64 t0 = bench::monotonicNs();
        previews[i] = engine.preview(orders[i]);
        ns.push_back(bench::monotonicNs() - t0);
    }
    EngineFigures f;
    f.previews = count;
    f.p50Us = double(bench::percentile(ns, 0.50)) / 1e3;
    f.p99Us = double(bench::percentile(ns, 0.99)) / 1e3;
    f.maxUs = double(*std::max_element(ns.begin(), ns.end())) / 1e3;
    // Each preview against placing the same order on the same book (a restored copy).
    const qint64 checked = std::min<qint64>(count, 300);
    qint64 filled = 0;
    for (qint64 i = 0; i < checked; ++i) {
        Filled outcome;
        Engine copy(&outcome);
        copy.restore(snapshot);
        copy.newOrder(orders[std::size_t(i)]);
        filled += outcome.quantity;
        if (outcome.quantity != previews[std::size_t(i)].filled ||
            outcome.notional != previews[std::size_t(i)].notional)
            ++f.mismatches;
    }
    f.meanFilled = checked > 0 ? double(filled) / double(checked) : 0;
    return f;
}

/// One keep-alive connection, one preview in flight at a time.
class Client final : public QObject
{
public:
    Client(const QSslConfiguration &tls, quint16 port, QList<QByteArray> requests, std::atomic<bool> &running)
        : m_requests(std::move(requests))
        , m_running(running)
    {
        m_socket.setSslConfiguration(tls);
        connect(&m_socket, &QSslSocket::encrypted, this, &Client::sendNext);
        connect(&m_socket, &QSslSocket::readyRead, this, &Client::read);
        m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, QStringLiteral("localhost"));
    }
    std::vector<qint64> latencyNs;
    qint64 failures = 0;

private:
    void sendNext()
    {
        if (!m_running.load())
            return;
        m_sentNs = bench::monotonicNs();
        m_socket.write(m_requests.at(m_next++ % m_requests.size()));
    }
    void read()
    {
        m_buffer += m_socket.readAll();
        while (const std::optional<int> status = bench::takeResponse(m_buffer)) {
            if (*status != 200)
                ++failures;
            latencyNs.push_back(bench::monotonicNs() - m_sentNs);
            sendNext();
        }
    }
    QSslSocket m_socket;
    QList<QByteArray> m_requests;
    std::atomic<bool> &m_running;
    QByteArray m_buffer;
    qint64 m_sentNs = 0;
    qsizetype m_next = 0;
};

QJsonObject runPreview(const QStringList &arguments)
{
    const qint64 count = bench::argument(arguments, QStringLiteral("--previews"), 20'000);
    const double seconds = double(bench::argument(arguments, QStringLiteral("--seconds"), 5));
    const EngineFigures e = runEngine(count);

    bench::BenchExchange x;
    if (auto opened = x.open(); !opened)
        return {{QStringLiteral("error"), opened.error().message}};
    QList<QSslConfiguration> tls;
    const QStringList jurisdictions{QStringLiteral("DE"), QStringLiteral("FR"), QStringLiteral("NL")};
    const QStringList certs{QStringLiteral("ISO27001"), QStringLiteral("C5")};
    std::mt19937_64 rng(41);
    QStringList traders;
    for (int i = 0; i < 10; ++i) {
        traders.append(QStringLiteral("p-prev%1").arg(i));
        auto trader = x.trader(traders.last());
        if (!trader)
            return {{QStringLiteral("error"), trader.error().message}};
        tls.append(trader.value());
    }
    // 1,000 resting orders with mixed requirements, placed directly (set-up).
    int placed = 0;
    for (int i = 0; i < kResting; ++i) {
        market::OrderRequest o;
        o.symbol = x.symbol();
        o.side = i % 2 ? Side::Buy : Side::Sell;
        const qint64 offset = 1 + qint64(rng() % 300);
        o.priceTicks = o.side == Side::Buy ? kMid - offset : kMid + offset;
        o.quantity = 1 + qint64(rng() % 50);
        if (rng() % 4 == 0)
            o.requirements.jurisdictions = {jurisdictions.at(int(rng() % 3))};
        if (rng() % 5 == 0)
            o.requirements.certifications = {certs.at(int(rng() % 2))};
        x.service.exchange().submitOrder(traders.at(int(rng() % 10)), o,
                                         [&placed](const market::Ack &ack) { placed += ack.accepted; });
    }
    x.service.exchange().flush();
    QList<QByteArray> requests;
    for (int i = 0; i < 64; ++i) {
        const bool buy = i % 2 == 0;
        QJsonObject body{
            {QStringLiteral("symbol"), x.symbol()},
            {QStringLiteral("side"), buy ? QStringLiteral("buy") : QStringLiteral("sell")},
            {QStringLiteral("type"), QStringLiteral("limit")},
            {QStringLiteral("timeInForce"), QStringLiteral("ioc")},
            {QStringLiteral("price"), buy ? kMid + qint64(rng() % 400) : kMid - qint64(rng() % 400)},
            {QStringLiteral("quantity"), 1 + qint64(rng() % 10'000)}};
        if (i % 3 == 0)
            body.insert(QStringLiteral("requirements"),
                        QJsonObject{{QStringLiteral("jurisdictions"), QJsonArray{jurisdictions.at(i % 3)}}});
        const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
        requests.append("POST /v1/orders/preview HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n"
                        "Content-Type: application/json\r\nContent-Length: " +
                        QByteArray::number(json.size()) + "\r\n\r\n" + json);
    }
    const quint64 seqBefore = x.service.exchange().lastSeq();
    std::atomic<bool> running{true};
    QThread thread;
    thread.start();
    QObject anchor;
    anchor.moveToThread(&thread);
    Client *client = nullptr;
    QMetaObject::invokeMethod(
        &anchor, [&] { client = new Client(tls.at(0), x.service.port(), requests, running); },
        Qt::BlockingQueuedConnection);
    bench::wait(500); // handshake and warm-up
    QMetaObject::invokeMethod(
        &anchor, [&] { client->latencyNs.clear(); }, Qt::BlockingQueuedConnection);
    bench::wait(int(seconds * 1000));
    std::vector<qint64> api;
    qint64 failures = 0;
    QMetaObject::invokeMethod(
        &anchor,
        [&] {
            running = false;
            api = client->latencyNs;
            failures = client->failures;
        },
        Qt::BlockingQueuedConnection);
    bench::wait(100);
    QMetaObject::invokeMethod(
        &anchor, [&] { delete client; }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    const qint64 journaled = qint64(x.service.exchange().lastSeq() - seqBefore);

    QStringList checksFailed;
    if (e.mismatches != 0)
        checksFailed.append(QStringLiteral("%1 previews differ from the fill").arg(e.mismatches));
    if (journaled != 0)
        checksFailed.append(QStringLiteral("previews journaled %1 commands").arg(journaled));
    if (api.empty())
        checksFailed.append(QStringLiteral("no preview answered over the API"));
    QJsonObject figures{{QStringLiteral("resting_orders"), kResting},
                        {QStringLiteral("previews"), e.previews},
                        {QStringLiteral("preview_p50_us"), e.p50Us},
                        {QStringLiteral("preview_p99_us"), e.p99Us},
                        {QStringLiteral("preview_max_us"), e.maxUs},
                        {QStringLiteral("mean_filled_instances"), e.meanFilled},
                        {QStringLiteral("mismatches"), e.mismatches},
                        {QStringLiteral("api_resting_orders"), placed},
                        {QStringLiteral("api_previews"), qint64(api.size())},
                        {QStringLiteral("api_preview_p50_ms"), double(bench::percentile(api, 0.50)) / 1e6},
                        {QStringLiteral("api_preview_p99_ms"), double(bench::percentile(api, 0.99)) / 1e6},
                        {QStringLiteral("journaled_commands"), journaled},
                        {QStringLiteral("failures"), failures}};
    if (!checksFailed.isEmpty())
        figures.insert(QStringLiteral("checks_failed"), QJsonArray::fromStringList(checksFailed));
    return figures;
}

const bool registered = cloudex::bench::registerSuite(
    QStringLiteral("preview"),
    QStringLiteral("pre-trade preview: engine on 1,000 resting orders with mixed requirements, and over "
                   "mutual TLS [--previews N] [--seconds S]"),
    runPreview);
} // namespace
