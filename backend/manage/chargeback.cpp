#include "manage/chargeback.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtEndian>

#include <algorithm>
#include <map>
#include <tuple>

namespace cloudex::manage {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Chargeback)
};

constexpr qint64 kBasis = 10'000;               // basis points per 1
constexpr qint64 kHour = 3600;                  // seconds
constexpr qint64 kMaxTicks = 1'000'000'000'000; // per instance-hour (100 million EUR)

Error badPlan(const QString &message, const QString &field)
{
    return Error{QStringLiteral("chargeback.bad-plan"), message, field};
}

/// The plan's rate for one hour in 1/10,000 ticks per instance-hour.
Wide rate10k(const PricePlan &plan, qint64 contractPrice, const SpotSeries *spot, qint64 hourStart)
{
    switch (plan.kind) {
    case PlanKind::Fixed:
        return static_cast<Wide>(plan.rate) * kBasis;
    case PlanKind::CostPlus:
        return static_cast<Wide>(contractPrice) * (kBasis + plan.markupBasisPoints);
    case PlanKind::SpotLinked: {
        const qint64 index = spot ? spot->at(hourStart) : 0;
        Wide v = static_cast<Wide>(index) * (kBasis + plan.markupBasisPoints);
        if (plan.floor > 0 && v < static_cast<Wide>(plan.floor) * kBasis)
            v = static_cast<Wide>(plan.floor) * kBasis;
        if (plan.cap > 0 && v > static_cast<Wide>(plan.cap) * kBasis)
            v = static_cast<Wide>(plan.cap) * kBasis;
        return v;
    }
    }
    return 0;
}

QString percent(int basisPoints)
{
    const QString sign = basisPoints < 0 ? QStringLiteral("−") : QStringLiteral("+");
    const int a = std::abs(basisPoints);
    return sign + QString::number(a / 100) + u'.' +
           QStringLiteral("%1").arg(a % 100, 2, 10, QLatin1Char('0')) + QStringLiteral(" %");
}

} // namespace

QString toWire(PlanKind kind)
{
    switch (kind) {
    case PlanKind::Fixed:
        return QStringLiteral("fixed");
    case PlanKind::CostPlus:
        return QStringLiteral("cost-plus");
    case PlanKind::SpotLinked:
        return QStringLiteral("spot-linked");
    }
    return {};
}

std::optional<PlanKind> planKindFromWire(const QString &wire)
{
    for (PlanKind k : {PlanKind::Fixed, PlanKind::CostPlus, PlanKind::SpotLinked}) {
        if (toWire(k) == wire)
            return k;
    }
    return std::nullopt;
}

Result<void> PricePlan::validate() const
{
    if (rate < 0 || rate > kMaxTicks)
        return badPlan(Tr::tr("The rate must be from 0 to %1 ticks per instance-hour.").arg(kMaxTicks),
                       QStringLiteral("rate"));
    if (markupBasisPoints < -10'000 || markupBasisPoints > 100'000)
        return badPlan(Tr::tr("The markup must be from −10,000 to 100,000 basis points."),
                       QStringLiteral("markupBasisPoints"));
    if (floor < 0 || floor > kMaxTicks)
        return badPlan(Tr::tr("The floor must be from 0 to %1 ticks per instance-hour.").arg(kMaxTicks),
                       QStringLiteral("floor"));
    if (cap < 0 || cap > kMaxTicks)
        return badPlan(Tr::tr("The cap must be from 0 to %1 ticks per instance-hour.").arg(kMaxTicks),
                       QStringLiteral("cap"));
    if (cap > 0 && cap < floor)
        return badPlan(Tr::tr("The cap must not be below the floor."), QStringLiteral("cap"));
    if (kind != PlanKind::Fixed && rate != 0)
        return badPlan(Tr::tr("Only a fixed plan has a rate."), QStringLiteral("rate"));
    if (kind == PlanKind::Fixed && markupBasisPoints != 0)
        return badPlan(Tr::tr("A fixed plan has no markup."), QStringLiteral("markupBasisPoints"));
    if (kind != PlanKind::SpotLinked && (floor != 0 || cap != 0))
        return badPlan(Tr::tr("Only a spot-linked plan has a floor and a cap."), QStringLiteral("floor"));
    return {};
}

QString PricePlan::describe() const
{
    switch (kind) {
    case PlanKind::Fixed:
        return Tr::tr("fixed %1 EUR/h").arg(ticksToEuro(rate));
    case PlanKind::CostPlus:
        return Tr::tr("cost-plus %1").arg(percent(markupBasisPoints));
    case PlanKind::SpotLinked: {
        QString text = Tr::tr("spot %1").arg(percent(markupBasisPoints));
        if (floor > 0)
            text += u' ' + Tr::tr("floor %1").arg(ticksToEuro(floor));
        if (cap > 0)
            text += u' ' + Tr::tr("cap %1").arg(ticksToEuro(cap));
        return text;
    }
    }
    return {};
}

