#include "pki/certificatestore_p.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QVariant>

#include <atomic>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cloudex::pki {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Pki)
};

constexpr int kSchemaVersion = 1;

const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS certificates ("
    " serial TEXT PRIMARY KEY,"
    " kind INTEGER NOT NULL,"
    " participant TEXT NOT NULL,"
    " name TEXT NOT NULL,"
    " contract TEXT,"
    " not_before_ms INTEGER NOT NULL,"
    " not_after_ms INTEGER NOT NULL,"
    " issued_at_ms INTEGER NOT NULL,"
    " der BLOB NOT NULL,"
    " revoked_at_ms INTEGER,"
    " revocation_reason INTEGER)",
    "CREATE INDEX IF NOT EXISTS certificates_by_contract ON certificates (contract)"
    " WHERE contract IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS certificates_revoked ON certificates (revoked_at_ms)"
    " WHERE revoked_at_ms IS NOT NULL",
    // The live contract certificate of each holder (the identity that asked for it): a new
    // one supersedes the old. Added after schema 1 without a version change: certificates
    // issued before it have no holder row and supersede nothing.
    "CREATE TABLE IF NOT EXISTS contract_holders ("
    " contract TEXT NOT NULL,"
    " holder TEXT NOT NULL,"
    " serial TEXT NOT NULL,"
    " PRIMARY KEY (contract, holder))",
    // Added to schema 1 without a version change (organisation users, issue #16): who
    // issued, changed or revoked each identity, and the organisation's per-user limits.
    "CREATE TABLE IF NOT EXISTS identity_audit ("
    " at_ms INTEGER NOT NULL,"
    " participant TEXT NOT NULL,"
    " user TEXT NOT NULL,"
    " action TEXT NOT NULL,"
    " serial TEXT NOT NULL,"
    " permissions TEXT NOT NULL,"
    " by TEXT NOT NULL,"
    " detail TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS identity_audit_by_participant ON identity_audit (participant)",
    "CREATE TABLE IF NOT EXISTS user_limits ("
    " participant TEXT NOT NULL,"
    " user TEXT NOT NULL,"
    " max_order_quantity INTEGER,"
    " max_open_notional INTEGER,"
    " PRIMARY KEY (participant, user))",
    // Added to schema 1 without a version change (issue #16): the VM operations sites
    // report, each with the user its contract certificate names; (site, site_id) keeps a
    // resent record from counting twice.
    "CREATE TABLE IF NOT EXISTS vm_operations ("
    " site TEXT NOT NULL,"
    " site_id INTEGER NOT NULL,"
    " contract TEXT NOT NULL,"
    " buyer TEXT NOT NULL,"
    " vm TEXT NOT NULL,"
    " operation TEXT NOT NULL,"
    " user TEXT NOT NULL,"
    " serial TEXT NOT NULL,"
    " at_ms INTEGER NOT NULL,"
    " PRIMARY KEY (site, site_id))",
    "CREATE INDEX IF NOT EXISTS vm_operations_by_buyer ON vm_operations (buyer, at_ms)",
    "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', 1)",
    "INSERT OR IGNORE INTO meta (key, value) VALUES ('crl_number', 0)",
    // The data directory's identity (docs/ARCHITECTURE.md "Data directory"); added to
    // schema 1 without a version change: older databases just have no row yet.
    "CREATE TABLE IF NOT EXISTS exchange_identity (exchange_id TEXT NOT NULL, epoch INTEGER NOT NULL)",
};

const char kSelectColumns[] =
    "SELECT serial, kind, participant, name, contract, not_before_ms, not_after_ms, der FROM certificates ";

IssuedCertificate fromRow(const QSqlQuery &query)
{
    IssuedCertificate c;
    c.serial = query.value(0).toString();
    c.kind = CertificateKind(query.value(1).toInt());
    c.participant = query.value(2).toString();
    c.name = query.value(3).toString();
    c.contractId = query.value(4).toString();
    c.notBeforeMs = query.value(5).toLongLong();
    c.notAfterMs = query.value(6).toLongLong();
    c.der = query.value(7).toByteArray();
    return c;
}
} // namespace

