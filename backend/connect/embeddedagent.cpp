#include "connect/embeddedagent.h"

#include "core/clock.h"
#include "core/logging.h"

#include <QCoreApplication>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <utility>

namespace cloudex::connect {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Connect)
};

std::atomic<quint64> g_nextJob{0};

Error notRunningError()
{
    return Error{QStringLiteral("connect.not-running"), Tr::tr("The connect agent is not running.")};
}
} // namespace

/// The agent-thread side: the agent itself and its jobs, by the ids the caller's thread knows.
struct EmbeddedAgent::Side final : public QObject
{
    explicit Side(quint64 run, QObject *parent)
        : QObject(parent)
        , run(run)
    {}

    const quint64 run;
    ConnectAgent *agent = nullptr;
    QHash<quint64, QPointer<ConnectJob>> jobs;
    /// The id the next job the agent announces gets (an operation asked for here), else 0.
    quint64 adopting = 0;
    bool publishPending = false;
    int startupPending = 0;
    OfferTrader *trader = nullptr;
};

EmbeddedAgent::EmbeddedAgent(QObject *parent)
    : QObject(parent)
{}

EmbeddedAgent::~EmbeddedAgent()
{
    stop();
}

quint64 EmbeddedAgent::newJobId()
{
    return ++g_nextJob;
}

void EmbeddedAgent::start(const Options &options)
{
    if (m_thread)
        return;
    m_options = options;
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("cloudex-connect"));
    // A plain QObject may move; the agent is built on its thread, because its records'
    // database connection, its timers and its worker belong to the thread that made them.
    m_worker = new QObject;
    m_worker->moveToThread(m_thread.get());
    // Deleted on the agent thread as it finishes, and the agent with it.
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();

    const quint64 run = ++m_run;
    QMetaObject::invokeMethod(m_worker, [this, options, run] {
        auto side = new Side(run, m_worker);
        m_side = side;
        ConnectAgent::Options agentOptions;
        agentOptions.dataDir = options.dataDir;
        agentOptions.reconcileIntervalMs = options.reconcileIntervalMs;
        agentOptions.clock = options.clock;
        side->agent = new ConnectAgent(agentOptions, side);
        ConnectAgent *agent = side->agent;
        connect(agent, &ConnectAgent::jobStarted, side, [this, side](ConnectJob *job) {
            const quint64 id = side->adopting ? side->adopting : newJobId();
            // Title first (a job asked for here learns its final one), then progress, then finish:
            // queued calls from one thread to one receiver keep their order.
            QMetaObject::invokeMethod(this, [this, run = side->run, id, title = job->title()] {
                if (run == m_run)
                    announce(id, title);
            });
            forward(job, id);
            schedulePublish();
        });
        connect(agent, &ConnectAgent::inventoryChanged, side, [this] { schedulePublish(); });
        connect(agent, &ConnectAgent::hostsChanged, side, [this] { schedulePublish(); });
        connect(agent, &ConnectAgent::connectionsChanged, side, [this] { schedulePublish(); });

        const auto answer = [this, run](const Result<void> &result) {
            QMetaObject::invokeMethod(this, [this, run, result] {
                if (run != m_run)
                    return;
                m_started = result.ok();
                Q_EMIT started(result);
            });
        };
        if (auto opened = agent->open(); !opened) {
            qCWarning(lcConnect, "cannot open the records: %s", qPrintable(opened.error().message));
            // No agent without its records: later operations answer "not running".
            delete agent;
            side->agent = nullptr;
            return answer(opened);
        }
        if (options.embeddedSite) {
            if (auto site = agent->setupEmbeddedSite(); !site)
                qCWarning(lcConnect, "cannot set up the embedded site: %s", qPrintable(site.error().message));
        }
        QList<ConnectJob *> startup{agent->start()};
        if (!options.libvirtUri.isEmpty()) {
            const QList<ConnectionRecord> recorded = agent->store().connections();
            const bool known =
                std::any_of(recorded.cbegin(), recorded.cend(),
                            [&](const ConnectionRecord &r) { return r.key == options.libvirtUri; });
            if (!known)
                startup.append(agent->addConnection(options.libvirtUri));
        }
        side->startupPending = int(startup.size());
        for (ConnectJob *job : std::as_const(startup)) {
            // Connected after forward(): the job's own finish reaches the caller first.
            connect(job, &ConnectJob::finished, side, [side, answer] {
                if (--side->startupPending == 0)
                    answer({});
            });
        }
        publish();
    });
}

