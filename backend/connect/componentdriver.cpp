#include "componentdriver.h"

#include "libvirt.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>

#include <libvirt/virterror.h>

namespace cloudex::connect {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Connect)
};

constexpr qint64 kKiBPerMiB = 1024;
// Remote connections ping every 5 s and give up after 3 missed answers, so a dead host
// shows as offline within about 20 s instead of hanging calls.
constexpr int kKeepAliveIntervalS = 5;
constexpr unsigned kKeepAliveCount = 3;

VmState stateFromLibvirt(int state)
{
    switch (state) {
    case VIR_DOMAIN_RUNNING:
    case VIR_DOMAIN_BLOCKED:
        return VmState::Running;
    case VIR_DOMAIN_PAUSED:
    case VIR_DOMAIN_PMSUSPENDED:
        return VmState::Paused;
    case VIR_DOMAIN_SHUTOFF:
    case VIR_DOMAIN_SHUTDOWN:
    case VIR_DOMAIN_CRASHED:
        return VmState::Stopped;
    default:
        return VmState::Unknown;
    }
}

QString deriveHostId(const QString &uri)
{
    const QUrl url(uri);
    if (url.scheme() == QLatin1String("test") && url.path().size() > 1)
        return QFileInfo(url.path()).completeBaseName();
    if (!url.host().isEmpty())
        return url.host();
    return {};
}

Error cancelled()
{
    return Error{QStringLiteral("job.cancelled"), Tr::tr("Cancelled.")};
}

} // namespace

struct ComponentDriver::Handles
{
    // The callback must be gone before the connection, or the event thread could call into
    // a driver that reconnected or no longer exists. A dead connection may refuse the
    // deregistration; closing it then drops the callback anyway.
    ~Handles()
    {
        if (connection && lifecycleCallback >= 0 &&
            virConnectDomainEventDeregisterAny(connection.get(), lifecycleCallback) < 0)
            virResetLastError();
    }

    libvirt::Connection connection;
    int lifecycleCallback = -1;
    bool testDriver = false;
    QString domainType = QStringLiteral("qemu");
};

ComponentDriver::ComponentDriver(Options options)
    : m_options(std::move(options))
    , m_hostId(m_options.hostId.isEmpty() ? deriveHostId(m_options.uri) : m_options.hostId)
{}

ComponentDriver::~ComponentDriver() = default; // Handles deregisters the callback

bool ComponentDriver::isOpen() const
{
    return m_handles && virConnectIsAlive(m_handles->connection.get()) == 1;
}

bool ComponentDriver::isTestDriver() const
{
    return m_handles ? m_handles->testDriver : m_options.uri.startsWith(QLatin1String("test:"));
}

Result<void> ComponentDriver::open()
{
    if (isOpen())
        return {};
    m_handles.reset();
    if (!libvirt::ensureEventLoop()) {
        m_lastError =
            libvirt::lastError(QStringLiteral("libvirt.init"), Tr::tr("Cannot initialise libvirt")).message;
        return Error{QStringLiteral("libvirt.init"), m_lastError};
    }
    auto handles = std::make_unique<Handles>();
    handles->connection.reset(virConnectOpen(m_options.uri.toUtf8().constData()));
    if (!handles->connection) {
        const Error error = libvirt::lastError(QStringLiteral("libvirt.connect"),
                                               Tr::tr("Cannot connect to %1").arg(m_options.uri));
        m_lastError = error.message;
        return error;
    }
    virConnectPtr conn = handles->connection.get();
    const char *type = virConnectGetType(conn);
    handles->testDriver = type && qstrcmp(type, "TEST") == 0;
    handles->domainType = handles->testDriver ? QStringLiteral("test") : QStringLiteral("qemu");
    if (m_hostId.isEmpty())
        m_hostId = libvirt::takeString(virConnectGetHostname(conn));

    // Keepalive runs over the daemon socket (local or remote); the in-process test driver
    // has no socket and refuses it. 1 means the peer does not support it: not an error.
    if (!handles->testDriver && virConnectSetKeepAlive(conn, kKeepAliveIntervalS, kKeepAliveCount) < 0) {
        const Error error = libvirt::lastError(QStringLiteral("libvirt.keepalive"),
                                               Tr::tr("Cannot enable keepalive on %1").arg(m_options.uri));
        m_lastError = error.message;
        return error;
    }

    const auto lifecycle = [](virConnectPtr, virDomainPtr dom, int event, int, void *opaque) {
        auto self = static_cast<ComponentDriver *>(opaque);
        DomainEvent e{self->m_hostId, QString::fromUtf8(virDomainGetName(dom)), VmState::Unknown, false};
        switch (event) {
        case VIR_DOMAIN_EVENT_STARTED:
        case VIR_DOMAIN_EVENT_RESUMED:
            e.state = VmState::Running;
            break;
        case VIR_DOMAIN_EVENT_SUSPENDED:
        case VIR_DOMAIN_EVENT_PMSUSPENDED:
            e.state = VmState::Paused;
            break;
        case VIR_DOMAIN_EVENT_STOPPED:
        case VIR_DOMAIN_EVENT_SHUTDOWN:
        case VIR_DOMAIN_EVENT_CRASHED:
            e.state = VmState::Stopped;
            break;
        case VIR_DOMAIN_EVENT_UNDEFINED:
            e.undefined = true;
            break;
        default:
            break;
        }
        self->notify(e);
        return 0;
    };
    handles->lifecycleCallback = virConnectDomainEventRegisterAny(
        conn, nullptr, VIR_DOMAIN_EVENT_ID_LIFECYCLE, VIR_DOMAIN_EVENT_CALLBACK(+lifecycle), this, nullptr);
    if (handles->lifecycleCallback < 0) {
        const Error error = libvirt::lastError(QStringLiteral("libvirt.events"),
                                               Tr::tr("Cannot subscribe to events of %1").arg(m_options.uri));
        m_lastError = error.message;
        return error;
    }
    m_handles = std::move(handles);
    m_lastError.clear();
    return {};
}

