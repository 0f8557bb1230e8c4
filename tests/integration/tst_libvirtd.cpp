// The connect agent against a real libvirtd with QEMU (software emulation, 64 MiB guests).
// `virsh` checks what the agent did. A libvirtd that already runs is reused and never
// stopped; one this test started is stopped at the end.
#include "connect/componentdriver.h"
#include "connect/connectagent.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace cloudex::connect;
using cloudex::catalogue::Tenancy;

namespace {
const auto kUri = QStringLiteral("qemu:///system");
constexpr int kDaemonStartMs = 30'000;
constexpr int kPollMs = 250;

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &args, int timeoutMs = 60'000)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-1, {}, u"timed out"_qs};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()).trimmed(),
            QString::fromUtf8(process.readAllStandardError()).trimmed()};
}

Run virsh(const QStringList &args)
{
    return run(u"virsh"_qs, QStringList{u"-c"_qs, kUri} + args);
}

qint64 readPid(const QString &file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toLongLong() : 0;
}
} // namespace

class TestLibvirtd : public QObject
{
    Q_OBJECT

    qint64 m_startedLibvirtd = 0; // pids of daemons this test started, to stop them again
    qint64 m_startedVirtlogd = 0;
    QTemporaryDir m_dir;
    QString m_prefix;

    bool daemonAnswers() { return virsh({u"version"_qs}).exitCode == 0; }

    // What the Debian packages and udev set up on a normal host, for a bare container.
    QString prepareHost()
    {
        for (const char *dir : {"/var/log/libvirt", "/var/run/libvirt", "/var/lib/libvirt/qemu"}) {
            if (!QDir().mkpath(QString::fromLatin1(dir)))
                return u"cannot create "_qs + QString::fromLatin1(dir);
        }
        // libvirt re-probes QEMU on every call (about 40 s each) when /dev/kvm exists but the
        // qemu user cannot open it; udev normally gives it to the kvm group. Guests still run
        // under software emulation (domain type 'qemu').
        if (QFile::exists(u"/dev/kvm"_qs)) {
            run(u"chgrp"_qs, {u"kvm"_qs, u"/dev/kvm"_qs});
            run(u"chmod"_qs, {u"0660"_qs, u"/dev/kvm"_qs});
        }
        return {};
    }