CertificateStore::CertificateStore()
{
    static std::atomic<int> counter{0};
    m_connection = QStringLiteral("cloudex-pki-%1").arg(counter.fetch_add(1));
}

CertificateStore::~CertificateStore()
{
    m_insert.reset();
    if (QSqlDatabase::contains(m_connection)) {
        database().close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

QSqlDatabase CertificateStore::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

Error CertificateStore::sqlError(const QSqlQuery &query) const
{
    return Error{QStringLiteral("pki.store.failed"),
                 Tr::tr("The certificate database failed: %1").arg(query.lastError().text())};
}

Result<void> CertificateStore::open(const QString &path)
{
    // Owner-only: created 0600 before SQLite opens it (its -wal and -shm copy the mode), or
    // tightened when an older version left it open to others.
    const QByteArray name = path.toLocal8Bit();
    if (const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
        fd >= 0) {
        ::close(fd);
    } else {
        for (const char *suffix : {"", "-wal", "-shm"})
            ::chmod(QByteArray(name + suffix).constData(), S_IRUSR | S_IWUSR);
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    if (!db.open()) {
        return Error{QStringLiteral("pki.store.open-failed"),
                     Tr::tr("Cannot open the certificate database %1: %2").arg(path, db.lastError().text())};
    }
    QSqlQuery query(db);
    // WAL with full sync: an issued serial or a revocation must survive a crash.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
        if (!query.exec(QString::fromLatin1(pragma)))
            return sqlError(query);
    }
    for (const char *statement : kSchema) {
        if (!query.exec(QString::fromLatin1(statement)))
            return sqlError(query);
    }
    if (!query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'")) || !query.next())
        return sqlError(query);
    if (query.value(0).toInt() != kSchemaVersion) {
        return Error{QStringLiteral("pki.store.schema"),
                     Tr::tr("The certificate database %1 has an unknown schema version.").arg(path)};
    }
    m_insert.emplace(db);
    if (!m_insert->prepare(QStringLiteral(
            "INSERT INTO certificates (serial, kind, participant, name, contract, not_before_ms,"
            " not_after_ms, issued_at_ms, der) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")))
        return sqlError(*m_insert);
    return {};
}

Result<std::optional<ExchangeIdentity>> CertificateStore::identity() const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT exchange_id, epoch FROM exchange_identity")))
        return sqlError(q);
    if (!q.next())
        return std::optional<ExchangeIdentity>();
    return std::optional<ExchangeIdentity>(ExchangeIdentity{q.value(0).toString(), q.value(1).toLongLong()});
}

Result<void> CertificateStore::setIdentity(const ExchangeIdentity &identity)
{
    auto existing = this->identity();
    if (!existing)
        return existing.error();
    if (existing.value()) {
        if (*existing.value() == identity)
            return {};
        return Error{QStringLiteral("pki.store.identity"),
                     Tr::tr("The certificate database belongs to exchange %1 (epoch %2).")
                         .arg(existing.value()->exchangeId)
                         .arg(existing.value()->epoch)};
    }
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO exchange_identity (exchange_id, epoch) VALUES (?, ?)"));
    q.addBindValue(identity.exchangeId);
    q.addBindValue(identity.epoch);
    if (!q.exec())
        return sqlError(q);
    return {};
}

Result<std::optional<ExchangeIdentity>> CertificateStore::readIdentity(const QString &path)
{
    static std::atomic<int> counter{0};
    const QString connection = QStringLiteral("cloudex-pki-read-%1").arg(counter.fetch_add(1));
    Result<std::optional<ExchangeIdentity>> result = std::optional<ExchangeIdentity>();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            result =
                Error{QStringLiteral("pki.store.open-failed"),
                      Tr::tr("Cannot open the certificate database %1: %2").arg(path, db.lastError().text())};
        } else {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT exchange_id, epoch FROM exchange_identity")) && q.next())
                result = std::optional<ExchangeIdentity>(
                    ExchangeIdentity{q.value(0).toString(), q.value(1).toLongLong()});
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

Result<void> CertificateStore::begin()
{
    QSqlDatabase db = database();
    if (!db.transaction())
        return Error{QStringLiteral("pki.store.failed"),
                     Tr::tr("The certificate database failed: %1").arg(db.lastError().text())};
    return {};
}

Result<void> CertificateStore::commit()
{
    QSqlDatabase db = database();
    if (!db.commit()) {
        const QString text = db.lastError().text();
        db.rollback();
        return Error{QStringLiteral("pki.store.failed"), Tr::tr("The certificate database failed: %1").arg(text)};
    }
    return {};
}

void CertificateStore::rollback()
{
    database().rollback();
}

Result<void> CertificateStore::insert(const IssuedCertificate &c, qint64 issuedAtMs)
{
    QSqlQuery &q = *m_insert;
    q.bindValue(0, c.serial);
    q.bindValue(1, int(c.kind));
    q.bindValue(2, c.participant);
    q.bindValue(3, c.name);
    q.bindValue(4, c.contractId.isEmpty() ? QVariant() : QVariant(c.contractId));
    q.bindValue(5, c.notBeforeMs);
    q.bindValue(6, c.notAfterMs);
    q.bindValue(7, issuedAtMs);
    q.bindValue(8, c.der);
    if (!q.exec())
        return sqlError(q);
    return {};
}

std::optional<IssuedCertificate> CertificateStore::find(const QString &serial) const
{
    QSqlQuery q(database());
    q.prepare(QString::fromLatin1(kSelectColumns) + QStringLiteral("WHERE serial = ?"));
    q.addBindValue(serial);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return fromRow(q);
}

QList<IssuedCertificate> CertificateStore::forContract(const QString &contractId) const
{
    QList<IssuedCertificate> result;
    QSqlQuery q(database());
    q.prepare(QString::fromLatin1(kSelectColumns) + QStringLiteral("WHERE contract = ? ORDER BY issued_at_ms"));
    q.addBindValue(contractId);
    if (q.exec()) {
        while (q.next())
            result.append(fromRow(q));
    }
    return result;
}

std::optional<Revocation> CertificateStore::revocation(const QString &serial) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT revoked_at_ms, revocation_reason FROM certificates"
                             " WHERE serial = ? AND revoked_at_ms IS NOT NULL"));
    q.addBindValue(serial);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return Revocation{QByteArray::fromHex(serial.toLatin1()), q.value(0).toLongLong(),
                      RevocationReason(q.value(1).toInt())};
}

