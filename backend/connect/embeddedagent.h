#pragma once

#include "connect/connectagent.h"
#include "connect/offertrader.h"
#include "core/result.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>

class QThread;

namespace cloudex {
class Clock;
}

namespace cloudex::connect {

/// What the agent shows, as a value: inventory merged with the records, connection status,
/// the records a seller edits, and the VMs an operation is running on. Handed from the
/// agent's thread to the caller's by copy (Qt's containers share until written).
struct AgentState
{
    Inventory inventory;
    QList<ConnectionStatus> connections;
    QList<Tenant> tenants;
    QList<HostGroup> hostGroups;
    QList<Offer> offers;
    QSet<QString> busy;
    /// The contracts the site holds (its records).
    QList<HeldContractRecord> contracts;
    /// The offers on the exchange: live asks, capacity against commitments per period, the
    /// seller's contracts the exchange lists; `enabled` false until startTrading().
    TradingState trading;
};

/// The connect agent inside the desktop app: a ConnectAgent (its connect.sqlite records,
/// placement, jobs; libvirt and workflow calls on the agent's own worker) built and run on a
/// thread of its own, so that SQLite, inventory merges and record checks never hold up the
/// GUI. This object stays on the caller's thread and is the only way in, as
/// exchange::EmbeddedExchange is for the exchange: start() returns at once and `started`
/// follows; every operation and record change is a ConnectJob that lives here and mirrors the
/// agent's job (progress, cancel, one finished); what the agent shows arrives as an
/// AgentState copy with `stateChanged`, before the job that changed it finishes. Nothing here
/// waits for the agent's thread.
class EmbeddedAgent final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString dataDir;
        /// First run: write and record the simulated test-driver site (EmbeddedSite).
        bool embeddedSite = true;
        /// A hypervisor to connect (and record) besides the recorded ones; empty: none.
        QString libvirtUri;
        int reconcileIntervalMs = ConnectAgent::kDefaultReconcileIntervalMs;
        const Clock *clock = nullptr; ///< nullptr: the system clock; must outlive the agent
    };

    explicit EmbeddedAgent(QObject *parent = nullptr);
    /// Stops the agent (see stop()).
    ~EmbeddedAgent() override;

    /// Starts the agent's thread and builds the agent in it: opens the records, writes the
    /// embedded site on a first run, connects every recorded front (and `libvirtUri`). Returns
    /// at once; the connecting jobs are announced with `jobStarted`, and `started` follows
    /// when they have finished (or the records could not be opened). Only the first call counts.
    void start(const Options &options);
    /// True once `started` reported success, until stop().
    bool isStarted() const { return m_started; }
    /// Destroys the agent on its thread (its worker ends, the records close on the thread
    /// that opened them), then ends the thread and waits for it. Jobs still running here
    /// finish with "job.cancelled"; later answers are dropped.
    void stop();

    /// The last state the agent published (empty before the first).
    const AgentState &state() const { return m_state; }
    bool isBusy(const QString &vm) const { return m_state.busy.contains(vm); }
    /// Placement preview on the last state: the host a provision would use, or why not.
    Result<QString> plan(const ProvisionRequest &request) const;

    ConnectJob *addConnection(const QString &uri, const QString &hostId = {});
    ConnectJob *removeConnection(const QString &key);
    ConnectJob *reconcile();
    ConnectJob *provision(const ProvisionRequest &request);
    ConnectJob *startVm(const QString &name);
    ConnectJob *stopVm(const QString &name);
    ConnectJob *shutdownVm(const QString &name);
    ConnectJob *rebootVm(const QString &name);
    ConnectJob *removeVm(const QString &name);
    ConnectJob *cloneVm(const QString &name, const QString &newName);
    ConnectJob *migrateVm(const QString &name, const QString &toHost);

    /// Record changes, checked by the agent on its thread; each is a short job (not
    /// announced with `jobStarted`) that fails with the agent's error.
    ConnectJob *saveTenant(const Tenant &tenant);
    ConnectJob *removeTenant(const QString &id);
    ConnectJob *saveHostGroup(const HostGroup &group);
    ConnectJob *removeHostGroup(const QString &name);
    ConnectJob *saveOffer(const Offer &offer);

    /// Keeps the offers' asks on `exchange` with `tls` as the trading identity (the desk's
    /// session identity in the desktop app): an OfferTrader on the agent's thread, re-planning
    /// when offers, inventory or records change; its state arrives in AgentState::trading. A
    /// second call replaces the first (another exchange or identity).
    void startTrading(const QUrl &exchange, const QSslConfiguration &tls, int repriceSeconds = 60,
                      int intervalMs = 5000);

    /// Runs `task` with the agent on its thread, queued behind earlier calls; not at all
    /// before start() or after stop(). For tests and tools only: the agent must not be touched
    /// from other threads, and answers go back by value (a queued call to a receiver).
    void post(std::function<void(ConnectAgent &)> task);
    /// The thread the agent runs on; nullptr before start() and after stop().
    QThread *agentThread() const { return m_thread.get(); }

Q_SIGNALS:
    /// Once per start(): the records are open and the start-up jobs have finished (each one's
    /// own outcome is in its job), or why the agent could not open.
    void started(const cloudex::Result<void> &result);
    /// state() has changed.
    void stateChanged();
    /// Every operation job, whoever started it (the seller here, or the agent itself:
    /// reconcile, re-creating lost VMs, start-up), so views can show the progress of all.
    void jobStarted(cloudex::connect::ConnectJob *job);

private:
    using Operation = std::function<ConnectJob *(ConnectAgent &)>;
    using RecordChange = std::function<Result<void>(ConnectAgent &)>;

    /// A job here for an agent operation, announced, and the operation queued to the agent.
    ConnectJob *operation(const QString &title, Operation operation);
    ConnectJob *recordChange(const QString &title, RecordChange change);
    ConnectJob *notRunning(const QString &title);
    static quint64 newJobId();

    // Agent thread.
    void forward(ConnectJob *job, quint64 id);
    void schedulePublish();
    void publish();

    // Caller's thread.
    void announce(quint64 id, const QString &title);
    /// cancel() of a job here cancels the agent's job (or the one it is about to make).
    void passCancel(ConnectJob *job, quint64 id);
    void progressOf(quint64 id, int percent, const QString &step);
    void finishOf(quint64 id, const Result<void> &result);

    Options m_options;
    std::unique_ptr<QThread> m_thread;
    /// Lives on the agent thread and owns the ConnectAgent there; touched only through queued
    /// calls.
    QObject *m_worker = nullptr;
    bool m_started = false;
    /// Counts start()s; answers of an agent that was stopped meanwhile are dropped.
    quint64 m_run = 0;
    AgentState m_state;
    /// Jobs here, by id, until they finish.
    QHash<quint64, QPointer<ConnectJob>> m_jobs;

    /// The agent-thread side, made and used on the agent thread only.
    struct Side;
    Side *m_side = nullptr;
};

} // namespace cloudex::connect
