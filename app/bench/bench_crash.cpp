// Crash soak: the real cloudex-exchange, SIGKILLed again and again under load, must never
// lose or double an order a client saw acknowledged, and must recover to the state a replay
// of its journal reaches.
//
// Per seed: a fresh data directory (--init), participants onboarded by the admin commands,
// traders on mutual TLS that pipeline POST /v1/orders with client order ids (half the
// participants buy, half sell, around one price, so orders rest and trade). Then, --kills /
// --seeds times: run the load for a random while, SIGKILL the daemon, replay the journal it
// left (from sequence 1, in this process, through the engine) and restart the daemon, whose
// own recovery (snapshot and tail) must log the same sequence and digest. A trader resends
// what was in flight at the kill with the same client order id, as a client must.
// At the end of a seed every acknowledged order is checked against the recovered exchange:
// sent again, it must come back as the duplicate of the same order id (else it was lost),
// and its quantity must be accounted for exactly by its fills and its open remainder (less:
// lost; more, or an order id no acknowledgement named: doubled). Then an orderly stop,
// `cloudex-exchange verify`, and a restart that must recover the digest the stop logged.
#include "benchdaemon.h"
#include "benchexchange.h"
#include "benchsuite.h"
#include "exchangeload.h"

#include "market/codec.h"
#include "market/engine.h"
#include "store/journal.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTextStream>

#include <deque>
#include <memory>
#include <random>

namespace {
using namespace cloudex;

const QString kProduct = QStringLiteral("DE.GP2.SH.S1");

class Trader final : public QObject
{
public:
    enum class Kind { Order, Verify, OpenOrders, Fills };
    struct Request
    {
        Kind kind = Kind::Order;
        QString clientId;
    };
    struct Order
    {
        QByteArray body;
        qint64 quantity = 0;
        quint64 orderId = 0; ///< from the first acknowledgement; 0 until then
        bool rejected = false;
    };

    Trader(int index, bool buy, QSslConfiguration tls, quint16 port, QString symbol, qint64 mid, quint64 seed,
           int depth)
        : m_index(index)
        , m_buy(buy)
        , m_tls(std::move(tls))
        , m_port(port)
        , m_symbol(std::move(symbol))
        , m_mid(mid)
        , m_seed(seed)
        , m_depth(depth)
        , m_rng(seed * 1000 + quint64(index))
    {}

    void connectNow()
    {
        m_socket = std::make_unique<QSslSocket>();
        m_socket->setSslConfiguration(m_tls);
        m_buffer.clear();
        connect(m_socket.get(), &QSslSocket::encrypted, this, [this] { pump(); });
        connect(m_socket.get(), &QSslSocket::readyRead, this, &Trader::read);
        connect(m_socket.get(), &QSslSocket::disconnected, this, &Trader::onClosed);
        connect(m_socket.get(), &QSslSocket::errorOccurred, this, &Trader::onClosed);
        m_socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port, QStringLiteral("localhost"));
    }
    bool encrypted() const { return m_socket && m_socket->isEncrypted() && !m_closed; }
    bool closed() const { return !m_socket || m_closed; }
    /// New orders while producing; otherwise only what must be resent or verified.
    void setProducing(bool on) { m_producing = on; }
    bool idle() const { return m_sent.empty() && m_retry.empty(); }

    /// Sends every acknowledged order again (same client id, same body), then asks for the
    /// open orders and the fills.
    void verify()
    {
        for (const QString &id : std::as_const(m_order))
            if (m_orders.value(id).orderId != 0)
                m_retry.push_back({Kind::Verify, id});
        m_retry.push_back({Kind::OpenOrders, {}});
        m_retry.push_back({Kind::Fills, {}});
        pump();
    }

    qint64 acked() const
    {
        return std::count_if(m_orders.cbegin(), m_orders.cend(),
                             [](const Order &o) { return o.orderId != 0; });
    }
    qint64 rejected = 0;
    qint64 retried = 0; ///< requests resent after a kill
    qint64 duplicatesOnRetry = 0;
    qint64 rateLimited = 0;
    qint64 failures = 0; ///< answers a well-behaved client should never get
    qint64 lost = 0;
    qint64 doubled = 0;
    qint64 verified = 0;
    bool accounted = false; ///< open orders and fills were checked
    QStringList notes;

private:
    void pump()
    {
        if (!encrypted())
            return;
        while (qsizetype(m_sent.size()) < m_depth) {
            Request next;
            if (!m_retry.empty()) {
                next = m_retry.front();
                m_retry.pop_front();
            } else if (m_producing) {
                next = {Kind::Order, newOrder()};
            } else {
                break;
            }
            m_sent.push_back(next);
            switch (next.kind) {
            case Kind::Order:
            case Kind::Verify:
                m_socket->write(bench::httpRequest("POST", "/v1/orders", m_orders.value(next.clientId).body));
                break;
            case Kind::OpenOrders:
                m_socket->write(bench::httpRequest("GET", "/v1/orders"));
                break;
            case Kind::Fills:
                m_socket->write(bench::httpRequest("GET", "/v1/fills"));
                break;
            }
        }
    }

