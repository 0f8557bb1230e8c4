// Many connections at once against the real cloudex-exchange: 2,000 mutual-TLS connections
// by default, from several loopback source addresses (127.0.0.2, .3, ...; at most
// --per-address each, below the daemon's default cap of 128 per address), of three kinds:
//   idle    connect, ask for GET /v1/ca once, then hold the connection without a word;
//   stream  WebSocket sessions (/v1/stream) on the trades and book channels of the traded
//           instrument, answering the server's pings; every message is checked for gaps;
//   trade   keep-alive clients that send one order at a time at a steady rate (buyers and
//           sellers around one price) and time each answer.
// Connections open in waves; once all are up the load runs for --seconds, then every
// connection must still be open. Well-behaved clients are never refused: `refused` (a
// connection that could not open or was closed by the server) and `failures` (an answer
// other than the expected one) must be 0.
#include "benchdaemon.h"
#include "benchexchange.h"
#include "benchsuite.h"
#include "exchangeload.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <deque>
#include <memory>
#include <random>

namespace {
using namespace cloudex;

const QString kProduct = QStringLiteral("DE.GP2.SH.S1");
constexpr int kWave = 100;
constexpr int kWaveTimeoutMs = 60'000;

struct Totals
{
    qint64 refused = 0;
    qint64 failures = 0;
    QStringList notes;
    void note(const QString &text)
    {
        if (notes.size() < 10)
            notes.append(text);
    }
};

/// One client connection; the kinds differ in what they do once encrypted.
class Connection : public QObject
{
public:
    Connection(const QSslConfiguration &tls, const QHostAddress &from, quint16 port, Totals &totals)
        : m_totals(totals)
    {
        m_socket.setSslConfiguration(tls);
        connect(&m_socket, &QSslSocket::encrypted, this, [this] {
            m_encrypted = true;
            onEncrypted();
        });
        connect(&m_socket, &QSslSocket::readyRead, this, [this] { onData(m_socket.readAll()); });
        connect(&m_socket, &QSslSocket::disconnected, this,
                [this] { closedByServer(QStringLiteral("closed")); });
        connect(&m_socket, &QSslSocket::errorOccurred, this,
                [this](QAbstractSocket::SocketError) { closedByServer(m_socket.errorString()); });
        if (!m_socket.bind(from, 0)) {
            m_closed = true;
            ++m_totals.refused;
            m_totals.note(QStringLiteral("cannot bind %1: %2").arg(from.toString(), m_socket.errorString()));
            return;
        }
        m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, QStringLiteral("localhost"));
    }
    ~Connection() override
    {
        m_closing = true;
        m_socket.abort();
    }

    /// Up and doing its work (for a stream: subscribed).
    bool ready() const { return m_ready && !m_closed; }
    bool open() const { return !m_closed; }
    void close()
    {
        m_closing = true;
        m_socket.abort();
    }

protected:
    virtual void onEncrypted() = 0;
    virtual void onData(const QByteArray &data) = 0;
    void fail(const QString &why)
    {
        ++m_totals.failures;
        m_totals.note(why);
    }

    QSslSocket m_socket;
    Totals &m_totals;
    bool m_ready = false;
    bool m_encrypted = false;

private:
    void closedByServer(const QString &why)
    {
        if (m_closed || m_closing)
            return;
        m_closed = true;
        ++m_totals.refused;
        m_totals.note(QStringLiteral("%1 connection lost: %2")
                          .arg(m_encrypted ? QStringLiteral("an open") : QStringLiteral("a new"), why));
    }
    bool m_closed = false;
    bool m_closing = false;
};

class IdleClient final : public Connection
{
public:
    using Connection::Connection;

private:
    void onEncrypted() override { m_socket.write(bench::httpRequest("GET", "/v1/ca")); }
    void onData(const QByteArray &data) override
    {
        m_buffer += data;
        while (auto response = bench::takeResponseWithBody(m_buffer)) {
            if (response->first != 200)
                fail(QStringLiteral("GET /v1/ca: %1").arg(response->first));
            m_ready = true;
        }
    }
    QByteArray m_buffer;
};

class StreamClient final : public Connection
{
public:
    StreamClient(const QSslConfiguration &tls, const QHostAddress &from, quint16 port, Totals &totals,
                 QStringList channels)
        : Connection(tls, from, port, totals)
        , m_channels(std::move(channels))
    {}

