#include "exchange/admincontroller.h"

#include "api/identityrequest.h"
#include "api/parse.h"
#include "api/participantrequest.h"
#include "api/revocation.h"
#include "core/logging.h"
#include "exchange/apiconvert.h"
#include "exchange/exchangejson.h"
#include "exchange/routehelpers.h"
#include "market/exchange.h"
#include "pki/certificateauthority.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

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

pki::RevocationReason toPki(api::RevocationReason reason)
{
    switch (reason) {
    case api::RevocationReason::KeyCompromise:
        return pki::RevocationReason::KeyCompromise;
    case api::RevocationReason::Superseded:
        return pki::RevocationReason::Superseded;
    case api::RevocationReason::CessationOfOperation:
        return pki::RevocationReason::CessationOfOperation;
    case api::RevocationReason::Unspecified:
        break;
    }
    return pki::RevocationReason::Unspecified;
}
} // namespace

void AdminController::addRoutes(net::ApiServer &api)
{
    const QString post = QStringLiteral("POST");
    api.route(post, QStringLiteral("/v1/participants"), bind(this, &AdminController::postParticipant),
              kPermissionOperate);
    api.route(QStringLiteral("PUT"), QStringLiteral("/v1/participants/{id}/limits"),
              bind(this, &AdminController::putLimits), kPermissionOperate);
    api.route(post, QStringLiteral("/v1/participants/{id}/kill-switch"),
              bind(this, &AdminController::postKillSwitch), kPermissionOperate);
    api.route(post, QStringLiteral("/v1/identities"), bind(this, &AdminController::postIdentity),
              kPermissionOperate);
    api.route(post, QStringLiteral("/v1/identities/{serial}/revoke"),
              bind(this, &AdminController::postRevokeIdentity), kPermissionOperate);
    api.route(post, QStringLiteral("/v1/contracts/{id}/terminate"),
              bind(this, &AdminController::postTerminateContract), kPermissionOperate);
}

void AdminController::postRevokeIdentity(const ApiRequest &request, ApiReply reply)
{
    auto parsed = api::parseRequest<api::RevokeIdentityRequest>(request.body);
    if (!parsed)
        return reply.sendProblem(badRequest(parsed.error()));
    // Serials are hex, as `openssl x509 -serial` prints them; either case.
    static const QRegularExpression hex(QStringLiteral("^[0-9A-Fa-f]{1,64}$"));
    const QString serial = request.params.value(QStringLiteral("serial")).toUpper();
    if (!hex.match(serial).hasMatch()) {
        return reply.sendProblem(
            ApiProblem::fromError(404, {QStringLiteral("pki.revoke.unknown"),
                                        Tr::tr("%1 is not a certificate serial.").arg(serial)}));
    }
    auto revoked = m_revoke(serial, toPki(parsed->reason),
                            request.identity.participant + u'/' + request.identity.name);
    if (!revoked) {
        const int status = revoked.error().code == u"pki.revoke.unknown"           ? 404
                           : revoked.error().code == u"pki.revoke.not-an-identity" ? 422
                                                                                   : 500;
        return reply.sendProblem(ApiProblem::fromError(status, revoked.error()));
    }
    reply.send(200, api::Revocation{serial, parsed->reason, revoked.value()}.toJson());
}

void AdminController::postTerminateContract(const ApiRequest &request, ApiReply reply)
{
    auto parsed = api::parseRequest<api::TerminateContractRequest>(request.body);
    if (!parsed)
        return reply.sendProblem(badRequest(parsed.error()));
    const QString reason = parsed->reason.trimmed();
    if (reason.isEmpty() || reason.size() > api::TerminateContractRequest::kMaxReasonLength) {
        ApiProblem problem =
            ApiProblem::badRequest(QStringLiteral("request.out-of-range"),
                                   Tr::tr("The field \"reason\" must say why, in 1 to %1 characters.")
                                       .arg(api::TerminateContractRequest::kMaxReasonLength));
        problem.extensions.insert(QStringLiteral("field"), QStringLiteral("reason"));
        return reply.sendProblem(problem);
    }
    const QString code = request.params.value(QStringLiteral("id"));
    const auto number = market::Exchange::parseContractCode(code);
    if (!number || !m_exchange.contract(*number))
        return reply.sendProblem(ApiProblem::notFound(Tr::tr("There is no contract %1.").arg(code)));
    const QString by = request.identity.name;
    // The engine journals the termination; the service then revokes the contract's
    // certificates, publishes a new CRL and the contract event (ExchangeService).
    m_exchange.terminateContract(*number, [reply, code, reason, by](const market::Ack &ack) mutable {
        if (ack.accepted) {
            qCWarning(lcExchange, "contract %s terminated by %s: %s", qPrintable(code), qPrintable(by),
                      qPrintable(reason));
        }
        answerAck(reply, ack, 200);
    });
}

