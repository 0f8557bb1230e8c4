#include "exchange/embeddedexchange.h"

#include "exchange/exchangeservice.h"
#include "market/exchange.h"
#include "net/apiclient.h"
#include "pki/certificateauthority.h"
#include "pki/privatekey.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSslKey>
#include <QTimer>

namespace cloudex::exchange {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Exchange)
};

constexpr int kCallTimeoutMs = 30'000;
const QString kOperatorFile = QStringLiteral("operator");

QString roleName(market::Role role)
{
    switch (role) {
    case market::Role::Buyer:
        return QStringLiteral("buyer");
    case market::Role::Seller:
        return QStringLiteral("seller");
    case market::Role::Both:
        break;
    }
    return QStringLiteral("both");
}

/// Runs the event loop until `call` has finished (the server lives on this thread too).
void waitFor(net::ApiCall *call)
{
    if (call->isFinished())
        return;
    QEventLoop loop;
    QObject::connect(call, &net::ApiCall::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(kCallTimeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
}

Error callError(const net::ApiCall &call)
{
    if (!call.isFinished())
        return {QStringLiteral("exchange.timeout"), Tr::tr("The embedded exchange did not answer.")};
    return {call.problem() ? call.problem()->code : QStringLiteral("exchange.failed"), call.errorString()};
}

Result<void> writePrivate(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(data) != data.size()) {
        return Error{QStringLiteral("exchange.write-failed"),
                     Tr::tr("Cannot write %1: %2").arg(path, file.errorString())};
    }
    return {};
}

QSslConfiguration tlsOf(const QByteArray &keyPem, const QByteArray &certificatePem, const QByteArray &caPem)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPrivateKey(QSslKey(keyPem, QSsl::Ec));
    tls.setLocalCertificate(QSslCertificate(certificatePem));
    tls.setCaCertificates(QSslCertificate::fromData(caPem));
    return tls;
}
} // namespace

