#include "agentstore.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace cloudex::connect {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Connect)
};

using catalogue::Tenancy;

const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS tenants (id TEXT PRIMARY KEY, name TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS host_groups (name TEXT PRIMARY KEY, tenancy TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS host_group_hosts (group_name TEXT NOT NULL REFERENCES host_groups(name) "
    "ON DELETE CASCADE, host TEXT NOT NULL UNIQUE)",
    "CREATE TABLE IF NOT EXISTS host_group_tenants (group_name TEXT NOT NULL REFERENCES host_groups(name) "
    "ON DELETE CASCADE, tenant TEXT NOT NULL, PRIMARY KEY (group_name, tenant))",
    "CREATE TABLE IF NOT EXISTS connections (key TEXT PRIMARY KEY, kind TEXT NOT NULL, command TEXT NOT "
    "NULL, "
    "host TEXT NOT NULL, position INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS vms (name TEXT PRIMARY KEY, tenant TEXT NOT NULL, host TEXT NOT NULL, "
    "tenancy TEXT NOT NULL, template TEXT NOT NULL, vcpus INTEGER NOT NULL, memory_mib INTEGER NOT NULL, "
    "running INTEGER NOT NULL, created_ms INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS templates (name TEXT NOT NULL, host TEXT NOT NULL, capacity_bytes INTEGER "
    "NOT NULL, "
    "PRIMARY KEY (name, host))",
    "CREATE TABLE IF NOT EXISTS offers (product TEXT PRIMARY KEY, reserved INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS contracts (id TEXT PRIMARY KEY, buyer TEXT NOT NULL, seller TEXT NOT NULL, "
    "product TEXT NOT NULL, instrument TEXT NOT NULL, quantity INTEGER NOT NULL, start_ms INTEGER NOT NULL, "
    "end_ms INTEGER NOT NULL, state TEXT NOT NULL, terminated INTEGER NOT NULL, terminated_ms INTEGER NOT NULL, "
    "at_risk INTEGER NOT NULL, reservation_group TEXT NOT NULL, reservation_hosts INTEGER NOT NULL, "
    "stage INTEGER NOT NULL, stage_ms INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS contract_vms (contract TEXT NOT NULL, name TEXT NOT NULL, domain TEXT NOT NULL, "
    "template TEXT NOT NULL, created_ms INTEGER NOT NULL, PRIMARY KEY (contract, name))",
    "CREATE TABLE IF NOT EXISTS usage_intervals (contract TEXT NOT NULL, vm TEXT NOT NULL, kind TEXT NOT NULL, "
    "start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS usage_by_contract ON usage_intervals (contract)",
    // Covers the capacity sums per host (hostUsage(), after every operation): read from
    // the index alone, not from each VM's row.
    "DROP INDEX IF EXISTS vms_by_host",
    "CREATE INDEX IF NOT EXISTS vms_usage_by_host ON vms (host, vcpus, memory_mib)",
    "CREATE TABLE IF NOT EXISTS crl (id INTEGER PRIMARY KEY CHECK (id = 1), der BLOB NOT NULL, "
    "this_update_ms INTEGER NOT NULL, next_update_ms INTEGER NOT NULL, fetched_ms INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS enforcement_log (contract TEXT NOT NULL, step TEXT NOT NULL, at_ms INTEGER "
    "NOT NULL, detail TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS vm_operations (contract TEXT NOT NULL, vm TEXT NOT NULL, operation TEXT NOT NULL, "
    "user TEXT NOT NULL, serial TEXT NOT NULL, at_ms INTEGER NOT NULL)",
    // How far each report to the exchange got ("vm-operations": the last rowid reported).
    "CREATE TABLE IF NOT EXISTS exchange_reports (name TEXT PRIMARY KEY, last INTEGER NOT NULL)",
};

// Lists are stored one element per line: tenant ids and host ids never contain newlines.
QString joinLines(const QStringList &list)
{
    return list.join(u'\n');
}
} // namespace

QString offerWindowsText(const QList<OfferWindow> &windows)
{
    QStringList parts;
    for (const OfferWindow &w : windows)
        parts.append(catalogue::periodKindLetter(w.kind) + QString::number(w.count));
    return parts.join(u',');
}

Result<QList<OfferWindow>> parseOfferWindows(QStringView text)
{
    QList<OfferWindow> result;
    for (QStringView part : text.split(u',', Qt::SkipEmptyParts)) {
        part = part.trimmed();
        std::optional<catalogue::PeriodKind> kind;
        for (catalogue::PeriodKind k : catalogue::allPeriodKinds()) {
            if (!part.isEmpty() && part.front().toUpper() == catalogue::periodKindLetter(k))
                kind = k;
        }
        bool ok = false;
        const int count = part.mid(1).toInt(&ok);
        if (!kind || !ok || count < 1 || count > 366)
            return Error{QStringLiteral("offer.bad-periods"),
                         Tr::tr("%1 is not a run of periods such as H12 (the next twelve hours) or D7.")
                             .arg(part.toString())};
        result.append(OfferWindow{*kind, count});
    }
    return result;
}

AgentStore::AgentStore()
    : m_connectionName(QStringLiteral("cloudex-connect-") +
                       QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

AgentStore::~AgentStore()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool AgentStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) &&
           QSqlDatabase::database(m_connectionName, false).isOpen();
}

