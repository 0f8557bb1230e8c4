// Live market data to many subscribers: 1,000 WebSocket connections over mutual TLS follow
// one instrument's trade channel while the engine makes 100 trades a second. Delivery time
// is from submitting the crossing order to a subscriber parsing the trade, for every trade
// and every subscriber; frames may carry several trades. The subscribers run on their own
// thread, so the server thread is measured alone.
#include "benchexchange.h"
#include "benchsuite.h"
#include "exchangeload.h"

#include "net/streamserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QWebSocket>

#include <atomic>
#include <memory>

namespace {
using namespace cloudex;

struct Shared
{
    explicit Shared(qsizetype trades)
        : sentNs(trades + 1)
    {}
    std::vector<std::atomic<qint64>> sentNs; ///< by trade id
    std::atomic<int> subscribed{0};
    QString channel;
};

class Subscriber final : public QObject
{
public:
    Subscriber(const QUrl &url, const QSslConfiguration &tls, Shared &shared)
        : m_shared(shared)
    {
        m_socket.setSslConfiguration(tls);
        connect(&m_socket, &QWebSocket::connected, this, [this] {
            const QJsonObject subscribe{{QStringLiteral("op"), QStringLiteral("subscribe")},
                                        {QStringLiteral("channels"), QJsonArray{m_shared.channel}}};
            m_socket.sendTextMessage(
                QString::fromUtf8(QJsonDocument(subscribe).toJson(QJsonDocument::Compact)));
        });
        connect(&m_socket, &QWebSocket::textMessageReceived, this, &Subscriber::handle);
        m_socket.open(url);
    }

    std::vector<qint64> latencyNs;
    qint64 gaps = 0;

private:
    void handle(const QString &text)
    {
        const qint64 now = bench::monotonicNs();
        const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
        const QString type = frame.value(QStringLiteral("type")).toString();
        if (type == u"snapshot") {
            m_seq = frame.value(QStringLiteral("seq")).toInteger();
            ++m_shared.subscribed;
            return;
        }
        for (const QJsonValue &message : frame.value(QStringLiteral("messages")).toArray()) {
            const qint64 seq = message[QStringLiteral("seq")].toInteger();
            if (seq != m_seq + 1)
                ++gaps;
            m_seq = seq;
            const qint64 id = message[QStringLiteral("data")][QStringLiteral("id")].toInteger();
            if (id > 0 && id < qint64(m_shared.sentNs.size()))
                latencyNs.push_back(now - m_shared.sentNs[id].load());
        }
    }