    qint64 messages = 0;
    qint64 gaps = 0;
    qint64 pings = 0;

private:
    void onEncrypted() override
    {
        m_socket.write("GET /v1/stream HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                       "Connection: Upgrade\r\nSec-WebSocket-Key: Y2xvdWRleC1iZW5jaC1sZA==\r\n"
                       "Sec-WebSocket-Version: 13\r\n\r\n");
    }

    void send(quint8 opcode, const QByteArray &payload)
    {
        // Client frames are masked (RFC 6455 5.3); a zero mask keeps the payload as it is.
        QByteArray frame;
        frame.append(char(0x80 | opcode));
        if (payload.size() < 126) {
            frame.append(char(0x80 | payload.size()));
        } else {
            frame.append(char(0x80 | 126));
            frame.append(char((payload.size() >> 8) & 0xff));
            frame.append(char(payload.size() & 0xff));
        }
        frame.append(QByteArray(4, '\0'));
        m_socket.write(frame + payload);
    }

    void onData(const QByteArray &data) override
    {
        m_buffer += data;
        if (!m_upgraded) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            if (!m_buffer.startsWith("HTTP/1.1 101")) {
                fail(QStringLiteral("stream upgrade: %1").arg(QString::fromUtf8(m_buffer.left(40))));
                m_buffer.clear();
                return;
            }
            m_buffer.remove(0, end + 4);
            m_upgraded = true;
            const QJsonObject subscribe{{QStringLiteral("op"), QStringLiteral("subscribe")},
                                        {QStringLiteral("channels"), QJsonArray::fromStringList(m_channels)}};
            send(0x1, QJsonDocument(subscribe).toJson(QJsonDocument::Compact));
        }
        while (m_buffer.size() >= 2) {
            const auto b0 = quint8(m_buffer.at(0));
            const auto b1 = quint8(m_buffer.at(1));
            qsizetype header = 2;
            quint64 length = b1 & 0x7f;
            if (length == 126) {
                if (m_buffer.size() < 4)
                    return;
                length = (quint64(quint8(m_buffer.at(2))) << 8) | quint8(m_buffer.at(3));
                header = 4;
            } else if (length == 127) {
                if (m_buffer.size() < 10)
                    return;
                length = 0;
                for (int i = 0; i < 8; ++i)
                    length = (length << 8) | quint8(m_buffer.at(2 + i));
                header = 10;
            }
            if (quint64(m_buffer.size()) < quint64(header) + length)
                return;
            const QByteArray payload = m_buffer.mid(header, qsizetype(length));
            m_buffer.remove(0, header + qsizetype(length));
            const quint8 opcode = b0 & 0x0f;
            if (opcode == 0x9) {
                ++pings;
                send(0xA, payload);
                continue;
            }
            if (opcode == 0x8) {
                fail(QStringLiteral("stream closed by the server"));
                continue;
            }
            if (opcode == 0x1 || opcode == 0x0) {
                m_message += payload;
                if (b0 & 0x80) {
                    handle(m_message);
                    m_message.clear();
                }
            }
        }
    }

    void handle(const QByteArray &text)
    {
        // A batch is read by a scan, not a JSON parse, so that 500 sessions' worth of frames
        // costs this process little next to the server: the server writes batches as
        // {"type":"batch","messages":[M,M,...]} with each M {"channel":C,"data":D,"seq":N}
        // (keys sorted), so a message's own "seq" is the last one before the next message.
        static const QByteArray batch = QByteArrayLiteral("{\"type\":\"batch\"");
        static const QByteArray start = QByteArrayLiteral("{\"channel\":\"");
        static const QByteArray seqKey = QByteArrayLiteral("\"seq\":");
        if (text.startsWith(batch)) {
            qsizetype at = text.indexOf(start);
            while (at >= 0) {
                const qsizetype next = text.indexOf(start, at + start.size());
                const qsizetype end = next < 0 ? text.size() : next;
                const qsizetype nameEnd = text.indexOf('"', at + start.size());
                const qsizetype seqAt = text.lastIndexOf(seqKey, end);
                if (nameEnd < 0 || seqAt < at) {
                    fail(QStringLiteral("a stream message without a sequence number"));
                    return;
                }
                qsizetype digits = seqAt + seqKey.size();
                qint64 seq = 0;
                while (digits < end && text.at(digits) >= '0' && text.at(digits) <= '9')
                    seq = seq * 10 + (text.at(digits++) - '0');
                message(QString::fromUtf8(text.mid(at + start.size(), nameEnd - at - start.size())), seq);
                at = next;
            }
            return;
        }
        const QJsonObject frame = QJsonDocument::fromJson(text).object();
        const QString type = frame.value(u"type").toString();
        if (type == u"snapshot") {
            m_seq.insert(frame.value(u"channel").toString(), frame.value(u"seq").toInteger());
            if (m_seq.size() == m_channels.size())
                m_ready = true;
            return;
        }
        fail(QStringLiteral("stream: %1").arg(QString::fromUtf8(text.left(200))));
    }

    void message(const QString &channel, qint64 seq)
    {
        ++messages;
        auto it = m_seq.find(channel);
        if (it == m_seq.end())
            return;
        // Messages the snapshot already covered come once more in the next frame.
        if (seq <= *it)
            return;
        if (seq != *it + 1)
            ++gaps;
        *it = seq;
    }

    QStringList m_channels;
    QByteArray m_buffer;
    QByteArray m_message;
    bool m_upgraded = false;
    QHash<QString, qint64> m_seq;
};

