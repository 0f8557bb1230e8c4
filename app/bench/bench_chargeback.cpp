// Chargeback statements (issue #14): a month of usage for 10,000 VMs × 744 hours across
// 100 customers (a third on each plan kind), priced by manage::computeStatements as the
// desk and cloudex-manage do. `statement_ms` is one call over all the usage in memory
// (wall clock, and `statement_cpu_ms` this thread's CPU time); `csv_ms` writes every
// statement and reads it back.
//
// The usage then goes through a real ChargebackStore (SQLite in a temporary directory):
// `store_write_ms` stores it, `store_read_ms` reads the month back, and the statements from
// the read-back usage must equal the in-memory ones.
//
// The desk path (unless --no-desk): the Buy workspace's Chargeback tab (ui::ChargebackPage,
// offscreen) over that store, as the desk shows it. `desk_statement_ms` is the time from
// asking for the month to the statements shown (the reader thread reads the store and
// computes; the GUI thread fills the tables and the chart), median and max of the runs;
// `desk_read_ms` / `desk_compute_ms` are the reader's two parts. Meanwhile a thread posts a
// stamped event to the GUI thread every 2 ms: `gui_stall_p99_ms` / `gui_stall_max_ms` are
// how long those waited (stallprobe.h, as in the desk suites). The statements shown must
// equal the in-memory ones.
//
//   cloudex-bench chargeback [--json] [--vms 10000] [--customers 100] [--runs 3] [--no-desk]
#include "benchexchange.h"
#include "benchsuite.h"
#include "exchangeload.h"
#include "stallprobe.h"

#include "chargebackpage.h"
#include "manage/chargeback.h"
#include "manage/chargebackreader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <thread>

