#include "exchange/admincontroller.h"

#include "api/identityrequest.h"
#include "api/parse.h"
#include "api/participantrequest.h"
#include "core/logging.h"
#include "exchange/apiconvert.h"
#include "exchange/exchangejson.h"
#include "exchange/routehelpers.h"
#include "market/exchange.h"
#include "pki/certificateauthority.h"

#include <QCoreApplication>
#include <QJsonArray>

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
    reply.send(201, json::certificate(issued.value()));
}
} // namespace cloudex::exchange
