#include "exchange/userscontroller.h"

#include "api/parse.h"
#include "api/users.h"
#include "api/vmoperations.h"
#include "core/logging.h"
#include "exchange/exchangejson.h"
#include "exchange/routehelpers.h"
#include "market/engine.h"
#include "market/exchange.h"
#include "net/jsonfields.h"
#include "pki/certificateauthority.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>

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

/// `permissions` within what an admin may grant, without repeats; else the 403 naming the
/// first one that is not.
std::optional<ApiProblem> notGrantable(const QStringList &permissions)
{
    const QStringList grantable = api::grantablePermissions();
    for (const QString &permission : permissions) {
        if (!grantable.contains(permission)) {
            ApiProblem problem = ApiProblem::forbidden(
                QStringLiteral("auth.permission-not-grantable"),
                Tr::tr("An organisation's administrator grants only trade, deploy and admin, not \"%1\".")
                    .arg(permission));
            problem.extensions.insert(QStringLiteral("permission"), permission);
            return problem;
        }
    }
    if (QSet<QString>(permissions.begin(), permissions.end()).size() != permissions.size()) {
        ApiProblem problem = ApiProblem::badRequest(QStringLiteral("request.out-of-range"),
                                                    Tr::tr("A permission is named twice."));
        problem.extensions.insert(QStringLiteral("field"), QStringLiteral("permissions"));
        return problem;
    }
    return std::nullopt;
}

QString who(const ApiRequest &request)
{
    return request.identity.participant + u'/' + request.identity.name;
}

/// The engine's limits of `participant` (the defaults when it is unknown).
market::RiskLimits limitsOf(const market::Exchange &exchange, const QString &participant)
{
    market::RiskLimits limits;
    const std::string name = participant.toStdString();
    // Participant ids are dense from 0; the engine has no lookup by name of its own.
    int misses = 0;
    for (market::ParticipantId id = 0; misses < 64; ++id) {
        const market::Participant *p = exchange.engine().participant(id);
        if (!p) {
            ++misses;
            continue;
        }
        misses = 0;
        if (p->name == name) {
            limits.maxOrderQuantity = p->maxOrderQuantity;
            limits.maxOpenNotional = p->maxOpenNotional;
            limits.credit = p->credit;
            break;
        }
    }
    return limits;
}

ApiProblem noSuchUser(const QString &user)
{
    return ApiProblem::fromError(
        404, {QStringLiteral("user.not-found"), Tr::tr("There is no active user %1.").arg(user)});
}
} // namespace

void UsersController::addRoutes(net::ApiServer &api)
{
    const QString users = QStringLiteral("/v1/participants/{id}/users");
    const QString user = users + QStringLiteral("/{name}");
    api.route(QStringLiteral("GET"), users, bind(this, &UsersController::getUsers), kPermissionAdmin);
    api.route(QStringLiteral("POST"), users, bind(this, &UsersController::postUser), kPermissionAdmin);
    api.route(QStringLiteral("PUT"), user + QStringLiteral("/permissions"),
              bind(this, &UsersController::putPermissions), kPermissionAdmin);
    api.route(QStringLiteral("POST"), user + QStringLiteral("/revoke"),
              bind(this, &UsersController::postRevoke), kPermissionAdmin);
    api.route(QStringLiteral("PUT"), user + QStringLiteral("/limits"),
              bind(this, &UsersController::putLimits), kPermissionAdmin);
    api.route(QStringLiteral("GET"), QStringLiteral("/v1/participants/{id}/audit"),
              bind(this, &UsersController::getAudit), kPermissionAdmin);
    api.route(QStringLiteral("GET"), QStringLiteral("/v1/participants/{id}/vm-operations"),
              bind(this, &UsersController::getVmOperations), kPermissionAdmin);
}

bool UsersController::ownParticipant(const ApiRequest &request, ApiReply &reply) const
{
    if (request.params.value(QStringLiteral("id")) == request.identity.participant)
        return true;
    reply.sendProblem(
        ApiProblem::forbidden(QStringLiteral("auth.not-own-participant"),
                              Tr::tr("An administrator manages the users of their own participant (%1) only.")
                                  .arg(request.identity.participant)));
    return false;
}

