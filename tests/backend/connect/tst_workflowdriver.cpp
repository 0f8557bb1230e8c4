// The workflow driver running the example workflow shipped in resources/workflows.
#include "connect/connectagent.h"
#include "connect/workflowdriver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cloudex::connect;
using cloudex::catalogue::Tenancy;

class TestWorkflowDriver : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_python;

    QString stateFile() const { return m_dir.filePath(u"workflow-state.json"_qs); }
    QStringList command() const
    {
        return {m_python, QStringLiteral(CLOUDEX_WORKFLOW_SCRIPT), u"--state"_qs, stateFile()};
    }

    // The workflow's own view of the world: its state file.
    QJsonObject stateVm(const QString &name) const
    {
        QFile file(stateFile());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        for (const QJsonValue &vm :
             QJsonDocument::fromJson(file.readAll()).object().value(u"vms"_qs).toArray()) {
            if (vm.toObject().value(u"name"_qs).toString() == name)
                return vm.toObject();
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        m_python = QStandardPaths::findExecutable(u"python3"_qs);
        if (m_python.isEmpty())
            QSKIP("python3 is not installed; the example workflow needs it");
        QVERIFY(QFile::exists(QStringLiteral(CLOUDEX_WORKFLOW_SCRIPT)));
    }

    void init() { QFile::remove(stateFile()); }

    void driverSpeaksTheProtocol()
    {
        WorkflowDriver driver(command());
        QVERIFY(driver.open().ok());
        const QList<HostInfo> hosts = driver.hosts();
        QCOMPARE(hosts.size(), 2);
        QCOMPARE(hosts.constFirst().id, u"wf-a"_qs);
        QVERIFY(hosts.constFirst().online);
        QCOMPARE(hosts.constFirst().cpus, 8);

        QVERIFY(driver.provision(u"wf-a"_qs, VmSpec{u"direct"_qs, 2, 2048, u"golden-image"_qs}, {}).ok());
        QCOMPARE(stateVm(u"direct"_qs).value(u"state"_qs).toString(), u"running"_qs);
        QCOMPARE(stateVm(u"direct"_qs).value(u"memoryMiB"_qs).toInt(), 2048);
        auto vms = driver.domains();
        QVERIFY(vms.ok());
        QCOMPARE(vms->size(), 1);
        QCOMPARE(vms->constFirst().state, VmState::Running);

        // The workflow's own error text reaches the caller.
        const auto missing = driver.start(u"wf-a"_qs, u"ghost"_qs);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, u"workflow.failed"_qs);
        QVERIFY2(missing.error().message.contains(u"no VM ghost on wf-a"_qs),
                 qPrintable(missing.error().message));
    }

    void periodicReconcileSeesOutOfBandChanges()
    {
        // A workflow sends no events: only the periodic reconcile notices a change made
        // behind the agent's back.
        QTemporaryDir data;
        constexpr int kReconcileMs = 100;
        ConnectAgent agent(ConnectAgent::Options{data.path(), kReconcileMs, nullptr});
        QVERIFY(agent.open().ok());
        QVERIFY(agent.saveTenant({u"acme"_qs, u"ACME"_qs}).ok());
        QVERIFY(agent.addWorkflow(command())->wait().ok());
        QVERIFY(
            agent.provision({u"drift"_qs, u"acme"_qs, Tenancy::Shared, {}, 1, 256, u"wf-b"_qs})->wait().ok());

        WorkflowDriver outside(command());
        QVERIFY(outside.stop(u"wf-b"_qs, u"drift"_qs).ok());
        const auto state = [&agent] {
            for (const VmInfo &vm : agent.inventory().vms) {
                if (vm.name == u"drift"_qs)
                    return vm.state;
            }
            return VmState::Unknown;
        };
        QTRY_COMPARE_WITH_TIMEOUT(state(), VmState::Stopped, 10000);
    }

    void brokenCommandIsReported()
    {
        WorkflowDriver driver({m_dir.filePath(u"does-not-exist"_qs)});
        const auto opened = driver.open();
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, u"workflow.start"_qs);
        QVERIFY(!driver.isOpen());
    }

    void agentRunsTheWorkflow()
    {
        QTemporaryDir data;
        ConnectAgent agent(ConnectAgent::Options{data.path(), 0, nullptr});
        QVERIFY(agent.open().ok());
        QVERIFY(agent.saveTenant({u"acme"_qs, u"ACME"_qs}).ok());
        const auto added = agent.addWorkflow(command())->wait();
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
        QCOMPARE(agent.inventory().hosts.size(), 2);
        QCOMPARE(agent.inventory().templates.size(), 2); // golden-image on both hosts

        // create, stop, start, delete: each one really changes the workflow's state.
        const auto made =
            agent.provision({u"wf-vm"_qs, u"acme"_qs, Tenancy::Shared, u"golden-image"_qs, 2, 1024, {}})
                ->wait();
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().message));
        QCOMPARE(stateVm(u"wf-vm"_qs).value(u"state"_qs).toString(), u"running"_qs);
        QVERIFY(agent.stopVm(u"wf-vm"_qs)->wait().ok());
        QCOMPARE(stateVm(u"wf-vm"_qs).value(u"state"_qs).toString(), u"stopped"_qs);
        QVERIFY(agent.startVm(u"wf-vm"_qs)->wait().ok());
        QCOMPARE(stateVm(u"wf-vm"_qs).value(u"state"_qs).toString(), u"running"_qs);
        const auto vm = std::find_if(agent.inventory().vms.cbegin(), agent.inventory().vms.cend(),
                                     [](const VmInfo &v) { return v.name == u"wf-vm"_qs; });
        QVERIFY(vm != agent.inventory().vms.cend());
        QCOMPARE(vm->tenant, u"acme"_qs);
        QCOMPARE(vm->state, VmState::Running);
        QVERIFY(agent.removeVm(u"wf-vm"_qs)->wait().ok());
        QVERIFY(stateVm(u"wf-vm"_qs).isEmpty());

        // Workflow hosts cannot exchange VMs with each other through libvirt.
        const auto stuck =
            agent.provision({u"stuck"_qs, u"acme"_qs, Tenancy::Shared, {}, 1, 512, u"wf-a"_qs})->wait();
        QVERIFY2(stuck.ok(), qPrintable(stuck.ok() ? QString() : stuck.error().message));
        ConnectJob *move = agent.migrateVm(u"stuck"_qs, u"wf-b"_qs);
        (void)move->wait();
        QCOMPARE(move->error(), u"connect.unsupported"_qs);
    }
};

QTEST_GUILESS_MAIN(TestWorkflowDriver)
#include "tst_workflowdriver.moc"