QList<HostInfo> ComponentDriver::hosts()
{
    HostInfo host;
    host.id = m_hostId;
    host.uri = m_options.uri;
    host.driver = isTestDriver() ? QStringLiteral("test") : QStringLiteral("QEMU");
    host.status = m_lastError;
    if (!isOpen())
        return {host};
    virNodeInfo info;
    if (virNodeGetInfo(m_handles->connection.get(), &info) < 0) {
        host.status = libvirt::lastError(QStringLiteral("libvirt.node"), {}).message;
        return {host};
    }
    host.online = true;
    host.cpus = int(info.cpus);
    host.memoryMiB = qint64(info.memory) / kKiBPerMiB;
    return {host};
}

Result<void> ComponentDriver::checkHost(const QString &host) const
{
    if (host != m_hostId)
        return Error{QStringLiteral("connect.unknown-host"), Tr::tr("Unknown host %1.").arg(host)};
    if (!isOpen()) {
        return Error{QStringLiteral("libvirt.disconnected"),
                     Tr::tr("Host %1 is not connected: %2").arg(host, m_lastError)};
    }
    return {};
}

namespace {
constexpr unsigned int kDomainStats = VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_VCPU | VIR_DOMAIN_STATS_BALLOON;

VmInfo vmFromStats(const virDomainStatsRecordPtr record, const QString &host)
{
    VmInfo vm;
    vm.name = QString::fromUtf8(virDomainGetName(record->dom));
    vm.host = host;
    for (int p = 0; p < record->nparams; ++p) {
        const virTypedParameter &param = record->params[p];
        if (qstrcmp(param.field, "state.state") == 0)
            vm.state = stateFromLibvirt(param.value.i);
        else if (qstrcmp(param.field, "vcpu.maximum") == 0)
            vm.vcpus = int(param.value.ui);
        else if (qstrcmp(param.field, "balloon.maximum") == 0)
            vm.memoryMiB = qint64(param.value.ul) / kKiBPerMiB;
    }
    return vm;
}
} // namespace

Result<QList<VmInfo>> ComponentDriver::domains()
{
    if (auto ok = checkHost(m_hostId); !ok)
        return ok.error();
    virDomainStatsRecordPtr *records = nullptr;
    const int count = virConnectGetAllDomainStats(m_handles->connection.get(), kDomainStats, &records, 0);
    if (count < 0) {
        return libvirt::lastError(QStringLiteral("libvirt.list"),
                                  Tr::tr("Cannot list the VMs of %1").arg(m_hostId));
    }
    QList<VmInfo> vms;
    vms.reserve(count);
    for (int i = 0; i < count; ++i)
        vms.append(vmFromStats(records[i], m_hostId));
    virDomainStatsRecordListFree(records);
    return vms;
}