Result<void> Customer::validate() const
{
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9-]{0,39}$"));
    if (!idPattern.match(id).hasMatch())
        return Error{QStringLiteral("chargeback.bad-customer"),
                     Tr::tr("A customer id is 1 to 40 of a-z, 0-9 and -, starting with a letter or digit."),
                     QStringLiteral("id")};
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || name.size() > 100 ||
        std::any_of(name.begin(), name.end(), [](QChar c) { return c.category() == QChar::Other_Control; }))
        return Error{QStringLiteral("chargeback.bad-customer"),
                     Tr::tr("A customer name is 1 to 100 characters without control characters."),
                     QStringLiteral("name")};
    return plan.validate();
}

QString Assignments::customerFor(const QString &contract, const QString &vm) const
{
    const auto perVm = vms.constFind(contract);
    if (perVm != vms.cend()) {
        const auto it = perVm->constFind(vm);
        if (it != perVm->cend())
            return *it;
    }
    return contracts.value(contract);
}

// --- spot ---------------------------------------------------------------------------------

SpotSeries SpotSeries::fromHistory(const api::SpotHistory &history)
{
    qint64 step = 60;
    if (history.resolution == u"5m")
        step = 300;
    else if (history.resolution == u"1h")
        step = 3600;
    else if (history.resolution == u"1d")
        step = 86400;
    SpotSeries series;
    for (const api::SpotPoint &p : history.points)
        series.add(p.time + step, p.price);
    return series;
}

void SpotSeries::add(qint64 knownAt, qint64 price)
{
    const auto it = std::lower_bound(m_samples.begin(), m_samples.end(), knownAt,
                                     [](const auto &s, qint64 t) { return s.first < t; });
    if (it != m_samples.end() && it->first == knownAt)
        it->second = price;
    else
        m_samples.insert(it, {knownAt, price});
}

qint64 SpotSeries::at(qint64 time) const
{
    const auto it = std::upper_bound(m_samples.begin(), m_samples.end(), time,
                                     [](qint64 t, const auto &s) { return t < s.first; });
    return it == m_samples.begin() ? 0 : std::prev(it)->second;
}

// --- month --------------------------------------------------------------------------------

Result<Month> Month::parse(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const auto m = pattern.match(text);
    const int year = m.hasMatch() ? m.captured(1).toInt() : 0;
    const int month = m.hasMatch() ? m.captured(2).toInt() : 0;
    if (year < 1970 || month < 1 || month > 12)
        return Error{QStringLiteral("chargeback.bad-month"),
                     Tr::tr("A month is written YYYY-MM, for example 2026-03."), QStringLiteral("month")};
    return Month{year, month};
}

Month Month::containing(qint64 unixSeconds)
{
    const QDate d = QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC).date();
    return Month{d.year(), d.month()};
}

QString Month::toString() const
{
    return QStringLiteral("%1-%2").arg(year, 4, 10, QLatin1Char('0')).arg(month, 2, 10, QLatin1Char('0'));
}

