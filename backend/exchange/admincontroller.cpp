#include "exchange/admincontroller.h"

#include "core/logging.h"
#include "exchange/exchangejson.h"
#include "exchange/routehelpers.h"
#include "market/exchange.h"
#include "net/jsonfields.h"
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
using net::JsonType;
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
    auto body = net::parseJsonObject(request.body);
    if (!body)
        return reply.sendProblem(badRequest(body.error()));
    if (auto checked = net::checkFields(body.value(), {{QStringLiteral("blocked"), JsonType::Boolean}});
        !checked)
        return reply.sendProblem(badRequest(checked.error()));
    const QString participant = request.params.value(QStringLiteral("id"));
    const bool blocked = body->value(QStringLiteral("blocked")).toBool();
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
    auto issued = m_ca.issueIdentity(*csr, identity);
    if (!issued)
        return reply.sendProblem(ApiProblem::fromError(422, issued.error()));
    qCInfo(lcExchange, "identity %s issued: %s %s of %s, permissions [%s], by %s", qPrintable(issued->serial),
           qPrintable(kind), qPrintable(identity.name), qPrintable(identity.participant),
           qPrintable(identity.permissions.join(u',')), qPrintable(request.identity.name));
    reply.send(201, json::certificate(issued.value()));
}
} // namespace cloudex::exchange
