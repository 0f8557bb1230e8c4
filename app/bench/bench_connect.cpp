// The connect agent's hot paths: a full inventory pass over thousands of VMs, provisioning
// on the test driver, and real QEMU start-up where a libvirtd is available.
#include "benchsuite.h"

#include "connect/componentdriver.h"
#include "connect/connectagent.h"
#include "connect/embeddedsite.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
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

// A simulated host that already runs `count` domains, as a node file.
QString writeBusyHost(const QTemporaryDir &dir, int count)
{
    QString xml = EmbeddedSite::nodeXml({QStringLiteral("busy"), 4096, 16LL * 1024 * 1024}, {});
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

QJsonObject runConnect(const QStringList &)
{
    QJsonObject figures;
    QTemporaryDir dir;

    // inventory_5000_ms: state and stats in one bulk call, owners joined from the records.
    const QString busy = writeBusyHost(dir, kInventoryVms);
    ComponentDriver host({QStringLiteral("test://") + busy, QStringLiteral("busy")});
    if (auto opened = host.open(); !opened)
        return {{QStringLiteral("error"), opened.error().message}};
    QList<VmRecord> records;
    for (int i = 0; i < kInventoryVms; ++i) {
        records.append(VmRecord{QStringLiteral("vm-%1").arg(i),
                                QStringLiteral("tenant-%1").arg(i % 50),
                                QStringLiteral("busy"),
                                cloudex::catalogue::Tenancy::Shared,
                                {},
                                1,
                                64,
                                true,
                                0});
    }
    QList<double> rounds;
    int owned = 0;
    for (int round = 0; round < kInventoryRounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        ConnectAgent::Snapshot snapshot;
        snapshot.hosts = host.hosts();
        auto domains = host.domains();
        if (!domains)
            return {{QStringLiteral("error"), domains.error().message}};
        snapshot.domains = *domains;
        const Inventory inventory = ConnectAgent::merge(snapshot, records, {});
        rounds.append(double(timer.nsecsElapsed()) / kNsPerMs);
        owned = int(std::count_if(inventory.vms.cbegin(), inventory.vms.cend(),
                                  [](const VmInfo &vm) { return !vm.tenant.isEmpty(); }));
    }
    figures.insert(QStringLiteral("inventory_5000_ms"), median(rounds));
    figures.insert(QStringLiteral("inventory_owned_vms"), owned);

    // provision_ms: define + start of a diskless VM on a test-driver host.
    ComponentDriver testHost({QStringLiteral("test:///default"), QStringLiteral("default")});
    if (auto opened = testHost.open(); !opened)
        return {{QStringLiteral("error"), opened.error().message}};
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kProvisions; ++i) {
        if (auto made = testHost.provision(QStringLiteral("default"),
                                           VmSpec{QStringLiteral("p-%1").arg(i), 1, 64, {}}, {});
            !made)
            return {{QStringLiteral("error"), made.error().message}};
    }
    figures.insert(QStringLiteral("provision_ms"), double(timer.nsecsElapsed()) / kNsPerMs / kProvisions);

    // qemu_start_p95_ms: only where a system libvirtd with QEMU answers; never started here.
    ComponentDriver qemu({QStringLiteral("qemu:///system"), QStringLiteral("local")});
    if (auto opened = qemu.open(); !opened) {
        figures.insert(QStringLiteral("qemu_unavailable"), opened.error().message);
        return figures;
    }
    QList<double> starts;
    const QString prefix = QStringLiteral("cloudex-bench-%1-").arg(QCoreApplication::applicationPid());
    for (int i = 0; i < kQemuStarts; ++i) {
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
    QStringLiteral("connect"), QStringLiteral("connect agent: inventory, provisioning, QEMU start"),
    runConnect);
} // namespace