qint64 Month::start() const
{
    return QDateTime(QDate(year, month, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
}

qint64 Month::end() const
{
    return next().start();
}

Month Month::next() const
{
    return month == 12 ? Month{year + 1, 1} : Month{year, month + 1};
}

Month Month::previous() const
{
    return month == 1 ? Month{year - 1, 12} : Month{year, month - 1};
}

// --- statements ---------------------------------------------------------------------------

qint64 roundedDivision(Wide num, qint64 den)
{
    Wide q = num / den;
    const Wide r = num % den;
    if (2 * (r < 0 ? -r : r) >= den)
        q += num < 0 ? -1 : 1;
    return static_cast<qint64>(q);
}

qint64 StatementLine::centiHours() const
{
    return roundedDivision(static_cast<Wide>(instanceSeconds) * 100, kHour);
}

namespace {

struct Priced
{
    Wide amount10k = 0; ///< Σ rate10k × seconds
    Wide cost = 0;      ///< Σ price × seconds
    qint64 seconds = 0;
};

} // namespace

ChargebackResult computeStatements(const ChargebackInput &input, const QList<VmUsage> &usage, Month month)
{
    ChargebackResult result;
    const qint64 from = month.start();
    const qint64 to = month.end();
    const QString monthText = month.toString();

    QList<Customer> customers = input.customers;
    std::sort(customers.begin(), customers.end(),
              [](const Customer &a, const Customer &b) { return a.id < b.id; });
    QHash<QString, qsizetype> index;
    for (const Customer &c : std::as_const(customers)) {
        index.insert(c.id, result.statements.size());
        result.statements.append(Statement{c.id, c.name, monthText, {}, 0, 0, 0});
    }

    for (const VmUsage &vm : usage) {
        const auto contract = input.contracts.constFind(vm.contract);
        const QString customerId = input.assignments.customerFor(vm.contract, vm.vm);
        const auto at = index.constFind(customerId);
        const Customer *customer = at == index.cend() ? nullptr : &customers.at(*at);
        if (contract == input.contracts.cend()) {
            const bool used = std::any_of(vm.hours.begin(), vm.hours.end(), [&](const UsageSlot &h) {
                return h.start >= from && h.start < to && h.instanceSeconds > 0;
            });
            if (used && !result.unknownContracts.contains(vm.contract))
                result.unknownContracts.append(vm.contract);
            continue;
        }
        const SpotSeries *spot = nullptr;
        if (customer && customer->plan.kind == PlanKind::SpotLinked) {
            const auto s = input.spot.constFind(contract->product);
            spot = s == input.spot.cend() ? nullptr : &*s;
        }
        Priced p;
        for (const UsageSlot &h : vm.hours) {
            if (h.start < from || h.start >= to || h.instanceSeconds <= 0)
                continue;
            if (customer)
                p.amount10k += rate10k(customer->plan, contract->price, spot, h.start) * h.instanceSeconds;
            p.cost += static_cast<Wide>(contract->price) * h.instanceSeconds;
            p.seconds += h.instanceSeconds;
        }
        if (p.seconds == 0)
            continue;
        StatementLine line;
        line.contract = vm.contract;
        line.vm = vm.vm;
        line.product = contract->product;
        line.instanceSeconds = p.seconds;
        line.contractPrice = contract->price;
        line.amount = roundedDivision(p.amount10k, kHour * kBasis);
        line.cost = roundedDivision(p.cost, kHour);
        if (customer) {
            switch (customer->plan.kind) {
            case PlanKind::Fixed:
                line.rate = customer->plan.rate;
                break;
            case PlanKind::CostPlus:
                line.rate = roundedDivision(
                    static_cast<Wide>(contract->price) * (kBasis + customer->plan.markupBasisPoints), kBasis);
                break;
            case PlanKind::SpotLinked:
                line.rate = roundedDivision(p.amount10k, p.seconds * kBasis);
                break;
            }
            result.statements[*at].lines.append(line);
        } else {
            result.unassigned.append(line);
        }
    }

    const auto byVm = [](const StatementLine &a, const StatementLine &b) {
        return a.contract != b.contract ? a.contract < b.contract : a.vm < b.vm;
    };
    for (Statement &s : result.statements) {
        std::sort(s.lines.begin(), s.lines.end(), byVm);
        for (const StatementLine &l : std::as_const(s.lines)) {
            s.instanceSeconds += l.instanceSeconds;
            s.amount += l.amount;
            s.cost += l.cost;
        }
    }
    std::sort(result.unassigned.begin(), result.unassigned.end(), byVm);
    std::sort(result.unknownContracts.begin(), result.unknownContracts.end());
    return result;
}

QHash<QString, QList<qint64>> dailyAmounts(const ChargebackInput &input, const QList<VmUsage> &usage,
                                           Month month)
{
    const qint64 from = month.start();
    const qint64 to = month.end();
    const int days = static_cast<int>((to - from) / 86400);
    QHash<QString, const Customer *> customers;
    for (const Customer &c : input.customers)
        customers.insert(c.id, &c);
    QHash<QString, std::vector<Wide>> sums;
    for (const Customer &c : input.customers)
        sums.insert(c.id, std::vector<Wide>(days, 0));
    for (const VmUsage &vm : usage) {
        const auto contract = input.contracts.constFind(vm.contract);
        const Customer *customer = customers.value(input.assignments.customerFor(vm.contract, vm.vm));
        if (contract == input.contracts.cend() || !customer)
            continue;
        const auto s = input.spot.constFind(contract->product);
        const SpotSeries *spot = s == input.spot.cend() ? nullptr : &*s;
        std::vector<Wide> &day = sums[customer->id];
        for (const UsageSlot &h : vm.hours) {
            if (h.start < from || h.start >= to || h.instanceSeconds <= 0)
                continue;
            day[(h.start - from) / 86400] +=
                rate10k(customer->plan, contract->price, spot, h.start) * h.instanceSeconds;
        }
    }
    QHash<QString, QList<qint64>> out;
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        QList<qint64> amounts;
        amounts.reserve(days);
        for (Wide v : it.value())
            amounts.append(roundedDivision(v, kHour * kBasis));
        out.insert(it.key(), amounts);
    }
    return out;
}

// --- CSV ----------------------------------------------------------------------------------

namespace {

const QStringList kColumns = {
    QStringLiteral("kind"),       QStringLiteral("customer_id"),      QStringLiteral("customer_name"),
    QStringLiteral("month"),      QStringLiteral("contract"),         QStringLiteral("vm"),
    QStringLiteral("product"),    QStringLiteral("instance_seconds"), QStringLiteral("hours"),
    QStringLiteral("rate_ticks"), QStringLiteral("amount_ticks"),     QStringLiteral("contract_price_ticks"),
    QStringLiteral("cost_ticks"), QStringLiteral("margin_ticks")};

bool formulaLike(const QString &text)
{
    qsizetype i = 0;
    while (i < text.size() && text.at(i) == u'\'')
        ++i;
    return i < text.size() && QStringView(u"=+-@\t\r").contains(text.at(i));
}

/// Text a spreadsheet would take for a formula gets a leading apostrophe (removed again on
/// reading); a field with a comma, quote or line break is quoted.
QString field(const QString &text)
{
    QString v = formulaLike(text) ? u'\'' + text : text;
    if (v.contains(u',') || v.contains(u'"') || v.contains(u'\n') || v.contains(u'\r'))
        v = u'"' + v.replace(u'"', QStringLiteral("\"\"")) + u'"';
    return v;
}

QString unfield(const QString &text)
{
    return text.startsWith(u'\'') && formulaLike(text) ? text.mid(1) : text;
}

QString hours(qint64 centi)
{
    const QString sign = centi < 0 ? QStringLiteral("-") : QString();
    const qint64 a = std::abs(centi);
    return sign + QString::number(a / 100) + u'.' +
           QStringLiteral("%1").arg(a % 100, 2, 10, QLatin1Char('0'));
}

/// RFC 4180 records; nullopt on an unterminated quote.
std::optional<QList<QStringList>> parseRecords(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString current;
    bool quoted = false;
    bool any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    current += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                current += c;
            }
            continue;
        }
        if (c == u'"' && current.isEmpty()) {
            quoted = true;
            any = true;
        } else if (c == u',') {
            record.append(current);
            current.clear();
            any = true;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            if (any || !current.isEmpty()) {
                record.append(current);
                records.append(record);
            }
            record.clear();
            current.clear();
            any = false;
        } else {
            current += c;
            any = true;
        }
    }
    if (quoted)
        return std::nullopt;
    if (any || !current.isEmpty()) {
        record.append(current);
        records.append(record);
    }
    return records;
}

} // namespace

