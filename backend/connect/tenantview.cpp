#include "tenantview.h"

#include <QCoreApplication>
#include <QTimer>

namespace cloudex::connect {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Connect)
};

ConnectJob *failedJob(QObject *parent, const Error &error)
{
    auto job = new ConnectJob(error.message, parent);
    // Finish asynchronously like every other job, so callers can connect first.
    QTimer::singleShot(0, job, [job, error] { job->finish(error); });
    return job;
}
} // namespace

TenantView::TenantView(ConnectAgent *agent, QString tenant, int maxVms)
    : m_agent(agent)
    , m_tenant(std::move(tenant))
    , m_maxVms(maxVms)
{}

QList<VmInfo> TenantView::vms() const
{
    QList<VmInfo> result;
    if (!m_agent)
        return result;
    for (const VmInfo &vm : m_agent->inventory().vms) {
        if (vm.tenant == m_tenant)
            result.append(vm);
    }
    return result;
}

std::optional<VmInfo> TenantView::vm(const QString &name) const
{
    for (const VmInfo &vm : vms()) {
        if (vm.name == name)
            return vm;
    }
    return std::nullopt;
}

bool TenantView::owns(const QString &name) const
{
    if (!m_agent)
        return false;
    const auto record = m_agent->store().vm(name);
    return record && record->tenant == m_tenant;
}

ConnectJob *TenantView::refuse(const QString &name) const
{
    return failedJob(m_agent,
                     Error{QStringLiteral("connect.not-found"), Tr::tr("There is no VM %1.").arg(name)});
}

ConnectJob *TenantView::provision(ProvisionRequest request)
{
    if (!m_agent)
        return nullptr;
    if (m_maxVms >= 0) {
        int owned = 0;
        for (const VmRecord &vm : m_agent->store().vms())
            owned += vm.tenant == m_tenant ? 1 : 0;
        if (owned >= m_maxVms) {
            return failedJob(m_agent,
                             Error{QStringLiteral("tenant.volume"),
                                   Tr::tr("Tenant %1 already runs its %2 VMs.").arg(m_tenant).arg(m_maxVms)});
        }
    }
    // A name taken by another tenant is refused like any taken name, without saying whose.
    request.tenant = m_tenant;
    return m_agent->provision(request);
}

ConnectJob *TenantView::start(const QString &name)
{
    return owns(name) ? m_agent->startVm(name) : refuse(name);
}

ConnectJob *TenantView::stop(const QString &name)
{
    return owns(name) ? m_agent->stopVm(name) : refuse(name);
}

ConnectJob *TenantView::reboot(const QString &name)
{
    return owns(name) ? m_agent->rebootVm(name) : refuse(name);
}

ConnectJob *TenantView::remove(const QString &name)
{
    return owns(name) ? m_agent->removeVm(name) : refuse(name);
}

} // namespace cloudex::connect
