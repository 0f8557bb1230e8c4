#include "exchange/sitescontroller.h"

#include "api/parse.h"
#include "api/site.h"
#include "api/usage.h"
#include "api/vmoperations.h"
#include "core/logging.h"
#include "exchange/apiconvert.h"
#include "exchange/exchangejson.h"
#include "exchange/routehelpers.h"
#include "market/exchange.h"
#include "pki/certificateauthority.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QUrl>

namespace cloudex::exchange {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Exchange)
};

using net::ApiProblem;
using net::ApiReply;
using net::ApiRequest;
using namespace routes;

/// A refusal of the exchange: auth.* is 403, an unknown contract 404, a settled contract
/// 409, a failed journal 503, the rest 422.
ApiProblem refusal(const Error &error)
{
    int status = 422;
    if (error.code.startsWith(u"auth."))
        status = 403;
    else if (error.code == u"contract.unknown")
        status = 404;
    else if (error.code == u"usage.settled")
        status = 409;
    else if (error.code == u"store.failed")
        status = 503;
    return ApiProblem::fromError(status, error);
}

/// Whether `host` is one of the names (DNS or IP) of `certificate`'s subjectAltName.
bool certifiesHost(const QSslCertificate &certificate, const QString &host)
{
    const auto names = certificate.subjectAlternativeNames();
    const QHostAddress address(host);
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        if (it.key() == QSsl::DnsEntry && it.value().compare(host, Qt::CaseInsensitive) == 0)
            return true;
        if (it.key() == QSsl::IpAddressEntry && !address.isNull() && QHostAddress(it.value()) == address)
            return true;
    }
    return false;
}
} // namespace

void SitesController::addRoutes(net::ApiServer &api)
{
    const QString get = QStringLiteral("GET");
    api.route(QStringLiteral("PUT"), QStringLiteral("/v1/sites/{siteId}"),
              bind(this, &SitesController::putSite));
    api.route(get, QStringLiteral("/v1/sites"), bind(this, &SitesController::getSites));
    api.route(QStringLiteral("POST"), QStringLiteral("/v1/contracts/{id}/usage"),
              bind(this, &SitesController::postUsage));
    api.route(QStringLiteral("POST"), QStringLiteral("/v1/sites/{siteId}/vm-operations"),
              bind(this, &SitesController::postVmOperations));
    api.route(get, QStringLiteral("/v1/settlements"), bind(this, &SitesController::getSettlements),
              kPermissionTrade);
    api.route(get, QStringLiteral("/v1/settlements/{contractId}"), bind(this, &SitesController::getSettlement),
              kPermissionTrade);
}

bool SitesController::isSiteIdentity(const ApiRequest &request) const
{
    const std::optional<pki::IssuedCertificate> record = m_ca.find(request.identity.serial);
    return record && record->kind == pki::CertificateKind::Site;
}

void SitesController::putSite(const ApiRequest &request, ApiReply reply)
{
    const QString siteId = request.params.value(QStringLiteral("siteId"));
    // Only the site itself registers, under its own participant.
    if (!isSiteIdentity(request) || request.identity.name != siteId) {
        return reply.sendProblem(
            ApiProblem::forbidden(QStringLiteral("auth.not-this-site"),
                                  Tr::tr("Only the identity of site %1 registers it.").arg(siteId)));
    }
    auto parsed = api::parseRequest<api::SiteRegistration>(request.body);
    if (!parsed)
        return reply.sendProblem(badRequest(parsed.error()));
    const api::SiteRegistration &body = parsed.value();

    const QUrl endpoint(body.endpoint, QUrl::StrictMode);
    if (!endpoint.isValid() || endpoint.scheme() != u"https" || endpoint.host().isEmpty() ||
        !endpoint.userInfo().isEmpty() || !(endpoint.path().isEmpty() || endpoint.path() == u"/") ||
        endpoint.hasQuery() || endpoint.hasFragment()) {
        return reply.sendProblem(ApiProblem::fromError(
            422, Error{QStringLiteral("site.bad-endpoint"),
                       Tr::tr("The endpoint must be an https URL of a host and port (https://host:port)."),
                       QStringLiteral("endpoint")}));
    }
    const std::optional<pki::IssuedCertificate> record = m_ca.find(request.identity.serial);
    if (!certifiesHost(QSslCertificate(record->der, QSsl::Der), endpoint.host())) {
        return reply.sendProblem(ApiProblem::fromError(
            422, Error{QStringLiteral("site.endpoint-not-certified"),
                       Tr::tr("The site certificate does not name the host %1.").arg(endpoint.host()),
                       QStringLiteral("endpoint")}));
    }

    market::SiteInfo site;
    site.id = siteId;
    site.participant = request.identity.participant;
    site.name = body.name;
    site.endpoint = body.endpoint;
    site.products = body.products;
    m_exchange.registerSite(site, [this, reply, siteId](const market::Ack &ack) mutable {
        if (!ack.accepted)
            return reply.sendProblem(refusal(ack.error));
        const std::optional<market::SiteInfo> registered = m_exchange.site(siteId);
        if (!registered)
            return reply.sendProblem(ApiProblem::notFound(Tr::tr("Site %1 is not registered.").arg(siteId)));
        qCInfo(lcExchange, "site %s of %s registered at %s", qPrintable(siteId),
               qPrintable(registered->participant), qPrintable(registered->endpoint));
        reply.send(200, json::site(*registered));
    });
}

void SitesController::getSites(const ApiRequest &request, ApiReply reply)
{
    reply.send(200, QJsonObject{{QStringLiteral("sites"),
                                 json::array(m_exchange.sitesOf(request.identity.participant), json::site)}});
}