QString csvHeader()
{
    return kColumns.join(u',');
}

QString statementsToCsv(const QList<Statement> &statements)
{
    QString out = csvHeader() + QStringLiteral("\r\n");
    for (const Statement &s : statements) {
        const QString head =
            field(s.customerId) + u',' + field(s.customerName) + u',' + field(s.month) + u',';
        for (const StatementLine &l : s.lines) {
            out += QStringLiteral("line,") + head + field(l.contract) + u',' + field(l.vm) + u',' +
                   field(l.product) + u',' + QString::number(l.instanceSeconds) + u',' +
                   hours(l.centiHours()) + u',' + QString::number(l.rate) + u',' + QString::number(l.amount) +
                   u',' + QString::number(l.contractPrice) + u',' + QString::number(l.cost) + u',' +
                   QString::number(l.margin()) + QStringLiteral("\r\n");
        }
        const qint64 centi = roundedDivision(static_cast<Wide>(s.instanceSeconds) * 100, kHour);
        out += QStringLiteral("total,") + head + QStringLiteral(",,,") + QString::number(s.instanceSeconds) +
               u',' + hours(centi) + QStringLiteral(",,") + QString::number(s.amount) + QStringLiteral(",,") +
               QString::number(s.cost) + u',' + QString::number(s.margin()) + QStringLiteral("\r\n");
    }
    return out;
}

Result<QList<Statement>> statementsFromCsv(const QString &csv)
{
    QString text = csv;
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    const auto records = parseRecords(text);
    const auto bad = [](qsizetype row, const QString &why) {
        return Error{QStringLiteral("chargeback.bad-csv"), Tr::tr("Row %1: %2").arg(row).arg(why)};
    };
    if (!records)
        return Error{QStringLiteral("chargeback.bad-csv"), Tr::tr("A quoted field is not closed.")};
    if (records->isEmpty() || records->first() != kColumns)
        return bad(1, Tr::tr("the header is not %1.").arg(csvHeader()));
    QList<Statement> out;
    std::optional<Statement> open;
    for (qsizetype i = 1; i < records->size(); ++i) {
        const QStringList &r = records->at(i);
        const qsizetype row = i + 1;
        if (r.size() != kColumns.size())
            return bad(row, Tr::tr("%1 fields, not %2.").arg(r.size()).arg(kColumns.size()));
        const auto number = [&](int column, qint64 &value) {
            bool ok = false;
            value = r.at(column).toLongLong(&ok);
            return ok;
        };
        qint64 seconds = 0, rate = 0, amount = 0, price = 0, cost = 0, margin = 0;
        const QString id = unfield(r.at(1)), name = unfield(r.at(2)), month = unfield(r.at(3));
        if (!open)
            open = Statement{id, name, month, {}, 0, 0, 0};
        else if (open->customerId != id || open->customerName != name || open->month != month)
            return bad(row, Tr::tr("a new statement starts before the total of %1.").arg(open->customerId));
        if (!number(7, seconds) || !number(10, amount) || !number(12, cost) || !number(13, margin))
            return bad(row, Tr::tr("the amounts are not whole numbers of ticks."));
        if (margin != amount - cost)
            return bad(row, Tr::tr("the margin is not amount − cost."));
        if (r.at(8) != hours(roundedDivision(static_cast<Wide>(seconds) * 100, kHour)))
            return bad(row, Tr::tr("the hours do not match the instance-seconds."));
        if (r.at(0) == u"line") {
            if (!number(9, rate) || !number(11, price))
                return bad(row, Tr::tr("the rate and price are not whole numbers of ticks."));
            open->lines.append(StatementLine{unfield(r.at(4)), unfield(r.at(5)), unfield(r.at(6)), seconds,
                                             rate, amount, price, cost});
            open->instanceSeconds += seconds;
            open->amount += amount;
            open->cost += cost;
        } else if (r.at(0) == u"total") {
            if (open->instanceSeconds != seconds || open->amount != amount || open->cost != cost)
                return bad(row, Tr::tr("the total is not the sum of the lines."));
            out.append(*open);
            open.reset();
        } else {
            return bad(row, Tr::tr("the kind is neither line nor total."));
        }
    }
    if (open)
        return bad(records->size() + 1, Tr::tr("the statement of %1 has no total.").arg(open->customerId));
    return out;
}

