#pragma once

#include "catalogue/deliveryperiod.h"
#include "catalogue/product.h"
#include "core/clock.h"
#include "core/result.h"
#include "exchange/exchangedirectory.h"
#include "net/apiserver.h"
#include "pki/pkitypes.h"
#include "store/journal.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <memory>

namespace cloudex::market {
class Exchange;
struct ContractInfo;
} // namespace cloudex::market

namespace cloudex::pki {
class CertificateAuthority;
class CrlPublisher;
} // namespace cloudex::pki

namespace cloudex::net {
class StreamServer;
}

namespace cloudex::exchange {

class AdminController;
class Authenticator;
class ContractsController;
class ExchangeContractDirectory;
class MarketDataController;
class OrdersController;
class SitesController;
class StreamPublisher;
class UsersController;

/// The exchange on the wire: the matching engine (market::Exchange), the certificate
/// authority and the HTTPS/WebSocket servers of docs/API.md, in one thread. This class
/// opens and wires the parts: the Authenticator answers who calls, one controller per API
/// area (orders, market data, contracts and certificates, administration) answers the
/// routes, and the StreamPublisher feeds the channels.
///
/// Every request is authenticated from its TLS client certificate against the CA (issued
/// here, of a participant, user or site, not revoked, not expired); every route validates
/// its body before touching state, so a refused request changes nothing; order, cancel and
/// replace are answered after their journal commit. The stream channels follow the
/// exchange's signals. The daemon (cloudex-exchange) and the desktop app's embedded
/// exchange are both this class.
class ExchangeService final : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        /// Holds manifest.json, ca/ (the CA) and journal.db, which carry one identity
        /// (ExchangeDirectory); created owner-only (0700) when missing.
        QString directory;
        /// Whether open() may initialise a new directory or must find an initialised one.
        ExchangeDirectory::Mode directoryMode = ExchangeDirectory::Mode::CreateIfNew;
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 0; ///< 0: any free port
        /// Listed products; empty: every product of the standard catalogue.
        QList<catalogue::Product> products;
        catalogue::ListingHorizon horizon;
        qint64 bandLowTicks = 1;
        qint64 bandHighTicks = 100'000'000;
        /// How often the exchange reads the clock (listing, expiry, contract lifecycle).
        int clockIntervalMs = 1000;
        int rateBurst = 200;
        int ratePerSecond = 1000;
        qint64 maxBodyBytes = 64 * 1024;
        /// Connection caps and timeouts of the listener (net::ApiServer::Config).
        int maxConnections = 4096;
        int maxConnectionsPerAddress = 128;
        int idleTimeoutSecs = 120;
        int streamFlushMs = 50;
        QString caPassphrase;
        /// How often the CRL's age is checked; the CA re-signs it once half its lifetime
        /// (one hour) has passed, so a published CRL never reaches its nextUpdate.
        int crlCheckIntervalMs = 60'000;
        store::Journal::Options journal;
        int snapshotEvery = 1'000'000;
        /// How long after a window end (or termination) the exchange waits for a site's final
        /// usage report before it settles on what was reported, marked estimated.
        qint64 settlementDeadlineSecs = 3600;
        /// A test facility (`--allow-clock-offset --clock-offset`): the market's clock
        /// (listing, contract lifecycle, settlement) runs this far ahead of the service's
        /// clock; TLS, the CA and rate limits keep the service's clock.
        qint64 clockOffsetSecs = 0;
    };

    explicit ExchangeService(const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);
    ~ExchangeService() override;

    /// Opens (or, as `config.directoryMode` allows, creates) the CA and the journal in
    /// `config.directory` after checking that they belong together, recovers the market
    /// (verifying the journal's checksums and chain), issues the server's own TLS
    /// certificate and starts listening.
    Result<void> open(const Config &config);

    quint16 port() const;
    /// "https://127.0.0.1:<port>" (or the configured address).
    QUrl baseUrl() const;
    /// The CA certificate every client trusts the exchange with (PEM).
    QByteArray caCertificatePem() const;

    /// Signs an identity without a request: the bootstrap of the first operator (`--init`)
    /// and of the embedded exchange's own operator. Everything else goes through
    /// POST /v1/identities.
    Result<pki::IssuedCertificate> issueIdentity(const QByteArray &csrDer,
                                                 const pki::IdentityRequest &request);
    /// Revokes an identity certificate (participant, user or site; not a contract
    /// certificate, not the server's own): the CA records it, the identity cache forgets,
    /// a new CRL is published, and at once after this returns (from the event loop) the
    /// identity's API connections are closed and its stream sessions closed with 1008.
    /// Revoking twice is harmless. `by` names who asked, for the log. Returns the number of
    /// the CRL that lists it.
    Result<qint64> revokeIdentity(const QString &serial,
                                  pki::RevocationReason reason = pki::RevocationReason::Unspecified,
                                  const QString &by = {});

    /// Takes a user's access away at once: revokes its identity certificates `serials` (may
    /// be empty) and, when `contractCertificates`, every contract certificate the user holds
    /// (issue #16: a revoked user, or one stripped of deploy, operates no VM); forgets
    /// cached identities, publishes the CRL, sends each revoked contract certificate on
    /// `revocations@<seller>` and `revocations@<buyer>` and closes the identities'
    /// connections. Answers the CRL number and the contract certificates revoked.
    struct RevokedAccess
    {
        qint64 crlNumber = 0;
        QStringList contractCertificates;
    };
    Result<RevokedAccess> revokeUserAccess(const QString &participant, const QString &user,
                                           const QStringList &serials, bool contractCertificates,
                                           pki::RevocationReason reason, const QString &by);

    market::Exchange &exchange() { return *m_exchange; }
    pki::CertificateAuthority &authority() { return *m_ca; }
    /// The data directory's identity (exchange id and epoch), once open.
    const pki::ExchangeIdentity &identity() const { return m_identity; }
    net::ApiServer &api() { return *m_api; }
    net::StreamServer &stream() { return *m_stream; }

    /// The identity of a peer certificate as every request sees it (cached per serial).
    Result<net::PeerIdentity> authenticate(const QSslCertificate &certificate);

Q_SIGNALS:
    /// The journal failed: the exchange accepts no more commands and answers them with 503
    /// problems until it is restarted. `reason` says why (also logged).
    void journalFailed(const QString &reason);

private:
    void onContractChanged(const market::ContractInfo &contract);
    void publishCrl();

    const Clock &m_clock;
    std::unique_ptr<OffsetClock> m_marketClock; ///< m_clock shifted by clockOffsetSecs
    Config m_config;
    pki::ExchangeIdentity m_identity;
    std::unique_ptr<market::Exchange> m_exchange;
    std::unique_ptr<ExchangeContractDirectory> m_contracts;
    std::unique_ptr<pki::CertificateAuthority> m_ca;
    std::unique_ptr<Authenticator> m_authenticator;
    pki::CrlPublisher *m_crlPublisher = nullptr;
    QString m_serverSerial; ///< the server's own TLS certificate
    net::ApiServer *m_api;
    net::StreamServer *m_stream;
    StreamPublisher *m_publisher = nullptr;
    std::unique_ptr<OrdersController> m_orders;
    std::unique_ptr<MarketDataController> m_marketData;
    std::unique_ptr<ContractsController> m_contractRoutes;
    std::unique_ptr<AdminController> m_admin;
    std::unique_ptr<SitesController> m_sites;
    std::unique_ptr<UsersController> m_users;
};

} // namespace cloudex::exchange
