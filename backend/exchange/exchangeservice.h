#pragma once

#include "catalogue/deliveryperiod.h"
#include "catalogue/product.h"
#include "core/clock.h"
#include "core/result.h"
#include "net/apiserver.h"
#include "pki/pkitypes.h"
#include "store/journal.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <memory>

namespace cloudex::market {
class Exchange;
struct ContractInfo;
} // namespace cloudex::market

namespace cloudex::pki {
class CertificateAuthority;
class CertificateVerifier;
} // namespace cloudex::pki

namespace cloudex::net {
class StreamServer;
}

namespace cloudex::exchange {

class ExchangeContractDirectory;

/// The exchange on the wire: the matching engine (market::Exchange), the certificate
/// authority and the HTTPS/WebSocket servers of docs/API.md, in one thread.
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
        /// Holds ca/ (the CA), journal.db and nothing else; created when missing.
        QString directory;
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
        int streamFlushMs = 50;
        QString caPassphrase;
        store::Journal::Options journal;
        int snapshotEvery = 1'000'000;
    };

    explicit ExchangeService(const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);
    ~ExchangeService() override;

    /// Opens (or creates) the CA and the journal in `config.directory`, recovers the market,
    /// issues the server's own TLS certificate and starts listening.
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
    /// Revokes an identity; its next request is refused with 401.
    Result<void> revokeIdentity(const QString &serial);

    market::Exchange &exchange() { return *m_exchange; }
    pki::CertificateAuthority &authority() { return *m_ca; }
    net::ApiServer &api() { return *m_api; }
    net::StreamServer &stream() { return *m_stream; }

    /// The identity of a peer certificate as every request sees it (cached per serial).
    Result<net::PeerIdentity> authenticate(const QSslCertificate &certificate);

private:
    struct CachedIdentity
    {
        net::PeerIdentity identity;
        qint64 notAfterMs = 0;
    };

    void addRoutes();
    void connectStream();
    void markDirty(const QString &symbol, bool candles);
    void publishDirty();
    void onContractChanged(const market::ContractInfo &contract);
    QJsonValue snapshot(const QString &channel) const;
    bool channelExists(const QString &channel) const;

    // Route handlers, one per row of docs/API.md.
    void getInstruments(const net::ApiRequest &request, net::ApiReply reply);
    void getOrders(const net::ApiRequest &request, net::ApiReply reply);
    void postOrder(const net::ApiRequest &request, net::ApiReply reply);
    void patchOrder(const net::ApiRequest &request, net::ApiReply reply);
    void deleteOrder(const net::ApiRequest &request, net::ApiReply reply);
    void getTrades(const net::ApiRequest &request, net::ApiReply reply);
    void getFills(const net::ApiRequest &request, net::ApiReply reply);
    void getContracts(const net::ApiRequest &request, net::ApiReply reply);
    void getContract(const net::ApiRequest &request, net::ApiReply reply);
    void postContractCertificate(const net::ApiRequest &request, net::ApiReply reply);
    void getContractCertificates(const net::ApiRequest &request, net::ApiReply reply);
    void getCa(const net::ApiRequest &request, net::ApiReply reply);
    void getCrl(const net::ApiRequest &request, net::ApiReply reply);
    void getBook(const net::ApiRequest &request, net::ApiReply reply);
    void getCandles(const net::ApiRequest &request, net::ApiReply reply);
    void getSpot(const net::ApiRequest &request, net::ApiReply reply);
    void getCurve(const net::ApiRequest &request, net::ApiReply reply);
    void postParticipant(const net::ApiRequest &request, net::ApiReply reply);
    void putLimits(const net::ApiRequest &request, net::ApiReply reply);
    void postKillSwitch(const net::ApiRequest &request, net::ApiReply reply);
    void postIdentity(const net::ApiRequest &request, net::ApiReply reply);

    const Clock &m_clock;
    Config m_config;
    std::unique_ptr<market::Exchange> m_exchange;
    std::unique_ptr<ExchangeContractDirectory> m_contracts;
    std::unique_ptr<pki::CertificateAuthority> m_ca;
    std::unique_ptr<pki::CertificateVerifier> m_verifier;
    net::ApiServer *m_api;
    net::StreamServer *m_stream;
    QHash<QByteArray, CachedIdentity> m_identities; ///< by the certificate's serial as Qt prints it
    QSet<QString> m_dirtyBooks;
    QSet<QString> m_dirtyCandles;
    QStringList m_listed;
    QStringList m_closed;
    bool m_publishScheduled = false;
};

} // namespace cloudex::exchange