QString ticksToEuro(qint64 ticks)
{
    const QString sign = ticks < 0 ? QStringLiteral("-") : QString();
    const qint64 a = ticks < 0 ? -ticks : ticks;
    return sign + QString::number(a / 10'000) + u'.' +
           QStringLiteral("%1").arg(a % 10'000, 4, 10, QLatin1Char('0'));
}

// --- store --------------------------------------------------------------------------------

namespace {

const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS customers (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,"
    " rate INTEGER NOT NULL, markup_bp INTEGER NOT NULL, floor INTEGER NOT NULL, cap INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS contract_customers (contract TEXT PRIMARY KEY, customer TEXT NOT NULL"
    " REFERENCES customers(id))",
    "CREATE TABLE IF NOT EXISTS vm_customers (contract TEXT NOT NULL, vm TEXT NOT NULL, customer TEXT NOT "
    "NULL"
    " REFERENCES customers(id), PRIMARY KEY (contract, vm))",
    "CREATE TABLE IF NOT EXISTS contracts (id TEXT PRIMARY KEY, product TEXT NOT NULL, price INTEGER NOT "
    "NULL)",
    // A VM's month in one row: `seconds` holds a little-endian uint16 per hour of the month
    // (kNotReported or 0 … 3,600), so a month of 10,000 VMs is 10,000 rows, not 7.44 million.
    "CREATE TABLE IF NOT EXISTS usage_months (contract TEXT NOT NULL, vm TEXT NOT NULL,"
    " month_start INTEGER NOT NULL, seconds BLOB NOT NULL, PRIMARY KEY (contract, vm, month_start))",
    "CREATE INDEX IF NOT EXISTS usage_months_month ON usage_months (month_start)",
    "CREATE TABLE IF NOT EXISTS spot (product TEXT NOT NULL, known_at INTEGER NOT NULL, price INTEGER NOT "
    "NULL,"
    " PRIMARY KEY (product, known_at))",
};

/// An hour a site has not reported (a reported hour may have 0 instance-seconds).
constexpr quint16 kNotReported = 0xFFFF;

/// The schema before the month rows: one row per VM and hour.
bool hasHourlyTable(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'usage'")) &&
           q.next();
}

} // namespace

ChargebackStore::ChargebackStore()
    : m_connection(QStringLiteral("cloudex-chargeback-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

ChargebackStore::~ChargebackStore()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

QString ChargebackStore::filePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("manage/chargeback.sqlite"));
}

Error ChargebackStore::sqlError(const QString &what) const
{
    return Error{QStringLiteral("chargeback.store"),
                 Tr::tr("The chargeback records cannot be used (%1): %2")
                     .arg(what, QSqlDatabase::database(m_connection, false).lastError().text())};
}

Result<void> ChargebackStore::open(const QString &dataDir)
{
    if (!QDir(dataDir).mkpath(QStringLiteral("manage")))
        return Error{QStringLiteral("chargeback.store"),
                     Tr::tr("Cannot create %1.").arg(QDir(dataDir).filePath(QStringLiteral("manage")))};
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(filePath(dataDir));
    if (!db.open())
        return Error{QStringLiteral("chargeback.store"),
                     Tr::tr("Cannot open %1: %2").arg(filePath(dataDir), db.lastError().text())};
    for (const char *pragma :
         {"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "PRAGMA busy_timeout = 5000"}) {
        QSqlQuery query(db);
        query.exec(QString::fromLatin1(pragma));
    }
    for (const char *statement : kSchema) {
        if (auto ok = exec(QString::fromLatin1(statement)); !ok)
            return ok;
    }
    if (hasHourlyTable(db))
        return migrateHourlyUsage();
    return {};
}

Result<void> ChargebackStore::migrateHourlyUsage()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return sqlError(QStringLiteral("usage"));
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QList<VmUsage> usage;
    if (!q.exec(QStringLiteral("SELECT contract, vm, hour_start, instance_seconds FROM usage"
                               " ORDER BY contract, vm, hour_start"))) {
        db.rollback();
        return sqlError(QStringLiteral("usage"));
    }
    while (q.next()) {
        const QString contract = q.value(0).toString();
        const QString vm = q.value(1).toString();
        if (usage.isEmpty() || usage.last().contract != contract || usage.last().vm != vm)
            usage.append(VmUsage{contract, vm, {}});
        usage.last().hours.push_back(UsageSlot{q.value(2).toLongLong(), q.value(3).toLongLong()});
    }
    q.finish();
    auto ok = storeUsage(usage, {});
    if (ok)
        ok = exec(QStringLiteral("DROP TABLE usage"));
    if (!ok) {
        db.rollback();
        return ok;
    }
    if (!db.commit())
        return sqlError(QStringLiteral("usage"));
    return {};
}

Result<void> ChargebackStore::exec(const QString &sql, const QVariantList &values) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.prepare(sql))
        return sqlError(sql.section(u' ', 0, 1));
    for (const QVariant &v : values)
        query.addBindValue(v);
    if (!query.exec())
        return Error{QStringLiteral("chargeback.store"),
                     Tr::tr("The chargeback records cannot be written: %1").arg(query.lastError().text())};
    return {};
}