Result<std::optional<VmInfo>> ComponentDriver::domain(const QString &host, const QString &name)
{
    if (auto ok = checkHost(host); !ok)
        return ok.error();
    const libvirt::Domain domain(
        virDomainLookupByName(m_handles->connection.get(), name.toUtf8().constData()));
    if (!domain) {
        const virErrorPtr error = virGetLastError();
        if (error && error->code == VIR_ERR_NO_DOMAIN) {
            virResetLastError();
            return std::optional<VmInfo>();
        }
        return libvirt::lastError(QStringLiteral("libvirt.lookup"),
                                  Tr::tr("Cannot find %1 on %2").arg(name, host));
    }
    virDomainPtr list[] = {domain.get(), nullptr};
    virDomainStatsRecordPtr *records = nullptr;
    const int count = virDomainListGetStats(list, kDomainStats, &records, 0);
    if (count < 0) {
        return libvirt::lastError(QStringLiteral("libvirt.list"),
                                  Tr::tr("Cannot read the state of %1").arg(name));
    }
    std::optional<VmInfo> vm;
    if (count > 0)
        vm = vmFromStats(records[0], m_hostId);
    virDomainStatsRecordListFree(records);
    return vm;
}

Result<QList<TemplateInfo>> ComponentDriver::templates()
{
    if (auto ok = checkHost(m_hostId); !ok)
        return ok.error();
    QList<TemplateInfo> result;
    const libvirt::Pool pool(
        virStoragePoolLookupByName(m_handles->connection.get(), m_options.templatePool.toUtf8().constData()));
    if (!pool) {
        virResetLastError(); // a host without a template pool simply offers no templates
        return result;
    }
    virStorageVolPtr *volumes = nullptr;
    const int count = virStoragePoolListAllVolumes(pool.get(), &volumes, 0);
    if (count < 0) {
        return libvirt::lastError(QStringLiteral("libvirt.volumes"),
                                  Tr::tr("Cannot list the templates of %1").arg(m_hostId));
    }
    for (int i = 0; i < count; ++i) {
        const libvirt::Volume volume(volumes[i]);
        TemplateInfo info{QString::fromUtf8(virStorageVolGetName(volume.get())), m_hostId, 0};
        virStorageVolInfo volumeInfo;
        if (virStorageVolGetInfo(volume.get(), &volumeInfo) == 0)
            info.capacityBytes = qint64(volumeInfo.capacity);
        result.append(info);
    }
    free(volumes); // NOLINT: the array is malloc()ed by libvirt
    return result;
}

Result<QList<StoragePoolInfo>> ComponentDriver::pools()
{
    if (auto ok = checkHost(m_hostId); !ok)
        return ok.error();
    virStoragePoolPtr *pools = nullptr;
    const int count = virConnectListAllStoragePools(m_handles->connection.get(), &pools, 0);
    if (count < 0) {
        return libvirt::lastError(QStringLiteral("libvirt.pools"),
                                  Tr::tr("Cannot list the storage pools of %1").arg(m_hostId));
    }
    QList<StoragePoolInfo> result;
    for (int i = 0; i < count; ++i) {
        const libvirt::Pool pool(pools[i]);
        StoragePoolInfo info;
        info.name = QString::fromUtf8(virStoragePoolGetName(pool.get()));
        info.host = m_hostId;
        virStoragePoolInfo poolInfo;
        if (virStoragePoolGetInfo(pool.get(), &poolInfo) == 0) {
            info.capacityBytes = qint64(poolInfo.capacity);
            info.availableBytes = qint64(poolInfo.available);
        }
        virStorageVolPtr *volumes = nullptr;
        const int count = virStoragePoolListAllVolumes(pool.get(), &volumes, 0);
        if (count < 0) {
            virResetLastError(); // an inactive pool lists no volumes; the pool itself still counts
        } else {
            for (int v = 0; v < count; ++v) {
                const libvirt::Volume volume(volumes[v]);
                info.volumeNames.append(QString::fromUtf8(virStorageVolGetName(volume.get())));
            }
            free(volumes); // NOLINT: malloc()ed by libvirt
        }
        info.volumes = int(info.volumeNames.size());
        result.append(info);
    }
    free(pools); // NOLINT: malloc()ed by libvirt
    return result;
}