    QString newOrder()
    {
        const QString id = QStringLiteral("s%1c%2n%3").arg(m_seed).arg(m_index).arg(m_next++);
        Order order;
        order.quantity = std::uniform_int_distribution<int>(1, 10)(m_rng);
        const qint64 price = m_mid + std::uniform_int_distribution<int>(-20, 20)(m_rng);
        order.body = QJsonDocument(QJsonObject{{QStringLiteral("symbol"), m_symbol},
                                               {QStringLiteral("side"),
                                                m_buy ? QStringLiteral("buy") : QStringLiteral("sell")},
                                               {QStringLiteral("type"), QStringLiteral("limit")},
                                               {QStringLiteral("timeInForce"), QStringLiteral("gtc")},
                                               {QStringLiteral("price"), price},
                                               {QStringLiteral("quantity"), order.quantity},
                                               {QStringLiteral("clientOrderId"), id}})
                         .toJson(QJsonDocument::Compact);
        m_orders.insert(id, order);
        m_order.append(id);
        return id;
    }

    void read()
    {
        if (!m_socket)
            return;
        m_buffer += m_socket->readAll();
        while (auto response = bench::takeResponseWithBody(m_buffer)) {
            if (m_sent.empty()) {
                ++failures;
                continue;
            }
            const Request request = m_sent.front();
            m_sent.pop_front();
            handle(request, response->first, response->second);
        }
        pump();
    }

    void handle(const Request &request, int status, const QByteArray &body)
    {
        // Refused before the engine (rate limit) or while the journal was failing: send again.
        if (status == 429 || status >= 500) {
            if (status == 429)
                ++rateLimited;
            else
                ++failures;
            m_retry.push_back(request);
            return;
        }
        const QJsonObject answer = QJsonDocument::fromJson(body).object();
        if (request.kind == Kind::OpenOrders || request.kind == Kind::Fills) {
            if (status != 200) {
                ++failures;
                return;
            }
            // Either may be answered later than the other (a 429 sends it again), so the
            // accounting waits for both.
            if (request.kind == Kind::OpenOrders) {
                m_open = answer.value(u"orders").toArray();
                m_haveOpen = true;
            } else {
                m_fills = answer.value(u"fills").toArray();
                m_haveFills = true;
            }
            if (m_haveOpen && m_haveFills)
                account();
            return;
        }
        Order &order = m_orders[request.clientId];
        if (status != 201) {
            ++rejected;
            order.rejected = true;
            if (notes.size() < 5)
                notes.append(QStringLiteral("%1: %2 %3")
                                 .arg(request.clientId)
                                 .arg(status)
                                 .arg(QString::fromUtf8(body)));
            return;
        }
        const quint64 orderId = quint64(answer.value(u"orderId").toInteger());
        const bool duplicate = answer.value(u"duplicate").toBool();
        if (request.kind == Kind::Verify) {
            if (duplicate && orderId == order.orderId) {
                ++verified;
            } else {
                ++lost;
                if (notes.size() < 5)
                    notes.append(QStringLiteral("%1 (order %2) sent again: %3")
                                     .arg(request.clientId)
                                     .arg(order.orderId)
                                     .arg(QString::fromUtf8(body)));
            }
            return;
        }
        if (duplicate)
            ++duplicatesOnRetry;
        if (order.orderId == 0) {
            order.orderId = orderId;
        } else if (order.orderId != orderId) {
            // One client order id, two orders.
            ++doubled;
        }
    }

