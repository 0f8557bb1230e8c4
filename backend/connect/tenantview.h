#pragma once

#include "connect/connectagent.h"

#include <QPointer>

namespace cloudex::connect {

/// What one tenant may see and touch at a site: its own VMs only. Another tenant's VM is
/// reported as absent, never as forbidden, so names do not leak. Provisioning is forced to
/// the tenant. A contract-scoped view (a later issue) is the same with `maxVms` set to the
/// contract's volume; a networked API serves one view per authenticated caller.
class TenantView
{
public:
    TenantView(ConnectAgent *agent, QString tenant, int maxVms = -1);

    QString tenant() const { return m_tenant; }
    QList<VmInfo> vms() const;
    std::optional<VmInfo> vm(const QString &name) const;

    ConnectJob *provision(ProvisionRequest request);
    ConnectJob *start(const QString &name);
    ConnectJob *stop(const QString &name);
    ConnectJob *reboot(const QString &name);
    ConnectJob *remove(const QString &name);

private:
    bool owns(const QString &name) const;
    ConnectJob *refuse(const QString &name) const;

    QPointer<ConnectAgent> m_agent;
    QString m_tenant;
    int m_maxVms;
};

} // namespace cloudex::connect
