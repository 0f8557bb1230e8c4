// Start-up cost: rebuild the exchange from its journal alone (no snapshot), the worst case.
// The journal is written first by the same order flow as the journal suite.
#include "benchsuite.h"
#include "exchangeload.h"

#include <QTemporaryDir>

namespace {
using namespace cloudex;

QJsonObject runRecovery(const QStringList &arguments)
{
    const qint64 orders = bench::argument(arguments, QStringLiteral("--orders"), 1'000'000);
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/recovery-XXXXXX"));
    const QString path = dir.filePath(QStringLiteral("journal.db"));
    market::Exchange::Config config = bench::loadConfig();
    config.snapshotEvery = 0;
    std::uint64_t hashBefore = 0;
    {
        market::Exchange x;
        if (Result<void> opened = x.open(path, config); !opened)
            return {{QStringLiteral("error"), opened.error().message}};
        bench::setUpLoad(x);
        bench::runLoad(x, orders, 20'000, 1'000'000);
        x.flush();
        hashBefore = x.stateHash();
    }
    QElapsedTimer timer;
    timer.start();
    market::Exchange y;
    if (Result<void> opened = y.open(path, config); !opened)
        return {{QStringLiteral("error"), opened.error().message}};
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double commands = double(y.lastSeq());
    return {{QStringLiteral("events"), qint64(y.lastSeq())},
            {QStringLiteral("engine_events"), qint64(y.engine().eventSeq())},
            {QStringLiteral("seconds"), seconds},
            {QStringLiteral("seconds_per_million"), seconds / commands * 1e6},
            {QStringLiteral("state_hash_equal"), y.stateHash() == hashBefore}};
}

const bool registered = cloudex::bench::registerSuite(
    QStringLiteral("recovery"), QStringLiteral("rebuild from the journal without a snapshot (--orders N)"),
    runRecovery);
} // namespace
