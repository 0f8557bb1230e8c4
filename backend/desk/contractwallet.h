#pragma once

#include "api/contract.h"
#include "core/clock.h"
#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSslConfiguration>
#include <QStringList>

#include <memory>
#include <optional>

class QTimer;

namespace cloudex::pki {
class CertificateVerifier;
}

namespace cloudex::desk {

class ExchangeClient;

/// The buyer's contract certificates (docs/CONNECT-API.md, section 3). For each contract of
/// the participant the wallet makes sure it holds a certificate: it generates a P-256 key
/// here, sends only the CSR to `POST /v1/contracts/{id}/certificates` and keeps key and
/// certificate under `<wallet dir>/<contract id>.{key,pem}` (owner-only files, the key
/// encrypted with the identity's passphrase when there is one). The key never leaves the
/// buyer.
///
/// A stored certificate is used only after it checks out against the exchange root and the
/// current CRL (pki::CertificateVerifier): it must be a contract certificate of that
/// contract and this participant, issued by the exchange, with the stored key. A wallet
/// file that fails the check (tampered, damaged, another contract's, another CA's) is
/// reported (problem(), code `wallet.tampered`), kept aside as `<file>.rejected` and a new
/// certificate is requested. A valid stored certificate is never replaced (the exchange
/// keeps one live certificate per contract and user: a new request revokes the previous).
///
/// The exchange root and CRL are fetched from the exchange (GET /v1/ca, /v1/crl) over the
/// identity's mutual TLS; the CRL again every refresh interval, so a revocation shows as
/// State::Revoked. Works the same for the embedded and a remote exchange.
class ContractWallet final : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Pending,  ///< being requested, or waiting for the exchange root
        Valid,    ///< held and good (also before its window opens)
        Expiring, ///< held, its window ends within expiringSeconds()
        Expired,  ///< held, its window is over
        Revoked,  ///< on the exchange's CRL (contract terminated or superseded)
        Failed,   ///< none could be obtained (see Entry::error)
    };
    Q_ENUM(State)

    struct Entry
    {
        QString contractId;
        State state = State::Pending;
        QString serial;
        qint64 notBefore = 0; ///< Unix seconds
        qint64 notAfter = 0;
        QString keyPath;
        QString certificatePath;
        /// Why the state is Failed, or the last problem with a stored file.
        std::optional<Error> error;
    };

    static constexpr qint64 kDefaultExpiringSeconds = 600;
    static constexpr int kDefaultRefreshMs = 60'000;

    /// `client` must outlive the wallet; `participant` is the identity's (certificate
    /// subject O). The directory is created owner-only when missing.
    ContractWallet(ExchangeClient *client, const QString &directory, const QString &participant,
                   const QString &passphrase = {}, QObject *parent = nullptr);
    ~ContractWallet() override;

    /// Fetches the exchange root and CRL, then serves the contracts given so far. Called by
    /// the constructor's owner once; trustChanged() reports the outcome.
    void start();
    bool hasTrust() const;
    /// The exchange root (DER) and a verifier holding it and the current CRL, for clients
    /// that check site certificates (SiteClient). Null before trustChanged(true).
    QByteArray rootDer() const { return m_rootDer; }
    /// Shared: a client keeps the one it was given while the wallet moves on to a newer CRL.
    std::shared_ptr<const pki::CertificateVerifier> verifier() const { return m_verifier; }

    /// The participant's contracts (a contracts@ snapshot or a `GET /v1/contracts` list):
    /// each gets a certificate if it has none; terminated and expired ones only report what
    /// is stored.
    void setContracts(const QList<api::Contract> &contracts);
    /// One contract that appeared or changed.
    void addContract(const api::Contract &contract);

    QStringList contractIds() const { return m_entries.keys(); }
    std::optional<Entry> entry(const QString &contractId) const;
    /// Whether every contract given has left Pending.
    bool isSettled() const;
    /// Whether tlsFor() also hands out a certificate the wallet knows is revoked.
    enum class Revoked { Refuse, Present };
    /// The TLS identity of a contract with a usable certificate (Valid or Expiring): its key
    /// and certificate, the exchange root as the only trust anchor. With Revoked::Present a
    /// revoked certificate is handed out too, so that a caller can let the site give its own
    /// answer (the site is the authority on admission; the key still never leaves the buyer).
    Result<QSslConfiguration> tlsFor(const QString &contractId, Revoked revoked = Revoked::Refuse) const;

    /// Re-reads the CRL and re-evaluates every state now (also on the refresh timer).
    void refresh();
    void setRefreshIntervalMs(int ms);
    void setExpiringSeconds(qint64 seconds) { m_expiringSeconds = seconds; }
    qint64 expiringSeconds() const { return m_expiringSeconds; }
    /// The clock states are evaluated at (tests); must outlive the wallet.
    void setClock(const Clock *clock) { m_clock = clock; }

    QString directory() const { return m_directory; }

Q_SIGNALS:
    /// The exchange root and CRL arrived (true) or could not be fetched (false, `error`).
    void trustChanged(bool ok, const cloudex::Error &error);
    void stateChanged(const QString &contractId, cloudex::desk::ContractWallet::State state);
    /// A stored file was refused (code wallet.tampered) or a request failed.
    void problem(const QString &contractId, const cloudex::Error &error);

private:
    struct Slot
    {
        Entry entry;
        api::Contract contract;
        bool requesting = false;
        QByteArray certificateDer;
        QByteArray keyPem; ///< unencrypted, in memory only
    };

    void serve(const QString &contractId);
    /// Reads and checks the stored files; nothing when there are none.
    std::optional<Result<void>> loadStored(Slot &slot);
    void request(Slot &slot);
    void onIssued(const QString &contractId, const QByteArray &keyPem,
                  const Result<QByteArray> &certificateDer);
    Result<void> check(const Slot &slot, const QByteArray &certificateDer, const QByteArray &keyPem,
                       QString *serial, qint64 *notBefore, qint64 *notAfter) const;
    void setState(Slot &slot, State state, std::optional<Error> error = std::nullopt);
    State timeState(const Slot &slot) const;
    void rejectFiles(Slot &slot, const Error &why);
    Result<void> store(const Slot &slot, const QByteArray &keyPem, const QByteArray &certificateDer) const;
    void fetchCrl(bool initial);
    qint64 nowSeconds() const;

    ExchangeClient *m_client;
    QString m_directory;
    QString m_participant;
    QString m_passphrase;
    const Clock *m_clock = &SystemClock::instance();
    qint64 m_expiringSeconds = kDefaultExpiringSeconds;
    QTimer *m_refresh;
    QByteArray m_rootDer;
    std::shared_ptr<const pki::CertificateVerifier> m_verifier;
    bool m_started = false;
    bool m_crlInFlight = false;
    QHash<QString, Slot> m_entries;
};

} // namespace cloudex::desk