Error AgentStore::sqlError(const QString &what) const
{
    return Error{QStringLiteral("store.sql"),
                 Tr::tr("The site's records cannot be written (%1): %2")
                     .arg(what, QSqlDatabase::database(m_connectionName, false).lastError().text())};
}

Result<QSqlDatabase> AgentStore::connect(const QString &file)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(file);
    if (!db.open()) {
        return Error{QStringLiteral("store.open"),
                     Tr::tr("Cannot open the site's records %1: %2").arg(file, db.lastError().text())};
    }
    return db;
}

Result<void> AgentStore::open(const QString &file)
{
    auto connected = connect(file);
    if (!connected)
        return connected.error();
    QSqlDatabase db = *connected;
    for (const char *pragma :
         {"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"}) {
        QSqlQuery query(db);
        query.exec(QString::fromLatin1(pragma)); // WAL is refused for :memory:, which is fine
    }
    for (const char *statement : kSchema) {
        if (auto ok = exec(QString::fromLatin1(statement)); !ok)
            return ok;
    }
    return migrate();
}

Result<void> AgentStore::openForReading(const QString &file)
{
    auto connected = connect(file);
    if (!connected)
        return connected.error();
    QSqlQuery query(*connected);
    if (!query.exec(QStringLiteral("PRAGMA query_only = ON")) || !query.exec(QStringLiteral("SELECT 1 FROM vms LIMIT 1")))
        return Error{QStringLiteral("store.open"),
                     Tr::tr("Cannot open the site's records %1: %2").arg(file, query.lastError().text())};
    return {};
}

