// Durable order submission over the real API: mutual TLS, keep-alive, 8 concurrent clients
// on loopback, each sending its next request when the previous one is answered. The clients
// run on their own thread, so the server thread is measured alone. A bare route on the same
// server is measured in the same run for comparison (echo_orders_per_s, ratio_to_echo).
#include "benchexchange.h"
#include "benchsuite.h"
#include "exchangeload.h"

#include "net/apiserver.h"

#include <QJsonDocument>
#include <QSslSocket>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <deque>

namespace {
using namespace cloudex;

/// One keep-alive connection sending the same kind of request again and again, keeping
/// `depth` requests in flight (HTTP/1.1 pipelining, 8 by default; --pipeline 1 waits for
/// each answer). A durable answer waits for an fsync, so a connection's throughput is its
/// requests in flight divided by the commit latency.
class Client final : public QObject
{
public:
    Client(const QSslConfiguration &tls, quint16 port, QList<QByteArray> requests, int depth,
           std::atomic<bool> &running)
        : m_requests(std::move(requests))
        , m_depth(depth)
        , m_running(running)
    {
        m_socket.setSslConfiguration(tls);
        connect(&m_socket, &QSslSocket::encrypted, this, [this] {
            for (int i = 0; i < m_depth; ++i)
                sendNext();
        });
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
        m_sentNs.push_back(bench::monotonicNs());
        m_socket.write(m_requests.at(m_next++ % m_requests.size()));
    }

    void read()
    {
        m_buffer += m_socket.readAll();
        while (const std::optional<int> status = bench::takeResponse(m_buffer)) {
            if (*status >= 400)
                ++failures;
            if (!m_sentNs.empty()) {
                latencyNs.push_back(bench::monotonicNs() - m_sentNs.front());
                m_sentNs.pop_front();
            }
            sendNext();
        }
    }