    QString startDaemons()
    {
        if (geteuid() != 0)
            return u"libvirtd is not running and only root can start the system daemon"_qs;
        for (const char *tool : {"libvirtd", "virtlogd"}) {
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool), {u"/usr/sbin"_qs, u"/usr/bin"_qs})
                    .isEmpty())
                return QString::fromLatin1(tool) + u" is not installed"_qs;
        }
        if (const QString problem = prepareHost(); !problem.isEmpty())
            return problem;
        const qint64 runningLogd = readPid(u"/var/run/virtlogd.pid"_qs);
        if (runningLogd <= 0 || !QFile::exists(u"/proc/%1"_qs.arg(runningLogd))) {
            const Run logd = run(u"/usr/sbin/virtlogd"_qs, {u"-d"_qs});
            if (logd.exitCode != 0)
                return u"virtlogd -d failed: "_qs + logd.err;
            QTest::qWait(kPollMs);
            m_startedVirtlogd = readPid(u"/var/run/virtlogd.pid"_qs);
        }
        const Run daemon = run(u"/usr/sbin/libvirtd"_qs, {u"-d"_qs});
        if (daemon.exitCode != 0)
            return u"libvirtd -d failed: "_qs + daemon.err;
        for (int waited = 0; waited < kDaemonStartMs; waited += kPollMs) {
            if (daemonAnswers()) {
                m_startedLibvirtd = readPid(u"/var/run/libvirtd.pid"_qs);
                return {};
            }
            QTest::qWait(kPollMs);
        }
        return u"libvirtd started but does not answer on "_qs + kUri;
    }

    void stopDaemon(qint64 pid)
    {
        if (pid > 0)
            run(u"kill"_qs, {QString::number(pid)});
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(u"virsh"_qs).isEmpty())
            QSKIP("virsh is not installed (libvirt-clients)");
        if (!daemonAnswers()) {
            const QString problem = startDaemons();
            if (!problem.isEmpty())
                QSKIP(qPrintable(u"no libvirtd: "_qs + problem));
        } else if (geteuid() == 0) {
            (void)prepareHost();
        }
        const Run caps = virsh({u"domcapabilities"_qs, u"--virttype"_qs, u"qemu"_qs});
        if (caps.exitCode != 0)
            QSKIP(qPrintable(u"libvirtd runs but offers no QEMU: "_qs + caps.err));
        m_prefix = u"cloudex-it-%1-"_qs.arg(QCoreApplication::applicationPid());
        // QEMU runs as libvirt-qemu and must reach the disk images below the scratch folder.
        QVERIFY(QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                        QFile::ReadGroup | QFile::ExeGroup |
                                                        QFile::ReadOther | QFile::ExeOther));
    }

    void cleanupTestCase()
    {
        // Leave nothing behind on a daemon that may be someone else's.
        const Run list = virsh({u"list"_qs, u"--all"_qs, u"--name"_qs});
        for (const QString &name : list.out.split(u'\n', Qt::SkipEmptyParts)) {
            if (name.startsWith(m_prefix)) {
                virsh({u"destroy"_qs, name});
                virsh({u"undefine"_qs, name});
            }
        }
        for (const QString &pool : QStringList{m_prefix + u"templates"_qs, m_prefix + u"vms"_qs}) {
            virsh({u"pool-destroy"_qs, pool});
            virsh({u"pool-undefine"_qs, pool});
        }
        stopDaemon(m_startedLibvirtd);
        stopDaemon(m_startedVirtlogd);
    }

    void agentRunsAQemuGuest()
    {
        QTemporaryDir data;
        ConnectAgent agent(ConnectAgent::Options{data.path(), 0, nullptr});
        QVERIFY(agent.open().ok());
        QVERIFY(agent.saveTenant({u"acme"_qs, u"ACME"_qs}).ok());
        const auto added = agent.addConnection(kUri, u"local"_qs)->wait();
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
        QCOMPARE(agent.inventory().hosts.size(), 1);
        QVERIFY(agent.inventory().hosts.constFirst().online);
        QVERIFY(agent.inventory().hosts.constFirst().cpus > 0);

        const QString name = m_prefix + u"guest"_qs;
        const auto made = agent.provision({name, u"acme"_qs, Tenancy::Shared, {}, 1, 64, {}})->wait();
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().message));
        QCOMPARE(virsh({u"domstate"_qs, name}).out, u"running"_qs);
        QVERIFY(virsh({u"dumpxml"_qs, name}).out.contains(u"<memory unit='KiB'>65536</memory>"_qs));

        // Changed behind the agent's back: the lifecycle event alone updates the inventory
        // (no periodic reconcile runs in this test).
        QCOMPARE(virsh({u"destroy"_qs, name}).exitCode, 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(agent.inventory().vms.cbegin(), agent.inventory().vms.cend(),
                        [&](const VmInfo &vm) { return vm.name == name && vm.state == VmState::Stopped; }),
            10000);

        QVERIFY(agent.startVm(name)->wait().ok());
        QCOMPARE(virsh({u"domstate"_qs, name}).out, u"running"_qs);
        QVERIFY(agent.stopVm(name)->wait().ok());
        QCOMPARE(virsh({u"domstate"_qs, name}).out, u"shut off"_qs);
        QVERIFY(agent.removeVm(name)->wait().ok());
        QVERIFY(virsh({u"domstate"_qs, name}).exitCode != 0);
    }

    void provisionClonesTheTemplateVolume()
    {
        // A template pool with a tiny raw image, and a pool for the VMs' disks.
        const QString templates = m_prefix + u"templates"_qs;
        const QString vms = m_prefix + u"vms"_qs;
        for (const QString &pool : QStringList{templates, vms}) {
            const QString dir = m_dir.filePath(pool);
            QVERIFY(QDir().mkpath(dir));
            QCOMPARE(virsh({u"pool-create-as"_qs, pool, u"dir"_qs, u"--target"_qs, dir}).exitCode, 0);
        }
        QCOMPARE(virsh({u"vol-create-as"_qs, templates, u"tiny.img"_qs, u"1M"_qs, u"--format"_qs, u"raw"_qs})
                     .exitCode,
                 0);

        ComponentDriver driver({kUri, u"local"_qs, templates, vms});
        QVERIFY(driver.open().ok());
        const QString name = m_prefix + u"disk"_qs;
        const auto made = driver.provision(u"local"_qs, VmSpec{name, 1, 64, u"tiny.img"_qs}, {});
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().message));
        QCOMPARE(virsh({u"domstate"_qs, name}).out, u"running"_qs);
        QVERIFY(virsh({u"vol-list"_qs, vms}).out.contains(ComponentDriver::diskVolumeName(name)));
        QVERIFY(virsh({u"domblklist"_qs, name}).out.contains(ComponentDriver::diskVolumeName(name)));

        // libvirt's own message reaches the caller.
        const auto missing =
            driver.provision(u"local"_qs, VmSpec{m_prefix + u"x"_qs, 1, 64, u"absent.img"_qs}, {});
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, u"libvirt.template"_qs);
        QVERIFY2(missing.error().message.contains(u"absent.img"_qs), qPrintable(missing.error().message));

        QVERIFY(driver.remove(u"local"_qs, name).ok());
        QVERIFY(virsh({u"domstate"_qs, name}).exitCode != 0);
        QVERIFY(!virsh({u"vol-list"_qs, vms}).out.contains(ComponentDriver::diskVolumeName(name)));
    }
};

QTEST_GUILESS_MAIN(TestLibvirtd)
#include "tst_libvirtd.moc"
