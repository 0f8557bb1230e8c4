#pragma once

#include "catalogue/product.h"
#include "connect/inventory.h"
#include "connect/placement.h"
#include "core/result.h"

#include <QSqlDatabase>

namespace cloudex::connect {

struct Tenant
{
    QString id; ///< stable key: "acme"
    QString name;
    bool operator==(const Tenant &) const = default;
};

/// A hypervisor front the site connects: a libvirt URI, or a workflow command line.
struct ConnectionRecord
{
    enum class Kind { Libvirt, Workflow };
    Kind kind = Kind::Libvirt;
    QString key;         ///< the URI, or the workflow command joined by spaces
    QStringList command; ///< workflow only
    QString hostId;      ///< libvirt only; empty: derived from the URI
};

/// A VM the agent placed: its owner, where it runs and what it is made of. The source of
/// truth from which lost VMs are re-created.
struct VmRecord
{
    QString name;
    QString tenant;
    QString host;
    catalogue::Tenancy tenancy = catalogue::Tenancy::Shared;
    QString templateName;
    int vcpus = 1;
    qint64 memoryMiB = 0;
    bool running = true; ///< desired state
    qint64 createdMs = 0;

    bool operator==(const VmRecord &) const = default;
};

/// What the site offers on the exchange: a product and the instances reserved for it.
struct Offer
{
    QString product; ///< product symbol, for example DE.GP2.SH.S1
    int reservedInstances = 0;
    bool operator==(const Offer &) const = default;
};

/// The connect agent's records in SQLite (connect.sqlite in the data directory): tenants,
/// host groups, connections, placed VMs, templates seen and offers. Synchronous and small;
/// used from the agent's thread only.
class AgentStore
{
public:
    AgentStore();
    ~AgentStore();
    AgentStore(const AgentStore &) = delete;
    AgentStore &operator=(const AgentStore &) = delete;

    /// Opens or creates the database file; ":memory:" for tests.
    Result<void> open(const QString &file);
    bool isOpen() const;

    QList<Tenant> tenants() const;
    Result<void> saveTenant(const Tenant &tenant);
    /// Refused while the tenant owns VMs or is named by a host group.
    Result<void> removeTenant(const QString &id);
    bool hasTenant(const QString &id) const;

    QList<HostGroup> hostGroups() const;
    /// Replaces a group of the same name; the whole set must stay valid (Placement::validate).
    Result<void> saveHostGroup(const HostGroup &group);
    Result<void> removeHostGroup(const QString &name);

    QList<ConnectionRecord> connections() const;
    Result<void> saveConnection(const ConnectionRecord &connection);
    Result<void> removeConnection(const QString &key);

    QList<VmRecord> vms() const;
    std::optional<VmRecord> vm(const QString &name) const;
    Result<void> saveVm(const VmRecord &vm);
    Result<void> removeVm(const QString &name);

    QList<TemplateInfo> templates() const;
    Result<void> replaceTemplates(const QList<TemplateInfo> &templates);

    QList<Offer> offers() const;
    /// 0 reserved instances removes the offer.
    Result<void> saveOffer(const Offer &offer);

private:
    Result<void> exec(const QString &sql, const QVariantList &values = {}) const;
    Error sqlError(const QString &what) const;

    QString m_connectionName;
};

} // namespace cloudex::connect