void EmbeddedAgent::stop()
{
    if (!m_thread)
        return;
    ++m_run;
    m_thread->quit();
    m_thread->wait();
    // The thread has finished: the worker, the agent and its records were deleted on it.
    m_thread.reset();
    m_worker = nullptr;
    m_side = nullptr;
    m_started = false;
    const auto jobs = std::exchange(m_jobs, {});
    for (const QPointer<ConnectJob> &job : jobs) {
        if (job)
            job->finish(Error{QStringLiteral("job.cancelled"), Tr::tr("The connect agent stopped.")});
    }
}

void EmbeddedAgent::forward(ConnectJob *job, quint64 id)
{
    Side *side = m_side;
    side->jobs.insert(id, job);
    const quint64 run = side->run;
    // Progress is emitted on the agent's worker thread: handed on from there, in order.
    connect(job, &ConnectJob::progress, this, [this, run, id](int percent, const QString &step) {
        if (run == m_run)
            progressOf(id, percent, step);
    });
    connect(job, &ConnectJob::finished, side, [this, side, id](cloudex::Job *done) {
        side->jobs.remove(id);
        // The state the job leaves behind reaches the caller before the job's end.
        if (side->publishPending)
            publish();
        QMetaObject::invokeMethod(this, [this, run = side->run, id, result = done->result()] {
            if (run == m_run)
                finishOf(id, result);
        });
        done->deleteLater();
    });
}

void EmbeddedAgent::schedulePublish()
{
    Side *side = m_side;
    if (side->publishPending)
        return;
    side->publishPending = true;
    // Once per pass of the agent thread's loop, however many changes it brought.
    QMetaObject::invokeMethod(
        side,
        [this, side] {
            if (side->publishPending)
                publish();
        },
        Qt::QueuedConnection);
}

void EmbeddedAgent::publish()
{
    Side *side = m_side;
    side->publishPending = false;
    if (!side->agent)
        return;
    const ConnectAgent &agent = *side->agent;
    AgentState state;
    state.inventory = agent.inventory();
    state.connections = agent.connections();
    state.tenants = agent.store().tenants();
    state.hostGroups = agent.store().hostGroups();
    state.offers = agent.store().offers();
    state.busy = agent.busyVms();
    state.contracts = agent.store().contracts();
    if (side->trader)
        state.trading = side->trader->state();
    QMetaObject::invokeMethod(this, [this, run = side->run, state = std::move(state)]() mutable {
        if (run != m_run)
            return;
        m_state = std::move(state);
        Q_EMIT stateChanged();
    });
}

void EmbeddedAgent::announce(quint64 id, const QString &title)
{
    if (const auto it = m_jobs.constFind(id); it != m_jobs.cend()) {
        if (*it)
            (*it)->setTitle(title);
        return;
    }
    auto job = new ConnectJob(title, this);
    passCancel(job, id);
    m_jobs.insert(id, job);
    Q_EMIT jobStarted(job);
}

void EmbeddedAgent::passCancel(ConnectJob *job, quint64 id)
{
    job->setCancelHandler([this, id] {
        if (!m_worker)
            return;
        // Queued behind the operation that makes the agent's job (which the agent announces at
        // once), so the job is known by then; one that has finished is not cancelled.
        QMetaObject::invokeMethod(m_worker, [this, id] {
            if (!m_side)
                return;
            if (const QPointer<ConnectJob> job = m_side->jobs.value(id))
                job->cancel();
        });
    });
}

void EmbeddedAgent::progressOf(quint64 id, int percent, const QString &step)
{
    if (const QPointer<ConnectJob> job = m_jobs.value(id))
        job->mirrorProgress(percent, step);
}

