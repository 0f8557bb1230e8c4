#include "connectagent.h"

#include "catalogue/catalogue.h"
#include "componentdriver.h"
#include "componentmanager.h"
#include "core/clock.h"
#include "core/logging.h"
#include "embeddedsite.h"
#include "offerbook.h"
#include "placement.h"
#include "tenantview.h"
#include "workflowdriver.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QRegularExpression>
#include <QThread>
#include <QTimer>

#include <utility>

namespace cloudex::connect {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Connect)
};

using catalogue::Tenancy;

bool validVmName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$"));
    return pattern.match(name).hasMatch();
}

QString hostKey(const QString &host, const QString &name)
{
    return host + u'/' + name;
}

/// The indexes of an inventory's VMs: "<host>/<name>" and "<name>" (with one name on
/// several hosts, the last one) to the entry.
void indexVms(const QList<VmInfo> &vms, QHash<QString, qsizetype> &byKey, QHash<QString, qsizetype> &byName)
{
    byKey.clear();
    byName.clear();
    byKey.reserve(vms.size());
    byName.reserve(vms.size());
    for (qsizetype i = 0; i < vms.size(); ++i) {
        byKey.insert(hostKey(vms.at(i).host, vms.at(i).name), i);
        byName.insert(vms.at(i).name, i);
    }
}

/// A domain the agent placed: owner, size and template from its record.
void own(VmInfo &vm, const VmRecord &record)
{
    vm.tenant = record.tenant;
    vm.templateName = record.templateName;
    vm.vcpus = record.vcpus;
    vm.memoryMiB = record.memoryMiB;
    if (!record.templateName.isEmpty())
        vm.disk = ComponentDriver::diskVolumeName(vm.name);
}
} // namespace