class TradeClient final : public Connection
{
public:
    TradeClient(const QSslConfiguration &tls, const QHostAddress &from, quint16 port, Totals &totals,
                bool buy, QString symbol, qint64 mid, int intervalMs, quint64 seed)
        : Connection(tls, from, port, totals)
        , m_buy(buy)
        , m_symbol(std::move(symbol))
        , m_mid(mid)
        , m_rng(seed)
    {
        m_timer.setInterval(intervalMs);
        connect(&m_timer, &QTimer::timeout, this, &TradeClient::sendOrder);
    }

    void measure(bool on) { m_measuring = on; }
    std::vector<qint64> latencyNs;
    qint64 answered = 0;
    qint64 rateLimited = 0;

private:
    void onEncrypted() override
    {
        m_ready = true;
        // Spread the first orders over one interval so the clients do not tick together.
        QTimer::singleShot(std::uniform_int_distribution<int>(0, m_timer.interval())(m_rng), this, [this] {
            m_timer.start();
            sendOrder();
        });
    }

    void sendOrder()
    {
        if (m_waiting)
            return; // one order at a time: the next tick sends when this one is answered
        const qint64 price = m_mid + std::uniform_int_distribution<int>(-20, 20)(m_rng);
        const QJsonObject body{
            {QStringLiteral("symbol"), m_symbol},
            {QStringLiteral("side"), m_buy ? QStringLiteral("buy") : QStringLiteral("sell")},
            {QStringLiteral("type"), QStringLiteral("limit")},
            {QStringLiteral("timeInForce"), QStringLiteral("gtc")},
            {QStringLiteral("price"), price},
            {QStringLiteral("quantity"), std::uniform_int_distribution<int>(1, 5)(m_rng)}};
        m_waiting = true;
        m_sentNs = bench::monotonicNs();
        m_socket.write(
            bench::httpRequest("POST", "/v1/orders", QJsonDocument(body).toJson(QJsonDocument::Compact)));
    }

    void onData(const QByteArray &data) override
    {
        m_buffer += data;
        while (auto response = bench::takeResponseWithBody(m_buffer)) {
            m_waiting = false;
            if (response->first == 429)
                ++rateLimited;
            else if (response->first != 201)
                fail(QStringLiteral("POST /v1/orders: %1 %2")
                         .arg(response->first)
                         .arg(QString::fromUtf8(response->second.left(200))));
            if (m_measuring) {
                ++answered;
                latencyNs.push_back(bench::monotonicNs() - m_sentNs);
            }
        }
    }

    bool m_buy;
    QString m_symbol;
    qint64 m_mid;
    std::mt19937_64 m_rng;
    QTimer m_timer;
    QByteArray m_buffer;
    bool m_waiting = false;
    bool m_measuring = false;
    qint64 m_sentNs = 0;
};