void EmbeddedAgent::finishOf(quint64 id, const Result<void> &result)
{
    if (const QPointer<ConnectJob> job = m_jobs.take(id))
        job->finish(result);
}

ConnectJob *EmbeddedAgent::notRunning(const QString &title)
{
    auto job = new ConnectJob(title, this);
    // Finishes asynchronously like every other job, so callers can connect first.
    QTimer::singleShot(0, job, [job] { job->finish(notRunningError()); });
    return job;
}

ConnectJob *EmbeddedAgent::operation(const QString &title, Operation operation)
{
    if (!m_worker)
        return notRunning(title);
    const quint64 id = newJobId();
    auto job = new ConnectJob(title, this);
    passCancel(job, id);
    m_jobs.insert(id, job);
    Q_EMIT jobStarted(job);
    QMetaObject::invokeMethod(m_worker, [this, id, operation = std::move(operation)] {
        if (!m_side)
            return;
        if (!m_side->agent) {
            QMetaObject::invokeMethod(this, [this, run = m_side->run, id] {
                if (run == m_run)
                    finishOf(id, notRunningError());
            });
            return;
        }
        // The agent announces the job it makes at once (jobStarted); it takes this id.
        m_side->adopting = id;
        operation(*m_side->agent);
        m_side->adopting = 0;
    });
    return job;
}

ConnectJob *EmbeddedAgent::recordChange(const QString &title, RecordChange change)
{
    if (!m_worker)
        return notRunning(title);
    const quint64 id = newJobId();
    auto job = new ConnectJob(title, this);
    m_jobs.insert(id, job);
    QMetaObject::invokeMethod(m_worker, [this, id, change = std::move(change)] {
        if (!m_side)
            return;
        const Result<void> result = m_side->agent ? change(*m_side->agent) : Result<void>(notRunningError());
        // The changed records reach the caller before the job's end.
        publish();
        QMetaObject::invokeMethod(this, [this, run = m_side->run, id, result] {
            if (run == m_run)
                finishOf(id, result);
        });
    });
    return job;
}

Result<QString> EmbeddedAgent::plan(const ProvisionRequest &request) const
{
    const bool known = std::any_of(m_state.tenants.cbegin(), m_state.tenants.cend(),
                                   [&](const Tenant &t) { return t.id == request.tenant; });
    return ConnectAgent::plan(request, known, m_state.inventory.hosts, m_state.hostGroups);
}

ConnectJob *EmbeddedAgent::addConnection(const QString &uri, const QString &hostId)
{
    return operation(ConnectAgent::tr("Connecting %1").arg(uri.trimmed()),
                     [uri, hostId](ConnectAgent &agent) { return agent.addConnection(uri, hostId); });
}

ConnectJob *EmbeddedAgent::removeConnection(const QString &key)
{
    return operation(ConnectAgent::tr("Removing %1").arg(key),
                     [key](ConnectAgent &agent) { return agent.removeConnection(key); });
}

ConnectJob *EmbeddedAgent::reconcile()
{
    return operation(ConnectAgent::tr("Reconciling the inventory"),
                     [](ConnectAgent &agent) { return agent.reconcile(); });
}

ConnectJob *EmbeddedAgent::provision(const ProvisionRequest &request)
{
    return operation(
        ConnectAgent::tr("Provisioning %1").arg(request.name.isEmpty() ? request.tenant : request.name),
        [request](ConnectAgent &agent) { return agent.provision(request); });
}

ConnectJob *EmbeddedAgent::startVm(const QString &name)
{
    return operation(ConnectAgent::tr("Starting %1").arg(name),
                     [name](ConnectAgent &agent) { return agent.startVm(name); });
}

ConnectJob *EmbeddedAgent::stopVm(const QString &name)
{
    return operation(ConnectAgent::tr("Stopping %1").arg(name),
                     [name](ConnectAgent &agent) { return agent.stopVm(name); });
}