// Schema versions (PRAGMA user_version): 0 the first layout; 1 offers gain their periods and
// price (records of version 0 keep their product and reserved instances, with no periods, so
// they stay local until the seller gives them periods and a price).
Result<void> AgentStore::migrate()
{
    QSqlQuery version(QSqlDatabase::database(m_connectionName, false));
    version.exec(QStringLiteral("PRAGMA user_version"));
    const int current = version.next() ? version.value(0).toInt() : 0;
    if (current < 1) {
        QSqlQuery columns(QSqlDatabase::database(m_connectionName, false));
        columns.exec(QStringLiteral("PRAGMA table_info(offers)"));
        QStringList have;
        while (columns.next())
            have.append(columns.value(1).toString());
        const QList<QPair<QString, QString>> added{
            {QStringLiteral("windows"), QStringLiteral("TEXT NOT NULL DEFAULT ''")},
            {QStringLiteral("price_mode"), QStringLiteral("TEXT NOT NULL DEFAULT 'fixed'")},
            {QStringLiteral("price"), QStringLiteral("INTEGER NOT NULL DEFAULT 0")},
            {QStringLiteral("markup_bp"), QStringLiteral("INTEGER NOT NULL DEFAULT 0")},
            {QStringLiteral("floor"), QStringLiteral("INTEGER NOT NULL DEFAULT 0")},
            {QStringLiteral("cap"), QStringLiteral("INTEGER NOT NULL DEFAULT 0")},
            {QStringLiteral("pool"), QStringLiteral("TEXT NOT NULL DEFAULT ''")}};
        for (const auto &[name, type] : added) {
            if (have.contains(name))
                continue;
            if (auto ok = exec(QStringLiteral("ALTER TABLE offers ADD COLUMN ") + name + u' ' + type); !ok)
                return ok;
        }
        if (auto ok = exec(QStringLiteral("PRAGMA user_version = 1")); !ok)
            return ok;
    }
    return {};
}

int AgentStore::schemaVersion() const
{
    QSqlQuery version(QSqlDatabase::database(m_connectionName, false));
    version.exec(QStringLiteral("PRAGMA user_version"));
    return version.next() ? version.value(0).toInt() : -1;
}

Result<void> AgentStore::exec(const QString &sql, const QVariantList &values) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.prepare(sql))
        return Error{QStringLiteral("store.sql"),
                     Tr::tr("The site's records cannot be read: %1").arg(query.lastError().text())};
    for (const QVariant &value : values) {
        // A null QString binds as SQL NULL; the records use '' for "none".
        const bool nullString = value.typeId() == QMetaType::QString && value.toString().isNull();
        query.addBindValue(nullString ? QVariant(QStringLiteral("")) : value);
    }
    if (!query.exec())
        return Error{QStringLiteral("store.sql"),
                     Tr::tr("The site's records cannot be written: %1").arg(query.lastError().text())};
    return {};
}

QList<Tenant> AgentStore::tenants() const
{
    QList<Tenant> result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.exec(QStringLiteral("SELECT id, name FROM tenants ORDER BY id"));
    while (query.next())
        result.append(Tenant{query.value(0).toString(), query.value(1).toString()});
    return result;
}

bool AgentStore::hasTenant(const QString &id) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT 1 FROM tenants WHERE id = ?"));
    query.addBindValue(id);
    return query.exec() && query.next();
}

Result<void> AgentStore::saveTenant(const Tenant &tenant)
{
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,31}$"));
    if (!idPattern.match(tenant.id).hasMatch()) {
        return Error{QStringLiteral("tenant.id"),
                     Tr::tr("\"%1\" is not a tenant id: use up to 32 lower-case letters, digits, - and _.")
                         .arg(tenant.id)};
    }
    return exec(QStringLiteral("INSERT INTO tenants (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET "
                               "name = excluded.name"),
                {tenant.id, tenant.name.isEmpty() ? tenant.id : tenant.name});
}

Result<void> AgentStore::removeTenant(const QString &id)
{
    for (const VmRecord &vm : vms()) {
        if (vm.tenant == id)
            return Error{QStringLiteral("tenant.in-use"),
                         Tr::tr("Tenant %1 still owns VM %2.").arg(id, vm.name)};
    }
    for (const HostGroup &group : hostGroups()) {
        if (group.tenants.contains(id)) {
            return Error{QStringLiteral("tenant.in-use"),
                         Tr::tr("Tenant %1 is named by host group %2.").arg(id, group.name)};
        }
    }
    return exec(QStringLiteral("DELETE FROM tenants WHERE id = ?"), {id});
}

