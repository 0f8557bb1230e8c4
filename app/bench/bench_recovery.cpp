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

    // What a snapshot of this state costs the exchange thread, and what restoring it costs.
    timer.restart();
    const std::string snapshot = y.engine().snapshot();
    const double snapshotSeconds = double(timer.nsecsElapsed()) / 1e9;
    market::Engine restored;
    timer.restart();
    const bool restoredOk = restored.restore(snapshot);
    const double restoreSeconds = double(timer.nsecsElapsed()) / 1e9;
    return {{QStringLiteral("events"), qint64(y.lastSeq())},
            {QStringLiteral("engine_events"), qint64(y.engine().eventSeq())},
            {QStringLiteral("seconds"), seconds},
            {QStringLiteral("seconds_per_million"), seconds / commands * 1e6},
            {QStringLiteral("state_hash_equal"), y.stateHash() == hashBefore},
            {QStringLiteral("contracts"), qint64(y.engine().contractCount())},
            {QStringLiteral("snapshot_bytes"), qint64(snapshot.size())},
            {QStringLiteral("snapshot_ms"), snapshotSeconds * 1e3},
            {QStringLiteral("restore_ms"), restoreSeconds * 1e3},
            {QStringLiteral("restore_hash_equal"), restoredOk && restored.stateHash() == hashBefore}};
}

const bool registered = cloudex::bench::registerSuite(
    QStringLiteral("recovery"), QStringLiteral("rebuild from the journal without a snapshot (--orders N)"),
    runRecovery);
} // namespace
