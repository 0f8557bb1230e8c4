#pragma once

#include "connect/hypervisordriver.h"

#include <QHash>

#include <memory>
#include <vector>

namespace cloudex::connect {

class ComponentDriver;

/// Component-manager level: many hosts behind one front. Routes each call to the member
/// driver that owns the host, and moves VMs between hosts: live migration between real
/// daemons, cold migration done by the agent itself where libvirt cannot migrate (the test
/// driver): stop, define on the target, move the volume, undefine on the source, start.
class ComponentManager final : public HypervisorDriver
{
public:
    ComponentManager();
    ~ComponentManager() override;

    /// Takes a member; its events are forwarded through this front. Events can arrive as
    /// soon as a driver is open, so a driver opened before it is added must have been given
    /// eventForwarder() first; add() installs it only on drivers that are not open yet.
    void add(std::unique_ptr<HypervisorDriver> driver, const QString &key);
    /// Passes a member's events on to this front's handler.
    DomainEventHandler eventForwarder();
    /// Removes the member added under `key`; false when there is none.
    bool remove(const QString &key);
    QStringList keys() const;
    HypervisorDriver *member(const QString &key) const;

    QString kind() const override { return QStringLiteral("manager"); }
    /// Opens every member; the first failure is returned, the others still get opened.
    Result<void> open() override;
    bool isOpen() const override;
    QList<HostInfo> hosts() override;
    /// The VMs of every readable member (inventory passes use domainsOf(), which says
    /// which hosts could not be read).
    Result<QList<VmInfo>> domains() override;
    /// Asks the member that owns `host` only.
    Result<std::optional<VmInfo>> domain(const QString &host, const QString &name) override;
    /// The VMs of the member added under `key` (an inventory pass reads one member at a
    /// time, so that operations queued meanwhile run in between); a member that cannot be
    /// read puts its hosts into `errors` (host id -> error). No such member, or offline: none.
    QList<VmInfo> domainsOf(const QString &key, QHash<QString, QString> &errors);
    Result<QList<TemplateInfo>> templates() override;
    Result<QList<StoragePoolInfo>> pools() override;
    Result<void> provision(const QString &host, const VmSpec &spec, const StepReporter &report) override;
    Result<void> start(const QString &host, const QString &name) override;
    Result<void> stop(const QString &host, const QString &name) override;
    Result<void> shutdown(const QString &host, const QString &name) override;
    Result<void> reboot(const QString &host, const QString &name) override;
    Result<void> remove(const QString &host, const QString &name) override;
    Result<void> clone(const QString &host, const QString &name, const QString &newName) override;
    Result<void> migrate(const QString &name, const QString &fromHost, const QString &toHost,
                         const StepReporter &report) override;

private:
    struct Member
    {
        QString key;
        std::unique_ptr<HypervisorDriver> driver;
    };
    Result<HypervisorDriver *> route(const QString &host);
    Result<void> migrateCold(const QString &name, ComponentDriver &from, ComponentDriver &to,
                             const StepReporter &report);

    std::vector<Member> m_members;
    QHash<QString, HypervisorDriver *> m_hostOwner;
};

} // namespace cloudex::connect
