#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "pki/contractdirectory.h"
#include "pki/pkitypes.h"

#include <memory>
#include <optional>
#include <vector>

namespace cloudex::pki {

/// Where and how the exchange CA keeps its key and records.
struct CaOptions
{
    /// Directory for ca-key.pem (0600), ca-cert.pem, ca.sqlite and crl.pem; created 0700.
    QString directory;
    /// Encrypts the CA key file when not empty; needed again on every start. An encrypted
    /// key opened without it fails with `pki.ca.passphrase-required`, with a wrong one with
    /// `pki.ca.key-unreadable`.
    QString passphrase;
    /// Root subject: O=<organisation>, CN=<commonName>.
    QString organisation = QStringLiteral("CloudEx Exchange");
    QString commonName = QStringLiteral("CloudEx Exchange CA");
    int rootValidityDays = 3650;
    int identityValidityDays = 365;
    /// How long a CRL is valid (nextUpdate - thisUpdate); it is re-signed after half of it.
    qint64 crlLifetimeMs = 60 * 60 * 1000;
};

/// A contract certificate request as the exchange service receives it.
struct ContractCertificateRequest
{
    QByteArray csrDer;  ///< PKCS#10, DER, ECDSA P-256
    QString contractId;
    QString requester;  ///< the authenticated participant asking (must be the buyer)
    /// The identity asking (user, site or participant name). Each holder has one live
    /// certificate per contract: a new one revokes the previous one (reason superseded).
    /// Empty: no holder, nothing is superseded (the exchange service always names one).
    QString holder;
};

/// The exchange's certificate authority: an ECDSA P-256 root created on first start and
/// loaded afterwards, which signs identities and contract certificates from CSRs, records
/// every certificate and revocation in SQLite, and publishes a CRL. Requests that fail any
/// check sign and store nothing. Not thread-safe: use one instance from one thread.
class CertificateAuthority
{
public:
    ~CertificateAuthority();
    CertificateAuthority(const CertificateAuthority &) = delete;
    CertificateAuthority &operator=(const CertificateAuthority &) = delete;

    /// Loads the CA from `options.directory`, or creates it there when the directory holds
    /// no CA yet. `clock` must outlive the CA.
    static Result<std::unique_ptr<CertificateAuthority>> open(const CaOptions &options,
                                                              const Clock &clock = SystemClock::instance());

    /// Whether open() created the CA (first start) rather than loading it.
    bool wasCreated() const;
    /// The self-signed root certificate (DER), the trust anchor for every participant.
    QByteArray rootCertificate() const;
    QString directory() const;

    /// The exchange data directory this CA belongs to, as recorded in ca.sqlite.
    Result<std::optional<ExchangeIdentity>> exchangeIdentity() const;
    /// Records it (once; a different one fails with `pki.store.identity`).
    Result<void> setExchangeIdentity(const ExchangeIdentity &identity);
    /// Reads the identity from a CA directory without opening the CA (no key, no passphrase).
    static Result<std::optional<ExchangeIdentity>> readExchangeIdentity(const QString &directory);
    /// The files of a complete CA in `directory` that are missing (ca-key.pem, ca-cert.pem,
    /// ca.sqlite); all three when there is no CA.
    static QStringList missingFiles(const QString &directory);

    /// Signs a participant, user or site identity from a CSR. The CSR's subject must name
    /// the participant (O) and the identity (CN) of `request`.
    Result<IssuedCertificate> issueIdentity(const QByteArray &csrDer, const IdentityRequest &request);
    /// Signs the identity `serial` anew for the same key and names with `request`'s kind,
    /// role and permissions (a change of permissions), and revokes the old one (superseded)
    /// in the same transaction. `pki.revoke.unknown` for an unknown serial,
    /// `pki.reissue.revoked` for a revoked one.
    Result<IssuedCertificate> reissueIdentity(const QString &serial, const IdentityRequest &request);
    /// What an issued identity certificate says (its CloudEx identity extension), or nothing.
    static std::optional<IdentityRequest> identityOf(const IssuedCertificate &certificate);
    /// The identities of `kind` issued to `participant`, oldest first, revoked ones included.
    QList<IssuedCertificate> identitiesOf(const QString &participant, CertificateKind kind) const;
    /// Revokes every live contract certificate `holder` (a user of `participant`) holds;
    /// answers those it revoked.
    Result<QList<IssuedCertificate>> revokeHolder(const QString &participant, const QString &holder,
                                                  RevocationReason reason);
    /// The identity audit (ca.sqlite), oldest first.
    Result<void> appendAudit(const AuditEntry &entry);
    QList<AuditEntry> audit(const QString &participant) const;
    Result<void> setUserLimits(const QString &participant, const QString &user, const UserLimits &limits);
    UserLimits userLimits(const QString &participant, const QString &user) const;
    /// The VM operations sites reported (ca.sqlite, beside the identity audit): see
    /// CertificateStore::appendVmOperations() and vmOperations().
    Result<int> appendVmOperations(const QList<VmOperationRecord> &records);
    QList<VmOperationRecord> vmOperations(const QString &buyer, const QString &contract, const QString &user,
                                          int limit) const;

    /// Signs a contract certificate: clientAuth, valid exactly for the delivery window,
    /// carrying the contract extension and a urn:cloudex:contract:<id> SAN. The requester
    /// must be the contract's buyer and the CSR's subject O must name it. The holder's
    /// previous certificate for the contract, if any, is revoked in the same transaction.
    Result<IssuedCertificate> issueContractCertificate(const ContractCertificateRequest &request,
                                                       const ContractDirectory &contracts);
    /// Many contract certificates in one database transaction; one result per request.
    std::vector<Result<IssuedCertificate>> issueContractCertificates(
        const QList<ContractCertificateRequest> &requests, const ContractDirectory &contracts);

    std::optional<IssuedCertificate> find(const QString &serial) const;
    QList<IssuedCertificate> certificatesForContract(const QString &contractId) const;
    qint64 certificateCount() const;
    bool isRevoked(const QString &serial) const;

    /// Revokes the certificates with these serials (all or none; revoking twice is harmless).
    /// Returns how many were newly revoked.
    Result<int> revoke(const QStringList &serials, RevocationReason reason);
    /// Revokes every certificate of a contract, for early termination or key compromise.
    Result<int> revokeContract(const QString &contractId, RevocationReason reason);

    /// The current CRL (DER), re-signed when revocations changed or half its lifetime has
    /// passed; also written to crl.pem in the CA directory.
    Result<QByteArray> crl();
    /// Signs a new CRL now, whatever the state of the current one.
    Result<QByteArray> publishCrl();
    /// The number and nextUpdate (ms) of the CRL signed last; 0 before the first.
    qint64 crlNumber() const;
    qint64 crlNextUpdateMs() const;

private:
    struct Private;
    explicit CertificateAuthority(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace cloudex::pki