QString ComponentDriver::domainXml(const VmSpec &spec, const QString &diskVolume) const
{
    const bool test = isTestDriver();
    QString xml =
        QStringLiteral("<domain type='%1'><name>%2</name><memory unit='MiB'>%3</memory><vcpu>%4</vcpu>")
            .arg(m_handles->domainType, spec.name.toHtmlEscaped())
            .arg(spec.memoryMiB)
            .arg(spec.vcpus);
    if (spec.restartOnPowerOff)
        xml += QStringLiteral("<on_poweroff>restart</on_poweroff>");
    xml += test ? QStringLiteral("<os><type>hvm</type></os><devices>")
                : QStringLiteral("<os><type arch='x86_64'>hvm</type></os><devices>");
    if (!diskVolume.isEmpty()) {
        xml += QStringLiteral("<disk type='volume' device='disk'>");
        if (!test)
            xml += QStringLiteral("<driver name='qemu' type='raw'/>");
        xml += QStringLiteral("<source pool='%1' volume='%2'/><target dev='vda' bus='virtio'/></disk>")
                   .arg(m_options.vmPool.toHtmlEscaped(), diskVolume.toHtmlEscaped());
    }
    // A serial console and no balloon keep a diskless QEMU guest minimal.
    if (!test)
        xml += QStringLiteral("<console type='pty'/><memballoon model='none'/>");
    xml += QStringLiteral("</devices></domain>");
    return xml;
}

Result<void> ComponentDriver::provision(const QString &host, const VmSpec &spec, const StepReporter &report)
{
    if (auto ok = checkHost(host); !ok)
        return ok;
    virConnectPtr conn = m_handles->connection.get();
    constexpr int kSteps = 3;
    QString disk;
    if (report && !report(1, kSteps, Tr::tr("Cloning template %1").arg(spec.templateName)))
        return cancelled();
    // The template path: clone the template volume into the VM pool.
    if (!spec.templateName.isEmpty()) {
        const libvirt::Pool templatePool(
            virStoragePoolLookupByName(conn, m_options.templatePool.toUtf8().constData()));
        if (!templatePool) {
            return libvirt::lastError(QStringLiteral("libvirt.pool"),
                                      Tr::tr("No template pool %1 on %2").arg(m_options.templatePool, host));
        }
        const libvirt::Volume source(
            virStorageVolLookupByName(templatePool.get(), spec.templateName.toUtf8().constData()));
        if (!source) {
            return libvirt::lastError(QStringLiteral("libvirt.template"),
                                      Tr::tr("No template %1 on %2").arg(spec.templateName, host));
        }
        const libvirt::Pool vmPool(virStoragePoolLookupByName(conn, m_options.vmPool.toUtf8().constData()));
        if (!vmPool) {
            return libvirt::lastError(QStringLiteral("libvirt.pool"),
                                      Tr::tr("No VM pool %1 on %2").arg(m_options.vmPool, host));
        }
        virStorageVolInfo info;
        if (virStorageVolGetInfo(source.get(), &info) < 0)
            return libvirt::lastError(QStringLiteral("libvirt.template"),
                                      Tr::tr("Cannot read template %1").arg(spec.templateName));
        disk = diskVolumeName(spec.name);
        const QString volumeXml =
            QStringLiteral("<volume><name>%1</name><capacity unit='bytes'>%2</capacity></volume>")
                .arg(disk.toHtmlEscaped())
                .arg(info.capacity);
        // The test driver only clones within one pool and has no data to copy anyway: there
        // the clone is a new volume of the template's size.
        const libvirt::Volume cloned(
            isTestDriver()
                ? virStorageVolCreateXML(vmPool.get(), volumeXml.toUtf8().constData(), 0)
                : virStorageVolCreateXMLFrom(vmPool.get(), volumeXml.toUtf8().constData(), source.get(), 0));
        if (!cloned) {
            return libvirt::lastError(
                QStringLiteral("libvirt.clone"),
                Tr::tr("Cannot clone template %1 for %2").arg(spec.templateName, spec.name));
        }
    }

    if (report && !report(2, kSteps, Tr::tr("Defining %1 on %2").arg(spec.name, host))) {
        if (!disk.isEmpty())
            (void)deleteDisk(spec.name);
        return cancelled();
    }
    const libvirt::Domain domain(virDomainDefineXML(conn, domainXml(spec, disk).toUtf8().constData()));
    if (!domain) {
        const Error error =
            libvirt::lastError(QStringLiteral("libvirt.define"), Tr::tr("Cannot define %1").arg(spec.name));
        if (!disk.isEmpty())
            (void)deleteDisk(spec.name);
        return error;
    }
    if (report && !report(3, kSteps, Tr::tr("Starting %1").arg(spec.name)))
        return {}; // defined but not started: a cancelled start leaves a stopped VM
    if (virDomainCreate(domain.get()) < 0) {
        // Leave nothing behind that the agent's records do not know about.
        const Error error =
            libvirt::lastError(QStringLiteral("libvirt.start"), Tr::tr("Cannot start %1").arg(spec.name));
        virDomainUndefine(domain.get());
        if (!disk.isEmpty())
            (void)deleteDisk(spec.name);
        virResetLastError();
        return error;
    }
    return {};
}