void AdminController::postParticipant(const ApiRequest &request, ApiReply reply)
{
    auto parsed = api::parseRequest<api::ParticipantRequest>(request.body);
    if (!parsed)
        return reply.sendProblem(badRequest(parsed.error()));
    market::ParticipantProfile profile;
    profile.id = parsed->id;
    profile.role = toMarket(parsed->role);
    profile.jurisdiction = parsed->jurisdiction;
    profile.certifications = parsed->certifications;
    // Without a stated policy a participant handles metadata the standard way.
    profile.metadataPolicy = parsed->metadataPolicy.isEmpty() ? market::Exchange::metadataPolicies().value(0)
                                                              : parsed->metadataPolicy;
    const QString by = request.identity.name;
    m_exchange.addParticipant(profile, [reply, profile, by](const market::Ack &ack) mutable {
        if (ack.accepted) {
            qCInfo(lcExchange, "participant %s onboarded (jurisdiction %s) by %s", qPrintable(profile.id),
                   qPrintable(profile.jurisdiction), qPrintable(by));
        }
        answerAck(reply, ack, 201);
    });
}

void AdminController::putLimits(const ApiRequest &request, ApiReply reply)
{
    auto parsed = api::parseRequest<api::LimitsRequest>(request.body);
    if (!parsed)
        return reply.sendProblem(badRequest(parsed.error()));
    // A limit left out keeps the engine's default.
    market::RiskLimits limits;
    limits.maxOrderQuantity = parsed->maxOrderQuantity.value_or(limits.maxOrderQuantity);
    limits.maxOpenNotional = parsed->maxOpenNotional.value_or(limits.maxOpenNotional);
    limits.credit = parsed->credit.value_or(limits.credit);
    limits.allowedBuyers = parsed->allowedBuyers.value_or(QStringList());
    const QString participant = request.params.value(QStringLiteral("id"));
    const QString by = request.identity.name;
    m_exchange.setLimits(participant, limits, [reply, participant, by](const market::Ack &ack) mutable {
        if (ack.accepted)
            qCInfo(lcExchange, "limits of %s changed by %s", qPrintable(participant), qPrintable(by));
        answerAck(reply, ack, 200);
    });
}

void AdminController::postKillSwitch(const ApiRequest &request, ApiReply reply)
{
    auto parsed = api::parseRequest<api::KillSwitchRequest>(request.body);
    if (!parsed)
        return reply.sendProblem(badRequest(parsed.error()));
    const QString participant = request.params.value(QStringLiteral("id"));
    const bool blocked = parsed->blocked;
    const QString by = request.identity.name;
    m_exchange.setKillSwitch(
        participant, blocked, [reply, participant, blocked, by](const market::Ack &ack) mutable {
            if (ack.accepted) {
                qCWarning(lcExchange, "kill switch of %s %s by %s", qPrintable(participant),
                          blocked ? "engaged" : "released", qPrintable(by));
            }
            answerAck(reply, ack, 200);
        });
}

void AdminController::postIdentity(const ApiRequest &request, ApiReply reply)
{
    auto parsed = api::parseRequest<api::IdentityRequest>(request.body);
    if (!parsed)
        return reply.sendProblem(badRequest(parsed.error()));
    const auto csr = base64(parsed->csr);
    if (!csr) {
        return reply.sendProblem(ApiProblem::badRequest(QStringLiteral("request.wrong-type"),
                                                        Tr::tr("The field \"csr\" must be base64 DER.")));
    }
    pki::IdentityRequest identity;
    switch (parsed->kind) {
    case api::IdentityKind::Participant:
        identity.kind = pki::CertificateKind::Participant;
        break;
    case api::IdentityKind::User:
        identity.kind = pki::CertificateKind::User;
        break;
    case api::IdentityKind::Site:
        identity.kind = pki::CertificateKind::Site;
        break;
    }
    const QString kind = api::toWire(parsed->kind);
    identity.participant = parsed->participant;
    identity.name = parsed->name;
    identity.organisation = parsed->organisation;
    identity.role = parsed->role;
    identity.permissions = parsed->permissions;
    auto issued = m_ca.issueIdentity(*csr, identity);
    if (!issued)
        return reply.sendProblem(ApiProblem::fromError(422, issued.error()));
    qCInfo(lcExchange, "identity %s issued: %s %s of %s, permissions [%s], by %s", qPrintable(issued->serial),
           qPrintable(kind), qPrintable(identity.name), qPrintable(identity.participant),
           qPrintable(identity.permissions.join(u',')), qPrintable(request.identity.name));
    pki::AuditEntry entry;
    entry.atMs = QDateTime::currentMSecsSinceEpoch();
    entry.participant = identity.participant;
    entry.user = identity.name;
    entry.action = QStringLiteral("issued");
    entry.serial = issued->serial;
    entry.permissions = identity.permissions;
    entry.by = request.identity.participant + u'/' + request.identity.name;
    entry.detail = kind;
    if (auto written = m_ca.appendAudit(entry); !written)
        qCWarning(lcExchange, "cannot record the identity audit: %s", qPrintable(written.error().message));
    reply.send(201, json::certificate(issued.value()));
}
} // namespace cloudex::exchange