QList<pki::IssuedCertificate> UsersController::liveIdentities(const QString &participant,
                                                              const QString &user) const
{
    QList<pki::IssuedCertificate> live;
    for (const pki::IssuedCertificate &certificate :
         m_ca.identitiesOf(participant, pki::CertificateKind::User)) {
        if (certificate.name == user && !m_ca.isRevoked(certificate.serial))
            live.append(certificate);
    }
    return live;
}

void UsersController::audit(const ApiRequest &request, const QString &user, const QString &action,
                            const QString &serial, const QStringList &permissions, const QString &detail)
{
    pki::AuditEntry entry;
    entry.atMs = QDateTime::currentMSecsSinceEpoch();
    entry.participant = request.identity.participant;
    entry.user = user;
    entry.action = action;
    entry.serial = serial;
    entry.permissions = permissions;
    entry.by = who(request);
    entry.detail = detail;
    if (auto written = m_ca.appendAudit(entry); !written)
        qCWarning(lcExchange, "cannot record the identity audit: %s", qPrintable(written.error().message));
    qCInfo(lcExchange, "user %s of %s %s (%s) [%s] by %s", qPrintable(user), qPrintable(entry.participant),
           qPrintable(action), qPrintable(serial), qPrintable(permissions.join(u',')), qPrintable(entry.by));
}

void UsersController::getUsers(const ApiRequest &request, ApiReply reply)
{
    if (!ownParticipant(request, reply))
        return;
    const QString participant = request.identity.participant;
    // The newest certificate of each name says what the user is now.
    QMap<QString, api::User> users;
    for (const pki::IssuedCertificate &certificate :
         m_ca.identitiesOf(participant, pki::CertificateKind::User)) {
        const bool revoked = m_ca.isRevoked(certificate.serial);
        auto it = users.find(certificate.name);
        // A revoked newer certificate (a superseded one is older) does not hide a live one.
        if (it != users.end() && it->state == u"active" && revoked)
            continue;
        api::User user;
        user.name = certificate.name;
        user.serial = certificate.serial;
        user.permissions =
            pki::CertificateAuthority::identityOf(certificate).value_or(pki::IdentityRequest{}).permissions;
        user.state = revoked ? QStringLiteral("revoked") : QStringLiteral("active");
        user.notAfter = certificate.notAfterMs / 1000;
        const pki::UserLimits limits = m_ca.userLimits(participant, certificate.name);
        user.limits.maxOrderQuantity = limits.maxOrderQuantity;
        user.limits.maxOpenNotional = limits.maxOpenNotional;
        users.insert(user.name, user);
    }
    QJsonArray list;
    for (const api::User &user : std::as_const(users))
        list.append(user.toJson());
    reply.send(200, QJsonObject{{QStringLiteral("users"), list}});
}

void UsersController::postUser(const ApiRequest &request, ApiReply reply)
{
    if (!ownParticipant(request, reply))
        return;
    auto parsed = api::parseRequest<api::UserIssueRequest>(request.body);
    if (!parsed)
        return reply.sendProblem(badRequest(parsed.error()));
    if (auto refused = notGrantable(parsed->permissions))
        return reply.sendProblem(*refused);
    const auto csr = base64(parsed->csr);
    if (!csr) {
        ApiProblem problem = ApiProblem::badRequest(QStringLiteral("request.wrong-type"),
                                                    Tr::tr("The field \"csr\" must be base64 DER."));
        problem.extensions.insert(QStringLiteral("field"), QStringLiteral("csr"));
        return reply.sendProblem(problem);
    }
    const QString participant = request.identity.participant;
    if (!liveIdentities(participant, parsed->name).isEmpty()) {
        return reply.sendProblem(ApiProblem::fromError(
            409, {QStringLiteral("user.exists"),
                  Tr::tr("%1 already has an identity; change its permissions or revoke it first.")
                      .arg(parsed->name)}));
    }
    pki::IdentityRequest identity;
    identity.kind = pki::CertificateKind::User;
    identity.participant = participant;
    identity.name = parsed->name;
    identity.organisation = parsed->organisation;
    identity.role = parsed->role.isEmpty() ? QStringLiteral("user") : parsed->role;
    identity.permissions = parsed->permissions;
    auto issued = m_ca.issueIdentity(*csr, identity);
    if (!issued)
        return reply.sendProblem(ApiProblem::fromError(422, issued.error()));
    audit(request, identity.name, QStringLiteral("issued"), issued->serial, identity.permissions, {});
    reply.send(201, json::certificate(issued.value()));
}

