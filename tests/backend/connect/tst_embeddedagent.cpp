// The desktop's connect agent on its own thread: built there, reached only by queued calls,
// its jobs mirrored to the caller's thread and its state handed over by value.
#include "connect/embeddedagent.h"

#include <QDir>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace cloudex::connect;
using cloudex::Result;
using cloudex::catalogue::Tenancy;

class TestEmbeddedAgent : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EmbeddedAgent> m_agent;

    static EmbeddedAgent::Options options(const QString &dir)
    {
        EmbeddedAgent::Options o;
        o.dataDir = dir;
        o.reconcileIntervalMs = 0;
        return o;
    }

    const VmInfo *vm(const QString &name) const
    {
        for (const VmInfo &v : m_agent->state().inventory.vms)
            if (v.name == name)
                return &v;
        return nullptr;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_agent = std::make_unique<EmbeddedAgent>();
        QSignalSpy started(m_agent.get(), &EmbeddedAgent::started);
        QSignalSpy jobs(m_agent.get(), &EmbeddedAgent::jobStarted);
        m_agent->start(options(m_dir->path()));
        // start() returns before the agent has opened anything.
        QVERIFY(started.isEmpty());
        QVERIFY(!m_agent->isStarted());
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 30000);
        QVERIFY(started.constFirst().constFirst().value<Result<void>>().ok());
        QVERIFY(m_agent->isStarted());
        // The start-up job was announced here and had finished by then.
        QVERIFY(!jobs.isEmpty());
        auto first = jobs.constFirst().constFirst().value<ConnectJob *>();
        QVERIFY(first->isFinished());
        QCOMPARE(first->thread(), QThread::currentThread());
        QCOMPARE(m_agent->state().inventory.hosts.size(), 4);
        QCOMPARE(m_agent->state().tenants.size(), 3);
    }

    void cleanup()
    {
        m_agent.reset();
        m_dir.reset();
    }

    void agentAndRecordsLiveOnTheAgentThread()
    {
        QThread *agentThread = m_agent->agentThread();
        QVERIFY(agentThread && agentThread != QThread::currentThread());
        QThread *ranOn = nullptr;
        QThread *livesIn = nullptr;
        int tenants = -1;
        QObject receiver;
        m_agent->post([&](ConnectAgent &agent) {
            QMetaObject::invokeMethod(&receiver, [&, here = QThread::currentThread(), home = agent.thread(),
                                                  n = int(agent.store().tenants().size())] {
                ranOn = here;
                livesIn = home;
                tenants = n;
            });
        });
        QTRY_VERIFY(ranOn);
        QCOMPARE(ranOn, agentThread);
        QCOMPARE(livesIn, agentThread);
        QCOMPARE(tenants, 3);
    }

    void operationsAreMirroredJobsAndTheStateComesFirst()
    {
        QSignalSpy announced(m_agent.get(), &EmbeddedAgent::jobStarted);
        ConnectJob *job =
            m_agent->provision({u"web"_qs, u"acme"_qs, Tenancy::Shared, u"debian-12.img"_qs, 1, 64, {}});
        QCOMPARE(job->thread(), QThread::currentThread());
        QCOMPARE(announced.size(), 1);
        QVERIFY(!job->isFinished());
        bool stateHadIt = false;
        connect(job, &ConnectJob::finished, this, [&] { stateHadIt = vm(u"web"_qs) != nullptr; });
        QSignalSpy progress(job, &ConnectJob::progress);
        QVERIFY(job->wait().ok());
        QVERIFY(!progress.isEmpty());
        // The state that shows the new VM arrived before the job's end.
        QVERIFY(stateHadIt);
        QCOMPARE(vm(u"web"_qs)->state, VmState::Running);
        QCOMPARE(vm(u"web"_qs)->tenant, u"acme"_qs);
        QVERIFY(!m_agent->isBusy(u"web"_qs));
        // A placement preview runs on that state copy.
        QVERIFY(m_agent->plan({{}, u"acme"_qs, Tenancy::Shared, {}, 1, 64, {}}).ok());
        QCOMPARE(m_agent->plan({{}, u"nobody"_qs, Tenancy::Shared, {}, 1, 64, {}}).error().code,
                 u"tenant.unknown"_qs);
    }

    void recordChangesAnswerWithTheAgentsVerdict()
    {
        ConnectJob *refused = m_agent->removeTenant(u"acme"_qs);
        QVERIFY(!refused->wait().ok());
        QCOMPARE(refused->error(), u"tenant.in-use"_qs);
        QVERIFY(refused->errorString().contains(u"finance"_qs));

        ConnectJob *saved = m_agent->saveTenant({u"umbrella"_qs, u"Umbrella"_qs});
        bool stateHadIt = false;
        connect(saved, &ConnectJob::finished, this, [&] {
            stateHadIt = std::any_of(m_agent->state().tenants.cbegin(), m_agent->state().tenants.cend(),
                                     [](const Tenant &t) { return t.id == u"umbrella"_qs; });
        });
        QVERIFY(saved->wait().ok());
        QVERIFY(stateHadIt);
        QVERIFY(m_agent->removeTenant(u"umbrella"_qs)->wait().ok());
        QCOMPARE(m_agent->state().tenants.size(), 3);
    }

    void cancelReachesTheAgentsJob()
    {
        // The agent's worker is busy for a second (a workflow that takes its time to answer), so
        // the provision waits behind it on the worker while the cancel travels to the agent.
        QSignalSpy announced(m_agent.get(), &EmbeddedAgent::jobStarted);
        m_agent->post([](ConnectAgent &agent) { agent.addWorkflow({u"sh"_qs, u"-c"_qs, u"sleep 1"_qs}); });
        QTRY_COMPARE(announced.size(), 1);
        ConnectJob *job = m_agent->provision(
            {u"cancelled"_qs, u"acme"_qs, Tenancy::Shared, u"debian-12.img"_qs, 1, 64, {}});
        job->cancel();
        const auto result = job->wait();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, u"job.cancelled"_qs);
        // The agent dropped the VM it had recorded for the placement.
        QTRY_VERIFY(!vm(u"cancelled"_qs));
    }

    void jobsTheAgentStartsItselfAreAnnounced()
    {
        QSignalSpy announced(m_agent.get(), &EmbeddedAgent::jobStarted);
        m_agent->post([](ConnectAgent &agent) { agent.reconcile(); });
        QTRY_COMPARE(announced.size(), 1);
        auto job = announced.constFirst().constFirst().value<ConnectJob *>();
        QCOMPARE(job->thread(), QThread::currentThread());
        QVERIFY(job->title().contains(u"Reconciling"_qs));
        QVERIFY(job->wait().ok());
    }

    void stopEndsOpenJobsAndAnswersNoMore()
    {
        ConnectJob *job =
            m_agent->provision({u"late"_qs, u"acme"_qs, Tenancy::Shared, u"debian-12.img"_qs, 1, 64, {}});
        QPointer<ConnectJob> watched(job);
        QSignalSpy finished(job, &ConnectJob::finished);
        m_agent->stop();
        QVERIFY(!m_agent->agentThread());
        QVERIFY(!m_agent->isStarted());
        QCOMPARE(finished.size(), 1);
        QVERIFY(watched->isFinished());
        // After stop() every operation says the agent is not running.
        ConnectJob *after = m_agent->startVm(u"late"_qs);
        QCOMPARE(after->wait().error().code, u"connect.not-running"_qs);
    }

    void recordsThatCannotOpenAreReported()
    {
        QTemporaryDir dir;
        // The records' file is a directory: SQLite cannot open it.
        QVERIFY(QDir(dir.path()).mkpath(u"connect.sqlite"_qs));
        EmbeddedAgent agent;
        QSignalSpy started(&agent, &EmbeddedAgent::started);
        agent.start(options(dir.path()));
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 30000);
        QVERIFY(!started.constFirst().constFirst().value<Result<void>>().ok());
        QVERIFY(!agent.isStarted());
        // Operations say so instead of touching records that are not there.
        QCOMPARE(agent.saveTenant({u"x"_qs, u"X"_qs})->wait().error().code, u"connect.not-running"_qs);
        QCOMPARE(agent.startVm(u"x"_qs)->wait().error().code, u"connect.not-running"_qs);
    }
};

QTEST_GUILESS_MAIN(TestEmbeddedAgent)
#include "tst_embeddedagent.moc"