    /// Every acknowledged order's quantity is its fills plus its open remainder, exactly;
    /// every order id in the fills and the open orders is one an acknowledgement named.
    void account()
    {
        const QJsonArray &fills = m_fills;
        QHash<quint64, qint64> volume;
        QHash<quint64, int> openCount;
        for (const QJsonValue &f : fills)
            volume[quint64(f[u"orderId"].toInteger())] += f[u"quantity"].toInteger();
        for (const QJsonValue &o : std::as_const(m_open)) {
            const quint64 id = quint64(o[u"id"].toInteger());
            volume[id] += o[u"remaining"].toInteger();
            ++openCount[id];
        }
        QHash<quint64, qint64> expected;
        for (const Order &order : std::as_const(m_orders))
            if (order.orderId != 0)
                expected.insert(order.orderId, order.quantity);
        for (auto it = volume.cbegin(); it != volume.cend(); ++it) {
            const auto want = expected.constFind(it.key());
            if (want == expected.cend() || it.value() > want.value() || openCount.value(it.key()) > 1) {
                ++doubled;
                if (notes.size() < 5)
                    notes.append(QStringLiteral("order %1: %2 instances accounted, %3 acknowledged")
                                     .arg(it.key())
                                     .arg(it.value())
                                     .arg(want == expected.cend() ? 0 : want.value()));
            }
        }
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            if (volume.value(it.key()) < it.value()) {
                ++lost;
                if (notes.size() < 5)
                    notes.append(QStringLiteral("order %1: %2 instances accounted, %3 acknowledged")
                                     .arg(it.key())
                                     .arg(volume.value(it.key()))
                                     .arg(it.value()));
            }
        }
        accounted = true;
    }

    void onClosed()
    {
        if (m_closed || !m_socket)
            return;
        m_closed = true;
        read(); // answers that arrived before the close still count
        // Unanswered requests go first when the trader is back, in their order.
        retried += qint64(m_sent.size());
        while (!m_sent.empty()) {
            m_retry.push_front(m_sent.back());
            m_sent.pop_back();
        }
        m_socket->disconnect(this);
        m_socket->deleteLater();
        m_socket.release();
    }

public:
    void reconnect()
    {
        m_closed = false;
        connectNow();
    }

private:
    int m_index;
    bool m_buy;
    QSslConfiguration m_tls;
    quint16 m_port;
    QString m_symbol;
    qint64 m_mid;
    quint64 m_seed;
    int m_depth;
    std::mt19937_64 m_rng;
    std::unique_ptr<QSslSocket> m_socket;
    QByteArray m_buffer;
    bool m_closed = false;
    bool m_producing = true;
    std::deque<Request> m_sent;
    std::deque<Request> m_retry;
    QHash<QString, Order> m_orders;
    QStringList m_order; ///< client ids in the order they were made
    qint64 m_next = 1;
    QJsonArray m_open;
    QJsonArray m_fills;
    bool m_haveOpen = false;
    bool m_haveFills = false;
};

/// Replays the journal records after the engine's last applied one, verifying the chain,
/// as a fresh start would; the engine carries on from record to record across kills.
struct Replayer
{
    market::Engine engine;
    quint64 seq = 0;

    /// Replays a copy of the journal (the daemon's files stay as the kill left them).
    Result<bench::Digest> replay(const QString &dataDir, const QString &scratch)
    {
        QDir().mkpath(scratch);
        const QString copy = QDir(scratch).filePath(QStringLiteral("journal.db"));
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile::remove(copy + suffix);
            const QString from = QDir(dataDir).filePath(QStringLiteral("journal.db")) + suffix;
            if (suffix != u"-shm" && QFile::exists(from) && !QFile::copy(from, copy + suffix))
                return Error{QStringLiteral("bench.copy"), QStringLiteral("cannot copy %1").arg(from)};
        }
        bool decoded = true;
        auto walked = store::Journal::replay(copy, seq, [&](std::uint64_t s, std::string_view payload) {
            market::Reader in(payload);
            market::Command command;
            if (s != seq + 1 || !market::decode(in, command)) {
                decoded = false;
                return false;
            }
            engine.apply(command);
            seq = s;
            return true;
        });
        if (!walked)
            return walked.error();
        if (!decoded)
            return Error{QStringLiteral("bench.replay"),
                         QStringLiteral("record %1 does not decode").arg(seq + 1)};
        return bench::Digest{seq, engine.stateHash()};
    }
};

