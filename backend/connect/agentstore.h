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

/// A contract of the exchange this site holds, as pulled from the exchange (enforced from
/// these records when the exchange is unreachable).
struct HeldContractRecord
{
    QString id;         ///< "c-000042"
    QString buyer;      ///< participant id; also the buyer's tenant id at this site
    QString seller;
    QString product;    ///< product symbol, e.g. DE.GP2.SH.S1
    QString instrument; ///< instrument symbol, as in the contract certificate
    qint64 quantity = 0;
    qint64 startMs = 0; ///< delivery window
    qint64 endMs = 0;
    QString state;      ///< the exchange's contract state (scheduled, active, ...)
    bool terminated = false;
    qint64 terminatedMs = 0;
    bool atRisk = false;
    QString reservationGroup; ///< the host group reserved (group-shared, exclusive)
    int reservationHosts = 0; ///< hosts the reservation may use
    /// Enforcement after window end, termination or revocation.
    enum Stage { Live = 0, ShutDown = 1, Destroyed = 2, Deleted = 3 };
    int stage = Live;
    qint64 stageMs = 0; ///< when the ACPI shutdown was sent

    bool operator==(const HeldContractRecord &) const = default;
};

/// A VM of a contract: the buyer's name and the libvirt domain "<contract>-<name>".
struct ContractVmRecord
{
    QString contract;
    QString name;
    QString domain;
    QString templateName;
    qint64 createdMs = 0;
    bool operator==(const ContractVmRecord &) const = default;
};

/// A span of time for usage metering: `expected` (the buyer wanted the VM running) or
/// `available` (it ran). endMs 0: still open.
struct UsageInterval
{
    QString contract;
    QString vm;
    QString kind; ///< "expected" or "available"
    qint64 startMs = 0;
    qint64 endMs = 0;
};

/// The last CRL pulled from the exchange, with its times.
/// A VM operation a buyer asked for, and who: the user the contract certificate names.
struct OperationRecord
{
    QString contract;
    QString vm;
    QString operation; ///< create, start, stop, reboot, delete
    QString user;      ///< empty for certificates that name none
    QString serial;    ///< the contract certificate
    qint64 atMs = 0;
};

struct CrlRecord
{
    QByteArray der;
    qint64 thisUpdateMs = 0;
    qint64 nextUpdateMs = 0;
    qint64 fetchedMs = 0;
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

    QList<HeldContractRecord> contracts() const;
    std::optional<HeldContractRecord> contract(const QString &id) const;
    Result<void> saveContract(const HeldContractRecord &contract);

    QList<ContractVmRecord> contractVms(const QString &contract = {}) const;
    Result<void> saveContractVm(const ContractVmRecord &vm);
    Result<void> removeContractVm(const QString &contract, const QString &name);

    QList<UsageInterval> usage(const QString &contract) const;
    /// Opens an interval unless one of the kind is open for the VM.
    Result<void> openInterval(const QString &contract, const QString &vm, const QString &kind, qint64 ms);
    /// Closes the open interval of the kind, if any.
    Result<void> closeInterval(const QString &contract, const QString &vm, const QString &kind, qint64 ms);

    std::optional<CrlRecord> crl() const;
    Result<void> saveCrl(const CrlRecord &crl);

    /// Appends to the enforcement log (contract, step, time, detail).
    Result<void> logOperation(const OperationRecord &operation);
    QList<OperationRecord> operations(const QString &contract) const;
    Result<void> logEnforcement(const QString &contract, const QString &step, qint64 ms, const QString &detail);
    /// (step, detail) of a contract, oldest first.
    QList<QPair<QString, QString>> enforcementLog(const QString &contract) const;

private:
    Result<void> exec(const QString &sql, const QVariantList &values = {}) const;
    Error sqlError(const QString &what) const;

    QString m_connectionName;
};

} // namespace cloudex::connect