QList<HostGroup> AgentStore::hostGroups() const
{
    QList<HostGroup> result;
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    query.exec(QStringLiteral("SELECT name, tenancy FROM host_groups ORDER BY name"));
    while (query.next()) {
        HostGroup group;
        group.name = query.value(0).toString();
        group.tenancy = catalogue::tenancyFromCode(query.value(1).toString()).value_or(Tenancy::Shared);
        result.append(group);
    }
    for (HostGroup &group : result) {
        QSqlQuery members(db);
        members.prepare(
            QStringLiteral("SELECT host FROM host_group_hosts WHERE group_name = ? ORDER BY host"));
        members.addBindValue(group.name);
        members.exec();
        while (members.next())
            group.hosts.append(members.value(0).toString());
        QSqlQuery tenants(db);
        tenants.prepare(
            QStringLiteral("SELECT tenant FROM host_group_tenants WHERE group_name = ? ORDER BY tenant"));
        tenants.addBindValue(group.name);
        tenants.exec();
        while (tenants.next())
            group.tenants.append(tenants.value(0).toString());
    }
    return result;
}

Result<void> AgentStore::saveHostGroup(const HostGroup &group)
{
    QList<HostGroup> groups = hostGroups();
    groups.removeIf([&](const HostGroup &g) { return g.name == group.name; });
    groups.append(group);
    if (auto valid = Placement::validate(groups); !valid)
        return valid;
    for (const QString &tenant : group.tenants) {
        if (!hasTenant(tenant))
            return Error{QStringLiteral("tenant.unknown"), Tr::tr("There is no tenant %1.").arg(tenant)};
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    db.transaction();
    auto ok = exec(QStringLiteral("DELETE FROM host_groups WHERE name = ?"), {group.name});
    if (ok)
        ok = exec(QStringLiteral("INSERT INTO host_groups (name, tenancy) VALUES (?, ?)"),
                  {group.name, catalogue::tenancyCode(group.tenancy)});
    for (const QString &host : group.hosts) {
        if (ok)
            ok = exec(QStringLiteral("INSERT INTO host_group_hosts (group_name, host) VALUES (?, ?)"),
                      {group.name, host});
    }
    for (const QString &tenant : group.tenants) {
        if (ok)
            ok = exec(QStringLiteral("INSERT INTO host_group_tenants (group_name, tenant) VALUES (?, ?)"),
                      {group.name, tenant});
    }
    if (!ok) {
        db.rollback();
        return ok;
    }
    if (!db.commit())
        return sqlError(QStringLiteral("host group"));
    return {};
}

Result<void> AgentStore::removeHostGroup(const QString &name)
{
    return exec(QStringLiteral("DELETE FROM host_groups WHERE name = ?"), {name});
}

QList<ConnectionRecord> AgentStore::connections() const
{
    QList<ConnectionRecord> result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.exec(QStringLiteral("SELECT key, kind, command, host FROM connections ORDER BY position, key"));
    while (query.next()) {
        ConnectionRecord record;
        record.key = query.value(0).toString();
        record.kind = query.value(1).toString() == QLatin1String("workflow")
                          ? ConnectionRecord::Kind::Workflow
                          : ConnectionRecord::Kind::Libvirt;
        const QString command = query.value(2).toString();
        record.command = command.isEmpty() ? QStringList() : command.split(u'\n');
        record.hostId = query.value(3).toString();
        result.append(record);
    }
    return result;
}

Result<void> AgentStore::saveConnection(const ConnectionRecord &connection)
{
    const qsizetype position = connections().size();
    return exec(
        QStringLiteral("INSERT INTO connections (key, kind, command, host, position) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT(key) DO UPDATE SET kind = excluded.kind, command = excluded.command, "
                       "host = excluded.host"),
        {connection.key,
         connection.kind == ConnectionRecord::Kind::Workflow ? QStringLiteral("workflow")
                                                             : QStringLiteral("libvirt"),
         joinLines(connection.command), connection.hostId, qint64(position)});
}

Result<void> AgentStore::removeConnection(const QString &key)
{
    return exec(QStringLiteral("DELETE FROM connections WHERE key = ?"), {key});
}

namespace {
VmRecord readVm(const QSqlQuery &query)
{
    VmRecord vm;
    vm.name = query.value(0).toString();
    vm.tenant = query.value(1).toString();
    vm.host = query.value(2).toString();
    vm.tenancy = catalogue::tenancyFromCode(query.value(3).toString()).value_or(Tenancy::Shared);
    vm.templateName = query.value(4).toString();
    vm.vcpus = query.value(5).toInt();
    vm.memoryMiB = query.value(6).toLongLong();
    vm.running = query.value(7).toBool();
    vm.createdMs = query.value(8).toLongLong();
    return vm;
}
const auto kVmColumns =
    QStringLiteral("name, tenant, host, tenancy, template, vcpus, memory_mib, running, created_ms");
} // namespace

QList<VmRecord> AgentStore::vms() const
{
    QList<VmRecord> result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.exec(QStringLiteral("SELECT ") + kVmColumns + QStringLiteral(" FROM vms ORDER BY name"));
    while (query.next())
        result.append(readVm(query));
    return result;
}

std::optional<VmRecord> AgentStore::vm(const QString &name) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT ") + kVmColumns + QStringLiteral(" FROM vms WHERE name = ?"));
    query.addBindValue(name);
    if (query.exec() && query.next())
        return readVm(query);
    return std::nullopt;
}