    QWebSocket m_socket;
    Shared &m_shared;
    qint64 m_seq = 0;
};

QJsonObject runStream(const QStringList &arguments)
{
    const qint64 subscribers = bench::argument(arguments, QStringLiteral("--subscribers"), 1000);
    const qint64 tradesPerSecond = bench::argument(arguments, QStringLiteral("--trades-per-s"), 100);
    const qint64 seconds = bench::argument(arguments, QStringLiteral("--seconds"), 10);
    const qint64 trades = tradesPerSecond * seconds;
    const qint64 flushMs = bench::argument(arguments, QStringLiteral("--flush-ms"), 50);
    bench::BenchExchange x;
    if (auto opened = x.open(); !opened)
        return {{QStringLiteral("error"), opened.error().message}};
    x.service.stream().setFlushIntervalMs(int(flushMs));
    auto seller = x.trader(QStringLiteral("p-seller"));
    auto buyer = x.trader(QStringLiteral("p-buyer"));
    if (!seller || !buyer)
        return {{QStringLiteral("error"), QStringLiteral("cannot set up the traders")}};
    Shared shared(trades);
    shared.channel = QStringLiteral("trades.") + x.symbol();
    QUrl url = x.service.baseUrl();
    url.setScheme(QStringLiteral("wss"));
    url.setPath(QStringLiteral("/v1/stream"));

    QThread thread;
    thread.start();
    auto anchor = std::make_unique<QObject>();
    anchor->moveToThread(&thread);
    QList<Subscriber *> subs;
    const QSslConfiguration tls = buyer.value();
    // Connect in waves, as a real crowd arrives, rather than 1,000 handshakes at once.
    constexpr int kWave = 100;
    for (qint64 i = 0; i < subscribers; i += kWave) {
        QMetaObject::invokeMethod(
            anchor.get(),
            [&, i] {
                for (qint64 j = i; j < qMin(i + kWave, subscribers); ++j)
                    subs.append(new Subscriber(url, tls, shared));
            },
            Qt::BlockingQueuedConnection);
        const qint64 want = qMin(i + kWave, subscribers);
        for (int waited = 0; shared.subscribed.load() < want && waited < 30'000; waited += 10)
            bench::wait(10);
    }
    if (shared.subscribed.load() < subscribers)
        return {{QStringLiteral("error"),
                 QStringLiteral("only %1 subscribers connected").arg(shared.subscribed.load())}};

    // One trade every 1/tradesPerSecond: a resting sell and a crossing buy.
    market::OrderRequest sell;
    sell.symbol = x.symbol();
    sell.side = market::Side::Sell;
    sell.priceTicks = 3000;
    sell.quantity = 1;
    market::OrderRequest buy = sell;
    buy.side = market::Side::Buy;
    qint64 made = 0;
    QTimer pace;
    pace.setTimerType(Qt::PreciseTimer);
    const qint64 started = bench::monotonicNs();
    QObject::connect(&pace, &QTimer::timeout, &pace, [&] {
        // Catch up if a tick came late, so the rate holds on average.
        const qint64 due =
            qMin(trades, (bench::monotonicNs() - started) * tradesPerSecond / 1'000'000'000 + 1);
        while (made < due) {
            ++made;
            x.service.exchange().submitOrder(QStringLiteral("p-seller"), sell);
            shared.sentNs[made].store(bench::monotonicNs());
            x.service.exchange().submitOrder(QStringLiteral("p-buyer"), buy);
        }
        if (made >= trades)
            pace.stop();
    });
    pace.start(int(1000 / tradesPerSecond));
    const auto received = [&] {
        qint64 n = 0;
        QMetaObject::invokeMethod(
            anchor.get(),
            [&] {
                for (const Subscriber *s : std::as_const(subs))
                    n += qint64(s->latencyNs.size());
            },
            Qt::BlockingQueuedConnection);
        return n;
    };
    const qint64 expected = trades * subscribers;
    while (pace.isActive())
        bench::wait(100);
    for (int waited = 0; received() < expected && waited < 10'000; waited += 100)
        bench::wait(100);

    std::vector<qint64> all;
    qint64 gaps = 0;
    QMetaObject::invokeMethod(
        anchor.get(),
        [&] {
            for (const Subscriber *s : std::as_const(subs)) {
                all.insert(all.end(), s->latencyNs.begin(), s->latencyNs.end());
                gaps += s->gaps;
            }
            qDeleteAll(subs);
            subs.clear();
        },
        Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    return {{QStringLiteral("subscribers"), subscribers},
            {QStringLiteral("trades"), trades},
            {QStringLiteral("trades_per_s"), tradesPerSecond},
            {QStringLiteral("flush_ms"), flushMs},
            {QStringLiteral("deliveries"), qint64(all.size())},
            {QStringLiteral("missing"), expected - qint64(all.size())},
            {QStringLiteral("gaps"), gaps},
            {QStringLiteral("dropped_frames"), x.service.stream().droppedFrames()},
            {QStringLiteral("p50_delivery_ms"), double(bench::percentile(all, 0.50)) / 1e6},
            {QStringLiteral("p99_delivery_ms"), double(bench::percentile(all, 0.99)) / 1e6},
            {QStringLiteral("max_delivery_ms"), double(bench::percentile(all, 1.0)) / 1e6}};
}

const bool registered =
    cloudex::bench::registerSuite(QStringLiteral("stream"),
                                  QStringLiteral("trades to 1,000 WebSocket subscribers [--subscribers N] "
                                                 "[--trades-per-s R] [--seconds S] [--flush-ms M]"),
                                  runStream);
} // namespace
