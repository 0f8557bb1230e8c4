// The single pane's model (models::PaneModel, which filters and sorts on its own data, as
// the Buy workspace's view uses it) over a million VM rows: 1,000 contracts at 20 sellers,
// 1,000 VMs each. Measured: loading them, a text filter, sorting on a text column (the
// name) and on an interned one (the seller), batches of row changes applied without a
// reset (rows that stay in place, and rows that move because the view is sorted by state),
// and the memory a row costs (mallinfo2: heap in use plus mmapped blocks, before and after).
//
//   cloudex-bench pane [--json] [--rows 1000000] [--batch 1000] [--batches 50]
#include "benchsuite.h"

#include "panemodel.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <malloc.h>
#include <time.h>

namespace {
using cloudex::models::PaneModel;
using cloudex::models::PaneSource;
using cloudex::models::PaneVm;

constexpr int kSellers = 20;
constexpr int kDefaultRows = 1'000'000;
constexpr int kDefaultBatch = 1000;
constexpr int kDefaultBatches = 50;
constexpr qint64 kStart = 1'800'000'000;

int option(const QStringList &arguments, const QString &name, int fallback)
{
    const qsizetype at = arguments.indexOf(name);
    return at >= 0 && at + 1 < arguments.size() ? qMax(1, arguments.at(at + 1).toInt()) : fallback;
}

qint64 heapBytes()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks) + qint64(info.hblkhd);
}

double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

/// CPU time of this thread in ms: stays meaningful when other builds share the machine.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

const char *const kPrefixes[] = {"web",    "db",  "cache", "batch", "api",
                                 "worker", "etl", "gpu",   "build", "edge"};
const char *const kProducts[] = {"DE.GP2.SH.S1", "DE.GP2.EX.S2", "FR.GP2.SH.S1", "NL.GP2.GS.S3",
                                 "DE.GP2.SH.S3"};
const char *const kStates[] = {"running", "stopped", "creating", "failed"};

PaneVm randomVm(QRandomGenerator &random, int index)
{
    PaneVm vm;
    vm.name = QStringLiteral("%1-%2")
                  .arg(QLatin1StringView(kPrefixes[random.bounded(10)]))
                  .arg(index, 6, 10, QLatin1Char('0'));
    vm.state = QLatin1StringView(kStates[random.bounded(4) == 0 ? 1 + random.bounded(3) : 0]);
    vm.vcpus = 1 << random.bounded(4);
    vm.memoryMiB = qint64(vm.vcpus) * 2048;
    vm.runningSince = vm.state == u"running" ? kStart + random.bounded(3600) : 0;
    return vm;
}

