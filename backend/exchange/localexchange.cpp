#include "exchange/localexchange.h"

#include "exchange/exchangeservice.h"
#include "market/exchange.h"
#include "net/apiclient.h"
#include "pki/certificateauthority.h"
#include "pki/privatekey.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSslKey>
#include <QTimer>

#include <memory>
#include <utility>

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

/// Calls `handler` once `call` has finished, or with an unfinished call after
/// kCallTimeoutMs (callError() then says the exchange did not answer). Both run on
/// `context`'s thread and not at all once `context` is gone.
void whenFinished(net::ApiCall *call, QObject *context, std::function<void()> handler)
{
    if (call->isFinished()) {
        handler();
        return;
    }
    auto once = std::make_shared<std::function<void()>>(std::move(handler));
    const auto fire = [once] {
        if (auto h = std::exchange(*once, nullptr))
            h();
    };
    QObject::connect(call, &net::ApiCall::finished, context, fire);
    QTimer::singleShot(kCallTimeoutMs, context, fire);
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

LocalExchange::LocalExchange(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_service(new ExchangeService(clock, this))
{}

LocalExchange::~LocalExchange() = default;

QString LocalExchange::identityDirectory() const
{
    return QDir(m_options.dataDirectory).filePath(QStringLiteral("exchange/identities"));
}

void LocalExchange::start(const Options &options, StartCallback done)
{
    m_options = options;
    ExchangeService::Config config;
    config.directory = QDir(options.dataDirectory).filePath(QStringLiteral("exchange"));
    config.products = options.products;
    config.horizon = options.horizon;
    config.clockIntervalMs = options.clockIntervalMs;
    if (auto opened = m_service->open(config); !opened)
        return done(opened.error());
    if (!QDir().mkpath(identityDirectory())) {
        return done(Error{QStringLiteral("exchange.directory"),
                          Tr::tr("Cannot create the directory %1.").arg(identityDirectory())});
    }
    QFile::setPermissions(identityDirectory(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    auto operatorIdentity = operatorTls();
    if (!operatorIdentity)
        return done(operatorIdentity.error());
    m_operatorTls = operatorIdentity.value();
    onboardParticipant(options.participant, market::Role::Both, options.jurisdiction,
                       [this, done = std::move(done)](Result<QSslConfiguration> local) {
                           if (!local)
                               return done(local.error());
                           m_clientTls = local.value();
                           m_started = true;
                           done({});
                       });
}

QUrl LocalExchange::baseUrl() const
{
    return m_service->baseUrl();
}

QByteArray LocalExchange::caCertificatePem() const
{
    return m_service->caCertificatePem();
}

Result<QSslConfiguration> LocalExchange::loadIdentity(const QString &name) const
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

bool LocalExchange::hasPermissions(const QSslConfiguration &tls, const QStringList &permissions) const
{
    const auto identity = m_service->authenticate(tls.localCertificate());
    if (!identity)
        return false;
    for (const QString &permission : permissions) {
        if (!identity->hasPermission(permission))
            return false;
    }
    return true;
}

Result<QSslConfiguration> LocalExchange::operatorTls()
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
    return storeIdentity(kOperatorFile, pem.value(), issued->pem());
}

Result<QSslConfiguration> LocalExchange::storeIdentity(const QString &name, const QByteArray &keyPem,
                                                       const QByteArray &certificatePem)
{
    const QDir dir(identityDirectory());
    if (auto written = writePrivate(dir.filePath(name + QStringLiteral(".key.pem")), keyPem); !written)
        return written.error();
    if (auto written = writePrivate(dir.filePath(name + QStringLiteral(".cert.pem")), certificatePem);
        !written)
        return written.error();
    return loadIdentity(name);
}

void LocalExchange::onboardParticipant(const QString &participant, market::Role role,
                                       const QString &jurisdiction, IdentityCallback done)
{
    const bool local = participant == m_options.participant;
    // The desk's own user administers its participant; every user here trades and deploys.
    QStringList permissions{QStringLiteral("trade"), QStringLiteral("deploy")};
    if (local)
        permissions.append(QStringLiteral("admin"));
    // An identity stored before a permission existed is issued anew with it.
    if (auto existing = loadIdentity(participant); existing && hasPermissions(existing.value(), permissions))
        return done(existing);
    // One client per onboarding: its calls die with it, and with this object.
    auto *client = new net::ApiClient(baseUrl(), m_operatorTls, this);
    const auto finish = [client, done = std::move(done)](Result<QSslConfiguration> result) {
        client->deleteLater();
        done(std::move(result));
    };
    net::ApiCall *added = client->post(
        QStringLiteral("/v1/participants"),
        QJsonObject{{QStringLiteral("id"), participant},
                    {QStringLiteral("role"), roleName(role)},
                    {QStringLiteral("jurisdiction"), jurisdiction},
                    {QStringLiteral("certifications"), QJsonArray()},
                    {QStringLiteral("metadataPolicy"), market::Exchange::metadataPolicies().value(0)}});
    whenFinished(added, client, [this, client, added, participant, local, permissions, finish] {
        const bool known =
            added->problem() &&
            added->problem()->code == QLatin1String(market::reasonCode(market::Reason::DuplicateParticipant));
        if (!added->ok() && !known)
            return finish(callError(*added));

        auto key = pki::PrivateKey::generate();
        if (!key)
            return finish(key.error());
        auto keyPem = key->toPem();
        if (!keyPem)
            return finish(keyPem.error());
        const QString user = local ? m_options.user : QStringLiteral("u-trader");
        auto csr = pki::createCertificateRequest(key.value(), {participant, user, {}, {}});
        if (!csr)
            return finish(csr.error());
        net::ApiCall *issued = client->post(
            QStringLiteral("/v1/identities"),
            QJsonObject{{QStringLiteral("kind"), QStringLiteral("user")},
                        {QStringLiteral("participant"), participant},
                        {QStringLiteral("name"), user},
                        {QStringLiteral("organisation"), local ? m_options.organisation : participant},
                        {QStringLiteral("role"), QStringLiteral("trader")},
                        {QStringLiteral("permissions"), QJsonArray::fromStringList(permissions)},
                        {QStringLiteral("csr"), QString::fromLatin1(csr->toBase64())}});
        whenFinished(issued, client, [this, issued, participant, pem = keyPem.value(), finish] {
            if (!issued->ok())
                return finish(callError(*issued));
            const QByteArray certificate =
                issued->body().toObject().value(QStringLiteral("certificate")).toString().toLatin1();
            finish(storeIdentity(participant, pem, certificate));
        });
    });
}

void LocalExchange::issueSiteIdentity(const QString &seller, const QString &siteId, IdentityCallback done)
{
    const QString file = QStringLiteral("site-") + siteId;
    if (auto existing = loadIdentity(file))
        return done(existing);
    auto key = pki::PrivateKey::generate();
    if (!key)
        return done(key.error());
    auto keyPem = key->toPem();
    if (!keyPem)
        return done(keyPem.error());
    auto csr =
        pki::createCertificateRequest(key.value(), {seller, siteId, {QStringLiteral("localhost")}, {}});
    if (!csr)
        return done(csr.error());
    auto *client = new net::ApiClient(baseUrl(), m_operatorTls, this);
    net::ApiCall *issued =
        client->post(QStringLiteral("/v1/identities"),
                     QJsonObject{{QStringLiteral("kind"), QStringLiteral("site")},
                                 {QStringLiteral("participant"), seller},
                                 {QStringLiteral("name"), siteId},
                                 {QStringLiteral("organisation"), seller},
                                 {QStringLiteral("role"), QStringLiteral("site")},
                                 {QStringLiteral("csr"), QString::fromLatin1(csr->toBase64())}});
    whenFinished(issued, client, [this, client, issued, file, pem = keyPem.value(), done = std::move(done)] {
        client->deleteLater();
        if (!issued->ok())
            return done(callError(*issued));
        const QByteArray certificate =
            issued->body().toObject().value(QStringLiteral("certificate")).toString().toLatin1();
        done(storeIdentity(file, pem, certificate));
    });
}

} // namespace cloudex::exchange