Result<QList<Customer>> ChargebackStore::customers() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(
            QStringLiteral("SELECT id, name, kind, rate, markup_bp, floor, cap FROM customers ORDER BY id")))
        return sqlError(QStringLiteral("customers"));
    QList<Customer> out;
    while (q.next()) {
        Customer c;
        c.id = q.value(0).toString();
        c.name = q.value(1).toString();
        c.plan.kind = planKindFromWire(q.value(2).toString()).value_or(PlanKind::Fixed);
        c.plan.rate = q.value(3).toLongLong();
        c.plan.markupBasisPoints = q.value(4).toInt();
        c.plan.floor = q.value(5).toLongLong();
        c.plan.cap = q.value(6).toLongLong();
        out.append(c);
    }
    return out;
}

Result<void> ChargebackStore::saveCustomer(const Customer &c)
{
    if (auto ok = c.validate(); !ok)
        return ok;
    return exec(
        QStringLiteral("INSERT INTO customers (id, name, kind, rate, markup_bp, floor, cap)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
                       " kind = excluded.kind, rate = excluded.rate, markup_bp = excluded.markup_bp,"
                       " floor = excluded.floor, cap = excluded.cap"),
        {c.id, c.name.trimmed(), toWire(c.plan.kind), c.plan.rate, c.plan.markupBasisPoints, c.plan.floor,
         c.plan.cap});
}

Result<void> ChargebackStore::removeCustomer(const QString &id)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT (SELECT COUNT(*) FROM contract_customers WHERE customer = ?) +"
                             " (SELECT COUNT(*) FROM vm_customers WHERE customer = ?),"
                             " (SELECT COUNT(*) FROM customers WHERE id = ?)"));
    q.addBindValue(id);
    q.addBindValue(id);
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("remove"));
    if (q.value(1).toInt() == 0)
        return Error{QStringLiteral("chargeback.unknown-customer"),
                     Tr::tr("There is no customer %1.").arg(id), QStringLiteral("id")};
    if (q.value(0).toInt() > 0)
        return Error{QStringLiteral("chargeback.customer-in-use"),
                     Tr::tr("Customer %1 is assigned %n contract(s) or VM(s); assign them elsewhere first.",
                            nullptr, q.value(0).toInt())
                         .arg(id),
                     QStringLiteral("id")};
    return exec(QStringLiteral("DELETE FROM customers WHERE id = ?"), {id});
}

Result<Assignments> ChargebackStore::assignments() const
{
    Assignments out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT contract, customer FROM contract_customers")))
        return sqlError(QStringLiteral("assignments"));
    while (q.next())
        out.contracts.insert(q.value(0).toString(), q.value(1).toString());
    if (!q.exec(QStringLiteral("SELECT contract, vm, customer FROM vm_customers")))
        return sqlError(QStringLiteral("assignments"));
    while (q.next())
        out.vms[q.value(0).toString()].insert(q.value(1).toString(), q.value(2).toString());
    return out;
}

namespace {
Error unknownCustomer(const QString &id)
{
    return Error{QStringLiteral("chargeback.unknown-customer"), Tr::tr("There is no customer %1.").arg(id),
                 QStringLiteral("customer")};
}
} // namespace

Result<void> ChargebackStore::assignContract(const QString &contract, const QString &customer)
{
    if (contract.isEmpty())
        return Error{QStringLiteral("chargeback.bad-assignment"), Tr::tr("Name a contract."),
                     QStringLiteral("contract")};
    if (customer.isEmpty())
        return exec(QStringLiteral("DELETE FROM contract_customers WHERE contract = ?"), {contract});
    auto ok = exec(QStringLiteral("INSERT INTO contract_customers (contract, customer) VALUES (?, ?)"
                                  " ON CONFLICT(contract) DO UPDATE SET customer = excluded.customer"),
                   {contract, customer});
    return ok ? ok : Result<void>(unknownCustomer(customer));
}

