// The connect agent against a real libvirtd with QEMU (software emulation, 64 MiB guests;
// the contract's guest is the product's size, 1 vCPU and 4 GiB, touched only lazily).
// `virsh` checks what the agent did. A libvirtd that already runs is reused and never
// stopped; one this test started is stopped at the end.
#include "../backend/exchange/exchangetestsupport.h"
#include "../support/curl.h"
#include "../support/testpki.h"
#include "api/site.h"
#include "connect/componentdriver.h"
#include "connect/connectagent.h"
#include "connect/connectserver.h"
#include "core/clock.h"
#include "pki/contractdirectory.h"

#include <QRegularExpression>
#include <QSslKey>

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

    /// The chain's last link on a real hypervisor: a buyer with a contract certificate
    /// creates a VM through the connect API; QEMU runs it with the product's vCPU and memory;
    /// at the window's end it gets an ACPI shutdown (a diskless guest ignores it) and is
    /// powered off after the grace period. The clock is injected; the CA is the real one.
    void contractVmThroughTheConnectApi()
    {
        using namespace testsupport;
        if (QStandardPaths::findExecutable(u"curl"_qs).isEmpty())
            QSKIP("curl is not installed");
        constexpr qint64 kHourMs = 3'600'000;
        constexpr qint64 kMinuteMs = 60'000;
        constexpr qint64 kGraceSeconds = 5;
        QTemporaryDir data;
        const auto file = [&](const QString &name) {
            return data.filePath(name);
        };
        cloudex::ManualClock clock;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        clock.setNowMs(now - kMinuteMs);
        const qint64 t0 = (now / kHourMs + 2) * kHourMs;

        cloudex::pki::CaOptions caOptions;
        caOptions.directory = file(u"ca"_qs);
        auto ca = cloudex::pki::CertificateAuthority::open(caOptions, clock);
        QVERIFY(ca.ok());
        QVERIFY(writeFile(file(u"ca.pem"_qs), pem((*ca)->rootCertificate())));
        const cloudex::pki::PrivateKey siteKey = newKey();
        cloudex::pki::IdentityRequest site{cloudex::pki::CertificateKind::Site,
                                           u"p-dc1"_qs,
                                           u"s-it"_qs,
                                           u"DC1"_qs,
                                           u"seller"_qs,
                                           {},
                                           {u"localhost"_qs},
                                           {u"127.0.0.1"_qs}};
        auto siteCert = (*ca)->issueIdentity(
            csr(siteKey, u"p-dc1"_qs, u"s-it"_qs, site.dnsNames, site.ipAddresses), site);
        QVERIFY(siteCert.ok());

        // A one-instance contract for DE.GP1.SH.S1 (1 vCPU, 4 GiB) of the next-but-one hour.
        const QString id = u"c-%1"_qs.arg(900000 + QCoreApplication::applicationPid() % 100000);
        HeldContractRecord held;
        held.id = id;
        held.buyer = u"p-acme"_qs;
        held.seller = u"p-dc1"_qs;
        held.product = u"DE.GP1.SH.S1"_qs;
        held.instrument = held.product + u".H"_qs;
        held.quantity = 1;
        held.startMs = t0;
        held.endMs = t0 + kHourMs;
        held.state = u"scheduled"_qs;
        cloudex::pki::InMemoryContractDirectory book;
        book.insert({held.id, held.buyer, held.seller, held.instrument, held.quantity, held.startMs,
                     held.endMs, false});
        const cloudex::pki::PrivateKey buyerKey = newKey();
        auto contractCert =
            (*ca)->issueContractCertificate({csr(buyerKey, held.buyer, held.id), held.id, held.buyer}, book);
        QVERIFY(contractCert.ok());
        QVERIFY(writeFile(file(u"buyer.pem"_qs), contractCert->pem()));
        QVERIFY(writeFile(file(u"buyer.key"_qs), *buyerKey.toPem()));

        ConnectAgent agent(ConnectAgent::Options{file(u"site"_qs), 0, &clock});
        QVERIFY(QDir().mkpath(file(u"site"_qs)));
        QVERIFY(agent.open().ok());
        const auto added = agent.addConnection(kUri, u"local"_qs)->wait();
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
        ConnectServer::Options options;
        options.seller = u"p-dc1"_qs;
        options.siteId = u"s-it"_qs;
        options.graceSeconds = kGraceSeconds;
        options.tickMs = 100;
        ConnectServer server(agent, clock, options);
        QVERIFY(server.setTrustAnchor((*ca)->rootCertificate()).ok());
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(siteCert->der, QSsl::Der));
        tls.setPrivateKey(QSslKey(*siteKey.toPem(), QSsl::Ec, QSsl::Pem));
        tls.setCaCertificates({QSslCertificate((*ca)->rootCertificate(), QSsl::Der)});
        cloudex::net::ApiServer::Config config;
        config.tls = tls;
        QVERIFY(server.listen(config).ok());
        QVERIFY(server.applyContract(held).ok());
        const auto freshCrl = [&] {
            auto crl = (*ca)->publishCrl();
            return crl.ok() && server.applyCrl(*crl).ok();
        };
        const auto call = [&](const QString &method, const QString &route, const QByteArray &body = {}) {
            QStringList args{u"-X"_qs,       method,
                             u"--cacert"_qs, file(u"ca.pem"_qs),
                             u"--cert"_qs,   file(u"buyer.pem"_qs),
                             u"--key"_qs,    file(u"buyer.key"_qs)};
            if (!body.isEmpty())
                args << u"-H"_qs << u"Content-Type: application/json"_qs << u"--data-binary"_qs
                     << QString::fromUtf8(body);
            args << u"https://127.0.0.1:%1%2"_qs.arg(server.port()).arg(route);
            return runCurl(args);
        };
        const QString domain = id + u"-web"_qs;
        const auto cleanup = qScopeGuard([&] {
            virsh({u"destroy"_qs, domain});
            virsh({u"undefine"_qs, domain});
        });

        // In the window: one VM, the product's size; a second one is beyond the volume.
        clock.setNowMs(t0 + 5 * kMinuteMs);
        QVERIFY(freshCrl());
        CurlResult r = call(u"POST"_qs, u"/v1/vms"_qs, "{\"name\":\"web\",\"template\":\"\"}");
        QCOMPARE(r.status, 202);
        const QString job = r.json().value(u"id"_qs).toString();
        QJsonObject state;
        QVERIFY(QTest::qWaitFor(
            [&] {
                state = call(u"GET"_qs, u"/v1/jobs/"_qs + job).json();
                server.tick();
                return state.value(u"state"_qs) != u"running"_qs;
            },
            120'000));
        QCOMPARE(state.value(u"state"_qs).toString(), u"done"_qs);
        QCOMPARE(virsh({u"domstate"_qs, domain}).out, u"running"_qs);
        const QString info = virsh({u"dominfo"_qs, domain}).out;
        QVERIFY2(QRegularExpression(u"CPU\\(s\\):\\s+1\\n"_qs).match(info).hasMatch(), qPrintable(info));
        QVERIFY2(QRegularExpression(u"Max memory:\\s+4194304 KiB"_qs).match(info).hasMatch(),
                 qPrintable(info));
        QVERIFY(virsh({u"list"_qs, u"--name"_qs}).out.split(u'\n').contains(domain));
        r = call(u"POST"_qs, u"/v1/vms"_qs, "{\"name\":\"web2\",\"template\":\"\"}");
        QCOMPARE(r.status, 409);
        QCOMPARE(r.code(), u"contract.volume-exhausted"_qs);

        // The window ends: ACPI shutdown first (QEMU's diskless guest has no OS to obey it).
        clock.setNowMs(t0 + kHourMs + 1000);
        QVERIFY(freshCrl());
        server.tick();
        QTRY_COMPARE_WITH_TIMEOUT(agent.store().contract(id)->stage, int(HeldContractRecord::ShutDown),
                                  10000);
        QCOMPARE(virsh({u"domstate"_qs, domain}).out, u"running"_qs);
        // After the grace period: powered off.
        clock.advanceMs((kGraceSeconds + 1) * 1000);
        server.tick();
        QTRY_COMPARE_WITH_TIMEOUT(virsh({u"domstate"_qs, domain}).out, u"shut off"_qs, 30000);
        QCOMPARE(agent.store().contract(id)->stage, int(HeldContractRecord::Destroyed));
    }
    /// The SLA service credit from real downtime: a contract traded on a real (in-process)
    /// exchange, its VM run by QEMU through the connect API, stopped behind the agent's back
    /// with `virsh destroy` for 2 of the 55 minutes it should run, started again by the
    /// buyer; the site meters it, reports its usage as the holding site, and the exchange
    /// settles: price × quantity × hours less the credit its frozen table gives for the
    /// availability. The site's clock is injected (no waiting for an hour).
    void slaCreditFromInjectedDowntime()
    {
        using namespace testsupport;
        if (QStandardPaths::findExecutable(u"curl"_qs).isEmpty())
            QSKIP("curl is not installed");
        constexpr qint64 kMinuteMs = 60'000;
        constexpr qint64 kPrice = 23456;
        exchangetest::Fixture fx;
        QVERIFY(fx.start());
        const QString seller = u"p-seller"_qs;
        const QString buyer = u"p-buyer"_qs;
        const QString siteId = u"s-sla"_qs;

        // The trade: one instance of the front hour.
        QCOMPARE(fx.curl(seller, u"POST"_qs, u"/v1/orders"_qs, fx.order(u"sell"_qs, kPrice, 1)).status, 201);
        QCOMPARE(fx.curl(buyer, u"POST"_qs, u"/v1/orders"_qs, fx.order(u"buy"_qs, kPrice, 1)).status, 201);
        const auto contracts = fx.market().contractsOf(buyer);
        QCOMPARE(contracts.size(), 1);
        const cloudex::market::ContractInfo traded = contracts.constFirst();
        const QString code = cloudex::market::Exchange::contractCode(traded.id);
        const qint64 startMs = traded.startSecs * 1000;
        const qint64 endMs = traded.endSecs * 1000;
        QCOMPARE(endMs - startMs, 60 * kMinuteMs);

        // The seller's site: its identity from the exchange CA, registered for the product,
        // so the exchange assigns it the contract and takes its usage.
        const cloudex::pki::PrivateKey siteKey = newKey();
        cloudex::pki::IdentityRequest identity{cloudex::pki::CertificateKind::Site,
                                               seller,
                                               siteId,
                                               seller,
                                               u"site"_qs,
                                               {},
                                               {u"localhost"_qs},
                                               {u"127.0.0.1"_qs}};
        auto siteCert = fx.service().issueIdentity(
            csr(siteKey, seller, siteId, identity.dnsNames, identity.ipAddresses), identity);
        QVERIFY(siteCert.ok());
        QVERIFY(writeFile(fx.identityFile(siteId, u".cert.pem"_qs), siteCert->pem()));
        QVERIFY(writeFile(fx.identityFile(siteId, u".key.pem"_qs), *siteKey.toPem()));

        cloudex::ManualClock clock(startMs + 5 * kMinuteMs);
        QTemporaryDir data;
        ConnectAgent agent(ConnectAgent::Options{data.filePath(u"site"_qs), 0, &clock});
        QVERIFY(QDir().mkpath(data.filePath(u"site"_qs)));
        QVERIFY(agent.open().ok());
        const auto added = agent.addConnection(kUri, u"local"_qs)->wait();
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
        ConnectServer::Options options;
        options.seller = seller;
        options.siteId = siteId;
        options.graceSeconds = 5;
        options.tickMs = 100;
        ConnectServer server(agent, clock, options);
        QVERIFY(server.setTrustAnchor(fx.service().authority().rootCertificate()).ok());
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(siteCert->der, QSsl::Der));
        tls.setPrivateKey(QSslKey(*siteKey.toPem(), QSsl::Ec, QSsl::Pem));
        tls.setCaCertificates({QSslCertificate(fx.service().authority().rootCertificate(), QSsl::Der)});
        cloudex::net::ApiServer::Config config;
        config.tls = tls;
        QVERIFY(server.listen(config).ok());
        const QByteArray registration = QJsonDocument(cloudex::api::SiteRegistration{
            u"SLA site"_qs, u"https://localhost:%1"_qs.arg(server.port()), {exchangetest::kProduct}}
                                                          .toJson())
                                            .toJson(QJsonDocument::Compact);
        const CurlResult registered = fx.curl(siteId, u"PUT"_qs, u"/v1/sites/"_qs + siteId, registration);
        QVERIFY2(registered.status == 200 || registered.status == 201, registered.body.constData());
        QTRY_COMPARE(fx.market().contract(traded.id)->siteId, siteId);

        // The contract as the site holds it, and the buyer's contract certificate.
        HeldContractRecord held;
        held.id = code;
        held.buyer = buyer;
        held.seller = seller;
        held.product = traded.productSymbol;
        held.instrument = traded.symbol;
        held.quantity = traded.quantity;
        held.startMs = startMs;
        held.endMs = endMs;
        held.state = u"scheduled"_qs;
        QVERIFY(server.applyContract(held).ok());
        cloudex::pki::InMemoryContractDirectory book;
        book.insert({code, buyer, seller, traded.symbol, traded.quantity, startMs, endMs, false});
        const cloudex::pki::PrivateKey buyerKey = newKey();
        auto contractCert = fx.service().authority().issueContractCertificate(
            {csr(buyerKey, buyer, code), code, buyer}, book);
        QVERIFY(contractCert.ok());
        QVERIFY(writeFile(data.filePath(u"buyer.pem"_qs), contractCert->pem()));
        QVERIFY(writeFile(data.filePath(u"buyer.key"_qs), *buyerKey.toPem()));
        QVERIFY(writeFile(data.filePath(u"ca.pem"_qs), fx.service().caCertificatePem()));
        auto crl = fx.service().authority().publishCrl();
        QVERIFY(crl.ok());
        QVERIFY(server.applyCrl(*crl).ok());
        const auto call = [&](const QString &method, const QString &route, const QByteArray &body = {}) {
            QStringList args{u"-X"_qs,       method,
                             u"--cacert"_qs, data.filePath(u"ca.pem"_qs),
                             u"--cert"_qs,   data.filePath(u"buyer.pem"_qs),
                             u"--key"_qs,    data.filePath(u"buyer.key"_qs)};
            if (!body.isEmpty())
                args << u"-H"_qs << u"Content-Type: application/json"_qs << u"--data-binary"_qs
                     << QString::fromUtf8(body);
            args << u"https://127.0.0.1:%1%2"_qs.arg(server.port()).arg(route);
            return runCurl(args);
        };
        const auto finish = [&](const CurlResult &accepted) {
            if (accepted.status != 202)
                return QString::fromUtf8(accepted.body);
            const QString job = accepted.json().value(u"id"_qs).toString();
            QJsonObject state;
            QTest::qWaitFor(
                [&] {
                    state = call(u"GET"_qs, u"/v1/jobs/"_qs + job).json();
                    return state.value(u"state"_qs) != u"running"_qs;
                },
                120'000);
            return state.value(u"state"_qs).toString();
        };
        const QString vm = u"sla%1"_qs.arg(QCoreApplication::applicationPid() % 100000);
        const QString domain = code + u'-' + vm;
        const auto cleanup = qScopeGuard([&] {
            virsh({u"destroy"_qs, domain});
            virsh({u"undefine"_qs, domain});
        });
        const auto vmState = [&] { return call(u"GET"_qs, u"/v1/vms/"_qs + vm).json().value(u"state"_qs).toString(); };

        // +5 min: the VM is created and runs (expected and available from now).
        QCOMPARE(finish(call(u"POST"_qs, u"/v1/vms"_qs, u"{\"name\":\"%1\",\"template\":\"\"}"_qs.arg(vm).toUtf8())), u"done"_qs);
        QCOMPARE(virsh({u"domstate"_qs, domain}).out, u"running"_qs);
        QTRY_COMPARE(vmState(), u"running"_qs);
        // +10 min: destroyed behind the agent's back; libvirt's event tells the agent.
        clock.setNowMs(startMs + 10 * kMinuteMs);
        QCOMPARE(virsh({u"destroy"_qs, domain}).exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(vmState(), u"stopped"_qs, 30000);
        // +12 min: the buyer starts it again.
        clock.setNowMs(startMs + 12 * kMinuteMs);
        QCOMPARE(finish(call(u"POST"_qs, u"/v1/vms/"_qs + vm + u"/start"_qs)), u"done"_qs);
        QTRY_COMPARE(vmState(), u"running"_qs);
        QCOMPARE(virsh({u"domstate"_qs, domain}).out, u"running"_qs);

        // The window ends; after the grace the VM is powered off and the usage is final.
        clock.setNowMs(endMs + 1000);
        server.tick();
        QTRY_COMPARE_WITH_TIMEOUT(agent.store().contract(code)->stage, int(HeldContractRecord::ShutDown), 10000);
        clock.advanceMs(6000);
        server.tick();
        QTRY_COMPARE_WITH_TIMEOUT(agent.store().contract(code)->stage, int(HeldContractRecord::Destroyed), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(virsh({u"domstate"_qs, domain}).out, u"shut off"_qs, 30000);

        // What the site measured: expected 55 min, available 53 min (in the 25 % tier).
        const QJsonObject usage = call(u"GET"_qs, u"/v1/usage"_qs).json();
        const qint64 expectedSeconds = 55 * 60;
        const qint64 availableSeconds = 53 * 60;
        const qint64 availability = 10000 * availableSeconds / expectedSeconds; // 9636
        QCOMPARE(usage.value(u"availabilityBasisPoints"_qs).toInteger(), availability);
        const QJsonArray hours = server.usageHours(code);
        QCOMPARE(hours.size(), 1);
        QCOMPARE(hours.at(0)[u"expectedSeconds"_qs].toInteger(), expectedSeconds);
        QCOMPARE(hours.at(0)[u"availableSeconds"_qs].toInteger(), availableSeconds);

        // The site reports it as the holding site; the exchange settles once its window is over.
        fx.market().advanceClock(traded.endSecs + 10);
        QVERIFY(fx.market().flush());
        const QByteArray report =
            QJsonDocument(QJsonObject{{u"final"_qs, true}, {u"hours"_qs, hours}}).toJson(QJsonDocument::Compact);
        const CurlResult reported =
            fx.curl(siteId, u"POST"_qs, u"/v1/contracts/%1/usage"_qs.arg(code), report);
        QVERIFY2(reported.status == 200, reported.body.constData());
        QJsonObject settlement;
        QTRY_VERIFY((settlement = fx.curl(buyer, u"GET"_qs, u"/v1/settlements/"_qs + code).json())
                        .contains(u"net"_qs));
        // The frozen credit table's tier for the availability (first row, by threshold, above it).
        QList<cloudex::catalogue::ServiceCredit> steps = traded.sla.credits;
        std::sort(steps.begin(), steps.end(),
                  [](const auto &a, const auto &b) { return a.belowBasisPoints < b.belowBasisPoints; });
        qint64 percent = 0;
        for (const auto &step : std::as_const(steps)) {
            if (step.belowBasisPoints > availability) {
                percent = step.creditPercent;
                break;
            }
        }
        QVERIFY2(percent > 0 && percent < 100, "the injected downtime must fall into a partial credit tier");
        const qint64 gross = kPrice * 1 * 1; // price × quantity × hours
        const qint64 credit = (gross * percent + 50) / 100;
        QCOMPARE(settlement.value(u"state"_qs).toString(), u"final"_qs);
        QCOMPARE(settlement.value(u"availabilityBasisPoints"_qs).toInteger(), availability);
        QCOMPARE(settlement.value(u"gross"_qs).toInteger(), gross);
        QCOMPARE(settlement.value(u"creditPercent"_qs).toInteger(), percent);
        QVERIFY(settlement.value(u"credit"_qs).toInteger() > 0);
        QCOMPARE(settlement.value(u"credit"_qs).toInteger(), credit);
        QCOMPARE(settlement.value(u"net"_qs).toInteger(), gross - credit);
    }
};

QTEST_GUILESS_MAIN(TestLibvirtd)
#include "tst_libvirtd.moc"
