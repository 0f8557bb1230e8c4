#pragma once

#include "catalogue/product.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace cloudex::connect {

enum class VmState : quint8 {
    Unknown,
    Stopped,
    Running,
    Paused,
    Missing, ///< recorded by the agent but not (yet) present on its host
};

QString vmStateKey(VmState state);  ///< stable: "running", "stopped", ...
QString vmStateName(VmState state); ///< translated

/// One host as the drivers see it, with the capacity the agent's records account to it.
struct HostInfo
{
    QString id;     ///< unique within a site: "host1"
    QString uri;    ///< libvirt URI or workflow command line
    QString driver; ///< "test", "QEMU", "workflow"
    bool online = false;
    QString status; ///< last error or empty
    int cpus = 0;
    qint64 memoryMiB = 0;
    // Filled in by the agent from its records:
    int usedVcpus = 0;
    qint64 usedMemoryMiB = 0;
    QString group;
    catalogue::Tenancy tenancy = catalogue::Tenancy::Shared;

    int freeVcpus() const { return cpus - usedVcpus; }
    qint64 freeMemoryMiB() const { return memoryMiB - usedMemoryMiB; }
    /// The larger of CPU and memory use, in percent.
    int utilisationPercent() const;

    bool operator==(const HostInfo &) const = default;
};

/// A domain as found on a host (driver view) merged with the agent's record (owner).
struct VmInfo
{
    QString name;
    QString host;
    VmState state = VmState::Unknown;
    int vcpus = 0;
    qint64 memoryMiB = 0;
    QString tenant; ///< empty: not placed by the agent (foreign domain)
    QString templateName;
    QString disk; ///< volume name in the VM pool; empty for diskless VMs

    bool operator==(const VmInfo &) const = default;
};

struct TemplateInfo
{
    QString name; ///< volume name in the template pool
    QString host;
    qint64 capacityBytes = 0;

    bool operator==(const TemplateInfo &) const = default;
};

struct StoragePoolInfo
{
    QString name;
    QString host;
    qint64 capacityBytes = 0;
    qint64 availableBytes = 0;
    int volumes = 0;
    QStringList volumeNames; ///< templates in the template pool, VM disks in the VM pool

    bool operator==(const StoragePoolInfo &) const = default;
};

/// What a VM is made of, as the agent asks a driver to create it.
struct VmSpec
{
    QString name;
    int vcpus = 1;
    qint64 memoryMiB = 64;
    QString templateName; ///< empty: diskless
    /// The domain restarts when its guest powers off (<on_poweroff>restart</on_poweroff>): a
    /// test facility that makes libvirt's test driver ignore an ACPI shutdown like a real guest may.
    bool restartOnPowerOff = false;
};

struct Inventory
{
    QList<HostInfo> hosts;
    QList<VmInfo> vms;
    QList<TemplateInfo> templates;
    QList<StoragePoolInfo> pools;
};

} // namespace cloudex::connect

Q_DECLARE_METATYPE(cloudex::connect::Inventory)