Result<int> CertificateStore::revoke(const QStringList &serials, qint64 atMs, RevocationReason reason)
{
    QSqlQuery update(database());
    QSqlQuery exists(database());
    if (!update.prepare(QStringLiteral("UPDATE certificates SET revoked_at_ms = ?, revocation_reason = ?"
                                       " WHERE serial = ? AND revoked_at_ms IS NULL"))
        || !exists.prepare(QStringLiteral("SELECT 1 FROM certificates WHERE serial = ?")))
        return sqlError(update);
    int changed = 0;
    for (const QString &serial : serials) {
        update.bindValue(0, atMs);
        update.bindValue(1, int(reason));
        update.bindValue(2, serial);
        if (!update.exec())
            return sqlError(update);
        if (update.numRowsAffected() > 0) {
            ++changed;
            continue;
        }
        exists.bindValue(0, serial);
        if (!exists.exec())
            return sqlError(exists);
        if (!exists.next()) {
            return Error{QStringLiteral("pki.revoke.unknown"),
                         Tr::tr("No certificate with serial %1 was issued by this CA.").arg(serial)};
        }
    }
    return changed;
}

Result<QList<Revocation>> CertificateStore::revocations() const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT serial, revoked_at_ms, revocation_reason FROM certificates"
                               " WHERE revoked_at_ms IS NOT NULL")))
        return sqlError(q);
    QList<Revocation> result;
    while (q.next()) {
        result.append(Revocation{QByteArray::fromHex(q.value(0).toString().toLatin1()), q.value(1).toLongLong(),
                                 RevocationReason(q.value(2).toInt())});
    }
    return result;
}

qint64 CertificateStore::certificateCount() const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM certificates")) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

std::optional<QString> CertificateStore::holderSerial(const QString &contractId, const QString &holder) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT serial FROM contract_holders WHERE contract = ? AND holder = ?"));
    q.addBindValue(contractId);
    q.addBindValue(holder);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return q.value(0).toString();
}

