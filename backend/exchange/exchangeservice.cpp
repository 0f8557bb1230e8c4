#include "exchange/exchangeservice.h"

#include "catalogue/catalogue.h"
#include "core/logging.h"
#include "exchange/admincontroller.h"
#include "exchange/authenticator.h"
#include "exchange/contractscontroller.h"
#include "exchange/exchangecontractdirectory.h"
#include "exchange/marketdatacontroller.h"
#include "exchange/orderscontroller.h"
#include "exchange/sitescontroller.h"
#include "exchange/streampublisher.h"
#include "market/exchange.h"
#include "net/streamserver.h"
#include "pki/certificateauthority.h"
#include "pki/privatekey.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostInfo>
#include <QNetworkInterface>
#include <QSslKey>
#include <QTimer>

namespace cloudex::exchange {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Exchange)
};

constexpr qint64 kMsPerSec = 1000;
} // namespace

ExchangeService::ExchangeService(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_exchange(std::make_unique<market::Exchange>())
    , m_api(new net::ApiServer(clock, this))
    , m_stream(new net::StreamServer(*m_api, this))
{
    m_contracts = std::make_unique<ExchangeContractDirectory>(*m_exchange);
    m_api->setAuthenticator([this](const QSslCertificate &certificate) { return authenticate(certificate); });
    connect(m_exchange.get(), &market::Exchange::failed, this, [this](const QString &reason) {
        qCCritical(lcExchange, "journal failed, no more commands are accepted: %s", qPrintable(reason));
        Q_EMIT journalFailed(reason);
    });
    connect(m_exchange.get(), &market::Exchange::contractChanged, this, &ExchangeService::onContractChanged);
}

ExchangeService::~ExchangeService() = default;

Result<void> ExchangeService::open(const Config &config)
{
    m_config = config;
    if (!QDir().mkpath(config.directory)) {
        return Error{QStringLiteral("exchange.directory"),
                     Tr::tr("Cannot create the exchange directory %1.").arg(config.directory)};
    }
    QFile::setPermissions(config.directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    pki::CaOptions caOptions;
    caOptions.directory = QDir(config.directory).filePath(QStringLiteral("ca"));
    caOptions.passphrase = config.caPassphrase;
    auto ca = pki::CertificateAuthority::open(caOptions, m_clock);
    if (!ca)
        return ca.error();
    m_ca = std::move(ca).value();
    m_authenticator = std::make_unique<Authenticator>(m_clock, *m_ca);
    if (auto anchored = m_authenticator->open(); !anchored)
        return anchored.error();

    market::Exchange::Config exchangeConfig;
    exchangeConfig.products =
        config.products.isEmpty() ? catalogue::Catalogue::standard().products() : config.products;
    exchangeConfig.horizon = config.horizon;
    exchangeConfig.bandLowTicks = config.bandLowTicks;
    exchangeConfig.bandHighTicks = config.bandHighTicks;
    exchangeConfig.journal = config.journal;
    exchangeConfig.snapshotEvery = config.snapshotEvery;
    exchangeConfig.settlementDeadlineSecs = config.settlementDeadlineSecs;
    if (auto opened =
            m_exchange->open(QDir(config.directory).filePath(QStringLiteral("journal.db")), exchangeConfig);
        !opened) {
        return opened.error();
    }
    m_marketClock = std::make_unique<OffsetClock>(m_clock, config.clockOffsetSecs * kMsPerSec);
    if (config.clockOffsetSecs != 0)
        qCWarning(lcExchange, "test facility: the market clock runs %lld s off the system clock",
                  qlonglong(config.clockOffsetSecs));
    m_exchange->advanceClock(m_marketClock->nowMs() / kMsPerSec);
    if (config.clockIntervalMs > 0)
        m_exchange->startClock(m_marketClock.get(), config.clockIntervalMs);

    // The server's own certificate: a site identity of the exchange, fresh on every start,
    // its key only in memory.
    auto key = pki::PrivateKey::generate();
    if (!key)
        return key.error();
    pki::CsrSubject subject{QStringLiteral("exchange"),
                            QStringLiteral("s-exchange"),
                            {QStringLiteral("localhost")},
                            {QStringLiteral("127.0.0.1")}};
    if (config.address == QHostAddress::Any || config.address == QHostAddress::AnyIPv4 ||
        config.address == QHostAddress::AnyIPv6) {
        // Listening everywhere: the certificate names every address and the host name.
        for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
            if (address != QHostAddress::LocalHost && address.scopeId().isEmpty())
                subject.ipAddresses.append(address.toString());
        }
        subject.dnsNames.append(QHostInfo::localHostName());
    } else if (config.address != QHostAddress::LocalHost) {
        subject.ipAddresses.append(config.address.toString());
    }
    auto csr = pki::createCertificateRequest(key.value(), subject);
    if (!csr)
        return csr.error();
    pki::IdentityRequest serverIdentity;
    serverIdentity.kind = pki::CertificateKind::Site;
    serverIdentity.participant = subject.participant;
    serverIdentity.name = subject.name;
    serverIdentity.organisation = QStringLiteral("CloudEx Exchange");
    serverIdentity.role = QStringLiteral("exchange");
    auto issued = m_ca->issueIdentity(csr.value(), serverIdentity);
    if (!issued)
        return issued.error();
    auto keyPem = key->toPem();
    if (!keyPem)
        return keyPem.error();

    net::ApiServer::Config apiConfig;
    apiConfig.address = config.address;
    apiConfig.port = config.port;
    apiConfig.maxBodyBytes = config.maxBodyBytes;
    apiConfig.rateBurst = config.rateBurst;
    apiConfig.ratePerSecond = config.ratePerSecond;
    apiConfig.tls = QSslConfiguration::defaultConfiguration();
    apiConfig.tls.setLocalCertificate(QSslCertificate(issued->der, QSsl::Der));
    apiConfig.tls.setPrivateKey(QSslKey(keyPem.value(), QSsl::Ec));
    apiConfig.tls.setCaCertificates({QSslCertificate(m_ca->rootCertificate(), QSsl::Der)});

    m_orders = std::make_unique<OrdersController>(*m_exchange);
    m_marketData = std::make_unique<MarketDataController>(*m_exchange);
    m_contractRoutes = std::make_unique<ContractsController>(*m_exchange, *m_ca, *m_contracts);
    m_admin = std::make_unique<AdminController>(*m_exchange, *m_ca);
    m_sites = std::make_unique<SitesController>(*m_exchange, *m_ca);
    m_orders->addRoutes(*m_api);
    m_marketData->addRoutes(*m_api);
    m_contractRoutes->addRoutes(*m_api);
    m_admin->addRoutes(*m_api);
    m_sites->addRoutes(*m_api);
    m_publisher = new StreamPublisher(*m_exchange, *m_stream, this);
    m_stream->setFlushIntervalMs(config.streamFlushMs);
    auto listening = m_api->listen(apiConfig);
    if (!listening)
        return listening.error();
    qCInfo(lcExchange, "listening on %s (data %s, %lld instruments open)", qPrintable(baseUrl().toString()),
           qPrintable(QDir(config.directory).absolutePath()), qlonglong(m_exchange->openSymbols().size()));
    return {};
}

quint16 ExchangeService::port() const
{
    return m_api->port();
}

QUrl ExchangeService::baseUrl() const
{
    QHostAddress host = m_config.address;
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress::LocalHost;
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(host.toString());
    url.setPort(port());
    return url;
}

QByteArray ExchangeService::caCertificatePem() const
{
    return m_ca ? QSslCertificate(m_ca->rootCertificate(), QSsl::Der).toPem() : QByteArray();
}

Result<pki::IssuedCertificate> ExchangeService::issueIdentity(const QByteArray &csrDer,
                                                              const pki::IdentityRequest &request)
{
    return m_ca->issueIdentity(csrDer, request);
}

Result<void> ExchangeService::revokeIdentity(const QString &serial)
{
    auto revoked = m_ca->revoke({serial}, pki::RevocationReason::Unspecified);
    if (!revoked)
        return revoked.error();
    // Cached identities were checked before the revocation: forget them all.
    m_authenticator->forget();
    qCInfo(lcExchange, "identity %s revoked", qPrintable(serial));
    return {};
}

Result<net::PeerIdentity> ExchangeService::authenticate(const QSslCertificate &certificate)
{
    if (!m_authenticator) {
        return Error{QStringLiteral("auth.not-ready"), Tr::tr("The exchange is not open yet.")};
    }
    return m_authenticator->authenticate(certificate);
}

void ExchangeService::onContractChanged(const market::ContractInfo &contract)
{
    if (contract.state != market::ContractState::Terminated || !m_ca)
        return;
    // Early termination: the contract's certificates go on the CRL at once.
    const QString code = market::Exchange::contractCode(contract.id);
    auto revoked = m_ca->revokeContract(code, pki::RevocationReason::CessationOfOperation);
    if (!revoked) {
        qCWarning(lcExchange, "cannot revoke the certificates of terminated contract %s: %s", qPrintable(code),
                  qPrintable(revoked.error().message));
        return;
    }
    qCInfo(lcExchange, "contract %s terminated, its certificates revoked", qPrintable(code));
}

} // namespace cloudex::exchange