EmbeddedExchange::EmbeddedExchange(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_service(new ExchangeService(clock, this))
{}

EmbeddedExchange::~EmbeddedExchange() = default;

QString EmbeddedExchange::identityDirectory() const
{
    return QDir(m_options.dataDirectory).filePath(QStringLiteral("exchange/identities"));
}

Result<void> EmbeddedExchange::start(const Options &options)
{
    m_options = options;
    ExchangeService::Config config;
    config.directory = QDir(options.dataDirectory).filePath(QStringLiteral("exchange"));
    config.products = options.products;
    config.horizon = options.horizon;
    config.clockIntervalMs = options.clockIntervalMs;
    if (auto opened = m_service->open(config); !opened)
        return opened.error();
    if (!QDir().mkpath(identityDirectory())) {
        return Error{QStringLiteral("exchange.directory"),
                     Tr::tr("Cannot create the directory %1.").arg(identityDirectory())};
    }
    QFile::setPermissions(identityDirectory(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    auto operatorIdentity = operatorTls();
    if (!operatorIdentity)
        return operatorIdentity.error();
    m_operatorTls = operatorIdentity.value();
    auto local = onboardParticipant(options.participant, market::Role::Both, options.jurisdiction);
    if (!local)
        return local.error();
    m_clientTls = local.value();
    return {};
}

QUrl EmbeddedExchange::baseUrl() const
{
    return m_service->baseUrl();
}

QByteArray EmbeddedExchange::caCertificatePem() const
{
    return m_service->caCertificatePem();
}

Result<QSslConfiguration> EmbeddedExchange::loadIdentity(const QString &name) const
{
    const QDir dir(identityDirectory());
    QFile key(dir.filePath(name + QStringLiteral(".key.pem")));
    QFile certificate(dir.filePath(name + QStringLiteral(".cert.pem")));
    if (!key.open(QIODevice::ReadOnly) || !certificate.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("exchange.no-identity"), Tr::tr("No identity %1 yet.").arg(name)};
    const QSslConfiguration tls = tlsOf(key.readAll(), certificate.readAll(), caCertificatePem());
    if (tls.privateKey().isNull() || tls.localCertificate().isNull() ||
        tls.localCertificate().expiryDate() <= QDateTime::fromMSecsSinceEpoch(m_clock.nowMs())) {
        return Error{QStringLiteral("exchange.bad-identity"),
                     Tr::tr("The identity %1 is unusable.").arg(name)};
    }
    return tls;
}

Result<QSslConfiguration> EmbeddedExchange::operatorTls()
{
    if (auto existing = loadIdentity(kOperatorFile))
        return existing;
    // Bootstrap: the one identity signed without a request, as `cloudex-exchange --init`.
    auto key = pki::PrivateKey::generate();
    if (!key)
        return key.error();
    const pki::CsrSubject subject{QStringLiteral("exchange"), QStringLiteral("u-operator"), {}, {}};
    auto csr = pki::createCertificateRequest(key.value(), subject);
    if (!csr)
        return csr.error();
    pki::IdentityRequest request;
    request.kind = pki::CertificateKind::User;
    request.participant = subject.participant;
    request.name = subject.name;
    request.organisation = QStringLiteral("CloudEx Exchange");
    request.role = QStringLiteral("operator");
    request.permissions = {QStringLiteral("operate")};
    auto issued = m_service->issueIdentity(csr.value(), request);
    if (!issued)
        return issued.error();
    auto pem = key->toPem();
    if (!pem)
        return pem.error();
    const QDir dir(identityDirectory());
    if (auto written = writePrivate(dir.filePath(kOperatorFile + QStringLiteral(".key.pem")), pem.value());
        !written)
        return written.error();
    if (auto written = writePrivate(dir.filePath(kOperatorFile + QStringLiteral(".cert.pem")), issued->pem());
        !written)
        return written.error();
    return loadIdentity(kOperatorFile);
}

Result<QSslConfiguration> EmbeddedExchange::onboardParticipant(const QString &participant, market::Role role,
                                                               const QString &jurisdiction)
{
    if (auto existing = loadIdentity(participant))
        return existing;
    net::ApiClient client(baseUrl(), m_operatorTls);
    std::unique_ptr<net::ApiCall> added(client.post(
        QStringLiteral("/v1/participants"),
        QJsonObject{{QStringLiteral("id"), participant},
                    {QStringLiteral("role"), roleName(role)},
                    {QStringLiteral("jurisdiction"), jurisdiction},
                    {QStringLiteral("certifications"), QJsonArray()},
                    {QStringLiteral("metadataPolicy"), market::Exchange::metadataPolicies().value(0)}}));
    waitFor(added.get());
    const bool known =
        added->problem() &&
        added->problem()->code == QLatin1String(market::reasonCode(market::Reason::DuplicateParticipant));
    if (!added->ok() && !known)
        return callError(*added);

    auto key = pki::PrivateKey::generate();
    if (!key)
        return key.error();
    const QString user = participant == m_options.participant ? m_options.user : QStringLiteral("u-trader");
    auto csr = pki::createCertificateRequest(key.value(), {participant, user, {}, {}});
    if (!csr)
        return csr.error();
    std::unique_ptr<net::ApiCall> issued(
        client.post(QStringLiteral("/v1/identities"),
                    QJsonObject{{QStringLiteral("kind"), QStringLiteral("user")},
                                {QStringLiteral("participant"), participant},
                                {QStringLiteral("name"), user},
                                {QStringLiteral("organisation"),
                                 participant == m_options.participant ? m_options.organisation : participant},
                                {QStringLiteral("role"), QStringLiteral("trader")},
                                {QStringLiteral("permissions"), QJsonArray{QStringLiteral("trade")}},
                                {QStringLiteral("csr"), QString::fromLatin1(csr->toBase64())}}));
    waitFor(issued.get());
    if (!issued->ok())
        return callError(*issued);
    auto pem = key->toPem();
    if (!pem)
        return pem.error();
    const QDir dir(identityDirectory());
    if (auto written = writePrivate(dir.filePath(participant + QStringLiteral(".key.pem")), pem.value());
        !written)
        return written.error();
    const QByteArray certificate =
        issued->body().toObject().value(QStringLiteral("certificate")).toString().toLatin1();
    if (auto written = writePrivate(dir.filePath(participant + QStringLiteral(".cert.pem")), certificate);
        !written)
        return written.error();
    return loadIdentity(participant);
}

} // namespace cloudex::exchange