Result<void> ChargebackStore::assignVm(const QString &contract, const QString &vm, const QString &customer)
{
    if (contract.isEmpty() || vm.isEmpty())
        return Error{QStringLiteral("chargeback.bad-assignment"), Tr::tr("Name a contract and a VM."),
                     QStringLiteral("vm")};
    if (customer.isEmpty())
        return exec(QStringLiteral("DELETE FROM vm_customers WHERE contract = ? AND vm = ?"), {contract, vm});
    auto ok = exec(QStringLiteral("INSERT INTO vm_customers (contract, vm, customer) VALUES (?, ?, ?)"
                                  " ON CONFLICT(contract, vm) DO UPDATE SET customer = excluded.customer"),
                   {contract, vm, customer});
    return ok ? ok : Result<void>(unknownCustomer(customer));
}

Result<QHash<QString, ContractInfo>> ChargebackStore::contracts() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT id, product, price FROM contracts")))
        return sqlError(QStringLiteral("contracts"));
    QHash<QString, ContractInfo> out;
    while (q.next())
        out.insert(q.value(0).toString(),
                   ContractInfo{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()});
    return out;
}

Result<void> ChargebackStore::saveContract(const ContractInfo &c)
{
    return saveContracts({c});
}

Result<void> ChargebackStore::saveContracts(const QList<ContractInfo> &contracts)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return sqlError(QStringLiteral("contracts"));
    for (const ContractInfo &c : contracts) {
        if (auto ok = exec(QStringLiteral("INSERT INTO contracts (id, product, price) VALUES (?, ?, ?) ON CONFLICT(id)"
                                          " DO UPDATE SET product = excluded.product, price = excluded.price"),
                           {c.id, c.product, c.price});
            !ok) {
            db.rollback();
            return ok;
        }
    }
    if (!db.commit())
        return sqlError(QStringLiteral("contracts"));
    return {};
}

Result<void> ChargebackStore::replaceUsage(const QString &contract, const QList<api::UsageHour> &hours)
{
    QHash<QString, qsizetype> at;
    QList<VmUsage> usage;
    for (const api::UsageHour &h : hours) {
        auto it = at.constFind(h.vm);
        if (it == at.cend()) {
            it = at.insert(h.vm, usage.size());
            usage.append(VmUsage{contract, h.vm, {}});
        }
        usage[*it].hours.push_back(UsageSlot{h.start, h.instanceSeconds});
    }
    return writeUsage(usage, contract);
}

Result<void> ChargebackStore::replaceUsage(const QList<VmUsage> &usage)
{
    return writeUsage(usage, {});
}

Result<void> ChargebackStore::writeUsage(const QList<VmUsage> &usage, const QString &replacedContract)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return sqlError(QStringLiteral("usage"));
    if (auto ok = storeUsage(usage, replacedContract); !ok) {
        db.rollback();
        return ok;
    }
    if (!db.commit())
        return sqlError(QStringLiteral("usage"));
    return {};
}

Result<void> ChargebackStore::storeUsage(const QList<VmUsage> &usage, const QString &replacedContract)
{
    // Every hour is checked before anything is written, so a bad report changes nothing.
    using Key = std::tuple<QString, QString, qint64>; // contract, VM, month start
    std::map<Key, std::vector<std::pair<int, quint16>>> months;
    qint64 monthStart = 0;
    qint64 monthEnd = 0;
    for (const VmUsage &vm : usage) {
        for (const UsageSlot &h : vm.hours) {
            if (h.start < 0 || h.start % kHour != 0 || h.instanceSeconds < 0 || h.instanceSeconds > kHour)
                return Error{QStringLiteral("chargeback.bad-usage"),
                             Tr::tr("A usage hour starts on the full hour and has 0 to 3,600 instance-seconds; "
                                    "%1 of %2 at %3 has %4.")
                                 .arg(vm.vm, vm.contract)
                                 .arg(h.start)
                                 .arg(h.instanceSeconds)};
            if (h.start < monthStart || h.start >= monthEnd) {
                const Month m = Month::containing(h.start);
                monthStart = m.start();
                monthEnd = m.end();
            }
            months[Key{vm.contract, vm.vm, monthStart}].emplace_back(int((h.start - monthStart) / kHour),
                                                                      quint16(h.instanceSeconds));
        }
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!replacedContract.isEmpty()) {
        if (auto ok = exec(QStringLiteral("DELETE FROM usage_months WHERE contract = ?"), {replacedContract}); !ok)
            return ok;
    }
    QSqlQuery existing(db);
    existing.prepare(
        QStringLiteral("SELECT seconds FROM usage_months WHERE contract = ? AND vm = ? AND month_start = ?"));
    QSqlQuery write(db);
    write.prepare(QStringLiteral("INSERT INTO usage_months (contract, vm, month_start, seconds) VALUES (?, ?, ?, ?)"
                                 " ON CONFLICT(contract, vm, month_start) DO UPDATE SET seconds = excluded.seconds"));
    const auto failed = [](const QSqlQuery &q) {
        return Error{QStringLiteral("chargeback.store"),
                     Tr::tr("The usage cannot be written: %1").arg(q.lastError().text())};
    };
    for (const auto &[key, hours] : months) {
        const auto &[contract, vm, start] = key;
        const int hoursInMonth = int((Month::containing(start).end() - start) / kHour);
        QByteArray blob;
        // Hours of the same VM and month reported before are kept unless a report replaces
        // the whole contract (then its rows are gone already).
        if (replacedContract.isEmpty()) {
            existing.bindValue(0, contract);
            existing.bindValue(1, vm);
            existing.bindValue(2, start);
            if (!existing.exec())
                return failed(existing);
            if (existing.next())
                blob = existing.value(0).toByteArray();
            existing.finish();
        }
        if (blob.size() != hoursInMonth * qsizetype(sizeof(quint16)))
            blob = QByteArray(hoursInMonth * qsizetype(sizeof(quint16)), char(0xFF)); // kNotReported
        auto *data = reinterpret_cast<uchar *>(blob.data());
        for (const auto &[hour, seconds] : hours)
            qToLittleEndian<quint16>(seconds, data + hour * sizeof(quint16));
        write.bindValue(0, contract);
        write.bindValue(1, vm);
        write.bindValue(2, start);
        write.bindValue(3, blob);
        if (!write.exec())
            return failed(write);
    }
    return {};
}

