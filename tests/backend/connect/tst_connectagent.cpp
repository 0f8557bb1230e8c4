// The connect agent on libvirt's test driver: the embedded site with four simulated hosts.
#include "connect/connectagent.h"
#include "connect/embeddedsite.h"
#include "connect/offertrader.h"
#include "connect/tenantview.h"

#include <QDateTime>
#include <QFuture>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cloudex::connect;
using cloudex::catalogue::Tenancy;

namespace {
const VmInfo *findVm(const ConnectAgent &agent, const QString &name)
{
    for (const VmInfo &vm : agent.inventory().vms) {
        if (vm.name == name)
            return &vm;
    }
    return nullptr;
}

const HostInfo *findHost(const ConnectAgent &agent, const QString &id)
{
    for (const HostInfo &host : agent.inventory().hosts) {
        if (host.id == id)
            return &host;
    }
    return nullptr;
}

QString errorOf(ConnectJob *job)
{
    const auto result = job->wait();
    return result ? QString() : result.error().code + u": "_qs + result.error().message;
}
} // namespace

class TestConnectAgent : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConnectAgent> m_agent;
    // Progress is emitted on the worker thread right away, so counting has to be connected
    // when the job is announced, before its work is queued.
    int m_progressCount = 0;
    bool m_cancelOnProgress = false;

    void openAgent()
    {
        m_agent = std::make_unique<ConnectAgent>(ConnectAgent::Options{m_dir->path(), 0, nullptr});
        connect(m_agent.get(), &ConnectAgent::jobStarted, this, [this](ConnectJob *job) {
            m_progressCount = 0;
            connect(job, &ConnectJob::progress, this, [this](int, const QString &) { ++m_progressCount; });
            if (m_cancelOnProgress) {
                connect(
                    job, &ConnectJob::progress, job, [job](int, const QString &) { job->cancel(); },
                    Qt::DirectConnection);
            }
        });
        QVERIFY(m_agent->open().ok());
        const auto site = m_agent->setupEmbeddedSite();
        QVERIFY2(site.ok(), qPrintable(site.ok() ? QString() : site.error().message));
        QCOMPARE(errorOf(m_agent->start()), QString());
    }

    ConnectJob *provision(const QString &name, const QString &tenant, Tenancy tenancy = Tenancy::Shared,
                          const QString &host = {})
    {
        return m_agent->provision({name, tenant, tenancy, u"debian-12.img"_qs, 2, 4096, host});
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        openAgent();
    }

    void cleanup()
    {
        m_agent.reset();
        m_dir.reset();
    }

    void embeddedSite()
    {
        const Inventory &inventory = m_agent->inventory();
        QCOMPARE(inventory.hosts.size(), EmbeddedSite::hosts().size());
        for (const HostInfo &host : inventory.hosts) {
            QVERIFY2(host.online, qPrintable(host.id + u": "_qs + host.status));
            QVERIFY(host.uri.startsWith(u"test:///"_qs));
            QVERIFY(host.cpus > 0);
        }
        QCOMPARE(findHost(*m_agent, u"host1"_qs)->cpus, 16);
        QCOMPARE(findHost(*m_agent, u"host3"_qs)->memoryMiB, 32 * 1024);
        QCOMPARE(findHost(*m_agent, u"host3"_qs)->group, u"finance"_qs);
        QCOMPARE(findHost(*m_agent, u"host4"_qs)->tenancy, Tenancy::Exclusive);
        QCOMPARE(inventory.templates.size(),
                 EmbeddedSite::hosts().size() * EmbeddedSite::templateNames().size());
        QCOMPARE(inventory.pools.size(), EmbeddedSite::hosts().size() * 2);
        QCOMPARE(m_agent->connections().size(), EmbeddedSite::hosts().size());
        QVERIFY(m_agent->connections().constFirst().online);
    }

    void provisionFromTemplate()
    {
        ConnectJob *job = provision(u"web-1"_qs, u"acme"_qs);
        QCOMPARE(errorOf(job), QString());
        QCOMPARE(m_progressCount, 3); // clone, define, start
        QCOMPARE(job->percent(), 100);
        const VmInfo *vm = findVm(*m_agent, u"web-1"_qs);
        QVERIFY(vm);
        QCOMPARE(vm->state, VmState::Running);
        QCOMPARE(vm->tenant, u"acme"_qs);
        QCOMPARE(vm->templateName, u"debian-12.img"_qs);
        QCOMPARE(vm->disk, u"web-1.img"_qs);
        // Shared: one of the two shared hosts, and the capacity is accounted there.
        QVERIFY(vm->host == u"host1"_qs || vm->host == u"host2"_qs);
        const HostInfo *host = findHost(*m_agent, vm->host);
        QCOMPARE(host->usedVcpus, 2);
        QCOMPARE(host->usedMemoryMiB, 4096);
        // The cloned volume is in the VM pool of that host.
        const auto pool =
            std::find_if(m_agent->inventory().pools.cbegin(), m_agent->inventory().pools.cend(),
                         [&](const StoragePoolInfo &p) { return p.host == vm->host && p.name == u"vms"_qs; });
        QVERIFY(pool != m_agent->inventory().pools.cend());
        QCOMPARE(pool->volumes, 1);
    }

    void separation_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<Tenancy>("tenancy");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("error");
        QTest::newRow("GS acme") << u"acme"_qs << Tenancy::GroupShared << u"host3"_qs << QString();
        QTest::newRow("GS initech refused")
            << u"initech"_qs << Tenancy::GroupShared << QString() << u"placement.separation"_qs;
        QTest::newRow("EX initech") << u"initech"_qs << Tenancy::Exclusive << u"host4"_qs << QString();
        QTest::newRow("EX globex refused")
            << u"globex"_qs << Tenancy::Exclusive << QString() << u"placement.separation"_qs;
        QTest::newRow("unknown tenant")
            << u"nobody"_qs << Tenancy::Shared << QString() << u"tenant.unknown"_qs;
    }

    void separation()
    {
        QFETCH(QString, tenant);
        QFETCH(Tenancy, tenancy);
        QFETCH(QString, host);
        QFETCH(QString, error);
        ConnectJob *job = provision(u"vm-x"_qs, tenant, tenancy);
        const auto result = job->wait();
        if (error.isEmpty()) {
            QVERIFY2(result.ok(), qPrintable(job->errorString()));
            QCOMPARE(findVm(*m_agent, u"vm-x"_qs)->host, host);
        } else {
            QCOMPARE(job->error(), error);
            QVERIFY(!job->errorString().isEmpty());
            QVERIFY(!findVm(*m_agent, u"vm-x"_qs));
            QVERIFY(!m_agent->store().vm(u"vm-x"_qs)); // a refused placement leaves no record
        }
    }

    void capacityIsEnforced()
    {
        // host4 (8 vCPU) is initech's alone: four 2-vCPU VMs fill it, the fifth is refused.
        for (int i = 1; i <= 4; ++i)
            QCOMPARE(errorOf(m_agent->provision(
                         {u"ex-%1"_qs.arg(i), u"initech"_qs, Tenancy::Exclusive, {}, 2, 1024, {}})),
                     QString());
        ConnectJob *fifth =
            m_agent->provision({u"ex-5"_qs, u"initech"_qs, Tenancy::Exclusive, {}, 2, 1024, {}});
        (void)fifth->wait();
        QCOMPARE(fifth->error(), u"placement.capacity"_qs);
        QCOMPARE(findHost(*m_agent, u"host4"_qs)->utilisationPercent(), 100);
    }

    void tenantsNeverSeeOrTouchEachOther()
    {
        TenantView acme = m_agent->tenantView(u"acme"_qs);
        TenantView globex = m_agent->tenantView(u"globex"_qs);
        QCOMPARE(errorOf(acme.provision({u"a-1"_qs, {}, Tenancy::Shared, {}, 1, 512, {}})), QString());
        QCOMPARE(errorOf(globex.provision(
                     {u"g-1"_qs, u"acme"_qs /* ignored */, Tenancy::GroupShared, {}, 1, 512, {}})),
                 QString());
        QCOMPARE(m_agent->store().vm(u"g-1"_qs)->tenant, u"globex"_qs);

        const QList<VmInfo> acmeVms = acme.vms();
        QCOMPARE(acmeVms.size(), 1);
        QCOMPARE(acmeVms.constFirst().name, u"a-1"_qs);
        QCOMPARE(globex.vms().size(), 1);
        QVERIFY(!acme.vm(u"g-1"_qs));

        // Touching the other's VM reads as "no such VM", and changes nothing.
        for (ConnectJob *job : {acme.stop(u"g-1"_qs), acme.remove(u"g-1"_qs), acme.reboot(u"g-1"_qs)}) {
            (void)job->wait();
            QCOMPARE(job->error(), u"connect.not-found"_qs);
        }
        QCOMPARE(findVm(*m_agent, u"g-1"_qs)->state, VmState::Running);
        QCOMPARE(errorOf(globex.stop(u"g-1"_qs)), QString());
        QCOMPARE(findVm(*m_agent, u"g-1"_qs)->state, VmState::Stopped);

        // A contract-scoped view with a volume of one VM.
        TenantView contract = m_agent->tenantView(u"acme"_qs, 1);
        ConnectJob *second = contract.provision({u"a-2"_qs, {}, Tenancy::Shared, {}, 1, 512, {}});
        (void)second->wait();
        QCOMPARE(second->error(), u"tenant.volume"_qs);
    }

    void libvirtFailureCarriesLibvirtsMessage()
    {
        const QString missing = m_dir->filePath(u"no-such-host.xml"_qs);
        ConnectJob *job = m_agent->addConnection(u"test://"_qs + missing);
        (void)job->wait();
        QCOMPARE(job->error(), u"libvirt.connect"_qs);
        // Our context, then libvirt's own words naming the file it could not read.
        QVERIFY2(job->errorString().contains(missing), qPrintable(job->errorString()));
        QVERIFY2(job->errorString().startsWith(u"Cannot connect to"_qs), qPrintable(job->errorString()));
        QCOMPARE(m_agent->connections().size(), EmbeddedSite::hosts().size()); // not recorded

        // A failing operation on a connected host: the template does not exist.
        ConnectJob *bad =
            m_agent->provision({u"bad"_qs, u"acme"_qs, Tenancy::Shared, u"no-such.img"_qs, 1, 512, {}});
        (void)bad->wait();
        QCOMPARE(bad->error(), u"libvirt.template"_qs);
        QVERIFY2(bad->errorString().contains(u"no-such.img"_qs), qPrintable(bad->errorString()));
        QVERIFY(!m_agent->store().vm(u"bad"_qs));
    }

    void lifecycle()
    {
        QCOMPARE(errorOf(provision(u"app"_qs, u"acme"_qs)), QString());
        QCOMPARE(errorOf(m_agent->stopVm(u"app"_qs)), QString());
        QCOMPARE(findVm(*m_agent, u"app"_qs)->state, VmState::Stopped);
        QCOMPARE(m_agent->store().vm(u"app"_qs)->running, false);
        QCOMPARE(errorOf(m_agent->startVm(u"app"_qs)), QString());
        QCOMPARE(findVm(*m_agent, u"app"_qs)->state, VmState::Running);
        QCOMPARE(errorOf(m_agent->rebootVm(u"app"_qs)), QString());
        QCOMPARE(findVm(*m_agent, u"app"_qs)->state, VmState::Running);

        // Cloning a running VM is refused; stopped, the copy gets its own disk.
        ConnectJob *running = m_agent->cloneVm(u"app"_qs, u"app-copy"_qs);
        (void)running->wait();
        QCOMPARE(running->error(), u"connect.running"_qs);
        QVERIFY(!m_agent->store().vm(u"app-copy"_qs));
        QCOMPARE(errorOf(m_agent->stopVm(u"app"_qs)), QString());
        QCOMPARE(errorOf(m_agent->cloneVm(u"app"_qs, u"app-copy"_qs)), QString());
        const VmInfo *copy = findVm(*m_agent, u"app-copy"_qs);
        QVERIFY(copy);
        QCOMPARE(copy->state, VmState::Stopped);
        QCOMPARE(copy->tenant, u"acme"_qs);
        QCOMPARE(copy->host, findVm(*m_agent, u"app"_qs)->host);

        QCOMPARE(errorOf(m_agent->removeVm(u"app"_qs)), QString());
        QVERIFY(!findVm(*m_agent, u"app"_qs));
        QVERIFY(!m_agent->store().vm(u"app"_qs));
        ConnectJob *again = m_agent->startVm(u"app"_qs);
        (void)again->wait();
        QCOMPARE(again->error(), u"connect.not-found"_qs);
    }

    void migrateBetweenTestDriverHosts()
    {
        QCOMPARE(errorOf(provision(u"mover"_qs, u"acme"_qs, Tenancy::Shared, u"host1"_qs)), QString());
        QCOMPARE(findVm(*m_agent, u"mover"_qs)->host, u"host1"_qs);
        ConnectJob *job = m_agent->migrateVm(u"mover"_qs, u"host2"_qs);
        QCOMPARE(errorOf(job), QString());
        QCOMPARE(m_progressCount, 5); // stop, create disk, define, remove from source, start
        const VmInfo *vm = findVm(*m_agent, u"mover"_qs);
        QCOMPARE(vm->host, u"host2"_qs);
        QCOMPARE(vm->state, VmState::Running);
        QCOMPARE(m_agent->store().vm(u"mover"_qs)->host, u"host2"_qs);
        // Nothing is left on host1: no domain, no volume, no capacity.
        const auto onHost1 = std::count_if(m_agent->inventory().vms.cbegin(), m_agent->inventory().vms.cend(),
                                           [](const VmInfo &v) { return v.host == u"host1"_qs; });
        QCOMPARE(onHost1, 0);
        QCOMPARE(findHost(*m_agent, u"host1"_qs)->usedVcpus, 0);
        QCOMPARE(findHost(*m_agent, u"host2"_qs)->usedVcpus, 2);
        for (const StoragePoolInfo &pool : m_agent->inventory().pools) {
            if (pool.name == u"vms"_qs)
                QCOMPARE(pool.volumes, pool.host == u"host2"_qs ? 1 : 0);
        }

        // Separation holds for moves too: not onto initech's dedicated host.
        ConnectJob *refused = m_agent->migrateVm(u"mover"_qs, u"host4"_qs);
        (void)refused->wait();
        QCOMPARE(refused->error(), u"placement.separation"_qs);
    }

    void cancelBetweenSteps()
    {
        QCOMPARE(errorOf(provision(u"stay"_qs, u"acme"_qs, Tenancy::Shared, u"host1"_qs)), QString());
        // Cancel while step 1 runs (on the worker thread): the move stops before step 2.
        m_cancelOnProgress = true;
        ConnectJob *job = m_agent->migrateVm(u"stay"_qs, u"host2"_qs);
        (void)job->wait();
        m_cancelOnProgress = false;
        QCOMPARE(job->error(), u"job.cancelled"_qs);
        QCOMPARE(findVm(*m_agent, u"stay"_qs)->host, u"host1"_qs);
        QCOMPARE(findVm(*m_agent, u"stay"_qs)->state, VmState::Running);
    }

    void recordsRecreateTheSiteOnStart()
    {
        QCOMPARE(errorOf(provision(u"keep-running"_qs, u"acme"_qs)), QString());
        QCOMPARE(errorOf(provision(u"keep-stopped"_qs, u"globex"_qs, Tenancy::GroupShared)), QString());
        QCOMPARE(errorOf(m_agent->stopVm(u"keep-stopped"_qs)), QString());

        // The test driver forgets everything with its connection; the records remember.
        m_agent.reset();
        openAgent();
        QTRY_VERIFY_WITH_TIMEOUT(findVm(*m_agent, u"keep-running"_qs) &&
                                     findVm(*m_agent, u"keep-running"_qs)->state == VmState::Running,
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(findVm(*m_agent, u"keep-stopped"_qs) &&
                                     findVm(*m_agent, u"keep-stopped"_qs)->state == VmState::Stopped,
                                 10000);
        QCOMPARE(findVm(*m_agent, u"keep-stopped"_qs)->host, u"host3"_qs);
        QCOMPARE(findVm(*m_agent, u"keep-stopped"_qs)->tenant, u"globex"_qs);
    }

    void aStopOfALostVmHoldsWhenTheVmIsRecreated()
    {
        QCOMPARE(errorOf(provision(u"ended"_qs, u"acme"_qs)), QString());
        // A new run whose hypervisor lost the VM (the test driver forgets everything): the
        // stop the site sends (a contract's window ended) finds no domain and fails ...
        m_agent.reset();
        m_agent = std::make_unique<ConnectAgent>(ConnectAgent::Options{m_dir->path(), 0, nullptr});
        QVERIFY(m_agent->open().ok());
        QVERIFY(m_agent->setupEmbeddedSite().ok());
        QVERIFY(!errorOf(m_agent->stopVm(u"ended"_qs)).isEmpty());
        QVERIFY(!m_agent->store().vm(u"ended"_qs)->running);
        // ... yet it holds: the re-created VM comes back stopped, not running.
        QCOMPARE(errorOf(m_agent->start()), QString());
        QTRY_VERIFY_WITH_TIMEOUT(
            findVm(*m_agent, u"ended"_qs) && findVm(*m_agent, u"ended"_qs)->state == VmState::Stopped, 10000);
    }

    void lifecycleEventsUpdateTheInventory()
    {
        QCOMPARE(errorOf(provision(u"evented"_qs, u"acme"_qs)), QString());
        QSignalSpy changed(m_agent.get(), &ConnectAgent::inventoryChanged);
        QCOMPARE(errorOf(m_agent->stopVm(u"evented"_qs)), QString());
        // One change from the job's own inventory pass, and one from libvirt's lifecycle event.
        QTRY_VERIFY(changed.size() >= 2);
        QCOMPARE(findVm(*m_agent, u"evented"_qs)->state, VmState::Stopped);
    }

    void passesNameOnlyWhatChanged()
    {
        const auto namesIn = [](const QSignalSpy &spy) {
            QStringList names;
            for (const QList<QVariant> &emitted : spy) {
                const QStringList vms = emitted.at(0).toStringList();
                if (vms.isEmpty())
                    return QStringList({u"<everything>"_qs});
                for (const QString &vm : vms) {
                    if (!names.contains(vm))
                        names.append(vm);
                }
            }
            names.sort();
            return names;
        };
        QCOMPARE(errorOf(provision(u"named-1"_qs, u"acme"_qs)), QString());
        QCOMPARE(errorOf(provision(u"named-2"_qs, u"acme"_qs)), QString());
        QSignalSpy changed(m_agent.get(), &ConnectAgent::inventoryChanged);
        QSignalSpy hosts(m_agent.get(), &ConnectAgent::hostsChanged);
        // The pass after the operations names the VMs they touched, nothing else ...
        QCOMPARE(errorOf(m_agent->reconcile()), QString());
        QCOMPARE(namesIn(changed), QStringList({u"named-1"_qs, u"named-2"_qs}));
        // ... and a pass over a site where nothing happened says nothing at all (once
        // libvirt's lifecycle events of the operations are in).
        QTest::qWait(200);
        QCOMPARE(errorOf(m_agent->reconcile()), QString());
        changed.clear();
        hosts.clear();
        QCOMPARE(errorOf(m_agent->reconcile()), QString());
        QCOMPARE(changed.size(), 0);
        QCOMPARE(hosts.size(), 0);
        // A stop: the VM, and only it, is named.
        QCOMPARE(errorOf(m_agent->stopVm(u"named-2"_qs)), QString());
        QCOMPARE(errorOf(m_agent->reconcile()), QString());
        QCOMPARE(namesIn(changed), QStringList({u"named-2"_qs}));
        QCOMPARE(findVm(*m_agent, u"named-2"_qs)->state, VmState::Stopped);
        QCOMPARE(findVm(*m_agent, u"named-1"_qs)->state, VmState::Running);
    }

    void operationsDuringAPassKeepTheirResult()
    {
        // A pass reads one host at a time and operations queued meanwhile run in between:
        // a VM created on a host the pass had already read must not come out of the pass
        // as missing (and be re-created), nor a stopped one as running.
        QStringList recreated;
        connect(m_agent.get(), &ConnectAgent::jobStarted, this, [&recreated](ConnectJob *job) {
            if (job->title().startsWith(u"Re-creating"_qs))
                recreated.append(job->title());
        });
        QList<ConnectJob *> jobs;
        for (int round = 0; round < 4; ++round) {
            // (the last round's VMs exist before one of them is stopped)
            for (ConnectJob *job : std::as_const(jobs))
                QCOMPARE(errorOf(job), QString());
            jobs.clear();
            jobs.append(m_agent->reconcile());
            for (int i = 0; i < 3; ++i) {
                const QString name = u"during-%1-%2"_qs.arg(round).arg(i);
                jobs.append(provision(name, u"acme"_qs, Tenancy::Shared, i % 2 ? u"host1"_qs : u"host2"_qs));
            }
            if (round > 0)
                jobs.append(m_agent->stopVm(u"during-%1-0"_qs.arg(round - 1)));
        }
        for (ConnectJob *job : std::as_const(jobs))
            QCOMPARE(errorOf(job), QString());
        QCOMPARE(errorOf(m_agent->reconcile()), QString());
        QTest::qWait(100); // a re-creation would be queued right after the pass
        QCOMPARE(recreated, QStringList());
        const QList<VmRecord> records = m_agent->store().vms();
        QCOMPARE(records.size(), 12);
        for (const VmRecord &record : records) {
            int entries = 0;
            for (const VmInfo &vm : m_agent->inventory().vms)
                entries += vm.name == record.name ? 1 : 0;
            QCOMPARE(entries, 1);
            const VmInfo *vm = findVm(*m_agent, record.name);
            QCOMPARE(vm->host, record.host);
            QCOMPARE(vm->state, record.running ? VmState::Running : VmState::Stopped);
        }
        // Capacity is what the records account, whatever order things came in.
        for (const HostInfo &host : m_agent->inventory().hosts) {
            int vcpus = 0;
            for (const VmRecord &record : records)
                vcpus += record.host == host.id ? record.vcpus : 0;
            QCOMPARE(host.usedVcpus, vcpus);
        }
    }

    /// What the offer trader reads of the site (OfferTrader::readSite, on a pool thread over
    /// its own connection): the pools less the site's own VMs but not the contracts' VMs (a
    /// contract's volume counts once, as its commitment), and only contracts still running.
    void theOfferTradersSiteCountsOwnVmsOnce()
    {
        QCOMPARE(errorOf(provision(u"own-1"_qs, u"acme"_qs, Tenancy::Shared, u"host1"_qs)), QString());
        QCOMPARE(errorOf(provision(u"dom-c1"_qs, u"globex"_qs, Tenancy::Shared, u"host1"_qs)), QString());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"records"_qs);
            db.setDatabaseName(m_agent->storeFile());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"INSERT INTO contract_vms (contract, name, domain, template, created_ms) "
                           "VALUES ('c-000001', 'web-1', 'dom-c1', '', 0)"_qs));
            QVERIFY(q.prepare(u"INSERT INTO contracts (id, buyer, seller, product, instrument, quantity, start_ms, "
                              "end_ms, state, terminated, terminated_ms, at_risk, reservation_group, "
                              "reservation_hosts, stage, stage_ms) VALUES (?, 'p-buyer', 'p-dc1', 'DE.GP2.SH.S1', "
                              "'DE.GP2.SH.S1.H', 2, ?, ?, 'active', ?, 0, 0, '', 0, 0, 0)"_qs));
            // running; ended an hour ago; terminated
            const qint64 hour = 3'600'000;
            for (const auto &[id, end, terminated] :
                 {std::tuple{u"c-000001"_qs, now + hour, 0}, std::tuple{u"c-000002"_qs, now - hour, 0},
                  std::tuple{u"c-000003"_qs, now + hour, 1}}) {
                q.addBindValue(id);
                q.addBindValue(end - 2 * hour);
                q.addBindValue(end);
                q.addBindValue(terminated);
                QVERIFY(q.exec());
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(u"records"_qs);

        QFuture<OfferTrader::Site> read = OfferTrader::readSite(*m_agent, QString(), now);
        read.waitForFinished();
        const OfferTrader::Site site = read.result();
        QCOMPARE(site.error, QString());
        const auto shared = [](const QList<OfferBook::Pool> &pools) {
            for (const OfferBook::Pool &pool : pools) {
                if (pool.key.isEmpty())
                    return pool;
            }
            return OfferBook::Pool{};
        };
        const QList<HostGroup> groups = m_agent->store().hostGroups();
        const QList<HostInfo> &hosts = m_agent->inventory().hosts;
        // Both VMs are 2 vCPU, 4 GiB on host1.
        const OfferBook::Pool own = shared(OfferBook::pools(hosts, groups, {{u"host1"_qs, {2, 4096}}}));
        const OfferBook::Pool both = shared(OfferBook::pools(hosts, groups, {{u"host1"_qs, {4, 8192}}}));
        QVERIFY(own.vcpus > both.vcpus);
        QCOMPARE(shared(site.pools).vcpus, own.vcpus);
        QCOMPARE(shared(site.pools).memoryMiB, own.memoryMiB);
        QCOMPARE(site.commitments.size(), 1);
        QCOMPARE(site.commitments.first().id, u"c-000001"_qs);
        QCOMPARE(site.commitments.first().quantity, 2);
        QVERIFY(site.commitments.first().vcpus >= 2);
    }

    void hostGroupsKeepExistingVmsLegal()
    {
        QCOMPARE(errorOf(provision(u"on-shared"_qs, u"acme"_qs, Tenancy::Shared, u"host2"_qs)), QString());
        // Dedicating host2 to initech would strand acme's VM.
        const auto conflict =
            m_agent->saveHostGroup({u"initech-2"_qs, Tenancy::Exclusive, {u"host2"_qs}, {u"initech"_qs}});
        QVERIFY(!conflict.ok());
        QCOMPARE(conflict.error().code, u"group.conflict"_qs);
        QVERIFY(m_agent->saveHostGroup({u"initech-2"_qs, Tenancy::Exclusive, {u"host1"_qs}, {u"initech"_qs}})
                    .ok());
        QCOMPARE(findHost(*m_agent, u"host1"_qs)->group, u"initech-2"_qs);
        ConnectJob *job = provision(u"ex-on-1"_qs, u"initech"_qs, Tenancy::Exclusive, u"host1"_qs);
        QCOMPARE(errorOf(job), QString());
    }

    void tenantsAreRemovedOnlyWhenNothingNamesThem()
    {
        QVERIFY(m_agent->saveTenant({u"umbrella"_qs, u"Umbrella"_qs}).ok());
        QCOMPARE(errorOf(provision(u"u-1"_qs, u"umbrella"_qs)), QString());
        // A tenant that owns VMs stays, and the refusal names them.
        auto refused = m_agent->removeTenant(u"umbrella"_qs);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"tenant.in-use"_qs);
        QVERIFY2(refused.error().message.contains(u"u-1"_qs), qPrintable(refused.error().message));
        QVERIFY(m_agent->store().hasTenant(u"umbrella"_qs));
        // So does one a host group names (acme: group "finance" of the embedded site).
        refused = m_agent->removeTenant(u"acme"_qs);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"tenant.in-use"_qs);
        QVERIFY2(refused.error().message.contains(u"finance"_qs), qPrintable(refused.error().message));
        QVERIFY(m_agent->store().hasTenant(u"acme"_qs));
        // And one that holds a contract that has not ended.
        QVERIFY(m_agent->saveTenant({u"p-buyer"_qs, u"p-buyer"_qs}).ok());
        HeldContractRecord contract;
        contract.id = u"c-000001"_qs;
        contract.buyer = u"p-buyer"_qs;
        contract.startMs = 0;
        contract.endMs = QDateTime::currentMSecsSinceEpoch() + 3'600'000;
        QVERIFY(m_agent->store().contracts().isEmpty());
        QVERIFY(const_cast<AgentStore &>(m_agent->store()).saveContract(contract).ok());
        refused = m_agent->removeTenant(u"p-buyer"_qs);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(u"c-000001"_qs), qPrintable(refused.error().message));
        // Unknown tenants are said to be unknown.
        QCOMPARE(m_agent->removeTenant(u"nobody"_qs).error().code, u"tenant.unknown"_qs);

        // Once its VMs are gone, the tenant can go; views hear of it.
        QCOMPARE(errorOf(m_agent->removeVm(u"u-1"_qs)), QString());
        QSignalSpy changed(m_agent.get(), &ConnectAgent::inventoryChanged);
        QVERIFY(m_agent->removeTenant(u"umbrella"_qs).ok());
        QVERIFY(!m_agent->store().hasTenant(u"umbrella"_qs));
        QCOMPARE(changed.size(), 1);
        // Nothing can be placed for it any more.
        QCOMPARE(provision(u"u-2"_qs, u"umbrella"_qs)->wait().error().code, u"tenant.unknown"_qs);
    }

    void offers_data()
    {
        QTest::addColumn<QString>("product");
        QTest::addColumn<int>("instances");
        QTest::addColumn<QString>("error");
        // Shared hosts: 32 vCPU, 128 GiB. GP2 is 2 vCPU, 8 GiB.
        QTest::newRow("fits") << u"DE.GP2.SH.S1"_qs << 10 << QString();
        QTest::newRow("too many") << u"DE.GP2.SH.S1"_qs << 17 << u"offer.capacity"_qs;
        QTest::newRow("exclusive fits host4") << u"DE.GP2.EX.S3"_qs << 4 << QString();
        QTest::newRow("exclusive too many") << u"DE.GP2.EX.S3"_qs << 5 << u"offer.capacity"_qs;
        QTest::newRow("unknown product") << u"XX.GP2.SH.S1"_qs << 1 << u"symbol"_qs;
    }

    void offers()
    {
        QFETCH(QString, product);
        QFETCH(int, instances);
        QFETCH(QString, error);
        const auto saved = m_agent->saveOffer({product, instances});
        if (error.isEmpty()) {
            QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
            const QList<Offer> expected{Offer{product, instances}};
            QCOMPARE(m_agent->store().offers(), expected);
        } else {
            QVERIFY(!saved.ok());
            QVERIFY2(saved.error().code.startsWith(error), qPrintable(saved.error().code));
            QVERIFY(m_agent->store().offers().isEmpty());
        }
    }

    void unchangedInventoryPassWritesNothing()
    {
        // The agent's records are written on its (the GUI) thread: a reconcile that finds the
        // site as it was must not commit anything. A connection of our own sees every commit
        // of the agent's through PRAGMA data_version.
        const QString observer = u"tst-connectagent-observer"_qs;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, observer);
            db.setDatabaseName(m_dir->filePath(u"connect.sqlite"_qs));
            QVERIFY(db.open());
            const auto dataVersion = [&db] {
                QSqlQuery query(db);
                return query.exec(u"PRAGMA data_version"_qs) && query.next() ? query.value(0).toLongLong()
                                                                             : -1;
            };
            QCOMPARE(errorOf(m_agent->reconcile()), QString());
            QVERIFY(!m_agent->store().templates().isEmpty());
            const qint64 before = dataVersion();
            QVERIFY(before >= 0);
            QCOMPARE(errorOf(m_agent->reconcile()), QString());
            QCOMPARE(errorOf(m_agent->reconcile()), QString());
            QCOMPARE(dataVersion(), before);
            // The observer is not blind: a record the agent writes is seen.
            QVERIFY(m_agent->saveOffer({u"DE.GP2.SH.S1"_qs, 1}).ok());
            QVERIFY(dataVersion() != before);
            db.close();
        }
        QSqlDatabase::removeDatabase(observer);
    }

    void mergeJoinsRecordsAndHosts()
    {
        HostInfo up;
        up.id = u"up"_qs;
        up.online = true;
        up.cpus = 8;
        up.memoryMiB = 8192;
        HostInfo down = up;
        down.id = u"down"_qs;
        down.online = false;
        VmInfo found;
        found.name = u"found"_qs;
        found.host = u"up"_qs;
        found.state = VmState::Running;
        VmInfo foreign = found;
        foreign.name = u"foreign"_qs;
        const QList<VmRecord> records{
            {u"found"_qs, u"acme"_qs, u"up"_qs, Tenancy::Shared, {}, 2, 1024, true, 0},
            {u"lost"_qs, u"acme"_qs, u"up"_qs, Tenancy::Shared, {}, 1, 512, true, 0},
            {u"unknown"_qs, u"globex"_qs, u"down"_qs, Tenancy::Shared, {}, 1, 512, true, 0}};
        const Inventory inventory =
            ConnectAgent::merge({{up, down}, {found, foreign}, {}, {}}, records,
                                {{u"g"_qs, Tenancy::GroupShared, {u"down"_qs}, {u"globex"_qs}}});
        const auto state = [&](const QString &name) {
            for (const VmInfo &vm : inventory.vms) {
                if (vm.name == name)
                    return vm.state;
            }
            return VmState::Unknown;
        };
        QCOMPARE(inventory.vms.size(), 4);
        QCOMPARE(state(u"found"_qs), VmState::Running);
        QCOMPARE(state(u"foreign"_qs), VmState::Running);
        QCOMPARE(state(u"lost"_qs), VmState::Missing);    // its host is up and lacks it
        QCOMPARE(state(u"unknown"_qs), VmState::Unknown); // its host cannot be asked
        QCOMPARE(inventory.hosts.at(0).usedVcpus, 3);     // found + lost keep their capacity
        QCOMPARE(inventory.hosts.at(1).group, u"g"_qs);
        QCOMPARE(inventory.hosts.at(1).tenancy, Tenancy::GroupShared);
        const auto foreignVm = std::find_if(inventory.vms.cbegin(), inventory.vms.cend(),
                                            [](const VmInfo &vm) { return vm.name == u"foreign"_qs; });
        QVERIFY(foreignVm->tenant.isEmpty());
    }

    void connectionsCanBeRemovedOnlyWhenEmpty()
    {
        QCOMPARE(errorOf(provision(u"pinned"_qs, u"acme"_qs, Tenancy::Shared, u"host1"_qs)), QString());
        const QString host1 = m_agent->connections().constFirst().record.key;
        ConnectJob *refused = m_agent->removeConnection(host1);
        (void)refused->wait();
        QCOMPARE(refused->error(), u"connect.in-use"_qs);
        const QString host2 = m_agent->connections().at(1).record.key;
        QCOMPARE(errorOf(m_agent->removeConnection(host2)), QString());
        QCOMPARE(m_agent->connections().size(), EmbeddedSite::hosts().size() - 1);
        QVERIFY(!findHost(*m_agent, u"host2"_qs));
    }
};

QTEST_GUILESS_MAIN(TestConnectAgent)
#include "tst_connectagent.moc"