QJsonObject runLoad(const QStringList &arguments)
{
    const qint64 total = bench::argument(arguments, QStringLiteral("--connections"), 2000);
    const qint64 streams = bench::argument(arguments, QStringLiteral("--streams"), total / 4);
    const qint64 traders = bench::argument(arguments, QStringLiteral("--traders"), total / 20);
    const qint64 perAddress = bench::argument(arguments, QStringLiteral("--per-address"), 100);
    const qint64 seconds = bench::argument(arguments, QStringLiteral("--seconds"), 20);
    const qint64 participants =
        std::max<qint64>(2, bench::argument(arguments, QStringLiteral("--participants"), 4));
    const qint64 orderIntervalMs = bench::argument(arguments, QStringLiteral("--order-interval-ms"), 50);
    const qint64 idle = total - streams - traders;
    if (idle < 0 || perAddress < 1)
        return {{QStringLiteral("error"), QStringLiteral("--streams plus --traders exceed --connections")}};
    const QString program = bench::exchangeProgram(arguments);
    const qint64 fileLimit = bench::raiseOpenFileLimit();
    if (fileLimit >= 0 && fileLimit < total + 256)
        return {
            {QStringLiteral("error"), QStringLiteral("the open-file limit %1 is too low for %2 connections")
                                          .arg(fileLimit)
                                          .arg(total)}};

    QTemporaryDir work(QDir::tempPath() + QStringLiteral("/cloudex-load-XXXXXX"));
    bench::Daemon daemon(program, work.filePath(QStringLiteral("exchange")), bench::freePort());
    if (auto made = daemon.init(); !made)
        return {{QStringLiteral("error"), made.error().message}};
    auto started = daemon.start();
    if (!started)
        return {{QStringLiteral("error"), started.error().message}};
    QList<QSslConfiguration> identities;
    for (qint64 p = 0; p < participants; ++p) {
        auto tls = daemon.onboard(QStringLiteral("p-load-%1").arg(p));
        if (!tls)
            return {{QStringLiteral("error"), tls.error().message}};
        identities.append(tls.value());
    }
    auto instrument = daemon.lastHour(kProduct);
    if (!instrument)
        return {{QStringLiteral("error"), instrument.error().message}};
    const QString symbol = instrument->value(u"symbol").toString();
    const qint64 low = instrument->value(u"bandLow").toInteger();
    const qint64 high = instrument->value(u"bandHigh").toInteger();
    const qint64 mid = std::clamp<qint64>(10'000, low + 50, std::max(low + 50, high - 50));
    const QStringList channels{QStringLiteral("trades.") + symbol, QStringLiteral("book.") + symbol};

    // The kinds interleave, so every address and every wave carries all three.
    Totals totals;
    std::vector<std::unique_ptr<Connection>> connections;
    std::vector<StreamClient *> streamClients;
    std::vector<TradeClient *> tradeClients;
    connections.reserve(std::size_t(total));
    qint64 madeStreams = 0;
    qint64 madeTraders = 0;
    QElapsedTimer ramp;
    ramp.start();
    for (qint64 i = 0; i < total; ++i) {
        const QHostAddress from(QStringLiteral("127.0.0.%1").arg(2 + i / perAddress));
        const QSslConfiguration &tls = identities.at(i % identities.size());
        // Bresenham-like interleaving: kind i gets its share of every stretch of connections.
        if ((madeStreams + 1) * total <= (i + 1) * streams) {
            auto c = std::make_unique<StreamClient>(tls, from, daemon.port(), totals, channels);
            streamClients.push_back(c.get());
            connections.push_back(std::move(c));
            ++madeStreams;
        } else if ((madeTraders + 1) * total <= (i + 1) * traders) {
            const qint64 p = madeTraders % participants;
            auto c = std::make_unique<TradeClient>(identities.at(p), from, daemon.port(), totals, p % 2 == 0,
                                                   symbol, mid, int(orderIntervalMs), quint64(i));
            tradeClients.push_back(c.get());
            connections.push_back(std::move(c));
            ++madeTraders;
        } else {
            connections.push_back(std::make_unique<IdleClient>(tls, from, daemon.port(), totals));
        }
        if ((i + 1) % kWave == 0 || i + 1 == total) {
            const bool up = bench::waitUntil(
                [&] {
                    return std::all_of(connections.cbegin(), connections.cend(),
                                       [](const auto &c) { return c->ready() || !c->open(); });
                },
                kWaveTimeoutMs);
            if (!up)
                totals.note(QStringLiteral("wave ending at %1 did not come up in time").arg(i + 1));
        }
    }
    const double rampSeconds = double(ramp.elapsed()) / 1e3;
    const auto countReady = [&] {
        return qint64(std::count_if(connections.cbegin(), connections.cend(),
                                    [](const auto &c) { return c->ready(); }));
    };
    const qint64 readyAfterRamp = countReady();

    // The hold: traders trade, streams stream, idle connections wait.
    for (TradeClient *t : tradeClients)
        t->measure(true);
    const qint64 t0 = bench::monotonicNs();
    bench::wait(int(seconds * 1000));
    const double heldSeconds = double(bench::monotonicNs() - t0) / 1e9;
    for (TradeClient *t : tradeClients)
        t->measure(false);
    const qint64 held = qint64(
        std::count_if(connections.cbegin(), connections.cend(), [](const auto &c) { return c->ready(); }));

    std::vector<qint64> latency;
    qint64 answered = 0;
    qint64 rateLimited = 0;
    for (TradeClient *t : tradeClients) {
        latency.insert(latency.end(), t->latencyNs.begin(), t->latencyNs.end());
        answered += t->answered;
        rateLimited += t->rateLimited;
    }
    qint64 messages = 0;
    qint64 gaps = 0;
    qint64 pings = 0;
    for (StreamClient *s : streamClients) {
        messages += s->messages;
        gaps += s->gaps;
        pings += s->pings;
    }
    for (auto &c : connections)
        c->close();
    connections.clear();
    const bool stopped = daemon.stop();

    QJsonObject figures{{QStringLiteral("connections"), total},
                        {QStringLiteral("idle"), idle},
                        {QStringLiteral("streams"), streams},
                        {QStringLiteral("traders"), traders},
                        {QStringLiteral("source_addresses"), (total + perAddress - 1) / perAddress},
                        {QStringLiteral("ramp_s"), rampSeconds},
                        {QStringLiteral("ready_after_ramp"), readyAfterRamp},
                        {QStringLiteral("connections_held"), held},
                        {QStringLiteral("seconds"), heldSeconds},
                        {QStringLiteral("orders_per_s"), qRound64(double(answered) / heldSeconds)},
                        {QStringLiteral("order_p50_ms"), double(bench::percentile(latency, 0.50)) / 1e6},
                        {QStringLiteral("order_p99_ms"), double(bench::percentile(latency, 0.99)) / 1e6},
                        {QStringLiteral("order_max_ms"), double(bench::percentile(latency, 1.0)) / 1e6},
                        {QStringLiteral("stream_messages"), messages},
                        {QStringLiteral("stream_pings_answered"), pings},
                        {QStringLiteral("gaps"), gaps},
                        {QStringLiteral("rate_limited"), rateLimited},
                        {QStringLiteral("refused"), totals.refused},
                        {QStringLiteral("failures"), totals.failures},
                        {QStringLiteral("exchange_start_ms"), started.value()},
                        {QStringLiteral("open_file_limit"), fileLimit}};
    QStringList checksFailed;
    if (held != total)
        checksFailed.append(QStringLiteral("%1 of %2 connections held").arg(held).arg(total));
    if (!stopped)
        checksFailed.append(QStringLiteral("the exchange did not stop cleanly"));
    if (!checksFailed.isEmpty())
        figures.insert(QStringLiteral("checks_failed"), QJsonArray::fromStringList(checksFailed));
    if (!totals.notes.isEmpty())
        figures.insert(QStringLiteral("notes"), QJsonArray::fromStringList(totals.notes));
    return figures;
}

const bool registered = cloudex::bench::registerSuite(
    QStringLiteral("load"),
    QStringLiteral("2,000 TLS connections (idle, stream, trade) from several loopback addresses to the real "
                   "cloudex-exchange [--connections N] [--streams N] [--traders N] [--per-address N] "
                   "[--seconds S] [--participants N] [--order-interval-ms M] [--exchange PATH]"),
    runLoad);
} // namespace