Result<void> AgentStore::saveVm(const VmRecord &vm)
{
    return exec(QStringLiteral("INSERT OR REPLACE INTO vms (") + kVmColumns +
                    QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {vm.name, vm.tenant, vm.host, catalogue::tenancyCode(vm.tenancy), vm.templateName, vm.vcpus,
                 vm.memoryMiB, vm.running, vm.createdMs});
}

Result<void> AgentStore::removeVm(const QString &name)
{
    return exec(QStringLiteral("DELETE FROM vms WHERE name = ?"), {name});
}

Result<void> AgentStore::inTransaction(const std::function<Result<void>()> &work)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return sqlError(QStringLiteral("begin"));
    auto ok = work();
    if (!ok) {
        db.rollback();
        return ok;
    }
    if (!db.commit())
        return sqlError(QStringLiteral("commit"));
    return {};
}

std::pair<qint64, qint64> AgentStore::hostUsage(const QString &host) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(
        QStringLiteral("SELECT COALESCE(SUM(vcpus), 0), COALESCE(SUM(memory_mib), 0) FROM vms WHERE host = ?"));
    query.addBindValue(host);
    if (!query.exec() || !query.next())
        return {0, 0};
    return {query.value(0).toLongLong(), query.value(1).toLongLong()};
}

QHash<QString, std::pair<qint64, qint64>> AgentStore::ownVmUsageByHost() const
{
    QHash<QString, std::pair<qint64, qint64>> result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.exec(QStringLiteral("SELECT host, SUM(vcpus), SUM(memory_mib) FROM vms"
                              " WHERE name NOT IN (SELECT domain FROM contract_vms) GROUP BY host"));
    while (query.next())
        result.insert(query.value(0).toString(), {query.value(1).toLongLong(), query.value(2).toLongLong()});
    return result;
}

QList<TemplateInfo> AgentStore::templates() const
{
    QList<TemplateInfo> result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.exec(QStringLiteral("SELECT name, host, capacity_bytes FROM templates ORDER BY name, host"));
    while (query.next())
        result.append(
            TemplateInfo{query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong()});
    return result;
}

Result<void> AgentStore::replaceTemplates(const QList<TemplateInfo> &templates)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    db.transaction();
    auto ok = exec(QStringLiteral("DELETE FROM templates"));
    for (const TemplateInfo &t : templates) {
        if (ok)
            ok = exec(QStringLiteral(
                          "INSERT OR REPLACE INTO templates (name, host, capacity_bytes) VALUES (?, ?, ?)"),
                      {t.name, t.host, t.capacityBytes});
    }
    if (!ok) {
        db.rollback();
        return ok;
    }
    if (!db.commit())
        return sqlError(QStringLiteral("templates"));
    return {};
}