ConnectAgent::ConnectAgent(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_manager(std::make_unique<ComponentManager>())
    , m_thread(new QThread(this))
    , m_worker(new QObject)
    , m_reconcileTimer(new QTimer(this))
{
    m_thread->setObjectName(QStringLiteral("connect-worker"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_passThread = new QThread(this);
    m_passThread->setObjectName(QStringLiteral("connect-pass"));
    m_passWorker = new QObject;
    m_passWorker->moveToThread(m_passThread);
    connect(m_passThread, &QThread::finished, m_passWorker, &QObject::deleteLater);
    // Events come from libvirt's event thread; they are applied in the agent's thread.
    m_manager->setEventHandler([this](const DomainEvent &event) {
        QMetaObject::invokeMethod(
            this, [this, event, seq = m_workerSeq.load()] { onDomainEvent(event, seq); },
            Qt::QueuedConnection);
    });
    connect(m_reconcileTimer, &QTimer::timeout, this, [this] {
        if (!m_reconciling)
            reconcile();
    });
}

QString ConnectAgent::storeFile() const
{
    // m_options is set once, at construction: any thread may ask.
    return QDir(m_options.dataDir).absoluteFilePath(QStringLiteral("connect.sqlite"));
}

ConnectAgent::~ConnectAgent()
{
    m_reconcileTimer->stop();
    // Workers of threads that never started (the records did not open) have no thread to
    // delete them when it finishes.
    if (!m_thread->isRunning() && !m_thread->isFinished())
        delete m_worker;
    if (!m_passThread->isRunning() && !m_passThread->isFinished())
        delete m_passWorker;
    m_thread->quit();
    m_thread->wait();
    // The pass's connection to the records belongs to the pass thread.
    if (m_passThread->isRunning())
        QMetaObject::invokeMethod(
            m_passWorker, [this] { m_reader.reset(); }, Qt::BlockingQueuedConnection);
    m_passThread->quit();
    m_passThread->wait();
    // The drivers go after the worker has stopped: nothing else touches them now.
    m_manager.reset();
}

qint64 ConnectAgent::nowMs() const
{
    return (m_options.clock ? *m_options.clock : SystemClock::instance()).nowMs();
}

Result<void> ConnectAgent::open()
{
    if (auto opened =
            m_store.open(storeFile());
        !opened)
        return opened;
    m_thread->start();
    m_passThread->start();
    qCInfo(lcConnect, "records opened in %s", qPrintable(QDir(m_options.dataDir).absolutePath()));
    // Until the first reconcile, show what the records know: every VM as missing.
    m_inventory = merge(Snapshot{}, m_store.vms(), m_store.hostGroups());
    rebuildVmIndex();
    m_recordedTemplates = m_store.templates();
    m_inventory.templates = m_recordedTemplates;
    if (m_options.reconcileIntervalMs > 0)
        m_reconcileTimer->start(m_options.reconcileIntervalMs);
    return {};
}

Result<void> ConnectAgent::setupEmbeddedSite()
{
    auto uris = EmbeddedSite::writeNodeFiles(m_options.dataDir);
    if (!uris)
        return uris.error();
    if (!m_store.connections().isEmpty())
        return {}; // not the first run: the seller's own configuration wins
    for (const Tenant &tenant : EmbeddedSite::tenants()) {
        if (auto ok = m_store.saveTenant(tenant); !ok)
            return ok;
    }
    for (const HostGroup &group : EmbeddedSite::hostGroups()) {
        if (auto ok = m_store.saveHostGroup(group); !ok)
            return ok;
    }
    for (const QString &uri : std::as_const(*uris)) {
        if (auto ok = m_store.saveConnection(ConnectionRecord{ConnectionRecord::Kind::Libvirt, uri, {}, {}});
            !ok)
            return ok;
    }
    return {};
}

ConnectJob *ConnectAgent::start()
{
    const QList<ConnectionRecord> records = m_store.connections();
    return run(
        tr("Connecting the site"),
        [this, records](ConnectJob &job) -> Result<void> {
            int step = 0;
            for (const ConnectionRecord &record : records) {
                job.setProgress(++step, int(records.size()), tr("Connecting %1").arg(record.key));
                if (m_manager->member(record.key))
                    continue;
                std::unique_ptr<HypervisorDriver> driver;
                if (record.kind == ConnectionRecord::Kind::Workflow)
                    driver = std::make_unique<WorkflowDriver>(record.command);
                else
                    driver = std::make_unique<ComponentDriver>(
                        ComponentDriver::Options{record.key, record.hostId});
                driver->setEventHandler(m_manager->eventForwarder());
                // A host that is down now shows as offline; the periodic reconcile retries it.
                (void)driver->open();
                m_manager->add(std::move(driver), record.key);
            }
            return {};
        },
        [this](const Result<void> &) {
            m_recreateTried.clear();
            reconcile();
        });
}

ConnectJob *ConnectAgent::failed(const QString &title, const Error &error)
{
    auto job = new ConnectJob(title, this);
    emit jobStarted(job);
    qCWarning(lcConnect, "%s refused: %s (%s)", qPrintable(title), qPrintable(error.message),
              qPrintable(error.code));
    QTimer::singleShot(0, job, [job, error] { job->finish(error); });
    return job;
}

ConnectJob *ConnectAgent::run(const QString &title, Work work, std::function<void(const Result<void> &)> done,
                              const QString &vm, const QString &host, bool disks)
{
    auto job = new ConnectJob(title, this);
    if (!vm.isEmpty())
        m_busy.insert(vm);
    emit jobStarted(job);
    const bool oneVm = !vm.isEmpty() && !host.isEmpty();
    if (!oneVm)
        ++m_passesInFlight;
    QMetaObject::invokeMethod(
        m_worker,
        [this, job, work = std::move(work), done = std::move(done), vm, host, oneVm, disks] {
            // Operations are numbered in the order they run: one that runs after a pass began
            // reading the hosts may come after the pass read the VM's host, and the pass must
            // not take its view of that VM for the newer one.
            const quint64 seq = ++m_workerSeq;
            const Result<void> result =
                job->isCancelled() ? Result<void>(Error{QStringLiteral("job.cancelled"), tr("Cancelled.")})
                                   : work(*job);
            // Every operation ends with a fresh inventory, so views never show a stale state:
            // of the one VM it touched (one lookup, whatever the site's size), else of all.
            if (!oneVm) {
                collectPass([this, job, result, done, vm](Pass pass) {
                    QMetaObject::invokeMethod(
                        this,
                        [this, job, result, done, vm, pass = std::move(pass)]() mutable {
                            finishJob(job, result, done, vm);
                            applyPass(std::move(pass));
                            job->finish(result);
                        },
                        Qt::QueuedConnection);
                });
                return;
            }
            Result<std::optional<VmInfo>> domain = m_manager->domain(host, vm);
            std::optional<QList<StoragePoolInfo>> pools;
            if (disks) {
                if (auto read = m_manager->pools())
                    pools = *read;
            }
            QMetaObject::invokeMethod(
                this,
                [this, job, result, domain, pools, done, vm, host, seq] {
                    finishJob(job, result, done, vm);
                    applyVm(host, vm, domain, pools, seq);
                    job->finish(result);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    return job;
}

void ConnectAgent::finishJob(ConnectJob *job, const Result<void> &result,
                             const std::function<void(const Result<void> &)> &done, const QString &vm)
{
    m_busy.remove(vm);
    if (result) {
        qCInfo(lcConnect, "%s done", qPrintable(job->title()));
    } else {
        qCWarning(lcConnect, "%s failed: %s (%s)", qPrintable(job->title()), qPrintable(result.error().message),
                  qPrintable(result.error().code));
    }
    if (done)
        done(result);
}

void ConnectAgent::collectPass(std::function<void(Pass)> then)
{
    auto collecting = std::make_shared<Collecting>();
    collecting->then = std::move(then);
    m_collecting.push_back(std::move(collecting));
    // One pass collects at a time, in the order they were asked for.
    if (m_collecting.size() == 1) {
        beginCollecting();
        collectStep();
    }
}

void ConnectAgent::beginCollecting()
{
    Collecting &c = *m_collecting.front();
    c.members = m_manager->keys();
    c.startSeq = m_workerSeq.load();
    // The hosts as the pass starts: a front added while it reads the others is left to the
    // next pass (its VMs were not read, so they must not look lost).
    c.snapshot.hosts = m_manager->hosts();
}

void ConnectAgent::collectStep()
{
    Collecting &c = *m_collecting.front();
    if (c.next < c.members.size()) {
        const QString key = c.members.at(c.next++);
        c.snapshot.domains += m_manager->domainsOf(key, c.unreadable);
        // The operations queued meanwhile run before the next member is read: a pass over
        // 50,000 VMs does not hold a VM's creation for its whole length.
        QMetaObject::invokeMethod(
            m_worker, [this] { collectStep(); }, Qt::QueuedConnection);
        return;
    }
    Snapshot &snapshot = c.snapshot;
    // A host whose VMs cannot be read is not a host without VMs.
    for (HostInfo &host : snapshot.hosts) {
        if (const auto it = c.unreadable.constFind(host.id); it != c.unreadable.cend()) {
            host.online = false;
            host.status = *it;
        }
    }
    if (auto templates = m_manager->templates())
        snapshot.templates = *templates;
    if (auto pools = m_manager->pools())
        snapshot.pools = *pools;
    const std::shared_ptr<Collecting> done = std::move(m_collecting.front());
    m_collecting.pop_front();
    if (!m_collecting.empty()) {
        beginCollecting();
        QMetaObject::invokeMethod(
            m_worker, [this] { collectStep(); }, Qt::QueuedConnection);
    }
    // Merged on the pass thread: the worker goes on with the operations.
    QMetaObject::invokeMethod(
        m_passWorker,
        [this, done] {
            Pass pass = mergePass(std::move(done->snapshot));
            pass.startSeq = done->startSeq;
            done->then(std::move(pass));
        },
        Qt::QueuedConnection);
}

Inventory ConnectAgent::merge(const Snapshot &snapshot, const QList<VmRecord> &records,
                              const QList<HostGroup> &groups)
{
    Inventory inventory;
    inventory.templates = snapshot.templates;
    inventory.pools = snapshot.pools;
    inventory.hosts = snapshot.hosts;

    QHash<QString, qsizetype> hostIndex;
    hostIndex.reserve(inventory.hosts.size());
    for (qsizetype i = 0; i < inventory.hosts.size(); ++i) {
        HostInfo &host = inventory.hosts[i];
        hostIndex.insert(host.id, i);
        for (const HostGroup &group : groups) {
            if (group.hosts.contains(host.id)) {
                host.group = group.name;
                host.tenancy = group.tenancy;
            }
        }
    }
    QHash<QString, const VmRecord *> byName;
    byName.reserve(records.size());
    for (const VmRecord &record : records) {
        byName.insert(record.name, &record);
        // Capacity is accounted from the records: a stopped VM keeps its reservation.
        if (const auto it = hostIndex.constFind(record.host); it != hostIndex.cend()) {
            inventory.hosts[*it].usedVcpus += record.vcpus;
            inventory.hosts[*it].usedMemoryMiB += record.memoryMiB;
        }
    }

    QSet<QString> found;
    found.reserve(snapshot.domains.size());
    inventory.vms.reserve(qMax(snapshot.domains.size(), records.size()));
    for (const VmInfo &domain : snapshot.domains) {
        VmInfo vm = domain;
        const VmRecord *record = byName.value(vm.name);
        if (record && record->host == vm.host) {
            own(vm, *record);
            found.insert(hostKey(vm.host, vm.name));
        }
        inventory.vms.append(vm);
    }
    for (const VmRecord &record : records) {
        if (found.contains(hostKey(record.host, record.name)))
            continue;
        VmInfo vm;
        vm.name = record.name;
        vm.host = record.host;
        // Only an online host can be said to lack a VM; an unreachable one leaves it unknown.
        const auto host = hostIndex.constFind(record.host);
        vm.state = host != hostIndex.cend() && inventory.hosts.at(*host).online ? VmState::Missing
                                                                                : VmState::Unknown;
        vm.vcpus = record.vcpus;
        vm.memoryMiB = record.memoryMiB;
        vm.tenant = record.tenant;
        vm.templateName = record.templateName;
        inventory.vms.append(vm);
    }
    return inventory;
}

void ConnectAgent::applySnapshot(const Snapshot &snapshot)
{
    m_inventory = merge(snapshot, m_store.vms(), m_store.hostGroups());
    rebuildVmIndex();
    // The records keep the templates seen for the next start (before the first pass).
    if (!snapshot.templates.isEmpty() && snapshot.templates != m_recordedTemplates) {
        if (m_store.replaceTemplates(snapshot.templates))
            m_recordedTemplates = snapshot.templates;
    }

    updateConnections(snapshot.hosts, true);
    emit inventoryChanged({});
}

void ConnectAgent::updateConnections(const QList<HostInfo> &hosts, bool always)
{
    QList<ConnectionStatus> connections;
    for (const ConnectionRecord &record : m_store.connections()) {
        ConnectionStatus status{record, false, {}, {}};
        const QString uri =
            record.kind == ConnectionRecord::Kind::Workflow ? record.command.join(u' ') : record.key;
        for (const HostInfo &host : hosts) {
            if (host.uri != uri)
                continue;
            status.hosts.append(host.id);
            status.online = status.online || host.online;
            if (!host.status.isEmpty())
                status.error = host.status;
        }
        connections.append(status);
    }
    if (!always && connections == m_connections)
        return;
    m_connections = connections;
    emit connectionsChanged();
}

ConnectAgent::Pass ConnectAgent::mergePass(Snapshot snapshot)
{
    Pass pass;
    pass.snapshot = std::move(snapshot);
    if (!m_reader && !m_readerFailed) {
        auto reader = std::make_unique<AgentStore>();
        const QString file = storeFile();
        if (auto opened = reader->openForReading(file); opened) {
            m_reader = std::move(reader);
        } else {
            m_readerFailed = true;
            qCWarning(lcConnect, "inventory passes merge on the agent's thread: %s",
                      qPrintable(opened.error().message));
        }
    }
    if (!m_reader) {
        m_lastPassValid = false;
        return pass;
    }
    auto recs = m_reader->vms();
    pass.inventory = merge(pass.snapshot, recs, m_reader->hostGroups());
    indexVms(pass.inventory.vms, pass.vmIndex, pass.vmByName);
    pass.domainIndex.reserve(pass.snapshot.domains.size());
    for (qsizetype i = 0; i < pass.snapshot.domains.size(); ++i)
        pass.domainIndex.insert(hostKey(pass.snapshot.domains.at(i).host, pass.snapshot.domains.at(i).name), i);
    // What differs from the last pass (the agent's thread adds the VMs it touched since).
    QHash<QString, VmInfo> next;
    next.reserve(pass.vmIndex.size());
    for (auto it = pass.vmIndex.cbegin(); it != pass.vmIndex.cend(); ++it) {
        const VmInfo &vm = pass.inventory.vms.at(*it);
        if (m_lastPassValid) {
            const auto last = m_lastPass.constFind(it.key());
            if (last == m_lastPass.cend() || *last != vm)
                pass.changed.insert(vm.name);
        }
        next.insert(it.key(), vm);
    }
    if (m_lastPassValid) {
        for (auto it = m_lastPass.cbegin(); it != m_lastPass.cend(); ++it) {
            if (!next.contains(it.key()))
                pass.changed.insert(it->name);
        }
    }
    pass.everything = !m_lastPassValid;
    m_lastPass = std::move(next);
    m_lastPassValid = true;
    pass.merged = true;
    return pass;
}

void ConnectAgent::applyPass(Pass pass)
{
    --m_passesInFlight;
    if (!pass.merged) {
        applySnapshot(pass.snapshot);
        if (m_passesInFlight == 0)
            m_touched.clear();
        return;
    }
    // The merged inventory comes in whole; the old one is freed on the worker thread.
    Inventory old = std::exchange(m_inventory, std::move(pass.inventory));
    QHash<QString, qsizetype> oldIndex = std::exchange(m_vmIndex, std::move(pass.vmIndex));
    QHash<QString, qsizetype> oldByName = std::exchange(m_vmByName, std::move(pass.vmByName));
    QSet<QString> changed = std::move(pass.changed);
    // The VMs this thread touched since the last pass (records written after the pass
    // read them, operations and events it applied) are merged anew here; the hosts they
    // are on have their capacity counted again from the records.
    QSet<QString> recount;
    QSet<QString> kept;
    for (auto it = m_touched.cbegin(); it != m_touched.cend(); ++it) {
        const bool keep = it->seq > pass.startSeq;
        remergeVm(pass, it.key(), keep, old, oldIndex, oldByName, recount);
        // An event may have come after the pass read the VM's host: looked at again next time.
        if (keep || it->event)
            kept.insert(it.key());
        changed.insert(it.key());
    }
    // What the last pass kept, or may have read before an event, comes from this pass
    // now: named, since the entry may have changed in between.
    for (const QString &name : std::as_const(m_keptLastPass))
        changed.insert(name);
    m_keptLastPass = std::move(kept);
    const bool overflowed = m_touchedOverflow;
    if (m_passesInFlight == 0) {
        m_touched.clear();
        m_touchedOverflow = false;
    }
    for (HostInfo &host : m_inventory.hosts) {
        if (recount.contains(host.id)) {
            const auto [vcpus, memoryMiB] = m_store.hostUsage(host.id);
            host.usedVcpus = int(vcpus);
            host.usedMemoryMiB = memoryMiB;
        }
    }
    if (!pass.snapshot.templates.isEmpty() && pass.snapshot.templates != m_recordedTemplates) {
        if (m_store.replaceTemplates(pass.snapshot.templates))
            m_recordedTemplates = pass.snapshot.templates;
    }
    updateConnections(pass.snapshot.hosts, false);
    const bool hostsDiffer = m_inventory.hosts != old.hosts || m_inventory.templates != old.templates ||
                             m_inventory.pools != old.pools;
    const bool everything = pass.everything || overflowed || (changed.size() > kEverythingFrom && changed.size() > m_inventory.vms.size() / 2);
    // The old inventory and the pass's raw domains (50,000 entries at a large site take
    // 20-30 ms to free) are freed on the pass thread, which is idle now, not on the worker,
    // where they would hold the next operation.
    QMetaObject::invokeMethod(
        m_passWorker, [old = std::move(old), oldIndex = std::move(oldIndex), oldByName = std::move(oldByName),
                       pass = std::move(pass)] {}, Qt::QueuedConnection);
    // Most of a large site changed (a host came back): one refresh of everything is cheaper
    // for the views than the list.
    if (everything) {
        emit inventoryChanged({});
        return;
    }
    if (hostsDiffer)
        emit hostsChanged();
    if (!changed.isEmpty())
        emit inventoryChanged(QStringList(changed.cbegin(), changed.cend()));
}

void ConnectAgent::remergeVm(const Pass &pass, const QString &name, bool keep, const Inventory &old,
                             const QHash<QString, qsizetype> &oldIndex, const QHash<QString, qsizetype> &oldByName,
                             QSet<QString> &recount)
{
    const std::optional<VmRecord> record = m_store.vm(name);
    // Every host that may have an entry of the name (one per host that has the VM).
    QStringList candidates;
    for (const HostInfo &host : std::as_const(m_inventory.hosts))
        candidates.append(host.id);
    if (record && !candidates.contains(record->host))
        candidates.append(record->host);
    // (and a host no longer listed, where an entry may stand for a record)
    const auto alsoOn = [&candidates](const QList<VmInfo> &vms, const QHash<QString, qsizetype> &byName,
                                      const QString &name) {
        if (const auto at = byName.constFind(name); at != byName.cend() && !candidates.contains(vms.at(*at).host))
            candidates.append(vms.at(*at).host);
    };
    alsoOn(m_inventory.vms, m_vmByName, name);
    alsoOn(old.vms, oldByName, name);
    for (const QString &host : std::as_const(candidates)) {
        if (const auto at = m_vmIndex.constFind(hostKey(host, name)); at != m_vmIndex.cend()) {
            recount.insert(host);
            eraseVm(*at);
        }
    }
    const auto add = [this, &recount](const VmInfo &vm) {
        recount.insert(vm.host);
        m_vmIndex.insert(hostKey(vm.host, vm.name), m_inventory.vms.size());
        m_vmByName.insert(vm.name, m_inventory.vms.size());
        m_inventory.vms.append(vm);
    };
    if (record)
        recount.insert(record->host);
    if (keep) {
        // An operation ran on it, or an event came, after the pass began reading the hosts:
        // what this thread has (the result came in before the pass) is the newer view.
        for (const QString &host : std::as_const(candidates)) {
            if (const auto at = oldIndex.constFind(hostKey(host, name)); at != oldIndex.cend())
                add(old.vms.at(*at));
        }
        return;
    }
    // As merge() makes it: the domains the hosts reported, owned where the record places
    // the VM, and the record's VM as missing (or unknown) where no host has it.
    bool found = false;
    for (const QString &host : std::as_const(candidates)) {
        const auto raw = pass.domainIndex.constFind(hostKey(host, name));
        if (raw == pass.domainIndex.cend())
            continue;
        VmInfo vm = pass.snapshot.domains.at(*raw);
        if (record && record->host == vm.host) {
            own(vm, *record);
            found = true;
        }
        add(vm);
    }
    if (record && !found) {
        VmInfo vm;
        vm.name = record->name;
        vm.host = record->host;
        const auto host = std::find_if(m_inventory.hosts.cbegin(), m_inventory.hosts.cend(),
                                       [&](const HostInfo &h) { return h.id == record->host; });
        vm.state = host != m_inventory.hosts.cend() && host->online ? VmState::Missing : VmState::Unknown;
        vm.vcpus = record->vcpus;
        vm.memoryMiB = record->memoryMiB;
        vm.tenant = record->tenant;
        vm.templateName = record->templateName;
        add(vm);
    }
}

void ConnectAgent::touch(const QString &name, quint64 seq, bool event)
{
    // Bounded when no pass runs for long (periodic passes off): then the next one says
    // "everything changed".
    if (m_touchedOverflow)
        return;
    Touch &last = m_touched[name];
    last.seq = std::max(last.seq, seq);
    last.event = last.event || event;
    if (m_touched.size() > kMaxTouched && m_passesInFlight == 0) {
        m_touched.clear();
        m_touchedOverflow = true;
    }
}

Result<void> ConnectAgent::saveRecord(const VmRecord &record)
{
    touch(record.name);
    return m_store.saveVm(record);
}

Result<void> ConnectAgent::dropRecord(const QString &name)
{
    touch(name);
    return m_store.removeVm(name);
}

const VmInfo *ConnectAgent::findVm(const QString &name) const
{
    const auto at = m_vmByName.constFind(name);
    return at == m_vmByName.cend() ? nullptr : &m_inventory.vms.at(*at);
}

void ConnectAgent::rebuildVmIndex()
{
    indexVms(m_inventory.vms, m_vmIndex, m_vmByName);
}

void ConnectAgent::eraseVm(qsizetype index)
{
    // The last entry takes the place of the erased one: no other index moves.
    const QString name = m_inventory.vms.at(index).name;
    m_vmIndex.remove(hostKey(m_inventory.vms.at(index).host, name));
    if (m_vmByName.value(name, -1) == index)
        m_vmByName.remove(name);
    const qsizetype last = m_inventory.vms.size() - 1;
    if (index != last) {
        m_inventory.vms[index] = std::move(m_inventory.vms[last]);
        const VmInfo &moved = m_inventory.vms.at(index);
        m_vmIndex.insert(hostKey(moved.host, moved.name), index);
        if (m_vmByName.value(moved.name, -1) == last)
            m_vmByName.insert(moved.name, index);
    }
    m_inventory.vms.removeLast();
    // Another host's VM of the same name, if any, is found again by name (one lookup per
    // host, not a walk over every VM).
    if (!m_vmByName.contains(name)) {
        for (const HostInfo &host : std::as_const(m_inventory.hosts)) {
            if (const auto at = m_vmIndex.constFind(hostKey(host.id, name)); at != m_vmIndex.cend()) {
                m_vmByName.insert(name, *at);
                break;
            }
        }
    }
}

void ConnectAgent::applyVm(const QString &host, const QString &name, const Result<std::optional<VmInfo>> &domain,
                           const std::optional<QList<StoragePoolInfo>> &pools, quint64 seq)
{
    if (pools)
        m_inventory.pools = *pools;
    if (!domain) {
        // The host could not be asked: a full pass shows it as unreachable.
        qCWarning(lcConnect, "cannot read %s on %s: %s", qPrintable(name), qPrintable(host),
                  qPrintable(domain.error().message));
        if (!m_reconciling)
            reconcile();
        return;
    }
    const std::optional<VmRecord> record = m_store.vm(name);
    const auto hostIt = std::find_if(m_inventory.hosts.begin(), m_inventory.hosts.end(),
                                     [&](const HostInfo &h) { return h.id == host; });
    std::optional<VmInfo> vm = *domain;
    if (vm && record && record->host == host) {
        own(*vm, *record);
    } else if (!vm && record && record->host == host) {
        // Recorded here, yet the host has no such domain (the merge's rule for a missing VM).
        vm = VmInfo{};
        vm->name = name;
        vm->host = host;
        vm->state = hostIt != m_inventory.hosts.end() && hostIt->online ? VmState::Missing : VmState::Unknown;
        own(*vm, *record);
        vm->disk.clear();
    }
    touch(name, seq);
    const QString key = hostKey(host, name);
    const auto at = m_vmIndex.constFind(key);
    if (vm && at != m_vmIndex.cend()) {
        m_inventory.vms[*at] = *vm;
    } else if (vm) {
        m_vmIndex.insert(key, m_inventory.vms.size());
        m_vmByName.insert(name, m_inventory.vms.size());
        m_inventory.vms.append(*vm);
    } else if (at != m_vmIndex.cend()) {
        eraseVm(*at);
    }
    // Capacity is accounted from the records: the operation may have added or dropped one.
    if (hostIt != m_inventory.hosts.end()) {
        const auto [vcpus, memoryMiB] = m_store.hostUsage(host);
        hostIt->usedVcpus = int(vcpus);
        hostIt->usedMemoryMiB = memoryMiB;
    }
    emit inventoryChanged({name});
}

void ConnectAgent::recreateLost()
{
    QSet<QString> onlineHosts;
    for (const HostInfo &host : std::as_const(m_inventory.hosts)) {
        if (host.online)
            onlineHosts.insert(host.id);
    }
    for (const VmInfo &vm : std::as_const(m_inventory.vms)) {
        if (vm.state != VmState::Missing || !onlineHosts.contains(vm.host) || m_busy.contains(vm.name) ||
            m_recreateTried.contains(vm.name)) {
            continue;
        }
        const auto record = m_store.vm(vm.name);
        if (!record)
            continue;
        // One attempt per session and VM: a host that keeps refusing is shown, not hammered.
        m_recreateTried.insert(vm.name);
        const VmSpec spec{record->name, record->vcpus, record->memoryMiB, record->templateName};
        const bool running = record->running;
        const QString host = record->host;
        run(
            tr("Re-creating %1 on %2").arg(record->name, host),
            [this, spec, host, running](ConnectJob &job) -> Result<void> {
                auto report = [&job](int step, int steps, const QString &text) {
                    return job.setProgress(step, steps, text);
                };
                if (auto made = m_manager->provision(host, spec, report); !made)
                    return made;
                return running ? Result<void>() : m_manager->stop(host, spec.name);
            },
            {}, record->name, host, !spec.templateName.isEmpty());
    }
}

ConnectJob *ConnectAgent::reconcile()
{
    m_reconciling = true;
    return run(
        tr("Reconciling the inventory"),
        [this](ConnectJob &) -> Result<void> {
            // Reconnects fronts that dropped (a test-driver host then comes back empty).
            (void)m_manager->open();
            return {};
        },
        [this](const Result<void> &) {
            m_reconciling = false;
            QMetaObject::invokeMethod(
                this, [this] { recreateLost(); }, Qt::QueuedConnection);
        });
}

void ConnectAgent::onDomainEvent(const DomainEvent &event, quint64 seq)
{
    const auto at = m_vmIndex.constFind(hostKey(event.host, event.name));
    if (at == m_vmIndex.cend())
        return; // a new domain: the job that made it, or the next reconcile, brings it in
    touch(event.name, seq, true);
    VmInfo &vm = m_inventory.vms[*at];
    if (event.undefined && vm.tenant.isEmpty())
        eraseVm(*at);
    else if (event.undefined)
        vm.state = VmState::Missing;
    else if (event.state != VmState::Unknown)
        vm.state = event.state;
    else
        return;
    emit inventoryChanged({event.name});
}

ConnectJob *ConnectAgent::addConnection(const QString &uri, const QString &hostId)
{
    const QString key = uri.trimmed();
    if (key.isEmpty() || !key.contains(u':'))
        return failed(tr("Adding %1").arg(key),
                      Error{QStringLiteral("connect.uri"), tr("\"%1\" is not a libvirt URI.").arg(key)});
    for (const ConnectionRecord &record : m_store.connections()) {
        if (record.key == key)
            return failed(tr("Adding %1").arg(key), Error{QStringLiteral("connect.duplicate"),
                                                          tr("%1 is already connected.").arg(key)});
    }
    auto opened = std::make_shared<bool>(false);
    return run(
        tr("Connecting %1").arg(key),
        [this, key, hostId, opened](ConnectJob &job) -> Result<void> {
            job.setProgress(1, 1, tr("Connecting %1").arg(key));
            auto driver = std::make_unique<ComponentDriver>(ComponentDriver::Options{key, hostId});
            driver->setEventHandler(m_manager->eventForwarder());
            if (auto ok = driver->open(); !ok)
                return ok;
            for (const HostInfo &host : m_manager->hosts()) {
                if (host.id == driver->hostId()) {
                    return Error{QStringLiteral("connect.duplicate-host"),
                                 tr("The site already has a host named %1.").arg(host.id)};
                }
            }
            m_manager->add(std::move(driver), key);
            *opened = true;
            return {};
        },
        [this, key, hostId, opened](const Result<void> &) {
            if (*opened)
                (void)m_store.saveConnection(
                    ConnectionRecord{ConnectionRecord::Kind::Libvirt, key, {}, hostId});
        });
}

ConnectJob *ConnectAgent::addWorkflow(const QStringList &command)
{
    const QString key = command.join(u' ');
    if (command.isEmpty())
        return failed(tr("Adding a workflow"),
                      Error{QStringLiteral("workflow.command"), tr("The workflow has no command.")});
    auto opened = std::make_shared<bool>(false);
    return run(
        tr("Connecting workflow %1").arg(key),
        [this, key, command, opened](ConnectJob &job) -> Result<void> {
            job.setProgress(1, 1, tr("Asking workflow %1 for its hosts").arg(key));
            auto driver = std::make_unique<WorkflowDriver>(command);
            if (auto ok = driver->open(); !ok)
                return ok;
            m_manager->add(std::move(driver), key);
            *opened = true;
            return {};
        },
        [this, key, command, opened](const Result<void> &) {
            if (*opened)
                (void)m_store.saveConnection(
                    ConnectionRecord{ConnectionRecord::Kind::Workflow, key, command, {}});
        });
}

ConnectJob *ConnectAgent::removeConnection(const QString &key)
{
    QStringList hosts;
    for (const ConnectionStatus &status : std::as_const(m_connections)) {
        if (status.record.key == key)
            hosts = status.hosts;
    }
    for (const VmRecord &vm : m_store.vms()) {
        if (hosts.contains(vm.host)) {
            return failed(
                tr("Removing %1").arg(key),
                Error{QStringLiteral("connect.in-use"),
                      tr("VM %1 still lives on %2; move or delete it first.").arg(vm.name, vm.host)});
        }
    }
    (void)m_store.removeConnection(key);
    return run(tr("Disconnecting %1").arg(key), [this, key](ConnectJob &) -> Result<void> {
        m_manager->remove(key);
        return {};
    });
}

Result<QString> ConnectAgent::plan(const ProvisionRequest &request) const
{
    return plan(request, m_store.hasTenant(request.tenant), m_inventory.hosts, m_store.hostGroups());
}

Result<QString> ConnectAgent::plan(const ProvisionRequest &request, bool tenantKnown,
                                   const QList<HostInfo> &hosts, const QList<HostGroup> &groups)
{
    if (!tenantKnown)
        return Error{QStringLiteral("tenant.unknown"), tr("There is no tenant %1.").arg(request.tenant)};
    PlacementRequest placement{request.tenant, request.tenancy, request.vcpus, request.memoryMiB,
                               request.host};
    return Placement::place(placement, hosts, groups);
}

ConnectJob *ConnectAgent::provision(const ProvisionRequest &input)
{
    ProvisionRequest request = input;
    if (request.name.isEmpty()) {
        int n = 1;
        while (m_store.vm(request.tenant + u'-' + QString::number(n)))
            ++n;
        request.name = request.tenant + u'-' + QString::number(n);
    }
    const QString title = tr("Provisioning %1").arg(request.name);
    if (!validVmName(request.name)) {
        return failed(
            title,
            Error{QStringLiteral("connect.name"),
                  tr("\"%1\" is not a VM name: use letters, digits, '.', '-' and '_'.").arg(request.name)});
    }
    const bool taken = m_store.vm(request.name).has_value() || findVm(request.name) != nullptr;
    if (taken)
        return failed(title, Error{QStringLiteral("connect.name-taken"),
                                   tr("The name %1 is taken.").arg(request.name)});
    auto host = plan(request);
    if (!host)
        return failed(title, host.error());

    // Recorded before the work starts, so concurrent placements see the capacity as used.
    const VmRecord record{request.name,  request.tenant,    *host, request.tenancy, request.templateName,
                          request.vcpus, request.memoryMiB, true,  nowMs()};
    if (auto saved = saveRecord(record); !saved)
        return failed(title, saved.error());
    for (HostInfo &h : m_inventory.hosts) {
        if (h.id == *host) {
            h.usedVcpus += record.vcpus;
            h.usedMemoryMiB += record.memoryMiB;
        }
    }

    const VmSpec spec{request.name, request.vcpus, request.memoryMiB, request.templateName,
                      request.restartOnPowerOff};
    const QString target = *host;
    return run(
        title,
        [this, spec, target](ConnectJob &job) -> Result<void> {
            auto report = [&job](int step, int steps, const QString &text) {
                return job.setProgress(step, steps, text);
            };
            return m_manager->provision(target, spec, report);
        },
        [this, name = request.name](const Result<void> &result) {
            if (!result)
                (void)dropRecord(name);
        },
        request.name, target, !request.templateName.isEmpty());
}

std::optional<VmRecord> ConnectAgent::recordFor(const QString &name, Error *error) const
{
    auto record = m_store.vm(name);
    if (!record) {
        *error = Error{QStringLiteral("connect.not-found"), tr("There is no VM %1.").arg(name)};
        return std::nullopt;
    }
    if (m_busy.contains(name)) {
        *error = Error{QStringLiteral("connect.busy"), tr("%1 is busy with another operation.").arg(name)};
        return std::nullopt;
    }
    return record;
}

ConnectJob *
ConnectAgent::simpleVmJob(const QString &name, const QString &title,
                          std::function<Result<void>(HypervisorDriver &, const VmRecord &)> action,
                          std::optional<bool> running)
{
    Error error;
    const auto record = recordFor(name, &error);
    if (!record)
        return failed(title, error);
    return run(
        title,
        [this, action, record = *record](ConnectJob &job) -> Result<void> {
            job.setProgress(1, 1, job.title());
            return action(*m_manager, record);
        },
        [this, name, running](const Result<void> &result) {
            // A stop is recorded even when it failed (the host had lost the VM): a later
            // re-creation must not bring back running what was meant to be off.
            if (!running || (!result && *running))
                return;
            if (auto record = m_store.vm(name)) {
                record->running = *running;
                (void)saveRecord(*record);
            }
        },
        name, record->host);
}

ConnectJob *ConnectAgent::startVm(const QString &name)
{
    return simpleVmJob(
        name, tr("Starting %1").arg(name),
        [](HypervisorDriver &d, const VmRecord &r) { return d.start(r.host, r.name); }, true);
}

ConnectJob *ConnectAgent::stopVm(const QString &name)
{
    return simpleVmJob(
        name, tr("Stopping %1").arg(name),
        [](HypervisorDriver &d, const VmRecord &r) { return d.stop(r.host, r.name); }, false);
}

ConnectJob *ConnectAgent::shutdownVm(const QString &name)
{
    return simpleVmJob(
        name, tr("Shutting down %1").arg(name),
        [](HypervisorDriver &d, const VmRecord &r) { return d.shutdown(r.host, r.name); }, false);
}

ConnectJob *ConnectAgent::rebootVm(const QString &name)
{
    return simpleVmJob(
        name, tr("Rebooting %1").arg(name),
        [](HypervisorDriver &d, const VmRecord &r) { return d.reboot(r.host, r.name); }, std::nullopt);
}

ConnectJob *ConnectAgent::removeVm(const QString &name)
{
    Error error;
    const auto record = recordFor(name, &error);
    if (!record)
        return failed(tr("Deleting %1").arg(name), error);
    const VmInfo *found = findVm(name);
    const bool missing = found && found->state == VmState::Missing;
    return run(
        tr("Deleting %1").arg(name),
        [this, record = *record, missing](ConnectJob &job) -> Result<void> {
            job.setProgress(1, 1, job.title());
            // A VM its host lost only needs its record dropped.
            return missing ? Result<void>() : m_manager->remove(record.host, record.name);
        },
        [this, name](const Result<void> &result) {
            if (result)
                (void)dropRecord(name);
        },
        name, record->host, !record->templateName.isEmpty());
}

ConnectJob *ConnectAgent::cloneVm(const QString &name, const QString &newName)
{
    const QString title = tr("Cloning %1 as %2").arg(name, newName);
    Error error;
    const auto record = recordFor(name, &error);
    if (!record)
        return failed(title, error);
    if (!validVmName(newName) || m_store.vm(newName))
        return failed(title, Error{QStringLiteral("connect.name-taken"),
                                   tr("The name %1 is taken or invalid.").arg(newName)});
    // The copy needs its own capacity on the same host, under the same separation.
    PlacementRequest placement{record->tenant, record->tenancy, record->vcpus, record->memoryMiB,
                               record->host};
    if (auto placed = Placement::place(placement, m_inventory.hosts, m_store.hostGroups()); !placed)
        return failed(title, placed.error());
    VmRecord copy = *record;
    copy.name = newName;
    copy.running = false;
    copy.createdMs = nowMs();
    if (auto saved = saveRecord(copy); !saved)
        return failed(title, saved.error());
    return run(
        title,
        [this, source = *record, newName](ConnectJob &job) -> Result<void> {
            job.setProgress(1, 1, job.title());
            return m_manager->clone(source.host, source.name, newName);
        },
        [this, newName](const Result<void> &result) {
            if (!result)
                (void)dropRecord(newName);
        },
        name);
}

ConnectJob *ConnectAgent::migrateVm(const QString &name, const QString &toHost)
{
    const QString title = tr("Moving %1 to %2").arg(name, toHost);
    Error error;
    const auto record = recordFor(name, &error);
    if (!record)
        return failed(title, error);
    PlacementRequest placement{record->tenant, record->tenancy, record->vcpus, record->memoryMiB, toHost};
    if (auto placed = Placement::place(placement, m_inventory.hosts, m_store.hostGroups()); !placed)
        return failed(title, placed.error());
    return run(
        title,
        [this, record = *record, toHost](ConnectJob &job) -> Result<void> {
            auto report = [&job](int step, int steps, const QString &text) {
                return job.setProgress(step, steps, text);
            };
            return m_manager->migrate(record.name, record.host, toHost, report);
        },
        [this, name, toHost](const Result<void> &result) {
            if (!result)
                return;
            if (auto record = m_store.vm(name)) {
                record->host = toHost;
                (void)saveRecord(*record);
            }
        },
        name);
}

Result<void> ConnectAgent::recordConnection(const ConnectionRecord &connection)
{
    return m_store.saveConnection(connection);
}

Result<void> ConnectAgent::saveTenant(const Tenant &tenant)
{
    if (auto saved = m_store.saveTenant(tenant); !saved)
        return saved;
    qCInfo(lcConnect, "tenant %s recorded", qPrintable(tenant.id));
    emit inventoryChanged({});
    return {};
}

Result<void> ConnectAgent::removeTenant(const QString &id)
{
    if (!m_store.hasTenant(id))
        return Error{QStringLiteral("tenant.unknown"), tr("There is no tenant %1.").arg(id)};
    QStringList vms;
    for (const VmRecord &vm : m_store.vms()) {
        if (vm.tenant == id)
            vms.append(vm.name);
    }
    if (!vms.isEmpty()) {
        return Error{QStringLiteral("tenant.in-use"),
                     tr("Tenant %1 still owns %n VM(s) (%2); delete them first.", nullptr, int(vms.size()))
                         .arg(id, vms.join(QStringLiteral(", ")))};
    }
    QStringList groups;
    for (const HostGroup &group : m_store.hostGroups()) {
        if (group.tenants.contains(id))
            groups.append(group.name);
    }
    if (!groups.isEmpty()) {
        return Error{QStringLiteral("tenant.in-use"),
                     tr("Tenant %1 is named by host group %2; take it out of the group first.")
                         .arg(id, groups.join(QStringLiteral(", ")))};
    }
    const qint64 now = nowMs();
    for (const HeldContractRecord &contract : m_store.contracts()) {
        if (contract.buyer == id && !contract.terminated && contract.endMs > now) {
            return Error{QStringLiteral("tenant.in-use"),
                         tr("Tenant %1 holds contract %2, which has not ended.").arg(id, contract.id)};
        }
    }
    if (auto removed = m_store.removeTenant(id); !removed)
        return removed;
    qCInfo(lcConnect, "tenant %s removed", qPrintable(id));
    emit inventoryChanged({});
    return {};
}

Result<void> ConnectAgent::saveHostGroup(const HostGroup &group)
{
    // Existing VMs must still be allowed where they run.
    for (const VmRecord &vm : m_store.vms()) {
        if (group.hosts.contains(vm.host) && !Placement::allows(&group, vm.tenant, vm.tenancy)) {
            return Error{QStringLiteral("group.conflict"),
                         tr("VM %1 of tenant %2 on %3 would break the group's separation.")
                             .arg(vm.name, vm.tenant, vm.host)};
        }
    }
    if (auto ok = m_store.saveHostGroup(group); !ok)
        return ok;
    for (HostInfo &host : m_inventory.hosts) {
        host.group.clear();
        host.tenancy = Tenancy::Shared;
        for (const HostGroup &g : m_store.hostGroups()) {
            if (g.hosts.contains(host.id)) {
                host.group = g.name;
                host.tenancy = g.tenancy;
            }
        }
    }
    emit inventoryChanged({});
    return {};
}

Result<void> ConnectAgent::removeHostGroup(const QString &name)
{
    for (const HostGroup &group : m_store.hostGroups()) {
        if (group.name != name)
            continue;
        for (const VmRecord &vm : m_store.vms()) {
            if (group.hosts.contains(vm.host) && vm.tenancy != Tenancy::Shared) {
                return Error{QStringLiteral("group.conflict"),
                             tr("VM %1 relies on the separation of host group %2.").arg(vm.name, name)};
            }
        }
    }
    if (auto ok = m_store.removeHostGroup(name); !ok)
        return ok;
    for (HostInfo &host : m_inventory.hosts) {
        if (host.group == name) {
            host.group.clear();
            host.tenancy = Tenancy::Shared;
        }
    }
    emit inventoryChanged({});
    return {};
}

Result<void> ConnectAgent::saveOffer(const Offer &offer)
{
    auto product = catalogue::Catalogue::standard().parseProduct(offer.product);
    if (!product)
        return product.error();
    const catalogue::InstanceClass *instanceClass =
        catalogue::Catalogue::standard().findClass(product->classCode);
    // What the product's tenancy may use, summed over the hosts, against all reservations
    // of offers with the same tenancy.
    const QList<HostGroup> groups = m_store.hostGroups();
    qint64 cpus = 0;
    qint64 memory = 0;
    for (const HostInfo &host : std::as_const(m_inventory.hosts)) {
        const HostGroup *group = nullptr;
        for (const HostGroup &g : groups) {
            if (g.hosts.contains(host.id))
                group = &g;
        }
        const bool usable = product->tenancy == Tenancy::Shared
                                ? (!group || group->tenancy == Tenancy::Shared)
                                : (group && group->tenancy == product->tenancy);
        if (usable) {
            cpus += host.cpus;
            memory += host.memoryMiB;
        }
    }
    qint64 neededCpus = qint64(instanceClass->vcpus) * offer.reservedInstances;
    qint64 neededMemory = qint64(instanceClass->memoryMiB) * offer.reservedInstances;
    for (const Offer &other : m_store.offers()) {
        auto otherProduct = catalogue::Catalogue::standard().parseProduct(other.product);
        if (!otherProduct || other.product == offer.product || otherProduct->tenancy != product->tenancy)
            continue;
        const catalogue::InstanceClass *c =
            catalogue::Catalogue::standard().findClass(otherProduct->classCode);
        neededCpus += qint64(c->vcpus) * other.reservedInstances;
        neededMemory += qint64(c->memoryMiB) * other.reservedInstances;
    }
    if (neededCpus > cpus || neededMemory > memory) {
        return Error{QStringLiteral("offer.capacity"),
                     tr("The %1 hosts have %2 vCPU and %3 MiB; the offers would reserve %4 vCPU and %5 MiB.")
                         .arg(catalogue::tenancyName(product->tenancy))
                         .arg(cpus)
                         .arg(memory)
                         .arg(neededCpus)
                         .arg(neededMemory)};
    }
    if (offer.reservedInstances > 0 && !offer.windows.isEmpty()) {
        // An offer with periods goes to the exchange: it needs a price it can ask.
        if (offer.priceMode == Offer::PriceMode::Fixed && offer.priceTicks <= 0)
            return Error{QStringLiteral("offer.no-price"),
                         tr("A fixed-price offer needs a price above zero.")};
        if (offer.priceMode == Offer::PriceMode::SpotLinked) {
            if (offer.markupBasisPoints <= -10'000 || offer.markupBasisPoints > 100'000)
                return Error{QStringLiteral("offer.bad-markup"),
                             tr("The markup must lie between -99.99 % and 1000 %.")};
            if (offer.floorTicks < 0 || offer.capTicks < 0 ||
                (offer.capTicks > 0 && offer.floorTicks > offer.capTicks))
                return Error{QStringLiteral("offer.bad-bounds"), tr("The floor must not be above the cap.")};
        }
        if (product->tenancy != Tenancy::Shared && !offer.pool.isEmpty() &&
            !OfferBook::poolFor(offer, groups)) {
            return Error{
                QStringLiteral("offer.bad-pool"),
                tr("%1 is not a %2 host group.").arg(offer.pool, catalogue::tenancyName(product->tenancy))};
        }
    }
    if (auto ok = m_store.saveOffer(offer); !ok)
        return ok;
    emit offersChanged();
    return {};
}

TenantView ConnectAgent::tenantView(const QString &tenant, int maxVms)
{
    return TenantView(this, tenant, maxVms);
}

} // namespace cloudex::connect
