#pragma once

#include "connect/inventory.h"
#include "core/result.h"

#include <functional>

namespace cloudex::connect {

/// Reports one step of a multi-step operation ("Creating the volume on host2", 2 of 5).
/// Returns false when the caller asked to cancel; the operation then stops between steps.
using StepReporter = std::function<bool(int step, int steps, const QString &text)>;

/// A domain lifecycle change pushed by a driver (from libvirt's event loop thread).
struct DomainEvent
{
    QString host;
    QString name;
    VmState state = VmState::Unknown;
    bool undefined = false;
};
using DomainEventHandler = std::function<void(const DomainEvent &)>;

/// One front to hypervisors, at three levels (whitepaper): a component (one libvirt URI,
/// one host), a component manager (many hosts behind one front, with migration) and a
/// workflow (an external command with JSON in and out).
///
/// Calls block and run on the agent's worker thread, never on the GUI thread. Every
/// failure is an Error carrying the hypervisor's own message. Hosts are addressed by the
/// ids that hosts() reports.
class HypervisorDriver
{
public:
    virtual ~HypervisorDriver() = default;

    virtual QString kind() const = 0; ///< "component", "manager", "workflow"
    /// Connects (or checks the workflow command); safe to call again after a failure.
    virtual Result<void> open() = 0;
    virtual bool isOpen() const = 0;

    /// Hosts with CPU and memory; an unreachable host is listed offline with its error.
    virtual QList<HostInfo> hosts() = 0;
    /// Every domain on every host, state in bulk.
    virtual Result<QList<VmInfo>> domains() = 0;
    /// One domain of `host` (nullopt: the host has none of that name), for the inventory
    /// after an operation on one VM. The default filters domains(); drivers that can ask
    /// for one domain do.
    virtual Result<std::optional<VmInfo>> domain(const QString &host, const QString &name);
    virtual Result<QList<TemplateInfo>> templates() = 0;
    virtual Result<QList<StoragePoolInfo>> pools() = 0;

    /// Clones the template volume (if any), defines and starts the VM on `host`.
    virtual Result<void> provision(const QString &host, const VmSpec &spec, const StepReporter &report) = 0;
    virtual Result<void> start(const QString &host, const QString &name) = 0;
    /// Hard stop (destroy); the definition stays.
    virtual Result<void> stop(const QString &host, const QString &name) = 0;
    /// Asks the guest to shut down (ACPI); returns at once. Drivers without it stop hard.
    virtual Result<void> shutdown(const QString &host, const QString &name) { return stop(host, name); }
    virtual Result<void> reboot(const QString &host, const QString &name) = 0;
    /// Stops if needed, undefines and deletes the VM's volume.
    virtual Result<void> remove(const QString &host, const QString &name) = 0;
    /// A stopped copy with a copy of the disk, on the same host.
    virtual Result<void> clone(const QString &host, const QString &name, const QString &newName) = 0;
    /// Moves a VM between two hosts of this front.
    virtual Result<void> migrate(const QString &name, const QString &fromHost, const QString &toHost,
                                 const StepReporter &report);

    /// Lifecycle events; the handler runs on a libvirt or worker thread.
    void setEventHandler(DomainEventHandler handler) { m_eventHandler = std::move(handler); }

protected:
    void notify(const DomainEvent &event) const
    {
        if (m_eventHandler)
            m_eventHandler(event);
    }
    DomainEventHandler m_eventHandler;
};

} // namespace cloudex::connect