QList<Offer> AgentStore::offers() const
{
    QList<Offer> result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.exec(QStringLiteral("SELECT product, reserved, windows, price_mode, price, markup_bp, floor, cap, pool "
                              "FROM offers ORDER BY product"));
    while (query.next()) {
        Offer offer;
        offer.product = query.value(0).toString();
        offer.reservedInstances = query.value(1).toInt();
        if (auto windows = parseOfferWindows(query.value(2).toString()))
            offer.windows = *windows;
        offer.priceMode = query.value(3).toString() == u"spot" ? Offer::PriceMode::SpotLinked
                                                                : Offer::PriceMode::Fixed;
        offer.priceTicks = query.value(4).toLongLong();
        offer.markupBasisPoints = query.value(5).toInt();
        offer.floorTicks = query.value(6).toLongLong();
        offer.capTicks = query.value(7).toLongLong();
        offer.pool = query.value(8).toString();
        result.append(offer);
    }
    return result;
}

Result<void> AgentStore::saveOffer(const Offer &offer)
{
    if (offer.reservedInstances < 0)
        return Error{QStringLiteral("offer.negative"), Tr::tr("Reserved instances cannot be negative.")};
    if (offer.reservedInstances == 0)
        return exec(QStringLiteral("DELETE FROM offers WHERE product = ?"), {offer.product});
    return exec(QStringLiteral("INSERT INTO offers (product, reserved, windows, price_mode, price, markup_bp, "
                               "floor, cap, pool) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                               "ON CONFLICT(product) DO UPDATE SET reserved = excluded.reserved, "
                               "windows = excluded.windows, price_mode = excluded.price_mode, "
                               "price = excluded.price, markup_bp = excluded.markup_bp, "
                               "floor = excluded.floor, cap = excluded.cap, pool = excluded.pool"),
                {offer.product, offer.reservedInstances, offerWindowsText(offer.windows),
                 offer.priceMode == Offer::PriceMode::SpotLinked ? QStringLiteral("spot") : QStringLiteral("fixed"),
                 offer.priceTicks, offer.markupBasisPoints, offer.floorTicks, offer.capTicks, offer.pool});
}

namespace {
const auto kContractColumns = QStringLiteral(
    "id, buyer, seller, product, instrument, quantity, start_ms, end_ms, state, terminated, terminated_ms, "
    "at_risk, reservation_group, reservation_hosts, stage, stage_ms");

HeldContractRecord readContract(const QSqlQuery &q)
{
    HeldContractRecord c;
    c.id = q.value(0).toString();
    c.buyer = q.value(1).toString();
    c.seller = q.value(2).toString();
    c.product = q.value(3).toString();
    c.instrument = q.value(4).toString();
    c.quantity = q.value(5).toLongLong();
    c.startMs = q.value(6).toLongLong();
    c.endMs = q.value(7).toLongLong();
    c.state = q.value(8).toString();
    c.terminated = q.value(9).toBool();
    c.terminatedMs = q.value(10).toLongLong();
    c.atRisk = q.value(11).toBool();
    c.reservationGroup = q.value(12).toString();
    c.reservationHosts = q.value(13).toInt();
    c.stage = q.value(14).toInt();
    c.stageMs = q.value(15).toLongLong();
    return c;
}
} // namespace

QList<HeldContractRecord> AgentStore::contracts() const
{
    QList<HeldContractRecord> result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.exec(QStringLiteral("SELECT ") + kContractColumns + QStringLiteral(" FROM contracts ORDER BY id"));
    while (query.next())
        result.append(readContract(query));
    return result;
}