void UsersController::putPermissions(const ApiRequest &request, ApiReply reply)
{
    if (!ownParticipant(request, reply))
        return;
    auto parsed = api::parseRequest<api::UserPermissionsRequest>(request.body);
    if (!parsed)
        return reply.sendProblem(badRequest(parsed.error()));
    if (auto refused = notGrantable(parsed->permissions))
        return reply.sendProblem(*refused);
    const QString participant = request.identity.participant;
    const QString name = request.params.value(QStringLiteral("name"));
    const QList<pki::IssuedCertificate> live = liveIdentities(participant, name);
    if (live.isEmpty())
        return reply.sendProblem(noSuchUser(name));
    const pki::IssuedCertificate &current = live.constLast();
    pki::IdentityRequest identity =
        pki::CertificateAuthority::identityOf(current).value_or(pki::IdentityRequest{});
    const bool hadDeploy = identity.permissions.contains(kPermissionDeploy);
    identity.kind = pki::CertificateKind::User;
    identity.participant = participant;
    identity.name = name;
    identity.permissions = parsed->permissions;
    // The same key, signed anew; the old certificate is revoked with it.
    auto issued = m_ca.reissueIdentity(current.serial, identity);
    if (!issued)
        return reply.sendProblem(ApiProblem::fromError(422, issued.error()));
    QStringList older;
    for (const pki::IssuedCertificate &certificate : live)
        older.append(certificate.serial);
    // Taking deploy away takes the contract certificates with it, at once.
    const bool dropDeploy = hadDeploy && !parsed->permissions.contains(kPermissionDeploy);
    auto revoked =
        m_revoke(participant, name, older, dropDeploy, pki::RevocationReason::Superseded, who(request));
    if (!revoked)
        return reply.sendProblem(ApiProblem::fromError(500, revoked.error()));
    audit(request, name, QStringLiteral("permissions-changed"), issued->serial, identity.permissions,
          Tr::tr("replaces %1").arg(older.join(QStringLiteral(", "))) +
              (revoked->contractCertificates.isEmpty()
                   ? QString()
                   : Tr::tr("; contract certificates revoked: %1")
                         .arg(revoked->contractCertificates.join(QStringLiteral(", ")))));
    reply.send(200, json::certificate(issued.value()));
}

void UsersController::postRevoke(const ApiRequest &request, ApiReply reply)
{
    if (!ownParticipant(request, reply))
        return;
    if (!request.body.isEmpty()) {
        auto parsed = net::parseJsonObject(request.body);
        if (!parsed)
            return reply.sendProblem(badRequest(parsed.error()));
        if (!parsed->isEmpty())
            return reply.sendProblem(ApiProblem::badRequest(QStringLiteral("request.unknown-field"),
                                                            Tr::tr("This request takes an empty body.")));
    }
    const QString participant = request.identity.participant;
    const QString name = request.params.value(QStringLiteral("name"));
    const QList<pki::IssuedCertificate> live = liveIdentities(participant, name);
    if (live.isEmpty())
        return reply.sendProblem(noSuchUser(name));
    QStringList serials;
    for (const pki::IssuedCertificate &certificate : live)
        serials.append(certificate.serial);
    auto revoked =
        m_revoke(participant, name, serials, true, pki::RevocationReason::CessationOfOperation, who(request));
    if (!revoked)
        return reply.sendProblem(ApiProblem::fromError(500, revoked.error()));
    audit(request, name, QStringLiteral("revoked"), serials.constLast(), {},
          revoked->contractCertificates.isEmpty()
              ? QString()
              : Tr::tr("contract certificates revoked: %1")
                    .arg(revoked->contractCertificates.join(QStringLiteral(", "))));
    reply.send(200, QJsonObject{{QStringLiteral("user"), name},
                                {QStringLiteral("revoked"), QJsonArray::fromStringList(serials)},
                                {QStringLiteral("contractCertificates"),
                                 QJsonArray::fromStringList(revoked->contractCertificates)},
                                {QStringLiteral("crlNumber"), revoked->crlNumber}});
}