namespace {
libvirt::Domain lookup(virConnectPtr conn, const QString &name)
{
    return libvirt::Domain(virDomainLookupByName(conn, name.toUtf8().constData()));
}

// The common start of every per-VM operation: the host is ours and reachable, and the VM
// exists there.
Result<libvirt::Domain> findDomain(const Result<void> &hostCheck, virConnectPtr conn, const QString &host,
                                   const QString &name)
{
    if (!hostCheck)
        return hostCheck.error();
    libvirt::Domain domain = lookup(conn, name);
    if (!domain)
        return libvirt::lastError(QStringLiteral("libvirt.lookup"), Tr::tr("Cannot find %1 on %2").arg(name, host));
    return domain;
}
} // namespace

Result<void> ComponentDriver::start(const QString &host, const QString &name)
{
    const auto found = findDomain(checkHost(host), m_handles->connection.get(), host, name);
    if (!found)
        return found.error();
    const libvirt::Domain &domain = *found;
    if (virDomainIsActive(domain.get()) == 1)
        return {};
    if (virDomainCreate(domain.get()) < 0)
        return libvirt::lastError(QStringLiteral("libvirt.start"), Tr::tr("Cannot start %1").arg(name));
    return {};
}

Result<void> ComponentDriver::stop(const QString &host, const QString &name)
{
    const auto found = findDomain(checkHost(host), m_handles->connection.get(), host, name);
    if (!found)
        return found.error();
    const libvirt::Domain &domain = *found;
    if (virDomainIsActive(domain.get()) != 1)
        return {};
    if (virDomainDestroy(domain.get()) < 0)
        return libvirt::lastError(QStringLiteral("libvirt.stop"), Tr::tr("Cannot stop %1").arg(name));
    return {};
}

Result<void> ComponentDriver::shutdown(const QString &host, const QString &name)
{
    const auto found = findDomain(checkHost(host), m_handles->connection.get(), host, name);
    if (!found)
        return found.error();
    const libvirt::Domain &domain = *found;
    if (virDomainIsActive(domain.get()) != 1)
        return {};
    if (virDomainShutdown(domain.get()) < 0)
        return libvirt::lastError(QStringLiteral("libvirt.shutdown"), Tr::tr("Cannot shut down %1").arg(name));
    return {};
}

Result<void> ComponentDriver::reboot(const QString &host, const QString &name)
{
    const auto found = findDomain(checkHost(host), m_handles->connection.get(), host, name);
    if (!found)
        return found.error();
    const libvirt::Domain &domain = *found;
    // A guest without an agent or ACPI handling ignores a reboot request; reset is what a
    // seller's "reboot" button means for a VM it does not look into.
    if (virDomainReset(domain.get(), 0) < 0 && virDomainReboot(domain.get(), 0) < 0)
        return libvirt::lastError(QStringLiteral("libvirt.reboot"), Tr::tr("Cannot reboot %1").arg(name));
    virResetLastError();
    return {};
}

Result<void> ComponentDriver::remove(const QString &host, const QString &name)
{
    const auto found = findDomain(checkHost(host), m_handles->connection.get(), host, name);
    if (!found)
        return found.error();
    const libvirt::Domain &domain = *found;
    if (virDomainIsActive(domain.get()) == 1 && virDomainDestroy(domain.get()) < 0)
        return libvirt::lastError(QStringLiteral("libvirt.stop"), Tr::tr("Cannot stop %1").arg(name));
    if (virDomainUndefine(domain.get()) < 0)
        return libvirt::lastError(QStringLiteral("libvirt.undefine"), Tr::tr("Cannot delete %1").arg(name));
    return deleteDisk(name);
}

