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
};

// Lists are stored one element per line: tenant ids and host ids never contain newlines.
QString joinLines(const QStringList &list)
{
    return list.join(u'\n');
}
} // namespace

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

Result<void> AgentStore::open(const QString &file)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(file);
    if (!db.open()) {
        return Error{QStringLiteral("store.open"),
                     Tr::tr("Cannot open the site's records %1: %2").arg(file, db.lastError().text())};
    }
    for (const char *pragma :
         {"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"}) {
        QSqlQuery query(db);
        query.exec(QString::fromLatin1(pragma)); // WAL is refused for :memory:, which is fine
    }
    for (const char *statement : kSchema) {
        if (auto ok = exec(QString::fromLatin1(statement)); !ok)
            return ok;
    }
    return {};
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
    query.exec(QStringLiteral("SELECT product, reserved FROM offers ORDER BY product"));
    while (query.next())
        result.append(Offer{query.value(0).toString(), query.value(1).toInt()});
    return result;
}

Result<void> AgentStore::saveOffer(const Offer &offer)
{
    if (offer.reservedInstances < 0)
        return Error{QStringLiteral("offer.negative"), Tr::tr("Reserved instances cannot be negative.")};
    if (offer.reservedInstances == 0)
        return exec(QStringLiteral("DELETE FROM offers WHERE product = ?"), {offer.product});
    return exec(QStringLiteral("INSERT INTO offers (product, reserved) VALUES (?, ?) "
                               "ON CONFLICT(product) DO UPDATE SET reserved = excluded.reserved"),
                {offer.product, offer.reservedInstances});
}

} // namespace cloudex::connect