void UsersController::putLimits(const ApiRequest &request, ApiReply reply)
{
    if (!ownParticipant(request, reply))
        return;
    auto parsed = api::parseRequest<api::UserLimitsRequest>(request.body);
    if (!parsed)
        return reply.sendProblem(badRequest(parsed.error()));
    const QString participant = request.identity.participant;
    const QString name = request.params.value(QStringLiteral("name"));
    if (liveIdentities(participant, name).isEmpty())
        return reply.sendProblem(noSuchUser(name));
    // The organisation's limits sit within the exchange's limits of the participant.
    const market::RiskLimits exchange = limitsOf(m_exchange, participant);
    const auto outside = [&](const QString &field, std::optional<qint64> value, qint64 ceiling) {
        if (!value || (*value >= 1 && *value <= ceiling))
            return false;
        ApiProblem problem = ApiProblem::fromError(
            422, {QStringLiteral("user.limit-outside-exchange"),
                  Tr::tr("%1 must be between 1 and the exchange's limit of the participant, %2.")
                      .arg(field)
                      .arg(ceiling)});
        problem.extensions.insert(QStringLiteral("field"), field);
        reply.sendProblem(problem);
        return true;
    };
    if (outside(QStringLiteral("maxOrderQuantity"), parsed->maxOrderQuantity, exchange.maxOrderQuantity) ||
        outside(QStringLiteral("maxOpenNotional"), parsed->maxOpenNotional, exchange.maxOpenNotional))
        return;
    pki::UserLimits limits{parsed->maxOrderQuantity, parsed->maxOpenNotional};
    if (auto set = m_ca.setUserLimits(participant, name, limits); !set)
        return reply.sendProblem(ApiProblem::fromError(500, set.error()));
    audit(request, name, QStringLiteral("limits-changed"), {}, {},
          QString::fromUtf8(QJsonDocument(parsed->toJson()).toJson(QJsonDocument::Compact)));
    reply.send(200, parsed->toJson());
}

void UsersController::getAudit(const ApiRequest &request, ApiReply reply)
{
    if (!ownParticipant(request, reply))
        return;
    QJsonArray list;
    for (const pki::AuditEntry &entry : m_ca.audit(request.identity.participant)) {
        api::AuditEntry line{entry.atMs / 1000, entry.user, entry.action, entry.serial,
                             entry.permissions, entry.by,   entry.detail};
        list.append(line.toJson());
    }
    reply.send(200, QJsonObject{{QStringLiteral("audit"), list}});
}

void UsersController::getVmOperations(const ApiRequest &request, ApiReply reply)
{
    if (!ownParticipant(request, reply))
        return;
    constexpr qint64 kDefaultLimit = 1000;
    constexpr qint64 kMaxLimit = 10'000;
    const std::optional<qint64> limit = queryInt(request, QStringLiteral("limit"), kDefaultLimit);
    if (!limit || *limit < 1 || *limit > kMaxLimit) {
        ApiProblem problem = ApiProblem::badRequest(
            QStringLiteral("request.out-of-range"), Tr::tr("limit is a number from 1 to %1.").arg(kMaxLimit));
        problem.extensions.insert(QStringLiteral("field"), QStringLiteral("limit"));
        return reply.sendProblem(problem);
    }
    QJsonArray list;
    for (const pki::VmOperationRecord &r :
         m_ca.vmOperations(request.identity.participant, request.query.queryItemValue(QStringLiteral("contract"), QUrl::FullyDecoded),
                           request.query.queryItemValue(QStringLiteral("user"), QUrl::FullyDecoded), int(*limit))) {
        api::VmOperationEntry entry;
        entry.time = r.atMs / 1000;
        entry.user = r.user;
        entry.contractId = r.contract;
        entry.site = r.site;
        entry.vm = r.vm;
        entry.operation = api::fromWire<api::VmOperation>(r.operation).value_or(api::VmOperation::Create);
        entry.serial = r.serial;
        list.append(entry.toJson());
    }
    reply.send(200, QJsonObject{{QStringLiteral("operations"), list}});
}

} // namespace cloudex::exchange
