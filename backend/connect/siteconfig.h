#pragma once

#include "connect/agentstore.h"
#include "core/result.h"

namespace cloudex::connect {

class ConnectAgent;

/// The configuration file of a headless site (cloudex-connect), JSON:
///
///     { "embedded": false,
///       "connections": [ {"uri": "qemu:///system", "host": "rack1"},
///                        {"workflow": ["/usr/bin/python3", "wf.py", "--state", "/var/lib/wf.json"]} ],
///       "tenants": [ {"id": "acme", "name": "ACME Corp"} ],
///       "hostGroups": [ {"name": "finance", "tenancy": "GS", "hosts": ["rack1"], "tenants": ["acme"]} ],
///       "reconcileIntervalMs": 15000 }
struct SiteConfig
{
    bool embedded = false; ///< add the simulated test-driver hosts
    QList<ConnectionRecord> connections;
    QList<Tenant> tenants;
    QList<HostGroup> hostGroups;
    int reconcileIntervalMs = 15'000;

    static Result<SiteConfig> load(const QString &file);
    static Result<SiteConfig> parse(const QByteArray &json);

    /// Writes tenants, host groups and connections into the agent's records (replacing
    /// entries of the same key); the records stay the truth between runs.
    Result<void> apply(ConnectAgent &agent) const;
};

} // namespace cloudex::connect
