#pragma once

#include "api/enums.h"
#include "api/jsonobjectreader.h"
#include "api/settlement.h"
#include "api/usage.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

/// The connect API's objects (docs/CONNECT-API.md, section 2) and the exchange's usage and
/// settlement objects (section 1): what the buyer's deploy client reads from a site and the
/// site's agent writes. Field names and sets exactly as the document has them.
namespace cloudex::api {

/// A VM's state at its site (`deleted` is a tombstone, only in `since` answers; `scheduled`:
/// defined before the contract's window, created and started by the site when it opens).
enum class VmState { Creating, Stopped, Starting, Running, Stopping, Deleting, Deleted, Failed, Scheduled };
/// What a connect job does.
enum class VmOperation { Create, Start, Stop, Reboot, Delete };
/// Where a connect job is.
enum class JobState { Running, Done, Failed, Cancelled };

template<> struct WireNames<VmState>
{
    static constexpr std::array names{
        QLatin1StringView("creating"), QLatin1StringView("stopped"),  QLatin1StringView("starting"),
        QLatin1StringView("running"),  QLatin1StringView("stopping"), QLatin1StringView("deleting"),
        QLatin1StringView("deleted"),  QLatin1StringView("failed"),   QLatin1StringView("scheduled")};
};
template<> struct WireNames<VmOperation>
{
    static constexpr std::array names{QLatin1StringView("create"), QLatin1StringView("start"),
                                      QLatin1StringView("stop"), QLatin1StringView("reboot"),
                                      QLatin1StringView("delete")};
};
template<> struct WireNames<JobState>
{
    static constexpr std::array names{QLatin1StringView("running"), QLatin1StringView("done"),
                                      QLatin1StringView("failed"), QLatin1StringView("cancelled")};
};

/// The size a contract's product gives every VM.
struct InstanceClass
{
    QString code;
    qint64 vcpus = 0;
    qint64 memoryMiB = 0;
    qint64 diskGiB = 0;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<InstanceClass> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const InstanceClass &) const = default;
};

/// The hosts a site set aside for a contract.
struct Reservation
{
    QString tenancy;
    QString group; ///< optional: empty when the site names none
    qint64 hosts = 0;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<Reservation> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const Reservation &) const = default;
};

/// `GET /v1/contract`: the contract as the site holds it.
struct HeldContract
{
    QString id;
    QString product;
    InstanceClass instanceClass;
    QString tenancy;
    qint64 quantity = 0;
    qint64 deliveryStart = 0;
    qint64 deliveryEnd = 0;
    ContractState state = ContractState::Scheduled;
    qint64 graceSeconds = 0;
    qint64 retentionSeconds = 0;
    qint64 vmsDefined = 0;
    qint64 vmsRunning = 0;
    bool atRisk = false;
    Reservation reservation;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<HeldContract> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const HeldContract &) const = default;
};

/// A disk image the site offers.
struct Template
{
    QString name;
    qint64 sizeGiB = 0;
    QString format;

    static constexpr QLatin1StringView kListKey{"templates"};
    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<Template> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const Template &) const = default;
};

/// One VM of the contract.
struct Vm
{
    QString name;
    QString templateName; ///< "template" on the wire; empty for a diskless VM
    VmState state = VmState::Creating;
    qint64 vcpus = 0;
    qint64 memoryMiB = 0;
    qint64 diskGiB = 0;
    std::optional<qint64> runningSince; ///< Unix seconds, while running
    std::optional<qint64> startsAt;     ///< Unix seconds, while scheduled: the window's start
    qint64 seq = 0;

    static constexpr QLatin1StringView kListKey{"vms"};
    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<Vm> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const Vm &) const = default;
};

/// `GET /v1/vms[?since=S&wait=W]`: the VMs (changed after `since`, tombstones included)
/// and the site's sequence to poll from next.
struct VmList
{
    qint64 seq = 0;
    QList<Vm> vms;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<VmList> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const VmList &) const = default;
};

/// `POST /v1/vms`.
struct VmCreateRequest
{
    QString name;
    QString templateName; ///< "template" on the wire; "" is a diskless VM

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<VmCreateRequest> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const VmCreateRequest &) const = default;
};

/// Why a connect job failed.
struct JobError
{
    QString code;
    QString detail;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<JobError> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const JobError &) const = default;
};

/// The connect API's `Job` object (`202` answers, `GET /v1/jobs/{id}`): a long operation at
/// the site as the site reports it.
struct ConnectJobState
{
    QString id;
    VmOperation operation = VmOperation::Create;
    QString vm;
    JobState state = JobState::Running;
    int progress = 0; ///< 0..100
    std::optional<JobError> error;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<ConnectJobState> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const ConnectJobState &) const = default;
};

/// `GET /v1/usage` at the site.
struct Usage
{
    QString contractId;
    qint64 deliveryStart = 0;
    qint64 deliveryEnd = 0;
    qint64 availabilityBasisPoints = 0;
    QList<UsageHour> hours;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<Usage> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const Usage &) const = default;
};

} // namespace cloudex::api