ConnectJob *EmbeddedAgent::shutdownVm(const QString &name)
{
    return operation(ConnectAgent::tr("Shutting down %1").arg(name),
                     [name](ConnectAgent &agent) { return agent.shutdownVm(name); });
}

ConnectJob *EmbeddedAgent::rebootVm(const QString &name)
{
    return operation(ConnectAgent::tr("Rebooting %1").arg(name),
                     [name](ConnectAgent &agent) { return agent.rebootVm(name); });
}

ConnectJob *EmbeddedAgent::removeVm(const QString &name)
{
    return operation(ConnectAgent::tr("Deleting %1").arg(name),
                     [name](ConnectAgent &agent) { return agent.removeVm(name); });
}

ConnectJob *EmbeddedAgent::cloneVm(const QString &name, const QString &newName)
{
    return operation(ConnectAgent::tr("Cloning %1 as %2").arg(name, newName),
                     [name, newName](ConnectAgent &agent) { return agent.cloneVm(name, newName); });
}

ConnectJob *EmbeddedAgent::migrateVm(const QString &name, const QString &toHost)
{
    return operation(ConnectAgent::tr("Moving %1 to %2").arg(name, toHost),
                     [name, toHost](ConnectAgent &agent) { return agent.migrateVm(name, toHost); });
}

ConnectJob *EmbeddedAgent::saveTenant(const Tenant &tenant)
{
    return recordChange(Tr::tr("Saving tenant %1").arg(tenant.id),
                        [tenant](ConnectAgent &agent) { return agent.saveTenant(tenant); });
}

ConnectJob *EmbeddedAgent::removeTenant(const QString &id)
{
    return recordChange(Tr::tr("Removing tenant %1").arg(id),
                        [id](ConnectAgent &agent) { return agent.removeTenant(id); });
}

ConnectJob *EmbeddedAgent::saveHostGroup(const HostGroup &group)
{
    return recordChange(Tr::tr("Saving host group %1").arg(group.name),
                        [group](ConnectAgent &agent) { return agent.saveHostGroup(group); });
}

ConnectJob *EmbeddedAgent::removeHostGroup(const QString &name)
{
    return recordChange(Tr::tr("Removing host group %1").arg(name),
                        [name](ConnectAgent &agent) { return agent.removeHostGroup(name); });
}

ConnectJob *EmbeddedAgent::saveOffer(const Offer &offer)
{
    return recordChange(Tr::tr("Saving the offer %1").arg(offer.product),
                        [offer](ConnectAgent &agent) { return agent.saveOffer(offer); });
}

void EmbeddedAgent::startTrading(const QUrl &exchange, const QSslConfiguration &tls, int repriceSeconds,
                                 int intervalMs)
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(m_worker, [this, exchange, tls, repriceSeconds, intervalMs] {
        Side *side = m_side;
        if (!side || !side->agent)
            return;
        delete side->trader;
        OfferTrader::Options options;
        options.exchange = exchange;
        options.tls = tls;
        options.repriceSeconds = repriceSeconds;
        options.intervalMs = intervalMs;
        options.clock = m_options.clock;
        ConnectAgent *agent = side->agent;
        const Clock *clock = m_options.clock;
        side->trader = new OfferTrader(
            options,
            OfferTrader::AsyncSiteSource([agent, clock] {
                return OfferTrader::readSite(*agent, QString(), (clock ? *clock : SystemClock::instance()).nowMs());
            }),
            side);
        connect(agent, &ConnectAgent::offersChanged, side->trader, &OfferTrader::schedule);
        connect(agent, &ConnectAgent::inventoryChanged, side->trader, &OfferTrader::schedule);
        connect(agent, &ConnectAgent::hostsChanged, side->trader, &OfferTrader::schedule);
        connect(side->trader, &OfferTrader::passFinished, side, [this] { schedulePublish(); });
        side->trader->start();
    });
}

void EmbeddedAgent::post(std::function<void(ConnectAgent &)> task)
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(m_worker, [this, task = std::move(task)] {
        if (m_side && m_side->agent)
            task(*m_side->agent);
    });
}

} // namespace cloudex::connect
