#pragma once

#include "catalogue/product.h"
#include "connect/inventory.h"
#include "core/result.h"

namespace cloudex::connect {

/// A set of hosts with a separation mode. Hosts in no group form the shared pool.
/// Group-shared: the hosts serve exactly the named tenants. Exclusive: the hosts are
/// dedicated to the one tenant named.
struct HostGroup
{
    QString name;
    catalogue::Tenancy tenancy = catalogue::Tenancy::Shared;
    QStringList hosts;
    QStringList tenants;

    bool operator==(const HostGroup &) const = default;
};

struct PlacementRequest
{
    QString tenant;
    catalogue::Tenancy tenancy = catalogue::Tenancy::Shared;
    int vcpus = 1;
    qint64 memoryMiB = 0;
    QString host; ///< empty: the placement picks; else the only host considered
};

/// Where a VM goes. Pure rules, no I/O: the agent feeds it hosts whose used capacity comes
/// from its records.
class Placement
{
public:
    /// The host with the most free memory (then vCPU, then id) among the online hosts that
    /// separation allows and that have room; otherwise an Error ("placement.*") that says why.
    static Result<QString> place(const PlacementRequest &request, const QList<HostInfo> &hosts,
                                 const QList<HostGroup> &groups);

    /// Separation alone: may `tenant` with `tenancy` run on a host of `group` (nullptr: the
    /// shared pool)?
    static bool allows(const HostGroup *group, const QString &tenant, catalogue::Tenancy tenancy);

    /// A consistent set: names unique and non-empty, a host in one group at most, an
    /// exclusive group naming exactly one tenant, a group-shared group naming at least one.
    static Result<void> validate(const QList<HostGroup> &groups);
};

} // namespace cloudex::connect
