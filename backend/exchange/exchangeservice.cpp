#include "exchange/exchangeservice.h"

#include "api/orderchange.h"
#include "api/orderrequest.h"
#include "api/parse.h"
#include "catalogue/catalogue.h"
#include "exchange/apiconvert.h"
#include "exchange/exchangejson.h"
#include "market/exchange.h"
#include "exchange/exchangecontractdirectory.h"
#include "net/jsonfields.h"
#include "net/streamserver.h"
#include "pki/certificateauthority.h"
#include "pki/certificateverifier.h"
#include "pki/privatekey.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostInfo>
#include <QJsonArray>
#include <QNetworkInterface>
#include <QSslKey>
#include <QTimer>

namespace cloudex::exchange {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Exchange)
};

using net::ApiProblem;
using net::ApiReply;
using net::ApiRequest;
using net::JsonField;
using net::JsonType;

constexpr int kDefaultBookDepth = 10;
constexpr int kMaxBookDepth = 100;
constexpr int kDefaultTradeLimit = 100;
constexpr int kMaxTradeLimit = 1000;
constexpr qint64 kMsPerSec = 1000;
const QString kPermissionTrade = QStringLiteral("trade");
const QString kPermissionOperate = QStringLiteral("operate");

ApiProblem badRequest(const Error &error)
{
    return ApiProblem::fromError(400, error);
}

ApiProblem wrongValue(const QString &field, const QString &allowed)
{
    return ApiProblem::badRequest(QStringLiteral("request.wrong-type"),
                                  Tr::tr("The field \"%1\" must be one of %2.").arg(field, allowed));
}

/// Answers an engine acknowledgement: `okStatus` when accepted, 422 with the engine's reason
/// code otherwise.
void answerAck(ApiReply &reply, const market::Ack &ack, int okStatus)
{
    if (!ack.accepted) {
        ApiProblem problem = ApiProblem::fromError(422, ack.error);
        if (ack.duplicate)
            problem.extensions.insert(QStringLiteral("duplicate"), true);
        reply.sendProblem(problem);
        return;
    }
    reply.sendJson(okStatus, json::ack(ack));
}

/// Strings of a JSON array, or nothing when an element is not a string.
std::optional<QStringList> stringList(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString())
            return std::nullopt;
        out.append(item.toString());
    }
    return out;
}

ApiProblem notAStringList(const QString &field)
{
    return ApiProblem::badRequest(QStringLiteral("request.wrong-type"),
                                  Tr::tr("The field \"%1\" must be an array of strings.").arg(field));
}

std::optional<QByteArray> base64Field(const QJsonObject &object, const QString &field)
{
    const QByteArray text = object.value(field).toString().toLatin1();
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return std::nullopt;
    return decoded.decoded;
}

/// The CRL number inside a DER CRL (extension 2.5.29.20); 0 when absent.
qint64 crlNumber(const QByteArray &der)
{
    static const QByteArray oid = QByteArray::fromHex("0603551d14");
    qsizetype at = der.indexOf(oid);
    if (at < 0)
        return 0;
    at += oid.size();
    // OCTET STRING { INTEGER n }; short lengths only, as the CRL number is small.
    if (at + 1 < der.size() && quint8(der.at(at)) == 0x01) // critical flag BOOLEAN
        at += 3;
    if (at + 4 > der.size() || quint8(der.at(at)) != 0x04 || quint8(der.at(at + 2)) != 0x02)
        return 0;
    const int length = quint8(der.at(at + 3));
    qint64 n = 0;
    for (int i = 0; i < length && at + 4 + i < der.size(); ++i)
        n = (n << 8) | quint8(der.at(at + 4 + i));
    return n;
}

std::optional<qint64> queryInt(const ApiRequest &request, const QString &name, qint64 fallback)
{
    if (!request.query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const qint64 n = request.query.queryItemValue(name).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return n;
}
/// The participant's open order `id`. Unknown and foreign orders are refused here, before
/// the engine journals anything, and alike, so nobody learns of others' order ids.
std::optional<market::OrderInfo> ownOrder(const market::Exchange &exchange, const QString &participant,
                                          quint64 id)
{
    for (const market::OrderInfo &info : exchange.openOrders(participant)) {
        if (info.id == id)
            return info;
    }
    return std::nullopt;
}

ApiProblem unknownOrder()
{
    return ApiProblem::fromError(422, {QString::fromLatin1(market::reasonCode(market::Reason::UnknownOrder)),
                                       market::Exchange::messageFor(market::Reason::UnknownOrder)});
}
} // namespace

