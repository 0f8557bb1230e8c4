#pragma once

#include "connect/hypervisordriver.h"

#include <QMutex>

#include <memory>

namespace cloudex::connect {

/// Component level: one libvirt URI, one host (`test:///abs/host1.xml`, `qemu:///system`,
/// `qemu+ssh://host/system`). Templates are the volumes of the template pool; a VM's disk
/// is a clone named `<vm>.img` in the VM pool. Remote URIs get libvirt keepalive.
class ComponentDriver final : public HypervisorDriver
{
public:
    struct Options
    {
        QString uri;
        QString hostId; ///< empty: derived from the URI (file base name or host name)
        QString templatePool = QStringLiteral("templates");
        QString vmPool = QStringLiteral("vms");
    };

    explicit ComponentDriver(Options options);
    ~ComponentDriver() override;

    QString kind() const override { return QStringLiteral("component"); }
    Result<void> open() override;
    bool isOpen() const override;
    QList<HostInfo> hosts() override;
    Result<QList<VmInfo>> domains() override;
    /// One lookup and one stats call, whatever the number of domains on the host.
    Result<std::optional<VmInfo>> domain(const QString &host, const QString &name) override;
    Result<QList<TemplateInfo>> templates() override;
    Result<QList<StoragePoolInfo>> pools() override;
    Result<void> provision(const QString &host, const VmSpec &spec, const StepReporter &report) override;
    Result<void> start(const QString &host, const QString &name) override;
    Result<void> stop(const QString &host, const QString &name) override;
    Result<void> shutdown(const QString &host, const QString &name) override;
    Result<void> reboot(const QString &host, const QString &name) override;
    Result<void> remove(const QString &host, const QString &name) override;
    Result<void> clone(const QString &host, const QString &name, const QString &newName) override;

    QString hostId() const { return m_hostId; }
    QString uri() const { return m_options.uri; }
    /// libvirt's test driver: no migration, no jobs, state lost on close.
    bool isTestDriver() const;

    // Steps of a migration, driven by ComponentManager.
    Result<QString> inactiveXml(const QString &name);
    Result<void> defineXml(const QString &xml);
    Result<void> undefine(const QString &name);
    Result<VmState> state(const QString &name);
    /// Capacity of the VM's disk volume, or nullopt for a diskless VM.
    Result<std::optional<qint64>> diskCapacity(const QString &name);
    Result<void> createDisk(const QString &name, qint64 capacityBytes);
    Result<void> deleteDisk(const QString &name);
    /// Live migration to `target` (real daemons only), copying non-shared storage.
    Result<void> migrateLive(const QString &name, ComponentDriver &target);

    static QString diskVolumeName(const QString &vmName) { return vmName + QStringLiteral(".img"); }

private:
    struct Handles;
    Result<void> checkHost(const QString &host) const;
    QString domainXml(const VmSpec &spec, const QString &diskVolume) const;

    Options m_options;
    QString m_hostId;
    std::unique_ptr<Handles> m_handles;
    QString m_lastError;
};

} // namespace cloudex::connect
