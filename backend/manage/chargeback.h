#pragma once

#include "api/spothistory.h"
#include "api/usage.h"
#include "core/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVariantList>

#include <optional>
#include <vector>

/// Chargeback (issue #14): the buyer's end customers (cost centres or a reseller's
/// customers), their price plans, which contract and VM each one gets, and the monthly
/// statements. Money is integer ticks of 0.0001 EUR end to end; the rounding rules are in
/// docs/CHARGEBACK.md and the functions below.
namespace cloudex::manage {

/// Exact intermediate sums (rate × seconds over a month of 10,000 VMs stays far inside).
__extension__ typedef __int128 Wide;

/// How a customer is charged per instance-hour.
enum class PlanKind {
    Fixed,      ///< `rate` ticks per instance-hour
    CostPlus,   ///< the contract's price × (1 + markup)
    SpotLinked, ///< the product's spot index × (1 + markup), kept between floor and cap
};
QString toWire(PlanKind kind);
std::optional<PlanKind> planKindFromWire(const QString &wire);

struct PricePlan
{
    PlanKind kind = PlanKind::Fixed;
    qint64 rate = 0;           ///< fixed: ticks per instance-hour
    int markupBasisPoints = 0; ///< cost-plus and spot-linked: 250 = +2.5 %; -10,000 … 100,000
    qint64 floor = 0;          ///< spot-linked: ticks per instance-hour, 0 = none
    qint64 cap = 0;            ///< spot-linked: ticks per instance-hour, 0 = none

    Result<void> validate() const;
    /// "fixed 1.2500 EUR/h", "cost-plus +10.00 %", "spot +5.00 % (floor …, cap …)".
    QString describe() const;
    bool operator==(const PricePlan &) const = default;
};

struct Customer
{
    QString id;   ///< [a-z0-9][a-z0-9-]{0,39}
    QString name; ///< for people; no control characters
    PricePlan plan;

    Result<void> validate() const;
    bool operator==(const Customer &) const = default;
};

/// What chargeback needs to know of a contract: its product (for the spot index) and its
/// price (the cost a customer's charge is set against).
struct ContractInfo
{
    QString id;
    QString product;
    qint64 price = 0; ///< ticks per instance-hour
    bool operator==(const ContractInfo &) const = default;
};

/// Which customer pays for what: a default per contract, overridden per VM.
struct Assignments
{
    QHash<QString, QString> contracts;           ///< contract → customer
    QHash<QString, QHash<QString, QString>> vms; ///< contract → VM → customer

    /// The VM's override, else its contract's default, else empty (unassigned).
    QString customerFor(const QString &contract, const QString &vm) const;
};

/// One measured hour of a VM (from the site's `GET /v1/usage`).
struct UsageSlot
{
    qint64 start = 0;           ///< Unix seconds
    qint64 instanceSeconds = 0; ///< 0 … 3,600
    bool operator==(const UsageSlot &) const = default;
};

/// A VM's measured hours (any order).
struct VmUsage
{
    QString contract;
    QString vm;
    std::vector<UsageSlot> hours;
};

/// A product's spot index as known over time: `at(t)` is the last sample known at or
/// before `t` (0 before the first).
class SpotSeries
{
public:
    /// From the exchange's history: a point is the index at the end of its step, so it is
    /// known from `time + step` on (1h resolution: the point of 09:00 is the spot at 10:00).
    static SpotSeries fromHistory(const api::SpotHistory &history);
    void add(qint64 knownAt, qint64 price);
    qint64 at(qint64 time) const;
    const std::vector<std::pair<qint64, qint64>> &samples() const { return m_samples; }
    bool isEmpty() const { return m_samples.empty(); }

private:
    std::vector<std::pair<qint64, qint64>> m_samples; ///< (known at, ticks), by time
};

/// A calendar month in UTC.
struct Month
{
    int year = 1970;
    int month = 1;

    static Result<Month> parse(const QString &text); ///< "YYYY-MM"
    static Month containing(qint64 unixSeconds);
    QString toString() const;
    qint64 start() const; ///< Unix seconds of the 1st, 00:00 UTC
    qint64 end() const;   ///< start of the next month
    Month next() const;
    Month previous() const;
    bool operator==(const Month &) const = default;
};

/// One VM's month on a statement.
struct StatementLine
{
    QString contract;
    QString vm;
    QString product;
    qint64 instanceSeconds = 0;
    qint64 rate = 0;          ///< ticks per instance-hour; the average for spot-linked plans
    qint64 amount = 0;        ///< ticks, charged to the customer
    qint64 contractPrice = 0; ///< ticks per instance-hour
    qint64 cost = 0;          ///< ticks, what the instance-hours cost under the contract

    qint64 margin() const { return amount - cost; }
    /// Instance-hours in hundredths, rounded half away from zero (for display).
    qint64 centiHours() const;
    bool operator==(const StatementLine &) const = default;
};

/// A customer's statement for one month. Totals are the sums of the lines.
struct Statement
{
    QString customerId;
    QString customerName;
    QString month;              ///< "YYYY-MM"
    QList<StatementLine> lines; ///< by contract, then VM
    qint64 instanceSeconds = 0;
    qint64 amount = 0;
    qint64 cost = 0;

