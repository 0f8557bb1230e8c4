#pragma once

#include "core/result.h"
#include "pki/pkitypes.h"

#include <QHash>
#include <QSqlQuery>

#include <optional>

namespace cloudex::pki {

/// A revoked certificate, as the CRL lists it.
struct Revocation
{
    QByteArray serial; ///< unsigned big-endian
    qint64 revokedAtMs = 0;
    RevocationReason reason = RevocationReason::Unspecified;
};

/// Internal: the CA's records in SQLite (through QtSql): every issued certificate with its
/// serial and DER, revocations, and the CRL number. Writes happen inside transactions the CA
/// opens, so a failed request leaves nothing behind. Not thread-safe.
class CertificateStore
{
public:
    CertificateStore();
    ~CertificateStore();
    CertificateStore(const CertificateStore &) = delete;
    CertificateStore &operator=(const CertificateStore &) = delete;

    /// Opens or creates the database (created owner-only, 0600).
    Result<void> open(const QString &path);

    /// The exchange data directory this CA belongs to (docs/ARCHITECTURE.md "Data
    /// directory"), if one was recorded.
    Result<std::optional<ExchangeIdentity>> identity() const;
    /// Records the identity; fails when a different one is recorded.
    Result<void> setIdentity(const ExchangeIdentity &identity);
    /// Reads the identity of the database at `path` read-only (none when it has none).
    static Result<std::optional<ExchangeIdentity>> readIdentity(const QString &path);

    Result<void> begin();
    Result<void> commit();
    void rollback();

    Result<void> insert(const IssuedCertificate &certificate, qint64 issuedAtMs);
    std::optional<IssuedCertificate> find(const QString &serial) const;
    QList<IssuedCertificate> forContract(const QString &contractId) const;
    /// Revocation time and reason of `serial`, if it is revoked.
    std::optional<Revocation> revocation(const QString &serial) const;
    /// Marks the serials revoked unless they already are; fails on an unknown serial
    /// (the caller rolls back). Returns how many changed.
    Result<int> revoke(const QStringList &serials, qint64 atMs, RevocationReason reason);
    Result<QList<Revocation>> revocations() const;
    qint64 certificateCount() const;

    /// The live contract certificate `holder` was last issued for `contractId`, if any.
    std::optional<QString> holderSerial(const QString &contractId, const QString &holder) const;
    Result<void> setHolderSerial(const QString &contractId, const QString &holder, const QString &serial);

    /// Identities of `kind` issued to `participant`, oldest first, revoked ones included.
    QList<IssuedCertificate> identitiesOf(const QString &participant, CertificateKind kind) const;
    /// The live (unrevoked) contract certificates `holder` of `participant` holds.
    QStringList liveHolderSerials(const QString &participant, const QString &holder) const;

    Result<void> appendAudit(const AuditEntry &entry);
    QList<AuditEntry> audit(const QString &participant) const;
    Result<void> setUserLimits(const QString &participant, const QString &user, const UserLimits &limits);
    UserLimits userLimits(const QString &participant, const QString &user) const;

    /// Records VM operations of one site in one transaction; a record the store has (same
    /// site and record number) is left as it was. Answers how many were new.
    Result<int> appendVmOperations(const QList<VmOperationRecord> &records);
    /// The VM operations on contracts `buyer` bought, oldest first; `contract` and `user`
    /// filter when not empty; at most the newest `limit`.
    QList<VmOperationRecord> vmOperations(const QString &buyer, const QString &contract, const QString &user,
                                          int limit) const;

    /// Reserves and returns the next CRL number (monotonic across restarts).
    Result<qint64> takeCrlNumber();

private:
    Error sqlError(const QSqlQuery &query) const;
    QSqlDatabase database() const;

    QString m_connection;
    std::optional<QSqlQuery> m_insert;
    /// user_limits, read once: every order asks for its user's limits, and only this store
    /// writes them (a statement parsed and run per order cost more than the order itself).
    mutable std::optional<QHash<QString, UserLimits>> m_userLimits;
};

} // namespace cloudex::pki
