#pragma once

#include "catalogue/deliveryperiod.h"
#include "catalogue/product.h"
#include "connect/inventory.h"
#include "connect/placement.h"
#include "core/result.h"

#include <QSet>

#include <functional>
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

    bool operator==(const ConnectionRecord &) const = default;
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

/// A rolling run of delivery periods an offer sells: the next `count` periods of `kind`
/// that have not started (H 12: the next twelve hours; D 7: the next seven days).
struct OfferWindow
{
    catalogue::PeriodKind kind = catalogue::PeriodKind::Hour;
    int count = 0;
    bool operator==(const OfferWindow &) const = default;
};

/// "H12,D7" and back; parse() refuses an unknown letter or a count outside 1..366.
QString offerWindowsText(const QList<OfferWindow> &windows);
Result<QList<OfferWindow>> parseOfferWindows(QStringView text);

/// What the site offers on the exchange (docs/CONNECT-API.md, "Offers"): a product, the
/// delivery periods it sells (rolling windows), a quantity cap per period and a price, fixed
/// or linked to the product's spot index. The agent keeps its asks on the exchange
/// (OfferTrader) as far as the pool's free capacity allows (OfferBook).
struct Offer
{
    enum class PriceMode : quint8 { Fixed, SpotLinked };

    QString product;           ///< product symbol, for example DE.GP2.SH.S1
    int reservedInstances = 0; ///< the quantity cap: instances per delivery period at most
    QList<OfferWindow> windows; ///< empty: kept locally, nothing is asked on the exchange
    PriceMode priceMode = PriceMode::Fixed;
    qint64 priceTicks = 0;      ///< fixed price, ticks of 0.0001 EUR per instance-hour
    int markupBasisPoints = 0;  ///< spot-linked: spot × (1 + markup/10000), may be negative
    qint64 floorTicks = 0;      ///< spot-linked: lowest price (0: none)
    qint64 capTicks = 0;        ///< spot-linked: highest price (0: none)
    QString pool; ///< host group sold from (group-shared, exclusive); empty: the default
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
    /// A second connection to records another AgentStore opened (WAL: it reads while the
    /// other writes), for reading on another thread: no schema, no migration, no writes.
    Result<void> openForReading(const QString &file);
    bool isOpen() const;
    /// PRAGMA user_version after open(): 1 since offers carry periods and prices.
    int schemaVersion() const;
    /// Runs `work` in one transaction (a bulk import: one commit instead of one per row),
    /// rolled back when it fails. `work` must not call saveHostGroup() or replaceTemplates(),
    /// which open transactions of their own.
    Result<void> inTransaction(const std::function<Result<void>()> &work);

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
    /// vCPUs and memory (MiB) the VM records on `host` account (by index, not a scan).
    std::pair<qint64, qint64> hostUsage(const QString &host) const;
    /// Per host, the vCPUs and memory (MiB) of the site's own VMs: the records that are no
    /// contract's VM (summed in SQLite, without reading the records out).
    QHash<QString, std::pair<qint64, qint64>> ownVmUsageByHost() const;

    QList<TemplateInfo> templates() const;
    Result<void> replaceTemplates(const QList<TemplateInfo> &templates);

    QList<Offer> offers() const;
    /// 0 reserved instances removes the offer.
    Result<void> saveOffer(const Offer &offer);

    QList<HeldContractRecord> contracts() const;
    /// The contracts not terminated whose window ends after `nowMs`.
    QList<HeldContractRecord> contractsRunningAfter(qint64 nowMs) const;
    std::optional<HeldContractRecord> contract(const QString &id) const;
    Result<void> saveContract(const HeldContractRecord &contract);

    QList<ContractVmRecord> contractVms(const QString &contract = {}) const;
    Result<void> saveContractVm(const ContractVmRecord &vm);
    Result<void> removeContractVm(const QString &contract, const QString &name);

    QList<UsageInterval> usage(const QString &contract) const;
    /// "<contract>/<vm>" of every VM with an open interval of `kind`.
    QSet<QString> openIntervals(const QString &kind) const;
    /// Opens an interval unless one of the kind is open for the VM.
    Result<void> openInterval(const QString &contract, const QString &vm, const QString &kind, qint64 ms);
    /// Closes the open interval of the kind, if any.
    Result<void> closeInterval(const QString &contract, const QString &vm, const QString &kind, qint64 ms);

    std::optional<CrlRecord> crl() const;
    Result<void> saveCrl(const CrlRecord &crl);

    /// Records a VM operation with the user behind it (vm_operations).
    Result<void> logOperation(const OperationRecord &operation);
    QList<OperationRecord> operations(const QString &contract) const;
    /// The VM operations recorded after record number `after` (their rowid), oldest first,
    /// at most `limit`, with their record numbers: what the site reports to the exchange.
    QList<std::pair<qint64, OperationRecord>> operationsAfter(qint64 after, int limit) const;
    /// The last record a report to the exchange (`report`, e.g. "vm-operations") carried; 0: none.
    qint64 reportedThrough(const QString &report) const;
    Result<void> setReportedThrough(const QString &report, qint64 last);
    Result<void> logEnforcement(const QString &contract, const QString &step, qint64 ms, const QString &detail);
    /// (step, detail) of a contract, oldest first.
    QList<QPair<QString, QString>> enforcementLog(const QString &contract) const;

private:
    /// Adds and opens this store's connection to `file`.
    Result<QSqlDatabase> connect(const QString &file);
    Result<void> migrate();
    Result<void> exec(const QString &sql, const QVariantList &values = {}) const;
    Error sqlError(const QString &what) const;

    QString m_connectionName;
};

} // namespace cloudex::connect
