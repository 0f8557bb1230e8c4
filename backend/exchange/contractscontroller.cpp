#include "exchange/contractscontroller.h"

#include "core/logging.h"
#include "exchange/exchangecontractdirectory.h"
#include "exchange/exchangejson.h"
#include "exchange/routehelpers.h"
#include "market/exchange.h"
#include "net/jsonfields.h"
#include "pki/certificateauthority.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSslCertificate>

namespace cloudex::exchange {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Exchange)
};

using net::ApiProblem;
using net::ApiReply;
using net::ApiRequest;
using net::JsonType;
using namespace routes;

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

void ContractsController::addRoutes(net::ApiServer &api)
{
    const QString get = QStringLiteral("GET");
    const QString certificates = QStringLiteral("/v1/contracts/{id}/certificates");
    api.route(get, QStringLiteral("/v1/contracts"), bind(this, &ContractsController::getContracts));
    api.route(get, QStringLiteral("/v1/contracts/{id}"), bind(this, &ContractsController::getContract));
    api.route(QStringLiteral("POST"), certificates, bind(this, &ContractsController::postContractCertificate),
              kPermissionDeploy);
    api.route(get, certificates, bind(this, &ContractsController::getContractCertificates));
    api.route(get, QStringLiteral("/v1/ca"), bind(this, &ContractsController::getCa));
    api.route(get, QStringLiteral("/v1/crl"), bind(this, &ContractsController::getCrl));
}

void ContractsController::getContracts(const ApiRequest &request, ApiReply reply)
{
    reply.send(200, QJsonObject{
                        {QStringLiteral("contracts"),
                         json::array(m_exchange.contractsOf(request.identity.participant), json::contract)}});
}

void ContractsController::getContract(const ApiRequest &request, ApiReply reply)
{
    const auto contract = ownContract(m_exchange, request);
    if (!contract)
        return reply.sendProblem(noSuchContract(request));
    reply.send(200, json::contract(*contract));
}

void ContractsController::postContractCertificate(const ApiRequest &request, ApiReply reply)
{
    const auto contract = ownContract(m_exchange, request);
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
    auto issued = m_ca.issueContractCertificate({*csr, market::Exchange::contractCode(contract->id),
                                                 request.identity.participant, request.identity.name},
                                                m_contracts);
    if (!issued)
        return reply.sendProblem(ApiProblem::fromError(422, issued.error()));
    qCInfo(lcExchange, "contract certificate %s issued for %s to %s", qPrintable(issued->serial),
           qPrintable(market::Exchange::contractCode(contract->id)), qPrintable(request.identity.name));
    reply.send(201, json::certificate(issued.value()));
}

void ContractsController::getContractCertificates(const ApiRequest &request, ApiReply reply)
{
    const auto contract = ownContract(m_exchange, request);
    if (!contract)
        return reply.sendProblem(noSuchContract(request));
    reply.send(
        200,
        QJsonObject{{QStringLiteral("certificates"),
                     json::array(m_ca.certificatesForContract(market::Exchange::contractCode(contract->id)),
                                 json::certificate)}});
}

void ContractsController::getCa(const ApiRequest &, ApiReply reply)
{
    reply.send(
        200, QJsonObject{{QStringLiteral("certificate"),
                          QString::fromLatin1(QSslCertificate(m_ca.rootCertificate(), QSsl::Der).toPem())}});
}

void ContractsController::getCrl(const ApiRequest &, ApiReply reply)
{
    auto crl = m_ca.crl();
    if (!crl)
        return reply.sendProblem(ApiProblem::fromError(500, crl.error()));
    reply.send(200, QJsonObject{{QStringLiteral("crl"), QString::fromLatin1(crl->toBase64())},
                                {QStringLiteral("number"), crlNumber(crl.value())}});
}
} // namespace cloudex::exchange
