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
#include "exchange/userscontroller.h"
#include "api/channels.h"
#include "market/exchange.h"
#include "net/streamserver.h"
#include "pki/certificateauthority.h"
#include "pki/crlpublisher.h"
#include "pki/privatekey.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
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
    // Before anything is created: refuse a directory this mode may not use, or one that has
    // lost a part (a missing journal must not start an empty exchange next to its CA).
    auto plan = ExchangeDirectory::inspect(config.directory, config.directoryMode);
    if (!plan)
        return plan.error();
    if (!QDir().mkpath(config.directory)) {
        return Error{QStringLiteral("exchange.directory"),
                     Tr::tr("Cannot create the exchange directory %1.").arg(config.directory)};
    }
    QFile::setPermissions(config.directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    pki::CaOptions caOptions;
    caOptions.directory = ExchangeDirectory::caDirectory(config.directory);
    caOptions.passphrase = config.caPassphrase;
    auto ca = pki::CertificateAuthority::open(caOptions, m_clock);
    if (!ca)
        return ca.error();
    m_ca = std::move(ca).value();
    auto identity = ExchangeDirectory::settle(config.directory, plan.value(), *m_ca, m_clock.nowMs());
    if (!identity)
        return identity.error();
    m_identity = identity.value();
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
    QElapsedTimer recovery;
    recovery.start();
    if (auto opened = m_exchange->open(ExchangeDirectory::journalPath(config.directory), exchangeConfig);
        !opened) {
        return opened.error();
    }
    // What recovery rebuilt, before the first clock tick adds to it: a replay of the same
    // journal must reach the same digest (the crash soak, cloudex-bench crash, checks it).
    qCInfo(lcExchange, "recovered the journal to sequence %llu in %lld ms, state digest %016llx",
           qulonglong(m_exchange->lastSeq()), qlonglong(recovery.elapsed()),
           qulonglong(m_exchange->stateHash()));
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
    m_serverSerial = issued->serial;

    // The CRL is re-signed before it goes stale whether or not anyone asks for it (crl.pem
    // and GET /v1/crl serve the current one), and at once after every revocation.
    m_crlPublisher = new pki::CrlPublisher(*m_ca, this);
    connect(m_crlPublisher, &pki::CrlPublisher::published, this,
            [this] { qCDebug(lcExchange, "CRL %lld published", qlonglong(m_ca->crlNumber())); });
    connect(m_crlPublisher, &pki::CrlPublisher::failed, this, [](const Error &error) {
        qCWarning(lcExchange, "cannot publish the CRL: %s", qPrintable(error.message));
    });
    if (config.crlCheckIntervalMs > 0)
        m_crlPublisher->start(config.crlCheckIntervalMs);
    else
        m_crlPublisher->check();
    auto keyPem = key->toPem();
    if (!keyPem)
        return keyPem.error();

    net::ApiServer::Config apiConfig;
    apiConfig.address = config.address;
    apiConfig.port = config.port;
    apiConfig.maxBodyBytes = config.maxBodyBytes;
    apiConfig.maxConnections = config.maxConnections;
    apiConfig.maxConnectionsPerAddress = config.maxConnectionsPerAddress;
    apiConfig.idleTimeoutMs = config.idleTimeoutSecs * 1000;
    apiConfig.rateBurst = config.rateBurst;
    apiConfig.ratePerSecond = config.ratePerSecond;
    apiConfig.tls = QSslConfiguration::defaultConfiguration();
    apiConfig.tls.setLocalCertificate(QSslCertificate(issued->der, QSsl::Der));
    apiConfig.tls.setPrivateKey(QSslKey(keyPem.value(), QSsl::Ec));
    apiConfig.tls.setCaCertificates({QSslCertificate(m_ca->rootCertificate(), QSsl::Der)});

    m_orders = std::make_unique<OrdersController>(*m_exchange);
    m_marketData = std::make_unique<MarketDataController>(*m_exchange);
    m_contractRoutes = std::make_unique<ContractsController>(*m_exchange, *m_ca, *m_contracts);
    m_admin = std::make_unique<AdminController>(
        *m_exchange, *m_ca, [this](const QString &serial, pki::RevocationReason reason, const QString &by) {
            return revokeIdentity(serial, reason, by);
        });
    m_sites = std::make_unique<SitesController>(*m_exchange, *m_ca);
    m_users = std::make_unique<UsersController>(
        *m_exchange, *m_ca,
        [this](const QString &participant, const QString &user, const QStringList &serials, bool contracts,
               pki::RevocationReason reason, const QString &by) -> Result<UsersController::Revoked> {
            auto revoked = revokeUserAccess(participant, user, serials, contracts, reason, by);
            if (!revoked)
                return revoked.error();
            return UsersController::Revoked{revoked->crlNumber, revoked->contractCertificates};
        });
    m_orders->setUserLimits([this](const QString &participant, const QString &user) {
        return m_ca->userLimits(participant, user);
    });
    m_orders->addRoutes(*m_api);
    m_marketData->addRoutes(*m_api);
    m_contractRoutes->addRoutes(*m_api);
    m_admin->addRoutes(*m_api);
    m_sites->addRoutes(*m_api);
    m_users->addRoutes(*m_api);
    m_publisher = new StreamPublisher(*m_exchange, *m_stream, this);
    m_stream->setFlushIntervalMs(config.streamFlushMs);
    m_stream->setIdleTimeoutMs(apiConfig.idleTimeoutMs);
    auto listening = m_api->listen(apiConfig);
    if (!listening)
        return listening.error();
    qCInfo(lcExchange, "listening on %s (data %s, exchange %s epoch %lld, %lld instruments open)",
           qPrintable(baseUrl().toString()), qPrintable(QDir(config.directory).absolutePath()),
           qPrintable(m_identity.exchangeId), qlonglong(m_identity.epoch),
           qlonglong(m_exchange->openSymbols().size()));
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

Result<qint64> ExchangeService::revokeIdentity(const QString &serialText, pki::RevocationReason reason,
                                               const QString &by)
{
    const QString serial = serialText.toUpper();
    const std::optional<pki::IssuedCertificate> record = m_ca->find(serial);
    if (!record) {
        return Error{QStringLiteral("pki.revoke.unknown"),
                     Tr::tr("No certificate with serial %1 was issued by this exchange.").arg(serial)};
    }
    if (record->kind == pki::CertificateKind::Contract) {
        return Error{QStringLiteral("pki.revoke.not-an-identity"),
                     Tr::tr("%1 is a contract certificate: terminate the contract instead.").arg(serial)};
    }
    if (serial == m_serverSerial) {
        return Error{QStringLiteral("pki.revoke.not-an-identity"),
                     Tr::tr("%1 is the exchange's own server certificate.").arg(serial)};
    }
    auto revoked = m_ca->revoke({serial}, reason);
    if (!revoked)
        return revoked.error();
    if (*revoked > 0) {
        pki::AuditEntry entry;
        entry.atMs = m_clock.nowMs();
        entry.participant = record->participant;
        entry.user = record->name;
        entry.action = QStringLiteral("revoked");
        entry.serial = serial;
        entry.by = by.isEmpty() ? QStringLiteral("exchange") : by;
        if (auto written = m_ca->appendAudit(entry); !written)
            qCWarning(lcExchange, "cannot record the identity audit: %s", qPrintable(written.error().message));
    }
    // A revoked user operates no VM any more: its contract certificates go with it (unless
    // the user lives on in a newer certificate).
    bool userGone = record->kind == pki::CertificateKind::User && *revoked > 0;
    for (const pki::IssuedCertificate &other : m_ca->identitiesOf(record->participant, pki::CertificateKind::User))
        userGone = userGone && !(other.name == record->name && !m_ca->isRevoked(other.serial));
    if (userGone) {
        auto contracts = revokeUserAccess(record->participant, record->name, {}, true,
                                          pki::RevocationReason::CessationOfOperation, by);
        if (!contracts)
            qCWarning(lcExchange, "cannot revoke the contract certificates of %s: %s", qPrintable(record->name),
                      qPrintable(contracts.error().message));
    }
    // Cached identities were checked before the revocation: forget them all.
    m_authenticator->forget();
    publishCrl();
    qCWarning(lcExchange, "identity %s (%s of %s) revoked%s by %s", qPrintable(serial),
              qPrintable(record->name), qPrintable(record->participant), *revoked > 0 ? "" : " (again)",
              qPrintable(by.isEmpty() ? QStringLiteral("the exchange") : by));
    // From the event loop, so that an answer to the request that revoked it goes out first.
    QTimer::singleShot(0, this, [this, serial] {
        const int sessions = m_stream->closeSessions(serial, Tr::tr("The certificate has been revoked."));
        const int connections = m_api->closeConnections(serial);
        if (sessions + connections > 0) {
            qCInfo(lcExchange, "identity %s: %d connections and %d stream sessions closed",
                   qPrintable(serial), connections, sessions);
        }
    });
    return m_ca->crlNumber();
}

Result<ExchangeService::RevokedAccess> ExchangeService::revokeUserAccess(
    const QString &participant, const QString &user, const QStringList &serials, bool contractCertificates,
    pki::RevocationReason reason, const QString &by)
{
    if (!serials.isEmpty()) {
        if (auto revoked = m_ca->revoke(serials, reason); !revoked)
            return revoked.error();
    }
    QList<pki::IssuedCertificate> contracts;
    if (contractCertificates) {
        auto revoked = m_ca->revokeHolder(participant, user, pki::RevocationReason::CessationOfOperation);
        if (!revoked)
            return revoked.error();
        contracts = revoked.value();
    }
    m_authenticator->forget();
    publishCrl();
    RevokedAccess result;
    result.crlNumber = m_ca->crlNumber();
    // The sites learn at once: each revoked contract certificate goes to the contract's
    // seller (its connect agent refuses it from then on) and buyer.
    for (const pki::IssuedCertificate &certificate : std::as_const(contracts)) {
        result.contractCertificates.append(certificate.serial);
        const auto number = market::Exchange::parseContractCode(certificate.contractId);
        const auto contract = number ? m_exchange->contract(*number) : std::nullopt;
        const QJsonObject event{{QStringLiteral("contractId"), certificate.contractId},
                                {QStringLiteral("serial"), certificate.serial},
                                {QStringLiteral("holder"), user},
                                {QStringLiteral("crlNumber"), result.crlNumber}};
        m_stream->publish(api::channel::revocations(participant), event);
        if (contract && contract->seller != participant)
            m_stream->publish(api::channel::revocations(contract->seller), event);
    }
    qCWarning(lcExchange, "user %s of %s: %lld identities and %lld contract certificates revoked by %s",
              qPrintable(user), qPrintable(participant), qlonglong(serials.size()), qlonglong(contracts.size()),
              qPrintable(by));
    QTimer::singleShot(0, this, [this, serials] {
        for (const QString &serial : serials) {
            m_stream->closeSessions(serial, Tr::tr("The certificate has been revoked."));
            m_api->closeConnections(serial);
        }
    });
    return result;
}

void ExchangeService::publishCrl()
{
    if (m_crlPublisher)
        m_crlPublisher->check();
    else if (auto crl = m_ca->crl(); !crl)
        qCWarning(lcExchange, "cannot publish the CRL: %s", qPrintable(crl.error().message));
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
        qCWarning(lcExchange, "cannot revoke the certificates of terminated contract %s: %s",
                  qPrintable(code), qPrintable(revoked.error().message));
        return;
    }
    publishCrl();
    qCInfo(lcExchange, "contract %s terminated, %d certificates revoked, CRL %lld published",
           qPrintable(code), revoked.value(), qlonglong(m_ca->crlNumber()));
}

} // namespace cloudex::exchange
