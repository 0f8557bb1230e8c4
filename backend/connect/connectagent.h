#pragma once

#include "connect/agentstore.h"
#include "connect/connectjob.h"
#include "connect/hypervisordriver.h"
#include "connect/inventory.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>

class QThread;
class QTimer;

namespace cloudex {
class Clock;
}

namespace cloudex::connect {

class ComponentManager;
class TenantView;

struct ProvisionRequest
{
    QString name; ///< empty: "<tenant>-<n>"
    QString tenant;
    catalogue::Tenancy tenancy = catalogue::Tenancy::Shared;
    QString templateName; ///< empty: a diskless VM
    int vcpus = 1;
    qint64 memoryMiB = 64;
    QString host;                   ///< empty: placement chooses
    bool restartOnPowerOff = false; ///< see VmSpec
};

/// A hypervisor front as the Sell workspace lists it.
struct ConnectionStatus
{
    ConnectionRecord record;
    bool online = false;
    QString error;
    QStringList hosts;

    bool operator==(const ConnectionStatus &) const = default;
};

/// The seller's connect agent: the site's records (SQLite, the truth), its hypervisors
/// behind one ComponentManager, placement with customer separation, and every operation as
/// a ConnectJob executed on one worker thread. Inventory arrives through libvirt lifecycle
/// events and a periodic reconcile; the agent re-creates recorded VMs that a host lost
/// (libvirt's test driver forgets everything when its connection closes).
///
/// Lives in the thread that built it (the main thread of cloudex-connect; its own thread in
/// the desktop app, behind EmbeddedAgent), with its records; no call blocks on a hypervisor.
class ConnectAgent final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString dataDir;
        int reconcileIntervalMs = kDefaultReconcileIntervalMs; ///< 0: no periodic reconcile
        const Clock *clock = nullptr;                          ///< nullptr: the system clock
    };
    static constexpr int kDefaultReconcileIntervalMs = 15'000;

    explicit ConnectAgent(Options options, QObject *parent = nullptr);
    ~ConnectAgent() override;

    /// Opens the records (connect.sqlite in the data directory) and starts the worker.
    Result<void> open();
    /// First run only: writes the embedded site (simulated test-driver hosts, one node file
    /// each in <data>/connect/hosts) and records its connections, host groups and tenants.
    Result<void> setupEmbeddedSite();
    /// Connects every recorded front, reconciles and re-creates lost VMs.
    ConnectJob *start();

    /// The seller's records, read-only: every change goes through the agent, which checks
    /// it against what runs and tells the views.
    const AgentStore &store() const { return m_store; }
    /// The records' file (connect.sqlite in the data directory), for read-only connections.
    QString storeFile() const;
    const Inventory &inventory() const { return m_inventory; }
    /// The inventory's entry of VM `name` (by index; with one name on several hosts, one
    /// of them), or nullptr.
    const VmInfo *findVm(const QString &name) const;
    QList<ConnectionStatus> connections() const { return m_connections; }
    bool isBusy(const QString &vm) const { return m_busy.contains(vm); }
    /// The VMs an operation is running on.
    QSet<QString> busyVms() const { return m_busy; }

    ConnectJob *addConnection(const QString &uri, const QString &hostId = {});
    ConnectJob *addWorkflow(const QStringList &command);
    /// Refused while recorded VMs live on the front's hosts.
    ConnectJob *removeConnection(const QString &key);
    ConnectJob *reconcile();

    /// Placement only, for previews: the host a provision would use, or why it is refused.
    Result<QString> plan(const ProvisionRequest &request) const;
    /// The same on values (a copy of the inventory's hosts and the host groups), for views
    /// on another thread; `tenantKnown`: the request's tenant is recorded.
    static Result<QString> plan(const ProvisionRequest &request, bool tenantKnown,
                                const QList<HostInfo> &hosts, const QList<HostGroup> &groups);
    ConnectJob *provision(const ProvisionRequest &request);
    ConnectJob *startVm(const QString &name);
    ConnectJob *stopVm(const QString &name);
    /// ACPI shutdown: asks the guest to power off and returns (desired state: stopped).
    ConnectJob *shutdownVm(const QString &name);
    ConnectJob *rebootVm(const QString &name);
    ConnectJob *removeVm(const QString &name);
    /// A stopped copy on the same host, owned by the same tenant (capacity permitting).
    ConnectJob *cloneVm(const QString &name, const QString &newName);
    /// Separation and capacity are checked on the target as for a new placement.
    ConnectJob *migrateVm(const QString &name, const QString &toHost);

    /// Records a front for start() to connect (a site configuration's connections).
    Result<void> recordConnection(const ConnectionRecord &connection);
    /// Records a tenant (a customer of the site); refuses an empty or malformed id.
    Result<void> saveTenant(const Tenant &tenant);
    /// Forgets a tenant. Refused ("tenant.in-use") while it owns VMs, is named by a host
    /// group or holds a contract that has not ended; "tenant.unknown" for no such tenant.
    Result<void> removeTenant(const QString &id);
    Result<void> saveHostGroup(const HostGroup &group);
    Result<void> removeHostGroup(const QString &name);
    /// Checks the product symbol and that the reserved instances fit the hosts that the
    /// product's tenancy may use.
    Result<void> saveOffer(const Offer &offer);

    /// Everything a tenant (later: a contract) may see and touch.
    TenantView tenantView(const QString &tenant, int maxVms = -1);

    /// The raw result of one inventory pass, before the agent's records are merged in.
    struct Snapshot
    {
        QList<HostInfo> hosts;
        QList<VmInfo> domains;
        QList<TemplateInfo> templates;
        QList<StoragePoolInfo> pools;
    };
    /// Joins a snapshot with the records: owners, used capacity, groups, missing VMs.
    static Inventory merge(const Snapshot &snapshot, const QList<VmRecord> &records,
                           const QList<HostGroup> &groups);