Result<void> ComponentDriver::clone(const QString &host, const QString &name, const QString &newName)
{
    if (auto ok = checkHost(host); !ok)
        return ok;
    virConnectPtr conn = m_handles->connection.get();
    const libvirt::Domain domain = lookup(conn, name);
    if (!domain)
        return libvirt::lastError(QStringLiteral("libvirt.lookup"),
                                  Tr::tr("Cannot find %1 on %2").arg(name, host));
    // Copying the disk of a running guest gives an inconsistent image.
    if (virDomainIsActive(domain.get()) == 1) {
        return Error{QStringLiteral("connect.running"), Tr::tr("Stop %1 before cloning it.").arg(name)};
    }
    virDomainInfo info;
    if (virDomainGetInfo(domain.get(), &info) < 0)
        return libvirt::lastError(QStringLiteral("libvirt.info"), Tr::tr("Cannot read %1").arg(name));
    QString disk;
    const libvirt::Pool vmPool(virStoragePoolLookupByName(conn, m_options.vmPool.toUtf8().constData()));
    virResetLastError();
    if (vmPool) {
        const libvirt::Volume source(
            virStorageVolLookupByName(vmPool.get(), diskVolumeName(name).toUtf8().constData()));
        virResetLastError();
        if (source) {
            virStorageVolInfo volumeInfo;
            if (virStorageVolGetInfo(source.get(), &volumeInfo) < 0)
                return libvirt::lastError(QStringLiteral("libvirt.volume"),
                                          Tr::tr("Cannot read the disk of %1").arg(name));
            disk = diskVolumeName(newName);
            const QString xml =
                QStringLiteral("<volume><name>%1</name><capacity unit='bytes'>%2</capacity></volume>")
                    .arg(disk.toHtmlEscaped())
                    .arg(volumeInfo.capacity);
            const libvirt::Volume copy(
                isTestDriver()
                    ? virStorageVolCreateXML(vmPool.get(), xml.toUtf8().constData(), 0)
                    : virStorageVolCreateXMLFrom(vmPool.get(), xml.toUtf8().constData(), source.get(), 0));
            if (!copy)
                return libvirt::lastError(QStringLiteral("libvirt.clone"),
                                          Tr::tr("Cannot copy the disk of %1").arg(name));
        }
    }
    const VmSpec spec{newName, int(info.nrVirtCpu), qint64(info.maxMem) / kKiBPerMiB, {}};
    const libvirt::Domain copy(virDomainDefineXML(conn, domainXml(spec, disk).toUtf8().constData()));
    if (!copy) {
        const Error error =
            libvirt::lastError(QStringLiteral("libvirt.define"), Tr::tr("Cannot define %1").arg(newName));
        if (!disk.isEmpty())
            (void)deleteDisk(newName);
        return error;
    }
    return {};
}

Result<QString> ComponentDriver::inactiveXml(const QString &name)
{
    const auto found = findDomain(checkHost(m_hostId), m_handles->connection.get(), m_hostId, name);
    if (!found)
        return found.error();
    const libvirt::Domain &domain = *found;
    char *xml = virDomainGetXMLDesc(domain.get(), VIR_DOMAIN_XML_INACTIVE);
    if (!xml)
        return libvirt::lastError(QStringLiteral("libvirt.xml"),
                                  Tr::tr("Cannot read the definition of %1").arg(name));
    return libvirt::takeString(xml);
}

Result<void> ComponentDriver::defineXml(const QString &xml)
{
    if (auto ok = checkHost(m_hostId); !ok)
        return ok;
    const libvirt::Domain domain(virDomainDefineXML(m_handles->connection.get(), xml.toUtf8().constData()));
    if (!domain)
        return libvirt::lastError(QStringLiteral("libvirt.define"),
                                  Tr::tr("Cannot define the VM on %1").arg(m_hostId));
    return {};
}

Result<void> ComponentDriver::undefine(const QString &name)
{
    const auto found = findDomain(checkHost(m_hostId), m_handles->connection.get(), m_hostId, name);
    if (!found)
        return found.error();
    const libvirt::Domain &domain = *found;
    if (virDomainUndefine(domain.get()) < 0)
        return libvirt::lastError(QStringLiteral("libvirt.undefine"),
                                  Tr::tr("Cannot undefine %1 on %2").arg(name, m_hostId));
    return {};
}

