// The connect agent's hot paths: its real reconcile pass over thousands of VMs (libvirt, the
// records in SQLite, templates and pools), provisioning on the test driver, and real QEMU
// start-up where a libvirtd is available.
#include "benchdaemon.h"
#include "benchsuite.h"
#include "exchangeload.h"

#include "connect/agentstore.h"
#include "connect/componentdriver.h"
#include "connect/connectagent.h"
#include "connect/embeddedsite.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QPointer>
#include <QTemporaryDir>

#include <algorithm>

namespace {
using namespace cloudex::connect;

constexpr int kInventoryVms = 5000;
constexpr int kInventoryRounds = 7;
constexpr int kProvisions = 1000;
constexpr int kQemuStarts = 10;
constexpr int kQemuMemoryMiB = 64;
constexpr double kNsPerMs = 1e6;
constexpr int kP95 = 95;
constexpr int kPercent = 100;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

double percentile(QList<double> values, int p)
{
    std::sort(values.begin(), values.end());
    const qsizetype index =
        std::min<qsizetype>(values.size() - 1, (values.size() * p + kPercent - 1) / kPercent - 1);
    return values.at(std::max<qsizetype>(0, index));
}

// A simulated host that already runs `count` domains, with the embedded site's template
// pool and an empty VM pool, as a node file.
QString writeBusyHost(const QTemporaryDir &dir, int count)
{
    QString xml = EmbeddedSite::nodeXml({QStringLiteral("busy"), 4096, 16LL * 1024 * 1024},
                                        EmbeddedSite::templateNames());
    QString domains;
    domains.reserve(count * 160);
    for (int i = 0; i < count; ++i) {
        domains += QStringLiteral("<domain type='test'><name>vm-%1</name><memory unit='MiB'>64</memory>"
                                  "<vcpu>1</vcpu><os><type>hvm</type></os></domain>\n")
                       .arg(i);
    }
    xml.replace(QStringLiteral("</node>"), domains + QStringLiteral("</node>"));
    const QString path = dir.filePath(QStringLiteral("busy.xml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(xml.toUtf8());
    return path;
}

/// The agent's records for the busy host: tenants, a host group, the connection and one VM
/// record per domain, in connect.sqlite as the agent keeps them.
cloudex::Result<void> writeRecords(const QString &dataDir, const QString &busy, int count)
{
    AgentStore store;
    if (auto opened = store.open(QDir(dataDir).filePath(QStringLiteral("connect.sqlite"))); !opened)
        return opened;
    constexpr int kTenants = 50;
    for (int t = 0; t < kTenants; ++t)
        if (auto saved =
                store.saveTenant({QStringLiteral("tenant-%1").arg(t), QStringLiteral("Tenant %1").arg(t)});
            !saved)
            return saved;
    if (auto saved = store.saveHostGroup(
            {QStringLiteral("busy-pool"), cloudex::catalogue::Tenancy::Shared, {QStringLiteral("busy")}, {}});
        !saved)
        return saved;
    if (auto saved = store.saveConnection(
            {ConnectionRecord::Kind::Libvirt, QStringLiteral("test://") + busy, {}, QStringLiteral("busy")});
        !saved)
        return saved;
    for (int i = 0; i < count; ++i) {
        if (auto saved = store.saveVm(VmRecord{QStringLiteral("vm-%1").arg(i),
                                               QStringLiteral("tenant-%1").arg(i % kTenants),
                                               QStringLiteral("busy"),
                                               cloudex::catalogue::Tenancy::Shared,
                                               {},
                                               1,
                                               64,
                                               true,
                                               0});
            !saved)
            return saved;
    }
    return {};
}

/// Runs `job` to its end; false on a timeout or a failed job.
bool finish(cloudex::Job *job)
{
    QPointer<cloudex::Job> alive(job);
    bool done = false;
    bool ok = false;
    QObject::connect(job, &cloudex::Job::finished, job, [&](cloudex::Job *j) {
        done = true;
        ok = j->error().isEmpty();
    });
    constexpr int kJobTimeoutMs = 120'000;
    return cloudex::bench::waitUntil([&] { return done || !alive; }, kJobTimeoutMs) && ok;
}

QJsonObject runConnect(const QStringList &arguments)
{
    const int vms = int(cloudex::bench::argument(arguments, QStringLiteral("--vms"), kInventoryVms));
    const int provisions =
        int(cloudex::bench::argument(arguments, QStringLiteral("--provisions"), kProvisions));
    const int qemuStarts =
        int(cloudex::bench::argument(arguments, QStringLiteral("--qemu-starts"), kQemuStarts));
    QJsonObject figures;
    QStringList checksFailed;
    QTemporaryDir dir;

    // inventory_5000_ms: the agent's own reconcile pass (ConnectAgent::reconcile), timed from
    // the call to the end of its job: on the agent's worker thread the fronts are checked and
    // hosts, every domain's state (one bulk call), templates and pools are read; back on the
    // agent's thread the VM records and host groups are read from connect.sqlite and merged
    // in (owners, sizes, capacity per host), the templates compared with the recorded ones,
    // the connections' states rebuilt, the views told, lost VMs looked for.
    const QString busy = writeBusyHost(dir, vms);
    if (busy.isEmpty())
        return {{QStringLiteral("error"), QStringLiteral("cannot write the host file")}};
    const QString agentDir = dir.filePath(QStringLiteral("agent"));
    QDir().mkpath(agentDir);
    if (auto written = writeRecords(agentDir, busy, vms); !written)
        return {{QStringLiteral("error"), written.error().message}};
    QList<double> rounds;
    QList<double> merges;
    int owned = 0;
    {
        ConnectAgent agent({agentDir, 0, nullptr});
        if (auto opened = agent.open(); !opened)
            return {{QStringLiteral("error"), opened.error().message}};
        // Connecting ends with a first reconcile; one more pass warms the caches.
        if (!finish(agent.start()) || !finish(agent.reconcile()))
            return {{QStringLiteral("error"), QStringLiteral("the agent could not connect the busy host")}};
        for (int round = 0; round < kInventoryRounds; ++round) {
            QElapsedTimer timer;
            timer.start();
            if (!finish(agent.reconcile()))
                return {{QStringLiteral("error"), QStringLiteral("a reconcile pass failed")}};
            rounds.append(double(timer.nsecsElapsed()) / kNsPerMs);
        }
        owned = int(std::count_if(agent.inventory().vms.cbegin(), agent.inventory().vms.cend(),
                                  [](const VmInfo &vm) { return !vm.tenant.isEmpty(); }));
        if (agent.inventory().templates.isEmpty())
            checksFailed.append(QStringLiteral("the inventory has no templates"));
        if (agent.inventory().pools.isEmpty())
            checksFailed.append(QStringLiteral("the inventory has no storage pools"));

        // For comparison, the join alone (what this figure timed before issue #11): records
        // already in memory, no libvirt, no SQLite.
        ComponentDriver host({QStringLiteral("test://") + busy, QStringLiteral("busy")});
        if (auto opened = host.open(); !opened)
            return {{QStringLiteral("error"), opened.error().message}};
        ConnectAgent::Snapshot snapshot;
        snapshot.hosts = host.hosts();
        auto domains = host.domains();
        if (!domains)
            return {{QStringLiteral("error"), domains.error().message}};
        snapshot.domains = *domains;
        const QList<VmRecord> records = agent.store().vms();
        for (int round = 0; round < kInventoryRounds; ++round) {
            QElapsedTimer timer;
            timer.start();
            const Inventory merged = ConnectAgent::merge(snapshot, records, {});
            merges.append(double(timer.nsecsElapsed()) / kNsPerMs);
            Q_UNUSED(merged);
        }
    }
    figures.insert(QStringLiteral("inventory_vms"), vms);
    figures.insert(QStringLiteral("inventory_5000_ms"), median(rounds));
    figures.insert(QStringLiteral("inventory_merge_only_ms"), median(merges));
    figures.insert(QStringLiteral("inventory_owned_vms"), owned);
    if (owned != vms)
        checksFailed.append(QStringLiteral("%1 of %2 VMs have their owner").arg(owned).arg(vms));

    // provision_ms: define + start of a diskless VM on a test-driver host.
    ComponentDriver testHost({QStringLiteral("test:///default"), QStringLiteral("default")});
    if (auto opened = testHost.open(); !opened)
        return {{QStringLiteral("error"), opened.error().message}};
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < provisions; ++i) {
        if (auto made = testHost.provision(QStringLiteral("default"),
                                           VmSpec{QStringLiteral("p-%1").arg(i), 1, 64, {}}, {});
            !made)
            return {{QStringLiteral("error"), made.error().message}};
    }
    figures.insert(QStringLiteral("provision_ms"),
                   double(timer.nsecsElapsed()) / kNsPerMs / std::max(1, provisions));
    if (!checksFailed.isEmpty())
        figures.insert(QStringLiteral("checks_failed"), QJsonArray::fromStringList(checksFailed));

    // qemu_start_p95_ms: only where a system libvirtd with QEMU answers; never started here.
    if (qemuStarts <= 0)
        return figures;
    ComponentDriver qemu({QStringLiteral("qemu:///system"), QStringLiteral("local")});
    if (auto opened = qemu.open(); !opened) {
        figures.insert(QStringLiteral("qemu_unavailable"), opened.error().message);
        return figures;
    }
    QList<double> starts;
    const QString prefix = QStringLiteral("cloudex-bench-%1-").arg(QCoreApplication::applicationPid());
    for (int i = 0; i < qemuStarts; ++i) {
        const QString name = prefix + QString::number(i);
        QElapsedTimer start;
        start.start();
        auto made = qemu.provision(QStringLiteral("local"), VmSpec{name, 1, kQemuMemoryMiB, {}}, {});
        const double ms = double(start.nsecsElapsed()) / kNsPerMs;
        if (!made) {
            figures.insert(QStringLiteral("qemu_unavailable"), made.error().message);
            return figures;
        }
        starts.append(ms);
        (void)qemu.remove(QStringLiteral("local"), name);
    }
    figures.insert(QStringLiteral("qemu_start_p95_ms"), percentile(starts, kP95));
    figures.insert(QStringLiteral("qemu_start_median_ms"), median(starts));
    return figures;
}

const bool registered = cloudex::bench::registerSuite(
    QStringLiteral("connect"),
    QStringLiteral("connect agent: reconcile pass, provisioning, QEMU start [--vms N] [--provisions N] "
                   "[--qemu-starts N]"),
    runConnect);
} // namespace