signals:
    /// The inventory changed. `vms` names the VMs whose entries changed (an operation on
    /// one VM, a lifecycle event, the VMs an inventory pass found different); empty:
    /// anything may have changed (the first pass, records of tenants or host groups).
    void inventoryChanged(const QStringList &vms);
    /// An inventory pass found the hosts, templates or storage pools changed (capacity, a
    /// host going offline, a disk made or deleted); the VMs it changed come with
    /// inventoryChanged().
    void hostsChanged();
    void connectionsChanged();
    /// An offer was saved or removed (the OfferTrader re-plans).
    void offersChanged();
    /// Every job the agent starts, so views can show progress of all of them.
    void jobStarted(cloudex::connect::ConnectJob *job);

private:
    using Work = std::function<Result<void>(ConnectJob &job)>;
    /// Runs `work` on the worker. Afterwards the inventory is read anew: only `vm` on
    /// `host` when both are given (an operation on one VM: no full pass per job; with
    /// `disks`, the storage pools too, as a disk came or went), else everything.
    ConnectJob *run(const QString &title, Work work, std::function<void(const Result<void> &)> done = {},
                    const QString &vm = {}, const QString &host = {}, bool disks = false);
    ConnectJob *failed(const QString &title, const Error &error);
    void applySnapshot(const Snapshot &snapshot);
    /// The fronts' state from the hosts; `always`: say so even when nothing changed.
    void updateConnections(const QList<HostInfo> &hosts, bool always);
    /// An inventory pass merged on the worker thread (with its own connection to the
    /// records), so that a site of 50,000 VMs does not hold the agent's thread: what the
    /// agent's thread does with it is proportional to what changed.
    struct Pass
    {
        Snapshot snapshot;
        bool merged = false; ///< false: the records could not be read there; merge here
        Inventory inventory;
        QHash<QString, qsizetype> vmIndex;
        QHash<QString, qsizetype> vmByName;
        QHash<QString, qsizetype> domainIndex; ///< "<host>/<name>" -> index in snapshot.domains
        /// VMs whose merged entry differs from the previous pass's; with `everything`, the
        /// list does not count (the first pass).
        QSet<QString> changed;
        bool everything = false;
        quint64 startSeq = 0; ///< the last operation that ran before the pass read the hosts
    };
    /// A pass being collected on the worker, one hypervisor front (member) per step.
    struct Collecting
    {
        Snapshot snapshot;
        QStringList members;
        qsizetype next = 0;
        QHash<QString, QString> unreadable; ///< host id -> why its VMs could not be read
        quint64 startSeq = 0;              ///< the last operation that ran before
        std::function<void(Pass)> then;    ///< called on the pass thread with the merged pass
    };
    /// Worker thread: queues a pass and collects it step by step (operations queued
    /// meanwhile run between the steps); `then` gets it merged, on the pass thread.
    void collectPass(std::function<void(Pass)> then);
    void beginCollecting();
    void collectStep();
    /// Pass thread: reads the records, merges and compares with the last pass.
    Pass mergePass(Snapshot snapshot);
    void applyPass(Pass pass);
    /// Merges VM `name` anew from a pass's raw domains and the records as they are now;
    /// keeps what this thread has where an operation ran on it during the pass.
    void remergeVm(const Pass &pass, const QString &name, bool keep, const Inventory &old,
                   const QHash<QString, qsizetype> &oldIndex, const QHash<QString, qsizetype> &oldByName,
                   QSet<QString> &recount);
    void finishJob(ConnectJob *job, const Result<void> &result,
                   const std::function<void(const Result<void> &)> &done, const QString &vm);
    /// Every write of a VM record goes through these, so a pass in flight knows the VMs
    /// whose records changed after it read them.
    Result<void> saveRecord(const VmRecord &record);
    Result<void> dropRecord(const QString &name);
    /// `seq`: the last operation that had started when it came (0: a record written);
    /// `event`: a lifecycle event.
    void touch(const QString &name, quint64 seq = 0, bool event = false);
    /// Puts what `host` says of VM `name` (nothing: it has none) into the inventory, with
    /// the VM's record and the host's capacity as the records account it.
    void applyVm(const QString &host, const QString &name, const Result<std::optional<VmInfo>> &domain,
                 const std::optional<QList<StoragePoolInfo>> &pools, quint64 seq = 0);
    void rebuildVmIndex();
    void eraseVm(qsizetype index);
    void recreateLost();
    void onDomainEvent(const DomainEvent &event, quint64 seq);
    std::optional<VmRecord> recordFor(const QString &name, Error *error) const;
    ConnectJob *simpleVmJob(const QString &name, const QString &title,
                            std::function<Result<void>(HypervisorDriver &, const VmRecord &)> action,
                            std::optional<bool> running);
    qint64 nowMs() const;

    Options m_options;
    AgentStore m_store;
    std::unique_ptr<ComponentManager> m_manager; ///< used on the worker thread only
    /// What connect.sqlite holds of the templates seen, so that an inventory pass that saw
    /// the same ones (nearly every pass) writes nothing on the agent's thread.
    QList<TemplateInfo> m_recordedTemplates;
    QThread *m_thread;
    QObject *m_worker;
    QTimer *m_reconcileTimer;
    Inventory m_inventory;
    QHash<QString, qsizetype> m_vmIndex;  ///< "<host>/<name>" -> index in m_inventory.vms
    QHash<QString, qsizetype> m_vmByName; ///< "<name>" -> index in m_inventory.vms
    QList<ConnectionStatus> m_connections;
    /// VMs whose records or entries changed on this thread while an inventory pass was in
    /// flight: the pass merges them anew (its view of them may be older) and names them.
    struct Touch
    {
        quint64 seq = 0;
        bool event = false;
    };
    QHash<QString, Touch> m_touched; ///< name -> the latest operation it came with
    QSet<QString> m_keptLastPass;    ///< names the next pass names whatever it finds
    bool m_touchedOverflow = false;
    static constexpr qsizetype kMaxTouched = 100'000;
    static constexpr qsizetype kEverythingFrom = 1'000;
    int m_passesInFlight = 0;
    std::deque<std::shared_ptr<Collecting>> m_collecting; ///< worker thread only
    std::atomic<quint64> m_workerSeq{0};                  ///< operations started on the worker
    // The pass thread merges what the worker collected, with its own connection to the
    // records, and keeps what the last pass merged ("<host>/<name>" -> entry) to name the
    // VMs the next one changes.
    QThread *m_passThread;
    QObject *m_passWorker;
    std::unique_ptr<AgentStore> m_reader;
    bool m_readerFailed = false;
    QHash<QString, VmInfo> m_lastPass;
    bool m_lastPassValid = false;
    QSet<QString> m_busy;
    QSet<QString> m_recreateTried;
    bool m_reconciling = false;
};

} // namespace cloudex::connect