Result<void> CertificateStore::setHolderSerial(const QString &contractId, const QString &holder,
                                               const QString &serial)
{
    QSqlQuery q(database());
    if (!q.prepare(QStringLiteral("INSERT OR REPLACE INTO contract_holders (contract, holder, serial)"
                                  " VALUES (?, ?, ?)")))
        return sqlError(q);
    q.addBindValue(contractId);
    q.addBindValue(holder);
    q.addBindValue(serial);
    if (!q.exec())
        return sqlError(q);
    return {};
}

Result<qint64> CertificateStore::takeCrlNumber()
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("UPDATE meta SET value = value + 1 WHERE key = 'crl_number'")))
        return sqlError(q);
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'crl_number'")) || !q.next())
        return sqlError(q);
    return q.value(0).toLongLong();
}

QList<IssuedCertificate> CertificateStore::identitiesOf(const QString &participant, CertificateKind kind) const
{
    QList<IssuedCertificate> result;
    QSqlQuery q(database());
    q.prepare(QString::fromLatin1(kSelectColumns)
              + QStringLiteral("WHERE participant = ? AND kind = ? ORDER BY issued_at_ms, serial"));
    q.addBindValue(participant);
    q.addBindValue(int(kind));
    if (q.exec()) {
        while (q.next())
            result.append(fromRow(q));
    }
    return result;
}

QStringList CertificateStore::liveHolderSerials(const QString &participant, const QString &holder) const
{
    QStringList result;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT h.serial FROM contract_holders h JOIN certificates c ON c.serial = h.serial"
                             " WHERE h.holder = ? AND c.participant = ? AND c.revoked_at_ms IS NULL"
                             " ORDER BY h.serial"));
    q.addBindValue(holder);
    q.addBindValue(participant);
    if (q.exec()) {
        while (q.next())
            result.append(q.value(0).toString());
    }
    return result;
}

Result<void> CertificateStore::appendAudit(const AuditEntry &entry)
{
    QSqlQuery q(database());
    if (!q.prepare(QStringLiteral("INSERT INTO identity_audit (at_ms, participant, user, action, serial,"
                                  " permissions, by, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")))
        return sqlError(q);
    // A null QString binds as NULL; the columns are NOT NULL, so empty text is bound as ''.
    const auto text = [](const QString &value) { return value.isNull() ? QStringLiteral("") : value; };
    q.addBindValue(entry.atMs);
    q.addBindValue(text(entry.participant));
    q.addBindValue(text(entry.user));
    q.addBindValue(text(entry.action));
    q.addBindValue(text(entry.serial));
    q.addBindValue(text(entry.permissions.join(u',')));
    q.addBindValue(text(entry.by));
    q.addBindValue(text(entry.detail));
    if (!q.exec())
        return sqlError(q);
    return {};
}

