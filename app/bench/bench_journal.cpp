// Durable acknowledgement: orders go through sequencing, matching, the journal's grouped
// commit (WAL, synchronous=FULL) and come back acknowledged. The journal lives in a
// temporary directory on the same disk as the data directory (--dir overrides it).
#include "benchsuite.h"
#include "exchangeload.h"

#include <QTemporaryDir>

namespace {
using namespace cloudex;

QJsonObject runJournal(const QStringList &arguments)
{
    const qint64 orders = bench::argument(arguments, QStringLiteral("--orders"), 1'000'000);
    const qint64 inFlight = bench::argument(arguments, QStringLiteral("--in-flight"), 1000);
    const bool normal = arguments.contains(QStringLiteral("--normal"));
    const qsizetype dirAt = arguments.indexOf(QStringLiteral("--dir"));
    QTemporaryDir dir(dirAt >= 0 && dirAt + 1 < arguments.size()
                          ? arguments.at(dirAt + 1) + QStringLiteral("/journal-XXXXXX")
                          : QDir::tempPath() + QStringLiteral("/journal-XXXXXX"));
    market::Exchange::Config config = bench::loadConfig();
    config.journal.synchronousFull = !normal;
    config.snapshotEvery = 0;
    market::Exchange x;
    if (Result<void> opened = x.open(dir.filePath(QStringLiteral("journal.db")), config); !opened)
        return {{QStringLiteral("error"), opened.error().message}};
    bench::setUpLoad(x);
    const bench::LoadResult r = bench::runLoad(x, orders, inFlight, 16);
    return {{QStringLiteral("orders"), orders},
            {QStringLiteral("orders_per_s"), qRound64(double(orders) / r.seconds)},
            {QStringLiteral("commit_p50_ms"), double(bench::percentile(r.commitLatencyNs, 0.50)) / 1e6},
            {QStringLiteral("commit_p99_ms"), double(bench::percentile(r.commitLatencyNs, 0.99)) / 1e6},
            {QStringLiteral("in_flight"), inFlight},
            {QStringLiteral("max_batch"), config.journal.maxBatch},
            {QStringLiteral("synchronous"), normal ? QStringLiteral("NORMAL") : QStringLiteral("FULL")}};
}

const bool registered = cloudex::bench::registerSuite(
    QStringLiteral("journal"),
    QStringLiteral(
        "durable acknowledged orders with grouped commits (--orders N --in-flight N --normal --dir D)"),
    runJournal);
} // namespace
