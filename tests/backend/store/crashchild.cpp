// Helper of tst_crashrecovery: an exchange journaling under load until it is killed. It
// prints "READY <seq> <hash>" after recovery, "A <seq>" for every acknowledged command and
// "H <seq> <hash>" with the state digest right after command <seq> for every 500th command
// once that command is acknowledged. The parent kills it with SIGKILL at a random moment.
#include "market/exchange.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

#include <random>
#include <unistd.h>

using namespace cloudex;
using namespace cloudex::market;

namespace {
constexpr int kBatch = 100;
constexpr quint64 kMaxInFlight = 4000;
constexpr quint64 kHashEvery = 500;
constexpr int kCommandsPerSecondTick = 400;
const QStringList kTraders = {QStringLiteral("p-a"), QStringLiteral("p-b"), QStringLiteral("p-c"),
                              QStringLiteral("p-d")};

std::string g_out;

void flushOut()
{
    std::size_t done = 0;
    while (done < g_out.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, g_out.data() + done, g_out.size() - done);
        if (n <= 0)
            break;
        done += std::size_t(n);
    }
    g_out.clear();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4)
        return 2;
    const QString path = args.at(1);
    const quint64 seed = args.at(2).toULongLong();
    const int run = args.at(3).toInt();

    Exchange::Config config;
    config.products = {catalogue::Catalogue::standard().parseProduct(QStringLiteral("DE.GP2.SH.S1")).value()};
    config.horizon = catalogue::ListingHorizon{6, 1, 0, 0, 0};
    config.bandLowTicks = 1000;
    config.bandHighTicks = 3000;
    config.snapshotEvery = 700;
    config.journal.maxBatch = 512;
    Exchange x;
    if (Result<void> opened = x.open(path, config); !opened) {
        g_out = "ERROR " + opened.error().message.toStdString() + "\n";
        flushOut();
        return 3;
    }
    const qint64 base = QDateTime(QDate(2026, 12, 1), QTime(8, 0), Qt::UTC).toSecsSinceEpoch();
    x.advanceClock(std::max(x.nowSecs(), base) + 1);
    // Every run: if the first run died before its participants were durable, a later run
    // adds them; otherwise the exchange refuses the duplicates without journaling them.
    for (const QString &t : kTraders)
        x.addParticipant({t,
                          Role::Both,
                          QStringLiteral("DE"),
                          {QStringLiteral("C5")},
                          QStringLiteral("standard"),
                          RiskLimits::unlimited()});
    g_out = "READY " + std::to_string(x.lastSeq()) + " " + std::to_string(x.stateHash()) + "\n";
    flushOut();

    std::mt19937_64 rng(seed * 1000 + quint64(run));
    auto pick = [&](int lo, int hi) {
        return std::uniform_int_distribution<int>(lo, hi)(rng);
    };
    quint64 acked = x.lastSeq();
    std::vector<quint64> orders;
    int sinceTick = 0;
    auto report = [&](const Ack &ack) {
        acked = std::max(acked, ack.commandSeq);
        g_out += "A " + std::to_string(ack.commandSeq) + "\n";
        if (ack.accepted && ack.orderId != 0)
            orders.push_back(ack.orderId);
    };

    QTimer pump;
    QObject::connect(&pump, &QTimer::timeout, &x, [&] {
        for (int i = 0; i < kBatch && x.lastSeq() - acked < kMaxInFlight; ++i) {
            const QStringList symbols = x.openSymbols();
            const QString &who = kTraders.at(pick(0, int(kTraders.size()) - 1));
            const int roll = pick(0, 99);
            if (++sinceTick >= kCommandsPerSecondTick) {
                sinceTick = 0;
                x.advanceClock(x.nowSecs() + 1);
            } else if (roll < 65 || orders.empty()) {
                OrderRequest o;
                o.symbol = symbols.at(pick(0, int(std::min<qsizetype>(symbols.size(), 4)) - 1));
                o.side = pick(0, 1) ? Side::Buy : Side::Sell;
                o.priceTicks = 2000 + pick(-50, 50);
                o.quantity = pick(1, 8);
                o.timeInForce =
                    pick(0, 9) == 0 ? TimeInForce::ImmediateOrCancel : TimeInForce::GoodTillCancel;
                if (pick(0, 4) == 0)
                    o.clientOrderId = QStringLiteral("c-%1-%2").arg(run).arg(pick(0, 500));
                x.submitOrder(who, o, report);
            } else if (roll < 90) {
                x.cancelOrder(who, orders.at(std::size_t(pick(0, int(orders.size()) - 1))), report);
            } else {
                x.replaceOrder(who, orders.at(std::size_t(pick(0, int(orders.size()) - 1))),
                               2000 + pick(-50, 50), pick(1, 8), report);
            }
            // The digest right after this command, reported once the command is durable.
            if (x.lastSeq() % kHashEvery == 0) {
                const quint64 seq = x.lastSeq();
                const std::uint64_t hash = x.stateHash();
                QObject::connect(&x, &Exchange::committed, &x, [seq, hash](quint64 committed) {
                    if (committed == seq)
                        g_out += "H " + std::to_string(seq) + " " + std::to_string(hash) + "\n";
                });
            }
        }
        flushOut();
    });
    pump.start(0);
    return app.exec();
}