Result<int> CertificateStore::appendVmOperations(const QList<VmOperationRecord> &records)
{
    if (auto begun = begin(); !begun)
        return begun.error();
    QSqlQuery q(database());
    if (!q.prepare(QStringLiteral("INSERT OR IGNORE INTO vm_operations (site, site_id, contract, buyer, vm,"
                                  " operation, user, serial, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))) {
        rollback();
        return sqlError(q);
    }
    const auto text = [](const QString &value) { return value.isNull() ? QStringLiteral("") : value; };
    int added = 0;
    for (const VmOperationRecord &r : records) {
        q.bindValue(0, text(r.site));
        q.bindValue(1, r.siteId);
        q.bindValue(2, text(r.contract));
        q.bindValue(3, text(r.buyer));
        q.bindValue(4, text(r.vm));
        q.bindValue(5, text(r.operation));
        q.bindValue(6, text(r.user));
        q.bindValue(7, text(r.serial));
        q.bindValue(8, r.atMs);
        if (!q.exec()) {
            const Error error = sqlError(q);
            rollback();
            return error;
        }
        added += q.numRowsAffected() > 0 ? 1 : 0;
    }
    if (auto committed = commit(); !committed)
        return committed.error();
    return added;
}

QList<VmOperationRecord> CertificateStore::vmOperations(const QString &buyer, const QString &contract,
                                                        const QString &user, int limit) const
{
    QList<VmOperationRecord> result;
    QSqlQuery q(database());
    // The newest `limit`, then oldest first; ties in time keep the site's order.
    q.prepare(QStringLiteral("SELECT site, site_id, contract, buyer, vm, operation, user, serial, at_ms FROM"
                             " (SELECT *, rowid AS r FROM vm_operations WHERE buyer = ?"
                             " AND (? = '' OR contract = ?) AND (? = '' OR user = ?)"
                             " ORDER BY at_ms DESC, r DESC LIMIT ?) ORDER BY at_ms, r"));
    const QString c = contract.isNull() ? QStringLiteral("") : contract;
    const QString u = user.isNull() ? QStringLiteral("") : user;
    q.addBindValue(buyer);
    q.addBindValue(c);
    q.addBindValue(c);
    q.addBindValue(u);
    q.addBindValue(u);
    q.addBindValue(limit);
    if (q.exec()) {
        while (q.next()) {
            VmOperationRecord r;
            r.site = q.value(0).toString();
            r.siteId = q.value(1).toLongLong();
            r.contract = q.value(2).toString();
            r.buyer = q.value(3).toString();
            r.vm = q.value(4).toString();
            r.operation = q.value(5).toString();
            r.user = q.value(6).toString();
            r.serial = q.value(7).toString();
            r.atMs = q.value(8).toLongLong();
            result.append(r);
        }
    }
    return result;
}

QList<AuditEntry> CertificateStore::audit(const QString &participant) const
{
    QList<AuditEntry> result;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT at_ms, participant, user, action, serial, permissions, by, detail"
                             " FROM identity_audit WHERE participant = ? ORDER BY rowid"));
    q.addBindValue(participant);
    if (q.exec()) {
        while (q.next()) {
            AuditEntry e;
            e.atMs = q.value(0).toLongLong();
            e.participant = q.value(1).toString();
            e.user = q.value(2).toString();
            e.action = q.value(3).toString();
            e.serial = q.value(4).toString();
            e.permissions = q.value(5).toString().split(u',', Qt::SkipEmptyParts);
            e.by = q.value(6).toString();
            e.detail = q.value(7).toString();
            result.append(e);
        }
    }
    return result;
}

Result<void> CertificateStore::setUserLimits(const QString &participant, const QString &user,
                                             const UserLimits &limits)
{
    QSqlQuery q(database());
    if (!q.prepare(QStringLiteral("INSERT OR REPLACE INTO user_limits (participant, user, max_order_quantity,"
                                  " max_open_notional) VALUES (?, ?, ?, ?)")))
        return sqlError(q);
    q.addBindValue(participant);
    q.addBindValue(user);
    q.addBindValue(limits.maxOrderQuantity ? QVariant(*limits.maxOrderQuantity) : QVariant());
    q.addBindValue(limits.maxOpenNotional ? QVariant(*limits.maxOpenNotional) : QVariant());
    if (!q.exec())
        return sqlError(q);
    if (m_userLimits)
        m_userLimits->insert(QString(participant + QChar(0) + user), limits);
    return {};
}

UserLimits CertificateStore::userLimits(const QString &participant, const QString &user) const
{
    const auto key = [](const QString &p, const QString &u) -> QString { return p + QChar(0) + u; };
    if (!m_userLimits) {
        QHash<QString, UserLimits> all;
        QSqlQuery q(database());
        if (!q.exec(QStringLiteral("SELECT participant, user, max_order_quantity, max_open_notional FROM user_limits")))
            return {};
        while (q.next()) {
            UserLimits limits;
            if (!q.value(2).isNull())
                limits.maxOrderQuantity = q.value(2).toLongLong();
            if (!q.value(3).isNull())
                limits.maxOpenNotional = q.value(3).toLongLong();
            all.insert(key(q.value(0).toString(), q.value(1).toString()), limits);
        }
        m_userLimits = std::move(all);
    }
    return m_userLimits->value(key(participant, user));
}

} // namespace cloudex::pki