ExchangeService::ExchangeService(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_exchange(std::make_unique<market::Exchange>())
    , m_verifier(std::make_unique<pki::CertificateVerifier>(clock))
    , m_api(new net::ApiServer(clock, this))
    , m_stream(new net::StreamServer(*m_api, this))
{
    m_contracts = std::make_unique<ExchangeContractDirectory>(*m_exchange);
    m_api->setAuthenticator([this](const QSslCertificate &certificate) { return authenticate(certificate); });
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
    if (auto anchored = m_verifier->setTrustAnchor(m_ca->rootCertificate()); !anchored)
        return anchored.error();

    market::Exchange::Config exchangeConfig;
    exchangeConfig.products =
        config.products.isEmpty() ? catalogue::Catalogue::standard().products() : config.products;
    exchangeConfig.horizon = config.horizon;
    exchangeConfig.bandLowTicks = config.bandLowTicks;
    exchangeConfig.bandHighTicks = config.bandHighTicks;
    exchangeConfig.journal = config.journal;
    exchangeConfig.snapshotEvery = config.snapshotEvery;
    if (auto opened =
            m_exchange->open(QDir(config.directory).filePath(QStringLiteral("journal.db")), exchangeConfig);
        !opened) {
        return opened.error();
    }
    m_exchange->advanceClock(m_clock.nowMs() / kMsPerSec);
    if (config.clockIntervalMs > 0)
        m_exchange->startClock(&m_clock, config.clockIntervalMs);

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

    addRoutes();
    connectStream();
    m_stream->setFlushIntervalMs(config.streamFlushMs);
    auto listening = m_api->listen(apiConfig);
    if (!listening)
        return listening.error();
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
    m_identities.clear();
    return {};
}

Result<net::PeerIdentity> ExchangeService::authenticate(const QSslCertificate &certificate)
{
    if (certificate.isNull()) {
        return Error{QStringLiteral("auth.no-certificate"), Tr::tr("The client presented no certificate.")};
    }
    // The handshake checked the chain to our root, and the CA never reuses a serial, so the
    // serial names the certificate.
    const QByteArray qtSerial = certificate.serialNumber();
    if (auto it = m_identities.constFind(qtSerial); it != m_identities.constEnd()) {
        if (m_clock.nowMs() < it->notAfterMs)
            return it->identity;
        m_identities.erase(it);
    }
    const QString serial = QString::fromLatin1(qtSerial).remove(u':').toUpper();
    const QByteArray der = certificate.toDer();
    const std::optional<pki::IssuedCertificate> record = m_ca->find(serial);
    if (!record || record->der != der) {
        return Error{QStringLiteral("auth.unknown-certificate"),
                     Tr::tr("The certificate was not issued by this exchange.")};
    }
    if (record->kind == pki::CertificateKind::Contract) {
        return Error{QStringLiteral("auth.wrong-kind"),
                     Tr::tr("A contract certificate is not an identity for the exchange API.")};
    }
    if (m_ca->isRevoked(serial))
        return Error{QStringLiteral("auth.revoked"), Tr::tr("The certificate has been revoked.")};
    auto crl = m_ca->crl();
    if (!crl)
        return crl.error();
    if (auto set = m_verifier->setCrl(crl.value()); !set)
        return set.error();
    pki::Expectation expectation;
    expectation.kind = record->kind;
    auto verified = m_verifier->verify(der, expectation);
    if (!verified)
        return Error{QStringLiteral("auth.invalid-certificate"), verified.error().message};

    net::PeerIdentity identity;
    identity.participant = verified->participant;
    identity.name = verified->name;
    identity.role = verified->identity.role;
    identity.permissions = verified->identity.permissions;
    identity.serial = serial;
    m_identities.insert(qtSerial, CachedIdentity{identity, verified->notAfterMs});
    return identity;
}

void ExchangeService::addRoutes()
{
    auto bind = [this](void (ExchangeService::*handler)(const ApiRequest &, ApiReply)) {
        return [this, handler](const ApiRequest &request, ApiReply reply) {
            (this->*handler)(request, reply);
        };
    };
    const QString get = QStringLiteral("GET");
    const QString post = QStringLiteral("POST");
    net::ApiServer &api = *m_api;
    api.route(get, QStringLiteral("/v1/instruments"), bind(&ExchangeService::getInstruments));
    api.route(get, QStringLiteral("/v1/orders"), bind(&ExchangeService::getOrders), kPermissionTrade);
    api.route(post, QStringLiteral("/v1/orders"), bind(&ExchangeService::postOrder), kPermissionTrade);
    api.route(QStringLiteral("PATCH"), QStringLiteral("/v1/orders/{id}"), bind(&ExchangeService::patchOrder),
              kPermissionTrade);
    api.route(QStringLiteral("DELETE"), QStringLiteral("/v1/orders/{id}"),
              bind(&ExchangeService::deleteOrder), kPermissionTrade);
    api.route(get, QStringLiteral("/v1/trades"), bind(&ExchangeService::getTrades));
    api.route(get, QStringLiteral("/v1/fills"), bind(&ExchangeService::getFills), kPermissionTrade);
    api.route(get, QStringLiteral("/v1/contracts"), bind(&ExchangeService::getContracts));
    api.route(get, QStringLiteral("/v1/contracts/{id}"), bind(&ExchangeService::getContract));
    api.route(post, QStringLiteral("/v1/contracts/{id}/certificates"),
              bind(&ExchangeService::postContractCertificate), kPermissionTrade);
    api.route(get, QStringLiteral("/v1/contracts/{id}/certificates"),
              bind(&ExchangeService::getContractCertificates));
    api.route(get, QStringLiteral("/v1/ca"), bind(&ExchangeService::getCa));
    api.route(get, QStringLiteral("/v1/crl"), bind(&ExchangeService::getCrl));
    api.route(get, QStringLiteral("/v1/market/book/{symbol}"), bind(&ExchangeService::getBook));
    api.route(get, QStringLiteral("/v1/market/candles/{symbol}"), bind(&ExchangeService::getCandles));
    api.route(get, QStringLiteral("/v1/market/spot/{product}"), bind(&ExchangeService::getSpot));
    api.route(get, QStringLiteral("/v1/market/curve/{product}"), bind(&ExchangeService::getCurve));
    api.route(post, QStringLiteral("/v1/participants"), bind(&ExchangeService::postParticipant),
              kPermissionOperate);
    api.route(QStringLiteral("PUT"), QStringLiteral("/v1/participants/{id}/limits"),
              bind(&ExchangeService::putLimits), kPermissionOperate);
    api.route(post, QStringLiteral("/v1/participants/{id}/kill-switch"),
              bind(&ExchangeService::postKillSwitch), kPermissionOperate);
    api.route(post, QStringLiteral("/v1/identities"), bind(&ExchangeService::postIdentity),
              kPermissionOperate);
}

// ---- routes ---------------------------------------------------------------------------

void ExchangeService::getInstruments(const ApiRequest &request, ApiReply reply)
{
    const QString product = request.query.queryItemValue(QStringLiteral("product"));
    const QString kind = request.query.queryItemValue(QStringLiteral("kind"));
    QJsonArray out;
    for (const market::InstrumentInfo &info : m_exchange->instruments()) {
        if (!product.isEmpty() && info.productSymbol != product)
            continue;
        if (!kind.isEmpty() && kind != QString(catalogue::periodKindLetter(info.kind)))
            continue;
        out.append(json::instrument(info));
    }
    reply.send(200, QJsonObject{{QStringLiteral("instruments"), out}});
}

void ExchangeService::getOrders(const ApiRequest &request, ApiReply reply)
{
    reply.send(200,
               QJsonObject{{QStringLiteral("orders"),
                            json::array(m_exchange->openOrders(request.identity.participant), json::order)}});
}

void ExchangeService::postOrder(const ApiRequest &request, ApiReply reply)
{
    auto parsed = api::parseRequest<api::OrderRequest>(request.body);
    if (!parsed)
        return reply.sendProblem(badRequest(parsed.error()));
    market::OrderRequest order = toMarket(parsed.value());
    if (order.clientOrderId.isEmpty())
        order.clientOrderId = QString::fromLatin1(request.header("idempotency-key"));
    m_exchange->submitOrder(request.identity.participant, order,
                            [reply](const market::Ack &ack) mutable { answerAck(reply, ack, 201); });
}

void ExchangeService::patchOrder(const ApiRequest &request, ApiReply reply)
{
    bool isNumber = false;
    const quint64 id = request.params.value(QStringLiteral("id")).toULongLong(&isNumber);
    if (!isNumber)
        return reply.sendProblem(ApiProblem::notFound(
            Tr::tr("There is no order %1.").arg(request.params.value(QStringLiteral("id")))));
    auto change = api::parseRequest<api::OrderChange>(request.body);
    if (!change)
        return reply.sendProblem(badRequest(change.error()));
    const auto current = ownOrder(*m_exchange, request.identity.participant, id);
    if (!current)
        return reply.sendProblem(unknownOrder());
    // A field left out keeps the order's current value.
    const qint64 price = change->price.value_or(current->priceTicks);
    const qint64 quantity = change->quantity.value_or(current->remaining);
    m_exchange->replaceOrder(request.identity.participant, id, price, quantity,
                             [reply](const market::Ack &ack) mutable { answerAck(reply, ack, 200); });
}

void ExchangeService::deleteOrder(const ApiRequest &request, ApiReply reply)
{
    bool isNumber = false;
    const quint64 id = request.params.value(QStringLiteral("id")).toULongLong(&isNumber);
    if (!isNumber)
        return reply.sendProblem(ApiProblem::notFound(
            Tr::tr("There is no order %1.").arg(request.params.value(QStringLiteral("id")))));
    if (!request.body.isEmpty())
        return reply.sendProblem(ApiProblem::badRequest(QStringLiteral("request.unknown-field"),
                                                        Tr::tr("This request takes no body.")));
    if (!ownOrder(*m_exchange, request.identity.participant, id))
        return reply.sendProblem(unknownOrder());
    m_exchange->cancelOrder(request.identity.participant, id,
                            [reply](const market::Ack &ack) mutable { answerAck(reply, ack, 200); });
}

void ExchangeService::getTrades(const ApiRequest &request, ApiReply reply)
{
    const QString symbol = request.query.queryItemValue(QStringLiteral("symbol"));
    if (symbol.isEmpty()) {
        return reply.sendProblem(ApiProblem::badRequest(
            QStringLiteral("request.missing-field"), Tr::tr("The query parameter \"symbol\" is required.")));
    }
    const auto limit = queryInt(request, QStringLiteral("limit"), kDefaultTradeLimit);
    if (!limit || *limit < 1) {
        return reply.sendProblem(
            ApiProblem::badRequest(QStringLiteral("request.wrong-type"),
                                   Tr::tr("The query parameter \"limit\" must be a positive integer.")));
    }
    reply.send(
        200,
        QJsonObject{{QStringLiteral("trades"),
                     json::array(m_exchange->recentTrades(symbol, int(qMin<qint64>(*limit, kMaxTradeLimit))),
                                 json::trade)}});
}

void ExchangeService::getFills(const ApiRequest &request, ApiReply reply)
{
    reply.send(200, QJsonObject{{QStringLiteral("fills"),
                                 json::array(m_exchange->fills(request.identity.participant), json::fill)}});
}

void ExchangeService::getContracts(const ApiRequest &request, ApiReply reply)
{
    reply.send(200, QJsonObject{{QStringLiteral("contracts"),
                                 json::array(m_exchange->contractsOf(request.identity.participant),
                                             json::contract)}});
}

namespace {
/// The contract named in the path if the caller is one of its parties.
std::optional<market::ContractInfo> ownContract(const market::Exchange &exchange, const ApiRequest &request)
{
    const auto number = market::Exchange::parseContractCode(request.params.value(QStringLiteral("id")));
    if (!number)
        return std::nullopt;
    auto contract = exchange.contract(*number);
    if (!contract ||
        (contract->buyer != request.identity.participant && contract->seller != request.identity.participant))
        return std::nullopt;
    return contract;
}

ApiProblem noSuchContract(const ApiRequest &request)
{
    return ApiProblem::notFound(
        Tr::tr("You have no contract %1.").arg(request.params.value(QStringLiteral("id"))));
}
} // namespace

void ExchangeService::getContract(const ApiRequest &request, ApiReply reply)
{
    const auto contract = ownContract(*m_exchange, request);
    if (!contract)
        return reply.sendProblem(noSuchContract(request));
    reply.send(200, json::contract(*contract));
}

void ExchangeService::postContractCertificate(const ApiRequest &request, ApiReply reply)
{
    const auto contract = ownContract(*m_exchange, request);
    if (!contract)
        return reply.sendProblem(noSuchContract(request));
    auto body = net::parseJsonObject(request.body);
    if (!body)
        return reply.sendProblem(badRequest(body.error()));
    if (auto checked = net::checkFields(body.value(), {{QStringLiteral("csr"), JsonType::String}}); !checked)
        return reply.sendProblem(badRequest(checked.error()));
    const auto csr = base64Field(body.value(), QStringLiteral("csr"));
    if (!csr) {
        return reply.sendProblem(ApiProblem::badRequest(QStringLiteral("request.wrong-type"),
                                                        Tr::tr("The field \"csr\" must be base64 DER.")));
    }
    if (contract->buyer != request.identity.participant) {
        return reply.sendProblem(
            ApiProblem::forbidden(QStringLiteral("auth.not-buyer"),
                                  Tr::tr("Only the buyer of a contract requests its certificates.")));
    }
    auto issued = m_ca->issueContractCertificate(
        {*csr, market::Exchange::contractCode(contract->id), request.identity.participant}, *m_contracts);
    if (!issued)
        return reply.sendProblem(ApiProblem::fromError(422, issued.error()));
    reply.send(201, json::certificate(issued.value()));
}

void ExchangeService::getContractCertificates(const ApiRequest &request, ApiReply reply)
{
    const auto contract = ownContract(*m_exchange, request);
    if (!contract)
        return reply.sendProblem(noSuchContract(request));
    reply.send(
        200,
        QJsonObject{{QStringLiteral("certificates"),
                     json::array(m_ca->certificatesForContract(market::Exchange::contractCode(contract->id)),
                                 json::certificate)}});
}

void ExchangeService::getCa(const ApiRequest &, ApiReply reply)
{
    reply.send(200, QJsonObject{{QStringLiteral("certificate"), QString::fromLatin1(caCertificatePem())}});
}

void ExchangeService::getCrl(const ApiRequest &, ApiReply reply)
{
    auto crl = m_ca->crl();
    if (!crl)
        return reply.sendProblem(ApiProblem::fromError(500, crl.error()));
    reply.send(200, QJsonObject{{QStringLiteral("crl"), QString::fromLatin1(crl->toBase64())},
                                {QStringLiteral("number"), crlNumber(crl.value())}});
}

void ExchangeService::getBook(const ApiRequest &request, ApiReply reply)
{
    const QString symbol = request.params.value(QStringLiteral("symbol"));
    if (!m_exchange->openSymbols().contains(symbol))
        return reply.sendProblem(ApiProblem::notFound(Tr::tr("No open instrument %1.").arg(symbol)));
    const auto depth = queryInt(request, QStringLiteral("depth"), kDefaultBookDepth);
    if (!depth || *depth < 1) {
        return reply.sendProblem(
            ApiProblem::badRequest(QStringLiteral("request.wrong-type"),
                                   Tr::tr("The query parameter \"depth\" must be a positive integer.")));
    }
    reply.send(200, json::book(symbol, m_exchange->depth(symbol, int(qMin<qint64>(*depth, kMaxBookDepth)))));
}

void ExchangeService::getCandles(const ApiRequest &request, ApiReply reply)
{
    const QString symbol = request.params.value(QStringLiteral("symbol"));
    const QString name = request.query.hasQueryItem(QStringLiteral("resolution"))
                             ? request.query.queryItemValue(QStringLiteral("resolution"))
                             : QStringLiteral("1m");
    const auto resolution = json::resolutionFrom(name);
    if (!resolution)
        return reply.sendProblem(wrongValue(QStringLiteral("resolution"), QStringLiteral("1m, 5m, 1h, 1d")));
    reply.send(200, QJsonObject{{QStringLiteral("symbol"), symbol},
                                {QStringLiteral("resolution"), name},
                                {QStringLiteral("candles"),
                                 json::array(m_exchange->candles(symbol, *resolution), json::candle)}});
}

void ExchangeService::getSpot(const ApiRequest &request, ApiReply reply)
{
    const QString product = request.params.value(QStringLiteral("product"));
    if (!catalogue::Catalogue::standard().parseProduct(product))
        return reply.sendProblem(ApiProblem::notFound(Tr::tr("No product %1.").arg(product)));
    reply.send(200, QJsonObject{{QStringLiteral("product"), product},
                                {QStringLiteral("price"), m_exchange->spotIndex(product)}});
}

void ExchangeService::getCurve(const ApiRequest &request, ApiReply reply)
{
    const QString product = request.params.value(QStringLiteral("product"));
    if (!catalogue::Catalogue::standard().parseProduct(product))
        return reply.sendProblem(ApiProblem::notFound(Tr::tr("No product %1.").arg(product)));
    reply.send(200, QJsonObject{{QStringLiteral("product"), product},
                                {QStringLiteral("points"),
                                 json::array(m_exchange->forwardCurve(product), json::curvePoint)}});
}

void ExchangeService::postParticipant(const ApiRequest &request, ApiReply reply)
{
    auto body = net::parseJsonObject(request.body);
    if (!body)
        return reply.sendProblem(badRequest(body.error()));
    const QJsonObject &o = body.value();
    auto checked = net::checkFields(o, {{QStringLiteral("id"), JsonType::String},
                                        {QStringLiteral("role"), JsonType::String},
                                        {QStringLiteral("jurisdiction"), JsonType::String},
                                        {QStringLiteral("certifications"), JsonType::Array, false},
                                        {QStringLiteral("metadataPolicy"), JsonType::String, false}});
    if (!checked)
        return reply.sendProblem(badRequest(checked.error()));
    const auto role = json::roleFrom(o.value(QStringLiteral("role")).toString());
    if (!role)
        return reply.sendProblem(wrongValue(QStringLiteral("role"), QStringLiteral("buyer, seller, both")));
    const auto certifications = stringList(o.value(QStringLiteral("certifications")));
    if (!certifications)
        return reply.sendProblem(notAStringList(QStringLiteral("certifications")));
    market::ParticipantProfile profile;
    profile.id = o.value(QStringLiteral("id")).toString();
    profile.role = *role;
    profile.jurisdiction = o.value(QStringLiteral("jurisdiction")).toString();
    profile.certifications = *certifications;
    // Without a stated policy a participant handles metadata the standard way.
    profile.metadataPolicy =
        o.value(QStringLiteral("metadataPolicy")).toString(market::Exchange::metadataPolicies().value(0));
    m_exchange->addParticipant(profile,
                               [reply](const market::Ack &ack) mutable { answerAck(reply, ack, 201); });
}

void ExchangeService::putLimits(const ApiRequest &request, ApiReply reply)
{
    auto body = net::parseJsonObject(request.body);
    if (!body)
        return reply.sendProblem(badRequest(body.error()));
    const QJsonObject &o = body.value();
    auto checked = net::checkFields(o, {{QStringLiteral("maxOrderQuantity"), JsonType::Integer, false},
                                        {QStringLiteral("maxOpenNotional"), JsonType::Integer, false},
                                        {QStringLiteral("credit"), JsonType::Integer, false},
                                        {QStringLiteral("allowedBuyers"), JsonType::Array, false}});
    if (!checked)
        return reply.sendProblem(badRequest(checked.error()));
    const auto buyers = stringList(o.value(QStringLiteral("allowedBuyers")));
    if (!buyers)
        return reply.sendProblem(notAStringList(QStringLiteral("allowedBuyers")));
    market::RiskLimits limits;
    limits.maxOrderQuantity = o.value(QStringLiteral("maxOrderQuantity")).toInteger(limits.maxOrderQuantity);
    limits.maxOpenNotional = o.value(QStringLiteral("maxOpenNotional")).toInteger(limits.maxOpenNotional);
    limits.credit = o.value(QStringLiteral("credit")).toInteger(limits.credit);
    limits.allowedBuyers = *buyers;
    m_exchange->setLimits(request.params.value(QStringLiteral("id")), limits,
                          [reply](const market::Ack &ack) mutable { answerAck(reply, ack, 200); });
}

void ExchangeService::postKillSwitch(const ApiRequest &request, ApiReply reply)
{
    auto body = net::parseJsonObject(request.body);
    if (!body)
        return reply.sendProblem(badRequest(body.error()));
    if (auto checked = net::checkFields(body.value(), {{QStringLiteral("blocked"), JsonType::Boolean}});
        !checked)
        return reply.sendProblem(badRequest(checked.error()));
    m_exchange->setKillSwitch(request.params.value(QStringLiteral("id")),
                              body->value(QStringLiteral("blocked")).toBool(),
                              [reply](const market::Ack &ack) mutable { answerAck(reply, ack, 200); });
}

void ExchangeService::postIdentity(const ApiRequest &request, ApiReply reply)
{
    auto body = net::parseJsonObject(request.body);
    if (!body)
        return reply.sendProblem(badRequest(body.error()));
    const QJsonObject &o = body.value();
    auto checked = net::checkFields(o, {{QStringLiteral("kind"), JsonType::String},
                                        {QStringLiteral("participant"), JsonType::String},
                                        {QStringLiteral("name"), JsonType::String},
                                        {QStringLiteral("organisation"), JsonType::String, false},
                                        {QStringLiteral("role"), JsonType::String, false},
                                        {QStringLiteral("permissions"), JsonType::Array, false},
                                        {QStringLiteral("csr"), JsonType::String}});
    if (!checked)
        return reply.sendProblem(badRequest(checked.error()));
    pki::IdentityRequest identity;
    const QString kind = o.value(QStringLiteral("kind")).toString();
    if (kind == u"participant")
        identity.kind = pki::CertificateKind::Participant;
    else if (kind == u"user")
        identity.kind = pki::CertificateKind::User;
    else if (kind == u"site")
        identity.kind = pki::CertificateKind::Site;
    else
        return reply.sendProblem(
            wrongValue(QStringLiteral("kind"), QStringLiteral("participant, user, site")));
    const auto permissions = stringList(o.value(QStringLiteral("permissions")));
    if (!permissions)
        return reply.sendProblem(notAStringList(QStringLiteral("permissions")));
    const auto csr = base64Field(o, QStringLiteral("csr"));
    if (!csr) {
        return reply.sendProblem(ApiProblem::badRequest(QStringLiteral("request.wrong-type"),
                                                        Tr::tr("The field \"csr\" must be base64 DER.")));
    }
    identity.participant = o.value(QStringLiteral("participant")).toString();
    identity.name = o.value(QStringLiteral("name")).toString();
    identity.organisation = o.value(QStringLiteral("organisation")).toString();
    identity.role = o.value(QStringLiteral("role")).toString();
    identity.permissions = *permissions;
    auto issued = m_ca->issueIdentity(*csr, identity);
    if (!issued)
        return reply.sendProblem(ApiProblem::fromError(422, issued.error()));
    reply.send(201, json::certificate(issued.value()));
}

// ---- stream ---------------------------------------------------------------------------

void ExchangeService::connectStream()
{
    m_stream->setSnapshotProvider([this](const QString &channel) { return snapshot(channel); });
    m_stream->setChannelFilter([this](const QString &channel) { return channelExists(channel); });

    market::Exchange *x = m_exchange.get();
    connect(x, &market::Exchange::tradeExecuted, this, [this](const market::TradeInfo &trade) {
        const QString tape = QStringLiteral("trades.") + trade.symbol;
        if (m_stream->isFollowed(tape))
            m_stream->publish(tape, json::trade(trade));
        // Each party sees its own side of the trade.
        for (const bool buyer : {true, false}) {
            const QString channel = QStringLiteral("fills@") + (buyer ? trade.buyer : trade.seller);
            if (!m_stream->isFollowed(channel))
                continue;
            market::FillInfo fill;
            fill.trade = trade;
            fill.side = buyer ? market::Side::Buy : market::Side::Sell;
            fill.counterparty = buyer ? trade.seller : trade.buyer;
            fill.orderId = buyer ? trade.buyOrder : trade.sellOrder;
            m_stream->publish(channel, json::fill(fill));
        }
        markDirty(trade.symbol, true);
    });
    connect(x, &market::Exchange::orderEvent, this, [this](const market::OrderEvent &event) {
        const QString channel = QStringLiteral("orders@") + event.participant;
        if (m_stream->isFollowed(channel))
            m_stream->publish(channel, json::orderEvent(event));
    });
    connect(x, &market::Exchange::contractChanged, this, &ExchangeService::onContractChanged);
    connect(x, &market::Exchange::bookChanged, this,
            [this](const QString &symbol) { markDirty(symbol, false); });
    connect(x, &market::Exchange::spotIndexChanged, this, [this](const QString &product, qint64 ticks) {
        m_stream->publish(QStringLiteral("spot.") + product, QJsonObject{{QStringLiteral("price"), ticks}});
    });
    connect(x, &market::Exchange::instrumentListed, this, [this](const QString &symbol) {
        m_listed.append(symbol);
        markDirty({}, false);
    });
    connect(x, &market::Exchange::instrumentClosed, this, [this](const QString &symbol) {
        m_closed.append(symbol);
        markDirty({}, false);
    });
}

void ExchangeService::onContractChanged(const market::ContractInfo &contract)
{
    const QJsonObject object = json::contract(contract);
    m_stream->publish(QStringLiteral("contracts@") + contract.buyer, object);
    if (contract.seller != contract.buyer)
        m_stream->publish(QStringLiteral("contracts@") + contract.seller, object);
    if (contract.state == market::ContractState::Terminated) {
        // Early termination: the contract's certificates go on the CRL at once.
        auto revoked = m_ca->revokeContract(market::Exchange::contractCode(contract.id),
                                            pki::RevocationReason::CessationOfOperation);
        if (!revoked)
            qWarning("exchange: cannot revoke the certificates of %s: %s",
                     qPrintable(market::Exchange::contractCode(contract.id)),
                     qPrintable(revoked.error().message));
    }
}

/// Books and candles change with every order: they are published once per pass of the
/// event loop, whatever the number of commands acknowledged in it.
void ExchangeService::markDirty(const QString &symbol, bool candles)
{
    if (!symbol.isEmpty())
        (candles ? m_dirtyCandles : m_dirtyBooks).insert(symbol);
    if (m_publishScheduled)
        return;
    m_publishScheduled = true;
    QTimer::singleShot(0, this, &ExchangeService::publishDirty);
}

void ExchangeService::publishDirty()
{
    m_publishScheduled = false;
    for (const QString &symbol : std::as_const(m_dirtyBooks)) {
        const QString channel = QStringLiteral("book.") + symbol;
        if (m_stream->isFollowed(channel))
            m_stream->publish(channel, json::book(symbol, m_exchange->depth(symbol, kDefaultBookDepth)));
    }
    m_dirtyBooks.clear();
    for (const QString &symbol : std::as_const(m_dirtyCandles)) {
        for (int r = 0; r < int(market::kResolutionSecs.size()); ++r) {
            const auto resolution = market::Resolution(r);
            const QString channel = QStringLiteral("candles.%1.%2").arg(symbol, json::resolutionName(resolution));
            if (!m_stream->isFollowed(channel))
                continue;
            const QList<market::Candle> candles = m_exchange->candles(symbol, resolution);
            if (!candles.isEmpty())
                m_stream->publish(channel, json::candle(candles.constLast()));
        }
    }
    m_dirtyCandles.clear();
    if (!m_listed.isEmpty() || !m_closed.isEmpty()) {
        m_stream->publish(QStringLiteral("instruments"),
                          QJsonObject{{QStringLiteral("listed"), QJsonArray::fromStringList(m_listed)},
                                      {QStringLiteral("closed"), QJsonArray::fromStringList(m_closed)}});
        m_listed.clear();
        m_closed.clear();
    }
}

namespace {
/// "topic.rest" or "topic@participant" split at the first separator.
std::pair<QString, QString> splitChannel(const QString &channel)
{
    const qsizetype at = channel.indexOf(u'@');
    if (at > 0)
        return {channel.left(at + 1), channel.mid(at + 1)};
    const qsizetype dot = channel.indexOf(u'.');
    if (dot < 0)
        return {channel, {}};
    return {channel.left(dot + 1), channel.mid(dot + 1)};
}

/// "DE...T14.1m" -> the symbol and the resolution name.
std::pair<QString, QString> splitCandles(const QString &rest)
{
    const qsizetype dot = rest.lastIndexOf(u'.');
    return {rest.left(dot), rest.mid(dot + 1)};
}
} // namespace

bool ExchangeService::channelExists(const QString &channel) const
{
    const auto [topic, rest] = splitChannel(channel);
    if (topic == u"instruments")
        return true;
    if (topic == u"orders@" || topic == u"fills@" || topic == u"contracts@")
        return !rest.isEmpty();
    if (topic == u"spot.")
        return catalogue::Catalogue::standard().parseProduct(rest).ok();
    if (topic == u"trades." || topic == u"book.")
        return m_exchange->openSymbols().contains(rest) || !m_exchange->recentTrades(rest, 1).isEmpty();
    if (topic == u"candles.") {
        const auto [symbol, resolution] = splitCandles(rest);
        return json::resolutionFrom(resolution).has_value() &&
               (m_exchange->openSymbols().contains(symbol) || !m_exchange->recentTrades(symbol, 1).isEmpty());
    }
    return false;
}

QJsonValue ExchangeService::snapshot(const QString &channel) const
{
    const auto [topic, rest] = splitChannel(channel);
    if (topic == u"instruments")
        return QJsonObject{
            {QStringLiteral("instruments"), json::array(m_exchange->instruments(), json::instrument)}};
    if (topic == u"orders@")
        return QJsonObject{
            {QStringLiteral("orders"), json::array(m_exchange->openOrders(rest), json::order)}};
    if (topic == u"fills@")
        return QJsonObject{{QStringLiteral("fills"), json::array(m_exchange->fills(rest), json::fill)}};
    if (topic == u"contracts@")
        return QJsonObject{
            {QStringLiteral("contracts"), json::array(m_exchange->contractsOf(rest), json::contract)}};
    if (topic == u"spot.")
        return QJsonObject{{QStringLiteral("price"), m_exchange->spotIndex(rest)}};
    if (topic == u"trades.")
        return QJsonObject{{QStringLiteral("trades"),
                            json::array(m_exchange->recentTrades(rest, kDefaultTradeLimit), json::trade)}};
    if (topic == u"book.")
        return json::book(rest, m_exchange->depth(rest, kDefaultBookDepth));
    if (topic == u"candles.") {
        const auto [symbol, resolution] = splitCandles(rest);
        return QJsonObject{
            {QStringLiteral("candles"),
             json::array(m_exchange->candles(symbol, *json::resolutionFrom(resolution)), json::candle)}};
    }
    return {};
}

} // namespace cloudex::exchange