Result<VmState> ComponentDriver::state(const QString &name)
{
    const auto found = findDomain(checkHost(m_hostId), m_handles->connection.get(), m_hostId, name);
    if (!found)
        return found.error();
    const libvirt::Domain &domain = *found;
    int state = 0;
    int reason = 0;
    if (virDomainGetState(domain.get(), &state, &reason, 0) < 0)
        return libvirt::lastError(QStringLiteral("libvirt.state"),
                                  Tr::tr("Cannot read the state of %1").arg(name));
    return stateFromLibvirt(state);
}

Result<std::optional<qint64>> ComponentDriver::diskCapacity(const QString &name)
{
    if (auto ok = checkHost(m_hostId); !ok)
        return ok.error();
    const libvirt::Pool pool(
        virStoragePoolLookupByName(m_handles->connection.get(), m_options.vmPool.toUtf8().constData()));
    if (!pool) {
        virResetLastError();
        return std::optional<qint64>();
    }
    const libvirt::Volume volume(
        virStorageVolLookupByName(pool.get(), diskVolumeName(name).toUtf8().constData()));
    if (!volume) {
        virResetLastError();
        return std::optional<qint64>();
    }
    virStorageVolInfo info;
    if (virStorageVolGetInfo(volume.get(), &info) < 0)
        return libvirt::lastError(QStringLiteral("libvirt.volume"),
                                  Tr::tr("Cannot read the disk of %1").arg(name));
    return std::optional<qint64>(qint64(info.capacity));
}

Result<void> ComponentDriver::createDisk(const QString &name, qint64 capacityBytes)
{
    if (auto ok = checkHost(m_hostId); !ok)
        return ok;
    const libvirt::Pool pool(
        virStoragePoolLookupByName(m_handles->connection.get(), m_options.vmPool.toUtf8().constData()));
    if (!pool)
        return libvirt::lastError(QStringLiteral("libvirt.pool"),
                                  Tr::tr("No VM pool %1 on %2").arg(m_options.vmPool, m_hostId));
    const QString xml = QStringLiteral("<volume><name>%1</name><capacity unit='bytes'>%2</capacity></volume>")
                            .arg(diskVolumeName(name).toHtmlEscaped())
                            .arg(capacityBytes);
    const libvirt::Volume volume(virStorageVolCreateXML(pool.get(), xml.toUtf8().constData(), 0));
    if (!volume)
        return libvirt::lastError(QStringLiteral("libvirt.volume"),
                                  Tr::tr("Cannot create the disk of %1 on %2").arg(name, m_hostId));
    return {};
}

Result<void> ComponentDriver::deleteDisk(const QString &name)
{
    if (auto ok = checkHost(m_hostId); !ok)
        return ok;
    const libvirt::Pool pool(
        virStoragePoolLookupByName(m_handles->connection.get(), m_options.vmPool.toUtf8().constData()));
    if (!pool) {
        virResetLastError();
        return {};
    }
    const libvirt::Volume volume(
        virStorageVolLookupByName(pool.get(), diskVolumeName(name).toUtf8().constData()));
    if (!volume) {
        virResetLastError(); // diskless VM
        return {};
    }
    if (virStorageVolDelete(volume.get(), 0) < 0)
        return libvirt::lastError(QStringLiteral("libvirt.volume"),
                                  Tr::tr("Cannot delete the disk of %1").arg(name));
    return {};
}

Result<void> ComponentDriver::migrateLive(const QString &name, ComponentDriver &target)
{
    if (auto ok = checkHost(m_hostId); !ok)
        return ok;
    if (auto ok = target.checkHost(target.hostId()); !ok)
        return ok;
    const libvirt::Domain domain = lookup(m_handles->connection.get(), name);
    if (!domain)
        return libvirt::lastError(QStringLiteral("libvirt.lookup"),
                                  Tr::tr("Cannot find %1 on %2").arg(name, m_hostId));
    const unsigned long flags = VIR_MIGRATE_LIVE | VIR_MIGRATE_PERSIST_DEST | VIR_MIGRATE_UNDEFINE_SOURCE |
                                VIR_MIGRATE_NON_SHARED_DISK;
    const libvirt::Domain migrated(
        virDomainMigrate(domain.get(), target.m_handles->connection.get(), flags, nullptr, nullptr, 0));
    if (!migrated) {
        return libvirt::lastError(
            QStringLiteral("libvirt.migrate"),
            Tr::tr("Cannot migrate %1 from %2 to %3").arg(name, m_hostId, target.hostId()));
    }
    return {};
}

} // namespace cloudex::connect