Result<QList<VmUsage>> ChargebackStore::usage(qint64 from, qint64 to) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT contract, vm, month_start, seconds FROM usage_months"
                             " WHERE month_start >= ? AND month_start < ? ORDER BY contract, vm, month_start"));
    q.addBindValue(Month::containing(from).start());
    q.addBindValue(to);
    if (!q.exec())
        return sqlError(QStringLiteral("usage"));
    QList<VmUsage> out;
    while (q.next()) {
        const QString contract = q.value(0).toString();
        const QString vm = q.value(1).toString();
        const qint64 start = q.value(2).toLongLong();
        const QByteArray blob = q.value(3).toByteArray();
        if (out.isEmpty() || out.last().contract != contract || out.last().vm != vm)
            out.append(VmUsage{contract, vm, {}});
        std::vector<UsageSlot> &hours = out.last().hours;
        const auto *data = reinterpret_cast<const uchar *>(blob.constData());
        const qsizetype count = blob.size() / qsizetype(sizeof(quint16));
        hours.reserve(hours.size() + std::size_t(count));
        for (qsizetype i = 0; i < count; ++i) {
            const quint16 seconds = qFromLittleEndian<quint16>(data + i * sizeof(quint16));
            const qint64 hourStart = start + i * kHour;
            if (seconds != kNotReported && hourStart >= from && hourStart < to)
                hours.push_back(UsageSlot{hourStart, seconds});
        }
    }
    return out;
}

Result<QList<Month>> ChargebackStore::usageMonths() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT MIN(month_start), MAX(month_start) FROM usage_months")) || !q.next())
        return sqlError(QStringLiteral("usage"));
    QList<Month> out;
    if (q.value(0).isNull())
        return out;
    const Month last = Month::containing(q.value(1).toLongLong());
    for (Month m = Month::containing(q.value(0).toLongLong()); m.start() <= last.start(); m = m.next())
        out.append(m);
    return out;
}

Result<void> ChargebackStore::saveSpot(const QString &product, const SpotSeries &series)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return sqlError(QStringLiteral("spot"));
    for (const auto &[knownAt, price] : series.samples()) {
        if (auto ok =
                exec(QStringLiteral("INSERT INTO spot (product, known_at, price) VALUES (?, ?, ?)"
                                    " ON CONFLICT(product, known_at) DO UPDATE SET price = excluded.price"),
                     {product, knownAt, price});
            !ok) {
            db.rollback();
            return ok;
        }
    }
    if (!db.commit())
        return sqlError(QStringLiteral("spot"));
    return {};
}

Result<QHash<QString, SpotSeries>> ChargebackStore::spot() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT product, known_at, price FROM spot ORDER BY product, known_at")))
        return sqlError(QStringLiteral("spot"));
    QHash<QString, SpotSeries> out;
    while (q.next())
        out[q.value(0).toString()].add(q.value(1).toLongLong(), q.value(2).toLongLong());
    return out;
}

Result<ChargebackInput> ChargebackStore::input() const
{
    ChargebackInput in;
    auto customers = this->customers();
    if (!customers)
        return customers.error();
    auto assignments = this->assignments();
    if (!assignments)
        return assignments.error();
    auto contracts = this->contracts();
    if (!contracts)
        return contracts.error();
    auto spot = this->spot();
    if (!spot)
        return spot.error();
    in.customers = *customers;
    in.assignments = *assignments;
    in.contracts = *contracts;
    in.spot = *spot;
    return in;
}

} // namespace cloudex::manage