void SitesController::postUsage(const ApiRequest &request, ApiReply reply)
{
    const QString code = request.params.value(QStringLiteral("id"));
    const auto number = market::Exchange::parseContractCode(code);
    const auto contract = number ? m_exchange.contract(*number) : std::nullopt;
    if (!contract)
        return reply.sendProblem(ApiProblem::notFound(Tr::tr("There is no contract %1.").arg(code)));
    if (!isSiteIdentity(request) || request.identity.participant != contract->seller ||
        request.identity.name != contract->siteId) {
        return reply.sendProblem(ApiProblem::forbidden(
            QStringLiteral("auth.not-site-of-contract"),
            Tr::tr("Only the site that holds contract %1 reports its usage.").arg(code)));
    }
    auto parsed = api::parseRequest<api::UsageReport>(request.body);
    if (!parsed)
        return reply.sendProblem(badRequest(parsed.error()));
    QList<market::UsageHourInfo> hours;
    hours.reserve(parsed->hours.size());
    for (const api::UsageHour &hour : std::as_const(parsed->hours))
        hours.append(toMarket(hour));
    m_exchange.reportUsage(*number, request.identity.name, parsed->final, hours,
                           [reply](const market::Ack &ack) mutable {
                               if (!ack.accepted)
                                   return reply.sendProblem(refusal(ack.error));
                               reply.send(200, api::UsageAck{qint64(ack.commandSeq), true}.toJson());
                           });
}

void SitesController::postVmOperations(const ApiRequest &request, ApiReply reply)
{
    const QString siteId = request.params.value(QStringLiteral("siteId"));
    if (!isSiteIdentity(request) || request.identity.name != siteId) {
        return reply.sendProblem(
            ApiProblem::forbidden(QStringLiteral("auth.not-this-site"),
                                  Tr::tr("Only the identity of site %1 reports its VM operations.").arg(siteId)));
    }
    auto parsed = api::parseRequest<api::VmOperationReport>(request.body);
    if (!parsed)
        return reply.sendProblem(badRequest(parsed.error()));
    // Every record is checked before any is kept: one refused record refuses the batch.
    static const QRegularExpression vmName(QStringLiteral("^[a-z0-9][a-z0-9-]{0,31}$"));
    QList<pki::VmOperationRecord> records;
    records.reserve(parsed->operations.size());
    for (qsizetype i = 0; i < parsed->operations.size(); ++i) {
        const api::SiteVmOperation &o = parsed->operations.at(i);
        const QString at = QStringLiteral("operations[%1].").arg(i);
        const auto number = market::Exchange::parseContractCode(o.contractId);
        const auto contract = number ? m_exchange.contract(*number) : std::nullopt;
        if (!contract) {
            return reply.sendProblem(ApiProblem::fromError(
                404, Error{QStringLiteral("contract.unknown"), Tr::tr("There is no contract %1.").arg(o.contractId),
                           at + QStringLiteral("contractId")}));
        }
        if (contract->seller != request.identity.participant || contract->siteId != siteId) {
            ApiProblem problem = ApiProblem::forbidden(
                QStringLiteral("auth.not-site-of-contract"),
                Tr::tr("Site %1 does not hold contract %2: it reports no VM operation of it.")
                    .arg(siteId, o.contractId));
            problem.extensions.insert(QStringLiteral("field"), QString(at + QStringLiteral("contractId")));
            return reply.sendProblem(problem);
        }
        if (!vmName.match(o.vm).hasMatch()) {
            return reply.sendProblem(ApiProblem::fromError(
                422, Error{QStringLiteral("vm-operation.bad-vm"),
                           Tr::tr("A VM name is 1 to 32 lower-case letters, digits and '-'."), at + QStringLiteral("vm")}));
        }
        if (o.user.size() > 64 || o.serial.size() > 64) {
            return reply.sendProblem(ApiProblem::fromError(
                422, Error{QStringLiteral("vm-operation.too-long"),
                           Tr::tr("A user name or certificate serial has at most 64 characters."),
                           at + (o.user.size() > 64 ? QStringLiteral("user") : QStringLiteral("serial"))}));
        }
        pki::VmOperationRecord record;
        record.site = siteId;
        record.siteId = o.id;
        record.contract = o.contractId;
        record.buyer = contract->buyer;
        record.vm = o.vm;
        record.operation = api::toWire(o.operation);
        record.user = o.user;
        record.serial = o.serial;
        record.atMs = o.time * 1000;
        records.append(record);
    }
    const Result<int> added = m_ca.appendVmOperations(records);
    if (!added)
        return reply.sendProblem(ApiProblem::fromError(503, added.error()));
    qCInfo(lcExchange, "site %s reported %lld VM operations (%d new)", qPrintable(siteId),
           qlonglong(records.size()), added.value());
    reply.send(200, api::VmOperationReportAck{added.value(), qint64(records.size()) - added.value()}.toJson());
}

void SitesController::getSettlements(const ApiRequest &request, ApiReply reply)
{
    reply.send(200, QJsonObject{{QStringLiteral("settlements"),
                                 json::array(m_exchange.settlementsOf(request.identity.participant),
                                             json::settlement)}});
}

void SitesController::getSettlement(const ApiRequest &request, ApiReply reply)
{
    const QString code = request.params.value(QStringLiteral("contractId"));
    const auto number = market::Exchange::parseContractCode(code);
    const auto contract = number ? m_exchange.contract(*number) : std::nullopt;
    const auto settlement = contract ? m_exchange.settlement(*number) : std::nullopt;
    if (!settlement || (contract->buyer != request.identity.participant &&
                        contract->seller != request.identity.participant)) {
        return reply.sendProblem(
            ApiProblem::notFound(Tr::tr("You have no settlement of contract %1.").arg(code)));
    }
    reply.send(200, json::settlement(*settlement));
}

} // namespace cloudex::exchange