QJsonObject runPane(const QStringList &arguments)
{
    const int rows = option(arguments, QStringLiteral("--rows"), kDefaultRows);
    const int batch = option(arguments, QStringLiteral("--batch"), kDefaultBatch);
    const int batches = option(arguments, QStringLiteral("--batches"), kDefaultBatches);
    const int contracts = std::max(1, rows / 1000);
    QRandomGenerator random(42);

    const qint64 heapBefore = heapBytes();
    auto model = std::make_unique<PaneModel>();
    int resets = 0;
    QObject::connect(model.get(), &QAbstractItemModel::modelReset, model.get(), [&] { ++resets; });
    model->setNow(kStart + 7200);

    QElapsedTimer timer;
    timer.start();
    model->beginBatch();
    QStringList keys;
    int made = 0;
    for (int c = 0; c < contracts; ++c) {
        const QString id = QStringLiteral("c-%1").arg(c + 1, 6, 10, QLatin1Char('0'));
        const QString seller = QStringLiteral("p-seller-%1").arg(c % kSellers + 1, 2, 10, QLatin1Char('0'));
        model->setSource({id, id, seller, seller + QStringLiteral("-site"),
                          QString::fromLatin1(kProducts[c % 5]), 1000 + c, kStart, kStart + 86400});
        keys.append(id);
        const int count = c == contracts - 1 ? rows - made : rows / contracts;
        QList<PaneVm> vms;
        vms.reserve(count);
        for (int i = 0; i < count; ++i)
            vms.append(randomVm(random, made + i));
        made += count;
        model->resetVms(id, vms);
    }
    model->endBatch();
    const double loadMs = elapsedMs(timer);
    const qint64 heapAfter = heapBytes();
    const double bytesPerRow = double(heapAfter - heapBefore) / double(rows);
    if (model->rowCount() != rows)
        return {{QStringLiteral("error"),
                 QStringLiteral("loaded %1 of %2 rows").arg(model->rowCount()).arg(rows)}};

    // A text filter (part of a name), and one that matches by seller; then clearing it.
    timer.restart();
    double cpu = threadCpuMs();
    model->setFilterText(QStringLiteral("web-01"));
    const double filterMs = elapsedMs(timer);
    const double filterCpuMs = threadCpuMs() - cpu;
    const int filtered = model->rowCount();
    timer.restart();
    model->setFilterText(QStringLiteral("seller-07"));
    const double filterSellerMs = elapsedMs(timer);
    timer.restart();
    model->setFilterText({});
    const double filterClearMs = elapsedMs(timer);

    // Sorting: the name (text of every row) and the seller (an interned column).
    timer.restart();
    cpu = threadCpuMs();
    model->sort(PaneModel::Name, Qt::DescendingOrder);
    const double sortMs = elapsedMs(timer);
    const double sortCpuMs = threadCpuMs() - cpu;
    timer.restart();
    model->sort(PaneModel::Seller, Qt::AscendingOrder);
    const double sortSellerMs = elapsedMs(timer);
    model->sort(PaneModel::Name, Qt::AscendingOrder);

    // Batches of changes to existing rows (another state, running since, size), picked
    // through the view: sorted by name the rows stay, sorted by state they move.
    const auto updatesByRow = [&](int column) {
        model->sort(column, Qt::AscendingOrder);
        QElapsedTimer clock;
        qint64 changed = 0;
        clock.start();
        const double cpuStart = threadCpuMs();
        for (int b = 0; b < batches; ++b) {
            model->beginBatch();
            for (int i = 0; i < batch; ++i) {
                const int row = random.bounded(model->rowCount());
                PaneVm vm = randomVm(random, row);
                vm.name = model->vmNameAt(row);
                model->updateVms(model->sourceKeyAt(row), {vm});
                ++changed;
            }
            model->endBatch();
        }
        return std::make_pair(double(changed) / (double(clock.nsecsElapsed()) / 1e9),
                              double(changed) / ((threadCpuMs() - cpuStart) / 1e3));
    };
    const auto [updatesPerS, updatesPerCpuS] = updatesByRow(PaneModel::Name);
    const auto [movingUpdatesPerS, movingUpdatesPerCpuS] = updatesByRow(PaneModel::State);
    const qint64 heapEnd = heapBytes();

    return {
        {QStringLiteral("rows"), rows},
        {QStringLiteral("contracts"), contracts},
        {QStringLiteral("sellers"), kSellers},
        {QStringLiteral("load_ms"), loadMs},
        {QStringLiteral("bytes_per_row"), bytesPerRow},
        {QStringLiteral("bytes_per_row_after_updates"), double(heapEnd - heapBefore) / double(rows)},
        {QStringLiteral("filter_ms"), filterMs},
        {QStringLiteral("filter_cpu_ms"), filterCpuMs},
        {QStringLiteral("filter_rows_shown"), filtered},
        {QStringLiteral("filter_seller_ms"), filterSellerMs},
        {QStringLiteral("filter_clear_ms"), filterClearMs},
        {QStringLiteral("sort_ms"), sortMs},
        {QStringLiteral("sort_cpu_ms"), sortCpuMs},
        {QStringLiteral("sort_seller_ms"), sortSellerMs},
        {QStringLiteral("batch"), batch},
        {QStringLiteral("updates_per_s"), updatesPerS},
        {QStringLiteral("updates_per_cpu_s"), updatesPerCpuS},
        {QStringLiteral("updates_moving_per_s"), movingUpdatesPerS},
        {QStringLiteral("updates_moving_per_cpu_s"), movingUpdatesPerCpuS},
        {QStringLiteral("resets"), resets},
    };
}

const bool registered = cloudex::bench::registerSuite(
    QStringLiteral("pane"),
    QStringLiteral("the single pane's model: filter, sort, updates over 1,000,000 VMs"), runPane);
} // namespace