    qint64 margin() const { return amount - cost; }
    bool operator==(const Statement &) const = default;
};

struct ChargebackInput
{
    QList<Customer> customers;
    Assignments assignments;
    QHash<QString, ContractInfo> contracts; ///< by id
    QHash<QString, SpotSeries> spot;        ///< by product
};

struct ChargebackResult
{
    QList<Statement> statements;     ///< one per customer (also without usage), by customer id
    QList<StatementLine> unassigned; ///< usage of VMs no customer is assigned
    QStringList unknownContracts;    ///< usage of contracts without price (not charged)
};

/// Rounds num/den half away from zero (den > 0).
qint64 roundedDivision(Wide num, qint64 den);

/// The statements of `month`: the usage hours that start in the month, one line per VM
/// with instance-seconds in the month. Per line, amount = Σ rate(hour) × seconds / 3600 and
/// cost = price × seconds / 3600, each computed exactly and rounded half away from zero to
/// whole ticks once; a spot-linked hour's rate is clamp(spot(hour start) × (10,000 + markup)
/// / 10,000, floor, cap), kept exact in 1/10,000 ticks.
ChargebackResult computeStatements(const ChargebackInput &input, const QList<VmUsage> &usage, Month month);

/// Each customer's charge per day of the month (for the chart): day d's amount is the
/// customer's lines restricted to the hours starting on day d, rounded once per customer and
/// day (so the days may differ from the statement's total by rounding).
QHash<QString, QList<qint64>> dailyAmounts(const ChargebackInput &input, const QList<VmUsage> &usage,
                                           Month month);

/// CSV (RFC 4180, UTF-8, CRLF) with the header of docs/CHARGEBACK.md: a `line` row per VM
/// and a `total` row per statement.
QString statementsToCsv(const QList<Statement> &statements);
Result<QList<Statement>> statementsFromCsv(const QString &csv);
/// The CSV header row (without line break).
QString csvHeader();

/// Ticks as EUR with four decimals ("12.3456"), for display.
QString ticksToEuro(qint64 ticks);

/// Customers, plans, assignments, contract prices, spot samples and the collected usage,
/// kept in `<data>/manage/chargeback.sqlite`. The usage is kept a row per VM and month (the
/// hours' instance-seconds in one blob), so a month of 10,000 VMs reads as 10,000 rows. A
/// store is used on the thread that opened it; another thread opens a store of its own
/// (ChargebackReader).
class ChargebackStore
{
public:
    ChargebackStore();
    ~ChargebackStore();
    ChargebackStore(const ChargebackStore &) = delete;
    ChargebackStore &operator=(const ChargebackStore &) = delete;

    static QString filePath(const QString &dataDir);
    /// Opens (creating) the store in `<dataDir>/manage/`.
    Result<void> open(const QString &dataDir);

    Result<QList<Customer>> customers() const;
    /// Adds the customer or replaces the one with its id.
    Result<void> saveCustomer(const Customer &customer);
    /// Refused (`chargeback.customer-in-use`) while a contract or VM is assigned to it.
    Result<void> removeCustomer(const QString &id);

    Result<Assignments> assignments() const;
    /// An empty customer clears the assignment.
    Result<void> assignContract(const QString &contract, const QString &customer);
    Result<void> assignVm(const QString &contract, const QString &vm, const QString &customer);

    Result<QHash<QString, ContractInfo>> contracts() const;
    Result<void> saveContract(const ContractInfo &contract);
    /// Adds or updates several contracts in one transaction.
    Result<void> saveContracts(const QList<ContractInfo> &contracts);

    /// Replaces everything stored for the contract by the site's report (which carries all
    /// hours measured so far). Every hour must start on the full hour and have 0 … 3,600
    /// instance-seconds, or nothing is stored (`chargeback.bad-usage`).
    Result<void> replaceUsage(const QString &contract, const QList<api::UsageHour> &hours);
    /// Adds or replaces the given hours, keeping the other hours stored.
    Result<void> replaceUsage(const QList<VmUsage> &usage);
    /// The hours starting in [from, to), per VM.
    Result<QList<VmUsage>> usage(qint64 from, qint64 to) const;
    /// The months that have usage, oldest first.
    Result<QList<Month>> usageMonths() const;

    /// Adds (or replaces) the samples of a product's series.
    Result<void> saveSpot(const QString &product, const SpotSeries &series);
    Result<QHash<QString, SpotSeries>> spot() const;

    /// Everything computeStatements() needs besides the usage.
    Result<ChargebackInput> input() const;

private:
    Result<void> exec(const QString &sql, const QVariantList &values = {}) const;
    Result<void> writeUsage(const QList<VmUsage> &usage, const QString &replacedContract);
    /// writeUsage() within the caller's transaction.
    Result<void> storeUsage(const QList<VmUsage> &usage, const QString &replacedContract);
    /// Converts the hourly rows of stores made before the month rows (once, on open).
    Result<void> migrateHourlyUsage();
    Error sqlError(const QString &what) const;
    QString m_connection;
};

} // namespace cloudex::manage