    QSslSocket m_socket;
    QList<QByteArray> m_requests;
    int m_depth;
    std::atomic<bool> &m_running;
    QByteArray m_buffer;
    std::deque<qint64> m_sentNs;
    qsizetype m_next = 0;
};

struct Phase
{
    double perSecond = 0;
    double serverCpuUs = 0;  ///< server thread CPU per answered request
    double processCpuUs = 0; ///< all threads (server, journal writer, clients) per request
    double p50Ms = 0;
    double p99Ms = 0;
    qint64 failures = 0;
};

QByteArray request(const QByteArray &method, const QByteArray &path, const QByteArray &body)
{
    QByteArray r = method + ' ' + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n";
    if (!body.isEmpty())
        r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return r + "\r\n" + body;
}

/// Runs `clients` connections on a client thread for `seconds` (after a short warm-up).
Phase run(const QList<QSslConfiguration> &tls, quint16 port, const QList<QList<QByteArray>> &requests,
          int depth, double seconds)
{
    std::atomic<bool> running{true};
    QThread thread;
    QList<Client *> clients;
    thread.start();
    QObject anchor;
    anchor.moveToThread(&thread);
    QMetaObject::invokeMethod(
        &anchor,
        [&] {
            for (qsizetype i = 0; i < tls.size(); ++i)
                clients.append(new Client(tls.at(i), port, requests.at(i), depth, running));
        },
        Qt::BlockingQueuedConnection);
    // Warm-up: handshakes and the first requests are not counted.
    bench::wait(500);
    QMetaObject::invokeMethod(
        &anchor,
        [&] {
            for (Client *c : std::as_const(clients)) {
                c->latencyNs.clear();
                c->failures = 0;
            }
        },
        Qt::BlockingQueuedConnection);
    const qint64 start = bench::monotonicNs();
    const qint64 serverCpu0 = bench::cpuNs(CLOCK_THREAD_CPUTIME_ID);
    const qint64 processCpu0 = bench::cpuNs(CLOCK_PROCESS_CPUTIME_ID);
    bench::wait(int(seconds * 1000));
    Phase phase;
    std::vector<qint64> all;
    QMetaObject::invokeMethod(
        &anchor,
        [&] {
            const qint64 elapsed = bench::monotonicNs() - start;
            for (Client *c : std::as_const(clients)) {
                all.insert(all.end(), c->latencyNs.begin(), c->latencyNs.end());
                phase.failures += c->failures;
            }
            phase.perSecond = double(all.size()) / (double(elapsed) / 1e9);
            running = false;
        },
        Qt::BlockingQueuedConnection);
    // CPU read on the server thread just after the count (the blocking call above is brief).
    const double answered = std::max<double>(1, double(all.size()));
    phase.serverCpuUs = double(bench::cpuNs(CLOCK_THREAD_CPUTIME_ID) - serverCpu0) / 1e3 / answered;
    phase.processCpuUs = double(bench::cpuNs(CLOCK_PROCESS_CPUTIME_ID) - processCpu0) / 1e3 / answered;
    // Let the last requests in flight finish on the server before the clients go.
    bench::wait(200);
    QMetaObject::invokeMethod(
        &anchor, [&] { qDeleteAll(clients); }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    phase.p50Ms = double(bench::percentile(all, 0.50)) / 1e6;
    phase.p99Ms = double(bench::percentile(all, 0.99)) / 1e6;
    return phase;
}

QJsonObject runApi(const QStringList &arguments)
{
    const qint64 clients = bench::argument(arguments, QStringLiteral("--clients"), 8);
    const double seconds = double(bench::argument(arguments, QStringLiteral("--seconds"), 5));
    const int depth = int(bench::argument(arguments, QStringLiteral("--pipeline"), 8));
    // --sync normal: a diagnostic without the fsync per commit (not durable, not the figure).
    const qsizetype syncAt = arguments.indexOf(QStringLiteral("--sync"));
    const bool durable = syncAt < 0 || arguments.value(syncAt + 1) != QLatin1String("normal");
    bench::BenchExchange x;
    if (auto opened = x.open(durable); !opened)
        return {{QStringLiteral("error"), opened.error().message}};
    x.service.api().route(QStringLiteral("GET"), QStringLiteral("/v1/bench/echo"),
                          [](const net::ApiRequest &, net::ApiReply reply) {
                              reply.send(200, QJsonObject{{QStringLiteral("ok"), true}});
                          });
    QList<QSslConfiguration> tls;
    QList<QList<QByteArray>> orders;
    QList<QList<QByteArray>> echoes;
    for (qint64 i = 0; i < clients; ++i) {
        auto trader = x.trader(QStringLiteral("p-bench%1").arg(i));
        if (!trader)
            return {{QStringLiteral("error"), trader.error().message}};
        tls.append(trader.value());
        // Buys below sells: every order rests, so the book grows as a busy one would.
        QList<QByteArray> mine;
        for (const char *side : {"buy", "sell"}) {
            const bool buy = QByteArray(side) == "buy";
            const QJsonObject body{{QStringLiteral("symbol"), x.symbol()},
                                   {QStringLiteral("side"), QString::fromLatin1(side)},
                                   {QStringLiteral("type"), QStringLiteral("limit")},
                                   {QStringLiteral("timeInForce"), QStringLiteral("gtc")},
                                   {QStringLiteral("price"), buy ? 1000 + i : 5000 + i},
                                   {QStringLiteral("quantity"), 1}};
            mine.append(request("POST", "/v1/orders", QJsonDocument(body).toJson(QJsonDocument::Compact)));
        }
        orders.append(mine);
        echoes.append({request("GET", "/v1/bench/echo", {})});
    }
    // --only echo|orders runs one phase, for profiling either on its own.
    const qsizetype onlyAt = arguments.indexOf(QStringLiteral("--only"));
    const QString only = onlyAt >= 0 ? arguments.value(onlyAt + 1) : QString();
    const quint64 seqBefore = x.service.exchange().lastSeq();
    const Phase echo = only == QLatin1String("orders") ? Phase{} : run(tls, x.service.port(), echoes, depth, seconds);
    const auto journalBefore = x.service.exchange().journalStats();
    const qint64 orderStart = bench::monotonicNs();
    const Phase order = only == QLatin1String("echo") ? Phase{} : run(tls, x.service.port(), orders, depth, seconds);
    const double orderWallS = double(bench::monotonicNs() - orderStart) / 1e9;
    x.service.exchange().flush();
    const auto journalAfter = x.service.exchange().journalStats();
    const auto commits = qint64(journalAfter.commits - journalBefore.commits);
    const auto records = qint64(journalAfter.records - journalBefore.records);
    return {{QStringLiteral("clients"), clients},
            {QStringLiteral("seconds"), seconds},
            {QStringLiteral("pipeline"), depth},
            {QStringLiteral("journal_sync"), durable ? QStringLiteral("full") : QStringLiteral("normal")},
            {QStringLiteral("orders_per_s"), qRound64(order.perSecond)},
            {QStringLiteral("p50_ms"), order.p50Ms},
            {QStringLiteral("p99_ms"), order.p99Ms},
            {QStringLiteral("echo_orders_per_s"), qRound64(echo.perSecond)},
            {QStringLiteral("echo_p99_ms"), echo.p99Ms},
            {QStringLiteral("server_cpu_us_per_order"), order.serverCpuUs},
            {QStringLiteral("server_cpu_us_per_echo"), echo.serverCpuUs},
            {QStringLiteral("process_cpu_us_per_order"), order.processCpuUs},
            {QStringLiteral("process_cpu_us_per_echo"), echo.processCpuUs},
            {QStringLiteral("ratio_to_echo"), echo.perSecond > 0 ? order.perSecond / echo.perSecond : 0.0},
            {QStringLiteral("failures"), order.failures + echo.failures},
            {QStringLiteral("journaled_commands"), qint64(x.service.exchange().lastSeq() - seqBefore)},
            {QStringLiteral("records_per_commit"), commits > 0 ? double(records) / double(commits) : 0.0},
            {QStringLiteral("commit_ms_avg"),
             commits > 0 ? double(journalAfter.commitNs - journalBefore.commitNs) / 1e6 / double(commits) : 0.0},
            {QStringLiteral("journal_busy"),
             orderWallS > 0 ? double(journalAfter.commitNs - journalBefore.commitNs) / 1e9 / orderWallS : 0.0}};
}

const bool registered =
    cloudex::bench::registerSuite(QStringLiteral("api"),
                                  QStringLiteral("durable orders over mutual TLS, 8 keep-alive clients, vs a "
                                                 "bare route [--clients N] [--seconds S] [--pipeline D] [--only echo|orders] "
                                                 "[--sync full|normal]"),
                                  runApi);
} // namespace