namespace {
using namespace cloudex;
using namespace cloudex::manage;

int option(const QStringList &arguments, const QString &name, int fallback)
{
    const qsizetype at = arguments.indexOf(name);
    return at >= 0 && at + 1 < arguments.size() ? qMax(1, arguments.at(at + 1).toInt()) : fallback;
}

constexpr int kSampleMs = 2;           // the stall probe's period
constexpr int kStatementTimeoutMs = 600'000;

/// Runs the event loop until the page shows its statements; false on timeout.
bool waitShown(cloudex::ui::ChargebackPage &page)
{
    QEventLoop loop;
    bool shown = false;
    QObject::connect(&page, &cloudex::ui::ChargebackPage::statementsShown, &loop, [&] {
        shown = true;
        loop.quit();
    });
    QTimer::singleShot(kStatementTimeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return shown;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

QJsonObject runChargeback(const QStringList &arguments)
{
    const int vms = option(arguments, QStringLiteral("--vms"), 10'000);
    const int customerCount = option(arguments, QStringLiteral("--customers"), 100);
    const int runs = option(arguments, QStringLiteral("--runs"), 3);
    const Month month{2026, 3};
    const qint64 t0 = month.start();
    const int hours = static_cast<int>((month.end() - t0) / 3600);
    constexpr int kVmsPerContract = 10;
    constexpr int kProducts = 10;

    ChargebackInput in;
    for (int c = 0; c < customerCount; ++c) {
        PricePlan plan;
        plan.kind = static_cast<PlanKind>(c % 3);
        if (plan.kind == PlanKind::Fixed)
            plan.rate = 1500 + c;
        else
            plan.markupBasisPoints = 500 + c;
        if (plan.kind == PlanKind::SpotLinked) {
            plan.floor = 900;
            plan.cap = 2400;
        }
        in.customers.append(Customer{QStringLiteral("cust-%1").arg(c, 3, 10, QLatin1Char('0')),
                                     QStringLiteral("Customer %1").arg(c), plan});
    }
    for (int p = 0; p < kProducts; ++p) {
        SpotSeries s;
        for (int h = 0; h <= hours; ++h)
            s.add(t0 + h * 3600LL - 3600, 1000 + (h * 37 + p * 101) % 1500);
        in.spot.insert(QStringLiteral("P%1").arg(p), s);
    }
    QList<VmUsage> usage;
    usage.reserve(vms);
    quint32 seed = 12345;
    const auto random = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    for (int v = 0; v < vms; ++v) {
        const int contract = v / kVmsPerContract;
        const QString contractId = QStringLiteral("c-%1").arg(contract, 6, 10, QLatin1Char('0'));
        if (v % kVmsPerContract == 0) {
            in.contracts.insert(contractId,
                                ContractInfo{contractId, QStringLiteral("P%1").arg(contract % kProducts),
                                             1000 + contract % 700});
            in.assignments.contracts.insert(contractId, in.customers.at(contract % customerCount).id);
        }
        const QString vm = QStringLiteral("vm-%1").arg(v, 5, 10, QLatin1Char('0'));
        if (v % 10 == 3) // every tenth VM overridden to another customer
            in.assignments.vms[contractId].insert(vm, in.customers.at((v / 10 + 7) % customerCount).id);
        VmUsage u{contractId, vm, {}};
        u.hours.reserve(hours);
        for (int h = 0; h < hours; ++h)
            u.hours.push_back(UsageSlot{t0 + h * 3600LL, random() % 8 == 0 ? qint64(random() % 3600) : 3600});
        usage.append(u);
    }

    std::vector<double> wall, cpu;
    ChargebackResult first;
    bool deterministic = true;
    for (int r = 0; r < runs; ++r) {
        const double c0 = threadCpuMs();
        QElapsedTimer timer;
        timer.start();
        ChargebackResult result = computeStatements(in, usage, month);
        wall.push_back(timer.nsecsElapsed() / 1e6);
        cpu.push_back(threadCpuMs() - c0);
        if (r == 0)
            first = std::move(result);
        else
            deterministic = deterministic && result.statements == first.statements;
    }

    QStringList failed;
    qint64 lines = 0, amount = 0, cost = 0, seconds = 0, expectedSeconds = 0;
    for (const Statement &s : std::as_const(first.statements)) {
        lines += s.lines.size();
        amount += s.amount;
        cost += s.cost;
        seconds += s.instanceSeconds;
        qint64 sum = 0;
        for (const StatementLine &l : s.lines)
            sum += l.amount;
        if (sum != s.amount)
            failed.append(QStringLiteral("%1: total is not the sum of its lines").arg(s.customerId));
    }
    for (const VmUsage &u : std::as_const(usage)) {
        for (const UsageSlot &h : u.hours)
            expectedSeconds += h.instanceSeconds;
    }
    if (lines != vms)
        failed.append(QStringLiteral("%1 lines for %2 VMs").arg(lines).arg(vms));
    if (seconds != expectedSeconds)
        failed.append(QStringLiteral("instance-seconds %1, usage has %2").arg(seconds).arg(expectedSeconds));
    if (!first.unassigned.isEmpty())
        failed.append(QStringLiteral("%1 unassigned lines").arg(first.unassigned.size()));

    QElapsedTimer csvTimer;
    csvTimer.start();
    const QString csv = statementsToCsv(first.statements);
    const auto back = statementsFromCsv(csv);
    const double csvMs = csvTimer.nsecsElapsed() / 1e6;
    if (!back || *back != first.statements)
        failed.append(QStringLiteral("the CSV does not read back to the statements"));

    double storeWriteMs = -1, storeReadMs = -1;
    const bool deskPath = !arguments.contains(QStringLiteral("--no-desk"));
    std::vector<double> deskMs, deskReadMs, deskComputeMs;
    std::vector<qint64> stalls;
    QTemporaryDir dir;
    ChargebackStore store;
    if (!dir.isValid() || !store.open(dir.path())) {
        failed.append(QStringLiteral("the store does not open"));
    } else {
        QElapsedTimer storeTimer;
        storeTimer.start();
        if (!store.replaceUsage(usage))
            failed.append(QStringLiteral("the usage is not stored"));
        storeWriteMs = storeTimer.nsecsElapsed() / 1e6;
        storeTimer.restart();
        const auto back = store.usage(month.start(), month.end());
        storeReadMs = storeTimer.nsecsElapsed() / 1e6;
        if (!back || computeStatements(in, *back, month).statements != first.statements)
            failed.append(QStringLiteral("the statements from the stored usage differ"));
    }
    if (deskPath && failed.isEmpty()) {
        // What the desk reads besides the usage: customers, assignments, prices, spot.
        bool stored = true;
        for (const Customer &c : std::as_const(in.customers))
            stored = stored && store.saveCustomer(c);
        stored = stored && store.saveContracts(in.contracts.values());
        for (auto c = in.assignments.contracts.cbegin(); c != in.assignments.contracts.cend(); ++c)
            stored = stored && store.assignContract(c.key(), c.value());
        for (auto c = in.assignments.vms.cbegin(); c != in.assignments.vms.cend(); ++c) {
            for (auto v = c->cbegin(); v != c->cend(); ++v)
                stored = stored && store.assignVm(c.key(), v.key(), v.value());
        }
        for (auto s = in.spot.cbegin(); s != in.spot.cend(); ++s)
            stored = stored && store.saveSpot(s.key(), s.value());
        if (!stored)
            failed.append(QStringLiteral("the customers, prices or spot are not stored"));

        ui::ChargebackPage page(nullptr, nullptr, dir.path());
        page.resize(1280, 800);
        page.show();
        auto *reader = page.findChild<ChargebackReader *>();
        double lastReadMs = 0, lastComputeMs = 0;
        if (reader)
            QObject::connect(reader, &ChargebackReader::computed, &page, [&](const ChargebackSnapshot &snapshot) {
                lastReadMs = snapshot.readMs;
                lastComputeMs = snapshot.computeMs;
            });
        // The page opens on the current month (nothing used): that answer first.
        if (!reader || !waitShown(page))
            failed.append(QStringLiteral("the page shows no statements"));

        bench::StallProbe probe;
        std::atomic<bool> sampling{true};
        std::thread sampler([&] {
            auto next = std::chrono::steady_clock::now();
            while (sampling.load()) {
                QCoreApplication::postEvent(&probe, new bench::StampEvent(bench::monotonicNs()));
                next += std::chrono::milliseconds(kSampleMs);
                std::this_thread::sleep_until(next);
            }
        });
        bench::wait(50); // the probe's baseline
        for (int r = 0; r < runs && failed.isEmpty(); ++r) {
            QElapsedTimer timer;
            timer.start();
            if (r == 0)
                page.setMonth(month); // the first run switches to the month: the tables are new
            else
                page.reload();
            if (!waitShown(page)) {
                failed.append(QStringLiteral("the desk's statements did not arrive"));
                break;
            }
            deskMs.push_back(timer.nsecsElapsed() / 1e6);
            deskReadMs.push_back(lastReadMs);
            deskComputeMs.push_back(lastComputeMs);
            if (page.result().statements != first.statements)
                failed.append(QStringLiteral("the desk's statements differ from the in-memory ones"));
            bench::wait(20);
        }
        sampling = false;
        sampler.join();
        bench::wait(2 * kSampleMs); // the last stamps
        stalls = probe.delaysNs;
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    QJsonObject figures{{QStringLiteral("vms"), vms},
                        {QStringLiteral("hours"), hours},
                        {QStringLiteral("customers"), customerCount},
                        {QStringLiteral("usage_rows"), qint64(vms) * hours},
                        {QStringLiteral("runs"), runs},
                        {QStringLiteral("statement_ms"), wall.at(wall.size() / 2)},
                        {QStringLiteral("statement_min_ms"), wall.front()},
                        {QStringLiteral("statement_cpu_ms"), cpu.at(cpu.size() / 2)},
                        {QStringLiteral("csv_ms"), csvMs},
                        {QStringLiteral("csv_bytes"), csv.toUtf8().size()},
                        {QStringLiteral("amount_ticks"), amount},
                        {QStringLiteral("cost_ticks"), cost},
                        {QStringLiteral("deterministic"), deterministic}};
    if (storeWriteMs >= 0) {
        figures.insert(QStringLiteral("store_write_ms"), storeWriteMs);
        figures.insert(QStringLiteral("store_read_ms"), storeReadMs);
    }
    if (!deskMs.empty()) {
        const auto median = [](std::vector<double> v) {
            std::sort(v.begin(), v.end());
            return v.at(v.size() / 2);
        };
        figures.insert(QStringLiteral("desk_statement_ms"), median(deskMs));
        figures.insert(QStringLiteral("desk_statement_max_ms"), *std::max_element(deskMs.begin(), deskMs.end()));
        figures.insert(QStringLiteral("desk_read_ms"), median(deskReadMs));
        figures.insert(QStringLiteral("desk_compute_ms"), median(deskComputeMs));
        figures.insert(QStringLiteral("stall_samples"), qint64(stalls.size()));
        figures.insert(QStringLiteral("gui_stall_p50_ms"), double(bench::percentile(stalls, 0.50)) / 1e6);
        figures.insert(QStringLiteral("gui_stall_p99_ms"), double(bench::percentile(stalls, 0.99)) / 1e6);
        figures.insert(QStringLiteral("gui_stall_max_ms"),
                       stalls.empty() ? 0.0 : double(*std::max_element(stalls.begin(), stalls.end())) / 1e6);
    }
    if (!failed.isEmpty())
        figures.insert(QStringLiteral("checks_failed"), QJsonArray::fromStringList(failed));
    return figures;
}

const bool registered = cloudex::bench::registerSuite(
    QStringLiteral("chargeback"), QStringLiteral("monthly chargeback statements (10,000 VMs × 744 h)"),
    runChargeback);
} // namespace