QList<HeldContractRecord> AgentStore::contractsRunningAfter(qint64 nowMs) const
{
    QList<HeldContractRecord> result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + kContractColumns
                  + QStringLiteral(" FROM contracts WHERE terminated = 0 AND end_ms > ? ORDER BY id"));
    query.addBindValue(nowMs);
    query.exec();
    while (query.next())
        result.append(readContract(query));
    return result;
}

std::optional<HeldContractRecord> AgentStore::contract(const QString &id) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT ") + kContractColumns + QStringLiteral(" FROM contracts WHERE id = ?"));
    query.addBindValue(id);
    if (query.exec() && query.next())
        return readContract(query);
    return std::nullopt;
}

Result<void> AgentStore::saveContract(const HeldContractRecord &c)
{
    return exec(QStringLiteral("INSERT OR REPLACE INTO contracts (") + kContractColumns
                    + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {c.id, c.buyer, c.seller, c.product, c.instrument, c.quantity, c.startMs, c.endMs, c.state,
                 c.terminated, c.terminatedMs, c.atRisk, c.reservationGroup, c.reservationHosts, c.stage,
                 c.stageMs});
}

QList<ContractVmRecord> AgentStore::contractVms(const QString &contract) const
{
    QList<ContractVmRecord> result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (contract.isEmpty()) {
        query.prepare(QStringLiteral(
            "SELECT contract, name, domain, template, created_ms FROM contract_vms ORDER BY contract, name"));
    } else {
        query.prepare(QStringLiteral("SELECT contract, name, domain, template, created_ms FROM contract_vms "
                                     "WHERE contract = ? ORDER BY name"));
        query.addBindValue(contract);
    }
    query.exec();
    while (query.next()) {
        result.append(ContractVmRecord{query.value(0).toString(), query.value(1).toString(),
                                       query.value(2).toString(), query.value(3).toString(),
                                       query.value(4).toLongLong()});
    }
    return result;
}

Result<void> AgentStore::saveContractVm(const ContractVmRecord &vm)
{
    return exec(QStringLiteral("INSERT OR REPLACE INTO contract_vms (contract, name, domain, template, created_ms) "
                               "VALUES (?, ?, ?, ?, ?)"),
                {vm.contract, vm.name, vm.domain, vm.templateName, vm.createdMs});
}

Result<void> AgentStore::removeContractVm(const QString &contract, const QString &name)
{
    return exec(QStringLiteral("DELETE FROM contract_vms WHERE contract = ? AND name = ?"), {contract, name});
}

QList<UsageInterval> AgentStore::usage(const QString &contract) const
{
    QList<UsageInterval> result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT contract, vm, kind, start_ms, end_ms FROM usage_intervals WHERE contract = ? "
                                 "ORDER BY vm, kind, start_ms"));
    query.addBindValue(contract);
    query.exec();
    while (query.next()) {
        result.append(UsageInterval{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                                    query.value(3).toLongLong(), query.value(4).toLongLong()});
    }
    return result;
}

QSet<QString> AgentStore::openIntervals(const QString &kind) const
{
    QSet<QString> result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT contract, vm FROM usage_intervals WHERE kind = ? AND end_ms = 0"));
    query.addBindValue(kind);
    query.exec();
    while (query.next())
        result.insert(query.value(0).toString() + u'/' + query.value(1).toString());
    return result;
}

Result<void> AgentStore::openInterval(const QString &contract, const QString &vm, const QString &kind, qint64 ms)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral(
        "SELECT 1 FROM usage_intervals WHERE contract = ? AND vm = ? AND kind = ? AND end_ms = 0"));
    query.addBindValue(contract);
    query.addBindValue(vm);
    query.addBindValue(kind);
    if (query.exec() && query.next())
        return {};
    return exec(QStringLiteral("INSERT INTO usage_intervals (contract, vm, kind, start_ms, end_ms) "
                               "VALUES (?, ?, ?, ?, 0)"),
                {contract, vm, kind, ms});
}

