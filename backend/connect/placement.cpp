#include "placement.h"

#include <QCoreApplication>
#include <QSet>

namespace cloudex::connect {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Connect)
};

using catalogue::Tenancy;

Error refused(const QString &code, const QString &message)
{
    return Error{QStringLiteral("placement.") + code, message};
}

const HostGroup *groupOf(const QString &host, const QList<HostGroup> &groups)
{
    for (const HostGroup &group : groups) {
        if (group.hosts.contains(host))
            return &group;
    }
    return nullptr;
}
} // namespace

bool Placement::allows(const HostGroup *group, const QString &tenant, Tenancy tenancy)
{
    switch (tenancy) {
    case Tenancy::Shared:
        return !group || group->tenancy == Tenancy::Shared;
    case Tenancy::GroupShared:
        return group && group->tenancy == Tenancy::GroupShared && group->tenants.contains(tenant);
    case Tenancy::Exclusive:
        return group && group->tenancy == Tenancy::Exclusive && group->tenants == QStringList{tenant};
    }
    return false;
}

Result<QString> Placement::place(const PlacementRequest &request, const QList<HostInfo> &hosts,
                                 const QList<HostGroup> &groups)
{
    if (request.tenant.isEmpty())
        return refused(QStringLiteral("no-tenant"), Tr::tr("A VM needs an owner tenant."));
    if (request.vcpus <= 0 || request.memoryMiB <= 0)
        return refused(QStringLiteral("size"), Tr::tr("A VM needs at least one vCPU and some memory."));

    QList<const HostInfo *> allowed;
    for (const HostInfo &host : hosts) {
        if (!request.host.isEmpty() && host.id != request.host)
            continue;
        if (allows(groupOf(host.id, groups), request.tenant, request.tenancy))
            allowed.append(&host);
    }
    if (allowed.isEmpty()) {
        if (!request.host.isEmpty()) {
            const bool known = std::any_of(hosts.begin(), hosts.end(),
                                           [&](const HostInfo &h) { return h.id == request.host; });
            if (!known)
                return refused(QStringLiteral("unknown-host"),
                               Tr::tr("There is no host %1.").arg(request.host));
            return refused(QStringLiteral("separation"),
                           Tr::tr("Host %1 is not open to %2 placement for tenant %3.")
                               .arg(request.host, catalogue::tenancyName(request.tenancy), request.tenant));
        }
        switch (request.tenancy) {
        case Tenancy::Shared:
            return refused(QStringLiteral("separation"), Tr::tr("The site has no shared hosts."));
        case Tenancy::GroupShared:
            return refused(QStringLiteral("separation"),
                           Tr::tr("No group-shared host group serves tenant %1.").arg(request.tenant));
        case Tenancy::Exclusive:
            return refused(QStringLiteral("separation"),
                           Tr::tr("No hosts are dedicated to tenant %1.").arg(request.tenant));
        }
    }

    const HostInfo *best = nullptr;
    const HostInfo *roomiest = nullptr;
    int online = 0;
    for (const HostInfo *host : std::as_const(allowed)) {
        if (!host->online)
            continue;
        ++online;
        if (!roomiest || host->freeMemoryMiB() > roomiest->freeMemoryMiB())
            roomiest = host;
        if (host->freeVcpus() < request.vcpus || host->freeMemoryMiB() < request.memoryMiB)
            continue;
        const auto key = [](const HostInfo *h) {
            return std::tuple(h->freeMemoryMiB(), h->freeVcpus());
        };
        if (!best || key(host) > key(best) || (key(host) == key(best) && host->id < best->id))
            best = host;
    }
    if (best)
        return best->id;
    if (online == 0)
        return refused(QStringLiteral("offline"), Tr::tr("Every host that may take this VM is offline."));
    return refused(
        QStringLiteral("capacity"),
        Tr::tr("No allowed host has %1 vCPU and %2 MiB free; the roomiest, %3, has %4 vCPU and %5 MiB.")
            .arg(request.vcpus)
            .arg(request.memoryMiB)
            .arg(roomiest->id)
            .arg(roomiest->freeVcpus())
            .arg(roomiest->freeMemoryMiB()));
}

Result<void> Placement::validate(const QList<HostGroup> &groups)
{
    QSet<QString> names;
    QSet<QString> hosts;
    for (const HostGroup &group : groups) {
        if (group.name.trimmed().isEmpty())
            return Error{QStringLiteral("group.name"), Tr::tr("A host group needs a name.")};
        if (names.contains(group.name))
            return Error{QStringLiteral("group.duplicate"),
                         Tr::tr("There are two host groups named %1.").arg(group.name)};
        names.insert(group.name);
        for (const QString &host : group.hosts) {
            if (hosts.contains(host)) {
                return Error{QStringLiteral("group.host-twice"),
                             Tr::tr("Host %1 is in more than one host group.").arg(host)};
            }
            hosts.insert(host);
        }
        if (group.tenancy == Tenancy::Exclusive && group.tenants.size() != 1) {
            return Error{QStringLiteral("group.exclusive"),
                         Tr::tr("The exclusive host group %1 must name exactly one tenant.").arg(group.name)};
        }
        if (group.tenancy == Tenancy::GroupShared && group.tenants.isEmpty()) {
            return Error{QStringLiteral("group.tenants"),
                         Tr::tr("The group-shared host group %1 must name its tenants.").arg(group.name)};
        }
    }
    return {};
}

} // namespace cloudex::connect