QJsonObject runCrash(const QStringList &arguments)
{
    const qint64 kills = bench::argument(arguments, QStringLiteral("--kills"), 1000);
    const qint64 seeds = std::max<qint64>(1, bench::argument(arguments, QStringLiteral("--seeds"), 10));
    const qint64 firstSeed = bench::argument(arguments, QStringLiteral("--first-seed"), 1);
    const int traders = int(std::max<qint64>(2, bench::argument(arguments, QStringLiteral("--traders"), 4)));
    const int depth = int(bench::argument(arguments, QStringLiteral("--pipeline"), 8));
    const qint64 minRunMs = bench::argument(arguments, QStringLiteral("--min-run-ms"), 50);
    const qint64 maxRunMs = bench::argument(arguments, QStringLiteral("--max-run-ms"), 400);
    const qint64 snapshotEvery = bench::argument(arguments, QStringLiteral("--snapshot-every"), 5000);
    const QString program = bench::exchangeProgram(arguments);
    if (!QFile::exists(program))
        return {{QStringLiteral("error"),
                 QStringLiteral("no cloudex-exchange at %1 (--exchange PATH)").arg(program)}};

    qint64 killed = 0;
    qint64 acked = 0;
    qint64 lost = 0;
    qint64 doubled = 0;
    qint64 mismatches = 0;
    qint64 verified = 0;
    qint64 rejected = 0;
    qint64 retried = 0;
    qint64 duplicates = 0;
    qint64 rateLimited = 0;
    qint64 failures = 0;
    qint64 commands = 0;
    std::vector<qint64> startMs;
    QStringList notes;
    QElapsedTimer wall;
    wall.start();

    for (qint64 s = 0; s < seeds; ++s) {
        const quint64 seed = quint64(firstSeed + s);
        const qint64 seedKills = kills / seeds + (s < kills % seeds ? 1 : 0);
        std::mt19937_64 rng(seed);
        QTemporaryDir work(QDir::tempPath() + QStringLiteral("/cloudex-crash-XXXXXX"));
        const QString dataDir = work.filePath(QStringLiteral("exchange"));
        bench::Daemon daemon(program, dataDir, bench::freePort(),
                             {QStringLiteral("--snapshot-every"), QString::number(snapshotEvery)});
        if (auto made = daemon.init(); !made)
            return {{QStringLiteral("error"), made.error().message}};
        auto started = daemon.start();
        if (!started)
            return {{QStringLiteral("error"), started.error().message}};
        QList<QSslConfiguration> identities;
        for (int t = 0; t < traders; ++t) {
            auto tls = daemon.onboard(QStringLiteral("p-soak-%1").arg(t));
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

        std::vector<std::unique_ptr<Trader>> crowd;
        for (int t = 0; t < traders; ++t)
            crowd.push_back(std::make_unique<Trader>(t, t % 2 == 0, identities.at(t), daemon.port(), symbol,
                                                     mid, seed, depth));
        Replayer replayer;
        const QString scratch = work.filePath(QStringLiteral("replay"));
        const auto allClosed = [&] {
            return std::all_of(crowd.cbegin(), crowd.cend(), [](const auto &t) { return t->closed(); });
        };
        const auto allEncrypted = [&] {
            return std::all_of(crowd.cbegin(), crowd.cend(), [](const auto &t) { return t->encrypted(); });
        };
        // The replay reads the journal while the daemon is down, before its own recovery.
        const auto compare = [&](const Result<bench::Digest> &replayed,
                                 const std::optional<bench::Digest> &daemonDigest, const char *when) {
            if (!replayed || !daemonDigest || !(*daemonDigest == replayed.value())) {
                ++mismatches;
                if (notes.size() < 10)
                    notes.append(QStringLiteral("seed %1 %2: daemon %3/%4, replay %5")
                                     .arg(seed)
                                     .arg(QLatin1String(when))
                                     .arg(daemonDigest ? daemonDigest->seq : 0)
                                     .arg(daemonDigest ? daemonDigest->hash : 0, 16, 16, QLatin1Char('0'))
                                     .arg(replayed ? QStringLiteral("%1/%2")
                                                         .arg(replayed->seq)
                                                         .arg(replayed->hash, 16, 16, QLatin1Char('0'))
                                                   : replayed.error().message));
            }
        };

        for (auto &t : crowd)
            t->connectNow();
        for (qint64 k = 0; k < seedKills; ++k) {
            if (!bench::waitUntil(allEncrypted, 30'000))
                return {
                    {QStringLiteral("error"), QStringLiteral("seed %1 kill %2: traders could not connect: %3")
                                                  .arg(seed)
                                                  .arg(k)
                                                  .arg(QString::fromUtf8(daemon.log().right(1000)))}};
            bench::wait(int(std::uniform_int_distribution<qint64>(minRunMs, maxRunMs)(rng)));
            daemon.kill();
            ++killed;
            bench::waitUntil(allClosed, 10'000);
            // Replay what the kill left, then let the daemon recover it on its own.
            const Result<bench::Digest> replayed = replayer.replay(dataDir, scratch);
            started = daemon.start();
            if (!started)
                return {
                    {QStringLiteral("error"),
                     QStringLiteral("seed %1 restart %2: %3").arg(seed).arg(k).arg(started.error().message)}};
            startMs.push_back(qRound64(started.value()));
            compare(replayed, daemon.recovered(), "after a kill");
            for (auto &t : crowd)
                if (t->closed())
                    t->reconnect();
        }

        // Drain: what was in flight is resent and answered, then everything is checked.
        if (!bench::waitUntil(allEncrypted, 30'000))
            return {
                {QStringLiteral("error"), QStringLiteral("seed %1: traders could not reconnect").arg(seed)}};
        for (auto &t : crowd)
            t->setProducing(false);
        const auto allIdle = [&] {
            return std::all_of(crowd.cbegin(), crowd.cend(), [](const auto &t) { return t->idle(); });
        };
        if (!bench::waitUntil(allIdle, 120'000))
            return {{QStringLiteral("error"),
                     QStringLiteral("seed %1: in-flight orders were not answered").arg(seed)}};
        for (auto &t : crowd)
            t->verify();
        if (!bench::waitUntil(allIdle, 600'000))
            return {
                {QStringLiteral("error"), QStringLiteral("seed %1: verification did not finish").arg(seed)}};
        for (const auto &t : crowd) {
            acked += t->acked();
            lost += t->lost;
            doubled += t->doubled;
            verified += t->verified;
            rejected += t->rejected;
            retried += t->retried;
            duplicates += t->duplicatesOnRetry;
            rateLimited += t->rateLimited;
            failures += t->failures;
            if (!t->accounted)
                ++failures;
            for (const QString &note : t->notes)
                if (notes.size() < 10)
                    notes.append(QStringLiteral("seed %1: %2").arg(seed).arg(note));
        }
        crowd.clear();
        QTextStream(stderr) << "crash: seed " << seed << " done, " << killed << " kills, " << acked
                            << " acknowledged orders, lost " << lost << ", doubled " << doubled
                            << ", digest mismatches " << mismatches << Qt::endl;

        // An orderly stop, the offline verifier, and a restart to the same digest.
        if (!daemon.stop()) {
            ++mismatches;
            notes.append(QStringLiteral("seed %1: the orderly stop failed").arg(seed));
        }
        const std::optional<bench::Digest> stopped = daemon.stopped();
        compare(replayer.replay(dataDir, scratch), stopped, "at the orderly stop");
        if (auto checked = daemon.admin({QStringLiteral("verify")}); !checked) {
            ++mismatches;
            notes.append(QStringLiteral("seed %1: %2").arg(seed).arg(checked.error().message));
        }
        if (auto again = daemon.start(); !again)
            return {{QStringLiteral("error"), again.error().message}};
        if (!stopped || daemon.recovered() != stopped) {
            ++mismatches;
            notes.append(QStringLiteral("seed %1: the restart after the orderly stop recovered another state")
                             .arg(seed));
        }
        commands += qint64(stopped ? stopped->seq : 0);
        daemon.stop();
    }

    std::sort(startMs.begin(), startMs.end());
    const auto startAt = [&](double p) {
        return startMs.empty()
                   ? 0
                   : startMs[std::min(startMs.size() - 1, std::size_t(p * double(startMs.size())))];
    };
    QJsonObject figures{{QStringLiteral("kills"), killed},
                        {QStringLiteral("seeds"), seeds},
                        {QStringLiteral("traders"), traders},
                        {QStringLiteral("acked_orders"), acked},
                        {QStringLiteral("verified"), verified},
                        {QStringLiteral("lost"), lost},
                        {QStringLiteral("doubled"), doubled},
                        {QStringLiteral("digest_mismatches"), mismatches},
                        {QStringLiteral("resent_after_kill"), retried},
                        {QStringLiteral("duplicates_on_resend"), duplicates},
                        {QStringLiteral("rejected"), rejected},
                        {QStringLiteral("rate_limited"), rateLimited},
                        {QStringLiteral("failures"), failures},
                        {QStringLiteral("journal_records"), commands},
                        {QStringLiteral("restart_p50_ms"), startAt(0.5)},
                        {QStringLiteral("restart_p99_ms"), startAt(0.99)},
                        {QStringLiteral("restart_max_ms"), startAt(1.0)},
                        {QStringLiteral("wall_s"), double(wall.elapsed()) / 1e3}};
    if (!notes.isEmpty())
        figures.insert(QStringLiteral("notes"), QJsonArray::fromStringList(notes));
    return figures;
}

const bool registered = cloudex::bench::registerSuite(
    QStringLiteral("crash"),
    QStringLiteral("SIGKILL the real cloudex-exchange under TLS order load, check every acknowledged order "
                   "[--kills N] [--seeds N] [--traders N] [--pipeline D] [--min-run-ms M] [--max-run-ms M] "
                   "[--snapshot-every N] [--exchange PATH]"),
    runCrash);
} // namespace