Result<void> AgentStore::closeInterval(const QString &contract, const QString &vm, const QString &kind, qint64 ms)
{
    return exec(QStringLiteral("UPDATE usage_intervals SET end_ms = max(?, start_ms) WHERE contract = ? AND vm = ? "
                               "AND kind = ? AND end_ms = 0"),
                {ms, contract, vm, kind});
}

std::optional<CrlRecord> AgentStore::crl() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.exec(QStringLiteral("SELECT der, this_update_ms, next_update_ms, fetched_ms FROM crl WHERE id = 1"));
    if (!query.next())
        return std::nullopt;
    return CrlRecord{query.value(0).toByteArray(), query.value(1).toLongLong(), query.value(2).toLongLong(),
                     query.value(3).toLongLong()};
}

Result<void> AgentStore::saveCrl(const CrlRecord &crl)
{
    return exec(QStringLiteral("INSERT OR REPLACE INTO crl (id, der, this_update_ms, next_update_ms, fetched_ms) "
                               "VALUES (1, ?, ?, ?, ?)"),
                {crl.der, crl.thisUpdateMs, crl.nextUpdateMs, crl.fetchedMs});
}

Result<void> AgentStore::logEnforcement(const QString &contract, const QString &step, qint64 ms,
                                        const QString &detail)
{
    return exec(QStringLiteral("INSERT INTO enforcement_log (contract, step, at_ms, detail) VALUES (?, ?, ?, ?)"),
                {contract, step, ms, detail});
}

Result<void> AgentStore::logOperation(const OperationRecord &o)
{
    return exec(QStringLiteral("INSERT INTO vm_operations (contract, vm, operation, user, serial, at_ms)"
                               " VALUES (?, ?, ?, ?, ?, ?)"),
                {o.contract, o.vm, o.operation, o.user, o.serial, o.atMs});
}

QList<OperationRecord> AgentStore::operations(const QString &contract) const
{
    QList<OperationRecord> result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT contract, vm, operation, user, serial, at_ms FROM vm_operations"
                                 " WHERE contract = ? ORDER BY rowid"));
    query.addBindValue(contract);
    query.exec();
    while (query.next()) {
        result.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                       query.value(3).toString(), query.value(4).toString(), query.value(5).toLongLong()});
    }
    return result;
}

QList<std::pair<qint64, OperationRecord>> AgentStore::operationsAfter(qint64 after, int limit) const
{
    QList<std::pair<qint64, OperationRecord>> result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT rowid, contract, vm, operation, user, serial, at_ms FROM vm_operations"
                                 " WHERE rowid > ? ORDER BY rowid LIMIT ?"));
    query.addBindValue(after);
    query.addBindValue(limit);
    query.exec();
    while (query.next()) {
        result.append({query.value(0).toLongLong(),
                       OperationRecord{query.value(1).toString(), query.value(2).toString(),
                                       query.value(3).toString(), query.value(4).toString(),
                                       query.value(5).toString(), query.value(6).toLongLong()}});
    }
    return result;
}

qint64 AgentStore::reportedThrough(const QString &report) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT last FROM exchange_reports WHERE name = ?"));
    query.addBindValue(report);
    query.exec();
    return query.next() ? query.value(0).toLongLong() : 0;
}

Result<void> AgentStore::setReportedThrough(const QString &report, qint64 last)
{
    return exec(QStringLiteral("INSERT OR REPLACE INTO exchange_reports (name, last) VALUES (?, ?)"), {report, last});
}

QList<QPair<QString, QString>> AgentStore::enforcementLog(const QString &contract) const
{
    QList<QPair<QString, QString>> result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT step, detail FROM enforcement_log WHERE contract = ? ORDER BY rowid"));
    query.addBindValue(contract);
    query.exec();
    while (query.next())
        result.append({query.value(0).toString(), query.value(1).toString()});
    return result;
}

} // namespace cloudex::connect
